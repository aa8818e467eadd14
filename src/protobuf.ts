/** A minimal protobuf wire-format reader: enough to walk messages without generated code. */

/** Bytes that are not the protobuf message they should be. */
export class ProtoError extends Error {}

/** A cursor over protobuf wire bytes; every read is bounds-checked. */
export class Wire {
  pos: number
  constructor(
    readonly buf: Buffer,
    start: number,
    public end: number
  ) {
    this.pos = start
  }

  varint(): number {
    let result = 0
    let shift = 1
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new ProtoError('varint runs past the end')
      const byte = this.buf[this.pos++]
      result += (byte & 0x7f) * shift
      if (byte < 0x80) return result
      shift *= 128
    }
    throw new ProtoError('varint longer than 10 bytes')
  }

  /** Start and end of a length-delimited field. */
  span(): [number, number] {
    const length = this.varint()
    const start = this.pos
    if (length > this.end - start) throw new ProtoError('field runs past the end')
    this.pos += length
    return [start, this.pos]
  }

  fixed(bytes: number): number {
    if (this.pos + bytes > this.end) throw new ProtoError('fixed field runs past the end')
    const at = this.pos
    this.pos += bytes
    return at
  }

  skip(wireType: number): void {
    if (wireType === 0) this.varint()
    else if (wireType === 1) this.fixed(8)
    else if (wireType === 2) this.span()
    else if (wireType === 5) this.fixed(4)
    else throw new ProtoError(`unexpected wire type ${wireType}`)
  }
}
