import { z } from 'zod'
import { UserError } from '../errors.js'
import { displayPath, requireFile } from '../file-info.js'
import { closest } from '../suggest.js'
import { parseYamlText, readYamlFileText } from '../yaml-text.js'
import { formatIssues } from '../zod-issues.js'
import { compileSchema } from './cells/field.js'
import { loadJsonSchemaValidator, usesJsonSchema } from './cells/json-schema.js'
import { primaryKeyOf } from './primary-key.js'
import {
  CONSTRAINTS,
  DIALECT_OPTIONS,
  FIELD_PROPERTIES,
  FIELD_TYPES,
  type FieldType,
  unknownKeys
} from './schema-keys.js'

export { FIELD_TYPES, type FieldType } from './schema-keys.js'

import {
  tableSchemaSchema,
  type ArrayItemDescriptor,
  type FieldDescriptor,
  type TableSchema
} from './schema-shape.js'

export {
  FIELDS_MATCH,
  LIST_ITEM_TYPES,
  mlChecksSchema,
  predictionsSchema,
  tableSchemaSchema,
  type ArrayItemDescriptor,
  type FieldDescriptor,
  type FieldsMatch,
  type MlChecks,
  type PredictionsSection,
  type TableSchema
} from './schema-shape.js'

/** The formats of each type; date, time and datetime also take a strptime pattern (see formatProblem). */
const FORMATS: Partial<Record<FieldType, readonly string[]>> = {
  string: ['default', 'email', 'uri', 'binary', 'uuid', 'wkt'],
  date: ['default', 'any'],
  time: ['default', 'any'],
  datetime: ['default', 'any'],
  geopoint: ['default', 'array', 'object'],
  geojson: ['default', 'topojson']
}
const DATE_LIKE = new Set<FieldType>(['date', 'time', 'datetime'])

/** A JSON Schema `if/then` per field type: its format, and no property of another type. */
function fieldTypeRules(): object[] {
  return FIELD_TYPES.map(type => {
    const foreign = Object.entries(FIELD_PROPERTIES)
      .filter(([, types]) => types && !types.includes(type))
      .map(([key]) => [key, false])
    const formats = FORMATS[type] ?? ['default']
    const format = DATE_LIKE.has(type)
      ? { anyOf: [{ enum: formats }, { type: 'string', pattern: '%' }] }
      : { enum: formats }
    return {
      // A field with no type is a string field.
      if: {
        properties: { type: { const: type } },
        ...(type === 'string' ? {} : { required: ['type'] })
      },
      then: { properties: { format, ...Object.fromEntries(foreign) } }
    }
  })
}

/** The JSON Schema of schema files, for editors (`# yaml-language-server: $schema=...`). */
export function schemaFileJsonSchema(): object {
  const schema = z.toJSONSchema(tableSchemaSchema, {
    io: 'input',
    unrepresentable: 'any'
  }) as unknown as {
    properties: { fields: { items: Record<string, unknown> } } & Record<string, unknown>
  }
  // A Table Dialect option describes the file, not its fields: it goes in the dialect option, not here.
  for (const name of DIALECT_OPTIONS) schema.properties[name] = false
  const field = schema.properties.fields.items as {
    properties: Record<string, unknown>
    allOf?: object[]
  }
  // A constraint written on the field instead of under constraints would check nothing.
  for (const name of CONSTRAINTS) field.properties[name] = false
  field.allOf = fieldTypeRules()
  return schema
}

/** Why `format` does not suit the field's type, or null. */
function formatProblem(type: FieldType, format: string): string | null {
  const formats = FORMATS[type] ?? ['default']
  if (formats.includes(format)) return null
  if (DATE_LIKE.has(type)) {
    if (/%[A-Za-z%]/.test(format.replace(/^fmt:/, ''))) return null
    return `"${format}" is not a format of ${type} fields: default, any, or a strptime pattern such as %d/%m/%Y`
  }
  const near = closest(format, formats)
  return `"${format}" is not a format of ${type} fields (${formats.join(', ')})${near ? `; did you mean "${near}"?` : ''}`
}

/** The problems of a field (or an array item) that its shape alone does not show. */
function fieldProblems(field: FieldDescriptor | ArrayItemDescriptor, where: string): string[] {
  const problems: string[] = []
  const format = field.format === undefined ? null : formatProblem(field.type, field.format)
  if (format) problems.push(`${where}.format: ${format}`)
  if (field.categoriesOrdered !== undefined && field.categories === undefined)
    problems.push(`${where}.categoriesOrdered: only with categories`)
  if (field.constraints?.jsonSchema && field.type !== 'object' && field.type !== 'array')
    problems.push(
      `${where}.constraints.jsonSchema: only for object and array fields (this field is ${field.type})`
    )
  if (field.itemType !== undefined && field.type !== 'list')
    problems.push(`${where}.itemType: only for list fields`)
  return problems
}

/** The problems that need more than one key: names that must exist or not repeat, keys, formats. */
function semanticProblems(schema: TableSchema): string[] {
  const problems: string[] = []
  const names = new Set<string>()
  schema.fields.forEach((field, index) => {
    if (names.has(field.name))
      problems.push(`fields[${index}].name: "${field.name}" is used by an earlier field`)
    names.add(field.name)
    problems.push(...fieldProblems(field, `fields[${index}]`))
    if (field.arrayItem) {
      problems.push(...fieldProblems(field.arrayItem, `fields[${index}].arrayItem`))
      if (field.arrayItem.constraints?.unique !== undefined)
        problems.push(
          `fields[${index}].arrayItem.constraints.unique: unique is about a column, not the items of one cell`
        )
    }
  })
  const known = `(fields: ${[...names].join(', ')})`
  const mustBeFields = (list: readonly string[], where: string, indexed = true): void => {
    list.forEach((name, i) => {
      if (!names.has(name))
        problems.push(`${where}${indexed ? `[${i}]` : ''}: "${name}" is not a field ${known}`)
    })
  }
  mustBeFields(primaryKeyOf(schema), 'primaryKey', Array.isArray(schema.primaryKey))
  schema.uniqueKeys?.forEach((key, i) => mustBeFields(key, `uniqueKeys[${i}]`))
  schema.foreignKeys?.forEach((key, i) => {
    const where = `foreignKeys[${i}]`
    if (key.reference.resource)
      problems.push(
        `${where}.reference.resource: "${key.reference.resource}" is another resource, which needs a Data Package; ml-smoke reads one table and checks only foreign keys into the same table (no resource)`
      )
    mustBeFields(key.fields, `${where}.fields`)
    if (!key.reference.resource) mustBeFields(key.reference.fields, `${where}.reference.fields`)
    if (key.fields.length !== key.reference.fields.length)
      problems.push(
        `${where}: ${key.fields.length} fields refer to ${key.reference.fields.length} reference fields; they must pair up`
      )
  })
  const label = schema.mlChecks?.label?.column
  if (label !== undefined && !names.has(label))
    problems.push(`mlChecks.label.column: "${label}" is not a field ${known}`)
  if (typeof schema.mlChecks?.maxNullFraction === 'object') {
    for (const name of Object.keys(schema.mlChecks.maxNullFraction)) {
      if (!names.has(name)) problems.push(`mlChecks.maxNullFraction.${name}: not a field`)
    }
  }
  return problems
}

/** A hint for a file that is a Data Resource or Data Package rather than a Table Schema. */
function descriptorHint(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || 'fields' in raw) return undefined
  if ('schema' in raw || 'resources' in raw)
    return 'this looks like a Data Resource or Data Package descriptor: point schema at its Table Schema (the object under "schema:", with "fields:")'
  return undefined
}

/**
 * Parses schema file text (YAML or JSON; JSON is YAML) and checks every key it holds. A schema that uses
 * constraints.jsonSchema needs `loadJsonSchemaValidator()` first (loadTableSchema does it).
 */
export function parseTableSchema(text: string, fileLabel: string): TableSchema {
  const raw = parseYamlText(text, fileLabel)
  const keyProblems = unknownKeys(raw)
  const result = tableSchemaSchema.safeParse(raw, { reportInput: true })
  const problems = [
    ...keyProblems.map(problem => `${fileLabel}: ${problem}`),
    // schema-keys.ts has named every unknown key already, with a "did you mean".
    ...(result.success
      ? []
      : formatIssues(
          `${fileLabel}: `,
          new z.ZodError(result.error.issues.filter(issue => issue.code !== 'unrecognized_keys'))
        )
          .split('\n')
          .filter(Boolean))
  ]
  if (result.success)
    problems.push(...semanticProblems(result.data).map(problem => `${fileLabel}: ${problem}`))
  // An unknown key where schema-keys.ts does not look (inside predictions, say) is still refused.
  else if (!problems.length)
    problems.push(...formatIssues(`${fileLabel}: `, result.error).split('\n'))
  if (problems.length)
    throw new UserError([...new Set(problems)].join('\n'), { hint: descriptorHint(raw) })
  // Compiled once here too, so a value that does not fit its field (a bound, an enum option, a
  // jsonSchema) is refused before any data is read.
  compileSchema(result.data!, fileLabel)
  return result.data!
}

export async function loadTableSchema(file: string, workspace: string): Promise<TableSchema> {
  const label = displayPath(workspace, file)
  await requireFile(file, label, 'schema file')
  const text = await readYamlFileText(file, label)
  if (/jsonSchema/.test(text)) await loadJsonSchemaValidator()
  return parseTableSchema(text, label)
}

export { loadJsonSchemaValidator, usesJsonSchema }
