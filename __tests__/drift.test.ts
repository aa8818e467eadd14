/** The data profile and the drift statistics behind the baseline comparison. */
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { chiSquareUpperTail } from '../src/compare/chi-square.js'
import {
  categoryDrift,
  jensenShannon,
  numberDrift,
  profileDrift,
  quantileCdf
} from '../src/compare/drift.js'
import {
  dataProfileSchema,
  PROFILE_MAX_BYTES,
  profileColumn,
  profileDataset,
  type CategoryProfile,
  type NumberProfile
} from '../src/data/profile.js'
import { seededRandom } from '../src/sample/random.js'

const random = seededRandom(7)
const normal = (mean: number): number =>
  mean + Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random())
const numbers = (n: number, mean: number) =>
  profileColumn(Array.from({ length: n }, () => normal(mean))) as NumberProfile
const categories = (n: number, weights: number[]) =>
  profileColumn(
    Array.from({ length: n }, () => {
      let x = random()
      let i = 0
      while (i < weights.length - 1 && x > weights[i]) x -= weights[i++]
      return `c${i}`
    })
  ) as CategoryProfile

describe('chiSquareUpperTail', () => {
  it('matches the table', () => {
    expect(chiSquareUpperTail(3.841, 1)).toBeCloseTo(0.05, 4)
    expect(chiSquareUpperTail(16.919, 9)).toBeCloseTo(0.05, 4)
    expect(chiSquareUpperTail(21.666, 9)).toBeCloseTo(0.01, 4)
    expect(chiSquareUpperTail(0, 3)).toBe(1)
  })
})

describe('profileColumn', () => {
  it('numbers as 41 quantiles, few distinct values and text as categories, identifiers as text', () => {
    const column = numbers(1000, 0)
    expect(column.kind).toBe('number')
    expect(column.quantiles).toHaveLength(41)
    expect(profileColumn(['1', '0', '1', '', null])).toMatchObject({
      kind: 'category',
      count: 5,
      nulls: 2,
      top: [
        ['1', 2],
        ['0', 1]
      ]
    })
    const ids = profileColumn(Array.from({ length: 500 }, (_, i) => String(i)))
    expect(ids).toMatchObject({ kind: 'text', distinct: 500 })
    expect(profileColumn(['NA', '3'], ['NA'])).toMatchObject({ nulls: 1 })
  })

  it('the CDF read back from quantiles is linear inside a bin', () => {
    expect(quantileCdf([0, 1, 2], -1)).toBe(0)
    expect(quantileCdf([0, 1, 2], 0.5)).toBe(0.25)
    expect(quantileCdf([0, 1, 2], 2)).toBe(1)
    // Ties: a jump at the repeated value.
    expect(quantileCdf([0, 0, 0, 1, 1], 0)).toBe(0.5)
  })
})

describe('drift', () => {
  it('the same distribution is not drift; a shifted one is, measured as PSI', () => {
    expect(numberDrift(numbers(10_000, 0), numbers(10_000, 0), 0.25).level).toBe('ok')
    const shifted = numberDrift(numbers(10_000, 0), numbers(10_000, 1), 0.25)
    // PSI of N(0,1) against N(1,1) is about δ² = 1 (binned: a little less).
    expect(shifted.value).toBeGreaterThan(0.7)
    expect(shifted.level).toBe('drifted')
    const half = numberDrift(numbers(10_000, 0), numbers(10_000, 0.5), 0.25)
    expect(half.value).toBeGreaterThan(0.18)
    expect(half.level).not.toBe('ok')
  })

  it('a small sample is not called drift on noise: the two-sample test must agree', () => {
    const noise = numberDrift(numbers(150, 0), numbers(150, 0), 0.05)
    expect(noise.p).toBeGreaterThan(0.01)
    expect(noise.level).toBe('ok')
  })

  it('categories by Jensen–Shannon (8 × JS on the PSI scale), unseen categories named', () => {
    expect(jensenShannon([1, 0], [0, 1])).toBeCloseTo(Math.log(2), 10)
    const same = categoryDrift(categories(5000, [0.5, 0.5]), categories(5000, [0.5, 0.5]), 0.25)
    expect(same.level).toBe('ok')
    const grown = categoryDrift(
      categories(5000, [0.5, 0.5]),
      categories(5000, [0.3, 0.3, 0.4]),
      0.25
    )
    expect(grown).toMatchObject({ statistic: 'js', level: 'drifted', unseen: ['c2'] })
    expect(grown.score).toBeCloseTo(8 * grown.value, 10)
  })

  it('whole profiles: columns added, removed, not compared, largest drift first', () => {
    const base = {
      rows: 3,
      sampled: 3,
      seed: 0,
      columns: { a: numbers(2000, 0), b: categories(2000, [0.5, 0.5]), gone: numbers(10, 0) }
    }
    const head = {
      rows: 3,
      sampled: 3,
      seed: 0,
      columns: { a: numbers(2000, 2), b: categories(2000, [0.5, 0.5]), fresh: numbers(10, 0) }
    }
    const report = profileDrift(base, head, 0.25)
    expect(report.columns.map(column => column.column)).toEqual(['a', 'b'])
    expect(report.added).toEqual(['fresh'])
    expect(report.removed).toEqual(['gone'])
  })
})

describe('profileDataset', () => {
  it('a seeded reservoir of the whole file, within 100 KB however wide the table', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'profile-'))
    const file = path.join(folder, 'wide.csv')
    const columns = Array.from({ length: 400 }, (_, i) => `c${i}`)
    const rows = Array.from({ length: 300 }, (_, r) =>
      columns.map((_, c) => ((r * 31 + c * 17) % 97) / 7)
    )
    await writeFile(file, [columns.join(','), ...rows.map(row => row.join(','))].join('\n') + '\n')
    const profile = await profileDataset(file, { format: 'csv', seed: 1, rows: 100 })
    expect(profile).toMatchObject({ rows: 300, sampled: 100 })
    expect(JSON.stringify(profile).length).toBeLessThanOrEqual(PROFILE_MAX_BYTES)
    expect(profile.omitted?.length).toBeGreaterThan(0)
    expect(Object.keys(profile.columns).length + profile.omitted!.length).toBe(400)
    expect(dataProfileSchema.parse(profile)).toEqual(profile)
    expect(await profileDataset(file, { format: 'csv', seed: 1, rows: 100 })).toEqual(profile)
  })
})
