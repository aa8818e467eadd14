import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { parquetWriteFile } from 'hyparquet-writer'
import { stringify } from 'yaml'
import { inferSchema } from '../src/data/infer.js'
import { parseTableSchema, schemaFileJsonSchema } from '../src/data/schema.js'
import { formatOf, type DataFormat } from '../src/data/table.js'
import { validateTable } from '../src/data/validate-file.js'

const fixture = (name: string): string => new URL(`../fixtures/${name}`, import.meta.url).pathname

async function validate(
  file: string,
  schema: object | string,
  format?: DataFormat,
  maxViolations = 5000
) {
  const parsed = parseTableSchema(
    typeof schema === 'string' ? schema : JSON.stringify(schema),
    'schema.yml'
  )
  return validateTable(file, parsed, {
    format: format ?? formatOf(file),
    maxViolations,
    schemaLabel: 'schema.yml'
  })
}

async function temp(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'data-')), name)
  await writeFile(file, content)
  return file
}

const mixedFields = (dateType: 'date' | 'datetime') => ({
  fields: [
    { name: 'id', type: 'integer', constraints: { required: true, unique: true } },
    { name: 'age', type: 'integer', constraints: { required: true, minimum: 0 } },
    { name: 'income', type: 'number', constraints: { required: true } },
    { name: 'city', type: 'string' },
    { name: 'signup', type: 'datetime' },
    { name: 'signup_date', type: dateType },
    { name: 'is_active', type: 'boolean' },
    { name: 'label', type: 'integer', constraints: { enum: [0, 1] } },
    { name: 'note', type: 'string' }
  ],
  primaryKey: 'id'
})

describe('the same real table (pandas/pyarrow-written) in every format gives the same answers', () => {
  it.each([
    ['real/mixed.jsonl', 'datetime'],
    ['real/mixed.snappy.parquet', 'date'],
    ['real/mixed.zstd.parquet', 'date']
  ] as const)('%s: 20,000 rows, nulls exactly as MANIFEST.json says', async (name, dateType) => {
    const manifest = JSON.parse(await readFile(fixture('real/MANIFEST.json'), 'utf8'))
    const result = await validate(fixture(name), mixedFields(dateType))
    expect(result.rows).toBe(manifest.tables.mixed.rows)
    expect(result.countsByField).toEqual({
      age: manifest.tables.mixed.null_age,
      income: manifest.tables.mixed.null_income
    })
    expect(result.stats.nullCounts).toMatchObject({ age: 500, income: 300 })
    expect(new Set(result.violations.map(v => v.code))).toEqual(new Set(['constraint-error']))
  })

  it('Parquet violations carry the row group and row', async () => {
    const result = await validate(
      fixture('real/mixed.snappy.parquet'),
      mixedFields('date'),
      undefined,
      1
    )
    expect(result.violations[0]).toMatchObject({
      code: 'constraint-error',
      field: expect.any(String),
      rowGroup: expect.any(Number),
      rowInGroup: expect.any(Number)
    })
    expect(result.violations[0].line).toBeUndefined()
  })

  it('a large row group read a slice of rows at a time gives the answer of reading it whole', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'slices-'))
    const n = 3000
    const scores = Array.from({ length: n }, (_, i) => (i % 97 === 0 ? null : (i % 101) / 10))
    const columnData = [
      { name: 'id', type: 'INT32' as const, data: Array.from({ length: n }, (_, i) => i) },
      { name: 'score', type: 'DOUBLE' as const, data: scores },
      {
        name: 'name',
        type: 'STRING' as const,
        data: Array.from({ length: n }, (_, i) => (i % 89 === 0 ? 'bad name!' : `name ${i}`))
      }
    ]
    const schema = {
      fields: [
        { name: 'id', type: 'integer' },
        { name: 'score', type: 'number', constraints: { maximum: 9.5 } },
        { name: 'name', constraints: { pattern: 'name \\d+' } }
      ]
    }
    // Small pages (slices decode only their own pages), and one page per column chunk (a slice would
    // decode the whole chunk each time, so the reader goes back to reading the group whole).
    for (const pageSize of [256, 0]) {
      const file = path.join(dir, `pages-${pageSize}.parquet`)
      parquetWriteFile({ filename: file, rowGroupSize: [2500, 500], pageSize, columnData })
      const whole = await validate(file, schema)
      process.env.ML_SMOKE_PARQUET_SLICE_ROWS = '100'
      let sliced
      try {
        sliced = await validate(file, schema)
      } finally {
        delete process.env.ML_SMOKE_PARQUET_SLICE_ROWS
      }
      expect(sliced).toEqual(whole)
      // (i % 101) / 10 > 9.5 for i % 101 in 96..100, unless the score is null; and every 89th name.
      const highScores = scores.filter(v => v !== null && v > 9.5).length
      expect(whole.countsByField).toEqual({ score: highScores, name: Math.ceil(n / 89) })
      expect(whole.violations.at(-1)).toMatchObject({ rowGroup: 1, field: expect.any(String) })
    }
  })

  it('iris as CSV, JSONL and Parquet validates clean against one schema', async () => {
    const schema = await readFile(fixture('iris/iris.schema.yml'), 'utf8')
    for (const file of ['iris/iris.csv', 'real/iris.jsonl', 'real/iris.parquet']) {
      const result = await validate(fixture(file), schema)
      expect([file, result.rows, result.violations]).toEqual([file, 150, []])
    }
  })

  it('the Frictionless JSONL, TSV and Parquet tables read the same rows', async () => {
    const schema = {
      fields: [{ name: 'id', type: 'integer' }, { name: 'name' }],
      missingValues: ['', '\\N']
    }
    for (const file of ['frictionless/table.jsonl', 'frictionless/table.parquet']) {
      const result = await validate(fixture(file), schema)
      expect([file, result.rows, result.violations]).toEqual([file, 2, []])
    }
    // The TSV has a third row whose name is \N, the MySQL/PostgreSQL null: missing when declared so.
    expect(await validate(fixture('frictionless/table.tsv'), schema)).toMatchObject({
      rows: 3,
      violations: []
    })
  })
})

describe('JSON readers', () => {
  it('JSONL: a bad line, a non-object, an empty line, a missing and an extra key, each at its line', async () => {
    const file = await temp(
      't.jsonl',
      '{"a": 1, "b": "x"}\n{"a": 2\n[1, 2]\n\n{"a": 3}\n{"a": 4, "b": "y", "c": true}\n{"a": NaN, "b": "z"}\n'
    )
    const result = await validate(file, { fields: [{ name: 'a', type: 'integer' }, { name: 'b' }] })
    expect(result.violations.map(v => [v.line, v.code])).toEqual([
      [2, 'json-error'],
      [3, 'json-error'],
      [4, 'blank-row'],
      [5, 'missing-cell'],
      [6, 'extra-cell'],
      [7, 'type-error']
    ])
    expect(result.violations[5].message).toBe('field "a": expected an integer; got number NaN')
  })

  it('JSON array of objects, with the rows numbered as Frictionless does', async () => {
    const file = await temp('t.json', JSON.stringify([{ a: 1 }, { a: 'two' }]))
    const result = await validate(file, { fields: [{ name: 'a', type: 'integer' }] })
    expect(result.violations.map(v => [v.rowNumber, v.code])).toEqual([[3, 'type-error']])
  })
})

describe('every Table Schema type and constraint', () => {
  const check = async (field: object, cells: string[]) => {
    const file = await temp(
      't.csv',
      ['v', ...cells.map(c => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))].join('\n') +
        '\n'
    )
    const result = await validate(file, { fields: [{ name: 'v', ...field }] })
    return result.violations.map(v => [v.rowNumber - 1, v.code])
  }

  it.each([
    [
      { type: 'datetime' },
      ['2024-01-02T03:04:05Z', '2024-01-02T03:04:05.123+02:00', '2024-01-02 03:04:05'],
      [[3, 'type-error']]
    ],
    [
      { type: 'datetime', format: '%Y-%m-%d %H:%M' },
      ['2024-01-02 03:04', '2024-01-02T03:04'],
      [[2, 'type-error']]
    ],
    [{ type: 'time' }, ['23:59:59', '24:00:00'], [[2, 'type-error']]],
    [{ type: 'year' }, ['1999', '99'], [[2, 'type-error']]],
    [{ type: 'yearmonth' }, ['2024-12', '2024-13'], [[2, 'type-error']]],
    [{ type: 'duration' }, ['P1DT2H', 'PT0.5S', '1 day'], [[3, 'type-error']]],
    [{ type: 'object' }, ['{"a": 1}', '[1]'], [[2, 'type-error']]],
    [{ type: 'array' }, ['[1, 2]', '{"a": 1}'], [[2, 'type-error']]],
    [{ type: 'geopoint' }, ['90, 45', '200, 45'], [[2, 'type-error']]],
    [{ type: 'geopoint', format: 'array' }, ['[90, 45]', '90, 45'], [[2, 'type-error']]],
    [
      { type: 'geojson' },
      ['{"type": "Point", "coordinates": [1, 2]}', '{"type": "Blob"}'],
      [[2, 'type-error']]
    ],
    [{ type: 'any' }, ['x', '1'], []],
    [
      { type: 'string', format: 'uuid' },
      ['3b241101-e2bb-4255-8caf-4136c566a962', 'nope'],
      [[2, 'type-error']]
    ],
    [{ type: 'string', format: 'binary' }, ['aGVsbG8=', '*'], [[2, 'type-error']]],
    [
      { type: 'string', constraints: { minLength: 2, maxLength: 3 } },
      ['ab', 'a', 'abcd'],
      [
        [2, 'constraint-error'],
        [3, 'constraint-error']
      ]
    ],
    [
      { type: 'number', constraints: { exclusiveMinimum: 0, exclusiveMaximum: 1 } },
      ['0.5', '0', '1'],
      [
        [2, 'constraint-error'],
        [3, 'constraint-error']
      ]
    ],
    [
      { type: 'date', constraints: { maximum: '2024-12-31' } },
      ['2024-12-31', '2025-01-01'],
      [[2, 'constraint-error']]
    ],
    [{ type: 'string', constraints: { unique: true } }, ['a', 'b', 'a'], [[3, 'unique-error']]],
    [{ type: 'integer', constraints: { unique: true } }, ['1', '01'], [[2, 'unique-error']]],
    [{ type: 'array', constraints: { maxLength: 1 } }, ['[1]', '[1, 2]'], [[2, 'constraint-error']]]
  ])('%j', async (field, cells, expected) => {
    expect(await check(field, cells)).toEqual(expected)
  })

  it('primaryKey over two fields; field-level missingValues', async () => {
    const file = await temp('pk.csv', 'a,b\n1,x\n1,y\n1,x\n-,z\n')
    const result = await validate(file, {
      fields: [{ name: 'a', type: 'integer', missingValues: ['-'] }, { name: 'b' }],
      primaryKey: ['a', 'b']
    })
    expect(result.violations.map(v => [v.rowNumber, v.code])).toEqual([[4, 'primary-key']])
    expect(result.violations[0].message).toBe('primary key (a, b) repeats row 2')
  })

  it('the Frictionless unique-field files: unique and primary key', async () => {
    const schema = await readFile(fixture('frictionless/unique-field.json'), 'utf8')
    const result = await validate(fixture('frictionless/unique-field.csv'), schema)
    expect(result.violations.map(v => v.code).sort()).toEqual(['primary-key', 'unique-error'])
  })
})

describe('dataset checks for ML (mlChecks)', () => {
  const rows =
    [
      'id,label,score',
      ...Array.from(
        { length: 20 },
        (_, i) => `${i},${i < 18 ? 'cat' : 'dog'},${i % 5 === 0 ? '' : i}`
      ),
      '3,cat,3',
      '4,cat,4'
    ].join('\n') + '\n'

  it('row bounds, null fraction, required classes and class share, duplicate rows, column policy', async () => {
    const file = await temp('ml.csv', rows)
    const result = await validate(file, {
      fields: [
        { name: 'id', type: 'integer' },
        { name: 'label' },
        { name: 'score', type: 'number' },
        { name: 'weight', type: 'number' }
      ],
      mlChecks: {
        rows: { min: 100 },
        maxNullFraction: { score: 0.1 },
        label: { column: 'label', classes: ['cat', 'dog', 'bird'], minShare: 0.2 },
        duplicateRows: 'error',
        columns: 'subset'
      }
    })
    expect(result.violations.map(v => [v.code, v.rowNumber])).toEqual([
      ['duplicate-row', 22],
      ['duplicate-row', 23],
      ['row-count', 0],
      ['null-fraction', 0],
      ['label-class-missing', 0],
      ['label-class-share', 0]
    ])
    expect(result.violations.map(v => v.message).slice(2)).toEqual([
      '22 rows; the schema asks for at least 100',
      'field "score" is empty in 4 of 22 rows (18.2 %); the schema allows 10.0 %',
      'class "bird" of "label" never appears (found: cat, dog)',
      'class "dog" of "label" is 9.1 % of the rows (2); the schema asks for at least 20.0 %'
    ])
    expect(result.stats.classCounts).toEqual({ cat: 20, dog: 2 })
  })

  it('columns: superset lets extra columns through; exact reports them', async () => {
    const file = await temp('cols.csv', 'a,b\n1,2\n')
    const schema = (columns: string) => ({ fields: [{ name: 'a' }], mlChecks: { columns } })
    expect((await validate(file, schema('superset'))).violations).toEqual([])
    expect((await validate(file, schema('exact'))).violations.map(v => v.code)).toEqual([
      'extra-label'
    ])
  })

  it('a schema that names a field that does not exist is a bad schema, not a violation', () => {
    expect(() =>
      parseTableSchema(
        JSON.stringify({ fields: [{ name: 'a' }], mlChecks: { label: { column: 'y' } } }),
        's.yml'
      )
    ).toThrow('s.yml: mlChecks.label.column: "y" is not a field (fields: a)')
    expect(() =>
      parseTableSchema(
        JSON.stringify({ fields: [{ name: 'a' }], mlChecks: { duplicateRow: 'error' } }),
        's.yml'
      )
    ).toThrow('s.yml: mlChecks: unknown key "duplicateRow"')
  })
})

describe('infer', () => {
  it.each([
    'iris/iris.csv',
    'real/mixed.csv',
    'real/mixed.jsonl',
    'real/mixed.snappy.parquet',
    'real/iris.parquet'
  ])('%s: the inferred schema validates the same file with no violations', async name => {
    const file = fixture(name)
    const schema = await inferSchema(file, formatOf(file), {})
    const result = await validate(file, stringify(schema))
    expect(result.violations).toEqual([])
  })

  it('finds types, required, ranges and categories', async () => {
    const schema = await inferSchema(fixture('iris/iris.csv'), 'csv', {})
    expect(schema.fields).toEqual([
      {
        name: 'sepal length (cm)',
        type: 'number',
        constraints: { required: true, minimum: 4.3, maximum: 7.9 }
      },
      {
        name: 'sepal width (cm)',
        type: 'number',
        constraints: { required: true, minimum: 2, maximum: 4.4 }
      },
      {
        name: 'petal length (cm)',
        type: 'number',
        constraints: { required: true, minimum: 1, maximum: 6.9 }
      },
      {
        name: 'petal width (cm)',
        type: 'number',
        constraints: { required: true, minimum: 0.1, maximum: 2.5 }
      },
      { name: 'target', type: 'integer', constraints: { required: true, enum: [0, 1, 2] } },
      {
        name: 'species',
        type: 'string',
        constraints: { required: true, enum: ['setosa', 'versicolor', 'virginica'] }
      }
    ])
  })

  it('property: any random table written as CSV and JSONL infers a schema that passes, and both formats agree', async () => {
    const cell = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }).map(String),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String),
      fc.constantFrom('', 'x, y', 'say "hi"', 'ümlaut', 'line\nbreak', 'true')
    )
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }).chain(width =>
          fc.array(fc.array(cell, { minLength: width, maxLength: width }), {
            minLength: 1,
            maxLength: 15
          })
        ),
        async rows => {
          const width = rows[0].length
          const header = Array.from({ length: width }, (_, i) => `c${i}`)
          const quote = (text: string) =>
            /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
          const csv = await temp(
            'r.csv',
            [header, ...rows].map(row => row.map(quote).join(',')).join('\n') + '\n'
          )
          const jsonl = await temp(
            'r.jsonl',
            rows
              .map(row => JSON.stringify(Object.fromEntries(header.map((h, i) => [h, row[i]]))))
              .join('\n') + '\n'
          )
          for (const file of [csv, jsonl]) {
            const schema = await inferSchema(file, formatOf(file), {})
            const result = await validate(file, stringify(schema))
            // A row of empty cells is a blank row in CSV: the one thing inference cannot undo.
            const blank = rows.filter(row => row.every(c => c === '')).length
            expect(result.rows).toBe(rows.length)
            expect(result.violations.filter(v => v.code !== 'blank-row')).toEqual([])
            expect(result.violations.length).toBe(blank)
          }
        }
      ),
      { numRuns: 60 }
    )
  })
})

describe('the schema file format', () => {
  it('has a JSON Schema editors can use', () => {
    const jsonSchema = schemaFileJsonSchema() as { properties: Record<string, unknown> }
    expect(Object.keys(jsonSchema.properties)).toEqual(
      expect.arrayContaining(['fields', 'missingValues', 'primaryKey', 'mlChecks'])
    )
  })
})
