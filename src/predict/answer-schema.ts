// The schema file's `predictions:` section: what one answer of the model looks like, as a table schema of
// its own, checked once the schema file has parsed; or its default, derived from the label field.
import type { FieldDescriptor, PredictionsSection, TableSchema } from '../data/schema.js'
import { UserError } from '../errors.js'
import type { TaskKind } from './types.js'

/** How answers are checked and scored. */
export interface AnswerSchema {
  /** One answer's fields, as validateRows takes a table's. */
  schema: TableSchema
  /** The field scored against the label. */
  prediction: string
  /** The field holding class probabilities (an object by class or an array), when there is one. */
  probabilities?: string
  /** A column of the rows that answers echo: answers are matched to rows by it instead of by order. */
  id?: string
  /** The label column, its field and how it is scored, when the label is known. */
  label?: { column: string; field?: FieldDescriptor; kind: TaskKind; classes?: string[] }
}

const DEFAULT_PREDICTION = 'prediction'
const DEFAULT_PROBABILITIES = 'probabilities'

/** A `number` label is a regression target; any other (integer class ids, strings, booleans) a class. */
function kindOf(field: FieldDescriptor | undefined): TaskKind {
  return field?.type === 'number' ? 'numbers' : 'classes'
}

function classesOf(table: TableSchema, field: FieldDescriptor | undefined): string[] | undefined {
  const listed = field?.constraints?.enum ?? table.mlChecks?.label?.classes
  return listed?.map(String)
}

/** The answer's fields when the schema names none: the prediction, like the label; probabilities. */
function defaultFields(
  label: AnswerSchema['label'],
  id: FieldDescriptor | undefined
): FieldDescriptor[] {
  const field = label?.field
  const prediction: FieldDescriptor = {
    name: DEFAULT_PREDICTION,
    type: field?.type ?? 'any',
    ...(field?.format ? { format: field.format } : {}),
    ...(field?.trueValues ? { trueValues: field.trueValues } : {}),
    ...(field?.falseValues ? { falseValues: field.falseValues } : {}),
    constraints: {
      required: true,
      ...(field?.constraints?.enum ? { enum: field.constraints.enum } : {})
    }
  }
  const idField: FieldDescriptor[] = id
    ? [{ name: id.name, type: id.type, constraints: { required: true } }]
    : []
  return [...idField, prediction, { name: DEFAULT_PROBABILITIES, type: 'any' }]
}

/** The field scored when the section does not say: `prediction`, or the one that is not the id or probabilities. */
function scoredField(names: string[], section: PredictionsSection): string {
  if (names.includes(DEFAULT_PREDICTION)) return DEFAULT_PREDICTION
  const others = names.filter(
    name => name !== section.id && name !== (section.probabilities ?? DEFAULT_PROBABILITIES)
  )
  return others.length === 1 ? others[0] : DEFAULT_PREDICTION
}

/**
 * The answer schema of a run: the `predictions` section as written, checked against the table's
 * fields, or the default for `labelColumn`. A section that names what is not there is a UserError.
 */
export function answerSchemaOf(
  table: TableSchema,
  labelColumn: string | undefined,
  schemaLabel: string
): AnswerSchema {
  const section = table.predictions ?? {}
  const where = (key: string) => `${schemaLabel}: predictions.${key}`
  const columns = new Map(table.fields.map(field => [field.name, field]))
  const labelField = labelColumn === undefined ? undefined : columns.get(labelColumn)
  const label =
    labelColumn === undefined
      ? undefined
      : {
          column: labelColumn,
          field: labelField,
          kind: kindOf(labelField),
          classes: classesOf(table, labelField)
        }
  if (section.id !== undefined && !columns.has(section.id))
    throw new UserError(
      `${where('id')}: "${section.id}" is not a field of the table (fields: ${[...columns.keys()].join(', ')}); answers echo it from their row`
    )
  if (section.id !== undefined && section.id === labelColumn)
    throw new UserError(`${where('id')}: "${section.id}" is the label column, which is not sent`)
  const fields =
    section.fields ?? defaultFields(label, section.id ? columns.get(section.id) : undefined)
  const names = new Set<string>()
  fields.forEach((field, index) => {
    if (names.has(field.name))
      throw new UserError(
        `${where(`fields[${index}].name`)}: "${field.name}" is used by an earlier field`
      )
    names.add(field.name)
  })
  const prediction = section.prediction ?? scoredField([...names], section)
  for (const [key, name] of [
    ['prediction', prediction],
    ['probabilities', section.probabilities],
    ['id', section.id]
  ] as const)
    if (name !== undefined && !names.has(name))
      throw new UserError(
        `${where(key)}: "${name}" is not a field of the answer (fields: ${[...names].join(', ')})`
      )
  const probabilities =
    section.probabilities ?? (names.has(DEFAULT_PROBABILITIES) ? DEFAULT_PROBABILITIES : undefined)
  return {
    // Answers are JSON objects: their keys are matched to the fields by name.
    schema: { fields, missingValues: section.missingValues ?? [''], fieldsMatch: 'equal' },
    prediction,
    probabilities,
    id: section.id,
    label
  }
}
