import { crc32 } from 'node:zlib'
import { decompress } from './inflate.js'
import { chunks, subBlob, type Blob, type Budget } from './source.js'
import { invalid, unsafe, type Finding } from './types.js'

export interface ZipEntry {
  name: string
  method: number
  flags: number
  crc: number
  compressedSize: number
  size: number
  localHeaderOffset: number
  /** Where the entry's data starts (after its local header). */
  dataStart: number
}

export interface ZipArchive {
  entries: ZipEntry[]
  /** Problems with the archive as a whole (overlaps, duplicates, prepended bytes). */
  findings: Finding[]
}

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
/** Deflate cannot expand data more than about 1032 times. */
const MAX_DEFLATE_RATIO = 1100

/**
 * Reads a zip's central directory and every local header, and refuses what loaders read differently or
 * what serves a zip bomb: entries that overlap, names used twice, encrypted entries, sizes that do not fit
 * the file. Throws a ScanError for an archive that cannot be read at all.
 */
export async function readZip(blob: Blob): Promise<ZipArchive> {
  const end = await readEndRecord(blob)
  const findings: Finding[] = []
  // Python's zipfile allows bytes before the archive (a self-extractor) and shifts every offset by them.
  const prefix = end.directoryEnd - end.directorySize - end.directoryOffset
  if (prefix < 0)
    throw invalid('the central directory lies past the end of the file: the archive is truncated')
  if (prefix > 0)
    findings.push({
      severity: 'warning',
      message: `${prefix} bytes come before the archive (zipfile skips them; torch.load does not)`
    })
  if (end.directorySize > 256 << 20)
    throw unsafe(`a ${end.directorySize}-byte central directory: cannot scan`)
  const directoryStart = end.directoryOffset + prefix
  const directory = await blob.read(directoryStart, end.directorySize)
  const entries = readCentralDirectory(directory, end.count, prefix)
  const localNames = await readLocalHeaders(blob, entries)
  checkOverlaps(entries)
  for (const entry of entries) checkEntry(entry, localNames.get(entry)!, directoryStart)
  findings.push(...duplicateNames(entries))
  return { entries, findings }
}

interface EndRecord {
  count: number
  directorySize: number
  directoryOffset: number
  /** Where the central directory should end: at the (zip64) end record. */
  directoryEnd: number
}

/** The end-of-central-directory record (the zip64 one, when a locator points to it). */
async function readEndRecord(blob: Blob): Promise<EndRecord> {
  const size = blob.size
  const tailLength = Math.min(size, 65_557)
  const tail = await blob.read(size - tailLength, tailLength)
  let eocd = -1
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd === -1)
    throw invalid('no end-of-central-directory record: the archive is truncated or not a zip')
  if (eocd < 20 || tail.readUInt32LE(eocd - 20) !== ZIP64_LOCATOR)
    return {
      count: tail.readUInt16LE(eocd + 10),
      directorySize: tail.readUInt32LE(eocd + 12),
      directoryOffset: tail.readUInt32LE(eocd + 16),
      directoryEnd: size - tailLength + eocd
    }
  const recordOffset = Number(tail.readBigUInt64LE(eocd - 20 + 8))
  const record = await blob.read(recordOffset, 56)
  if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD)
    throw invalid('the zip64 end record is missing')
  return {
    count: Number(record.readBigUInt64LE(32)),
    directorySize: Number(record.readBigUInt64LE(40)),
    directoryOffset: Number(record.readBigUInt64LE(48)),
    directoryEnd: recordOffset
  }
}

/** The central directory's `count` entries, their local header offsets shifted by `prefix`. */
function readCentralDirectory(directory: Buffer, count: number, prefix: number): ZipEntry[] {
  const entries: ZipEntry[] = []
  let pos = 0
  for (let i = 0; i < count; i++) {
    if (pos + 46 > directory.length || directory.readUInt32LE(pos) !== CENTRAL)
      throw invalid(`central directory entry ${i + 1} is damaged`)
    const nameLength = directory.readUInt16LE(pos + 28)
    const extraLength = directory.readUInt16LE(pos + 30)
    const commentLength = directory.readUInt16LE(pos + 32)
    const entry: ZipEntry = {
      name: directory.toString('utf8', pos + 46, pos + 46 + nameLength),
      flags: directory.readUInt16LE(pos + 8),
      method: directory.readUInt16LE(pos + 10),
      crc: directory.readUInt32LE(pos + 16),
      compressedSize: directory.readUInt32LE(pos + 20),
      size: directory.readUInt32LE(pos + 24),
      localHeaderOffset: directory.readUInt32LE(pos + 42),
      dataStart: 0
    }
    const extra = pos + 46 + nameLength
    readZip64Extra(entry, directory, extra, Math.min(extra + extraLength, directory.length))
    entry.localHeaderOffset += prefix
    entries.push(entry)
    pos += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** Zip64: values of 0xFFFFFFFF live in the extra field 0x0001, in this order. */
function readZip64Extra(entry: ZipEntry, directory: Buffer, start: number, end: number): void {
  for (let extra = start; extra + 4 <= end;) {
    const id = directory.readUInt16LE(extra)
    const length = directory.readUInt16LE(extra + 2)
    if (id === 0x0001) {
      let field = extra + 4
      for (const key of ['size', 'compressedSize', 'localHeaderOffset'] as const) {
        if (entry[key] === 0xffffffff && field + 8 <= Math.min(extra + 4 + length, end)) {
          entry[key] = Number(directory.readBigUInt64LE(field))
          field += 8
        }
      }
    }
    extra += 4 + length
  }
}

/** Sets each entry's dataStart from its local header; returns the name each local header gives. */
async function readLocalHeaders(blob: Blob, entries: ZipEntry[]): Promise<Map<ZipEntry, string>> {
  const localNames = new Map<ZipEntry, string>()
  for (const entry of entries) {
    const local = await blob.read(entry.localHeaderOffset, 30)
    if (local.length < 30 || local.readUInt32LE(0) !== LOCAL)
      throw invalid(`"${entry.name}": its local header is missing`)
    const nameLength = local.readUInt16LE(26)
    const localName = (await blob.read(entry.localHeaderOffset + 30, nameLength)).toString('utf8')
    localNames.set(entry, localName)
    entry.dataStart = entry.localHeaderOffset + 30 + nameLength + local.readUInt16LE(28)
  }
  return localNames
}

/** Each entry's bytes (header to end of data) must be its own: overlapping entries make a zip bomb. */
function checkOverlaps(entries: ZipEntry[]): void {
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset)
  for (let i = 1; i < byOffset.length; i++) {
    const previous = byOffset[i - 1]
    if (byOffset[i].localHeaderOffset < previous.dataStart + previous.compressedSize)
      throw unsafe(
        `entries "${previous.name}" and "${byOffset[i].name}" overlap (a zip bomb's trick)`
      )
  }
}

/** What zipfile refuses, what cannot be scanned, and sizes deflate cannot make. */
function checkEntry(entry: ZipEntry, localName: string, directoryStart: number): void {
  if (localName !== entry.name)
    throw invalid(
      `"${entry.name}": the local header names it "${localName}" (zipfile refuses this)`
    )
  if (entry.dataStart + entry.compressedSize > directoryStart)
    throw invalid(
      `"${entry.name}": its data runs into the central directory or past the end (truncated?)`
    )
  if (entry.flags & 1) throw unsafe(`"${entry.name}" is encrypted: cannot scan`)
  if (entry.method !== 0 && entry.method !== 8)
    throw unsafe(`"${entry.name}" uses compression method ${entry.method}: cannot scan`)
  if (entry.method === 0 && entry.compressedSize !== entry.size)
    throw invalid(
      `"${entry.name}": stored, but its sizes differ (${entry.compressedSize} and ${entry.size})`
    )
  if (entry.method === 8 && entry.size > entry.compressedSize * MAX_DEFLATE_RATIO + 1024)
    throw invalid(
      `"${entry.name}": declares ${entry.size} bytes, more than deflate can make of ${entry.compressedSize}`
    )
}

function duplicateNames(entries: ZipEntry[]): Finding[] {
  const findings: Finding[] = []
  const names = new Set<string>()
  for (const entry of entries) {
    if (names.has(entry.name))
      findings.push({
        severity: 'unsafe',
        message: `two entries are named "${entry.name}": loaders disagree on which one they read (zipfile takes the last)`,
        entry: entry.name
      })
    names.add(entry.name)
  }
  return findings
}

/** The entry's stored bytes, when it is stored: readable anywhere. */
export function storedBlob(blob: Blob, entry: ZipEntry): Blob | undefined {
  return entry.method === 0 ? subBlob(blob, entry.dataStart, entry.size) : undefined
}

/**
 * Streams an entry's bytes (inflating them), checking the declared size and the CRC-32 at the end.
 * Inflated bytes count against `budget`.
 */
export async function* entryData(
  blob: Blob,
  entry: ZipEntry,
  budget: Budget
): AsyncGenerator<Buffer> {
  const raw = chunks(blob, entry.dataStart, entry.dataStart + entry.compressedSize)
  const data = entry.method === 8 ? decompress(raw, 'deflate', budget) : raw
  let crc = 0
  let length = 0
  for await (const piece of data) {
    length += piece.length
    if (length > entry.size) throw invalid(`inflates past its declared ${entry.size} bytes`)
    crc = crc32(piece, crc)
    yield piece
  }
  if (length !== entry.size) throw invalid(`${length} bytes, the directory says ${entry.size}`)
  if (crc >>> 0 !== entry.crc) throw invalid('CRC-32 mismatch (the data is corrupted)')
}
