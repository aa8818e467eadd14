import { invalid } from '../types.js'

/** A Python literal as numpy writes .npy headers (ast.literal_eval's subset). */
export type Literal = string | number | boolean | null | Literal[] | { [key: string]: Literal }

/** Parses the dict literal of an .npy header; throws on anything else. */
export function parseLiteral(text: string): Literal {
  const parser = new LiteralParser(text)
  const result = parser.value()
  parser.end()
  return result
}

const CLOSING: Record<string, string> = { '(': ')', '[': ']', '{': '}' }

class LiteralParser {
  private i = 0
  constructor(private readonly text: string) {}

  value(): Literal {
    this.space()
    const c = this.text[this.i]
    if (c === "'" || c === '"') return this.string(c)
    if (c === '(' || c === '[' || c === '{') return this.container(c)
    return this.word()
  }

  end(): void {
    this.space()
    if (this.i !== this.text.length) throw invalid('trailing text in the .npy header')
  }

  private space(): void {
    const { text } = this
    while (this.i < text.length && /\s/.test(text[this.i])) this.i++
  }

  private string(quote: string): string {
    const { text } = this
    let out = ''
    this.i++
    while (this.i < text.length && text[this.i] !== quote) {
      if (text[this.i] === '\\') this.i++
      out += text[this.i++]
    }
    if (text[this.i++] !== quote) throw invalid('an unterminated string in the .npy header')
    return out
  }

  /** A tuple, list or dict. */
  private container(open: string): Literal {
    const { text } = this
    const close = CLOSING[open]
    this.i++
    const items: Literal[] = []
    const dict: Record<string, Literal> = {}
    for (;;) {
      this.space()
      if (text[this.i] === close) {
        this.i++
        return open === '{' ? dict : items
      }
      const item = this.value()
      this.space()
      if (open === '{') {
        if (text[this.i++] !== ':' || typeof item !== 'string')
          throw invalid('a bad dict in the .npy header')
        dict[item] = this.value()
        this.space()
      } else items.push(item)
      if (text[this.i] === ',') this.i++
      else if (text[this.i] !== close) throw invalid('a bad literal in the .npy header')
    }
  }

  /** True, False, None or an integer. */
  private word(): Literal {
    const word = /^(True|False|None|[+-]?\d+L?)/.exec(this.text.slice(this.i))
    if (!word) throw invalid('a bad literal in the .npy header')
    this.i += word[0].length
    if (word[0] === 'True' || word[0] === 'False') return word[0] === 'True'
    if (word[0] === 'None') return null
    return Number(word[0].replace('L', ''))
  }
}

export interface NpyHeader {
  /** Bytes before the data. */
  dataStart: number
  /** The dtype holds Python objects: the data is a pickle. */
  object: boolean
  /** Bytes of data for a plain dtype (undefined when it cannot be told). */
  dataBytes?: number
  descr: string
}

const PLAIN = /^[<>|=]?([biufcmMSUV?])(\d*)(\[\w+\])?$/

/** Item size of a dtype description, or 'object', or undefined when numpy's rules are not followed. */
function itemSize(descr: Literal): number | 'object' | undefined {
  if (typeof descr === 'string') {
    if (/^[<>|=]?O\d*$/.test(descr)) return 'object'
    const match = PLAIN.exec(descr)
    if (!match) return undefined
    const digits =
      match[2] === '' ? (match[1] === '?' || match[1] === 'b' ? 1 : NaN) : Number(match[2])
    return match[1] === 'U' ? digits * 4 : digits
  }
  if (!Array.isArray(descr)) return undefined
  let total = 0
  for (const field of descr) {
    if (!Array.isArray(field) || field.length < 2 || typeof field[0] !== 'string') return undefined
    const size = itemSize(field[1])
    if (size === 'object' || size === undefined) return size
    const shape = field[2]
    const count = Array.isArray(shape) ? shape.reduce<number>((p, d) => p * Number(d), 1) : 1
    total += size * count
  }
  return total
}

/** Reads an .npy header from the first bytes of the file (the caller gives enough of them). */
export function readNpyHeader(head: Buffer): NpyHeader | 'need-more' {
  if (head.length < 10) return 'need-more'
  const major = head[6]
  const width = major === 1 ? 2 : 4
  if (major < 1 || major > 3) throw invalid(`.npy format version ${major} is unknown`)
  if (head.length < 8 + width) return 'need-more'
  const length = width === 2 ? head.readUInt16LE(8) : head.readUInt32LE(8)
  if (length > 1 << 20) throw invalid('the .npy header is larger than 1 MiB')
  const dataStart = 8 + width + length
  if (head.length < dataStart) return 'need-more'
  const text = head.toString(major === 3 ? 'utf8' : 'latin1', 8 + width, dataStart)
  const header = parseLiteral(text.trim())
  if (!header || typeof header !== 'object' || Array.isArray(header))
    throw invalid('the .npy header is not a dict')
  const { descr, shape } = header
  if (!Array.isArray(shape) || !shape.every(d => typeof d === 'number' && d >= 0))
    throw invalid('the .npy shape is not a tuple of sizes')
  const size = itemSize(descr)
  const described = typeof descr === 'string' ? descr : JSON.stringify(descr)
  if (size === 'object') return { dataStart, object: true, descr: described }
  return {
    dataStart,
    object: false,
    dataBytes:
      size === undefined ? undefined : (shape as number[]).reduce((p, d) => p * d, 1) * size,
    descr: described
  }
}
