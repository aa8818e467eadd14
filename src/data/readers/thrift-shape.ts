// Thrift compact protocol types, as Parquet's metadata uses them.
const STOP = 0
const TRUE = 1
const FALSE = 2
const BYTE = 3
const I16 = 4
const I32 = 5
const I64 = 6
const DOUBLE = 7
const BINARY = 8
const LIST = 9
const STRUCT = 12

/** Structs inside structs: Parquet's metadata nests about six deep (FileMetaData › RowGroup › … › LogicalType). */
const MAX_DEPTH = 32

/** Thrown when the bytes end before the struct does (a reader may try again with more). */
export class ThriftCutShort extends Error {}

/**
 * Walks Thrift compact bytes from `start` (up to `end`) without building anything, and returns where
 * the struct there ends. It throws unless that struct has at most `maxValues` values, nested at most
 * MAX_DEPTH deep, with lists and strings that fit in the bytes; ThriftCutShort when the bytes end first.
 * hyparquet's own parser builds an object per value and trusts list sizes, so a few kilobytes can
 * declare a list of a billion elements, and a run of empty structs costs 60 bytes of heap per byte;
 * this walk runs first, in constant memory (an explicit stack, no recursion).
 */
export function checkThriftShape(
  bytes: Uint8Array,
  start: number,
  end: number,
  maxValues: number
): number {
  let at = start
  let values = 0
  // Open containers: a struct (-1), or a list with `left` elements of `type` to go.
  const lefts: number[] = [-1]
  const types: number[] = [STRUCT]
  const byte = (): number => {
    if (at >= end) throw new ThriftCutShort('the bytes end in the middle of a value')
    return bytes[at++]
  }
  const varint = (): number => {
    let result = 0
    for (let shift = 0; ; shift += 7) {
      if (shift > 63) throw new Error('a number is longer than 10 bytes')
      const b = byte()
      if (shift < 53) result += (b & 0x7f) * 2 ** shift
      if (!(b & 0x80)) return result
    }
  }
  const skip = (length: number, what: string): void => {
    if (!(length >= 0)) throw new Error(`${what} of ${length} bytes`)
    if (length > end - at) throw new ThriftCutShort(`${what} of ${length} bytes runs past the end`)
    at += length
  }
  const value = (type: number, inList: boolean): void => {
    if (++values > maxValues)
      throw new Error(
        `more than ${maxValues.toLocaleString('en-US')} values, the most that is read`
      )
    switch (type) {
      case TRUE:
      case FALSE:
        if (inList) byte()
        return
      case BYTE:
        byte()
        return
      case I16:
      case I32:
      case I64:
        varint()
        return
      case DOUBLE:
        skip(8, 'a double')
        return
      case BINARY:
        skip(varint(), 'a string')
        return
      case LIST: {
        const header = byte()
        const size = header >> 4 === 15 ? varint() : header >> 4
        // Every element takes at least one byte: a list cannot be longer than what is left.
        if (size > end - at)
          throw new ThriftCutShort(`a list of ${size} elements runs past the end`)
        if (lefts.length >= MAX_DEPTH) throw new Error(`values nested more than ${MAX_DEPTH} deep`)
        lefts.push(size)
        types.push(header & 0x0f)
        return
      }
      case STRUCT:
        if (lefts.length >= MAX_DEPTH) throw new Error(`values nested more than ${MAX_DEPTH} deep`)
        lefts.push(-1)
        types.push(STRUCT)
        return
      default:
        throw new Error(`a value of Thrift type ${type}, which Parquet does not use`)
    }
  }
  while (lefts.length) {
    const top = lefts.length - 1
    if (lefts[top] === -1) {
      // In a struct: a field header (type, and the field id as a delta or a zigzag varint), or STOP.
      const header = byte()
      const type = header & 0x0f
      if (type === STOP) {
        lefts.pop()
        types.pop()
        continue
      }
      if (!(header >> 4)) varint()
      value(type, false)
    } else if (lefts[top] === 0) {
      lefts.pop()
      types.pop()
    } else {
      lefts[top]--
      value(types[top], true)
    }
  }
  return at
}
