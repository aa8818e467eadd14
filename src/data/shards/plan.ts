// A plan of shards: a dataset cut into parts of about equal bytes, for a GitHub Actions matrix to validate
// side by side (one job per shard) and a merge job to put back together.
import { createHash } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { UserError } from '../../errors.js'
import type { DatasetFiles } from '../dataset-files.js'
import { canSplitDialect, type Dialect } from '../dialect.js'
import { rowGroupBytes } from '../readers/parquet.js'
import { quoteBytes, readHeader, recordBoundaries, type Cut } from '../record-boundary.js'
import type { DataFormat } from '../table.js'

/** GitHub runs at most 256 jobs from one matrix. */
export const MAX_SHARDS = 256

/**
 * One part of a shard: a whole file, a CSV file's bytes [start, end) (end absent: to the file's end) whose
 * first record starts on line `firstLine`, or a Parquet file's row groups [from, to).
 */
export interface PlanPart {
  file: number
  start?: number
  end?: number
  firstLine?: number
  rowGroups?: { from: number; to?: number }
}

export interface ShardPlan {
  version: 1
  /** A digest of the rest: every shard's state names the plan it was made by. */
  id: string
  /** The dataset, or its splits in order: each one table, of one format. */
  tables: Array<{ split?: string; format: DataFormat }>
  /** Every table's files as the user names them, in order, with their sizes when planned. */
  files: Array<{ name: string; bytes: number; table?: number }>
  /** Each shard's parts, in the dataset's order; shards follow each other. */
  shards: PlanPart[][]
}

/** What a plan needs to know of how the files are read. */
export interface PlanReading {
  delimiter: string
  dialect?: Dialect
}

/** Where a file can be cut: a CSV's record boundaries, a Parquet file's row groups, or nowhere. */
type Cutter = (fractions: number[]) => Promise<Array<{ fraction: number; cut: Cut | number }>>

/** A CSV file is cut at record boundaries, if its header is one line and its quoting allows. */
async function csvCutter(file: string, size: number, reading: PlanReading): Promise<Cutter | null> {
  if (!canSplitDialect(reading.dialect)) return null
  if (!(await readHeader(file, reading.delimiter, reading.dialect))) return null
  return async fractions => {
    const cuts = await recordBoundaries(
      file,
      fractions.map(fraction => Math.floor(fraction * size)),
      quoteBytes(reading.dialect)
    )
    return cuts.flatMap(cut =>
      cut && cut.offset < size ? [{ fraction: cut.offset / size, cut }] : []
    )
  }
}

/** A Parquet file is cut between row groups, where the stored bytes before reach the fraction. */
async function parquetCutter(file: string): Promise<Cutter | null> {
  const groups = await rowGroupBytes(file)
  if (groups.length < 2) return null
  const total = groups.reduce((sum, bytes) => sum + bytes, 0) || 1
  return async fractions =>
    fractions.flatMap(fraction => {
      let [group, before] = [0, 0]
      while (group < groups.length && before + groups[group] / 2 < fraction * total)
        before += groups[group++]
      return group > 0 && group < groups.length
        ? [{ fraction: group / groups.length, cut: group }]
        : []
    })
}

/** One table of a plan: the dataset, or one of its splits. */
export interface PlanTable {
  split?: string
  dataset: DatasetFiles
}

/**
 * Where the shards meet, as places in the files (file index + the fraction of the file before): at a
 * file's start or end when a target falls near one (no part of a few rows), else `wanted`, a cut to make
 * inside the file.
 */
function boundaryTargets(
  sizes: number[],
  shards: number
): { boundaries: number[]; wanted: Map<number, number[]> } {
  const total = sizes.reduce((sum, size) => sum + size, 0)
  const near = total / shards / 10
  const wanted = new Map<number, number[]>()
  const boundaries: number[] = []
  let before = 0
  for (let k = 1, f = 0; k < shards; k++) {
    const target = (k * total) / shards
    while (f < sizes.length - 1 && before + sizes[f] <= target) before += sizes[f++]
    const local = target - before
    if (local < near) boundaries.push(f)
    else if (sizes[f] - local < near) boundaries.push(f + 1)
    else wanted.set(f, [...(wanted.get(f) ?? []), local / sizes[f]])
  }
  return { boundaries, wanted }
}

/** A file's cutter by its format: CSV/TSV at record boundaries, Parquet between row groups, else none. */
function cutterOf(file: string, format: DataFormat, size: number, reading: PlanReading) {
  if (format === 'parquet') return parquetCutter(file)
  if (format === 'csv' || format === 'tsv') return csvCutter(file, size, reading)
  return Promise.resolve(null)
}

/**
 * The files of the dataset (of each split in turn) in `shards` parts of about equal bytes. Cuts fall
 * inside a large CSV file (at a record boundary) or Parquet file (between row groups), else between
 * files, so a dataset of few uncut files can give fewer shards than asked.
 */
export async function planShards(
  tables: readonly PlanTable[],
  shards: number,
  readings: readonly PlanReading[]
): Promise<ShardPlan> {
  if (!Number.isInteger(shards) || shards < 1 || shards > MAX_SHARDS)
    throw new UserError(
      `shards: expected a whole number from 1 to ${MAX_SHARDS} (a matrix runs at most ${MAX_SHARDS} jobs); got ${shards}`
    )
  const files = tables.flatMap(({ dataset }, table) =>
    dataset.files.map((file, f) => ({
      file,
      name: dataset.names[f],
      table,
      format: dataset.format
    }))
  )
  const sizes = await Promise.all(files.map(async ({ file }) => (await stat(file)).size))
  const { boundaries, wanted } = boundaryTargets(sizes, shards)
  const cuts = new Map<number, Map<number, Cut | number>>()
  for (const [f, fractions] of wanted) {
    const cutter = await cutterOf(
      files[f].file,
      files[f].format,
      sizes[f],
      readings[files[f].table]
    )
    // A file that cannot be cut there is cut before or after, whichever is nearer.
    for (const fraction of fractions) if (!cutter) boundaries.push(fraction < 0.5 ? f : f + 1)
    for (const { fraction, cut } of cutter ? await cutter(fractions) : []) {
      boundaries.push(f + fraction)
      cuts.set(f, (cuts.get(f) ?? new Map()).set(fraction, cut))
    }
  }
  const unique = [...new Set(boundaries)]
    .filter(at => at > 0 && at < sizes.length)
    .sort((a, b) => a - b)
  const grouped: PlanPart[][] = [[]]
  for (const { part, at } of partsOf(files.length, sizes, cuts)) {
    if (unique.length && at >= unique[0] && grouped[grouped.length - 1].length) {
      while (unique.length && at >= unique[0]) unique.shift()
      grouped.push([])
    }
    grouped[grouped.length - 1].push(part)
  }
  return withId({
    tables: tables.map(({ split, dataset }) => ({
      ...(split ? { split } : {}),
      format: dataset.format
    })),
    files: files.map(({ name, table }, f) => ({
      name,
      bytes: sizes[f],
      ...(table ? { table } : {})
    })),
    shards: grouped
  })
}

/** Every part of every file, with the place it starts at (file index + fraction of the file before). */
function partsOf(
  count: number,
  sizes: number[],
  cuts: Map<number, Map<number, Cut | number>>
): Array<{ part: PlanPart; at: number }> {
  const parts: Array<{ part: PlanPart; at: number }> = []
  for (let file = 0; file < count; file++) {
    const inFile = [...(cuts.get(file) ?? new Map<number, Cut | number>())].sort(
      (a, b) => a[0] - b[0]
    )
    if (!inFile.length) {
      parts.push({ part: { file }, at: file })
      continue
    }
    const starts: Array<[number, Cut | number | null]> = [[0, null], ...inFile]
    starts.forEach(([fraction, cut], i) => {
      const next = starts[i + 1]?.[1] ?? null
      parts.push({ part: partBetween(file, cut, next), at: file + fraction })
    })
  }
  return parts
}

/** The part of a file from one cut to the next (null: the file's start, or its end). */
function partBetween(file: number, from: Cut | number | null, to: Cut | number | null): PlanPart {
  if (typeof from === 'number' || typeof to === 'number')
    return {
      file,
      rowGroups: {
        from: (from as number | null) ?? 0,
        ...(to === null ? {} : { to: to as number })
      }
    }
  return {
    file,
    start: from?.offset ?? 0,
    ...(to ? { end: to.offset } : {}),
    firstLine: from?.line ?? 1
  }
}

function withId(plan: Omit<ShardPlan, 'version' | 'id'>): ShardPlan {
  const id = createHash('sha256').update(JSON.stringify(plan)).digest('hex').slice(0, 16)
  return { version: 1, id, ...plan }
}
