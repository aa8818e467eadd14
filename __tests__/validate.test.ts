import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { parseTableSchema } from '../src/data/schema.js'
import { formatOf } from '../src/data/table.js'
import { validateTable } from '../src/data/validate-file.js'

const fixture = (name: string): string => new URL(`../fixtures/${name}`, import.meta.url).pathname

async function validate(file: string, schemaText: string, maxViolations = 1000) {
  const schema = parseTableSchema(schemaText, 'schema.yml')
  return validateTable(fixture(file), schema, {
    format: formatOf(file),
    maxViolations,
    schemaLabel: 'schema.yml'
  })
}

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
      // As frictionless-py: a required field's missing cell is also a constraint-error.
      [12, 'species', 'constraint-error'],
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
    expect(result.violations[7].message).toBe(
      'field "petal width (cm)": 12.5 is above the maximum 10'
    )
    expect(result.countsByCode).toEqual({
      'type-error': 1,
      'constraint-error': 5,
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

describe('validateCsv positions and caps', () => {
  it('keeps only max-violations but counts them all', async () => {
    const schema = await readFile(fixture('iris/iris.schema.yml'), 'utf8')
    const result = await validate('iris/broken.csv', schema, 3)
    expect(result.violations).toHaveLength(3)
    expect(result.violationCount).toBe(8)
    expect(result.truncated).toBe(true)
  })
})

describe('numbers read in place from CSV text', () => {
  // The Table Schema number grammar (plus NaN, INF, -INF and +INF), as the reference for the hand scan.
  const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/
  const SPECIAL: Record<string, number> = {
    NaN: NaN,
    INF: Infinity,
    '-INF': -Infinity,
    '+INF': Infinity
  }
  const cell = fc.oneof(
    fc.stringMatching(/^[+-]?\d{0,25}(\.\d{0,25})?([eE][+-]?\d{0,3})?$/),
    fc.string({ unit: fc.constantFrom('0', '1', '9', '.', 'e', '-', '+', 'x', ' '), maxLength: 8 }),
    fc.double({ noNaN: true }).map(String),
    fc.constantFrom('NaN', 'INF', '-INF', '+INF', '0.29999999999999999', '0.30000000000000001')
  )

  it('a long number whose digits, summed in doubles, land just past the bound is cast exactly', async () => {
    // Summed digit by digit, 0.442700946984737505 is 0.44270094698473755; Number() gives 0.4427009469847375.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'numbers-'))
    const file = path.join(dir, 'edge.csv')
    await writeFile(file, 'x\n0.442700946984737505\n0.4427009469847376\n')
    const schema = parseTableSchema(
      JSON.stringify({
        fields: [{ name: 'x', type: 'number', constraints: { maximum: 0.4427009469847375 } }]
      }),
      's.json'
    )
    const result = await validateTable(file, schema, {
      format: 'csv',
      maxViolations: 10,
      schemaLabel: 's.json'
    })
    expect(result.violations.map(v => [v.rowNumber, v.message])).toEqual([
      [3, 'field "x": 0.4427009469847376 is above the maximum 0.4427009469847375']
    ])
  })

  it('cast exactly as Number(text) for the bounds, long digit strings included, and type-checked by the grammar', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'numbers-'))
    let run = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(cell, { minLength: 1, maxLength: 40 }),
        fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(0.3)),
        async (cells, maximum) => {
          const file = path.join(dir, `n${run++}.csv`)
          // A second column keeps a row with an empty x from being a blank row.
          await writeFile(file, `x,y\n${cells.map(c => `"${c}",1`).join('\n')}\n`)
          const schema = parseTableSchema(
            JSON.stringify({
              fields: [{ name: 'x', type: 'number', constraints: { maximum } }, { name: 'y' }]
            }),
            's.json'
          )
          const result = await validateTable(file, schema, {
            format: 'csv',
            maxViolations: 1000,
            schemaLabel: 's.json'
          })
          const expected = cells.flatMap((text, i) => {
            if (text === '') return [] // a missing value
            const bare = text.trim() // spaces around a number are no part of it
            const value = bare in SPECIAL ? SPECIAL[bare] : NUMBER.test(bare) ? Number(bare) : null
            if (value === null) return [[i + 2, 'type-error']]
            return Number.isNaN(value) || value > maximum ? [[i + 2, 'constraint-error']] : []
          })
          expect(result.violations.map(v => [v.rowNumber, v.code])).toEqual(expected)
        }
      ),
      { numRuns: 150 }
    )
  })

  it('integers and ISO dates read in place agree with the grammar and the calendar', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'in-place-'))
    const digits = (min: number, max: number) =>
      fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`))
    const integer = fc.oneof(
      fc.stringMatching(/^[+-]?\d{0,20}$/),
      fc.string({ unit: fc.constantFrom('0', '7', '-', '+', 'x', '.'), maxLength: 6 })
    )
    const date = fc.oneof(
      fc.tuple(digits(4, 4), digits(2, 2), digits(2, 2)).map(([y, m, d]) => `${y}-${m}-${d}`),
      fc.string({ unit: fc.constantFrom('2', '0', '1', '-', '9'), maxLength: 11 })
    )
    const validDate = (text: string): boolean => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
      if (!m) return false
      const when = new Date(0)
      when.setUTCFullYear(+m[1], +m[2] - 1, +m[3]) // unlike Date.UTC, keeps years 0-99
      return when.getUTCMonth() === +m[2] - 1 && when.getUTCDate() === +m[3]
    }
    let run = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(integer, date), { minLength: 1, maxLength: 30 }),
        async rows => {
          const file = path.join(dir, `r${run++}.csv`)
          await writeFile(file, `n,d,y\n${rows.map(([n, d]) => `"${n}","${d}",1`).join('\n')}\n`)
          const schema = parseTableSchema(
            JSON.stringify({
              fields: [
                { name: 'n', type: 'integer', constraints: { minimum: -5 } },
                { name: 'd', type: 'date', constraints: { maximum: '1999-12-31' } },
                { name: 'y' }
              ]
            }),
            's.json'
          )
          const result = await validateTable(file, schema, {
            format: 'csv',
            maxViolations: 1000,
            schemaLabel: 's.json'
          })
          const expected = rows.flatMap(([n, d], i) => {
            const out: Array<[number, string, string]> = []
            if (n !== '')
              if (!/^[+-]?\d+$/.test(n)) out.push([i + 2, 'n', 'type-error'])
              else if (Number(n) < -5) out.push([i + 2, 'n', 'constraint-error'])
            if (d !== '')
              if (!validDate(d)) out.push([i + 2, 'd', 'type-error'])
              else if (d > '1999-12-31') out.push([i + 2, 'd', 'constraint-error'])
            return out
          })
          expect(result.violations.map(v => [v.rowNumber, v.field, v.code])).toEqual(expected)
        }
      ),
      { numRuns: 100 }
    )
  })
})

describe('null counts of text rows', () => {
  it('count every missing value, in each file of a dataset, whichever path checked the cell', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nulls-'))
    const files = [path.join(dir, 'a.csv'), path.join(dir, 'b.csv')]
    // b.csv has its columns in another order: each file's header maps its own columns.
    await writeFile(files[0], 'id,score,note\n1,,x\n2,NA,""\n3,0.5,"say ""hi"""\n4,-,\n')
    await writeFile(files[1], 'note,id,score\n,5,NA\ny,,1.5\n')
    const schema = parseTableSchema(
      JSON.stringify({
        fields: [
          { name: 'id', type: 'integer', constraints: { required: true } },
          { name: 'score', type: 'number', missingValues: ['', 'NA', '-'] },
          { name: 'note', type: 'string' }
        ],
        fieldsMatch: 'equal'
      }),
      'schema.json'
    )
    const result = await validateTable(files, schema, {
      format: 'csv',
      maxViolations: 100,
      schemaLabel: 'schema.json'
    })
    expect(result.stats.nullCounts).toEqual({ id: 1, score: 4, note: 3 })
    expect(result.violations.map(v => [v.code, v.field, v.rowNumber])).toEqual([
      ['constraint-error', 'id', 3]
    ])
  })
})
