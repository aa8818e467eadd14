// A compact profile of the dataset for drift checks against a baseline: a seeded sample of rows read
// in its own pass (the validator's hot path is untouched), summarised per column in a bounded size.
import { z } from 'zod'
import { PROFILE_SALT, rankOf, Smallest, type Ranked } from '../sample/priority.js'
import { RowOrigins } from '../sample/subset.js'
import type { CandidateOrigins } from '../sample/types.js'
import { UserError } from '../errors.js'
import type { Dialect } from './dialect.js'
import { readDataset } from './readers/many.js'
import { ABSENT, type DataFormat, type RowPosition, type TextCells } from './table.js'

/** Rows the profile is drawn from (a uniform sample of the whole file). */
export const PROFILE_ROWS = 10_000
/** The profile's JSON stays under this; columns past it are named as omitted. */
export const PROFILE_MAX_BYTES = 100_000
/** Quantiles kept for a number column: every 2.5 %, an equal-frequency histogram of 40 bins. */
export const PROFILE_QUANTILES = 40
/** Categories kept per column; the rest are counted together. */
export const PROFILE_TOP = 50
const MAX_CATEGORY_LENGTH = 100

export interface NumberProfile {
  kind: 'number'
  count: number
  nulls: number
  /** PROFILE_QUANTILES + 1 values, from the minimum to the maximum. */
  quantiles: number[]
}

export interface CategoryProfile {
  kind: 'category'
  count: number
  nulls: number
  /** The most frequent values (clipped to 100 characters) with their counts, most frequent first. */
  top: Array<[string, number]>
  /** Values outside `top`. */
  other: number
}

/** Mostly distinct values (identifiers, free text, whole numbers none of which repeats): counted, not compared. */
export interface TextProfile {
  kind: 'text'
  count: number
  nulls: number
  distinct: number
}

export type ColumnProfile = NumberProfile | CategoryProfile | TextProfile

export interface DataProfile {
  /** Data rows in the file, and how many of them the profile summarises. */
  rows: number
  sampled: number
  seed: number
  columns: Record<string, ColumnProfile>
  /** Columns left out to keep the profile within PROFILE_MAX_BYTES. */
  omitted?: string[]
}

export interface ProfileOptions {
  format: DataFormat
  delimiter?: string
  /** CSV/TSV: the Table Dialect, and the column names of a file without a header (the schema's). */
  dialect?: Dialect
  columnNames?: string[]
  seed: number
  /** Cell texts that mean "no value" (the schema's missingValues). */
  missingValues?: string[]
  rows?: number
  /** The source is a file of the candidates a matrix's shards drew (see sample/types.ts). */
  candidates?: CandidateOrigins
}

type Cell = string | number | boolean | null

function plainCell(value: unknown): Cell {
  if (value === undefined || value === ABSENT || value === null) return null
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return value
  if (typeof value === 'bigint') return Number(value)
  if (value instanceof Date) return value.toISOString()
  return JSON.stringify(value)
}

/**
 * A cell's text as a string of its own: a slice of the reader's chunk would keep the whole chunk alive
 * (10,000 kept rows held 180 MiB of chunks on the bench's CSV).
 */
function ownText(text: string): string {
  return (' ' + text).slice(1)
}

const counted = { count: z.number().int().nonnegative(), nulls: z.number().int().nonnegative() }

/** A profile as read back from a baseline's manifest: bounded, so a bad one cannot blow up a comparison. */
export const dataProfileSchema = z.object({
  rows: z.number().int().nonnegative(),
  sampled: z.number().int().nonnegative(),
  seed: z.number(),
  columns: z.record(
    z.string(),
    z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('number'),
        ...counted,
        quantiles: z.array(z.number()).length(PROFILE_QUANTILES + 1)
      }),
      z.object({
        kind: z.literal('category'),
        ...counted,
        top: z.array(z.tuple([z.string(), z.number().nonnegative()])).max(PROFILE_TOP),
        other: z.number().nonnegative()
      }),
      z.object({ kind: z.literal('text'), ...counted, distinct: z.number().int().nonnegative() })
    ])
  ),
  omitted: z.array(z.string()).max(100_000).optional()
}) satisfies z.ZodType<DataProfile>

/**
 * One pass over the file: the rows of smallest profile priority (a uniform sample that shards draw
 * alike), cells made into values only for rows it keeps. From a file of the shards' candidates, each
 * row's priority is its origin's and the rows counted are the dataset's.
 */
async function drawProfileRows(source: string | readonly string[], options: ProfileOptions) {
  const kept = new Smallest<Ranked & { cells: Cell[] }>(options.rows ?? PROFILE_ROWS)
  const { candidates } = options
  if (candidates?.problem) throw new UserError(`profiling the dataset: ${candidates.problem}`)
  let header: string[] = []
  const origins = new RowOrigins(options.format, candidates?.origins)
  const rank = (position: RowPosition) => rankOf(options.seed, PROFILE_SALT, origins.next(position))
  await readDataset(
    source,
    options.format,
    { delimiter: options.delimiter, dialect: options.dialect, columnNames: options.columnNames },
    {
      startFile: index => origins.startFile(index),
      header: labels => void (header = [...labels]),
      textRow(cells: TextCells, position) {
        const ranked = rank(position)
        if (kept.wants(ranked.priority, ranked.index))
          kept.offer({
            ...ranked,
            cells: Array.from({ length: cells.count }, (_, k) => ownText(cells.cell(k)))
          })
      },
      row(cells, position) {
        const ranked = rank(position)
        if (kept.wants(ranked.priority, ranked.index))
          kept.offer({ ...ranked, cells: cells.map(plainCell) })
      },
      problem(problem) {
        throw new UserError(`profiling the dataset: ${problem.message}`)
      }
    }
  )
  return {
    header,
    kept: kept.ranked().map(row => row.cells),
    rows: candidates?.rows ?? origins.rows
  }
}

const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/

function asNumber(value: Cell): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'string' && NUMBER.test(value)) return Number(value)
  return null
}

/** The value at fraction `q` of sorted `values`, interpolated between neighbours. */
function quantile(sorted: Float64Array, q: number): number {
  const at = q * (sorted.length - 1)
  const low = Math.floor(at)
  const high = Math.min(low + 1, sorted.length - 1)
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low)
}

function round(value: number): number {
  return Number(value.toPrecision(7))
}

function categories(values: Cell[], count: number, nulls: number): ColumnProfile {
  const counts = new Map<string, number>()
  for (const value of values) {
    const key = String(value).slice(0, MAX_CATEGORY_LENGTH)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  if (counts.size > PROFILE_TOP && counts.size > values.length / 2)
    return { kind: 'text', count, nulls, distinct: counts.size }
  const top = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, PROFILE_TOP)
  const other = values.length - top.reduce((sum, [, n]) => sum + n, 0)
  return { kind: 'category', count, nulls, top, other }
}

/**
 * One column's profile: numbers (when every value is one and there are more than PROFILE_TOP distinct)
 * as quantiles, identifiers and free text as a count, everything else as its most frequent values.
 */
export function profileColumn(cells: Cell[], missingValues: string[] = ['']): ColumnProfile {
  const missing = new Set(missingValues)
  const values = cells.filter(
    cell => cell !== null && !(typeof cell === 'string' && missing.has(cell))
  )
  const count = cells.length
  const nulls = count - values.length
  const numbers = values.map(asNumber)
  if (!values.length || numbers.some(value => value === null))
    return categories(values, count, nulls)
  const distinct = new Set(numbers).size
  if (distinct <= PROFILE_TOP) return categories(numbers, count, nulls)
  if (distinct === values.length && numbers.every(value => Number.isInteger(value)))
    return { kind: 'text', count, nulls, distinct }
  const sorted = Float64Array.from(numbers as number[]).sort()
  const quantiles = Array.from({ length: PROFILE_QUANTILES + 1 }, (_, k) =>
    round(quantile(sorted, k / PROFILE_QUANTILES))
  )
  return { kind: 'number', count, nulls, quantiles }
}

/** Columns in header order until the JSON would pass `maxBytes`; the rest are named as omitted. */
function bounded(profile: DataProfile, maxBytes: number): DataProfile {
  const entries = Object.entries(profile.columns)
  const sizes = entries.map(([name, column]) => JSON.stringify({ [name]: column }).length)
  const fits = (kept: number): boolean => {
    const omitted = entries.slice(kept).map(([name]) => name.slice(0, MAX_CATEGORY_LENGTH))
    const rest = JSON.stringify({ ...profile, columns: {}, omitted }).length
    return rest + sizes.slice(0, kept).reduce((sum, size) => sum + size, 0) <= maxBytes
  }
  if (fits(entries.length)) return profile
  // The most columns that fit: fits() only turns false as columns are added.
  let [low, high] = [0, entries.length]
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (fits(middle)) low = middle
    else high = middle - 1
  }
  const kept = low
  const omitted = entries.slice(kept).map(([name]) => name.slice(0, MAX_CATEGORY_LENGTH))
  return { ...profile, columns: Object.fromEntries(entries.slice(0, kept)), omitted }
}

/**
 * The dataset's profile (a file, or a dataset's files as one table): a seeded sample of PROFILE_ROWS
 * rows, summarised in ≤ PROFILE_MAX_BYTES.
 */
export async function profileDataset(
  source: string | readonly string[],
  options: ProfileOptions
): Promise<DataProfile> {
  const { header, kept, rows } = await drawProfileRows(source, options)
  const columns: Record<string, ColumnProfile> = {}
  header.forEach((name, index) => {
    columns[name] = profileColumn(
      kept.map(row => row[index] ?? null),
      options.missingValues
    )
  })
  const profile = { rows, sampled: kept.length, seed: options.seed, columns }
  return bounded(profile, PROFILE_MAX_BYTES)
}
