import { FastCells } from './cells/fast-cells.js'
import { compileSchema, MISSING, type CompiledField } from './cells/field.js'
import { loadJsonSchemaValidator, usesJsonSchema } from './cells/json-schema.js'
import { datasetChecks } from './dataset-checks.js'
import { columnsOfHeader } from './header.js'
import { candidateRows, recheckKeys, type RowSet } from './key-recheck.js'
import { TableReferences } from './key-references.js'
import { KeyTracker, type KeyChecks } from './key-tracker.js'
import { KEY_MEMORY_BYTES, KeyStore } from './keys/store.js'
import { keyChecksOf, primaryKeyOf } from './primary-key.js'
import { ROW_KEY_MEMORY_BYTES, RowKeys } from './row-keys.js'
import { AcrossFiles, cellViolation, orderOf, RANK, where } from './row-violations.js'
import type { TableSchema } from './schema.js'
import type { FilesSink } from './readers/many.js'
import {
  ABSENT,
  type RowPosition,
  type ReadResult,
  type TableProblem,
  type TextCells
} from './table.js'
import type {
  ForeignKeyHashes,
  ValidateOptions,
  ValidationResult,
  Violation
} from './validation-types.js'
import { ViolationLog } from './violation-log.js'

function spanNote(position: RowPosition): string {
  return position.endLine !== undefined &&
    position.line !== undefined &&
    position.endLine > position.line
    ? ` (this record spans lines ${position.line}-${position.endLine} because a quoted field holds line breaks: check for an unbalanced quote)`
    : ''
}

/** Every cell empty (no closure per row: this runs for each of millions of rows). */
function isBlank(cells: unknown[] | null, text: TextCells | null): boolean {
  if (text) {
    for (let i = 0; i < text.count; i++)
      if (text.ends[i] !== text.starts[i] || text.escapedAt(i) !== undefined) return false
    return true
  }
  for (let i = 0; i < cells!.length; i++) {
    const cell = cells![i]
    if (cell !== '' && cell !== null && cell !== ABSENT) return false
  }
  return true
}

/** Cell `k` as a value, whichever way the reader handed the row over (one of the two is null). */
function cellAt(cells: unknown[] | null, text: TextCells | null, k: number): unknown {
  return text ? text.cell(k) : cells![k]
}

/** A row's cells as values. */
function cellsOf(cells: unknown[] | null, text: TextCells | null): unknown[] {
  return cells ?? Array.from({ length: text!.count }, (_, k) => text!.cell(k))
}

/** Memory for all foreign keys' hashes (their references, the keys referenced): the rest spills. */
const FOREIGN_KEY_MEMORY_BYTES = 16 * 1024 * 1024

/** For tests: the keys' store (a weak hash, a tiny budget) and the re-check's memory for key texts. */
export interface KeySeams {
  keyStore?: (memoryBytes: number) => KeyStore
  recheckMemoryBytes?: number
}

/**
 * Validates a table against a Table Schema in one streaming pass over what `read` hands its sink: the
 * header, every cell's type and constraints, unique and primary keys, and the dataset-level checks under
 * `mlChecks`. It loads no reader itself (see validate-file.ts), so a CSV worker stays small.
 */
export async function validateRows(
  schema: TableSchema,
  options: ValidateOptions,
  read: (sink: FilesSink) => Promise<ReadResult>,
  seams: KeySeams = {}
): Promise<ValidationResult> {
  if (usesJsonSchema(schema)) await loadJsonSchemaValidator()
  const fields = compileSchema(schema, options.schemaLabel)
  const log = new ViolationLog(options.maxViolations)
  const memoryBytes = options.partition ? KEY_MEMORY_BYTES / 2 : KEY_MEMORY_BYTES
  const keyStore = seams.keyStore ?? (bytes => new KeyStore({ memoryBytes: bytes }))
  const table = new RowChecker(schema, fields, log, options, () => keyStore(memoryBytes))
  const store = table.keys.store
  let handedOver = false
  try {
    const ended = await read(table)
    table.endFile()
    // A part's keys are compared with the other parts' by whoever merges them (validate-dataset.ts).
    const repeats =
      store && !options.partition
        ? await resolveKeys(store, table.keys.checks, schema, options, read, seams)
        : null
    if (repeats) log.absorb(repeats.log)
    // After the repeated keys; a part's foreign keys go to whoever merges it (merge-parts.ts).
    if (schema.foreignKeys?.length && !options.partition)
      await brokenReferences(schema, table.keys.foreignKeyHashes(), log, options, read)
    // Checks of the whole table name no file.
    log.file = undefined
    if (!options.partition)
      datasetChecks(schema.mlChecks, table.rows, table.nullCounts, table.classCounts, log)
    handedOver = options.partition !== undefined
    return {
      format: options.format,
      rows: table.rows,
      ...log.summary(),
      header: table.labels,
      stats: {
        nullCounts: table.nullCounts,
        classCounts: table.classCounts ? Object.fromEntries(table.classCounts) : undefined,
        duplicateRows: repeats?.duplicateRows ?? 0
      },
      linesRead: ended.linesRead,
      endedBetweenRecords: ended.endedBetweenRecords,
      ...(table.rowKeys ? { rowKeys: table.rowKeys.figures() } : {}),
      ...(options.partition
        ? {
            orders: log.orders,
            keys: store?.detach() ?? null,
            lastRowNumber: table.rowNumber,
            ...(schema.foreignKeys?.length ? { foreignKeys: table.keys.foreignKeyHashes() } : {})
          }
        : {})
    }
  } finally {
    // A part's hashes go to the merge, which removes what it spilled; anything else is removed here.
    if (!handedOver) {
      store?.dispose()
      table.keys.disposeForeignKeys()
    }
    // The row keys' hashes were handed over by `figures`, unless validation failed first.
    table.rowKeys?.dispose()
  }
}

/**
 * The repeated keys of a table: the rows whose key hashes repeat in `store`, read again by `read` (told
 * which rows those are: a reader may pass over files that hold none) and compared by their exact texts;
 * null when no hash repeats.
 */
export async function resolveKeys(
  store: KeyStore,
  checks: KeyChecks,
  schema: TableSchema,
  options: Pick<ValidateOptions, 'schemaLabel' | 'maxViolations' | 'fileNames'>,
  read: (sink: FilesSink, candidates: RowSet) => Promise<ReadResult>,
  seams: KeySeams = {}
): Promise<Awaited<ReturnType<typeof recheckKeys>> | null> {
  const candidates = candidateRows(store)
  // The hashes are done with: their memory is free before the table is read again.
  store.dispose()
  if (!candidates) return null
  return recheckKeys({
    schema,
    schemaLabel: options.schemaLabel,
    checks,
    candidates,
    read: sink => read(sink, candidates),
    fileNames: options.fileNames,
    maxViolations: options.maxViolations,
    memoryBytes: seams.recheckMemoryBytes
  })
}

/** The references to no row of a table read in one pass, logged into `log` (reading those rows again). */
async function brokenReferences(
  schema: TableSchema,
  hashes: ForeignKeyHashes[],
  log: ViolationLog,
  options: ValidateOptions,
  read: (sink: FilesSink) => Promise<ReadResult>
): Promise<void> {
  const references = new TableReferences(schema)
  try {
    references.absorb(hashes, 0)
    await references.logBroken(log, options, read)
  } finally {
    references.dispose()
  }
}

/**
 * The sink that checks what a reader hands over: the header once, then row after row, each cell through
 * its compiled field and into the keys and counts it feeds. A reader hands over either values (`cells`)
 * or a text row (`text`); one of them is null.
 */
class RowChecker implements FilesSink {
  /** The field of each column (null: none); null until the header is read. */
  columns: Array<CompiledField | null> | null = null
  /** The common cells of text rows, accepted without their fields (null: none can be). */
  private fast: FastCells | null = null
  labels: string[] = []
  /** Data rows read. */
  rows = 0
  readonly nullCounts: Record<string, number>
  readonly classCounts: Map<string, number> | null
  readonly keys: KeyTracker
  readonly rowKeys: RowKeys | null
  /** Frictionless row number of the row being read: the header is row 1. */
  rowNumber = 1
  /**
   * Rows of a dataset of several files are numbered per file; the key checks and the order of violations
   * number them across all: row `rowNumber` of the file being read is `rowBase + rowNumber` there.
   */
  private rowBase = 0
  private readonly acrossFiles: AcrossFiles
  private countAtFileStart = 0
  private readonly fileNames: string[] | undefined
  private readonly continuesFile: boolean
  private labelColumn = -1
  private readonly primaryKey: string[]
  private readonly labelField: string | undefined
  private readonly headerLog: { add(violation: Violation): void }

  constructor(
    private readonly schema: TableSchema,
    private readonly fields: CompiledField[],
    private readonly log: ViolationLog,
    options: ValidateOptions,
    keyStore: () => KeyStore
  ) {
    this.nullCounts = Object.fromEntries(fields.map(field => [field.name, 0]))
    this.labelField = schema.mlChecks?.label?.column
    this.classCounts = this.labelField ? new Map() : null
    this.primaryKey = primaryKeyOf(schema)
    // Two stores a foreign key share the memory (half of it on a thread's part, as the keys' store).
    const sides = 2 * Math.max(1, schema.foreignKeys?.length ?? 0)
    const sideBytes = FOREIGN_KEY_MEMORY_BYTES / sides / (options.partition ? 2 : 1)
    this.keys = new KeyTracker(
      keyChecksOf(schema),
      schema.foreignKeys,
      keyStore,
      () => new KeyStore({ memoryBytes: sideBytes })
    )
    // A later part of a file maps the columns by the header, but the header's own defects (and an empty
    // file) are the first part's to report (else the merge would count them twice).
    const partition = options.partition
    this.continuesFile = partition?.header !== undefined || (partition?.rowGroups?.from ?? 0) > 0
    this.headerLog = this.continuesFile ? { add: () => undefined } : log
    this.fileNames = options.fileNames
    this.acrossFiles = new AcrossFiles(options.fileNames)
    log.file = this.fileNames?.[0]
    const rowKeyMemory = options.partition ? ROW_KEY_MEMORY_BYTES / 2 : ROW_KEY_MEMORY_BYTES
    this.rowKeys = options.rowKeys
      ? new RowKeys(schema, options.rowKeys, options.schemaLabel, { memoryBytes: rowKeyMemory })
      : null
  }

  /** The next file of a dataset of several: its rows are numbered from its own header. */
  startFile(index: number): void {
    if (index === 0) return
    this.endFile()
    this.rowBase += this.rowNumber
    this.acrossFiles.startFile(this.rowBase)
    this.rowNumber = 1
    this.columns = null
    this.countAtFileStart = this.log.count
    this.log.file = this.fileNames?.[index]
  }

  /** After a file's last row: a file with neither a header nor a problem is empty, which is a problem. */
  endFile(): void {
    this.countFastMissing()
    if (this.columns !== null || this.continuesFile || this.log.count > this.countAtFileStart)
      return
    this.log.add(
      {
        code: 'source-error',
        line: 1,
        rowNumber: 1,
        message: `the file is empty: expected a header or rows with ${this.fields.map(f => f.name).join(', ')}`
      },
      orderOf(this.rowBase + 1, RANK.beforeCells)
    )
  }

  header(labels: string[], line?: number, _raw?: readonly string[], rowNumber = 1): void {
    this.labels = labels
    const columns = columnsOfHeader(
      labels,
      { line, rowNumber },
      this.fields,
      this.schema.fieldsMatch,
      this.headerLog
    )
    this.columns = columns
    const names = columns.map(field => field?.name ?? null)
    this.keys.mapColumns(names)
    this.rowKeys?.header(names, labels)
    this.labelColumn = columns.findIndex(field => field !== null && field.name === this.labelField)
    // The label's cells are counted by their text: its field sees each one.
    const fast = new FastCells(columns, new Set([this.labelColumn]))
    this.fast = fast.useful ? fast : null
  }

  /** The missing values FastCells took, into the null counts (at each file's end: startFile ends the last). */
  private countFastMissing(): void {
    if (this.fast === null || this.columns === null) return
    const counts = this.fast.takeMissing()
    this.columns.forEach((field, k) => {
      if (field) this.nullCounts[field.name] += counts[k]
    })
  }

  row(cells: unknown[], position: RowPosition, extraKeys?: string[]): void {
    this.check(cells, null, position, extraKeys)
  }

  textRow(text: TextCells, position: RowPosition): void {
    this.check(null, text, position)
  }

  problem(problem: TableProblem): void {
    if (problem.code === 'blank-row') this.rowNumber++
    const rowNumber = problem.rowNumber ?? this.rowNumber + (problem.code === 'blank-row' ? 0 : 1)
    this.log.add(
      {
        code: problem.code,
        line: problem.line,
        rowNumber,
        fieldNumber: problem.fieldNumber,
        message: problem.message
      },
      orderOf(this.rowBase + rowNumber, RANK.beforeCells)
    )
  }

  private check(
    cells: unknown[] | null,
    text: TextCells | null,
    position: RowPosition,
    extraKeys?: string[]
  ): void {
    // A reader that numbers rows itself (a dialect's header and comment rows) says the row's number.
    const rowNumber = (this.rowNumber = position.rowNumber ?? this.rowNumber + 1)
    this.rows++
    const columns = this.columns
    if (columns === null) return
    if (isBlank(cells, text)) {
      this.log.add(
        { code: 'blank-row', ...where(position), rowNumber, message: 'the row is blank' },
        orderOf(this.rowBase + rowNumber, RANK.beforeCells)
      )
      // As frictionless-py: a blank row's primary key is empty too.
      this.keys.blankRow()
      if (this.keys.primaryKeyEmpty) this.emptyPrimaryKey(position)
      return
    }
    this.checkCells(cells, text, position, columns)
    const count = text ? text.count : cells!.length
    if (count > columns.length) this.extraCells(cells, text, position, columns.length)
    // A text row can be short; a JSON or Parquet row only under fieldsMatch: exact, when the schema has
    // more fields than the file has columns (a JSON row's missing keys are ABSENT cells).
    if (count < columns.length) this.missingCells(count, position, columns)
    // After the cells, as frictionless-py orders a row's errors.
    this.checkRepeats(cells, text, position)
    this.rowKeys?.add(cells, text)
    if (extraKeys)
      for (const key of extraKeys) {
        this.log.add(
          {
            code: 'extra-cell',
            ...where(position),
            rowNumber,
            message: `key "${key}" is not a column (the first row's keys are the header: ${this.labels.join(', ')})`
          },
          orderOf(this.rowBase + rowNumber, RANK.extraKey)
        )
      }
  }

  /** The hot loop: each cell through its field's checks, then into the keys and counts it feeds. */
  private checkCells(
    cells: unknown[] | null,
    text: TextCells | null,
    position: RowPosition,
    columns: Array<CompiledField | null>
  ): void {
    const { keys, log, rowNumber } = this
    const across = this.rowBase + rowNumber
    const checked = Math.min(columns.length, text ? text.count : cells!.length)
    keys.startRow()
    // Text rows: the common cells first, without their fields; the rest (pending) through them.
    const fast = text ? this.fast : null
    if (fast !== null && fast.acceptRow(text!, checked, keys, across)) return
    for (let k = 0; k < checked; k++) {
      const field = columns[k]
      if (!field || (fast !== null && fast.pending[k] === 0)) continue
      if (cells && cells[k] === ABSENT) {
        this.nullCounts[field.name]++
        const message = `the row has no "${field.name}"`
        log.add(
          cellViolation('missing-cell', message, position, k, rowNumber, field.name),
          orderOf(across, RANK.cell(k))
        )
        continue
      }
      const problem = text ? field.checkText(text, k) : field.check(cells![k])
      const value = field.value
      if (value === MISSING) this.nullCounts[field.name]++
      if (problem) {
        log.add(
          cellViolation(problem.code, problem.message, position, k, rowNumber, field.name),
          orderOf(across, RANK.cell(k))
        )
        continue
      }
      if (value === MISSING) continue
      keys.value(k, value, across)
      if (k === this.labelColumn && this.classCounts) {
        const label = String(cellAt(cells, text, k))
        this.classCounts.set(label, (this.classCounts.get(label) ?? 0) + 1)
      }
    }
  }

  /**
   * The row's keys (primary, unique and foreign keys) and (when asked for) the whole row, kept to compare
   * with every other row's: repeats are logged after the last row (key-recheck.ts).
   */
  private checkRepeats(
    cells: unknown[] | null,
    text: TextCells | null,
    position: RowPosition
  ): void {
    const { keys, rowNumber } = this
    const across = this.rowBase + rowNumber
    keys.endRow(across)
    if (keys.primaryKeyEmpty) this.emptyPrimaryKey(position)
    if (keys.checksKeys) keys.endRowKeys(across)
    if (keys.checksRows) keys.addRow(cellsOf(cells, text), across)
  }

  private emptyPrimaryKey(position: RowPosition): void {
    this.log.add(
      {
        code: 'primary-key',
        ...where(position),
        rowNumber: this.rowNumber,
        message: `primary key (${this.primaryKey.join(', ')}) is empty: no part has a valid value`
      },
      orderOf(this.rowBase + this.rowNumber, RANK.primaryKey)
    )
  }

  /** What a row's width is measured against: the fields (exact, by position), else the header. */
  private widthWords(width: number): string {
    return this.schema.fieldsMatch === 'exact'
      ? `the schema has ${width} fields`
      : `the header has ${width}`
  }

  /** Cells past the columns' width: each has no column. */
  private extraCells(
    cells: unknown[] | null,
    text: TextCells | null,
    position: RowPosition,
    width: number
  ): void {
    const count = text ? text.count : cells!.length
    for (let k = width; k < count; k++) {
      this.log.add(
        {
          code: 'extra-cell',
          line: position.fieldLines?.[k] ?? position.line,
          rowNumber: this.rowNumber,
          fieldNumber: k + 1,
          message: `row has ${count} cells but ${this.widthWords(width)}: cell ${k + 1} ${JSON.stringify(cellAt(cells, text, k))} has no column${spanNote(position)}`
        },
        orderOf(this.rowBase + this.rowNumber, RANK.cell(k))
      )
    }
  }

  /**
   * A row short of the columns' width: each column past its end has no cell. As frictionless-py, a
   * required field's missing cell is also a constraint-error (all of those first).
   */
  private missingCells(
    count: number,
    position: RowPosition,
    columns: Array<CompiledField | null>
  ): void {
    const width = columns.length
    for (let k = count; k < width; k++) {
      const field = columns[k]
      if (field?.required)
        this.log.add(
          {
            code: 'constraint-error',
            line: position.endLine ?? position.line,
            rowGroup: position.rowGroup,
            rowInGroup: position.rowInGroup,
            rowNumber: this.rowNumber,
            fieldNumber: k + 1,
            field: field.name,
            message: `field "${field.name}" is required; the row has no cell for it`
          },
          orderOf(this.rowBase + this.rowNumber, RANK.cell(k))
        )
    }
    for (let k = count; k < width; k++) {
      const name = columns[k]?.name ?? this.labels[k]
      if (columns[k]) this.nullCounts[name]++
      this.log.add(
        {
          code: 'missing-cell',
          line: position.endLine ?? position.line,
          rowGroup: position.rowGroup,
          rowInGroup: position.rowInGroup,
          rowNumber: this.rowNumber,
          fieldNumber: k + 1,
          field: name,
          message: `row has ${count} cells but ${this.widthWords(width)}: no cell for ${columns[k] ? `field "${name}"` : `column "${name}"`}${spanNote(position)}`
        },
        orderOf(this.rowBase + this.rowNumber, RANK.cell(k))
      )
    }
  }
}
