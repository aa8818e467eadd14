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
} from './tasks.js'

/**
 * Work on data in another thread: the port through which validation and sampling hand large files to
 * the data worker. A UserError from the work rejects as a UserError; any other failure (a crash, an exit
 * without an answer) rejects with a plain Error, which callers answer by doing the work in this thread.
 */
export interface OffThread {
  run<T extends WorkerTask>(task: T): Promise<WorkerResult<T>>
}

/**
 * V8's young generation for a worker reading Parquet, in MiB. Node 24's V8 grows it to 128 MiB while
 * pages of decoded values outlive a few scavenges; the main thread cannot be given a V8 flag, a worker can.
 */
const PARQUET_YOUNG_GENERATION_MIB = 16

/** Each task in a fresh worker thread running `entry`, the data worker's bundle. */
export class WorkerThreads implements OffThread {
  constructor(private readonly entry: string) {}

  run<T extends WorkerTask>(task: T): Promise<WorkerResult<T>> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(this.entry, {
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
}

/** The work off this thread when there is a worker, else (or when it fails for any reason but the user's input) here. */
export function inWorkerOrHere<T extends WorkerTask>(
  worker: OffThread | undefined,
  task: T,
  here: () => Promise<WorkerResult<T>>
): Promise<WorkerResult<T>> {
  if (!worker) return here()
  return worker.run(task).catch(error => {
    if (error instanceof UserError) throw error
    return here()
  })
}

/**
 * The data worker's own small bundle (dist/worker/index.js, built from worker/entry.ts), found from the
 * running bundle: the action runs from dist/, the CLI from dist/cli/. Undefined when running from source.
 */
export function workerBundleBeside(bundleUrl: string): string | undefined {
  const folder = path.dirname(fileURLToPath(bundleUrl))
  return [
    path.join(folder, 'worker', 'index.js'),
    path.join(folder, '..', 'worker', 'index.js')
  ].find(candidate => existsSync(candidate))
}

/** The data worker beside the running bundle as a port, or none when running from source. */
export function dataWorkerBeside(bundleUrl: string): OffThread | undefined {
  const entry = workerBundleBeside(bundleUrl)
  return entry ? new WorkerThreads(entry) : undefined
}
