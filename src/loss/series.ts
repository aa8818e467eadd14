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

/** A value in a loss column that is not a number (`zero point eight`), kept so the verdict can name it. */
export interface UnparsedValue {
  source: string
  line: number
  key: string
  text: string
}

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
}

export const COMMAND_OUTPUT = 'command output'

export function positionWord(format: SourceFormat): string {
  return format === 'tensorboard' ? 'record' : 'line'
}

/** Points kept per series before a very long one is thinned (memory stays bounded on gigabytes of logs). */
export const MAX_POINTS = 100_000
/** Unparsed values kept per key, to name in the verdict. */
const MAX_UNPARSED = 5

/** Collects values per key in arrival order, thinning past MAX_POINTS but never dropping a NaN or Inf. */
export class SeriesCollector {
  private readonly byKey = new Map<string, MetricSeries & { stride: number; read: number }>()
  private readonly unparsedByKey = new Map<string, UnparsedValue[]>()

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
    const id = `${context ?? ''}\u0000${key}`
    let series = this.byKey.get(id)
    if (!series) {
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
    series.points.push({ step: step ?? index + 1, value, line })
    if (series.points.length > MAX_POINTS) {
      const points = series.points
      series.points = points.filter(
        (point, i) => i % 2 === 0 || !Number.isFinite(point.value) || i === points.length - 1
      )
      series.stride *= 2
    }
  }

  /** Records a loss value that did not parse (kept to the first few per key). */
  unparsed(key: string, text: string, line: number, context?: string): void {
    const id = `${context ?? ''}\u0000${key}`
    let list = this.unparsedByKey.get(id)
    if (!list) this.unparsedByKey.set(id, (list = []))
    if (list.length < MAX_UNPARSED)
      list.push({ source: this.source, line, key, text: text.slice(0, 80) })
    if (!this.byKey.has(id)) this.add(key, undefined, NaN, line, context, true)
  }

  /** The last value of `key`, to drop the repeated frames a progress bar redraws. */
  last(key: string, context?: string): number | undefined {
    return this.byKey.get(`${context ?? ''}\u0000${key}`)?.points.at(-1)?.value
  }

  series(): MetricSeries[] {
    return [...this.byKey.entries()].map(([id, { stride, read, ...series }]) => {
      const unparsed = this.unparsedByKey.get(id)
      return {
        ...series,
        ...(stride > 1 ? { totalPoints: read } : {}),
        ...(unparsed ? { unparsed } : {})
      }
    })
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
