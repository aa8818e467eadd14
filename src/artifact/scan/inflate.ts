import { Readable } from 'node:stream'
import { createGunzip, createInflate, createInflateRaw } from 'node:zlib'
import { bunzip2 } from './bzip2.js'
import { unlzma, unxz } from './lzma.js'
import type { Budget } from './source.js'
import { invalid } from './types.js'

export type Compression = 'deflate' | 'zlib' | 'gzip' | 'bz2' | 'xz' | 'lzma'

/**
 * Decompresses a stream piece by piece, counting every byte against `budget`. A damaged or truncated
 * stream rejects (it never leaves an await hanging); stopping early (a consumer's `break`) frees it.
 */
export async function* decompress(
  source: AsyncIterable<Buffer>,
  compression: Compression,
  budget: Budget
): AsyncGenerator<Buffer> {
  if (compression === 'bz2' || compression === 'xz' || compression === 'lzma') {
    const decoder =
      compression === 'bz2' ? bunzip2(source) : compression === 'xz' ? unxz(source) : unlzma(source)
    for await (const piece of decoder) {
      budget.take(piece.length)
      yield piece
    }
    return
  }
  const options = { chunkSize: 1 << 18 }
  const inflater =
    compression === 'deflate'
      ? createInflateRaw(options)
      : compression === 'zlib'
        ? createInflate(options)
        : createGunzip(options)
  const input = Readable.from(source, { objectMode: false })
  input.on('error', cause => inflater.destroy(cause))
  input.pipe(inflater)
  try {
    for await (const piece of inflater as AsyncIterable<Buffer>) {
      budget.take(piece.length)
      yield piece
    }
  } catch (cause) {
    // zlib's errors carry a Z_ code (checked by shape: they may come from another realm than Error).
    const { code, message } = (cause ?? {}) as { code?: unknown; message?: unknown }
    if (typeof code === 'string' && code.startsWith('Z_'))
      throw invalid(`${compression} data is damaged or truncated (${String(message)})`)
    throw cause
  } finally {
    input.unpipe(inflater)
    input.destroy()
    inflater.destroy()
  }
}
