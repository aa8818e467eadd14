import { open, type FileHandle } from 'node:fs/promises'
import {
  asyncBufferFromFile,
  parquetMetadataAsync,
  parquetSchema,
  type ColumnMetaData
} from 'hyparquet'
import { compressors } from 'hyparquet-compressors'
import { parquetHeader, readPage } from 'hyparquet/src/column.js'
import { convert, DEFAULT_PARSERS } from 'hyparquet/src/convert.js'
import { getTreePath } from 'hyparquet/src/schema.js'
import { UserError } from '../../errors.js'
import type { ReadOptions, ReadResult, TableSink } from '../table.js'

/** What to do about a file that does not read as Parquet, or stops reading as Parquet part of the way. */
const DAMAGED = {
  hint: 'check that the file was copied whole (not cut short, not a Git LFS pointer) and, if so, write it again with pandas, pyarrow or DuckDB'
}

type ColumnDecoder = Parameters<typeof readPage>[2]
type DecodedArray = NonNullable<ReturnType<typeof readPage>['data']>
type DataReader = Parameters<typeof readPage>[0]

/**
 * Parquet, one page per column at a time: every codec hyparquet-compressors knows (snappy, gzip, zstd,
 * brotli, lz4), plain, dictionary and delta encodings, v1 and v2 pages. Memory follows the page (about
 * 1 MiB from pyarrow and parquet-mr; DuckDB writes one per 122,880-row group), not the row group, which
 * pyarrow and Spark make a million rows or 128 MiB. Nested columns (lists, structs, maps) are refused
 * with a clear message rather than flattened.
 */
export async function readParquetTable(
  file: string,
  options: ReadOptions,
  sink: TableSink
): Promise<ReadResult> {
  let metadata
  try {
    metadata = await parquetMetadataAsync(await asyncBufferFromFile(file))
  } catch (error) {
    throw new UserError(
      `${file}: not a readable Parquet file: ${(error as Error).message}`,
      DAMAGED
    )
  }
  const tree = parquetSchema(metadata)
  const nested = tree.children
    .filter(child => child.children.length > 0)
    .map(child => child.element.name)
  if (nested.length) {
    throw new UserError(
      `${file}: column${nested.length > 1 ? 's' : ''} ${nested.map(n => `"${n}"`).join(', ')} ${nested.length > 1 ? 'are' : 'is'} nested (list, struct or map); ml-smoke validates flat columns only`
    )
  }
  const columns = tree.children.map(child => child.element.name)
  sink.header(columns)
  const handle = await open(file)
  try {
    // One row and one position, refilled for every row (a sink copies what it keeps).
    const row = new Array<unknown>(columns.length)
    const position = { rowGroup: 0, rowInGroup: 0 }
    for (let group = 0; group < metadata.row_groups.length; group++) {
      const rowGroup = metadata.row_groups[group]
      const count = Number(rowGroup.num_rows)
      position.rowGroup = group
      const where = (column: string) => `${file}: row group ${group}, column "${column}"`
      const pages = columns.map(name => {
        const chunk = rowGroup.columns.find(c => c.meta_data?.path_in_schema[0] === name)
        if (!chunk?.meta_data || chunk.file_path)
          throw new UserError(`${where(name)}: no column chunk in this file`, DAMAGED)
        const schemaPath = getTreePath(tree, chunk.meta_data.path_in_schema)
        return new ColumnPages(handle, chunk.meta_data, {
          pathInSchema: chunk.meta_data.path_in_schema,
          schemaPath,
          element: schemaPath[schemaPath.length - 1].element,
          type: chunk.meta_data.type,
          codec: chunk.meta_data.codec,
          compressors,
          parsers: DEFAULT_PARSERS
        })
      })
      let done = 0
      while (done < count) {
        for (let k = 0; k < pages.length; k++) {
          if (pages[k].left > 0) continue
          if (!(await pages[k].load(where(columns[k]))))
            throw new UserError(
              `${where(columns[k])}: the column ends after ${done} of the group's ${count} rows`,
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
        if (pages[k].left > 0 || (await pages[k].load(where(columns[k]))))
          throw new UserError(
            `${where(columns[k])}: the column has more values than the group's ${count} rows`,
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

  constructor(
    private readonly file: FileHandle,
    meta: ColumnMetaData,
    private readonly decoder: ColumnDecoder
  ) {
    // As hyparquet: some writers (polars) leave dictionary_page_offset out although a dictionary comes first.
    this.offset = Number(meta.dictionary_page_offset || meta.data_page_offset)
    this.end = this.offset + Number(meta.total_compressed_size)
  }

  get left(): number {
    return this.values.length - this.next
  }

  /** Reads pages up to the next one with values; false at the end of the column chunk. */
  async load(where: string): Promise<boolean> {
    try {
      while (this.offset < this.end) {
        let length = Math.min(HEADER_BYTES, this.end - this.offset)
        let reader = await this.bytesAt(this.offset, length)
        let header
        for (;;) {
          const start = reader.offset
          try {
            header = parquetHeader(reader)
            this.offset += reader.offset - start
            break
          } catch (error) {
            if (length === this.end - this.offset) throw error
            length = Math.min(length * 16, this.end - this.offset)
            reader = await this.bytesAt(this.offset, length)
          }
        }
        const size = header.compressed_page_size
        if (size < 0 || this.offset + size > this.end)
          throw new Error(`a ${header.type} page of ${size} bytes runs past the column chunk`)
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
          this.values = data
          this.next = 0
          return true
        }
      }
      this.values = []
      this.next = 0
      return false
    } catch (error) {
      if (error instanceof UserError) throw error
      throw new UserError(`${where}: cannot decode a page: ${(error as Error).message}`, DAMAGED)
    }
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
