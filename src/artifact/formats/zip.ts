import { open, type FileHandle } from 'node:fs/promises'
import { crc32, createInflateRaw } from 'node:zlib'
import { error, type FormatFinding } from './types.js'

export interface ZipEntry {
  name: string
  method: number
  crc: number
  compressedSize: number
  size: number
  localHeaderOffset: number
}

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length)
  const { bytesRead } = await handle.read(buffer, 0, length, position)
  return buffer.subarray(0, bytesRead)
}

/** Reads the central directory (zip64 included). Throws a message when the archive is not intact. */
async function centralDirectory(handle: FileHandle, size: number): Promise<ZipEntry[]> {
  const tailLength = Math.min(size, 65_557)
  const tail = await readAt(handle, size - tailLength, tailLength)
  let eocd = -1
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd === -1)
    throw new Error('no end-of-central-directory record: the archive is truncated or not a zip')
  let count = tail.readUInt16LE(eocd + 10)
  let directorySize = tail.readUInt32LE(eocd + 12)
  let directoryOffset = tail.readUInt32LE(eocd + 16)
  if (eocd >= 20 && tail.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
    const recordOffset = Number(tail.readBigUInt64LE(eocd - 20 + 8))
    const record = await readAt(handle, recordOffset, 56)
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD)
      throw new Error('the zip64 end record is missing')
    count = Number(record.readBigUInt64LE(32))
    directorySize = Number(record.readBigUInt64LE(40))
    directoryOffset = Number(record.readBigUInt64LE(48))
  }
  if (directoryOffset + directorySize > size)
    throw new Error('the central directory lies past the end of the file: the archive is truncated')
  const directory = await readAt(handle, directoryOffset, directorySize)
  const entries: ZipEntry[] = []
  let pos = 0
  for (let i = 0; i < count; i++) {
    if (pos + 46 > directory.length || directory.readUInt32LE(pos) !== CENTRAL)
      throw new Error(`central directory entry ${i + 1} is damaged`)
    const nameLength = directory.readUInt16LE(pos + 28)
    const extraLength = directory.readUInt16LE(pos + 30)
    const commentLength = directory.readUInt16LE(pos + 32)
    const entry: ZipEntry = {
      name: directory.toString('utf8', pos + 46, pos + 46 + nameLength),
      method: directory.readUInt16LE(pos + 10),
      crc: directory.readUInt32LE(pos + 16),
      compressedSize: directory.readUInt32LE(pos + 20),
      size: directory.readUInt32LE(pos + 24),
      localHeaderOffset: directory.readUInt32LE(pos + 42)
    }
    // Zip64: values of 0xFFFFFFFF live in the extra field 0x0001, in this order.
    let extra = pos + 46 + nameLength
    const extraEnd = extra + extraLength
    while (extra + 4 <= extraEnd) {
      const id = directory.readUInt16LE(extra)
      const length = directory.readUInt16LE(extra + 2)
      if (id === 0x0001) {
        let field = extra + 4
        for (const key of ['size', 'compressedSize', 'localHeaderOffset'] as const) {
          if (entry[key] === 0xffffffff && field + 8 <= extra + 4 + length) {
            entry[key] = Number(directory.readBigUInt64LE(field))
            field += 8
          }
        }
      }
      extra += 4 + length
    }
    entries.push(entry)
    pos += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** Streams an entry's stored or deflated data, chunk by chunk. */
async function* entryData(
  handle: FileHandle,
  entry: ZipEntry,
  fileSize: number
): AsyncGenerator<Buffer> {
  const local = await readAt(handle, entry.localHeaderOffset, 30)
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL)
    throw new Error(`"${entry.name}": local header missing`)
  const start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28)
  if (start + entry.compressedSize > fileSize)
    throw new Error(`"${entry.name}": data runs past the end of the file (truncated)`)
  const chunkSize = 1024 * 1024
  async function* raw(): AsyncGenerator<Buffer> {
    for (let at = 0; at < entry.compressedSize; at += chunkSize) {
      yield await readAt(handle, start + at, Math.min(chunkSize, entry.compressedSize - at))
    }
  }
  if (entry.method === 0) {
    yield* raw()
    return
  }
  if (entry.method !== 8)
    throw new Error(`"${entry.name}": compression method ${entry.method} is not supported`)
  const inflate = createInflateRaw()
  const source = raw()
  const output: Buffer[] = []
  let failure: Error | undefined
  inflate.on('data', (chunk: Buffer) => output.push(chunk))
  inflate.on('error', cause => (failure = cause))
  for await (const chunk of source) {
    await new Promise<void>(resolve =>
      inflate.write(chunk) ? resolve() : inflate.once('drain', resolve)
    )
    while (output.length) yield output.shift()!
    if (failure) throw new Error(`"${entry.name}": deflate data is damaged (${failure.message})`)
  }
  await new Promise<void>(resolve => inflate.end(resolve))
  if (failure)
    throw new Error(`"${entry.name}": deflate data is damaged (${(failure as Error).message})`)
  while (output.length) yield output.shift()!
}

export interface ZipCheck {
  entries: ZipEntry[]
  findings: FormatFinding[]
  /** Reads a whole entry (only for small ones, such as a pickle). */
  read(name: string): Promise<Buffer | undefined>
  close(): Promise<void>
}

/** Opens a zip and checks its central directory and every entry's CRC-32 (what a torch.load would trip on). */
export async function checkZip(file: string, size: number): Promise<ZipCheck> {
  const handle = await open(file, 'r')
  const findings: FormatFinding[] = []
  let entries: ZipEntry[] = []
  try {
    entries = await centralDirectory(handle, size)
    for (const entry of entries) {
      if (entry.name.endsWith('/')) continue
      let crc = 0
      let length = 0
      for await (const chunk of entryData(handle, entry, size)) {
        crc = crc32(chunk, crc)
        length += chunk.length
      }
      if (length !== entry.size)
        findings.push(error(`"${entry.name}": ${length} bytes, the directory says ${entry.size}`))
      else if (crc >>> 0 !== entry.crc)
        findings.push(error(`"${entry.name}": CRC-32 mismatch (the data is corrupted)`))
    }
  } catch (cause) {
    findings.push(error((cause as Error).message))
  }
  return {
    entries,
    findings,
    read: async name => {
      const entry = entries.find(e => e.name === name)
      if (!entry) return undefined
      const parts: Buffer[] = []
      for await (const chunk of entryData(handle, entry, size)) parts.push(chunk)
      return Buffer.concat(parts)
    },
    close: () => handle.close()
  }
}
