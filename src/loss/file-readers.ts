import { CsvTokenizer } from '../data/csv.js'
import { UserError } from '../errors.js'
import { isGradientNorm, isLossKey } from './loss-keys.js'
import { JsonLimitError, parsePythonJson } from '../json.js'
import {
  parseMetricNumber,
  SeriesCollector,
  type MetricSeries,
  type SourceFormat
} from './series.js'

const STEP_COLUMNS = ['step', 'global_step', 'iteration', 'iter', 'epoch']
/** Columns that are counters or clocks, never metrics. */
const NOT_METRICS = new Set([
  'step',
  'global_step',
  'iteration',
  'iter',
  'epoch',
  'timestamp',
  'time',
  'wall_time',
  ''
])

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value
  if (typeof value === 'string') return parseMetricNumber(value)
  return undefined
}

function stepOf(record: Record<string, unknown>): number | undefined {
  for (const key of STEP_COLUMNS) {
    const step = numberOf(record[key])
    if (step !== undefined && Number.isFinite(step)) return step
  }
  return undefined
}

/**
 * Calls `each` with every line of `text` (LF or CRLF) and its number, without making an array of them:
 * memory stays that of the text on a file of millions of lines.
 */
function forEachLine(
  text: string,
  each: (line: string, number: number, last: boolean) => void
): void {
  let number = 0
  for (let start = 0; start <= text.length;) {
    const end = text.indexOf('\n', start)
    const stop = end === -1 ? text.length : end
    const line =
      text.charCodeAt(stop - 1) === 0x0d ? text.slice(start, stop - 1) : text.slice(start, stop)
    each(line, ++number, end === -1)
    if (end === -1) break
    start = end + 1
  }
}

/**
 * A metrics table (Lightning CSVLogger, Keras CSVLogger, pandas `history.to_csv`, `step,loss`): every
 * non-counter column is a series; empty and `NA` cells mean "not logged in this row". Rows are read as
 * the tokenizer finds them, one held back (a process killed mid-write leaves a last row cut short).
 */
export function readMetricsCsv(text: string, label: string): MetricSeries[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  const delimiter = ['\t', ';', ','].find(candidate => firstLine.includes(candidate)) ?? ','
  let header: string[] | null = null
  let steps: number[] = []
  let collector: SeriesCollector | null = null
  let held: { fields: string[]; line: number } | null = null
  const take = ({ fields, line }: { fields: string[]; line: number }): void => {
    const columns = header!
    if (fields.length === 1 && fields[0] === '') return
    if (fields.length > columns.length)
      throw new UserError(
        `${label}:${line}: ${fields.length} cells but the header has ${columns.length}`
      )
    let step: number | undefined
    for (const index of steps) {
      const value = index < fields.length ? parseMetricNumber(fields[index]) : undefined
      if (value !== undefined && Number.isFinite(value)) {
        step = value
        break
      }
    }
    // Only the row's own cells: a short row's missing cells are empty, and a wide header costs nothing.
    for (let index = 0; index < fields.length; index++) {
      const name = columns[index]
      if (NOT_METRICS.has(name.toLowerCase())) continue
      const cell = fields[index].trim()
      if (cell === '' || cell === 'NA') continue
      const value = parseMetricNumber(cell)
      // A text column (a model name, a list) is not a metric; text in a loss column is named in the verdict.
      if (value === undefined) {
        if (isLossKey(name)) collector!.unparsed(name, cell, line)
        continue
      }
      collector!.add(name, step, value, line)
    }
  }
  const tokenizer = new CsvTokenizer(
    { delimiter, keepRaw: false },
    record => {
      if (header === null) {
        header = record.fields.map(cell => cell.trim())
        const format: SourceFormat =
          header.includes('step') && header.includes('epoch')
            ? 'lightning-csv'
            : header[0] === 'epoch'
              ? 'keras-csv'
              : 'csv'
        collector = new SeriesCollector(label, format)
        // The step is the first of these columns with a number in the row.
        steps = STEP_COLUMNS.map(name => header!.indexOf(name)).filter(index => index !== -1)
        return
      }
      if (held) take(held)
      held = { fields: record.fields, line: record.line }
    },
    problem => {
      throw new UserError(`${label}:${problem.line}: ${problem.message}`)
    }
  )
  tokenizer.push(text)
  tokenizer.finish()
  if (header === null || collector === null) return []
  const last = held as { fields: string[]; line: number } | null
  // A process killed mid-write leaves a last line without its terminator or with fewer cells.
  if (last && /\n$/.test(text) && last.fields.length >= (header as string[]).length) take(last)
  return (collector as SeriesCollector).series()
}

/** One JSON object of metrics (a JSON Lines line, an entry of a JSON array) into the collector. */
function addRecord(
  collector: SeriesCollector,
  values: Record<string, unknown>,
  line: number
): void {
  const step = stepOf(values)
  for (const key in values) {
    const raw = values[key]
    if (NOT_METRICS.has(key.toLowerCase())) continue
    const value = numberOf(raw)
    if (value !== undefined) collector.add(key, step, value, line)
    else if (typeof raw === 'string' && isLossKey(key)) collector.unparsed(key, raw, line)
  }
  markDivergedGradient(collector, values)
}

/** A record whose gradient norm is NaN or infinite: its losses' points are marked (series.ts). */
function markDivergedGradient(collector: SeriesCollector, values: Record<string, unknown>): void {
  const gradient = Object.keys(values).find(
    key => isGradientNorm(key) && !Number.isFinite(numberOf(values[key]) ?? 0)
  )
  if (gradient === undefined) return
  for (const key in values) if (isLossKey(key)) collector.gradientNotFinite(key, gradient)
}

/** JSON Lines: one object of metrics per line; every numeric key is a series. */
export function readMetricsJsonl(text: string, label: string): MetricSeries[] {
  const collector = new SeriesCollector(label, 'jsonl')
  forEachLine(text, (line, number, last) => {
    if (line.trim() === '') return
    let record: unknown
    try {
      record = parsePythonJson(line)
    } catch {
      // The last line of a file still being written may be cut short; any other bad line is an error.
      if (last) return
      throw new UserError(`${label}:${number}: not a JSON object: ${line.slice(0, 80)}`)
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new UserError(
        `${label}:${number}: expected a JSON object like {"step": 1, "loss": 0.9}`
      )
    }
    addRecord(collector, record as Record<string, unknown>, number)
  })
  return collector.series()
}

/** Finds successive occurrences of a key and their line numbers, scanning the text once. */
function lineFinder(text: string, needle: string): () => number {
  let position = 0
  let line = 1
  // The next line break, searched again only once passed (a file on one line has none: searching for it
  // from every key made a 7 MB trainer_state.json take 12 s).
  let lineBreak = text.indexOf('\n')
  return () => {
    const at = text.indexOf(needle, position)
    if (at === -1) return 0
    while (lineBreak !== -1 && lineBreak < at) {
      line++
      lineBreak = text.indexOf('\n', lineBreak + 1)
    }
    position = at + needle.length
    return line
  }
}

/**
 * Hugging Face `trainer_state.json`: `log_history` entries with `loss` per logging step and `eval_loss`
 * per evaluation. The final summary entry (`train_loss` with `train_runtime`) is an average, not a point.
 * A Keras `History` dump (`{"loss": [...], "val_loss": [...]}`) is read too.
 */
export function readMetricsJson(text: string, label: string): MetricSeries[] {
  let document: unknown
  try {
    document = parseJsonDocument(text, label)
  } catch (error) {
    // detectron2's metrics.json, and others, are JSON Lines under a .json name.
    if (isJsonLines(text)) return readMetricsJsonl(text, label)
    throw error
  }
  if (typeof document !== 'object' || document === null) return []
  if (Array.isArray(document)) {
    // An array of metrics objects reads as JSON Lines would, entry n on "line" n.
    const collector = new SeriesCollector(label, 'jsonl')
    document.forEach((entry, index) => {
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
        throw new UserError(
          `${label}: entry ${index + 1}: expected a JSON object like {"step": 1, "loss": 0.9}`
        )
      addRecord(collector, entry as Record<string, unknown>, index + 1)
    })
    return collector.series()
  }
  const record = document as Record<string, unknown>
  const logHistory = record.log_history ?? Object.values(record).find(isRecordList)
  if (Array.isArray(logHistory)) {
    const collector = new SeriesCollector(label, 'hf-trainer-state')
    const nextStepLine = lineFinder(text, '"step"')
    for (const entry of logHistory as Array<Record<string, unknown>>) {
      const line = nextStepLine()
      if (typeof entry !== 'object' || entry === null || 'train_runtime' in entry) continue
      const step = numberOf(entry.step)
      for (const [key, raw] of Object.entries(entry)) {
        if (NOT_METRICS.has(key)) continue
        const value = numberOf(raw)
        if (value !== undefined) collector.add(key, step, value, line)
      }
      markDivergedGradient(collector, entry)
    }
    return collector.series()
  }
  // sacred's FileStorageObserver (and ClearML, Aim exports): {"loss": {"steps": [...], "values": [...]}}.
  const tracked = Object.entries(record).flatMap(([key, value]) => {
    const metric = trackedMetric(value)
    return metric ? [{ key, ...metric }] : []
  })
  if (tracked.some(({ key }) => isLossKey(key))) return readLists(tracked, text, label, 'sacred')
  // A history: a list of numbers per metric, beside which other keys (a timestamp, the classes) may stand.
  const histories = Object.entries(record).flatMap(([key, values]) =>
    Array.isArray(values) && (isLossKey(key) || values.some(v => numberOf(v) !== undefined))
      ? [{ key, values }]
      : []
  )
  if (histories.some(({ key }) => isLossKey(key)))
    return readLists(histories, text, label, 'keras-history')
  return []
}

/**
 * A list of records as Hugging Face's `log_history` holds them, under another name (a script that saves
 * `trainer.state.log_history` as `training_history`): objects with a step or epoch, one with a loss.
 */
function isRecordList(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false
  const records = value.filter(
    (entry): entry is Record<string, unknown> =>
      typeof entry === 'object' && entry !== null && !Array.isArray(entry)
  )
  return (
    records.length === value.length &&
    records.every(entry => 'step' in entry || 'epoch' in entry) &&
    records.some(entry => Object.keys(entry).some(key => isLossKey(key)))
  )
}

/** A metric's values as one list, with their steps (else each value's place in the list). */
interface MetricList {
  key: string
  values: unknown[]
  steps?: unknown[]
}

/**
 * A series of each list. A text that is no number in a loss's list is named, at the line its key is on;
 * null is "not logged".
 */
function readLists(
  lists: MetricList[],
  text: string,
  label: string,
  format: 'sacred' | 'keras-history'
): MetricSeries[] {
  const collector = new SeriesCollector(label, format)
  for (const { key, values, steps } of lists) {
    values.forEach((raw, i) => {
      const value = numberOf(raw)
      const step = steps ? numberOf(steps[i]) : i
      if (value !== undefined) collector.add(key, step, value, 0)
      else if (typeof raw === 'string' && isLossKey(key))
        collector.unparsed(key, raw, lineFinder(text, JSON.stringify(key))())
    })
  }
  return collector.series()
}

/** `{"values": [...], "steps": [...]}`: one metric as sacred and others track it; else undefined. */
function trackedMetric(value: unknown): Omit<MetricList, 'key'> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const { values, steps } = value as Record<string, unknown>
  if (!Array.isArray(values) || (steps !== undefined && !Array.isArray(steps))) return undefined
  return { values, steps: steps as unknown[] | undefined }
}

/**
 * A whole JSON document, parsed (trainer_state.json, catboost_training.json: bounded by the file's size, not
 * by JSON's per-text limits); a text that is not one is a UserError naming the file and, where JSON.parse
 * says, the line and column.
 */
export function parseJsonDocument(text: string, label: string): unknown {
  try {
    return parsePythonJson(text, { sizeLimits: false })
  } catch (error) {
    if (error instanceof JsonLimitError)
      throw new UserError(`${label}: cannot read this JSON: ${error.message}`)
    const message = (error as Error).message
    throw new UserError(`${label}${lineOfJsonError(text, message)}: not valid JSON: ${message}`)
  }
}

/** Whether a text that is not one JSON document is JSON Lines: its first line is one object. */
function isJsonLines(text: string): boolean {
  const first = text.trimStart().split('\n', 1)[0].trim()
  if (!first.startsWith('{') || first.length === text.trim().length) return false
  try {
    const value = parsePythonJson(first)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
  } catch {
    return false
  }
}

/** ":<line>:<column>" of JSON.parse's "at position N", or "" when its message has none. */
function lineOfJsonError(text: string, message: string): string {
  const position = /at position (\d+)/.exec(message)?.[1]
  if (position === undefined) return ''
  const before = text.slice(0, Number(position))
  const line = before.split('\n').length
  return `:${line}:${Number(position) - before.lastIndexOf('\n')}`
}

/** MLflow file store: `mlruns/<exp>/<run>/metrics/<key>`, lines `<timestamp_ms> <value> [<step>]`. */
export function readMlflowMetric(text: string, label: string, key: string): MetricSeries[] {
  const collector = new SeriesCollector(label, 'mlflow')
  forEachLine(text, (line, number) => {
    const parts = line.trim().split(' ')
    if (parts.length < 2 || parts.length > 3) return
    const value = parseMetricNumber(parts[1])
    if (value === undefined)
      throw new UserError(`${label}:${number}: "${parts[1].slice(0, 80)}" is not a number`)
    collector.add(key, parts.length === 3 ? Number(parts[2]) : undefined, value, number)
  })
  return collector.series()
}

/** DVCLive: `dvclive/plots/metrics/<key>.tsv` with a header such as `timestamp\tstep\t<key>`. */
export function readDvcliveMetric(text: string, label: string): MetricSeries[] {
  return readMetricsCsv(text, label).map(series => ({ ...series, format: 'dvclive' as const }))
}
