// A dataset of several files read as one table: file after file, in the order given (sorted by the
// resolver), into one sink.
import path from 'node:path'
import { UserError } from '../../errors.js'
import type { DataFormat, ReadOptions, ReadResult, TableSink } from '../table.js'
import { readTable } from './index.js'

/** A sink that wants to know when the next file of a dataset begins (the validator: rows count per file). */
export interface FilesSink extends TableSink {
  startFile?(index: number): void
  /** The file just started is not read: the last row number it has (the header is row 1). */
  skipFile?(lastRow: number): void
}

/** One file or a dataset's files, as a list. */
export function filesOf(source: string | readonly string[]): readonly string[] {
  return typeof source === 'string' ? [source] : source
}

/**
 * Reads each file in turn into `sink`, calling `startFile` before each; `readOne` reads one file into it.
 * The result is the first file's (a subset keeps its line ending).
 */
export async function readFiles(
  files: readonly string[],
  sink: FilesSink,
  readOne: (file: string, index: number) => Promise<ReadResult>
): Promise<ReadResult> {
  let first: ReadResult | undefined
  for (const [index, file] of files.entries()) {
    sink.startFile?.(index)
    const result = await readOne(file, index)
    first ??= result
  }
  return first ?? {}
}

function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((label, i) => label === b[i])
}

/**
 * The files of one dataset as one table, for whoever reads rows by position (the subset, the profile):
 * every file's header must be the first file's, and the sink sees the header once. A file with another
 * header is refused, naming both files.
 */
export function readDataset(
  source: string | readonly string[],
  format: DataFormat,
  options: ReadOptions,
  sink: FilesSink
): Promise<ReadResult> {
  const files = filesOf(source)
  if (files.length === 1) {
    sink.startFile?.(0)
    return readTable(files[0], format, options, sink)
  }
  let first: { labels: string[]; file: string } | undefined
  let current = ''
  const each: FilesSink = {
    startFile: index => sink.startFile?.(index),
    header(labels, line, raw) {
      if (first === undefined) {
        first = { labels: [...labels], file: current }
        sink.header(labels, line, raw)
      } else if (!sameLabels(first.labels, labels))
        throw new UserError(
          `${path.basename(current)} has the columns (${labels.join(', ')}) but ${path.basename(first.file)} has (${first.labels.join(', ')}): every file of a dataset needs the same columns in the same order`
        )
    },
    row: (cells, position, extraKeys) => sink.row(cells, position, extraKeys),
    ...(sink.textRow ? { textRow: sink.textRow.bind(sink) } : {}),
    problem: problem => sink.problem(problem)
  }
  return readFiles(files, each, file => {
    current = file
    return readTable(file, format, options, each)
  })
}
