/**
 * Text decoding exactly as CPython's unpickler does it, so that a name spelled with escapes or underscores
 * is read as the name Python imports.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** UTF-8, strict (invalid bytes: undefined). Lone surrogates (Python's surrogatepass) are not names. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes)
  } catch {
    return undefined
  }
}

export const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1')

const hex = (c: number): number =>
  c >= 0x30 && c <= 0x39
    ? c - 0x30
    : c >= 0x61 && c <= 0x66
      ? c - 87
      : c >= 0x41 && c <= 0x46
        ? c - 55
        : -1

/**
 * codecs.escape_decode (the STRING opcode): \\ \' \" \a \b \f \n \r \t \v, \ooo (1-3 octal digits),
 * \xhh (exactly two hex digits, else an error), backslash-newline removed; other escapes stay as written.
 */
export function escapeDecode(bytes: Uint8Array): Buffer | undefined {
  const out: number[] = []
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]
    if (c !== 0x5c) {
      out.push(c)
      continue
    }
    if (++i >= bytes.length) return undefined // "Trailing \ in string"
    const e = bytes[i]
    const simple: Record<number, number> = {
      0x5c: 0x5c,
      0x27: 0x27,
      0x22: 0x22,
      0x61: 7,
      0x62: 8,
      0x66: 12,
      0x6e: 10,
      0x72: 13,
      0x74: 9,
      0x76: 11
    }
    if (e === 0x0a) continue
    if (e in simple) out.push(simple[e])
    else if (e >= 0x30 && e <= 0x37) {
      let value = e - 0x30
      for (
        let k = 0;
        k < 2 && i + 1 < bytes.length && bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x37;
        k++
      )
        value = value * 8 + (bytes[++i] - 0x30)
      out.push(value & 0xff)
    } else if (e === 0x78) {
      const a = hex(bytes[i + 1] ?? -1)
      const b = hex(bytes[i + 2] ?? -1)
      if (a < 0 || b < 0) return undefined // "invalid \x escape"
      out.push(a * 16 + b)
      i += 2
    } else out.push(0x5c, e)
  }
  return Buffer.from(out)
}

/** raw-unicode-escape (the UNICODE opcode): only \uXXXX and \UXXXXXXXX are escapes; bytes are latin-1. */
export function rawUnicodeEscape(bytes: Uint8Array): string | undefined {
  let out = ''
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]
    if (c !== 0x5c || i + 1 >= bytes.length) {
      out += String.fromCharCode(c)
      continue
    }
    const e = bytes[++i]
    const count = e === 0x75 ? 4 : e === 0x55 ? 8 : 0
    if (!count) {
      out += '\\' + String.fromCharCode(e)
      continue
    }
    let code = 0
    for (let k = 0; k < count; k++) {
      const digit = hex(bytes[++i] ?? -1)
      if (digit < 0) return undefined // truncated \uXXXX escape
      code = code * 16 + digit
    }
    if (code > 0x10ffff) return undefined
    out += String.fromCodePoint(code)
  }
  return out
}

const WHITESPACE = /^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g

/**
 * Python's int(text, base) for base 10 and base 0 (the INT and LONG opcodes): surrounding whitespace, a
 * sign, `_` between digits, and for base 0 the 0x/0o/0b prefixes (a leading zero is an error there).
 */
export function parsePythonInt(text: string, base: 0 | 10): bigint | undefined {
  const trimmed = text.replace(WHITESPACE, '')
  const match = /^([+-]?)(.*)$/.exec(trimmed)!
  const sign = match[1] === '-' ? -1n : 1n
  let body = match[2]
  let radix = 10
  if (base === 0) {
    const prefix = /^0([xXoObB])_?/.exec(body)
    if (prefix) {
      radix = { x: 16, o: 8, b: 2 }[prefix[1].toLowerCase() as 'x' | 'o' | 'b']
      body = body.slice(prefix[0].length)
    } else if (/^0[0-9_]/.test(body) && !/^0+(_0+)*$/.test(body)) return undefined
  }
  const digits = { 2: '[01]', 8: '[0-7]', 10: '[0-9]', 16: '[0-9a-fA-F]' }[radix]
  if (!new RegExp(`^${digits}+(_${digits}+)*$`).test(body)) return undefined
  body = body.replaceAll('_', '')
  const prefix = { 2: '0b', 8: '0o', 10: '', 16: '0x' }[radix]
  return sign * BigInt(prefix + body)
}

/** pickle's decode_long: little-endian two's complement. */
export function decodeLong(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n
  let value = 0n
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i])
  if (bytes[bytes.length - 1] & 0x80) value -= 1n << BigInt(bytes.length * 8)
  return value
}
