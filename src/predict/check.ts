// The model's answers checked like data: each answer matched to the row it answers (by order or by an id
// column), then its fields through validateRows as a table of answers, with what JSON adds: strict JSON
// types, no NaN or Infinity, and class probabilities that are probabilities.
import type { TableSchema } from '../data/schema.js'
import { ABSENT, type TableSink } from '../data/table.js'
import { validateRows } from '../data/validate.js'
import type { Violation } from '../data/validation-types.js'
import { ViolationLog } from '../data/violation-log.js'
import type { AnswerSchema } from './answer-schema.js'
import type { Answer } from './answers.js'
import { probabilityProblems } from './probabilities.js'
import type { AnswerViolation } from './types.js'

/** The violations kept for the report (all are counted). */
export const MAX_KEPT_VIOLATIONS = 1000

/** What checking found: the violations, and each row's answer with whether its prediction is usable. */
export interface AnswerCheck {
  violationCount: number
  violations: AnswerViolation[]
  countsByCode: Record<string, number>
  /** Per row sent: its answer, and its prediction when no violation touches it. */
  byRow: Array<{ answer?: Record<string, unknown>; prediction?: unknown }>
}

/** The JSON type a field's values must have; none for types JSON writes as text or in several ways. */
const JSON_TYPES: Partial<Record<string, (value: unknown) => boolean>> = {
  number: value => typeof value === 'number',
  integer: value => typeof value === 'number',
  boolean: value => typeof value === 'boolean',
  string: value => typeof value === 'string',
  object: value => typeof value === 'object' && value !== null && !Array.isArray(value),
  array: value => Array.isArray(value)
}

const JSON_WORDS: Record<string, string> = {
  number: 'a JSON number',
  integer: 'a JSON number',
  boolean: 'true or false',
  string: 'a JSON string',
  object: 'a JSON object',
  array: 'a JSON array'
}

function shown(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value).slice(0, 80)}`
  return `${Array.isArray(value) ? 'an array' : typeof value} ${JSON.stringify(value)?.slice(0, 80)}`
}

/** Whether `value` holds NaN or an infinity anywhere, as JSON cannot say and clients cannot read. */
function holdsNonFinite(value: unknown, depth = 0): boolean {
  if (typeof value === 'number') return !Number.isFinite(value)
  if (depth > 32 || typeof value !== 'object' || value === null) return false
  return Object.values(value).some(inner => holdsNonFinite(inner, depth + 1))
}

/** A value as a key for matching and scoring: 1 and "1" and 1.0 are the same class. */
export function canonical(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value)
}

/** Where answers go, once matched: which answer each row got, which row each answer is for. */
interface Matching {
  answerOfRow: Int32Array
  rowOfAnswer: Int32Array
}

/**
 * Matches answers to rows: by position, or by the id column each answer echoes. Reports extra,
 * unknown and repeated answers and rows left without one.
 */
function matchAnswers(
  answers: Answer[],
  rows: Array<Record<string, unknown>>,
  id: string | undefined,
  add: (answer: number, row: number, code: string, message: string) => void
): Matching {
  const answerOfRow = new Int32Array(rows.length).fill(-1)
  const rowOfAnswer = new Int32Array(answers.length).fill(-1)
  const ids = id ? new Map(rows.map((row, index) => [canonical(row[id]), index])) : null
  answers.forEach((answer, j) => {
    if (!ids) {
      if (j < rows.length) [answerOfRow[j], rowOfAnswer[j]] = [j, j]
      else add(j, j, 'extra-answer', `an answer past the last row: ${rows.length} rows were sent`)
      return
    }
    const echoed = (answer.value as Record<string, unknown> | undefined)?.[id!]
    if (echoed === undefined || echoed === null) return
    const row = ids.get(canonical(echoed))
    if (row === undefined)
      add(j, j, 'unknown-id', `"${id}" ${JSON.stringify(echoed)} is not the id of a row sent`)
    else if (answerOfRow[row] !== -1)
      add(
        j,
        row,
        'duplicate-answer',
        `row ${row + 1} ("${id}" ${JSON.stringify(echoed)}) is answered again`
      )
    else [answerOfRow[row], rowOfAnswer[j]] = [j, row]
  })
  const answered = answerOfRow.reduce((count, j) => count + (j === -1 ? 0 : 1), 0)
  answerOfRow.forEach((j, row) => {
    // By position, an answer that did not parse already stands for its row (as a json-error).
    if (j !== -1 || (!ids && row < answers.length)) return
    const what = ids
      ? `no answer echoes its "${id}" ${JSON.stringify(rows[row][id!])}`
      : 'no answer'
    add(-1, row, 'missing-answer', `${what} (${answered} of ${rows.length} rows were answered)`)
  })
  return { answerOfRow, rowOfAnswer }
}

/** What JSON adds to a cell check: a required field absent, a value of the wrong JSON type, NaN. */
function jsonProblems(schema: TableSchema, answer: Record<string, unknown>) {
  const problems: Array<{ field: string; code: string; message: string }> = []
  for (const field of schema.fields) {
    const value = answer[field.name]
    if (value === undefined && field.constraints?.required) {
      const keys = Object.keys(answer).map(key => JSON.stringify(key))
      problems.push({
        field: field.name,
        code: 'missing-cell',
        message: `the answer has no "${field.name}" (its keys: ${keys.join(', ') || 'none'})`
      })
      continue
    }
    if (value === undefined || value === null) continue
    const fits = JSON_TYPES[field.type]
    if (fits && !fits(value))
      problems.push({
        field: field.name,
        code: 'type-error',
        message: `field "${field.name}": expected ${JSON_WORDS[field.type]}; got ${shown(value)}`
      })
    else if (holdsNonFinite(value))
      problems.push({
        field: field.name,
        code: 'non-finite',
        message: `field "${field.name}": holds NaN or Infinity, which JSON cannot carry (Python's json.dumps writes them unless allow_nan=False)`
      })
  }
  return problems
}

/** The answers' cells through validateRows: the answer schema's fields are the header, answers the rows. */
async function cellViolations(
  schema: TableSchema,
  answers: Answer[],
  schemaLabel: string
): Promise<Array<Violation & { answer: number }>> {
  const checked: number[] = []
  const names = schema.fields.map(field => field.name)
  const required = schema.fields.map(field => field.constraints?.required === true)
  const read = async (sink: TableSink) => {
    sink.header(names, undefined)
    answers.forEach((answer, j) => {
      if (answer.value === undefined) return
      const object = answer.value as Record<string, unknown>
      checked.push(j)
      const cells = names.map((name, k) =>
        name in object ? object[name] : required[k] ? ABSENT : null
      )
      sink.row(cells, { line: answer.line })
    })
    return {}
  }
  const result = await validateRows(
    schema,
    { format: 'jsonl', maxViolations: Number.MAX_SAFE_INTEGER, schemaLabel },
    read
  )
  // validateRows numbers rows as Frictionless does (the header is row 1). An answer with none of the
  // fields is a blank row to it: the missing fields say more, and are reported above.
  return result.violations
    .filter(violation => violation.code !== 'blank-row')
    .map(violation => ({ ...violation, answer: checked[violation.rowNumber - 2] }))
}

/**
 * Checks every answer against the answer schema and matches it to its row. A row's prediction is
 * usable for scoring when no violation touches its answer's prediction field.
 */
export async function checkAnswers(
  answers: Answer[],
  read: { problems: AnswerViolation[]; dropped: number },
  rows: Array<Record<string, unknown>>,
  spec: AnswerSchema,
  schemaLabel: string
): Promise<AnswerCheck> {
  const found: AnswerViolation[] = [...read.problems]
  const spoiled = new Set<string>()
  const unusable = new Set<number>()
  const at = (j: number) => (j >= 0 ? { line: answers[j].line, request: answers[j].request } : {})
  const add = (j: number, row: number, code: string, message: string, field?: string): void => {
    found.push({ code, ...at(j), rowNumber: row + 1, field, message })
    if (j < 0) return
    spoiled.add(`${j}\u0000${field ?? ''}`)
    if (field === undefined || field === spec.prediction) unusable.add(j)
  }
  const { answerOfRow, rowOfAnswer } = matchAnswers(answers, rows, spec.id, add)
  const rowOf = (j: number) => (rowOfAnswer[j] === -1 ? j : rowOfAnswer[j])
  if (read.dropped)
    found.push({
      code: 'extra-answer',
      rowNumber: answers.length + 1,
      message: `${read.dropped} more answers were not read: ${rows.length} rows were sent`
    })
  answers.forEach((answer, j) => {
    if (answer.value === undefined) return
    const object = answer.value as Record<string, unknown>
    for (const problem of jsonProblems(spec.schema, object))
      add(j, rowOf(j), problem.code, problem.message, problem.field)
    for (const problem of probabilityProblems(object, spec))
      add(j, rowOf(j), problem.code, problem.message, spec.probabilities)
  })
  for (const violation of await cellViolations(spec.schema, answers, schemaLabel)) {
    const { answer: j, code, message, field } = violation
    if (!spoiled.has(`${j}\u0000${field ?? ''}`)) add(j, rowOf(j), code, message, field)
  }
  return summarise(found, answers, answerOfRow, { prediction: spec.prediction, unusable })
}

/** The violations in output order, counted and capped; each row's answer and usable prediction. */
function summarise(
  found: AnswerViolation[],
  answers: Answer[],
  answerOfRow: Int32Array,
  { prediction, unusable }: { prediction: string; unusable: Set<number> }
): AnswerCheck {
  const log = new ViolationLog(MAX_KEPT_VIOLATIONS)
  const order = (v: AnswerViolation) => v.line ?? v.request ?? Number.MAX_SAFE_INTEGER
  const sorted = [...found].sort((a, b) => order(a) - order(b) || a.rowNumber - b.rowNumber)
  for (const violation of sorted) log.add(violation)
  const byRow = [...answerOfRow].map(j => {
    const answer = j === -1 ? undefined : (answers[j].value as Record<string, unknown> | undefined)
    if (!answer) return {}
    return unusable.has(j) ? { answer } : { answer, prediction: answer[prediction] }
  })
  const { violationCount, violations, countsByCode } = log.summary()
  return { violationCount, violations: violations as AnswerViolation[], countsByCode, byRow }
}
