// predict-command: the held-out rows in a file, the user's own code loading the model and answering, the
// answers read from the output file (or, when there is none, from stdout).
import { stat } from 'node:fs/promises'
import { runUserCommand, type CommandContext, type CommandResult } from '../train/command.js'
import { AnswerLines, readAnswerFile, type AnswerSet } from './answers.js'
import type { PredictFormat, PredictLatency } from './types.js'

/** Answers read past the rows sent, before the rest are only counted. */
export const EXTRA_ANSWERS_KEPT = 1000

/** What a predict run or a server collected: the answers as read, and how it went. */
export interface Collected {
  answers: AnswerSet
  latency: PredictLatency
  /** Why the command or server failed, when it did; its last lines. */
  failure?: string
  tail?: string[]
}

export interface CommandCollected extends Collected {
  run: CommandResult
  answersFrom: 'file' | 'stdout'
}

export interface PredictFiles {
  input: string
  output: string
  format: PredictFormat
  rows: number
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null))?.isFile() ?? false
}

/**
 * Runs predict-command as every user command runs (shell, scrubbed environment, process group, live
 * log), with predict-timeout-minutes. The output file wins when the command wrote one; otherwise the
 * lines of stdout that start with `{` are the answers and the rest is its log.
 */
export async function predictByCommand(
  context: CommandContext,
  command: string,
  files: PredictFiles,
  timeoutMinutes: number
): Promise<CommandCollected> {
  const keep = files.rows + EXTRA_ANSWERS_KEPT
  const stdout = new AnswerLines(keep, true, context.ports.clock.now)
  let stdoutLine = 0
  const { result, failure } = await runUserCommand(
    { ...context, config: { ...context.config, timeoutMinutes } },
    {
      command,
      title: 'Model API: predict-command',
      option: 'predict-command',
      env: {
        ML_SMOKE_PREDICT_INPUT: files.input,
        ML_SMOKE_PREDICT_OUTPUT: files.output,
        ML_SMOKE_PREDICT_FORMAT: files.format,
        ML_SMOKE_PREDICT_ROWS: String(files.rows)
      },
      onLine: (line, _number, stream) => {
        if (stream === 'stdout') stdout.push(line, ++stdoutLine)
      }
    }
  )
  const fromFile = await isFile(files.output)
  const answers = fromFile ? await readAnswerFile(files.output, keep) : stdout
  const firstAnswerMs =
    !fromFile && stdout.firstAt !== undefined ? stdout.firstAt - result.startedAt : undefined
  return {
    answers,
    answersFrom: fromFile ? 'file' : 'stdout',
    run: result,
    latency: {
      totalMs: result.durationMs,
      ...(firstAnswerMs !== undefined ? { firstAnswerMs } : {})
    },
    ...(failure ? { failure, tail: result.tail } : {})
  }
}
