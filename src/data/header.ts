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
  line: number | undefined,
  fields: readonly CompiledField[],
  fieldsMatch: FieldsMatch,
  log: HeaderLog
): Array<CompiledField | null> {
  return fieldsMatch === 'exact'
    ? byPosition(labels, line, fields, log)
    : byName(labels, line, fields, fieldsMatch, log)
}

// frictionless-py's order: extra labels, then missing ones, then each column against its field.
function byPosition(
  labels: string[],
  line: number | undefined,
  fields: readonly CompiledField[],
  log: HeaderLog
): CompiledField[] {
  labels.slice(fields.length).forEach((label, offset) => {
    const index = fields.length + offset
    log.add({
      code: 'extra-label',
      line,
      rowNumber: 1,
      fieldNumber: index + 1,
      field: label,
      message: `column ${index + 1} "${label}" is past the schema's ${fields.length} fields (fieldsMatch: exact pairs columns with fields by position; subset lets extra columns through)`
    })
  })
  fields.slice(labels.length).forEach((field, offset) => {
    const index = labels.length + offset
    log.add({
      code: 'missing-label',
      line,
      rowNumber: 1,
      fieldNumber: index + 1,
      field: field.name,
      message: `the schema's field ${index + 1} "${field.name}" has no column: the header has ${labels.length} (${labels.join(', ')})`
    })
  })
  const seen = new Set<string>()
  fields.slice(0, labels.length).forEach((field, index) => {
    const label = labels[index]
    const at = { line, rowNumber: 1, fieldNumber: index + 1, field: field.name }
    if (label.trim() === '')
      log.add({
        code: 'blank-label',
        ...at,
        message: `column ${index + 1} has an empty header (the schema's field ${index + 1} is "${field.name}")`
      })
    else if (seen.has(label))
      log.add({
        code: 'duplicate-label',
        ...at,
        message: `header "${label}" appears more than once (column ${index + 1}; the schema's field ${index + 1} is "${field.name}")`
      })
    else if (label.replace(/\n/g, ' ').trim() !== field.name)
      log.add({
        code: 'incorrect-label',
        ...at,
        message: `column ${index + 1} is "${label}" but the schema's field ${index + 1} is "${field.name}" (fieldsMatch: exact pairs them by position; fieldsMatch: equal pairs them by name)`
      })
    seen.add(label)
  })
  return [...fields]
}

function byName(
  labels: string[],
  line: number | undefined,
  fields: readonly CompiledField[],
  fieldsMatch: FieldsMatch,
  log: HeaderLog
): Array<CompiledField | null> {
  const byName = new Map(fields.map(field => [field.name, field]))
  const seen = new Set<string>()
  const columns = labels.map((label, index) => {
    const at = { line, rowNumber: 1, fieldNumber: index + 1 }
    if (seen.has(label)) {
      log.add({
        code: 'duplicate-label',
        ...at,
        field: label,
        message: `header "${label}" appears more than once (fieldsMatch: ${fieldsMatch} pairs columns with fields by name; this column is not checked)`
      })
      return null
    }
    seen.add(label)
    const field = byName.get(label)
    if (!field && !TOLERATES_EXTRA_LABELS.includes(fieldsMatch))
      log.add({
        code: 'extra-label',
        ...at,
        field: label,
        message: `column "${label}" is not in the schema (schema fields: ${fields.map(f => f.name).join(', ')}; fieldsMatch: subset lets extra columns through)`
      })
    return field ?? null
  })
  if (fieldsMatch === 'partial' && fields.length > 0 && !labels.some(label => byName.has(label)))
    log.add({
      code: 'unmatched-header',
      line,
      rowNumber: 1,
      message: `no column is a field of the schema (fieldsMatch: partial needs at least one; columns: ${labels.join(', ')})`
    })
  const optional = TOLERATES_MISSING_FIELDS.includes(fieldsMatch)
  fields.forEach((field, index) => {
    if (seen.has(field.name) || (optional && !field.required)) return
    log.add({
      code: 'missing-label',
      line,
      rowNumber: 1,
      fieldNumber: index + 1,
      field: field.name,
      message: `the schema's field "${field.name}"${optional ? ' is required but' : ''} has no column (columns: ${labels.join(', ')})`
    })
  })
  return columns
}
