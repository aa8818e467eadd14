// What is validated: the dataset as one table, or each split as one, with how each is read and (with
// splits) how they are compared. The one setup behind validation on one runner and across a matrix.
import type { DataSettings } from '../config.js'
import { displayPath } from '../file-info.js'
import { trainingDataset, type DatasetFiles } from './dataset-files.js'
import { readDialect, withNullSequence } from './dialect-file.js'
import { loadTableSchema, type TableSchema } from './schema.js'
import { resolveSplits, splitOptions, splitsContext, type SplitsContext } from './splits.js'
import type { ValidateOptions } from './validation-types.js'

export interface DataTable {
  /** The split's name; absent for the dataset. */
  split?: string
  dataset: DatasetFiles
  options: ValidateOptions
}

export interface DataTables {
  /** Every split's files are resolved before any is read: a bad path fails first. */
  tables: DataTable[]
  schema: TableSchema
  schemaLabel: string
  /** With splits: how they are compared once each is validated. */
  splits?: SplitsContext
}

/** The dataset (or each split) as a table to validate, by one schema and one dialect. */
export async function dataTables(config: DataSettings): Promise<DataTables> {
  const schemaLabel = displayPath(config.cwd, config.schema)
  // The dataset's files first: the dialect is checked against their format (a split's, by each split).
  const dataset = config.splits ? undefined : await trainingDataset(config)
  const dialect = await readDialect(config, dataset?.format)
  const schema = withNullSequence(await loadTableSchema(config.schema, config.workspace), dialect)
  if (dataset) {
    const options: ValidateOptions = {
      format: dataset.format,
      delimiter: dialect?.delimiter ?? config.delimiter,
      dialect,
      maxViolations: config.maxViolations,
      schemaLabel,
      ...(dataset.files.length > 1 ? { fileNames: dataset.names } : {})
    }
    return { tables: [{ dataset, options }], schema, schemaLabel }
  }
  const splits = splitsContext(config, schema, schemaLabel, dialect)
  const tables = (await resolveSplits(config)).map(({ name, dataset }) => ({
    split: name,
    dataset,
    options: splitOptions(dataset, name, splits)
  }))
  return { tables, schema, schemaLabel, splits }
}
