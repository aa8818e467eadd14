import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { UserError } from '../errors.js'
import type { CommandOutcome, CommandRunner, CommandSpec } from './types.js'

/** How long a command gets between SIGTERM and SIGKILL when it must stop. */
const KILL_GRACE_MS = 10_000

/** The shells GitHub's `run:` knows, with the same flags; the script goes in a file, as the runner does. */
const SHELLS: Record<string, { template: string; extension: string }> = {
  bash: { template: 'bash --noprofile --norc -eo pipefail {0}', extension: '.sh' },
  sh: { template: 'sh -e {0}', extension: '.sh' },
  pwsh: { template: "pwsh -NoLogo -NoProfile -NonInteractive -command . '{0}'", extension: '.ps1' },
  powershell: {
    template: "powershell -NoLogo -NoProfile -NonInteractive -command . '{0}'",
    extension: '.ps1'
  },
  python: { template: 'python {0}', extension: '.py' },
  cmd: { template: 'cmd /D /E:ON /V:OFF /S /C "CALL "{0}""', extension: '.cmd' }
}

export function shellCommand(
  shell: string | undefined,
  scriptFile: string
): { file: string; args: string[] } {
  const name = shell ?? (process.platform === 'win32' ? 'pwsh' : 'bash')
  const template = SHELLS[name]?.template ?? name
  if (!template.includes('{0}')) {
    throw new UserError(
      `shell "${name}": expected one of ${Object.keys(SHELLS).join(', ')}, or a command with {0} for the script file`
    )
  }
  const [file, ...args] = template.split(' ')
  return { file, args: args.map(arg => arg.replace('{0}', scriptFile)) }
}

export function scriptExtension(shell: string | undefined): string {
  return SHELLS[shell ?? (process.platform === 'win32' ? 'pwsh' : 'bash')]?.extension ?? ''
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

  async run(
    spec: CommandSpec,
    onOutput: (text: string, stream: 'stdout' | 'stderr') => void
  ): Promise<CommandOutcome> {
    const started = Date.now()
    const folder = await mkdtemp(path.join(os.tmpdir(), 'ml-smoke-cmd-'))
    const script = path.join(folder, `command${scriptExtension(spec.shell)}`)
    await writeFile(script, spec.command)
    const { file, args } = shellCommand(spec.shell, script)
    try {
      return await new Promise<CommandOutcome>((resolve, reject) => {
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
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  }
}
