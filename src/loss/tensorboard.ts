import { openRegularFile } from '../file-info.js'
import { ProtoError, Wire } from '../protobuf.js'
import { MAX_TOTAL_POINTS, roomForSeries, thin, type MetricSeries } from './series.js'

// CRC-32C (Castagnoli), slicing-by-4 tables.
const CRC_TABLES = (() => {
  const tables = Array.from({ length: 4 }, () => new Uint32Array(256))
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1
    tables[0][n] = c >>> 0
  }
  for (let n = 0; n < 256; n++) {
    for (let t = 1; t < 4; t++)
      tables[t][n] = (tables[t - 1][n] >>> 8) ^ tables[0][tables[t - 1][n] & 0xff]
  }
  return tables
})()

export function crc32c(bytes: Uint8Array, start = 0, end = bytes.length): number {
  const [t0, t1, t2, t3] = CRC_TABLES
  let crc = 0xffffffff
  let i = start
  for (; i + 4 <= end; i += 4) {
    crc ^= bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)
    crc = t3[crc & 0xff] ^ t2[(crc >>> 8) & 0xff] ^ t1[(crc >>> 16) & 0xff] ^ t0[crc >>> 24]
  }
  for (; i < end; i++) crc = t0[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

/** TFRecord's masked CRC: rotate right by 15 and add a constant. */
export function maskedCrc32c(bytes: Uint8Array, start = 0, end = bytes.length): number {
  const crc = crc32c(bytes, start, end)
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0
}

const DT_FLOAT = 1
const DT_DOUBLE = 2
const DT_INT32 = 3
const DT_INT64 = 9
const DT_BFLOAT16 = 14
const DT_HALF = 19

function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1
  const exponent = (bits >> 10) & 0x1f
  const fraction = bits & 0x3ff
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024)
  if (exponent === 31) return fraction ? NaN : sign * Infinity
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024)
}

function bfloat16ToNumber(bits: number): number {
  const buffer = Buffer.alloc(4)
  buffer.writeUInt32LE(((bits & 0xffff) << 16) >>> 0)
  return buffer.readFloatLE(0)
}

/** The value of a rank-0 (single element) tensor, or undefined when it is not a number. */
function tensorScalar(buf: Buffer, start: number, end: number): number | undefined {
  const wire = new Wire(buf, start, end)
  let dtype = 0
  let elements = 1
  let content: [number, number] | undefined
  const values: number[] = []
  while (wire.pos < end) {
    const key = wire.varint()
    const field = key >>> 3
    const type = key & 7
    if (field === 1 && type === 0) dtype = wire.varint()
    else if (field === 2 && type === 2) {
      const [s, e] = wire.span()
      const shape = new Wire(buf, s, e)
      while (shape.pos < e) {
        const shapeKey = shape.varint()
        if (shapeKey >>> 3 === 2 && (shapeKey & 7) === 2) {
          const [ds, de] = shape.span()
          const dim = new Wire(buf, ds, de)
          let size = 0
          while (dim.pos < de) {
            const dimKey = dim.varint()
            if (dimKey >>> 3 === 1 && (dimKey & 7) === 0) size = dim.varint()
            else dim.skip(dimKey & 7)
          }
          elements *= size
        } else shape.skip(shapeKey & 7)
      }
    } else if (field === 4 && type === 2) content = wire.span()
    else if (
      (field === 5 || field === 6 || field === 7 || field === 10 || field === 13) &&
      (type === 2 || type === 0 || type === 1 || type === 5)
    ) {
      // Repeated numerics: packed (type 2) or one element per key.
      const read = (w: Wire, t: number): number =>
        t === 5 ? buf.readFloatLE(w.fixed(4)) : t === 1 ? buf.readDoubleLE(w.fixed(8)) : w.varint()
      const elementType = field === 5 ? 5 : field === 6 ? 1 : 0
      if (type === 2) {
        const [s, e] = wire.span()
        const packed = new Wire(buf, s, e)
        while (packed.pos < e) values.push(read(packed, elementType))
      } else values.push(read(wire, type))
    } else wire.skip(type)
  }
  if (elements !== 1) return undefined
  if (values.length) {
    const [first] = values
    if (dtype === DT_HALF) return halfToNumber(first)
    if (dtype === DT_BFLOAT16) return bfloat16ToNumber(first)
    if (dtype === DT_INT32 && first > 0x7fffffff) return first - 2 ** 32
    return first
  }
  if (content) {
    const [s, e] = content
    if (dtype === DT_FLOAT && e - s === 4) return buf.readFloatLE(s)
    if (dtype === DT_DOUBLE && e - s === 8) return buf.readDoubleLE(s)
    if (dtype === DT_INT32 && e - s === 4) return buf.readInt32LE(s)
    if (dtype === DT_INT64 && e - s === 8) return Number(buf.readBigInt64LE(s))
    if (dtype === DT_HALF && e - s === 2) return halfToNumber(buf.readUInt16LE(s))
  }
  return undefined
}

export interface TensorboardWarnings {
  badDataCrc: number
  malformed: number
  truncatedTail: boolean
  corruptAt?: number
}

/**
 * Decodes a TensorBoard event file (TFRecord framing, masked CRC-32C, protobuf `Event`s) fed in chunks.
 * Scalars come from `simple_value` and from rank-0 tensors of the `scalars` plugin (`float_val`,
 * `double_val`, `tensor_content`, ...). Histograms, images, text and hparams are skipped. A record whose
 * data CRC is wrong is skipped and counted; a wrong length CRC means the rest is unreadable.
 */
export class EventFileParser {
  private pending: Buffer = Buffer.alloc(0)
  private record = 0
  private offset = 0
  private stopped = false
  private readonly pluginByTag = new Map<string, string>()
  private readonly series = new Map<string, MetricSeries & { stride: number; read: number }>()
  /** Points kept across all tags. */
  private total = 0
  readonly warnings: TensorboardWarnings = { badDataCrc: 0, malformed: 0, truncatedTail: false }
  /** Records bigger than this are garbage, not data: do not allocate for them. */
  static readonly MAX_RECORD = 256 * 1024 * 1024
  /**
   * Records bigger than this (a graph, an image, an embedding; never a scalar) are skipped unread, CRC and
   * all, so that the reader's buffer stays small.
   */
  static readonly MAX_DECODED_RECORD = 4 * 1024 * 1024
  /** Bytes of a skipped record still to pass. */
  private skip = 0
  /** Points kept per series before thinning. */
  static readonly MAX_POINTS = 100_000

  constructor(
    private readonly label: string,
    private readonly context?: string
  ) {}

  /** Feeds the next bytes of the file (for callers that do not manage their own buffer). */
  push(chunk: Buffer): void {
    const buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk
    const used = this.consume(buf, buf.length)
    this.pending = used < buf.length ? Buffer.from(buf.subarray(used)) : Buffer.alloc(0)
  }

  /**
   * Decodes every complete record in buf[0, end) and returns how many bytes it used; the caller keeps
   * the rest (a record cut by the chunk boundary) and passes it again, followed by more bytes.
   */
  consume(buf: Buffer, end: number): number {
    if (this.stopped) return end
    let pos = 0
    for (;;) {
      if (this.skip > 0) {
        const passed = Math.min(this.skip, end - pos)
        pos += passed
        this.skip -= passed
        if (this.skip > 0) break
      }
      if (end - pos < 12) break
      const lengthLow = buf.readUInt32LE(pos)
      const lengthHigh = buf.readUInt32LE(pos + 4)
      const length = lengthHigh * 2 ** 32 + lengthLow
      if (
        buf.readUInt32LE(pos + 8) !== maskedCrc32c(buf, pos, pos + 8) ||
        length > EventFileParser.MAX_RECORD
      ) {
        this.warnings.corruptAt = this.offset + pos
        this.stopped = true
        return end
      }
      if (length > EventFileParser.MAX_DECODED_RECORD) {
        this.record++
        this.skip = length + 4
        pos += 12
        continue
      }
      if (end - pos < 12 + length + 4) {
        this.needed = 12 + length + 4
        break
      }
      const dataStart = pos + 12
      const dataEnd = dataStart + length
      this.record++
      if (buf.readUInt32LE(dataEnd) !== maskedCrc32c(buf, dataStart, dataEnd))
        this.warnings.badDataCrc++
      else {
        try {
          this.decodeEvent(buf, dataStart, dataEnd)
        } catch (error) {
          if (!(error instanceof ProtoError)) throw error
          this.warnings.malformed++
        }
      }
      pos = dataEnd + 4
    }
    this.offset += pos
    this.tail = end - pos
    return pos
  }

  /** Bytes the next record needs in one piece (a reader with a fixed buffer grows it to this). */
  needed = 0
  private tail = 0

  finish(): MetricSeries[] {
    if ((this.pending.length || this.tail || this.skip) && !this.stopped)
      this.warnings.truncatedTail = true
    this.pending = Buffer.alloc(0)
    return [...this.series.values()].map(({ stride, read, ...series }) =>
      stride > 1 ? { ...series, totalPoints: read } : series
    )
  }

  private decodeEvent(buf: Buffer, start: number, end: number): void {
    const wire = new Wire(buf, start, end)
    let step = 0
    let summary: [number, number] | undefined
    while (wire.pos < end) {
      const key = wire.varint()
      const field = key >>> 3
      const type = key & 7
      if (field === 2 && type === 0) step = wire.varint()
      else if (field === 5 && type === 2) summary = wire.span()
      else wire.skip(type)
    }
    if (!summary) return
    const [s, e] = summary
    const values = new Wire(buf, s, e)
    while (values.pos < e) {
      const key = values.varint()
      if (key >>> 3 === 1 && (key & 7) === 2) {
        const [vs, ve] = values.span()
        this.decodeValue(buf, vs, ve, step)
      } else values.skip(key & 7)
    }
  }

  private decodeValue(buf: Buffer, start: number, end: number, step: number): void {
    const wire = new Wire(buf, start, end)
    let tag: string | undefined
    let simple: number | undefined
    let tensor: [number, number] | undefined
    let plugin: string | undefined
    let scalarClass = false
    while (wire.pos < end) {
      const key = wire.varint()
      const field = key >>> 3
      const type = key & 7
      if (field === 1 && type === 2) {
        const [ts, te] = wire.span()
        tag = buf.toString('utf8', ts, te)
      } else if (field === 2 && type === 5) simple = buf.readFloatLE(wire.fixed(4))
      else if (field === 8 && type === 2) tensor = wire.span()
      else if (field === 9 && type === 2) {
        const [ms, me] = wire.span()
        const meta = new Wire(buf, ms, me)
        while (meta.pos < me) {
          const metaKey = meta.varint()
          if (metaKey >>> 3 === 1 && (metaKey & 7) === 2) {
            const [ps, pe] = meta.span()
            const pluginData = new Wire(buf, ps, pe)
            while (pluginData.pos < pe) {
              const pluginKey = pluginData.varint()
              if (pluginKey >>> 3 === 1 && (pluginKey & 7) === 2) {
                const [ns, ne] = pluginData.span()
                plugin = buf.toString('utf8', ns, ne)
              } else pluginData.skip(pluginKey & 7)
            }
          } else if (metaKey >>> 3 === 4 && (metaKey & 7) === 0) scalarClass = meta.varint() === 1
          else meta.skip(metaKey & 7)
        }
      } else wire.skip(type)
    }
    if (tag === undefined) return
    // tensorboardX and TF1 writers attach metadata only to a tag's first value.
    if (plugin !== undefined && !this.pluginByTag.has(tag)) this.pluginByTag.set(tag, plugin)
    let value = simple
    if (value === undefined && tensor && (this.pluginByTag.get(tag) === 'scalars' || scalarClass)) {
      value = tensorScalar(buf, tensor[0], tensor[1])
    }
    if (value !== undefined) this.add(tag, step, value)
  }

  private add(tag: string, step: number, value: number): void {
    let series = this.series.get(tag)
    if (!series) {
      if (!roomForSeries(this.series.size, tag)) return
      series = {
        key: tag,
        source: this.label,
        format: 'tensorboard',
        context: this.context,
        points: [],
        stride: 1,
        read: 0
      }
      this.series.set(tag, series)
    }
    const points = series.points
    // A restarted run writes steps again: like TensorBoard, later values replace those at or after the step.
    while (points.length && points[points.length - 1].step >= step) {
      points.pop()
      this.total--
    }
    // Memory stays bounded on huge logs: past MAX_POINTS keep every 2nd, 4th, ... point, but never drop a
    // non-finite one, which decides the verdict; past MAX_TOTAL_POINTS across tags, the longest is thinned.
    const index = series.read++
    if (index % series.stride !== 0 && Number.isFinite(value)) return
    points.push({ step, value, line: this.record })
    this.total++
    if (points.length > EventFileParser.MAX_POINTS) this.total -= thin(series)
    if (this.total > MAX_TOTAL_POINTS) {
      let largest = series
      for (const other of this.series.values())
        if (other.points.length > largest.points.length) largest = other
      this.total -= thin(largest)
    }
  }
}

/** Reads one event file in 1 MiB chunks; memory stays flat whatever its size. */
export async function readTensorboardFile(
  file: string,
  label: string,
  context?: string
): Promise<{ series: MetricSeries[]; warnings: TensorboardWarnings }> {
  const parser = new EventFileParser(label, context)
  const handle = await openRegularFile(file, label)
  try {
    // One buffer for the whole file: the unread tail of a chunk moves to its front, the next read follows.
    let buffer = Buffer.alloc(1024 * 1024)
    let filled = 0
    for (;;) {
      if (parser.needed > buffer.length) {
        const bigger = Buffer.alloc(parser.needed)
        buffer.copy(bigger, 0, 0, filled)
        buffer = bigger
      }
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null)
      if (bytesRead === 0) break
      filled += bytesRead
      const used = parser.consume(buffer, filled)
      buffer.copy(buffer, 0, used, filled)
      filled -= used
    }
  } finally {
    await handle.close()
  }
  return { series: parser.finish(), warnings: parser.warnings }
}

export function describeWarnings(label: string, warnings: TensorboardWarnings): string[] {
  const out: string[] = []
  if (warnings.badDataCrc)
    out.push(`${label}: ${warnings.badDataCrc} record(s) with a bad CRC were skipped`)
  if (warnings.malformed)
    out.push(`${label}: ${warnings.malformed} record(s) could not be decoded and were skipped`)
  if (warnings.corruptAt !== undefined)
    out.push(
      `${label}: corrupt record header at byte ${warnings.corruptAt}; the rest of the file was not read`
    )
  return out
}
