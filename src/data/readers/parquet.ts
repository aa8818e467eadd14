import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'
import { UserError } from '../../errors.js'
import type { ReadOptions, ReadResult, TableSink } from '../table.js'

/**
 * Parquet, one row group at a time (memory stays at one row group): every codec hyparquet-compressors
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
  let start = 0
  for (let group = 0; group < metadata.row_groups.length; group++) {
    const count = Number(metadata.row_groups[group].num_rows)
    // Column by column, as hyparquet decodes them: rows are made here one at a time, so a row group
    // is never held twice (as columns and as row arrays).
    const chunks: ColumnChunk[][] = columns.map(() => [])
    await parquetRead({
      file: buffer,
      metadata,
      compressors,
      columns,
      rowStart: start,
      rowEnd: start + count,
      onChunk: chunk => chunks[columns.indexOf(chunk.columnName)].push(chunk)
    })
    const cursors = chunks.map(
      list => new ColumnCursor(list.sort((a, b) => a.rowStart - b.rowStart))
    )
    position.rowGroup = group
    for (let i = 0; i < count; i++) {
      for (let k = 0; k < cursors.length; k++) row[k] = cursors[k].at(start + i)
      position.rowInGroup = i
      if (sink.row(row, position) === false) return {}
    }
    start += count
  }
  return {}
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
