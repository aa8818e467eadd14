import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { UserError } from '../errors.js'
import {
  CSV_PARTITION_TASK,
  type WorkerReply,
  type WorkerResult,
  type WorkerTask
} from './worker-tasks.js'

/**
 * V8's young generation for a worker reading Parquet, in MiB. Node 24's V8 grows it to 128 MiB while
 * pages of decoded values outlive a few scavenges; the main thread cannot be given a V8 flag, a worker can.
 */
const PARQUET_YOUNG_GENERATION_MIB = 16

/**
 * Runs a task in the data worker (`entry`, its bundle). A UserError in the worker rejects as a UserError;
 * any other failure, a crash or an exit without an answer rejects with a plain Error, which callers
 * answer by doing the work in this thread.
 */
export function runInWorker<T extends WorkerTask>(
  task: T,
  entry: string
): Promise<WorkerResult<T>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, {
      workerData: task,
      resourceLimits:
        task.task === CSV_PARTITION_TASK
          ? undefined
          : { maxYoungGenerationSizeMb: PARQUET_YOUNG_GENERATION_MIB }
    })
    worker.once('message', (reply: WorkerReply) => {
      if ('result' in reply) resolve(reply.result as WorkerResult<T>)
      else if (reply.error.userError)
        reject(new UserError(reply.error.message, { hint: reply.error.hint }))
      else reject(new Error(reply.error.message))
    })
    worker.once('error', reject)
    // After an answer this does nothing; without one (a crash, an unknown task) it ends the wait.
    worker.once('exit', code =>
      reject(new Error(`data worker exited with ${code} without an answer`))
    )
  })
}

/** The work in the worker, or here if the worker fails for any reason but the user's input. */
export function inWorkerOrHere<T extends WorkerTask>(
  task: T,
  entry: string,
  here: () => Promise<WorkerResult<T>>
): Promise<WorkerResult<T>> {
  return runInWorker(task, entry).catch(error => {
    if (error instanceof UserError) throw error
    return here()
  })
}

/**
 * The data worker's own small bundle (dist/worker/index.js, built from data/data-worker.ts), found from
 * the running bundle: the action runs from dist/, the CLI from dist/cli/. Undefined when running from
 * source, and the work is then done in this thread.
 */
export function dataWorkerBeside(bundleUrl: string): string | undefined {
  const folder = path.dirname(fileURLToPath(bundleUrl))
  return [
    path.join(folder, 'worker', 'index.js'),
    path.join(folder, '..', 'worker', 'index.js')
  ].find(candidate => existsSync(candidate))
}
