import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { UserError } from '../errors.js'
import { formatIssues } from '../zod-issues.js'

/** The field types this version validates (Frictionless Table Schema names). */
export const FIELD_TYPES = ['integer', 'number', 'string', 'boolean', 'date'] as const
export type FieldType = (typeof FIELD_TYPES)[number]

const bound = z.union([z.number(), z.string()])

// Table Schema allows properties we do not use (title, description, rdfType, ...), so objects are loose.
const constraintsSchema = z.looseObject({
  required: z.boolean().optional(),
  minimum: bound.optional(),
  maximum: bound.optional(),
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
  trueValues: z.array(z.string()).optional(),
  falseValues: z.array(z.string()).optional()
})

export const tableSchemaSchema = z.looseObject({
  fields: z.array(fieldSchema).min(1),
  missingValues: z.array(z.string()).default([''])
})

export type TableSchema = z.infer<typeof tableSchemaSchema>
export type FieldDescriptor = z.infer<typeof fieldSchema>

/** Parses schema file text (YAML or JSON; JSON is YAML) and checks its shape. */
export function parseTableSchema(text: string, fileLabel: string): TableSchema {
  let raw: unknown
  try {
    raw = parseYaml(text, { prettyErrors: true })
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line
    throw new UserError(
      `${fileLabel}${line ? `:${line}` : ''}: not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`,
      { file: fileLabel, line }
    )
  }
  const result = tableSchemaSchema.safeParse(raw, { reportInput: true })
  if (!result.success) {
    throw new UserError(formatIssues(`${fileLabel}: `, result.error), { file: fileLabel })
  }
  const names = new Set<string>()
  result.data.fields.forEach((field, index) => {
    if (names.has(field.name)) {
      throw new UserError(
        `${fileLabel}: fields[${index}].name: "${field.name}" is used by an earlier field`,
        {
          file: fileLabel
        }
      )
    }
    names.add(field.name)
  })
  return result.data
}

export async function loadTableSchema(file: string, workspace: string): Promise<TableSchema> {
  const label = path.relative(workspace, file) || file
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    throw new UserError(`schema file not found: ${label}`, { file: label })
  }
  return parseTableSchema(text, label)
}
