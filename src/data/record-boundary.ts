// Where a CSV file can be cut into parts that are read on their own (by a second thread, or by the shards
// of a plan): at a record boundary, with the line that boundary starts.
import { open } from 'node:fs/promises'
import { readCsvFile } from './csv.js'
import { quotingOf, type Dialect } from './dialect.js'
import { MAX_RECORD_CHARS } from './text-chunks.js'

const LF = 0x0a
const CR = 0x0d

/** The dialect's quote and escape characters as bytes (canSplitDialect keeps the quote to one byte). */
export function quoteBytes(dialect: Dialect | undefined): { quote: number; escape: number } {
  const escape = dialect?.escapeChar
  return {
    quote: (dialect?.quoteChar ?? '"').charCodeAt(0),
    escape: escape !== undefined && escape.charCodeAt(0) < 0x80 ? escape.charCodeAt(0) : -1
  }
}

/** The header record, if it is one physical line. */
export async function readHeader(
  file: string,
  delimiter: string,
  dialect: Dialect | undefined
): Promise<string[] | null> {
  let header: string[] | null = null
  await readCsvFile(
    file,
    { delimiter, keepRaw: false, quoting: quotingOf(dialect) },
    record => {
      header = record.endLine === 1 ? record.fields : null
      return false
    },
    () => undefined
  )
  return header
}

/** A place to cut a file: its byte offset, and the line that starts there (1-based, as the reader counts). */
export interface Cut {
  offset: number
  line: number
}

/**
 * Line breaks in bytes [from, to) of a chunk as the CSV reader counts them: LF, CRLF and a lone CR.
 * `crBefore`: the byte before `from` was a CR (an LF at `from` then ends that line, not a new one).
 */
function lineBreaks(chunk: Buffer, from: number, to: number, crBefore: boolean): number {
  let breaks = 0
  for (let k = chunk.indexOf(LF, from); k !== -1 && k < to; k = chunk.indexOf(LF, k + 1))
    if (!(k === from ? crBefore : chunk[k - 1] === CR)) breaks++
  for (let k = chunk.indexOf(CR, from); k !== -1 && k < to; k = chunk.indexOf(CR, k + 1)) breaks++
  return breaks
}

/**
 * The cuts at or after each of `targets` (ascending byte offsets): the first line break with an even
 * number of quotes before it (in RFC 4180 a line break inside quotes always follows an odd count; an
 * escaped quote is not counted), and the line that starts after it. Counting quotes and line breaks
 * natively with indexOf is a fraction of validating. A target with no boundary within a record's longest
 * after it gives null. A file that breaks the quoting rule is caught later: the part before the cut
 * then does not end between records.
 */
export async function recordBoundaries(
  file: string,
  targets: readonly number[],
  { quote, escape }: { quote: number; escape: number }
): Promise<Array<Cut | null>> {
  const cuts: Array<Cut | null> = []
  const handle = await open(file, 'r')
  try {
    const buffer = Buffer.alloc(1 << 20)
    let quotes = 0
    let lines = 1
    let crBefore = false
    let position = 0
    for (let t = 0; t < targets.length;) {
      const at = targets[t]
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position)
      const chunk = buffer.subarray(0, bytesRead)
      const before = Math.max(0, Math.min(bytesRead, at - position))
      let scanned = before
      for (let q = chunk.indexOf(quote); q !== -1 && q < before; q = chunk.indexOf(quote, q + 1))
        if (q === 0 || chunk[q - 1] !== escape) quotes++
      lines += lineBreaks(chunk, 0, before, crBefore)
      let found = -1
      for (let i = before; i < bytesRead && found === -1; i++) {
        const byte = chunk[i]
        if (byte === quote && (i === 0 || chunk[i - 1] !== escape)) quotes++
        else if (byte === LF || byte === CR) {
          if (!(byte === LF && (i === 0 ? crBefore : chunk[i - 1] === CR))) lines++
          if (byte === LF && quotes % 2 === 0) found = i + 1
        }
        scanned = i + 1
      }
      if (found !== -1) {
        cuts.push({ offset: position + found, line: lines })
        t++
        // The next target is scanned from the cut on.
        position += found
        crBefore = false
        continue
      }
      crBefore = scanned > 0 ? chunk[scanned - 1] === CR : crBefore
      position += scanned
      if (bytesRead === 0 || position > at + MAX_RECORD_CHARS) {
        cuts.push(null)
        t++
      }
    }
  } finally {
    await handle.close()
  }
  return cuts
}
