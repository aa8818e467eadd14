import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { fuzzTarget, runInput } from '../fuzz/engine.js'
import { MANIFEST_NAME, verifyArtifactFolder } from '../src/artifact/manifest.js'
import { TARGETS } from '../fuzz/targets.js'

const root = new URL('..', import.meta.url).pathname
const findings = path.join(root, 'fixtures/fuzz')

// A short budget of every fuzzer (npm run fuzz runs them for as long as asked): no exception but a
// UserError, and each input within its time limit.
describe('fuzzers (fuzz/run.ts), a short run each', () => {
  it.each(TARGETS.map(target => [target.name, target] as const))('%s', async (_name, target) => {
    const folder = await mkdtemp(path.join(os.tmpdir(), `fuzz-${target.name}-`))
    const report = await fuzzTarget(target, {
      seed: 1,
      from: 0,
      count: 60,
      seconds: 0.5,
      hugeBytes: 2 ** 20,
      folder
    })
    expect(report.inputs).toBeGreaterThan(0)
    expect(report.findings).toEqual([])
  })
})

/** What each input the fuzzers found (fixtures/fuzz/<target>-<what>.<ext>) does now. */
const EXPECTED: Record<string, RegExp> = {
  // 26 KB: an RLE run of 2^31 dictionary indices grew an array to 2.4 GB ("Invalid array length") in
  // column "day"; that run now stops at the page's end, and a later page header is refused.
  'parquet-rle-run-past-page.parquet':
    /row group 1, column "seen": cannot decode a page: a page header: /,
  // A date of the year 3,447,192 (text, not a Date) could not be written into a Parquet subset.
  'parquet-date-past-275760.parquet': /cannot write the subset of .* as Parquet with its schema/,
  // A listed path of 2,000 characters: open failed with ENAMETOOLONG, an internal error. Now a problem.
  'manifest-name-too-long.json': /ENAMETOOLONG/
}

describe('inputs the fuzzers found (fixtures/fuzz)', () => {
  const files = readdirSync(findings).sort()

  it('every one has its expected answer here', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort())
  })

  it.each(files.filter(name => !name.startsWith('manifest')))(
    '%s: refused with a UserError that says why',
    async name => {
      const target = TARGETS.find(t => t.name === name.split('-')[0])!
      const folder = await mkdtemp(path.join(os.tmpdir(), 'finding-'))
      const bytes = await readFile(path.join(findings, name))
      const outcome = await runInput(target, { name, bytes }, folder)
      expect(outcome).toMatchObject({ refused: true })
      // The message, through the target's own run (runInput only says it was a UserError).
      await expect(target.run(path.join(folder, 'input', name), folder)).rejects.toThrow(
        EXPECTED[name]
      )
    }
  )

  it('manifest-name-too-long.json: verify-artifact names the path it cannot open', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'finding-'))
    await mkdir(path.join(folder, 'model'))
    await writeFile(
      path.join(folder, MANIFEST_NAME),
      await readFile(path.join(findings, 'manifest-name-too-long.json'))
    )
    const { problems } = await verifyArtifactFolder(folder)
    expect(problems).toEqual([expect.stringMatching(EXPECTED['manifest-name-too-long.json'])])
  })

  it('each stays under 300 MiB of RSS in a process of its own (npm run fuzz -- --replay)', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'fuzz/run.ts',
        '--replay',
        '--max-rss-mb',
        '300',
        ...files.map(f => path.join(findings, f))
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } }
    )
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
  })
})
