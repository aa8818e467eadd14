import type { ArtifactInputs } from '../artifact/stage.js'
import type { Config } from '../config.js'
import { profileDataset } from '../data/profile.js'
import { readDialect, withNullSequence } from '../data/dialect-file.js'
import { loadTableSchema } from '../data/schema.js'
import { trainingDataset } from '../data/dataset-files.js'
import { describeError } from '../errors.js'
import type { CandidateFile } from '../sample/types.js'
import type { Logger } from '../ports/types.js'
import { buildRunRecord, type RecordInputs } from './record.js'

/**
 * What the upload adds for a later comparison: the dataset's profile (one bounded pass over the file,
 * or over the candidates a matrix's shards drew;
 * a failure is a warning, never a failed upload) and ml-smoke-report.json.
 */
export async function comparisonInputs(
  config: Config,
  logger: Logger,
  inputs: Omit<RecordInputs, 'artifact'>,
  drawn?: CandidateFile
): Promise<Pick<ArtifactInputs, 'profile' | 'record'>> {
  const record: ArtifactInputs['record'] = artifact =>
    `${JSON.stringify(buildRunRecord({ ...inputs, artifact }))}\n`
  try {
    const dataset = drawn
      ? { files: [drawn.file], format: drawn.format }
      : await trainingDataset(config)
    const dialect = await readDialect(config, dataset.format)
    const schema = withNullSequence(await loadTableSchema(config.schema, config.workspace), dialect)
    const profile = await profileDataset(dataset.files, {
      format: dataset.format,
      delimiter: dialect?.delimiter ?? config.delimiter,
      dialect,
      columnNames: schema.fields.map(field => field.name),
      seed: config.seed,
      missingValues: schema.missingValues,
      ...(drawn ? { candidates: drawn.candidates } : {})
    })
    return { profile, record }
  } catch (error) {
    logger.warning(`the data profile for drift checks was not made: ${describeError(error)}`)
    return { record }
  }
}
