import { ABSENT } from './table.js'

/** A canonical text for a cast value, for unique and primary-key checks. */
export function uniqueKey(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string')
    return `${typeof value}:${String(value)}`
  return `json:${JSON.stringify(value)}`
}

/** 52 bits of FNV-1a: enough to spot duplicate rows without keeping every row's text. */
export function rowHash(cells: unknown[]): number {
  let low = 0x811c9dc5
  let high = 0x050c5d1f
  for (const cell of cells) {
    const text =
      typeof cell === 'string'
        ? cell
        : cell === ABSENT
          ? '\u0001'
          : (JSON.stringify(cell) ?? 'undefined')
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      low = Math.imul(low ^ c, 0x01000193)
      high = Math.imul(high ^ c ^ (low >>> 16), 0x01000193)
    }
    low = Math.imul(low ^ 0x1f, 0x01000193)
  }
  return (high >>> 0) * 2 ** 20 + ((low >>> 0) & 0xfffff)
}

/**
 * The checks that compare rows with earlier rows: unique fields, the primary key, and (when asked for)
 * whole duplicate rows. Each remembers the first row number of every value it has seen and answers with it
 * when a later row repeats the value. A row is fed between `startRow` and `endRow`, with `value` for each
 * cell that has a valid value: a row with a key part missing or invalid has no primary key to compare.
 */
export class KeyTracker {
  /** Rows whose whole text repeats an earlier row (counted only when `checksRows`). */
  duplicateRows = 0
  readonly checksRows: boolean
  private readonly uniqueSeen = new Map<string, Map<string, number>>()
  private readonly primarySeen = new Map<string, number>()
  private readonly rowSeen = new Map<number, number>()
  // Per column, set by `mapColumns`: the unique field's values, and the column's part in the primary key.
  private uniqueByColumn: Array<Map<string, number> | undefined> = []
  private keyPartByColumn: number[] = []
  // The row's primary key, part by part (reused from row to row), and how many parts the row gave.
  private readonly keyParts: string[]
  private keyPartsRead = 0

  constructor(
    uniqueFields: readonly string[],
    private readonly primaryKey: readonly string[],
    duplicateRows: boolean
  ) {
    for (const name of uniqueFields) this.uniqueSeen.set(name, new Map())
    this.checksRows = duplicateRows
    this.keyParts = new Array<string>(primaryKey.length)
  }

  /** Which field each column holds (null: none), from the header. */
  mapColumns(names: ReadonlyArray<string | null>): void {
    this.uniqueByColumn = names.map(name => (name === null ? undefined : this.uniqueSeen.get(name)))
    this.keyPartByColumn = names.map(name => (name === null ? -1 : this.primaryKey.indexOf(name)))
  }

  startRow(): void {
    this.keyPartsRead = 0
  }

  /** Column `k`'s valid value: the row it first appeared in when its field is unique and it repeats. */
  value(k: number, value: unknown, rowNumber: number): number | undefined {
    const seen = this.uniqueByColumn[k]
    let first: number | undefined
    if (seen) {
      const key = uniqueKey(value)
      first = seen.get(key)
      if (first === undefined) seen.set(key, rowNumber)
    }
    const part = this.keyPartByColumn[k]
    if (part >= 0) {
      this.keyParts[part] = uniqueKey(value)
      this.keyPartsRead++
    }
    return first
  }

  /** After the row's cells: the row its primary key first appeared in, if it repeats. */
  endRow(rowNumber: number): number | undefined {
    // Every part read once (a column holds one part): none of them missing, invalid or past the row's end.
    if (this.keyPartsRead === 0 || this.keyPartsRead !== this.primaryKey.length) return undefined
    const key = this.keyParts.join('\u0000')
    const first = this.primarySeen.get(key)
    if (first === undefined) this.primarySeen.set(key, rowNumber)
    return first
  }

  /** With `checksRows`: the row whose cells this row repeats, if any. */
  repeatedRow(cells: unknown[], rowNumber: number): number | undefined {
    const hash = rowHash(cells)
    const first = this.rowSeen.get(hash)
    if (first === undefined) this.rowSeen.set(hash, rowNumber)
    else this.duplicateRows++
    return first
  }
}
