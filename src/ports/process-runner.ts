import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { undoOnCancel } from '../cancel.js'
import { UserError } from '../errors.js'
import type { CommandOutcome, CommandRunner, CommandSpec, RunningCommand } from './types.js'

/** How long a command gets between SIGTERM and SIGKILL when it must stop. */
const KILL_GRACE_MS = 10_000
/** On cancel the runner kills ml-smoke itself about 10 s after its SIGINT: stop the command sooner. */
const CANCEL_GRACE_MS = 3000

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

/**
 * The shell started by a small `sh` that waits for it, so the command's parent process holds only the
 * scrubbed environment: `/proc/$PPID/environ` shows the command nothing it was not given. (Any process of
 * the same user can still read ml-smoke's own environment, as any `run:` step can; see the README.)
 */
function launched(command: { file: string; args: string[] }): { file: string; args: string[] } {
  if (process.platform === 'win32') return command
  // Running more after the command keeps sh from replacing itself with it (the last-command exec
  // shortcut); a command killed by a signal (status 128 + n) kills sh with the same one, so it reads the same.
  const script = '"$@"; s=$?; [ $s -gt 128 ] && [ $s -lt 160 ] && kill -$((s - 128)) $$; exit $s'
  return { file: '/bin/sh', args: ['-c', script, 'ml-smoke', command.file, ...command.args] }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, signal)
  } catch {
    // The group is already gone.
  }
}

/** The processes of group `pgid` (Linux; none elsewhere), each with its resident pages. */
async function groupProcesses(pgid: number): Promise<Array<{ pid: string; rssPages: number }>> {
  if (process.platform !== 'linux') return []
  const members = []
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '')
    // Fields after the command name, which may hold spaces and parentheses: pgrp is the 3rd, rss the 22nd.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(fields[2]) === pgid) members.push({ pid: entry, rssPages: Number(fields[21]) })
  }
  return members
}

/** The pages of memory the process group `pgid` holds now, in bytes (Linux; 0 elsewhere). */
async function groupRss(pgid: number): Promise<number> {
  const members = await groupProcesses(pgid)
  return members.reduce((total, member) => total + member.rssPages * PAGE_BYTES, 0)
}

const TCP_LISTEN = '0A'

/** The TCP ports the group `pgid` listens on: its sockets' inodes looked up in /proc/net/tcp(6). */
async function groupListeningPorts(pgid: number): Promise<number[]> {
  const inodes = new Set<string>()
  for (const { pid } of await groupProcesses(pgid)) {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[])
    for (const fd of fds) {
      const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1]
      if (inode) inodes.add(inode)
    }
  }
  const ports = new Set<number>()
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(table, 'utf8').catch(() => '')
    for (const line of text.split('\n').slice(1)) {
      // sl, local address:port (hex), remote, state, queues, timer, retransmits, uid, timeout, inode
      const fields = line.trim().split(/\s+/)
      if (fields[3] === TCP_LISTEN && inodes.has(fields[9]))
        ports.add(parseInt(fields[1].split(':')[1], 16))
    }
  }
  return [...ports].sort((a, b) => a - b)
}

const PAGE_BYTES = 4096
const MEMORY_SAMPLE_MS = 1000

/** The largest memory the group held, sampled every second while it runs. */
function watchMemory(pgid: number): { stop: () => number } {
  let peak = 0
  const sample = (): void => {
    void groupRss(pgid).then(rss => (peak = Math.max(peak, rss)))
  }
  sample()
  const timer = setInterval(sample, MEMORY_SAMPLE_MS)
  return {
    stop: () => {
      clearInterval(timer)
      return peak
    }
  }
}

/**
 * Runs the command in its own process group, so that on timeout, on cancel, and after it exits, every
 * process it started (data loader workers, a forgotten `sleep &`) is stopped too. @actions/exec exposes
 * neither the child nor a kill switch, so it cannot do this. The script goes to RUNNER_TEMP, as the
 * runner puts a `run:` step's.
 */
export class ProcessRunner implements CommandRunner {
  constructor(
    private readonly graceMs = KILL_GRACE_MS,
    private readonly tempDirectory = process.env.RUNNER_TEMP || os.tmpdir()
  ) {}

  async run(
    spec: CommandSpec,
    onOutput: (text: string, stream: 'stdout' | 'stderr') => void
  ): Promise<CommandOutcome> {
    const folder = await mkdtemp(path.join(this.tempDirectory, 'ml-smoke-cmd-'))
    try {
      const child = await this.spawnScript(spec, folder, onOutput)
      const exited = this.supervise(child, spec.timeoutMs)
      const undo = async (): Promise<void> => {
        await this.stop(child, exited)
        await rm(folder, { recursive: true, force: true })
      }
      return await undoOnCancel(undo, () => exited)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  }

  /**
   * Starts a command that runs until stopped (a model server), the same way as run(). It stays
   * registered for cancellation until it has exited, so a cancelled run stops its whole group too.
   */
  async start(
    spec: CommandSpec,
    onOutput: (text: string, stream: 'stdout' | 'stderr') => void
  ): Promise<RunningCommand> {
    const folder = await mkdtemp(path.join(this.tempDirectory, 'ml-smoke-cmd-'))
    const removeFolder = () => rm(folder, { recursive: true, force: true })
    const child = await this.spawnScript(spec, folder, onOutput).catch(async error => {
      await removeFolder()
      throw error
    })
    const supervised = this.supervise(child, spec.timeoutMs)
    const exited = supervised.finally(removeFolder)
    const stop = () => this.stop(child, exited)
    // Handled here so that a command that cannot start is not an unhandled rejection before it is read.
    exited.catch(() => undefined)
    void undoOnCancel(stop, () => exited).catch(() => undefined)
    return {
      exited,
      stop,
      listeningPorts: () => (child.pid ? groupListeningPorts(child.pid) : Promise.resolve([]))
    }
  }

  /** The command in a script file in `folder`, started in its own process group. */
  private async spawnScript(
    spec: CommandSpec,
    folder: string,
    onOutput: (text: string, stream: 'stdout' | 'stderr') => void
  ): Promise<ChildProcess> {
    const script = path.join(folder, `command${scriptExtension(spec.shell)}`)
    await writeFile(script, spec.command)
    const { file, args } = launched(shellCommand(spec.shell, script))
    const child = spawn(file, args, {
      cwd: spec.cwd,
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32'
    })
    child.stdout.setEncoding('utf8').on('data', (text: string) => onOutput(text, 'stdout'))
    child.stderr.setEncoding('utf8').on('data', (text: string) => onOutput(text, 'stderr'))
    return child
  }

  /** Waits for the command, stopping it at the timeout; the outcome once its output has all arrived. */
  private supervise(child: ChildProcess, timeoutMs: number): Promise<CommandOutcome> {
    const started = Date.now()
    const memory = child.pid ? watchMemory(child.pid) : { stop: () => 0 }
    return new Promise<CommandOutcome>((resolve, reject) => {
      let timedOut = false
      let killTimer: NodeJS.Timeout | undefined
      const timeout = setTimeout(() => {
        timedOut = true
        if (!child.pid) return
        signalGroup(child.pid, 'SIGTERM')
        killTimer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), this.graceMs)
      }, timeoutMs)
      const settle = (): number => {
        clearTimeout(timeout)
        clearTimeout(killTimer)
        return memory.stop()
      }
      child.on('error', error => {
        settle()
        reject(error)
      })
      child.on('exit', (exitCode, signal) => {
        // Leftover background processes would hold the pipes open and outlive the step.
        if (child.pid) signalGroup(child.pid, 'SIGKILL')
        const peakRssBytes = settle()
        const outcome = (): CommandOutcome => ({
          exitCode,
          signal: timedOut ? null : signal,
          timedOut,
          durationMs: Date.now() - started,
          ...(peakRssBytes ? { peakRssBytes } : {})
        })
        void Promise.all(
          [child.stdout, child.stderr]
            .filter(stream => stream && !stream.closed)
            .map(stream => new Promise(done => stream!.once('close', done)))
        ).then(() => resolve(outcome()))
      })
    })
  }

  /** On cancel, or a server's end: SIGTERM to the whole group, SIGKILL after a short grace; waits for the exit. */
  private async stop(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
    if (!child.pid || child.exitCode !== null || child.signalCode !== null) return
    signalGroup(child.pid, 'SIGTERM')
    const kill = setTimeout(
      () => signalGroup(child.pid!, 'SIGKILL'),
      Math.min(this.graceMs, CANCEL_GRACE_MS)
    )
    await exited.catch(() => undefined)
    clearTimeout(kill)
  }
}
