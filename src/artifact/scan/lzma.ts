import { invalid, unsafe } from './types.js'

/**
 * LZMA decoding for joblib's `xz` (the .xz container, LZMA2) and `lzma` (the legacy .lzma "alone"
 * format, LZMA1) files, after the LZMA SDK's reference decoder (LzmaSpec). Streaming: input is taken in
 * pieces and output given out in pieces, with memory bounded by the dictionary (capped below).
 */

/** Dictionaries above this are refused (xz -9 uses 64 MiB; -9e the same). */
const MAX_DICTIONARY = 256 << 20
/** Input bytes one LZMA packet can need: decoding waits for this much unless the input ended. */
const MARGIN = 64
const OUTPUT_PIECE = 1 << 20

const PROB_INIT = 1024

class Window {
  readonly buf: Uint8Array
  pos = 0
  full = false
  total = 0
  /** Output not yet handed out: from `mark` to `pos` (the window is flushed before it wraps). */
  mark = 0

  constructor(readonly size: number) {
    this.buf = new Uint8Array(size)
  }
  put(byte: number): void {
    this.buf[this.pos++] = byte
    this.total++
    if (this.pos === this.size) this.pos = 0
  }
  get(distance: number): number {
    return this.buf[distance <= this.pos ? this.pos - distance : this.size - distance + this.pos]
  }
  hasDistance(distance: number): boolean {
    return distance <= this.total && distance <= this.size
  }
  copy(distance: number, length: number): void {
    for (let i = 0; i < length; i++) this.put(this.get(distance))
  }
  /** Bytes written since the last take; call before the window can wrap past `mark`. */
  take(): Buffer {
    const end = this.pos
    let out: Buffer
    if (end >= this.mark) out = Buffer.from(this.buf.subarray(this.mark, end))
    else out = Buffer.concat([this.buf.subarray(this.mark), this.buf.subarray(0, end)])
    this.mark = end
    return out
  }
  reset(): void {
    this.pos = 0
    this.total = 0
    this.mark = 0
  }
}

class RangeDecoder {
  range = 0
  code = 0
  input: Uint8Array = new Uint8Array(0)
  at = 0

  init(input: Uint8Array, at: number): void {
    this.input = input
    this.at = at
    if (input[this.at++] !== 0) throw invalid('LZMA data is damaged (range coder start)')
    this.range = 0xffffffff
    this.code = 0
    for (let i = 0; i < 4; i++) this.code = ((this.code << 8) | input[this.at++]) >>> 0
    if (this.code === this.range) throw invalid('LZMA data is damaged (range coder start)')
  }
  private normalize(): void {
    if (this.range < 0x1000000) {
      this.range = (this.range << 8) >>> 0
      this.code = ((this.code << 8) | (this.input[this.at++] ?? 0)) >>> 0
    }
  }
  direct(bits: number): number {
    let result = 0
    do {
      this.range >>>= 1
      let code = this.code - this.range
      const t = code < 0 ? 1 : 0
      if (t) code += this.range
      this.code = code >>> 0
      if (this.code === this.range) throw invalid('LZMA data is damaged')
      this.normalize()
      result = ((result << 1) + (1 - t)) >>> 0
    } while (--bits)
    return result
  }
  bit(probs: Uint16Array, index: number): number {
    const p = probs[index]
    const bound = (this.range >>> 11) * p
    let symbol: number
    if (this.code < bound) {
      probs[index] = p + ((2048 - p) >>> 5)
      this.range = bound
      symbol = 0
    } else {
      probs[index] = p - (p >>> 5)
      this.code -= bound
      this.range -= bound
      symbol = 1
    }
    this.normalize()
    return symbol
  }
  tree(probs: Uint16Array, offset: number, bits: number): number {
    let m = 1
    for (let i = 0; i < bits; i++) m = (m << 1) + this.bit(probs, offset + m)
    return m - (1 << bits)
  }
  reverse(probs: Uint16Array, offset: number, bits: number): number {
    let m = 1
    let symbol = 0
    for (let i = 0; i < bits; i++) {
      const bit = this.bit(probs, offset + m)
      m = (m << 1) + bit
      symbol |= bit << i
    }
    return symbol
  }
}

class LenDecoder {
  readonly probs = new Uint16Array(2 + 16 * 8 * 2 + 256)
  reset(): void {
    this.probs.fill(PROB_INIT)
  }
  decode(rc: RangeDecoder, posState: number): number {
    if (!rc.bit(this.probs, 0)) return rc.tree(this.probs, 2 + posState * 8 - 1 + 0, 3)
    if (!rc.bit(this.probs, 1)) return 8 + rc.tree(this.probs, 2 + 128 + posState * 8 - 1, 3)
    return 16 + rc.tree(this.probs, 2 + 256 - 1, 8)
  }
}

/** The LZMA decoder proper: probabilities, state and reps, writing into a window. */
class Lzma {
  lc = 3
  lp = 0
  pb = 2
  /** Whether lc, lp and pb were set (an LZMA2 chunk without them is damaged until they are). */
  hasProperties = false
  literals = new Uint16Array(0x300 << 3)
  private readonly probs = new Uint16Array(192 + 12 + 12 + 12 + 12 + 192 + 4 * 64 + 115 + 16)
  private readonly len = new LenDecoder()
  private readonly repLen = new LenDecoder()
  state = 0
  reps = [0, 0, 0, 0]
  readonly rc = new RangeDecoder()

  constructor(readonly window: Window) {}

  setProperties(byte: number): void {
    if (byte >= 9 * 5 * 5) throw invalid('LZMA properties are damaged')
    this.hasProperties = true
    this.lc = byte % 9
    this.lp = Math.floor(byte / 9) % 5
    this.pb = Math.floor(byte / 45)
    if (this.literals.length !== 0x300 << (this.lc + this.lp))
      this.literals = new Uint16Array(0x300 << (this.lc + this.lp))
  }

  reset(): void {
    this.literals.fill(PROB_INIT)
    this.probs.fill(PROB_INIT)
    this.len.reset()
    this.repLen.reset()
    this.state = 0
    this.reps = [0, 0, 0, 0]
  }

  // Offsets into `probs`.
  private static IS_MATCH = 0
  private static IS_REP = 192
  private static IS_REP_G0 = 204
  private static IS_REP_G1 = 216
  private static IS_REP_G2 = 228
  private static IS_REP0_LONG = 240
  private static POS_SLOT = 432
  private static POS = 432 + 256 - 0
  private static ALIGN = 432 + 256 + 115

  private literal(): void {
    const { window, rc } = this
    const prev = window.total ? window.get(1) : 0
    const litState = ((window.total & ((1 << this.lp) - 1)) << this.lc) + (prev >>> (8 - this.lc))
    const base = 0x300 * litState
    let symbol = 1
    if (this.state >= 7) {
      let matchByte = window.get(this.reps[0] + 1)
      do {
        const matchBit = (matchByte >>> 7) & 1
        matchByte <<= 1
        const bit = rc.bit(this.literals, base + ((1 + matchBit) << 8) + symbol)
        symbol = (symbol << 1) | bit
        if (matchBit !== bit) break
      } while (symbol < 0x100)
    }
    while (symbol < 0x100) symbol = (symbol << 1) | rc.bit(this.literals, base + symbol)
    window.put(symbol - 0x100)
  }

  private distance(length: number): number {
    const { rc } = this
    const lenState = Math.min(length, 3)
    const posSlot = rc.tree(this.probs, Lzma.POS_SLOT + lenState * 64 - 1 + 0, 6)
    if (posSlot < 4) return posSlot
    const directBits = (posSlot >>> 1) - 1
    let distance = ((2 | (posSlot & 1)) << directBits) >>> 0
    if (posSlot < 14)
      return distance + rc.reverse(this.probs, Lzma.POS + distance - posSlot - 1, directBits)
    distance = (distance + ((rc.direct(directBits - 4) << 4) >>> 0)) >>> 0
    return (distance + rc.reverse(this.probs, Lzma.ALIGN - 1, 4)) >>> 0
  }

  /**
   * Decodes until `outputLimit` more bytes are out, the input (up to `inputEnd`, waiting for MARGIN
   * bytes unless `inputEnd` is final) runs low, or the end marker. Returns 'end' at the marker.
   */
  decode(outputLimit: number, inputEnd: number, final: boolean): 'end' | 'more' | 'limit' {
    const { window, rc } = this
    const start = window.total
    const pbMask = (1 << this.pb) - 1
    while (window.total - start < outputLimit) {
      if (!final && rc.at + MARGIN > inputEnd) return 'more'
      if (rc.at > inputEnd + 4) throw invalid('LZMA data is truncated')
      const posState = window.total & pbMask
      const state = this.state
      if (!rc.bit(this.probs, Lzma.IS_MATCH + (state << 4) + posState)) {
        this.literal()
        this.state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6
      } else if (rc.bit(this.probs, Lzma.IS_REP + state)) this.repeat(state, posState)
      else if (!this.match(state, posState)) return 'end'
    }
    return 'limit'
  }

  /** A match at one of the last four distances, or a single byte at the last one. */
  private repeat(state: number, posState: number): void {
    const { window, rc, reps } = this
    if (!window.total) throw invalid('LZMA data is damaged (a repeat before any data)')
    if (!rc.bit(this.probs, Lzma.IS_REP_G0 + state)) {
      if (!rc.bit(this.probs, Lzma.IS_REP0_LONG + (state << 4) + posState)) {
        this.state = state < 7 ? 9 : 11
        window.put(window.get(reps[0] + 1))
        return
      }
    } else {
      let distance: number
      if (!rc.bit(this.probs, Lzma.IS_REP_G1 + state)) distance = reps[1]
      else {
        if (!rc.bit(this.probs, Lzma.IS_REP_G2 + state)) distance = reps[2]
        else {
          distance = reps[3]
          reps[3] = reps[2]
        }
        reps[2] = reps[1]
      }
      reps[1] = reps[0]
      reps[0] = distance
    }
    const length = this.repLen.decode(rc, posState)
    this.state = state < 7 ? 8 : 11
    window.copy(reps[0] + 1, length + 2)
  }

  /** A match at a new distance; false at the end marker. */
  private match(state: number, posState: number): boolean {
    const { window, reps } = this
    reps[3] = reps[2]
    reps[2] = reps[1]
    reps[1] = reps[0]
    const length = this.len.decode(this.rc, posState)
    this.state = state < 7 ? 7 : 10
    reps[0] = this.distance(length)
    if (reps[0] === 0xffffffff) return false
    if (!window.hasDistance(reps[0] + 1))
      throw invalid('LZMA data is damaged (a match before the start)')
    window.copy(reps[0] + 1, length + 2)
    return true
  }
}

/** Pulls bytes from an async source into one growing buffer (consumed bytes are dropped). */
class Input {
  buf: Buffer = Buffer.alloc(0)
  ended = false
  private readonly iterator: AsyncIterator<Buffer>
  constructor(source: AsyncIterable<Buffer>) {
    this.iterator = source[Symbol.asyncIterator]()
  }
  /** Makes at least `n` bytes available from `from` unless the input ends; drops bytes before `from`. */
  async fill(from: number, n: number): Promise<number> {
    if (from > 0) {
      this.buf = this.buf.subarray(from)
    }
    while (!this.ended && this.buf.length < n) {
      const next = await this.iterator.next()
      if (next.done) this.ended = true
      else this.buf = this.buf.length ? Buffer.concat([this.buf, next.value]) : next.value
    }
    return this.buf.length
  }
  async close(): Promise<void> {
    await this.iterator.return?.()
  }
}

function dictionary(size: number): number {
  if (size > MAX_DICTIONARY)
    throw unsafe(`LZMA dictionary of ${size} bytes (more than ${MAX_DICTIONARY}): cannot scan`)
  // Output is taken at most OUTPUT_PIECE (+ one match) at a time, and an LZMA2 chunk is at most 2 MiB:
  // a window that large never overwrites bytes not yet taken.
  return Math.max(size, 4 << 20)
}

/** The legacy .lzma format: properties, dictionary size, uncompressed size (or -1), LZMA1 data. */
export async function* unlzma(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const input = new Input(source)
  try {
    if ((await input.fill(0, 13)) < 13) throw invalid('the .lzma header is cut short')
    const header = input.buf
    const size = header.readBigUInt64LE(5)
    const known = size !== 0xffffffffffffffffn
    const window = new Window(dictionary(header.readUInt32LE(1)))
    const lzma = new Lzma(window)
    lzma.setProperties(header[0])
    lzma.reset()
    await input.fill(13, 5 + MARGIN)
    lzma.rc.init(input.buf, 0)
    let remaining = known ? Number(size) : Infinity
    for (;;) {
      const limit = Math.min(OUTPUT_PIECE, remaining)
      const result = limit > 0 ? lzma.decode(limit, input.buf.length, input.ended) : 'end'
      const out = window.take()
      if (known) remaining -= out.length
      if (out.length) yield out
      if (result === 'end' || remaining <= 0) return
      if (result === 'more' || lzma.rc.at + MARGIN > input.buf.length) {
        const at = lzma.rc.at
        await input.fill(at, MARGIN * 2 + (1 << 16))
        lzma.rc.input = input.buf
        lzma.rc.at = 0
      }
    }
  } finally {
    await input.close()
  }
}

const XZ_MAGIC = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])
const CHECK_SIZES = [0, 4, 4, 4, 8, 8, 8, 16, 16, 16, 32, 32, 32, 64, 64, 64]

function varint(buf: Buffer, at: { i: number }): number {
  let value = 0
  for (let shift = 0; shift < 63; shift += 7) {
    const byte = buf[at.i++]
    if (byte === undefined) throw invalid('xz header is cut short')
    value += (byte & 0x7f) * 2 ** shift
    if (!(byte & 0x80)) return value
  }
  throw invalid('xz varint is damaged')
}

/** The .xz container: streams of blocks, each LZMA2 chunks; the index and footer are skipped over. */
export async function* unxz(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const input = new Input(source)
  try {
    let at = 0
    for (let streams = 0; ; streams++) {
      // Stream padding (zeros, in fours) may come between streams.
      for (;;) {
        if ((await input.fill(at, 4)) < 4) {
          if (streams === 0) throw invalid('not an xz stream')
          return
        }
        at = 0
        if (input.buf.readUInt32LE(0) !== 0) break
        at = 4
      }
      if ((await input.fill(0, 12)) < 12 || !input.buf.subarray(0, 6).equals(XZ_MAGIC))
        throw invalid('not an xz stream (bad magic)')
      const check = input.buf[7] & 0x0f
      at = 12
      for (;;) {
        await input.fill(at, 1024)
        at = 0
        const first = input.buf[0]
        if (first === undefined) throw invalid('xz stream is cut short')
        if (first === 0) {
          at = await indexEnd(input)
          break
        }
        yield* block(input, check)
        at = 0
      }
    }
  } finally {
    await input.close()
  }
}

/** Reads past the index (indicator, record count, records, padding, CRC32) and the 12-byte footer. */
async function indexEnd(input: Input): Promise<number> {
  const cursor = { i: 1 }
  await input.fill(0, 1 << 16)
  const records = varint(input.buf, cursor)
  for (let r = 0; r < records; r++) {
    if (cursor.i + 20 > input.buf.length) await input.fill(0, cursor.i + (1 << 16))
    varint(input.buf, cursor)
    varint(input.buf, cursor)
  }
  cursor.i += (4 - (cursor.i % 4)) % 4
  const end = cursor.i + 4 + 12
  if ((await input.fill(0, end)) < end) throw invalid('xz index is cut short')
  return end
}

/** An xz block: its header, LZMA2 chunks up to the end marker, padding, check. */
async function* block(input: Input, check: number): AsyncGenerator<Buffer> {
  const headerSize = (input.buf[0] + 1) * 4
  if ((await input.fill(0, headerSize)) < headerSize) throw invalid('xz block header is cut short')
  const window = new Window(dictionary(lzma2Dictionary(input.buf)))
  const lzma = new Lzma(window)
  let at = headerSize
  let compressed = 0
  for (;;) {
    await input.fill(at, 6)
    const control = input.buf[0]
    if (control === undefined) throw invalid('xz block is cut short')
    if (control === 0) at = 1
    else if (control === 1 || control === 2) at = yield* storedChunk(input, window, control)
    else if (control < 0x80) throw invalid('xz LZMA2 chunk is damaged')
    else at = yield* lzmaChunk(input, lzma, control)
    compressed += at
    if (control === 0) break
  }
  // Block padding to a multiple of four (counting the header), then the check.
  const total = headerSize + compressed
  at += ((4 - (total % 4)) % 4) + CHECK_SIZES[check]
  if ((await input.fill(0, at)) < at) throw invalid('xz block check is cut short')
  input.buf = input.buf.subarray(at)
}

/** The dictionary size of a block's one filter, which must be LZMA2. */
function lzma2Dictionary(header: Buffer): number {
  const flags = header[1]
  const cursor = { i: 2 }
  if (flags & 0x40) varint(header, cursor)
  if (flags & 0x80) varint(header, cursor)
  const filters = (flags & 3) + 1
  let dictSize = 0
  for (let f = 0; f < filters; f++) {
    const id = varint(header, cursor)
    const size = varint(header, cursor)
    if (id !== 0x21 || f !== filters - 1 || size !== 1)
      throw unsafe(`xz filter 0x${id.toString(16)} is not supported: cannot scan`)
    const bits = header[cursor.i] & 0x3f
    if (bits > 40) throw invalid('xz LZMA2 dictionary size is damaged')
    dictSize = bits === 40 ? 0xffffffff : (2 | (bits & 1)) * 2 ** (Math.floor(bits / 2) + 11)
    cursor.i += size
  }
  return dictSize
}

/** An uncompressed LZMA2 chunk (control 1 resets the dictionary, 2 does not); returns its length. */
async function* storedChunk(
  input: Input,
  window: Window,
  control: number
): AsyncGenerator<Buffer, number> {
  if (control === 1) window.reset()
  const size = input.buf.readUInt16BE(1) + 1
  if ((await input.fill(0, 3 + size)) < 3 + size) throw invalid('xz block is cut short')
  for (let i = 0; i < size; i++) window.put(input.buf[3 + i])
  yield window.take()
  return 3 + size
}

/** An LZMA chunk: what it resets, its properties (after a reset of them), its data; returns its length. */
async function* lzmaChunk(
  input: Input,
  lzma: Lzma,
  control: number
): AsyncGenerator<Buffer, number> {
  const unpacked = ((control & 0x1f) << 16) + input.buf.readUInt16BE(1) + 1
  const packed = input.buf.readUInt16BE(3) + 1
  const reset = (control >>> 5) & 3
  let headerLength = 5
  if (reset === 3) lzma.window.reset()
  if (reset >= 2) {
    lzma.setProperties(input.buf[5])
    headerLength = 6
  } else if (!lzma.hasProperties) throw invalid('xz LZMA2 chunk without properties')
  if (reset >= 1) lzma.reset()
  if ((await input.fill(0, headerLength + packed)) < headerLength + packed)
    throw invalid('xz block is cut short')
  const chunk = input.buf.subarray(headerLength, headerLength + packed)
  lzma.rc.init(chunk, 0)
  for (let left = unpacked; left > 0;) {
    const result = lzma.decode(Math.min(left, OUTPUT_PIECE), chunk.length, true)
    const out = lzma.window.take()
    left -= out.length
    if (out.length) yield out
    if (result === 'end') throw invalid('xz LZMA2 chunk has an end marker')
    if (!out.length) throw invalid('xz LZMA2 chunk is damaged')
  }
  if (lzma.rc.at > chunk.length) throw invalid('xz LZMA2 chunk is cut short')
  return headerLength + packed
}
