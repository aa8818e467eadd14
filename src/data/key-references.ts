// Foreign keys into the same table, checked after its last row (of every part, for a table validated in
// parts: a plan's shards). The validator's pass hashed each row's reference and referenced key
// (key-tracker.ts); here they are compared in hash order. A reference whose hash no referenced key has
// refers to no row (equal texts hash equal); the first of those rows are read again for their values and
// places, and logged as violations after every other row's.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { UserError } from '../errors.js'
import { compileSchema, MISSING, type CompiledField } from './cells/field.js'
import { keyPartsByColumn, keyValue, RowSet, RowsAgainSink } from './key-recheck.js'
import { uniqueKey } from './key-tracker.js'
import { RunCursor, RunWriter } from './keys/runs.js'
import { KeyStore } from './keys/store.js'
import type { FilesSink } from './readers/many.js'
import { where } from './row-violations.js'
import type { TableSchema } from './schema.js'
import type { ReadResult, RowPosition, TextCells } from './table.js'
import type { ForeignKeyHashes, Violation } from './validation-types.js'
import type { ViolationLog } from './violation-log.js'

type ForeignKey = NonNullable<TableSchema['foreignKeys']>[number]

/** Reads the table again into a sink, told the rows it needs (a reader may pass over files with none). */
export type ReadAgain = (sink: FilesSink, candidates: RowSet) => Promise<ReadResult>

/** Each foreign key's hashes of every part of a table, both sides, to compare once all are absorbed. */
export class TableReferences {
  private readonly keys: Array<ForeignKeyHashes<KeyStore>>

  constructor(private readonly schema: TableSchema) {
    this.keys = (schema.foreignKeys ?? []).map(() => ({
      references: new KeyStore(),
      referenced: new KeyStore()
    }))
  }

  /** A part's hashes, its rows numbered after `rowOffset` rows of the table. */
  absorb(hashes: readonly ForeignKeyHashes[] | undefined, rowOffset: number): void {
    hashes?.forEach((key, i) => {
      this.keys[i].references.absorb(key.references, rowOffset)
      this.keys[i].referenced.absorb(key.referenced, rowOffset)
    })
  }

  /**
   * Logs every reference to no row into `log` (counted; the first kept, as the validator's pass keeps
   * them: by row, then by foreign key), reading those rows again by `read`. The hashes are used up.
   */
  async logBroken(
    log: ViolationLog,
    options: { maxViolations: number; schemaLabel: string; fileNames?: string[] },
    read: ReadAgain
  ): Promise<void> {
    const broken = this.keys.map(key => brokenRows(key))
    const room = Math.max(0, options.maxViolations - log.kept.length)
    const kept = broken
      .flatMap((rows, key) => rows.first(room).map(row => ({ row, key })))
      .sort((a, b) => a.row - b.row || a.key - b.key)
      .slice(0, room)
    if (kept.length) {
      const candidates = new RowSet()
      for (const { row } of kept) candidates.add(row)
      const fields = compileSchema(this.schema, options.schemaLabel)
      const sink = new ReferenceSink(this.schema, fields, candidates, options.fileNames)
      await read(sink, candidates)
      for (const { row, key } of kept) log.add(sink.violation(row, key))
    }
    const unkept: Violation = { code: 'foreign-key', rowNumber: 0, message: '' }
    const count = broken.reduce((sum, rows) => sum + rows.added, 0)
    for (let i = kept.length; i < count; i++) log.add(unkept)
  }

  /** Removes what was spilled, the stores' and the parts' (a shard's files, with no folder, stay). */
  dispose(): void {
    for (const key of this.keys) {
      key.references.dispose()
      key.referenced.dispose()
    }
  }
}

/**
 * The rows whose reference no referenced key's hash equals: the referenced hashes, each once, go to a
 * run on disk, which is walked beside the references (both in hash order).
 */
function brokenRows({ references, referenced }: ForeignKeyHashes<KeyStore>): RowSet {
  const folder = mkdtempSync(
    path.join(process.env.RUNNER_TEMP ?? os.tmpdir(), 'ml-smoke-references-')
  )
  try {
    const writer = new RunWriter(path.join(folder, 'referenced.run'))
    let [lastHi, lastLo] = [-1, -1]
    referenced.each((hi, lo) => {
      if (hi !== lastHi || lo !== lastLo) writer.add(hi, lo, 0)
      ;[lastHi, lastLo] = [hi, lo]
    })
    const keys = new RunCursor(writer.finish())
    const rows = new RowSet()
    let more = keys.next()
    references.each((hi, lo, row) => {
      while (more && (keys.hi < hi || (keys.hi === hi && keys.lo < lo))) more = keys.next()
      if (!more || keys.hi !== hi || keys.lo !== lo) rows.add(row)
    })
    keys.close()
    return rows
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

/** The rows of broken references read again: each foreign key's values in them, and where they are. */
class ReferenceSink extends RowsAgainSink {
  private readonly found = new Map<string, Violation>()
  private readonly foreignKeys: readonly ForeignKey[]
  /** Per column: the foreign keys and parts its field is in. */
  private partsByColumn: Array<Array<[number, number]>> = []

  constructor(
    schema: TableSchema,
    fields: CompiledField[],
    candidates: RowSet,
    fileNames: string[] | undefined
  ) {
    super(schema, fields, candidates, fileNames)
    this.foreignKeys = schema.foreignKeys ?? []
  }

  /** The violation of foreign key `key` in row `row` (numbered across files). */
  violation(row: number, key: number): Violation {
    const violation = this.found.get(`${row}:${key}`)
    if (violation) return violation
    const { rowNumber, file } = this.acrossFiles.fileRow(row)
    throw new UserError(
      `${file ?? 'the data'}: row ${rowNumber} was not there when read again: the data changed while it was validated; validate it again`
    )
  }

  protected override mapColumns(names: Array<string | null>): void {
    this.partsByColumn = keyPartsByColumn(names, this.foreignKeys)
  }

  /** As the validator's pass: each part the last valid value of its field's columns, else null. */
  protected visit(
    cells: unknown[] | null,
    text: TextCells | null,
    position: RowPosition,
    columns: Array<CompiledField | null>
  ): boolean {
    const parts = this.foreignKeys.map(key => key.fields.map((): string | null => null))
    const checked = Math.min(columns.length, text ? text.count : cells!.length)
    for (let k = 0; k < checked; k++) {
      if (this.partsByColumn[k].length === 0) continue
      const value = keyValue(columns[k], cells, text, k)
      if (value === MISSING) continue
      const canonical = uniqueKey(value)
      for (const [key, part] of this.partsByColumn[k]) parts[key][part] = canonical
    }
    const across = this.rowBase + this.rowNumber
    this.foreignKeys.forEach((key, i) => {
      const values = parts[i].map(part =>
        part === null ? 'null' : part.slice(part.indexOf(':') + 1)
      )
      this.found.set(`${across}:${i}`, {
        code: 'foreign-key',
        ...where(position),
        ...this.acrossFiles.fileRow(across),
        message: `foreign key (${key.fields.join(', ')}) = (${values.join(', ')}) is not the (${key.reference.fields.join(', ')}) of any row`
      })
    })
    return true
  }
}
