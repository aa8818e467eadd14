import type { CompiledField } from './cells/field.js'
import type { MlChecks } from './schema.js'
import type { Violation } from './validation-types.js'

/** Where header violations go (a later partition's header is the first partition's to report). */
type HeaderLog = { add(violation: Violation): void }

/**
 * The field each column of a header holds (null: a blank or repeated label, or a column the schema does
 * not name), logging the header's defects: blank, duplicate, extra and missing labels, as `columns` allows.
 */
export function columnsOfHeader(
  labels: string[],
  line: number | undefined,
  fields: readonly CompiledField[],
  columns: MlChecks['columns'],
  log: HeaderLog
): Array<CompiledField | null> {
  const byName = new Map(fields.map(field => [field.name, field]))
  const seen = new Set<string>()
  const mapped = labels.map((label, index) => {
    const at = { line, rowNumber: 1, fieldNumber: index + 1 }
    if (label.trim() === '') {
      log.add({ code: 'blank-label', ...at, message: `column ${index + 1} has an empty header` })
      return null
    }
    if (seen.has(label)) {
      log.add({
        code: 'duplicate-label',
        ...at,
        field: label,
        message: `header "${label}" appears more than once`
      })
      return null
    }
    seen.add(label)
    const field = byName.get(label)
    if (!field && columns !== 'superset') {
      log.add({
        code: 'extra-label',
        ...at,
        field: label,
        message: `column "${label}" is not in the schema (schema fields: ${fields.map(f => f.name).join(', ')})`
      })
    }
    return field ?? null
  })
  if (columns !== 'subset') missingLabels(labels, line, fields, seen, log)
  return mapped
}

function missingLabels(
  labels: string[],
  line: number | undefined,
  fields: readonly CompiledField[],
  seen: Set<string>,
  log: HeaderLog
): void {
  for (const field of fields) {
    if (!seen.has(field.name)) {
      log.add({
        code: 'missing-label',
        line,
        rowNumber: 1,
        field: field.name,
        message: `the schema's field "${field.name}" has no column (columns: ${labels.join(', ')})`
      })
    }
  }
}
