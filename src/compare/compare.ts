// A run against its baseline: loss, data, model and time, each as a delta, and what counts as a
// regression under max-loss-regression and max-drift. Pure: plain data in, plain data out.
import type { Manifest } from '../artifact/manifest.js'
import type { CompareSettings } from '../config.js'
import { percent } from '../words.js'
import { profileDrift, type DriftReport } from './drift.js'
import type { RunRecord } from './record.js'

/** One run as a comparison reads it: its manifest and, from version 2 on, its report. */
export interface RunSide {
  manifest: Manifest
  record?: RunRecord
}

export interface LossDelta {
  /** What "final" means here: the window mean at the end, or the last value when a side lacks it. */
  measure: 'end' | 'last'
  base: number
  head: number
  /** (head − base) / |base|: 0.05 is 5 % higher. */
  delta: number
  baseDrop: number | null
  headDrop: number | null
  /** The first step at which this run's loss was at or below the baseline's final loss. */
  reachedAt: number | null
  headSteps: number | null
  regression: boolean
  /** Both curves as the reports hold them (≤ 500 points each), for the chart. */
  curves: { base: Array<[number, number]>; head: Array<[number, number]> }
}

export interface CountDelta {
  key: string
  base: number
  head: number
}

export interface Comparison {
  /** What differs in how the two runs were made, so their numbers may not compare like for like. */
  changed: string[]
  loss?: LossDelta
  data: {
    rows: CountDelta
    violations: CountDelta
    byCode: CountDelta[]
    /** Fraction of rows without a value, per column (only from runs that wrote a report). */
    nulls: CountDelta[]
    classes: CountDelta[]
    drift?: DriftReport
  }
  model: { files: Array<{ path: string; base?: FileFigures; head?: FileFigures }> }
  trainingMs: CountDelta
  /** One line per regression; empty when none. */
  regressions: string[]
  notes: string[]
}

interface FileFigures {
  bytes: number
  verdict: string | null
}

/** What changed in how the data was cut and checked: compared with a warning naming it. */
function madeDifferently(base: Manifest, head: Manifest): string[] {
  const changed: string[] = []
  if (base.schema.sha256 !== head.schema.sha256)
    changed.push(`the schema file changed (${base.schema.path})`)
  for (const key of ['strategy', 'seed', 'rows'] as const)
    if (base.subset[key] !== head.subset[key])
      changed.push(`subset ${key}: ${base.subset[key]} → ${head.subset[key]}`)
  if (base.loss.key !== head.loss.key)
    changed.push(`loss series: ${base.loss.key ?? 'none'} → ${head.loss.key ?? 'none'}`)
  if (base.schemaVersion !== head.schemaVersion)
    changed.push(`manifest version ${base.schemaVersion} → ${head.schemaVersion}`)
  return changed
}

function finalLoss(side: RunSide, measure: 'end' | 'last'): number | null {
  return measure === 'end' ? (side.record?.loss.end ?? null) : side.manifest.loss.last
}

function lossDelta(base: RunSide, head: RunSide, maxRegression: number): LossDelta | undefined {
  const measure =
    finalLoss(base, 'end') !== null && finalLoss(head, 'end') !== null ? 'end' : 'last'
  const [before, after] = [finalLoss(base, measure), finalLoss(head, measure)]
  if (before === null || after === null) return undefined
  const delta = (after - before) / Math.max(Math.abs(before), Number.MIN_VALUE)
  const points = head.record?.loss.points ?? []
  const reached = points.find(([, value]) => value <= before)
  return {
    measure,
    base: before,
    head: after,
    delta,
    baseDrop: base.manifest.loss.drop,
    headDrop: head.manifest.loss.drop,
    reachedAt: reached ? reached[0] : null,
    headSteps: points.length ? points[points.length - 1][0] : null,
    regression: delta > maxRegression,
    curves: { base: base.record?.loss.points ?? [], head: points }
  }
}

/** Keys of either map, with both values (0 where a side has none), largest change first. */
function countDeltas(
  base: Record<string, number> | undefined,
  head: Record<string, number> | undefined,
  scale: [number, number] = [1, 1]
): CountDelta[] {
  const keys = [...new Set([...Object.keys(base ?? {}), ...Object.keys(head ?? {})])]
  return keys
    .map(key => ({
      key,
      base: (base?.[key] ?? 0) / scale[0],
      head: (head?.[key] ?? 0) / scale[1]
    }))
    .sort((a, b) => Math.abs(b.head - b.base) - Math.abs(a.head - a.base))
}

function modelFiles(base: RunSide, head: RunSide): Comparison['model']['files'] {
  const figures = (side: RunSide): Map<string, FileFigures> => {
    const scans = new Map((side.record?.model.files ?? []).map(file => [file.path, file.verdict]))
    return new Map(
      side.manifest.artifact.files.map(file => [
        file.path,
        { bytes: file.bytes, verdict: scans.get(file.path) ?? null }
      ])
    )
  }
  const [before, after] = [figures(base), figures(head)]
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort()
  return paths.map(path => ({ path, base: before.get(path), head: after.get(path) }))
}

function dataDeltas(base: RunSide, head: RunSide, maxDrift: number): Comparison['data'] {
  const [b, h] = [base.record?.data, head.record?.data]
  const rows = { key: 'rows', base: base.manifest.dataset.rows, head: head.manifest.dataset.rows }
  const [baseProfile, headProfile] = [base.manifest.dataset.profile, head.manifest.dataset.profile]
  return {
    rows,
    violations: {
      key: 'violations',
      base: base.manifest.dataset.violations,
      head: head.manifest.dataset.violations
    },
    byCode: b && h ? countDeltas(b.byCode, h.byCode) : [],
    nulls:
      b && h
        ? countDeltas(b.nulls, h.nulls, [Math.max(1, b.rows), Math.max(1, h.rows)]).filter(
            delta => delta.base !== delta.head
          )
        : [],
    classes: b?.classes && h?.classes ? countDeltas(b.classes, h.classes) : [],
    drift: baseProfile && headProfile ? profileDrift(baseProfile, headProfile, maxDrift) : undefined
  }
}

function regressions(comparison: Omit<Comparison, 'regressions'>, settings: CompareSettings) {
  const found: string[] = []
  const loss = comparison.loss
  if (loss?.regression)
    found.push(
      `final loss ${percent(loss.delta)} higher than the baseline's (${format(loss.base)} → ${format(loss.head)}; max-loss-regression ${percent(settings.maxLossRegression)})`
    )
  for (const column of comparison.data.drift?.columns ?? [])
    if (column.level === 'drifted')
      found.push(
        `column "${column.column}" drifted: ${column.statistic === 'psi' ? 'PSI' : '8 × JS'} ${format(column.score)} ≥ max-drift ${settings.maxDrift}`
      )
  return found
}

export function format(value: number): string {
  return Number.isInteger(value) ? String(value) : Number(value.toPrecision(4)).toString()
}

/** The head run against the baseline. */
export function compareRuns(base: RunSide, head: RunSide, settings: CompareSettings): Comparison {
  const notes: string[] = []
  if (!base.record)
    notes.push('the baseline wrote no ml-smoke-report.json: loss curve and counts not compared')
  if (!base.manifest.dataset.profile)
    notes.push('the baseline has no data profile: drift not measured')
  const partial = {
    changed: madeDifferently(base.manifest, head.manifest),
    loss: lossDelta(base, head, settings.maxLossRegression),
    data: dataDeltas(base, head, settings.maxDrift),
    model: { files: modelFiles(base, head) },
    trainingMs: {
      key: 'training',
      base: base.manifest.training.durationMs,
      head: head.manifest.training.durationMs
    },
    notes
  }
  return { ...partial, regressions: regressions(partial, settings) }
}
