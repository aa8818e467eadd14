// A row's key for the comparison of splits: the values of some columns as the schema reads them (so
// `1.0` and `1` are one number), hashed. The validator hashes every row; the leakage re-check reads the
// same keys again, exactly, for the rows whose hashes repeat.
import { compileField, MISSING, type CompiledField } from './cells/field.js'
import type { TableSchema } from './schema.js'
import { ABSENT, type TextCells } from './table.js'
import type { RowKeyFigures, RowKeySpec } from './validation-types.js'
import { clip } from '../untrusted.js'

/** A label column with more distinct values than this is not a class label: its shares are not compared. */
export const MAX_LABEL_CLASSES = 1000

/** The part of a key whose cell has no value (missing, empty, or no such column in the file). */
const NO_VALUE = '\u0002'

/** A cast value as text, one text per value whatever the file's format wrote: 1.0, 1 and INT64 1 are `n1`. */
function valueText(value: unknown): string {
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return `n${value}`
    case 'string':
      return `s${value}`
    case 'boolean':
      return value ? 'T' : 'F'
  }
  if (value instanceof Date) return `d${value.toISOString()}`
  return `j${JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? String(item) : item))}`
}

/** A cell that does not cast, as its text: two such cells are equal when their texts are. */
function rawText(cell: unknown): string {
  return `r${typeof cell === 'string' ? cell : JSON.stringify(cell, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`
}

/** 52 bits of a 64-bit FNV-1a variant over the parts (an exact number, so a Float64Array holds it). */
export function hashParts(parts: readonly string[]): number {
  let low = 0x811c9dc5
  let high = 0x050c5d1f
  for (let p = 0; p < parts.length; p++) {
    const text = parts[p]
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      low = Math.imul(low ^ c, 0x01000193)
      high = Math.imul(high ^ c ^ (low >>> 16), 0x01000193)
    }
    low = Math.imul(low ^ 0x1f, 0x01000193)
    high = Math.imul(high ^ 0x1f ^ (low >>> 16), 0x01000193)
  }
  return (high >>> 0) * 2 ** 20 + ((low >>> 0) & 0xfffff)
}

/** A growing list of row hashes, 8 bytes a row. */
class HashList {
  private values = new Float64Array(1024)
  length = 0

  push(hash: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2)
      grown.set(this.values)
      this.values = grown
    }
    this.values[this.length++] = hash
  }

  toArray(): Float64Array {
    return this.values.slice(0, this.length)
  }
}

/**
 * The keys of a table's rows: `header` maps the key columns (by the field each column holds, as the
 * validator maps them), `keyOf` reads one row's key, `add` hashes it and counts the label's class.
 */
export class RowKeys {
  private readonly fields: CompiledField[]
  private columnOf: number[] = []
  private labelIndex = -1
  private readonly parts: string[]
  private readonly hashes = new HashList()
  private readonly classes = new Map<string, number>()
  private tooManyClasses = false
  private labelled = false

  constructor(
    schema: TableSchema,
    private readonly spec: RowKeySpec,
    schemaLabel: string
  ) {
    this.fields = spec.columns.map(name => {
      const index = schema.fields.findIndex(field => field.name === name)
      return compileField(schema.fields[index], index, schema.missingValues, schemaLabel, {
        valueRead: true
      })
    })
    this.parts = new Array<string>(this.fields.length).fill(NO_VALUE)
  }

  /**
   * A file's header: the field each column holds (null: none, as the validator paired them), and the
   * columns' own names (the label column is a column of the file, as the subset names it).
   */
  header(names: ReadonlyArray<string | null>, labels: readonly string[]): void {
    this.columnOf = this.fields.map(field => names.indexOf(field.name))
    this.labelIndex =
      this.spec.labelColumn === undefined ? -1 : labels.indexOf(this.spec.labelColumn)
    this.labelled ||= this.labelIndex >= 0
  }

  /** The row's key, part by part (valid until the next call). */
  keyOf(cells: unknown[] | null, text: TextCells | null): readonly string[] {
    const { fields, columnOf, parts } = this
    const count = text ? text.count : cells!.length
    for (let i = 0; i < fields.length; i++) {
      const k = columnOf[i]
      if (k < 0 || k >= count || (cells && cells[k] === ABSENT)) {
        parts[i] = NO_VALUE
        continue
      }
      const field = fields[i]
      const problem = text ? field.checkText(text, k) : field.check(cells![k])
      parts[i] =
        field.value === MISSING
          ? NO_VALUE
          : problem?.code === 'type-error'
            ? rawText(text ? text.cell(k) : cells![k])
            : valueText(field.value)
    }
    return parts
  }

  /** The key's columns and their cells as the row has them, for an example in a report. */
  shown(cells: unknown[] | null, text: TextCells | null): string {
    const count = text ? text.count : cells!.length
    const shown = this.fields.map((field, i) => {
      const k = this.columnOf[i]
      const cell = k < 0 || k >= count ? '' : text ? text.cell(k) : cells![k]
      const value = cell === ABSENT || cell === null || cell === undefined ? '' : cell
      return `${field.name}=${clip(typeof value === 'string' ? value : String(value), 40)}`
    })
    return clip(shown.join(', '), 300)
  }

  /** Hashes the row's key and counts its class. */
  add(cells: unknown[] | null, text: TextCells | null): void {
    this.hashes.push(hashParts(this.keyOf(cells, text)))
    if (this.labelIndex >= 0) this.countClass(cells, text)
  }

  private countClass(cells: unknown[] | null, text: TextCells | null): void {
    const k = this.labelIndex
    if (this.tooManyClasses || k >= (text ? text.count : cells!.length)) return
    const cell = text ? text.cell(k) : cells![k]
    if (cell === '' || cell === null || cell === undefined || cell === ABSENT) return
    const label = typeof cell === 'string' ? cell : String(cell)
    const count = this.classes.get(label)
    if (count === undefined && this.classes.size >= MAX_LABEL_CLASSES) {
      this.tooManyClasses = true
      this.classes.clear()
    } else this.classes.set(label, (count ?? 0) + 1)
  }

  figures(): RowKeyFigures {
    return {
      hashes: this.hashes.toArray(),
      ...(this.labelled && !this.tooManyClasses
        ? { classes: Object.fromEntries(this.classes) }
        : {}),
      ...(this.tooManyClasses ? { tooManyClasses: true } : {})
    }
  }
}
