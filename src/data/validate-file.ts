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
  return validateRows(schema, options, sink =>
    readTable(
      file,
      options.format,
      { delimiter: options.delimiter, partition: options.partition },
      sink
    )
  )
}
