// The entry of dist/worker/index.js: a small bundle that validates on another thread (see
// validate-dataset.ts), either one byte range of a CSV or a whole Parquet file. It loads only the readers
// and the validator, so it starts in tens of milliseconds instead of loading the whole action.
import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import { UserError } from '../errors.js'
import { readCsvTable } from './readers/csv.js'
import { readParquetTable } from './readers/parquet.js'
import type { TableSchema } from './schema.js'
import { validateRows, type ValidateOptions, type ValidationResult } from './validate.js'

export const CSV_PARTITION_TASK = 'ml-smoke-csv-partition'
export const PARQUET_TASK = 'ml-smoke-parquet'

interface TaskOn {
  file: string
  /** Already parsed and checked: the worker does not load the schema parser. */
  schema: TableSchema
}

export type WorkerTask =
  | (TaskOn & { task: typeof CSV_PARTITION_TASK; options: ValidateOptions & { delimiter: string } })
  | (TaskOn & { task: typeof PARQUET_TASK; options: ValidateOptions })

/** What the worker posts back: a result, or the error that stopped it (a UserError keeps its message). */
export type WorkerReply =
  { result: ValidationResult } | { error: { message: string; hint?: string; userError: boolean } }

const task = workerData as WorkerTask | undefined
if (!isMainThread && (task?.task === CSV_PARTITION_TASK || task?.task === PARQUET_TASK)) {
  let reply: WorkerReply
  try {
    const result =
      task.task === PARQUET_TASK
        ? await validateRows(task.schema, task.options, sink =>
            readParquetTable(task.file, {}, sink)
          )
        : await validateRows(task.schema, task.options, sink =>
            readCsvTable(task.file, task.options, sink)
          )
    reply = { result }
  } catch (error) {
    reply = {
      error: {
        message: (error as Error).message,
        hint: (error as UserError).hint,
        userError: error instanceof UserError
      }
    }
  }
  parentPort!.postMessage(reply)
}
