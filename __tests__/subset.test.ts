import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet'
import { rowPriority, SUBSET_SALT } from '../src/sample/priority.js'
import { readTable } from '../src/data/readers/index.js'
import type { DataFormat } from '../src/data/table.js'
import { allocate, Sampler } from '../src/sample/strategies.js'
import { drawRows, writeSubset } from '../src/sample/subset.js'

let dir: string
let source: string

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'subset-'))
  source = path.join(dir, 'data.csv')
  const rows = Array.from({ length: 1000 }, (_, i) =>
    i % 100 === 0 ? `${i},"multi\r\nline, ""quoted"""` : `${i},plain`
  )
  await writeFile(source, `id,note\r\n${rows.join('\r\n')}\r\n`)
})

describe('writeSubset', () => {
  it('head: the first N records, byte for byte with the original header and CRLF', async () => {
    const result = await writeSubset(source, path.join(dir, 'head.csv'), {
      rows: 3,
      strategy: 'head',
      seed: 0,
      format: 'csv'
    })
    expect(await readFile(result.path, 'utf8')).toBe(
      'id,note\r\n0,"multi\r\nline, ""quoted"""\r\n1,plain\r\n2,plain\r\n'
    )
    expect(result.rows).toBe(3)
  })

  it('random: same seed gives a byte-identical file; another seed another sample; rows stay in file order', async () => {
    const options = { rows: 50, strategy: 'random' as const, format: 'csv' as const }
    const a = await writeSubset(source, path.join(dir, 'a.csv'), { ...options, seed: 7 })
    const b = await writeSubset(source, path.join(dir, 'b.csv'), { ...options, seed: 7 })
    const c = await writeSubset(source, path.join(dir, 'c.csv'), { ...options, seed: 8 })
    expect(a.sha256).toBe(b.sha256)
    expect(await readFile(a.path, 'utf8')).toBe(await readFile(b.path, 'utf8'))
    expect(c.sha256).not.toBe(a.sha256)
    expect(a.rows).toBe(50)
    expect(a.sourceRows).toBe(1000)
    const ids = (await readFile(a.path, 'utf8'))
      .split('\r\n')
      .filter(line => /^\d+,/.test(line))
      .map(line => Number(line.split(',')[0]))
      .filter(id => Number.isInteger(id) && !Number.isNaN(id))
    expect(ids).toEqual([...ids].sort((x, y) => x - y))
  })

  it('knows which source rows it took; a draw that excludes them never returns one', async () => {
    const options = { rows: 40, strategy: 'random' as const, seed: 3, format: 'csv' as const }
    const subset = await writeSubset(source, path.join(dir, 'taken.csv'), options)
    const ids = (await readFile(subset.path, 'utf8'))
      .split('\r\n')
      .filter(line => /^\d+,/.test(line))
      .map(line => Number(line.split(',')[0]))
    // Row i of data.csv has id i: the indices are the ids the subset holds.
    expect([...subset.rowIndices]).toEqual(ids)
    const rest = await drawRows(source, { ...options, rows: 2000 }, {}, subset.rowIndices)
    expect(rest.items).toHaveLength(960)
    const taken = new Set(subset.rowIndices)
    expect(rest.items.filter(item => taken.has(item.index))).toEqual([])
    expect(rest.items.map(item => Number(item.cells[0]))).toEqual(
      rest.items.map(item => item.index)
    )
  })

  it('takes every row when the file has fewer than asked', async () => {
    const result = await writeSubset(source, path.join(dir, 'all.csv'), {
      rows: 5000,
      strategy: 'random',
      seed: 1,
      format: 'csv'
    })
    expect(result.rows).toBe(1000)
  })
})

/** A random sampler over `n` items of one file, each at line i + 2, drawn by seed `seed`. */
function drawn(size: number, n: number, seed: number): number[] {
  const sampler = new Sampler<number>({
    rows: size,
    strategy: 'random',
    seed,
    minPerClass: 1,
    labelled: false
  })
  for (let i = 0; i < n; i++)
    sampler.offer(i, { index: i, priority: rowPriority(seed, SUBSET_SALT, 0, i + 2, 0) })
  return sampler.result().items
}

describe('draws by priority', () => {
  it('keeps exactly min(size, n) distinct items from the stream, in stream order, deterministically', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 300 }),
        fc.nat(),
        (size, n, seed) => {
          const picked = drawn(size, n, seed)
          expect(picked).toHaveLength(Math.min(size, n))
          expect(new Set(picked).size).toBe(picked.length)
          expect(picked).toEqual([...picked].sort((x, y) => x - y))
          expect(drawn(size, n, seed)).toEqual(picked)
        }
      )
    )
  })

  it('is close to uniform: each of 20 items is picked about 5/20 of the time', () => {
    const counts = new Array(20).fill(0)
    const trials = 4000
    for (let t = 0; t < trials; t++) for (const item of drawn(5, 20, t)) counts[item]++
    for (const count of counts) expect(Math.abs(count / trials - 0.25)).toBeLessThan(0.04)
  })

  it('priorities are spread evenly: the smallest 1 % of 100,000 rows holds about 1,000', () => {
    const low = Array.from({ length: 100_000 }, (_, i) =>
      rowPriority(3, SUBSET_SALT, i % 7, i, 0)
    ).filter(priority => priority < 2 ** 53 / 100).length
    expect(Math.abs(low - 1000)).toBeLessThan(120)
  })
})

describe('stratified subsets', () => {
  const labelled = async (labels: string[]): Promise<string> => {
    const file = path.join(
      dir,
      `labelled-${labels.length}-${Math.random().toString(36).slice(2)}.csv`
    )
    await writeFile(file, `id,label\n${labels.map((label, i) => `${i},${label}`).join('\n')}\n`)
    return file
  }

  it('keeps every class, even a rare one, in proportion otherwise; the counts are reported', async () => {
    const labels = [
      ...Array(900).fill('common'),
      ...Array(95).fill('medium'),
      ...Array(5).fill('rare')
    ]
    const file = await labelled(labels)
    const result = await writeSubset(file, path.join(dir, 's.csv'), {
      rows: 100,
      strategy: 'stratified',
      seed: 3,
      format: 'csv',
      labelColumn: 'label'
    })
    expect(result.rows).toBe(100)
    expect(result.classes).toEqual({
      common: { available: 900, chosen: 90 },
      medium: { available: 95, chosen: 9 },
      rare: { available: 5, chosen: 1 }
    })
    const again = await writeSubset(file, path.join(dir, 's2.csv'), {
      rows: 100,
      strategy: 'stratified',
      seed: 3,
      format: 'csv',
      labelColumn: 'label'
    })
    expect(again.sha256).toBe(result.sha256)
  })

  it('property: any class mix and budget gives min(rows, n) rows, every class present, each within one row of its share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 6, max: 120 }),
        (sizes, budget) => {
          const counts = new Map(sizes.map((size, i) => [`c${i}`, size]))
          const allocation = allocate(counts, budget, 1)
          const total = sizes.reduce((a, b) => a + b, 0)
          const given = [...allocation.values()].reduce((a, b) => a + b, 0)
          expect(given).toBe(Math.min(budget, total))
          for (const [label, size] of counts) {
            const got = allocation.get(label)!
            expect(got).toBeGreaterThanOrEqual(1)
            expect(got).toBeLessThanOrEqual(size)
            // Proportional, except where the minimum of one row or a class's size bends it.
            const ideal = (Math.min(budget, total) * size) / total
            if (ideal >= 1 && got < size)
              expect(Math.abs(got - ideal)).toBeLessThanOrEqual(sizes.length)
          }
        }
      )
    )
  })

  it('property: the sampled rows are real, distinct rows of their class, and the same seed gives the same subset', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 3, maxLength: 200 }),
        fc.nat(),
        fc.integer({ min: 3, max: 50 }),
        (labels, seed, rows) => {
          const take = (s: number) => {
            const sampler = new Sampler<number>({
              rows,
              strategy: 'stratified',
              seed: s,
              minPerClass: 1,
              labelled: true
            })
            labels.forEach((label, i) =>
              sampler.offer(i, { index: i, priority: rowPriority(s, SUBSET_SALT, 0, i, 0) }, label)
            )
            return sampler.result()
          }
          const { items, classes } = take(seed)
          expect(new Set(items).size).toBe(items.length)
          expect(items).toEqual([...items].sort((x, y) => x - y))
          for (const [label, count] of Object.entries(classes!)) {
            expect(items.filter(i => labels[i] === label)).toHaveLength(count.chosen)
            expect(count.chosen).toBeGreaterThanOrEqual(1)
          }
          expect(take(seed).items).toEqual(items)
        }
      )
    )
  })

  it('a budget too small for the classes, a missing label column and stratified without one are clear errors', async () => {
    const file = await labelled(['a', 'b', 'c', 'd'])
    await expect(
      writeSubset(file, path.join(dir, 'x.csv'), {
        rows: 3,
        strategy: 'stratified',
        seed: 0,
        format: 'csv',
        labelColumn: 'label'
      })
    ).rejects.toThrow(
      'sample-rows 3 cannot hold 4 classes with min-per-class 1: raise sample-rows to at least 4'
    )
    await expect(
      writeSubset(file, path.join(dir, 'x.csv'), {
        rows: 3,
        strategy: 'random',
        seed: 0,
        format: 'csv',
        labelColumn: 'species'
      })
    ).rejects.toThrow('label-column "species" is not a column of')
    await expect(
      writeSubset(file, path.join(dir, 'x.csv'), {
        rows: 3,
        strategy: 'stratified',
        seed: 0,
        format: 'csv'
      })
    ).rejects.toThrow('needs label-column')
  })

  it('a label of more than 1000 values (a numeric target) has no classes: random draws, stratified is a clear error', async () => {
    const file = await labelled(Array.from({ length: 1500 }, (_, i) => (i * 0.37).toFixed(2)))
    const options = { rows: 50, seed: 0, format: 'csv' as const, labelColumn: 'label' }
    const random = await writeSubset(file, path.join(dir, 'numeric.csv'), {
      ...options,
      strategy: 'random'
    })
    expect(random.rows).toBe(50)
    expect(random.sourceRows).toBe(1500)
    expect(random.classes).toBeUndefined()
    await expect(
      writeSubset(file, path.join(dir, 'x.csv'), { ...options, strategy: 'stratified' })
    ).rejects.toThrow(
      'label-column "label" has more than 1000 distinct values, too many for a class label: sample-strategy stratified draws by class; for a numeric target use sample-strategy random'
    )
    // 1000 values are still classes.
    const thousand = await labelled(Array.from({ length: 1000 }, (_, i) => `c${i}`))
    const counted = await writeSubset(thousand, path.join(dir, 'thousand.csv'), {
      ...options,
      strategy: 'stratified',
      rows: 1000
    })
    expect(Object.keys(counted.classes!)).toHaveLength(1000)
  })

  it('a shard keeper that meets a 1001st value forgets its classes and keeps no candidate per class', () => {
    const sampler = new Sampler<number>({
      rows: 5,
      strategy: 'random',
      seed: 0,
      minPerClass: 1,
      labelled: true,
      candidates: true
    })
    for (let i = 0; i < 1001; i++) {
      const rank = { priority: rowPriority(0, SUBSET_SALT, 0, i, 0), index: i }
      sampler.count(String(i))
      if (sampler.wants(rank, String(i))) sampler.offer(i, rank, String(i), false)
    }
    expect(sampler.counted()).toEqual({ classes: null, rows: 1001 })
    expect(sampler.kept()).toHaveLength(5)
    expect(sampler.result().classes).toBeUndefined()
  })

  it('all keeps every row; head with a label still counts classes over the whole file', async () => {
    const file = await labelled(['a', 'a', 'b', 'b', 'b'])
    expect(
      (
        await writeSubset(file, path.join(dir, 'all.csv'), {
          rows: 2,
          strategy: 'all',
          seed: 0,
          format: 'csv'
        })
      ).rows
    ).toBe(5)
    const head = await writeSubset(file, path.join(dir, 'h.csv'), {
      rows: 2,
      strategy: 'head',
      seed: 0,
      format: 'csv',
      labelColumn: 'label'
    })
    expect(head.classes).toEqual({ a: { available: 2, chosen: 2 }, b: { available: 3, chosen: 0 } })
  })
})

describe('subsets in the dataset’s own format', () => {
  const fixture = (name: string): string => new URL(`../fixtures/${name}`, import.meta.url).pathname
  const read = async (file: string, format: DataFormat) => {
    const rows: unknown[][] = []
    let header: string[] = []
    await readTable(
      file,
      format,
      {},
      {
        header: h => void (header = h),
        row: cells => void rows.push([...cells]), // readers may reuse the array
        problem: p => {
          throw new Error(p.message)
        }
      }
    )
    return { header, rows }
  }

  it('JSON Lines: the chosen lines byte for byte', async () => {
    const result = await writeSubset(fixture('real/mixed.jsonl'), path.join(dir, 'm.jsonl'), {
      rows: 30,
      strategy: 'random',
      seed: 1,
      format: 'jsonl'
    })
    const source = new Set((await readFile(fixture('real/mixed.jsonl'), 'utf8')).split('\n'))
    const lines = (await readFile(result.path, 'utf8')).trimEnd().split('\n')
    expect(lines).toHaveLength(30)
    for (const line of lines) expect(source.has(line)).toBe(true)
  })

  it('Parquet: the same schema and values as the source rows, nulls included', async () => {
    const source = fixture('real/mixed.snappy.parquet')
    const result = await writeSubset(source, path.join(dir, 'm.parquet'), {
      rows: 20,
      strategy: 'head',
      seed: 0,
      format: 'parquet'
    })
    const written = await read(result.path, 'parquet')
    const original = await read(source, 'parquet')
    expect(written.header).toEqual(original.header)
    expect(written.rows).toEqual(original.rows.slice(0, 20))
  })

  it('Parquet TIME: read as the time of day, written back as the counts the source stores (fixtures/parquet/times.parquet, DuckDB)', async () => {
    const source = fixture('parquet/times.parquet')
    const parquet = await writeSubset(source, path.join(dir, 't.parquet'), {
      rows: 4,
      strategy: 'head',
      seed: 0,
      format: 'parquet'
    })
    expect((await read(parquet.path, 'parquet')).rows).toEqual([
      [1, '08:30:00'],
      [2, '12:34:56.789'],
      [3, null],
      [4, '23:59:59.999999']
    ])
    const stored = async (file: string) =>
      parquetReadObjects({ file: await asyncBufferFromFile(file) })
    expect(await stored(parquet.path)).toEqual(await stored(source))
    const csv = await writeSubset(source, path.join(dir, 't.csv'), {
      rows: 2,
      strategy: 'head',
      seed: 0,
      format: 'parquet',
      outputFormat: 'csv'
    })
    expect(await readFile(csv.path, 'utf8')).toBe('id,opened\n1,08:30:00\n2,12:34:56.789\n')
  })

  it('as CSV when asked: Parquet dates become ISO dates, nulls empty cells, text quoted', async () => {
    const result = await writeSubset(
      fixture('real/mixed.snappy.parquet'),
      path.join(dir, 'm.csv'),
      { rows: 5, strategy: 'head', seed: 0, format: 'parquet', outputFormat: 'csv' }
    )
    const text = await readFile(result.path, 'utf8')
    expect(result.format).toBe('csv')
    expect(text.split('\n')[0]).toBe('id,age,income,city,signup,signup_date,is_active,label,note')
    expect(text.split('\n')[1]).toBe('0,85,58573.73227208728,Lima,2023-11-08,2022-10-28,true,1,')
  })

  it('a JSON array stays a JSON array', async () => {
    const file = path.join(dir, 'rows.json')
    await writeFile(file, JSON.stringify([{ a: 1 }, { a: 2 }, { a: 3 }]))
    const result = await writeSubset(file, path.join(dir, 'sub.json'), {
      rows: 2,
      strategy: 'head',
      seed: 0,
      format: 'json'
    })
    expect(JSON.parse(await readFile(result.path, 'utf8'))).toEqual([{ a: 1 }, { a: 2 }])
  })
})
