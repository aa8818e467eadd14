/**
 * Arrays and objects nested deeper than this are refused. A table cell or a metrics log is a few levels
 * deep; code that walks a value recursively (JSON.stringify, a reviver, structuredClone) runs out of stack
 * a few thousand levels down, which a hostile or broken file reaches in ten kilobytes.
 */
export const MAX_JSON_DEPTH = 256

/**
 * Values (array elements and object members, at any depth) and keys in one JSON text. Parsed, 8 M numbers
 * in a 16 MiB line took the CLI to 313 MiB and 1.4 M keys to 312 MiB; a table row holds far fewer (an
 * embedding, an image of 224 × 224 × 3 values), and MAX_COLUMNS keys make a row too wide anyway.
 */
export const MAX_JSON_VALUES = 1_000_000
export const MAX_JSON_KEYS = 100_000

/** A JSON text that would be too large or too deep to hold once parsed: refused, not a syntax error. */
export class JsonLimitError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'JsonLimitError'
  }
}

/** A JSON text that parses but nests deeper than MAX_JSON_DEPTH. */
export class JsonDepthError extends JsonLimitError {
  constructor() {
    super(`arrays or objects nested more than ${MAX_JSON_DEPTH} levels deep`)
    this.name = 'JsonDepthError'
  }
}

/**
 * Throws a JsonLimitError when `text` holds more than MAX_JSON_VALUES values or MAX_JSON_KEYS keys,
 * counted as the commas and colons outside strings, before anything is parsed. A value takes two
 * characters and a key five, so shorter text is not scanned.
 */
function checkJsonSize(text: string): void {
  if (text.length < 2 * MAX_JSON_VALUES && text.length < 5 * MAX_JSON_KEYS) return
  let commas = 0
  let colons = 0
  // Each is searched again only once passed (never once none is left); strings are skipped whole.
  const nextAt = (char: string, from: number): number => {
    const at = text.indexOf(char, from)
    return at === -1 ? Infinity : at
  }
  let comma = -1
  let colon = -1
  for (let i = 0; i < text.length;) {
    const quote = text.indexOf('"', i)
    const end = quote === -1 ? text.length : quote
    if (comma < i) comma = nextAt(',', i)
    for (; comma < end; comma = nextAt(',', comma + 1)) commas++
    if (colon < i) colon = nextAt(':', i)
    for (; colon < end; colon = nextAt(':', colon + 1)) colons++
    if (quote === -1) break
    i = afterString(text, quote)
  }
  if (commas + 1 > MAX_JSON_VALUES)
    throw new JsonLimitError(
      `about ${(commas + 1).toLocaleString('en-US')} values: more than the ${MAX_JSON_VALUES.toLocaleString('en-US')} ml-smoke reads in one JSON text`
    )
  if (colons > MAX_JSON_KEYS)
    throw new JsonLimitError(
      `${colons.toLocaleString('en-US')} keys: more than the ${MAX_JSON_KEYS.toLocaleString('en-US')} ml-smoke reads in one JSON text`
    )
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const NO_MARK = Symbol('no mark')

/**
 * JSON.parse that also accepts the NaN, Infinity and -Infinity tokens Python's json.dumps writes, as the
 * numbers they mean, and refuses nesting deeper than MAX_JSON_DEPTH or more than MAX_JSON_VALUES values or
 * MAX_JSON_KEYS keys (JsonLimitError; `sizeLimits: false` for a document whose size the caller bounds).
 * Only tokens outside
 * strings are read as numbers: `"a, NaN, b"` stays text. Errors are JSON.parse's, about the text as given.
 */
export function parsePythonJson(text: string, options: { sizeLimits?: boolean } = {}): unknown {
  if (options.sizeLimits !== false) checkJsonSize(text)
  let value: unknown
  let nanMark: string | null = null
  try {
    value = JSON.parse(text)
  } catch (error) {
    // Valid JSON has no bare NaN or Infinity, so only text that failed is rewritten.
    if (!text.includes('NaN') && !text.includes('Infinity')) throw error
    nanMark = markFor(text)
    const rewritten = rewriteNonFinite(text, nanMark)
    if (rewritten === null) throw error
    try {
      value = JSON.parse(rewritten)
    } catch {
      throw error
    }
  }
  // Nesting d levels deep takes at least 2d characters: shorter text needs no walk.
  if (nanMark !== null || text.length > 2 * MAX_JSON_DEPTH) value = walk(value, nanMark)
  return value
}

/**
 * JSON.parse, refusing nesting deeper than MAX_JSON_DEPTH (JsonDepthError): for JSON from data (a CSV
 * cell of an array or object field) that later code stringifies or walks.
 */
export function parseJson(text: string): unknown {
  checkJsonSize(text)
  const value: unknown = JSON.parse(text)
  return text.length > 2 * MAX_JSON_DEPTH ? walk(value, null) : value
}

/** A string that does not occur in `text`, to stand for NaN. */
function markFor(text: string): string {
  let mark = '\u0000ml-smoke NaN'
  while (text.includes(mark)) mark += '\u0000'
  return mark
}

/**
 * `text` with each NaN, Infinity and -Infinity outside strings replaced by `"<mark>"`, 1e999 and -1e999
 * (which JSON.parse reads as ±Infinity); null when there is none. Strings are skipped whole, escapes and
 * all, with native indexOf.
 */
function rewriteNonFinite(text: string, mark: string): string | null {
  const parts: string[] = []
  let copied = 0
  const len = text.length
  for (let i = 0; i < len;) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      i = afterString(text, i)
      continue
    }
    let token: string | null = null
    let replacement = ''
    if (text.startsWith('NaN', i)) {
      token = 'NaN'
      replacement = JSON.stringify(mark)
    } else if (text.startsWith('Infinity', i)) {
      token = 'Infinity'
      replacement = '1e999'
    } else if (text.startsWith('-Infinity', i)) {
      token = '-Infinity'
      replacement = '-1e999'
    }
    if (
      token === null ||
      isWordChar(text.charCodeAt(i - 1)) ||
      isWordChar(text.charCodeAt(i + token.length))
    ) {
      i++
      continue
    }
    parts.push(text.slice(copied, i), replacement)
    i += token.length
    copied = i
  }
  if (parts.length === 0) return null
  parts.push(text.slice(copied))
  return parts.join('')
}

/** The index after the string that opens at `start` (its closing quote is not escaped), or the length. */
function afterString(text: string, start: number): number {
  for (let from = start + 1; ;) {
    const q = text.indexOf('"', from)
    if (q === -1) return text.length
    let backslashes = 0
    while (text.charCodeAt(q - 1 - backslashes) === BACKSLASH) backslashes++
    if (backslashes % 2 === 0) return q + 1
    from = q + 1
  }
}

function isWordChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f
  )
}

/**
 * Checks the depth of a parsed value without recursion (JsonDepthError past MAX_JSON_DEPTH) and, with a
 * mark, replaces the strings equal to it by NaN.
 */
function walk(value: unknown, nanMark: string | null): unknown {
  // No string equals the mark when there is none.
  const mark = nanMark ?? NO_MARK
  if (value === mark) return NaN
  if (typeof value !== 'object' || value === null) return value
  const containers: Array<Record<string, unknown> | unknown[]> = [value as Record<string, unknown>]
  const depths: number[] = [1]
  while (containers.length) {
    const container = containers.pop()!
    const depth = depths.pop()!
    if (depth > MAX_JSON_DEPTH) throw new JsonDepthError()
    if (Array.isArray(container)) {
      for (let k = 0; k < container.length; k++) {
        const item = container[k]
        if (typeof item === 'object' && item !== null) {
          containers.push(item as Record<string, unknown>)
          depths.push(depth + 1)
        } else if (item === mark) container[k] = NaN
      }
    } else {
      for (const key in container) {
        const item = container[key]
        if (typeof item === 'object' && item !== null) {
          containers.push(item as Record<string, unknown>)
          depths.push(depth + 1)
        } else if (item === mark)
          // JSON.parse makes "__proto__" an own key; plain assignment would call the prototype's setter.
          Object.defineProperty(container, key, { value: NaN, enumerable: true, writable: true })
      }
    }
  }
  return value
}
