import { spawn } from 'node:child_process'
import type { CommandOutcome, CommandRunner, CommandSpec } from './types.js'

/** How long a command gets between SIGTERM and SIGKILL when it must stop. */
const KILL_GRACE_MS = 10_000

function shellFor(command: string): { file: string; args: string[] } {
  if (process.platform === 'win32') {
    return { file: 'pwsh', args: ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', command] }
  }
  // The same flags GitHub's `run:` uses for bash: a failing command in a pipeline fails the step.
  return { file: 'bash', args: ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command] }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, signal)
  } catch {
    // The group is already gone.
  }
}

/**
 * Runs the command in its own process group, so that on timeout, and after it exits, every process it
 * started (data loader workers, a forgotten `sleep &`) is stopped too. @actions/exec exposes neither the
 * child nor a kill switch, so it cannot do this.
 */
export class ProcessRunner implements CommandRunner {
  constructor(private readonly graceMs = KILL_GRACE_MS) {}

  run(
    spec: CommandSpec,
    onOutput: (text: string, stream: 'stdout' | 'stderr') => void
  ): Promise<CommandOutcome> {
    const started = Date.now()
    const { file, args } = shellFor(spec.command)
    return new Promise((resolve, reject) => {
      const child = spawn(file, args, {
        cwd: spec.cwd,
        env: spec.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: process.platform !== 'win32'
      })
      let timedOut = false
      let killTimer: NodeJS.Timeout | undefined
      const timeout = setTimeout(() => {
        timedOut = true
        if (child.pid) signalGroup(child.pid, 'SIGTERM')
        killTimer = setTimeout(() => child.pid && signalGroup(child.pid, 'SIGKILL'), this.graceMs)
      }, spec.timeoutMs)
      child.stdout.setEncoding('utf8').on('data', (text: string) => onOutput(text, 'stdout'))
      child.stderr.setEncoding('utf8').on('data', (text: string) => onOutput(text, 'stderr'))
      child.on('error', error => {
        clearTimeout(timeout)
        clearTimeout(killTimer)
        reject(error)
      })
      child.on('exit', (exitCode, signal) => {
        clearTimeout(timeout)
        clearTimeout(killTimer)
        // Leftover background processes would hold the pipes open and outlive the step.
        if (child.pid) signalGroup(child.pid, 'SIGKILL')
        const finish = (): void =>
          resolve({
            exitCode,
            signal: timedOut ? null : signal,
            timedOut,
            durationMs: Date.now() - started
          })
        const streams = [child.stdout, child.stderr].filter(stream => !stream.closed)
        let open = streams.length
        if (open === 0) finish()
        for (const stream of streams) {
          stream.once('close', () => {
            if (--open === 0) finish()
          })
        }
      })
    })
  }
}
