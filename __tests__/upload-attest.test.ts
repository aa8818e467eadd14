/**
 * The upload stage with attest: what is hashed is what is attested and uploaded, whatever a process
 * left running by the command (or one that goes for the staged copies) does to the files.
 */
import { execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { MemoryAttestor, memoryPorts, type Script } from '../__fixtures__/ports.js'
import { REPORT_NAME, ATTESTATIONS_NAME, MANIFEST_NAME } from '../src/artifact/manifest.js'
import { MANIFEST_PREDICATE_V1, SLSA_PROVENANCE_V1 } from '../src/attest/statements.js'
import { buildConfig } from '../src/config.js'
import { runPipeline } from '../src/pipeline.js'
import { runFolders } from '../src/stage.js'

const fixtures = new URL('../fixtures/', import.meta.url).pathname
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex')

const trains: Script = async (spec, print) => {
  for (const [step, loss] of [0.9, 0.7, 0.5, 0.4, 0.3, 0.25].entries())
    print(`step ${step} loss=${loss}\n`)
  await writeFile(path.join(spec.env.ML_SMOKE_OUTPUT_DIR, 'model.json'), '{"weights": [1, 2]}')
  return 0
}

async function setUp(attest: string, train: Script = trains) {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'upload-attest-'))
  const config = buildConfig(
    {
      dataset: 'iris/iris.csv',
      schema: 'iris/iris.schema.yml',
      'train-command': 'train',
      'sample-rows': 32,
      'artifact-path': '$ML_SMOKE_OUTPUT_DIR/model.json',
      attest
    },
    fixtures,
    name => name
  )
  const ports = memoryPorts({ train }, path.join(temp, 'cache'))
  const folders = runFolders(path.join(temp, 'run'))
  return { ports, folders, run: () => runPipeline(config, ports, folders) }
}

/** The uploaded artifact's files, by name. */
function uploaded(ports: ReturnType<typeof memoryPorts>): Map<string, Buffer> {
  return ports.artifacts.artifacts.get('model')?.files ?? new Map()
}

/** The statements in the uploaded bundle file. */
function statementsIn(files: Map<string, Buffer>) {
  return files
    .get(ATTESTATIONS_NAME)!
    .toString()
    .trim()
    .split('\n')
    .map(line =>
      JSON.parse(Buffer.from(JSON.parse(line).dsseEnvelope.payload, 'base64').toString())
    )
}

describe('attest in the upload stage', () => {
  it('attests exactly the bytes uploaded: the files and the manifest, then puts the bundles in the artifact', async () => {
    const { ports, run } = await setUp('on')
    ports.attestor = new MemoryAttestor()
    const report = await run()
    expect(report.outcome).toBe('passed')
    const files = uploaded(ports)
    expect([...files.keys()].sort()).toEqual([
      ATTESTATIONS_NAME,
      MANIFEST_NAME,
      REPORT_NAME,
      'model.json'
    ])
    const [provenance, manifest] = statementsIn(files)
    expect(provenance).toMatchObject({
      predicateType: SLSA_PROVENANCE_V1,
      subject: [
        { name: 'model.json', digest: { sha256: sha256(files.get('model.json')!) } },
        { name: MANIFEST_NAME, digest: { sha256: sha256(files.get(MANIFEST_NAME)!) } }
      ]
    })
    expect(manifest).toMatchObject({
      predicateType: MANIFEST_PREDICATE_V1,
      subject: [{ name: 'model.json', digest: { sha256: sha256(files.get('model.json')!) } }],
      predicate: JSON.parse(files.get(MANIFEST_NAME)!.toString())
    })
    expect(report.artifact?.attestation).toMatchObject({
      status: 'attested',
      id: '1',
      url: 'https://github.com/octo/models/attestations/1',
      manifestUrl: 'https://github.com/octo/models/attestations/2'
    })
  })

  it('auto without a way to attest: a notice, and the upload goes on unchanged', async () => {
    const { ports, run } = await setUp('auto')
    const report = await run()
    expect(report.outcome).toBe('passed')
    expect(ports.logger.lines.notice).toEqual([
      'not attested (attest: auto): attesting needs the action on GitHub Actions (the CLI cannot sign)'
    ])
    expect([...uploaded(ports).keys()].sort()).toEqual([MANIFEST_NAME, REPORT_NAME, 'model.json'])
  })

  it('auto: attesting that breaks is a warning, never a failed run', async () => {
    const { ports, run } = await setUp('auto')
    ports.attestor = Object.assign(new MemoryAttestor(), { failure: new Error('Fulcio is down') })
    const report = await run()
    expect(report.outcome).toBe('passed')
    expect(ports.logger.lines.warning).toContain('not attested (attest: auto): Fulcio is down')
  })

  it('on: a run that cannot attest stops before training; one whose attesting fails uploads nothing', async () => {
    const early = await setUp('on')
    early.ports.attestor = Object.assign(new MemoryAttestor(), {
      reason: 'the job has no OIDC token'
    })
    const stopped = await early.run()
    expect(stopped.headline).toBe('Pre-flight failed: attest: on, but the job has no OIDC token')
    expect(early.ports.runner.ran).toEqual([])

    const late = await setUp('on')
    late.ports.attestor = Object.assign(new MemoryAttestor(), {
      failure: new Error('Fulcio is down')
    })
    const failed = await late.run()
    expect(failed.headline).toBe(
      'Upload failed: attest: on, but attesting failed: Fulcio is down; nothing was uploaded'
    )
    expect(uploaded(late.ports).size).toBe(0)
  })

  it('a process that rewrites the staged copy after hashing is caught before the upload', async () => {
    const { ports, folders, run } = await setUp('on')
    const staged = path.join(folders.artifactDirectory, 'model.json')
    // Between hashing and uploading: another process makes the copy writable again and changes it.
    const tamper = `const fs = require('fs'); fs.chmodSync(${JSON.stringify(staged)}, 0o644); fs.writeFileSync(${JSON.stringify(staged)}, '{"weights": [6, 6]}')`
    ports.attestor = Object.assign(new MemoryAttestor(), {
      onAttest: () => void execFileSync(process.execPath, ['-e', tamper])
    })
    const report = await run()
    expect(report.headline).toMatch(
      /^Upload failed: the staged artifact changed after it was hashed \(model\.json: sha256 [0-9a-f]{12}…, the manifest says [0-9a-f]{12}…\): something is still writing to it, so nothing was uploaded$/
    )
    expect(uploaded(ports).size).toBe(0)
  })

  it('a process the command left running keeps rewriting the model: the upload is the copy that was hashed', async () => {
    // Saves a new checkpoint (whole, by rename) over and over for 5 s, as an async saver might.
    const loop = (model: string) =>
      `const fs = require('fs'); const end = Date.now() + 5000; let i = 0; while (Date.now() < end) { fs.writeFileSync(${JSON.stringify(model)} + '.tmp', '{"weights": [' + i++ + ']}'); fs.renameSync(${JSON.stringify(model)} + '.tmp', ${JSON.stringify(model)}) }`
    let writer: number | undefined
    const leavesWriter: Script = async (spec, print) => {
      await trains(spec, print)
      const model = path.join(spec.env.ML_SMOKE_OUTPUT_DIR, 'model.json')
      const before = await readFile(model, 'utf8')
      const child = spawn(process.execPath, ['-e', loop(model)], {
        detached: true,
        stdio: 'ignore'
      })
      child.unref()
      writer = child.pid
      while ((await readFile(model, 'utf8')) === before) await new Promise(r => setTimeout(r, 10))
      return 0
    }
    const { ports, run } = await setUp('on', leavesWriter)
    ports.attestor = new MemoryAttestor()
    try {
      const report = await run()
      expect(report.outcome).toBe('passed')
      const files = uploaded(ports)
      const manifest = JSON.parse(files.get(MANIFEST_NAME)!.toString())
      const model = files.get('model.json')!
      expect(manifest.artifact.files[0].sha256).toBe(sha256(model))
      expect(statementsIn(files)[0].subject[0].digest.sha256).toBe(sha256(model))
    } finally {
      if (writer) process.kill(writer)
    }
  })
})
