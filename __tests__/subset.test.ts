import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { Reservoir, seededRandom } from '../src/sample/random.js'
import { writeSubset } from '../src/sample/subset.js'

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
      delimiter: ','
    })
    expect(await readFile(result.path, 'utf8')).toBe(
      'id,note\r\n0,"multi\r\nline, ""quoted"""\r\n1,plain\r\n2,plain\r\n'
    )
    expect(result.rows).toBe(3)
  })

  it('random: same seed gives a byte-identical file; another seed another sample; rows stay in file order', async () => {
    const options = { rows: 50, strategy: 'random' as const, delimiter: ',' }
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

  it('takes every row when the file has fewer than asked', async () => {
    const result = await writeSubset(source, path.join(dir, 'all.csv'), {
      rows: 5000,
      strategy: 'random',
      seed: 1,
      delimiter: ','
    })
    expect(result.rows).toBe(1000)
  })
})

describe('Reservoir', () => {
  it('keeps exactly min(size, n) distinct items from the stream, deterministically', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 300 }),
        fc.nat(),
        (size, n, seed) => {
          const sample = (s: number) => {
            const reservoir = new Reservoir<number>(size, seededRandom(s))
            for (let i = 0; i < n; i++) reservoir.offer(i)
            return reservoir.inStreamOrder()
          }
          const picked = sample(seed)
          expect(picked).toHaveLength(Math.min(size, n))
          expect(new Set(picked).size).toBe(picked.length)
          expect(sample(seed)).toEqual(picked)
        }
      )
    )
  })

  it('is close to uniform: each of 20 items is picked about 5/20 of the time', () => {
    const counts = new Array(20).fill(0)
    const trials = 4000
    for (let t = 0; t < trials; t++) {
      const reservoir = new Reservoir<number>(5, seededRandom(t))
      for (let i = 0; i < 20; i++) reservoir.offer(i)
      for (const item of reservoir.inStreamOrder()) counts[item]++
    }
    for (const count of counts) expect(Math.abs(count / trials - 0.25)).toBeLessThan(0.04)
  })
})
