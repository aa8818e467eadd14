import path from 'node:path'
import type { SampleSettings } from '../config.js'
import { displayPath, requireFile } from '../file-info.js'
import type { Ports } from '../ports/types.js'
import type { StageVerdict } from '../stage.js'
import { formatOf } from '../data/table.js'
import { labelStatsOfFile } from './label-stats.js'
import { cutSubset, subsetFileName } from './subset.js'
import { describeSubset, type SubsetOptions, type SubsetResult } from './types.js'

export interface SampleContext {
  config: SampleSettings
  ports: Pick<Ports, 'worker'>
  /** Where the subset is written. */
  target: string
}

/** The subset's path in a run's subset folder: the dataset's name, with .csv when converting. */
export function subsetTarget(config: SampleSettings, folder: string): string {
  return path.join(folder, subsetFileName(config.dataset, config.subsetFormat))
}

function subsetOptions(config: SampleSettings, labelColumn?: string): SubsetOptions {
  return {
    rows: config.sampleRows,
    strategy: config.sampleStrategy,
    seed: config.seed,
    format: formatOf(config.dataset, config.dataFormat),
    delimiter: config.delimiter,
    labelColumn,
    minPerClass: config.minPerClass,
    outputFormat: config.subsetFormat
  }
}

/**
 * Cuts the reproducible subset the command trains on, with its label's statistics when the label column
 * is known (label-column, else `labelColumn`: the schema's mlChecks.label.column).
 */
export async function sampleStage(
  { config, ports, target }: SampleContext,
  input: { labelColumn?: string } = {}
): Promise<StageVerdict<{ subset: SubsetResult }>> {
  await requireFile(config.dataset, displayPath(config.workspace, config.dataset), 'dataset')
  const labelColumn = config.labelColumn ?? input.labelColumn
  const options = subsetOptions(config, labelColumn)
  const subset = await cutSubset(config.dataset, target, options, ports.worker)
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
  return {
    status: 'passed',
    message: `${subset.rows} rows${short}, ${describeSubset(subset)}, as ${subset.format}`,
    data: { subset }
  }
}
