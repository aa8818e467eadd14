import path from 'node:path'
import { UserError } from '../errors.js'
import type { Dialect } from './dialect.js'

export const DATA_FORMATS = ['csv', 'tsv', 'jsonl', 'json', 'parquet'] as const
export type DataFormat = (typeof DATA_FORMATS)[number]

/** A key a JSON row does not have (as opposed to one whose value is null). */
export const ABSENT = Symbol('absent')

/** Where a row is: physical lines for text formats, row group and row for Parquet. */
export interface RowPosition {
  line?: number
  endLine?: number
  fieldLines?: number[] | null
  rowGroup?: number
  rowInGroup?: number
  /** The row's exact source text (text formats, when asked for). */
  raw?: string
  /** The Frictionless row number, when the reader numbers rows itself (a dialect's header and comment rows). */
  rowNumber?: number
}

export interface TableProblem {
  code: string
  line?: number
  fieldNumber?: number
  /** As in RowPosition: only from a reader that numbers rows itself. */
  rowNumber?: number
  message: string
}

/**
 * A row of text cells kept as ranges of the text they were read from; a cell becomes a string only when asked.
 * Valid only inside the callback that receives it.
 */
export interface TextCells {
  readonly count: number
  readonly source: string
  readonly starts: Int32Array
  readonly ends: Int32Array
  /** The cell's text when it is not `source[starts[k], ends[k])` (doubled quotes), else undefined. */
  escapedAt(index: number): string | undefined
  cell(index: number): string
}

/**
 * What a reader reports as it streams a table. `row` returning false stops reading. A text reader hands
 * rows to `textRow` when the sink has one (no strings made per cell), else to `row`. Readers may reuse
 * the cells array and the position for the next row: a sink copies what it keeps.
 */
export interface TableSink {
  /**
   * `raw`: the source text of every row before the first data row (the header rows, and a dialect's
   * comment and skipped rows), when asked for; `rowNumber`: the header's first row (1 unless a dialect says).
   */
  header(labels: string[], line?: number, raw?: readonly string[], rowNumber?: number): void
  row(cells: unknown[], position: RowPosition, extraKeys?: string[]): boolean | void
  textRow?(cells: TextCells, position: RowPosition): boolean | void
  problem(problem: TableProblem): void
}

/**
 * Part of a file: CSV/TSV bytes [start, end) cut at a record boundary, whose first record is data under
 * `header` (a later part's) and starts on line `firstLine`; or Parquet row groups [from, to).
 */
export interface FilePartition {
  start?: number
  end?: number
  header?: string[]
  firstLine?: number
  rowGroups?: { from: number; to?: number }
}

export interface ReadOptions {
  delimiter?: string
  /** CSV/TSV: the Table Dialect (its delimiter, when it has one, is the one read). */
  dialect?: Dialect
  /** The column names of a file without a header (dialect header: false): the schema's, else field1, field2, ... */
  columnNames?: string[]
  keepRaw?: boolean
  /** Read only part of the file (a thread's or a shard's). */
  partition?: FilePartition
  /** Parquet: called after each batch of rows, where the data worker collects the decoded pages' garbage. */
  afterBatch?: () => void
}

export interface ReadResult {
  lineEnding?: '\n' | '\r\n'
  linesRead?: number
  endedBetweenRecords?: boolean
}

/** The format from the extension (`.csv.gz` is not read), unless `override` names one. */
export function formatOf(file: string, override?: string): DataFormat {
  if (override) {
    if (!DATA_FORMATS.includes(override as DataFormat))
      throw new UserError(`format "${override}": expected one of ${DATA_FORMATS.join(', ')}`)
    return override as DataFormat
  }
  const extension = path.extname(file).toLowerCase().slice(1)
  if (extension === 'ndjson') return 'jsonl'
  if (extension === 'pq') return 'parquet'
  if (DATA_FORMATS.includes(extension as DataFormat)) return extension as DataFormat
  if (extension === 'txt') return 'csv'
  throw new UserError(
    `${path.basename(file)}: cannot tell the format from ".${extension}"; use .csv, .tsv, .jsonl, .json or .parquet (or set data-format)`
  )
}

/**
 * The most columns a table may have (and cells a row). Each column costs the validator and `infer` some
 * state, and a header of a million columns took `infer` past 2.5 GB; wide ML tables (one-hot features,
 * gene panels) have tens of thousands.
 */
export const MAX_COLUMNS = 100_000

/**
 * The longest column name read, in characters. Names are repeated in every message about their column (a
 * header of one 14 MB name took validate to 3.1 GB); one this long is a broken header (a stray quote,
 * binary data), not a name.
 */
export const MAX_LABEL_CHARS = 1024

/** The problem that stops reading a table whose header has a name longer than MAX_LABEL_CHARS, or null. */
export function labelTooLong(labels: string[], line?: number): TableProblem | null {
  const index = labels.findIndex(label => label.length > MAX_LABEL_CHARS)
  if (index === -1) return null
  return {
    code: 'label-too-long',
    line,
    fieldNumber: index + 1,
    message: `column ${index + 1}'s name is ${labels[index].length.toLocaleString('en-US')} characters long, more than the ${MAX_LABEL_CHARS} ml-smoke reads: the header is probably broken (a stray quote, binary data); the rest of the file is not read`
  }
}

/** The problem that stops reading a table wider than MAX_COLUMNS. */
export function tooManyColumns(count: number, what: string, line?: number): TableProblem {
  return {
    code: 'too-many-columns',
    line,
    message: `${count.toLocaleString('en-US')} ${what}${line ? ` on line ${line}` : ''}: more than the ${MAX_COLUMNS.toLocaleString('en-US')} columns ml-smoke reads; the rest of the file is not read`
  }
}
