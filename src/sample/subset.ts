import { mkdir, open } from 'node:fs/promises'
import path from 'node:path'
import { filesOf, readDataset } from '../data/readers/many.js'
import type { DataFormat, ReadOptions, RowPosition } from '../data/table.js'
import { csvText, jsonRows, writeParquetLike } from '../data/writers.js'
import { UserError } from '../errors.js'
import { hashFile, writeAtomically, writeFileAtomically } from '../file-info.js'
import { inWorkerOrHere, type OffThread } from '../worker/client.js'
import { PARQUET_DRAW_TASK, PARQUET_SUBSET_TASK } from '../worker/tasks.js'
import { rankOf, SUBSET_SALT } from './priority.js'
import { Sampler, type GivenCounts } from './strategies.js'
import type {
  CandidateOrigins,
  DrawnRow,
  DrawnRows,
  Origin,
  SubsetFormat,
  SubsetOptions,
  SubsetResult
} from './types.js'

/**
 * The subset's file name: the source's (`subset.<format>` for a dataset of several files), with .csv
 * when converting.
 */
export function subsetFileName(
  dataset: string | readonly string[],
  outputFormat: SubsetFormat = 'same',
  format: DataFormat = 'csv'
): string {
  const files = filesOf(dataset)
  const base = files.length === 1 ? path.basename(files[0]) : `subset.${format}`
  return outputFormat === 'csv' ? `${base.replace(/\.[^.]+$/, '')}.csv` : base
}

/**
 * `writeSubset`, in the data worker for a Parquet file when there is one: read in this thread, a large
 * Parquet file lets Node 24's young generation grow past 100 MiB (see worker/client.ts).
 */
export function cutSubset(
  source: string | string[],
  target: string,
  options: SubsetOptions,
  worker: OffThread | undefined
): Promise<SubsetResult> {
  if (options.format !== 'parquet') return writeSubset(source, target, options)
  return inWorkerOrHere(worker, { task: PARQUET_SUBSET_TASK, source, target, options }, () =>
    writeSubset(source, target, options)
  )
}

/** `drawRows` past the rows in `exclude`, in the data worker for a Parquet file when there is one. */
export function drawRowsOffThread(
  source: string | string[],
  options: SubsetOptions,
  exclude: Uint32Array,
  worker: OffThread | undefined
): Promise<DrawnRows> {
  if (options.format !== 'parquet') return drawRows(source, options, {}, exclude)
  return inWorkerOrHere(worker, { task: PARQUET_DRAW_TASK, source, options, exclude }, () =>
    drawRows(source, options, {}, exclude)
  )
}

/** The source rows (0-based, ascending) a draw must pass over, e.g. those a subset already took. */
class Excluded {
  private next = 0

  constructor(private readonly rows: Uint32Array = new Uint32Array(0)) {}

  /** Whether row `index` is excluded; rows are asked about in ascending order. */
  has(index: number): boolean {
    while (this.next < this.rows.length && this.rows[this.next] < index) this.next++
    return this.next < this.rows.length && this.rows[this.next] === index
  }
}

/**
 * A row's place in its file, as its priority hashes it: the line its record starts on (CSV/TSV, JSON
 * Lines), its row group and row (Parquet), else its row index in the file (a JSON array).
 */
function placeOf(format: DataFormat, position: RowPosition, rowInFile: number): [number, number] {
  if (format === 'parquet') return [position.rowGroup ?? 0, position.rowInGroup ?? rowInFile]
  if (format === 'json' || position.line === undefined) return [rowInFile, 0]
  return [position.line, 0]
}

/**
 * Numbers the rows read as the draws rank them: each row's origin (its index among the dataset's rows,
 * its file, its place in the file), or, reading a file of candidates, the origin of the row it stands for.
 */
export class RowOrigins {
  private row = 0
  private file = 0
  private inFile = 0

  constructor(
    private readonly format: DataFormat,
    private readonly candidates?: readonly Origin[]
  ) {}

  /** The rows read next are file `file`'s. */
  startFile(file: number): void {
    this.file = file
    this.inFile = 0
  }

  /** The origin of the row read next, at `position`. */
  next(position: RowPosition): Origin {
    const row = this.row++
    const origin = this.candidates?.[row]
    if (origin) return origin
    const [major, minor] = placeOf(this.format, position, this.inFile++)
    return [row, this.file, major, minor]
  }

  /** The rows numbered so far. */
  get rows(): number {
    return this.row
  }
}

/** A row's label as the draw counts it: its label cell's text. */
export function labelOf(cells: readonly unknown[], labelIndex: number): string | undefined {
  return labelIndex >= 0 ? String(cells[labelIndex] ?? '') : undefined
}

/** The index of `column` in `labels`, or a clear error naming the file's columns. */
export function labelIndexOf(labels: string[], column: string | undefined, name: string): number {
  if (column === undefined) return -1
  const index = labels.indexOf(column)
  if (index === -1)
    throw new UserError(
      `label-column "${column}" is not a column of ${name} (columns: ${labels.join(', ')})`
    )
  return index
}

/** The dataset's counts given with its candidates, less the rows a draw passes over. */
class CandidateCounts {
  private readonly classes: Map<string, number> | null
  private rows: number

  constructor(candidates: CandidateOrigins) {
    if (candidates.problem) throw new UserError(candidates.problem)
    this.classes = candidates.classes && new Map(candidates.classes)
    this.rows = candidates.rows
  }

  pass(label: string | undefined): void {
    this.rows--
    if (label !== undefined && this.classes)
      this.classes.set(label, (this.classes.get(label) ?? 1) - 1)
  }

  counts(): GivenCounts {
    return { classes: this.classes, rows: this.rows }
  }
}

/**
 * Reads the source once and draws rows in file order, passing over the rows in `exclude` (sorted
 * source row indices): the subset when there is none, rows the subset did not take when there is. A
 * dataset of several files is one table: its rows are numbered across the files, in their order.
 * `textOnly`: a drawn row keeps its source text alone, not its cells too (a 16 MiB record is held once).
 */
export async function drawRows(
  source: string | readonly string[],
  options: SubsetOptions,
  reading: Pick<ReadOptions, 'afterBatch'>,
  exclude?: Uint32Array,
  textOnly = false
): Promise<DrawnRows> {
  const files = filesOf(source)
  let name = path.basename(files[0])
  let header: string[] | null = null
  let headerRaw: readonly string[] | undefined
  let labelIndex = -1
  const origins = new RowOrigins(options.format, options.candidates?.origins)
  const excluded = new Excluded(exclude)
  const given = options.candidates && new CandidateCounts(options.candidates)
  const sampler = new Sampler<DrawnRow>({
    rows: options.rows,
    strategy: options.strategy,
    seed: options.seed,
    minPerClass: options.minPerClass ?? 1,
    labelled: options.labelColumn !== undefined,
    labelColumn: options.labelColumn,
    uniformPastClasses: options.uniformPastClasses
  })
  const { lineEnding } = await readDataset(
    files,
    options.format,
    {
      delimiter: options.delimiter,
      dialect: options.dialect,
      columnNames: options.columnNames,
      keepRaw: true,
      ...reading
    },
    {
      startFile(index) {
        name = path.basename(files[index])
        origins.startFile(index)
      },
      header(labels, _line, raw) {
        header = labels
        headerRaw = raw
        labelIndex = labelIndexOf(labels, options.labelColumn, name)
      },
      row(cells, position) {
        const origin = origins.next(position)
        const label = labelOf(cells, labelIndex)
        if (excluded.has(origin[0])) return void given?.pass(label)
        const rank = rankOf(options.seed, SUBSET_SALT, origin)
        // A row the draw would not keep is only counted: its cells are not copied.
        if (!sampler.wants(rank, label)) {
          if (!given) sampler.count(label)
          return !sampler.done
        }
        const kept = textOnly && position.raw !== undefined ? [] : [...cells]
        sampler.offer({ cells: kept, raw: position.raw, index: rank.index }, rank, label, !given)
        return !sampler.done
      },
      problem(problem) {
        throw new UserError(`${name}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`)
      }
    }
  )
  if (header === null)
    throw new UserError(
      `${files.length > 1 ? 'every file of the dataset' : name} is empty; there is nothing to sample`
    )
  const { items, offered, classes } = sampler.result(given?.counts())
  return {
    header,
    headerRaw,
    lineEnding,
    items,
    sourceRows: sampler.done ? null : offered,
    classes
  }
}

/**
 * Writes lines, each ended by `ending` (none: an empty file), about a MiB at a time: a record of 16 MiB
 * is written on its own, not copied into one string of the whole file first.
 */
export function writeLines(target: string, lines: Array<string | undefined>, ending: string) {
  return writeAtomically(target, async temporary => {
    const handle = await open(temporary, 'w')
    try {
      let batch = ''
      for (const line of lines) {
        if (batch.length + (line?.length ?? 0) > 1 << 20) {
          await handle.write(batch)
          batch = ''
        }
        if ((line?.length ?? 0) > 1 << 20) await handle.write(line!)
        else batch += line ?? ''
        batch += ending
      }
      await handle.write(batch)
    } finally {
      await handle.close()
    }
  })
}

/** Writes the drawn rows as `format`: text formats byte for byte, the others re-encoded. */
async function writeRows(source: string, target: string, format: DataFormat, drawn: DrawnRows) {
  const { header, items } = drawn
  const ending = drawn.lineEnding ?? '\n'
  const cells = () => items.map(item => item.cells)
  await mkdir(path.dirname(target), { recursive: true })
  switch (format) {
    case 'csv':
    case 'tsv':
      if (drawn.headerRaw === undefined)
        return writeFileAtomically(target, csvText(header, cells()))
      return writeLines(target, [...drawn.headerRaw, ...items.map(item => item.raw)], ending)
    case 'jsonl':
      return writeLines(
        target,
        items.map(item => item.raw),
        ending
      )
    case 'json': {
      const rows = jsonRows(header, cells()).map(row => JSON.stringify(row))
      return writeFileAtomically(target, `[\n${rows.join(',\n')}\n]\n`)
    }
    case 'parquet':
      return writeAtomically(target, temporary =>
        writeParquetLike(source, temporary, header, cells())
      )
  }
}

/**
 * Cuts a subset and writes it in the dataset's own format, rows in file order: CSV/TSV and JSON Lines
 * byte for byte (quoting, dialect and embedded newlines kept), a JSON array as an array, Parquet with the
 * source's schema. Or as CSV when asked. Same inputs and seed, same bytes.
 */
export async function writeSubset(
  source: string | readonly string[],
  target: string,
  options: SubsetOptions,
  reading: Pick<ReadOptions, 'afterBatch'> = {}
): Promise<SubsetResult> {
  if (options.strategy === 'stratified' && !options.labelColumn) {
    throw new UserError(
      'sample-strategy stratified needs label-column: the column whose values are the classes'
    )
  }
  const format: DataFormat = options.outputFormat === 'csv' ? 'csv' : options.format
  // Text written byte for byte needs only each row's source text.
  const textOnly = format === options.format && format !== 'json' && format !== 'parquet'
  const drawn = await drawRows(source, options, reading, undefined, textOnly)
  // Converted rows carry no source text: write them as CSV from their values.
  if (format !== options.format) drawn.headerRaw = undefined
  await writeRows(filesOf(source)[0], target, format, drawn)
  return {
    path: target,
    rows: drawn.items.length,
    format,
    sourceRows: drawn.sourceRows,
    rowIndices: Uint32Array.from(drawn.items, item => item.index),
    strategy: options.strategy,
    seed: options.seed,
    sha256: (await hashFile(target)).sha256,
    labelColumn: options.labelColumn,
    classes: drawn.classes
  }
}
