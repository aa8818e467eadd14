import { execFileSync } from 'node:child_process'
import {
  copyFile,
  mkdir,
  mkdtemp,
  readFile,
  readlink,
  rm,
  symlink,
  writeFile
} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import {
  buildManifest,
  MANIFEST_NAME,
  MAX_MANIFEST_BYTES,
  verifyArtifactFolder
} from '../src/artifact/manifest.js'
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

/** The staged folder as a later job downloads it: the link to the model replaced by the file. */
async function downloaded(folder: string, model: string): Promise<void> {
  await rm(path.join(folder, 'weights/model.bin'))
  await copyFile(model, path.join(folder, 'weights/model.bin'))
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
    // Uploaded and downloaded, the links are files.
    await downloaded(folder, model)
    expect(await verifyArtifactFolder(folder)).toMatchObject({
      checked: 1,
      problems: [],
      unlisted: []
    })
  })

  it('verification names a missing file, a changed file and files the manifest does not list', async () => {
    const { folder, model } = await staged()
    await downloaded(folder, model)
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

  it('reads no symbolic link, FIFO or folder in a downloaded artifact: each is a problem named by its path', async () => {
    const { root, folder, model } = await staged()
    // The staged link itself: a downloaded artifact holding one is refused, not read through.
    expect((await verifyArtifactFolder(folder)).problems).toEqual([
      'weights/model.bin: is a symbolic link; it is not followed'
    ])
    // A folder on the way that is a link (to anywhere, here a copy of the real one).
    const elsewhere = path.join(root, 'elsewhere')
    await mkdir(elsewhere)
    await copyFile(model, path.join(elsewhere, 'model.bin'))
    await rm(path.join(folder, 'weights'), { recursive: true })
    await symlink(elsewhere, path.join(folder, 'weights'))
    expect((await verifyArtifactFolder(folder)).problems).toEqual([
      'weights/model.bin: weights is a symbolic link; it is not followed'
    ])
    await rm(path.join(folder, 'weights'))
    await mkdir(path.join(folder, 'weights/model.bin'), { recursive: true })
    expect((await verifyArtifactFolder(folder)).problems).toEqual([
      'weights/model.bin: is a folder, not a file'
    ])
    // A name the system refuses (found by the fuzzer: ENAMETOOLONG was an internal error).
    const manifest = JSON.parse(await readFile(path.join(folder, MANIFEST_NAME), 'utf8'))
    const long = `${'x'.repeat(300)}/model.bin`
    manifest.artifact.files.push({ path: long, bytes: 1, sha256: 'a'.repeat(64) })
    await writeFile(path.join(folder, MANIFEST_NAME), JSON.stringify(manifest))
    expect((await verifyArtifactFolder(folder)).problems).toEqual([
      'weights/model.bin: is a folder, not a file',
      `${long}: cannot be read (ENAMETOOLONG)`
    ])
    if (process.platform === 'win32') return
    await rm(path.join(folder, 'weights/model.bin'), { recursive: true })
    execFileSync('mkfifo', [path.join(folder, 'weights/model.bin')])
    expect((await verifyArtifactFolder(folder)).problems).toEqual([
      'weights/model.bin: is a FIFO (named pipe), not a file',
      `${long}: cannot be read (ENAMETOOLONG)`
    ])
  })

  it('a manifest that is a link, a FIFO or too large is a problem, and is never read', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'odd-manifest-'))
    const manifest = path.join(folder, MANIFEST_NAME)
    await symlink('/dev/zero', manifest)
    expect((await verifyArtifactFolder(folder)).problems).toEqual([
      `${MANIFEST_NAME} is a symbolic link; it is not followed`
    ])
    await rm(manifest)
    if (process.platform !== 'win32') {
      execFileSync('mkfifo', [manifest])
      expect((await verifyArtifactFolder(folder)).problems).toEqual([
        `${MANIFEST_NAME} is a FIFO (named pipe); expected a regular file`
      ])
      await rm(manifest)
    }
    await writeFile(manifest, Buffer.alloc(MAX_MANIFEST_BYTES + 1, 0x20))
    expect((await verifyArtifactFolder(folder)).problems).toEqual([
      `${MANIFEST_NAME} is 16 MiB; a manifest ml-smoke writes is a few kilobytes`
    ])
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
