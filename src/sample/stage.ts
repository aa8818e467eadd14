import path from 'node:path'
import type { SampleSettings } from '../config.js'
import { displayPath, requireFile } from '../file-info.js'
import type { Ports } from '../ports/types.js'
import type { StageVerdict } from '../stage.js'
import { readDialect } from '../data/dialect-file.js'
import type { Dialect } from '../data/dialect.js'
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

/**
 * What the validate stage knows: the schema's label column, and the column names of a file without a
 * header row (dialect header: false), which are the schema's.
 */
export interface SampleInput {
  labelColumn?: string
  columnNames?: string[]
}

/** The subset's path in a run's subset folder: the dataset's name, with .csv when converting. */
export function subsetTarget(config: SampleSettings, folder: string): string {
  return path.join(folder, subsetFileName(config.dataset, config.subsetFormat))
}

function subsetOptions(
  config: SampleSettings,
  dialect: Dialect | undefined,
  input: SampleInput,
  labelColumn?: string
): SubsetOptions {
  return {
    rows: config.sampleRows,
    strategy: config.sampleStrategy,
    seed: config.seed,
    format: formatOf(config.dataset, config.dataFormat),
    delimiter: dialect?.delimiter ?? config.delimiter,
    dialect,
    columnNames: input.columnNames,
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
  input: SampleInput = {}
): Promise<StageVerdict<{ subset: SubsetResult }>> {
  await requireFile(config.dataset, displayPath(config.workspace, config.dataset), 'dataset')
  const dialect = await readDialect(config)
  const labelColumn = config.labelColumn ?? input.labelColumn
  const options = subsetOptions(config, dialect, input, labelColumn)
  const subset = await cutSubset(config.dataset, target, options, ports.worker)
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
  return {
    status: 'passed',
    message: `${subset.rows} rows${short}, ${describeSubset(subset)}, as ${subset.format}`,
    data: { subset }
  }
}
