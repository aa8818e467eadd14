// The tokenizer for CSV that is not RFC 4180: a Table Dialect's quoteChar, doubleQuote, escapeChar,
// skipInitialSpace, commentChar and lineTerminator, read as Python's csv module (which frictionless-py uses)
// reads them. It is a state machine fed text in chunks, so nothing is read twice; the RFC 4180 tokenizer
// (csv.ts) stays the fast path for files without these options.
import {
  CsvRecord,
  delimiterCode,
  type CsvOptions,
  type CsvQuoting,
  type CsvSyntaxProblem,
  type RecordTokenizer
} from './csv-record.js'
import { MAX_COLUMNS } from './table.js'
import { MAX_RECORD_CHARS, MAX_RECORD_TEXT } from './text-chunks.js'

const LF = 0x0a
const CR = 0x0d
const SPACE = 0x20

// Where the tokenizer stands between two characters.
const RECORD_START = 0 // before a record's first character, where a comment line may start
const FIELD_START = 1
const UNQUOTED = 2
const QUOTED = 3
const QUOTE_IN_QUOTED = 4 // after a quote inside a quoted field: a doubled quote, or the field's end
const ESCAPED = 5 // after the escape character: the next character is text, whatever it is
const COMMENT = 6
const AFTER_CR = 7 // a record ended at a CR: an LF right after it is part of the same line break

/** Whether these options need this tokenizer (any of them differs from RFC 4180). */
export function needsDialectTokenizer(quoting: CsvQuoting | undefined): boolean {
  if (!quoting) return false
  return (
    (quoting.quoteChar !== undefined && quoting.quoteChar !== '"') ||
    quoting.doubleQuote === false ||
    quoting.escapeChar !== undefined ||
    quoting.skipInitialSpace === true ||
    quoting.commentChar !== undefined ||
    quoting.lineTerminator !== undefined
  )
}

/** Records longer than this keep their cells as strings of their own instead of ranges of one text. */
const JOIN_CHARS = 1 << 20

const TERMINATOR_NAMES: Record<string, string> = { '\n': 'LF', '\r\n': 'CRLF', '\r': 'CR' }

/**
 * A cell's text from its pieces (a run of text, an escaped character), joined a thousand at a time: a
 * cell of millions of escaped characters held as millions of strings took validate past 600 MiB. Its
 * arrays are reused cell to cell (`length = 0` is a slow runtime call).
 */
class Pieces {
  private readonly parts: string[] = []
  private count = 0
  private chunks: string[] | null = null

  push(text: string): void {
    this.parts[this.count++] = text
    if (this.count === 1024) {
      ;(this.chunks ??= []).push(this.parts.join(''))
      this.count = 0
    }
  }

  /** The text so far, and an empty cell for the next. */
  take(): string {
    const n = this.count
    this.count = 0
    const last = n === 0 ? '' : n === 1 ? this.parts[0] : this.parts.slice(0, n).join('')
    const chunks = this.chunks
    if (chunks === null) return last
    this.chunks = null
    chunks.push(last)
    return chunks.join('')
  }
}

/**
 * Reads records as Python's csv module does with the same options: a quote opens a field only at its
 * start (after the spaces skipInitialSpace skips), the escape character makes the next character text in
 * quoted and unquoted fields alike, a doubled quote is one quote only with doubleQuote. A line that starts
 * with commentChar is a comment record (no cells; the reader skips it). Malformed quoting is reported, as by
 * the RFC 4180 tokenizer, and so is the first row whose line break is not the dialect's lineTerminator.
 */
export class DialectTokenizer implements RecordTokenizer {
  private state = RECORD_START
  private line: number
  private stopped = false
  private readonly record = new CsvRecord()
  private readonly delimiter: number
  private readonly quote: number
  /** -1: no escape character. */
  private readonly escape: number
  private readonly doubleQuote: boolean
  private readonly skipInitialSpace: boolean
  private readonly commentChar: string
  private readonly lineTerminator: string | undefined
  /** The state an escaped character returns to (UNQUOTED or QUOTED). */
  private afterEscape = UNQUOTED
  /**
   * The current cell's text, in pieces; the record's cells (the first `count`) and the line each starts
   * on. Reused record to record (`length = 0` is a slow runtime call): a file of millions of short rows
   * allocates no arrays for them.
   */
  private readonly cell = new Pieces()
  private readonly cells: string[] = []
  private readonly fieldLines: number[] = []
  private count = 0
  private fieldLine: number
  private recordLine: number
  /** Characters of the record read in earlier texts, and its source text from them (keepRaw). */
  private recordLength = 0
  private raw: string[] = []
  private problems: CsvSyntaxProblem[] | null = null
  /** In the current text: where the cell's pending text and the record begin. */
  private segment = 0
  private recordFrom = 0
  /** The last character of the cell was a CR line break: an LF right after it belongs to it. */
  private crBefore = false
  /** Text at a record's start that may be the beginning of commentChar, waiting for the next text. */
  private held = ''
  private final = false
  private terminatorReported = false

  constructor(
    private readonly options: CsvOptions,
    private readonly onRecord: (record: CsvRecord) => boolean | void,
    private readonly onProblem: (problem: CsvSyntaxProblem) => void
  ) {
    const quoting = options.quoting ?? {}
    this.delimiter = delimiterCode(options.delimiter)
    this.quote = (quoting.quoteChar ?? '"').charCodeAt(0)
    this.escape = quoting.escapeChar === undefined ? -1 : quoting.escapeChar.charCodeAt(0)
    this.doubleQuote = quoting.doubleQuote !== false
    this.skipInitialSpace = quoting.skipInitialSpace === true
    this.commentChar = quoting.commentChar ?? ''
    this.lineTerminator = quoting.lineTerminator
    this.line = this.fieldLine = this.recordLine = options.firstLine ?? 1
  }

  get isStopped(): boolean {
    return this.stopped
  }

  get pendingLength(): number {
    if (this.state === RECORD_START) return this.held.length
    return Math.max(1, this.recordLength)
  }

  /** Nothing: this tokenizer keeps its own state between texts. */
  get heldLength(): number {
    return 0
  }

  get currentLine(): number {
    return this.line
  }

  push(text: string): void {
    if (this.stopped) return
    if (this.held) {
      text = this.held + text
      this.held = ''
    }
    this.segment = 0
    this.recordFrom = 0
    let i = 0
    while (i < text.length && !this.stopped && !this.held) i = this.step(text, i)
    if (this.stopped || this.held) return
    if (this.state === UNQUOTED || this.state === QUOTED) this.take(text, text.length)
    if (this.state === RECORD_START || this.state === AFTER_CR) return
    if (this.options.keepRaw) this.raw.push(text.slice(this.recordFrom))
    this.recordLength += text.length - this.recordFrom
    if (this.recordLength > MAX_RECORD_CHARS) this.tooLong()
  }

  pushJoined(text: string): void {
    this.push(text)
  }

  finish(): void {
    if (this.stopped) return
    if (this.held) {
      const held = this.held
      this.held = ''
      this.final = true
      this.push(held)
    }
    switch (this.state) {
      case RECORD_START:
        return
      case AFTER_CR:
        return this.terminate('\r')
      case QUOTED:
        return this.unterminated()
      case ESCAPED:
        if (this.afterEscape === QUOTED) return this.unterminated()
        // An escape character that ends the file escapes nothing: it is text.
        this.cell.push(String.fromCharCode(this.escape))
        break
      case COMMENT:
        this.build(true, '')
        return this.terminate('')
      case FIELD_START:
        this.fieldLine = this.line // an empty last field, after a delimiter
    }
    this.endCell()
    if (this.stopped) return
    this.build(false, '')
    this.terminate('')
  }

  private step(text: string, i: number): number {
    switch (this.state) {
      case AFTER_CR:
        this.state = RECORD_START
        if (text.charCodeAt(i) === LF) {
          this.terminate('\r\n')
          return i + 1
        }
        this.terminate('\r')
        return i
      case RECORD_START:
        return this.recordStart(text, i)
      case FIELD_START:
        return this.fieldStart(text, i)
      case UNQUOTED:
        return this.unquoted(text, i)
      case QUOTED:
        return this.quoted(text, i)
      case QUOTE_IN_QUOTED:
        return this.afterQuote(text, i)
      case ESCAPED:
        return this.escaped(text, i)
      default:
        return this.comment(text, i)
    }
  }

  private recordStart(text: string, i: number): number {
    const comment = this.commentChar
    if (comment && text.startsWith(comment, i)) {
      this.begin(i)
      this.state = COMMENT
      return i + comment.length
    }
    if (comment && !this.final && text.length - i < comment.length) {
      const rest = text.slice(i)
      if (comment.startsWith(rest)) {
        this.held = rest
        return text.length
      }
    }
    this.begin(i)
    this.state = FIELD_START
    return i
  }

  private begin(i: number): void {
    this.recordLine = this.line
    this.count = 0
    if (this.raw.length) this.raw = []
    this.recordLength = 0
    this.recordFrom = i
    this.problems = null
  }

  private fieldStart(text: string, i: number): number {
    const c = text.charCodeAt(i)
    if (c === SPACE && this.skipInitialSpace) return i + 1
    this.fieldLine = this.line
    this.crBefore = false
    if (c === this.quote) {
      this.state = QUOTED
      this.segment = i + 1
      return i + 1
    }
    this.state = UNQUOTED
    this.segment = i
    return i
  }

  private unquoted(text: string, i: number): number {
    let j = i
    if (this.crBefore) {
      this.crBefore = false
      if (text.charCodeAt(j) === LF) j++ // the LF of an escaped CRLF: text of the cell
    }
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j)
      if (c === this.delimiter) {
        this.take(text, j)
        this.endCell()
        this.state = FIELD_START
        return j + 1
      }
      if (c === LF || c === CR) {
        this.take(text, j)
        this.endCell()
        return this.stopped ? j : this.endRecord(text, j, false)
      }
      if (c === this.escape) {
        this.take(text, j)
        this.state = ESCAPED
        this.afterEscape = UNQUOTED
        return j + 1
      }
    }
    return j
  }

  /** Quoted text up to the next quote or escape, counting its line breaks as editors do. */
  private quoted(text: string, i: number): number {
    for (let j = i; j < text.length; j++) {
      const c = text.charCodeAt(j)
      if (c === this.quote || c === this.escape) {
        this.take(text, j)
        this.crBefore = false
        this.state = c === this.quote ? QUOTE_IN_QUOTED : ESCAPED
        this.afterEscape = QUOTED
        return j + 1
      }
      if (c === LF) {
        if (!this.crBefore) this.line++
        this.crBefore = false
      } else if (c === CR) {
        this.line++
        this.crBefore = true
      } else this.crBefore = false
    }
    return text.length
  }

  private afterQuote(text: string, i: number): number {
    const c = text.charCodeAt(i)
    if (c === this.quote && this.doubleQuote) {
      this.segment = i // the second quote of the pair is the cell's text
      this.state = QUOTED
      return i + 1
    }
    if (c === this.delimiter) {
      this.endCell()
      this.state = FIELD_START
      return i + 1
    }
    if (c === LF || c === CR) {
      this.endCell()
      return this.stopped ? i : this.endRecord(text, i, false)
    }
    let after = i
    while (after < text.length && after < i + 20) {
      const next = text.charCodeAt(after)
      if (next === this.delimiter || next === LF || next === CR) break
      after++
    }
    const quote = JSON.stringify(String.fromCharCode(this.quote))
    const fix =
      this.escape >= 0
        ? `escape any ${quote} inside it with ${JSON.stringify(String.fromCharCode(this.escape))}`
        : 'double any quote inside it'
    ;(this.problems ??= []).push({
      code: 'text-after-quote',
      line: this.line,
      fieldNumber: this.count + 1,
      message: `text ${JSON.stringify(text.slice(i, after))} follows the closing quote (${quote}) of field ${this.count + 1}; quote the whole field and ${fix}`
    })
    this.state = UNQUOTED
    this.segment = i
    return i
  }

  /** The character after the escape character, as text (an escaped line break is a line of the cell). */
  private escaped(text: string, i: number): number {
    const c = text.charCodeAt(i)
    let end = i + 1
    if (c === CR && text.charCodeAt(end) === LF) end++
    if (c === LF || c === CR) this.line++
    this.crBefore = c === CR && end === i + 1
    // The escaped character begins the cell's next run of text (one piece per escape, not two).
    this.state = this.afterEscape
    this.segment = i
    return end
  }

  private comment(text: string, i: number): number {
    let end = i
    while (end < text.length) {
      const c = text.charCodeAt(end)
      if (c === LF || c === CR) return this.endRecord(text, end, true)
      end++
    }
    return end
  }

  /** The cell's text from `segment` to `end` of this text. */
  private take(text: string, end: number): void {
    if (end > this.segment) this.cell.push(text.slice(this.segment, end))
  }

  private endCell(): void {
    const k = this.count++
    this.cells[k] = this.cell.take()
    this.fieldLines[k] = this.fieldLine
    if (this.count > MAX_COLUMNS) {
      this.onProblem({
        code: 'too-many-columns',
        line: this.recordLine,
        message: `the record on line ${this.recordLine} has more than ${MAX_COLUMNS.toLocaleString('en-US')} cells, more than the columns ml-smoke reads; the rest of the file is not read`
      })
      this.stopped = true
    }
  }

  /** A record ends at the line break at `i`: it is handed over once the break is known (CR or CRLF). */
  private endRecord(text: string, i: number, comment: boolean): number {
    const rawTail = this.options.keepRaw ? text.slice(this.recordFrom, i) : ''
    this.build(comment, rawTail)
    this.line++
    if (text.charCodeAt(i) === CR) {
      this.state = AFTER_CR
      return i + 1
    }
    this.state = RECORD_START
    this.terminate('\n')
    return i + 1
  }

  /** Fills the shared record: its cells as ranges of their joined text, where it is, its source text. */
  private build(comment: boolean, rawTail: string): void {
    const { record, cells, fieldLines, recordLine } = this
    const count = comment ? 0 : this.count
    let length = 0
    for (let k = 0; k < count; k++) length += cells[k].length
    // Cells are ranges of their joined text, unless that is long: then each is its own string (a record
    // of a 15 MiB cell is not copied once more).
    const joined = count <= 1 || length < JOIN_CHARS
    record.reset(count === 1 ? cells[0] : joined ? cells.slice(0, count).join('') : '', recordLine)
    record.comment = comment
    let at = 0
    let spans = false
    for (let k = 0; k < count; k++) {
      const cell = cells[k]
      if (joined) record.add(at, at + cell.length, undefined)
      else record.add(0, 0, cell === '' ? undefined : cell)
      at += cell.length
      if (fieldLines[k] !== recordLine) spans = true
    }
    record.fieldLines = spans ? fieldLines.slice(0, count) : null
    record.endLine = this.line
    const raw = this.raw
    record.raw = this.options.keepRaw ? (raw.length ? raw.join('') + rawTail : rawTail) : ''
  }

  /** Hands over the built record; `terminator` is its line break ('' at the end of the file). */
  private terminate(terminator: string): void {
    const expected = this.lineTerminator
    if (
      expected !== undefined &&
      terminator &&
      terminator !== expected &&
      !this.terminatorReported
    ) {
      this.terminatorReported = true
      const line = this.record.endLine
      ;(this.problems ??= []).push({
        code: 'line-terminator',
        line,
        message: `line ${line} ends with ${TERMINATOR_NAMES[terminator]}, but the dialect's lineTerminator is ${TERMINATOR_NAMES[expected]}; rows after it are not checked for it (leave lineTerminator out to accept any line break)`
      })
    }
    if (this.problems) for (const problem of this.problems) this.onProblem(problem)
    this.problems = null
    if (this.onRecord(this.record) === false) this.stopped = true
  }

  private unterminated(): void {
    const line = this.fieldLine
    this.onProblem({
      code: 'unterminated-quote',
      line,
      fieldNumber: this.count + 1,
      message: `a quoted field opened on line ${line} is never closed; the rest of the file (from line ${line}) cannot be read as records`
    })
    this.stopped = true
  }

  private tooLong(): void {
    const inQuotes =
      this.state === QUOTED || (this.state === ESCAPED && this.afterEscape === QUOTED)
    this.onProblem({
      code: 'record-too-long',
      line: this.recordLine,
      message: `the record that starts on line ${this.recordLine} is longer than ${MAX_RECORD_TEXT}${inQuotes ? `, inside a quoted field: a quote (${String.fromCharCode(this.quote)}) opened on that line or after it is probably never closed` : ': the file is probably not CSV, or its line breaks are not LF, CRLF or CR'}; the rest of the file is not read`
    })
    this.stopped = true
    this.cell.take()
    this.cells.fill('')
    this.raw = []
  }
}
