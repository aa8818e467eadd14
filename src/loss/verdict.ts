import { describeSource, type LossPoint, type LossSource } from './series.js'

export type Verdict = 'pass' | 'fail' | 'inconclusive'

export interface LossResult {
  verdict: Verdict
  reason: string
  source: LossSource
  points: LossPoint[]
  first?: number
  last?: number
  min?: number
  /** Relative drop from first to last: 0.25 means the loss fell by 25 %. */
  drop?: number
  nonFiniteAt?: LossPoint
}

function format(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4).replace(/\.?0+$/, '')
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)} %`
}

function where(point: LossPoint, source: LossSource): string {
  return `step ${point.step} (${describeSource(source)} line ${point.line})`
}

/** Judges a loss series: it must be finite and fall by at least `minDrop` (relative) from first to last. */
export function judgeLoss(points: LossPoint[], source: LossSource, minDrop: number): LossResult {
  const base = { source, points }
  if (points.length === 0) {
    return {
      ...base,
      verdict: 'inconclusive',
      reason:
        source.kind === 'output'
          ? 'no loss values found in the command output: print lines such as "loss=0.42", or set loss-file or loss-pattern'
          : `no loss values found in ${source.file}`
    }
  }
  const nonFinite = points.find(point => !Number.isFinite(point.value))
  const values = points.map(point => point.value)
  const first = values[0]
  const last = values[values.length - 1]
  const stats = { first, last, min: Math.min(...values.filter(Number.isFinite)) }
  if (nonFinite) {
    return {
      ...base,
      ...stats,
      nonFiniteAt: nonFinite,
      verdict: 'fail',
      reason: `loss is ${String(nonFinite.value)} at ${where(nonFinite, source)}: training diverged`
    }
  }
  if (points.length < 2) {
    return {
      ...base,
      ...stats,
      verdict: 'inconclusive',
      reason: `only one loss value (${format(first)}) was found in ${describeSource(source)}: log at least two, e.g. one per epoch or every few steps`
    }
  }
  const drop = first === 0 ? (last < 0 ? 1 : last === 0 ? 0 : -1) : (first - last) / Math.abs(first)
  const result = { ...base, ...stats, drop }
  const change = `${format(first)} → ${format(last)} over ${points.length} points`
  if (last === first) {
    return {
      ...result,
      verdict: 'fail',
      reason: `loss did not change (${change}): the model did not learn`
    }
  }
  if (last > first) {
    return { ...result, verdict: 'fail', reason: `loss rose by ${percent(-drop)} (${change})` }
  }
  if (drop < minDrop) {
    return {
      ...result,
      verdict: 'fail',
      reason: `loss fell only ${percent(drop)} (${change}); min-loss-drop requires ${percent(minDrop)}`
    }
  }
  return { ...result, verdict: 'pass', reason: `loss fell ${percent(drop)} (${change})` }
}
