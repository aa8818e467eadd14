import { readFile } from 'node:fs/promises'
import { describe, expect, it } from '@jest/globals'
import { parseTableSchema, schemaFileJsonSchema } from '../src/data/schema.js'
import { describeError, UserError } from '../src/errors.js'

const fixture = (name: string): string => new URL(`../fixtures/${name}`, import.meta.url).pathname

function errorOf(schema: unknown): string {
  try {
    parseTableSchema(typeof schema === 'string' ? schema : JSON.stringify(schema), 's.yml')
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return describeError(error)
  }
  throw new Error('expected a UserError')
}

const field = (extra: object) => ({ fields: [{ name: 'a', type: 'integer', ...extra }] })

describe('every key of a schema file is known, a custom property, or refused', () => {
  it('an unknown constraint is refused with the key path and the nearest known one', () => {
    // The typo of issue #12: it used to validate every row, since the constraint was never read.
    expect(errorOf(field({ constraints: { minimun: 100 } }))).toBe(
      's.yml: fields[0].constraints.minimun: unknown constraint; did you mean "minimum"?'
    )
    expect(errorOf(field({ constraints: { between: [1, 2] } }))).toBe(
      's.yml: fields[0].constraints.between: unknown constraint (known: required, unique, minLength, maxLength, minimum, maximum, exclusiveMinimum, exclusiveMaximum, pattern, enum, jsonSchema)'
    )
  })

  it('mlChecks is closed; a near miss of a top-level key is refused', () => {
    expect(errorOf({ ...field({}), mlCheck: { rows: { min: 1 } } })).toBe(
      's.yml: mlCheck: not a schema property; did you mean "mlChecks"? (a custom property this close to one is taken for a typo: prefix it, e.g. "x:mlCheck")'
    )
    expect(errorOf({ ...field({}), mlChecks: { rows: { minimum: 1 } } })).toBe(
      's.yml: mlChecks.rows.minimum: unknown rows key (known: min, max)'
    )
    expect(errorOf({ ...field({}), missingValue: ['NA'] })).toMatch(
      /^s\.yml: missingValue: not a schema property; did you mean "missingValues"\?/
    )
  })

  it('descriptive and custom properties are accepted; close ones are typos unless namespaced', () => {
    const schema = parseTableSchema(
      JSON.stringify({
        title: 'T',
        'dc:temporal': '2020',
        _internal: 1,
        fields: [
          {
            name: 'a',
            title: 'A',
            'title@en': 'A',
            description: 'd',
            example: '1',
            rdfType: 'http://schema.org/Number',
            unit: 'kg',
            'x:constraint': 1
          }
        ]
      }),
      's.yml'
    )
    expect(schema.fields[0].name).toBe('a')
    expect(errorOf(field({ constraint: { required: true } }))).toMatch(
      /^s\.yml: fields\[0\]\.constraint: not a field property; did you mean "constraints"\?/
    )
    expect(errorOf(field({ missingValue: ['-'] }))).toMatch(
      /^s\.yml: fields\[0\]\.missingValue: not a field property; did you mean "missingValues"\?/
    )
  })

  it('a property of another type, a constraint on the field itself, a top-level key on a field', () => {
    expect(errorOf(field({ trueValues: ['y'] }))).toBe(
      's.yml: fields[0].trueValues: only for boolean fields (this field is integer)'
    )
    expect(errorOf(field({ decimalChar: ',' }))).toBe(
      's.yml: fields[0].decimalChar: only for number fields (this field is integer)'
    )
    expect(errorOf(field({ required: true }))).toBe(
      's.yml: fields[0].required: a constraint: write it under constraints (constraints.required)'
    )
    expect(errorOf(field({ primaryKey: 'a' }))).toBe(
      's.yml: fields[0].primaryKey: belongs to the schema (the top level), not to a field'
    )
    expect(errorOf({ ...field({}), constraints: { required: true } })).toBe(
      's.yml: constraints: belongs to a field (under fields[...]), not to the schema'
    )
  })

  it('formats are closed per type; a date format must be a strptime pattern', () => {
    expect(errorOf({ fields: [{ name: 'e', format: 'emial' }] })).toBe(
      's.yml: fields[0].format: "emial" is not a format of string fields (default, email, uri, binary, uuid, wkt); did you mean "email"?'
    )
    expect(errorOf({ fields: [{ name: 'd', type: 'date', format: 'YYYY-MM-DD' }] })).toBe(
      's.yml: fields[0].format: "YYYY-MM-DD" is not a format of date fields: default, any, or a strptime pattern such as %d/%m/%Y'
    )
    expect(errorOf(field({ format: 'currency' }))).toBe(
      's.yml: fields[0].format: "currency" is not a format of integer fields (default)'
    )
    expect(errorOf({ fields: [{ name: 'd', type: 'date', format: '%d/%q' }] })).toMatch(
      /^s\.yml: fields\[0\]\.format: unsupported directive "%q"/
    )
    expect(
      parseTableSchema('fields: [{name: d, type: date, format: "fmt:%d/%m/%Y"}]', 's').fields[0]
        .format
    ).toBe('fmt:%d/%m/%Y')
  })

  it('Table Dialect options in a schema point to the dialect option, and a Data Resource is told apart', async () => {
    expect(errorOf({ ...field({}), dialect: { header: false } })).toMatch(
      /^s\.yml: dialect: a Table Dialect option: it describes the data file, not its fields, and goes in a dialect file given by the dialect option \(input 'dialect', --dialect\)/
    )
    expect(errorOf({ ...field({}), headerRows: [1, 2] })).toMatch(
      /^s\.yml: headerRows: a Table Dialect option/
    )
    expect(errorOf({ ...field({}), commentChar: '#' })).toMatch(
      /^s\.yml: commentChar: a Table Dialect option/
    )
    const resource = errorOf(await readFile(fixture('frictionless/capital.resource.yaml'), 'utf8'))
    expect(resource).toContain('s.yml: fields: is required (expected array)')
    expect(resource).toContain(
      'Hint: this looks like a Data Resource or Data Package descriptor: point schema at its Table Schema'
    )
  })

  it('reports every problem at once: unknown keys, then shapes, then what needs several keys', () => {
    expect(
      errorOf({
        fields: [
          { name: 'a', constraints: { requird: true } },
          { name: 'b', type: 'float' },
          { name: 'a' }
        ],
        primaryKey: ['a', 'z']
      })
    ).toBe(
      [
        's.yml: fields[0].constraints.requird: unknown constraint; did you mean "required"?',
        's.yml: fields[1].type: expected one of string, number, integer, boolean, date, datetime, time, year, yearmonth, duration, object, array, list, geopoint, geojson, any; got "float"'
      ].join('\n')
    )
    expect(errorOf({ fields: [{ name: 'a' }, { name: 'a' }], primaryKey: ['a', 'z'] })).toBe(
      [
        's.yml: fields[1].name: "a" is used by an earlier field',
        's.yml: primaryKey[1]: "z" is not a field (fields: a)'
      ].join('\n')
    )
  })
})

describe('ml-smoke schema --json-schema', () => {
  const jsonSchema = schemaFileJsonSchema() as {
    properties: Record<string, Record<string, unknown>>
    additionalProperties: unknown
  }
  const fieldItems = (jsonSchema.properties.fields as { items: Record<string, unknown> }).items

  it('closes what the spec closes: constraints, mlChecks, categories, foreign keys', () => {
    const properties = fieldItems.properties as Record<string, Record<string, unknown>>
    expect(properties.constraints.additionalProperties).toBe(false)
    expect(Object.keys(properties.constraints.properties as object)).toEqual([
      'required',
      'unique',
      'minLength',
      'maxLength',
      'minimum',
      'maximum',
      'exclusiveMinimum',
      'exclusiveMaximum',
      'enum',
      'pattern',
      'jsonSchema'
    ])
    expect(jsonSchema.properties.mlChecks.additionalProperties).toBe(false)
    expect(JSON.stringify(properties.categories)).toContain('"additionalProperties":false')
    expect(JSON.stringify(jsonSchema.properties.foreignKeys)).toContain(
      '"additionalProperties":false'
    )
    expect(jsonSchema.properties.fieldsMatch.enum).toEqual([
      'exact',
      'equal',
      'subset',
      'superset',
      'partial'
    ])
  })

  it('leaves descriptors open, but not to a constraint on the field or a property of another type', () => {
    const properties = fieldItems.properties as Record<string, unknown>
    expect(fieldItems.additionalProperties).toEqual({})
    expect(properties.required).toBe(false)
    const rules = fieldItems.allOf as Array<{ if: object; then: { properties: object } }>
    const integer = rules.find(rule => JSON.stringify(rule.if).includes('"integer"'))!
    expect(integer.then.properties).toMatchObject({
      format: { enum: ['default'] },
      trueValues: false,
      decimalChar: false
    })
    expect(integer.then.properties).not.toHaveProperty('categories')
    const date = rules.find(rule => JSON.stringify(rule.if).includes('"date"'))!
    expect(date.then.properties).toMatchObject({
      format: { anyOf: [{ enum: ['default', 'any'] }, { type: 'string', pattern: '%' }] }
    })
  })
})
