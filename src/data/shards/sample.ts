// What a shard's job draws for the merge job's subset, held-out rows and profile: its training rows of
// smallest priority (per class and overall, the first rows for head, the profile's), in a bounded file
// beside its state; and the merge of those files into one file of candidates that stands in for the
// dataset, so the merge job's draws read neither the dataset nor more than the candidates.
import { createReadStream } from 'node:fs'
import { mkdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { createInterface } from 'node:readline'
import type { SampleSettings } from '../../config.js'
import { UserError } from '../../errors.js'
import { writeAtomically } from '../../file-info.js'
import { PROFILE_ROWS } from '../profile.js'
import {
  PROFILE_SALT,
  rankOf,
  rowPriority,
  Smallest,
  SUBSET_SALT,
  type Ranked
} from '../../sample/priority.js'
import { MAX_CLASSES, Sampler, tooManyClasses } from '../../sample/strategies.js'
import { labelIndexOf, labelOf, RowOrigins, writeLines } from '../../sample/subset.js'
import type { CandidateFile, Origin } from '../../sample/types.js'
import { readTable } from '../readers/index.js'
import { parquetSchemaText, sameCell, writeParquetLike } from '../writers.js'
import type { DataFormat, ReadOptions, RowPosition } from '../table.js'
import type { DataTables } from '../tables.js'
import { delimiterOf } from '../validate-dataset.js'
import type { ShardPlan } from './plan.js'
import { partitionOf } from './validate-shard.js'

const SAMPLE_KIND = 'ml-smoke-shard-sample'
/** Formats whose rows a candidate keeps as their source text, written back byte for byte. */
const TEXT_FORMATS: readonly DataFormat[] = ['csv', 'tsv', 'jsonl']
/**
 * Formats whose rows a candidate keeps as their cells, in a file of the format beside the candidates
 * (see cellsFileOf), written with the schema the subset is written with.
 */
const CELL_FORMATS: readonly DataFormat[] = ['parquet']

/** What the shards' draws depend on: the merge job's must be the same for their candidates to do. */
export type ShardSampleSettings = Pick<
  SampleSettings,
  'seed' | 'sampleRows' | 'sampleStrategy' | 'minPerClass'
> & { predictRows: number; labelColumn?: string }

/** The fields of ShardSampleSettings: a header records these and the merge job compares them. */
const SETTINGS = [
  'seed',
  'sampleRows',
  'sampleStrategy',
  'minPerClass',
  'predictRows',
  'labelColumn'
] as const satisfies ReadonlyArray<keyof ShardSampleSettings>

/** Only what the draws depend on, so that a header records no more (and compares equal). */
function settingsOf(config: ShardSampleSettings): ShardSampleSettings {
  const fields = SETTINGS.flatMap(key => (config[key] === undefined ? [] : [[key, config[key]]]))
  return Object.fromEntries(fields) as ShardSampleSettings
}

interface SampleHeader {
  kind: typeof SAMPLE_KIND
  version: 1
  plan: string
  shard: number
  settings: ShardSampleSettings
  format: DataFormat
  /** The training data's file names, as the plan has them. */
  names: string[]
  /** The shard's training rows, and their label values' counts in the order first seen (null: too many). */
  rows: number
  classes: Array<[string, number]> | null
  /** The text before the first data row and the line ending, from the shard reading the first file's start. */
  headerRaw?: readonly string[]
  lineEnding?: '\n' | '\r\n'
  problem?: string
  /** Why the shard drew no candidates (see notDrawn): the merge job reads the dataset. */
  notDrawn?: string
  /**
   * Parquet: the candidates' cells are the rows of cellsFileOf's file, one a line, in order, written
   * with the schema of the training data's file `file` (the first the shard read), `schema`.
   */
  cells?: { rows: number; file: number; schema: string }
}

/**
 * A candidate as a line of the file: its index among the shard's rows, file, place, label, text ('' when
 * its cells are a row of the Parquet file beside, see cellsFileOf).
 */
type CandidateLine = [number, number, number, number, string | null, string]

/** The candidates file beside a state. */
export function sampleFileOf(stateFile: string): string {
  return `${stateFile}.sample.jsonl`
}

/** The file of a Parquet dataset's candidates' cells beside a state (see CELL_FORMATS). */
export function cellsFileOf(stateFile: string): string {
  return `${stateFile}.sample.parquet`
}

/** The table the subset is drawn from: the dataset, else the split train (none when neither is planned). */
function trainingTable(data: DataTables, config: { dataset?: string[] }): number {
  if (data.splits && config.dataset) return -1
  return data.tables.findIndex(table => table.split === undefined || table.split === 'train')
}

/** Why the shards draw nothing for this merge job to use, or null when they do. */
function notDrawn(settings: ShardSampleSettings, format: DataFormat): string | null {
  if (settings.sampleStrategy === 'all') return 'sample-strategy all takes every row'
  if (!TEXT_FORMATS.includes(format) && !CELL_FORMATS.includes(format))
    return `a ${format} subset is written from its source file (only CSV, TSV and JSON Lines rows travel as text, Parquet rows as Parquet)`
  return null
}

interface Candidate {
  raw: string
  /** A Parquet row's cells (its raw is ''). */
  cells?: unknown[]
  origin: Origin
}

/** The draws' keepers: the subset's (and the held-out rows') candidates and the profile's. */
class Keepers {
  readonly subset: Sampler<Candidate>
  readonly profile = new Smallest<Ranked & { item: Candidate; label?: string }>(PROFILE_ROWS)

  constructor(private readonly settings: ShardSampleSettings) {
    this.subset = new Sampler({
      rows: settings.sampleRows,
      pool: settings.sampleRows + settings.predictRows,
      strategy: settings.sampleStrategy,
      seed: settings.seed,
      minPerClass: settings.minPerClass,
      labelled: settings.labelColumn !== undefined,
      candidates: true,
      labelColumn: settings.labelColumn
    })
  }

  /**
   * Offers a row: counted (a shard's row, its text `raw` a slice of what was read, copied only when
   * kept), or not (a candidate of a shard, whose rows the shards counted).
   */
  offer(
    raw: string,
    origin: Origin,
    label: string | undefined,
    counted: boolean,
    cells?: readonly unknown[]
  ): void {
    const [index, file, major, minor] = origin
    const { seed } = this.settings
    const rank = rankOf(seed, SUBSET_SALT, origin)
    const profiled = rowPriority(seed, PROFILE_SALT, file, major, minor)
    if (counted) this.subset.count(label)
    const forSubset = this.subset.wants(rank, label)
    const forProfile = this.profile.wants(profiled, index)
    if (!forSubset && !forProfile) return
    // A slice of the reader's chunk would keep the whole chunk alive.
    const item = {
      raw: counted ? (' ' + raw).slice(1) : raw,
      origin,
      ...(cells ? { cells: [...cells] } : {})
    }
    if (forSubset) this.subset.offer(item, rank, label, false)
    if (forProfile) this.profile.offer({ index, priority: profiled, item, label })
  }

  /** Every candidate kept, in the order of the dataset's rows, with its label. */
  kept(): Array<{ item: Candidate; label?: string }> {
    const all = new Map<number, { item: Candidate; label?: string }>()
    for (const entry of [...this.subset.kept(), ...this.profile.ranked()])
      all.set(entry.item.origin[0], entry)
    return [...all.values()].sort((a, b) => a.item.origin[0] - b.item.origin[0])
  }
}

/** What reading the shard's parts finds besides candidates: the header's fields, the columns. */
type Found = Partial<SampleHeader> & { columns?: string[]; first?: { file: number; path: string } }

/** Reads the shard's parts of the training table into `keepers`; the header fields found on the way. */
async function drawParts(
  plan: ShardPlan,
  shard: number,
  files: readonly string[],
  data: DataTables,
  table: number,
  keepers: Keepers,
  labelColumn: string | undefined
): Promise<Found> {
  const { options } = data.tables[table]
  const first = plan.files.findIndex(file => (file.table ?? 0) === table)
  const found: Found = {}
  const byCells = CELL_FORMATS.includes(options.format)
  const origins = new RowOrigins(options.format)
  for (const part of plan.shards[shard - 1]) {
    if ((plan.files[part.file].table ?? 0) !== table) continue
    const file = part.file - first
    const name = plan.files[part.file].name
    found.first ??= { file, path: files[part.file] }
    const reading: ReadOptions = {
      delimiter: delimiterOf(options),
      dialect: options.dialect,
      columnNames: data.schema.fields.map(field => field.name),
      keepRaw: true,
      partition: await partitionOf(part, files[part.file], options)
    }
    let labelIndex = -1
    origins.startFile(file)
    const offer = (label: string | undefined, position: RowPosition, cells?: unknown[]) =>
      keepers.offer(position.raw ?? '', origins.next(position), label, true, cells)
    const read = await readTable(files[part.file], options.format, reading, {
      header(labels, _line, raw) {
        labelIndex = labelIndexOf(labels, labelColumn, name)
        found.columns = labels
        if (file === 0 && !part.start) found.headerRaw = raw
      },
      // A CSV row's cells stay ranges of the text read: only the label becomes a string.
      textRow(cells, position) {
        const label =
          labelIndex < 0 ? undefined : labelIndex < cells.count ? cells.cell(labelIndex) : ''
        offer(label, position)
      },
      row: (cells, position) =>
        offer(labelOf(cells, labelIndex), position, byCells ? cells : undefined),
      problem(problem) {
        throw new UserError(`${name}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`)
      }
    })
    if (file === 0 && !part.start) found.lineEnding = read.lineEnding
  }
  return found
}

/** A Parquet file's columns and rows, each row's cells copied. */
async function readCells(file: string): Promise<{ columns: string[]; rows: unknown[][] }> {
  const rows: unknown[][] = []
  let columns: string[] = []
  await readTable(
    file,
    'parquet',
    {},
    {
      header: labels => void (columns = labels),
      row: cells => void rows.push([...cells]),
      problem(problem) {
        throw new UserError(`${file}: ${problem.message}: run that shard's job again`)
      }
    }
  )
  return { columns, rows }
}

/**
 * Writes a Parquet dataset's candidates' cells to `target` with `schemaFile`'s schema (the subset's,
 * see writeParquetLike) and reads them back: null when the schema and every cell come back the same,
 * so the merge job writes the subset one runner writes; else why the merge job reads the dataset.
 */
async function writeCellsExactly(
  schemaFile: string,
  target: string,
  columns: string[],
  rows: unknown[][]
): Promise<string | null> {
  const why = (what: string) =>
    `a parquet subset is written from its source file when its rows do not travel exactly as Parquet (${what})`
  try {
    await writeParquetLike(schemaFile, target, columns, rows)
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    return why(error.message)
  }
  const back = await readCells(target)
  if ((await parquetSchemaText(target)) !== (await parquetSchemaText(schemaFile)))
    return why("the schema written is not the source's")
  if (back.columns.join('\n') !== columns.join('\n') || back.rows.length !== rows.length)
    return why("the columns written are not the source's")
  for (const [i, row] of rows.entries()) {
    const k = row.findIndex((cell, k) => !sameCell(cell, back.rows[i][k]))
    if (k !== -1) return why(`a value of column "${columns[k]}" comes back changed`)
  }
  return null
}

/**
 * Draws the candidates of shard `shard`'s training rows and writes them beside `stateFile` (see
 * sampleFileOf); its size in bytes (null: the plan has not the training data). Where candidates cannot
 * stand for the dataset (see notDrawn), the file says why. A row the draw
 * cannot read, or a label of too many classes, is written as the problem the merge job's draw meets.
 */
export async function drawShardSample(
  plan: ShardPlan,
  shard: number,
  files: readonly string[],
  data: DataTables,
  config: ShardSampleSettings & { dataset?: string[] },
  stateFile: string
): Promise<number | null> {
  const table = trainingTable(data, config)
  if (table === -1) return null
  const format = data.tables[table].options.format
  let skipped = notDrawn(config, format)
  const settings = settingsOf(config)
  const keepers = new Keepers(settings)
  let found: Found = {}
  let problem: string | undefined
  try {
    if (!skipped)
      found = await drawParts(plan, shard, files, data, table, keepers, settings.labelColumn)
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    problem = error.message
  }
  const kept = problem || skipped ? [] : keepers.kept()
  let cells: SampleHeader['cells']
  if (CELL_FORMATS.includes(format) && !skipped && !problem && found.first) {
    const { file, path: schemaFile } = found.first
    const rows = kept.map(({ item }) => item.cells!)
    skipped = rows.length
      ? await writeCellsExactly(schemaFile, cellsFileOf(stateFile), found.columns ?? [], rows)
      : null
    cells = { rows: rows.length, file, schema: await parquetSchemaText(schemaFile) }
  }
  const counted = keepers.subset.counted()
  const header: SampleHeader = {
    kind: SAMPLE_KIND,
    version: 1,
    plan: plan.id,
    shard,
    settings,
    format,
    names: plan.files.filter(file => (file.table ?? 0) === table).map(file => file.name),
    rows: counted.rows,
    classes: counted.classes && [...counted.classes],
    ...(found.headerRaw ? { headerRaw: found.headerRaw } : {}),
    ...(found.lineEnding ? { lineEnding: found.lineEnding } : {}),
    ...(problem ? { problem } : {}),
    ...(skipped ? { notDrawn: skipped } : cells ? { cells } : {})
  }
  const lines = [
    JSON.stringify(header),
    ...(skipped ? [] : kept).map(({ item, label }) =>
      JSON.stringify([...item.origin, label ?? null, item.raw] satisfies CandidateLine)
    )
  ]
  const file = sampleFileOf(stateFile)
  await writeLines(file, lines, '\n')
  return (await stat(file)).size
}

/** The shard and plan a state file names (the merge has checked them), read without its keys. */
async function stateShard(stateFile: string): Promise<{ plan: string; shard: number }> {
  const state = JSON.parse(await readFile(stateFile, 'utf8')) as {
    plan: { id: string }
    shard: number
  }
  return { plan: state.plan.id, shard: state.shard }
}

/** A candidates file's header line, or why it cannot stand for the shard. */
async function readSampleHeader(file: string, expected: { plan: string; shard: number }) {
  if (!(await stat(file).catch(() => null))) return `${path.basename(file)} is missing`
  const lines = createInterface({ input: createReadStream(file) })
  let header: SampleHeader | undefined
  for await (const line of lines) {
    try {
      header = JSON.parse(line) as SampleHeader
    } catch {
      // Not a draw: said below.
    }
    break
  }
  lines.close()
  const ok =
    header?.kind === SAMPLE_KIND &&
    header.version === 1 &&
    header.plan === expected.plan &&
    header.shard === expected.shard
  return ok ? header! : `${path.basename(file)} is not the draw of shard ${expected.shard}`
}

/** How the shards' settings `a` differ from this job's `b`, or null when they do not. */
function sameSettings(a: ShardSampleSettings, b: ShardSampleSettings): string | null {
  const differ = SETTINGS.filter(key => a[key] !== b[key])
  if (!differ.length) return null
  const words = (key: (typeof SETTINGS)[number]) =>
    key.replace(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)
  return `the shards drew with ${differ.map(key => `${words(key)} ${a[key] ?? '(none)'}`).join(', ')}, this job has ${differ.map(key => `${words(key)} ${b[key] ?? '(none)'}`).join(', ')}`
}

/** A line of a candidates file, checked to be one (the file came from an artifact). */
function candidateLine(text: string, file: string, line: number): CandidateLine {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    value = null
  }
  const [index, f, major, minor, label, raw] = Array.isArray(value) ? value : []
  const whole = [index, f, major, minor].every(n => Number.isSafeInteger(n) && n >= 0)
  if (!whole || !(label === null || typeof label === 'string') || typeof raw !== 'string')
    throw new UserError(
      `${file}:${line}: not a sample candidate of ml-smoke (expected [row, file, place, place, label, text]): run that shard's job again`
    )
  return value as CandidateLine
}

/**
 * Adds one shard's candidates to `keepers`, their indices past the `before` rows of earlier shards;
 * the columns of its Parquet file of cells, when it has one.
 */
async function offerShard(
  header: SampleHeader & { file: string; cellsFile: string },
  keepers: Keepers,
  before: number
): Promise<string[] | undefined> {
  const { file, cellsFile } = header
  const cells = header.cells?.rows ? await readCells(cellsFile) : undefined
  const lines = createInterface({ input: createReadStream(file) })
  let number = 0
  for await (const text of lines) {
    if (++number === 1) continue
    const [index, f, major, minor, label, raw] = candidateLine(text, file, number)
    const row = cells?.rows[number - 2]
    if (cells && !row) break
    keepers.offer(raw, [before + index, f, major, minor], label ?? undefined, false, row)
  }
  if ((header.cells || cells) && number - 1 !== (cells?.rows.length ?? 0))
    throw new UserError(
      `${path.basename(cellsFile)} has ${cells?.rows.length ?? 0} rows for the ${number - 1} candidates of ${path.basename(file)}: run that shard's job again`
    )
  return cells?.columns
}

/**
 * The shards' class counts summed, in the order first seen across the dataset: null past MAX_CLASSES
 * values, which fails a stratified draw as it fails on one runner.
 */
function sumClasses(headers: SampleHeader[]): {
  classes: Array<[string, number]> | null
  problem?: string
} {
  const classes = new Map<string, number>()
  for (const header of headers)
    for (const [label, count] of header.classes ?? [])
      classes.set(label, (classes.get(label) ?? 0) + count)
  const tooMany = headers.some(header => !header.classes) || classes.size > MAX_CLASSES
  const { sampleStrategy, labelColumn } = headers[0].settings
  const problem =
    headers.find(header => header.problem)?.problem ??
    (tooMany && sampleStrategy === 'stratified' ? tooManyClasses(labelColumn).message : undefined)
  return { classes: tooMany ? null : [...classes], ...(problem ? { problem } : {}) }
}

/**
 * Why the shards' Parquet cells cannot make the subset one runner writes with the first file's schema
 * (a shard wrote with its first file's, which is not the same), or null.
 */
function differentSchemas(headers: readonly SampleHeader[]): string | null {
  const schemas = headers.flatMap(header => (header.cells ? [header.cells] : []))
  const first = schemas.find(cells => cells.file === 0)?.schema
  if (!schemas.length || schemas.every(cells => cells.schema === first)) return null
  const other = schemas.find(cells => cells.schema !== first)!
  return `a parquet subset is written from its source file when the files' Parquet schemas differ (${headers[0].names[0]} and ${headers[0].names[other.file]})`
}

/**
 * The shards' candidates (beside `stateFiles`) merged into one file in `folder`, in the dataset's
 * format: the rows each draw of the merge job can take, each with its origin. Or why they cannot
 * stand for the dataset here (another seed or sample-rows, a shard that drew none): the draws read
 * the dataset then.
 */
async function mergeShardSamples(
  stateFiles: readonly string[],
  settings: ShardSampleSettings,
  folder: string
): Promise<CandidateFile | { reason: string }> {
  const headers: Array<SampleHeader & { file: string; cellsFile: string }> = []
  for (const stateFile of stateFiles) {
    const file = sampleFileOf(stateFile)
    const header = await readSampleHeader(file, await stateShard(stateFile))
    if (typeof header === 'string') return { reason: header }
    const differ = header.notDrawn ?? sameSettings(header.settings, settings)
    if (differ) return { reason: differ }
    const cellsFile = cellsFileOf(stateFile)
    if (header.cells?.rows && !(await stat(cellsFile).catch(() => null)))
      return { reason: `${path.basename(cellsFile)} is missing` }
    headers.push({ ...header, file, cellsFile })
  }
  headers.sort((a, b) => a.shard - b.shard)
  const differ = differentSchemas(headers)
  if (differ) return { reason: differ }
  const keepers = new Keepers(settings)
  let before = 0
  let columns: string[] | undefined
  for (const header of headers) {
    columns = (await offerShard(header, keepers, before)) ?? columns
    before += header.rows
  }
  const kept = keepers.kept()
  const format = headers[0].format
  const file = path.join(folder, `candidates.${format}`)
  if (CELL_FORMATS.includes(format)) {
    // Every shard wrote its cells with the subset's schema: the first shard's file has it.
    const schemaFile = headers.find(header => header.cells?.rows)?.cellsFile
    if (!schemaFile || !columns) return { reason: 'no shard drew a row' }
    const rows = kept.map(({ item }) => item.cells!)
    await writeAtomically(file, temporary => writeParquetLike(schemaFile, temporary, columns, rows))
  } else {
    const [start] = headers.filter(header => header.headerRaw || header.lineEnding)
    const ending = start?.lineEnding ?? '\n'
    const lines = [...(start?.headerRaw ?? []), ...kept.map(({ item }) => item.raw)]
    await writeLines(file, lines, ending)
  }
  return {
    file,
    format,
    names: headers[0].names,
    candidates: {
      origins: kept.map(({ item }) => item.origin),
      rows: before,
      ...sumClasses(headers)
    }
  }
}

/**
 * The merge job's candidates (a file in `folder`) for `config`'s draws (its labelColumn: label-column,
 * else the schema's), or why its draws read the dataset.
 */
export async function shardCandidates(
  config: ShardSampleSettings,
  stateFiles: readonly string[],
  folder: string
): Promise<CandidateFile | { reason: string }> {
  const settings = settingsOf(config)
  const skipped = notDrawn(settings, 'csv')
  if (skipped) return { reason: skipped }
  await mkdir(folder, { recursive: true })
  return mergeShardSamples(stateFiles, settings, folder)
}
