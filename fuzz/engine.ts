import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { mutate, type Seed } from './mutate.js'
import { isUserError, type Target } from './targets.js'

export interface FuzzOptions {
  /** The run's seed: with the target's name and an input's index it decides the input. */
  seed: number
  /** The first input's index (a restarted run goes on from where it stopped). */
  from: number
  /** Inputs at most, and seconds at most, whichever comes first. */
  count: number
  seconds: number
  /** The largest input a huge repeat makes, in bytes. */
  hugeBytes: number
  /** A scratch folder, emptied for each input. */
  folder: string
  /** Called before an input runs (the parent process learns what is running). */
  onInput?: (index: number, input: Seed) => void
  /** Called after it ran. */
  onOutcome?: (index: number, outcome: Outcome) => void
}

export type FindingKind = 'crash' | 'slow' | 'memory'

export interface Finding {
  target: string
  seed: number
  index: number
  kind: FindingKind
  message: string
  bytes: number
}

export interface FuzzReport {
  target: string
  inputs: number
  /** Inputs refused with a UserError (the expected answer to most mutated files). */
  refused: number
  findings: Finding[]
  seconds: number
  slowestMs: number
}

/**
 * Milliseconds an input of `bytes` may take: two seconds, plus a second per MiB (huge repeats). A data
 * target reads its input three times (infer, validate, subset); a file of nothing but bad rows (a JSON
 * syntax error or a blank row per line) is read at about 3 MiB/s a pass, so this catches time that grows
 * faster than the input, not a dense linear cost.
 */
export function timeLimitMs(bytes: number): number {
  return 2000 + (bytes / 2 ** 20) * 1000
}

const seedCache = new Map<string, Promise<Seed[]>>()

/** A target's seed files, read once. */
export function seedsOf(target: Target): Promise<Seed[]> {
  let seeds = seedCache.get(target.name)
  if (!seeds) seedCache.set(target.name, (seeds = target.seeds()))
  return seeds
}

/** Input `index` of a target's run with `seed`: the same bytes on every machine. */
export async function inputAt(
  target: Target,
  seed: number,
  index: number,
  hugeBytes: number
): Promise<Seed> {
  return mutate(await seedsOf(target), seed, target.name, index, {
    tokens: target.tokens,
    hugeBytes
  })
}

/** How one input went: refused (a UserError), a finding (a crash or too slow), and its time. */
export interface Outcome {
  refused: boolean
  kind?: 'crash' | 'slow'
  message?: string
  ms: number
}

/** Runs a target on one input, written as its name in an emptied folder under `scratch`. */
export async function runInput(target: Target, input: Seed, scratch: string): Promise<Outcome> {
  const folder = path.join(scratch, 'input')
  await rm(folder, { recursive: true, force: true })
  await mkdir(folder, { recursive: true })
  const file = path.join(folder, input.name)
  await writeFile(file, input.bytes)
  const started = performance.now()
  let outcome: Omit<Outcome, 'ms'> = { refused: false }
  try {
    await target.run(file, folder)
  } catch (error) {
    outcome = isUserError(error)
      ? { refused: true }
      : {
          refused: false,
          kind: 'crash',
          message: error instanceof Error ? (error.stack ?? error.message) : String(error)
        }
  }
  let ms = performance.now() - started
  if (!outcome.kind && ms > timeLimitMs(input.bytes.length)) {
    // Once more before it counts: on a shared machine a pause (another process, a full GC) is not the
    // input's. The subset the first run wrote is removed, as the folder was empty then.
    await rm(path.join(folder, 'subset'), { recursive: true, force: true })
    const again = performance.now()
    await target.run(file, folder).catch(() => undefined)
    ms = Math.min(ms, performance.now() - again)
    if (ms > timeLimitMs(input.bytes.length))
      outcome = {
        ...outcome,
        kind: 'slow',
        message: `${Math.round(ms)} ms for ${input.bytes.length} bytes (the faster of two runs)`
      }
  }
  return { ...outcome, ms }
}

/**
 * Runs a target on mutated inputs in this process: each must be read or refused with a UserError within
 * its time limit. Memory is watched by the parent process (run.ts), which can stop a runaway input.
 */
export async function fuzzTarget(target: Target, options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now()
  const report: FuzzReport = {
    target: target.name,
    inputs: 0,
    refused: 0,
    findings: [],
    seconds: 0,
    slowestMs: 0
  }
  for (let index = options.from; index < options.from + options.count; index++) {
    if (performance.now() - started > options.seconds * 1000) break
    const input = await inputAt(target, options.seed, index, options.hugeBytes)
    options.onInput?.(index, input)
    const outcome = await runInput(target, input, options.folder)
    options.onOutcome?.(index, outcome)
    if (outcome.refused) report.refused++
    if (outcome.kind)
      report.findings.push({
        target: target.name,
        seed: options.seed,
        index,
        kind: outcome.kind,
        message: outcome.message!,
        bytes: input.bytes.length
      })
    report.slowestMs = Math.max(report.slowestMs, outcome.ms)
    report.inputs++
  }
  report.seconds = (performance.now() - started) / 1000
  return report
}
