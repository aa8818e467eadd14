// The entry of dist/worker/index.js: a small bundle that validates one byte range of a CSV on another
// core (see parallel.ts). It loads only the CSV reader and the validator, so it starts in tens of
// milliseconds instead of loading the whole action.
import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import { readCsvTable } from './readers/csv.js'
import type { TableSchema } from './schema.js'
import { validateRows, type ValidateOptions } from './validate.js'

export const PARTITION_TASK = 'ml-smoke-csv-partition'

export interface PartitionTask {
  task: typeof PARTITION_TASK
  file: string
  /** Already parsed and checked: the worker does not load the schema parser. */
  schema: TableSchema
  options: ValidateOptions & { delimiter: string }
}

const task = workerData as PartitionTask | undefined
if (!isMainThread && task?.task === PARTITION_TASK) {
  const result = await validateRows(task.schema, task.options, sink =>
    readCsvTable(task.file, task.options, sink)
  )
  parentPort!.postMessage(result)
}
