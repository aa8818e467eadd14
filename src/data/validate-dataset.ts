import { open, stat } from 'node:fs/promises'
import os from 'node:os'
import { readCsvFile } from './csv.js'
import { canSplitDialect, quotingOf, type Dialect } from './dialect.js'
import { KeyStore, type KeyStoreState } from './keys/store.js'
import { keyChecksOf } from './primary-key.js'
import { ROW_RANKS } from './row-violations.js'
import { MAX_RECORD_CHARS } from './text-chunks.js'
import { inWorkerOrHere, type OffThread } from '../worker/client.js'
import { CSV_PARTITION_TASK, PARQUET_TASK } from '../worker/tasks.js'
import type { TableSchema } from './schema.js'
import { resolveKeys } from './validate.js'
import { tableReader, validateTable } from './validate-file.js'
import { withNullSequence } from './dialect-file.js'
import { datasetChecks } from './dataset-checks.js'
import { filesOf } from './readers/many.js'
import { MAX_LABEL_CLASSES } from './row-keys.js'
import type { RowKeyFigures, ValidateOptions, ValidationResult } from './validation-types.js'
import { ViolationLog } from './violation-log.js'

/** Below this, starting workers costs more than it saves (ML_SMOKE_PARALLEL_MIN_BYTES overrides, for tests). */
export function parallelMinBytes(): number {
  return Number(process.env.ML_SMOKE_PARALLEL_MIN_BYTES) || 32 * 1024 * 1024
}

/**
 * Whether a table can be split: a large CSV/TSV. Each half hashes its keys (unique fields, primary and
 * unique keys, duplicate rows) and the merge compares them across halves; a foreign key into the same
 * table keeps its texts in one pass.
 */
export function canSplit(schema: TableSchema, options: ValidateOptions, size: number): boolean {
  return (
    (options.format === 'csv' || options.format === 'tsv') &&
    size >= parallelMinBytes() &&
    os.availableParallelism() >= 2 &&
    !schema.foreignKeys?.length &&
    canSplitDialect(options.dialect)
  )
}

/** A part's key hashes that no merge will read: their runs removed. */
function discard(keys: KeyStoreState): void {
  const store = new KeyStore()
  store.absorb(keys)
  store.dispose()
}

function delimiterOf(options: ValidateOptions): string {
  return options.dialect?.delimiter ?? options.delimiter ?? (options.format === 'tsv' ? '\t' : ',')
}

/** The header record, if it is one physical line. */
async function readHeader(file: string, options: ValidateOptions): Promise<string[] | null> {
  let header: string[] | null = null
  await readCsvFile(
    file,
    { delimiter: delimiterOf(options), keepRaw: false, quoting: quotingOf(options.dialect) },
    record => {
      header = record.endLine === 1 ? record.fields : null
      return false
    },
    () => undefined
  )
  return header
}

/** The dialect's quote and escape characters as bytes (canSplitDialect keeps the quote to one byte). */
function quoteBytes(dialect: Dialect | undefined): { quote: number; escape: number } {
  const escape = dialect?.escapeChar
  return {
    quote: (dialect?.quoteChar ?? '"').charCodeAt(0),
    escape: escape !== undefined && escape.charCodeAt(0) < 0x80 ? escape.charCodeAt(0) : -1
  }
}

/**
 * The first record boundary at or after `at`: a line break with an even number of quotes before it (in
 * RFC 4180 a line break inside quotes always follows an odd count; an escaped quote is not counted).
 * Counting quotes natively with indexOf is a fraction of validating. A file that breaks the rule is caught
 * later: the first part then does not end between records, and validation falls back to one pass.
 */
async function recordBoundary(
  file: string,
  at: number,
  { quote, escape }: { quote: number; escape: number }
): Promise<number | null> {
  const handle = await open(file, 'r')
  try {
    const buffer = Buffer.alloc(1 << 20)
    let quotes = 0
    for (let position = 0; ; position += buffer.length) {
      // No boundary within a record's longest past the middle: one pass stops at that record.
      if (position > at + MAX_RECORD_CHARS) return null
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position)
      if (bytesRead === 0) return null
      const chunk = buffer.subarray(0, bytesRead)
      const before = Math.max(0, Math.min(bytesRead, at - position))
      for (let q = chunk.indexOf(quote); q !== -1 && q < before; q = chunk.indexOf(quote, q + 1))
        if (q === 0 || chunk[q - 1] !== escape) quotes++
      for (let i = before; i < bytesRead; i++) {
        const byte = chunk[i]
        if (byte === quote && (i === 0 || chunk[i - 1] !== escape)) quotes++
        else if (byte === 0x0a && quotes % 2 === 0) return position + i + 1
      }
    }
  } finally {
    await handle.close()
  }
}

/**
 * Two parts' results as one: the second's lines and rows shifted, counts summed, and the keys of both
 * compared (rows whose key hashes repeat are read again from `file`, whole, and compared exactly).
 */
async function merge(
  first: ValidationResult,
  second: ValidationResult,
  file: string,
  schema: TableSchema,
  options: ValidateOptions
): Promise<ValidationResult> {
  // The second half counted its lines and rows from 1 (with the header as row 1): shift them.
  const lineOffset = first.linesRead ?? 0
  const shifted = second.violations.map(v => ({
    ...v,
    line: v.line === undefined ? undefined : v.line + lineOffset,
    rowNumber: v.rowNumber + first.rows
  }))
  const orderOffset = first.rows * ROW_RANKS
  const sum = (a: Record<string, number>, b: Record<string, number>) => {
    const out = { ...a }
    for (const [key, n] of Object.entries(b)) out[key] = (out[key] ?? 0) + n
    return out
  }
  const rows = first.rows + second.rows
  const rowKeys = mergeRowKeys(first.rowKeys, second.rowKeys)
  const nullCounts = sum(first.stats.nullCounts, second.stats.nullCounts)
  const classCounts =
    first.stats.classCounts || second.stats.classCounts
      ? sum(first.stats.classCounts ?? {}, second.stats.classCounts ?? {})
      : undefined
  const log = new ViolationLog(options.maxViolations, {
    violations: [...first.violations, ...shifted],
    orders: [...(first.orders ?? []), ...(second.orders ?? []).map(order => order + orderOffset)],
    violationCount: first.violationCount + second.violationCount,
    countsByCode: sum(first.countsByCode, second.countsByCode),
    countsByField: sum(first.countsByField, second.countsByField)
  })
  const repeats = await repeatedKeys(first.keys, second.keys, first.rows, file, schema, options)
  if (repeats) log.absorb(repeats.log)
  datasetChecks(
    schema.mlChecks,
    rows,
    nullCounts,
    classCounts ? new Map(Object.entries(classCounts)) : null,
    log
  )
  return {
    format: first.format,
    rows,
    ...log.summary(),
    header: first.header,
    stats: { nullCounts, classCounts, duplicateRows: repeats?.duplicateRows ?? 0 },
    parts: 2,
    ...(rowKeys ? { rowKeys } : {})
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

/** The keys that repeat within or across two parts (their hashes merged, `rowOffset` past the first). */
async function repeatedKeys(
  first: KeyStoreState | null | undefined,
  second: KeyStoreState | null | undefined,
  rowOffset: number,
  file: string,
  schema: TableSchema,
  options: ValidateOptions
): ReturnType<typeof resolveKeys> {
  if (!first || !second) return null
  const store = new KeyStore()
  store.absorb(first)
  store.absorb(second, rowOffset)
  try {
    // The whole file, read as one pass reads it.
    const whole = { ...options, partition: undefined }
    return await resolveKeys(
      store,
      keyChecksOf(schema),
      withNullSequence(schema, options.dialect),
      options,
      tableReader(file, schema, whole)
    )
  } finally {
    store.dispose()
  }
}

/**
 * Validates a data file, or a dataset of several files as one table. A large CSV runs on two cores: the
 * first part in this thread, the rest in a worker that starts at a line break a little past the middle.
 * If that break turns out to be inside a quoted field (the first half did not end between records), or a
 * worker cannot start, the file is validated in one pass: splitting must never change the answer.
 * Parquet is validated in a worker with a small young generation, which keeps peak memory under 200 MiB
 * on Node 24. Without a worker (running from source, or `--threads 1`), for a small CSV, or for several
 * files, it is one pass here.
 */
export async function validateDataset(
  source: string | readonly string[],
  schema: TableSchema,
  options: ValidateOptions,
  worker: OffThread | undefined
): Promise<ValidationResult> {
  const files = filesOf(source)
  if (options.format === 'parquet')
    return inWorkerOrHere(
      worker,
      { task: PARQUET_TASK, file: files.length === 1 ? files[0] : [...files], schema, options },
      () => validateTable(files, schema, options)
    )
  if (files.length > 1) return validateTable(files, schema, options)
  const file = files[0]
  const size = (await stat(file)).size
  if (!worker || !canSplit(schema, options, size)) return validateTable(file, schema, options)
  // The worker starts cold (a fresh isolate loading the bundle, code not yet optimised): give this thread
  // the larger part, about 10 MiB of work more, so both finish together.
  const share = Math.min(0.65, 0.5 + Math.min(10 * 1024 * 1024, size / 10) / size)
  // The worker is handed the header; one that spans lines (a quoted newline in a column name), or that
  // cannot be read (no line break in its first MAX_RECORD_CHARS: not a CSV file), is not split.
  const header = await readHeader(file, options)
  if (!header) return validateTable(file, schema, options)
  const split = await recordBoundary(file, Math.floor(size * share), quoteBytes(options.dialect))
  if (split === null || split >= size) return validateTable(file, schema, options)
  const second = worker
    .run({
      task: CSV_PARTITION_TASK,
      file,
      schema,
      options: { ...options, delimiter: delimiterOf(options), partition: { start: split, header } }
    })
    .catch(() => null)
  const first = await validateTable(file, schema, {
    ...options,
    partition: { start: 0, end: split }
  })
  const rest = await second
  if (!rest || !first.endedBetweenRecords) {
    for (const part of [first, rest]) if (part?.keys) discard(part.keys)
    for (const part of [first, rest])
      for (const row of part?.rowKeys?.parts ?? []) discard(row.keys)
    return validateTable(file, schema, options)
  }
  return merge(first, rest, file, schema, options)
}
