import type { DataFormat, ReadOptions, ReadResult, TableSink } from '../table.js'
import { readCsvTable } from './csv.js'
import { readJsonlTable, readJsonTable } from './json.js'
import { readParquetTable } from './parquet.js'

/** Streams any supported table into `sink`. */
export function readTable(
  file: string,
  format: DataFormat,
  options: ReadOptions,
  sink: TableSink
): Promise<ReadResult> {
  switch (format) {
    case 'csv':
    case 'tsv':
      return readCsvTable(
        file,
        {
          ...options,
          delimiter:
            options.dialect?.delimiter ?? options.delimiter ?? (format === 'tsv' ? '\t' : ',')
        },
        sink
      )
    case 'jsonl':
      return readJsonlTable(file, options, sink)
    case 'json':
      return readJsonTable(file, options, sink)
    case 'parquet':
      return readParquetTable(file, options, sink)
  }
}
