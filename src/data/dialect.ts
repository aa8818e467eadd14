// Table Dialect (Frictionless v2): how a delimited text file is laid out (header rows, comment rows,
// quoting, escapes, the delimiter, the null sequence). It describes the file, not its fields, so it comes
// from the `dialect` option (a dialect file, or inline), beside the dataset, as a Data Resource holds it
// beside its schema. Every key is read and enforced, or refused by name: never read as if it were absent.
// The descriptor is checked in dialect-schema.ts; this module is what the readers need of it.
import type { CsvQuoting } from './csv-record.js'

/** A Table Dialect as ml-smoke reads it: its keys, checked; an absent key means the spec's default. */
export interface Dialect {
  $schema?: string
  name?: string
  title?: string
  description?: string
  csvddfVersion?: number | string
  header?: boolean
  /** 1-based record numbers, ascending, without repeats. */
  headerRows?: number[]
  headerJoin?: string
  commentRows?: number[]
  commentChar?: string
  delimiter?: string
  lineTerminator?: '\r\n' | '\n' | '\r'
  quoteChar?: string
  doubleQuote?: boolean
  escapeChar?: string
  nullSequence?: string
  skipInitialSpace?: boolean
}

/** The dialect's options for the tokenizer (undefined: RFC 4180's). */
export function quotingOf(dialect: Dialect | undefined): CsvQuoting | undefined {
  if (!dialect) return undefined
  const { quoteChar, doubleQuote, escapeChar, skipInitialSpace, commentChar, lineTerminator } =
    dialect
  return { quoteChar, doubleQuote, escapeChar, skipInitialSpace, commentChar, lineTerminator }
}

/** Whether rows are other than one header row then data: the reader then numbers rows itself. */
export function changesRowLayout(dialect: Dialect | undefined): boolean {
  if (!dialect) return false
  const headerRows = dialect.headerRows
  return (
    dialect.header === false ||
    (headerRows !== undefined && (headerRows.length !== 1 || headerRows[0] !== 1)) ||
    dialect.commentRows !== undefined ||
    dialect.commentChar !== undefined
  )
}

/**
 * Whether two threads can read the file from a line break in its middle: not when rows are numbered from
 * the file's start (header and comment rows), when the first mismatched line break is to be reported once
 * (lineTerminator), or when a quote that is not one byte hides from the byte scan for a boundary.
 */
export function canSplitDialect(dialect: Dialect | undefined): boolean {
  if (!dialect) return true
  const quote = dialect.quoteChar ?? '"'
  return (
    !changesRowLayout(dialect) && dialect.lineTerminator === undefined && quote.charCodeAt(0) < 0x80
  )
}
