import { percent } from '../words.js'
import type { Baseline } from './baseline.js'
import type { Candidate, Choice } from './choose.js'
import type { OutputHints } from './output-reader.js'
import {
  COMMAND_OUTPUT,
  positionWord,
  type LossPoint,
  type MetricSeries,
  type UnparsedValue
} from './series.js'
import {
  binned,
  fewestPoints,
  frozenTail,
  mannKendall,
  mean,
  movingMeans,
  normalUpper,
  runStarts
} from './trend.js'

export type Verdict = 'pass' | 'fail' | 'inconclusive'

/** The trend test's level and the shape limits, chosen on fixtures/loss-corpus (bench/loss-corpus.ts). */
export const DEFAULT_SIGNIFICANCE = 0.01
export const DEFAULT_MAX_REBOUND = 0.5
/** A tail of identical values this long (a share of the points, at least 3) is a frozen loss … */
export const FROZEN_SHARE = 0.2
/** … unless the loss had already fallen this much (a perfect fit printed as 0.0000 is not frozen). */
export const FROZEN_FALL = 0.5
/** With a known label but an unknown loss, a final loss this many times every chance level is absurd. */
export const ABSURD_SCALE = 1e4

export interface JudgeOptions {
  minDrop: number
  /** Fraction of the points averaged at each end (0.25: the first and last quarter). */
  window: number
  maxFinalLoss?: number
  /** One-sided level of the Mann–Kendall test that the loss fell; default DEFAULT_SIGNIFICANCE. */
  significance?: number
  /**
   * The chance-level loss the end must be below (baseline.ts: chanceBaseline / resolveBaseline), or why
   * none applies. Absent: not applied, and the result says so.
   */
  baseline?: Baseline
  /** Judge even when a loss value did not parse (it is left out); default false: such a run fails. */
  allowUnparsedLoss?: boolean
  /** Share of its fall a loss may climb back from its minimum (significantly) before the run fails. */
  maxRebound?: number
}

export interface SeriesSummary {
  key: string
  source: string
  format: MetricSeries['format']
  points: number
  note: string
}

/** The trend test as applied: Mann–Kendall over the points (pooled over back-to-back runs). */
export interface TrendTest {
  test: 'mann-kendall'
  /** Kendall's tau of the loss against time: -1 always falling, 0 no trend. */
  tau: number
  /** One-sided p-value that a loss with no trend falls this consistently. */
  p: number
  significance: number
  points: number
  /** Whether the p-value is exact (short, untied series) or the normal approximation. */
  exact: boolean
}

/** One of several runs found back to back in one log (a step counter that restarts). */
export interface RunJudgement {
  index: number
  firstStep: number
  lastStep: number
  points: number
  verdict: Verdict
  reason: string
}

/** The chance-level comparison: what was applied, or why not. */
export type BaselineResult =
  | { applied: true; value: number; description: string; end: number }
  | { applied: false; reason: string }

export interface LossResult {
  verdict: Verdict
  reason: string
  /** The series judged. */
  series?: MetricSeries
  usedValidation: boolean
  first?: number
  last?: number
  min?: number
  /** Means of the first and last `window` of the points: what the drop compares. */
  start?: number
  end?: number
  /** Relative drop from start to end: 0.25 means the loss fell by 25 %. */
  drop?: number
  nonFiniteAt?: LossPoint
  /** The trend test, when there were enough points to run it. */
  trend?: TrendTest
  /** Where the loss froze at one exact value until the end. */
  frozenAt?: LossPoint
  /** The minimum a loss climbed back from (set when the climb failed the run). */
  reboundFrom?: LossPoint
  /** Back-to-back runs in the log, each judged; absent when there was one. */
  runs?: RunJudgement[]
  baseline?: BaselineResult
  /** Loss values that did not parse, by file and line. */
  unparsed?: UnparsedValue[]
  /** What else was found and not used, and why. */
  others: SeriesSummary[]
  /** Where the loss was looked for. */
  searched: string[]
  warnings: string[]
}

function format(value: number): string {
  return Number.isInteger(value)
    ? String(value)
    : value
        .toPrecision(4)
        .replace(/(\.\d*?)0+$/, '$1')
        .replace(/\.$/, '')
}

export function describeSeries(series: MetricSeries): string {
  return `"${series.key}" in ${series.source === COMMAND_OUTPUT ? 'the command output' : series.source}${series.context && series.format === 'tensorboard' ? ` (run ${series.context})` : ''}`
}

function where(point: LossPoint, series: MetricSeries): string {
  const source = series.source === COMMAND_OUTPUT ? 'command output' : series.source
  return `step ${point.step} (${source} ${positionWord(series.format)} ${point.line})`
}

function summarise(candidate: Candidate, chosen: Candidate | undefined): SeriesSummary {
  const { series } = candidate
  let note = candidate.why ?? ''
  if (!note && candidate.role === 'validation') note = 'a validation/evaluation loss'
  else if (!note && chosen)
    note =
      candidate.rank > chosen.rank
        ? `coarser than "${chosen.series.key}"`
        : candidate.finite < 2
          ? 'fewer than two values'
          : 'fewer points'
  return {
    key: series.key,
    source: series.source,
    format: series.format,
    points: series.points.length,
    note
  }
}

/** What to change so the next run logs a usable loss. */
function advice(hints: OutputHints, found: Choice): string {
  const tips: string[] = []
  const formats = new Set(found.others.map(c => c.series.format))
  if (hints.fastDevRun)
    tips.push(
      "Lightning's fast_dev_run disables loggers and checkpoints: use limit_train_batches/max_steps instead"
    )
  if (hints.lightningLogInterval || formats.has('lightning-csv')) {
    tips.push(
      'Lightning logs per step only every log_every_n_steps (default 50): set Trainer(log_every_n_steps=1) for a smoke run'
    )
  }
  if (formats.has('hf-trainer-state'))
    tips.push('Hugging Face logs the loss every logging_steps (default 500): set logging_steps=1')
  if (!tips.length)
    tips.push(
      'print lines such as "loss=0.42" each step or epoch, or write them to $ML_SMOKE_METRICS as {"step": 1, "loss": 0.42}'
    )
  const text = tips.join('; ')
  return text[0].toUpperCase() + text.slice(1)
}

const exponent = (p: number): string => (p < 1e-4 ? p.toExponential(0) : format(p))

/** The fixed part of a run's judgement: the window means and the shapes that fail it whatever the trend. */
interface RunShape {
  points: LossPoint[]
  values: number[]
  window: number
  start: number
  end: number
  drop: number
  failure?: { reason: string; frozenAt?: LossPoint; reboundFrom?: LossPoint }
}

function shapeOf(
  points: LossPoint[],
  options: JudgeOptions,
  where: (p: LossPoint) => string
): RunShape {
  const values = points.map(point => point.value)
  const window = Math.max(1, Math.ceil(values.length * options.window))
  const start = mean(values.slice(0, window))
  const end = mean(values.slice(-window))
  const drop = start === 0 ? (end < 0 ? 1 : end === 0 ? 0 : -1) : (start - end) / Math.abs(start)
  const shape: RunShape = { points, values, window, start, end, drop }
  const n = values.length
  if (n < 2) return shape
  if (values.every(value => value === values[0])) {
    shape.failure = {
      reason: `loss did not change (${format(values[0])} at all ${n} points): the model did not learn`
    }
    return shape
  }
  const frozen = frozenTail(values)
  const frozenValue = values[frozen.from]
  if (
    frozen.length >= Math.max(3, Math.ceil(n * FROZEN_SHARE)) &&
    (start - frozenValue) / Math.abs(start) < FROZEN_FALL
  ) {
    shape.failure = {
      reason: `loss froze at ${format(frozenValue)} from ${where(points[frozen.from])} to the end (the last ${frozen.length} of ${n} points are identical): the model stopped learning (a dead network, a zero gradient or a constant prediction)`,
      frozenAt: points[frozen.from]
    }
    return shape
  }
  if (end >= start) {
    shape.failure = {
      reason: `loss did not fall: ${end > start ? `rose ${percent(-drop)}` : 'flat'}`
    }
    return shape
  }
  const moving = movingMeans(values, window)
  let lowest = 0
  for (let i = 1; i < moving.length; i++) if (moving[i] < moving[lowest]) lowest = i
  const fall = moving[0] - moving[lowest]
  const climbed = fall > 0 ? (moving.at(-1)! - moving[lowest]) / fall : 0
  const maxRebound = options.maxRebound ?? DEFAULT_MAX_REBOUND
  if (climbed >= maxRebound && lowest + window < n) {
    let at = lowest
    for (let i = lowest; i < lowest + window; i++) if (values[i] < values[at]) at = i
    const rise = mannKendall(binned(values.slice(at)))
    if (rise.pRise < (options.significance ?? DEFAULT_SIGNIFICANCE)) {
      shape.failure = {
        reason: `loss climbed back: it fell to ${format(values[at])} at ${where(points[at])}, then rose to ${format(end)} (mean of the last ${window}), ${percent(climbed)} of its fall (limit ${percent(maxRebound)}; rise Mann–Kendall p = ${exponent(rise.pRise)}): training became unstable (learning rate too high?)`,
        reboundFrom: points[at]
      }
    }
  }
  return shape
}

/**
 * Judges the chosen series as an engineer would, with a test that knows the series' own noise:
 * - any NaN or infinity fails, naming the step; so does a loss value that did not parse (unless allowed);
 * - a constant loss, a loss frozen at one value over the end of the run, a loss that did not fall (window
 *   means) and one that climbed back well above its minimum fail, naming the step;
 * - a final loss (mean of the last window) not below the chance-level baseline fails;
 * - the fall must be significant: Mann–Kendall's one-sided test (exact for short series) at `significance`,
 *   so a flat loss whose noise happens to end lower does not pass. Too few points to ever reach it is
 *   inconclusive. The relative fall must also reach `minDrop`.
 * Back-to-back runs in one log (a step counter that restarts: one-vs-rest training) are judged each for
 * the shapes and pooled for the trend test (the seasonal Mann–Kendall test).
 */
export function judgeLoss(
  choice: Choice,
  options: JudgeOptions,
  hints: OutputHints,
  searched: string[],
  warnings: string[] = []
): LossResult {
  const base = {
    usedValidation: choice.usedValidation,
    others: choice.others
      .filter(c => c.role !== 'ignored' || /loss/i.test(c.series.key))
      .map(c => summarise(c, choice.chosen)),
    searched,
    warnings
  }
  const series = choice.chosen?.series
  if (!series)
    return { ...base, verdict: 'inconclusive', reason: notFound(choice, hints, searched) }
  const finite = series.points.map(point => point.value).filter(Number.isFinite)
  const stats = {
    series,
    first: series.points[0]?.value,
    last: series.points.at(-1)?.value,
    min: finite.length ? Math.min(...finite) : undefined,
    ...(series.unparsed?.length ? { unparsed: series.unparsed } : {})
  }
  const early = unusable(series, options, hints, choice)
  if (early) return { ...base, ...stats, ...early }
  return judgeRuns(series, choice, options, { ...base, ...stats })
}

/** Why no series could be judged: a loss-key that matched nothing, or no loss at all. */
function notFound(choice: Choice, hints: OutputHints, searched: string[]): string {
  if (choice.missingKey === undefined)
    return `no training loss found in ${searched.join(', ')}. ${advice(hints, choice)}`
  const keys = [...new Set(choice.others.map(c => c.series.key))]
  return `loss-key "${choice.missingKey}" was not found${keys.length ? `; found ${keys.map(k => `"${k}"`).join(', ')}` : ''}`
}

/** A verdict before any test: a NaN or infinity, a value that did not parse, a single value. */
function unusable(
  series: MetricSeries,
  options: JudgeOptions,
  hints: OutputHints,
  choice: Choice
): Pick<LossResult, 'verdict' | 'reason' | 'nonFiniteAt'> | null {
  const which = describeSeries(series)
  const nonFinite = series.points.find(point => !Number.isFinite(point.value))
  if (nonFinite) {
    const at = where(nonFinite, series)
    const reason = `${series.key} is ${String(nonFinite.value)} at ${at}: training diverged`
    return { verdict: 'fail', reason, nonFiniteAt: nonFinite }
  }
  const unparsed = series.unparsed ?? []
  if (unparsed.length && !options.allowUnparsedLoss) {
    const shown = unparsed
      .slice(0, 3)
      .map(u => `"${u.text}" (${u.source} line ${u.line})`)
      .join(', ')
    const count = unparsed.length === 1 ? 'a value' : `${unparsed.length} values`
    return {
      verdict: 'fail',
      reason: `${count} of ${which} did not parse as a number: ${shown}. Fix the log, or set allow-unparsed-loss to judge the values that did parse`
    }
  }
  if (series.points.length >= 2) return null
  const only = format(series.points[0].value)
  return {
    verdict: 'inconclusive',
    reason: `only one value of ${which} (${only}); need at least two. ${advice(hints, choice)}`
  }
}

/** The trend test, pooled over runs: the sum of their S statistics against the sum of their variances. */
function pooledTrend(runs: RunShape[], significance: number): TrendTest {
  const tests = runs.map(r => mannKendall(binned(r.values)))
  const points = runs.reduce(
    (sum, r) => sum + Math.min(r.values.length, binned(r.values).length),
    0
  )
  if (runs.length === 1) {
    const [test] = tests
    return {
      test: 'mann-kendall',
      tau: test.tau,
      p: test.pFall,
      significance,
      points,
      exact: test.exact
    }
  }
  const s = tests.reduce((sum, t) => sum + t.s, 0)
  const variance = tests.reduce((sum, t) => sum + t.variance, 0)
  const pairs = runs.reduce((sum, r) => sum + (r.values.length * (r.values.length - 1)) / 2, 0)
  const p = variance > 0 ? normalUpper((-s - 1) / Math.sqrt(variance)) : 1
  return { test: 'mann-kendall', tau: s / pairs, p, significance, points, exact: false }
}

/** Each of several back-to-back runs judged alone: its own shape, and min-loss-drop. */
function runJudgements(runs: RunShape[], options: JudgeOptions): RunJudgement[] {
  return runs.map((r, index) => {
    const failure =
      r.failure ??
      (options.minDrop > 0 && r.drop < options.minDrop
        ? { reason: `fell only ${percent(r.drop)}` }
        : undefined)
    return {
      index: index + 1,
      firstStep: r.points[0].step,
      lastStep: r.points.at(-1)!.step,
      points: r.points.length,
      verdict: failure ? 'fail' : 'pass',
      reason: failure?.reason ?? `fell ${percent(r.drop)}`
    }
  })
}

/** The shape that fails the series (or one of its runs), with where it happened; null when none does. */
function shapeFailure(
  runs: RunShape[],
  judgements: RunJudgement[] | undefined,
  which: string,
  context: string
): Pick<LossResult, 'reason' | 'frozenAt' | 'reboundFrom'> | null {
  if (!judgements) {
    const failure = runs[0].failure
    return failure ? { ...failure, reason: `${failure.reason} (${context})` } : null
  }
  const failed = judgements.filter(r => r.verdict === 'fail')
  if (!failed.length) return null
  const shown = failed
    .slice(0, 5)
    .map(r => `run ${r.index} (steps ${r.firstStep}–${r.lastStep}): ${r.reason}`)
    .join('; ')
  const first = runs[failed[0].index - 1].failure
  return {
    frozenAt: first?.frozenAt,
    reboundFrom: first?.reboundFrom,
    reason: `${failed.length} of ${runs.length} runs found back to back in ${which} (the step restarts; one-vs-rest training prints one run per class) did not learn: ${shown}${failed.length > 5 ? ' …' : ''}`
  }
}

/** The chance level: what a model scores by predicting the label's distribution; a reason when it fails. */
function chanceLevel(
  baseline: Baseline | undefined,
  runs: number,
  end: number,
  context: string
): { result: BaselineResult; failure?: string } {
  if (runs > 1) {
    const reason = `the log holds ${runs} runs back to back; their chance levels are not known`
    return { result: { applied: false, reason } }
  }
  if (!baseline)
    return {
      result: { applied: false, reason: 'no baseline was given (label statistics unknown)' }
    }
  if (baseline.value === undefined) {
    const result: BaselineResult = { applied: false, reason: baseline.skipped }
    if (baseline.scale === undefined || end <= baseline.scale * ABSURD_SCALE) return { result }
    const times = exponent(end / baseline.scale)
    const failure = `final loss ${format(end)} is ${times} times the largest chance-level loss of this label (${format(baseline.scale)}): no model that learned ends there (features not scaled?) (${context})`
    return { result, failure }
  }
  const result: BaselineResult = {
    applied: true,
    value: baseline.value,
    description: baseline.description,
    end
  }
  if (end < baseline.value) return { result }
  const failure = `final loss ${format(end)} is not below the chance level ${baseline.description}: the model learned no more than the label's distribution (${context})`
  return { result, failure }
}

/** The runs' window means, shapes, trend test and chance level, in the order a verdict weighs them. */
function judgeRuns(
  series: MetricSeries,
  choice: Choice,
  options: JudgeOptions,
  known: Omit<LossResult, 'verdict' | 'reason'>
): LossResult {
  const which = describeSeries(series)
  const at = (point: LossPoint): string => where(point, series)
  const starts = runStarts(series.points.map(point => point.step))
  const runs = starts
    .map((from, i) => series.points.slice(from, starts[i + 1] ?? series.points.length))
    .map(points => shapeOf(points, options, at))
  const several = runs.length > 1
  const [start, end, drop] = several
    ? [mean(runs.map(r => r.start)), mean(runs.map(r => r.end)), mean(runs.map(r => r.drop))]
    : [runs[0].start, runs[0].end, runs[0].drop]
  const significance = options.significance ?? DEFAULT_SIGNIFICANCE
  const trend = pooledTrend(runs, significance)
  const result: LossResult = { ...known, verdict: 'fail', reason: '', start, end, drop, trend }
  const n = series.points.length
  const thinned = series.totalPoints
    ? ` (every ${Math.round(series.totalPoints / n)}th of ${series.totalPoints})`
    : ''
  const validation = choice.usedValidation ? ', a validation loss: no training loss was found' : ''
  const ends =
    runs[0].window === 1 || several
      ? `${format(start)} → ${format(end)}`
      : `mean of first ${runs[0].window} ${format(start)} → mean of last ${runs[0].window} ${format(end)}`
  const testText = `Mann–Kendall τ = ${format(trend.tau)}, p = ${exponent(trend.p)}`
  const context = `${ends}; ${testText}; ${n} points${thinned} of ${which}${several ? ` in ${runs.length} runs` : ''}${validation}`

  if (several) result.runs = runJudgements(runs, options)
  const shape = shapeFailure(runs, result.runs, which, context)
  if (shape) return { ...result, ...shape }
  const chance = chanceLevel(options.baseline, runs.length, end, context)
  result.baseline = chance.result
  if (chance.failure) return { ...result, reason: chance.failure }
  const needed = fewestPoints(significance)
  if (!several && trend.points < needed) {
    return {
      ...result,
      verdict: 'inconclusive',
      reason: `${n} points of ${which} are too few to tell a fall from noise: a loss that only wanders falls at every one of ${n} points once in ${factorial(n)} runs, and the test asks for p < ${format(significance)}; log at least ${needed} points (every step, or more steps) (${ends}${validation})`
    }
  }
  return { ...result, ...finalVerdict(result, options, significance, context) }
}

/** With the shapes and the chance level passed: the trend, min-loss-drop and max-final-loss decide. */
function finalVerdict(
  result: LossResult,
  options: JudgeOptions,
  significance: number,
  context: string
): Pick<LossResult, 'verdict' | 'reason'> {
  const { trend, drop, end } = result as Required<Pick<LossResult, 'trend' | 'drop' | 'end'>>
  if (trend.p >= significance)
    return {
      verdict: 'fail',
      reason: `loss did not fall beyond its own noise: p = ${exponent(trend.p)}, needs p < ${format(significance)} (${context})`
    }
  if (drop < options.minDrop)
    return {
      verdict: 'fail',
      reason: `loss fell only ${percent(drop)}, less than min-loss-drop ${percent(options.minDrop)} (${context})`
    }
  if (options.maxFinalLoss !== undefined && end > options.maxFinalLoss)
    return {
      verdict: 'fail',
      reason: `final loss ${format(end)} is above max-final-loss ${format(options.maxFinalLoss)} (${context})`
    }
  return { verdict: 'pass', reason: `loss fell ${percent(drop)} (${context})` }
}

function factorial(n: number): string {
  let f = 1
  for (let i = 2; i <= n; i++) f *= i
  return f.toLocaleString('en-US')
}
