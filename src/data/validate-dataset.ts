import { stat } from 'node:fs/promises'
import os from 'node:os'
import { canSplitDialect } from './dialect.js'
import { KeyStore, type KeyStoreState } from './keys/store.js'
import { mergeParts } from './merge-parts.js'
import { quoteBytes, readHeader, recordBoundaries } from './record-boundary.js'
import { inWorkerOrHere, type OffThread } from '../worker/client.js'
import { CSV_PARTITION_TASK, PARQUET_TASK } from '../worker/tasks.js'
import type { TableSchema } from './schema.js'
import { validateTable } from './validate-file.js'
import { filesOf } from './readers/many.js'
import type { ValidateOptions, ValidationResult } from './validation-types.js'

/** Below this, starting workers costs more than it saves (ML_SMOKE_PARALLEL_MIN_BYTES overrides, for tests). */
export function parallelMinBytes(): number {
  return Number(process.env.ML_SMOKE_PARALLEL_MIN_BYTES) || 32 * 1024 * 1024
}

/**
 * Whether a table can be split: a large CSV/TSV. Each half hashes its keys (unique fields, primary and
 * unique keys, duplicate rows, both sides of foreign keys) and the merge compares them across halves.
 */
export function canSplit(schema: TableSchema, options: ValidateOptions, size: number): boolean {
  return (
    (options.format === 'csv' || options.format === 'tsv') &&
    size >= parallelMinBytes() &&
    os.availableParallelism() >= 2 &&
    canSplitDialect(options.dialect)
  )
}

/** A part's key hashes that no merge will read: their runs removed. */
export function discard(keys: KeyStoreState): void {
  const store = new KeyStore()
  store.absorb(keys)
  store.dispose()
}

export function delimiterOf(
  options: Pick<ValidateOptions, 'dialect' | 'delimiter' | 'format'>
): string {
  return options.dialect?.delimiter ?? options.delimiter ?? (options.format === 'tsv' ? '\t' : ',')
}

/**
 * Validates a data file, or a dataset of several files as one table. A large CSV runs on two cores: the
 * first half in this thread, the rest in a worker that starts at the first record boundary past the middle.
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
  // The worker is handed the header; one that spans lines (a quoted newline in a column name), or that
  // cannot be read (no line break in its first MAX_RECORD_CHARS: not a CSV file), is not split.
  const header = await readHeader(file, delimiterOf(options), options.dialect)
  if (!header) return validateTable(file, schema, options)
  const [cut] = await recordBoundaries(
    file,
    // Half each. The worker starts cold (a fresh isolate loading the bundle), yet with 10 MiB more here
    // this thread finished 130-200 ms after it on the bench's 195 MB CSV; at half, the two end within
    // 60 ms of each other, either first (bench/validate.ts, quiet machine, 3 runs each).
    [Math.floor(size / 2)],
    quoteBytes(options.dialect)
  )
  if (cut === null || cut.offset >= size) return validateTable(file, schema, options)
  const second = worker
    .run({
      task: CSV_PARTITION_TASK,
      file,
      schema,
      options: {
        ...options,
        delimiter: delimiterOf(options),
        partition: { start: cut.offset, header, firstLine: cut.line }
      }
    })
    .catch(() => null)
  const first = await validateTable(file, schema, {
    ...options,
    partition: { start: 0, end: cut.offset }
  })
  const rest = await second
  if (!rest || !first.endedBetweenRecords) {
    for (const part of [first, rest]) if (part?.keys) discard(part.keys)
    for (const part of [first, rest])
      for (const row of part?.rowKeys?.parts ?? []) discard(row.keys)
    return validateTable(file, schema, options)
  }
  const parts = [first, rest].map(result => ({ file: 0, result }))
  return { ...(await mergeParts(parts, files, schema, options)), parts: 2 }
}
