/** KeyStore: which 64-bit hashes repeat, in memory and across spilled runs and parts; keys across the split. */
import { existsSync, readdirSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from '@jest/globals'
import { KeyStore, sortEntries } from '../src/data/keys/store.js'
import { parseTableSchema, type TableSchema } from '../src/data/schema.js'
import { validateDataset } from '../src/data/validate-dataset.js'
import { validateTable } from '../src/data/validate-file.js'
import type { ValidationResult } from '../src/data/validation-types.js'
import type { OffThread } from '../src/worker/client.js'
import { perform } from '../src/worker/perform.js'
import type { WorkerResult, WorkerTask } from '../src/worker/tasks.js'

/** Every candidate as "hash:row", a group's first marked with *. */
function candidates(store: KeyStore): string[] {
  const seen: string[] = []
  store.candidates((hi, lo, row, first) => seen.push(`${hi}.${lo}:${row}${first ? '*' : ''}`))
  return seen
}

describe('KeyStore', () => {
  it('nominates each hash added more than once, with its rows in the order added', () => {
    const store = new KeyStore()
    store.add(5, 1, 2)
    store.add(9, 9, 3)
    store.add(5, 1, 4)
    store.add(5, 2, 5)
    store.add(0, 0, 6)
    store.add(5, 1, 7)
    store.add(9, 9, 8)
    expect(candidates(store)).toEqual(['5.1:2*', '5.1:4', '5.1:7', '9.9:3*', '9.9:8'])
    store.dispose()
  })

  it('past its memory it spills sorted runs to disk and merges them; dispose removes them', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'spill-'))
    const store = new KeyStore({ memoryBytes: 1, spillRoot: root })
    // 20,000 keys (runs of 256) and, past the first 64 runs, more runs than are merged at once.
    for (let row = 0; row < 20_000; row++) store.add((row * 2654435761) >>> 0, 7, row)
    // Rows 20,000 to 20,002 repeat the keys of rows 19,999, 3 and 12,345.
    for (const [k, row] of [19_999, 3, 12_345].entries())
      store.add((row * 2654435761) >>> 0, 7, 20_000 + k)
    expect(store.spilledRuns).toBeGreaterThan(64)
    const spilled = readdirSync(root)
    expect(spilled).toEqual([expect.stringMatching(/^ml-smoke-keys-/)])
    expect(
      candidates(store)
        .map(entry => entry.split(':')[1])
        .sort()
    ).toEqual(['12345*', '19999*', '20000', '20001', '20002', '3*'])
    store.dispose()
    expect(existsSync(path.join(root, spilled[0]))).toBe(false)
  })

  it.each([
    ['in memory', 1 << 20],
    ['spilled', 1]
  ])('finds exactly the repeated hashes among many equal ones (%s)', (_, memoryBytes) => {
    // 6,000 hashes from a small space: long runs of equal hi, and groups of equal (hi, lo).
    let state = 1
    const random = (n: number) => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) % n
    const store = new KeyStore({ memoryBytes })
    const rowsOf = new Map<string, number[]>()
    for (let row = 0; row < 6000; row++) {
      const hi = random(40) * 0x01000001
      const lo = random(400)
      store.add(hi, lo, row)
      rowsOf.set(`${hi}.${lo}`, [...(rowsOf.get(`${hi}.${lo}`) ?? []), row])
    }
    const expected = [...rowsOf]
      .filter(([, rows]) => rows.length > 1)
      .sort(([a], [b]) => {
        const [ah, al] = a.split('.').map(Number)
        const [bh, bl] = b.split('.').map(Number)
        return ah - bh || al - bl
      })
      .flatMap(([hash, rows]) => rows.map((row, k) => `${hash}:${row}${k === 0 ? '*' : ''}`))
    expect(candidates(store)).toEqual(expected)
    store.dispose()
  })

  it("absorbs another store's entries, their rows shifted, after its own", () => {
    const first = new KeyStore({ memoryBytes: 1 })
    const second = new KeyStore({ memoryBytes: 1 })
    for (let row = 0; row < 1000; row++) {
      first.add(row, row, row)
      second.add(row + 995, row + 995, row)
    }
    const merged = new KeyStore()
    merged.absorb(first.detach())
    merged.absorb(second.detach(), 1000)
    expect(candidates(merged).map(entry => entry.split(':')[1])).toEqual(
      [995, 996, 997, 998, 999].flatMap(row => [`${row}*`, `${row + 5}`])
    )
    expect(candidates(first)).toEqual([])
    merged.dispose()
  })
})

describe('sortEntries', () => {
  it.each([
    ['random hashes', 200_000, 2 ** 32],
    ['few hi values', 50_000, 7],
    ['one hi value', 3_000, 1]
  ])('sorts entries in place by (hi, lo, row), as a comparison sort does (%s)', (_, count, his) => {
    let state = 9
    const random = (n: number) =>
      ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) * 2 ** 32 + state) % n
    const entries = new Uint32Array(count * 3)
    for (let i = 0; i < count; i++) {
      entries[3 * i] = his === 1 ? 12345 : random(his) * (his < 100 ? 0x01000193 : 1)
      entries[3 * i + 1] = random(count / 3)
      entries[3 * i + 2] = i
    }
    const expected = Array.from({ length: count }, (_, i) =>
      Array.from(entries.subarray(3 * i, 3 * i + 3))
    )
    expected.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2])
    sortEntries(entries)
    expect(Array.from(entries)).toEqual(expected.flat())
  })
})

/** The file validated on two threads (the worker's task done in this thread) and in one pass: equal. */
async function splitAsOnePass(file: string, schema: TableSchema): Promise<ValidationResult> {
  const options = { format: 'csv', maxViolations: 1000, schemaLabel: 's.json' } as const
  const inThisThread: OffThread = {
    run: <T extends WorkerTask>(task: T) => perform(task) as Promise<WorkerResult<T>>
  }
  process.env.ML_SMOKE_PARALLEL_MIN_BYTES = '1000'
  const two = await validateDataset(file, schema, options, inThisThread)
  expect(two.parts).toBe(2)
  const one = await validateTable(file, schema, options)
  expect({ ...two, parts: undefined }).toEqual({ ...one, parts: undefined })
  return two
}

describe('keys across the two-thread split', () => {
  afterEach(() => {
    delete process.env.ML_SMOKE_PARALLEL_MIN_BYTES
  })

  it('each part hashes its keys and the merge finds repeats across them, as one pass does', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'split-keys-'))
    const file = path.join(dir, 'table.csv')
    // 30,000 rows; ids 100..104 come back in the second half, 100 twice, and rows 3 and 29,000 are whole
    // duplicates; (a, b) repeats once within each half.
    const rows = Array.from({ length: 30_000 }, (_, i) => {
      const id = i >= 28_000 && i < 28_006 ? 100 + (i % 5) : i
      const b = i === 10 || i === 17 || i === 20_010 || i === 20_017 ? 'same' : `b${i}`
      return i === 29_000 ? '3,1.5,b3' : `${id},${(i % 7) / 2},${b}`
    })
    await writeFile(file, `id,a,b\n${rows.join('\n')}\n`)
    const schema = parseTableSchema(
      JSON.stringify({
        fields: [
          { name: 'id', type: 'integer', constraints: { unique: true } },
          { name: 'a', type: 'number' },
          { name: 'b' }
        ],
        primaryKey: 'id',
        uniqueKeys: [['a', 'b']],
        mlChecks: { duplicateRows: 'error' }
      }),
      's.json'
    )
    const two = await splitAsOnePass(file, schema)
    expect(two.violations.map(v => [v.line, v.code, v.message])).toEqual([
      [19, 'unique-error', 'unique key (a, b) repeats row 12'],
      [20019, 'unique-error', 'unique key (a, b) repeats row 20012'],
      ...[0, 1, 2, 3, 4, 5].flatMap(k => [
        [
          28002 + k,
          'unique-error',
          `field "id": "${100 + (k % 5)}" already appears in row ${102 + (k % 5)}; the field must be unique`
        ],
        [28002 + k, 'primary-key', `primary key (id) repeats row ${102 + (k % 5)}`]
      ]),
      [29002, 'unique-error', 'field "id": "3" already appears in row 5; the field must be unique'],
      [29002, 'primary-key', 'primary key (id) repeats row 5'],
      [29002, 'unique-error', 'unique key (a, b) repeats row 5'],
      [29002, 'duplicate-row', 'the row repeats row 5']
    ])
    expect(two.stats.duplicateRows).toBe(1)
  })

  it('a foreign key kept only by a row of the other half, or broken in either: as one pass finds it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'split-references-'))
    const file = path.join(dir, 'table.csv')
    // 30,000 rows: each of the first half refers to a row of the second, and back; 6 refer to no row.
    const rows = Array.from({ length: 30_000 }, (_, i) => {
      const parent = i % 5000 === 7 ? 90_000 + i : (i + 15_000) % 30_000
      return `${i},${parent}`
    })
    await writeFile(file, `id,parent\n${rows.join('\n')}\n`)
    const schema = parseTableSchema(
      JSON.stringify({
        fields: [
          { name: 'id', type: 'integer' },
          { name: 'parent', type: 'integer' }
        ],
        foreignKeys: [{ fields: 'parent', reference: { resource: '', fields: 'id' } }]
      }),
      's.json'
    )
    const two = await splitAsOnePass(file, schema)
    expect(two.violations.map(v => [v.line, v.message])).toEqual(
      [7, 5007, 10007, 15007, 20007, 25007].map(i => [
        i + 2,
        `foreign key (parent) = (${90_000 + i}) is not the (id) of any row`
      ])
    )
  })
})
