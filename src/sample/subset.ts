import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { readCsvFile } from '../data/csv.js'
import { UserError } from '../errors.js'
import { Sampler, type ClassCount, type SampleStrategy } from './strategies.js'

export type { SampleStrategy } from './strategies.js'

export interface SubsetOptions {
  rows: number
  strategy: SampleStrategy
  seed: number
  delimiter: string
  /** Column whose values are the classes (required for stratified). */
  labelColumn?: string
  /** stratified: rows each class gets at least (default 1: every class present). */
  minPerClass?: number
}

export interface SubsetResult {
  path: string
  rows: number
  /** Data rows in the source file (null when head stopped reading early). */
  sourceRows: number | null
  strategy: SampleStrategy
  seed: number
  sha256: string
  labelColumn?: string
  classes?: Record<string, ClassCount>
}

/**
 * Cuts a subset and writes it with the header and the chosen records byte for byte as they were in the
 * source (quoting, dialect and embedded newlines kept), rows in file order, so the user's loader reads it
 * exactly as it reads the full file. Same inputs and seed, same bytes.
 */
export async function writeSubset(
  source: string,
  target: string,
  options: SubsetOptions
): Promise<SubsetResult> {
  if (options.strategy === 'stratified' && !options.labelColumn) {
    throw new UserError(
      'sample-strategy stratified needs label-column: the column whose values are the classes'
    )
  }
  let header: string | null = null
  let labelIndex = -1
  const sampler = new Sampler<{ raw: string; label?: string }>({
    rows: options.rows,
    strategy: options.strategy,
    seed: options.seed,
    minPerClass: options.minPerClass ?? 1,
    labelled: options.labelColumn !== undefined
  })
  const onRecord = (record: { raw: string; fields: string[] }): boolean => {
    if (header === null) {
      header = record.raw
      if (options.labelColumn !== undefined) {
        labelIndex = record.fields.indexOf(options.labelColumn)
        if (labelIndex === -1) {
          throw new UserError(
            `label-column "${options.labelColumn}" is not a column of ${path.basename(source)} (columns: ${record.fields.join(', ')})`
          )
        }
      }
      return true
    }
    const label = labelIndex >= 0 ? (record.fields[labelIndex] ?? '') : undefined
    sampler.offer({ raw: record.raw, label }, label)
    return !sampler.done
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
  const { items, offered, classes } = sampler.result()
  const text = [header, ...items.map(item => item.raw)].join(lineEnding) + lineEnding
  await mkdir(path.dirname(target), { recursive: true })
  await writeFile(target, text)
  return {
    path: target,
    rows: items.length,
    sourceRows: sampler.done ? null : offered,
    strategy: options.strategy,
    seed: options.seed,
    sha256: createHash('sha256').update(text).digest('hex'),
    labelColumn: options.labelColumn,
    classes:
      classes && options.strategy !== 'stratified'
        ? sampler.countChosen(items.map(item => item.label!))
        : classes
  }
}
