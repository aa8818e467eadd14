/** The bundled CLI, run as a user runs it: exit codes 0 pass, 1 fail, 2 bad input, 3 inconclusive. */
import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'

const root = new URL('../', import.meta.url).pathname
const cli = path.join(root, 'dist', 'cli', 'index.js')

function mlSmoke(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, ACTIONS_RUNTIME_TOKEN: '' }
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('ml-smoke CLI', () => {
  it('run: the demo config passes and writes the model zip and summary locally', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'cli-'))
    const { code, stdout } = mlSmoke(['run', '--config', 'fixtures/ml-smoke.yml', '--out', out])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^ml-smoke passed/)
    expect(stdout).toContain(`Artifact: ${path.join(out, 'artifacts', 'iris-model.zip')}`)
    expect(await readFile(path.join(out, 'summary.md'), 'utf8')).toContain('## ml-smoke ✅ passed')
  })

  it('run: a Parquet dataset, trained on as CSV (subset-format), passes', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'cli-'))
    const { code, stdout } = mlSmoke([
      'run',
      '--config',
      'fixtures/ml-smoke.yml',
      '--out',
      out,
      '--dataset',
      'fixtures/real/iris.parquet',
      '--subset-format',
      'csv'
    ])
    expect(stdout).toContain('✓ Subset           64 rows, a random sample (seed 0), as csv')
    expect(code).toBe(0)
  })

  it('run: flags override the config file, and --json prints the report', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'cli-'))
    const { code, stdout } = mlSmoke([
      'run',
      '--config',
      'fixtures/ml-smoke.yml',
      '--out',
      out,
      '--train-command',
      'python3 train/diverging.py',
      '--json'
    ])
    expect(code).toBe(1)
    const report = JSON.parse(stdout)
    expect(report.outcome).toBe('failed')
    expect(report.loss.verdict).toBe('fail')
  })

  it('run: a broken model file fails the artifact check with what is wrong', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'cli-'))
    const { code, stdout } = mlSmoke([
      'run',
      '--config',
      'fixtures/ml-smoke.yml',
      '--out',
      out,
      '--train-command',
      'python3 train/logreg.py --epochs 5 && cp models/truncated.safetensors "$ML_SMOKE_OUTPUT_DIR/"',
      '--artifact-path',
      '$ML_SMOKE_OUTPUT_DIR/'
    ])
    expect(code).toBe(1)
    expect(stdout).toContain(
      '✗ Model artifact   truncated.safetensors (safetensors): tensor "linear.weight": data_offsets [0, 24] fall outside'
    )
  })

  it('sample: the stratified subset the action would train on, reproducible', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'cli-'))
    const args = [
      'sample',
      '--dataset',
      'fixtures/iris/iris.csv',
      '--rows',
      '12',
      '--strategy',
      'stratified',
      '--label-column',
      'species',
      '--seed',
      '7',
      '--json'
    ]
    const first = JSON.parse(mlSmoke([...args, '--out', path.join(out, 'a.csv')]).stdout)
    const second = JSON.parse(mlSmoke([...args, '--out', path.join(out, 'b.csv')]).stdout)
    expect(first.classes).toEqual({
      setosa: { available: 50, chosen: 4 },
      versicolor: { available: 50, chosen: 4 },
      virginica: { available: 50, chosen: 4 }
    })
    expect(second.sha256).toBe(first.sha256)
    expect(await readFile(path.join(out, 'a.csv'), 'utf8')).toMatch(/^sepal length \(cm\),/)
    const bad = mlSmoke([
      'sample',
      '--dataset',
      'fixtures/iris/iris.csv',
      '--rows',
      'ten',
      '--out',
      path.join(out, 'c.csv')
    ])
    expect(bad).toMatchObject({ code: 2, stderr: 'ml-smoke: --rows: expected number; got "ten"\n' })
  })

  it('run: the command sees env, ML_SMOKE_ROWS/LABEL_COLUMN/CLASSES; a failing setup-command quotes its output', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'cli-'))
    const env = [
      'run',
      '--config',
      'fixtures/ml-smoke.yml',
      '--out',
      out,
      '--label-column',
      'species',
      '--env',
      'GREETING=hello'
    ]
    const seen = mlSmoke([
      ...env,
      '--train-command',
      'echo "$GREETING $ML_SMOKE_ROWS $ML_SMOKE_LABEL_COLUMN $ML_SMOKE_CLASSES"; python3 train/logreg.py --epochs 5'
    ])
    expect(seen.stderr).toContain('hello 64 species setosa,versicolor,virginica')
    const setup = mlSmoke([
      ...env,
      '--setup-command',
      'echo installing; echo "ERROR: No matching distribution found for torch==9.9" >&2; exit 1'
    ])
    expect(setup.code).toBe(1)
    expect(setup.stdout).toContain(
      'Smoke training failed: setup-command exited with code 1\nLast 2 lines of output:\ninstalling\nERROR: No matching distribution found for torch==9.9'
    )
  })

  it('validate --json: the violations with Frictionless positions, exit 1', () => {
    const { code, stdout } = mlSmoke([
      'validate',
      '--dataset',
      'fixtures/iris/broken.csv',
      '--schema',
      'fixtures/iris/iris.schema.yml',
      '--json'
    ])
    expect(code).toBe(1)
    const result = JSON.parse(stdout)
    expect(result).toMatchObject({ valid: false, rows: 20, truncated: false })
    expect(result.violations[0]).toEqual({
      code: 'type-error',
      line: 4,
      rowNumber: 4,
      fieldNumber: 4,
      field: 'petal width (cm)',
      message: 'field "petal width (cm)": expected a number; got "abc"'
    })
  })

  it('bad input and usage: exit 2 with a message, never a stack trace', () => {
    const missing = mlSmoke([
      'validate',
      '--dataset',
      'nope.csv',
      '--schema',
      'fixtures/iris/iris.schema.yml'
    ])
    expect(missing).toMatchObject({ code: 2, stderr: 'ml-smoke: dataset not found: nope.csv\n' })
    const typo = mlSmoke(['run', '--config', 'fixtures/ml-smoke.yml', '--sample-rowz', '3'])
    expect(typo.code).toBe(2)
    expect(typo.stderr).toContain(`Unknown option '--sample-rowz'`)
    expect(mlSmoke(['frobnicate']).code).toBe(2)
  })

  it('loss: a real scikit-learn log passes, stdin with one value is inconclusive (3), a NaN fails (1)', () => {
    const sklearn = mlSmoke(['loss', 'fixtures/framework-logs/sklearn-mlp-console.txt', '--json'])
    expect(sklearn.code).toBe(0)
    expect(JSON.parse(sklearn.stdout)).toMatchObject({
      verdict: 'pass',
      points: 25,
      first: 0.99184479,
      last: 0.34611095
    })
    expect(mlSmoke(['loss', '-'], 'loss=0.5\n').code).toBe(3)
    const hf = JSON.parse(mlSmoke(['loss', 'fixtures/framework-logs/hf-trainer', '--json']).stdout)
    expect(hf).toMatchObject({
      verdict: 'pass',
      source: 'fixtures/framework-logs/hf-trainer/trainer_state.json',
      format: 'hf-trainer-state',
      key: 'loss',
      points: 20
    })
    const tensorboard = mlSmoke(['loss', 'fixtures/framework-logs/torch-tensorboard'])
    expect(tensorboard.code).toBe(1)
    expect(tensorboard.stdout).toMatch(/^fail: Loss\/train is NaN at step 50/)
    const nan = mlSmoke(['loss', '-', '--json'], 'loss=0.5\nloss=nan\n')
    expect(nan.code).toBe(1)
    expect(JSON.parse(nan.stdout).nonFiniteAt).toEqual({ step: 2, line: 2, value: 'NaN' })
  })
})
