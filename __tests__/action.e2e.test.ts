/**
 * End to end: the bundled action (dist/, copied away from node_modules) runs as the runner runs it,
 * on Node 20 and Node 24, uploading with the real @actions/artifact client to an emulated results
 * service backed by Azurite; a later job downloads the artifact with the same real client.
 */
import { createHash } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { artifactBackend } from './harness/backend.js'
import { ACTION_NODE, downloadInLaterJob, newJob, NODES, runAction } from './harness/runner.js'
import { DEFAULT_RUN, MockSigstore } from './harness/sigstore.js'

jest.setTimeout(120_000)

const backend = artifactBackend()
let sigstore: MockSigstore
let trustedRoot: string

beforeAll(async () => {
  sigstore = new MockSigstore()
  await sigstore.start()
  trustedRoot = path.join(await mkdtemp(path.join(os.tmpdir(), 'root-')), 'trusted-root.json')
  await writeFile(trustedRoot, JSON.stringify(sigstore.trustedRoot))
})

afterAll(async () => {
  await sigstore?.stop()
})

const baseInputs = {
  dataset: 'iris/iris.csv',
  schema: 'iris/iris.schema.yml',
  'train-command': 'python3 train/logreg.py --epochs 20',
  'sample-rows': '64',
  'min-loss-drop': '0.2',
  'artifact-path': '$ML_SMOKE_OUTPUT_DIR/model.json'
}

let runCounter = 0
const freshRun = () => `run-${++runCounter}-${Date.now()}`
/** The real client's retry waits cut a hundredfold (harness/quick-retries.mjs): the tests wait for its verdict. */
const QUICK_RETRIES = {
  NODE_OPTIONS: `--import=${new URL('./harness/quick-retries.mjs', import.meta.url).href}`
}

describe.each(NODES)('the action on %s', (_label, node) => {
  it('validates, trains, checks the loss and uploads a model a later job downloads intact', async () => {
    const runId = freshRun()
    const job = await newJob(runId, 'train')
    const run = await runAction(node, backend.entry, job, backend.results.url, {
      ...baseInputs,
      'artifact-name': 'iris-model'
    })
    expect(run.stdout).not.toContain('::error')
    expect(run.exitCode).toBe(0)

    expect(run.outputs).toMatchObject({
      'rows-validated': '150',
      violations: '0',
      'subset-rows': '64',
      'loss-verdict': 'pass'
    })
    expect(Number(run.outputs['final-loss'])).toBeLessThan(Number(run.outputs['initial-loss']))
    expect(Number(run.outputs['loss-drop'])).toBeGreaterThanOrEqual(0.2)
    expect(run.outputs['artifact-digest']).toMatch(/^[0-9a-f]{64}$/)
    expect(run.outputs['artifact-url']).toBe(
      `https://github.com/octo/models/actions/runs/4242/artifacts/${run.outputs['artifact-id']}`
    )

    for (const section of [
      '## ml-smoke ✅ passed',
      '### Data validation',
      '### Subset',
      '### Smoke training',
      '### Loss check',
      '```mermaid',
      '### Model artifact',
      run.outputs['artifact-digest']
    ]) {
      expect(run.summary).toContain(section)
    }
    // Training output is streamed inside a log group.
    expect(run.stdout).toMatch(
      /::group::Smoke training: python3 train\/logreg\.py[\s\S]*epoch 20 loss=[\s\S]*::endgroup::/
    )

    const later = await newJob(runId, 'deploy')
    const target = await mkdtemp(path.join(os.tmpdir(), 'download-'))
    const download = await downloadInLaterJob(later, backend.results.url, 'iris-model', target)
    expect(download.digestMismatch).toBe(false)
    expect(download.digest).toBe(`sha256:${run.outputs['artifact-digest']}`)
    const trained = path.join(
      path.dirname(run.outputs['subset-path']),
      '..',
      'output',
      'model.json'
    )
    const downloaded = await readFile(path.join(target, 'model.json'))
    expect(createHash('sha256').update(downloaded).digest('hex')).toBe(
      createHash('sha256')
        .update(await readFile(trained))
        .digest('hex')
    )
    expect(JSON.parse(downloaded.toString())).toMatchObject({
      kind: 'softmax-regression',
      classes: 3
    })
  })
})

describe('the action fails clearly, still writing the summary and known outputs', () => {
  const node = ACTION_NODE

  it('schema violations: annotations on the data file lines, step fails, nothing uploaded', async () => {
    const job = await newJob(freshRun(), 'train')
    const before = backend.results.requests.length
    const run = await runAction(node, backend.entry, job, backend.results.url, {
      ...baseInputs,
      dataset: 'iris/broken.csv'
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      '::error title=ml-smoke%3A type-error in "petal width (cm)",file=iris/broken.csv,line=4::field "petal width (cm)": expected a number; got "abc"'
    )
    expect(run.stdout).toContain(
      '::error::Data validation failed: 8 violations in iris/broken.csv (first, line 4:'
    )
    expect(run.outputs).toMatchObject({ 'rows-validated': '20', violations: '8' })
    expect(run.outputs['artifact-id']).toBeUndefined()
    expect(run.summary).toContain('## ml-smoke ❌ failed')
    expect(run.summary).toContain('| Smoke training | ⏭️ skipped |')
    expect(run.summary).toContain('`missing-cell`')
    // The pre-flight asked whether the artifact name is free; nothing was created or uploaded.
    expect(backend.results.requests.slice(before).map(request => request.method)).toEqual([
      'ArtifactService/ListArtifacts'
    ])
  })

  it('a failing training command: exit code and the last lines of its output', async () => {
    const job = await newJob(freshRun(), 'train')
    const run = await runAction(node, backend.entry, job, backend.results.url, {
      ...baseInputs,
      'train-command': 'python3 train/crash.py'
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      '::error::Smoke training failed: the training command exited with code 1'
    )
    expect(run.summary).toContain('RuntimeError: mat1 and mat2 shapes cannot be multiplied')
    expect(run.outputs).toMatchObject({ 'subset-rows': '64' })
  })

  it('a diverging loss fails with the numbers', async () => {
    const job = await newJob(freshRun(), 'train')
    const run = await runAction(node, backend.entry, job, backend.results.url, {
      ...baseInputs,
      'train-command': 'python3 train/diverging.py --epochs 10'
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      /::error::Loss check failed: loss did not fall: rose [\d.]+ %25 \(mean of first 3 [\d.]+ → mean of last 3 [\d.]+; Mann–Kendall τ = 1, p = 1; 10 points of "loss" in the command output\)/
    )
    expect(run.outputs['loss-verdict']).toBe('fail')
    expect(run.summary).toContain('**fail**: loss did not fall: rose')
  })

  it('a trainer that writes no model fails the artifact check', async () => {
    const job = await newJob(freshRun(), 'train')
    const run = await runAction(node, backend.entry, job, backend.results.url, {
      ...baseInputs,
      'train-command': 'python3 train/no_model.py --epochs 5'
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      '::error::Model artifact failed: artifact-path "$ML_SMOKE_OUTPUT_DIR/model.json" matched no files'
    )
    expect(run.outputs['loss-verdict']).toBe('pass')
  })

  it('bad input: a clear message and no stack trace', async () => {
    const job = await newJob(freshRun(), 'train')
    const run = await runAction(node, backend.entry, job, backend.results.url, {
      ...baseInputs,
      'sample-strategy': 'stratifed'
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      `::error::input 'sample-strategy': expected one of random, head, stratified, all; got "stratifed"`
    )
    expect(run.stdout).not.toMatch(/\n\s+at /)
    expect(run.summary).toContain('could not run')
  })

  it('the same artifact name twice in a run: the 409 names the artifact and says what to do', async () => {
    const runId = freshRun()
    const first = await runAction(
      node,
      backend.entry,
      await newJob(runId, 'a'),
      backend.results.url,
      baseInputs
    )
    expect(first.exitCode).toBe(0)
    const second = await runAction(
      node,
      backend.entry,
      await newJob(runId, 'b'),
      backend.results.url,
      baseInputs
    )
    expect(second.exitCode).toBe(1)
    expect(second.stdout).toContain('an artifact named "model" already exists in this workflow run')
    expect(second.stdout).toContain('matrix')
  })

  it('a 503 from the results service is retried by the client and the upload succeeds', async () => {
    backend.results.fail('ArtifactService/CreateArtifact', {
      status: 503,
      body: { code: 'unavailable', msg: 'try again' }
    })
    const run = await runAction(
      node,
      backend.entry,
      await newJob(freshRun(), 'train'),
      backend.results.url,
      baseInputs,
      QUICK_RETRIES
    )
    expect(run.exitCode).toBe(0)
    expect(run.outputs['artifact-id']).toMatch(/^\d+$/)
    expect(backend.results.failuresLeft('ArtifactService/CreateArtifact')).toBe(0)
  })
})

describe("the runner's credentials", () => {
  const node = ACTION_NODE

  it("never reach the command's environment, nor its parent process's", async () => {
    const job = await newJob(freshRun(), 'train')
    const run = await runAction(
      node,
      backend.entry,
      job,
      backend.results.url,
      {
        ...baseInputs,
        'train-command': [
          'python3 train/logreg.py --epochs 20',
          `echo "own: $(env | grep -c 'TOKEN\\|oidc-secret\\|ghp_')"`,
          `echo "parent: $(tr '\\0' '\\n' < /proc/$PPID/environ | grep -c 'TOKEN\\|oidc-secret\\|ghp_')"`
        ].join('\n')
      },
      { GITHUB_TOKEN: 'ghp_secret', GH_TOKEN: 'ghp_secret' }
    )
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('own: 0')
    expect(run.stdout).toContain('parent: 0')
  })
})

describe('provenance: a later job verifies what was uploaded', () => {
  const node = ACTION_NODE
  const cli = new URL('../dist/cli/index.js', import.meta.url).pathname

  it('verify-only downloads the artifact and checks it against its manifest; the CLI catches a flipped byte', async () => {
    const runId = freshRun()
    const job = await newJob(runId, 'train')
    const upload = await runAction(node, backend.entry, job, backend.results.url, {
      ...baseInputs,
      'artifact-name': 'verified-model'
    })
    expect(upload.exitCode).toBe(0)
    const manifest = JSON.parse(await readFile(upload.outputs['manifest-path'], 'utf8'))
    expect(manifest).toMatchObject({
      schemaVersion: 2,
      tool: { name: 'ml-smoke' },
      git: { repository: 'octo/models', runId: '4242' },
      dataset: { path: 'iris/iris.csv', rows: 150, violations: 0 },
      subset: { strategy: 'random', seed: 0, rows: 64 },
      training: { command: 'python3 train/logreg.py --epochs 20', exitCode: 0 },
      loss: { verdict: 'pass', key: 'loss', source: 'command output' },
      artifact: { name: 'verified-model', files: [{ path: 'model.json' }] }
    })

    const later = await newJob(runId, 'deploy')
    const verify = await runAction(node, backend.entry, later, backend.results.url, {
      mode: 'verify-only',
      'artifact-name': 'verified-model',
      'verify-path': 'downloaded'
    })
    expect(verify.exitCode).toBe(0)
    expect(verify.outputs).toMatchObject({
      'verified-files': '1',
      'download-path': path.join(later.workspace, 'downloaded')
    })
    expect(verify.summary).toContain('## ml-smoke verify ✅ passed')
    // On Node 24, the action's runtime: no DEP0005 from the unzip code it bundles.
    expect(verify.stdout).not.toContain('DeprecationWarning')

    const folder = path.join(later.workspace, 'downloaded')
    expect(spawnSync(node, [cli, 'verify-artifact', folder]).status).toBe(0)
    const model = path.join(folder, 'model.json')
    const bytes = await readFile(model)
    bytes[10] ^= 0x01
    await writeFile(model, bytes)
    const tampered = spawnSync(node, [cli, 'verify-artifact', folder], { encoding: 'utf8' })
    expect(tampered.status).toBe(1)
    expect(tampered.stdout).toMatch(
      /^artifact verification failed: model\.json: sha256 [0-9a-f]{12}…, the manifest says [0-9a-f]{12}…/
    )
    // The folder now holds files: verify-only will not take them for the download...
    const refused = await runAction(node, backend.entry, later, backend.results.url, {
      mode: 'verify-only',
      'artifact-name': 'verified-model',
      'verify-path': 'downloaded'
    })
    expect(refused.exitCode).toBe(1)
    expect(refused.stdout).toContain('already holds files')
    // ...but checks them when named on purpose.
    const again = await runAction(node, backend.entry, later, backend.results.url, {
      mode: 'verify-only',
      'artifact-name': 'verified-model',
      'verify-local-path': 'downloaded'
    })
    expect(again.exitCode).toBe(1)
    expect(again.summary).toContain('## ml-smoke verify ❌ failed')
  })

  it('attest: on signs through mock Sigstore; verify-only checks the signature, the signer and the files offline', async () => {
    const runId = freshRun()
    const signing: Record<string, string> = {
      ...sigstore.jobEnvironment('public-good'),
      GITHUB_WORKFLOW_REF: DEFAULT_RUN.workflowRef
    }
    const upload = await runAction(
      node,
      backend.entry,
      await newJob(runId, 'train'),
      backend.results.url,
      {
        ...baseInputs,
        'artifact-name': 'attested-model',
        attest: 'on',
        'github-token': 'ghs_token'
      },
      signing
    )
    expect(upload.exitCode).toBe(0)
    expect(upload.outputs['attestation-url']).toBe(
      `https://github.com/octo/models/attestations/${upload.outputs['attestation-id']}`
    )
    expect(upload.outputs['bundle-path']).toMatch(/ml-smoke-attestations\.jsonl$/)
    expect(upload.summary).toContain('Attested: [SLSA build provenance]')
    expect(
      sigstore.stored.filter(entry => entry.repository === 'octo/models').length
    ).toBeGreaterThanOrEqual(2)

    const later = await newJob(runId, 'deploy')
    const checking = {
      ML_SMOKE_SIGSTORE: signing.ML_SMOKE_SIGSTORE,
      GITHUB_WORKFLOW_REF: DEFAULT_RUN.workflowRef
    }
    const verify = await runAction(
      node,
      backend.entry,
      later,
      backend.results.url,
      {
        mode: 'verify-only',
        'artifact-name': 'attested-model',
        attest: 'on',
        'trusted-root': trustedRoot
      },
      checking
    )
    expect(verify.exitCode).toBe(0)
    expect(verify.stdout).toContain(
      'attested: SLSA provenance and manifest verified offline against the trusted root in'
    )
    expect(verify.stdout).toContain(
      'signed by https://github.com/octo/models/.github/workflows/ci.yml@refs/heads/main (run 4242)'
    )
    expect(verify.stdout).toMatch(
      /gh attestation verify \S+model\.json --bundle \S+ml-smoke-attestations\.jsonl --repo octo\/models --custom-trusted-root/
    )
    expect(verify.outputs['bundle-path']).toBe(
      path.join(later.workspace, 'ml-smoke-artifact', 'ml-smoke-attestations.jsonl')
    )

    // Edit the model and its sha256 in the manifest together: the hashes agree, the attestations do not.
    const folder = path.join(later.workspace, 'ml-smoke-artifact')
    const cliEnv = { ...process.env, ML_SMOKE_SIGSTORE: signing.ML_SMOKE_SIGSTORE }
    const cliArgs = [
      cli,
      'verify-artifact',
      folder,
      '--repo',
      'octo/models',
      '--trusted-root',
      trustedRoot
    ]
    expect(spawnSync(node, cliArgs, { env: cliEnv }).status).toBe(0)
    const model = path.join(folder, 'model.json')
    await chmod(model, 0o644)
    await writeFile(model, '{"kind": "backdoor"}')
    const manifestFile = path.join(folder, 'ml-smoke-manifest.json')
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'))
    manifest.artifact.files[0] = {
      path: 'model.json',
      bytes: 20,
      sha256: createHash('sha256').update('{"kind": "backdoor"}').digest('hex')
    }
    await chmod(manifestFile, 0o644)
    await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`)
    const forged = spawnSync(node, cliArgs, { env: cliEnv, encoding: 'utf8' })
    expect(forged.status).toBe(1)
    expect(forged.stdout).toMatch(
      /^artifact verification failed: the SLSA provenance does not attest model\.json/
    )
    const local = await runAction(
      node,
      backend.entry,
      later,
      backend.results.url,
      {
        mode: 'verify-only',
        'verify-local-path': 'ml-smoke-artifact',
        'trusted-root': trustedRoot
      },
      checking
    )
    expect(local.exitCode).toBe(1)
    expect(local.summary).toContain(
      'ml-smoke-manifest.json differs from the manifest its attestation signed'
    )
  })

  it('overwrite: true replaces an artifact of the same name instead of failing with 409', async () => {
    const runId = freshRun()
    const inputs = { ...baseInputs, 'artifact-name': `replaced-${runId}`, overwrite: 'true' }
    expect(
      (await runAction(node, backend.entry, await newJob(runId, 'a'), backend.results.url, inputs))
        .exitCode
    ).toBe(0)
    const second = await runAction(
      node,
      backend.entry,
      await newJob(runId, 'b'),
      backend.results.url,
      inputs
    )
    expect(second.exitCode).toBe(0)
    expect(backend.results.artifactsNamed(`replaced-${runId}`)).toBe(1)
  })

  it('a blob upload cut off mid-body is retried by the storage client and succeeds', async () => {
    backend.results.cutUploads = 1
    const run = await runAction(
      node,
      backend.entry,
      await newJob(freshRun(), 'train'),
      backend.results.url,
      baseInputs
    )
    expect(backend.results.cutUploads).toBe(0)
    expect(run.exitCode).toBe(0)
    expect(run.outputs['artifact-id']).toMatch(/^\d+$/)
  })

  it("a results service that keeps failing gives a clear failure after the client's retries", async () => {
    const error = { status: 500, body: { code: 'internal', msg: 'database is down' } }
    backend.results.fail('ArtifactService/CreateArtifact', error, error, error, error, error)
    const run = await runAction(
      node,
      backend.entry,
      await newJob(freshRun(), 'train'),
      backend.results.url,
      baseInputs,
      QUICK_RETRIES
    )
    expect(run.exitCode).toBe(1)
    expect(backend.results.failuresLeft('ArtifactService/CreateArtifact')).toBe(0)
    expect(run.stdout).toMatch(
      /::error::Upload could not run: uploading artifact "model" failed: .*/
    )
    expect(run.summary).toContain('## ml-smoke ⛔ could not run')
  }, 120_000)
})

describe('caches through @actions/cache', () => {
  const node = ACTION_NODE
  const setup =
    'test -f .deps/wheel.txt || (mkdir -p .deps && echo "built $RANDOM$RANDOM" > .deps/wheel.txt)'

  it('a first job saves on a miss, a later job in another process restores the same files', async () => {
    const inputs = {
      ...baseInputs,
      'setup-command': setup,
      'cache-paths': '.deps',
      'cache-key-files': 'requirements.txt'
    }
    const first = await newJob(freshRun(), 'a')
    await writeFile(path.join(first.workspace, 'requirements.txt'), 'numpy==2.1.0\n')
    const saved = await runAction(node, backend.entry, first, backend.results.url, inputs)
    expect(saved.exitCode).toBe(0)
    expect(saved.outputs['cache-hit']).toBe('false')
    expect(saved.outputs['cache-key']).toMatch(/^ml-smoke-linux-x64-[0-9a-f]{32}$/)
    expect(saved.summary).toContain('not found; saved after the run')

    const second = await newJob(freshRun(), 'b')
    await writeFile(path.join(second.workspace, 'requirements.txt'), 'numpy==2.1.0\n')
    const restored = await runAction(node, backend.entry, second, backend.results.url, inputs)
    expect(restored.exitCode).toBe(0)
    expect(restored.outputs).toMatchObject({
      'cache-hit': 'true',
      'cache-key': saved.outputs['cache-key']
    })
    expect(await readFile(path.join(second.workspace, '.deps/wheel.txt'), 'utf8')).toBe(
      await readFile(path.join(first.workspace, '.deps/wheel.txt'), 'utf8')
    )

    const changed = await newJob(freshRun(), 'c')
    await writeFile(path.join(changed.workspace, 'requirements.txt'), 'numpy==2.2.0\n')
    const prefix = await runAction(node, backend.entry, changed, backend.results.url, {
      ...inputs,
      'restore-keys': 'ml-smoke-linux-x64-'
    })
    expect(prefix.outputs['cache-hit']).toBe('false')
    expect(prefix.summary).toContain(`restored from \`${saved.outputs['cache-key']}\``)
  })

  it('a failing cache service is a warning, never a failed step', async () => {
    backend.results.fail('CacheService/GetCacheEntryDownloadURL', {
      status: 400,
      body: { code: 'bad', msg: 'cache is broken' }
    })
    backend.results.fail('CacheService/CreateCacheEntry', {
      status: 400,
      body: { code: 'bad', msg: 'cache is broken' }
    })
    const run = await runAction(
      node,
      backend.entry,
      await newJob(freshRun(), 'x'),
      backend.results.url,
      {
        ...baseInputs,
        'cache-paths': '.deps',
        'setup-command': setup,
        'cache-key': `broken-${Date.now()}`
      }
    )
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/::warning::.*cache is broken/)
  })
})
