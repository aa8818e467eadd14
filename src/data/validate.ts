import { readCsvFile, type CsvRecord, type CsvSyntaxProblem } from './csv.js'
import { compileSchema, type CompiledField } from './fields.js'
import type { TableSchema } from './schema.js'

/** One defect in the data, positioned the way both an editor and Frictionless count. */
export interface Violation {
  /** Frictionless error type where one fits: type-error, constraint-error, missing-cell, ... */
  code: string
  /** Physical line in the file (1-based). */
  line: number
  /** Frictionless row number: the header is row 1 and a multi-line quoted record counts once. */
  rowNumber: number
  /** 1-based position of the cell in its record. */
  fieldNumber?: number
  field?: string
  message: string
}

export interface ValidationResult {
  /** Data rows read (the header is not counted). */
  rows: number
  violationCount: number
  /** The first `maxViolations` violations, in file order. */
  violations: Violation[]
  truncated: boolean
  countsByCode: Record<string, number>
  countsByField: Record<string, number>
  header: string[]
}

export interface ValidateOptions {
  delimiter: string
  maxViolations: number
  schemaLabel: string
}

class ViolationLog {
  readonly kept: Violation[] = []
  readonly countsByCode: Record<string, number> = {}
  readonly countsByField: Record<string, number> = {}
  count = 0

  constructor(private readonly max: number) {}

  add(violation: Violation): void {
    this.count++
    this.countsByCode[violation.code] = (this.countsByCode[violation.code] ?? 0) + 1
    if (violation.field !== undefined) {
      this.countsByField[violation.field] = (this.countsByField[violation.field] ?? 0) + 1
    }
    if (this.kept.length < this.max) this.kept.push(violation)
  }
}

function spanNote(record: CsvRecord): string {
  return record.endLine > record.line
    ? ` (this record spans lines ${record.line}-${record.endLine} because a quoted field holds line breaks: check for an unbalanced quote)`
    : ''
}

/** Checks the header against the schema; returns, for each column, the field that checks it (or null). */
function mapHeader(
  header: CsvRecord,
  fields: CompiledField[],
  log: ViolationLog
): Array<CompiledField | null> {
  const byName = new Map(fields.map(field => [field.name, field]))
  const seen = new Set<string>()
  const columns = header.fields.map((label, index) => {
    const position = { line: header.line, rowNumber: 1, fieldNumber: index + 1 }
    if (label.trim() === '') {
      log.add({
        code: 'blank-label',
        ...position,
        message: `column ${index + 1} has an empty header`
      })
      return null
    }
    if (seen.has(label)) {
      log.add({
        code: 'duplicate-label',
        ...position,
        field: label,
        message: `header "${label}" appears more than once`
      })
      return null
    }
    seen.add(label)
    const field = byName.get(label)
    if (!field) {
      log.add({
        code: 'extra-label',
        ...position,
        field: label,
        message: `column "${label}" is not in the schema (schema fields: ${fields.map(f => f.name).join(', ')})`
      })
      return null
    }
    return field
  })
  for (const field of fields) {
    if (!seen.has(field.name)) {
      log.add({
        code: 'missing-label',
        line: header.line,
        rowNumber: 1,
        field: field.name,
        message: `the schema's field "${field.name}" has no column in the header (header: ${header.fields.join(', ')})`
      })
    }
  }
  return columns
}

/** Validates a whole CSV file against a Table Schema in one streaming pass. */
export async function validateCsv(
  file: string,
  schema: TableSchema,
  options: ValidateOptions
): Promise<ValidationResult> {
  const fields = compileSchema(schema, options.schemaLabel)
  const log = new ViolationLog(options.maxViolations)
  let columns: Array<CompiledField | null> | null = null
  let header: string[] = []
  let rowNumber = 0

  const onRecord = (record: CsvRecord): void => {
    rowNumber++
    if (columns === null) {
      header = record.fields
      columns = mapHeader(record, fields, log)
      return
    }
    const cells = record.fields
    if (cells.every(cell => cell === '')) {
      log.add({ code: 'blank-row', line: record.line, rowNumber, message: 'the row is blank' })
      return
    }
    const width = columns.length
    const checked = Math.min(width, cells.length)
    for (let k = 0; k < checked; k++) {
      const field = columns[k]
      if (!field) continue
      const problem = field.check(cells[k])
      if (problem) {
        log.add({
          code: problem.code,
          line: record.fieldLines?.[k] ?? record.line,
          rowNumber,
          fieldNumber: k + 1,
          field: field.name,
          message: problem.message
        })
      }
    }
    for (let k = width; k < cells.length; k++) {
      log.add({
        code: 'extra-cell',
        line: record.fieldLines?.[k] ?? record.line,
        rowNumber,
        fieldNumber: k + 1,
        message: `row has ${cells.length} cells but the header has ${width}: cell ${k + 1} ${JSON.stringify(cells[k])} has no column${spanNote(record)}`
      })
    }
    for (let k = cells.length; k < width; k++) {
      log.add({
        code: 'missing-cell',
        line: record.endLine,
        rowNumber,
        fieldNumber: k + 1,
        field: columns[k]?.name ?? header[k],
        message: `row has ${cells.length} cells but the header has ${width}: no cell for column "${header[k]}"${spanNote(record)}`
      })
    }
  }
  const onProblem = (problem: CsvSyntaxProblem): void => {
    log.add({
      code: problem.code,
      line: problem.line,
      rowNumber: rowNumber + 1,
      fieldNumber: problem.fieldNumber,
      message: problem.message
    })
  }

  await readCsvFile(file, { delimiter: options.delimiter, keepRaw: false }, onRecord, onProblem)
  if (columns === null && log.count === 0) {
    log.add({
      code: 'blank-header',
      line: 1,
      rowNumber: 1,
      message: `the file is empty: expected a header row with ${fields.map(f => f.name).join(', ')}`
    })
  }
  return {
    rows: Math.max(0, rowNumber - 1),
    violationCount: log.count,
    violations: log.kept,
    truncated: log.count > log.kept.length,
    countsByCode: log.countsByCode,
    countsByField: log.countsByField,
    header
  }
}
