// Rows of one split found in another, and rows repeated within a split: the rows whose key hashes
// repeat (row-key-index.ts) read again, their keys compared exactly, counted and placed at file:line.
import { createHash } from 'node:crypto'
import { Hash64 } from './keys/hash.js'
import type { RowLimit } from './split-options.js'
import { compileSchema } from './cells/field.js'
import type { DatasetFiles } from './dataset-files.js'
import type { Dialect } from './dialect.js'
import { columnsOfHeader } from './header.js'
import { readTable } from './readers/index.js'
import { readFiles, type FilesSink } from './readers/many.js'
import type { CandidateRows } from './row-key-index.js'
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

/** A split to compare: its name, its files, its rows, and its first row as the candidates number it. */
export interface SplitSource {
  name: string
  dataset: DatasetFiles
  rows: number
  firstRow: number
}

export interface LeakageOptions {
  schema: TableSchema
  keys: RowKeySpec
  schemaLabel: string
  delimiter?: string
  dialect?: Dialect
  maxLeakage: RowLimit
  /** The most bytes of exact keys held at once; past it, the keys are compared in more passes. */
  memoryBytes?: number
}

/** Exact keys held at once by the re-check, in bytes (about). */
const RECHECK_MEMORY_BYTES = 16 * 1024 * 1024
/** What one key entry holds besides its texts, in bytes (about): counts, places, the map's slot. */
const ENTRY_BYTES = 400

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

/**
 * Reads every split again and keeps, for each candidate row, its exact key's entry: of the keys in share
 * `share` of `shares` (by their hash), until they outgrow the memory given (`overflowed`).
 */
class Recheck implements FilesSink {
  readonly entries = new Map<string, KeyEntry>()
  overflowed = false
  private readonly fields
  private readonly rowKeys: RowKeys
  private readonly hash = new Hash64()
  private bytes = 0
  private split = 0
  private files: string[] = []
  private file = ''
  private rowNumber = 1
  /** The row's number as the candidates number it: rows after a header, but blank ones, across splits. */
  private keyedRow = 0
  private hasHeader = false

  constructor(
    private readonly options: LeakageOptions,
    private readonly candidates: CandidateRows,
    private readonly splitCount: number,
    private readonly share: number,
    private readonly shares: number
  ) {
    this.fields = compileSchema(options.schema, options.schemaLabel)
    this.rowKeys = new RowKeys(options.schema, options.keys, options.schemaLabel, {
      memoryBytes: 0
    })
  }

  async read(split: number, source: SplitSource): Promise<void> {
    const { dataset } = source
    this.split = split
    this.keyedRow = source.firstRow
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
    this.hasHeader = false
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
    this.hasHeader = true
  }

  row(cells: unknown[], position: RowPosition): boolean {
    return this.check(cells, null, position)
  }

  textRow(text: TextCells, position: RowPosition): boolean {
    return this.check(null, text, position)
  }

  problem(problem: { code: string }): void {
    if (problem.code === 'blank-row') this.rowNumber++
  }

  /** As the validator numbers a row (validate.ts); a candidate's exact key counted. False: stop. */
  private check(cells: unknown[] | null, text: TextCells | null, position: RowPosition): boolean {
    const rowNumber = ++this.rowNumber
    if (!this.hasHeader || isBlank(cells, text)) return true
    const order = this.keyedRow++
    if (!this.candidates.has(order)) return true
    this.rowKeys.read(cells, text)
    const exact = this.rowKeys.exactText()
    if (this.shares > 1) {
      this.hash.text(exact, 0)
      if (this.hash.lo % this.shares !== this.share) return true
    }
    const key = exactKey(exact)
    let entry = this.entries.get(key)
    if (!entry) {
      entry = {
        counts: new Array<number>(this.splitCount).fill(0),
        first: [],
        again: [],
        values: this.rowKeys.shown(cells, text)
      }
      this.entries.set(key, entry)
      this.bytes += 2 * (key.length + entry.values.length) + ENTRY_BYTES
      if (this.bytes > (this.options.memoryBytes ?? RECHECK_MEMORY_BYTES) && this.shares < 2 ** 20)
        this.overflowed = true
    }
    const place: Place = {
      file: this.file,
      ...(position.line !== undefined ? { line: position.line } : {}),
      ...(position.rowGroup !== undefined
        ? { rowGroup: position.rowGroup, rowInGroup: position.rowInGroup }
        : {}),
      rowNumber,
      order
    }
    const s = this.split
    entry.counts[s]++
    if (!entry.first[s]) entry.first[s] = place
    else entry.again[s] ??= place
    return !this.overflowed
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
class Tally {
  private readonly pairs: Array<{ a: number; b: number; rows: number; examples: Earliest }> = []
  private readonly duplicates: Array<{ rows: number; examples: Earliest }>

  constructor(private readonly splits: SplitSource[]) {
    for (let b = 1; b < splits.length; b++)
      for (let a = 0; a < b; a++) this.pairs.push({ a, b, rows: 0, examples: new Earliest() })
    this.duplicates = splits.map(() => ({ rows: 0, examples: new Earliest() }))
  }

  add(entries: Iterable<KeyEntry>): void {
    for (const entry of entries) {
      entry.counts.forEach((count, s) => {
        if (count < 2) return
        this.duplicates[s].rows += count - 1
        this.duplicates[s].examples.offer(entry.again[s]!, entry.first[s]!, entry.values)
      })
      for (const pair of this.pairs) {
        if (!entry.counts[pair.a] || !entry.counts[pair.b]) continue
        pair.rows += entry.counts[pair.b]
        pair.examples.offer(entry.first[pair.b]!, entry.first[pair.a]!, entry.values)
      }
    }
  }

  figures(limit: RowLimit): Pick<LeakageFigures, 'pairs' | 'duplicates'> {
    const { splits } = this
    return {
      pairs: this.pairs.map(({ a, b, rows, examples }) => {
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
      duplicates: this.duplicates.map(({ rows, examples }, s) => ({
        split: splits[s].name,
        rows,
        examples: examples.examples()
      }))
    }
  }
}

/**
 * Leaks between splits and repeats within them: the splits are read again only when some key hash
 * repeats, and then only the candidate rows' exact keys are kept, a share of them (by hash) per pass
 * over the splits: a pass whose keys outgrow the memory given stops, and the keys are split in twice as
 * many shares. Memory holds a share of the repeated keys, never the rows.
 */
export async function findLeakage(
  splits: SplitSource[],
  candidates: CandidateRows | null,
  options: LeakageOptions
): Promise<LeakageFigures> {
  const budget = options.memoryBytes ?? RECHECK_MEMORY_BYTES
  // A first guess from the distinct hashes nominated; too few shares double.
  const guess = ((candidates?.keys ?? 0) * ENTRY_BYTES) / budget
  for (let shares = 2 ** Math.ceil(Math.log2(Math.max(1, guess))); ; shares *= 2) {
    const tally = new Tally(splits)
    let keys = 0
    let complete = true
    for (let share = 0; candidates && share < shares && complete; share++) {
      const recheck = new Recheck(options, candidates, splits.length, share, shares)
      for (const [index, split] of splits.entries())
        if (!recheck.overflowed) await recheck.read(index, split)
      complete = !recheck.overflowed
      tally.add(recheck.entries.values())
      keys += recheck.entries.size
    }
    if (complete)
      return {
        columns: options.keys.columns,
        ...tally.figures(options.maxLeakage),
        candidates: keys
      }
  }
}
