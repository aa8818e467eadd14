import { readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { UserError } from '../errors.js'
import { kindOfEntry, openRegularFile } from '../file-info.js'
import { CATBOOST_TRAINING_FILE, readCatboostTraining } from './catboost.js'
import {
  readDvcliveMetric,
  readMetricsCsv,
  readMetricsJson,
  readMetricsJsonl,
  readMlflowMetric
} from './file-readers.js'
import { LineSplitter } from '../train/output.js'
import { YOLO_RESULTS_START } from './console-tables.js'
import { normaliseKey, VALIDATION_TOKENS } from './loss-keys.js'
import { joinHints, OutputMetricsReader, type OutputHints } from './output-reader.js'
import type { MetricSeries } from './series.js'
import { describeWarnings, readTensorboardFile } from './tensorboard.js'

export interface FoundSeries {
  series: MetricSeries[]
  /** Files that were read, relative to where they were searched. */
  files: string[]
  warnings: string[]
  /** What saved console logs hinted of the framework's settings, for the inconclusive message. */
  hints: OutputHints
}

/** How saved console logs are read: as the command's output is, with `loss-pattern` and `loss-key`. */
export interface ConsoleReading {
  pattern?: RegExp
  lossKey?: string
}

/** Folders where frameworks put their logs by default, searched under the working directory. */
export const USUAL_LOG_FOLDERS = [
  'lightning_logs',
  'logs',
  'runs',
  'mlruns',
  'dvclive',
  'outputs',
  'output',
  'checkpoints',
  'tb_logs',
  'catboost_info'
]

const SKIPPED_FOLDERS = new Set([
  'node_modules',
  '.git',
  '__pycache__',
  '.venv',
  'venv',
  'site-packages'
])
/** Weights & Biases' folder: one run folder per run, each with the console it captured (files/output.log). */
const WANDB = 'wandb'
const MAX_DEPTH = 8
const MAX_ENTRIES = 20_000
/**
 * Text metric files above this are not metrics files (a dataset, a dump); TensorBoard files stream. The
 * file is read whole: a 30 MB table of 5,000 loss columns, or of 450,000 lines each with a new key, took
 * the CLI to 206-296 MiB; at 16 MiB they stay under 185 MiB.
 */
const MAX_TEXT_BYTES = 16 * 1024 * 1024
/** A JSON metrics document (trainer_state.json, a Keras history) is parsed whole: about 10 bytes of heap a byte. */
const MAX_JSON_BYTES = 8 * 1024 * 1024
/** Saved console logs (`*.log`, `*.txt`) found in a folder search are read up to this size. */
const MAX_CONSOLE_BYTES = 16 * 1024 * 1024
/**
 * A console capture worth reading mentions a loss (vocabularies and requirements files do not), or is CatBoost's
 * or YOLOv7's (its console; its headerless results.txt is YOLO_RESULTS_START's).
 */
const MENTIONS_LOSS =
  /loss|cross.?entropy|\bbox +obj +cls\b|\b(?:nll|bce|mse|rmse|mae|xent)\b|\tlearn: /i

/** Whether a console log found in a folder search is worth reading (MENTIONS_LOSS, YOLO_RESULTS_START). */
async function holdsLoss(file: string, label: string): Promise<boolean> {
  const text = (await readText(file, label, MAX_CONSOLE_BYTES)) ?? ''
  return MENTIONS_LOSS.test(text) || YOLO_RESULTS_START.test(text)
}

type Kind =
  'tensorboard' | 'hf' | 'catboost' | 'json' | 'jsonl' | 'csv' | 'mlflow' | 'dvclive' | 'text'

function kindOf(file: string): Kind | null {
  const base = path.basename(file)
  const parts = file.split(path.sep)
  if (base.includes('tfevents')) return 'tensorboard'
  const metrics = parts.lastIndexOf('metrics')
  if (metrics >= 3 && parts.slice(0, metrics).includes('mlruns')) return 'mlflow'
  if (parts.includes('dvclive') && base.endsWith('.tsv') && parts.includes('metrics'))
    return 'dvclive'
  if (base === 'trainer_state.json') return 'hf'
  if (base === CATBOOST_TRAINING_FILE) return 'catboost'
  const extension = path.extname(base).toLowerCase()
  if (extension === '.json') return 'json'
  if (extension === '.jsonl' || extension === '.ndjson') return 'jsonl'
  if (extension === '.csv' || extension === '.tsv') return 'csv'
  if (extension === '.log' || extension === '.txt') return 'text'
  return null
}

async function firstLine(file: string): Promise<string> {
  const handle = await openRegularFile(file)
  try {
    const buffer = Buffer.alloc(4096)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    return buffer.toString('utf8', 0, bytesRead).split(/\r?\n/)[0]
  } finally {
    await handle.close()
  }
}

/** Reads one file as the kind its name (or, for .log/.txt, its first line) says. */
async function readOne(
  file: string,
  label: string,
  kind: Kind,
  context: string | undefined,
  found: FoundSeries,
  reading: ConsoleReading
): Promise<void> {
  if (kind === 'tensorboard') {
    const { series, warnings } = await readTensorboardFile(file, label, context)
    found.series.push(...series)
    found.warnings.push(...describeWarnings(label, warnings))
    found.files.push(label)
    return
  }
  if (kind === 'text') {
    const { series, hints } = await readTextLog(file, label, reading)
    found.hints = joinHints(found.hints, hints)
    found.series.push(...series.map(s => (context && !s.context ? { ...s, context } : s)))
    found.files.push(label)
    return
  }
  const text = await readText(file, label, isJson(kind) ? MAX_JSON_BYTES : MAX_TEXT_BYTES)
  if (text === null) {
    const limit = isJson(kind) ? MAX_JSON_BYTES : MAX_TEXT_BYTES
    found.warnings.push(
      `${label}: larger than ${limit / 1024 / 1024} MiB; not read as a metrics file`
    )
    return
  }
  const series = readMetricsText(kind, text, label, file)
  if (kind === 'hf') found.hints.trainerSummary = true
  found.series.push(...series.map(s => (context && !s.context ? { ...s, context } : s)))
  found.files.push(label)
}

/** A metrics file's series, by its kind (not TensorBoard or a console log, which stream). */
function readMetricsText(kind: Kind, text: string, label: string, file: string): MetricSeries[] {
  switch (kind) {
    case 'catboost':
      return readCatboostTraining(text, label)
    case 'jsonl':
      return readMetricsJsonl(text, label)
    case 'csv':
      return readMetricsCsv(text, label)
    case 'dvclive':
      return readDvcliveMetric(text, label)
    case 'mlflow': {
      const parts = file.split(path.sep)
      return readMlflowMetric(text, label, parts.slice(parts.lastIndexOf('metrics') + 1).join('/'))
    }
    default:
      return readMetricsJson(text, label)
  }
}

const isJson = (kind: Kind): boolean => kind === 'hf' || kind === 'json' || kind === 'catboost'

/** A regular file's text, or null when it is larger than `maxBytes`. */
async function readText(file: string, label: string, maxBytes: number): Promise<string | null> {
  const handle = await openRegularFile(file, label)
  try {
    if ((await handle.stat()).size > maxBytes) return null
    return await handle.readFile('utf8')
  } finally {
    await handle.close()
  }
}

/** A saved console log, read as the command's output would be: streamed, so of any size. */
async function readTextLog(
  file: string,
  label: string,
  reading: ConsoleReading
): Promise<{ series: MetricSeries[]; hints: OutputHints }> {
  const reader = new OutputMetricsReader(reading.pattern, { lossKey: reading.lossKey })
  let number = 0
  const splitter = new LineSplitter(line => reader.readLine(line, ++number))
  const decoder = new TextDecoder()
  const handle = await openRegularFile(file, label)
  for await (const chunk of handle.createReadStream({ highWaterMark: 1 << 20 }))
    splitter.push(decoder.decode(chunk as Buffer, { stream: true }))
  splitter.push(decoder.decode())
  splitter.finish()
  return {
    series: reader.series().map(series => ({ ...series, source: label })),
    hints: reader.hints
  }
}

/** Files worth reading under a folder: event files, trainer states, metrics tables that mention a loss. */
async function walk(root: string, since: number | undefined): Promise<string[]> {
  const files: string[] = []
  let entries = 0
  const visit = async (folder: string, depth: number): Promise<void> => {
    let listing
    try {
      listing = await readdir(folder, { withFileTypes: true })
    } catch {
      return
    }
    // CatBoost's train_dir: its TSV and TensorBoard files repeat catboost_training.json, which names the metrics.
    if (listing.some(entry => entry.name === CATBOOST_TRAINING_FILE && entry.isFile()))
      listing = listing.filter(entry => entry.name === CATBOOST_TRAINING_FILE)
    for (const entry of listing.sort((a, b) => a.name.localeCompare(b.name))) {
      if (++entries > MAX_ENTRIES) return
      const full = path.join(folder, entry.name)
      if (entry.isDirectory() && entry.name === WANDB) {
        const log = await wandbConsoleLog(full)
        if (log && (since === undefined || (await stat(log)).mtimeMs >= since)) files.push(log)
        continue
      }
      if (entry.isDirectory()) {
        if (depth < MAX_DEPTH && !SKIPPED_FOLDERS.has(entry.name)) await visit(full, depth + 1)
        continue
      }
      if (!entry.isFile()) continue
      const kind = kindOf(full)
      if (!kind) continue
      if (since !== undefined && (await stat(full)).mtimeMs < since) continue
      if ((kind === 'csv' || kind === 'jsonl') && !/loss/i.test(await firstLine(full))) continue
      if (kind === 'text' && (await stat(full)).size > MAX_CONSOLE_BYTES) continue
      files.push(full)
    }
  }
  await visit(root, 0)
  return files
}

/**
 * The console log W&B captured for its newest run: `latest-run` (a link to one of the run folders) or, without
 * it, the last `run-*` folder by name (named by their start time). A link that leads elsewhere is not followed.
 */
async function wandbConsoleLog(folder: string): Promise<string | undefined> {
  // latest-run is a link W&B makes, or a folder where a copy (a repository, an artifact) made it one.
  const runs = (await readdir(folder, { withFileTypes: true }))
    .filter(entry => entry.isDirectory() && /^(?:(?:offline-)?run-|latest-run$)/.test(entry.name))
    .map(entry => entry.name)
    .sort()
  const latest = await realpath(path.join(folder, 'latest-run')).then(
    target => path.basename(target),
    () => undefined
  )
  const run =
    latest !== undefined && runs.includes(latest)
      ? latest
      : (runs.filter(name => name !== 'latest-run').at(-1) ?? runs.at(-1))
  if (run === undefined) return undefined
  const log = path.join(folder, run, 'files', 'output.log')
  const [inside, real] = await Promise.all([realpath(folder), realpath(log).catch(() => '')])
  if (!real.startsWith(inside + path.sep)) return undefined
  return (await stat(real).catch(() => null))?.isFile() ? log : undefined
}

/**
 * Reads every metric series under `target`, a file or a folder; `label` names a file in messages.
 * With `since`, files not written since then (logs of an earlier run) are left out of folder searches.
 */
export async function findSeries(
  target: string,
  label: (file: string) => string,
  found: FoundSeries,
  since?: number,
  reading: ConsoleReading = {}
): Promise<void> {
  const info = await stat(target).catch(() => null)
  if (!info) return
  if (!info.isFile() && !info.isDirectory())
    throw new UserError(`${label(target)} is ${kindOfEntry(info)}; expected a log file or folder`)
  if (info.isFile()) {
    let kind = kindOf(target)
    if (!kind || kind === 'text')
      kind = /^epoch[,;\t]/.test(await firstLine(target)) ? 'csv' : 'text'
    await readOne(target, label(target), kind, splitOfFile(target), found, reading)
    return
  }
  for (const file of await walk(target, since)) {
    const relativeFolder = path.relative(target, path.dirname(file)).split(path.sep).join('/')
    try {
      let kind = kindOf(file)!
      // Keras' CSVLogger writes training.log: a table, not a console capture.
      if (kind === 'text' && /^epoch[,;\t]/.test(await firstLine(file))) kind = 'csv'
      // With loss-pattern or loss-key the user says what their lines look like: every console log is read.
      if (
        kind === 'text' &&
        !reading.pattern &&
        !reading.lossKey &&
        !(await holdsLoss(file, label(file)))
      )
        continue
      await readOne(file, label(file), kind, relativeFolder || undefined, found, reading)
    } catch (error) {
      // One unreadable file in a folder search should not hide the others; say which and why.
      if (!(error instanceof UserError)) throw error
      found.warnings.push(error.message)
    }
  }
}

/**
 * The split a file given alone names by its folder or its name (`test/events.out.tfevents…`,
 * `test_error.tsv`, `eval.log`, add_scalars' `loss_validation/`): its series are that split's. A folder search names them by their folder.
 */
function splitOfFile(file: string): string | undefined {
  const folder = path.basename(path.dirname(file))
  const stem = path.basename(file).split('.')[0]
  // A name that is a split word, or two words one of which is ("test_error", "loss_validation"); not any name
  // that holds one ("test_run_3", "exp-val-acc-half").
  return [folder, stem].find(name => {
    const tokens = normaliseKey(name).split('_')
    return (
      tokens.length <= 2 &&
      (VALIDATION_TOKENS.has(tokens[0]) || VALIDATION_TOKENS.has(tokens.at(-1)!))
    )
  })
}

export function emptyFound(): FoundSeries {
  return { series: [], files: [], warnings: [], hints: joinHints() }
}
