import { invalid, unsafe } from './types.js'

/**
 * bzip2 decoding for joblib's `bz2` files, after the format bzip2 1.0 writes (and Python's bz2 reads):
 * streams of blocks, each Huffman-coded MTF/run-length symbols over a Burrows-Wheeler transform.
 * One block (at most 900 kB out, about as much in) is decoded at a time.
 */

/** Compressed bytes one block can take: 900 kB of input that does not compress, plus tables. */
const MAX_BLOCK_INPUT = 1_100_000
const BLOCK_MAGIC_HI = 0x314159
const BLOCK_MAGIC_LO = 0x265359
const END_MAGIC_HI = 0x177245
const END_MAGIC_LO = 0x385090

class Bits {
  /** Next byte to load. */
  private next = 0
  private buffer = 0
  private count = 0
  constructor(public buf: Buffer) {}
  /** Bit position of the reader in `buf`. */
  get at(): number {
    return this.next * 8 - this.count
  }
  set at(bit: number) {
    this.next = bit >>> 3
    this.count = 0
    this.buffer = 0
    if (bit & 7) this.bits(bit & 7)
  }
  bits(n: number): number {
    while (this.count < n) {
      const byte = this.buf[this.next++]
      if (byte === undefined) throw invalid('bzip2 data is truncated')
      this.buffer = ((this.buffer << 8) | byte) & 0xffffffff
      this.count += 8
    }
    this.count -= n
    return (this.buffer >>> this.count) & ((1 << n) - 1)
  }
  bit(): number {
    return this.bits(1)
  }
}

interface Table {
  limit: Int32Array
  base: Int32Array
  perm: Int32Array
  minLen: number
}

function table(lengths: Uint8Array, alphaSize: number): Table {
  let minLen = 32
  let maxLen = 0
  for (let i = 0; i < alphaSize; i++) {
    minLen = Math.min(minLen, lengths[i])
    maxLen = Math.max(maxLen, lengths[i])
  }
  const perm = new Int32Array(258)
  let pp = 0
  for (let len = minLen; len <= maxLen; len++)
    for (let i = 0; i < alphaSize; i++) if (lengths[i] === len) perm[pp++] = i
  const base = new Int32Array(23)
  for (let i = 0; i < alphaSize; i++) base[lengths[i] + 1]++
  for (let i = 1; i < 23; i++) base[i] += base[i - 1]
  const limit = new Int32Array(23).fill(-1)
  let vec = 0
  for (let len = minLen; len <= maxLen; len++) {
    vec += base[len + 1] - base[len]
    limit[len] = vec - 1
    vec <<= 1
  }
  for (let len = minLen + 1; len <= maxLen; len++)
    base[len] = ((limit[len - 1] + 1) << 1) - base[len]
  return { limit, base, perm, minLen }
}

/** Decodes one block at the reader's position; returns its bytes. */
function decodeBlock(reader: Bits, blockSize: number): Buffer {
  reader.bits(32) // block CRC (not checked: a damaged block fails to decode or to parse as a pickle)
  if (reader.bit()) throw unsafe('bzip2 block uses the obsolete randomised mode: cannot scan')
  const origPtr = reader.bits(24)
  const seqToUnseq = readSymbolMap(reader)
  const groups = reader.bits(3)
  const selectorCount = reader.bits(15)
  if (groups < 2 || groups > 6 || selectorCount < 1) throw invalid('bzip2 block tables are damaged')
  const selectors = readSelectors(reader, groups, selectorCount)
  const tables: Table[] = []
  for (let t = 0; t < groups; t++) tables.push(readTable(reader, seqToUnseq.length + 2))
  const block = decodeSymbols(reader, tables, selectors, seqToUnseq, blockSize * 100_000)
  if (origPtr >= block.length) throw invalid('bzip2 block origin is out of range')
  inverseBwt(block)
  return undoInitialRuns(block.tt, block.length, origPtr)
}

/** The bytes the block uses, in order: symbol i stands for byte seqToUnseq[i]. */
function readSymbolMap(reader: Bits): number[] {
  const inUse16 = reader.bits(16)
  const seqToUnseq: number[] = []
  for (let i = 0; i < 16; i++)
    if (inUse16 & (0x8000 >>> i)) {
      const used = reader.bits(16)
      for (let j = 0; j < 16; j++) if (used & (0x8000 >>> j)) seqToUnseq.push(i * 16 + j)
    }
  if (!seqToUnseq.length) throw invalid('bzip2 block uses no symbols')
  return seqToUnseq
}

/** Which table codes each group of 50 symbols: unary-coded move-to-front indices. */
function readSelectors(reader: Bits, groups: number, count: number): Uint8Array {
  const mtfGroups = Array.from({ length: groups }, (_, i) => i)
  const selectors = new Uint8Array(count)
  for (let i = 0; i < count; i++) {
    let j = 0
    while (reader.bit()) if (++j >= groups) throw invalid('bzip2 selector is damaged')
    const value = mtfGroups[j]
    mtfGroups.splice(j, 1)
    mtfGroups.unshift(value)
    selectors[i] = value
  }
  return selectors
}

/** One Huffman table: delta-coded code lengths. */
function readTable(reader: Bits, alphaSize: number): Table {
  const lengths = new Uint8Array(alphaSize)
  let current = reader.bits(5)
  for (let i = 0; i < alphaSize; i++) {
    for (;;) {
      if (current < 1 || current > 20) throw invalid('bzip2 code lengths are damaged')
      if (!reader.bit()) break
      current += reader.bit() ? -1 : 1
    }
    lengths[i] = current
  }
  return table(lengths, alphaSize)
}

interface DecodedBlock {
  /** Low byte: the byte; high bits: after inverseBwt, the link to the next position. */
  tt: Uint32Array
  length: number
  /** How often each byte occurs. */
  counts: Int32Array
}

/** Huffman-coded MTF values with RUNA/RUNB run lengths, until the end-of-block symbol. */
function decodeSymbols(
  reader: Bits,
  tables: Table[],
  selectors: Uint8Array,
  seqToUnseq: number[],
  limit: number
): DecodedBlock {
  const tt = new Uint32Array(limit)
  const counts = new Int32Array(256)
  const mtf = Uint8Array.from(seqToUnseq, (_, i) => i)
  const eob = seqToUnseq.length + 1
  let length = 0
  let selector = 0
  let groupLeft = 0
  let current: Table = tables[0]
  let run = 0
  let runWeight = 1
  for (;;) {
    if (!groupLeft) {
      if (selector >= selectors.length) throw invalid('bzip2 block runs past its selectors')
      current = tables[selectors[selector++]]
      groupLeft = 50
    }
    groupLeft--
    const symbol = huffmanSymbol(reader, current)
    if (symbol <= 1) {
      run += (symbol + 1) * runWeight
      runWeight <<= 1
      if (run > limit) throw invalid('bzip2 run is longer than the block')
      continue
    }
    if (run) {
      const byte = seqToUnseq[mtf[0]]
      if (length + run > limit) throw invalid('bzip2 block is larger than its declared size')
      counts[byte] += run
      tt.fill(byte, length, length + run)
      length += run
      run = 0
      runWeight = 1
    }
    if (symbol === eob) break
    const byte = seqToUnseq[moveToFront(mtf, symbol - 1)]
    if (length >= limit) throw invalid('bzip2 block is larger than its declared size')
    counts[byte]++
    tt[length++] = byte
  }
  return { tt, length, counts }
}

function huffmanSymbol(reader: Bits, table: Table): number {
  let len = table.minLen
  let vec = reader.bits(len)
  while (len <= 20 && vec > table.limit[len]) {
    len++
    vec = (vec << 1) | reader.bit()
  }
  if (len > 20) throw invalid('bzip2 Huffman code is damaged')
  const index = vec - table.base[len]
  if (index < 0 || index >= 258) throw invalid('bzip2 Huffman code is damaged')
  return table.perm[index]
}

/** Moves the value at `position` to the front; returns it. */
function moveToFront(mtf: Uint8Array, position: number): number {
  const value = mtf[position]
  for (let k = position; k > 0; k--) mtf[k] = mtf[k - 1]
  mtf[0] = value
  return value
}

/** Inverse Burrows-Wheeler transform: links each position to the next in the high bits of `tt`. */
function inverseBwt({ tt, length, counts }: DecodedBlock): void {
  const cftab = new Int32Array(256)
  for (let i = 0, sum = 0; i < 256; i++) {
    cftab[i] = sum
    sum += counts[i]
  }
  for (let i = 0; i < length; i++) {
    const byte = tt[i] & 0xff
    tt[cftab[byte]++] |= i << 8
  }
}

/** Follows the links from `origPtr`, undoing the initial run-length encoding (four equal bytes, then a count of more). */
function undoInitialRuns(tt: Uint32Array, length: number, origPtr: number): Buffer {
  let out = Buffer.allocUnsafe(Math.max(1024, length + (length >>> 2)))
  let size = 0
  const room = (n: number): void => {
    if (size + n <= out.length) return
    const bigger = Buffer.allocUnsafe(Math.max(out.length * 2, size + n))
    out.copy(bigger, 0, 0, size)
    out = bigger
  }
  let position = tt[origPtr] >>> 8
  let last = -1
  let same = 0
  for (let i = 0; i < length; i++) {
    position = tt[position]
    const byte = position & 0xff
    position >>>= 8
    if (same === 4) {
      room(byte)
      out.fill(last, size, size + byte)
      size += byte
      same = 0
      continue
    }
    if (byte === last) same++
    else {
      last = byte
      same = 1
    }
    room(1)
    out[size++] = byte
  }
  return out.subarray(0, size)
}

/** Decompresses bzip2 streams (several may follow each other). */
export async function* bunzip2(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]()
  let buf: Buffer = Buffer.alloc(0)
  let ended = false
  const fill = async (want: number): Promise<void> => {
    while (!ended && buf.length < want) {
      const next = await iterator.next()
      if (next.done) ended = true
      else buf = buf.length ? Buffer.concat([buf, next.value]) : next.value
    }
  }
  try {
    for (let streams = 0; ; streams++) {
      await fill(4)
      if (buf.length === 0 && streams > 0) return
      if (
        buf.length < 4 ||
        buf.toString('latin1', 0, 3) !== 'BZh' ||
        buf[3] < 0x31 ||
        buf[3] > 0x39
      )
        throw invalid('not a bzip2 stream')
      const blockSize = buf[3] - 0x30
      const reader = new Bits(buf)
      reader.at = 32
      for (;;) {
        // Keep a whole block's worth of input ahead of the reader.
        const consumed = reader.at >>> 3
        const bit = reader.at - consumed * 8
        buf = buf.subarray(consumed)
        await fill(MAX_BLOCK_INPUT)
        reader.buf = buf
        reader.at = bit
        const hi = reader.bits(24)
        const lo = reader.bits(24)
        if (hi === END_MAGIC_HI && lo === END_MAGIC_LO) {
          reader.bits(32) // stream CRC
          buf = buf.subarray((reader.at + 7) >>> 3)
          break
        }
        if (hi !== BLOCK_MAGIC_HI || lo !== BLOCK_MAGIC_LO)
          throw invalid('bzip2 block header is damaged')
        yield decodeBlock(reader, blockSize)
      }
    }
  } finally {
    await iterator.return?.()
  }
}
