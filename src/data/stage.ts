import type { DataSettings } from '../config.js'
import { displayPath } from '../file-info.js'
import type { Ports } from '../ports/types.js'
import { describePosition } from '../report/position.js'
import type { StageVerdict } from '../stage.js'
import { leakWords, limitWords } from '../report/splits.js'
import { plural } from '../words.js'
import { trainingDataset } from './dataset-files.js'
import { readDialect, withNullSequence } from './dialect-file.js'
import { loadTableSchema } from './schema.js'
import { validateSplits, type SplitsReport } from './splits.js'
import { validateDataset } from './validate-dataset.js'
import type { ValidationResult } from './validation-types.js'

export interface ValidateContext {
  config: DataSettings
  ports: Pick<Ports, 'worker'>
}

type Validated = { validation: ValidationResult; labelColumn?: string; splits?: SplitsReport }

/**
 * The dataset and schema as the user would name them: relative to where they ran ml-smoke. The dataset
 * is the training data (`dataset`, else the split train), else every split.
 */
export function dataLabels(
  config: Pick<DataSettings, 'cwd' | 'dataset' | 'schema'> & Partial<Pick<DataSettings, 'splits'>>
): { dataset: string; schema: string } {
  const entries =
    config.dataset ?? config.splits?.train ?? Object.values(config.splits ?? {}).flat()
  return {
    dataset: entries.map(entry => displayPath(config.cwd, entry)).join(', '),
    schema: displayPath(config.cwd, config.schema)
  }
}

/**
 * Validates the dataset (a file, or several as one table) against its schema: passes when no row breaks
 * a rule. With splits, validates each, compares them and counts the rows leaked between them: fails
 * too when a pair of splits shares more rows than max-leakage.
 */
export async function validateStage({
  config,
  ports
}: ValidateContext): Promise<StageVerdict<Validated>> {
  const labels = dataLabels(config)
  const dataset = config.splits ? undefined : await trainingDataset(config)
  const dialect = await readDialect(config, dataset?.format)
  const schema = withNullSequence(await loadTableSchema(config.schema, config.workspace), dialect)
  const labelColumn = schema.mlChecks?.label?.column
  if (!dataset) {
    const checked = await validateSplits(config, schema, labels.schema, ports.worker, dialect)
    return splitsVerdict({ ...checked, labelColumn }, labels.schema)
  }
  const validation = await validateDataset(
    dataset.files,
    schema,
    {
      format: dataset.format,
      delimiter: dialect?.delimiter ?? config.delimiter,
      dialect,
      maxViolations: config.maxViolations,
      schemaLabel: labels.schema,
      ...(dataset.files.length > 1 ? { fileNames: dataset.names } : {})
    },
    ports.worker
  )
  const files = dataset.files.length > 1 ? ` (${plural(dataset.files.length, 'file')})` : ''
  if (validation.violationCount === 0) {
    return {
      status: 'passed',
      message: `${validation.rows} rows of ${dataset.label}${files} match ${labels.schema}`,
      data: { validation, labelColumn }
    }
  }
  const first = validation.violations[0]
  const count = validation.violationCount
  return {
    status: 'failed',
    message: `${plural(count, 'violation')} in ${dataset.label}${files} (first, ${describePosition(first)}: ${first.message})`,
    data: { validation, labelColumn }
  }
}

/** The verdict on splits: their violations, then the leaks past max-leakage, fail; leaks within it are named. */
function splitsVerdict(checked: Validated & { splits: SplitsReport }, schema: string) {
  const { validation, splits } = checked
  const { pairs, maxLeakage } = splits.leakage
  const sizes = splits.splits.map(split => `${split.name} ${split.rows}`).join(', ')
  const over = pairs.filter(pair => pair.overLimit)
  const within = pairs.filter(pair => pair.rows > 0 && !pair.overLimit)
  const problems: string[] = []
  if (validation.violationCount > 0) {
    const first = validation.violations[0]
    problems.push(
      `${plural(validation.violationCount, 'violation')} (first, split ${first.split} ${describePosition(first)}: ${first.message})`
    )
  }
  if (over.length)
    problems.push(`${over.map(leakWords).join('; ')}: over max-leakage ${limitWords(maxLeakage)}`)
  const leaks = within.length
    ? `; within max-leakage ${limitWords(maxLeakage)}: ${within.map(leakWords).join('; ')}`
    : '; no row of one split is in another'
  return {
    status: problems.length ? ('failed' as const) : ('passed' as const),
    message: problems.length
      ? `splits ${sizes} rows: ${problems.join('; ')}`
      : `splits ${sizes} rows match ${schema}${leaks}`,
    data: checked
  }
}
