/**
 * A small seeded generator (mulberry32): the same seed gives the same sequence on every platform and
 * Node version, which is what makes a "random" subset reproducible. Not for cryptography.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Algorithm R: a uniform sample of `size` items from a stream of unknown length, in one pass. */
export class Reservoir<T> {
  private readonly items: Array<{ index: number; item: T }> = []
  private seen = 0

  constructor(
    private readonly size: number,
    private readonly random: () => number
  ) {}

  offer(item: T): void {
    const index = this.seen++
    if (this.items.length < this.size) {
      this.items.push({ index, item })
      return
    }
    const slot = Math.floor(this.random() * this.seen)
    if (slot < this.size) this.items[slot] = { index, item }
  }

  get offered(): number {
    return this.seen
  }

  /** The sample in the order the items arrived, so a subset keeps the file's row order. */
  inStreamOrder(): T[] {
    return [...this.items].sort((a, b) => a.index - b.index).map(entry => entry.item)
  }
}
