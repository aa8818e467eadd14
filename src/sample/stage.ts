import path from 'node:path'
import type { SampleSettings } from '../config.js'
import { trainingDataset, type DatasetFiles } from '../data/dataset-files.js'
import type { Ports } from '../ports/types.js'
import type { StageVerdict } from '../stage.js'
import { readDialect } from '../data/dialect-file.js'
import type { Dialect } from '../data/dialect.js'
import { labelStatsOfFile } from './label-stats.js'
import { cutSubset, subsetFileName } from './subset.js'
import {
  describeSubset,
  type CandidateFile,
  type SubsetOptions,
  type SubsetResult
} from './types.js'

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
  /**
   * The merge job of a matrix: the candidates its shards drew, which stand in for the dataset; or why
   * they cannot (the dataset is read then).
   */
  drawn?: CandidateFile | { reason: string }
}

function subsetOptions(
  config: SampleSettings,
  dataset: Pick<DatasetFiles, 'format'>,
  dialect: Dialect | undefined,
  input: SampleInput,
  labelColumn?: string
): SubsetOptions {
  const { drawn } = input
  return {
    ...(drawn && 'file' in drawn ? { candidates: drawn.candidates } : {}),
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

/** Where a merge job's subset came from, for its message. */
function sourceWords(drawn: SampleInput['drawn']): string {
  if (!drawn) return ''
  return 'file' in drawn ? ", from the shards' candidates" : `, from the dataset (${drawn.reason})`
}

/**
 * Cuts the reproducible subset the command trains on, from the training data (`dataset`, else the
 * split train; several files are one table), with its label's statistics when the label column is known
 * (label-column, else `labelColumn`: the schema's mlChecks.label.column).
 */
export async function sampleStage(
  { config, ports, target }: SampleContext,
  input: SampleInput = {}
): Promise<StageVerdict<{ subset: SubsetResult; candidates?: CandidateFile }>> {
  const { drawn } = input
  const candidates = drawn && 'file' in drawn ? drawn : undefined
  const dataset = candidates
    ? { files: [candidates.file], names: candidates.names, format: candidates.format }
    : await trainingDataset(config)
  const dialect = await readDialect(config, dataset.format)
  const labelColumn = config.labelColumn ?? input.labelColumn
  const options = subsetOptions(config, dataset, dialect, input, labelColumn)
  const file =
    typeof target === 'string'
      ? target
      : path.join(target.folder, subsetFileName(dataset.names, config.subsetFormat, dataset.format))
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
  const across = dataset.names.length > 1 ? ` across ${dataset.names.length} files` : ''
  const from = sourceWords(drawn)
  return {
    status: 'passed',
    message: `${subset.rows} rows${short}, ${describeSubset(subset)}${across}, as ${subset.format}${from}`,
    data: { subset, ...(candidates ? { candidates } : {}) }
  }
}
