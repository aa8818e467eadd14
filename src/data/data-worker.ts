// The entry of dist/worker/index.js: a small bundle that works on data in another thread (see
// off-thread.ts): it validates one byte range of a CSV or a whole Parquet file, or cuts a Parquet subset.
// It loads only the readers, the validator and the subset writer, so it starts in tens of milliseconds
// instead of loading the whole action.
import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import { UserError } from '../errors.js'
import { writeSubset } from '../sample/subset.js'
import { readCsvTable } from './readers/csv.js'
import { readParquetTable } from './readers/parquet.js'
import { validateRows } from './validate.js'
import {
  CSV_PARTITION_TASK,
  PARQUET_TASK,
  WORKER_TASKS,
  type WorkerReply,
  type WorkerTask
} from './worker-tasks.js'

async function perform(task: WorkerTask): Promise<unknown> {
  switch (task.task) {
    case CSV_PARTITION_TASK:
      return validateRows(task.schema, task.options, sink =>
        readCsvTable(task.file, task.options, sink)
      )
    case PARQUET_TASK:
      return validateRows(task.schema, task.options, sink => readParquetTable(task.file, {}, sink))
    default:
      return writeSubset(task.source, task.target, task.options)
  }
}

const task = workerData as WorkerTask | undefined
if (!isMainThread && WORKER_TASKS.has(task?.task as string)) {
  let reply: WorkerReply
  try {
    reply = { result: await perform(task!) }
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
