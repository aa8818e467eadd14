import { compileSchema, MISSING, type CompiledField } from './cells/field.js'
import { primaryKeyOf } from './primary-key.js'
import type { MlChecks, TableSchema } from './schema.js'
import {
  ABSENT,
  type DataFormat,
  type RowPosition,
  type ReadResult,
  type TableProblem,
  type TableSink,
  type TextCells
} from './table.js'

/** One defect in the data, positioned the way both an editor and Frictionless count. */
export interface Violation {
  /** Frictionless error type where one fits (type-error, constraint-error, missing-cell, ...) or ours. */
  code: string
  /** Physical line in the file (1-based); absent for Parquet and JSON arrays. */
  line?: number
  /** Frictionless row number: the header is row 1 and a multi-line quoted record counts once. */
  rowNumber: number
  /** 1-based position of the cell in its row. */
  fieldNumber?: number
  field?: string
  /** Parquet: the row group and the row inside it (0-based). */
  rowGroup?: number
  rowInGroup?: number
  message: string
}

export interface ValidationStats {
  nullCounts: Record<string, number>
  classCounts?: Record<string, number>
  duplicateRows: number
}

export interface ValidationResult {
  format: DataFormat
  /** Data rows read (the header is not counted). */
  rows: number
  violationCount: number
  /** The first `maxViolations` violations, in file order (dataset-level checks last). */
  violations: Violation[]
  truncated: boolean
  countsByCode: Record<string, number>
  countsByField: Record<string, number>
  header: string[]
  stats: ValidationStats
  /** How many threads' parts were merged (absent: one pass). */
  parts?: number
  /** Partitions only: physical lines read, and whether the range ended between records. */
  linesRead?: number
  endedBetweenRecords?: boolean
}

export interface ValidateOptions {
  format: DataFormat
  delimiter?: string
  maxViolations: number
  schemaLabel: string
  /** CSV/TSV: validate only this byte range; dataset-level checks are left to whoever merges the parts. */
  partition?: { start: number; end?: number; header?: string[] }
}

/** Every violation counted by code and field; the first `max` kept. */
export class ViolationLog {
  readonly kept: Violation[]
  readonly countsByCode: Record<string, number>
  readonly countsByField: Record<string, number>
  count: number

  /** `from`: a log to go on with (the merged logs of a file's parts). */
  constructor(
    private readonly max: number,
    from?: Pick<
      ValidationResult,
      'violations' | 'violationCount' | 'countsByCode' | 'countsByField'
    >
  ) {
    this.kept = from ? from.violations.slice(0, max) : []
    this.count = from?.violationCount ?? 0
    this.countsByCode = { ...from?.countsByCode }
    this.countsByField = { ...from?.countsByField }
  }

  add(violation: Violation): void {
    this.count++
    this.countsByCode[violation.code] = (this.countsByCode[violation.code] ?? 0) + 1
    if (violation.field !== undefined)
      this.countsByField[violation.field] = (this.countsByField[violation.field] ?? 0) + 1
    if (this.kept.length < this.max) this.kept.push(violation)
  }

  /** The log as a ValidationResult reports it. */
  summary(): Pick<
    ValidationResult,
    'violationCount' | 'violations' | 'truncated' | 'countsByCode' | 'countsByField'
  > {
    return {
      violationCount: this.count,
      violations: this.kept,
      truncated: this.count > this.kept.length,
      countsByCode: this.countsByCode,
      countsByField: this.countsByField
    }
  }
}

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

/** "line 12", "row group 2, row 17" or "row 5", whichever the format knows. */
export function describePosition(violation: Violation): string {
  if (violation.line !== undefined) return `line ${violation.line}`
  if (violation.rowGroup !== undefined)
    return `row group ${violation.rowGroup}, row ${violation.rowInGroup}`
  return violation.rowNumber ? `row ${violation.rowNumber}` : 'the whole dataset'
}

/** A canonical text for a cast value, for unique and primary-key checks. */
function uniqueKey(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string')
    return `${typeof value}:${String(value)}`
  return `json:${JSON.stringify(value)}`
}

/** 52 bits of FNV-1a: enough to spot duplicate rows without keeping every row's text. */
function rowHash(cells: unknown[]): number {
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
 * Validates a table against a Table Schema in one streaming pass over what `read` hands its sink: the
 * header, every cell's type and constraints, unique and primary keys, and the dataset-level checks under
 * `mlChecks`. It loads no reader itself (see validate-file.ts), so a CSV worker stays small.
 */
export async function validateRows(
  schema: TableSchema,
  options: ValidateOptions,
  read: (sink: TableSink) => Promise<ReadResult>
): Promise<ValidationResult> {
  const fields = compileSchema(schema, options.schemaLabel)
  const byName = new Map(fields.map(field => [field.name, field]))
  const checks: MlChecks | undefined = schema.mlChecks
  const columnsPolicy = checks?.columns ?? 'exact'
  const log = new ViolationLog(options.maxViolations)
  let columns: Array<CompiledField | null> | null = null
  let header: string[] = []
  let rowNumber = 1
  let rows = 0
  const nullCounts: Record<string, number> = Object.fromEntries(
    fields.map(field => [field.name, 0])
  )
  const uniqueSeen = new Map<string, Map<string, number>>()
  for (const field of schema.fields)
    if (field.constraints?.unique) uniqueSeen.set(field.name, new Map())
  const primaryKey = primaryKeyOf(schema)
  const primarySeen = new Map<string, number>()
  const duplicateSeen = checks?.duplicateRows === 'error' ? new Map<number, number>() : null
  let duplicateRows = 0
  const labelField = checks?.label?.column
  const classCounts = labelField ? new Map<string, number>() : null
  // Per column, set with the header: what else a cell feeds besides its own checks.
  let uniqueByColumn: Array<Map<string, number> | undefined> = []
  let keyPartByColumn: number[] = []
  let labelColumn = -1
  const where = (position: RowPosition): Pick<Violation, 'line' | 'rowGroup' | 'rowInGroup'> => ({
    line: position.line,
    rowGroup: position.rowGroup,
    rowInGroup: position.rowInGroup
  })

  // A later partition is handed the header: it maps the columns, but the header's own defects are the
  // first partition's to report (else the merge would count them twice).
  const headerLog = options.partition?.header ? { add: () => undefined } : log
  const onHeader = (labels: string[], line?: number): void => {
    header = labels
    const seen = new Set<string>()
    columns = labels.map((label, index) => {
      const at = { line, rowNumber: 1, fieldNumber: index + 1 }
      if (label.trim() === '') {
        headerLog.add({
          code: 'blank-label',
          ...at,
          message: `column ${index + 1} has an empty header`
        })
        return null
      }
      if (seen.has(label)) {
        headerLog.add({
          code: 'duplicate-label',
          ...at,
          field: label,
          message: `header "${label}" appears more than once`
        })
        return null
      }
      seen.add(label)
      const field = byName.get(label)
      if (!field && columnsPolicy !== 'superset') {
        headerLog.add({
          code: 'extra-label',
          ...at,
          field: label,
          message: `column "${label}" is not in the schema (schema fields: ${fields.map(f => f.name).join(', ')})`
        })
      }
      return field ?? null
    })
    uniqueByColumn = columns.map(field => (field ? uniqueSeen.get(field.name) : undefined))
    keyPartByColumn = columns.map(field => (field ? primaryKey.indexOf(field.name) : -1))
    labelColumn = columns.findIndex(field => field !== null && field.name === labelField)
    if (columnsPolicy !== 'subset') {
      for (const field of fields) {
        if (!seen.has(field.name)) {
          headerLog.add({
            code: 'missing-label',
            line,
            rowNumber: 1,
            field: field.name,
            message: `the schema's field "${field.name}" has no column (columns: ${labels.join(', ')})`
          })
        }
      }
    }
  }

  // A reader hands over either values (`cells`) or a text row (`text`); one of them is null.
  const onRow = (
    cells: unknown[] | null,
    text: TextCells | null,
    position: RowPosition,
    extraKeys?: string[]
  ): void => {
    rowNumber++
    rows++
    if (columns === null) return
    if (isBlank(cells, text)) {
      log.add({ code: 'blank-row', ...where(position), rowNumber, message: 'the row is blank' })
      return
    }
    const count = text ? text.count : cells!.length
    const width = columns.length
    const checked = Math.min(width, count)
    // The row's primary key, part by part; null once a part is missing or invalid (no key to compare).
    let keyParts: string[] | null = primaryKey.length ? new Array<string>(primaryKey.length) : null
    let keyPartsRead = 0
    for (let k = 0; k < checked; k++) {
      const field = columns[k]
      if (!field) continue
      if (cells && cells[k] === ABSENT) {
        nullCounts[field.name]++
        log.add(
          cellViolation(
            'missing-cell',
            `the row has no "${field.name}"`,
            position,
            k,
            rowNumber,
            field.name
          )
        )
        if (keyPartByColumn[k] !== -1) keyParts = null
        continue
      }
      const problem = text ? field.checkText(text, k) : field.check(cells![k])
      if (field.value === MISSING) nullCounts[field.name]++
      if (problem) {
        log.add(cellViolation(problem.code, problem.message, position, k, rowNumber, field.name))
        if (keyPartByColumn[k] !== -1) keyParts = null
        continue
      }
      if (field.value === MISSING) {
        if (keyPartByColumn[k] !== -1) keyParts = null
        continue
      }
      const seen = uniqueByColumn[k]
      if (seen) {
        const key = uniqueKey(field.value)
        const first = seen.get(key)
        if (first !== undefined)
          log.add(
            cellViolation(
              'unique-error',
              `field "${field.name}": ${JSON.stringify(String(cellAt(cells, text, k)))} already appears in row ${first}; the field must be unique`,
              position,
              k,
              rowNumber,
              field.name
            )
          )
        else seen.set(key, rowNumber)
      }
      if (keyParts && keyPartByColumn[k] !== -1) {
        keyParts[keyPartByColumn[k]] = uniqueKey(field.value)
        keyPartsRead++
      }
      if (k === labelColumn && classCounts) {
        const label = String(cellAt(cells, text, k))
        classCounts.set(label, (classCounts.get(label) ?? 0) + 1)
      }
    }
    if (keyParts && keyPartsRead === primaryKey.length) {
      const key = keyParts.join('\u0000')
      const first = primarySeen.get(key)
      if (first !== undefined) {
        log.add({
          code: 'primary-key',
          ...where(position),
          rowNumber,
          message: `primary key (${primaryKey.join(', ')}) repeats row ${first}`
        })
      } else primarySeen.set(key, rowNumber)
    }
    if (duplicateSeen) {
      const hash = rowHash(cellsOf(cells, text))
      const first = duplicateSeen.get(hash)
      if (first !== undefined) {
        duplicateRows++
        log.add({
          code: 'duplicate-row',
          ...where(position),
          rowNumber,
          message: `the row repeats row ${first}`
        })
      } else duplicateSeen.set(hash, rowNumber)
    }
    for (let k = width; k < count; k++) {
      log.add({
        code: 'extra-cell',
        line: position.fieldLines?.[k] ?? position.line,
        rowNumber,
        fieldNumber: k + 1,
        message: `row has ${count} cells but the header has ${width}: cell ${k + 1} ${JSON.stringify(cellAt(cells, text, k))} has no column${spanNote(position)}`
      })
    }
    // Only text rows can be short: a JSON row's missing keys are ABSENT cells.
    if (text) {
      for (let k = count; k < width; k++) {
        const name = columns[k]?.name ?? header[k]
        if (columns[k]) nullCounts[name]++
        log.add({
          code: 'missing-cell',
          line: position.endLine,
          rowNumber,
          fieldNumber: k + 1,
          field: name,
          message: `row has ${count} cells but the header has ${width}: no cell for column "${header[k]}"${spanNote(position)}`
        })
      }
    }
    if (extraKeys)
      for (const key of extraKeys) {
        log.add({
          code: 'extra-cell',
          ...where(position),
          rowNumber,
          message: `key "${key}" is not a column (the first row's keys are the header: ${header.join(', ')})`
        })
      }
  }

  const onProblem = (problem: TableProblem): void => {
    if (problem.code === 'blank-row') rowNumber++
    log.add({
      code: problem.code,
      line: problem.line,
      rowNumber: rowNumber + (problem.code === 'blank-row' ? 0 : 1),
      fieldNumber: problem.fieldNumber,
      message: problem.message
    })
  }

  const { linesRead, endedBetweenRecords } = await read({
    header: onHeader,
    row: (cells, position, extraKeys) => onRow(cells, null, position, extraKeys),
    textRow: (text, position) => onRow(null, text, position),
    problem: onProblem
  })
  if (columns === null && log.count === 0 && !options.partition) {
    log.add({
      code: 'blank-header',
      line: 1,
      rowNumber: 1,
      message: `the file is empty: expected a header or rows with ${fields.map(f => f.name).join(', ')}`
    })
  }
  if (!options.partition) datasetChecks(checks, rows, nullCounts, classCounts, log)
  return {
    format: options.format,
    rows,
    ...log.summary(),
    header,
    stats: {
      nullCounts,
      classCounts: classCounts ? Object.fromEntries(classCounts) : undefined,
      duplicateRows
    },
    linesRead,
    endedBetweenRecords
  }
}

/** The checks on the dataset as a whole, after every row was read. */
export function datasetChecks(
  checks: MlChecks | undefined,
  rows: number,
  nullCounts: Record<string, number>,
  classCounts: Map<string, number> | null,
  log: ViolationLog
): void {
  if (!checks) return
  const whole = { rowNumber: 0 }
  const bounds = checks.rows
  if (bounds?.min !== undefined && rows < bounds.min)
    log.add({
      code: 'row-count',
      ...whole,
      message: `${rows} rows; the schema asks for at least ${bounds.min}`
    })
  if (bounds?.max !== undefined && rows > bounds.max)
    log.add({
      code: 'row-count',
      ...whole,
      message: `${rows} rows; the schema allows at most ${bounds.max}`
    })
  if (checks.maxNullFraction !== undefined && rows > 0) {
    const limits =
      typeof checks.maxNullFraction === 'number'
        ? Object.fromEntries(
            Object.keys(nullCounts).map(name => [name, checks.maxNullFraction as number])
          )
        : checks.maxNullFraction
    for (const [name, limit] of Object.entries(limits)) {
      const fraction = (nullCounts[name] ?? 0) / rows
      if (fraction > limit) {
        log.add({
          code: 'null-fraction',
          ...whole,
          field: name,
          message: `field "${name}" is empty in ${nullCounts[name]} of ${rows} rows (${(fraction * 100).toFixed(1)} %); the schema allows ${(limit * 100).toFixed(1)} %`
        })
      }
    }
  }
  const label = checks.label
  if (label && classCounts) {
    for (const expected of label.classes ?? []) {
      if (!classCounts.has(String(expected))) {
        log.add({
          code: 'label-class-missing',
          ...whole,
          field: label.column,
          message: `class "${expected}" of "${label.column}" never appears (found: ${[...classCounts.keys()].join(', ')})`
        })
      }
    }
    if (label.minShare !== undefined && rows > 0) {
      for (const [value, count] of classCounts) {
        if (count / rows < label.minShare) {
          log.add({
            code: 'label-class-share',
            ...whole,
            field: label.column,
            message: `class "${value}" of "${label.column}" is ${((100 * count) / rows).toFixed(1)} % of the rows (${count}); the schema asks for at least ${(label.minShare * 100).toFixed(1)} %`
          })
        }
      }
    }
  }
}
