/** The pipeline's order and its report, with in-memory ports: no processes, no services. */
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { memoryPorts, type Script } from '../__fixtures__/ports.js'
import { verifyArtifact } from '../src/artifact/verify.js'
import { buildConfig } from '../src/config.js'
import { runPipeline } from '../src/pipeline.js'
import { failureText } from '../src/report/types.js'
import { runFolders } from '../src/stage.js'

const fixtures = new URL('../fixtures/', import.meta.url).pathname

/** A trainer that logs a falling loss and saves a model where ml-smoke looks for it. */
const trains: Script = async (spec, print) => {
  for (const [step, loss] of [0.9, 0.7, 0.5, 0.4, 0.3, 0.25].entries())
    print(`step ${step} loss=${loss}\n`)
  await writeFile(path.join(spec.env.ML_SMOKE_OUTPUT_DIR, 'model.json'), '{"weights": [1, 2]}')
  return 0
}

const configOf = (options: Record<string, unknown>) =>
  buildConfig(
    {
      dataset: 'iris/iris.csv',
      schema: 'iris/iris.schema.yml',
      'train-command': 'train',
      'sample-rows': 32,
      'artifact-path': '$ML_SMOKE_OUTPUT_DIR/model.json',
      ...options
    },
    fixtures,
    name => name
  )

const newTemp = () => mkdtemp(path.join(os.tmpdir(), 'pipeline-'))

async function setUp(
  options: Record<string, unknown> = {},
  scripts: Record<string, Script> = {},
  temp?: string
) {
  temp ??= await newTemp()
  const config = configOf(options)
  const ports = memoryPorts({ train: trains, ...scripts }, path.join(temp, 'cache'))
  const run = () => runPipeline(config, ports, runFolders(path.join(temp, 'run')))
  return { config, ports, run, temp }
}

describe('runPipeline', () => {
  it('runs every stage in order and uploads the model with a manifest of the run', async () => {
    const { ports, run } = await setUp()
    const report = await run()
    expect(report.stages.map(stage => [stage.name, stage.status])).toEqual([
      ['preflight', 'passed'],
      ['validate', 'passed'],
      ['sample', 'passed'],
      ['train', 'passed'],
      ['loss', 'passed'],
      ['artifact', 'passed'],
      ['predict', 'skipped'],
      ['upload', 'passed']
    ])
    expect(report.stages[6].message).toBe('no predict-command or serve-command')
    expect(report.outcome).toBe('passed')
    expect(report.headline).toMatch(
      /^ml-smoke passed: artifact name "model" is free; not a git repository; 150 rows of iris\/iris\.csv match iris\/iris\.schema\.yml; 32 rows, a random sample \(seed 0\), as csv; exit code 0 after 1\.5 s; loss fell/
    )
    const uploaded = ports.artifacts.artifacts.get('model')!
    expect([...uploaded.files.keys()].sort()).toEqual([
      'ml-smoke-manifest.json',
      'ml-smoke-report.json',
      'model.json'
    ])
    const manifest = JSON.parse(uploaded.files.get('ml-smoke-manifest.json')!.toString())
    expect(manifest).toMatchObject({
      createdAt: new Date(ports.clock.now()).toISOString(),
      dataset: { path: 'iris/iris.csv', rows: 150, violations: 0 },
      subset: { rows: 32, seed: 0 },
      training: { command: 'train', exitCode: 0, durationMs: 1500 },
      loss: { verdict: 'pass', key: 'loss', points: 6, first: 0.9, last: 0.25 }
    })
    const [training] = ports.runner.ran
    expect(training.env.ML_SMOKE_ROWS).toBe('32')
    expect(training.env.ACTIONS_RUNTIME_TOKEN).toBeUndefined()
    expect(training.env.PYTHONUNBUFFERED).toBe('1')
  })

  it('sample-rows beyond the dataset says the subset is all of it', async () => {
    const report = await (await setUp({ 'sample-rows': 1000 })).run()
    expect(report.stages[2].message).toBe(
      '150 rows (all the dataset has: sample-rows asks for 1000), a random sample (seed 0), as csv'
    )
  })

  it('a forgotten save says the output folder is empty and how to save into it', async () => {
    const forgets: Script = (_spec, print) => {
      print('step 0 loss=0.9\nstep 1 loss=0.5\nstep 2 loss=0.4\nstep 3 loss=0.3\nstep 4 loss=0.2\n')
      return 0
    }
    const report = await (await setUp({}, { train: forgets })).run()
    expect(report.stages[5].message).toMatch(
      /^artifact-path "\$ML_SMOKE_OUTPUT_DIR\/model\.json" matched no files: \$ML_SMOKE_OUTPUT_DIR is empty, so the training command saved no model there \(save it into that folder, e\.g\. torch\.save/
    )
  })

  it('a failed stage skips the rest, and the headline names it', async () => {
    const { ports, run } = await setUp({ dataset: 'iris/broken.csv' })
    const report = await run()
    expect(report.stages.map(stage => stage.status)).toEqual([
      'passed',
      'failed',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
      'skipped'
    ])
    expect(report.outcome).toBe('failed')
    // broken.csv's short row is a missing-cell and, its field being required, a constraint-error.
    expect(report.headline).toMatch(/^Data validation failed: 8 violations in iris\/broken\.csv/)
    expect(report.validation?.violationCount).toBe(8)
    expect(ports.runner.ran).toEqual([])
    expect(ports.artifacts.artifacts.size).toBe(0)
  })

  it("a failing command's last lines close the headline; a bad input is an error, not a failure", async () => {
    const crash: Script = (_spec, print) => {
      print('loading data\nTraceback (most recent call last):\nValueError: bad shape\n')
      return 1
    }
    const failed = await (await setUp({}, { train: crash })).run()
    expect(failed.outcome).toBe('failed')
    expect(failureText(failed)).toBe(
      'Smoke training failed: the training command exited with code 1\nLast 3 lines of output:\nloading data\nTraceback (most recent call last):\nValueError: bad shape'
    )
    const missing = await (await setUp({ dataset: 'iris/none.csv' })).run()
    expect(missing.outcome).toBe('error')
    expect(missing.headline).toBe('Data validation could not run: dataset not found: iris/none.csv')
  })

  it('setup-command runs first; when it fails, training never starts', async () => {
    const { ports, run } = await setUp({ 'setup-command': 'setup' }, { setup: () => 2 })
    const report = await run()
    expect(ports.runner.ran.map(spec => spec.command)).toEqual(['setup'])
    expect(report.headline).toMatch(/^Smoke training failed: setup-command exited with code 2/)
    expect(report.setup?.exitCode).toBe(2)
    expect(report.training).toBeUndefined()
  })

  it('an inconclusive loss fails the run, unless on-inconclusive is warn', async () => {
    const silent: Script = async spec => {
      await writeFile(path.join(spec.env.ML_SMOKE_OUTPUT_DIR, 'model.json'), '{}')
      return 0
    }
    const strict = await (await setUp({}, { train: silent })).run()
    expect(strict.outcome).toBe('inconclusive')
    expect(strict.stages[5].status).toBe('skipped')
    const { ports, run } = await setUp({ 'on-inconclusive': 'warn' }, { train: silent })
    const lenient = await run()
    expect(lenient.outcome).toBe('passed')
    expect(lenient.stages[4].message).toMatch(
      /^inconclusive, passed because on-inconclusive is warn/
    )
    expect(ports.logger.lines.warning[0]).toMatch(
      /^loss check inconclusive: no training loss found/
    )
  })

  it('restores the cache before setup, saves it after a run that missed it, and hits it next time', async () => {
    const temp = await newTemp()
    const deps = path.join(temp, 'deps')
    let installs = 0
    // What `pip install` into a cached folder does: build only what is not there yet.
    const setup: Script = async () => {
      if (await stat(path.join(deps, 'wheel')).catch(() => null)) return 0
      installs++
      await mkdir(deps, { recursive: true })
      await writeFile(path.join(deps, 'wheel'), 'built')
      return 0
    }
    const options = {
      'cache-paths': deps,
      'cache-key': 'deps-v1',
      'setup-command': 'setup',
      overwrite: true
    }
    const { ports, run } = await setUp(options, { setup }, temp)
    const cold = await run()
    expect(cold.cache).toEqual({ key: 'deps-v1', matchedKey: undefined, hit: false, saved: true })
    expect(ports.cache.saved).toEqual(['deps-v1'])
    await rm(deps, { recursive: true })
    const warm = await run()
    expect(warm.cache).toEqual({ key: 'deps-v1', matchedKey: 'deps-v1', hit: true, saved: false })
    expect(installs).toBe(1)
    expect(ports.cache.saved).toEqual(['deps-v1'])
    // requirements.txt changed: a new key, restored from the last one by prefix, saved under the new one.
    await rm(deps, { recursive: true })
    const changed = configOf({ ...options, 'cache-key': 'deps-v2', 'restore-keys': 'deps-' })
    const prefix = await runPipeline(changed, ports, runFolders(path.join(temp, 'changed')))
    expect(prefix.cache).toEqual({ key: 'deps-v2', matchedKey: 'deps-v1', hit: false, saved: true })
    expect(installs).toBe(1)
    expect(ports.cache.saved).toEqual(['deps-v1', 'deps-v2'])
  })

  it('an artifact name already taken in the run fails before training, saying what to do; overwrite replaces it', async () => {
    const { ports, run } = await setUp()
    expect((await run()).outcome).toBe('passed')
    const again = await run()
    expect(again.outcome).toBe('failed')
    expect(again.headline).toBe(
      'Pre-flight failed: an artifact named "model" already exists in this workflow run: every job of a run needs its own artifact-name (in a matrix e.g. model-${{ matrix.python-version }}), or set overwrite: true'
    )
    expect(ports.runner.ran).toHaveLength(1)
    // Taken between the pre-flight and the upload (another job of the run was quicker): still said.
    ports.artifacts.exists = async () => false
    const raced = await run()
    expect(raced.outcome).toBe('error')
    expect(raced.headline).toMatch(
      /^Upload could not run: an artifact named "model" already exists in this workflow run\nHint: every job/
    )
    const replacing = await setUp({ overwrite: true })
    replacing.ports.artifacts.artifacts.set('model', ports.artifacts.artifacts.get('model')!)
    expect((await replacing.run()).outcome).toBe('passed')
    expect(replacing.ports.artifacts.artifacts.get('model')!.options.overwrite).toBe(true)
  })

  it('artifact-verify-command runs in the configured shell on the staged files, before the upload', async () => {
    let seen: { shell?: string; model?: string } = {}
    const verify: Script = async spec => {
      const dir = spec.env.ML_SMOKE_ARTIFACT_DIR
      seen = { shell: spec.shell, model: await readFile(path.join(dir, 'model.json'), 'utf8') }
      return 0
    }
    const { ports, run } = await setUp(
      { 'artifact-verify-command': 'verify', shell: 'sh' },
      { verify }
    )
    expect((await run()).outcome).toBe('passed')
    expect(seen).toEqual({ shell: 'sh', model: '{"weights": [1, 2]}' })
    expect(ports.runner.ran.map(spec => spec.command)).toEqual(['train', 'verify'])
    const failing = await (
      await setUp({ 'artifact-verify-command': 'verify' }, { verify: () => 3 })
    ).run()
    expect(failing.headline).toMatch(
      /^Model artifact failed: artifact-verify-command exited with code 3/
    )
    expect(failing.artifact?.upload).toBeUndefined()
  })
})

describe('the pre-flight: what can be checked before anything runs', () => {
  const committed = [
    { path: 'models/best.pt', bytes: 5_000_000, lfs: false },
    { path: 'models/big.safetensors', bytes: 90_000_000, lfs: true },
    { path: 'tests/fixture.pkl', bytes: 2_000, lfs: false },
    { path: 'weights.bin', bytes: 500_000, lfs: false },
    { path: 'data/train.csv', bytes: 9_000_000, lfs: false }
  ]

  it('model files committed to git are a warning each (LFS ones are fine); fail stops before training', async () => {
    const { ports, run } = await setUp()
    ports.repository.files = committed
    const report = await run()
    expect(report.outcome).toBe('passed')
    expect(report.committedModels?.map(model => [model.path, model.lfs])).toEqual([
      ['models/best.pt', false],
      ['models/big.safetensors', true]
    ])
    expect(ports.logger.lines.warning[0]).toMatch(
      /^1 model file is committed to git \(models\/best\.pt\): models are built by CI/
    )
    const strict = await setUp({ 'committed-models': 'fail' })
    strict.ports.repository.files = committed
    const failed = await strict.run()
    expect(failed.headline).toMatch(/^Pre-flight failed: 1 model file is committed to git/)
    expect(strict.ports.runner.ran).toEqual([])
  })

  it('the manifest records the commit tested; outside GitHub from the repository itself', async () => {
    const { ports, run } = await setUp()
    ports.repository.tree = { commit: 'a'.repeat(40), ref: 'refs/heads/main', dirty: true }
    await run()
    const manifest = JSON.parse(
      ports.artifacts.artifacts.get('model')!.files.get('ml-smoke-manifest.json')!.toString()
    )
    expect(manifest.git).toMatchObject({ sha: 'a'.repeat(40), ref: 'refs/heads/main', dirty: true })
  })

  it('a working-directory that is not a folder is an error before anything runs', async () => {
    const report = await (await setUp({ 'working-directory': 'nowhere' })).run()
    expect(report.headline).toBe(
      'Pre-flight could not run: working-directory nowhere is not a folder'
    )
  })
})

describe('model files that could run code', () => {
  const evil = path.join(fixtures, 'models/evil.pkl')
  const savesPickle: Script = async (spec, print) => {
    await trains(spec, print)
    await copyFile(evil, path.join(spec.env.ML_SMOKE_OUTPUT_DIR, 'model.pkl'))
    return 0
  }
  const options = { 'artifact-path': '$ML_SMOKE_OUTPUT_DIR/' }

  it('an unsafe pickle fails the stage before anything is uploaded, naming the file and the import', async () => {
    const { ports, run } = await setUp(options, { train: savesPickle })
    const report = await run()
    expect(report.outcome).toBe('failed')
    expect(report.stages[5].message).toMatch(
      /^model\.pkl \(pickle, byte 29\): imports builtins\.eval: not on the allowlist \(loading it can run code\)\. Save weights only/
    )
    expect(report.artifact?.scans?.map(scan => [scan.file, scan.verdict])).toEqual([
      ['model.json', 'ok'],
      ['model.pkl', 'unsafe']
    ])
    expect(ports.artifacts.artifacts.size).toBe(0)
  })

  it('unsafe-models: warn uploads it with a warning; allow-globals cannot open builtins.eval', async () => {
    const { ports, run } = await setUp(
      { ...options, 'unsafe-models': 'warn' },
      { train: savesPickle }
    )
    expect((await run()).outcome).toBe('passed')
    expect(ports.logger.lines.warning).toContainEqual(
      expect.stringMatching(
        /^unsafe model file: model\.pkl \(pickle, byte 29\): imports builtins\.eval/
      )
    )
    expect(ports.artifacts.artifacts.get('model')!.files.has('model.pkl')).toBe(true)
    await expect(setUp({ ...options, 'allow-globals': 'builtins.eval' })).rejects.toThrow(
      `allow-globals: "builtins.eval": names a module that runs commands`
    )
  })

  it('what artifact-verify-command leaves is what is scanned, hashed and uploaded', async () => {
    const swaps: Script = async spec => {
      await copyFile(evil, path.join(spec.env.ML_SMOKE_OUTPUT_DIR, 'model.json'))
      return 0
    }
    const { ports, run } = await setUp({ 'artifact-verify-command': 'verify' }, { verify: swaps })
    const report = await run()
    expect(report.outcome).toBe('failed')
    expect(report.stages[5].message).toMatch(
      /^model\.json \(pickle, byte 29\): imports builtins\.eval/
    )
    expect(ports.artifacts.artifacts.size).toBe(0)
  })
})

describe('the chance-level baseline', () => {
  const falls =
    (key: string, values: number[]): Script =>
    async (spec, print) => {
      for (const [step, value] of values.entries()) print(`step ${step} ${key}=${value}\n`)
      await writeFile(path.join(spec.env.ML_SMOKE_OUTPUT_DIR, 'model.json'), '{}')
      return 0
    }
  const steady = [1.6, 1.55, 1.5, 1.45, 1.4, 1.35, 1.3, 1.25]

  it("a log loss that fell but not below the class prior's entropy fails with both numbers", async () => {
    const { run } = await setUp(
      { 'label-column': 'species', 'sample-strategy': 'stratified', 'sample-rows': 30 },
      { train: falls('logloss', steady) }
    )
    const report = await run()
    expect(report.subset?.labelStats?.classCounts).toEqual({
      setosa: 10,
      versicolor: 10,
      virginica: 10
    })
    expect(report.outcome).toBe('failed')
    expect(report.loss?.baseline).toMatchObject({ applied: true, value: Math.log(3) })
    expect(report.loss?.reason).toMatch(
      /^final loss 1\.225, half a step past its last value 1\.25 \(it fell at every one of 8 points, .*\), is not below the chance level 1\.099, the entropy of the 3 classes' prior/
    )
  })

  it("the schema's label column is known without label-column; baseline-loss: off or a number", async () => {
    const schema = path.join(await newTemp(), 'schema.yml')
    const text = await readFile(path.join(fixtures, 'iris/iris.schema.yml'), 'utf8')
    await writeFile(schema, `${text}\nmlChecks: { label: { column: species } }\n`)
    const fromSchema = await (await setUp({ schema }, { train: falls('logloss', steady) })).run()
    expect(fromSchema.labelColumn).toBe('species')
    expect(fromSchema.loss?.baseline).toMatchObject({ applied: true })
    const off = await (
      await setUp({ schema, 'baseline-loss': 'off' }, { train: falls('logloss', steady) })
    ).run()
    expect(off.outcome).toBe('passed')
    expect(off.loss?.baseline).toEqual({ applied: false, reason: 'baseline-loss is off' })
    const fixed = await (
      await setUp({ 'baseline-loss': '0.5' }, { train: falls('loss', steady) })
    ).run()
    expect(fixed.loss?.reason).toMatch(
      /is not below the chance level 0\.5, the baseline-loss setting/
    )
  })

  it("a regression loss is compared with the label's variance", async () => {
    const { run } = await setUp(
      { 'label-column': 'petal length (cm)', 'sample-rows': 150 },
      { train: falls('mse', [9, 8, 7, 6, 5.5, 5, 4.5, 4]) }
    )
    const report = await run()
    const numeric = report.subset?.labelStats?.numeric
    expect(numeric?.count).toBe(150)
    expect(numeric?.mean).toBeCloseTo(3.758, 3)
    expect(numeric?.variance).toBeCloseTo(3.0955, 3)
    expect(report.loss?.reason).toMatch(/not below the chance level 3\.096, the label's variance/)
  })
})

describe('verifyArtifact (verify-only)', () => {
  it('downloads the artifact into an empty folder, then checks every file; a local folder only on purpose', async () => {
    const { ports, run, temp } = await setUp()
    await run()
    const folder = path.join(temp, 'downloaded')
    const download = { name: 'model', store: ports.artifacts }
    const first = await verifyArtifact({ folder, download })
    expect(first).toMatchObject({ downloaded: true, verification: { checked: 1, problems: [] } })
    await writeFile(path.join(folder, 'model.json'), '{"weights": [1, 3]}')
    // Files already there (a manifest committed to the repository) are never taken for the download.
    await expect(verifyArtifact({ folder, download })).rejects.toThrow(
      /already holds files: verify-only downloads the artifact into an empty folder/
    )
    const second = await verifyArtifact({ folder })
    expect(second.downloaded).toBe(false)
    expect(second.verification.problems).toEqual([
      expect.stringMatching(/^model\.json: sha256 [0-9a-f]{12}…, the manifest says [0-9a-f]{12}…$/)
    ])
  })
})
