import { compileSchema, MISSING, type CompiledField } from './cells/field.js'
import { loadJsonSchemaValidator, usesJsonSchema } from './cells/json-schema.js'
import { datasetChecks } from './dataset-checks.js'
import { columnsOfHeader } from './header.js'
import { KeyTracker, type KeyProblem } from './key-tracker.js'
import { primaryKeyOf } from './primary-key.js'
import type { TableSchema } from './schema.js'
import {
  ABSENT,
  type RowPosition,
  type ReadResult,
  type TableProblem,
  type TableSink,
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
  read: (sink: TableSink) => Promise<ReadResult>
): Promise<ValidationResult> {
  if (usesJsonSchema(schema)) await loadJsonSchemaValidator()
  const fields = compileSchema(schema, options.schemaLabel)
  const log = new ViolationLog(options.maxViolations)
  const table = new RowChecker(schema, fields, log, options)
  const { linesRead, endedBetweenRecords } = await read(table)
  table.finish()
  if (table.columns === null && log.count === 0 && !options.partition) {
    log.add({
      code: 'source-error',
      line: 1,
      rowNumber: 1,
      message: `the file is empty: expected a header or rows with ${fields.map(f => f.name).join(', ')}`
    })
  }
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
    endedBetweenRecords
  }
}

/**
 * The sink that checks what a reader hands over: the header once, then row after row, each cell through
 * its compiled field and into the keys and counts it feeds. A reader hands over either values (`cells`)
 * or a text row (`text`); one of them is null.
 */
class RowChecker implements TableSink {
  /** The field of each column (null: none); null until the header is read. */
  columns: Array<CompiledField | null> | null = null
  labels: string[] = []
  /** Data rows read. */
  rows = 0
  readonly nullCounts: Record<string, number>
  readonly classCounts: Map<string, number> | null
  readonly keys: KeyTracker
  /** Frictionless row number of the row being read: the header is row 1. */
  private rowNumber = 1
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
    this.keys.mapColumns(columns.map(field => field?.name ?? null))
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
        rowNumber: problem.rowNumber!,
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
      const first = keys.value(k, value, rowNumber)
      if (first !== undefined) {
        const message = `field "${field.name}": ${JSON.stringify(String(cellAt(cells, text, k)))} already appears in row ${first}; the field must be unique`
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
    const firstKey = keys.endRow(rowNumber)
    if (firstKey !== undefined)
      this.log.add({
        code: 'primary-key',
        ...where(position),
        rowNumber,
        message: `primary key (${this.primaryKey.join(', ')}) repeats row ${firstKey}`
      })
    else if (keys.primaryKeyEmpty) this.emptyPrimaryKey(position)
    if (keys.checksKeys) this.checkKeys(position)
    if (!keys.checksRows) return
    const firstRow = keys.repeatedRow(cellsOf(cells, text), rowNumber)
    if (firstRow !== undefined)
      this.log.add({
        code: 'duplicate-row',
        ...where(position),
        rowNumber,
        message: `the row repeats row ${firstRow}`
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
    for (const problem of this.keys.endRowKeys(this.rowNumber, where(position)))
      this.repeatedUniqueKey(problem, position)
  }

  /** A unique key that repeats: one field's is a cell's unique-error. */
  private repeatedUniqueKey(problem: KeyProblem, position: RowPosition): void {
    const k =
      problem.fields.length === 1 ? this.columns!.findIndex(f => f?.name === problem.fields[0]) : -1
    const message = `unique key (${problem.fields.join(', ')}) repeats row ${problem.first}`
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
