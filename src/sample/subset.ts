import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { readCsvFile } from '../data/csv.js'
import { UserError } from '../errors.js'
import { Reservoir, seededRandom } from './random.js'

export type SampleStrategy = 'random' | 'head'

export interface SubsetOptions {
  rows: number
  strategy: SampleStrategy
  seed: number
  delimiter: string
}

export interface SubsetResult {
  path: string
  rows: number
  /** Data rows in the source file (only known exactly for `random`, which reads it all). */
  sourceRows: number | null
  strategy: SampleStrategy
  seed: number
  sha256: string
}

/**
 * Cuts a subset and writes it next to nothing else: the header and the chosen records byte for byte as
 * they were in the source (quoting, dialect and embedded newlines kept), so the user's loader reads it
 * exactly as it reads the full file.
 */
export async function writeSubset(
  source: string,
  target: string,
  options: SubsetOptions
): Promise<SubsetResult> {
  let header: string | null = null
  const head: string[] = []
  const reservoir = new Reservoir<string>(options.rows, seededRandom(options.seed))
  const onRecord = (record: { raw: string }): boolean => {
    if (header === null) {
      header = record.raw
      return true
    }
    if (options.strategy === 'head') {
      head.push(record.raw)
      return head.length < options.rows
    }
    reservoir.offer(record.raw)
    return true
  }
  const { lineEnding } = await readCsvFile(
    source,
    { delimiter: options.delimiter, keepRaw: true },
    onRecord,
    problem => {
      throw new UserError(`${source}:${problem.line}: ${problem.message}`)
    }
  )
  if (header === null)
    throw new UserError(`${source}: the file is empty; there is nothing to sample`)
  const records = options.strategy === 'head' ? head : reservoir.inStreamOrder()
  const text = [header, ...records].join(lineEnding) + lineEnding
  await mkdir(path.dirname(target), { recursive: true })
  await writeFile(target, text)
  return {
    path: target,
    rows: records.length,
    sourceRows: options.strategy === 'random' ? reservoir.offered : null,
    strategy: options.strategy,
    seed: options.seed,
    sha256: createHash('sha256').update(text).digest('hex')
  }
}
