import { mkdtemp, readFile, truncate, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { compileField } from '../src/data/cells/field.js'
import { loadTableSchema, parseTableSchema, type FieldDescriptor } from '../src/data/schema.js'
import { UserError } from '../src/errors.js'
import { MAX_YAML_FILE_BYTES, parseYamlText } from '../src/yaml-text.js'

const fixture = (name: string): string => new URL(`../fixtures/${name}`, import.meta.url).pathname

function errorOf(action: () => unknown): string {
  try {
    action()
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return (error as Error).message
  }
  throw new Error('expected a UserError')
}

describe('schema and config files as text (src/yaml-text.ts)', () => {
  it("reads the fuzzer's hostile files with a clear error: broken blocks, runs of colons, deep nesting", () => {
    // Each took the `yaml` package 6 to 26 s and 0.4 to 1.7 GB; js-yaml answers in milliseconds.
    const broken = '{\n  "fields": [\n    ype": "integer"\n  },\n'.repeat(40_000)
    expect(errorOf(() => parseTableSchema(broken, 's.json'))).toMatch(
      /^s\.json:4: not valid YAML or JSON: missed comma between flow collection entries \(line 4, column 3\)$/
    )
    const colons = `{\n  "fields": [\n    {\n      "name": "id",\n${': '.repeat(350_000)}`
    expect(errorOf(() => parseTableSchema(colons, 's.json'))).toMatch(
      /^s\.json:5: not valid YAML or JSON/
    )
    expect(errorOf(() => parseTableSchema(`fields: ${'['.repeat(100_000)}`, 's.yml'))).toMatch(
      /^s\.yml:1: not valid YAML or JSON: nesting exceeded maxDepth \(100\)/
    )
  })

  it('a repeated key is an error, and plain text stays text (YAML 1.2 core: no dates, no yes/no)', () => {
    expect(errorOf(() => parseYamlText('fields: []\nfields: []\n', 's.yml'))).toBe(
      's.yml:2: not valid YAML or JSON: duplicated mapping key (line 2, column 1)'
    )
    expect(parseYamlText('a: 2020-01-01\nb: yes\nc: 0o17\nd: ~\n', 's.yml')).toEqual({
      a: '2020-01-01',
      b: 'yes',
      c: 15,
      d: null
    })
  })

  it('a file over 16 MiB is refused by its size before it is read', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'schema-'))
    const file = path.join(folder, 'huge.yml')
    await writeFile(file, '')
    await truncate(file, MAX_YAML_FILE_BYTES + 1)
    await expect(loadTableSchema(file, folder)).rejects.toThrow(
      'huge.yml: 16,777,217 bytes, more than the 16,777,216 ml-smoke reads in such a file'
    )
  })
})

describe('parseTableSchema', () => {
  it('reads a Frictionless Table Schema JSON file as is, defaulting type to string', async () => {
    const schema = parseTableSchema(
      await readFile(fixture('frictionless/schema.json'), 'utf8'),
      'schema.json'
    )
    expect(schema.fields.map(f => [f.name, f.type])).toEqual([
      ['id', 'integer'],
      ['name', 'string']
    ])
    expect(schema.missingValues).toEqual([''])
    expect(parseTableSchema('fields: [{name: x}]', 's.yml').fields[0].type).toBe('string')
  })

  it('names the file, the key path and what was expected for a bad type', () => {
    const text =
      'fields:\n  - {name: a, type: integer}\n  - {name: b, type: number}\n  - {name: c, type: float}\n'
    expect(errorOf(() => parseTableSchema(text, 'schema.yml'))).toBe(
      'schema.yml: fields[2].type: expected one of string, number, integer, boolean, date, datetime, time, year, yearmonth, duration, object, array, list, geopoint, geojson, any; got "float"'
    )
  })

  it('reports every problem, missing keys, YAML syntax with its line, and duplicate names', () => {
    expect(
      errorOf(() =>
        parseTableSchema(
          'fields:\n  - type: integer\n  - {name: b, constraints: {required: yes}}',
          's.yml'
        )
      )
    ).toBe(
      's.yml: fields[0].name: is required (expected string)\ns.yml: fields[1].constraints.required: expected boolean; got "yes"'
    )
    expect(errorOf(() => parseTableSchema('fields: [\n  {name: a,\n', 's.yml'))).toMatch(
      /^s\.yml:\d+: not valid YAML or JSON/
    )
    expect(errorOf(() => parseTableSchema('fields: [{name: a}, {name: a}]', 's.yml'))).toBe(
      's.yml: fields[1].name: "a" is used by an earlier field'
    )
    expect(errorOf(() => parseTableSchema('{}', 's.yml'))).toBe(
      's.yml: fields: is required (expected array)'
    )
  })
})

function check(field: Partial<FieldDescriptor> & { name?: string }, cell: string, missing = ['']) {
  const compiled = compileField(
    { name: 'f', type: 'string', ...field } as FieldDescriptor,
    0,
    missing,
    's.yml'
  )
  return compiled.check(cell)
}

describe('field casting follows Table Schema', () => {
  it.each([
    ['integer', '42', true],
    ['integer', '-7', true],
    ['integer', '4.0', false],
    ['integer', ' 4', true],
    ['integer', '4 \t', true],
    ['integer', ' ', false],
    ['integer', '4 4', false],
    ['number', '3.14', true],
    ['number', '1e-3', true],
    ['number', '.5', true],
    ['number', 'NaN', true],
    ['number', '-INF', true],
    ['number', 'nan', false],
    ['number', '1,5', false],
    ['boolean', 'True', true],
    ['boolean', '0', true],
    ['boolean', 'yes', false],
    ['date', '2024-02-29', true],
    ['date', '2023-02-29', false],
    ['date', '2024-2-1', false]
  ] as const)('%s %j valid=%s', (type, cell, valid) => {
    const problem = check({ type }, cell)
    expect(problem === null).toBe(valid)
    if (!valid) expect(problem?.code).toBe('type-error')
  })

  it('applies formats, number options and custom boolean values', () => {
    expect(check({ type: 'date', format: '%d/%m/%Y' }, '31/12/2024')).toBeNull()
    expect(check({ type: 'date', format: '%d/%m/%Y' }, '2024-12-31')?.message).toBe(
      'field "f": expected a date as %d/%m/%Y; got "2024-12-31"'
    )
    expect(
      check({ type: 'number', decimalChar: ',', groupChar: '.' } as never, '1.234,5')
    ).toBeNull()
    expect(check({ type: 'integer', bareNumber: false } as never, '€ 95')).toBeNull()
    expect(check({ type: 'boolean', trueValues: ['y'], falseValues: ['n'] }, 'y')).toBeNull()
    expect(check({ type: 'boolean', trueValues: ['y'], falseValues: ['n'] }, 'true')?.code).toBe(
      'type-error'
    )
    expect(check({ format: 'email' }, 'a@b.co')).toBeNull()
    expect(check({ format: 'email' }, 'not-an-email')?.code).toBe('type-error')
  })

  it('checks constraints on the cast value, and NaN is outside any range', () => {
    expect(
      check({ type: 'integer', constraints: { minimum: 0, maximum: 120 } }, '121')?.message
    ).toBe('field "f": 121 is above the maximum 120')
    expect(check({ type: 'number', constraints: { minimum: 0 } }, 'NaN')?.code).toBe(
      'constraint-error'
    )
    expect(
      check({ type: 'date', constraints: { minimum: '2020-01-01' } }, '2019-12-31')?.message
    ).toBe('field "f": 2019-12-31 is below the minimum 2020-01-01')
    expect(check({ type: 'integer', constraints: { enum: [1, 2] } }, '02')).toBeNull()
    expect(check({ constraints: { pattern: '[a-z]+' } }, 'abc1')?.message).toBe(
      'field "f": "abc1" does not match the pattern [a-z]+'
    )
    expect(check({ constraints: { required: true } }, 'NA', ['', 'NA'])?.message).toBe(
      'field "f" is required; the cell is empty'
    )
    expect(check({ type: 'integer' }, 'NA', ['', 'NA'])).toBeNull()
  })

  it('rejects constraint values that do not fit the field type, naming the key', () => {
    expect(errorOf(() => check({ type: 'integer', constraints: { minimum: 'low' } }, '1'))).toBe(
      's.yml: fields[0].constraints.minimum: expected an integer; got "low"'
    )
    expect(errorOf(() => check({ constraints: { maximum: 3 } }, 'x'))).toBe(
      's.yml: fields[0].constraints.maximum: not allowed for type string'
    )
    expect(errorOf(() => check({ constraints: { pattern: '(' } }, 'x'))).toMatch(
      /^s\.yml: fields\[0\]\.constraints\.pattern: not a valid regular expression/
    )
  })
})

describe('the hand-written number scanners', () => {
  it('accept exactly what the Table Schema number and integer grammars accept, spaces around it aside', () => {
    const number = compileField({ name: 'n', type: 'number' } as FieldDescriptor, 0, [''], 's')
    const integer = compileField({ name: 'i', type: 'integer' } as FieldDescriptor, 0, [''], 's')
    const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('0', '7', '.', 'e', 'E', '+', '-', 'x', ' ') }),
        text => {
          fc.pre(text !== '')
          const bare = text.trim()
          expect(number.check(text) === null).toBe(DECIMAL.test(bare))
          expect(integer.check(text) === null).toBe(/^[+-]?\d+$/.test(bare))
          if (DECIMAL.test(bare)) expect(number.value).toBe(Number(bare))
        }
      ),
      { numRuns: 5000 }
    )
  })
})
