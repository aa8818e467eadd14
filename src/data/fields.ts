import { UserError } from '../errors.js'
import type { FieldDescriptor, FieldType, TableSchema } from './schema.js'

/** What is wrong with one cell, before position is attached. */
export interface CellProblem {
  code: 'type-error' | 'constraint-error'
  message: string
}

/** A field compiled once into a closure that checks a raw cell text; null means the cell is fine. */
export interface CompiledField {
  name: string
  type: FieldType
  check(cell: string): CellProblem | null
}

type Cast = (text: string) => unknown
const INVALID = Symbol('invalid')

const INTEGER = /^[+-]?\d+$/
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/
const SPECIAL_NUMBERS: Record<string, number> = {
  NaN: NaN,
  INF: Infinity,
  '+INF': Infinity,
  '-INF': -Infinity
}
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Days since 1970-01-01 for a valid calendar date, else INVALID. */
function dayNumber(year: number, month: number, day: number): number | typeof INVALID {
  if (month < 1 || month > 12 || day < 1) return INVALID
  const time = Date.UTC(year, month - 1, day)
  const date = new Date(time)
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return INVALID
  }
  return time / 86_400_000
}

/** Python strptime directives that dates use; anything else in a format is matched literally. */
const DATE_DIRECTIVES: Record<
  string,
  { pattern: string; part: 'year' | 'year2' | 'month' | 'day' }
> = {
  '%Y': { pattern: '(\\d{4})', part: 'year' },
  '%y': { pattern: '(\\d{2})', part: 'year2' },
  '%m': { pattern: '(\\d{1,2})', part: 'month' },
  '%d': { pattern: '(\\d{1,2})', part: 'day' }
}

function dateCaster(format: string | undefined, where: string): { cast: Cast; expected: string } {
  if (!format || format === 'default') {
    return {
      expected: 'a date as YYYY-MM-DD',
      cast: text => {
        const match = ISO_DATE.exec(text)
        return match ? dayNumber(+match[1], +match[2], +match[3]) : INVALID
      }
    }
  }
  if (format === 'any') {
    return {
      expected: 'a date',
      cast: text => {
        const time = Date.parse(text)
        return Number.isNaN(time) ? INVALID : Math.floor(time / 86_400_000)
      }
    }
  }
  const parts: Array<'year' | 'year2' | 'month' | 'day'> = []
  let source = ''
  for (let i = 0; i < format.length; i++) {
    const directive = DATE_DIRECTIVES[format.slice(i, i + 2)]
    if (format[i] === '%' && directive) {
      source += directive.pattern
      parts.push(directive.part)
      i++
    } else if (format[i] === '%') {
      throw new UserError(
        `${where}.format: unsupported date directive "${format.slice(i, i + 2)}" (supported: %Y %y %m %d)`
      )
    } else {
      source += escapeRegExp(format[i])
    }
  }
  const regex = new RegExp(`^${source}$`)
  return {
    expected: `a date as ${format}`,
    cast: text => {
      const match = regex.exec(text)
      if (!match) return INVALID
      let year = 1970
      let month = 1
      let day = 1
      parts.forEach((part, index) => {
        const value = +match[index + 1]
        if (part === 'year') year = value
        else if (part === 'year2') year = value < 69 ? 2000 + value : 1900 + value
        else if (part === 'month') month = value
        else day = value
      })
      return dayNumber(year, month, day)
    }
  }
}

function caster(field: FieldDescriptor, where: string): { cast: Cast; expected: string } {
  const options = field as FieldDescriptor & {
    decimalChar?: string
    groupChar?: string
    bareNumber?: boolean
  }
  const normaliseNumber = (text: string): string => {
    let out = text
    if (options.bareNumber === false) out = out.replace(/^[^\d+\-.]+|[^\d.]+$/g, '')
    if (options.groupChar) out = out.split(options.groupChar).join('')
    if (options.decimalChar && options.decimalChar !== '.')
      out = out.replace(options.decimalChar, '.')
    return out
  }
  switch (field.type) {
    case 'integer':
      return {
        expected: 'an integer',
        cast: text => {
          const normal = normaliseNumber(text)
          return INTEGER.test(normal) ? Number(normal) : INVALID
        }
      }
    case 'number':
      return {
        expected: 'a number',
        cast: text => {
          if (text in SPECIAL_NUMBERS) return SPECIAL_NUMBERS[text]
          const normal = normaliseNumber(text)
          return DECIMAL.test(normal) ? Number(normal) : INVALID
        }
      }
    case 'boolean': {
      const trueValues = new Set(field.trueValues ?? ['true', 'True', 'TRUE', '1'])
      const falseValues = new Set(field.falseValues ?? ['false', 'False', 'FALSE', '0'])
      return {
        expected: `a boolean (${[...trueValues, ...falseValues].join(', ')})`,
        cast: text => (trueValues.has(text) ? true : falseValues.has(text) ? false : INVALID)
      }
    }
    case 'date':
      return dateCaster(field.format, where)
    case 'string': {
      const format = field.format ?? 'default'
      const test =
        format === 'email'
          ? (text: string) => EMAIL.test(text)
          : format === 'uuid'
            ? (text: string) => UUID.test(text)
            : format === 'uri'
              ? (text: string) => URL.canParse(text)
              : null
      return {
        expected: test ? `a string in ${format} format` : 'a string',
        cast: text => (test && !test(text) ? INVALID : text)
      }
    }
  }
}

function castSchemaValue(cast: Cast, value: unknown, expected: string, where: string): unknown {
  const out = cast(String(value))
  if (out === INVALID)
    throw new UserError(`${where}: expected ${expected}; got ${JSON.stringify(value)}`)
  return out
}

function display(value: unknown, type: FieldType, original: unknown): string {
  return type === 'date' || typeof value !== 'number' ? String(original) : String(value)
}

/** Compiles one field: casting and constraints become a single closure over the raw cell text. */
export function compileField(
  field: FieldDescriptor,
  index: number,
  missingValues: ReadonlySet<string>,
  schemaLabel: string
): CompiledField {
  const where = `${schemaLabel}: fields[${index}]`
  const { cast, expected } = caster(field, where)
  const constraints = field.constraints ?? {}
  const required = constraints.required === true
  const label = `field "${field.name}"`
  const checks: Array<(value: unknown, text: string) => CellProblem | null> = []

  const ordered = field.type === 'integer' || field.type === 'number' || field.type === 'date'
  for (const key of ['minimum', 'maximum'] as const) {
    const bound = constraints[key]
    if (bound === undefined) continue
    if (!ordered)
      throw new UserError(`${where}.constraints.${key}: not allowed for type ${field.type}`)
    const limit = castSchemaValue(cast, bound, expected, `${where}.constraints.${key}`) as number
    const isMinimum = key === 'minimum'
    checks.push((value, text) => {
      const number = value as number
      // NaN compares false with everything; a bounded column must not let it through.
      const outside = Number.isNaN(number) || (isMinimum ? number < limit : number > limit)
      if (!outside) return null
      return {
        code: 'constraint-error',
        message: `${label}: ${display(number, field.type, text)} is ${isMinimum ? 'below the minimum' : 'above the maximum'} ${String(bound)}`
      }
    })
  }
  if (constraints.enum) {
    const allowed = new Set(
      constraints.enum.map((option, i) =>
        castSchemaValue(cast, option, expected, `${where}.constraints.enum[${i}]`)
      )
    )
    const listed = constraints.enum.map(String).join(', ')
    checks.push((value, text) =>
      allowed.has(value)
        ? null
        : { code: 'constraint-error', message: `${label}: "${text}" is not one of ${listed}` }
    )
  }
  if (constraints.pattern !== undefined) {
    let regex: RegExp
    try {
      regex = new RegExp(`^(?:${constraints.pattern})$`, 'u')
    } catch (error) {
      throw new UserError(
        `${where}.constraints.pattern: not a valid regular expression: ${(error as Error).message}`
      )
    }
    checks.push((_value, text) =>
      regex.test(text)
        ? null
        : {
            code: 'constraint-error',
            message: `${label}: "${text}" does not match the pattern ${constraints.pattern}`
          }
    )
  }

  return {
    name: field.name,
    type: field.type,
    check(cell) {
      if (missingValues.has(cell)) {
        return required
          ? { code: 'constraint-error', message: `${label} is required; the cell is empty` }
          : null
      }
      const value = cast(cell)
      if (value === INVALID) {
        return {
          code: 'type-error',
          message: `${label}: expected ${expected}; got ${JSON.stringify(cell)}`
        }
      }
      for (const check of checks) {
        const problem = check(value, cell)
        if (problem) return problem
      }
      return null
    }
  }
}

export function compileSchema(schema: TableSchema, schemaLabel: string): CompiledField[] {
  const missingValues = new Set(schema.missingValues)
  return schema.fields.map((field, index) => compileField(field, index, missingValues, schemaLabel))
}
