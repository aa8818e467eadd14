import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { readTable } from '../data/readers/index.js'
import type { DataFormat, ReadOptions } from '../data/table.js'
import { csvText, jsonRows, writeParquetLike } from '../data/writers.js'
import { UserError } from '../errors.js'
import { hashFile } from '../file-info.js'
import { inWorkerOrHere, type OffThread } from '../worker/client.js'
import { PARQUET_SUBSET_TASK } from '../worker/tasks.js'
import { Sampler } from './strategies.js'
import type { SubsetFormat, SubsetOptions, SubsetResult } from './types.js'

interface Item {
  cells: unknown[]
  raw?: string
}

/** The subset's file name: the source's, with .csv when converting. */
export function subsetFileName(dataset: string, outputFormat: SubsetFormat = 'same'): string {
  const base = path.basename(dataset)
  return outputFormat === 'csv' ? `${base.replace(/\.[^.]+$/, '')}.csv` : base
}

/**
 * `writeSubset`, in the data worker for a Parquet file when there is one: read in this thread, a large
 * Parquet file lets Node 24's young generation grow past 100 MiB (see worker/client.ts).
 */
export function cutSubset(
  source: string,
  target: string,
  options: SubsetOptions,
  worker: OffThread | undefined
): Promise<SubsetResult> {
  if (options.format !== 'parquet') return writeSubset(source, target, options)
  return inWorkerOrHere(worker, { task: PARQUET_SUBSET_TASK, source, target, options }, () =>
    writeSubset(source, target, options)
  )
}

/**
 * Cuts a subset and writes it in the dataset's own format, rows in file order: CSV/TSV and JSON Lines
 * byte for byte (quoting, dialect and embedded newlines kept), a JSON array as an array, Parquet with the
 * source's schema. Or as CSV when asked. Same inputs and seed, same bytes.
 */
export async function writeSubset(
  source: string,
  target: string,
  options: SubsetOptions,
  reading: Pick<ReadOptions, 'afterBatch'> = {}
): Promise<SubsetResult> {
  if (options.strategy === 'stratified' && !options.labelColumn) {
    throw new UserError(
      'sample-strategy stratified needs label-column: the column whose values are the classes'
    )
  }
  let header: string[] | null = null
  let headerRaw: string | undefined
  let labelIndex = -1
  const sampler = new Sampler<Item>({
    rows: options.rows,
    strategy: options.strategy,
    seed: options.seed,
    minPerClass: options.minPerClass ?? 1,
    labelled: options.labelColumn !== undefined
  })
  const { lineEnding } = await readTable(
    source,
    options.format,
    { delimiter: options.delimiter, keepRaw: true, ...reading },
    {
      header(labels, _line, raw) {
        header = labels
        headerRaw = raw
        if (options.labelColumn !== undefined) {
          labelIndex = labels.indexOf(options.labelColumn)
          if (labelIndex === -1)
            throw new UserError(
              `label-column "${options.labelColumn}" is not a column of ${path.basename(source)} (columns: ${labels.join(', ')})`
            )
        }
      },
      row(cells, position) {
        const label = labelIndex >= 0 ? String(cells[labelIndex] ?? '') : undefined
        sampler.offer({ cells: [...cells], raw: position.raw }, label)
        return !sampler.done
      },
      problem(problem) {
        throw new UserError(
          `${path.basename(source)}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`
        )
      }
    }
  )
  if (header === null)
    throw new UserError(`${path.basename(source)}: the file is empty; there is nothing to sample`)
  const columns: string[] = header
  const { items, offered, classes } = sampler.result()
  await mkdir(path.dirname(target), { recursive: true })
  const ending = lineEnding ?? '\n'
  const asCsv = options.outputFormat === 'csv'
  const format: DataFormat = asCsv ? 'csv' : options.format
  if (!asCsv && (options.format === 'csv' || options.format === 'tsv')) {
    await writeFile(target, [headerRaw, ...items.map(item => item.raw)].join(ending) + ending)
  } else if (!asCsv && options.format === 'jsonl') {
    await writeFile(target, items.map(item => item.raw).join(ending) + (items.length ? ending : ''))
  } else if (!asCsv && options.format === 'json') {
    await writeFile(
      target,
      `[\n${jsonRows(
        columns,
        items.map(item => item.cells)
      )
        .map(row => JSON.stringify(row))
        .join(',\n')}\n]\n`
    )
  } else if (!asCsv && options.format === 'parquet') {
    await writeParquetLike(
      source,
      target,
      columns,
      items.map(item => item.cells)
    )
  } else {
    await writeFile(
      target,
      csvText(
        columns,
        items.map(item => item.cells)
      )
    )
  }
  return {
    path: target,
    rows: items.length,
    format,
    sourceRows: sampler.done ? null : offered,
    strategy: options.strategy,
    seed: options.seed,
    sha256: (await hashFile(target)).sha256,
    labelColumn: options.labelColumn,
    classes
  }
}
