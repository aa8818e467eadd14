import { readFile } from 'node:fs/promises'
import { describe, expect, it } from '@jest/globals'
import { parseTableSchema } from '../src/data/schema.js'
import { formatOf } from '../src/data/table.js'
import { validateTable } from '../src/data/validate-file.js'
import type { Violation } from '../src/data/validate.js'

const fixture = (name: string): string => new URL(`../fixtures/${name}`, import.meta.url).pathname

async function validate(file: string, schemaText: string, maxViolations = 1000) {
  const schema = parseTableSchema(schemaText, 'schema.yml')
  return validateTable(fixture(file), schema, {
    format: formatOf(file),
    maxViolations,
    schemaLabel: 'schema.yml'
  })
}

const brief = (v: Violation) => [v.rowNumber, v.fieldNumber ?? null, v.code]

describe('validateCsv on real files', () => {
  it('passes the iris table written by pandas', async () => {
    const schema = await readFile(fixture('iris/iris.schema.yml'), 'utf8')
    const result = await validate('iris/iris.csv', schema)
    expect(result.rows).toBe(150)
    expect(result.violations).toEqual([])
  })

  it('finds every planted defect in broken.csv at its line, field and code', async () => {
    const schema = await readFile(fixture('iris/iris.schema.yml'), 'utf8')
    const result = await validate('iris/broken.csv', schema)
    expect(result.violations.map(v => [v.line, v.field ?? null, v.code])).toEqual([
      [4, 'petal width (cm)', 'type-error'],
      [6, 'target', 'constraint-error'],
      [8, 'sepal length (cm)', 'constraint-error'],
      [10, null, 'extra-cell'],
      [12, 'species', 'missing-cell'],
      [14, 'species', 'constraint-error'],
      [16, 'petal width (cm)', 'constraint-error']
    ])
    expect(result.violations[0].message).toBe(
      'field "petal width (cm)": expected a number; got "abc"'
    )
    expect(result.violations[1].message).toBe('field "target": "7" is not one of 0, 1, 2')
    expect(result.violations[2].message).toBe(
      'field "sepal length (cm)" is required; the cell is empty'
    )
    expect(result.violations[6].message).toBe(
      'field "petal width (cm)": 12.5 is above the maximum 10'
    )
    expect(result.countsByCode).toEqual({
      'type-error': 1,
      'constraint-error': 4,
      'extra-cell': 1,
      'missing-cell': 1
    })
  })

  it('counts the nulls pandas wrote in mixed.csv exactly (MANIFEST.json), across multi-line notes', async () => {
    const manifest = JSON.parse(await readFile(fixture('real/MANIFEST.json'), 'utf8'))
    const schema = JSON.stringify({
      fields: [
        { name: 'id', type: 'integer', constraints: { required: true, minimum: 0 } },
        { name: 'age', type: 'integer', constraints: { required: true } },
        { name: 'income', type: 'number', constraints: { required: true } },
        { name: 'city', type: 'string' },
        { name: 'signup', type: 'string' },
        { name: 'signup_date', type: 'date' },
        { name: 'is_active', type: 'boolean' },
        { name: 'label', type: 'integer', constraints: { enum: [0, 1] } },
        { name: 'note', type: 'string' }
      ]
    })
    const result = await validate('real/mixed.csv', schema, 5000)
    expect(result.rows).toBe(manifest.tables.mixed.rows)
    expect(result.countsByField).toEqual({
      age: manifest.tables.mixed.null_age,
      income: manifest.tables.mixed.null_income
    })
    expect(new Set(result.violations.map(v => v.code))).toEqual(new Set(['constraint-error']))
  })
})

describe('validateCsv on the Frictionless test files', () => {
  const schema = JSON.stringify({
    fields: [
      { name: 'id', type: 'integer' },
      { name: 'name', type: 'string' }
    ]
  })

  it('invalid.csv: the same rows, fields and codes frictionless-py reports', async () => {
    const result = await validate('frictionless/invalid.csv', schema)
    expect(result.violations.map(brief)).toEqual([
      [1, 3, 'blank-label'],
      [1, 4, 'duplicate-label'],
      [2, 3, 'missing-cell'],
      [2, 4, 'missing-cell'],
      [3, 3, 'missing-cell'],
      [3, 4, 'missing-cell'],
      [4, null, 'blank-row'],
      [5, 5, 'extra-cell']
    ])
  })

  it('blank-rows.csv: a row of empty cells is a blank-row', async () => {
    const result = await validate(
      'frictionless/blank-rows.csv',
      JSON.stringify({
        fields: [
          { name: 'id', type: 'integer' },
          { name: 'name' },
          { name: 'age', type: 'integer' }
        ]
      })
    )
    expect(result.violations.map(brief)).toEqual([[4, null, 'blank-row']])
  })

  it('duplicate-headers.csv and capital-invalid.csv: duplicate, extra and missing labels', async () => {
    const duplicates = await validate(
      'frictionless/duplicate-headers.csv',
      JSON.stringify({ fields: [{ name: 'id' }, { name: 'name' }, { name: 'age' }] })
    )
    expect(duplicates.violations.map(brief)).toEqual([
      [1, 3, 'duplicate-label'],
      [1, 5, 'duplicate-label']
    ])
    const capital = await validate(
      'frictionless/capital-invalid.csv',
      JSON.stringify({
        fields: [{ name: 'id', type: 'integer' }, { name: 'name' }, { name: 'name2' }]
      })
    )
    expect(capital.violations.map(brief)).toEqual([
      [1, 3, 'duplicate-label'],
      [1, null, 'missing-label'],
      [10, 3, 'missing-cell'],
      [11, null, 'blank-row'],
      [12, 1, 'type-error'],
      [12, 4, 'extra-cell']
    ])
  })

  it('bom.csv reads its first header without the BOM; latin1.csv is reported, not misread', async () => {
    const bom = await validate('frictionless/bom.csv', schema)
    expect(bom.violations).toEqual([])
    const latin1 = await validate('frictionless/latin1.csv', schema)
    expect(latin1.violations.map(v => v.code)).toEqual(['invalid-utf8'])
  })
})

describe('validateCsv positions and caps', () => {
  it('keeps only max-violations but counts them all', async () => {
    const schema = await readFile(fixture('iris/iris.schema.yml'), 'utf8')
    const result = await validate('iris/broken.csv', schema, 3)
    expect(result.violations).toHaveLength(3)
    expect(result.violationCount).toBe(7)
    expect(result.truncated).toBe(true)
  })
})
