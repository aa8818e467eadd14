import { isAscii } from 'node:buffer'
import type { FileHandle } from 'node:fs/promises'

/**
 * Files are read 256 KiB at a time and parsed 16 KiB at a time. Measured on CSV validation here: 16 KiB
 * pieces ran 6 % faster than 64 KiB (the text stays in the CPU cache; 8 KiB was much slower), and reading
 * 256 KiB ahead instead of 16 KiB saved another 11 % of waiting for the I/O threads.
 */
export const READ_BYTES = 256 * 1024
export const CHUNK_BYTES = 16 * 1024

/**
 * The longest record read from a text table, in characters (16 MiB of ASCII): a CSV record, a JSON Lines
 * line, an element of a JSON array. A longer one is almost always a quote that never closes or a file
 * that is not text (a sparse or binary file has no line breaks); reading stops with a `record-too-long`
 * problem at the line where it starts, before it costs memory.
 */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024

/** `MAX_RECORD_CHARS` as people write it, for messages. */
export const MAX_RECORD_TEXT = `${MAX_RECORD_CHARS / 1024 / 1024} MiB`

/**
 * A file's bytes from `start` to `end` (exclusive; default: its end) as reads of up to READ_BYTES, into
 * two buffers used in turn: the next read is under way while the caller works on the last one, which
 * stays good only until it asks for the next. The handle is closed at the end, or when the caller stops.
 * A read stream allocates a buffer per read instead, and a dead buffer is freed only when the garbage
 * collector gets to it: on two threads those buffers held 10 to 20 MiB of peak memory.
 */
export async function* fileReads(
  handle: FileHandle,
  start = 0,
  end = Infinity
): AsyncGenerator<Buffer> {
  const buffers = [Buffer.allocUnsafeSlow(READ_BYTES), Buffer.allocUnsafeSlow(READ_BYTES)]
  let position = start
  let turn = 0
  const readInto = (buffer: Buffer) =>
    position < end
      ? handle.read(buffer, 0, Math.min(READ_BYTES, end - position), position)
      : Promise.resolve({ bytesRead: 0 })
  let reading = readInto(buffers[turn])
  try {
    for (;;) {
      const { bytesRead } = await reading
      if (bytesRead === 0) return
      const read = buffers[turn].subarray(0, bytesRead)
      position += bytesRead
      turn ^= 1
      reading = readInto(buffers[turn])
      yield read
    }
  } finally {
    await reading.catch(() => undefined)
    await handle.close()
  }
}

/** A read buffer as pieces of CHUNK_BYTES. */
export function* piecesOf(read: Buffer): Generator<Buffer> {
  for (let at = 0; at < read.length; at += CHUNK_BYTES)
    yield read.subarray(at, Math.min(read.length, at + CHUNK_BYTES))
}

/**
 * Decodes a file, read in chunks, as UTF-8 text, fast. An ASCII chunk is its own Latin-1 text (several
 * times faster than TextDecoder) unless the decoder still holds part of a character from the chunk before.
 * The BOM is dropped only at the start of the file: the decoder may first see a later chunk.
 *
 * A reader that has not finished the end of a text (half a record) says how many characters it holds
 * (`hold`). If they came from an ASCII chunk, they are decoded again in front of the next ASCII chunk
 * (`carried` is then true), so the reader gets one flat string instead of a concatenation, which V8 reads
 * about 1.5x slower per character. Bytes that are not UTF-8 end the text with a problem at their line.
 */
export class Utf8Chunks {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  private idle = true
  private lastLatin1: Buffer | null = null
  private held: Buffer | null = null
  private joined = Buffer.allocUnsafe(0) // reused: the text made from it is a copy
  /** Whether the last text begins with the held characters. */
  carried = false
  /** Why the last decode or end returned null. */
  problem: Utf8Problem | null = null
  /**
   * When the last decode returned null: the chunk's text before the line of its first bad byte (whole
   * lines, valid on their own), for the reader to read before it reports the problem.
   */
  validPrefix = ''
  /**
   * Line breaks in the chunks decoded so far, counted as the reader counts them: where a bad byte is, is
   * counted from here. A CR that ends a chunk is counted once the next shows it is not half of a CRLF.
   */
  private lines: number
  private endedWithCR = false

  /**
   * `loneCRBreaksLines`: a CR without an LF ends a line, as the CSV tokenizer (and editors) count; a JSON
   * Lines reader ends lines at LF only.
   */
  constructor(
    private atFileStart: boolean,
    private readonly loneCRBreaksLines: boolean,
    linesBefore = 0
  ) {
    this.lines = linesBefore
  }

  /** The text of the next chunk, or null when its bytes are not UTF-8 (`problem` says where). */
  decode(chunk: Buffer): string | null {
    if (this.endedWithCR && chunk[0] !== 0x0a) this.lines++
    const text = this.decodeText(chunk)
    for (let k = chunk.indexOf(0x0a); k !== -1; k = chunk.indexOf(0x0a, k + 1)) this.lines++
    if (this.loneCRBreaksLines) {
      const last = chunk.length - 1
      for (let k = chunk.indexOf(0x0d); k !== -1 && k < last; k = chunk.indexOf(0x0d, k + 1))
        if (chunk[k + 1] !== 0x0a) this.lines++
      this.endedWithCR = chunk[last] === 0x0d
    }
    return text
  }

  private decodeText(chunk: Buffer): string | null {
    const ascii = isAscii(chunk)
    let text: string
    this.carried = false
    if (ascii && this.idle) {
      let bytes = chunk
      if (this.held !== null) {
        const length = this.held.length + chunk.length
        if (this.joined.length < length) this.joined = Buffer.allocUnsafe(length)
        this.held.copy(this.joined)
        chunk.copy(this.joined, this.held.length)
        bytes = this.joined.subarray(0, length)
        this.carried = true
      }
      text = bytes.toString('latin1')
      this.lastLatin1 = bytes
    } else {
      try {
        text = this.decoder.decode(chunk, { stream: true })
      } catch {
        this.problem = invalidUtf8Problem(chunk, this.lines, this.loneCRBreaksLines)
        this.validPrefix = this.linesBefore(chunk, findInvalidUtf8(chunk))
        return null
      }
      this.lastLatin1 = null
    }
    this.idle = ascii
    this.held = null
    if (this.atFileStart) {
      this.atFileStart = false
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    }
    return text
  }

  /** The text of chunk[0, end of the last line break before `bad`), or '' when there is none. */
  private linesBefore(chunk: Buffer, bad: number): string {
    // A chunk that starts with the rest of a character (found at 0) or is valid itself (-1) has none.
    if (bad <= 0) return ''
    let end = chunk.lastIndexOf(0x0a, bad - 1)
    if (this.loneCRBreaksLines) end = Math.max(end, chunk.lastIndexOf(0x0d, bad - 1))
    if (end === -1) return ''
    let text = chunk.toString('utf8', 0, end + 1)
    if (this.atFileStart && text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    return text
  }

  /**
   * The reader still holds the last `characters` of the text so far. Up to a chunk of them are decoded
   * again with the next chunk; a longer unfinished record is the reader's to keep (copying it in front of
   * every chunk would cost time quadratic in its length).
   */
  hold(characters: number): void {
    const last = this.lastLatin1
    this.held =
      last !== null && characters > 0 && characters <= Math.min(last.length, CHUNK_BYTES)
        ? Buffer.from(last.subarray(last.length - characters))
        : null
  }

  /** Whatever the decoder still holds at the end of the file, or null if that is half a character. */
  end(): string | null {
    try {
      return this.decoder.decode()
    } catch {
      this.problem = truncatedUtf8Problem(this.lines)
      return null
    }
  }
}

/** Bytes that are not UTF-8, at the line where they are. */
export interface Utf8Problem {
  code: 'invalid-utf8'
  line: number
  message: string
}

/** Byte offset of the first byte that is not valid UTF-8, or -1; an incomplete tail sequence is fine. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1
      min = 0x80
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      min = 0x800
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      min = 0x10000
    } else return i
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07)
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return -1
      const c = bytes[i + k]
      if ((c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += need + 1
  }
  return -1
}

/** The problem for a chunk that does not decode: the first bad byte and the line it is on. */
export function invalidUtf8Problem(
  chunk: Buffer,
  linesBefore: number,
  loneCRBreaksLines: boolean
): Utf8Problem {
  const found = findInvalidUtf8(chunk)
  if (found === -1) {
    // The chunk itself is fine: the one before ended in the middle of a character.
    return {
      code: 'invalid-utf8',
      line: linesBefore + 1,
      message: `a UTF-8 character on line ${linesBefore + 1} is cut off (a lead byte with too few continuation bytes); the file looks like another encoding (Latin-1 or Windows-1252?): save it as UTF-8`
    }
  }
  let line = linesBefore + 1
  for (let k = 0; k < found; k++)
    if (chunk[k] === 0x0a || (loneCRBreaksLines && chunk[k] === 0x0d && chunk[k + 1] !== 0x0a))
      line++
  const byte = chunk[found].toString(16).toUpperCase().padStart(2, '0')
  return {
    code: 'invalid-utf8',
    line,
    message: `byte 0x${byte} on line ${line} is not valid UTF-8; the file looks like another encoding (Latin-1 or Windows-1252?): save it as UTF-8`
  }
}

/** The problem for a file that ends in the middle of a character. */
export function truncatedUtf8Problem(linesBefore: number): Utf8Problem {
  return {
    code: 'invalid-utf8',
    line: linesBefore + 1,
    message: `the file ends in the middle of a UTF-8 character on line ${linesBefore + 1}; it is truncated or not UTF-8`
  }
}
