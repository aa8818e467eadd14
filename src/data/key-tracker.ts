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

/** A key part with no valid value (missing, invalid, or past the row's end); no uniqueKey text is this. */
const NULL = '\u0002'

/** A key of one or more fields: the parts of the row being read, and the rows each value was seen in. */
class CompositeKey {
  readonly parts: string[]
  read = 0
  readonly seen = new Map<string, number>()

  constructor(readonly fields: readonly string[]) {
    this.parts = new Array<string>(fields.length).fill(NULL)
  }

  start(): void {
    if (this.read === 0) return
    this.parts.fill(NULL)
    this.read = 0
  }

  text(): string {
    return this.parts.length === 1 ? this.parts[0] : this.parts.join('\u0000')
  }

  /** The row this row's key first appeared in, remembering it when it is new. */
  repeats(rowNumber: number): number | undefined {
    const text = this.text()
    const first = this.seen.get(text)
    if (first === undefined) this.seen.set(text, rowNumber)
    return first
  }
}

/** A self-referencing foreign key: its rows' values, and the referenced values seen so far. */
interface ForeignKey {
  source: CompositeKey
  target: CompositeKey
  /** Rows whose value was not (yet) among the referenced ones: their row number and where they are. */
  pending: Array<{ rowNumber: number; text: string; values: string; where: object }>
}

/** A key that a row repeats, or a reference it breaks. */
export interface KeyProblem {
  fields: readonly string[]
  first?: number
  /** Foreign keys: the referenced fields, the row's values, and where the row was. */
  reference?: readonly string[]
  values?: string
  where?: object
  rowNumber?: number
}

/**
 * The checks that compare rows with other rows: unique fields, the primary key, unique keys (Table Schema
 * v2), foreign keys into the same table, and (when asked for) whole duplicate rows. A row is fed between
 * `startRow` and `endRow`, with `value` for each cell that has a valid value; a part with none is null.
 * Following Table Schema and frictionless-py: a primary key whose parts are all null is an error of its
 * own; a unique key with a null part is not compared (as SQL's UNIQUE); a foreign key whose parts are all
 * null refers to nothing.
 */
export class KeyTracker {
  /** Rows whose whole text repeats an earlier row (counted only when `checksRows`). */
  duplicateRows = 0
  readonly checksRows: boolean
  /** Whether rows are compared by unique keys or foreign keys (beyond unique fields and the primary key). */
  readonly checksKeys: boolean
  /** Whether the primary key of the row just ended had no valid part. */
  primaryKeyEmpty = false
  private readonly uniqueSeen = new Map<string, Map<string, number>>()
  private readonly rowSeen = new Map<number, number>()
  private readonly primary: CompositeKey | null
  private readonly uniqueKeys: CompositeKey[]
  private readonly foreignKeys: ForeignKey[]
  private readonly composites: CompositeKey[]
  // Per column, set by `mapColumns`: the unique field's values, and the key parts the column holds.
  private uniqueByColumn: Array<Map<string, number> | undefined> = []
  private slotsByColumn: Array<Array<[CompositeKey, number]> | undefined> = []

  constructor(
    uniqueFields: readonly string[],
    primaryKey: readonly string[],
    duplicateRows: boolean,
    keys: {
      uniqueKeys?: ReadonlyArray<readonly string[]>
      foreignKeys?: ReadonlyArray<{
        fields: readonly string[]
        reference: { fields: readonly string[] }
      }>
    } = {}
  ) {
    for (const name of uniqueFields) this.uniqueSeen.set(name, new Map())
    this.checksRows = duplicateRows
    this.primary = primaryKey.length ? new CompositeKey(primaryKey) : null
    this.uniqueKeys = (keys.uniqueKeys ?? []).map(fields => new CompositeKey(fields))
    this.foreignKeys = (keys.foreignKeys ?? []).map(key => ({
      source: new CompositeKey(key.fields),
      target: new CompositeKey(key.reference.fields),
      pending: []
    }))
    this.checksKeys = this.uniqueKeys.length > 0 || this.foreignKeys.length > 0
    this.composites = [
      ...(this.primary ? [this.primary] : []),
      ...this.uniqueKeys,
      ...this.foreignKeys.flatMap(key => [key.source, key.target])
    ]
  }

  /** Which field each column holds (null: none), from the header. */
  mapColumns(names: ReadonlyArray<string | null>): void {
    this.uniqueByColumn = names.map(name => (name === null ? undefined : this.uniqueSeen.get(name)))
    this.slotsByColumn = names.map(name => {
      if (name === null) return undefined
      const slots: Array<[CompositeKey, number]> = []
      for (const key of this.composites) {
        const part = key.fields.indexOf(name)
        if (part >= 0) slots.push([key, part])
      }
      return slots.length ? slots : undefined
    })
  }

  startRow(): void {
    for (let i = 0; i < this.composites.length; i++) this.composites[i].start()
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
    const slots = this.slotsByColumn[k]
    if (slots !== undefined) this.fill(slots, value)
    return first
  }

  // Apart from `value`, which runs for every cell: V8 inlines `value` into the row loop, and a loop here
  // spent the inlining budget that the cell checks need (CSV validation took twice as long).
  private fill(slots: Array<[CompositeKey, number]>, value: unknown): void {
    const text = uniqueKey(value)
    for (const [key, part] of slots) {
      key.parts[part] = text
      key.read++
    }
  }

  /**
   * After the row's cells: the row its primary key first appeared in, if it repeats (`primaryKeyEmpty`
   * tells whether it had no valid part at all, which is not compared).
   */
  endRow(rowNumber: number): number | undefined {
    const primary = this.primary
    this.primaryKeyEmpty = primary !== null && primary.read === 0
    if (primary === null || this.primaryKeyEmpty) return undefined
    return primary.repeats(rowNumber)
  }

  /** A blank row: it has no key; its primary key, if the schema has one, is empty. */
  blankRow(): void {
    this.startRow()
    this.primaryKeyEmpty = this.primary !== null
  }

  /** After `endRow`, when `checksKeys`: the unique keys the row repeats; foreign keys are kept for `end`. */
  endRowKeys(rowNumber: number, where: object): KeyProblem[] {
    const problems: KeyProblem[] = []
    for (const key of this.uniqueKeys) {
      if (key.read < key.fields.length) continue
      const first = key.repeats(rowNumber)
      if (first !== undefined) problems.push({ fields: key.fields, first })
    }
    for (const key of this.foreignKeys) {
      if (key.target.read > 0) key.target.seen.set(key.target.text(), rowNumber)
      if (key.source.read === 0) continue
      const text = key.source.text()
      if (key.target.seen.has(text)) continue
      const values = key.source.parts.map(part =>
        part === NULL ? 'null' : part.slice(part.indexOf(':') + 1)
      )
      key.pending.push({ rowNumber, text, values: values.join(', '), where })
    }
    return problems
  }

  /** After the last row: the rows whose foreign key refers to no row of the table. */
  brokenReferences(): KeyProblem[] {
    const problems: KeyProblem[] = []
    for (const key of this.foreignKeys)
      for (const row of key.pending)
        if (!key.target.seen.has(row.text))
          problems.push({
            fields: key.source.fields,
            reference: key.target.fields,
            values: row.values,
            where: row.where,
            rowNumber: row.rowNumber
          })
    return problems.sort((a, b) => a.rowNumber! - b.rowNumber!)
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
