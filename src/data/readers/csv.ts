import { readCsvFile } from '../csv.js'
import { changesRowLayout, quotingOf } from '../dialect.js'
import { labelTooLong, type ReadOptions, type ReadResult, type TableSink } from '../table.js'
import { DialectRows } from './dialect-rows.js'

/**
 * CSV/TSV: the first record is the header; cells stay text, cast later by the schema. A record of more
 * than MAX_COLUMNS cells (the tokenizer stops it) or a header name longer than MAX_LABEL_CHARS stops
 * reading. A Table Dialect may quote, escape and comment otherwise (the tokenizer reads that) and lay rows
 * out otherwise: several header rows, none, comment rows (DialectRows reads those, from the file's start).
 */
export async function readCsvTable(
  file: string,
  options: ReadOptions & { delimiter: string },
  sink: TableSink
): Promise<ReadResult> {
  const partition = options.partition
  const csvOptions = {
    delimiter: options.delimiter,
    keepRaw: options.keepRaw === true,
    quoting: quotingOf(options.dialect),
    start: partition?.start,
    end: partition?.end,
    firstLine: partition?.firstLine
  }
  if (changesRowLayout(options.dialect) && !partition?.start) {
    const rows = new DialectRows(options.dialect!, sink, options)
    const result = await readCsvFile(
      file,
      csvOptions,
      record => rows.record(record),
      problem => rows.problem(problem)
    )
    rows.finish()
    return result
  }
  let header = true
  if (partition?.header) {
    sink.header(partition.header)
    header = false
  }
  return readCsvFile(
    file,
    csvOptions,
    record => {
      // A record of more than MAX_COLUMNS cells is stopped by the tokenizer (too-many-columns).
      if (header) {
        const tooLong = labelTooLong(record.fields, record.line)
        if (tooLong) {
          sink.problem(tooLong)
          return false
        }
        header = false
        sink.header(record.fields, record.line, options.keepRaw ? [record.raw] : undefined)
        return true
      }
      // A CsvRecord already has the shape of a RowPosition (raw is '' unless keepRaw): no copy per row.
      return sink.textRow ? sink.textRow(record, record) : sink.row(record.fields, record)
    },
    problem => sink.problem(problem)
  )
}
