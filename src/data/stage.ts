import type { DataSettings } from '../config.js'
import { displayPath } from '../file-info.js'
import type { Ports } from '../ports/types.js'
import { describePosition } from '../report/position.js'
import type { StageVerdict } from '../stage.js'
import { leakWords, limitWords } from '../report/splits.js'
import { plural } from '../words.js'
import type { DatasetFiles } from './dataset-files.js'
import type { TableSchema } from './schema.js'
import { compareSplits, discardRowKeys, type SplitsReport } from './splits.js'
import { dataTables, type DataTables } from './tables.js'
import { validateDataset } from './validate-dataset.js'
import type { ValidationResult } from './validation-types.js'

export interface ValidateContext {
  config: DataSettings
  ports: Pick<Ports, 'worker'>
}

export type Validated = {
  validation: ValidationResult
  labelColumn?: string
  splits?: SplitsReport
}

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
  const data = await dataTables(config)
  const validations: ValidationResult[] = []
  try {
    for (const { dataset, options } of data.tables)
      validations.push(await validateDataset(dataset.files, data.schema, options, ports.worker))
  } catch (error) {
    discardRowKeys(validations)
    throw error
  }
  return tablesVerdict(data, validations)
}

/**
 * The verdict on the tables' validations, one per table however they were made (one pass, or the merge
 * of a matrix's shards): the dataset's, or the splits' compared (which uses up their row keys).
 */
export async function tablesVerdict(
  data: DataTables,
  validations: readonly ValidationResult[]
): Promise<StageVerdict<Validated>> {
  const { tables, schema, schemaLabel, splits } = data
  if (!splits) return datasetVerdict(validations[0], tables[0].dataset, schema, schemaLabel)
  const results = tables.map(({ split, dataset }, t) => ({
    name: split!,
    dataset,
    validation: validations[t]
  }))
  const checked = await compareSplits(results, splits)
  return splitsVerdict({ ...checked, labelColumn: schema.mlChecks?.label?.column }, schemaLabel)
}

/** Passes when no row of the dataset breaks a rule; else fails naming the first violation. */
export function datasetVerdict(
  validation: ValidationResult,
  dataset: DatasetFiles,
  schema: TableSchema,
  schemaLabel: string
): StageVerdict<Validated> {
  const labelColumn = schema.mlChecks?.label?.column
  const files = dataset.files.length > 1 ? ` (${plural(dataset.files.length, 'file')})` : ''
  if (validation.violationCount === 0) {
    return {
      status: 'passed',
      message: `${validation.rows} rows of ${dataset.label}${files} match ${schemaLabel}`,
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
