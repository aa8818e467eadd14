import { CsvTokenizer } from '../data/csv.js'
import { UserError } from '../errors.js'
import { isLossKey } from './choose.js'
import { parsePythonJson } from '../json.js'
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
 * A metrics table (Lightning CSVLogger, Keras CSVLogger, pandas `history.to_csv`, `step,loss`): every
 * non-counter column is a series; empty and `NA` cells mean "not logged in this row".
 */
export function readMetricsCsv(text: string, label: string): MetricSeries[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  const delimiter = ['\t', ';', ','].find(candidate => firstLine.includes(candidate)) ?? ','
  const rows: Array<{ fields: string[]; line: number; complete: boolean }> = []
  const tokenizer = new CsvTokenizer(
    { delimiter, keepRaw: false },
    record => void rows.push({ fields: record.fields, line: record.line, complete: true }),
    problem => {
      throw new UserError(`${label}:${problem.line}: ${problem.message}`)
    }
  )
  tokenizer.push(text)
  tokenizer.finish()
  if (rows.length === 0) return []
  const header = rows[0].fields.map(cell => cell.trim())
  const format: SourceFormat =
    header.includes('step') && header.includes('epoch')
      ? 'lightning-csv'
      : header[0] === 'epoch'
        ? 'keras-csv'
        : 'csv'
  // A process killed mid-write leaves a last line without its terminator or with fewer cells.
  const last = rows.at(-1)!
  if (rows.length > 1 && (!/\n$/.test(text) || last.fields.length < header.length)) rows.pop()
  const collector = new SeriesCollector(label, format)
  for (const row of rows.slice(1)) {
    if (row.fields.length === 1 && row.fields[0] === '') continue
    if (row.fields.length > header.length) {
      throw new UserError(
        `${label}:${row.line}: ${row.fields.length} cells but the header has ${header.length}`
      )
    }
    const record = Object.fromEntries(header.map((name, index) => [name, row.fields[index] ?? '']))
    const step = stepOf(record)
    header.forEach((name, index) => {
      if (NOT_METRICS.has(name.toLowerCase())) return
      const cell = (row.fields[index] ?? '').trim()
      if (cell === '' || cell === 'NA') return
      const value = parseMetricNumber(cell)
      // A text column (a model name, a list) is not a metric; text in a loss column is named in the verdict.
      if (value === undefined) {
        if (isLossKey(name)) collector.unparsed(name, cell, row.line)
        return
      }
      collector.add(name, step, value, row.line)
    })
  }
  return collector.series()
}

/** JSON Lines: one object of metrics per line; every numeric key is a series. */
export function readMetricsJsonl(text: string, label: string): MetricSeries[] {
  const collector = new SeriesCollector(label, 'jsonl')
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return
    let record: unknown
    try {
      record = parsePythonJson(line)
    } catch {
      // The last line of a file still being written may be cut short; any other bad line is an error.
      if (index === text.split(/\r?\n/).length - 1 && !text.endsWith('\n')) return
      throw new UserError(`${label}:${index + 1}: not a JSON object: ${line.slice(0, 80)}`)
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new UserError(
        `${label}:${index + 1}: expected a JSON object like {"step": 1, "loss": 0.9}`
      )
    }
    const values = record as Record<string, unknown>
    const step = stepOf(values)
    for (const [key, raw] of Object.entries(values)) {
      if (NOT_METRICS.has(key.toLowerCase())) continue
      const value = numberOf(raw)
      if (value !== undefined) collector.add(key, step, value, index + 1)
      else if (typeof raw === 'string' && isLossKey(key)) collector.unparsed(key, raw, index + 1)
    }
  })
  return collector.series()
}

/** Finds successive occurrences of a key and their line numbers, scanning the text once. */
function lineFinder(text: string, needle: string): () => number {
  let position = 0
  let line = 1
  return () => {
    const at = text.indexOf(needle, position)
    if (at === -1) return 0
    for (let i = text.indexOf('\n', position); i !== -1 && i < at; i = text.indexOf('\n', i + 1))
      line++
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
    document = parsePythonJson(text)
  } catch (error) {
    throw new UserError(`${label}: not valid JSON: ${(error as Error).message}`)
  }
  if (typeof document !== 'object' || document === null) return []
  if (Array.isArray(document))
    return readMetricsJsonl(document.map(entry => JSON.stringify(entry)).join('\n') + '\n', label)
  const record = document as Record<string, unknown>
  if (Array.isArray(record.log_history)) {
    const collector = new SeriesCollector(label, 'hf-trainer-state')
    const nextStepLine = lineFinder(text, '"step"')
    for (const entry of record.log_history as Array<Record<string, unknown>>) {
      const line = nextStepLine()
      if (typeof entry !== 'object' || entry === null || 'train_runtime' in entry) continue
      const step = numberOf(entry.step)
      for (const [key, raw] of Object.entries(entry)) {
        if (NOT_METRICS.has(key)) continue
        const value = numberOf(raw)
        if (value !== undefined) collector.add(key, step, value, line)
      }
    }
    return collector.series()
  }
  const arrays = Object.entries(record).filter(([, value]) => Array.isArray(value))
  if (arrays.length && arrays.length === Object.keys(record).length) {
    const collector = new SeriesCollector(label, 'keras-history')
    for (const [key, values] of arrays) {
      ;(values as unknown[]).forEach((raw, epoch) => {
        const value = numberOf(raw)
        if (value !== undefined) collector.add(key, epoch, value, 0)
      })
    }
    return collector.series()
  }
  return []
}

/** MLflow file store: `mlruns/<exp>/<run>/metrics/<key>`, lines `<timestamp_ms> <value> [<step>]`. */
export function readMlflowMetric(text: string, label: string, key: string): MetricSeries[] {
  const collector = new SeriesCollector(label, 'mlflow')
  text.split('\n').forEach((line, index) => {
    const parts = line.trim().split(' ')
    if (parts.length < 2 || parts.length > 3) return
    const value = parseMetricNumber(parts[1])
    if (value === undefined)
      throw new UserError(`${label}:${index + 1}: "${parts[1]}" is not a number`)
    collector.add(key, parts.length === 3 ? Number(parts[2]) : undefined, value, index + 1)
  })
  return collector.series()
}

/** DVCLive: `dvclive/plots/metrics/<key>.tsv` with a header such as `timestamp\tstep\t<key>`. */
export function readDvcliveMetric(text: string, label: string): MetricSeries[] {
  return readMetricsCsv(text, label).map(series => ({ ...series, format: 'dvclive' as const }))
}
