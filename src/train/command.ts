import type { Config } from '../config.js'
import { UserError } from '../errors.js'
import type { CommandRunner, Logger, Ports } from '../ports/types.js'
import type { SubsetResult } from '../sample/types.js'
import type { RunFolders } from '../stage.js'
import { childEnvironment, type SmokeVariables } from './environment.js'
import { LineSplitter, TailBuffer } from './output.js'

export const TAIL_LINES = 30

export interface CommandSpec {
  command: string
  cwd: string
  env: Record<string, string>
  timeoutMinutes: number
  shell?: string
}

export interface CommandResult {
  command: string
  /** When it started, in milliseconds since 1970. */
  startedAt: number
  exitCode: number | null
  signal: string | null
  timedOut: boolean
  durationMs: number
  timeoutMinutes: number
  /** The most memory its processes held together, when it could be measured. */
  peakRssBytes?: number
  /** The last lines the command printed (stdout and stderr), for the failure message. */
  tail: string[]
  outputLines: number
}

/** A line of a command's output, its number among all its lines, and the stream it came from. */
export type OnLine = (line: string, lineNumber: number, stream: 'stdout' | 'stderr') => void

/**
 * Runs a user's command, streaming its output to the log and handing each line (from stdout and stderr
 * alike) to `onLine`, where the loss reader listens.
 */
export async function runCommand(
  spec: CommandSpec,
  runner: CommandRunner,
  logger: Logger,
  onLine: OnLine,
  title = 'Smoke training'
): Promise<Omit<CommandResult, 'startedAt'>> {
  const tail = new TailBuffer(TAIL_LINES)
  let lineNumber = 0
  const handleLine = (line: string, stream: 'stdout' | 'stderr'): void => {
    lineNumber++
    tail.push(line)
    onLine(line, lineNumber, stream)
  }
  // stdout and stderr are split separately so a line is never glued from both halves.
  const splitters = {
    stdout: new LineSplitter(line => handleLine(line, 'stdout')),
    stderr: new LineSplitter(line => handleLine(line, 'stderr'))
  }
  logger.startGroup(`${title}: ${spec.command}`)
  let outcome
  try {
    outcome = await runner.run(
      {
        command: spec.command,
        cwd: spec.cwd,
        env: spec.env,
        timeoutMs: spec.timeoutMinutes * 60_000,
        shell: spec.shell
      },
      (text, stream) => {
        logger.output(text)
        splitters[stream].push(text)
      }
    )
  } finally {
    splitters.stdout.finish()
    splitters.stderr.finish()
    logger.endGroup()
  }
  return {
    command: spec.command,
    ...outcome,
    timeoutMinutes: spec.timeoutMinutes,
    tail: tail.toArray(),
    outputLines: lineNumber
  }
}

function mebibytes(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MiB`
}

/** One sentence for a command that did not succeed, or null when it did. */
export function commandFailure(
  result: Omit<CommandResult, 'startedAt'>,
  what = 'the training command'
): string | null {
  if (result.timedOut) {
    return `${what} did not finish within timeout-minutes (${result.timeoutMinutes}) and was stopped`
  }
  // 137 is 128 + 9: the shell's report of a child killed by SIGKILL, which is what the OOM killer sends.
  if (result.signal === 'SIGKILL' || result.exitCode === 137) {
    const used = result.peakRssBytes
      ? ` (its processes used up to ${mebibytes(result.peakRssBytes)})`
      : ''
    return `${what} was killed by SIGKILL${result.exitCode === 137 ? ' (exit code 137)' : ''}: this usually means the runner ran out of memory${used}; use fewer sample-rows, a smaller batch or model, or a larger runner`
  }
  if (result.signal) return `${what} was killed by ${result.signal}`
  if (result.exitCode !== 0) return `${what} exited with code ${result.exitCode}`
  return null
}

export type CommandContextConfig = Pick<
  Config,
  'workingDirectory' | 'shell' | 'timeoutMinutes' | 'env' | 'seed'
>

/** What a user's command needs from the run: where and how it runs, and the subset it works on. */
export interface CommandContext {
  config: CommandContextConfig
  ports: Pick<Ports, 'runner' | 'logger' | 'clock' | 'env'>
  folders: RunFolders
  subset: SubsetResult
}

export interface UserCommand {
  command: string
  /** The log group's title: "Smoke training", "Setup". */
  title: string
  /** The option that holds the command, for messages: "setup-command". */
  option: string
  /** Variables this command gets besides everyone's. */
  env?: Record<string, string>
  onLine?: OnLine
}

/** What every user command sees: the runner's environment minus its secrets, the env input, and ours. */
export function commandEnvironment(context: CommandContext, extra: Record<string, string> = {}) {
  const { config, folders, subset } = context
  const smoke: SmokeVariables = {
    ML_SMOKE_SUBSET: subset.path,
    ML_SMOKE_OUTPUT_DIR: folders.outputDirectory,
    ML_SMOKE_METRICS: folders.metricsFile,
    ML_SMOKE_SEED: String(config.seed),
    ML_SMOKE_ROWS: String(subset.rows),
    ...(subset.labelColumn ? { ML_SMOKE_LABEL_COLUMN: subset.labelColumn } : {}),
    ...(subset.classes ? { ML_SMOKE_CLASSES: Object.keys(subset.classes).join(',') } : {})
  }
  const env = childEnvironment({ ...context.ports.env, ...config.env }, smoke)
  // Python buffers a pipe's output in 8 KiB blocks: a run that hangs or is killed would show nothing.
  env.PYTHONUNBUFFERED ??= '1'
  return { ...env, ...extra }
}

/**
 * Runs one of the user's commands (setup, training, artifact check) the same way: in the configured
 * shell and working directory, with the scrubbed environment, the timeout and a live log group.
 */
export async function runUserCommand(
  context: CommandContext,
  command: UserCommand
): Promise<{ result: CommandResult; failure: string | null }> {
  const { config, ports } = context
  const startedAt = ports.clock.now()
  const result = await runCommand(
    {
      command: command.command,
      cwd: config.workingDirectory,
      env: commandEnvironment(context, command.env),
      timeoutMinutes: config.timeoutMinutes,
      shell: config.shell
    },
    ports.runner,
    ports.logger,
    command.onLine ?? (() => undefined),
    command.title
  ).catch(error => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    throw new UserError(
      `cannot run ${command.option}: working-directory ${config.workingDirectory} or the shell (${config.shell ?? 'bash'}) does not exist`
    )
  })
  return { result: { ...result, startedAt }, failure: commandFailure(result, command.option) }
}
