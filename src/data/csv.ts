import { openRegularFile } from '../file-info.js'
import { DialectTokenizer, needsDialectTokenizer } from './csv-dialect.js'
import {
  CsvRecord,
  delimiterCode,
  type CsvOptions,
  type CsvSyntaxProblem,
  type RecordTokenizer
} from './csv-record.js'
import { MAX_COLUMNS } from './table.js'
import {
  MAX_RECORD_CHARS,
  MAX_RECORD_TEXT,
  fileReads,
  piecesOf,
  Utf8Chunks
} from './text-chunks.js'

export {
  CsvRecord,
  delimiterProblem,
  type CsvOptions,
  type CsvQuoting,
  type CsvSyntaxCode,
  type CsvSyntaxProblem
} from './csv-record.js'

const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d

// Where the scan of an unfinished record stands (see CsvTokenizer.scanForEnd).
const FIELD_START = 0
const UNQUOTED = 1
const QUOTED = 2
const QUOTE_IN_QUOTED = 3
const AFTER_CR = 4

/**
 * A strict RFC 4180 tokenizer that is fed text in chunks. It tracks physical lines as it goes, keeps
 * quoted delimiters, doubled quotes and newlines intact, and reports malformed quoting instead of guessing.
 * (Measured: udsv silently merges or drops rows on these inputs and csv-parse with line info is ~3x slower;
 * see README "Why a own tokenizer".)
 */
export class CsvTokenizer implements RecordTokenizer {
  /** The unfinished record's text as of the last parse (and, while it is not finished, `pieces` after it). */
  private buffer = ''
  /** Text pushed since the last parse, none of which can end the record in `buffer`. */
  private pieces: string[] = []
  private piecesLength = 0
  /** Where a scan for the end of the unfinished record stands at the end of buffer and pieces. */
  private scan = FIELD_START
  private line: number
  private stopped = false
  private readonly delimiter: number
  private readonly record = new CsvRecord()

  constructor(
    private readonly options: CsvOptions,
    private readonly onRecord: (record: CsvRecord) => boolean | void,
    private readonly onProblem: (problem: CsvSyntaxProblem) => void
  ) {
    this.delimiter = delimiterCode(options.delimiter)
    this.line = options.firstLine ?? 1
  }

  get isStopped(): boolean {
    return this.stopped
  }

  /** Text of a record not finished yet (a partition that ends inside a record has some). */
  get pendingLength(): number {
    return this.buffer.length + this.piecesLength
  }

  /** The unfinished record, to be handed again in front of the next text (one flat string reads faster). */
  get heldLength(): number {
    return this.pendingLength
  }

  /** Physical lines read so far (the next record starts on this line). */
  get currentLine(): number {
    return this.line
  }

  /**
   * Adds text. An unfinished record is parsed again only once text arrives that can end it, so a record
   * cut into many chunks (a 10 MiB cell, a quote that never closes) costs time linear in its length.
   */
  push(text: string): void {
    if (this.stopped) return
    if (this.buffer.length === 0) {
      this.buffer = text
      this.parseAndRescan()
      return
    }
    if (!this.scanForEnd(text)) {
      this.pieces.push(text)
      this.piecesLength += text.length
      if (this.pendingLength > MAX_RECORD_CHARS) this.tooLong()
      return
    }
    this.buffer = this.joinPending(text)
    this.parseAndRescan()
  }

  /** Like push, for text that already begins with the unfinished record (`pendingLength` characters). */
  pushJoined(text: string): void {
    if (this.stopped) return
    this.pieces = []
    this.piecesLength = 0
    this.buffer = text
    this.parseAndRescan()
  }

  finish(): void {
    if (this.stopped) return
    if (this.piecesLength) this.buffer = this.joinPending('')
    this.parse(true)
    this.buffer = ''
  }

  private joinPending(text: string): string {
    const joined = this.buffer + this.pieces.join('') + text
    this.pieces = []
    this.piecesLength = 0
    return joined
  }

  /** Parses the buffer, then scans what is left of it (a record's start, within the last text) from scratch. */
  private parseAndRescan(): void {
    this.parse(false)
    this.scan = FIELD_START
    if (this.buffer.length && !this.stopped) this.scanForEnd(this.buffer)
  }

  private tooLong(): void {
    this.onProblem({
      code: 'record-too-long',
      line: this.line,
      message: `the record that starts on line ${this.line} is longer than ${MAX_RECORD_TEXT}${this.scan === QUOTED ? ', inside a quoted field: a quote (") opened on that line or after it is probably never closed' : ': the file is probably not CSV, or its line breaks are not LF or CRLF'}; the rest of the file is not read`
    })
    this.stopped = true
    this.buffer = ''
    this.pieces = []
    this.piecesLength = 0
  }

  /**
   * Whether the unfinished record can end in `text`, scanning it from where the last scan stopped (a field's
   * start, an unquoted field, a quoted one, just after a quote in a quoted field, just after a lone CR). It
   * follows the tokenizer's rules: a quote opens a field only at its start, a doubled quote stays inside.
   */
  private scanForEnd(text: string): boolean {
    const len = text.length
    const delimiter = this.options.delimiter
    let state = this.scan
    let i = 0
    // As in parse: each of these is searched again only once passed.
    let d = -1
    let lf = -1
    let cr = -1
    while (i < len) {
      if (state === AFTER_CR) return true
      if (state === FIELD_START) {
        if (text.charCodeAt(i) === QUOTE) {
          state = QUOTED
          i++
        } else state = UNQUOTED
      } else if (state === QUOTED) {
        const q = text.indexOf('"', i)
        if (q === -1) i = len
        else {
          state = QUOTE_IN_QUOTED
          i = q + 1
        }
      } else if (state === QUOTE_IN_QUOTED) {
        if (text.charCodeAt(i) === QUOTE) {
          state = QUOTED
          i++
        } else state = UNQUOTED // a closing quote: a delimiter, a line break or text after it
      } else {
        if (d < i) d = indexOrLength(text, delimiter, i)
        if (lf < i) lf = indexOrLength(text, '\n', i)
        if (cr < i) cr = indexOrLength(text, '\r', i)
        const at = Math.min(d, lf, cr)
        if (at === len) i = len
        else if (at === d) {
          state = FIELD_START
          i = at + 1
        } else if (at === lf || at + 1 < len) return true
        else {
          state = AFTER_CR // a CR that ends the text may be half of a CRLF
          i = len
        }
      }
    }
    this.scan = state
    return false
  }

  /** Parses every complete record in the buffer; an incomplete tail waits for more text unless `final`. */
  private parse(final: boolean): void {
    const buf = this.buffer
    const len = buf.length
    const delimiter = this.delimiter
    const delimiterText = this.options.delimiter
    const record = this.record
    // Where the next delimiter, LF and CR are (len: none left), found with native indexOf, which scans
    // several times faster than a charCodeAt loop; each is searched again only once passed.
    let nextDelimiter = -1
    let nextLF = -1
    let nextCR = -1
    let pos = 0
    while (pos < len && !this.stopped) {
      const recordStart = pos
      const startLine = this.line
      let line = startLine
      record.reset(buf, startLine)
      // Allocated only for a record that has one: this loop runs once per row of millions.
      let problems: CsvSyntaxProblem[] | null = null
      let i = pos
      let complete = false
      let incomplete = false
      for (;;) {
        const fieldLine = line
        let start: number
        let end: number
        let escaped: string | undefined
        if (i < len && buf.charCodeAt(i) === QUOTE) {
          let j = i + 1
          let closed = -1
          let doubled = false
          for (;;) {
            const q = buf.indexOf('"', j)
            if (q === -1) break
            if (q + 1 < len && buf.charCodeAt(q + 1) === QUOTE) {
              doubled = true
              j = q + 2
              continue
            }
            if (q + 1 >= len && !final) break // the next chunk may start with a second quote
            closed = q
            break
          }
          if (closed === -1) {
            if (!final) {
              incomplete = true
              break
            }
            this.onProblem({
              code: 'unterminated-quote',
              line: fieldLine,
              fieldNumber: record.count + 1,
              message: `a quoted field opened on line ${fieldLine} is never closed; the rest of the file (from line ${fieldLine}) cannot be read as records`
            })
            this.stopped = true
            return
          }
          if (doubled) escaped = undoubleQuotes(buf, i + 1, closed)
          start = i + 1
          end = closed
          if (nextLF < i) nextLF = indexOrLength(buf, '\n', i)
          if (nextCR < i) nextCR = indexOrLength(buf, '\r', i)
          if (nextLF < closed || nextCR < closed) line += countLineBreaks(buf, i, closed)
          i = closed + 1
          if (i < len) {
            const next = buf.charCodeAt(i)
            if (next !== delimiter && next !== LF && next !== CR) {
              let after = i
              while (after < len) {
                const c = buf.charCodeAt(after)
                if (c === delimiter || c === LF || c === CR) break
                after++
              }
              if (after >= len && !final) {
                incomplete = true
                break
              }
              ;(problems ??= []).push({
                code: 'text-after-quote',
                line,
                fieldNumber: record.count + 1,
                message: `text ${JSON.stringify(buf.slice(i, Math.min(after, i + 20)))} follows the closing quote of field ${record.count + 1}; quote the whole field and double any quote inside it`
              })
              escaped = (escaped ?? buf.slice(start, end)) + buf.slice(i, after)
              i = after
            }
          }
        } else {
          start = i
          if (nextDelimiter < i) nextDelimiter = indexOrLength(buf, delimiterText, i)
          if (nextLF < i) nextLF = indexOrLength(buf, '\n', i)
          if (nextCR < i) nextCR = indexOrLength(buf, '\r', i)
          i = nextDelimiter < nextLF ? nextDelimiter : nextLF
          if (nextCR < i) i = nextCR
          if (i >= len && !final) {
            incomplete = true
            break
          }
          end = i
        }
        record.add(start, end, escaped)
        if (record.count > MAX_COLUMNS) {
          // Stopped at the first cell too many: a record of millions of commas costs no array of them.
          this.onProblem({
            code: 'too-many-columns',
            line: startLine,
            message: `the record on line ${startLine} has more than ${MAX_COLUMNS.toLocaleString('en-US')} cells, more than the columns ml-smoke reads; the rest of the file is not read`
          })
          this.stopped = true
          return
        }
        if (line !== startLine || record.fieldLines) {
          record.fieldLines ??= Array.from({ length: record.count - 1 }, () => startLine)
          record.fieldLines.push(fieldLine)
        }
        if (i >= len) {
          complete = true
          break
        }
        const c = buf.charCodeAt(i)
        if (c === delimiter) {
          i++
          continue
        }
        // A lone CR at the very end of a chunk may be the first half of CRLF.
        if (c === CR && i + 1 >= len && !final) {
          incomplete = true
          break
        }
        const rawEnd = i
        i += c === CR && buf.charCodeAt(i + 1) === LF ? 2 : 1
        line++
        this.emit(line - 1, buf, recordStart, rawEnd, problems)
        complete = false
        pos = i
        break
      }
      if (incomplete) {
        this.line = startLine
        this.buffer = buf.slice(recordStart)
        return
      }
      if (complete) {
        this.emit(line, buf, recordStart, len, problems)
        pos = len
      } else {
        this.line = line
      }
    }
    this.buffer = ''
  }

  private emit(
    endLine: number,
    buf: string,
    start: number,
    end: number,
    problems: CsvSyntaxProblem[] | null
  ): void {
    this.line = endLine + 1
    if (problems) for (const problem of problems) this.onProblem(problem)
    const record = this.record
    record.endLine = endLine
    record.raw = this.options.keepRaw ? buf.slice(start, end) : ''
    if (this.onRecord(record) === false) this.stopped = true
  }
}

/**
 * buf[from, to) with each doubled quote made one, built from pieces joined a thousand at a time: a string
 * grown by one piece per pair (or replaceAll) held millions of pieces at once, and a cell of 4 M doubled
 * quotes took the CLI past 200 MiB (246 MiB for a subset of it); this peaks near twice the text.
 */
const SHORT_CELL_CHARS = 4096

function undoubleQuotes(buf: string, from: number, to: number): string {
  // Nearly every cell is short: plain concatenation. A long one is joined from pieces, a thousand at a
  // time, so that millions of doubled quotes do not become a string of millions of parts.
  if (to - from <= SHORT_CELL_CHARS) {
    let text = ''
    let at = from
    for (let q = buf.indexOf('""', at); q !== -1 && q < to; q = buf.indexOf('""', at)) {
      text += buf.slice(at, q + 1)
      at = q + 2
    }
    return text + buf.slice(at, to)
  }
  const parts: string[] = []
  const chunks: string[] = []
  let at = from
  for (let q = buf.indexOf('""', at); q !== -1 && q < to; q = buf.indexOf('""', at)) {
    parts.push(buf.slice(at, q + 1))
    at = q + 2
    if (parts.length === 1024) {
      chunks.push(parts.join(''))
      parts.length = 0
    }
  }
  parts.push(buf.slice(at, to))
  chunks.push(parts.join(''))
  return chunks.length === 1 ? chunks[0] : chunks.join('')
}

function indexOrLength(buf: string, search: string, from: number): number {
  const at = buf.indexOf(search, from)
  return at === -1 ? buf.length : at
}

/** Line breaks (LF, CRLF or a lone CR, as editors count them) in buf[from, to). */
function countLineBreaks(buf: string, from: number, to: number): number {
  let count = 0
  for (let k = from; k < to; k++) {
    const c = buf.charCodeAt(k)
    if (c === LF || (c === CR && buf.charCodeAt(k + 1) !== LF)) count++
  }
  return count
}

export interface CsvReadResult {
  /** The line terminator of the first record ("\n" unless the file uses CRLF). */
  lineEnding: '\n' | '\r\n'
  /** With a byte range: physical lines read, and whether the range ended exactly between records. */
  linesRead?: number
  endedBetweenRecords?: boolean
}

/**
 * Reads a CSV file through the tokenizer piece by piece (see fileReads). Invalid UTF-8 stops reading with a
 * problem at the line where the bad byte is (the rest of the file cannot be decoded reliably).
 */
export async function readCsvFile(
  file: string,
  options: CsvOptions,
  onRecord: (record: CsvRecord) => boolean | void,
  onProblem: (problem: CsvSyntaxProblem) => void
): Promise<CsvReadResult> {
  const tokenizer: RecordTokenizer = needsDialectTokenizer(options.quoting)
    ? new DialectTokenizer(options, onRecord, onProblem)
    : new CsvTokenizer(options, onRecord, onProblem)
  const chunks = new Utf8Chunks(!options.start, true, (options.firstLine ?? 1) - 1)
  const reads = fileReads(await openRegularFile(file), options.start, options.end)
  let lineEnding: '\n' | '\r\n' | undefined
  // Stopping early (a return, a throw) ends the reads, which closes the file.
  for await (const read of reads)
    for (const chunk of piecesOf(read)) {
      const text = chunks.decode(chunk)
      if (text === null) {
        // The whole lines before the bad byte are read first: their rows are checked too.
        tokenizer.push(chunks.validPrefix)
        if (!tokenizer.isStopped) onProblem(chunks.problem!)
        return { lineEnding: lineEnding ?? '\n' }
      }
      if (lineEnding === undefined) {
        const lf = text.indexOf('\n')
        if (lf !== -1) lineEnding = lf > 0 && text.charCodeAt(lf - 1) === CR ? '\r\n' : '\n'
      }
      if (chunks.carried) tokenizer.pushJoined(text)
      else tokenizer.push(text)
      if (tokenizer.isStopped) return { lineEnding: lineEnding ?? '\n' }
      chunks.hold(tokenizer.heldLength)
    }
  const tail = chunks.end()
  if (tail === null) {
    onProblem(chunks.problem!)
    return { lineEnding: lineEnding ?? '\n' }
  }
  if (tail) tokenizer.push(tail)
  if (options.end !== undefined) {
    // A partition: a record cut by the range end belongs to the next partition, which reads it again.
    return {
      lineEnding: lineEnding ?? '\n',
      linesRead: tokenizer.currentLine - 1,
      endedBetweenRecords: tokenizer.pendingLength === 0
    }
  }
  tokenizer.finish()
  return { lineEnding: lineEnding ?? '\n' }
}
