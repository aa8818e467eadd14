import { readFile } from 'node:fs/promises'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { UserError } from '../errors.js'
import { displayPath, requireFile } from '../file-info.js'
import { primaryKeyOf } from './primary-key.js'
import { formatIssues } from '../zod-issues.js'

/** Every Frictionless Table Schema field type. */
export const FIELD_TYPES = [
  'string',
  'number',
  'integer',
  'boolean',
  'date',
  'datetime',
  'time',
  'year',
  'yearmonth',
  'duration',
  'object',
  'array',
  'geopoint',
  'geojson',
  'any'
] as const
export type FieldType = (typeof FIELD_TYPES)[number]

const bound = z.union([z.number(), z.string()])

// Table Schema allows properties we do not use (title, description, rdfType, ...), so objects are loose.
const constraintsSchema = z.looseObject({
  required: z.boolean().optional(),
  unique: z.boolean().optional(),
  minLength: z.number().int().nonnegative().optional(),
  maxLength: z.number().int().nonnegative().optional(),
  minimum: bound.optional(),
  maximum: bound.optional(),
  exclusiveMinimum: bound.optional(),
  exclusiveMaximum: bound.optional(),
  enum: z
    .array(z.union([z.string(), z.number(), z.boolean()]))
    .min(1)
    .optional(),
  pattern: z.string().optional()
})

const fieldSchema = z.looseObject({
  name: z.string().min(1),
  type: z.enum(FIELD_TYPES).default('string'),
  format: z.string().optional(),
  constraints: constraintsSchema.optional(),
  missingValues: z.array(z.string()).optional(),
  trueValues: z.array(z.string()).optional(),
  falseValues: z.array(z.string()).optional(),
  decimalChar: z.string().min(1).optional(),
  groupChar: z.string().optional(),
  bareNumber: z.boolean().optional()
})

const fraction = z.number().min(0).max(1)

/** ml-smoke's dataset-level checks, kept under their own key so the rest stays a plain Table Schema. */
export const mlChecksSchema = z.strictObject({
  rows: z
    .strictObject({
      min: z.number().int().nonnegative().optional(),
      max: z.number().int().positive().optional()
    })
    .optional(),
  maxNullFraction: z.union([fraction, z.record(z.string(), fraction)]).optional(),
  label: z
    .strictObject({
      column: z.string().min(1),
      classes: z
        .array(z.union([z.string(), z.number(), z.boolean()]))
        .min(1)
        .optional(),
      minShare: fraction.optional()
    })
    .optional(),
  duplicateRows: z.enum(['allow', 'error']).default('allow'),
  columns: z.enum(['exact', 'subset', 'superset']).default('exact')
})

/** The model's answer to one row, as a table of its own (the model API stage: predict/answer-schema.ts). */
export const predictionsSchema = z.strictObject({
  fields: z.array(fieldSchema).min(1).optional(),
  missingValues: z.array(z.string()).optional(),
  prediction: z.string().min(1).optional(),
  probabilities: z.string().min(1).optional(),
  id: z.string().min(1).optional()
})

export const tableSchemaSchema = z.looseObject({
  $schema: z.string().optional(),
  fields: z.array(fieldSchema).min(1),
  missingValues: z.array(z.string()).default(['']),
  primaryKey: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  mlChecks: mlChecksSchema.optional(),
  predictions: predictionsSchema.optional()
})

export type TableSchema = z.infer<typeof tableSchemaSchema>
export type FieldDescriptor = z.infer<typeof fieldSchema>
export type MlChecks = z.infer<typeof mlChecksSchema>
export type PredictionsSection = z.infer<typeof predictionsSchema>

/** The JSON Schema of schema files, for editors (`# yaml-language-server: $schema=...`). */
export function schemaFileJsonSchema(): object {
  return z.toJSONSchema(tableSchemaSchema, { io: 'input', unrepresentable: 'any' })
}

/** Parses schema file text (YAML or JSON; JSON is YAML) and checks its shape. */
export function parseTableSchema(text: string, fileLabel: string): TableSchema {
  let raw: unknown
  try {
    raw = parseYaml(text, { prettyErrors: true })
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line
    throw new UserError(
      `${fileLabel}${line ? `:${line}` : ''}: not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`
    )
  }
  const result = tableSchemaSchema.safeParse(raw, { reportInput: true })
  if (!result.success) {
    throw new UserError(formatIssues(`${fileLabel}: `, result.error))
  }
  const schema = result.data
  const names = new Set<string>()
  schema.fields.forEach((field, index) => {
    if (names.has(field.name)) {
      throw new UserError(
        `${fileLabel}: fields[${index}].name: "${field.name}" is used by an earlier field`
      )
    }
    names.add(field.name)
  })
  const keys = primaryKeyOf(schema)
  for (const key of keys) {
    if (!names.has(key))
      throw new UserError(
        `${fileLabel}: primaryKey: "${key}" is not a field (fields: ${[...names].join(', ')})`
      )
  }
  const label = schema.mlChecks?.label?.column
  if (label !== undefined && !names.has(label)) {
    throw new UserError(
      `${fileLabel}: mlChecks.label.column: "${label}" is not a field (fields: ${[...names].join(', ')})`
    )
  }
  if (typeof schema.mlChecks?.maxNullFraction === 'object') {
    for (const name of Object.keys(schema.mlChecks.maxNullFraction)) {
      if (!names.has(name))
        throw new UserError(`${fileLabel}: mlChecks.maxNullFraction.${name}: not a field`)
    }
  }
  return schema
}

export async function loadTableSchema(file: string, workspace: string): Promise<TableSchema> {
  const label = displayPath(workspace, file)
  await requireFile(file, label, 'schema file')
  return parseTableSchema(await readFile(file, 'utf8'), label)
}
