import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { CsvRecord } from '../src/data/csv.js'
import { FastCells } from '../src/data/cells/fast-cells.js'
import { compileField, MISSING, type CompiledField } from '../src/data/cells/field.js'
import type { KeyTracker } from '../src/data/key-tracker.js'
import type { FieldDescriptor } from '../src/data/schema.js'

/** Fields whose cells FastCells may take, each with the bounds, enums and missing values it folds. */
const FIELDS: FieldDescriptor[] = [
  { name: 'age', type: 'integer', constraints: { required: true, minimum: 0, maximum: 100 } },
  { name: 'step', type: 'integer', constraints: { exclusiveMinimum: -3, exclusiveMaximum: 7 } },
  { name: 'flag', type: 'integer', constraints: { enum: [0, 1] } },
  { name: 'income', type: 'number', constraints: { minimum: 0 } },
  { name: 'share', type: 'number', constraints: { minimum: 0.1, exclusiveMaximum: 99.9 } },
  { name: 'close', type: 'number', constraints: { maximum: 100, minimum: 100 } },
  { name: 'floor', type: 'number', constraints: { minimum: 100 } },
  { name: 'rate', type: 'number', constraints: { enum: [1.5, 2] } },
  { name: 'plain', type: 'number', missingValues: ['NA', '-'] },
  { name: 'day', type: 'date', constraints: { minimum: '2015-01-01', maximum: '2025-12-31' } },
  { name: 'active', type: 'boolean' },
  { name: 'yes', type: 'boolean', trueValues: ['yes'], falseValues: ['no'] },
  { name: 'city', type: 'string', constraints: { enum: ['Oslo', 'Lima', 'Rome', 'Os'] } },
  { name: 'email', type: 'string', constraints: { pattern: '[^@ ]+@[^@ ]+\\.[a-z]+' } },
  { name: 'code', type: 'string', missingValues: ['NA'], constraints: { enum: ['NA', 'x', ''] } }
]

const CELLS = [
  ...['', '0', '-0', '+5', '100', '101', '-3', '-2', '6', '7', '1', '2', '007', ' 1', '1 ', '1.0'],
  ...[
    '1e3',
    '1E-3',
    '1e',
    '.5',
    '5.',
    '-.5',
    '99.9',
    '99.89999999999999999',
    '0.1',
    '0.0999999999'
  ],
  // Summed in doubles these read as 100; exactly, they are above and below it.
  ...[
    '100.00000000000001',
    '99.999999999999991',
    '99.999999999999999999',
    '1.5',
    '1.50',
    '2',
    'NaN',
    'INF',
    '-INF',
    '+INF'
  ],
  ...['123456789012345', '1234567890123456', '12345678901234567890123', '1,000', 'NA', '-', 'n/a'],
  ...[
    '2015-01-01',
    '2014-12-31',
    '2025-12-31',
    '2026-01-01',
    '2020-02-29',
    '2019-02-29',
    '2020-13-01'
  ],
  ...[
    '2020-1-01',
    '20200101',
    '2020-00-10',
    'true',
    'false',
    'True',
    'TRUE',
    '1',
    'yes',
    'no',
    'tru'
  ],
  ...['Oslo', 'oslo', 'Os', 'Oslo ', 'Lim', 'a@b.io', 'a@b', 'a b@c.de', 'x', 'é@ü.de', '0x10']
]

/** A one-row text record of the given cells (as the CSV tokenizer hands rows over). */
function recordOf(cells: string[]): CsvRecord {
  const record = new CsvRecord()
  const source = cells.join(',')
  record.reset(source, 1)
  let at = 0
  for (const cell of cells) {
    record.add(at, at + cell.length, undefined)
    at += cell.length + 1
  }
  return record
}

/** The values FastCells feeds to the keys, by column. */
function keysRecorder(): { keys: KeyTracker; fed: Map<number, unknown> } {
  const fed = new Map<number, unknown>()
  const keys = { feeds: () => true, value: (k: number, value: unknown) => fed.set(k, value) }
  return { keys: keys as unknown as KeyTracker, fed }
}

const byName = (name: string) => FIELDS.find(field => field.name === name)!

describe('FastCells', () => {
  for (const valueRead of [false, true])
    it(`accepts a cell only when its field accepts it, and feeds the keys the field's value (valueRead ${valueRead})`, () => {
      const fields = FIELDS.map((field, i) => compileField(field, i, [''], 's', { valueRead }))
      const fast = new FastCells(fields, new Set())
      let accepted = 0
      const missing = new Array<number>(fields.length).fill(0)
      for (const cell of CELLS) {
        const record = recordOf(fields.map(() => cell))
        const { keys, fed } = keysRecorder()
        fast.acceptRow(record, fields.length, keys, 1)
        fields.forEach((field: CompiledField, k) => {
          if (fast.pending[k] === 1) return
          accepted++
          const verdict = { field: field.name, cell, problem: field.checkText(record, k) }
          expect(verdict).toEqual({ field: field.name, cell, problem: null })
          if (field.value === MISSING) {
            missing[k]++
            expect(fed.has(k)).toBe(false)
          } else if (valueRead)
            expect({ cell, value: fed.get(k) }).toEqual({ cell, value: field.value })
        })
      }
      // Most valid cells take this path: a FastCells that accepted nothing would pass the loop above.
      expect(accepted).toBeGreaterThan(60)
      expect([...fast.takeMissing()]).toEqual(missing)
      expect(missing.filter(Boolean).length).toBeGreaterThan(5)
      expect([...fast.takeMissing()]).toEqual(missing.map(() => 0))
    })

  it('property: on any cell of digits, signs, points, exponents, dates and words, takes only what the field passes', () => {
    for (const valueRead of [false, true]) takesOnlyWhatTheFieldPasses(valueRead)
  })

  function takesOnlyWhatTheFieldPasses(valueRead: boolean): void {
    const fields = FIELDS.map((field, i) => compileField(field, i, [''], 's', { valueRead }))
    const fast = new FastCells(fields, new Set())
    const piece = fc.constantFrom(
      ...'0123456789'.split(''),
      ...['.', '-', '+', 'e', 'E', ' ', 'N', 'A', 'I', 'F', '@', 'x', 'é'],
      ...[
        '00',
        '99',
        '100',
        '1e',
        '2020-',
        '02-29',
        '12-31',
        'true',
        'Oslo',
        'NaN',
        'INF',
        '9999999999'
      ]
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), pieces => {
        const cell = pieces.join('')
        const record = recordOf(fields.map(() => cell))
        const { keys, fed } = keysRecorder()
        fast.acceptRow(record, fields.length, keys, 1)
        fields.forEach((field, k) => {
          if (fast.pending[k] === 1) return
          expect({ field: field.name, cell, problem: field.checkText(record, k) }).toEqual({
            field: field.name,
            cell,
            problem: null
          })
          if (valueRead)
            expect(fed.get(k)).toEqual(field.value === MISSING ? undefined : field.value)
        })
        fast.takeMissing()
      }),
      { numRuns: 3000, seed: 7 }
    )
  }

  it('checks a cell with doubled quotes as its text; a missing value the field requires goes to the field', () => {
    const names = ['age', 'city', 'plain']
    const fields = [...names.map((name, i) => compileField(byName(name), i, [''], 's')), null]
    const fast = new FastCells(fields, new Set())
    const record = recordOf(['', 'Rome', 'NA', 'anything'])
    expect(fast.acceptRow(record, 4, keysRecorder().keys, 1)).toBe(false)
    expect([...fast.pending]).toEqual([1, 0, 0, 0])
    expect([...fast.takeMissing()]).toEqual([0, 0, 1, 0])
    const doubled = new CsvRecord()
    doubled.reset('"4""2","Os""lo",5,x', 1)
    doubled.add(1, 5, '4"2')
    doubled.add(7, 14, 'Os"lo')
    doubled.add(16, 17, undefined)
    doubled.add(18, 19, undefined)
    expect(fast.acceptRow(doubled, 4, keysRecorder().keys, 1)).toBe(false)
    expect([...fast.pending]).toEqual([1, 1, 0, 0])
    const plain = compileField({ name: 'note', type: 'string' }, 0, [''], 's', { valueRead: true })
    const notes = new FastCells([plain], new Set())
    const { keys, fed } = keysRecorder()
    expect(notes.acceptRow(doubled, 1, keys, 1)).toBe(true)
    expect(fed.get(0)).toBe('4"2')
  })

  it('takes no column the caller keeps for the field (the label, counted by its text)', () => {
    const fields = [compileField(byName('flag'), 0, [''], 's')]
    const record = recordOf(['1'])
    const labelled = new FastCells(fields, new Set([0]))
    expect(labelled.useful).toBe(false)
    expect(labelled.acceptRow(record, 1, keysRecorder().keys, 1)).toBe(false)
    expect(new FastCells(fields, new Set()).acceptRow(record, 1, keysRecorder().keys, 1)).toBe(true)
  })
})
