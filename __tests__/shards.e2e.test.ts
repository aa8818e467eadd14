/**
 * End to end: a dataset validated across a GitHub Actions matrix, each job a separate process running the
 * bundled action as the runner does (plan → validate-shard × N → merge), the shards' states uploaded with
 * the real @actions/artifact client to the results-service emulation and Azurite, and the merge job
 * listing and downloading them with the same client. The merge reports what one runner reports.
 */
import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it, jest } from '@jest/globals'
import { artifactBackend } from './harness/backend.js'
import { ACTION_NODE, downloadInLaterJob, newJob, runAction, type Job } from './harness/runner.js'

jest.setTimeout(180_000)

const backend = artifactBackend()

let runCounter = 0
const freshRun = () => `shards-${++runCounter}-${Date.now()}`

/**
 * A checkout holding iris as three CSV files under iris/parts/; with `planted`, a schema that refuses
 * repeated rows and rows of the first file repeated in the last (so in another shard), and a bad cell.
 */
async function checkout(runId: string, jobId: string, planted: boolean): Promise<Job> {
  const job = await newJob(runId, jobId)
  const [header, ...rows] = (await readFile(path.join(job.workspace, 'iris', 'iris.csv'), 'utf8'))
    .trim()
    .split('\n')
  const parts = [rows.slice(0, 50), rows.slice(50, 100), rows.slice(100)]
  if (planted) {
    parts[2].push(parts[0][3], parts[0][7])
    parts[1][10] = parts[1][10].replace(/^[^,]+/, 'eleven')
  }
  await mkdir(path.join(job.workspace, 'iris', 'parts'))
  for (const [i, part] of parts.entries())
    await writeFile(
      path.join(job.workspace, 'iris', 'parts', `part-${i}.csv`),
      `${[header, ...part].join('\n')}\n`
    )
  const schema = await readFile(path.join(job.workspace, 'iris', 'iris.schema.yml'), 'utf8')
  await writeFile(
    path.join(job.workspace, 'iris', 'parts.schema.yml'),
    planted ? `${schema}mlChecks: { duplicateRows: error }\n` : schema
  )
  return job
}

const data = { dataset: 'iris/parts', schema: 'iris/parts.schema.yml' }

type Inputs = Record<string, string>

/**
 * The plan job, then one validate-shard job per matrix entry (each its own process and job id), but for
 * the shards in `skip` (a job that failed before its upload).
 */
async function planAndShards(
  runId: string,
  planted: boolean,
  shards: number,
  inputs: Inputs = data,
  skip: string[] = []
) {
  const planJob = await checkout(runId, 'plan', planted)
  const planned = await runAction(ACTION_NODE, backend.entry, planJob, backend.results.url, {
    ...inputs,
    mode: 'plan',
    shards: String(shards)
  })
  expect(planned.stdout).not.toContain('::error')
  expect(planned.exitCode).toBe(0)
  const matrix = JSON.parse(planned.outputs.matrix) as {
    include: Array<{ shard: string; parts: string }>
  }
  const jobs = []
  for (const { shard } of matrix.include.filter(({ shard }) => !skip.includes(shard))) {
    const job = await checkout(runId, `validate-${shard.replace('/', '-')}`, planted)
    const run = await runAction(ACTION_NODE, backend.entry, job, backend.results.url, {
      ...inputs,
      mode: 'validate-shard',
      shard,
      plan: planned.outputs.plan,
      // The merge job's: each shard draws its candidates for the merge job's subset by them.
      'sample-rows': '64'
    })
    expect(run.stdout).not.toContain('::error')
    expect(run.exitCode).toBe(0)
    jobs.push(run)
  }
  return { matrix, jobs, plan: JSON.parse(planned.outputs.plan) }
}

/** The merge job: merges the states, then trains and uploads as `mode: run` does. */
function merge(job: Job, inputs: Inputs, extra: Inputs = {}) {
  return runAction(ACTION_NODE, backend.entry, job, backend.results.url, {
    ...inputs,
    mode: 'merge',
    'train-command': 'python3 train/logreg.py',
    'artifact-path': '$ML_SMOKE_OUTPUT_DIR/model.json',
    ...extra
  })
}

function cli(job: Job, args: string[]) {
  const result = spawnSync(
    ACTION_NODE,
    [path.join(path.dirname(backend.entry), 'cli', 'index.js'), ...args],
    {
      cwd: job.workspace,
      encoding: 'utf8'
    }
  )
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('a dataset validated across a matrix', () => {
  it('plan → 4 validate-shard jobs → merge: the merge job validates the whole dataset, trains and uploads', async () => {
    const runId = freshRun()
    const { matrix, jobs } = await planAndShards(runId, false, 4)
    expect(matrix.include.map(entry_ => entry_.shard)).toEqual(['1/4', '2/4', '3/4', '4/4'])
    expect(jobs.map(job => job.outputs['state-artifact'])).toEqual(
      ['1-of-4', '2-of-4', '3-of-4', '4-of-4'].map(n => `ml-smoke-shard-${n}`)
    )
    const mergeJob = await checkout(runId, 'merge', false)
    const merged = await merge(mergeJob, data, {
      'train-command': 'python3 train/logreg.py --epochs 20',
      'sample-rows': '64',
      'min-loss-drop': '0.2'
    })
    expect(merged.stdout).not.toContain('::error')
    expect(merged.exitCode).toBe(0)
    expect(merged.outputs).toMatchObject({
      'rows-validated': '150',
      violations: '0',
      'loss-verdict': 'pass'
    })
    expect(merged.stdout).toMatch(
      /Data validation: passed — 150 rows of iris\/parts \(3 files\) match .* \(merged from 4 shards/
    )
    // The subset is drawn from the candidates the shards uploaded beside their states.
    expect(merged.stdout).toMatch(
      /Subset: passed — 64 rows, a random sample .*, from the shards' candidates/
    )
  })

  it('planted faults and rows repeated across shards: the merge fails as one runner does, and its states merge on disk to the same --json', async () => {
    const runId = freshRun()
    await planAndShards(runId, true, 3)
    const mergeJob = await checkout(runId, 'merge', true)
    const single = cli(mergeJob, [
      'validate',
      '--dataset',
      data.dataset,
      '--schema',
      data.schema,
      '--json'
    ])
    expect(single.code).toBe(1)
    const report = JSON.parse(single.stdout)
    expect(report.stats.byCode).toMatchObject({ 'duplicate-row': 3, 'type-error': 1 })
    const merged = await merge(mergeJob, data)
    expect(merged.exitCode).toBe(1)
    expect(merged.outputs.violations).toBe(String(report.stats.violations))
    expect(merged.stdout).toMatch(
      /::error title=ml-smoke%3A duplicate-row,file=iris\/parts\/part-2\.csv,line=52::the row repeats row 5 of iris\/parts\/part-0\.csv/
    )
    // A later job downloads the three states with the real client and merges them with the CLI.
    const states: string[] = []
    for (const n of [1, 2, 3]) {
      const folder = await mkdtemp(path.join(os.tmpdir(), 'state-'))
      await downloadInLaterJob(mergeJob, backend.results.url, `ml-smoke-shard-${n}-of-3`, folder)
      states.push(path.join(folder, 'state.json'))
    }
    const onDisk = cli(mergeJob, [
      'merge',
      ...states,
      '--dataset',
      data.dataset,
      '--schema',
      data.schema,
      '--json'
    ])
    expect(onDisk.stdout).toBe(single.stdout)
    expect(onDisk.code).toBe(1)
  })

  it('splits across the matrix: the merge job finds the rows of train in test that one runner finds', async () => {
    const runId = freshRun()
    const splits = {
      splits:
        'train: iris/parts/part-0.csv\nvalid: iris/parts/part-1.csv\ntest: iris/parts/part-2.csv',
      schema: data.schema
    }
    await planAndShards(runId, true, 2, splits)
    const mergeJob = await checkout(runId, 'merge', true)
    const args = [
      '--split',
      'train=iris/parts/part-0.csv',
      '--split',
      'valid=iris/parts/part-1.csv',
      '--split',
      'test=iris/parts/part-2.csv',
      '--schema',
      data.schema,
      '--json'
    ]
    const single = JSON.parse(cli(mergeJob, ['validate', ...args]).stdout)
    const leaked = single.splits.leakage.pairs.find(
      (pair: { in: string; split: string }) => pair.in === 'train' && pair.split === 'test'
    )
    expect(leaked.rows).toBe(2)
    const merged = await merge(mergeJob, splits)
    expect(merged.exitCode).toBe(1)
    expect(merged.outputs['leaked-rows']).toBe(
      String(
        single.splits.leakage.pairs.reduce((n: number, pair: { rows: number }) => n + pair.rows, 0)
      )
    )
    expect(merged.outputs.violations).toBe(String(single.stats.violations))
  })

  it('a shard whose job never uploaded fails the merge, naming it', async () => {
    const runId = freshRun()
    await planAndShards(runId, false, 3, data, ['2/3'])
    const mergeJob = await checkout(runId, 'merge', false)
    const merged = await merge(mergeJob, data)
    expect(merged.exitCode).toBe(1)
    expect(merged.stdout).toContain(
      'shard 2/3 is missing (its job failed or did not upload its state)'
    )
  })
})
