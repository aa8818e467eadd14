import { compileSchema, MISSING, type CompiledField } from './cells/field.js'
import { loadJsonSchemaValidator, usesJsonSchema } from './cells/json-schema.js'
import { datasetChecks } from './dataset-checks.js'
import { columnsOfHeader } from './header.js'
import { KeyTracker, type KeyProblem } from './key-tracker.js'
import { primaryKeyOf } from './primary-key.js'
import { RowKeys } from './row-keys.js'
import type { TableSchema } from './schema.js'
import type { FilesSink } from './readers/many.js'
import {
  ABSENT,
  type RowPosition,
  type ReadResult,
  type TableProblem,
  type TextCells
} from './table.js'
import type { ValidateOptions, ValidationResult, Violation } from './validation-types.js'
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

/** A row's position as a violation of the whole row shows it. */
function where(position: RowPosition): Pick<Violation, 'line' | 'rowGroup' | 'rowInGroup'> {
  return { line: position.line, rowGroup: position.rowGroup, rowInGroup: position.rowInGroup }
}

function cellViolation(
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
 * Validates a table against a Table Schema in one streaming pass over what `read` hands its sink: the
 * header, every cell's type and constraints, unique and primary keys, and the dataset-level checks under
 * `mlChecks`. It loads no reader itself (see validate-file.ts), so a CSV worker stays small.
 */
export async function validateRows(
  schema: TableSchema,
  options: ValidateOptions,
  read: (sink: FilesSink) => Promise<ReadResult>
): Promise<ValidationResult> {
  if (usesJsonSchema(schema)) await loadJsonSchemaValidator()
  const fields = compileSchema(schema, options.schemaLabel)
  const log = new ViolationLog(options.maxViolations)
  const table = new RowChecker(schema, fields, log, options)
  const { linesRead, endedBetweenRecords } = await read(table)
  table.endFile()
  table.finish()
  // Checks of the whole table name no file.
  log.file = undefined
  if (!options.partition)
    datasetChecks(schema.mlChecks, table.rows, table.nullCounts, table.classCounts, log)
  return {
    format: options.format,
    rows: table.rows,
    ...log.summary(),
    header: table.labels,
    stats: {
      nullCounts: table.nullCounts,
      classCounts: table.classCounts ? Object.fromEntries(table.classCounts) : undefined,
      duplicateRows: table.keys.duplicateRows
    },
    linesRead,
    endedBetweenRecords,
    ...(table.rowKeys ? { rowKeys: table.rowKeys.figures() } : {})
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
  labels: string[] = []
  /** Data rows read. */
  rows = 0
  readonly nullCounts: Record<string, number>
  readonly classCounts: Map<string, number> | null
  readonly keys: KeyTracker
  readonly rowKeys: RowKeys | null
  /** Frictionless row number of the row being read: the header is row 1. */
  private rowNumber = 1
  /**
   * Rows of a dataset of several files are numbered per file; the key checks number them across all:
   * row `rowNumber` of file `f` is `rowBases[f] + rowNumber` there.
   */
  private rowBase = 0
  private readonly rowBases: number[] = [0]
  private file = 0
  private fileHasHeader = false
  private countAtFileStart = 0
  private readonly fileNames: string[] | undefined
  private readonly partition: boolean
  private labelColumn = -1
  private readonly primaryKey: string[]
  private readonly labelField: string | undefined
  private readonly headerLog: { add(violation: Violation): void }

  constructor(
    private readonly schema: TableSchema,
    private readonly fields: CompiledField[],
    private readonly log: ViolationLog,
    options: ValidateOptions
  ) {
    this.nullCounts = Object.fromEntries(fields.map(field => [field.name, 0]))
    this.labelField = schema.mlChecks?.label?.column
    this.classCounts = this.labelField ? new Map() : null
    const unique = schema.fields.filter(field => field.constraints?.unique).map(field => field.name)
    this.primaryKey = primaryKeyOf(schema)
    this.keys = new KeyTracker(
      unique,
      this.primaryKey,
      schema.mlChecks?.duplicateRows === 'error',
      {
        uniqueKeys: schema.uniqueKeys,
        foreignKeys: schema.foreignKeys
      }
    )
    // A later partition is handed the header: it maps the columns, but the header's own defects are the
    // first partition's to report (else the merge would count them twice).
    this.headerLog = options.partition?.header ? { add: () => undefined } : log
    this.fileNames = options.fileNames
    this.partition = options.partition !== undefined
    log.file = this.fileNames?.[0]
    this.rowKeys = options.rowKeys
      ? new RowKeys(schema, options.rowKeys, options.schemaLabel)
      : null
  }

  /** The next file of a dataset of several: its rows are numbered from its own header. */
  startFile(index: number): void {
    if (index === 0) return
    this.endFile()
    this.file = index
    this.rowBase += this.rowNumber
    this.rowBases.push(this.rowBase)
    this.rowNumber = 1
    this.columns = null
    this.fileHasHeader = false
    this.countAtFileStart = this.log.count
    this.log.file = this.fileNames?.[index]
  }

  /** After a file's last row: a file with neither a header nor a problem is empty, which is a problem. */
  endFile(): void {
    if (this.fileHasHeader || this.partition || this.log.count > this.countAtFileStart) return
    this.log.add({
      code: 'source-error',
      line: 1,
      rowNumber: 1,
      message: `the file is empty: expected a header or rows with ${this.fields.map(f => f.name).join(', ')}`
    })
  }

  /** A row numbered across files as its file and its row number there. */
  private fileRow(across: number): { rowNumber: number; file?: string } {
    // The last file whose base is below the row (a file's rows come after its base).
    let [file, high] = [0, this.rowBases.length - 1]
    while (file < high) {
      const middle = Math.ceil((file + high) / 2)
      if (this.rowBases[middle] < across) file = middle
      else high = middle - 1
    }
    const rowNumber = across - this.rowBases[file]
    return this.fileNames ? { rowNumber, file: this.fileNames[file] } : { rowNumber }
  }

  /** A row numbered across files as a message says it: "row 5", or "row 5 of b.csv" in another file. */
  private rowName(across: number): string {
    const { rowNumber, file } = this.fileRow(across)
    return file === undefined || file === this.fileNames![this.file]
      ? `row ${rowNumber}`
      : `row ${rowNumber} of ${file}`
  }

  header(labels: string[], line?: number, _raw?: readonly string[], rowNumber = 1): void {
    this.fileHasHeader = true
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
  }

  row(cells: unknown[], position: RowPosition, extraKeys?: string[]): void {
    this.check(cells, null, position, extraKeys)
  }

  textRow(text: TextCells, position: RowPosition): void {
    this.check(null, text, position)
  }

  /** After the last row: the checks that needed every row (foreign keys). */
  finish(): void {
    for (const problem of this.keys.brokenReferences())
      this.log.add({
        code: 'foreign-key',
        ...(problem.where as ReturnType<typeof where>),
        ...this.fileRow(problem.rowNumber!),
        message: `foreign key (${problem.fields.join(', ')}) = (${problem.values}) is not the (${problem.reference!.join(', ')}) of any row`
      })
  }

  problem(problem: TableProblem): void {
    if (problem.code === 'blank-row') this.rowNumber++
    this.log.add({
      code: problem.code,
      line: problem.line,
      rowNumber: problem.rowNumber ?? this.rowNumber + (problem.code === 'blank-row' ? 0 : 1),
      fieldNumber: problem.fieldNumber,
      message: problem.message
    })
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
      this.log.add({
        code: 'blank-row',
        ...where(position),
        rowNumber,
        message: 'the row is blank'
      })
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
        this.log.add({
          code: 'extra-cell',
          ...where(position),
          rowNumber,
          message: `key "${key}" is not a column (the first row's keys are the header: ${this.labels.join(', ')})`
        })
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
    for (let k = 0; k < checked; k++) {
      const field = columns[k]
      if (!field) continue
      if (cells && cells[k] === ABSENT) {
        this.nullCounts[field.name]++
        const message = `the row has no "${field.name}"`
        log.add(cellViolation('missing-cell', message, position, k, rowNumber, field.name))
        continue
      }
      const problem = text ? field.checkText(text, k) : field.check(cells![k])
      const value = field.value
      if (value === MISSING) this.nullCounts[field.name]++
      if (problem) {
        log.add(cellViolation(problem.code, problem.message, position, k, rowNumber, field.name))
        continue
      }
      if (value === MISSING) continue
      const first = keys.value(k, value, across)
      if (first !== undefined) {
        const message = `field "${field.name}": ${JSON.stringify(String(cellAt(cells, text, k)))} already appears in ${this.rowName(first)}; the field must be unique`
        log.add(cellViolation('unique-error', message, position, k, rowNumber, field.name))
      }
      if (k === this.labelColumn && this.classCounts) {
        const label = String(cellAt(cells, text, k))
        this.classCounts.set(label, (this.classCounts.get(label) ?? 0) + 1)
      }
    }
  }

  /** The row's primary key, and (when asked for) the whole row, against earlier rows. */
  private checkRepeats(
    cells: unknown[] | null,
    text: TextCells | null,
    position: RowPosition
  ): void {
    const { keys, rowNumber } = this
    const across = this.rowBase + rowNumber
    const firstKey = keys.endRow(across)
    if (firstKey !== undefined)
      this.log.add({
        code: 'primary-key',
        ...where(position),
        rowNumber,
        message: `primary key (${this.primaryKey.join(', ')}) repeats ${this.rowName(firstKey)}`
      })
    else if (keys.primaryKeyEmpty) this.emptyPrimaryKey(position)
    if (keys.checksKeys) this.checkKeys(position)
    if (!keys.checksRows) return
    const firstRow = keys.repeatedRow(cellsOf(cells, text), across)
    if (firstRow !== undefined)
      this.log.add({
        code: 'duplicate-row',
        ...where(position),
        rowNumber,
        message: `the row repeats ${this.rowName(firstRow)}`
      })
  }

  private emptyPrimaryKey(position: RowPosition): void {
    this.log.add({
      code: 'primary-key',
      ...where(position),
      rowNumber: this.rowNumber,
      message: `primary key (${this.primaryKey.join(', ')}) is empty: no part has a valid value`
    })
  }

  /** The row's unique keys (Table Schema v2 uniqueKeys), and its foreign keys, kept for `finish`. */
  private checkKeys(position: RowPosition): void {
    for (const problem of this.keys.endRowKeys(this.rowBase + this.rowNumber, where(position)))
      this.repeatedUniqueKey(problem, position)
  }

  /** A unique key that repeats: one field's is a cell's unique-error. */
  private repeatedUniqueKey(problem: KeyProblem, position: RowPosition): void {
    const k =
      problem.fields.length === 1 ? this.columns!.findIndex(f => f?.name === problem.fields[0]) : -1
    const message = `unique key (${problem.fields.join(', ')}) repeats ${this.rowName(problem.first!)}`
    this.log.add(
      k >= 0
        ? cellViolation('unique-error', message, position, k, this.rowNumber, problem.fields[0])
        : { code: 'unique-error', ...where(position), rowNumber: this.rowNumber, message }
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
      this.log.add({
        code: 'extra-cell',
        line: position.fieldLines?.[k] ?? position.line,
        rowNumber: this.rowNumber,
        fieldNumber: k + 1,
        message: `row has ${count} cells but ${this.widthWords(width)}: cell ${k + 1} ${JSON.stringify(cellAt(cells, text, k))} has no column${spanNote(position)}`
      })
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
        this.log.add({
          code: 'constraint-error',
          line: position.endLine ?? position.line,
          rowGroup: position.rowGroup,
          rowInGroup: position.rowInGroup,
          rowNumber: this.rowNumber,
          fieldNumber: k + 1,
          field: field.name,
          message: `field "${field.name}" is required; the row has no cell for it`
        })
    }
    for (let k = count; k < width; k++) {
      const name = columns[k]?.name ?? this.labels[k]
      if (columns[k]) this.nullCounts[name]++
      this.log.add({
        code: 'missing-cell',
        line: position.endLine ?? position.line,
        rowGroup: position.rowGroup,
        rowInGroup: position.rowInGroup,
        rowNumber: this.rowNumber,
        fieldNumber: k + 1,
        field: name,
        message: `row has ${count} cells but ${this.widthWords(width)}: no cell for ${columns[k] ? `field "${name}"` : `column "${name}"`}${spanNote(position)}`
      })
    }
  }
}
