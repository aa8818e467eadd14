// Which keys a schema file may hold, and where. Table Schema leaves descriptors open (custom properties
// are allowed), so a key ml-smoke does not know is accepted there, unless it is within two edits of one
// it knows: `constraint:` or `missingValue:` is a typo, and a typo must not switch a rule off. Sets the
// spec closes (constraint names, mlChecks, the members of a category or a foreign key) refuse any
// unknown key. This runs on the raw file, before the shapes are parsed, so it sees every key as written.
import { closest } from '../suggest.js'

/** Every field type ml-smoke reads: Table Schema v2's (`list` included). */
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
  'list',
  'geopoint',
  'geojson',
  'any'
] as const
export type FieldType = (typeof FIELD_TYPES)[number]

export const CONSTRAINTS = [
  'required',
  'unique',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'pattern',
  'enum',
  'jsonSchema'
] as const

/** Field properties with a meaning, and the types they belong to (undefined: every type). */
export const FIELD_PROPERTIES: Record<string, readonly FieldType[] | undefined> = {
  name: undefined,
  type: undefined,
  format: undefined,
  constraints: undefined,
  missingValues: undefined,
  trueValues: ['boolean'],
  falseValues: ['boolean'],
  decimalChar: ['number'],
  groupChar: ['number', 'integer'],
  bareNumber: ['number', 'integer'],
  categories: ['string', 'integer'],
  categoriesOrdered: ['string', 'integer'],
  delimiter: ['list'],
  itemType: ['list'],
  // frictionless-py's: a field descriptor every item of an array must meet.
  arrayItem: ['array']
}

/** Field properties that describe and check nothing (and custom ones, which the spec allows). */
const DESCRIPTIVE_FIELD_PROPERTIES = ['title', 'description', 'example', 'rdfType']

export const SCHEMA_PROPERTIES = [
  '$schema',
  'fields',
  'fieldsMatch',
  'missingValues',
  'primaryKey',
  'uniqueKeys',
  'foreignKeys',
  'mlChecks',
  'predictions'
]
const DESCRIPTIVE_SCHEMA_PROPERTIES = ['name', 'title', 'description']

/** Table Dialect v2's properties for delimited text, which ml-smoke reads (data/dialect.ts). */
export const DIALECT_PROPERTIES = [
  'header',
  'headerRows',
  'headerJoin',
  'commentRows',
  'commentChar',
  'delimiter',
  'lineTerminator',
  'quoteChar',
  'doubleQuote',
  'escapeChar',
  'nullSequence',
  'skipInitialSpace'
] as const

/** Dialect properties that describe and change nothing (`csvddfVersion` is CSV Dialect v1's). */
export const DESCRIPTIVE_DIALECT_PROPERTIES = [
  '$schema',
  'name',
  'title',
  'description',
  'csvddfVersion'
] as const

/** The spec's dialect properties ml-smoke does not read, and why: refused, never read as if absent. */
const REFUSED_DIALECT_PROPERTIES: Record<string, string> = {
  property: "ml-smoke reads a JSON file's top-level array of rows, not an array under a property",
  itemType: 'ml-smoke tells JSON rows apart itself: objects, or arrays after a header array',
  itemKeys: 'ml-smoke reads every key of a JSON row object',
  sheetNumber: 'ml-smoke reads no spreadsheets',
  sheetName: 'ml-smoke reads no spreadsheets',
  table: 'ml-smoke reads no databases',
  caseSensitiveHeader:
    "CSV Dialect v1's, removed in Table Dialect v2: ml-smoke compares header names with the schema's case-sensitively",
  headerCase: "frictionless-py's: ml-smoke compares header names with the schema's case-sensitively"
}

/**
 * Every key of a raw Table Dialect that is not one ml-smoke reads, as "key: message" lines: the set is
 * closed (an unknown key is a typo or an option that would change how the file reads), custom keys aside.
 */
export function unknownDialectKeys(raw: unknown, path: Path = []): string[] {
  if (!isObject(raw)) return []
  const known: readonly string[] = [...DIALECT_PROPERTIES, ...DESCRIPTIVE_DIALECT_PROPERTIES]
  const problems: string[] = []
  for (const key of Object.keys(raw)) {
    if (known.includes(key) || isMarkedCustom(key)) continue
    const refused = REFUSED_DIALECT_PROPERTIES[key]
    const near = closest(key, known)
    problems.push(
      `${pathText([...path, key])}: ${refused ? `not read: ${refused}` : `unknown dialect property${near ? `; did you mean "${near}"?` : ` (known: ${known.join(', ')})`}`}`
    )
  }
  return problems
}

/** Keys a schema file may carry by mistake: Table Dialect options, which belong to the dialect option. */
export const DIALECT_OPTIONS = [
  'dialect',
  ...DIALECT_PROPERTIES,
  'caseSensitiveHeader',
  'csvddfVersion',
  'itemType',
  'itemKeys',
  'sheetNumber',
  'sheetName'
]

const ML_CHECKS = ['rows', 'maxNullFraction', 'label', 'duplicateRows']
const ML_CHECK_KEYS: Record<string, string[]> = {
  rows: ['min', 'max'],
  label: ['column', 'classes', 'minShare']
}

/** What mlChecks.columns said, in fieldsMatch's words (its subset and superset were the other way round). */
const COLUMNS_TO_FIELDS_MATCH: Record<string, string> = {
  exact: 'equal',
  subset: 'superset',
  superset: 'subset'
}

type Path = Array<string | number>

/** `fields[2].constraints` from a path. */
export function pathText(path: readonly (string | number)[]): string {
  let out = ''
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key
  return out
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A custom property written the way the spec recommends (`ns:name`, `_private`, `title@en`). */
function isMarkedCustom(key: string): boolean {
  return key.startsWith('_') || key.includes(':') || key.includes('@')
}

/** Finds the keys of a schema file that are unknown where a set is closed, or look like a typo. */
class KeyChecker {
  readonly problems: string[] = []

  private report(path: Path, message: string): void {
    this.problems.push(`${pathText(path)}: ${message}`)
  }

  /** A closed set: every key must be known. */
  private closed(value: unknown, path: Path, known: readonly string[], noun: string): void {
    if (!isObject(value)) return
    for (const key of Object.keys(value)) {
      if (known.includes(key)) continue
      const near = closest(key, known)
      this.report(
        [...path, key],
        `unknown ${noun}${near ? `; did you mean "${near}"?` : ` (known: ${known.join(', ')})`}`
      )
    }
  }

  /** An open set: unknown keys are custom properties, unless two edits or fewer from a known one. */
  private nearMiss(path: Path, key: string, known: readonly string[], noun: string): void {
    if (isMarkedCustom(key)) return
    const near = closest(key, known)
    if (near)
      this.report(
        [...path, key],
        `not a ${noun}; did you mean "${near}"? (a custom property this close to one is taken for a typo: prefix it, e.g. "x:${key}")`
      )
  }

  root(raw: unknown): void {
    if (!isObject(raw)) return
    const known = [...SCHEMA_PROPERTIES, ...DESCRIPTIVE_SCHEMA_PROPERTIES]
    for (const key of Object.keys(raw)) {
      if (known.includes(key)) continue
      if (DIALECT_OPTIONS.includes(key))
        this.report(
          [key],
          `a Table Dialect option: it describes the data file, not its fields, and goes in a dialect file given by the dialect option (input 'dialect', --dialect), not in the schema`
        )
      else if (key === 'constraints' || FIELD_PROPERTIES[key] !== undefined)
        this.report([key], `belongs to a field (under fields[...]), not to the schema`)
      else this.nearMiss([], key, [...known, 'constraints'], 'schema property')
    }
    if (Array.isArray(raw.fields))
      raw.fields.forEach((field, i) => this.field(field, ['fields', i]))
    this.missingValues(raw.missingValues, ['missingValues'])
    if (Array.isArray(raw.foreignKeys))
      raw.foreignKeys.forEach((key, i) => {
        this.closed(key, ['foreignKeys', i], ['fields', 'reference'], 'foreign key property')
        if (isObject(key))
          this.closed(
            key.reference,
            ['foreignKeys', i, 'reference'],
            ['resource', 'fields'],
            'reference property'
          )
      })
    this.mlChecks(raw.mlChecks)
  }

  private field(field: unknown, path: Path, inArray = false): void {
    if (!isObject(field)) return
    // A field with no type is a string field; an array item with none is `any` (as frictionless-py).
    const type = typeof field.type === 'string' ? field.type : inArray ? 'any' : 'string'
    const properties = Object.keys(FIELD_PROPERTIES)
    for (const key of Object.keys(field)) {
      const types = FIELD_PROPERTIES[key]
      if (key in FIELD_PROPERTIES) {
        if (types && !types.includes(type as FieldType))
          this.report(
            [...path, key],
            `only for ${types.join(' and ')} fields (this field is ${type})`
          )
        else if (inArray && key === 'arrayItem')
          this.report([...path, key], 'an array item cannot have an arrayItem of its own')
        continue
      }
      if (DESCRIPTIVE_FIELD_PROPERTIES.includes(key)) continue
      if ((CONSTRAINTS as readonly string[]).includes(key))
        this.report([...path, key], `a constraint: write it under constraints (constraints.${key})`)
      else if (SCHEMA_PROPERTIES.includes(key) && key !== 'missingValues')
        this.report([...path, key], 'belongs to the schema (the top level), not to a field')
      else
        this.nearMiss(
          path,
          key,
          [...properties, ...DESCRIPTIVE_FIELD_PROPERTIES, ...CONSTRAINTS],
          'field property'
        )
    }
    this.closed(field.constraints, [...path, 'constraints'], CONSTRAINTS, 'constraint')
    this.missingValues(field.missingValues, [...path, 'missingValues'])
    if (Array.isArray(field.categories))
      field.categories.forEach((category, i) =>
        this.closed(category, [...path, 'categories', i], ['value', 'label'], 'category property')
      )
    if (field.arrayItem !== undefined) this.field(field.arrayItem, [...path, 'arrayItem'], true)
  }

  private missingValues(value: unknown, path: Path): void {
    if (Array.isArray(value))
      value.forEach((entry, i) =>
        this.closed(entry, [...path, i], ['value', 'label'], 'missing value property')
      )
  }

  private mlChecks(value: unknown): void {
    if (!isObject(value)) return
    const { columns, ...checks } = value
    if (columns !== undefined) {
      const match = typeof columns === 'string' ? COLUMNS_TO_FIELDS_MATCH[columns] : undefined
      this.report(
        ['mlChecks', 'columns'],
        `replaced by Table Schema's fieldsMatch${match ? `: write "fieldsMatch: ${match}" at the top level` : ''} (fieldsMatch's subset and superset are mlChecks.columns' the other way round)`
      )
    }
    this.closed(checks, ['mlChecks'], ML_CHECKS, 'ML check')
    for (const [check, keys] of Object.entries(ML_CHECK_KEYS))
      this.closed(value[check], ['mlChecks', check], keys, `${check} key`)
  }
}

/** Every key of a raw schema that is unknown where that is an error, as "path: message" lines. */
export function unknownKeys(raw: unknown): string[] {
  const checker = new KeyChecker()
  checker.root(raw)
  return checker.problems
}
