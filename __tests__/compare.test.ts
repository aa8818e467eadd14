/** The compare stage in the pipeline (in-memory ports), the baseline lookup, and `ml-smoke compare`. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { MemoryGitHubApi } from '../__fixtures__/github.js'
import { memoryPorts, type Script } from '../__fixtures__/ports.js'
import { main } from '../src/cli/main.js'
import { GitHubBaseline, reportArtifactName } from '../src/compare/lookup.js'
import { buildConfig } from '../src/config.js'
import { runPipeline } from '../src/pipeline.js'
import type { BaselineSource } from '../src/ports/types.js'
import { renderSummary } from '../src/report/summary.js'
import { runFolders } from '../src/stage.js'

const fixtures = new URL('../fixtures/', import.meta.url).pathname

/** A trainer whose loss ends at `end`. */
const trainer =
  (end: number): Script =>
  async (spec, print) => {
    for (const [step, loss] of [0.9, 0.7, 0.5, 0.4, 0.3, end].entries())
      print(`step ${step} loss=${loss}\n`)
    await writeFile(path.join(spec.env.ML_SMOKE_OUTPUT_DIR, 'model.json'), '{"w": [1]}')
    return 0
  }

async function run(options: Record<string, unknown>, end: number, baseline?: BaselineSource) {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'compare-'))
  const config = buildConfig(
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
  const ports = { ...memoryPorts({ train: trainer(end) }, path.join(temp, 'cache')), baseline }
  const report = await runPipeline(config, ports, runFolders(path.join(temp, 'run')))
  // The uploaded artifact, as a later run downloads it.
  const folder = path.join(temp, 'artifact')
  await ports.artifacts.download('model', folder).catch(() => undefined)
  return { report, folder }
}

const from = (folder: string): BaselineSource => ({
  fetch: async target => {
    await (await import('node:fs/promises')).cp(folder, target, { recursive: true })
    return {
      found: true,
      runId: 11,
      url: 'https://github.com/octo/models/actions/runs/11',
      branch: 'main',
      sha: 'b'.repeat(40)
    }
  }
})

describe('the compare stage', () => {
  it('runs after the upload only with a baseline source, and is absent otherwise', async () => {
    const { report } = await run({}, 0.25)
    expect(report.stages.map(stage => stage.name)).not.toContain('compare')
  })

  it('compares with the baseline: loss delta, no regression within max-loss-regression', async () => {
    const base = await run({}, 0.25)
    const { report } = await run({}, 0.26, from(base.folder))
    const stage = report.stages.find(s => s.name === 'compare')!
    expect(stage.status).toBe('passed')
    expect(stage.message).toMatch(/^against run 11 \(main @ bbbbbbb\); final loss \+/)
    const comparison = report.comparison!.comparison!
    expect(comparison.loss).toMatchObject({ measure: 'end', regression: false, reachedAt: 5 })
    expect(comparison.data.rows).toEqual({ key: 'rows', base: 150, head: 150 })
    expect(comparison.data.drift?.columns.every(column => column.level === 'ok')).toBe(true)
    expect(comparison.changed).toEqual([])
    const summary = renderSummary(report)
    expect(summary).toContain('### Against the baseline')
    expect(summary).toContain('line [') // the chart of both curves
  })

  it('a loss beyond max-loss-regression fails the run, or warns with on-regression: warn', async () => {
    const base = await run({}, 0.1)
    const failed = await run({}, 0.3, from(base.folder))
    expect(failed.report.outcome).toBe('failed')
    expect(failed.report.headline).toMatch(/^Baseline failed: .*regression: final loss/)
    const warned = await run({ 'on-regression': 'warn' }, 0.3, from(base.folder))
    expect(warned.report.outcome).toBe('passed')
  })

  it('a different subset is compared with a warning naming the change; no baseline is a note', async () => {
    const base = await run({}, 0.25)
    const { report } = await run({ seed: 3 }, 0.25, from(base.folder))
    expect(report.comparison!.comparison!.changed).toEqual(
      ['subset seed: 0 → 3', expect.stringMatching(/^subset/)].slice(0, 1)
    )
    const none = await run({}, 0.25, { fetch: async () => ({ found: false, note: 'no run yet' }) })
    expect(none.report.outcome).toBe('passed')
    expect(none.report.stages.at(-1)!.message).toBe('not compared: no run yet')
  })
})

describe('GitHubBaseline', () => {
  async function reportFolder(): Promise<string> {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'baseline-'))
    await mkdir(folder, { recursive: true })
    await writeFile(path.join(folder, 'ml-smoke-manifest.json'), '{}')
    return folder
  }
  const request = {
    repository: 'octo/models',
    runId: 50,
    baseBranch: 'main',
    artifactName: 'model'
  }

  it("finds the newest green run of this workflow on the base branch that has the report, not a fork's", async () => {
    const api = new MemoryGitHubApi()
    api.addRun({ id: 50, event: 'pull_request', headBranch: 'feature' })
    api.addRun({ id: 40 })
    api.addRun({ id: 45, event: 'pull_request', headRepository: 'fork/models' })
    api.addRun({ id: 44 })
    const folder = await reportFolder()
    api.addArtifact(40, reportArtifactName('model'), folder)
    api.addArtifact(45, reportArtifactName('model'), folder)
    api.addArtifact(44, 'something-else', folder)
    const target = await mkdtemp(path.join(os.tmpdir(), 'fetched-'))
    expect(await new GitHubBaseline(api, request).fetch(target)).toMatchObject({
      found: true,
      runId: 40
    })
    expect(api.calls).not.toContain('listRunArtifacts 45')
  })

  it('no run, an expired artifact, a 403: notes, never failures', async () => {
    const api = new MemoryGitHubApi()
    api.addRun({ id: 50, event: 'pull_request', headBranch: 'feature' })
    const target = await mkdtemp(path.join(os.tmpdir(), 'fetched-'))
    expect(await new GitHubBaseline(api, request).fetch(target)).toEqual({
      found: false,
      note: 'no successful run of this workflow on main yet'
    })
    api.addRun({ id: 41 })
    api.addArtifact(41, reportArtifactName('model'), await reportFolder(), true)
    expect(await new GitHubBaseline(api, request).fetch(target)).toMatchObject({
      note: expect.stringMatching(/has expired$/)
    })
    expect(
      await new GitHubBaseline(api, { ...request, pinnedRun: 999 }).fetch(target)
    ).toMatchObject({
      found: false,
      note: expect.stringMatching(/^the baseline lookup failed: .*404/)
    })
  })
})

describe('ml-smoke compare', () => {
  it('compares two artifact folders and exits 1 on a regression', async () => {
    const base = await run({}, 0.1)
    const head = await run({}, 0.3)
    const out: string[] = []
    const io = {
      stdout: (text: string) => void out.push(text),
      stderr: (text: string) => void out.push(text),
      stdin: process.stdin,
      cwd: process.cwd(),
      env: {},
      bundleUrl: import.meta.url
    }
    expect(await main(['compare', base.folder, head.folder], io)).toBe(1)
    expect(out.join('')).toContain('❌ Regression: final loss')
    out.length = 0
    expect(
      await main(['compare', base.folder, head.folder, '--on-regression', 'warn', '--json'], io)
    ).toBe(0)
    expect(JSON.parse(out.join('')).comparison.loss.regression).toBe(true)
  })
})
