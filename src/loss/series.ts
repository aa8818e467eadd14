import { isLossKey } from './loss-keys.js'
/** One value of a metric and where it was read. */
export interface LossPoint {
  step: number
  value: number
  /** Line (text sources) or record number (binary sources) it came from. */
  line: number
}

export type SourceFormat =
  | 'output'
  | 'jsonl'
  | 'csv'
  | 'lightning-csv'
  | 'keras-csv'
  | 'hf-trainer-state'
  | 'keras-history'
  | 'tensorboard'
  | 'mlflow'
  | 'dvclive'
  | 'catboost'
  | 'sacred'

/** A value in a loss column that is not a number (`zero point eight`), kept so the verdict can name it. */
export interface UnparsedValue {
  source: string
  line: number
  key: string
  text: string
}

/**
 * What the log itself says a loss is: a torch tensor's grad_fn (`NllLossBackward0` is cross-entropy),
 * scikit-learn's MLP line, whose loss is the log loss for a classifier and half the squared error for a
 * regressor, scikit-learn GradientBoosting's table, whose `Train Loss` for two classes is the binomial
 * deviance (twice the log loss) in scikit-learn 1.2, or the objective of a scikit-learn solver (L-BFGS-B's
 * for LogisticRegression or an MLP, liblinear's), which falls at every iteration whatever the labels.
 */
export type LossHint =
  | 'cross-entropy'
  | 'mse'
  | 'mae'
  | 'sklearn-mlp'
  | 'sklearn-gb'
  | 'sklearn-lbfgs'
  | 'liblinear'
  | 'sklearn-sgd'

/** A metric's values over time, as one source wrote them. */
export interface MetricSeries {
  /** The key as the framework wrote it (`train_loss_step`, `Loss/train`, `train-logloss`). */
  key: string
  /** The file it came from (relative to where it was searched) or "command output". */
  source: string
  format: SourceFormat
  /** Where inside the source, when that matters: a TensorBoard run folder (`validation`), a GBDT data set. */
  context?: string
  points: LossPoint[]
  /** Set when a very long series was thinned to bound memory: how many points were read in all. */
  totalPoints?: number
  /** Values of this key that did not parse as numbers (the first few). */
  unparsed?: UnparsedValue[]
  /** Which loss the log says this is, when every line that named one agreed. */
  lossHint?: LossHint
  /**
   * Each value is the loss of the model on one whole, fixed data set (a GBDT's evaluation sets), not on a
   * sample of it: the series has no sampling noise, so a fall at every step is a fall.
   */
  wholeSet?: boolean
  /**
   * The data set the framework names the series' values as scored on, where its keys do not say (CatBoost's
   * `learn` and `test`): the series is a loss on that split.
   */
  split?: 'train' | 'validation'
  /**
   * The first point whose line or record also printed a gradient norm that is NaN or infinite (Hugging Face's
   * `grad_norm`): the update diverged there, whatever loss was printed (fp16 overflow prints 0.0).
   */
  gradientNotFinite?: LossPoint & { key: string }
  /**
   * Each value is a loss summed over the batches since the last value, divided by their count, where the
   * batches may grow (spaCy's table: its losses are sums over words, its default batch size compounds): a rise
   * may be the batches growing, not the loss.
   */
  batchesMayGrow?: boolean
  /** How many coefficients the solver fits (L-BFGS-B's `N =`), for a solver's objective. */
  coefficients?: number
}

export const COMMAND_OUTPUT = 'command output'

/** scikit-learn's MLP with early_stopping=True: its accuracy (R² for a regressor) on the rows it holds out. */
export const SKLEARN_VALIDATION_SCORE = 'Validation score'

/** Where a series was read, as the messages name it. */
export const describeSource = (source: string): string =>
  source === COMMAND_OUTPUT ? 'the command output' : source

/** A series as the messages name it: its key, where it was read, and its run or set. */
export function describeSeries(series: MetricSeries): string {
  const source = describeSource(series.source)
  const within = !series.context
    ? ''
    : series.format === 'tensorboard'
      ? ` (run ${series.context})`
      : series.format === 'catboost'
        ? ` (set "${series.context}")`
        : ''
  return `"${series.key}" in ${source}${within}`
}

export function positionWord(format: SourceFormat): string {
  return format === 'tensorboard' ? 'record' : 'line'
}

/** A point as the messages name it: its step, and the file and line (or record) it was read from. */
export function where(point: LossPoint, series: MetricSeries): string {
  const source = series.source === COMMAND_OUTPUT ? 'command output' : series.source
  return `step ${point.step} (${source} ${positionWord(series.format)} ${point.line})`
}

/** Points kept per series before a very long one is thinned (memory stays bounded on gigabytes of logs). */
export const MAX_POINTS = 100_000
/**
 * Points kept per source across all its series: past this, the series with the most points is thinned.
 * A metrics table of many columns would otherwise keep MAX_POINTS for each (a point costs about 150 bytes of
 * heap: 1 M points across 2,000 columns of a 30 MB CSV took 206 MiB).
 */
export const MAX_TOTAL_POINTS = 250_000
/**
 * Series per source: past this, only a key that names a loss starts a new series (up to twice as many).
 * A log of a million distinct keys is not a training log, and each series costs memory.
 */
export const MAX_SERIES = 1000

/** Whether a source that already has `count` series may start one for `key`. */
export function roomForSeries(count: number, key: string): boolean {
  return count < MAX_SERIES || (count < 2 * MAX_SERIES && isLossKey(key))
}

/**
 * Every 2nd point of a series (and every non-finite one, which decides the verdict, and the last): how a
 * long series is thinned. Returns how many points went.
 */
export function thin(series: { points: LossPoint[]; stride: number }): number {
  const points = series.points
  series.points = points.filter(
    (point, i) => i % 2 === 0 || !Number.isFinite(point.value) || i === points.length - 1
  )
  series.stride *= 2
  return points.length - series.points.length
}
/** Unparsed values kept per key, to name in the verdict. */
const MAX_UNPARSED = 5

/** Whether two values are the same reading: NaN is NaN (a redrawn frame of a diverged loss). */
export const sameValue = (a: number | undefined, b: number): boolean =>
  a === b || (Number.isNaN(a) && Number.isNaN(b))

/** A series' identity among a source's: its key within its context (a TensorBoard run, a GBDT set). */
export const seriesId = (key: string, context?: string): string => `${context ?? ''}\u0000${key}`

/** Collects values per key in arrival order, thinning past MAX_POINTS but never dropping a NaN or Inf. */
export class SeriesCollector {
  private readonly byKey = new Map<
    string,
    MetricSeries & {
      stride: number
      read: number
      hints?: Set<LossHint>
      sampled?: boolean
      /** A point came with its step: a point without one is then the next step, not a restart at 1. */
      stepped?: boolean
    }
  >()
  private readonly unparsedByKey = new Map<string, UnparsedValue[]>()
  private total = 0

  constructor(
    private readonly source: string,
    private readonly format: SourceFormat
  ) {}

  add(
    key: string,
    step: number | undefined,
    value: number,
    line: number,
    context?: string,
    createOnly = false
  ): void {
    const id = seriesId(key, context)
    let series = this.byKey.get(id)
    if (!series) {
      if (!roomForSeries(this.byKey.size, key)) return
      series = {
        key,
        source: this.source,
        format: this.format,
        context,
        points: [],
        stride: 1,
        read: 0
      }
      this.byKey.set(id, series)
    }
    if (createOnly) return
    const index = series.read++
    if (index % series.stride !== 0 && Number.isFinite(value)) return
    if (step !== undefined) series.stepped = true
    const last = series.stepped ? series.points.at(-1)?.step : undefined
    const drawn = step ?? (last !== undefined ? last + 1 : index + 1)
    series.points.push({ step: drawn, value, line })
    this.total++
    if (series.points.length > MAX_POINTS) this.total -= thin(series)
    if (this.total > MAX_TOTAL_POINTS) {
      let largest = series
      for (const other of this.byKey.values())
        if (other.points.length > largest.points.length) largest = other
      this.total -= thin(largest)
    }
  }

  /** Records a loss value that did not parse (kept to the first few per key). */
  unparsed(key: string, text: string, line: number, context?: string): void {
    const id = seriesId(key, context)
    let list = this.unparsedByKey.get(id)
    if (!list) {
      if (!roomForSeries(this.unparsedByKey.size, key)) return
      this.unparsedByKey.set(id, (list = []))
    }
    if (list.length < MAX_UNPARSED)
      list.push({ source: this.source, line, key, text: text.slice(0, 80) })
    if (!this.byKey.has(id)) this.add(key, undefined, NaN, line, context, true)
  }

  /** Notes which loss a line says `key` is (a conflict between lines leaves the series without a hint). */
  hint(key: string, hint: LossHint, context?: string): void {
    const series = this.find(key, context)
    if (series) (series.hints ??= new Set()).add(hint)
  }

  /** Notes whether a value of `key` was the loss over a whole data set (all of its values must be). */
  wholeSet(key: string, whole: boolean, context?: string): void {
    const series = this.find(key, context)
    if (!series) return
    if (whole && !series.sampled) series.wholeSet = true
    else {
      series.sampled = true
      delete series.wholeSet
    }
  }

  /** Drops `key`'s series: another source of the same values reads them better. */
  forget(key: string, context?: string): void {
    const id = seriesId(key, context)
    this.total -= this.byKey.get(id)?.points.length ?? 0
    this.byKey.delete(id)
  }

  /** Drops the points of `key` read from these lines (a progress bar's redraws of an old value). */
  dropLines(key: string, lines: number[], context?: string): void {
    const series = this.find(key, context)
    if (!series) return
    const drop = new Set(lines)
    const kept = series.points.filter(point => !drop.has(point.line))
    this.total -= series.points.length - kept.length
    series.points = kept
  }

  /** Replaces the last value of `key` (a progress bar's frame redrawn for the same epoch). */
  replaceLast(key: string, value: number, line: number, context?: string): void {
    const last = this.find(key, context)?.points.at(-1)
    if (last) Object.assign(last, { value, line })
  }

  /** Notes that `key`'s last point was printed beside a gradient norm that is not finite (the first time). */
  gradientNotFinite(key: string, gradientKey: string, context?: string): void {
    const series = this.find(key, context)
    const last = series?.points.at(-1)
    if (series && last && !series.gradientNotFinite)
      series.gradientNotFinite = { ...last, key: gradientKey }
  }

  /** Notes that `key`'s values are sums over batches that may grow (MetricSeries.batchesMayGrow). */
  batchesMayGrow(key: string): void {
    const series = this.find(key)
    if (series) series.batchesMayGrow = true
  }

  /** Notes the split the framework says `key` was scored on. */
  split(key: string, split: 'train' | 'validation', context?: string): void {
    const series = this.find(key, context)
    if (series) series.split = split
  }

  /** The last point of `key`. */
  lastPoint(key: string, context?: string): LossPoint | undefined {
    return this.find(key, context)?.points.at(-1)
  }

  private find(key: string, context?: string) {
    return this.byKey.get(seriesId(key, context))
  }

  series(): MetricSeries[] {
    return [...this.byKey.entries()].map(
      ([id, { stride, read, hints, sampled: _sampled, stepped: _stepped, ...series }]) => {
        const unparsed = this.unparsedByKey.get(id)
        return {
          ...series,
          ...(stride > 1 ? { totalPoints: read } : {}),
          ...(unparsed ? { unparsed } : {}),
          ...(hints?.size === 1 ? { lossHint: [...hints][0] } : {})
        }
      }
    )
  }
}

/** Parses a number as Python, JSON and loggers print it, including nan, inf and Infinity. */
export function parseMetricNumber(text: string): number | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  const lower = trimmed.toLowerCase().replace(/^\+/, '')
  if (lower === 'nan' || lower === '-nan') return NaN
  if (lower === 'inf' || lower === 'infinity') return Infinity
  if (lower === '-inf' || lower === '-infinity') return -Infinity
  const number = Number(trimmed)
  return Number.isNaN(number) ? undefined : number
}
