import type { FileHandle } from 'node:fs/promises'
import { parquetMetadata, parquetSchema, type ColumnMetaData, type FileMetaData } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'
import { parquetHeader, readPage } from 'hyparquet/src/column.js'
import { convert, DEFAULT_PARSERS } from 'hyparquet/src/convert.js'
import { UserError } from '../../errors.js'
import { openRegularFile } from '../../file-info.js'
import { parsePythonJson } from '../../json.js'
import {
  labelTooLong,
  MAX_COLUMNS,
  type ReadOptions,
  type ReadResult,
  type TableSink
} from '../table.js'
import { timeText, timeTicksPerSecond } from './parquet-time.js'
import { checkThriftShape, ThriftCutShort } from './thrift-shape.js'

/** What to do about a file that does not read as Parquet, or stops reading as Parquet part of the way. */
const DAMAGED = {
  hint: 'check that the file was copied whole (not cut short, not a Git LFS pointer) and, if so, write it again with pandas, pyarrow or DuckDB'
}

type ColumnDecoder = Parameters<typeof readPage>[2]
type DecodedArray = NonNullable<ReturnType<typeof readPage>['data']>
type DataReader = Parameters<typeof readPage>[0]
type PageHeader = ReturnType<typeof parquetHeader>
type Parsers = typeof DEFAULT_PARSERS

/**
 * The footer's metadata (schema, row groups, column chunks) is read whole: past this size a file is
 * refused before it is read. A file of 1,000 columns in 100 row groups has a few MiB.
 */
export const MAX_METADATA_BYTES = 32 * 1024 * 1024
/**
 * Thrift values in the metadata (each becomes an object or a number): its bytes are checked for this
 * before hyparquet builds them, since a list of empty structs costs 60 bytes of heap per byte of file.
 */
export const MAX_METADATA_VALUES = 2_000_000
/**
 * Values in one page (a page of a flat column holds one per row): decoding allocates arrays of the
 * declared count, and a run-length encoded page of a few bytes may declare billions. Writers put
 * 20,000 (pyarrow, parquet-mr), 122,880 (DuckDB) or 262,143 (hyparquet-writer) rows in a page.
 */
export const MAX_PAGE_VALUES = 4 * 1024 * 1024
/** Thrift values in a page header (a few dozen, more with statistics and level histograms). */
const MAX_PAGE_HEADER_VALUES = 100_000
/** A page's declared size once decompressed. */
export const MAX_PAGE_BYTES = 256 * 1024 * 1024

/**
 * Values hyparquet would make into a Date JavaScript cannot hold (past the year 275760, a timestamp of
 * TIMESTAMP '290000-01-01') are kept as their ISO text instead, which a datetime field reports as a type
 * error; a JSON column's text that does not parse (or nests too deep) stays text.
 */
const PARSERS: Parsers = {
  ...DEFAULT_PARSERS,
  timestampFromMilliseconds: millis => dateOrText(BigInt(millis), 1n),
  timestampFromMicroseconds: micros => dateOrText(BigInt(micros), 1000n),
  timestampFromNanoseconds: nanos => dateOrText(BigInt(nanos), 1_000_000n),
  dateFromDays: days => dateOrText(BigInt(days) * 86_400_000n, 1n),
  jsonFromBytes(bytes) {
    if (!bytes) return bytes
    const text = DEFAULT_PARSERS.stringFromBytes(bytes) as string
    try {
      return parsePythonJson(text)
    } catch {
      return text
    }
  }
}

/** JavaScript's Date range: ±100,000,000 days from 1970. */
const MAX_DATE_MS = 8_640_000_000_000_000n

/** A time as `ticks` per millisecond since 1970: a Date when JavaScript can hold it, else ISO text. */
function dateOrText(ticks: bigint, perMs: bigint): Date | string {
  const ms = ticks / perMs - (ticks % perMs < 0n ? 1n : 0n)
  if (ms >= -MAX_DATE_MS && ms <= MAX_DATE_MS) return new Date(Number(ms))
  const days = ms / 86_400_000n - (ms % 86_400_000n < 0n ? 1n : 0n)
  const inDay = Number(ms - days * 86_400_000n)
  const [year, month, day] = civilFromDays(days)
  const pad = (n: number | bigint, width: number) => String(n).padStart(width, '0')
  const yearText = year < 0n ? `-${pad(-year, 6)}` : `+${pad(year, 6)}`
  const time = new Date(inDay).toISOString().slice(10)
  return `${yearText}-${pad(month, 2)}-${pad(day, 2)}${time}`
}

/** The proleptic Gregorian date of a day number (days since 1970-01-01), as H. Hinnant's civil_from_days. */
function civilFromDays(days: bigint): [bigint, number, number] {
  const z = days + 719_468n
  const era = (z >= 0n ? z : z - 146_096n) / 146_097n
  const dayOfEra = z - era * 146_097n
  const yearOfEra = (dayOfEra - dayOfEra / 1460n + dayOfEra / 36_524n - dayOfEra / 146_096n) / 365n
  const dayOfYear = dayOfEra - (365n * yearOfEra + yearOfEra / 4n - yearOfEra / 100n)
  const mp = (5n * dayOfYear + 2n) / 153n
  const day = Number(dayOfYear - (153n * mp + 2n) / 5n + 1n)
  const month = Number(mp < 10n ? mp + 3n : mp - 9n)
  return [yearOfEra + era * 400n + (month <= 2 ? 1n : 0n), month, day]
}

/**
 * The footer: its length is checked against the file and MAX_METADATA_BYTES, its Thrift bytes against
 * MAX_METADATA_VALUES and a nesting depth, before hyparquet builds objects from them.
 */
async function readMetadata(
  handle: FileHandle,
  file: string
): Promise<{ metadata: FileMetaData; dataEnd: number }> {
  const size = (await handle.stat()).size
  if (size < 12)
    throw new UserError(`${file}: not a readable Parquet file: only ${size} bytes`, DAMAGED)
  const tail = Buffer.alloc(8)
  await handle.read(tail, 0, 8, size - 8)
  if (tail.toString('latin1', 4) !== 'PAR1')
    throw new UserError(
      `${file}: not a readable Parquet file: it does not end with "PAR1"`,
      DAMAGED
    )
  const length = tail.readUInt32LE(0)
  if (length > size - 12)
    throw new UserError(
      `${file}: not a readable Parquet file: its footer says ${length} bytes of metadata; the file has ${size - 12} before it`,
      DAMAGED
    )
  if (length > MAX_METADATA_BYTES)
    throw new UserError(
      `${file}: ${(length / 2 ** 20).toFixed(0)} MiB of Parquet metadata is more than the ${MAX_METADATA_BYTES / 2 ** 20} MiB ml-smoke reads`
    )
  const footer = Buffer.allocUnsafeSlow(length + 8)
  await handle.read(footer, 0, length + 8, size - length - 8)
  try {
    checkThriftShape(footer, 0, length, MAX_METADATA_VALUES)
    const metadata = parquetMetadata(new Uint8Array(footer.buffer, footer.byteOffset, length + 8), {
      parsers: PARSERS,
      geoparquet: false
    })
    return { metadata, dataEnd: size - length - 8 }
  } catch (error) {
    throw new UserError(
      `${file}: not a readable Parquet file: ${(error as Error).message}`,
      DAMAGED
    )
  }
}

/** Each row group's stored bytes (its column chunks, compressed), from the footer: a plan cuts by them. */
export async function rowGroupBytes(file: string): Promise<number[]> {
  const handle = await openRegularFile(file)
  try {
    const { metadata } = await readMetadata(handle, file)
    return metadata.row_groups.map(group =>
      group.columns.reduce(
        (sum, chunk) => sum + Number(chunk.meta_data?.total_compressed_size ?? 0),
        0
      )
    )
  } finally {
    await handle.close()
  }
}

/**
 * Parquet, one page per column at a time: every codec hyparquet-compressors knows (snappy, gzip, zstd,
 * brotli, lz4), plain, dictionary and delta encodings, v1 and v2 pages. Memory follows the page (about
 * 1 MiB from pyarrow and parquet-mr; DuckDB writes one per 122,880-row group), not the row group, which
 * pyarrow and Spark make a million rows or 128 MiB. Nested columns (lists, structs, maps) are refused
 * with a clear message rather than flattened. Sizes the file declares (metadata, column chunks, pages,
 * values in a page) are checked against the file and the limits above before anything is allocated.
 */
/** The row groups a part reads (all, without one): a plan made for another version of the file is refused. */
function groupsToRead(
  file: string,
  groups: number,
  part: { from: number; to?: number } | undefined
): { from: number; to: number } {
  if (!part) return { from: 0, to: groups }
  const to = part.to ?? groups
  if (part.from < 0 || part.from > to || to > groups)
    throw new UserError(
      `${file}: the plan reads row groups ${part.from}-${to - 1} but the file has ${groups}: the file changed after the plan was made; make the plan again`
    )
  return { from: part.from, to }
}

export async function readParquetTable(
  file: string,
  options: ReadOptions,
  sink: TableSink
): Promise<ReadResult> {
  const handle = await openRegularFile(file)
  try {
    const { metadata, dataEnd } = await readMetadata(handle, file)
    let tree
    try {
      tree = parquetSchema(metadata)
    } catch (error) {
      throw new UserError(
        `${file}: not a readable Parquet schema: ${(error as Error).message}`,
        DAMAGED
      )
    }
    const nested = tree.children
      .filter(child => child.children.length > 0)
      .map(child => child.element.name)
    if (nested.length) {
      throw new UserError(
        `${file}: column${nested.length > 1 ? 's' : ''} ${nested.map(n => `"${n}"`).join(', ')} ${nested.length > 1 ? 'are' : 'is'} nested (list, struct or map); ml-smoke validates flat columns only`
      )
    }
    if (tree.children.length > MAX_COLUMNS)
      throw new UserError(
        `${file}: ${tree.children.length} columns: more than the ${MAX_COLUMNS} ml-smoke reads`
      )
    // A column without a name is a blank label, as in a CSV header.
    const columns = tree.children.map(child =>
      typeof child.element.name === 'string' ? child.element.name : ''
    )
    const tooLong = labelTooLong(columns)
    if (tooLong) throw new UserError(`${file}: ${tooLong.message}`)
    sink.header(columns)
    // One row and one position, refilled for every row (a sink copies what it keeps).
    const row = new Array<unknown>(columns.length)
    const position = { rowGroup: 0, rowInGroup: 0 }
    const { from, to } = groupsToRead(
      file,
      metadata.row_groups.length,
      options.partition?.rowGroups
    )
    for (let group = from; group < to; group++) {
      const rowGroup = metadata.row_groups[group]
      const count = Number(rowGroup.num_rows)
      position.rowGroup = group
      const where = (k: number) => `${file}: row group ${group}, column "${columns[k]}"`
      if (rowGroup.columns.length !== columns.length)
        throw new UserError(
          `${file}: row group ${group} has ${rowGroup.columns.length} column chunks for ${columns.length} columns`,
          DAMAGED
        )
      // Chunks follow the schema's order: two columns may share a name.
      const pages = tree.children.map((child, k) => {
        const meta = rowGroup.columns[k].meta_data
        if (
          !meta ||
          rowGroup.columns[k].file_path ||
          meta.path_in_schema?.[0] !== child.element.name
        )
          throw new UserError(`${where(k)}: no column chunk in this file`, DAMAGED)
        const schemaPath = [tree, child]
        return new ColumnPages(
          handle,
          meta,
          dataEnd,
          {
            pathInSchema: meta.path_in_schema,
            schemaPath,
            element: child.element,
            type: meta.type,
            codec: meta.codec,
            compressors,
            parsers: PARSERS
          },
          where(k)
        )
      })
      let done = 0
      while (done < count) {
        for (let k = 0; k < pages.length; k++) {
          if (pages[k].left > 0) continue
          if (!(await pages[k].load(count - done)))
            throw new UserError(
              `${where(k)}: the column ends after ${done} of the group's ${count} rows`,
              DAMAGED
            )
        }
        let take = count - done
        for (const page of pages) take = Math.min(take, page.left)
        for (let i = 0; i < take; i++) {
          for (let k = 0; k < pages.length; k++) row[k] = pages[k].values[pages[k].next + i]
          position.rowInGroup = done + i
          if (sink.row(row, position) === false) return {}
        }
        for (const page of pages) page.next += take
        done += take
        options.afterBatch?.()
      }
      for (let k = 0; k < pages.length; k++) {
        if (pages[k].left > 0 || (await pages[k].load(MAX_PAGE_VALUES)))
          throw new UserError(
            `${where(k)}: the column has more values than the group's ${count} rows`,
            DAMAGED
          )
      }
    }
  } finally {
    await handle.close()
  }
  return {}
}

/** Bytes read from the file at a time for one column; a page larger than this is read whole. */
const WINDOW_BYTES = 1 << 20
/** A page header is a few dozen bytes, more with statistics of long strings. */
const HEADER_BYTES = 4096

/** One column chunk of one row group, decoded a page at a time from the file. */
class ColumnPages {
  /** The current page's values, one per row; `next` is the first not yet handed out. */
  values: DecodedArray = []
  next = 0
  private offset: number
  private readonly end: number
  private dictionary: DecodedArray | undefined
  private window: DataView = new DataView(new ArrayBuffer(0))
  private windowStart = 0
  /** Set for a TIME column: its values become the time of day as text. */
  private readonly timeTicks: bigint | undefined

  constructor(
    private readonly file: FileHandle,
    meta: ColumnMetaData,
    dataEnd: number,
    private readonly decoder: ColumnDecoder,
    private readonly where: string
  ) {
    this.timeTicks = timeTicksPerSecond(decoder.element)
    // As hyparquet: some writers (polars) leave dictionary_page_offset out although a dictionary comes first.
    this.offset = Number(meta.dictionary_page_offset || meta.data_page_offset)
    this.end = this.offset + Number(meta.total_compressed_size)
    if (!(this.offset >= 4 && this.end >= this.offset && this.end <= dataEnd))
      throw new UserError(
        `${where}: its column chunk (bytes ${this.offset} to ${this.end}) is not inside the file's data (bytes 4 to ${dataEnd})`,
        DAMAGED
      )
  }

  get left(): number {
    return this.values.length - this.next
  }

  /** Reads pages up to the next one with values (at most `rows`); false at the end of the column chunk. */
  async load(rows: number): Promise<boolean> {
    try {
      while (this.offset < this.end) {
        let length = Math.min(HEADER_BYTES, this.end - this.offset)
        let reader = await this.bytesAt(this.offset, length)
        // The header's Thrift bytes are walked first (see checkThriftShape), read further if cut short.
        for (;;) {
          const bytes = new Uint8Array(
            reader.view.buffer,
            reader.view.byteOffset,
            reader.view.byteLength
          )
          try {
            checkThriftShape(bytes, reader.offset, reader.offset + length, MAX_PAGE_HEADER_VALUES)
            break
          } catch (error) {
            if (!(error instanceof ThriftCutShort) || length === this.end - this.offset)
              throw new Error(`a page header: ${(error as Error).message}`)
            length = Math.min(length * 16, this.end - this.offset)
            reader = await this.bytesAt(this.offset, length)
          }
        }
        const start = reader.offset
        const header = parquetHeader(reader)
        this.offset += reader.offset - start
        const size = header.compressed_page_size
        if (!header.type || typeof size !== 'number')
          throw new Error('a page header without its page type or size')
        if (!(size >= 0) || this.offset + size > this.end)
          throw new Error(`a ${header.type} page of ${size} bytes runs past the column chunk`)
        checkPageHeader(header, size, rows)
        const body = await this.bytesAt(this.offset, size)
        this.offset += size
        if (header.type === 'INDEX_PAGE') continue
        if (header.type === 'DICTIONARY_PAGE') {
          const { data } = readPage(body, header, this.decoder, undefined, undefined, 0)
          if (data) this.dictionary = convert(data, this.decoder)
          continue
        }
        const { data } = readPage(body, header, this.decoder, this.dictionary, undefined, 0)
        if (data?.length) {
          this.values = this.timeTicks === undefined ? data : this.timesOfDay(data, this.timeTicks)
          this.next = 0
          return true
        }
      }
      this.values = []
      this.next = 0
      return false
    } catch (error) {
      if (error instanceof UserError) throw error
      const message = (error as Error).message
      // A type hyparquet does not convert (INTERVAL, BSON) is a choice of the writer, not damage.
      const type = /^parquet (interval|bson) not supported$/.exec(message)?.[1]
      if (type)
        throw new UserError(
          `${this.where}: a column of type ${type.toUpperCase()}, which ml-smoke cannot read`,
          {
            hint: 'cast the column to a type ml-smoke reads (a string, a number) where the file is written, or leave it out'
          }
        )
      throw new UserError(`${this.where}: cannot decode a page: ${message}`, DAMAGED)
    }
  }

  private timesOfDay(data: DecodedArray, perSecond: bigint): DecodedArray {
    return Array.from(data as ArrayLike<unknown>, value =>
      typeof value === 'number' || typeof value === 'bigint'
        ? timeText(BigInt(value), perSecond)
        : value
    )
  }

  /**
   * The file's bytes [offset, offset + length) as a reader. Each read goes to a new buffer, never reused:
   * hyparquet may decode a page into a view of the bytes it was read from.
   */
  private async bytesAt(offset: number, length: number): Promise<DataReader> {
    const windowEnd = this.windowStart + this.window.byteLength
    if (offset < this.windowStart || offset + length > windowEnd) {
      const size = Math.min(Math.max(length, WINDOW_BYTES), this.end - offset)
      const buffer = Buffer.allocUnsafeSlow(size)
      const { bytesRead } = await this.file.read(buffer, 0, size, offset)
      if (bytesRead < size)
        throw new Error(`the file ends ${size - bytesRead} bytes before the column chunk does`)
      this.window = new DataView(buffer.buffer, buffer.byteOffset, size)
      this.windowStart = offset
    }
    return { view: this.window, offset: offset - this.windowStart }
  }
}

/**
 * A page header's counts and sizes against what the page can hold, before hyparquet allocates by them:
 * the values against MAX_PAGE_VALUES and the rows the group has left, the decompressed size against
 * MAX_PAGE_BYTES (and the stored size, when nothing is compressed).
 */
function checkPageHeader(header: PageHeader, size: number, rows: number): void {
  const unpacked = header.uncompressed_page_size
  if (!(unpacked >= 0) || unpacked > MAX_PAGE_BYTES)
    throw new Error(
      `a page says it holds ${unpacked} bytes once decompressed; ml-smoke reads pages of up to ${MAX_PAGE_BYTES / 2 ** 20} MiB`
    )
  const counts: Array<[string, number | undefined]> = []
  const v1 = header.data_page_header
  const v2 = header.data_page_header_v2
  const dictionary = header.dictionary_page_header
  if (header.type === 'DATA_PAGE') counts.push(['values', v1?.num_values])
  if (header.type === 'DATA_PAGE_V2') {
    counts.push(['values', v2?.num_values], ['rows', v2?.num_rows], ['nulls', v2?.num_nulls])
    const levels =
      (v2?.definition_levels_byte_length ?? 0) + (v2?.repetition_levels_byte_length ?? 0)
    if (!(levels >= 0 && levels <= size && levels <= unpacked))
      throw new Error(`a page's levels (${levels} bytes) do not fit in its ${size} bytes`)
  }
  if (header.type === 'DICTIONARY_PAGE') counts.push(['dictionary values', dictionary?.num_values])
  for (const [what, count] of counts) {
    if (count === undefined) continue
    const most = what === 'dictionary values' ? Math.min(MAX_PAGE_VALUES, unpacked * 8 + 8) : rows
    if (!(count >= 0) || count > most || count > MAX_PAGE_VALUES)
      throw new Error(
        count > MAX_PAGE_VALUES && count <= most
          ? `a page of ${count} ${what}: ml-smoke reads pages of up to ${MAX_PAGE_VALUES} values`
          : `a ${header.type} page says it has ${count} ${what}; ${what === 'dictionary values' ? `its ${unpacked} bytes hold at most ${most}` : `the row group has ${rows} rows left`}`
      )
  }
}
