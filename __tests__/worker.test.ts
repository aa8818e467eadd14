/** Work done in the data worker: Parquet goes to a worker with a small young generation; its answer or error comes back. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { UserError } from '../src/errors.js'
import { parseTableSchema } from '../src/data/schema.js'
import { validateDataset } from '../src/data/validate-dataset.js'
import { validateTable } from '../src/data/validate-file.js'
import { WorkerThreads } from '../src/worker/client.js'
import { PARQUET_SUBSET_TASK } from '../src/worker/tasks.js'
import { cutSubset, writeSubset } from '../src/sample/subset.js'

const fixture = (name: string): string => new URL(`../fixtures/${name}`, import.meta.url).pathname
const schema = parseTableSchema(
  JSON.stringify({
    fields: [
      { name: 'id', type: 'integer' },
      { name: 'score', type: 'number' }
    ]
  }),
  'schema.json'
)
const options = { format: 'parquet', maxViolations: 10, schemaLabel: 'schema.json' } as const

/** A worker script that answers with `reply(task, resourceLimits)` instead of validating. */
async function fakeWorker(reply: string): Promise<WorkerThreads> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'worker-')), 'worker.mjs')
  await writeFile(
    file,
    `import { parentPort, resourceLimits, workerData } from 'node:worker_threads'\n` +
      `const reply = ${reply}\nparentPort.postMessage(reply(workerData, resourceLimits))\n`
  )
  return new WorkerThreads(file)
}

describe('validateDataset', () => {
  it('hands a Parquet file to the worker with a 16 MiB young generation and returns its result', async () => {
    const entry = await fakeWorker(
      `(task, limits) => ({ result: { rows: -1, echoed: { task: task.task, file: task.file, fields: task.schema.fields.length, young: limits.maxYoungGenerationSizeMb } } })`
    )
    const file = fixture('parquet/snappy-format-v1.parquet')
    expect(await validateDataset(file, schema, options, entry)).toEqual({
      rows: -1,
      echoed: { task: 'ml-smoke-parquet', file, fields: 2, young: 16 }
    })
  })

  it("a worker's UserError comes back as a UserError with its hint", async () => {
    const entry = await fakeWorker(
      `() => ({ error: { message: 'f.parquet: row group 2, column "x": cannot decode a page', hint: 'rewrite it', userError: true } })`
    )
    const failure = validateDataset(fixture('real/iris.parquet'), schema, options, entry)
    await expect(failure).rejects.toBeInstanceOf(UserError)
    await expect(failure).rejects.toMatchObject({
      message: 'f.parquet: row group 2, column "x": cannot decode a page',
      hint: 'rewrite it'
    })
  })

  it.each([
    ['throws', `() => { throw new Error('no memory') }`],
    ['exits without an answer', `() => process.exit(0)`]
  ])('a worker that fails otherwise (it %s) leaves the file to this thread', async (_, reply) => {
    const entry = await fakeWorker(reply)
    const file = fixture('parquet/gzip-format-v2.parquet')
    const here = await validateTable(file, schema, options)
    expect(here.rows).toBe(5000)
    expect(await validateDataset(file, schema, options, entry)).toEqual(here)
  })
})

describe('cutSubset', () => {
  const subsetOptions = { rows: 50, strategy: 'random', seed: 7, format: 'parquet' } as const

  it('hands a Parquet subset to the worker with the same young generation limit', async () => {
    const entry = await fakeWorker(
      `(task, limits) => ({ result: { task: task.task, source: task.source, target: task.target, rows: task.options.rows, young: limits.maxYoungGenerationSizeMb } })`
    )
    const source = fixture('parquet/zstd-format-v1.parquet')
    expect(await cutSubset(source, '/tmp/out.parquet', subsetOptions, entry)).toEqual({
      task: 'ml-smoke-parquet-subset',
      source,
      target: '/tmp/out.parquet',
      rows: 50,
      young: 16
    })
  })

  it('the real worker bundle (dist/worker) writes the very bytes this thread writes', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'subset-'))
    const source = fixture('parquet/zstd-format-v1.parquet')
    const worker = new URL('../dist/worker/index.js', import.meta.url).pathname
    // The worker itself, not cutSubset: no fallback to this thread that could hide a failing worker.
    const there = await new WorkerThreads(worker).run({
      task: PARQUET_SUBSET_TASK,
      source,
      target: path.join(dir, 'w.parquet'),
      options: subsetOptions
    })
    const here = await writeSubset(source, path.join(dir, 'h.parquet'), subsetOptions)
    expect(there).toEqual({ ...here, path: path.join(dir, 'w.parquet') })
    expect(await readFile(there.path)).toEqual(await readFile(here.path))
    expect(there.rows).toBe(50)
  })
})
