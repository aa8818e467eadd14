// serve-command: the user's model server started on a free port in its own process group, polled until
// ready, asked one held-out row per request, and stopped (its whole group) whatever happens.
import { setTimeout as sleep } from 'node:timers/promises'
import type { Config } from '../config.js'
import { UserError } from '../errors.js'
import type { CommandOutcome, RunningCommand } from '../ports/types.js'
import {
  commandEnvironment,
  commandFailure,
  TAIL_LINES,
  type CommandContext
} from '../train/command.js'
import { LineSplitter, TailBuffer } from '../train/output.js'
import { parsePythonJson } from '../json.js'
import { asAnswerObject, describe, isObject, type Answer, type AnswerSet } from './answers.js'
import type { Collected } from './command.js'
import { cappedText, freePort, networkWords, probe } from './http.js'
import {
  PORT_PLACEHOLDER,
  type AnswerViolation,
  type PredictLatency,
  type PredictRequest
} from './types.js'

const POLL_MS = 200
const PROBE_TIMEOUT_MS = 2000
/** An answer to one row over this size is not read. */
const MAX_ANSWER_BYTES = 1024 * 1024

export type ServerConfig = CommandContext['config'] &
  Pick<
    Config,
    'serveTimeoutSeconds' | 'predictTimeoutMinutes' | 'predictUrl' | 'readyUrl' | 'predictRequest'
  >

export interface ServerCollected extends Collected {
  url: string
}

/** The server's output: to the log as it comes, its last lines kept for a failure. */
function serverOutput(logger: CommandContext['ports']['logger']) {
  const tail = new TailBuffer(TAIL_LINES)
  const splitters = {
    stdout: new LineSplitter(line => tail.push(line)),
    stderr: new LineSplitter(line => tail.push(line))
  }
  return {
    onOutput: (text: string, stream: 'stdout' | 'stderr') => {
      logger.output(text)
      splitters[stream].push(text)
    },
    tail: () => {
      splitters.stdout.finish()
      splitters.stderr.finish()
      return tail.toArray()
    }
  }
}

function exitWords(outcome: CommandOutcome): string {
  const result = { ...outcome, command: '', timeoutMinutes: 0, tail: [], outputLines: 0 }
  return commandFailure(result, 'serve-command') ?? 'serve-command exited with code 0'
}

/** The port hint for a server that never answered: it listens, but elsewhere. */
async function portHint(server: RunningCommand, port: number): Promise<string> {
  const ports = await server.listeningPorts().catch((): number[] => [])
  if (!ports.length || ports.includes(port)) return ''
  return `; it listens on port ${ports.join(', ')}, not the port ml-smoke gave it in ML_SMOKE_PORT (${port})`
}

/** Polls until the server is ready; why it is not (exited, or what the probe last got), or null. */
async function waitReady(
  server: RunningCommand,
  target: { readyUrl?: string; host: string; port: number },
  seconds: number
): Promise<string | null> {
  const deadline = performance.now() + seconds * 1000
  let exit: CommandOutcome | undefined
  let startError: unknown
  void server.exited.then(
    outcome => (exit = outcome),
    error => (startError = error ?? new Error('serve-command did not start'))
  )
  let said = 'nothing answered'
  while (performance.now() < deadline) {
    if (startError) throw startError
    if (exit) return `${exitWords(exit)} before it was ready`
    const result = await probe(target, Math.min(PROBE_TIMEOUT_MS, deadline - performance.now()))
    if (result.ready) return null
    said = result.said
    await sleep(POLL_MS)
  }
  if (exit) return `${exitWords(exit)} before it was ready`
  const hint = await portHint(server, target.port)
  return `serve-command was not ready within serve-timeout-seconds (${seconds}): ${said}${hint}`
}

/** A server's answer to one row: the object, or why it is not one (`{"predictions": [x]}` unwrapped). */
function unwrap(
  value: unknown,
  request: PredictRequest,
  prediction: string
): Record<string, unknown> | string {
  if (request === 'row') return asAnswerObject(value)
  const list = Array.isArray(value)
    ? value
    : isObject(value)
      ? (value.predictions ?? value.outputs)
      : undefined
  if (!Array.isArray(list))
    return `expected {"predictions": [...]} (or "outputs", or a list) for {"${request}": [row]}; got ${describe(value)}`
  if (list.length !== 1) return `expected 1 prediction for the 1 row sent; got ${list.length}`
  return isObject(list[0]) ? list[0] : { [prediction]: list[0] }
}

interface Asking {
  url: string
  request: PredictRequest
  prediction: string
  deadline: number
  timeoutMinutes: number
}

/** One request: its answer slot (with any problem), or a failure that ends the asking. */
async function ask(
  row: Record<string, unknown>,
  k: number,
  asking: Asking
): Promise<{ answer: Answer; problem?: AnswerViolation } | { failure: string }> {
  const remaining = asking.deadline - performance.now()
  if (remaining <= 0)
    return {
      failure: `predict-timeout-minutes (${asking.timeoutMinutes}) ran out after ${k} requests`
    }
  const body = asking.request === 'row' ? row : { [asking.request]: [row] }
  let response: Response
  let text: string | null
  try {
    response = await fetch(asking.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(Math.ceil(remaining))
    })
    text = await cappedText(response, MAX_ANSWER_BYTES)
  } catch (error) {
    return {
      failure: `request ${k + 1} (POST ${asking.url}) failed: ${networkWords(error, remaining)}`
    }
  }
  const answer: Answer = { request: k + 1 }
  const problem = (code: string, message: string) => ({
    answer,
    problem: { code, request: k + 1, rowNumber: k + 1, message }
  })
  if (!response.ok)
    return problem(
      'http-error',
      `answered ${response.status} ${response.statusText}: ${(text ?? '').trim().slice(0, 300)}`
    )
  if (text === null)
    return problem('answer-too-large', `the answer is over ${MAX_ANSWER_BYTES} bytes`)
  let value: unknown
  try {
    value = parsePythonJson(text)
  } catch (error) {
    return problem(
      'json-error',
      `not valid JSON: ${(error as Error).message}: ${text.trim().slice(0, 100)}`
    )
  }
  const object = unwrap(value, asking.request, asking.prediction)
  if (typeof object === 'string') return problem('answer-shape', object)
  answer.value = object
  return { answer }
}

/** Asks every row in turn; stops at the first request that gets no HTTP answer at all. */
async function askRows(rows: Array<Record<string, unknown>>, asking: Asking) {
  const collected: AnswerSet & { answers: Answer[]; problems: AnswerViolation[] } = {
    answers: [],
    problems: [],
    dropped: 0
  }
  const times: number[] = []
  const started = performance.now()
  for (let k = 0; k < rows.length; k++) {
    const before = performance.now()
    const result = await ask(rows[k], k, asking)
    if ('failure' in result) return { collected, times, failure: result.failure, started }
    times.push(performance.now() - before)
    collected.answers.push(result.answer)
    if (result.problem) collected.problems.push(result.problem)
  }
  return { collected, times, started }
}

/** The q-quantile by nearest rank. */
function quantile(sorted: number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]
}

/** The latency of requests that took `times` ms each, from the first request's start. */
function latencyOf(times: number[], started: number): PredictLatency {
  const sorted = [...times].sort((a, b) => a - b)
  if (!times.length) return { totalMs: performance.now() - started }
  return {
    totalMs: performance.now() - started,
    firstAnswerMs: times[0],
    p50Ms: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95)
  }
}

/** Waits for the server to be ready, then asks every row: the answers, their times, or the failure. */
async function askWhenReady(
  server: RunningCommand,
  target: { url: string; readyUrl?: string; host: string; port: number },
  config: ServerConfig & { rows: Array<Record<string, unknown>>; prediction: string }
): Promise<Omit<Collected, 'tail'>> {
  const notReady = await waitReady(server, target, config.serveTimeoutSeconds).catch(error =>
    startProblem(error, config)
  )
  const empty = { answers: [], problems: [], dropped: 0 }
  if (notReady) return { answers: empty, latency: { totalMs: 0 }, failure: notReady }
  const { collected, times, failure, started } = await askRows(config.rows, {
    url: target.url,
    request: config.predictRequest,
    prediction: config.prediction,
    deadline: performance.now() + config.predictTimeoutMinutes * 60_000,
    timeoutMinutes: config.predictTimeoutMinutes
  })
  const latency = latencyOf(times, started)
  if (!failure) return { answers: collected, latency }
  return { answers: collected, latency, failure: await withExit(failure, server) }
}

/**
 * Starts serve-command on a free port (ML_SMOKE_PORT), waits for it to be ready, asks each row at
 * predict-url, and stops the server's whole group afterwards: on success, failure or cancel alike.
 */
export async function predictByServer(
  context: CommandContext & { config: ServerConfig },
  command: string,
  rows: Array<Record<string, unknown>>,
  prediction: string
): Promise<ServerCollected> {
  const { config, ports } = context
  const port = await freePort()
  const url = config.predictUrl.replace(PORT_PLACEHOLDER, String(port))
  const readyUrl = config.readyUrl?.replace(PORT_PLACEHOLDER, String(port))
  const output = serverOutput(ports.logger)
  ports.logger.startGroup(`Model API: ${command}`)
  let server: RunningCommand
  try {
    server = await start(context, command, port, output.onOutput)
  } catch (error) {
    ports.logger.endGroup()
    throw error
  }
  try {
    const target = { url, readyUrl, host: new URL(url).hostname, port }
    const asked = await askWhenReady(server, target, { ...config, rows, prediction })
    return { url, ...asked, ...(asked.failure ? { tail: output.tail() } : {}) }
  } finally {
    await server.stop()
    ports.logger.endGroup()
  }
}

/** A request that got no answer says so, and how the server ended if it has. */
async function withExit(failure: string, server: RunningCommand): Promise<string> {
  const exit = await Promise.race([
    server.exited.catch(() => undefined),
    sleep(100).then(() => undefined)
  ])
  return exit ? `${failure}; ${exitWords(exit)}` : failure
}

function startProblem(error: unknown, config: ServerConfig): string {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  throw new UserError(
    `cannot run serve-command: working-directory ${config.workingDirectory} or the shell (${config.shell ?? 'bash'}) does not exist`
  )
}

function start(
  context: CommandContext & { config: ServerConfig },
  command: string,
  port: number,
  onOutput: (text: string, stream: 'stdout' | 'stderr') => void
): Promise<RunningCommand> {
  const { config, ports } = context
  const env = commandEnvironment(context, { ML_SMOKE_PORT: String(port) })
  // A last resort only: stop() ends it as soon as the rows are asked.
  const timeoutMs = (config.serveTimeoutSeconds + config.predictTimeoutMinutes * 60 + 60) * 1000
  return ports.runner.start(
    { command, cwd: config.workingDirectory, env, timeoutMs, shell: config.shell },
    onOutput
  )
}
