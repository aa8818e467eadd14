// Every row's draw priority is a hash of the seed and where the row is, not a number from a sequence: the
// rows of smallest priority are the same whether one runner reads the whole dataset or shards each keep
// their own smallest and a merge keeps the smallest of those.

/** The subset and the rows predict sends are drawn by one priority; the profile by another. */
export const SUBSET_SALT = 0x5ab5e7
export const PROFILE_SALT = 0x9f0f11e

function mixIn(hash: number, value: number): number {
  let k = Math.imul(value, 0xcc9e2d51)
  k = (k << 15) | (k >>> 17)
  hash ^= Math.imul(k, 0x1b873593)
  hash = (hash << 13) | (hash >>> 19)
  return (Math.imul(hash, 5) + 0xe6546b64) | 0
}

function finish(hash: number): number {
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  return (hash ^ (hash >>> 16)) >>> 0
}

/** A hash of six words from `start` (no array: this runs for every row read). */
function hash6(start: number, a: number, b: number, c: number, d: number, e: number, f: number) {
  let hash = mixIn(mixIn(mixIn(start, a), b), c)
  hash = mixIn(mixIn(mixIn(hash, d), e), f)
  return finish(hash ^ 6)
}

/**
 * A row's priority, a whole number below 2^53: a hash of (seed, salt, the file's place in the dataset,
 * the row's place in the file: its first line for CSV/TSV/JSON Lines, its row index for JSON, its row
 * group and row in it for Parquet). Ties are broken by the row's place in the dataset.
 */
export function rowPriority(
  seed: number,
  salt: number,
  file: number,
  major: number,
  minor: number
): number {
  const s = seed >>> 0
  const high = Math.floor(major / 2 ** 32)
  const top = hash6(0x243f6a88, s, salt, file, major >>> 0, high, minor >>> 0)
  const low = hash6(0x85a308d3, s, salt, file, major >>> 0, high, minor >>> 0)
  return top * 2 ** 21 + (low >>> 11)
}

/** A drawn row with what orders it: its priority, then its place among the dataset's rows. */
export interface Ranked {
  priority: number
  index: number
}

/** The rank in the draw of `salt` of the row from `origin` (see Origin in types.ts). */
export function rankOf(
  seed: number,
  salt: number,
  origin: readonly [index: number, file: number, major: number, minor: number]
): Ranked {
  return { index: origin[0], priority: rowPriority(seed, salt, origin[1], origin[2], origin[3]) }
}

function ranksBefore(priority: number, index: number, b: Ranked): boolean {
  return priority < b.priority || (priority === b.priority && index < b.index)
}

function before(a: Ranked, b: Ranked): boolean {
  return ranksBefore(a.priority, a.index, b)
}

/** The `size` entries of smallest priority offered so far (a max-heap: its root is the largest kept). */
export class Smallest<T extends Ranked> {
  private readonly heap: T[] = []

  constructor(private readonly size: number) {}

  /** Keeps `entry` when it is among the smallest; whether it was kept. */
  offer(entry: T): boolean {
    const { heap } = this
    if (heap.length < this.size) {
      heap.push(entry)
      this.up(heap.length - 1)
      return true
    }
    if (!heap.length || !before(entry, heap[0])) return false
    heap[0] = entry
    this.down(0)
    return true
  }

  /** Whether an entry of `priority` and `index` would be kept, without making one. */
  wants(priority: number, index: number): boolean {
    const { heap } = this
    return heap.length < this.size || (heap.length > 0 && ranksBefore(priority, index, heap[0]))
  }

  /** The kept entries, smallest priority first. */
  ranked(): T[] {
    return [...this.heap].sort((a, b) => (before(a, b) ? -1 : 1))
  }

  private up(at: number): void {
    const { heap } = this
    while (at > 0) {
      const parent = (at - 1) >> 1
      if (!before(heap[parent], heap[at])) return
      ;[heap[parent], heap[at]] = [heap[at], heap[parent]]
      at = parent
    }
  }

  private down(at: number): void {
    const { heap } = this
    for (;;) {
      const [left, right] = [2 * at + 1, 2 * at + 2]
      let largest = at
      if (left < heap.length && before(heap[largest], heap[left])) largest = left
      if (right < heap.length && before(heap[largest], heap[right])) largest = right
      if (largest === at) return
      ;[heap[largest], heap[at]] = [heap[at], heap[largest]]
      at = largest
    }
  }
}
