import { mkdir, mkdtemp, readlink, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { buildManifest, MANIFEST_NAME, verifyArtifactFolder } from '../src/artifact/manifest.js'
import { stageArtifact } from '../src/artifact/staging.js'

async function staged() {
  const root = await mkdtemp(path.join(os.tmpdir(), 'manifest-'))
  const model = path.join(root, 'out', 'weights', 'model.bin')
  await mkdir(path.dirname(model), { recursive: true })
  await writeFile(model, 'weights')
  await writeFile(path.join(root, 'data.csv'), 'a\n1\n')
  await writeFile(path.join(root, 'schema.yml'), 'fields: [{name: a}]')
  const files = [{ name: 'weights/model.bin', path: model, size: 7 }]
  const manifest = await buildManifest({
    env: { GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'abc', GITHUB_RUN_ID: '9' },
    version: '0.1.0',
    now: new Date('2026-01-01T00:00:00Z'),
    dataset: { path: 'data.csv', file: path.join(root, 'data.csv'), rows: 1, violations: 0 },
    schema: { path: 'schema.yml', file: path.join(root, 'schema.yml') },
    subset: { strategy: 'head', seed: 0, rows: 1, sha256: 'f'.repeat(64) },
    training: { command: 'train', exitCode: 0, durationMs: 5 },
    loss: {
      verdict: 'pass',
      reason: 'fell',
      source: 'command output',
      format: 'output',
      key: 'loss',
      points: 2,
      first: 1,
      last: 0.5,
      min: 0.5,
      drop: 0.5
    },
    artifact: { name: 'model', files }
  })
  const folder = path.join(root, 'artifact')
  const paths = await stageArtifact(folder, files, JSON.stringify(manifest))
  return { root, folder, model, manifest, paths }
}

describe('provenance manifest', () => {
  it('records hashes of the dataset, schema and every file, and links the files into the artifact folder', async () => {
    const { folder, model, manifest, paths } = await staged()
    expect(manifest.dataset).toMatchObject({
      bytes: 4,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/)
    })
    expect(manifest.git).toMatchObject({ repository: 'o/r', sha: 'abc', runId: '9', ref: null })
    const { createHash } = await import('node:crypto')
    expect(manifest.artifact.files).toEqual([
      {
        path: 'weights/model.bin',
        bytes: 7,
        sha256: createHash('sha256').update('weights').digest('hex')
      }
    ])
    expect(paths).toEqual([
      path.join(folder, 'weights/model.bin'),
      path.join(folder, MANIFEST_NAME)
    ])
    expect(await readlink(path.join(folder, 'weights/model.bin'))).toBe(model)
    expect(await verifyArtifactFolder(folder)).toMatchObject({
      checked: 1,
      problems: [],
      unlisted: []
    })
  })

  it('verification names a missing file, a changed file and files the manifest does not list', async () => {
    const { folder } = await staged()
    await writeFile(path.join(folder, 'extra.txt'), 'x')
    const copy = path.join(folder, 'weights/model.bin')
    await rm(copy)
    expect((await verifyArtifactFolder(folder)).problems).toEqual(['weights/model.bin: missing'])
    await writeFile(copy, 'weightz')
    const changed = await verifyArtifactFolder(folder)
    expect(changed.problems).toEqual([
      expect.stringMatching(/^weights\/model\.bin: sha256 [0-9a-f]{12}…, the manifest says/)
    ])
    expect(changed.unlisted).toEqual(['extra.txt'])
    await writeFile(copy, 'weights!')
    expect((await verifyArtifactFolder(folder)).problems).toEqual([
      'weights/model.bin: 8 bytes, the manifest says 7'
    ])
  })

  it('a missing or malformed manifest is a problem, not a crash', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'empty-'))
    expect((await verifyArtifactFolder(empty)).problems[0]).toMatch(
      /^ml-smoke-manifest\.json not found in .*: was this artifact uploaded by ml-smoke\?$/
    )
    await writeFile(path.join(empty, MANIFEST_NAME), '{"schemaVersion": 3}')
    expect((await verifyArtifactFolder(empty)).problems[0]).toMatch(
      /^ml-smoke-manifest\.json: schemaVersion: /
    )
    await writeFile(path.join(empty, MANIFEST_NAME), '{"schemaVersion": ')
    expect((await verifyArtifactFolder(empty)).problems[0]).toMatch(
      /^ml-smoke-manifest\.json is not valid JSON: /
    )
  })

  it("refuses a model file that would take the manifest's name", async () => {
    const { root } = await staged()
    await expect(
      stageArtifact(
        path.join(root, 'x'),
        [{ name: MANIFEST_NAME, path: path.join(root, 'data.csv'), size: 4 }],
        '{}'
      )
    ).rejects.toThrow(/rename it/)
  })
})
