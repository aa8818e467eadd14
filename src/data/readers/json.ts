import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { piecesOf, READ_BYTES, Utf8Chunks } from '../text-chunks.js'
import { parsePythonJson } from '../../json.js'
import { ABSENT, type ReadOptions, type ReadResult, type TableSink } from '../table.js'

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value
}

/** One JSON object per row: the first object's keys are the header, later rows are matched by key. */
class ObjectRows {
  private columns: string[] | null = null
  private index = new Map<string, number>()

  constructor(private readonly sink: TableSink) {}

  add(record: Record<string, unknown>, line: number | undefined, raw?: string): boolean | void {
    if (this.columns === null) {
      this.columns = Object.keys(record)
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
      if (at === undefined) (extra ??= []).push(key)
      else {
        cells[at] = record[key]
        next = at + 1
      }
    }
    return this.sink.row(cells, { line, raw }, extra)
  }
}

/**
 * JSON Lines, streamed: one object per line, Python's NaN/Infinity accepted. A line that is not an
 * object is reported at its line, never skipped silently; an empty line is a blank row.
 */
export async function readJsonlTable(
  file: string,
  options: ReadOptions,
  sink: TableSink
): Promise<ReadResult> {
  const rows = new ObjectRows(sink)
  const chunks = new Utf8Chunks(true, false)
  let pending = ''
  let line = 0
  let lineEnding: '\n' | '\r\n' | undefined
  const handle = (text: string, final: boolean): boolean => {
    const data = chunks.carried || pending === '' ? text : pending + text
    let start = 0
    for (;;) {
      const end = data.indexOf('\n', start)
      if (end === -1) break
      line++
      let content = data.slice(start, end)
      if (content.endsWith('\r')) {
        content = content.slice(0, -1)
        lineEnding ??= '\r\n'
      }
      lineEnding ??= '\n'
      start = end + 1
      if (handleLine(content) === false) return false
    }
    pending = data.slice(start)
    if (final && pending !== '') {
      line++
      const last = pending
      pending = ''
      return handleLine(last) !== false
    }
    return true
  }
  const handleLine = (content: string): boolean | void => {
    let record: unknown
    try {
      record = parsePythonJson(content)
    } catch (error) {
      if (content.trim() === '') {
        sink.problem({ code: 'blank-row', line, message: 'the line is empty' })
        return
      }
      sink.problem({
        code: 'json-error',
        line,
        message: `not valid JSON: ${(error as Error).message}`
      })
      return
    }
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
  for await (const read of createReadStream(file, {
    highWaterMark: READ_BYTES
  }) as AsyncIterable<Buffer>)
    for (const chunk of piecesOf(read)) {
      const text = chunks.decode(chunk)
      if (text === null) {
        sink.problem(chunks.problem!)
        return { lineEnding }
      }
      if (!handle(text, false)) return { lineEnding }
      chunks.hold(pending.length)
    }
  const tail = chunks.end()
  if (tail === null) {
    sink.problem(chunks.problem!)
    return { lineEnding }
  }
  handle(tail, true)
  return { lineEnding }
}

/** A JSON array of objects (or of arrays, the first being the header). Read whole: JSON has no rows to stream. */
export async function readJsonTable(
  file: string,
  _options: ReadOptions,
  sink: TableSink
): Promise<ReadResult> {
  const size = (await stat(file)).size
  if (size > 512 * 1024 * 1024) {
    sink.problem({
      code: 'source-error',
      message: `${Math.round(size / 2 ** 20)} MiB is too large for a JSON array (read whole); use JSON Lines`
    })
    return {}
  }
  let document: unknown
  try {
    document = parsePythonJson(await readFile(file, 'utf8'))
  } catch (error) {
    sink.problem({ code: 'json-error', message: `not valid JSON: ${(error as Error).message}` })
    return {}
  }
  if (!Array.isArray(document)) {
    sink.problem({
      code: 'json-error',
      message: `expected an array of row objects; got ${describe(document)}`
    })
    return {}
  }
  if (document.length && Array.isArray(document[0])) {
    sink.header((document[0] as unknown[]).map(String))
    for (const row of document.slice(1))
      if (sink.row(Array.isArray(row) ? row : [row], {}) === false) break
    return {}
  }
  const rows = new ObjectRows(sink)
  for (const record of document) {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      sink.problem({
        code: 'json-error',
        message: `expected an object per row; got ${describe(record)}`
      })
      continue
    }
    if (rows.add(record as Record<string, unknown>, undefined) === false) break
  }
  return {}
}
