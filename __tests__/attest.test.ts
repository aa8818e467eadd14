/**
 * Attestations through the real @actions/attest code path (Sigstore signing, then the repository's
 * attestations API) against mock Fulcio, Rekor, TSA and an OIDC issuer on 127.0.0.1; then verified
 * offline with @sigstore/verify, as verify-only and verify-artifact do.
 */
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { recordingLogger } from '../__fixtures__/ports.js'
import { attestArtifact } from '../src/artifact/attest.js'
import {
  ATTESTATIONS_NAME,
  buildManifest,
  MANIFEST_NAME,
  verifyArtifactFolder
} from '../src/artifact/manifest.js'
import { stageArtifact } from '../src/artifact/staging.js'
import type { SignerExpectation } from '../src/attest/identity.js'
import { MANIFEST_PREDICATE_V1, SLSA_PROVENANCE_V1 } from '../src/attest/statements.js'
import { checkAttestations } from '../src/attest/verify.js'
import { main } from '../src/cli/main.js'
import { GitHubAttestor } from '../src/ports/attest.js'
import type { Attestor } from '../src/ports/types.js'
import type { StageContext } from '../src/stage.js'
import { DEFAULT_RUN, MockSigstore, type InstanceShape } from './harness/sigstore.js'

const mock = new MockSigstore()
let trustedRoot: string

beforeAll(async () => {
  await mock.start()
  // @actions/github reads the API URL when first loaded: the job's variables come first.
  Object.assign(process.env, mock.jobEnvironment(), {
    GITHUB_REPOSITORY: 'octo/models',
    GITHUB_SERVER_URL: 'https://github.com'
  })
  trustedRoot = path.join(await mkdtemp(path.join(os.tmpdir(), 'root-')), 'trusted-root.json')
  await writeFile(trustedRoot, JSON.stringify(mock.trustedRoot))
})
afterAll(() => mock.stop())

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

function attestorFor(shape: InstanceShape, env: NodeJS.ProcessEnv = {}): Attestor {
  return new GitHubAttestor({ ...process.env, ...mock.jobEnvironment(shape), ...env }, 'token')
}

/** An artifact folder as the upload stage leaves it: the model, its manifest, then the bundles. */
async function attestedFolder(shape: InstanceShape = 'public-good', attest = 'on') {
  const root = await mkdtemp(path.join(os.tmpdir(), 'attest-'))
  const model = path.join(root, 'out', 'model.bin')
  await mkdir(path.dirname(model), { recursive: true })
  await writeFile(model, 'weights')
  await writeFile(path.join(root, 'data.csv'), 'a\n1\n')
  const files = [{ name: 'model.bin', path: model, size: 7 }]
  const manifest = await buildManifest({
    env: { GITHUB_REPOSITORY: 'octo/models', GITHUB_RUN_ID: '4242' },
    version: '0.1.0',
    now: new Date('2026-01-01T00:00:00Z'),
    dataset: { path: 'data.csv', file: path.join(root, 'data.csv'), rows: 1, violations: 0 },
    schema: { path: 'data.csv', file: path.join(root, 'data.csv') },
    subset: { strategy: 'head', seed: 0, rows: 1, sha256: 'f'.repeat(64) },
    training: { command: 'train', exitCode: 0, durationMs: 5 },
    loss: {
      verdict: 'pass',
      reason: 'fell',
      source: null,
      format: null,
      key: null,
      points: 2,
      first: 1,
      last: 0.5,
      min: 0.5,
      drop: 0.5
    },
    artifact: { name: 'model', files }
  })
  const folder = path.join(root, 'artifact')
  const text = `${JSON.stringify(manifest, null, 2)}\n`
  await stageArtifact(folder, files, text, 'copy')
  const logger = recordingLogger()
  const context = {
    config: { attest },
    ports: { attestor: attestorFor(shape), logger }
  } as unknown as StageContext
  const report = await attestArtifact(context, { manifest, text, sha256: sha256(text) }, folder)
  return { folder, manifest, report, logger }
}

const expected: SignerExpectation = {
  serverUrl: 'https://github.com',
  repository: 'octo/models',
  issuer: '' // set per test: the mock issuer's URL is known once it listens
}
const expecting = (more: Partial<SignerExpectation> = {}): SignerExpectation => ({
  ...expected,
  issuer: mock.issuer,
  ...more
})

const check = (
  folder: string,
  manifest: Awaited<ReturnType<typeof attestedFolder>>['manifest'],
  more: Partial<SignerExpectation> = {},
  root: string | null = trustedRoot
) =>
  checkAttestations({
    folder,
    manifest,
    mode: 'auto',
    expected: expecting(more),
    trustedRoot: root ?? undefined,
    trustedRootLabel: root ?? undefined
  })

describe.each(['public-good', 'github'] as const)("signed with %s's services", shape => {
  it('SLSA provenance of the files and the manifest, and the manifest statement, verified offline', async () => {
    const before = mock.stored.length
    const { folder, manifest, report } = await attestedFolder(shape)
    expect(report).toMatchObject({
      status: 'attested',
      id: expect.stringMatching(/^\d+$/),
      url: expect.stringMatching(/^https:\/\/github\.com\/octo\/models\/attestations\/\d+$/),
      bundlePath: path.join(folder, ATTESTATIONS_NAME)
    })
    // Both statements went to the repository's attestations API.
    expect(mock.stored.slice(before).map(entry => entry.repository)).toEqual([
      'octo/models',
      'octo/models'
    ])
    const lines = (await readFile(report.bundlePath!, 'utf8')).trim().split('\n')
    const statements = lines.map(line => {
      const bundle = JSON.parse(line)
      return JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString())
    })
    const manifestSha = sha256(await readFile(path.join(folder, MANIFEST_NAME), 'utf8'))
    expect(statements[0]).toMatchObject({
      predicateType: SLSA_PROVENANCE_V1,
      subject: [
        { name: 'model.bin', digest: { sha256: sha256('weights') } },
        { name: MANIFEST_NAME, digest: { sha256: manifestSha } }
      ],
      predicate: {
        buildDefinition: { externalParameters: { workflow: { path: '.github/workflows/ci.yml' } } }
      }
    })
    expect(statements[1]).toMatchObject({
      predicateType: MANIFEST_PREDICATE_V1,
      subject: [{ name: 'model.bin', digest: { sha256: sha256('weights') } }],
      predicate: JSON.parse(await readFile(path.join(folder, MANIFEST_NAME), 'utf8'))
    })
    // The bundles are in the folder but not "unlisted": verify-artifact knows them.
    expect(await verifyArtifactFolder(folder)).toMatchObject({ problems: [], unlisted: [] })

    const result = await check(folder, manifest)
    expect(result?.problems).toEqual([])
    expect(result?.verified.map(v => v.predicateType)).toEqual([
      SLSA_PROVENANCE_V1,
      MANIFEST_PREDICATE_V1
    ])
    expect(result?.verified[0].signer).toMatchObject({
      workflow: 'https://github.com/octo/models/.github/workflows/ci.yml@refs/heads/main',
      repository: 'https://github.com/octo/models',
      run: 'https://github.com/octo/models/actions/runs/4242/attempts/1'
    })
    expect(result?.ghCommands).toEqual([
      `gh attestation verify ${path.join(folder, 'model.bin')} --bundle ${report.bundlePath} --repo octo/models --custom-trusted-root ${trustedRoot}`
    ])
  })
})

describe('what verification catches', () => {
  it('a model edited together with its sha256 in the manifest: the hashes agree, the signatures do not', async () => {
    const { folder, manifest } = await attestedFolder()
    await writeFile(path.join(folder, 'model.bin'), 'backdoor')
    const forged = {
      ...manifest,
      artifact: {
        ...manifest.artifact,
        files: [{ path: 'model.bin', bytes: 8, sha256: sha256('backdoor') }]
      }
    }
    await writeFile(path.join(folder, MANIFEST_NAME), `${JSON.stringify(forged, null, 2)}\n`)
    expect((await verifyArtifactFolder(folder)).problems).toEqual([])
    const result = await check(folder, forged)
    expect(result?.problems).toEqual([
      expect.stringMatching(
        /^the SLSA provenance does not attest model\.bin \(sha256 [0-9a-f]{12}…\), ml-smoke-manifest\.json \(sha256 [0-9a-f]{12}…\)$/
      ),
      expect.stringMatching(/^the manifest attestation does not attest model\.bin/),
      'ml-smoke-manifest.json differs from the manifest its attestation signed'
    ])
  })

  it('a bundle whose statement was rewritten no longer verifies', async () => {
    const { folder, manifest, report } = await attestedFolder()
    const [first, second] = (await readFile(report.bundlePath!, 'utf8')).trim().split('\n')
    const bundle = JSON.parse(first)
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString())
    statement.subject[0].digest.sha256 = sha256('backdoor')
    bundle.dsseEnvelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64')
    await writeFile(report.bundlePath!, `${JSON.stringify(bundle)}\n${second}\n`)
    const result = await check(folder, manifest)
    expect(result?.problems[0]).toMatch(
      /^ml-smoke-attestations\.jsonl line 1: its signature does not verify: /
    )
    expect(result?.problems).toContain(
      'no verified SLSA provenance (https://slsa.dev/provenance/v1) in ml-smoke-attestations.jsonl'
    )
  })

  it("signatures from a Sigstore instance the trusted root does not know (public-good's by default) fail", async () => {
    const { folder, manifest } = await attestedFolder()
    const result = await check(folder, manifest, {}, null)
    expect(result?.trustedRoot).toBe("Sigstore public-good's trusted root (built in)")
    expect(result?.problems[0]).toMatch(
      /^ml-smoke-attestations\.jsonl line 1: its signature does not verify/
    )
  })

  it('another repository, another workflow, another run or another OIDC issuer is not the signer expected', async () => {
    const { folder, manifest } = await attestedFolder()
    const problems = async (more: Partial<SignerExpectation>) =>
      (await check(folder, manifest, more))?.problems[0]
    expect(await problems({ repository: 'octo/other' })).toBe(
      'ml-smoke-attestations.jsonl line 1: it was made in https://github.com/octo/models, not https://github.com/octo/other; it was signed by https://github.com/octo/models/.github/workflows/ci.yml@refs/heads/main, not a workflow under https://github.com/octo/other/'
    )
    expect(await problems({ signerWorkflow: 'octo/models/.github/workflows/release.yml' })).toBe(
      'ml-smoke-attestations.jsonl line 1: it was signed by https://github.com/octo/models/.github/workflows/ci.yml@refs/heads/main, not a workflow under https://github.com/octo/models/.github/workflows/release.yml@'
    )
    expect(
      await problems({ signerWorkflow: 'octo/models/.github/workflows/ci.yml' })
    ).toBeUndefined()
    expect(await problems({ run: { workflowRef: DEFAULT_RUN.workflowRef, runId: '4243' } })).toBe(
      'ml-smoke-attestations.jsonl line 1: it was made in run https://github.com/octo/models/actions/runs/4242/attempts/1, not run 4243 of this workflow'
    )
    expect(
      await problems({ run: { workflowRef: DEFAULT_RUN.workflowRef, runId: '4242' } })
    ).toBeUndefined()
    expect(await problems({ issuer: 'https://token.actions.githubusercontent.com' })).toBe(
      `ml-smoke-attestations.jsonl line 1: its certificate was issued to ${mock.issuer}, not https://token.actions.githubusercontent.com`
    )
  })

  it('no bundles: nothing to check under auto, a problem under on', async () => {
    const { folder, manifest } = await attestedFolder('public-good', 'off')
    expect(await check(folder, manifest)).toBeUndefined()
    const required = await checkAttestations({
      folder,
      manifest,
      mode: 'on',
      expected: expecting()
    })
    expect(required?.problems).toEqual([
      'not attested: the artifact has no ml-smoke-attestations.jsonl (attest: on requires one)'
    ])
  })
})

describe('when attesting is not possible', () => {
  it('auto: a notice and no bundle; on: a failure with the reason', async () => {
    mock.storeFaults.push({ status: 404, message: 'Not Found' })
    const skipped = await attestedFolder('public-good', 'auto')
    expect(skipped.report).toMatchObject({ status: 'skipped' })
    expect(skipped.logger.lines.notice).toEqual([
      expect.stringMatching(
        /^not attested \(attest: auto\): the repository's attestations API refused it \(Failed to persist attestation: Not Found.*attestations need a public repository or GitHub Enterprise Cloud/
      )
    ])
    mock.storeFaults.push({ status: 404, message: 'Not Found' })
    const failed = await attestedFolder('public-good', 'on')
    expect(failed.report).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/attestations API refused it/)
    })
  })

  it('says why before trying: no OIDC token, a fork, GitHub Enterprise Server', async () => {
    const event = path.join(await mkdtemp(path.join(os.tmpdir(), 'event-')), 'event.json')
    await writeFile(
      event,
      JSON.stringify({ pull_request: { head: { repo: { full_name: 'fork/models' } } } })
    )
    const noToken = { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' }
    expect(await attestorFor('public-good', noToken).unavailable()).toBe(
      'the job has no OIDC token: give it `permissions: id-token: write` and `attestations: write`'
    )
    const fork = { ...noToken, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event }
    expect(await attestorFor('public-good', fork).unavailable()).toBe(
      'a pull request from a fork gets no OIDC token to sign with'
    )
    const ghes = { ML_SMOKE_SIGSTORE: '', GITHUB_SERVER_URL: 'https://git.example.com' }
    expect(await attestorFor('public-good', ghes).unavailable()).toBe(
      'https://git.example.com is GitHub Enterprise Server, which has no artifact attestations'
    )
    const tenant = { ML_SMOKE_SIGSTORE: '', GITHUB_SERVER_URL: 'https://acme.ghe.com' }
    expect(await attestorFor('public-good', tenant).unavailable()).toBeNull()
  })
})

describe('ml-smoke verify-artifact', () => {
  async function cli(args: string[], env: Record<string, string> = {}) {
    let stdout = ''
    let stderr = ''
    const code = await main(['verify-artifact', ...args], {
      stdout: text => void (stdout += text),
      stderr: text => void (stderr += text),
      stdin: Readable.from([]),
      cwd: process.cwd(),
      env: { ...process.env, ...env },
      bundleUrl: pathToFileURL(path.join(process.cwd(), 'dist', 'cli', 'index.js')).href
    })
    return { code, stdout, stderr }
  }

  it('checks the attestations offline against --trusted-root, for the --repo named, and prints the gh command', async () => {
    const { folder } = await attestedFolder()
    const passed = await cli([folder, '--repo', 'octo/models', '--trusted-root', trustedRoot])
    expect(passed.code).toBe(0)
    expect(passed.stdout).toBe(
      [
        `artifact verified: 1 files match ml-smoke-manifest.json; attested: SLSA provenance and manifest verified offline against the trusted root in ${trustedRoot}, signed by https://github.com/octo/models/.github/workflows/ci.yml@refs/heads/main (run 4242)`,
        'the same check with the GitHub CLI:',
        `  gh attestation verify ${path.join(folder, 'model.bin')} --bundle ${path.join(folder, ATTESTATIONS_NAME)} --repo octo/models --custom-trusted-root ${trustedRoot}`,
        ''
      ].join('\n')
    )
    const json = await cli([
      folder,
      '--repo',
      'octo/models',
      '--trusted-root',
      trustedRoot,
      '--json'
    ])
    expect(JSON.parse(json.stdout)).toMatchObject({
      valid: true,
      attestation: { problems: [], verified: [{ predicateType: SLSA_PROVENANCE_V1 }, {}] }
    })
  })

  it('an attested artifact needs the repository it should come from; --attest off checks only the manifest', async () => {
    const { folder } = await attestedFolder()
    const unnamed = await cli([folder, '--trusted-root', trustedRoot], { GITHUB_REPOSITORY: '' })
    expect(unnamed.code).toBe(2)
    expect(unnamed.stderr).toContain('the artifact is attested: name the repository')
    const off = await cli([folder, '--attest', 'off'], { GITHUB_REPOSITORY: '' })
    expect(off.code).toBe(0)
    expect(off.stdout).toMatch(/; not attested: the manifest proves integrity, not origin\n$/)
    const other = await cli([folder, '--repo', 'octo/other', '--trusted-root', trustedRoot])
    expect(other.code).toBe(1)
    expect(other.stdout).toMatch(
      /^artifact verification failed: ml-smoke-attestations\.jsonl line 1: it was made in https:\/\/github\.com\/octo\/models, not https:\/\/github\.com\/octo\/other/
    )
    const publicGood = await cli([folder, '--repo', 'octo/models'])
    expect(publicGood.code).toBe(1)
    expect(publicGood.stdout).toContain(
      'give trusted-root (--trusted-root) the file `gh attestation trusted-root` writes'
    )
  })
})
