// The header against the schema's fields, as Table Schema v2's fieldsMatch says (frictionless-py's
// table/header.py does the same): `exact`, the default, pairs columns and fields by position; the other
// modes pair them by name and differ only in which mismatch they tolerate.
import type { CompiledField } from './cells/field.js'
import type { FieldsMatch } from './schema.js'
import type { Violation } from './validation-types.js'

/** Where header violations go (a later partition's header is the first partition's to report). */
type HeaderLog = { add(violation: Violation): void }

const TOLERATES_EXTRA_LABELS: readonly FieldsMatch[] = ['subset', 'partial']
const TOLERATES_MISSING_FIELDS: readonly FieldsMatch[] = ['superset', 'partial']

/**
 * The field each column holds (null: none), logging the header's defects. Under `exact` the result has
 * one entry per field, whatever the header's width: a row's cells past the fields are extra cells, and
 * fields past its cells are missing ones. By name, it has one entry per label.
 */
export function columnsOfHeader(
  labels: string[],
  where: { line?: number; rowNumber: number },
  fields: readonly CompiledField[],
  fieldsMatch: FieldsMatch,
  log: HeaderLog
): Array<CompiledField | null> {
  const header = new Header(labels, where, fields, log)
  return fieldsMatch === 'exact' ? header.byPosition() : header.byName(fieldsMatch)
}

/** A header read against the fields, reporting its defects as it goes. */
class Header {
  constructor(
    private readonly labels: string[],
    private readonly where: { line?: number; rowNumber: number },
    private readonly fields: readonly CompiledField[],
    private readonly log: HeaderLog
  ) {}

  /** A defect of the header (row 1, or a dialect's first header row), at a column's or a field's position. */
  private add(
    code: string,
    fieldNumber: number | undefined,
    field: string | undefined,
    message: string
  ) {
    const { line, rowNumber } = this.where
    this.log.add({ code, line, rowNumber, fieldNumber, field, message })
  }

  // frictionless-py's order: extra labels, then missing ones, then each column against its field.
  byPosition(): CompiledField[] {
    const { labels, fields } = this
    labels.slice(fields.length).forEach((label, offset) => {
      const number = fields.length + offset + 1
      this.add(
        'extra-label',
        number,
        label,
        `column ${number} "${label}" is past the schema's ${fields.length} fields (fieldsMatch: exact pairs columns with fields by position; subset lets extra columns through)`
      )
    })
    fields.slice(labels.length).forEach((field, offset) => {
      const number = labels.length + offset + 1
      this.add(
        'missing-label',
        number,
        field.name,
        `the schema's field ${number} "${field.name}" has no column: the header has ${labels.length} (${labels.join(', ')})`
      )
    })
    const seen = new Set<string>()
    fields.slice(0, labels.length).forEach((field, index) => {
      const label = labels[index]
      const number = index + 1
      const theField = `the schema's field ${number} is "${field.name}"`
      if (label.trim() === '')
        this.add(
          'blank-label',
          number,
          field.name,
          `column ${number} has an empty header (${theField})`
        )
      else if (seen.has(label))
        this.add(
          'duplicate-label',
          number,
          field.name,
          `header "${label}" appears more than once (column ${number}; ${theField})`
        )
      else if (label.replace(/\n/g, ' ').trim() !== field.name)
        this.add(
          'incorrect-label',
          number,
          field.name,
          `column ${number} is "${label}" but ${theField} (fieldsMatch: exact pairs them by position; fieldsMatch: equal pairs them by name)`
        )
      seen.add(label)
    })
    return [...fields]
  }

  byName(fieldsMatch: FieldsMatch): Array<CompiledField | null> {
    const { labels, fields } = this
    const byName = new Map(fields.map(field => [field.name, field]))
    const seen = new Set<string>()
    const columns = labels.map((label, index) => {
      if (seen.has(label)) {
        this.add(
          'duplicate-label',
          index + 1,
          label,
          `header "${label}" appears more than once (fieldsMatch: ${fieldsMatch} pairs columns with fields by name; this column is not checked)`
        )
        return null
      }
      seen.add(label)
      const field = byName.get(label)
      if (!field && !TOLERATES_EXTRA_LABELS.includes(fieldsMatch))
        this.add(
          'extra-label',
          index + 1,
          label,
          `column "${label}" is not in the schema (schema fields: ${fields.map(f => f.name).join(', ')}; fieldsMatch: subset lets extra columns through)`
        )
      return field ?? null
    })
    if (fieldsMatch === 'partial' && fields.length > 0 && !labels.some(label => byName.has(label)))
      this.add(
        'unmatched-header',
        undefined,
        undefined,
        `no column is a field of the schema (fieldsMatch: partial needs at least one; columns: ${labels.join(', ')})`
      )
    const optional = TOLERATES_MISSING_FIELDS.includes(fieldsMatch)
    fields.forEach((field, index) => {
      if (seen.has(field.name) || (optional && !field.required)) return
      this.add(
        'missing-label',
        index + 1,
        field.name,
        `the schema's field "${field.name}"${optional ? ' is required but' : ''} has no column (columns: ${labels.join(', ')})`
      )
    })
    return columns
  }
}
