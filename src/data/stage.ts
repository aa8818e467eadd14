import type { DataSettings } from '../config.js'
import { displayPath, requireFile } from '../file-info.js'
import type { Ports } from '../ports/types.js'
import { describePosition } from '../report/position.js'
import type { StageVerdict } from '../stage.js'
import { readDialect, withNullSequence } from './dialect-file.js'
import { loadTableSchema } from './schema.js'
import { formatOf } from './table.js'
import { validateDataset } from './validate-dataset.js'
import type { ValidationResult } from './validation-types.js'
import { plural } from '../words.js'

export interface ValidateContext {
  config: DataSettings
  ports: Pick<Ports, 'worker'>
}

/** The dataset and schema as the user would name them: relative to where they ran ml-smoke. */
export function dataLabels(config: Pick<DataSettings, 'cwd' | 'dataset' | 'schema'>): {
  dataset: string
  schema: string
} {
  return {
    dataset: displayPath(config.cwd, config.dataset),
    schema: displayPath(config.cwd, config.schema)
  }
}

/** Validates the dataset against its schema: passes when no row breaks a rule. */
export async function validateStage({
  config,
  ports
}: ValidateContext): Promise<StageVerdict<{ validation: ValidationResult; labelColumn?: string }>> {
  const labels = dataLabels(config)
  const dialect = await readDialect(config)
  const schema = withNullSequence(await loadTableSchema(config.schema, config.workspace), dialect)
  await requireFile(config.dataset, labels.dataset, 'dataset')
  const validation = await validateDataset(
    config.dataset,
    schema,
    {
      format: formatOf(config.dataset, config.dataFormat),
      delimiter: dialect?.delimiter ?? config.delimiter,
      dialect,
      maxViolations: config.maxViolations,
      schemaLabel: labels.schema
    },
    ports.worker
  )
  const labelColumn = schema.mlChecks?.label?.column
  if (validation.violationCount === 0) {
    return {
      status: 'passed',
      message: `${validation.rows} rows of ${labels.dataset} match ${labels.schema}`,
      data: { validation, labelColumn }
    }
  }
  const first = validation.violations[0]
  const count = validation.violationCount
  return {
    status: 'failed',
    message: `${plural(count, 'violation')} in ${labels.dataset} (first, ${describePosition(first)}: ${first.message})`,
    data: { validation, labelColumn }
  }
}
