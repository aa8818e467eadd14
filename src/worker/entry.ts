// The entry of dist/worker/index.js: a small bundle that works on data in another thread (see
// client.ts): it validates one byte range of a CSV or a whole Parquet file, or cuts a Parquet subset,
// and starts in tens of milliseconds instead of loading the whole action.
import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import { UserError } from '../errors.js'
import { heapCollector } from './heap.js'
import { perform } from './perform.js'
import { WORKER_TASKS, type WorkerReply, type WorkerTask } from './tasks.js'

const task = workerData as WorkerTask | undefined
if (!isMainThread && WORKER_TASKS.has(task?.task as string)) {
  let reply: WorkerReply
  try {
    reply = { result: await perform(task!, heapCollector()) }
  } catch (error) {
    reply = {
      error: {
        message: (error as Error).message,
        hint: (error as UserError).hint,
        userError: error instanceof UserError
      }
    }
  }
  // A part's key hashes (tens of MiB) are moved to the main thread, not copied.
  const keys = 'result' in reply ? (reply.result as { keys?: { sorted: Uint32Array } }).keys : null
  parentPort!.postMessage(reply, keys ? [keys.sorted.buffer as ArrayBuffer] : [])
}
