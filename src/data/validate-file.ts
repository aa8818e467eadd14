import { withNullSequence } from './dialect-file.js'
import { readTable } from './readers/index.js'
import type { TableSchema } from './schema.js'
import { validateRows } from './validate.js'
import type { ValidateOptions, ValidationResult } from './validation-types.js'

/** Validates a data file of any supported format in one pass, through its reader. */
export function validateTable(
  file: string,
  schema: TableSchema,
  options: ValidateOptions
): Promise<ValidationResult> {
  const { dialect } = options
  return validateRows(withNullSequence(schema, dialect), options, sink =>
    readTable(
      file,
      options.format,
      {
        delimiter: options.delimiter,
        dialect,
        // A file without a header row has the schema's names, in order.
        columnNames: dialect?.header === false ? schema.fields.map(field => field.name) : undefined,
        partition: options.partition
      },
      sink
    )
  )
}
