// A field's constraints compiled once into data (Rules) that Field checks inline per cell, with no closure
// call per constraint.
import { UserError } from '../../errors.js'
import type { FieldType } from '../schema-keys.js'
import type { FieldDescriptor } from '../schema-shape.js'
import type { Caster } from './casts.js'
import { INVALID } from './invalid.js'
import { jsonSchemaCheck } from './json-schema.js'

/** A minimum, maximum or exclusive bound, cast to the field's type. */
export interface Bound {
  limit: number
  below: boolean
  exclusive: boolean
  words: string
  shown: string
}

/** A rare check of a cast value (a JSON Schema, an array's items): null when it passes. */
export type ValueCheck = (
  value: unknown
) => { code: 'type-error' | 'constraint-error'; message: string } | null

/** A field's constraints as data: checked inline, with no closure call per cell. */
export interface Rules {
  bounds: Bound[]
  lengths: Array<{ limit: number; min: boolean }>
  allowed: Set<unknown> | null
  /** String fields: the allowed texts, looked up as ranges of the source. */
  allowedTexts: TextSet | null
  numericEnum: boolean
  listed: string
  pattern: RegExp | null
  patternSource: string
  /** Checks that few schemas use, one slot for all (null for most fields: one comparison per cell). */
  extra: ValueCheck | null
}

/** The types whose cast values are numbers, so bounds compare them. */
const ORDERED = new Set<FieldType>([
  'integer',
  'number',
  'date',
  'datetime',
  'time',
  'year',
  'yearmonth',
  'duration'
])
/** The types whose values have a length (a geojson object's keys are no length: frictionless-py refuses it). */
const SIZED = new Set<FieldType>(['string', 'array', 'object', 'list'])

/**
 * An approximate number within this relative distance of a bound is cast exactly before comparing: the
 * approximation is within 1e-14 (at most 40 digits, two roundings each, and one division), so outside this
 * margin it is on the same side of the bound as the exact value.
 */
export const APPROXIMATION_MARGIN = 1e-12

/**
 * A set of strings that also answers for a range of a longer text, without making its string: an open
 * addressing table of the words' indices by their FNV-1a hash (a Map keyed by the hash boxed every hash
 * beyond a small integer, once per cell).
 */
export class TextSet {
  private readonly words: readonly string[]
  /** Index into `words` + 1 at each slot; 0: empty. */
  private readonly slots: Int32Array
  private readonly mask: number

  constructor(words: readonly string[]) {
    this.words = [...new Set(words)]
    let size = 4
    while (size < this.words.length * 2) size *= 2
    this.slots = new Int32Array(size)
    this.mask = size - 1
    this.words.forEach((word, i) => {
      let slot = TextSet.hash(word, 0, word.length) & this.mask
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask
      this.slots[slot] = i + 1
    })
  }

  private static hash(source: string, start: number, end: number): number {
    let hash = 0x811c9dc5
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193)
    return hash
  }

  has(source: string, start: number, end: number): boolean {
    const length = end - start
    let slot = TextSet.hash(source, start, end) & this.mask
    for (let index = this.slots[slot]; index !== 0; index = this.slots[slot]) {
      const word = this.words[index - 1]
      if (word.length === length && source.startsWith(word, start)) return true
      slot = (slot + 1) & this.mask
    }
    return false
  }
}

/** The text an enum compares a non-numeric cast value by. */
export function canonical(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/** NaN compares false with everything; a bounded column must not let it through. */
export function isOutside(bound: Bound, number: number): boolean {
  return (
    Number.isNaN(number) ||
    (bound.below
      ? bound.exclusive
        ? number <= bound.limit
        : number < bound.limit
      : bound.exclusive
        ? number >= bound.limit
        : number > bound.limit)
  )
}

/** The length a minLength or maxLength compares: characters of a string, items or keys otherwise. */
export function lengthOf(value: unknown): number {
  return typeof value === 'string'
    ? [...value].length
    : Array.isArray(value)
      ? value.length
      : Object.keys(value as object).length
}

/** A value written in the schema (a bound, an enum option), cast like a cell of the field. */
function castConstraint(cast: Caster, value: unknown, key: string, where: string): unknown {
  const out = typeof value === 'string' ? cast.fromText(value) : cast.fromNative(value)
  if (out === INVALID)
    throw new UserError(`${where}.${key}: expected ${cast.expected}; got ${JSON.stringify(value)}`)
  return out
}

const BOUND_KEYS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const

function boundsOf(field: FieldDescriptor, cast: Caster, where: string): Bound[] {
  const bounds: Bound[] = []
  for (const key of BOUND_KEYS) {
    const bound = field.constraints?.[key]
    if (bound === undefined) continue
    if (!ORDERED.has(field.type))
      throw new UserError(`${where}.constraints.${key}: not allowed for type ${field.type}`)
    const below = key === 'minimum' || key === 'exclusiveMinimum'
    const exclusive = key.startsWith('exclusive')
    bounds.push({
      limit: castConstraint(cast, bound, `constraints.${key}`, where) as number,
      below,
      exclusive,
      words: below
        ? exclusive
          ? 'must be above'
          : 'is below the minimum'
        : exclusive
          ? 'must be below'
          : 'is above the maximum',
      shown: String(bound)
    })
  }
  return bounds
}

function lengthsOf(field: FieldDescriptor, where: string): Rules['lengths'] {
  const lengths: Rules['lengths'] = []
  for (const key of ['minLength', 'maxLength'] as const) {
    const limit = field.constraints?.[key]
    if (limit === undefined) continue
    if (!SIZED.has(field.type))
      throw new UserError(`${where}.constraints.${key}: not allowed for type ${field.type}`)
    lengths.push({ limit, min: key === 'minLength' })
  }
  return lengths
}

function patternOf(field: FieldDescriptor, where: string): RegExp | null {
  const constraints = field.constraints ?? {}
  if (constraints.pattern === undefined) return null
  // Table Schema and frictionless-py: a pattern is for strings.
  if (field.type !== 'string')
    throw new UserError(`${where}.constraints.pattern: not allowed for type ${field.type}`)
  try {
    return new RegExp(`^(?:${constraints.pattern})$`, 'u')
  } catch (error) {
    throw new UserError(
      `${where}.constraints.pattern: not a valid regular expression: ${(error as Error).message}`
    )
  }
}

/**
 * The values a field allows: its enum, or its categories (Table Schema v2; an enum beside them must be
 * a subset of them), cast like cells. Null when it lists none.
 */
function allowedValues(
  field: FieldDescriptor,
  cast: Caster,
  where: string
): { options: unknown[]; listed: string } | null {
  const categories = field.categories?.map((value, i) =>
    castConstraint(cast, value, `categories[${i}]`, where)
  )
  const listedCategories = `the categories ${field.categories?.map(String).join(', ')}`
  const enumValues = field.constraints?.enum
  if (!enumValues) return categories ? { options: categories, listed: listedCategories } : null
  const options = enumValues.map((option, i) =>
    castConstraint(cast, option, `constraints.enum[${i}]`, where)
  )
  if (categories) {
    const known = new Set(categories.map(canonical))
    options.forEach((option, i) => {
      if (!known.has(canonical(option)))
        throw new UserError(
          `${where}.constraints.enum[${i}]: ${JSON.stringify(enumValues[i])} is not one of ${listedCategories}; an enum beside categories must be a subset of them`
        )
    })
  }
  return { options, listed: enumValues.map(String).join(', ') }
}

/** A field's constraints (other than required and unique) as Rules; a constraint that cannot apply throws. */
export function compileRules(field: FieldDescriptor, cast: Caster, where: string): Rules {
  const constraints = field.constraints ?? {}
  const rules: Rules = {
    bounds: boundsOf(field, cast, where),
    lengths: lengthsOf(field, where),
    allowed: null,
    allowedTexts: null,
    numericEnum: ORDERED.has(field.type),
    listed: '',
    pattern: null,
    patternSource: constraints.pattern ?? '',
    extra: null
  }
  const allowed = allowedValues(field, cast, where)
  if (allowed) {
    // Ordered types cast to numbers: look them up as numbers, with no String(number) per cell.
    rules.allowed = new Set<unknown>(
      rules.numericEnum ? allowed.options : allowed.options.map(canonical)
    )
    if (cast.rangeCast === 'string')
      rules.allowedTexts = new TextSet(allowed.options.map(canonical))
    rules.listed = allowed.listed
  }
  rules.pattern = patternOf(field, where)
  if (constraints.jsonSchema) {
    const label = `field "${field.name}"`
    const check = jsonSchemaCheck(constraints.jsonSchema, where)
    rules.extra = value => {
      const problem = check(value)
      return problem === null
        ? null
        : { code: 'constraint-error', message: `${label}: ${JSON.stringify(value)} ${problem}` }
    }
  }
  return rules
}
