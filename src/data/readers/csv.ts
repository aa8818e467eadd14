import { readCsvFile } from '../csv.js'
import type { ReadOptions, ReadResult, TableSink } from '../table.js'

/** CSV/TSV: the first record is the header; cells stay text, cast later by the schema. */
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
      if (header) {
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
