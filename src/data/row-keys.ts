// A row's key for the comparison of splits: the values of some columns as the schema reads them (so
// `1.0` and `1` are one number), hashed. The validator puts every row's 64-bit hash into a KeyStore
// (keys/store.ts, which spills to disk past its memory); the leakage re-check reads the same keys again,
// exactly, for the rows whose hashes repeat.
import { compileField, MISSING, type CompiledField } from './cells/field.js'
import { mix32 } from './keys/hash.js'
import { KeyStore } from './keys/store.js'
import type { TableSchema } from './schema.js'
import { ABSENT, type TextCells } from './table.js'
import type { RowKeyFigures, RowKeySpec } from './validation-types.js'
import { clip } from '../untrusted.js'

/** A label column with more distinct values than this is not a class label: its shares are not compared. */
export const MAX_LABEL_CLASSES = 1000

/** A key part whose cell has no value (missing, empty, or no such column in the file). */
const NO_VALUE = Symbol('no value')
/** A key part whose cell does not cast: its text (in `raws`) is the part. */
const RAW = Symbol('raw')

const bigintAsText = (_key: string, item: unknown) =>
  typeof item === 'bigint' ? String(item) : item

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
  if (value instanceof Date) return `d${Number.isNaN(value.getTime()) ? '?' : value.toISOString()}`
  return `j${JSON.stringify(value, bigintAsText)}`
}

// The hash's state: two 32-bit lanes of an FNV-1a variant, mixed a 16-bit unit at a time.
let low = 0
let high = 0
const float = new Float64Array(1)
const words = new Uint32Array(float.buffer)

function mix(unit: number): void {
  low = Math.imul(low ^ unit, 0x01000193)
  high = Math.imul(high ^ unit ^ (low >>> 16), 0x01000193)
}

function mixText(text: string): void {
  for (let i = 0; i < text.length; i++) mix(text.charCodeAt(i))
}

/** A number by its bits (one NaN, one zero): no string is made for it. */
function mixNumber(value: number): void {
  float[0] = value === 0 ? 0 : value
  if (value !== value) words[0] = words[1] = 0xffffffff
  mix(words[0] & 0xffff)
  mix(words[0] >>> 16)
  mix(words[1] & 0xffff)
  mix(words[1] >>> 16)
}

/** One part of a key into the hash: values whose valueText (or raw text) is the same mix the same. */
function mixValue(value: unknown, raw: string): void {
  if (value === NO_VALUE) mix(0x02)
  else if (value === RAW) {
    mix(0x72)
    mixText(raw)
  } else if (typeof value === 'number') {
    mix(0x6e)
    mixNumber(value)
  } else if (typeof value === 'string') {
    mix(0x73)
    mixText(value)
  } else if (typeof value === 'bigint') {
    mix(0x6e)
    mixNumber(Number(value))
  } else if (typeof value === 'boolean') mix(value ? 0x54 : 0x46)
  else mixText(valueText(value))
  mix(0x1f)
}

/** The key's 64-bit hash, into `hash`: both lanes, finalized. */
function hashKey(values: readonly unknown[], raws: readonly string[], hash: KeyHash): void {
  low = 0x811c9dc5
  high = 0x050c5d1f
  for (let i = 0; i < values.length; i++) mixValue(values[i], raws[i])
  hash.hi = mix32(high ^ Math.imul(low, 0x9e3779b1))
  hash.lo = mix32(low ^ values.length)
}

/** A key's 64-bit hash as two unsigned 32-bit halves. */
interface KeyHash {
  hi: number
  lo: number
}

/** Memory for a table's row-key hashes (a part on one of two threads gets half); past it they spill. */
export const ROW_KEY_MEMORY_BYTES = 8 * 1024 * 1024
/** A part's hashes left in memory past this many bytes go to disk when it is done (see figures). */
const KEPT_IN_MEMORY_BYTES = 1 << 20

export interface RowKeysOptions {
  memoryBytes?: number
  /** For tests: the store the hashes go into (one whose hashes collide). */
  keyStore?: (memoryBytes: number) => KeyStore
}

/**
 * The keys of a table's rows: `header` maps the key columns (by the field each column holds, as the
 * validator maps them), `keyOf` reads one row's key, `add` hashes it and counts the label's class.
 */
export class RowKeys {
  private readonly fields: CompiledField[]
  private columnOf: number[] = []
  private labelIndex = -1
  private readonly values: unknown[]
  private readonly raws: string[]
  private readonly hash: KeyHash = { hi: 0, lo: 0 }
  private readonly store: KeyStore
  /** Rows hashed: a row's number in the store (from 0). */
  private rows = 0
  private readonly classes = new Map<string, number>()
  private tooManyClasses = false
  private labelled = false

  constructor(
    schema: TableSchema,
    private readonly spec: RowKeySpec,
    schemaLabel: string,
    options: RowKeysOptions = {}
  ) {
    const memoryBytes = options.memoryBytes ?? ROW_KEY_MEMORY_BYTES
    this.store = options.keyStore?.(memoryBytes) ?? new KeyStore({ memoryBytes })
    this.fields = spec.columns.map(name => {
      const index = schema.fields.findIndex(field => field.name === name)
      return compileField(schema.fields[index], index, schema.missingValues, schemaLabel, {
        valueRead: true
      })
    })
    this.values = new Array<unknown>(this.fields.length).fill(NO_VALUE)
    this.raws = new Array<string>(this.fields.length).fill('')
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

  /** Reads the row's key: each key column's value as its field casts it (valid until the next read). */
  read(cells: unknown[] | null, text: TextCells | null): void {
    const { fields, columnOf, values, raws } = this
    const count = text ? text.count : cells!.length
    for (let i = 0; i < fields.length; i++) {
      const k = columnOf[i]
      if (k < 0 || k >= count || (cells && cells[k] === ABSENT)) {
        values[i] = NO_VALUE
        continue
      }
      const field = fields[i]
      const problem = text ? field.checkText(text, k) : field.check(cells![k])
      if (field.value === MISSING) values[i] = NO_VALUE
      else if (problem?.code !== 'type-error') values[i] = field.value
      else {
        const cell = text ? text.cell(k) : cells![k]
        values[i] = RAW
        raws[i] = typeof cell === 'string' ? cell : JSON.stringify(cell, bigintAsText)
      }
    }
  }

  /** The key read last, exactly, as text: two keys are equal when their texts are. */
  exactText(): string {
    return this.values
      .map((value, i) =>
        value === NO_VALUE ? '\u0002' : value === RAW ? `r${this.raws[i]}` : valueText(value)
      )
      .join('\u0000')
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

  /**
   * Hashes the row's key into the store and counts its class. Rows are numbered in the order added: the
   * re-check (leakage.ts) numbers the rows it reads the same way (every row after a header, but blank ones).
   */
  add(cells: unknown[] | null, text: TextCells | null): void {
    this.read(cells, text)
    hashKey(this.values, this.raws, this.hash)
    this.store.add(this.hash.hi, this.hash.lo, this.rows++)
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

  /** The hashes (a part's, to be merged with the others' in row order) and the class counts. */
  figures(): RowKeyFigures {
    return {
      parts: [{ keys: this.store.detach({ spillAbove: KEPT_IN_MEMORY_BYTES }), rows: this.rows }],
      ...(this.labelled && !this.tooManyClasses
        ? { classes: Object.fromEntries(this.classes) }
        : {}),
      ...(this.tooManyClasses ? { tooManyClasses: true } : {})
    }
  }

  /** Removes what the store spilled, unless `figures` handed it over. */
  dispose(): void {
    this.store.dispose()
  }
}
