// 64-bit hashes of key values, as two unsigned 32-bit halves (no BigInt, no allocation per value). A hash
// only nominates candidates: two keys whose hashes match are compared by their exact texts afterwards, so
// a collision costs a re-check, never a false report. Equal texts must give equal hashes: every value is
// hashed by what its canonical text (canonicalKey) shows of it.

// Math.imul looked up once: in a vm context (jest's), each `Math` lookup made hashing 25 times slower.
const imul = Math.imul
const FLOAT = new Float64Array(1)
const WORDS = new Uint32Array(FLOAT.buffer)

/** murmur3's finalizer: every input bit flips each output bit with probability about one half. */
export function mix32(h: number): number {
  h = imul(h ^ (h >>> 16), 0x85ebca6b)
  h = imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

// Seeds that set a value's type apart (1, "1" and true hash differently, as their texts differ).
const NUMBER = 0x2545f491
const STRING = 0x9e3779b9
const TRUE = 0x6a09e667
const FALSE = 0xbb67ae85
const JSON_TEXT = 0x3c6ef372
/** A key part with no valid value. */
export const NULL_PART = 0xa54ff53a

/**
 * Writes a 64-bit hash into `hi` and `lo`. One instance per caller: `value` is called for each key cell
 * of millions of rows, so it reuses its fields rather than returning a pair.
 */
export class Hash64 {
  hi = 0
  lo = 0

  /** A cast cell value, as canonicalKey's text of it: numbers by value (-0 is 0, every NaN one NaN). */
  value(value: unknown, seed: number): void {
    if (typeof value === 'number') this.number(value, seed)
    else if (typeof value === 'string') this.text(value, seed ^ STRING)
    else if (typeof value === 'boolean') this.word(value ? TRUE : FALSE, seed)
    else this.text(JSON.stringify(value) ?? 'undefined', seed ^ JSON_TEXT)
  }

  number(value: number, seed: number): void {
    // A 32-bit integer (most ids) by its word alone: two bijections, so no two such integers collide.
    if ((value | 0) === value) {
      const hi = mix32(value ^ seed ^ NUMBER)
      this.hi = hi
      this.lo = mix32(hi ^ imul(seed, 0x27d4eb2f) ^ 0x1b873593)
      return
    }
    FLOAT[0] = value !== value ? NaN : value
    const low = WORDS[0]
    const high = WORDS[1]
    this.hi = mix32(high ^ mix32(low ^ seed ^ NUMBER))
    this.lo = mix32(low ^ mix32(high ^ imul(seed, 0x27d4eb2f) ^ NUMBER))
  }

  /** Text hashed char by char in two lanes (FNV-1a and a multiply-xorshift), each finalized. */
  text(text: string, seed: number): void {
    let a = (0x811c9dc5 ^ seed) >>> 0
    let b = imul(seed, 0x9e3779b1) ^ 0x5bd1e995
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      a = imul(a ^ c, 0x01000193)
      b = imul(b ^ c, 0x5bd1e995)
      b ^= b >>> 15
    }
    this.hi = mix32(a ^ text.length)
    this.lo = mix32(b ^ mix32(a + text.length))
  }

  word(word: number, seed: number): void {
    this.hi = mix32(word ^ seed)
    this.lo = mix32(word ^ imul(seed, 0x27d4eb2f) ^ 0x68e31da4)
  }

  /** Folds a part's hash (hi, lo) into the running hash in `hi`, `lo`: order matters. */
  fold(hi: number, lo: number): void {
    const a = mix32(this.hi ^ hi)
    this.hi = mix32(imul(a, 0x9e3779b1) ^ lo)
    this.lo = mix32(this.lo ^ mix32(lo + imul(hi, 0x85ebca6b)) ^ a)
  }
}
