import type { Dialect } from '../data/dialect.js'
import type { DataFormat } from '../data/table.js'
import type { LabelStats } from '../loss/baseline.js'
import type { ClassCount, SampleStrategy } from './strategies.js'

/** `same`: the subset in the dataset's own format; `csv`: converted to CSV. */
export const SUBSET_FORMATS = ['same', 'csv'] as const
export type SubsetFormat = (typeof SUBSET_FORMATS)[number]

export interface SubsetOptions {
  rows: number
  strategy: SampleStrategy
  seed: number
  format: DataFormat
  delimiter?: string
  /** CSV/TSV: the Table Dialect; the subset keeps it (see writeRows). */
  dialect?: Dialect
  /** The column names of a file without a header (dialect header: false), when the schema is known. */
  columnNames?: string[]
  /** Column whose values are the classes (required for stratified). */
  labelColumn?: string
  /** stratified: rows each class gets at least (default 1: every class present). */
  minPerClass?: number
  /** stratified: draw uniformly, not fail, when the label has more than MAX_CLASSES values. */
  uniformPastClasses?: boolean
  outputFormat?: SubsetFormat
  /** The source is a file of candidates the dataset's shards drew, not the dataset: where each row is from. */
  candidates?: CandidateOrigins
}

/** A candidate row's origin: its index among the dataset's rows, its file's index, its place in the file. */
export type Origin = [index: number, file: number, major: number, minor: number]

/**
 * A file of candidate rows (drawn by the shards of a matrix) standing in for the dataset: each row's
 * origin, in order, and what the shards counted of the whole dataset.
 */
export interface CandidateOrigins {
  origins: Origin[]
  /** The dataset's data rows. */
  rows: number
  /**
   * The rows of each label value, in the order first seen (when there is a label column); null when it has
   * more than MAX_CLASSES values.
   */
  classes: Array<[string, number]> | null
  /** What stopped a shard's draw (a bad row, too many classes): the draw from the dataset fails so. */
  problem?: string
}

export interface SubsetResult {
  path: string
  rows: number
  format: DataFormat
  /** Data rows in the source file (null when head stopped reading early). */
  sourceRows: number | null
  /**
   * The source rows the subset took (0-based among data rows, ascending), 4 bytes a row: what rows a
   * model never saw are. Not part of JSON output.
   */
  rowIndices: Uint32Array
  strategy: SampleStrategy
  seed: number
  sha256: string
  labelColumn?: string
  classes?: Record<string, ClassCount>
  /** The label column's classes and spread in the subset: what a model that learned nothing scores. */
  labelStats?: LabelStats
}

/** A row drawn from the source: its cells, its text (text formats), its place among the data rows. */
export interface DrawnRow {
  cells: unknown[]
  raw?: string
  /** The row's place among the source's data rows (0-based). */
  index: number
}

/** Rows drawn in one pass, in file order, with the header and what the file's text looks like. */
export interface DrawnRows {
  header: string[]
  /** The source text of the rows before the first data row (none for a file without a header). */
  headerRaw?: readonly string[]
  lineEnding?: '\n' | '\r\n'
  items: DrawnRow[]
  /** Data rows offered to the draw (null when head stopped reading early). */
  sourceRows: number | null
  classes?: Record<string, ClassCount>
}

/** How the subset was drawn, in words: "a random sample (seed 0)". */
export function describeSubset(
  subset: Pick<SubsetResult, 'strategy' | 'seed' | 'labelColumn'>,
  code: (text: string) => string = text => text
): string {
  switch (subset.strategy) {
    case 'head':
      return 'the first rows'
    case 'all':
      return 'all rows'
    case 'random':
      return `a random sample (seed ${subset.seed})`
    case 'stratified':
      return `stratified by ${code(subset.labelColumn ?? '')} (seed ${subset.seed})`
  }
}

/** The candidates a matrix's shards drew, merged into one file of the dataset's format that stands in for it. */
export interface CandidateFile {
  file: string
  format: DataFormat
  /** The training data's file names (the subset is named after them). */
  names: string[]
  candidates: CandidateOrigins
}
