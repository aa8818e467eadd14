import { z } from 'zod'
import { FIELD_TYPES } from './schema-keys.js'

// The shape of a schema file, as zod schemas and the types inferred from them: what every part of data/
// reads a schema as, with no code that compiles or loads one (so cells/ can import its types).

/** Table Schema v2's ways of matching the data's columns to the fields; `exact` (by position) is its default. */
export const FIELDS_MATCH = ['exact', 'equal', 'subset', 'superset', 'partial'] as const
export type FieldsMatch = (typeof FIELDS_MATCH)[number]

/** The item types of a `list` field. */
export const LIST_ITEM_TYPES = [
  'string',
  'integer',
  'number',
  'boolean',
  'date',
  'datetime',
  'time'
] as const

const bound = z.union([z.number(), z.string()])
const value = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.unknown()),
  z.record(z.string(), z.unknown())
])

/** Values that must not repeat (missing values and categories, and their labels). */
function unique(values: unknown[], what: string, ctx: z.RefinementCtx, key?: string): void {
  const seen = new Set<string>()
  values.forEach((entry, index) => {
    if (entry === undefined) return
    const text = JSON.stringify(entry)
    if (seen.has(text))
      ctx.addIssue({
        code: 'custom',
        path: key ? [index, key] : [index],
        input: entry,
        message: `repeats an earlier ${what}`
      })
    seen.add(text)
  })
}

/** Plain strings, or (v2) objects with a value and an optional label; parsed as the strings. */
const missingValuesSchema = z
  .union([
    z.array(z.string()),
    z.array(z.strictObject({ value: z.string(), label: z.string().optional() }))
  ])
  .superRefine((entries, ctx) => {
    if (entries.some(entry => typeof entry === 'string')) return
    const objects = entries as Array<{ value: string; label?: string }>
    unique(
      objects.map(entry => entry.value),
      'missing value',
      ctx,
      'value'
    )
    unique(
      objects.map(entry => entry.label),
      'label',
      ctx,
      'label'
    )
  })
  .transform(entries => entries.map(entry => (typeof entry === 'string' ? entry : entry.value)))

const categoryValue = z.union([z.string(), z.number()])
/** A list of values, or of {value, label} objects; parsed as the values. */
const categoriesSchema = z
  .union([
    z.array(categoryValue).min(1),
    z.array(z.strictObject({ value: categoryValue, label: z.string().optional() })).min(1)
  ])
  .superRefine((entries, ctx) => {
    const objects = entries.filter(entry => typeof entry === 'object')
    const values = entries.map(entry => (typeof entry === 'object' ? entry.value : entry))
    unique(values, 'category', ctx, objects.length ? 'value' : undefined)
    unique(
      objects.map(entry => entry.label),
      'label',
      ctx,
      'label'
    )
  })
  .transform(entries => entries.map(entry => (typeof entry === 'object' ? entry.value : entry)))

const constraintsSchema = z.strictObject({
  required: z.boolean().optional(),
  unique: z.boolean().optional(),
  minLength: z.number().int().nonnegative().optional(),
  maxLength: z.number().int().nonnegative().optional(),
  minimum: bound.optional(),
  maximum: bound.optional(),
  exclusiveMinimum: bound.optional(),
  exclusiveMaximum: bound.optional(),
  enum: z.array(value).min(1).optional(),
  pattern: z.string().optional(),
  jsonSchema: z.record(z.string(), z.unknown()).optional()
})

// Descriptors are open (custom properties are allowed): loose objects. The keys that are not allowed
// (a typo of a known one, a property of another type) are found by schema-keys.ts.
const fieldShape = {
  name: z.string().min(1),
  title: z.string().optional(),
  description: z.string().optional(),
  example: z.unknown().optional(),
  rdfType: z.string().optional(),
  type: z.enum(FIELD_TYPES).default('string'),
  format: z.string().optional(),
  constraints: constraintsSchema.optional(),
  missingValues: missingValuesSchema.optional(),
  trueValues: z.array(z.string()).min(1).optional(),
  falseValues: z.array(z.string()).min(1).optional(),
  decimalChar: z.string().min(1).optional(),
  groupChar: z.string().optional(),
  bareNumber: z.boolean().optional(),
  categories: categoriesSchema.optional(),
  categoriesOrdered: z.boolean().optional(),
  delimiter: z.string().min(1).optional(),
  itemType: z.enum(LIST_ITEM_TYPES).optional()
}

/** frictionless-py's arrayItem: a field without a name (or its own), checked against every item. */
const arrayItemSchema = z.looseObject({
  ...fieldShape,
  name: z.string().min(1).optional(),
  type: z.enum(FIELD_TYPES).default('any')
})

const fieldSchema = z.looseObject({ ...fieldShape, arrayItem: arrayItemSchema.optional() })

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
  duplicateRows: z.enum(['allow', 'error']).default('allow')
})

/** A field name or a list of them; parsed as the list. */
const fieldNames = z
  .union([z.string(), z.array(z.string()).min(1)])
  .transform(names => [names].flat())

const foreignKeySchema = z.strictObject({
  fields: fieldNames,
  reference: z.strictObject({ resource: z.string().optional(), fields: fieldNames })
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
  fieldsMatch: z.enum(FIELDS_MATCH).default('exact'),
  missingValues: missingValuesSchema.default(['']),
  primaryKey: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  uniqueKeys: z.array(z.array(z.string()).min(1)).min(1).optional(),
  foreignKeys: z.array(foreignKeySchema).optional(),
  mlChecks: mlChecksSchema.optional(),
  predictions: predictionsSchema.optional()
})

export type TableSchema = z.infer<typeof tableSchemaSchema>
export type FieldDescriptor = z.infer<typeof fieldSchema>
export type ArrayItemDescriptor = z.infer<typeof arrayItemSchema>
export type MlChecks = z.infer<typeof mlChecksSchema>
export type PredictionsSection = z.infer<typeof predictionsSchema>
