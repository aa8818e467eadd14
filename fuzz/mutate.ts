import { seededRandom } from '../src/sample/random.js'

/** A seed file: its name (which decides how a reader takes it) and bytes. */
export interface Seed {
  name: string
  bytes: Buffer
}

export interface MutateOptions {
  /** Byte sequences worth inserting for this format (quotes, brackets, NaN, varints). */
  tokens: readonly Buffer[]
  /** The largest input a huge repeat makes. */
  hugeBytes: number
  /**
   * Most mutations keep every byte where it was (flips, integers and tokens written over): a format
   * of offsets and a footer (Parquet, model files) then still reaches its deeper checks.
   */
  inPlace?: boolean
}

/** Values that break length fields and counts: zero, negative, one past a boundary, huge. */
const INTEGERS = [0, 1, -1, 0x7f, 0x80, 0xff, 0x7fff, 0xffff, 0x7fffffff, -0x80000000, 0xffffffff]

type Random = () => number

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]
const below = (random: Random, n: number): number => Math.floor(random() * n)

/** A number from the index and the seed, spread so neighbouring inputs share nothing. */
export function inputSeed(seed: number, target: string, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0
  for (const c of `${target}:${index}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0
  return h
}

/** Flips 1-8 bits or bytes. */
function flip(bytes: Buffer, random: Random): Buffer {
  if (!bytes.length) return bytes
  const out = Buffer.from(bytes)
  for (let n = 1 + below(random, 8); n > 0; n--) {
    const at = below(random, out.length)
    out[at] = random() < 0.5 ? out[at] ^ (1 << below(random, 8)) : below(random, 256)
  }
  return out
}

function truncate(bytes: Buffer, random: Random): Buffer {
  return bytes.subarray(0, below(random, bytes.length + 1))
}

function cut(bytes: Buffer, random: Random): Buffer {
  const from = below(random, bytes.length + 1)
  const to = Math.min(bytes.length, from + 1 + below(random, 64))
  return Buffer.concat([bytes.subarray(0, from), bytes.subarray(to)])
}

/** Copies a slice of the input into another place of it. */
function duplicate(bytes: Buffer, random: Random): Buffer {
  const from = below(random, bytes.length + 1)
  const slice = bytes.subarray(from, from + 1 + below(random, 256))
  const at = below(random, bytes.length + 1)
  return Buffer.concat([bytes.subarray(0, at), slice, bytes.subarray(at)])
}

/** The start of this input and the end of another seed. */
function splice(bytes: Buffer, random: Random, other: Buffer): Buffer {
  return Buffer.concat([
    bytes.subarray(0, below(random, bytes.length + 1)),
    other.subarray(below(random, other.length + 1))
  ])
}

function insertToken(
  bytes: Buffer,
  random: Random,
  tokens: readonly Buffer[],
  over = false
): Buffer {
  if (!tokens.length) return flip(bytes, random)
  const token = pick(random, tokens)
  const at = below(random, bytes.length + 1)
  const times = !over && random() < 0.1 ? 1 + below(random, 2000) : 1
  const replace = over || random() < 0.3 ? token.length : 0
  return Buffer.concat([
    bytes.subarray(0, at),
    times === 1 ? token : Buffer.alloc(token.length * times, token),
    bytes.subarray(Math.min(bytes.length, at + replace))
  ])
}

/** Writes a boundary integer (8, 16, 32 or 64 bits, either byte order) over the input: sizes and counts. */
function integer(bytes: Buffer, random: Random): Buffer {
  if (bytes.length < 8) return flip(bytes, random)
  const out = Buffer.from(bytes)
  const at = below(random, out.length - 7)
  const value = pick(random, INTEGERS)
  switch (below(random, 5)) {
    case 0:
      out[at] = value & 0xff
      break
    case 1:
      out.writeUInt16LE(value & 0xffff, at)
      break
    case 2:
      out.writeInt32LE(value | 0, at)
      break
    case 3:
      out.writeInt32BE(value | 0, at)
      break
    default:
      out.writeBigInt64LE(random() < 0.5 ? BigInt(value) : 0x7fffffffffffffffn, at)
  }
  return out
}

/**
 * A slice of the input (or a token) repeated, in memory, up to a random size of at most `hugeBytes`:
 * a cell of megabytes, a line that never ends, a million columns, a deep nest of brackets.
 */
function hugeRepeat(bytes: Buffer, random: Random, options: MutateOptions): Buffer {
  const unit =
    random() < 0.5 && options.tokens.length
      ? pick(random, options.tokens)
      : bytes.subarray(
          below(random, bytes.length),
          below(random, bytes.length) + 1 + below(random, 64)
        )
  if (!unit.length) return bytes
  const size = Math.max(unit.length, Math.floor(options.hugeBytes * random() ** 2))
  const repeated = Buffer.alloc(size - (size % unit.length), unit)
  const at = below(random, bytes.length + 1)
  return Buffer.concat([bytes.subarray(0, at), repeated, bytes.subarray(at)])
}

/**
 * Input `index` for a target: one of its seeds with one to four mutations stacked, the same for the same
 * seed, index and seeds on every run. About one input in 64 gets a huge repeat.
 */
export function mutate(
  seeds: readonly Seed[],
  seed: number,
  target: string,
  index: number,
  options: MutateOptions
): Seed {
  const random = seededRandom(inputSeed(seed, target, index))
  const base = pick(random, seeds)
  let bytes = base.bytes
  if (random() < 1 / 64) bytes = hugeRepeat(bytes, random, options)
  const inPlace = options.inPlace && random() < 0.75
  for (let n = 1 + below(random, 4); n > 0; n--) {
    if (inPlace) {
      const choice = below(random, 3)
      bytes =
        choice === 0
          ? flip(bytes, random)
          : choice === 1
            ? integer(bytes, random)
            : insertToken(bytes, random, options.tokens, true).subarray(0, bytes.length)
      continue
    }
    switch (below(random, 8)) {
      case 0:
      case 1:
        bytes = flip(bytes, random)
        break
      case 2:
        bytes = truncate(bytes, random)
        break
      case 3:
        bytes = cut(bytes, random)
        break
      case 4:
        bytes = duplicate(bytes, random)
        break
      case 5:
        bytes = splice(bytes, random, pick(random, seeds).bytes)
        break
      case 6:
        bytes = insertToken(bytes, random, options.tokens)
        break
      default:
        bytes = integer(bytes, random)
    }
  }
  return { name: base.name, bytes }
}
