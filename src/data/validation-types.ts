// The validator's results and options as types only: a worker task, the report and the CLI import them
// without loading the validator.
import type { Dialect } from './dialect.js'
import type { KeyStoreState } from './keys/store.js'
import type { DataFormat, FilePartition } from './table.js'

/** A foreign key's hashes in a part of a table: each row's reference, and each row's referenced key. */
export interface ForeignKeyHashes<Keys = KeyStoreState> {
  references: Keys
  referenced: Keys
}

/** One defect in the data, positioned the way both an editor and Frictionless count. */
export interface Violation {
  /** Frictionless error type where one fits (type-error, constraint-error, missing-cell, ...) or ours. */
  code: string
  /** The file, as the user names it, when the data is more than one file (or split). */
  file?: string
  /** The split the violation is in, when the data has splits. */
  split?: string
  /** Physical line in the file (1-based); absent for Parquet and JSON arrays. */
  line?: number
  /** Frictionless row number: the header is row 1 and a multi-line quoted record counts once. */
  rowNumber: number
  /** 1-based position of the cell in its row. */
  fieldNumber?: number
  field?: string
  /** Parquet: the row group and the row inside it (0-based). */
  rowGroup?: number
  rowInGroup?: number
  message: string
}

export interface ValidationStats {
  nullCounts: Record<string, number>
  classCounts?: Record<string, number>
  duplicateRows: number
}

export interface ValidationResult {
  format: DataFormat
  /** Data rows read (the header is not counted). */
  rows: number
  violationCount: number
  /** The first `maxViolations` violations, in file order (dataset-level checks last). */
  violations: Violation[]
  truncated: boolean
  countsByCode: Record<string, number>
  countsByField: Record<string, number>
  header: string[]
  stats: ValidationStats
  /** How many threads' parts were merged (absent: one pass). */
  parts?: number
  /** Partitions only: physical lines read, and whether the range ended between records. */
  linesRead?: number
  endedBetweenRecords?: boolean
  /** With `rowKeys`: the rows' key hashes and the label's classes (see row-keys.ts). */
  rowKeys?: RowKeyFigures
  /** Partitions only: each kept violation's order key (row-violations.ts), and the keys' hashes. */
  orders?: number[]
  keys?: KeyStoreState | null
  /** Partitions only, with foreign keys: each one's hashes, both sides (key-tracker.ts). */
  foreignKeys?: ForeignKeyHashes[]
  /** Partitions only: the row number of the last row read (the header is row 1). */
  lastRowNumber?: number
}

/** What a pass over the rows found for the comparison of splits: not part of any report. */
export interface RowKeyFigures {
  /**
   * The rows' key hashes, by part of the table in row order (one, or one per thread's part): a part's
   * rows are numbered from 0 in its store, and `rows` says how many it hashed.
   */
  parts: Array<{ keys: KeyStoreState; rows: number }>
  /** Rows per class of the label column (absent: no label column, or more classes than a label has). */
  classes?: Record<string, number>
  /** Whether the label column had more distinct values than a class label has. */
  tooManyClasses?: boolean
}

/** The columns whose cast values make a row's key, and the label column whose classes are counted. */
export interface RowKeySpec {
  columns: string[]
  labelColumn?: string
}

export interface ValidateOptions {
  format: DataFormat
  delimiter?: string
  /** CSV/TSV: the Table Dialect the file is read by. */
  dialect?: Dialect
  maxViolations: number
  schemaLabel: string
  /** CSV/TSV: validate only this byte range; dataset-level checks are left to whoever merges the parts. */
  partition?: FilePartition
  /** The files' names as shown, one per file read: violations then name their file. */
  fileNames?: string[]
  /** Hash each row's key and count the label's classes, for the comparison of splits. */
  rowKeys?: RowKeySpec
}
