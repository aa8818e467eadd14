/**
 * End to end: the bundled action's model API stage, as the runner runs it: the Python fixtures load the
 * model logreg.py trained and answer through a predict script, an http.server app or a Node server;
 * the artifact goes to the emulated results service only when the model API passed.
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtemp, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it, jest } from '@jest/globals'
import { artifactBackend } from './harness/backend.js'
import { ACTION_NODE, newJob, NODES, runAction } from './harness/runner.js'

jest.setTimeout(120_000)

const backend = artifactBackend()

const baseInputs = {
  dataset: 'iris/iris.csv',
  schema: 'iris/iris.schema.yml',
  'train-command': 'python3 train/logreg.py --epochs 20',
  'sample-rows': '64',
  'label-column': 'target',
  'min-loss-drop': '0.2',
  'artifact-path': '$ML_SMOKE_OUTPUT_DIR/model.json'
}
const health = 'http://127.0.0.1:$ML_SMOKE_PORT/health'

let runs = 0
const job = () => newJob(`predict-${++runs}-${Date.now()}`, 'smoke')

/** Model servers of the fixtures still running anywhere on this machine. */
function serversLeft(): string[] {
  const listing = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
  return listing.split('\n').filter(line => /train\/serve\.(py|mjs)/.test(line))
}

describe.each(NODES)('the model API on %s', (_label, node) => {
  it('a predict script answers the held-out rows from its file; then the model is uploaded', async () => {
    const run = await runAction(node, backend.entry, await job(), backend.results.url, {
      ...baseInputs,
      'predict-command': 'python3 train/predict.py'
    })
    expect(run.stdout).not.toContain('::error')
    expect(run.exitCode).toBe(0)
    expect(Number(run.outputs['predict-score'])).toBeGreaterThan(0.7)
    expect(Number(run.outputs['predict-baseline'])).toBeLessThan(0.5)
    expect(run.outputs['predict-p95-ms']).toBeUndefined()
    expect(run.outputs['artifact-id']).toMatch(/^\d+$/)
    expect(run.stdout).toMatch(
      /::group::Model API: predict-command: python3 train\/predict\.py[\s\S]*wrote 32 answers[\s\S]*::endgroup::/
    )
    expect(run.summary).toContain('| Model API | ✅ passed |')
    expect(run.summary).toMatch(/\| accuracy \| 0\.\d+ \| 0\.\d+ \|/)
  })
})

describe('an inconclusive loss check', () => {
  it('is settled by the held-out rows: the model beats chance, so the run passes and uploads', async () => {
    const run = await runAction(ACTION_NODE, backend.entry, await job(), backend.results.url, {
      ...baseInputs,
      // The model trains as before, but the log shows 4 losses: too few for the trend test.
      'train-command':
        "python3 train/logreg.py --epochs 20 > /dev/null && printf 'loss=0.9\\nloss=0.7\\nloss=0.8\\nloss=0.6\\n'",
      'predict-command': 'python3 train/predict.py'
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['loss-verdict']).toBe('inconclusive')
    expect(run.outputs['artifact-id']).toMatch(/^\d+$/)
    expect(run.summary).toMatch(
      /\| Loss check \| ✅ passed \| [\d.]+ s \| inconclusive, left to the held-out rows of the Model API stage: 4 points/
    )
    expect(run.summary).toContain('this settles the loss check, which was inconclusive')
  })
})

describe('model servers', () => {
  const node = ACTION_NODE

  it('an http.server app: ready at its health URL, asked row by row, timed, and stopped', async () => {
    const run = await runAction(node, backend.entry, await job(), backend.results.url, {
      ...baseInputs,
      'serve-command': 'python3 train/serve.py',
      'ready-url': health
    })
    expect(run.stdout).not.toContain('::error')
    expect(run.exitCode).toBe(0)
    expect(Number(run.outputs['predict-p95-ms'])).toBeGreaterThan(0)
    expect(run.summary).toMatch(/\| first answer \| p50 a row \| p95 a row \| total \|/)
    expect(run.outputs['artifact-id']).toMatch(/^\d+$/)
    expect(serversLeft()).toEqual([])
  })

  it('a Node server answering TF Serving instances', async () => {
    const run = await runAction(node, backend.entry, await job(), backend.results.url, {
      ...baseInputs,
      'serve-command': 'node train/serve.mjs',
      'predict-request': 'instances',
      'predict-url': 'http://127.0.0.1:$ML_SMOKE_PORT/v1/models/iris:predict',
      'ready-url': 'http://127.0.0.1:$ML_SMOKE_PORT/v1/models/iris'
    })
    expect(run.exitCode).toBe(0)
    expect(run.summary).toContain('as `instances` requests')
    expect(serversLeft()).toEqual([])
  })
})

describe('the model API fails clearly, and the report keeps what every earlier stage found', () => {
  const node = ACTION_NODE

  it.each([
    [
      'a model that answers one class',
      { 'predict-command': 'python3 train/predict.py --fault one-class' },
      /::error::Model API failed: the model does not beat the trivial predictor by more than chance: accuracy 0\.\d+ \(\d+ of 32 held-out rows\) against 0\.\d+ for always answering 1; p = [\d.]+ \(exact binomial, one-sided\); beating chance takes \d+ correct/
    ],
    [
      'a predict script that crashes on the missing label',
      { 'predict-command': 'python3 train/predict.py --fault needs-label' },
      /::error::Model API failed: predict-command exited with code 1%0ALast \d+ lines of output:%0A[\s\S]*KeyError: 'target'/
    ],
    [
      'a server that never becomes ready',
      {
        'serve-command': 'python3 train/serve.py --fault never-ready',
        'ready-url': health,
        'serve-timeout-seconds': '2'
      },
      /::error::Model API failed: serve-command was not ready within serve-timeout-seconds \(2\): GET http:\/\/127\.0\.0\.1:\d+\/health answered 503 Service Unavailable: \{"status": "loading weights"\}/
    ],
    [
      'a server that exits at start',
      { 'serve-command': 'python3 train/serve.py --fault exit', 'ready-url': health },
      /::error::Model API failed: serve-command exited with code 1 before it was ready%0ALast 2 lines of output:%0ATraceback \(most recent call last\):%0AModuleNotFoundError: No module named 'torch'/
    ],
    [
      'a server on another port',
      {
        'serve-command': 'python3 train/serve.py --fault other-port',
        'ready-url': health,
        'serve-timeout-seconds': '2'
      },
      /connection refused \(nothing listens there\); it listens on port \d+, not the port ml-smoke gave it in ML_SMOKE_PORT \(\d+\)/
    ],
    [
      'a server that answers 500 for a row',
      { 'serve-command': 'python3 train/serve.py --fault error-500', 'ready-url': health },
      /::error title=ml-smoke%3A answer http-error::request 3 \(row 3\): answered 500 Internal Server Error: \{"error": "KeyError: 'petal width \(cm\)'"\}/
    ],
    [
      'a server that never answers',
      {
        'serve-command': 'python3 train/serve.py --fault slow',
        'predict-timeout-minutes': '0.05'
      },
      /::error::Model API failed: request 1 \(POST http:\/\/127\.0\.0\.1:\d+\/predict\) failed: no answer within \d+ ms/
    ]
  ])('%s', async (_, inputs, error) => {
    const run = await runAction(node, backend.entry, await job(), backend.results.url, {
      ...baseInputs,
      ...inputs
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(error)
    expect(run.stdout).not.toMatch(/\n\s+at /)
    expect(run.outputs).toMatchObject({ 'rows-validated': '150', 'loss-verdict': 'pass' })
    expect(run.outputs['artifact-id']).toBeUndefined()
    expect(run.summary).toContain('### Loss check')
    expect(run.summary).toContain('| Model API | ❌ failed |')
    expect(run.summary).toContain('| Upload | ⏭️ skipped |')
    expect(serversLeft()).toEqual([])
  })

  it("answers that break the schema: annotations at the output's lines", async () => {
    const run = await runAction(node, backend.entry, await job(), backend.results.url, {
      ...baseInputs,
      'predict-command': 'python3 train/predict.py --fault string'
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      /::error title=ml-smoke%3A answer type-error in "prediction"::line 3 of the output \(row 3\): field "prediction": expected a JSON number; got the string "\d"/
    )
    expect(run.summary).toContain('| line 3 of the output | 3 | `prediction` | `type-error` |')
  })
})

describe('the CLI', () => {
  const root = new URL('../', import.meta.url).pathname
  const cli = path.join(root, 'dist', 'cli', 'index.js')
  const predictArgs = [
    cli,
    'predict',
    '--dataset',
    'fixtures/iris/iris.csv',
    '--schema',
    'fixtures/iris/iris.schema.yml',
    '--label-column',
    'target',
    '--sample-rows',
    '64'
  ]

  it('ml-smoke predict: the model folder, the same subset as run, the same checks', async () => {
    const temp = await mkdtemp(path.join(os.tmpdir(), 'predict-cli-'))
    const model = path.join(temp, 'model')
    const trained = execFileSync(
      process.execPath,
      [cli, 'run', '--config', 'fixtures/ml-smoke.yml', '--out', temp, '--json'],
      { cwd: root, encoding: 'utf8' }
    )
    const output = path.join(path.dirname(JSON.parse(trained).subset.path), '..', 'output')
    execFileSync('cp', ['-r', output, model])
    const passed = execFileSync(
      process.execPath,
      [...predictArgs, '--model', model, '--command', 'python3 fixtures/train/predict.py'],
      { cwd: root, encoding: 'utf8' }
    )
    expect(passed).toMatch(/^score: accuracy 0\.\d+ \(\d+ of 32 held-out rows\) against/)
    expect(passed).toMatch(/32 held-out rows answered in the declared shape/)
    const failed = spawn(
      process.execPath,
      [
        ...predictArgs,
        '--model',
        model,
        '--command',
        'python3 fixtures/train/predict.py --fault short',
        '--json'
      ],
      { cwd: root }
    )
    let json = ''
    failed.stdout.on('data', chunk => (json += chunk))
    expect(await new Promise(resolve => failed.on('exit', resolve))).toBe(1)
    expect(JSON.parse(json)).toMatchObject({
      status: 'failed',
      predict: { violationCount: 3, countsByCode: { 'missing-answer': 3 } }
    })
  })

  it('a cancelled predict stops the server and everything it started', async () => {
    const temp = await mkdtemp(path.join(os.tmpdir(), 'predict-cancel-'))
    const pidFile = path.join(temp, 'server.pid')
    const child = spawn(
      process.execPath,
      [...predictArgs, '--model', temp, '--serve', `sleep 300 & echo $! > ${pidFile}; wait`],
      { cwd: root, env: { ...process.env, TMPDIR: temp } }
    )
    let stderr = ''
    child.stderr.on('data', chunk => (stderr += chunk))
    const exited = new Promise(resolve => child.on('exit', resolve))
    let pid = ''
    while (!pid) {
      await sleep(100)
      pid = (await readFile(pidFile, 'utf8').catch(() => '')).trim()
    }
    child.kill('SIGINT')
    expect(await exited).toBe(130)
    expect(stderr).toContain('ml-smoke: cancelled by SIGINT')
    await sleep(500)
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null)
    expect(stat === null || stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')).toBe(true)
  })
})
