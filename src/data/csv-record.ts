// What a CSV tokenizer hands its reader, and the options it reads by: shared by the RFC 4180 tokenizer
// (csv.ts) and the Table Dialect one (csv-dialect.ts).
/**
 * One CSV record with where it came from (a TextCells, and a RowPosition). The tokenizer reuses one record for every row and keeps each cell
 * as a range of the text it read, so a row costs no allocation until someone asks for a cell's string:
 * read it inside the callback, or copy `fields`.
 */
export class CsvRecord {
  count = 0
  source = ''
  starts = new Int32Array(16)
  ends = new Int32Array(16)
  /** Cells whose text is not their source range (doubled quotes, text after a quote), by index. */
  private readonly escapes: Array<string | undefined> = []
  private escapedCount = 0
  /** Physical line (1-based) where the record starts. */
  line = 1
  /** Line where each field starts; null when the whole record sits on one line. */
  fieldLines: number[] | null = null
  /** Physical line where the record ends (differs from `line` when a quoted field holds newlines). */
  endLine = 1
  /** The record's exact source text without its line terminator (only with `keepRaw`). */
  raw = ''
  /** A comment line (a dialect's commentChar): no cells, only `raw` (the dialect tokenizer's alone). */
  comment = false
  /** The Frictionless row number, when the reader numbers rows itself (a dialect's header and comment rows). */
  rowNumber: number | undefined = undefined

  cell(index: number): string {
    const escaped = this.escapedCount ? this.escapes[index] : undefined
    return escaped ?? this.source.slice(this.starts[index], this.ends[index])
  }

  escapedAt(index: number): string | undefined {
    return this.escapedCount ? this.escapes[index] : undefined
  }

  /** Every cell as a new array of strings. */
  get fields(): string[] {
    const fields = new Array<string>(this.count)
    for (let k = 0; k < this.count; k++) fields[k] = this.cell(k)
    return fields
  }

  reset(source: string, line: number): void {
    if (this.escapedCount) {
      this.escapes.length = 0
      this.escapedCount = 0
    }
    this.source = source
    this.count = 0
    this.line = line
    this.fieldLines = null
  }

  add(start: number, end: number, escaped: string | undefined): void {
    const k = this.count
    if (k === this.starts.length) {
      const starts = new Int32Array(k * 2)
      const ends = new Int32Array(k * 2)
      starts.set(this.starts)
      ends.set(this.ends)
      this.starts = starts
      this.ends = ends
    }
    this.starts[k] = start
    this.ends[k] = end
    if (escaped !== undefined) {
      this.escapes[k] = escaped
      this.escapedCount++
    }
    this.count = k + 1
  }
}

export type CsvSyntaxCode =
  | 'unterminated-quote'
  | 'text-after-quote'
  | 'invalid-utf8'
  | 'record-too-long'
  | 'too-many-columns'
  | 'line-terminator'

/** Malformed CSV: reported with its position, never repaired silently. */
export interface CsvSyntaxProblem {
  code: CsvSyntaxCode
  line: number
  fieldNumber?: number
  message: string
}

/**
 * The Table Dialect options that change how text becomes cells (absent: RFC 4180's). Any of them takes the
 * dialect tokenizer (csv-dialect.ts); without them the RFC 4180 one reads, as fast as before.
 */
export interface CsvQuoting {
  quoteChar?: string
  doubleQuote?: boolean
  escapeChar?: string
  skipInitialSpace?: boolean
  commentChar?: string
  lineTerminator?: '\r\n' | '\n' | '\r'
}

export interface CsvOptions {
  delimiter: string
  keepRaw: boolean
  /** Quoting, escapes, comments and line terminators other than RFC 4180's. */
  quoting?: CsvQuoting
  /** Read only bytes [start, end) of the file, for parallel partitions. */
  start?: number
  end?: number
  /** The line the first byte read is on (a later partition's; default 1). */
  firstLine?: number
}

/** What readCsvFile drives: text in, records and problems out through the callbacks it was made with. */
export interface RecordTokenizer {
  readonly isStopped: boolean
  /** Text of a record not finished yet (a partition that ends inside a record has some). */
  readonly pendingLength: number
  /** Characters of the last text the tokenizer wants handed again in front of the next (see pushJoined). */
  readonly heldLength: number
  /** Physical lines read so far (the next record starts on this line). */
  readonly currentLine: number
  push(text: string): void
  /** Like push, for text that already begins with the `heldLength` characters held back. */
  pushJoined(text: string): void
  finish(): void
}

/** The delimiter a tokenizer splits on, as a char code; one that cannot separate fields is a bug upstream. */
export function delimiterCode(delimiter: string): number {
  const problem = delimiterProblem(delimiter)
  if (problem) throw new Error(`delimiter ${JSON.stringify(delimiter)}: ${problem}`)
  return delimiter.charCodeAt(0)
}

/** Why a string cannot separate CSV fields, or null when it can (the one rule for inputs, flags and the tokenizer). */
export function delimiterProblem(delimiter: string): string | null {
  if (delimiter.length !== 1) return 'expected one character'
  if (delimiter === '"' || delimiter === '\n' || delimiter === '\r')
    return 'a quote or a line break cannot separate fields'
  return null
}
