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
  let start = 0
  for (let group = 0; group < metadata.row_groups.length; group++) {
    const count = Number(metadata.row_groups[group].num_rows)
    let rows: unknown[][] = []
    await parquetRead({
      file: buffer,
      metadata,
      compressors,
      columns,
      rowStart: start,
      rowEnd: start + count,
      onComplete: (data: unknown[][]) => {
        rows = data
      }
    })
    for (let i = 0; i < rows.length; i++) {
      if (sink.row(rows[i], { rowGroup: group, rowInGroup: i }) === false) return {}
    }
    start += count
  }
  return {}
}
