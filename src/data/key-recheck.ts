// The exact re-check of keys whose hashes repeat. The validator's pass puts each key's 64-bit hash into a
// KeyStore (key-tracker.ts); the store's candidates are the rows whose hash another row shares. This
// second pass over the table reads only those rows' keys, compares their canonical texts, and logs each
// row whose key equals an earlier row's, naming that row, as the validator logs any violation: a hash
// collision is never reported.
import { compileSchema, MISSING, type CompiledField } from './cells/field.js'
import { columnsOfHeader } from './header.js'
import { cellText, rowCheckIndex, uniqueKey, type KeyChecks } from './key-tracker.js'
import { Hash64 } from './keys/hash.js'
import type { KeyStore } from './keys/store.js'
import type { FilesSink } from './readers/many.js'
import { AcrossFiles, cellViolation, orderOf, RANK, where } from './row-violations.js'
import type { TableSchema } from './schema.js'
import {
  ABSENT,
  type ReadResult,
  type RowPosition,
  type TableProblem,
  type TextCells
} from './table.js'
import type { Violation } from './validation-types.js'
import { ViolationLog } from './violation-log.js'

/** Key texts held at once by the re-check, in bytes (about). */
const RECHECK_MEMORY_BYTES = 48 * 1024 * 1024

/** Rows (numbered across the files of a dataset) as a bit set. */
export class RowSet {
  private bits = new Uint32Array(1024)
  /** Rows added (a row added twice counts twice). */
  added = 0

  add(row: number): void {
    this.added++
    const word = row >>> 5
    if (word >= this.bits.length) {
      const bits = new Uint32Array(Math.max(word + 1, this.bits.length * 2))
      bits.set(this.bits)
      this.bits = bits
    }
    this.bits[word] |= 1 << (row & 31)
  }

  has(row: number): boolean {
    const word = row >>> 5
    return word < this.bits.length && (this.bits[word] & (1 << (row & 31))) !== 0
  }

  /** The set's first `limit` rows, in order. */
  first(limit: number): number[] {
    const rows: number[] = []
    for (let word = 0; word < this.bits.length && rows.length < limit; word++) {
      const bits = this.bits[word]
      if (bits === 0) continue
      for (let bit = 0; bit < 32 && rows.length < limit; bit++)
        if (bits & (1 << bit)) rows.push(word * 32 + bit)
    }
    return rows
  }

  /** Whether any row from `from` to `to` (both included) is in the set: a word at a time. */
  anyIn(from: number, to: number): boolean {
    for (let row = from; row <= to; row = (row >>> 5) * 32 + 32) {
      const word = row >>> 5
      if (word >= this.bits.length) return false
      if (this.bits[word] === 0) continue
      const last = Math.min(to, word * 32 + 31)
      for (let r = row; r <= last; r++) if (this.has(r)) return true
    }
    return false
  }
}

/** The rows whose key hash repeats in `store`, or null when none does. */
export function candidateRows(store: KeyStore): RowSet | null {
  let rows: RowSet | null = null
  store.candidates((_hi, _lo, row) => (rows ??= new RowSet()).add(row))
  return rows
}

export interface Recheck {
  schema: TableSchema
  schemaLabel: string
  checks: KeyChecks
  candidates: RowSet
  /** Reads the whole table (every file of a dataset) into a sink, as the validator's pass did. */
  read: (sink: FilesSink) => Promise<ReadResult>
  /** A dataset's files, which violations and messages name (absent: one file). */
  fileNames?: string[]
  maxViolations: number
  /** The most bytes of key text held at once; past it, the keys are compared in more passes. */
  memoryBytes?: number
}

/**
 * The repeated keys among the candidate rows, in a log of their own (to absorb into the validator's),
 * and how many rows repeat a whole earlier row. The candidates' keys are held as texts, a share of them
 * per pass (by hash): a pass whose texts outgrow `memoryBytes` stops, and the keys are split in twice as
 * many shares.
 */
export async function recheckKeys(recheck: Recheck): Promise<{
  log: ViolationLog
  duplicateRows: number
}> {
  const fields = compileSchema(recheck.schema, recheck.schemaLabel)
  // A first guess from the candidates (short keys, about 100 bytes each held); too few shares double.
  const guess = (recheck.candidates.added * 100) / (recheck.memoryBytes ?? RECHECK_MEMORY_BYTES)
  for (let shares = 2 ** Math.ceil(Math.log2(Math.max(1, guess))); ; shares *= 2) {
    const log = new ViolationLog(recheck.maxViolations)
    let duplicateRows = 0
    let complete = true
    for (let share = 0; share < shares && complete; share++) {
      const sink = new RecheckSink(recheck, fields, share, shares)
      await recheck.read(sink)
      complete = !sink.overflowed
      log.absorb(sink.log)
      duplicateRows += sink.duplicateRows
    }
    if (complete) return { log, duplicateRows }
  }
}

/**
 * A second pass over a table that numbers its rows as the validator's RowChecker does (per file, and
 * across the files of a dataset, as the key stores have them) and hands `candidates`'s rows to `visit`
 * with their columns' fields.
 */
export abstract class RowsAgainSink implements FilesSink {
  protected columns: Array<CompiledField | null> | null = null
  protected rowNumber = 1
  protected rowBase = 0
  protected file = 0
  protected readonly acrossFiles: AcrossFiles

  constructor(
    protected readonly schema: TableSchema,
    protected readonly fields: CompiledField[],
    protected readonly candidates: RowSet,
    fileNames: string[] | undefined
  ) {
    this.acrossFiles = new AcrossFiles(fileNames)
  }

  /** A candidate row (numbered `rowBase + rowNumber` across files): false stops the pass. */
  protected abstract visit(
    cells: unknown[] | null,
    text: TextCells | null,
    position: RowPosition,
    columns: Array<CompiledField | null>
  ): boolean

  /** Each column's field name (null: none), once the header is read. */
  protected mapColumns(_names: Array<string | null>): void {}

  /** A file passed over (none of its rows is a candidate): its rows numbered as if read, to `lastRow`. */
  skipFile(lastRow: number): void {
    this.rowNumber = lastRow
  }

  /** The next file of a dataset: numbered as the validator's RowChecker numbers it. */
  startFile(index: number): void {
    if (index === 0) return
    this.file = index
    this.rowBase += this.rowNumber
    this.acrossFiles.startFile(this.rowBase)
    this.rowNumber = 1
    this.columns = null
  }

  header(labels: string[], line?: number, _raw?: readonly string[], rowNumber = 1): void {
    const columns = columnsOfHeader(
      labels,
      { line, rowNumber },
      this.fields,
      this.schema.fieldsMatch,
      { add: () => undefined }
    )
    this.columns = columns
    this.mapColumns(columns.map(field => field?.name ?? null))
  }

  problem(problem: TableProblem): void {
    if (problem.code === 'blank-row') this.rowNumber++
  }

  row(cells: unknown[], position: RowPosition): boolean {
    return this.check(cells, null, position)
  }

  textRow(text: TextCells, position: RowPosition): boolean {
    return this.check(null, text, position)
  }

  private check(cells: unknown[] | null, text: TextCells | null, position: RowPosition): boolean {
    // As the validator: a reader that numbers rows itself (a dialect's) says the row's number.
    const rowNumber = (this.rowNumber = position.rowNumber ?? this.rowNumber + 1)
    const columns = this.columns
    if (columns === null || !this.candidates.has(this.rowBase + rowNumber)) return true
    return this.visit(cells, text, position, columns)
  }
}

/** Per column: each key (by index in `keys`) and part (by index in its fields) that the column is. */
export function keyPartsByColumn(
  names: ReadonlyArray<string | null>,
  keys: ReadonlyArray<{ fields: readonly string[] }>
): Array<Array<[number, number]>> {
  return names.map(name =>
    keys.flatMap((key, k) => {
      const part = name === null ? -1 : key.fields.indexOf(name)
      return part === -1 ? [] : [[k, part] as [number, number]]
    })
  )
}

/** Cell `k`'s value as the validator's pass fed it to the keys: MISSING when it had no valid value. */
export function keyValue(
  field: CompiledField | null,
  cells: unknown[] | null,
  text: TextCells | null,
  k: number
): unknown {
  if (!field || (cells && cells[k] === ABSENT)) return MISSING
  if (text ? field.checkText(text, k) : field.check(cells![k])) return MISSING
  return field.value
}

/** What a candidate row's key would be reported as, once its first row (its name in messages) is known. */
type Report = (first: string) => [Violation, number]

/** One pass of the re-check: the candidates' keys compared. */
class RecheckSink extends RowsAgainSink {
  readonly log: ViolationLog
  duplicateRows = 0
  overflowed = false
  private readonly first = new Map<string, number>()
  private bytes = 0
  private readonly budget: number
  private readonly hash = new Hash64()
  private readonly primaryIndex: number
  private readonly rowIndex: number
  /** Per column: its unique field's check (-1: none), and its field's parts in the composite keys. */
  private uniqueByColumn: number[] = []
  private partsByColumn: Array<Array<[number, number]>> = []
  /** The composite keys (the primary key, then unique keys): their fields and this row's part texts. */
  private readonly composites: Array<{ fields: readonly string[]; parts: Array<string | null> }>

  constructor(
    private readonly recheck: Recheck,
    fields: CompiledField[],
    private readonly share: number,
    private readonly shares: number
  ) {
    super(recheck.schema, fields, recheck.candidates, recheck.fileNames)
    this.log = new ViolationLog(recheck.maxViolations)
    this.log.file = recheck.fileNames?.[0]
    this.budget = recheck.memoryBytes ?? RECHECK_MEMORY_BYTES
    const { checks } = recheck
    this.primaryIndex = checks.unique.length
    this.rowIndex = rowCheckIndex(checks)
    this.composites = [checks.primaryKey, ...checks.uniqueKeys].map(keyFields => ({
      fields: keyFields,
      parts: keyFields.map(() => null)
    }))
  }

  override startFile(index: number): void {
    super.startFile(index)
    if (index > 0) this.log.file = this.recheck.fileNames?.[index]
  }

  protected override mapColumns(names: Array<string | null>): void {
    this.uniqueByColumn = names.map(name =>
      name === null ? -1 : this.recheck.checks.unique.indexOf(name)
    )
    this.partsByColumn = keyPartsByColumn(names, this.composites)
  }

  /** A candidate's keys compared. False: stop (too much text held). */
  protected visit(
    cells: unknown[] | null,
    text: TextCells | null,
    position: RowPosition,
    columns: Array<CompiledField | null>
  ): boolean {
    const rowNumber = this.rowNumber
    for (const key of this.composites) key.parts.fill(null)
    const count = text ? text.count : cells!.length
    const checked = Math.min(columns.length, count)
    for (let k = 0; k < checked; k++) {
      const field = columns[k]
      const unique = this.uniqueByColumn[k]
      const parts = this.partsByColumn[k]
      if (!field || (unique === -1 && parts.length === 0)) continue
      const value = keyValue(field, cells, text, k)
      if (value === MISSING) continue
      const canonical = uniqueKey(value)
      for (const [c, part] of parts) this.composites[c].parts[part] = canonical
      if (unique !== -1)
        this.compare(unique, canonical, first => {
          const shown = JSON.stringify(String(text ? text.cell(k) : cells![k]))
          const message = `field "${field.name}": ${shown} already appears in ${first}; the field must be unique`
          return [
            cellViolation('unique-error', message, position, k, rowNumber, field.name),
            RANK.cell(k)
          ]
        })
    }
    this.compareComposites(position)
    if (this.recheck.checks.duplicateRows) this.compareRow(cells, text, position)
    return !this.overflowed
  }

  /** The primary key (unless every part is null) and the unique keys (unless a part is null). */
  private compareComposites(position: RowPosition): void {
    const rowNumber = this.rowNumber
    this.composites.forEach((key, c) => {
      const set = key.parts.filter(part => part !== null).length
      if (c === 0 ? set === 0 : set < key.fields.length) return
      const keyText = key.parts
        .map(part => (part === null ? '\u0002' : `${part.length}:${part}`))
        .join('')
      this.compare(this.primaryIndex + c, keyText, first => {
        if (c === 0)
          return [
            {
              code: 'primary-key',
              ...where(position),
              rowNumber,
              message: `primary key (${key.fields.join(', ')}) repeats ${first}`
            },
            RANK.primaryKey
          ]
        const message = `unique key (${key.fields.join(', ')}) repeats ${first}`
        const k =
          key.fields.length === 1
            ? this.columns!.findIndex(field => field?.name === key.fields[0])
            : -1
        const violation =
          k >= 0
            ? cellViolation('unique-error', message, position, k, rowNumber, key.fields[0])
            : { code: 'unique-error', ...where(position), rowNumber, message }
        return [violation, RANK.uniqueKey(c - 1)]
      })
    })
  }

  private compareRow(cells: unknown[] | null, text: TextCells | null, position: RowPosition): void {
    const count = text ? text.count : cells!.length
    let rowText = ''
    for (let k = 0; k < count; k++) {
      const cell = cellText(text ? text.cell(k) : cells![k])
      rowText += cell === null ? '\u0002' : `${cell.length}:${cell}`
    }
    const rowNumber = this.rowNumber
    this.compare(this.rowIndex, rowText, first => {
      this.duplicateRows++
      return [
        {
          code: 'duplicate-row',
          ...where(position),
          rowNumber,
          message: `the row repeats ${first}`
        },
        RANK.duplicateRow
      ]
    })
  }

  /** Key check `index`'s key in this row: logged when an earlier row had it, else remembered. */
  private compare(index: number, keyText: string, report: Report): void {
    if (this.shares > 1) {
      this.hash.text(keyText, index)
      if (this.hash.lo % this.shares !== this.share) return
    }
    const key = `${index}\u0000${keyText}`
    const across = this.rowBase + this.rowNumber
    const first = this.first.get(key)
    if (first !== undefined) {
      const [violation, rank] = report(this.acrossFiles.rowName(first, this.file))
      this.log.add(violation, orderOf(across, rank))
      return
    }
    this.first.set(key, across)
    this.bytes += 2 * key.length + 64
    if (this.bytes > this.budget && this.shares < 2 ** 20) this.overflowed = true
  }
}
