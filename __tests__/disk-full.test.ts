/** A full disk loses nothing and leaves nothing behind: writes go through a temporary file, renamed whole. */
import { spawn } from 'node:child_process'
import { openSync } from 'node:fs'
import { mkdtemp, readdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { describeError, UserError } from '../src/errors.js'
import { writeAtomically } from '../src/file-info.js'

const root = new URL('../', import.meta.url).pathname

function diskFull(file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device, write`), {
    code: 'ENOSPC',
    path: file
  })
}

describe('a full disk', () => {
  it('leaves neither a partial file nor the temporary one, and says where', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'full-'))
    const target = path.join(folder, 'subset.csv')
    const failing = writeAtomically(target, async temporary => {
      await writeFile(temporary, 'x'.repeat(65536))
      throw diskFull(temporary)
    })
    await expect(failing).rejects.toBeInstanceOf(UserError)
    await expect(failing).rejects.toThrow(`disk full at ${target}: nothing was written there`)
    expect(await readdir(folder)).toEqual([])
    await writeAtomically(target, temporary => writeFile(temporary, 'a,b\n'))
    expect(await readdir(folder)).toEqual(['subset.csv'])
  })

  it('anywhere else is named by its path, never an internal error', () => {
    expect(describeError(diskFull('/out/run/output/model.pt'))).toBe(
      'disk full at /out/run/output/model.pt: free some space (or write elsewhere) and run again'
    )
  })

  it('the CLI whose standard output is a full device says so and exits 2, no stack trace', async () => {
    const child = spawn(
      process.execPath,
      [
        path.join(root, 'dist/cli/index.js'),
        'validate',
        '--dataset',
        'fixtures/iris/iris.csv',
        '--schema',
        'fixtures/iris/iris.schema.yml',
        '--json'
      ],
      { cwd: root, stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'] }
    )
    let stderr = ''
    child.stderr!.on('data', chunk => (stderr += chunk))
    const code = await new Promise(resolve => child.on('close', resolve))
    expect(code).toBe(2)
    expect(stderr).toBe('ml-smoke: disk full: the result could not be written to standard output\n')
  })
})
