// The results of a table's parts (two threads' halves of a file, or a plan's parts across shards) as the
// one result a single pass over the whole table gives.
import { datasetChecks } from './dataset-checks.js'
import { withNullSequence } from './dialect-file.js'
import { KeyStore } from './keys/store.js'
import { keyChecksOf } from './primary-key.js'
import { MAX_LABEL_CLASSES } from './row-keys.js'
import { ROW_RANKS } from './row-violations.js'
import type { TableSchema } from './schema.js'
import { TableReferences, type ReadAgain } from './key-references.js'
import { resolveKeys } from './validate.js'
import { tableReader } from './validate-file.js'
import type {
  RowKeyFigures,
  ValidateOptions,
  ValidationResult,
  Violation
} from './validation-types.js'
import { ViolationLog } from './violation-log.js'

/** A part's result and the index of its file in the dataset; parts come in the dataset's order. */
export interface PlacedPart {
  file: number
  result: ValidationResult
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n
}

/** The parts' figures summed, their violations and row orders renumbered, their keys gathered. */
interface Gathered {
  violations: Violation[]
  orders: number[]
  countsByCode: Record<string, number>
  countsByField: Record<string, number>
  nullCounts: Record<string, number>
  classCounts: Record<string, number>
  rows: number
  violationCount: number
  /** Each file's rows across the table: after `base` rows, its last row number `last`. */
  fileRows: Array<{ base: number; last: number }>
}

/**
 * Each part's rows numbered after the parts before it (per file, and across the files of a dataset, as one
 * pass numbers them), its counts summed, its keys and foreign keys handed to `store` and `references`.
 */
function gatherParts(
  parts: readonly PlacedPart[],
  store: KeyStore | null,
  references: TableReferences | null
): Gathered {
  const gathered: Gathered = {
    violations: [],
    orders: [],
    countsByCode: {},
    countsByField: {},
    nullCounts: {},
    classCounts: {},
    rows: 0,
    violationCount: 0,
    fileRows: []
  }
  const { fileRows } = gathered
  let [fileBase, within, fileLast, current] = [0, 0, 1, -1]
  for (const { file, result } of parts) {
    // Rows of a file are numbered from its header (row 1); across files, after the files before it.
    if (file !== current) {
      ;[fileBase, within, current] = [fileBase + (current < 0 ? 0 : fileLast), 0, file]
      fileRows.push({ base: fileBase, last: 1 })
    }
    const across = fileBase + within
    for (const violation of result.violations)
      gathered.violations.push(
        within ? { ...violation, rowNumber: violation.rowNumber + within } : violation
      )
    for (const order of result.orders ?? []) gathered.orders.push(order + across * ROW_RANKS)
    gathered.rows += result.rows
    gathered.violationCount += result.violationCount
    addCounts(gathered.countsByCode, result.countsByCode)
    addCounts(gathered.countsByField, result.countsByField)
    addCounts(gathered.nullCounts, result.stats.nullCounts)
    addCounts(gathered.classCounts, result.stats.classCounts ?? {})
    if (result.keys) store!.absorb(result.keys, across)
    references?.absorb(result.foreignKeys, across)
    fileLast = within + (result.lastRowNumber ?? 1)
    within = fileLast - 1
    fileRows[fileRows.length - 1].last = fileLast
  }
  return gathered
}

/**
 * The parts as one table (gatherParts), the keys of all parts compared (rows whose key hashes repeat are
 * read again from `files`, whole, and compared exactly), then the checks of the whole table. Each part's
 * lines are already its file's.
 */
export async function mergeParts(
  parts: readonly PlacedPart[],
  files: readonly string[],
  schema: TableSchema,
  options: ValidateOptions
): Promise<ValidationResult> {
  const store = parts.some(part => part.result.keys) ? new KeyStore() : null
  // The second passes compile the fields as the validator's pass did (with the dialect's null sequence).
  const keysSchema = withNullSequence(schema, options.dialect)
  const references = schema.foreignKeys?.length ? new TableReferences(keysSchema) : null
  const gathered = gatherParts(parts, store, references)
  const { rows, nullCounts, classCounts } = gathered
  const log = new ViolationLog(options.maxViolations, gathered)
  const read = readAgain(files, gathered.fileRows, schema, options)
  let repeats: Awaited<ReturnType<typeof repeatedKeys>> | null = null
  try {
    repeats = store ? await repeatedKeys(store, keysSchema, options, read) : null
    if (repeats) log.absorb(repeats.log)
    // After the repeated keys, as the validator's pass logs them: after its last row.
    if (references) await references.logBroken(log, options, read)
  } finally {
    // The parts' foreign-key runs are removed whichever pass failed.
    references?.dispose()
  }
  const labelled = parts.some(part => part.result.stats.classCounts)
  datasetChecks(
    schema.mlChecks,
    rows,
    nullCounts,
    labelled ? new Map(Object.entries(classCounts)) : null,
    log
  )
  const rowKeys = parts.reduce<RowKeyFigures | undefined>(
    (merged, part) => mergeRowKeys(merged, part.result.rowKeys),
    undefined
  )
  return {
    format: parts[0].result.format,
    rows,
    ...log.summary(),
    header: parts[parts.length - 1].result.header,
    stats: {
      nullCounts,
      classCounts: labelled ? classCounts : undefined,
      duplicateRows: repeats?.duplicateRows ?? 0
    },
    ...(rowKeys ? { rowKeys } : {})
  }
}

/**
 * Reads the table again for the rows a second pass needs: only the files holding one of those rows are
 * read; the others are numbered on (a merge of a dataset of many files reads again only those).
 */
function readAgain(
  files: readonly string[],
  fileRows: ReadonlyArray<{ base: number; last: number }>,
  schema: TableSchema,
  options: ValidateOptions
): ReadAgain {
  const whole = { ...options, partition: undefined }
  return (sink, candidates) => {
    const unread = (f: number) => {
      const { base, last } = fileRows[f]
      return candidates.anyIn(base + 1, base + last) ? undefined : last
    }
    return tableReader(files, schema, whole, unread)(sink)
  }
}

/** The keys that repeat anywhere in the table, as one pass finds them. */
async function repeatedKeys(
  store: KeyStore,
  schema: TableSchema,
  options: ValidateOptions,
  read: ReadAgain
): ReturnType<typeof resolveKeys> {
  try {
    return await resolveKeys(store, keyChecksOf(schema), schema, options, read)
  } finally {
    store.dispose()
  }
}

/** Both parts' row hashes (in row order), and their class counts added up. */
function mergeRowKeys(first?: RowKeyFigures, second?: RowKeyFigures): RowKeyFigures | undefined {
  if (!first || !second) return first ?? second
  const parts = [...first.parts, ...second.parts]
  const tooManyClasses = first.tooManyClasses || second.tooManyClasses
  const classes = { ...first.classes }
  for (const [label, count] of Object.entries(second.classes ?? {}))
    classes[label] = (classes[label] ?? 0) + count
  const labelled = first.classes !== undefined || second.classes !== undefined
  return {
    parts,
    ...(tooManyClasses || Object.keys(classes).length > MAX_LABEL_CLASSES
      ? { tooManyClasses: true }
      : labelled
        ? { classes }
        : {})
  }
}
