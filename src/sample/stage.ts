import path from 'node:path'
import type { SampleSettings } from '../config.js'
import { trainingDataset, type DatasetFiles } from '../data/dataset-files.js'
import type { Ports } from '../ports/types.js'
import type { StageVerdict } from '../stage.js'
import { readDialect } from '../data/dialect-file.js'
import type { Dialect } from '../data/dialect.js'
import { labelStatsOfFile } from './label-stats.js'
import { cutSubset, subsetFileName } from './subset.js'
import { describeSubset, type SubsetOptions, type SubsetResult } from './types.js'

export interface SampleContext {
  config: SampleSettings
  ports: Pick<Ports, 'worker'>
  /** Where the subset is written: a file, or a folder to write it in under the dataset's name. */
  target: string | { folder: string }
}

/**
 * What the validate stage knows: the schema's label column, and the column names of a file without a
 * header row (dialect header: false), which are the schema's.
 */
export interface SampleInput {
  labelColumn?: string
  columnNames?: string[]
}

function subsetOptions(
  config: SampleSettings,
  dataset: DatasetFiles,
  dialect: Dialect | undefined,
  input: SampleInput,
  labelColumn?: string
): SubsetOptions {
  return {
    rows: config.sampleRows,
    strategy: config.sampleStrategy,
    seed: config.seed,
    format: dataset.format,
    delimiter: dialect?.delimiter ?? config.delimiter,
    dialect,
    columnNames: input.columnNames,
    labelColumn,
    minPerClass: config.minPerClass,
    outputFormat: config.subsetFormat
  }
}

/**
 * Cuts the reproducible subset the command trains on, from the training data (`dataset`, else the
 * split train; several files are one table), with its label's statistics when the label column is known
 * (label-column, else `labelColumn`: the schema's mlChecks.label.column).
 */
export async function sampleStage(
  { config, ports, target }: SampleContext,
  input: SampleInput = {}
): Promise<StageVerdict<{ subset: SubsetResult }>> {
  const dataset = await trainingDataset(config)
  const dialect = await readDialect(config, dataset.format)
  const labelColumn = config.labelColumn ?? input.labelColumn
  const options = subsetOptions(config, dataset, dialect, input, labelColumn)
  const file =
    typeof target === 'string'
      ? target
      : path.join(target.folder, subsetFileName(dataset.files, config.subsetFormat, dataset.format))
  const subset = await cutSubset(dataset.files, file, options, ports.worker)
  if (labelColumn !== undefined) {
    // A subset in the dataset's own format is in its dialect; a converted one is RFC 4180 with a header.
    const same = subset.format === options.format
    subset.labelStats = await labelStatsOfFile(
      subset.path,
      subset.format,
      labelColumn,
      same ? { delimiter: options.delimiter, dialect, columnNames: input.columnNames } : {}
    )
  }
  const short =
    config.sampleStrategy !== 'all' &&
    subset.sourceRows !== null &&
    config.sampleRows > subset.sourceRows
      ? ` (all the dataset has: sample-rows asks for ${config.sampleRows})`
      : ''
  const across = dataset.files.length > 1 ? ` across ${dataset.files.length} files` : ''
  return {
    status: 'passed',
    message: `${subset.rows} rows${short}, ${describeSubset(subset)}${across}, as ${subset.format}`,
    data: { subset }
  }
}
