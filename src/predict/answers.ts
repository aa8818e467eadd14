// The model's answers as they arrive: JSON objects, one per line of the output file or of stdout, or one
// per request; each keeps where it came from, and text that is not an answer is reported where it was.
import { createReadStream } from 'node:fs'
import { parsePythonJson } from '../json.js'
import { LineSplitter } from '../train/output.js'
import type { AnswerViolation } from './types.js'

/** One answer: its JSON value (absent when its text did not parse), and where it came from. */
export interface Answer {
  value?: unknown
  /** Its line in the output file or on stdout. */
  line?: number
  /** Server mode: the request (1-based) that it answered. */
  request?: number
}

export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'string'
    ? `the string ${JSON.stringify(value).slice(0, 60)}`
    : typeof value
}

/** The value as an answer object, or why it is not one. */
export function asAnswerObject(value: unknown): Record<string, unknown> | string {
  if (isObject(value)) return value
  return `expected a JSON object per row; got ${describe(value)}`
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Answers as collected: each slot in order, what could not be read, and how many were only counted. */
export interface AnswerSet {
  readonly answers: Answer[]
  readonly problems: AnswerViolation[]
  readonly dropped: number
}

/**
 * Collects answers line by line. From stdout only lines that start with `{` are answers (the rest is
 * the command's log); from the output file every line that is not blank is. Keeps at most `keep`
 * answers and counts the rest, so a command that prints without end costs bounded memory.
 */
export class AnswerLines implements AnswerSet {
  readonly answers: Answer[] = []
  readonly problems: AnswerViolation[] = []
  /** Answers past `keep`, counted only. */
  dropped = 0
  /** When the first answer arrived (ms since 1970), for the time to first answer. */
  firstAt?: number

  constructor(
    private readonly keep: number,
    private readonly fromStdout: boolean,
    private readonly now: () => number = Date.now
  ) {}

  push(text: string, line: number): void {
    const trimmed = text.trim()
    if (trimmed === '' || (this.fromStdout && !trimmed.startsWith('{'))) return
    if (this.answers.length >= this.keep) {
      this.dropped++
      return
    }
    let value: unknown
    try {
      value = parsePythonJson(trimmed)
    } catch (error) {
      this.accept(undefined, line, `not valid JSON: ${(error as Error).message}`)
      return
    }
    this.accept(value, line)
  }

  /** One answer slot: its value, or (when `error` says why) none. */
  accept(value: unknown, line: number, error?: string): void {
    this.firstAt ??= this.now()
    if (this.answers.length >= this.keep) {
      this.dropped++
      return
    }
    const object = error ?? asAnswerObject(value)
    if (typeof object === 'string') {
      this.answers.push({ line })
      this.problems.push({
        code: 'json-error',
        line,
        rowNumber: this.answers.length,
        message: object
      })
    } else this.answers.push({ value: object, line })
  }

  get count(): number {
    return this.answers.length + this.dropped
  }
}

/** Reads the output file's answers: JSON Lines, or one JSON array of answer objects. */
export async function readAnswerFile(file: string, keep: number): Promise<AnswerLines> {
  const lines = new AnswerLines(keep, false)
  let lineNumber = 0
  let text = ''
  let whole = false
  const splitter = new LineSplitter(line => {
    lineNumber++
    if (whole) text += `${line}\n`
    else if (lineNumber === 1 && line.trimStart().startsWith('[')) {
      whole = true
      text = `${line}\n`
    } else lines.push(line, lineNumber)
  })
  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) splitter.push(chunk)
  splitter.finish()
  if (whole) readAnswerArray(text, lines)
  return lines
}

/** A JSON array of answers: each element is an answer, all on line 1 as far as positions go. */
function readAnswerArray(text: string, lines: AnswerLines): void {
  let document: unknown
  try {
    document = parsePythonJson(text)
  } catch (error) {
    lines.accept(undefined, 1, `not valid JSON: ${(error as Error).message}`)
    return
  }
  for (const element of document as unknown[]) lines.accept(element, 1)
}
