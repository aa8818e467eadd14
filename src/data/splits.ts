// The data as named splits (train, valid, test, ...): each validated against the schema, then compared:
// rows, the label's class shares, the label's shift from the training split, and rows leaked between
// them (leakage.ts).
import type { DataSettings } from '../config.js'
import type { RowLimit } from './split-options.js'
import { UserError } from '../errors.js'
import { resolveDataset, type DatasetFiles } from './dataset-files.js'
import { checkDialectFormat } from './dialect-file.js'
import type { Dialect } from './dialect.js'
import { findLeakage, type LeakageFigures } from './leakage.js'
import { primaryKeyOf } from './primary-key.js'
import { RowKeyIndex } from './row-key-index.js'
import type { TableSchema } from './schema.js'
import { discard } from './validate-dataset.js'
import type { RowKeySpec, ValidateOptions, ValidationResult } from './validation-types.js'
import { ViolationLog } from './violation-log.js'

/** A label shift (total variation distance from the training split's class shares) from which a warning is given. */
export const LABEL_SHIFT_WARNING = 0.1

export interface SplitFigures {
  name: string
  /** The split as the user named it. */
  label: string
  files: number
  rows: number
  violations: number
  /** Rows per class of the label column, when there is one and it has at most MAX_LABEL_CLASSES. */
  classes?: Record<string, number>
  tooManyClasses?: boolean
}

/**
 * How far each split's class shares are from the reference split's: the total variation distance,
 * half the sum of the absolute differences of the shares (0: the same shares, 1: no class in common).
 */
export interface LabelShift {
  measure: 'total variation distance'
  /** The split compared with: train, else the first. */
  reference: string
  warnAt: number
  bySplit: Record<string, number>
}

export interface SplitsReport {
  splits: SplitFigures[]
  labelColumn?: string
  labelShift?: LabelShift
  leakage: LeakageFigures & { maxLeakage: RowLimit }
}

type SplitSettings = Pick<
  DataSettings,
  | 'dataset'
  | 'splits'
  | 'dataFormat'
  | 'delimiter'
  | 'maxViolations'
  | 'labelColumn'
  | 'leakageColumns'
  | 'maxLeakage'
  | 'workspace'
  | 'cwd'
>

/** The splits in order: `dataset` first (as the split train), then `splits` as given. */
export function namedSplits(
  config: Pick<SplitSettings, 'dataset' | 'splits'>
): Array<[string, string[]]> {
  return [
    ...(config.dataset ? [['train', config.dataset] as [string, string[]]] : []),
    ...Object.entries(config.splits ?? {})
  ]
}

/**
 * The columns a row's key is made of: `leakage-columns`, else every field but the label and the
 * declared ids (the primary key and unique fields), whose values differ row by row by design.
 */
export function leakageKeys(
  schema: TableSchema,
  config: Pick<SplitSettings, 'leakageColumns'>,
  labelColumn: string | undefined
): RowKeySpec {
  const names = schema.fields.map(field => field.name)
  if (config.leakageColumns) {
    const unknown = config.leakageColumns.filter(name => !names.includes(name))
    if (unknown.length)
      throw new UserError(
        `leakage-columns: ${unknown.map(name => `"${name}"`).join(', ')} ${unknown.length > 1 ? 'are not fields' : 'is not a field'} of the schema (fields: ${names.join(', ')})`
      )
    return { columns: [...new Set(config.leakageColumns)], labelColumn }
  }
  const ids = new Set([
    ...primaryKeyOf(schema),
    ...schema.fields.filter(field => field.constraints?.unique).map(field => field.name)
  ])
  const columns = names.filter(name => name !== labelColumn && !ids.has(name))
  if (!columns.length)
    throw new UserError(
      'leakage-columns: the schema has no field but the label and ids to compare rows by; name the columns'
    )
  return { columns, labelColumn }
}

/** Total variation distance between two class counts' shares. */
export function totalVariation(a: Record<string, number>, b: Record<string, number>): number {
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((s, n) => s + n, 0)
  const [ta, tb] = [total(a), total(b)]
  if (ta === 0 || tb === 0) return 0
  let sum = 0
  for (const label of new Set([...Object.keys(a), ...Object.keys(b)]))
    sum += Math.abs((a[label] ?? 0) / ta - (b[label] ?? 0) / tb)
  return sum / 2
}

function labelShift(splits: SplitFigures[]): LabelShift | undefined {
  const reference = splits.find(split => split.name === 'train') ?? splits[0]
  if (!reference.classes) return undefined
  const bySplit: Record<string, number> = {}
  for (const split of splits)
    if (split !== reference && split.classes)
      bySplit[split.name] = totalVariation(reference.classes, split.classes)
  return {
    measure: 'total variation distance',
    reference: reference.name,
    warnAt: LABEL_SHIFT_WARNING,
    bySplit
  }
}

/** Every split's validation as one: violations in split order (each naming its split), counts added. */
function mergeValidations(
  results: ReadonlyArray<{ name: string; validation: ValidationResult }>,
  maxViolations: number
): ValidationResult {
  const validations = results.map(result => result.validation)
  const sum = (counts: Array<Record<string, number> | undefined>) => {
    const total: Record<string, number> = {}
    for (const [key, n] of counts.flatMap(count => Object.entries(count ?? {})))
      total[key] = (total[key] ?? 0) + n
    return total
  }
  const labelled = validations.some(validation => validation.stats.classCounts)
  const log = new ViolationLog(maxViolations, {
    violations: results.flatMap(({ name, validation }) =>
      validation.violations.map(violation => ({ ...violation, split: name }))
    ),
    violationCount: validations.reduce((n, validation) => n + validation.violationCount, 0),
    countsByCode: sum(validations.map(validation => validation.countsByCode)),
    countsByField: sum(validations.map(validation => validation.countsByField))
  })
  return {
    format: validations[0].format,
    rows: validations.reduce((n, validation) => n + validation.rows, 0),
    ...log.summary(),
    header: validations[0].header,
    stats: {
      nullCounts: sum(validations.map(validation => validation.stats.nullCounts)),
      ...(labelled
        ? { classCounts: sum(validations.map(validation => validation.stats.classCounts)) }
        : {}),
      duplicateRows: validations.reduce((n, validation) => n + validation.stats.duplicateRows, 0)
    }
  }
}

/** Every split's files, resolved before any is read: a bad path fails first. */
export async function resolveSplits(
  config: SplitSettings
): Promise<Array<{ name: string; dataset: DatasetFiles }>> {
  const resolved = []
  for (const [name, entries] of namedSplits(config)) {
    const { workspace, cwd, dataFormat } = config
    const what = `split "${name}"`
    resolved.push({
      name,
      dataset: await resolveDataset(entries, { workspace, cwd, dataFormat, what })
    })
  }
  return resolved
}

/** How the splits are read and compared: the schema, the rows' keys, the dialect. */
export interface SplitsContext {
  config: SplitSettings
  schema: TableSchema
  schemaLabel: string
  keys: RowKeySpec
  dialect?: Dialect
}

/** The context of comparing splits: the label column and the columns a row's key is made of. */
export function splitsContext(
  config: SplitSettings,
  schema: TableSchema,
  schemaLabel: string,
  dialect?: Dialect
): SplitsContext {
  const labelColumn = config.labelColumn ?? schema.mlChecks?.label?.column
  return { config, schema, schemaLabel, keys: leakageKeys(schema, config, labelColumn), dialect }
}

/** How a split's files are validated: each row's key hashed, each file named in violations. */
export function splitOptions(
  dataset: DatasetFiles,
  name: string,
  { config, schemaLabel, keys, dialect }: SplitsContext
): ValidateOptions {
  if (dialect)
    checkDialectFormat(dialect, dataset.format, `dialect (split ${name}: ${dataset.label})`)
  return {
    format: dataset.format,
    delimiter: dialect?.delimiter ?? config.delimiter,
    dialect,
    maxViolations: config.maxViolations,
    schemaLabel,
    fileNames: dataset.names,
    rowKeys: keys
  }
}

/** A split as validated, its rows' key hashes still in `validation.rowKeys`. */
export interface SplitResult {
  name: string
  dataset: DatasetFiles
  validation: ValidationResult
}

/**
 * Compares validated splits: rows, class shares, label shift, and the rows whose keys repeat across them,
 * re-read exactly. `validation` is every split's together. The splits' row-key hashes are used up.
 */
export async function compareSplits(
  results: readonly SplitResult[],
  context: SplitsContext
): Promise<{ validation: ValidationResult; splits: SplitsReport }> {
  const { config, schema, schemaLabel, keys, dialect } = context
  const index = new RowKeyIndex()
  const figures: SplitFigures[] = []
  let candidates
  try {
    for (const { name, dataset, validation } of results) {
      const rowKeys = validation.rowKeys!
      index.addSplit(rowKeys)
      figures.push({
        name,
        label: dataset.label,
        files: dataset.files.length,
        rows: validation.rows,
        violations: validation.violationCount,
        ...(rowKeys.classes ? { classes: rowKeys.classes } : {}),
        ...(rowKeys.tooManyClasses ? { tooManyClasses: true } : {})
      })
    }
    candidates = index.candidates()
  } finally {
    index.dispose()
  }
  const leakage = await findLeakage(
    results.map(({ name, dataset }, s) => ({
      name,
      dataset,
      rows: figures[s].rows,
      firstRow: index.firstRows[s]
    })),
    candidates,
    {
      schema,
      keys,
      schemaLabel,
      delimiter: dialect?.delimiter ?? config.delimiter,
      dialect,
      maxLeakage: config.maxLeakage
    }
  )
  const labelColumn = keys.labelColumn
  const shift = labelColumn ? labelShift(figures) : undefined
  return {
    validation: mergeValidations(results, config.maxViolations),
    splits: {
      splits: figures,
      ...(labelColumn ? { labelColumn } : {}),
      ...(shift ? { labelShift: shift } : {}),
      leakage: { ...leakage, maxLeakage: config.maxLeakage }
    }
  }
}

/** The row-key hashes of validations that will not be compared (their spilled runs removed). */
export function discardRowKeys(validations: readonly ValidationResult[]): void {
  for (const validation of validations)
    for (const part of validation.rowKeys?.parts ?? []) discard(part.keys)
}
