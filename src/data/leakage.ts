// Rows of one split found in another, and rows repeated within a split: the rows whose key hashes
// repeat (row-key-index.ts) read again, their keys compared exactly, counted and placed at file:line.
import { createHash } from 'node:crypto'
import type { RowLimit } from './split-options.js'
import { compileSchema } from './cells/field.js'
import type { DatasetFiles } from './dataset-files.js'
import type { Dialect } from './dialect.js'
import { columnsOfHeader } from './header.js'
import { readTable } from './readers/index.js'
import { readFiles, type FilesSink } from './readers/many.js'
import type { RepeatedHashes } from './row-key-index.js'
import { RowKeys } from './row-keys.js'
import type { TableSchema } from './schema.js'
import { ABSENT, type RowPosition, type TextCells } from './table.js'
import type { RowKeySpec } from './validation-types.js'

/** Examples kept per pair of splits and per split's duplicates. */
export const MAX_EXAMPLES = 5

/** Where a row is: its file, and its line (text formats) or row group and row (Parquet), or its row. */
export interface RowPlace {
  file: string
  line?: number
  rowGroup?: number
  rowInGroup?: number
  /** Frictionless row number in its file (the header is row 1). */
  rowNumber: number
}

/** A row found again: where (`at`), where it was first (`first`), and its key's cells as text. */
export interface RowExample {
  at: RowPlace
  first: RowPlace
  values: string
}

/** Rows of the later split `split` whose key is in the earlier split `in`. */
export interface PairLeak {
  in: string
  split: string
  rows: number
  /** Of the later split's rows. */
  fraction: number
  examples: RowExample[]
  /** Whether `rows` passes max-leakage. */
  overLimit: boolean
}

/** Rows of a split whose key an earlier row of the same split has. */
export interface SplitDuplicates {
  split: string
  rows: number
  examples: RowExample[]
}

export interface LeakageFigures {
  /** The columns a row's key is made of. */
  columns: string[]
  pairs: PairLeak[]
  duplicates: SplitDuplicates[]
  /** Distinct keys re-read exactly because their hashes repeated. */
  candidates: number
}

/** A split to compare: its name, its files, and its rows. */
export interface SplitSource {
  name: string
  dataset: DatasetFiles
  rows: number
}

export interface LeakageOptions {
  schema: TableSchema
  keys: RowKeySpec
  schemaLabel: string
  delimiter?: string
  dialect?: Dialect
  maxLeakage: RowLimit
}

type Place = RowPlace & { order: number }

/** One exact key seen in the re-read rows: how often in each split, and where first (and again). */
interface KeyEntry {
  counts: number[]
  first: Array<Place | undefined>
  again: Array<Place | undefined>
  values: string
}

/** Keys exactly, but short: one longer than a digest is kept as its SHA-256. */
function exactKey(text: string): string {
  return text.length <= 64 ? `=${text}` : `#${createHash('sha256').update(text).digest('base64')}`
}

function isBlank(cells: unknown[] | null, text: TextCells | null): boolean {
  if (text) {
    for (let i = 0; i < text.count; i++)
      if (text.ends[i] !== text.starts[i] || text.escapedAt(i) !== undefined) return false
    return true
  }
  return cells!.every(cell => cell === '' || cell === null || cell === ABSENT)
}

/** Reads every split again and keeps, for each row whose hash repeats, its exact key's entry. */
class Recheck implements FilesSink {
  readonly entries = new Map<string, KeyEntry>()
  private readonly fields
  private readonly rowKeys: RowKeys
  private split = 0
  private files: string[] = []
  private file = ''
  private rowNumber = 1
  private order = 0

  constructor(
    private readonly options: LeakageOptions,
    private readonly repeated: RepeatedHashes,
    private readonly splitCount: number
  ) {
    this.fields = compileSchema(options.schema, options.schemaLabel)
    this.rowKeys = new RowKeys(options.schema, options.keys, options.schemaLabel)
  }

  async read(split: number, dataset: DatasetFiles): Promise<void> {
    this.split = split
    this.files = dataset.names
    const { delimiter, dialect, schema } = this.options
    const columnNames =
      dialect?.header === false ? schema.fields.map(field => field.name) : undefined
    const reading = { delimiter, dialect, columnNames }
    await readFiles(dataset.files, this, file => readTable(file, dataset.format, reading, this))
  }

  startFile(index: number): void {
    this.file = this.files[index]
    this.rowNumber = 1
  }

  header(labels: string[], line?: number, _raw?: readonly string[], rowNumber = 1): void {
    const { schema } = this.options
    const columns = columnsOfHeader(labels, { line, rowNumber }, this.fields, schema.fieldsMatch, {
      add: () => undefined
    })
    this.rowKeys.header(
      columns.map(field => field?.name ?? null),
      labels
    )
  }

  row(cells: unknown[], position: RowPosition): void {
    this.check(cells, null, position)
  }

  textRow(text: TextCells, position: RowPosition): void {
    this.check(null, text, position)
  }

  problem(problem: { code: string }): void {
    if (problem.code === 'blank-row') this.rowNumber++
  }

  private check(cells: unknown[] | null, text: TextCells | null, position: RowPosition): void {
    const rowNumber = ++this.rowNumber
    if (isBlank(cells, text)) return
    this.rowKeys.read(cells, text)
    if (!this.repeated.has(this.rowKeys.hash())) return
    const key = exactKey(this.rowKeys.exactText())
    let entry = this.entries.get(key)
    if (!entry) {
      entry = {
        counts: new Array<number>(this.splitCount).fill(0),
        first: [],
        again: [],
        values: this.rowKeys.shown(cells, text)
      }
      this.entries.set(key, entry)
    }
    const place: Place = {
      file: this.file,
      ...(position.line !== undefined ? { line: position.line } : {}),
      ...(position.rowGroup !== undefined
        ? { rowGroup: position.rowGroup, rowInGroup: position.rowInGroup }
        : {}),
      rowNumber,
      order: this.order++
    }
    const s = this.split
    entry.counts[s]++
    if (!entry.first[s]) entry.first[s] = place
    else entry.again[s] ??= place
  }
}

function withoutOrder(place: Place): RowPlace {
  return Object.fromEntries(Object.entries(place).filter(([key]) => key !== 'order')) as RowPlace
}

/** The MAX_EXAMPLES examples found earliest in file order. */
class Earliest {
  private readonly kept: Array<{ order: number; example: RowExample }> = []

  offer(at: Place, first: Place, values: string): void {
    const kept = this.kept
    if (kept.length === MAX_EXAMPLES && at.order > kept[kept.length - 1].order) return
    kept.push({
      order: at.order,
      example: { at: withoutOrder(at), first: withoutOrder(first), values }
    })
    kept.sort((a, b) => a.order - b.order)
    if (kept.length > MAX_EXAMPLES) kept.pop()
  }

  examples(): RowExample[] {
    return this.kept.map(entry => entry.example)
  }
}

/** Whether `rows` leaked rows of a split of `total` rows pass the limit. */
export function overLimit(rows: number, total: number, limit: RowLimit): boolean {
  return 'rows' in limit ? rows > limit.rows : total > 0 && rows / total > limit.fraction
}

/** The counts and examples per pair of splits (the earlier one first) and per split's repeats. */
function tally(
  entries: Iterable<KeyEntry>,
  splits: SplitSource[],
  limit: RowLimit
): Pick<LeakageFigures, 'pairs' | 'duplicates'> {
  const pairs: Array<{ a: number; b: number; rows: number; examples: Earliest }> = []
  for (let b = 1; b < splits.length; b++)
    for (let a = 0; a < b; a++) pairs.push({ a, b, rows: 0, examples: new Earliest() })
  const duplicates = splits.map(() => ({ rows: 0, examples: new Earliest() }))
  for (const entry of entries) {
    entry.counts.forEach((count, s) => {
      if (count < 2) return
      duplicates[s].rows += count - 1
      duplicates[s].examples.offer(entry.again[s]!, entry.first[s]!, entry.values)
    })
    for (const pair of pairs) {
      if (!entry.counts[pair.a] || !entry.counts[pair.b]) continue
      pair.rows += entry.counts[pair.b]
      pair.examples.offer(entry.first[pair.b]!, entry.first[pair.a]!, entry.values)
    }
  }
  return {
    pairs: pairs.map(({ a, b, rows, examples }) => {
      const total = splits[b].rows
      return {
        in: splits[a].name,
        split: splits[b].name,
        rows,
        fraction: total > 0 ? rows / total : 0,
        examples: examples.examples(),
        overLimit: overLimit(rows, total, limit)
      }
    }),
    duplicates: duplicates.map(({ rows, examples }, s) => ({
      split: splits[s].name,
      rows,
      examples: examples.examples()
    }))
  }
}

/**
 * Leaks between splits and repeats within them: the splits are read again only when some key hash
 * repeats, and then only the rows with such a hash are kept (by their exact key), so memory holds the
 * repeated keys, never the rows.
 */
export async function findLeakage(
  splits: SplitSource[],
  repeated: RepeatedHashes,
  options: LeakageOptions
): Promise<LeakageFigures> {
  const recheck = new Recheck(options, repeated, splits.length)
  if (repeated.size > 0)
    for (const [index, split] of splits.entries()) await recheck.read(index, split.dataset)
  return {
    columns: options.keys.columns,
    ...tally(recheck.entries.values(), splits, options.maxLeakage),
    candidates: recheck.entries.size
  }
}
