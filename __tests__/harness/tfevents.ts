/** Builds TensorBoard event files byte by byte (TFRecord framing + protobuf), for the reader's tests. */
import { maskedCrc32c } from '../../src/loss/tensorboard.js'

function varint(value: number): number[] {
  const out: number[] = []
  let v = value
  while (v >= 0x80) {
    out.push((v % 128) | 0x80)
    v = Math.floor(v / 128)
  }
  out.push(v)
  return out
}

const key = (field: number, type: number): number[] => varint(field * 8 + type)
const bytes = (field: number, data: number[] | Buffer): number[] => [
  ...key(field, 2),
  ...varint(data.length),
  ...data
]
const text = (field: number, value: string): number[] => bytes(field, Buffer.from(value))
const float32 = (value: number): number[] => {
  const b = Buffer.alloc(4)
  b.writeFloatLE(value)
  return [...b]
}

export function simpleValue(tag: string, value: number): number[] {
  return [...text(1, tag), ...key(2, 5), ...float32(value)]
}

/** A TF2 / new_style scalar: a rank-0 DT_FLOAT tensor with the `scalars` plugin. */
export function tensorValue(
  tag: string,
  value: number,
  encoding: 'content' | 'float_val' | 'double_val',
  withMetadata = true
): number[] {
  const tensor =
    encoding === 'content'
      ? [...key(1, 0), 1, ...bytes(2, []), ...bytes(4, float32(value))]
      : encoding === 'float_val'
        ? [...key(1, 0), 1, ...bytes(5, float32(value))]
        : (() => {
            const b = Buffer.alloc(8)
            b.writeDoubleLE(value)
            return [...key(1, 0), 2, ...bytes(6, [...b])]
          })()
  const metadata = bytes(9, bytes(1, text(1, 'scalars')))
  return [...text(1, tag), ...bytes(8, tensor), ...(withMetadata ? metadata : [])]
}

export function histogramValue(tag: string): number[] {
  return [...text(1, tag), ...bytes(5, [...key(1, 1), ...Array(8).fill(0)])]
}

export function event(step: number, values: number[][]): Buffer {
  const wall = Buffer.alloc(8)
  wall.writeDoubleLE(1_700_000_000 + step)
  const summary = values.flatMap(value => bytes(1, value))
  return Buffer.from([...key(1, 1), ...wall, ...key(2, 0), ...varint(step), ...bytes(5, summary)])
}

export function fileVersionEvent(): Buffer {
  return Buffer.from([...key(1, 1), ...Array(8).fill(0), ...text(3, 'brain.Event:2')])
}

export function record(data: Buffer): Buffer {
  const header = Buffer.alloc(12)
  header.writeUInt32LE(data.length, 0)
  header.writeUInt32LE(0, 4)
  header.writeUInt32LE(maskedCrc32c(header, 0, 8), 8)
  const footer = Buffer.alloc(4)
  footer.writeUInt32LE(maskedCrc32c(data))
  return Buffer.concat([header, data, footer])
}

export function eventFile(events: Buffer[]): Buffer {
  return Buffer.concat([record(fileVersionEvent()), ...events.map(record)])
}
