// A schema's fields compiled once into objects that check one cell each: the cast, then the constraints.
import type { FieldType } from '../schema-keys.js'
import type { ArrayItemDescriptor, FieldDescriptor, TableSchema } from '../schema-shape.js'
import { primaryKeyOf } from '../primary-key.js'
import type { TextCells } from '../table.js'
import { caster, type Caster, type RangeCast } from './casts.js'
import {
  APPROXIMATION_MARGIN,
  canonical,
  compileRules,
  isOutside,
  lengthOf,
  type Bound,
  type Rules,
  type TextSet,
  type ValueCheck
} from './constraints.js'
import { INVALID as IMPORTED_INVALID } from './invalid.js'
import {
  integerInRange,
  isoDateInRange,
  numberInRange,
  paddedNumberInRange,
  rangeIsOneOf
} from './scan.js'

/** What a field lets this path check for it (fast-cells.ts): its cast and its rules as data. */
export interface FastCellSpec {
  cast: RangeCast
  /** Texts read as a missing value; a cell that is one of them (or empty) goes to the field. */
  missingValues: readonly string[]
  /** Numbers summed in doubles: a value near a bound goes to the field, which casts it exactly. */
  approximate: boolean
  bounds: readonly Bound[]
  /** An enum of an ordered type, as cast values. */
  numbers: ReadonlySet<unknown> | null
  /** An enum of a string field. */
  texts: TextSet | null
  pattern: RegExp | null
  trueValues: readonly string[]
  falseValues: readonly string[]
}

/** What is wrong with one cell, before its position is attached. */
export interface CellProblem {
  code: 'type-error' | 'constraint-error'
  message: string
}

/** A field compiled once; it checks one cell: CSV text (in place, as a range) or a JSON/Parquet value. */
export interface CompiledField {
  name: string
  type: FieldType
  /** Required by its constraints, or as part of the primary key. */
  readonly required: boolean
  /** Null when the cell is fine; after a call, `value` holds the cast value (MISSING for a missing cell). */
  check(cell: unknown): CellProblem | null
  /** The same for cell `index` of a text row, without making the cell's string unless a check needs it. */
  checkText(cells: TextCells, index: number): CellProblem | null
  value: unknown
  /** The cast and rules as data for FastCells, or null when a rule needs this field's own check. */
  fastCell(): FastCellSpec | null
}

// Every cell's cast value is compared with INVALID. Compared with the imported binding itself, CSV
// validation took 3-5 % longer (bench/validate.ts data, interleaved runs); a constant of this module's own
// costs nothing.
const INVALID = IMPORTED_INVALID

export const MISSING = Symbol('missing')
/** The value of a text cell that no check and no caller reads: its string is never made. */
const UNREAD_TEXT = Symbol('unread text')

function textOf(cell: unknown): string {
  if (typeof cell === 'string') return cell
  if (cell instanceof Date) return cell.toISOString()
  if (typeof cell === 'object') return JSON.stringify(cell)
  return String(cell)
}

/**
 * A compiled field: the cast and constraint checks of one column, applied to one cell at a time. This is
 * the hot path of validation (once per cell of millions of rows): one class, so every call site stays
 * monomorphic, and the rules are data read inline rather than a closure per constraint.
 */
class Field implements CompiledField {
  value: unknown = undefined
  // The cell being checked: a value (JSON, Parquet, a CSV cell with doubled quotes) or a range of text.
  // Its text is made only when a check or a message needs it: a string per cell adds up over millions.
  private cell: unknown = undefined
  private source: string | null = null
  private start = 0
  private end = 0
  private readonly label: string
  private readonly missingValues: string[]
  private readonly onlyEmptyIsMissing: boolean
  readonly required: boolean
  private readonly requiredProblem: CellProblem
  private readonly rangeCast: RangeCast | undefined
  private readonly approximate: boolean
  private readonly textUnread: boolean
  private readonly trueValues: readonly string[]
  private readonly falseValues: readonly string[]

  constructor(
    readonly name: string,
    readonly type: FieldType,
    private readonly cast: Caster,
    private readonly rules: Rules,
    options: {
      missingValues: string[]
      required: boolean
      approximate: boolean
      valueRead: boolean
    }
  ) {
    this.label = `field "${name}"`
    this.missingValues = options.missingValues
    this.onlyEmptyIsMissing = options.missingValues.length === 1 && options.missingValues[0] === ''
    this.required = options.required
    this.requiredProblem = {
      code: 'constraint-error',
      message: `${this.label} is required; the cell is empty`
    }
    this.rangeCast = cast.rangeCast
    this.approximate = options.approximate
    // A string field's text is made only for a check that needs the string (an enum looks up ranges).
    this.textUnread =
      !options.valueRead &&
      rules.lengths.length === 0 &&
      (rules.allowed === null || rules.allowedTexts !== null) &&
      rules.pattern === null
    this.trueValues = cast.words?.trueValues ?? []
    this.falseValues = cast.words?.falseValues ?? []
  }

  fastCell(): FastCellSpec | null {
    const { rules, rangeCast } = this
    if (rangeCast === undefined || rules.extra !== null || rules.lengths.length) return null
    const ordered = rangeCast === 'integer' || rangeCast === 'number' || rangeCast === 'iso-date'
    const numbers = ordered && rules.numericEnum ? rules.allowed : null
    if (rules.allowed !== null && numbers === null && rules.allowedTexts === null) return null
    return {
      cast: rangeCast,
      missingValues: this.missingValues,
      approximate: this.approximate,
      bounds: rules.bounds,
      numbers,
      texts: rules.allowedTexts,
      pattern: rules.pattern,
      trueValues: this.trueValues,
      falseValues: this.falseValues
    }
  }

  private cellText(): string {
    return this.source === null ? textOf(this.cell) : this.source.slice(this.start, this.end)
  }

  check(cell: unknown): CellProblem | null {
    // Text (a JSON string, a CSV cell with doubled quotes) is cast like a range of CSV text.
    if (typeof cell === 'string') return this.checkRange(cell, 0, cell.length)
    this.source = null
    this.cell = cell
    if (cell === null || cell === undefined) return this.missing()
    // A JSON or Parquet value that already has the field's type needs no cast.
    const fits =
      typeof cell === 'number'
        ? this.rangeCast === 'number' || (this.rangeCast === 'integer' && Number.isInteger(cell))
        : typeof cell === 'boolean' && this.rangeCast === 'boolean'
    return this.afterCast(fits ? cell : this.cast.fromNative(cell))
  }

  checkText(cells: TextCells, index: number): CellProblem | null {
    const escaped = cells.escapedAt(index)
    if (escaped !== undefined) return this.checkRange(escaped, 0, escaped.length)
    return this.checkRange(cells.source, cells.starts[index], cells.ends[index])
  }

  private checkRange(source: string, start: number, end: number): CellProblem | null {
    this.source = source
    this.start = start
    this.end = end
    if (
      this.onlyEmptyIsMissing ? start === end : rangeIsOneOf(this.missingValues, source, start, end)
    )
      return this.missing()
    let value: unknown
    switch (this.rangeCast) {
      case 'integer':
        value = integerInRange(source, start, end)
        if (value === INVALID) value = paddedNumberInRange(source, start, end, true)
        break
      case 'number':
        value = numberInRange(source, start, end, this.approximate)
        if (value === INVALID)
          value = paddedNumberInRange(source, start, end, false, this.approximate)
        break
      case 'iso-date':
        value = isoDateInRange(source, start, end)
        break
      case 'boolean':
        value = rangeIsOneOf(this.trueValues, source, start, end)
          ? true
          : rangeIsOneOf(this.falseValues, source, start, end)
            ? false
            : INVALID
        break
      case 'string':
        value = this.textUnread ? UNREAD_TEXT : source.slice(start, end)
        break
      default:
        value = this.cast.fromText(source.slice(start, end))
    }
    return this.afterCast(value)
  }

  private missing(): CellProblem | null {
    this.value = MISSING
    return this.required ? this.requiredProblem : null
  }

  // One piece on purpose, though longer than the rest: with its type-error and length messages split into
  // methods of their own, V8 stopped inlining checkText and checkRange into the row loop (CPU profile) and
  // CSV validation took about 3 % longer (bench/validate.ts data, interleaved runs).
  private afterCast(value: unknown): CellProblem | null {
    this.value = value
    if (value === INVALID) {
      const shown =
        this.source !== null
          ? JSON.stringify(this.cellText())
          : `${typeof this.cell} ${textOf(this.cell)}`
      return {
        code: 'type-error',
        message: `${this.label}: expected ${this.cast.expected}; got ${shown}`
      }
    }
    const rules = this.rules
    for (let i = 0; i < rules.bounds.length; i++) {
      const problem = this.checkBound(rules.bounds[i], value as number)
      if (problem) return problem
    }
    for (let i = 0; i < rules.lengths.length; i++) {
      const { limit, min } = rules.lengths[i]
      const length = lengthOf(value)
      if (min ? length < limit : length > limit)
        return {
          code: 'constraint-error',
          message: `${this.label}: length ${length} is ${min ? 'below the minLength' : 'above the maxLength'} ${limit}`
        }
    }
    if (
      rules.allowed !== null &&
      !(value === UNREAD_TEXT
        ? this.textIsAllowed(rules.allowedTexts!, rules.allowed)
        : rules.allowed.has(rules.numericEnum ? value : canonical(value)))
    )
      return {
        code: 'constraint-error',
        message: `${this.label}: "${this.cellText()}" is not one of ${rules.listed}`
      }
    if (rules.pattern !== null) {
      const text = typeof value === 'string' ? value : this.cellText()
      if (!rules.pattern.test(text))
        return {
          code: 'constraint-error',
          message: `${this.label}: "${text}" does not match the pattern ${rules.patternSource}`
        }
    }
    return rules.extra === null ? null : rules.extra(value)
  }

  /** A whole string (JSON, Parquet: often the same dictionary string, hashed once) is looked up as is. */
  private textIsAllowed(texts: TextSet, allowed: Set<unknown>): boolean {
    const source = this.source!
    return this.start === 0 && this.end === source.length
      ? allowed.has(source)
      : texts.has(source, this.start, this.end)
  }

  private checkBound(bound: Bound, value: number): CellProblem | null {
    let number = value
    let outside = isOutside(bound, number)
    // An approximate number near the bound (or outside it: the message shows it) is cast exactly.
    if (
      this.approximate &&
      this.source !== null &&
      (outside ||
        Math.abs(number - bound.limit) <=
          APPROXIMATION_MARGIN * (Math.abs(number) + Math.abs(bound.limit)))
    ) {
      const { source, start, end } = this
      const exact = numberInRange(source, start, end)
      number = (
        exact === INVALID ? paddedNumberInRange(source, start, end, false) : exact
      ) as number
      outside = isOutside(bound, number)
    }
    return outside
      ? {
          code: 'constraint-error',
          message: `${this.label}: ${this.cast.show(number, this.cellText())} ${bound.words} ${bound.shown}`
        }
      : null
  }
}

/**
 * frictionless-py's arrayItem: every item of an array cell checked as a cell of a field of its own; the
 * first item that fails is the cell's problem, with the item's index.
 */
function arrayItemCheck(
  field: FieldDescriptor,
  item: ArrayItemDescriptor,
  index: number,
  schemaMissingValues: readonly string[],
  schemaLabel: string
): ValueCheck {
  const name = `${field.name}[]`
  const where = `${schemaLabel}: fields[${index}].arrayItem`
  const compiled = compileField({ ...item, name }, index, schemaMissingValues, schemaLabel, {
    where
  })
  const label = `field "${name}"`
  return value => {
    const items = value as unknown[]
    for (let i = 0; i < items.length; i++) {
      const problem = compiled.check(items[i])
      if (problem)
        return {
          code: problem.code,
          message: problem.message.replace(label, `field "${field.name}[${i}]"`)
        }
    }
    return null
  }
}

/** Two rare checks as one: the first that fails. */
function both(first: ValueCheck | null, second: ValueCheck): ValueCheck {
  return first === null ? second : value => first(value) ?? second(value)
}

/**
 * Compiles one field: its cast and its constraints as data, checked once per cell. `valueRead`:
 * the caller reads `value` (a primary, unique or foreign key part), so it must be the exact cast, made
 * even when no check of the field's own needs it. `required`: required whatever its constraints say (a
 * primary key part). `where`: how messages about the schema name the field.
 */
export function compileField(
  field: FieldDescriptor,
  index: number,
  schemaMissingValues: readonly string[],
  schemaLabel: string,
  {
    valueRead = false,
    required = false,
    where = `${schemaLabel}: fields[${index}]`
  }: { valueRead?: boolean; required?: boolean; where?: string } = {}
): CompiledField {
  const cast = caster(field, where)
  const missingValues = [...new Set(field.missingValues ?? schemaMissingValues)]
  const constraints = field.constraints ?? {}
  valueRead ||= constraints.unique === true
  // Only numbers read from text may be approximate; nothing but a bound check reads them.
  const approximate =
    cast.rangeCast === 'number' &&
    !valueRead &&
    constraints.enum === undefined &&
    field.categories === undefined
  const rules = compileRules(field, cast, where)
  if (field.arrayItem)
    rules.extra = both(
      rules.extra,
      arrayItemCheck(field, field.arrayItem, index, schemaMissingValues, schemaLabel)
    )
  return new Field(field.name, field.type, cast, rules, {
    missingValues,
    required: required || constraints.required === true,
    approximate,
    valueRead
  })
}

/**
 * Every field of a schema, compiled. Key fields (primary, unique and foreign keys) keep their exact cast
 * values; primary key fields are required (Table Schema: a primary key is never null).
 */
export function compileSchema(schema: TableSchema, schemaLabel: string): CompiledField[] {
  const primaryKey = primaryKeyOf(schema)
  const keyFields = new Set([
    ...primaryKey,
    ...(schema.uniqueKeys ?? []).flat(),
    ...(schema.foreignKeys ?? []).flatMap(key => [...key.fields, ...key.reference.fields])
  ])
  return schema.fields.map((field, index) =>
    compileField(field, index, schema.missingValues, schemaLabel, {
      valueRead: keyFields.has(field.name),
      required: primaryKey.includes(field.name)
    })
  )
}
