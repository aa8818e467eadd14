import { Hash64, mix32, NULL_PART } from './keys/hash.js'
import { KeyStore } from './keys/store.js'
import { ABSENT } from './table.js'
import type { ForeignKeyHashes } from './validation-types.js'

/** A canonical text for a cast value, for unique and primary-key checks (1 and 1.0 read as a number are one). */
export function uniqueKey(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string')
    return `${typeof value}:${String(value)}`
  return `json:${JSON.stringify(value)}`
}

/** A row's cell as duplicate rows compare it: its text as read (an absent JSON key is not an empty one). */
export function cellText(cell: unknown): string | null {
  if (typeof cell === 'string') return cell
  return cell === ABSENT ? null : (JSON.stringify(cell) ?? 'undefined')
}

/**
 * The checks that compare a row with every other row: unique fields, the primary key, unique keys
 * (Table Schema v2) and (when asked for) whole duplicate rows, numbered in this order (a check's number
 * seeds its hashes, so that keys of different checks never meet).
 */
export interface KeyChecks {
  unique: readonly string[]
  primaryKey: readonly string[]
  uniqueKeys: ReadonlyArray<readonly string[]>
  duplicateRows: boolean
}

/** Key check `index`'s seed: keys of different checks never compare equal. */
export function keySeed(index: number): number {
  return mix32(index + 0x51ed27)
}

/** A key of one or more fields: the parts of the row being read, hashed. */
class CompositeKey {
  read = 0
  /** Per part: set in this row, and its value's hash. */
  readonly set: Uint8Array
  readonly hi: Uint32Array
  readonly lo: Uint32Array

  constructor(
    readonly fields: readonly string[],
    readonly seed: number
  ) {
    this.set = new Uint8Array(fields.length)
    this.hi = new Uint32Array(fields.length)
    this.lo = new Uint32Array(fields.length)
  }

  start(): void {
    if (this.read === 0) return
    this.set.fill(0)
    this.read = 0
  }

  /** The key's hash into `into`: each part's in order, a missing part as NULL_PART. */
  hash(into: Hash64): void {
    into.word(this.fields.length, this.seed)
    for (let part = 0; part < this.fields.length; part++)
      if (this.set[part]) into.fold(this.hi[part], this.lo[part])
      else into.fold(NULL_PART, NULL_PART)
  }
}

/** A foreign key into the same table: each row's reference and referenced key, hashed into stores. */
interface ForeignKey {
  source: CompositeKey
  target: CompositeKey
  hashes: ForeignKeyHashes<KeyStore>
}

/**
 * The first pass of the checks that compare rows with other rows. A row is fed between `startRow` and
 * `endRow`, with `value` for each cell that has a valid value; a part with none is null. Unique fields,
 * the primary key, unique keys and duplicate rows go as 64-bit hashes into a KeyStore, whose candidates
 * (hashes that repeat) key-recheck.ts confirms by the exact texts in a second pass. A foreign key into
 * the same table hashes each row's reference and referenced key into two stores of its own, which
 * key-references.ts compares after the last row (of every part). Following Table Schema and
 * frictionless-py: a primary key whose parts are all null is an error of its own; a unique key with a
 * null part is not compared (as SQL's UNIQUE); a foreign key whose parts are all null refers to nothing.
 */
export class KeyTracker {
  readonly checksRows: boolean
  /** Whether rows are compared by unique keys or foreign keys (beyond unique fields and the primary key). */
  readonly checksKeys: boolean
  /** Whether the primary key of the row just ended had no valid part. */
  primaryKeyEmpty = false
  /** The hashes of every key; null when the schema has none. */
  readonly store: KeyStore | null
  readonly checks: KeyChecks
  private readonly primary: CompositeKey | null
  private readonly uniqueKeys: CompositeKey[]
  private readonly foreignKeys: ForeignKey[]
  private readonly composites: CompositeKey[]
  private readonly part = new Hash64()
  private readonly whole = new Hash64()
  // Per column, set by `mapColumns`: the unique field's check (-1: none), and the key parts it holds.
  private uniqueByColumn: number[] = []
  /** Each unique field's seed (keySeed of its check), looked up once. */
  private readonly uniqueSeeds: number[]
  private slotsByColumn: Array<Array<[CompositeKey, number]> | undefined> = []

  constructor(
    checks: KeyChecks,
    foreignKeys: ReadonlyArray<{
      fields: readonly string[]
      reference: { fields: readonly string[] }
    }> = [],
    store?: () => KeyStore,
    /** A store for each side of each foreign key. */
    foreignKeyStore: () => KeyStore = () => new KeyStore()
  ) {
    this.checks = checks
    this.checksRows = checks.duplicateRows
    this.uniqueSeeds = checks.unique.map((_, i) => keySeed(i))
    const primaryIndex = checks.unique.length
    this.primary = checks.primaryKey.length
      ? new CompositeKey(checks.primaryKey, keySeed(primaryIndex))
      : null
    this.uniqueKeys = checks.uniqueKeys.map(
      (fields, i) => new CompositeKey(fields, keySeed(primaryIndex + 1 + i))
    )
    this.foreignKeys = foreignKeys.map(key => ({
      source: new CompositeKey(key.fields, 0),
      target: new CompositeKey(key.reference.fields, 0),
      hashes: { references: foreignKeyStore(), referenced: foreignKeyStore() }
    }))
    this.checksKeys = this.uniqueKeys.length > 0 || this.foreignKeys.length > 0
    this.composites = [
      ...(this.primary ? [this.primary] : []),
      ...this.uniqueKeys,
      ...this.foreignKeys.flatMap(key => [key.source, key.target])
    ]
    const hashed = checks.unique.length > 0 || this.primary || this.uniqueKeys.length > 0
    this.store = hashed || this.checksRows ? (store?.() ?? new KeyStore()) : null
  }

  /** Which field each column holds (null: none), from the header. */
  mapColumns(names: ReadonlyArray<string | null>): void {
    this.uniqueByColumn = names.map(name => (name === null ? -1 : this.checks.unique.indexOf(name)))
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

  /** Whether column `k`'s values go into a key. */
  feeds(k: number): boolean {
    return this.uniqueByColumn[k] !== -1 || this.slotsByColumn[k] !== undefined
  }

  /** Column `k`'s valid value, in row `rowNumber`. */
  value(k: number, value: unknown, rowNumber: number): void {
    const unique = this.uniqueByColumn[k]
    if (unique !== -1) this.addUnique(unique, value, rowNumber)
    const slots = this.slotsByColumn[k]
    if (slots !== undefined) this.fill(slots, value)
  }

  // This and `fill` apart from `value`, which runs for every cell: V8 inlines `value` into the row loop,
  // and a loop (or the hashing) here spent the inlining budget that the cell checks need (CSV validation
  // took twice as long).
  private addUnique(unique: number, value: unknown, rowNumber: number): void {
    const hash = this.part
    hash.value(value, this.uniqueSeeds[unique])
    this.store!.add(hash.hi, hash.lo, rowNumber)
  }

  private fill(slots: Array<[CompositeKey, number]>, value: unknown): void {
    const hash = this.part
    hash.value(value, 0)
    for (const [key, part] of slots) {
      key.set[part] = 1
      key.hi[part] = hash.hi
      key.lo[part] = hash.lo
      key.read++
    }
  }

  /** After the row's cells: its primary key goes to the store (`primaryKeyEmpty`: it had no valid part). */
  endRow(rowNumber: number): void {
    const primary = this.primary
    this.primaryKeyEmpty = primary !== null && primary.read === 0
    if (primary === null || this.primaryKeyEmpty) return
    primary.hash(this.whole)
    this.store!.add(this.whole.hi, this.whole.lo, rowNumber)
  }

  /** A blank row: it has no key; its primary key, if the schema has one, is empty. */
  blankRow(): void {
    this.startRow()
    this.primaryKeyEmpty = this.primary !== null
  }

  /** After `endRow`, when `checksKeys`: the unique keys go to the store, foreign keys to theirs. */
  endRowKeys(rowNumber: number): void {
    for (const key of this.uniqueKeys) {
      if (key.read < key.fields.length) continue
      key.hash(this.whole)
      this.store!.add(this.whole.hi, this.whole.lo, rowNumber)
    }
    for (const key of this.foreignKeys) {
      this.hashForeignKey(key.target, key.hashes.referenced, rowNumber)
      this.hashForeignKey(key.source, key.hashes.references, rowNumber)
    }
  }

  /** A side of a foreign key into its store, unless all its parts are null (it then refers to nothing). */
  private hashForeignKey(side: CompositeKey, store: KeyStore, rowNumber: number): void {
    if (side.read === 0) return
    side.hash(this.whole)
    store.add(this.whole.hi, this.whole.lo, rowNumber)
  }

  /** The foreign keys' hashes, handed over (the stores are empty afterwards). */
  foreignKeyHashes(): ForeignKeyHashes[] {
    return this.foreignKeys.map(({ hashes }) => ({
      references: hashes.references.detach(),
      referenced: hashes.referenced.detach()
    }))
  }

  /** Removes what the foreign keys' stores spilled (after a failure: nothing was handed over). */
  disposeForeignKeys(): void {
    for (const { hashes } of this.foreignKeys) {
      hashes.references.dispose()
      hashes.referenced.dispose()
    }
  }

  /** With `checksRows`: the whole row (its cells as read) goes to the store. */
  addRow(cells: unknown[], rowNumber: number): void {
    rowHash(cells, this.part, this.whole, this.checks)
    this.store!.add(this.whole.hi, this.whole.lo, rowNumber)
  }
}

/** Key check index of duplicate rows. */
export function rowCheckIndex(checks: KeyChecks): number {
  return checks.unique.length + 1 + checks.uniqueKeys.length
}

/** A whole row's hash into `into` (`part`: scratch), for duplicate rows: each cell's text, in order. */
export function rowHash(cells: unknown[], part: Hash64, into: Hash64, checks: KeyChecks): void {
  const seed = keySeed(rowCheckIndex(checks))
  into.word(cells.length, seed)
  for (let i = 0; i < cells.length; i++) {
    const text = cellText(cells[i])
    if (text === null) into.fold(NULL_PART, ~NULL_PART)
    else {
      part.text(text, seed)
      into.fold(part.hi, part.lo)
    }
  }
}
