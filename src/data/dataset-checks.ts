// The checks under a schema's `mlChecks` that look at the dataset as a whole: they run once, after every
// row was read (or every part of a split file merged).
import type { MlChecks } from './schema.js'
import type { ViolationLog } from './violation-log.js'

/** A dataset-level violation has no row. */
const WHOLE = { rowNumber: 0 }

/** The checks on the dataset as a whole, after every row was read. */
export function datasetChecks(
  checks: MlChecks | undefined,
  rows: number,
  nullCounts: Record<string, number>,
  classCounts: Map<string, number> | null,
  log: ViolationLog
): void {
  if (!checks) return
  rowCountChecks(checks.rows, rows, log)
  if (checks.maxNullFraction !== undefined && rows > 0)
    nullFractionChecks(checks.maxNullFraction, rows, nullCounts, log)
  if (checks.label && classCounts) labelChecks(checks.label, classCounts, rows, log)
}

function rowCountChecks(bounds: MlChecks['rows'], rows: number, log: ViolationLog): void {
  if (bounds?.min !== undefined && rows < bounds.min)
    log.add({
      code: 'row-count',
      ...WHOLE,
      message: `${rows} rows; the schema asks for at least ${bounds.min}`
    })
  if (bounds?.max !== undefined && rows > bounds.max)
    log.add({
      code: 'row-count',
      ...WHOLE,
      message: `${rows} rows; the schema allows at most ${bounds.max}`
    })
}

/** `maxNullFraction`: one limit for every field, or a limit per named field. */
function nullFractionChecks(
  maxNullFraction: NonNullable<MlChecks['maxNullFraction']>,
  rows: number,
  nullCounts: Record<string, number>,
  log: ViolationLog
): void {
  const limits =
    typeof maxNullFraction === 'number'
      ? Object.fromEntries(Object.keys(nullCounts).map(name => [name, maxNullFraction]))
      : maxNullFraction
  for (const [name, limit] of Object.entries(limits)) {
    const fraction = (nullCounts[name] ?? 0) / rows
    if (fraction > limit) {
      log.add({
        code: 'null-fraction',
        ...WHOLE,
        field: name,
        message: `field "${name}" is empty in ${nullCounts[name]} of ${rows} rows (${(fraction * 100).toFixed(1)} %); the schema allows ${(limit * 100).toFixed(1)} %`
      })
    }
  }
}

/** `label`: every expected class appears, and each class found has at least `minShare` of the rows. */
function labelChecks(
  label: NonNullable<MlChecks['label']>,
  classCounts: Map<string, number>,
  rows: number,
  log: ViolationLog
): void {
  for (const expected of label.classes ?? []) {
    if (!classCounts.has(String(expected))) {
      log.add({
        code: 'label-class-missing',
        ...WHOLE,
        field: label.column,
        message: `class "${expected}" of "${label.column}" never appears (found: ${[...classCounts.keys()].join(', ')})`
      })
    }
  }
  if (label.minShare === undefined || rows === 0) return
  for (const [value, count] of classCounts) {
    if (count / rows < label.minShare) {
      log.add({
        code: 'label-class-share',
        ...WHOLE,
        field: label.column,
        message: `class "${value}" of "${label.column}" is ${((100 * count) / rows).toFixed(1)} % of the rows (${count}); the schema asks for at least ${(label.minShare * 100).toFixed(1)} %`
      })
    }
  }
}
