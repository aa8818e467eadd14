import type { Candidate, Choice } from './choose.js'
import type { OutputHints } from './output-reader.js'
import { COMMAND_OUTPUT, positionWord, type LossPoint, type MetricSeries } from './series.js'

export type Verdict = 'pass' | 'fail' | 'inconclusive'

export interface JudgeOptions {
  minDrop: number
  /** Fraction of the points averaged at each end (0.25: the first and last quarter). */
  window: number
  maxFinalLoss?: number
}

export interface SeriesSummary {
  key: string
  source: string
  format: MetricSeries['format']
  points: number
  note: string
}

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

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)} %`
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

/**
 * Judges the chosen series as an engineer would: any NaN or infinity fails (naming the step), a flat
 * or rising loss fails, and the drop is measured between the mean of the first and of the last window
 * of points, so one noisy batch neither passes nor fails a run.
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
  if (choice.missingKey !== undefined) {
    const keys = [...new Set(choice.others.map(c => c.series.key))]
    return {
      ...base,
      verdict: 'inconclusive',
      reason: `loss-key "${choice.missingKey}" was not found${keys.length ? `; found ${keys.map(k => `"${k}"`).join(', ')}` : ''}`
    }
  }
  const candidate = choice.chosen
  if (!candidate) {
    return {
      ...base,
      verdict: 'inconclusive',
      reason: `no training loss found in ${searched.join(', ')}. ${advice(hints, choice)}`
    }
  }
  const { series } = candidate
  const values = series.points.map(point => point.value)
  const finite = values.filter(Number.isFinite)
  const stats = {
    series,
    first: values[0],
    last: values.at(-1),
    min: finite.length ? Math.min(...finite) : undefined
  }
  const which = describeSeries(series)
  const nonFinite = series.points.find(point => !Number.isFinite(point.value))
  if (nonFinite) {
    return {
      ...base,
      ...stats,
      nonFiniteAt: nonFinite,
      verdict: 'fail',
      reason: `${series.key} is ${String(nonFinite.value)} at ${where(nonFinite, series)}: training diverged`
    }
  }
  if (values.length < 2) {
    return {
      ...base,
      ...stats,
      verdict: 'inconclusive',
      reason: `only one value of ${which} (${format(values[0])}); need at least two. ${advice(hints, choice)}`
    }
  }
  const window = Math.max(1, Math.ceil(values.length * options.window))
  const mean = (part: number[]): number => part.reduce((sum, v) => sum + v, 0) / part.length
  const start = mean(values.slice(0, window))
  const end = mean(values.slice(-window))
  const drop = start === 0 ? (end < 0 ? 1 : end === 0 ? 0 : -1) : (start - end) / Math.abs(start)
  const result = { ...base, ...stats, start, end, drop }
  const ends =
    window === 1
      ? `${format(start)} → ${format(end)}`
      : `mean of first ${window} ${format(start)} → mean of last ${window} ${format(end)}`
  const thinned = series.totalPoints
    ? ` (every ${Math.round(series.totalPoints / values.length)}th of ${series.totalPoints})`
    : ''
  const context = `${ends}; ${values.length} points${thinned} of ${which}${choice.usedValidation ? ', a validation loss: no training loss was found' : ''}`
  if (values.every(value => value === values[0])) {
    return {
      ...result,
      verdict: 'fail',
      reason: `loss did not change (${format(values[0])} at all ${values.length} points of ${which}): the model did not learn`
    }
  }
  if (end >= start)
    return {
      ...result,
      verdict: 'fail',
      reason: `loss did not fall: ${end > start ? `rose ${percent(-drop)}` : 'flat'} (${context})`
    }
  if (drop < options.minDrop) {
    return {
      ...result,
      verdict: 'fail',
      reason: `loss fell only ${percent(drop)}, less than min-loss-drop ${percent(options.minDrop)} (${context})`
    }
  }
  if (options.maxFinalLoss !== undefined && end > options.maxFinalLoss) {
    return {
      ...result,
      verdict: 'fail',
      reason: `final loss ${format(end)} is above max-final-loss ${format(options.maxFinalLoss)} (${context})`
    }
  }
  return { ...result, verdict: 'pass', reason: `loss fell ${percent(drop)} (${context})` }
}
