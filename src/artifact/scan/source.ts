import type { FileHandle } from 'node:fs/promises'
import { unsafe, type ScanLimits } from './types.js'

/** Bytes that can be read anywhere: a file, or a stored member of an archive inside one. */
export interface Blob {
  size: number
  read(position: number, length: number): Promise<Buffer>
}

export const CHUNK = 4 << 20

export function fileBlob(handle: FileHandle, size: number): Blob {
  return {
    size,
    read: async (position, length) => {
      const want = Math.max(0, Math.min(length, size - position))
      const buffer = Buffer.allocUnsafe(want)
      let done = 0
      while (done < want) {
        const { bytesRead } = await handle.read(buffer, done, want - done, position + done)
        if (!bytesRead) break
        done += bytesRead
      }
      return buffer.subarray(0, done)
    }
  }
}

export function bufferBlob(buffer: Buffer): Blob {
  return {
    size: buffer.length,
    read: async (position, length) =>
      buffer.subarray(position, Math.min(buffer.length, position + length))
  }
}

/** Bytes `offset` to `offset + size` of `blob`. */
export function subBlob(blob: Blob, offset: number, size: number): Blob {
  return {
    size,
    read: (position, length) =>
      blob.read(offset + position, Math.max(0, Math.min(length, size - position)))
  }
}

/** Reads `blob` from `start` to `end` in pieces. */
export async function* chunks(blob: Blob, start = 0, end = blob.size): AsyncGenerator<Buffer> {
  for (let at = start; at < end;) {
    const piece = await blob.read(at, Math.min(CHUNK, end - at))
    if (!piece.length) return
    at += piece.length
    yield piece
  }
}

/** Puts back bytes already read in front of the rest of a stream. */
export async function* prepend(head: Buffer, rest: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  if (head.length) yield head
  yield* rest
}

/** Counts decompressed bytes for one file against the limits: a decompression bomb stops early. */
export class Budget {
  inflated = 0
  constructor(
    private readonly limits: ScanLimits,
    private readonly fileSize: number
  ) {}

  take(bytes: number): void {
    this.inflated += bytes
    if (this.inflated > this.limits.maxInflatedBytes)
      throw unsafe(
        `decompresses to more than ${this.limits.maxInflatedBytes} bytes (max-inflated-bytes): not scanned further`
      )
    if (
      this.inflated > this.limits.inflationFloorBytes &&
      this.inflated > this.limits.maxInflationRatio * this.fileSize
    )
      throw unsafe(
        `decompresses to more than ${this.limits.maxInflationRatio} times its ${this.fileSize} bytes (a decompression bomb?): not scanned further`
      )
  }
}

/** Reads a stream to the end into one buffer, or throws once it passes `limit` bytes. */
export async function collect(
  stream: AsyncIterable<Buffer>,
  limit: number,
  what: string
): Promise<Buffer> {
  const parts: Buffer[] = []
  let length = 0
  for await (const part of stream) {
    length += part.length
    if (length > limit) throw unsafe(`${what} is larger than ${limit} bytes: cannot scan it`)
    parts.push(part)
  }
  return Buffer.concat(parts)
}
