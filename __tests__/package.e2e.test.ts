/**
 * The package as a user installs it: `npm pack`, then the tarball installed into an empty folder with no
 * network. It must carry the bundles, no dependencies and no install scripts, and its `ml-smoke` must run.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from '@jest/globals'

const run = promisify(execFile)
const root = new URL('../', import.meta.url).pathname
const npm = (args: string[], cwd: string) =>
  run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd })

describe('the npm package', () => {
  it('installs from its tarball offline, with no dependencies or install scripts, and runs', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'package-'))
    const { stdout } = await npm(['pack', root, '--pack-destination', folder, '--json'], folder)
    const [{ filename, files }] = JSON.parse(stdout) as Array<{
      filename: string
      files: Array<{ path: string }>
    }>
    const packed = files.map(file => file.path)
    expect(packed).toEqual(
      expect.arrayContaining(['dist/cli/index.js', 'dist/worker/index.js', 'dist/index.js'])
    )
    expect(packed.filter(file => /^(src|__tests__|fixtures|node_modules)\//.test(file))).toEqual([])

    const consumer = path.join(folder, 'consumer')
    await mkdir(consumer)
    await writeFile(path.join(consumer, 'package.json'), '{"name":"consumer","version":"1.0.0"}')
    await npm(['install', '--offline', path.join(folder, filename)], consumer)
    const installed = JSON.parse(
      await readFile(path.join(consumer, 'node_modules/ml-smoke/package.json'), 'utf8')
    )
    expect(installed.dependencies ?? {}).toEqual({})
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare'])
      expect(installed.scripts?.[script]).toBeUndefined()

    const bin = path.join(consumer, 'node_modules/.bin/ml-smoke')
    expect((await run(bin, ['--help'])).stdout).toMatch(/^ml-smoke: a CI gate/)
    const fixtures = path.join(root, 'fixtures/iris')
    const validate = await run(bin, [
      'validate',
      '--dataset',
      path.join(fixtures, 'iris.csv'),
      '--schema',
      path.join(fixtures, 'iris.schema.yml')
    ])
    expect(validate.stdout).toBe('valid: 150 rows, 0 violations\n')
  }, 120_000)
})
