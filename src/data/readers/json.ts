import { openRegularFile } from '../../file-info.js'
import {
  MAX_RECORD_CHARS,
  MAX_RECORD_TEXT,
  fileReads,
  piecesOf,
  Utf8Chunks
} from '../text-chunks.js'
import { JsonLimitError, parsePythonJson } from '../../json.js'
import {
  ABSENT,
  labelTooLong,
  MAX_COLUMNS,
  tooManyColumns,
  type ReadOptions,
  type ReadResult,
  type TableSink
} from '../table.js'

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value
}

/** One JSON object per row: the first object's keys are the header, later rows are matched by key. */
class ObjectRows {
  private columns: string[] | null = null
  private index = new Map<string, number>()

  constructor(private readonly sink: TableSink) {}

  /** Hands a row to the sink; false when reading should stop (the sink said so, or a row is too wide). */
  add(record: Record<string, unknown>, line: number | undefined, raw?: string): boolean | void {
    if (this.columns === null) {
      const columns = Object.keys(record)
      const problem =
        columns.length > MAX_COLUMNS
          ? tooManyColumns(columns.length, 'keys', line)
          : labelTooLong(columns, line)
      if (problem) {
        this.sink.problem(problem)
        return false
      }
      this.columns = columns
      this.columns.forEach((name, i) => this.index.set(name, i))
      this.sink.header(this.columns, line)
    }
    const columns = this.columns
    const cells: unknown[] = new Array(columns.length).fill(ABSENT)
    let extra: string[] | undefined
    let next = 0
    for (const key in record) {
      // Rows usually repeat the first row's key order: compare in order before looking the key up.
      const at = key === columns[next] ? next : this.index.get(key)
      if (at === undefined) {
        if ((extra ??= []).push(key) + columns.length > MAX_COLUMNS) {
          this.sink.problem(tooManyColumns(Object.keys(record).length, 'keys', line))
          return false
        }
      } else {
        cells[at] = record[key]
        next = at + 1
      }
    }
    return this.sink.row(cells, { line, raw }, extra)
  }
}

/** The problem for a JSON text that does not parse, or is too deep or too large to (see src/json.ts). */
function jsonError(error: unknown, line?: number) {
  const message = (error as Error).message
  return {
    code: 'json-error',
    line,
    message:
      error instanceof JsonLimitError
        ? `cannot read this JSON: ${message}`
        : `not valid JSON: ${message}`
  }
}

/**
 * Past this many records that do not parse, when they outnumber the rows read, the rest of the file is not
 * read: each costs JSON.parse a thrown SyntaxError (about 10 µs), so 100 MB of short broken lines would take
 * many minutes to list, and a file like that is not JSON to begin with.
 */
export const MAX_UNREADABLE_RECORDS = 10_000

/** Counts records that parse and records that do not; says when to stop (see MAX_UNREADABLE_RECORDS). */
class Readability {
  private parsed = 0
  private unreadable = 0

  read(): void {
    this.parsed++
  }

  /** Counts a record that does not parse: the problem that stops reading when there are too many. */
  failed(line: number | undefined, what: string) {
    if (++this.unreadable <= MAX_UNREADABLE_RECORDS || this.unreadable <= this.parsed) return null
    return {
      code: 'json-error',
      line,
      message: `more than ${MAX_UNREADABLE_RECORDS.toLocaleString('en-US')} ${what} are not valid JSON, more than parse: the file is probably not ${what === 'lines' ? 'JSON Lines' : 'a JSON array of rows'}; the rest of the file is not read`
    }
  }
}

function recordTooLong(line: number, what: string) {
  return {
    code: 'record-too-long',
    line,
    message: `${what} that starts on line ${line} is longer than ${MAX_RECORD_TEXT}; the rest of the file is not read`
  }
}

/**
 * JSON Lines, streamed: one object per line, Python's NaN/Infinity accepted. A line that is not an
 * object is reported at its line, never skipped silently; an empty line is a blank row. A line is looked
 * for only in the text that arrived since the last one ended, so a long line costs linear time; one
 * longer than MAX_RECORD_CHARS stops reading.
 */
export async function readJsonlTable(
  file: string,
  options: ReadOptions,
  sink: TableSink
): Promise<ReadResult> {
  const rows = new ObjectRows(sink)
  const readability = new Readability()
  const chunks = new Utf8Chunks(true, false)
  // The unfinished line: `pieces` in order, none with a line break.
  let pieces: string[] = []
  let pendingLength = 0
  let line = 0
  let lineEnding: '\n' | '\r\n' | undefined
  const handle = (text: string, carried: boolean, final: boolean): boolean => {
    // A carried text already begins with the unfinished line, whose characters hold no line break.
    let end = text.indexOf('\n', carried ? pendingLength : 0)
    if (carried) pieces = []
    if (end === -1 && !final) {
      pieces.push(text)
      pendingLength = carried ? text.length : pendingLength + text.length
      if (pendingLength <= MAX_RECORD_CHARS) return true
      sink.problem(recordTooLong(line + 1, 'the line'))
      return false
    }
    if (pieces.length) {
      // The unfinished line ends in this text (or the file ends): join it once.
      const head = pieces.join('')
      text = head + text
      if (end !== -1) end += head.length
    }
    let start = 0
    for (; end !== -1; end = text.indexOf('\n', start)) {
      line++
      let content = text.slice(start, end)
      if (content.endsWith('\r')) {
        content = content.slice(0, -1)
        lineEnding ??= '\r\n'
      }
      lineEnding ??= '\n'
      start = end + 1
      if (handleLine(content) === false) return false
    }
    const rest = text.slice(start)
    pieces = rest === '' ? [] : [rest]
    pendingLength = rest.length
    if (final && rest !== '') {
      line++
      return handleLine(rest) !== false
    }
    return true
  }
  const handleLine = (content: string): boolean | void => {
    // Checked first: a blank line would cost JSON.parse a thrown error.
    if (content === '' || (content.charCodeAt(0) <= 0x20 && content.trim() === '')) {
      sink.problem({ code: 'blank-row', line, message: 'the line is empty' })
      return
    }
    let record: unknown
    try {
      record = parsePythonJson(content)
    } catch (error) {
      sink.problem(jsonError(error, line))
      const stop = readability.failed(line, 'lines')
      if (stop) sink.problem(stop)
      return !stop
    }
    readability.read()
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      sink.problem({
        code: 'json-error',
        line,
        message: `expected a JSON object per line; got ${describe(record)}`
      })
      return
    }
    return rows.add(record as Record<string, unknown>, line, options.keepRaw ? content : undefined)
  }
  // Stopping early ends the reads, which closes the file.
  for await (const read of fileReads(await openRegularFile(file)))
    for (const chunk of piecesOf(read)) {
      const text = chunks.decode(chunk)
      if (text === null) {
        // The whole lines before the bad byte are read first: their rows are checked too.
        if (handle(chunks.validPrefix, false, false)) sink.problem(chunks.problem!)
        return { lineEnding }
      }
      if (!handle(text, chunks.carried, false)) return { lineEnding }
      chunks.hold(pendingLength)
    }
  const tail = chunks.end()
  if (tail === null) {
    sink.problem(chunks.problem!)
    return { lineEnding }
  }
  // The tail never begins with the unfinished line (`carried` is about the last chunk).
  handle(tail, false, true)
  return { lineEnding }
}

/** The next character that is not JSON whitespace. */
const NOT_WHITESPACE = /[^ \t\n\r]/g
const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d

/**
 * Cuts the text of a JSON array, fed in pieces, into the text of each element, for JSON.parse one at a
 * time: memory follows the largest element, not the file. Strings are skipped whole; nesting is counted
 * outside them. Line numbers are counted for messages.
 */
export class JsonArrayElements {
  /** Before the '[', between elements (after '[' or ','), in an element, after one, after the ']'. */
  private state: 'start' | 'next' | 'element' | 'after' | 'end' = 'start'
  private pieces: string[] = []
  private pendingLength = 0
  /** In the element: its depth, whether the scan is inside a string, and whether it is a scalar. */
  private depth = 0
  private inString = false
  private escaped = false
  private scalar = false
  private elements = 0
  /** Line breaks before the current text, and the line the element being cut starts on. */
  private lines = 1
  elementLine = 1
  /** Why the text is not a JSON array, when it is not. */
  problem: { code: string; line?: number; message: string } | null = null

  constructor(private readonly onElement: (text: string, line: number) => boolean) {}

  /** Scans the next piece of text; false once the array is broken or the callback says stop. */
  push(text: string): boolean {
    let i = 0
    const len = text.length
    let elementStart = this.state === 'element' ? 0 : -1
    let counted = 0
    const lineAt = (at: number): number => {
      for (let k = text.indexOf('\n', counted); k !== -1 && k < at; k = text.indexOf('\n', k + 1))
        this.lines++
      counted = Math.max(counted, at)
      return this.lines
    }
    while (i < len) {
      if (this.state !== 'element') {
        NOT_WHITESPACE.lastIndex = i
        const found = NOT_WHITESPACE.exec(text)
        if (!found) break
        i = found.index
        const c = text[i]
        if (this.state === 'start') {
          if (c !== '[') return this.fail(lineAt(i), notAnArray(c))
          this.state = 'next'
          i++
        } else if (this.state === 'end') {
          return this.fail(
            lineAt(i),
            `text after the array ends: ${JSON.stringify(text.slice(i, i + 20))}`
          )
        } else if (c === ']' && (this.state === 'after' || this.elements === 0)) {
          this.state = 'end'
          i++
        } else if (this.state === 'after') {
          if (c !== ',')
            return this.fail(
              lineAt(i),
              `expected "," or "]" after element ${this.elements}; got ${JSON.stringify(c)}`
            )
          this.state = 'next'
          i++
        } else {
          this.state = 'element'
          this.elementLine = lineAt(i)
          elementStart = i
          this.depth = 0
          this.inString = false
          this.escaped = false
          this.scalar = c !== '{' && c !== '[' && c !== '"'
        }
        continue
      }
      const end = this.scanElement(text, i)
      if (end === -1) break
      this.state = 'after'
      this.elements++
      const pending = this.pieces
      const piece = text.slice(elementStart, end)
      const element = pending.length ? pending.join('') + piece : piece
      this.pieces = []
      this.pendingLength = 0
      i = end
      if (!this.onElement(element, this.elementLine)) return false
    }
    if (this.state === 'element') {
      const piece = elementStart === 0 ? text : text.slice(elementStart)
      this.pieces.push(piece)
      this.pendingLength += piece.length
      if (this.pendingLength > MAX_RECORD_CHARS) {
        this.problem = recordTooLong(this.elementLine, `element ${this.elements + 1} of the array`)
        return false
      }
    }
    lineAt(len)
    return true
  }

  /** The end of the element being cut in `text` from `i`, or -1 when it goes on past the text. */
  private scanElement(text: string, i: number): number {
    const len = text.length
    if (this.scalar) {
      // A number, true, false, null (or something invalid, for JSON.parse to name): up to a , ] or space.
      for (; i < len; i++) {
        const c = text.charCodeAt(i)
        if (c === 0x2c || c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09)
          return i
      }
      return -1
    }
    while (i < len) {
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false
          i++
          continue
        }
        // Strings are skipped with indexOf; a quote after an odd run of backslashes is escaped.
        const q = text.indexOf('"', i)
        const to = q === -1 ? len : q
        let backslashes = 0
        while (to - 1 - backslashes >= i && text.charCodeAt(to - 1 - backslashes) === BACKSLASH)
          backslashes++
        if (q === -1) {
          this.escaped = backslashes % 2 === 1
          return -1
        }
        i = q + 1
        if (backslashes % 2 === 1) continue
        this.inString = false
        if (this.depth === 0) return i
        continue
      }
      const c = text.charCodeAt(i++)
      if (c === QUOTE) this.inString = true
      else if (c === OPEN_BRACKET || c === OPEN_BRACE) this.depth++
      else if ((c === CLOSE_BRACKET || c === CLOSE_BRACE) && --this.depth === 0) return i
    }
    return -1
  }

  /** At the end of the text: whether it was a whole array (else `problem` says why). */
  finish(): boolean {
    if (this.state === 'end') return true
    if (this.state === 'element' && this.scalar && this.depth === 0) {
      // A scalar element at the very end, with no ']' after it.
      return this.fail(this.elementLine, 'the array is never closed with "]"')
    }
    return this.fail(
      this.state === 'element' ? this.elementLine : this.lines,
      this.state === 'start'
        ? 'the file is empty; expected an array of row objects'
        : this.state === 'element'
          ? `element ${this.elements + 1}, which starts on line ${this.elementLine}, is cut short: the file ends inside it`
          : 'the array is never closed with "]"'
    )
  }

  private fail(line: number, message: string): false {
    this.problem = {
      code: 'json-error',
      line,
      message: `not valid JSON: ${message} (line ${line})`
    }
    return false
  }
}

function notAnArray(first: string): string {
  const kind =
    first === '{'
      ? 'an object'
      : first === '"'
        ? 'a string'
        : /[-\d]/.test(first)
          ? 'a number'
          : first === 't' || first === 'f'
            ? 'a boolean'
            : first === 'n'
              ? 'null'
              : `text starting ${JSON.stringify(first)}`
  return `expected an array of row objects; got ${kind}`
}

/**
 * A JSON array of objects (or of arrays, the first being the header), streamed: each element is parsed
 * on its own, so memory follows the largest row, not the file. An element that does not parse is
 * reported and reading goes on; a broken array (a missing comma, text after it) stops reading there.
 */
export async function readJsonTable(
  file: string,
  _options: ReadOptions,
  sink: TableSink
): Promise<ReadResult> {
  const rows = new ObjectRows(sink)
  const readability = new Readability()
  let arrays: boolean | undefined
  let width = 0
  const onElement = (text: string, line: number): boolean => {
    let element: unknown
    try {
      element = parsePythonJson(text)
    } catch (error) {
      sink.problem(jsonError(error, line))
      const stop = readability.failed(line, 'elements')
      if (stop) sink.problem(stop)
      return !stop
    }
    readability.read()
    // The first element decides: arrays (a header, then rows) or objects.
    if (arrays === undefined) {
      arrays = Array.isArray(element)
      if (arrays) {
        const labels = (element as unknown[]).map(String)
        const problem =
          labels.length > MAX_COLUMNS
            ? tooManyColumns(labels.length, 'labels', line)
            : labelTooLong(labels, line)
        if (problem) {
          sink.problem(problem)
          return false
        }
        width = labels.length
        sink.header(labels)
        return true
      }
    }
    if (arrays) {
      const cells = Array.isArray(element) ? element : [element]
      if (cells.length > Math.max(width, MAX_COLUMNS)) {
        sink.problem(tooManyColumns(cells.length, 'cells', line))
        return false
      }
      return sink.row(cells, {}) !== false
    }
    if (typeof element !== 'object' || element === null || Array.isArray(element)) {
      sink.problem({
        code: 'json-error',
        message: `expected an object per row; got ${describe(element)}`
      })
      return true
    }
    return rows.add(element as Record<string, unknown>, undefined) !== false
  }
  const elements = new JsonArrayElements(onElement)
  const chunks = new Utf8Chunks(true, false)
  // Stopping early ends the reads, which closes the file.
  for await (const read of fileReads(await openRegularFile(file))) {
    const text = chunks.decode(read)
    if (text === null) {
      if (elements.push(chunks.validPrefix)) sink.problem(chunks.problem!)
      else if (elements.problem) sink.problem(elements.problem)
      return {}
    }
    if (!elements.push(text)) {
      if (elements.problem) sink.problem(elements.problem)
      return {}
    }
  }
  const tail = chunks.end()
  if (tail === null) sink.problem(chunks.problem!)
  else if (!(elements.push(tail) && elements.finish()) && elements.problem)
    sink.problem(elements.problem)
  return {}
}
