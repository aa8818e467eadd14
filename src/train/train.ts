import type { CommandRunner, Logger } from '../ports/types.js'
import { LineSplitter, TailBuffer } from './output.js'

export const TAIL_LINES = 30

export interface TrainingSpec {
  command: string
  cwd: string
  env: Record<string, string>
  timeoutMinutes: number
  shell?: string
}

export interface TrainingResult {
  command: string
  exitCode: number | null
  signal: string | null
  timedOut: boolean
  durationMs: number
  timeoutMinutes: number
  /** The last lines the command printed (stdout and stderr), for the failure message. */
  tail: string[]
  outputLines: number
}

/**
 * Runs the user's training command, streaming its output to the log and handing each line (from stdout
 * and stderr alike) to `onLine`, where the loss reader listens.
 */
export async function runTraining(
  spec: TrainingSpec,
  runner: CommandRunner,
  logger: Logger,
  onLine: (line: string, lineNumber: number) => void,
  title = 'Smoke training'
): Promise<TrainingResult> {
  const tail = new TailBuffer(TAIL_LINES)
  let lineNumber = 0
  const handleLine = (line: string): void => {
    lineNumber++
    tail.push(line)
    onLine(line, lineNumber)
  }
  // stdout and stderr are split separately so a line is never glued from both halves.
  const splitters = { stdout: new LineSplitter(handleLine), stderr: new LineSplitter(handleLine) }
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

/** One sentence for a training run that did not succeed, or null when it did. */
export function trainingFailure(
  result: TrainingResult,
  what = 'the training command'
): string | null {
  if (result.timedOut) {
    return `${what} did not finish within timeout-minutes (${result.timeoutMinutes}) and was stopped`
  }
  if (result.signal) return `${what} was killed by ${result.signal}`
  if (result.exitCode !== 0) return `${what} exited with code ${result.exitCode}`
  return null
}
