// How a row's violations are positioned, shared by the validator's pass and the keys' re-check: where a
// violation sits in the file, and the order key that puts violations found later (repeated keys, after
// the re-check) where the first pass would have logged them.
import { MAX_COLUMNS, type RowPosition } from './table.js'
import type { Violation } from './validation-types.js'

/** Order keys per row: a row's violations are ranked below this. */
export const ROW_RANKS = 2 ** 18

/**
 * A violation's place in the row, in the order the validator checks a row: cells (and the row's width) by
 * column, then the primary key, unique keys, a duplicate row, and a JSON row's keys that are no column.
 */
export const RANK = {
  beforeCells: 0,
  cell: (k: number) => 1 + k,
  primaryKey: MAX_COLUMNS + 2,
  uniqueKey: (i: number) => Math.min(MAX_COLUMNS + 3 + i, ROW_RANKS - 3),
  duplicateRow: ROW_RANKS - 2,
  extraKey: ROW_RANKS - 1
} as const

/** Where a violation goes in file order (exact in a double up to 2^35 rows). */
export function orderOf(rowNumber: number, rank: number): number {
  return rowNumber * ROW_RANKS + rank
}

/** A row's position as a violation of the whole row shows it. */
export function where(position: RowPosition): Pick<Violation, 'line' | 'rowGroup' | 'rowInGroup'> {
  return { line: position.line, rowGroup: position.rowGroup, rowInGroup: position.rowInGroup }
}

export function cellViolation(
  code: string,
  message: string,
  position: RowPosition,
  index: number,
  rowNumber: number,
  field: string
): Violation {
  return {
    code,
    line: position.fieldLines?.[index] ?? position.line,
    rowGroup: position.rowGroup,
    rowInGroup: position.rowInGroup,
    rowNumber,
    fieldNumber: index + 1,
    field,
    message
  }
}

/**
 * The rows of a dataset of several files numbered across all of them (as the key checks number them): a
 * file's rows come after its base, the rows across all the files before it. `names`: the files' (absent:
 * one file).
 */
export class AcrossFiles {
  private readonly bases: number[] = [0]

  constructor(private readonly names: readonly string[] | undefined) {}

  /** The next file, whose rows are numbered from `base` + 1 across. */
  startFile(base: number): void {
    this.bases.push(base)
  }

  /** A row numbered across files as its file's index and its row number there. */
  fileIndexRow(across: number): { index: number; rowNumber: number } {
    // The last file whose base is below the row (a file's rows come after its base).
    let [index, high] = [0, this.bases.length - 1]
    while (index < high) {
      const middle = Math.ceil((index + high) / 2)
      if (this.bases[middle] < across) index = middle
      else high = middle - 1
    }
    return { index, rowNumber: across - this.bases[index] }
  }

  /** A row numbered across files as a violation shows it: its row number there, and its file. */
  fileRow(across: number): { rowNumber: number; file?: string } {
    const { index, rowNumber } = this.fileIndexRow(across)
    return this.names ? { rowNumber, file: this.names[index] } : { rowNumber }
  }

  /** A row as a message says it in file `current`: "row 5", or "row 5 of b.csv" in another file. */
  rowName(across: number, current: number): string {
    const { rowNumber, file } = this.fileRow(across)
    return file === undefined || file === this.names![current]
      ? `row ${rowNumber}`
      : `row ${rowNumber} of ${file}`
  }
}
