// Drift per column between two data profiles: PSI for numbers, Jensen–Shannon for categories, each
// with a two-sample test so that sampling noise in a small profile is not called drift.
import type { CategoryProfile, ColumnProfile, DataProfile, NumberProfile } from '../data/profile.js'
import { chiSquareUpperTail } from './chi-square.js'

/** Drift must also be beyond sampling noise: the two-sample test's p below this. */
export const DRIFT_SIGNIFICANCE = 0.01
/** A column at this fraction of max-drift is flagged (PSI 0.1 at the default 0.25), not failed. */
export const DRIFT_FLAG_FRACTION = 0.4
/** PSI is computed over the baseline's deciles. */
const PSI_BINS = 10
/** Unseen categories named per column. */
const UNSEEN_SHOWN = 10

export type DriftLevel = 'ok' | 'flagged' | 'drifted'

export interface ColumnDrift {
  column: string
  kind: 'number' | 'category'
  /** `psi` for numbers; `js` (Jensen–Shannon divergence, nats) for categories. */
  statistic: 'psi' | 'js'
  value: number
  /** On one scale: PSI, or 8 × JS (equal to PSI for small shifts: both are then χ²-divergence). */
  score: number
  /** The two-sample χ² (numbers) or G (categories) test's p-value. */
  p: number
  level: DriftLevel
  /** Categories the head has and the baseline, which counted all of its values, never had. */
  unseen?: string[]
}

export interface DriftReport {
  columns: ColumnDrift[]
  /** Columns compared in neither way, with why (kinds differ, identifiers, omitted from a profile). */
  notCompared: Array<{ column: string; reason: string }>
  added: string[]
  removed: string[]
}

/** The empirical CDF at `x` from equal-frequency quantiles, linear inside each bin. */
export function quantileCdf(quantiles: number[], x: number): number {
  const bins = quantiles.length - 1
  if (x < quantiles[0]) return 0
  let k = bins
  while (k > 0 && quantiles[k] > x) k--
  if (k === bins) return 1
  return (k + (x - quantiles[k]) / (quantiles[k + 1] - quantiles[k])) / bins
}

/** Probabilities of each bin between `edges` (plus both tails) under the CDF `cdf`. */
function binMasses(edges: number[], cdf: (x: number) => number): number[] {
  const cuts = [0, ...edges.map(cdf), 1]
  return cuts.slice(1).map((cut, index) => Math.max(0, cut - cuts[index]))
}

/**
 * A two-sample test of homogeneity on two rows of counts: `term(observed, expected)` summed over every
 * cell, p from χ² with (bins − 1) degrees of freedom.
 */
function homogeneity(
  a: number[],
  b: number[],
  term: (observed: number, expected: number) => number
) {
  const [na, nb] = [a.reduce((s, v) => s + v, 0), b.reduce((s, v) => s + v, 0)]
  let statistic = 0
  let bins = 0
  a.forEach((count, index) => {
    const total = count + b[index]
    if (total <= 0) return
    bins++
    statistic += term(count, (total * na) / (na + nb)) + term(b[index], (total * nb) / (na + nb))
  })
  return chiSquareUpperTail(statistic, bins - 1)
}

/** Pearson's χ² test (numbers' bins). */
const chiSquareTest = (a: number[], b: number[]): number =>
  homogeneity(a, b, (observed, expected) => (observed - expected) ** 2 / expected)

/** The G-test (categories): 2N × the weighted Jensen–Shannon divergence, exactly. */
const gTest = (a: number[], b: number[]): number =>
  homogeneity(a, b, (observed, expected) =>
    observed > 0 ? 2 * observed * Math.log(observed / expected) : 0
  )

function level(score: number, p: number, maxDrift: number): DriftLevel {
  if (p >= DRIFT_SIGNIFICANCE) return 'ok'
  if (score >= maxDrift) return 'drifted'
  return score >= DRIFT_FLAG_FRACTION * maxDrift ? 'flagged' : 'ok'
}

/** PSI over the baseline's deciles, masses smoothed by half a count so an empty bin stays finite. */
export function numberDrift(base: NumberProfile, head: NumberProfile, maxDrift: number) {
  const step = (base.quantiles.length - 1) / PSI_BINS
  const edges = [
    ...new Set(Array.from({ length: PSI_BINS - 1 }, (_, j) => base.quantiles[(j + 1) * step]))
  ]
  const counts = (profile: NumberProfile): number[] => {
    const n = profile.count - profile.nulls
    return binMasses(edges, x => quantileCdf(profile.quantiles, x)).map(mass => mass * n)
  }
  const [a, b] = [counts(base), counts(head)]
  const smooth = (row: number[]): number[] => {
    const n = row.reduce((s, v) => s + v, 0)
    return row.map(count => (count + 0.5) / (n + 0.5 * row.length))
  }
  const [pa, pb] = [smooth(a), smooth(b)]
  const psi = pa.reduce((sum, p, index) => sum + (pb[index] - p) * Math.log(pb[index] / p), 0)
  const p = chiSquareTest(a, b)
  return { statistic: 'psi' as const, value: psi, score: psi, p, level: level(psi, p, maxDrift) }
}

/**
 * The categories both sides can count: one known to a side (in its top list, or absent from a side
 * that counted every value) stays a bucket of its own; the others join the "other" bucket of both.
 */
function categoryBuckets(base: CategoryProfile, head: CategoryProfile) {
  const [a, b] = [new Map(base.top), new Map(head.top)]
  const known = (side: Map<string, number>, profile: CategoryProfile, value: string): boolean =>
    side.has(value) || profile.other === 0
  const names = [...new Set([...a.keys(), ...b.keys()])].filter(
    name => known(a, base, name) && known(b, head, name)
  )
  const kept = new Set(names)
  const rest = (side: Map<string, number>, profile: CategoryProfile): number =>
    profile.other + [...side].filter(([name]) => !kept.has(name)).reduce((s, [, n]) => s + n, 0)
  return {
    names,
    base: [...names.map(name => a.get(name) ?? 0), rest(a, base)],
    head: [...names.map(name => b.get(name) ?? 0), rest(b, head)]
  }
}

/** Jensen–Shannon divergence in nats between two rows of counts. */
export function jensenShannon(a: number[], b: number[]): number {
  const [na, nb] = [a.reduce((s, v) => s + v, 0), b.reduce((s, v) => s + v, 0)]
  let js = 0
  a.forEach((count, index) => {
    const [p, q] = [count / na, b[index] / nb]
    const m = (p + q) / 2
    if (p > 0) js += 0.5 * p * Math.log(p / m)
    if (q > 0) js += 0.5 * q * Math.log(q / m)
  })
  return js
}

export function categoryDrift(base: CategoryProfile, head: CategoryProfile, maxDrift: number) {
  const buckets = categoryBuckets(base, head)
  const js = jensenShannon(buckets.base, buckets.head)
  const p = gTest(buckets.base, buckets.head)
  const unseen = buckets.names
    .filter((_, index) => buckets.base[index] === 0 && buckets.head[index] > 0)
    .slice(0, UNSEEN_SHOWN)
  const score = 8 * js
  return {
    statistic: 'js' as const,
    value: js,
    score,
    p,
    level: level(score, p, maxDrift),
    ...(unseen.length ? { unseen } : {})
  }
}

function columnDrift(
  column: string,
  base: ColumnProfile,
  head: ColumnProfile,
  maxDrift: number
): ColumnDrift | string {
  if (base.kind !== head.kind) return `profiled as ${base.kind} before, ${head.kind} now`
  if (base.kind === 'text') return 'identifiers or free text: not compared'
  if (base.count === base.nulls || head.count === head.nulls) return 'no values on one side'
  if (base.kind === 'number')
    return { column, kind: 'number', ...numberDrift(base, head as NumberProfile, maxDrift) }
  return { column, kind: 'category', ...categoryDrift(base, head as CategoryProfile, maxDrift) }
}

/** Every column both profiles hold, compared; columns on one side only are named. */
export function profileDrift(base: DataProfile, head: DataProfile, maxDrift: number): DriftReport {
  const report: DriftReport = { columns: [], notCompared: [], added: [], removed: [] }
  const omitted = new Set([...(base.omitted ?? []), ...(head.omitted ?? [])])
  for (const [column, profile] of Object.entries(head.columns)) {
    const before = base.columns[column]
    if (!before) {
      if (omitted.has(column)) report.notCompared.push({ column, reason: 'left out of a profile' })
      else report.added.push(column)
      continue
    }
    const drift = columnDrift(column, before, profile, maxDrift)
    if (typeof drift === 'string') report.notCompared.push({ column, reason: drift })
    else report.columns.push(drift)
  }
  report.removed = Object.keys(base.columns).filter(
    column => !(column in head.columns) && !omitted.has(column)
  )
  report.columns.sort((x, y) => y.score - x.score)
  return report
}
