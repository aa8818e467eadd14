// What plan, validate-shard and merge validate: the dataset as one table, or each split as one; how each
// is read, and (with splits) how they are compared.
import type { DataSettings } from '../../config.js'
import { UserError } from '../../errors.js'
import { readDialect, withNullSequence } from '../dialect-file.js'
import { loadTableSchema, type TableSchema } from '../schema.js'
import { resolveSplits, splitOptions, splitsContext, type SplitsContext } from '../splits.js'
import { dataLabels, datasetToValidate } from '../stage.js'
import { delimiterOf } from '../validate-dataset.js'
import type { ValidateOptions } from '../validation-types.js'
import type { PlanReading, PlanTable } from './plan.js'

export interface ShardedTables {
  tables: PlanTable[]
  schema: TableSchema
  schemaLabel: string
  /** Each table's validate options: the dataset's, or each split's (its rows' keys hashed). */
  options: ValidateOptions[]
  /** With splits: how they are compared once each is merged. */
  splits?: SplitsContext
}

/** How a table's CSV/TSV files are cut: by its delimiter and dialect. */
export function readingsOf(sharded: ShardedTables): PlanReading[] {
  return sharded.options.map(options => ({
    delimiter: delimiterOf(options),
    dialect: options.dialect
  }))
}

/** The dataset (or its splits) as tables; a schema with foreign keys is refused (they need every row). */
export async function tablesToValidate(config: DataSettings): Promise<ShardedTables> {
  const sharded = config.splits ? await splitTables(config) : await datasetTable(config)
  if (sharded.schema.foreignKeys?.length)
    throw new UserError(
      `${sharded.schemaLabel}: foreignKeys compare each row with every other: validate this dataset on one runner`
    )
  return sharded
}

async function datasetTable(config: DataSettings): Promise<ShardedTables> {
  const { dataset, schema, options } = await datasetToValidate(config)
  return { tables: [{ dataset }], schema, schemaLabel: options.schemaLabel, options: [options] }
}

async function splitTables(config: DataSettings): Promise<ShardedTables> {
  const schemaLabel = dataLabels(config).schema
  const dialect = await readDialect(config)
  const schema = withNullSequence(await loadTableSchema(config.schema, config.workspace), dialect)
  const context = splitsContext(config, schema, schemaLabel, dialect)
  const splits = await resolveSplits(config)
  return {
    tables: splits.map(({ name, dataset }) => ({ split: name, dataset })),
    schema,
    schemaLabel,
    options: splits.map(({ name, dataset }) => splitOptions(dataset, name, context)),
    splits: context
  }
}
