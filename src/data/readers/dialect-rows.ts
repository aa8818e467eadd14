// The rows of a delimited file as a Table Dialect lays them out: which are the header (none, one, or
// several joined), which are comments, which are data. Rows are numbered as frictionless-py numbers them:
// every record of the file counts, comment lines and header rows too, so a message's row is the file's.
import type { CsvRecord, CsvSyntaxProblem } from '../csv-record.js'
import type { Dialect } from '../dialect.js'
import { labelTooLong, type TableSink } from '../table.js'
import { MAX_RECORD_CHARS, MAX_RECORD_TEXT } from '../text-chunks.js'

/**
 * Several header rows make one label per column, as frictionless-py joins them: each row's cell, trimmed,
 * joined to the label with headerJoin, unless it repeats the cell above it (a merged cell written out).
 * One header row is its labels as they are.
 */
export class HeaderLabels {
  private first: string[] | null = null
  private joined: string[] | null = null
  private readonly above = new Map<number, string>()

  constructor(private readonly headerJoin: string) {}

  get rows(): number {
    return this.joined ? 2 : this.first ? 1 : 0
  }

  add(cells: string[]): void {
    if (this.first === null) {
      this.first = cells
      return
    }
    if (this.joined === null) {
      this.joined = []
      this.join(this.first)
    }
    this.join(cells)
  }

  get labels(): string[] {
    return this.joined ?? this.first ?? []
  }

  private join(cells: string[]): void {
    const labels = this.joined!
    cells.forEach((text, index) => {
      const cell = text.trim()
      if (this.above.get(index) === cell) return
      this.above.set(index, cell)
      if (index >= labels.length) labels.push(cell)
      else labels[index] = `${labels[index]}${this.headerJoin}${cell}`
    })
  }
}

/**
 * Hands a sink the header and the data rows of a file whose dialect has header rows other than the first
 * (headerRows), none (header: false), or comment rows (commentChar, commentRows). The header goes to the
 * sink just before the first data row, with the source text of every row before that row (the subset
 * keeps them, so the user's reader finds the header where it was). Without headerRows, the header is the
 * first row that is not a comment, as frictionless-py finds it; with them, rows before and between them
 * are neither header nor data.
 */
export class DialectRows {
  private seen = 0
  private readonly headerRows: readonly number[]
  private readonly commentRows: ReadonlySet<number>
  private readonly header: HeaderLabels
  private headerLine: number | undefined
  private headerRow: number | undefined
  private readonly preamble: string[] = []
  private preambleLength = 0
  private headerSent = false
  /** Reading stopped here (a label or the rows before the data too long): no header to hand over. */
  private stopped = false

  constructor(
    private readonly dialect: Dialect,
    private readonly sink: TableSink,
    private readonly options: { keepRaw?: boolean; columnNames?: string[] }
  ) {
    this.headerRows = dialect.header === false ? [] : (dialect.headerRows ?? [])
    this.commentRows = new Set(dialect.commentRows)
    this.header = new HeaderLabels(dialect.headerJoin ?? ' ')
  }

  record(record: CsvRecord): boolean | void {
    const n = ++this.seen
    if (record.comment || this.commentRows.has(n)) return this.beforeData(record)
    if (this.isHeaderRow(n)) {
      this.header.add(record.fields)
      this.headerLine ??= record.line
      this.headerRow ??= n
      // Labels joined from many rows can grow long: stop at the row that makes one too long.
      const tooLong = labelTooLong(this.header.labels, record.line)
      if (tooLong) {
        this.sink.problem({ ...tooLong, rowNumber: n })
        this.stopped = true
        return false
      }
      return this.beforeData(record)
    }
    const last = this.headerRows[this.headerRows.length - 1]
    if (last !== undefined && n < last) return this.beforeData(record)
    if (!this.headerSent) this.sendHeader(record.count)
    record.rowNumber = n
    return this.sink.textRow
      ? this.sink.textRow(record, record)
      : this.sink.row(record.fields, record)
  }

  /** A problem of the record being read: the next one. */
  problem(problem: CsvSyntaxProblem): void {
    this.sink.problem({ ...problem, rowNumber: this.seen + 1 })
  }

  /** At the end of the file: a header with no data rows after it is still the header. */
  finish(): void {
    if (!this.headerSent && !this.stopped && this.header.rows) this.sendHeader(0)
  }

  private isHeaderRow(n: number): boolean {
    if (this.dialect.header === false || this.headerSent) return false
    return this.dialect.headerRows ? this.headerRows.includes(n) : this.header.rows === 0
  }

  private beforeData(record: CsvRecord): boolean {
    if (!this.options.keepRaw || this.headerSent) return true
    this.preamble.push(record.raw)
    this.preambleLength += record.raw.length
    if (this.preambleLength <= MAX_RECORD_CHARS) return true
    this.sink.problem({
      code: 'record-too-long',
      line: record.line,
      rowNumber: this.seen,
      message: `the rows before the first data row (header, comment and skipped rows, to line ${record.endLine}) are longer than ${MAX_RECORD_TEXT}; the rest of the file is not read`
    })
    this.stopped = true
    return false
  }

  /** The header, made of the header rows, or named by the schema (else field1, field2, ...) without one. */
  private sendHeader(width: number): void {
    this.headerSent = true
    const labels =
      this.dialect.header === false
        ? (this.options.columnNames ?? Array.from({ length: width }, (_, i) => `field${i + 1}`))
        : this.header.labels
    const raw = this.options.keepRaw ? this.preamble : undefined
    this.sink.header(labels, this.headerLine, raw, this.headerRow)
  }
}
