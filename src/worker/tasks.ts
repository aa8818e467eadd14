// What the main thread asks of the data worker (entry.ts, bundled as dist/worker/index.js) and what it
// answers. Names and types only, so both sides import them without loading each other.
import type { TableSchema } from '../data/schema.js'
import type { ValidateOptions, ValidationResult } from '../data/validation-types.js'
import type { DrawnRows, SubsetOptions, SubsetResult } from '../sample/types.js'

export const CSV_PARTITION_TASK = 'ml-smoke-csv-partition'
export const PARQUET_TASK = 'ml-smoke-parquet'
export const PARQUET_SUBSET_TASK = 'ml-smoke-parquet-subset'
/** Rows drawn past a subset's rows (the model API's held-out rows). */
export const PARQUET_DRAW_TASK = 'ml-smoke-parquet-draw'

interface ValidationTaskOn {
  /** A file, or a dataset's files read as one table. */
  file: string | string[]
  /** Already parsed and checked: the worker does not load the schema parser. */
  schema: TableSchema
}

export type WorkerTask =
  | (ValidationTaskOn & {
      task: typeof CSV_PARTITION_TASK
      options: ValidateOptions & { delimiter: string }
    })
  | (ValidationTaskOn & { task: typeof PARQUET_TASK; options: ValidateOptions })
  | {
      task: typeof PARQUET_SUBSET_TASK
      /** A file, or a dataset's files read as one table. */
      source: string | string[]
      target: string
      options: SubsetOptions
    }
  | {
      task: typeof PARQUET_DRAW_TASK
      source: string | string[]
      options: SubsetOptions
      exclude: Uint32Array
    }

/** What each task answers with. */
export type WorkerResult<T extends WorkerTask> = T extends { task: typeof PARQUET_SUBSET_TASK }
  ? SubsetResult
  : T extends { task: typeof PARQUET_DRAW_TASK }
    ? DrawnRows
    : ValidationResult

/** The worker's message: a result, or the error that stopped it (a UserError keeps its message and hint). */
export type WorkerReply =
  { result: unknown } | { error: { message: string; hint?: string; userError: boolean } }

export const WORKER_TASKS: ReadonlySet<string> = new Set([
  CSV_PARTITION_TASK,
  PARQUET_TASK,
  PARQUET_SUBSET_TASK,
  PARQUET_DRAW_TASK
])
