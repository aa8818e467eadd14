// A Table Dialect descriptor checked (zod), and its JSON Schema for editors. Kept apart from dialect.ts,
// which the readers import: the data worker's bundle stays without zod.
import { z } from 'zod'
import { UserError } from '../errors.js'
import { formatIssues } from '../zod-issues.js'
import { delimiterProblem } from './csv-record.js'
import type { Dialect } from './dialect.js'
import {
  DESCRIPTIVE_DIALECT_PROPERTIES,
  DIALECT_PROPERTIES,
  unknownDialectKeys
} from './schema-keys.js'

const LINE_TERMINATORS = ['\r\n', '\n', '\r'] as const

const oneCharacter = z
  .string()
  .refine(text => text.length === 1, { message: 'expected one character' })
  .refine(text => text !== '\n' && text !== '\r', { message: 'a line break cannot be one' })

/** Row numbers (1-based, as the spec counts them), in file order: the order they are written in means nothing. */
const rowNumbers = z
  .array(z.number().int().positive())
  .min(1)
  .transform(rows => [...new Set(rows)].sort((a, b) => a - b))

const dialectShape = {
  $schema: z.string().optional(),
  name: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  csvddfVersion: z.union([z.number(), z.string()]).optional(),
  header: z.boolean().optional(),
  headerRows: rowNumbers.optional(),
  headerJoin: z.string().optional(),
  commentRows: rowNumbers.optional(),
  commentChar: z
    .string()
    .min(1)
    .refine(text => !/[\r\n]/.test(text), { message: 'a comment marker cannot hold a line break' })
    .optional(),
  delimiter: z
    .string()
    .superRefine((value, context) => {
      const problem =
        value.length > 1
          ? "ml-smoke reads delimiters of one character (as Python's csv module, which frictionless-py uses)"
          : delimiterProblem(value)
      if (problem) context.addIssue({ code: 'custom', message: problem, input: value })
    })
    .optional(),
  lineTerminator: z
    .string()
    .refine(value => (LINE_TERMINATORS as readonly string[]).includes(value), {
      message:
        'ml-smoke ends rows at line breaks: expected "\\r\\n", "\\n" or "\\r" (a row terminator that is not a line break is not read)'
    })
    .transform(value => value as (typeof LINE_TERMINATORS)[number])
    .optional(),
  quoteChar: oneCharacter.optional(),
  doubleQuote: z.boolean().optional(),
  escapeChar: oneCharacter.optional(),
  nullSequence: z.string().optional(),
  skipInitialSpace: z.boolean().optional()
}

type Known = z.output<z.ZodObject<typeof dialectShape>>
const KNOWN_KEYS: readonly string[] = [...DIALECT_PROPERTIES, ...DESCRIPTIVE_DIALECT_PROPERTIES]

/** The problems that need more than one key. */
function crossKeyProblems(dialect: Known, context: z.RefinementCtx): void {
  const issue = (key: string, message: string): void =>
    context.addIssue({ code: 'custom', path: [key], message, input: undefined })
  const delimiter = dialect.delimiter
  const quote = dialect.quoteChar ?? '"'
  if (dialect.header === false && dialect.headerRows)
    issue('headerRows', 'names header rows, but header is false (the file has none)')
  const shared = dialect.commentRows?.filter(row => dialect.headerRows?.includes(row))
  if (shared?.length) issue('commentRows', `row ${shared[0]} is also one of headerRows`)
  if (delimiter !== undefined && delimiter === dialect.quoteChar)
    issue('quoteChar', 'is the delimiter too')
  if (dialect.escapeChar !== undefined) {
    if (dialect.escapeChar === delimiter) issue('escapeChar', 'is the delimiter too')
    if (dialect.escapeChar === quote)
      issue(
        'escapeChar',
        `is the quoteChar too: write doubleQuote: true for doubled quotes instead`
      )
  }
  if (dialect.doubleQuote === false && dialect.escapeChar === undefined)
    issue(
      'doubleQuote',
      'false needs an escapeChar: without one, a quoteChar inside a quoted cell cannot be written (frictionless-py reads such a file as if doubleQuote were true)'
    )
}

/** frictionless-py writes the CSV options under `csv:` (its CsvControl); the v2 spec puts them at the top. */
function flattenCsvControl(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw
  const { csv, ...rest } = raw as Record<string, unknown>
  if (typeof csv !== 'object' || csv === null || Array.isArray(csv)) return raw
  return { ...csv, ...rest }
}

/**
 * A Table Dialect descriptor, checked: every key known (a close typo gets "did you mean"), each value of
 * its type, and keys that contradict each other refused.
 */
export const dialectSchema = z.preprocess(
  flattenCsvControl,
  z
    .looseObject(dialectShape)
    .superRefine((raw, context) => {
      for (const line of unknownDialectKeys(raw)) {
        const [key, ...message] = line.split(': ')
        context.addIssue({
          code: 'custom',
          path: [key],
          message: message.join(': '),
          input: undefined
        })
      }
    })
    .superRefine((dialect, context) => crossKeyProblems(dialect as Known, context))
    .transform((dialect): Dialect => {
      // The keys it knows (the checked shape is the Dialect the readers take), not custom ones.
      const known: Known = Object.fromEntries(
        Object.entries(dialect).filter(([key]) => KNOWN_KEYS.includes(key))
      )
      return known
    })
)

/** The JSON Schema of dialect files, for editors: the spec's keys, and no other. */
export function dialectFileJsonSchema(): object {
  return z.toJSONSchema(z.strictObject(dialectShape), { io: 'input', unrepresentable: 'any' })
}

/** Parses dialect file text (YAML or JSON). */
export function parseDialect(raw: unknown, label: string): Dialect {
  const result = dialectSchema.safeParse(raw, { reportInput: true })
  if (!result.success)
    throw new UserError(formatIssues(`${label}: `, result.error), {
      hint: 'a Table Dialect (https://datapackage.org/standard/table-dialect/), e.g. {"header": false, "delimiter": ";"}'
    })
  return result.data
}
