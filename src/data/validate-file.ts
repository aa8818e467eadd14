import { withNullSequence } from './dialect-file.js'
import { readTable } from './readers/index.js'
import { filesOf, readFiles, type FilesSink } from './readers/many.js'
import type { TableSchema } from './schema.js'
import type { ReadResult } from './table.js'
import { validateRows } from './validate.js'
import type { ValidateOptions, ValidationResult } from './validation-types.js'

/**
 * Validates a data file of any supported format in one pass, through its reader; a dataset of several
 * files is read file after file as one table (keys are unique across all of them).
 */
export function validateTable(
  source: string | readonly string[],
  schema: TableSchema,
  options: ValidateOptions
): Promise<ValidationResult> {
  return validateRows(
    withNullSequence(schema, options.dialect),
    options,
    tableReader(source, schema, options)
  )
}

/**
 * How the validator reads a table (each file of a dataset in turn) into its sink. `lastRowToSkip`: a
 * file's last row number when it need not be read (the sink is told, and numbers its rows on), else
 * undefined.
 */
export function tableReader(
  source: string | readonly string[],
  schema: TableSchema,
  options: ValidateOptions,
  lastRowToSkip: (index: number) => number | undefined = () => undefined
): (sink: FilesSink) => Promise<ReadResult> {
  const { dialect } = options
  const reading = {
    delimiter: options.delimiter,
    dialect,
    // A file without a header row has the schema's names, in order.
    columnNames: dialect?.header === false ? schema.fields.map(field => field.name) : undefined,
    partition: options.partition
  }
  return sink =>
    readFiles(filesOf(source), sink, (file, index) => {
      const lastRow = sink.skipFile ? lastRowToSkip(index) : undefined
      if (lastRow === undefined) return readTable(file, options.format, reading, sink)
      sink.skipFile!(lastRow)
      return Promise.resolve({})
    })
}
