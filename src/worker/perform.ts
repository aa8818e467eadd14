import { readCsvTable } from '../data/readers/csv.js'
import { filesOf, readFiles } from '../data/readers/many.js'
import { readParquetTable } from '../data/readers/parquet.js'
import { validateRows } from '../data/validate.js'
import { drawRows, writeSubset } from '../sample/subset.js'
import {
  CSV_PARTITION_TASK,
  PARQUET_DRAW_TASK,
  PARQUET_TASK,
  type WorkerResult,
  type WorkerTask
} from './tasks.js'

/**
 * Does one data-worker task in this thread. It loads only the readers, the validator and the subset
 * writer. `afterBatch` is the worker's garbage collection between batches of Parquet rows.
 */
export async function perform<T extends WorkerTask>(
  task: T,
  afterBatch?: () => void
): Promise<WorkerResult<T>> {
  switch (task.task) {
    case CSV_PARTITION_TASK:
      return (await validateRows(task.schema, task.options, sink =>
        readCsvTable(task.file as string, task.options, sink)
      )) as WorkerResult<T>
    case PARQUET_TASK:
      return (await validateRows(task.schema, task.options, sink =>
        readFiles(filesOf(task.file), sink, file =>
          readParquetTable(file, { afterBatch, partition: task.options.partition }, sink)
        )
      )) as WorkerResult<T>
    case PARQUET_DRAW_TASK:
      return (await drawRows(
        task.source,
        task.options,
        { afterBatch },
        task.exclude
      )) as WorkerResult<T>
    default:
      return (await writeSubset(task.source, task.target, task.options, {
        afterBatch
      })) as WorkerResult<T>
  }
}
