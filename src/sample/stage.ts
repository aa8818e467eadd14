import path from 'node:path'
import type { SampleSettings } from '../config.js'
import { trainingDataset, type DatasetFiles } from '../data/dataset-files.js'
import type { Ports } from '../ports/types.js'
import type { StageVerdict } from '../stage.js'
import { labelStatsOfFile } from './label-stats.js'
import { cutSubset, subsetFileName } from './subset.js'
import { describeSubset, type SubsetOptions, type SubsetResult } from './types.js'

export interface SampleContext {
  config: SampleSettings
  ports: Pick<Ports, 'worker'>
  /** Where the subset is written: a file, or a folder to write it in under the dataset's name. */
  target: string | { folder: string }
}

function subsetOptions(
  config: SampleSettings,
  dataset: DatasetFiles,
  labelColumn?: string
): SubsetOptions {
  return {
    rows: config.sampleRows,
    strategy: config.sampleStrategy,
    seed: config.seed,
    format: dataset.format,
    delimiter: config.delimiter,
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
  input: { labelColumn?: string } = {}
): Promise<StageVerdict<{ subset: SubsetResult }>> {
  const dataset = await trainingDataset(config)
  const labelColumn = config.labelColumn ?? input.labelColumn
  const options = subsetOptions(config, dataset, labelColumn)
  const file =
    typeof target === 'string'
      ? target
      : path.join(target.folder, subsetFileName(dataset.files, config.subsetFormat, dataset.format))
  const subset = await cutSubset(dataset.files, file, options, ports.worker)
  if (labelColumn !== undefined) {
    const delimiter = subset.format === options.format ? config.delimiter : undefined
    subset.labelStats = await labelStatsOfFile(subset.path, subset.format, labelColumn, delimiter)
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
