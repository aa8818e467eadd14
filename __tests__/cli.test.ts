/**
 * The CLI as a user runs it, exit codes 0 pass, 1 fail, 2 bad input, 3 inconclusive: `main` from the
 * source, in this process, with the data worker of the bundle (as the installed CLI finds it); and the
 * bundle itself where only it can show the behaviour.
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import { workerBundleBeside } from '../src/worker/client.js'
import { mlSmokeIn } from './harness/cli.js'

const root = new URL('../', import.meta.url).pathname
const cli = path.join(root, 'dist', 'cli', 'index.js')

function mlSmoke(args: string[], input?: string, env: Record<string, string> = {}) {
  return mlSmokeIn(root, args, { input, env })
}

describe('ml-smoke CLI', () => {
  it('run: the demo config passes and writes the model zip and summary locally', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'cli-'))
    const { code, stdout } = await mlSmoke([
      'run',
      '--config',
      'fixtures/ml-smoke.yml',
      '--out',
      out
    ])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^ml-smoke passed/)
    expect(stdout).toContain(`Artifact: ${path.join(out, 'artifacts', 'iris-model.zip')}`)
    expect(await readFile(path.join(out, 'summary.md'), 'utf8')).toContain('## ml-smoke ✅ passed')
  })

  it('run: a Parquet dataset, trained on as CSV (subset-format), passes', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'cli-'))
    const { code, stdout } = await mlSmoke([
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
    const { code, stdout } = await mlSmoke([
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
    const { code, stdout } = await mlSmoke([
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
    const first = JSON.parse((await mlSmoke([...args, '--out', path.join(out, 'a.csv')])).stdout)
    const second = JSON.parse((await mlSmoke([...args, '--out', path.join(out, 'b.csv')])).stdout)
    expect(first.classes).toEqual({
      setosa: { available: 50, chosen: 4 },
      versicolor: { available: 50, chosen: 4 },
      virginica: { available: 50, chosen: 4 }
    })
    expect(second.sha256).toBe(first.sha256)
    expect(await readFile(path.join(out, 'a.csv'), 'utf8')).toMatch(/^sepal length \(cm\),/)
    const bad = await mlSmoke([
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
    const seen = await mlSmoke([
      ...env,
      '--train-command',
      'echo "$GREETING $ML_SMOKE_ROWS $ML_SMOKE_LABEL_COLUMN $ML_SMOKE_CLASSES"; python3 train/logreg.py --epochs 5'
    ])
    expect(seen.stderr).toContain('hello 64 species setosa,versicolor,virginica')
    const setup = await mlSmoke([
      ...env,
      '--setup-command',
      'echo installing; echo "ERROR: No matching distribution found for torch==9.9" >&2; exit 1'
    ])
    expect(setup.code).toBe(1)
    expect(setup.stdout).toContain(
      'Smoke training failed: setup-command exited with code 1\nLast 2 lines of output:\ninstalling\nERROR: No matching distribution found for torch==9.9'
    )
  })

  it('validate --json: the violations with Frictionless positions, exit 1', async () => {
    const { code, stdout } = await mlSmoke([
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

  it('validate --json piped into a reader that stops early (| head) ends quietly', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pipe-'))
    const data = path.join(dir, 'bad.csv')
    // Enough violations that the JSON is far larger than a pipe's buffer.
    await writeFile(data, `n\n${Array.from({ length: 20_000 }, (_, i) => `x${i}`).join('\n')}\n`)
    await writeFile(
      path.join(dir, 's.json'),
      JSON.stringify({ fields: [{ name: 'n', type: 'integer' }] })
    )
    const result = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${cli}" validate --dataset bad.csv --schema s.json --json --max-violations 20000 | head -c 10`
      ],
      { cwd: dir, encoding: 'utf8' }
    )
    expect(result.stdout).toBe('{"valid":f')
    expect(result.stderr).toBe('')
  })

  it('the action (dist/) and the CLI (dist/cli/) both find the worker bundle; source finds none', () => {
    const worker = path.join(root, 'dist', 'worker', 'index.js')
    expect(workerBundleBeside(pathToFileURL(path.join(root, 'dist', 'index.js')).href)).toBe(worker)
    expect(workerBundleBeside(pathToFileURL(cli).href)).toBe(worker)
    expect(workerBundleBeside(pathToFileURL(path.join(root, 'src', 'pipeline.ts')).href)).toBe(
      undefined
    )
  })

  it('validate on two threads gives exactly the one-thread answer, also when the split lands inside a quoted field', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'split-'))
    const schema = path.join(dir, 'schema.json')
    await writeFile(
      schema,
      JSON.stringify({
        // Keys do not stop the split: `tricky` repeats its first half's ids and rows in its second half.
        fields: [
          { name: 'id', type: 'integer', constraints: { unique: true } },
          { name: 'score', type: 'number', constraints: { maximum: 0.99 } },
          { name: 'note' },
          // Not in the files: a header defect that the two halves must not both report (by name, so that
          // it is one missing-label, not also a missing-cell in every row as under exact).
          { name: 'weight', type: 'number' }
        ],
        fieldsMatch: 'equal',
        mlChecks: { maxNullFraction: 0.001, duplicateRows: 'error' }
      })
    )
    const row = (i: number) =>
      `${i},${i % 1000 === 0 ? 'x' : ((i % 100) / 100).toString()},"note ${i}, with a comma\nand a line break"`
    // Splitting starts at 1 MiB here (32 MiB by default). `tricky` puts one 1.5 MiB quoted field across the
    // middle: the split must skip past it. `stray` has a lone quote in an unquoted cell (12" pizza), which
    // fools the quote count: the split lands inside a quoted field and validation falls back to one pass.
    process.env.ML_SMOKE_PARALLEL_MIN_BYTES = String(1024 * 1024)
    const plain = path.join(dir, 'plain.csv')
    await writeFile(
      plain,
      // A record over several lines with a cell too many: its message names its lines, in either half.
      `id,score,note\n${Array.from({ length: 40_000 }, (_, i) => (i % 777 === 0 ? `${i},,` : i % 991 === 0 ? `${row(i)},extra` : row(i))).join('\n')}\n`
    )
    const tricky = path.join(dir, 'tricky.csv')
    const half = Array.from({ length: 10_000 }, (_, i) => row(i)).join('\n')
    await writeFile(
      tricky,
      `id,score,note\n${half}\n1,0.5,"${'line\n'.repeat(300_000)}"\n${half}\n`
    )
    const stray = path.join(dir, 'stray.csv')
    await writeFile(
      stray,
      `id,score,note\n1,0.5,12" pizza\n${Array.from({ length: 40_000 }, (_, i) => row(i)).join('\n')}\n`
    )
    for (const [file, parts] of [
      [plain, 2],
      [tricky, 2],
      [stray, 1]
    ] as const) {
      const args = [
        'validate',
        '--dataset',
        file,
        '--schema',
        schema,
        '--json',
        '--max-violations',
        '100000'
      ]
      const one = JSON.parse((await mlSmoke([...args, '--threads', '1'])).stdout)
      const two = JSON.parse((await mlSmoke([...args, '--threads', '2'])).stdout)
      expect(two.stats.parts).toBe(parts)
      expect({ ...two, stats: { ...two.stats, parts: 1 } }).toEqual(one)
      expect(one.stats.violations).toBeGreaterThan(0)
      expect(two.stats.byCode['missing-label']).toBe(1)
      if (file === tricky)
        expect([two.stats.byCode['unique-error'], two.stats.duplicateRows]).toEqual([
          10_001, 10_000
        ])
    }
    delete process.env.ML_SMOKE_PARALLEL_MIN_BYTES
  }, 120_000)

  it('validate: Parquet in the worker gives the one-thread answer; a damaged page is exit 2, named', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parquet-'))
    const schema = path.join(dir, 'schema.json')
    await writeFile(
      schema,
      JSON.stringify({
        fields: [
          { name: 'id', type: 'integer', constraints: { unique: true } },
          { name: 'score', type: 'number', constraints: { maximum: 600 } },
          { name: 'city', constraints: { enum: ['Oslo', 'Zürich', 'São Paulo', 'Lagos'] } }
        ],
        fieldsMatch: 'subset'
      })
    )
    const args = ['validate', '--dataset', 'fixtures/parquet/brotli-format-v1.parquet']
    const one = await mlSmoke([...args, '--schema', schema, '--json', '--threads', '1'])
    const worker = await mlSmoke([...args, '--schema', schema, '--json'])
    expect([one.code, worker.code]).toEqual([1, 1])
    expect(JSON.parse(worker.stdout)).toEqual(JSON.parse(one.stdout))
    expect(JSON.parse(one.stdout).stats.byField).toEqual({ score: 170, city: 1000 })

    const bytes = await readFile(path.join(root, 'fixtures/parquet/snappy-format-v1.parquet'))
    // The first column chunk (id, row group 0) starts right after the 4-byte magic: break its page header.
    const damaged = path.join(dir, 'damaged.parquet')
    bytes.fill(0xff, 4, 12)
    await writeFile(damaged, bytes)
    const failed = await mlSmoke(['validate', '--dataset', damaged, '--schema', schema])
    expect(failed.code).toBe(2)
    expect(failed.stderr).toMatch(
      /damaged.parquet: row group 0, column "id": cannot decode a page: /
    )
    expect(failed.stderr).toContain('Hint: check that the file was copied whole')
    expect(failed.stderr).not.toMatch(/\n\s+at /)
  })

  it('scan: real checkpoints are ok (exit 0); a pickle that runs code is unsafe (exit 1), named', async () => {
    const real = await mlSmoke(['scan', 'fixtures/models/real'])
    expect(real.code).toBe(0)
    expect(real.stdout).toMatch(/^fixtures\/models\/real\/\S+: ok \(/)
    expect(real.stdout).toMatch(/\n\d+ files scanned, none unsafe or invalid\n$/)
    const evil = await mlSmoke([
      'scan',
      'fixtures/models/evil.pkl',
      'fixtures/models/model.pt',
      '--json'
    ])
    expect(evil.code).toBe(1)
    const report = JSON.parse(evil.stdout)
    expect(report.files.map((f: { path: string; verdict: string }) => [f.path, f.verdict])).toEqual(
      [
        ['fixtures/models/evil.pkl', 'unsafe'],
        ['fixtures/models/model.pt', 'ok']
      ]
    )
    expect(report.files[0].findings[0]).toMatchObject({ global: 'builtins.eval', offset: 29 })
    const bad = await mlSmoke(['scan', 'fixtures/models/evil.pkl', '--allow-globals', 'eval'])
    expect(bad).toMatchObject({ code: 2 })
    expect(bad.stderr).toContain('--allow-globals: "eval": not an exact module.name')
    expect((await mlSmoke(['scan'])).code).toBe(2)
  })

  it('bad input and usage: exit 2 with a message, never a stack trace', async () => {
    const missing = await mlSmoke([
      'validate',
      '--dataset',
      'nope.csv',
      '--schema',
      'fixtures/iris/iris.schema.yml'
    ])
    expect(missing).toMatchObject({ code: 2, stderr: 'ml-smoke: dataset not found: nope.csv\n' })
    const typo = await mlSmoke(['run', '--config', 'fixtures/ml-smoke.yml', '--sample-rowz', '3'])
    expect(typo.code).toBe(2)
    expect(typo.stderr).toContain(`Unknown option '--sample-rowz'`)
    expect((await mlSmoke(['frobnicate'])).code).toBe(2)
  })

  it('loss: a real scikit-learn log passes, stdin with one value is inconclusive (3), a NaN fails (1)', async () => {
    const sklearn = await mlSmoke([
      'loss',
      'fixtures/framework-logs/sklearn-mlp-console.txt',
      '--json'
    ])
    expect(sklearn.code).toBe(0)
    expect(JSON.parse(sklearn.stdout)).toMatchObject({
      verdict: 'pass',
      points: 25,
      first: 0.99184479,
      last: 0.34611095
    })
    expect((await mlSmoke(['loss', '-'], 'loss=0.5\n')).code).toBe(3)
    const hf = JSON.parse(
      (await mlSmoke(['loss', 'fixtures/framework-logs/hf-trainer', '--json'])).stdout
    )
    expect(hf).toMatchObject({
      verdict: 'pass',
      source: 'fixtures/framework-logs/hf-trainer/trainer_state.json',
      format: 'hf-trainer-state',
      key: 'loss',
      points: 20
    })
    const tensorboard = await mlSmoke(['loss', 'fixtures/framework-logs/torch-tensorboard'])
    expect(tensorboard.code).toBe(1)
    expect(tensorboard.stdout).toMatch(/^fail: Loss\/train is NaN at step 50/)
    const nan = await mlSmoke(['loss', '-', '--json'], 'loss=0.5\nloss=nan\n')
    expect(nan.code).toBe(1)
    expect(JSON.parse(nan.stdout).nonFiniteAt).toEqual({ step: 2, line: 2, value: 'NaN' })
  })

  it('loss --baseline auto reads the subset by its dialect: a binary label whose loss stays above ln 2 fails', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'subset-'))
    const subset = path.join(dir, 'subset.csv')
    await writeFile(
      subset,
      `x;y\n${Array.from({ length: 40 }, (_, i) => `${i};${i % 2}`).join('\n')}\n`
    )
    // A steady fall, from 0.95 to 0.76: never below the 0.69 a model predicting the class prior scores.
    const output = Array.from(
      { length: 40 },
      (_, i) => `logloss=${(0.95 - i * 0.005).toFixed(3)}`
    ).join('\n')
    const args = ['loss', '-', '--baseline', 'auto', '--subset', subset, '--label-column', 'y']
    const judged = await mlSmoke([...args, '--dialect', '{"delimiter": ";"}'], output)
    expect(judged.code).toBe(1)
    expect(judged.stdout).toMatch(/0\.69/)
    // The chance level as applied, on a line of its own, and in the JSON.
    expect(judged.stdout).toContain(
      '\nchance level: final loss 0.7525, half a step past its last value 0.755 (it fell at every one of 40 points'
    )
    const json = await mlSmoke([...args, '--dialect', '{"delimiter": ";"}', '--json'], output)
    expect(JSON.parse(json.stdout).baseline).toMatchObject({ applied: true, end: 0.7525 })
    expect(JSON.parse(json.stdout).trendP).toBeLessThan(1e-10)
    const noLabel = await mlSmoke(['loss', '-'], output)
    expect(noLabel.stdout).toContain(
      '\nchance level not applied: the label column is not known (no label statistics)'
    )
    // What to give for one.
    expect(noLabel.stdout).toContain(
      '(no label statistics); give --subset FILE --label-column COL to weigh it'
    )
    const unread = await mlSmoke(args, output)
    expect(unread.code).toBe(2)
    expect(unread.stderr).toContain(`--label-column: "y" is not a column of ${subset}`)
  })

  it("loss --min-drop set asks a Perceptron for a fall its weights' norm excuses when unset", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'subset-'))
    const subset = path.join(dir, 'labels.csv')
    // sklearn-perceptron.py's labels: 403 of class 0, 397 of class 1.
    await writeFile(subset, `y\n${'0\n'.repeat(403)}${'1\n'.repeat(397)}`)
    const log = await readFile(
      path.join(root, 'fixtures/framework-logs/sklearn-perceptron-learns.txt'),
      'utf8'
    )
    const args = ['loss', '-', '--baseline', 'auto', '--subset', subset, '--label-column', 'y']
    const unset = await mlSmoke(args, log)
    expect(unset.code).toBe(0)
    expect(unset.stdout).toMatch(/^pass: loss ended 3\.8 % above its first window/)
    const set = await mlSmoke([...args, '--min-drop', '0.03'], log)
    expect(set.code).toBe(1)
    expect(set.stdout).toMatch(/^fail: loss rose 3\.8 %: it did not fall by min-loss-drop 3\.0 %/)
  })

  it('loss --json names where a validation loss that stayed at the chance level had its least', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'subset-'))
    const subset = path.join(dir, 'labels.csv')
    // skorch-random-labels.py's labels: 115 of class 0, 141 of class 1.
    await writeFile(subset, `y\n${'0\n'.repeat(115)}${'1\n'.repeat(141)}`)
    const log = path.join(root, 'fixtures/framework-logs/skorch-random-labels.txt')
    const args = ['loss', log, '--subset', subset, '--label-column', 'y', '--json']
    const judged = await mlSmoke(args)
    expect(judged.code).toBe(1)
    expect(JSON.parse(judged.stdout).validationAtChance).toEqual({
      key: 'valid_loss',
      step: 1,
      line: 3,
      value: 0.6783
    })
    expect(JSON.parse((await mlSmoke(['loss', log, '--json'])).stdout)).toMatchObject({
      verdict: 'pass',
      validationAtChance: null
    })
  })
})
