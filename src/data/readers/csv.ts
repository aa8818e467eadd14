import { readCsvFile } from '../csv.js'
import { labelTooLong, type ReadOptions, type ReadResult, type TableSink } from '../table.js'

/**
 * CSV/TSV: the first record is the header; cells stay text, cast later by the schema. A record of more
 * than MAX_COLUMNS cells (the tokenizer stops it) or a header name longer than MAX_LABEL_CHARS stops
 * reading.
 */
export async function readCsvTable(
  file: string,
  options: ReadOptions & { delimiter: string },
  sink: TableSink
): Promise<ReadResult> {
  let header = true
  const partition = options.partition
  if (partition?.header) {
    sink.header(partition.header)
    header = false
  }
  return readCsvFile(
    file,
    {
      delimiter: options.delimiter,
      keepRaw: options.keepRaw === true,
      start: partition?.start,
      end: partition?.end
    },
    record => {
      // A record of more than MAX_COLUMNS cells is stopped by the tokenizer (too-many-columns).
      if (header) {
        const tooLong = labelTooLong(record.fields, record.line)
        if (tooLong) {
          sink.problem(tooLong)
          return false
        }
        header = false
        sink.header(record.fields, record.line, options.keepRaw ? record.raw : undefined)
        return true
      }
      // A CsvRecord already has the shape of a RowPosition (raw is '' unless keepRaw): no copy per row.
      return sink.textRow ? sink.textRow(record, record) : sink.row(record.fields, record)
    },
    problem => sink.problem(problem)
  )
}
