// The bundled CLI run once as a user runs it, measured from outside: wall seconds and peak RSS (GNU time's
// %M, the process's maximum resident set), with what it printed.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const CLI = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url))

export interface TimedRun {
  seconds: number
  peakRssMiB: number
  stdout: string
  /** What the CLI wrote to stderr (GNU time's line taken off). */
  stderr: string
  status: number | null
}

/** `node dist/cli/index.js ...args` under /usr/bin/time. */
export function timedCli(args: string[], node = process.execPath): TimedRun {
  const started = process.hrtime.bigint()
  const child = spawnSync('/usr/bin/time', ['-f', '%M', node, CLI, ...args], {
    encoding: 'utf8',
    maxBuffer: 1e9
  })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const lines = child.stderr.trim().split('\n')
  const peakRssMiB = Number(lines.pop()) / 1024
  return {
    seconds,
    peakRssMiB,
    stdout: child.stdout,
    stderr: lines.join('\n'),
    status: child.status
  }
}
