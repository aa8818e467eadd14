/** Unique fields, primary and unique keys and duplicate rows: repeats named by their first row, in file order. */
import { describe, expect, it } from '@jest/globals'
import { KeyStore } from '../src/data/keys/store.js'
import { parseTableSchema } from '../src/data/schema.js'
import type { FilesSink } from '../src/data/readers/many.js'
import { ABSENT, type TableSink } from '../src/data/table.js'
import { validateRows, type KeySeams } from '../src/data/validate.js'

/** A table read from memory: `rows` after the header, row i on line i + 2. */
async function validate(
  schema: object,
  header: string[],
  rows: unknown[][],
  seams?: KeySeams,
  maxViolations = 100
) {
  const parsed = parseTableSchema(JSON.stringify(schema), 's.json')
  const read = async (sink: TableSink) => {
    sink.header(header, 1)
    rows.forEach((cells, i) => sink.row(cells, { line: i + 2 }))
    return {}
  }
  return validateRows(parsed, { format: 'csv', maxViolations, schemaLabel: 's.json' }, read, seams)
}

/** Each violation as [code, row, message]. */
const found = (result: Awaited<ReturnType<typeof validate>>) =>
  result.violations.map(v => [v.code, v.rowNumber, v.message])

describe('unique fields and keys', () => {
  it('finds a unique field repeating, per field, naming the first row, at the cell', async () => {
    const result = await validate(
      {
        fields: [
          { name: 'id', type: 'integer', constraints: { unique: true } },
          { name: 'name' },
          { name: 'email', constraints: { unique: true } }
        ]
      },
      ['id', 'name', 'email'],
      [
        ['1', 'a', 'a@x'],
        ['2', 'a', 'b@x'],
        ['1', 'b', 'b@x'],
        ['1', 'c', 'c@x']
      ]
    )
    expect(found(result)).toEqual([
      ['unique-error', 4, 'field "id": "1" already appears in row 2; the field must be unique'],
      [
        'unique-error',
        4,
        'field "email": "b@x" already appears in row 3; the field must be unique'
      ],
      ['unique-error', 5, 'field "id": "1" already appears in row 2; the field must be unique']
    ])
    expect(result.violations[1]).toMatchObject({ line: 4, fieldNumber: 3, field: 'email' })
    expect(result.countsByField).toEqual({ id: 2, email: 1 })
  })

  it('compares values as the schema reads them: 1.0 and 1 are one number, "1.0" and "1" two strings', async () => {
    const result = await validate(
      {
        fields: [
          { name: 'n', type: 'number', constraints: { unique: true } },
          { name: 'i', type: 'integer', constraints: { unique: true } },
          { name: 's', type: 'string', constraints: { unique: true } },
          { name: 'v', type: 'any', constraints: { unique: true } }
        ]
      },
      ['n', 'i', 's', 'v'],
      [
        ['1.0', '01', '1.0', 1],
        ['1', '1', '1', '1'],
        ['1e0', '+1', '01', true],
        ['-0', '-0', '-0', [1, 2]],
        ['0', '0', '0', [1, 2]]
      ]
    )
    expect(found(result).map(([, row, message]) => `${row}: ${message}`)).toEqual([
      '3: field "n": "1" already appears in row 2; the field must be unique',
      '3: field "i": "1" already appears in row 2; the field must be unique',
      '4: field "n": "1e0" already appears in row 2; the field must be unique',
      '4: field "i": "+1" already appears in row 2; the field must be unique',
      '6: field "n": "0" already appears in row 5; the field must be unique',
      '6: field "i": "0" already appears in row 5; the field must be unique',
      '6: field "v": "1,2" already appears in row 5; the field must be unique'
    ])
  })

  it('finds a composite primary key repeating only when every part repeats; parts stay apart', async () => {
    const result = await validate(
      {
        fields: [{ name: 'a' }, { name: 'x' }, { name: 'b' }],
        primaryKey: ['a', 'b'],
        fieldsMatch: 'equal'
      },
      ['b', 'x', 'a'],
      [
        ['1', 'p', 'k'],
        ['2', 'p', 'k'],
        ['1', 'q', 'j'],
        ['2', 'q', 'k'],
        // ("xstring:y", "z") is not ("x", "ystring:z"); nor is a part holding the separator.
        ['z', 'r', 'xstring:y'],
        ['ystring:z', 'r', 'x'],
        ['b\u0000c', 'r', 'a'],
        ['c', 'r', 'a\u0000b']
      ]
    )
    expect(found(result)).toEqual([['primary-key', 5, 'primary key (a, b) repeats row 3']])
  })

  it('a key part missing or invalid is null and compared as such; all null is empty, blank rows too', async () => {
    const result = await validate(
      {
        fields: [{ name: 'a', type: 'integer' }, { name: 'b', type: 'integer' }, { name: 'c' }],
        primaryKey: ['a', 'b']
      },
      ['a', 'b', 'c'],
      [
        ['1', 'x', 'x'],
        ['1', '', 'y'],
        ['1', '2', ''],
        ['1', '2', 'z'],
        ['', 'y', 'z'],
        ['', '', ''],
        ['1', ABSENT, 'w']
      ]
    )
    expect(found(result).filter(([code]) => code === 'primary-key')).toEqual([
      ['primary-key', 3, 'primary key (a, b) repeats row 2'],
      ['primary-key', 5, 'primary key (a, b) repeats row 4'],
      ['primary-key', 6, 'primary key (a, b) is empty: no part has a valid value'],
      ['primary-key', 7, 'primary key (a, b) is empty: no part has a valid value'],
      ['primary-key', 8, 'primary key (a, b) repeats row 2']
    ])
  })

  it('unique keys skip a row with a null part (as SQL); a one-field unique key is a cell error', async () => {
    const result = await validate(
      { fields: [{ name: 'a' }, { name: 'b' }, { name: 'c' }], uniqueKeys: [['a', 'b'], ['c']] },
      ['a', 'b', 'c'],
      [
        ['1', 'x', 'p'],
        ['1', 'x', 'q'],
        ['1', '', 'q'],
        ['1', '', 'r']
      ]
    )
    expect(result.violations.map(v => [v.rowNumber, v.fieldNumber, v.message])).toEqual([
      [3, undefined, 'unique key (a, b) repeats row 2'],
      [4, 3, 'unique key (c) repeats row 3']
    ])
  })

  it("logs a row's violations in the validator's order: cells by column, then the keys, then the row", async () => {
    const result = await validate(
      {
        fields: [
          { name: 'id', type: 'integer', constraints: { unique: true } },
          { name: 'age', type: 'integer' }
        ],
        primaryKey: 'id',
        mlChecks: { duplicateRows: 'error' }
      },
      ['id', 'age'],
      [
        ['7', '1'],
        ['7', 'x'],
        ['7', '1', 'extra'],
        ['7', '1']
      ]
    )
    expect(result.violations.map(v => [v.code, v.rowNumber, v.fieldNumber])).toEqual([
      ['unique-error', 3, 1],
      ['type-error', 3, 2],
      ['primary-key', 3, undefined],
      ['unique-error', 4, 1],
      ['extra-cell', 4, 3],
      ['primary-key', 4, undefined],
      ['unique-error', 5, 1],
      ['primary-key', 5, undefined],
      ['duplicate-row', 5, undefined]
    ])
    expect(result.stats.duplicateRows).toBe(1)
    // Cut at max-violations, the kept ones are the first in that order, and every one is counted.
    const cut = await validate(
      {
        fields: [
          { name: 'id', constraints: { unique: true } },
          { name: 'n', type: 'integer' }
        ]
      },
      ['id', 'n'],
      [
        ['a', 'x'],
        ['a', '1'],
        ['b', 'y'],
        ['a', 'z']
      ],
      undefined,
      3
    )
    expect(cut.violations.map(v => [v.code, v.rowNumber])).toEqual([
      ['type-error', 2],
      ['unique-error', 3],
      ['type-error', 4]
    ])
    expect([cut.violationCount, cut.truncated]).toEqual([5, true])
  })

  it('counts whole duplicate rows, telling cell boundaries, empty and absent cells apart', async () => {
    const result = await validate(
      {
        fields: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
        mlChecks: { duplicateRows: 'error' }
      },
      ['a', 'b', 'c'],
      [
        ['a', 'bc', '1'],
        ['ab', 'c', '1'],
        ['a', 'bc', '1'],
        ['a', 'bc', '1'],
        ['a', '', '1'],
        ['a', ABSENT, '1']
      ]
    )
    expect(found(result).filter(([code]) => code === 'duplicate-row')).toEqual([
      ['duplicate-row', 4, 'the row repeats row 2'],
      ['duplicate-row', 5, 'the row repeats row 2']
    ])
    expect(result.stats.duplicateRows).toBe(2)
  })
})

/** A store whose hashes keep one bit: nearly every key collides with others. */
class CollidingStore extends KeyStore {
  override add(hi: number, lo: number, row: number): void {
    super.add(0, (lo & 1) + 1, row)
  }
}

describe('hashes only nominate: the exact re-check decides', () => {
  const schema = {
    fields: [
      { name: 'id', type: 'integer', constraints: { unique: true } },
      { name: 'x', type: 'number' },
      { name: 'tag' }
    ],
    primaryKey: ['x', 'tag'],
    uniqueKeys: [['tag', 'id']],
    mlChecks: { duplicateRows: 'error' }
  }
  const header = ['id', 'x', 'tag']
  // 2,000 rows: a few repeated ids, keys and whole rows among many unique ones.
  const rows = Array.from({ length: 2000 }, (_, i) =>
    i % 397 === 5 ? ['3', '0.5', 't3'] : [String(i % 499 === 7 ? 7 : i), String(i / 2), `t${i}`]
  )

  it('colliding hashes give no false report, and the same answer', async () => {
    const exact = await validate(schema, header, rows)
    expect(exact.violationCount).toBeGreaterThan(10)
    const colliding = await validate(schema, header, rows, {
      keyStore: () => new CollidingStore()
    })
    expect(colliding).toEqual(exact)
    const unique = rows.map((_, i) => [String(i), String(i), `t${i}`])
    const none = await validate(schema, header, unique, { keyStore: () => new CollidingStore() })
    expect(none.violationCount).toBe(0)
  })

  it('a tiny budget spills the hashes to disk, and the re-check compares in shares: same answer', async () => {
    const exact = await validate(schema, header, rows)
    const stores: KeyStore[] = []
    const small = await validate(schema, header, rows, {
      keyStore: () => {
        const store = new CollidingStore({ memoryBytes: 1 })
        stores.push(store)
        return store
      },
      recheckMemoryBytes: 100_000
    })
    expect(stores[0].spilledRuns).toBeGreaterThan(10)
    expect(small).toEqual(exact)
  })
})

describe('keys across the files of a dataset', () => {
  const schema = {
    fields: [{ name: 'id', type: 'integer', constraints: { unique: true } }, { name: 'tag' }],
    uniqueKeys: [['tag']],
    mlChecks: { duplicateRows: 'error' }
  }
  const files: Array<[string, unknown[][]]> = [
    [
      'a.csv',
      [
        ['1', 'p'],
        ['2', 'q']
      ]
    ],
    [
      'b.csv',
      [
        ['3', 'r'],
        ['1', 'p'],
        ['x', 's'],
        ['2', 'z']
      ]
    ],
    ['c.csv', [['9', 'q']]]
  ]

  /** The files read in turn as readFiles reads them (startFile before each), each from its own header. */
  async function validateFiles(seams?: KeySeams) {
    const parsed = parseTableSchema(JSON.stringify(schema), 's.json')
    const read = async (sink: FilesSink) => {
      for (const [index, [, rows]] of files.entries()) {
        sink.startFile?.(index)
        sink.header(['id', 'tag'], 1)
        rows.forEach((cells, i) => sink.row(cells, { line: i + 2 }))
      }
      return {}
    }
    const options = {
      format: 'csv' as const,
      maxViolations: 100,
      schemaLabel: 's.json',
      fileNames: files.map(([name]) => name)
    }
    return validateRows(parsed, options, read, seams)
  }

  it("the re-check reads every file: a repeat names its first row's file, each violation its own", async () => {
    const result = await validateFiles()
    expect(result.violations.map(v => [v.file, v.rowNumber, v.code, v.message])).toEqual([
      [
        'b.csv',
        3,
        'unique-error',
        'field "id": "1" already appears in row 2 of a.csv; the field must be unique'
      ],
      ['b.csv', 3, 'unique-error', 'unique key (tag) repeats row 2 of a.csv'],
      ['b.csv', 3, 'duplicate-row', 'the row repeats row 2 of a.csv'],
      ['b.csv', 4, 'type-error', 'field "id": expected an integer; got "x"'],
      [
        'b.csv',
        5,
        'unique-error',
        'field "id": "2" already appears in row 3 of a.csv; the field must be unique'
      ],
      ['c.csv', 2, 'unique-error', 'unique key (tag) repeats row 3 of a.csv']
    ])
    expect(result.stats.duplicateRows).toBe(1)
  })

  it('colliding hashes across files give no false report, and the same answer', async () => {
    const colliding = await validateFiles({ keyStore: () => new CollidingStore() })
    expect(colliding).toEqual(await validateFiles())
  })
})
