/**
 * Cancelling a run, as GitHub's runner does (SIGINT, then SIGTERM): the bundled CLI stops the training
 * command's whole process group, removes what it made, and exits with a message and 128 + the signal.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { alive } from './harness/processes.js'

const root = new URL('../', import.meta.url).pathname
const cli = path.join(root, 'dist', 'cli', 'index.js')

async function until<T>(check: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  for (const started = Date.now(); Date.now() - started < ms;) {
    const value = await check()
    if (value !== undefined) return value
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  throw new Error('timed out waiting')
}

describe.each([
  ['SIGTERM', 143],
  ['SIGINT', 130]
] as const)('a run cancelled by %s', (signal, code) => {
  it('stops the command and everything it started, cleans up and says so', async () => {
    const temp = await mkdtemp(path.join(os.tmpdir(), 'cancel-'))
    const out = path.join(temp, 'out')
    const pidFile = path.join(temp, 'worker.pid')
    const child = spawn(
      process.execPath,
      [
        cli,
        'run',
        '--config',
        'fixtures/ml-smoke.yml',
        '--out',
        out,
        '--train-command',
        `sleep 300 & echo $! > ${pidFile}; wait`
      ],
      { cwd: root, env: { ...process.env, TMPDIR: temp, RUNNER_TEMP: '' } }
    )
    let stderr = ''
    child.stderr.on('data', chunk => (stderr += chunk))
    const exited = new Promise<number | null>(resolve => child.on('exit', resolve))
    const worker = await until(async () => {
      const text = await readFile(pidFile, 'utf8').catch(() => '')
      return text.trim() ? Number(text) : undefined
    })
    // The shell prints the pid as it forks; the child is `sleep` once it has exec'd.
    await until(async () =>
      /sleep/.test(await readFile(`/proc/${worker}/stat`, 'utf8').catch(() => ''))
        ? true
        : undefined
    )
    child.kill(signal)
    expect(await exited).toBe(code)
    expect(stderr).toContain(`ml-smoke: cancelled by ${signal}: stopping the running command`)
    expect(await alive(worker)).toBe(false)
    expect((await readdir(temp)).filter(name => name.startsWith('ml-smoke-cmd-'))).toEqual([])
    expect(await readdir(out).catch(() => [])).not.toContain('run')
  }, 30_000)
})
