import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'
import v8 from 'node:v8'
import vm from 'node:vm'
import { UserError } from '../../errors.js'
import type { ReadOptions, ReadResult, TableSink } from '../table.js'

/**
 * Parquet, a row group (or a slice of a large one) at a time: every codec hyparquet-compressors
 * knows (snappy, gzip, zstd, brotli, lz4), plain and dictionary encodings, v1 and v2 pages. Nested
 * columns (lists, structs, maps) are refused with a clear message rather than flattened.
 */
export async function readParquetTable(
  file: string,
  _options: ReadOptions,
  sink: TableSink
): Promise<ReadResult> {
  const buffer = await asyncBufferFromFile(file)
  let metadata
  try {
    metadata = await parquetMetadataAsync(buffer)
  } catch (error) {
    throw new UserError(`${file}: not a readable Parquet file: ${(error as Error).message}`)
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
  // One row and one position, refilled for every row (a sink copies what it keeps).
  const row = new Array<unknown>(columns.length)
  const position = { rowGroup: 0, rowInGroup: 0 }
  const sliceRows = parquetSliceRows()
  let groupStart = 0
  for (let group = 0; group < metadata.row_groups.length; group++) {
    const count = Number(metadata.row_groups[group].num_rows)
    const groupEnd = groupStart + count
    position.rowGroup = group
    // hyparquet decodes whole pages. A large row group (pyarrow writes a million rows per group) is read
    // a slice of rows at a time, so memory follows the slice, not the group. A column whose pages reach
    // past the slice (one dictionary page can hold the whole group) is kept and not read again.
    const slice = count > 1.5 * sliceRows ? sliceRows : count
    const held: ColumnChunk[][] = columns.map(() => [])
    for (let from = groupStart; from < groupEnd; from += slice) {
      const to = Math.min(groupEnd, from + slice)
      for (let k = 0; k < held.length; k++) {
        const kept = held[k].filter(chunk => chunk.rowEnd > from)
        held[k] = kept.length && kept[0].rowStart <= from && kept.at(-1)!.rowEnd >= to ? kept : []
      }
      const needed = columns.filter((_, k) => held[k].length === 0)
      if (needed.length)
        await parquetRead({
          file: buffer,
          metadata,
          compressors,
          columns: needed,
          rowStart: from,
          rowEnd: to,
          onChunk: chunk => held[columns.indexOf(chunk.columnName)].push(chunk)
        })
      const cursors = held.map(
        list => new ColumnCursor(list.sort((a, b) => a.rowStart - b.rowStart))
      )
      for (let at = from; at < to; at++) {
        for (let k = 0; k < cursors.length; k++) row[k] = cursors[k].at(at)
        position.rowInGroup = at - groupStart
        if (sink.row(row, position) === false) return {}
      }
      collectGarbage()
    }
    groupStart = groupEnd
  }
  return {}
}

/**
 * A full garbage collection after a slice of rows, once it left enough garbage. V8's own
 * heuristics let two or three slices of decoded columns (tens of MiB each, garbage once their rows are
 * checked) pile up first: collecting kept the CLI's peak RSS at 159 MiB instead of 211–225 MiB on the
 * benchmark's Parquet file, for 3 % more time. Waiting for garbage of at least half what is live keeps
 * the cost in proportion when much is live (unique keys, say). Node has no API for this: `gc` is exposed
 * by a V8 flag set at run time.
 */
let collect: (() => void) | undefined | null = null
let liveAfterCollect = 0
function collectGarbage(): void {
  if (collect === null) {
    v8.setFlagsFromString('--expose-gc')
    collect = vm.runInNewContext('gc') as (() => void) | undefined
  }
  const garbage = v8.getHeapStatistics().used_heap_size - liveAfterCollect
  if (!collect || garbage < Math.max(24 * 2 ** 20, liveAfterCollect / 2)) return
  collect()
  liveAfterCollect = v8.getHeapStatistics().used_heap_size
}

/** Rows read at a time from a large row group (ML_SMOKE_PARQUET_SLICE_ROWS overrides, for tests). */
function parquetSliceRows(): number {
  return Number(process.env.ML_SMOKE_PARQUET_SLICE_ROWS) || 100_000
}

interface ColumnChunk {
  columnData: ArrayLike<unknown>
  rowStart: number
  rowEnd: number
}

/** Reads one column's chunks in row order. */
class ColumnCursor {
  private index = 0

  constructor(private readonly chunks: ColumnChunk[]) {}

  at(row: number): unknown {
    let chunk = this.chunks[this.index]
    while (chunk !== undefined && row >= chunk.rowEnd) chunk = this.chunks[++this.index]
    if (chunk === undefined || row < chunk.rowStart)
      throw new Error(`parquet: no value decoded for row ${row}`)
    return chunk.columnData[row - chunk.rowStart]
  }
}
