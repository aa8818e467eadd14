/** ProcessRunner.start: a long-running command in its own process group, as a model server runs. */
import { execFileSync } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from '@jest/globals'
import { freePort } from '../src/predict/http.js'
import { ProcessRunner } from '../src/ports/process-runner.js'

/** Processes whose command line holds `marker`. */
function processesWith(marker: string): string[] {
  const listing = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
  return listing.split('\n').filter(line => line.includes(marker) && !line.includes('ps -eo'))
}

describe('ProcessRunner.start', () => {
  it('runs until stopped; its listening ports are known; stop ends the whole group', async () => {
    const port = await freePort()
    let output = ''
    const server = await new ProcessRunner().start(
      {
        command: `sleep 313 &\nexec python3 -m http.server --bind 127.0.0.1 ${port}`,
        cwd: process.cwd(),
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PYTHONUNBUFFERED: '1' },
        timeoutMs: 60_000
      },
      text => (output += text)
    )
    let ports: number[] = []
    for (let i = 0; i < 100 && !ports.includes(port); i++) {
      await sleep(100)
      ports = await server.listeningPorts()
    }
    expect(ports).toEqual([port])
    expect(processesWith('sleep 313')).toHaveLength(1)
    await server.stop()
    const outcome = await server.exited
    expect(outcome.signal ?? outcome.exitCode).toBeTruthy()
    expect(processesWith('sleep 313')).toEqual([])
    expect(output).toMatch(/Serving HTTP on 127\.0\.0\.1 port \d+/)
  })

  it('a command that exits by itself settles exited with its code', async () => {
    const server = await new ProcessRunner().start(
      {
        command: 'echo starting; exit 3',
        cwd: process.cwd(),
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
        timeoutMs: 60_000
      },
      () => undefined
    )
    expect(await server.exited).toMatchObject({ exitCode: 3, timedOut: false })
    await server.stop()
  })

  it('a working directory that does not exist rejects exited (ENOENT), never an unhandled rejection', async () => {
    const server = await new ProcessRunner().start(
      { command: 'true', cwd: '/no/such/folder', env: {}, timeoutMs: 60_000 },
      () => undefined
    )
    await expect(server.exited).rejects.toMatchObject({ code: 'ENOENT' })
    await server.stop()
  })
})
