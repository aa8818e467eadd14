/**
 * KeyStore: which keys repeat, among millions, in bounded memory. It holds 64-bit key hashes with a row
 * number each (numbered across the files of a dataset, or the splits compared) and finds the hashes that occur more than once:
 * candidates, which the caller confirms by comparing the rows' exact key texts (a hash collision must
 * never be reported as a repeat). It knows nothing of tables: any key (a unique field, a primary key, a
 * whole row, the columns two splits are compared on) hashed by keys/hash.ts fits.
 *
 *   const store = new KeyStore({ memoryBytes: 32 << 20 })
 *   store.add(hi, lo, row)            // for each key of each row, rows in order
 *   store.absorb(other.detach(), n)   // another part's entries (a worker's), its rows shifted by n
 *   store.candidates(visit)           // after the last add: each entry whose hash repeats, by hash
 *   store.dispose()                   // removes what was spilled to disk
 *
 * Entries are appended to a typed array (three 32-bit words each: hi, lo, row) as big as the memory
 * given, whose pages cost memory only once written. When it is full it is sorted by hash in place and
 * written to a file in the store's temporary folder (a sorted run), and starts empty. `candidates` then
 * sorts what is left and merges it with the runs, and with absorbed parts, so repeats across runs and
 * parts are found. While nothing was spilled (the common case), nothing is sorted: two passes over the
 * entries with a bit set of their hashes pick out the few whose hash may repeat, and only those are
 * sorted. Appending, not indexing: a hash table of millions of slots costs a cache miss per key
 * (measured: 2 M keys took 0.7 s into an ordered open-addressing table, 0.1 s appended and sorted), and
 * no caller can report a repeat before the exact re-check anyway. Within a group of equal hashes,
 * entries come in the order of their rows (absorbed parts after, their rows shifted).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  ENTRY_WORDS,
  mergeCursors,
  RunCursor,
  RunWriter,
  ArrayCursor,
  type Cursor,
  type RunFile
} from './runs.js'

/** Bytes per entry: hi, lo and row, 4 bytes each. */
const ENTRY_BYTES = ENTRY_WORDS * 4
const MIN_ENTRIES = 1 << 8
/** Runs merged at once: more are first merged into fewer (each open run holds a file and 64 KiB). */
const MAX_FAN_IN = 64
/** Radix sort digits: 11 bits of hi at a time. */
const DIGIT_BITS = 11
/** Slots of the sieve per entry: about one entry in eight is sorted for nothing. */
const SLOTS_PER_ENTRY = 8

/** Memory for the hashes of a table's keys (a part on one of two threads gets half). */
export const KEY_MEMORY_BYTES = 32 * 1024 * 1024
export const MAX_ROW = 0xffffffff

/** A store's entries handed to another thread or store: a transferable typed array and run files. */
export interface KeyStoreState {
  /** Entries in memory, three words each (hi, lo, row), as added (sorted by whoever merges them). */
  sorted: Uint32Array
  runs: RunFile[]
  folder: string | null
}

export interface KeyStoreOptions {
  /** The most bytes of entries in memory. */
  memoryBytes?: number
  /** Where the folder of spilled runs is made (default: RUNNER_TEMP, else the system's temporary folder). */
  spillRoot?: string
}

interface Part {
  state: KeyStoreState
  rowOffset: number
}

export class KeyStore {
  /** Allocated at the first add, as big as the memory given: only its written pages are resident. */
  private entries: Uint32Array = new Uint32Array(0)
  private count = 0
  private readonly maxEntries: number
  private readonly spillRoot: string
  private folder: string | null = null
  private runs: RunFile[] = []
  private readonly parts: Part[] = []
  private spilled = 0
  /** Run files named so far in this store's folder. */
  private files = 0

  constructor(options: KeyStoreOptions = {}) {
    const budget = options.memoryBytes ?? 64 * 1024 * 1024
    this.maxEntries = Math.max(MIN_ENTRIES, Math.floor(budget / ENTRY_BYTES))
    this.spillRoot = options.spillRoot ?? process.env.RUNNER_TEMP ?? os.tmpdir()
  }

  /** Runs written to disk so far (this store's own). */
  get spilledRuns(): number {
    return this.spilled
  }

  /** Adds a key's hash with the row it is in. Rows are added in order. */
  add(hi: number, lo: number, row: number): void {
    if (!(row >= 0 && row <= MAX_ROW)) throw new RangeError(`key store: row ${row} out of range`)
    if (this.count * ENTRY_WORDS === this.entries.length) this.makeRoom()
    const entries = this.entries
    const at = this.count++ * ENTRY_WORDS
    entries[at] = hi
    entries[at + 1] = lo
    entries[at + 2] = row
  }

  /**
   * This store's entries for another store to absorb; this store is empty afterwards. With `spillAbove`,
   * entries in memory past that many bytes go to disk as a run, and fewer are copied out of the store's
   * array: a part held until a merge then holds no more memory than its entries need. A store that has
   * spilled spills the rest too, and lets go of its array.
   */
  detach(options: { spillAbove?: number } = {}): KeyStoreState {
    let sorted = this.entries.subarray(0, this.count * ENTRY_WORDS)
    const spillAbove = this.runs.length > 0 ? 0 : options.spillAbove
    if (spillAbove !== undefined) {
      if (sorted.byteLength > spillAbove) {
        sortEntries(sorted)
        this.spill(sorted)
        sorted = new Uint32Array(0)
      } else sorted = sorted.slice()
      release(this.entries)
    }
    const state: KeyStoreState = { sorted, runs: this.runs, folder: this.folder }
    this.runs = []
    this.folder = null
    this.entries = new Uint32Array(0)
    this.count = 0
    return state
  }

  /** Takes another store's entries (added after all of this one's), their rows shifted by `rowOffset`. */
  absorb(state: KeyStoreState, rowOffset = 0): void {
    this.parts.push({ state, rowOffset })
  }

  /**
   * After the last add: calls `visit` for each entry whose hash occurs more than once, in hash order, and
   * each group of equal hashes in the order of its rows; `first` marks a group's first entry.
   */
  candidates(visit: (hi: number, lo: number, row: number, first: boolean) => void): void {
    const sources = this.sources()
    if (sources.every(source => source.runs.length === 0)) return sieve(sources, visit)
    for (const source of sources) sortEntries(source.sorted)
    mergeCursors(this.cursors(sources), visit, true)
  }

  /**
   * After the last add: calls `visit` for every entry, in hash order (equal hashes in the order of their
   * rows), whether or not its hash repeats.
   */
  each(visit: (hi: number, lo: number, row: number) => void): void {
    const sources = this.sources()
    for (const source of sources) sortEntries(source.sorted)
    mergeCursors(this.cursors(sources), visit)
  }

  /** This store's entries and the absorbed parts', each with the offset of its rows. */
  private sources(): Source[] {
    return [
      { runs: this.runs, sorted: this.entries.subarray(0, this.count * ENTRY_WORDS), rowOffset: 0 },
      ...this.parts.map(({ state, rowOffset }) => ({ ...state, rowOffset }))
    ]
  }

  /** Removes the spilled runs, this store's and the absorbed parts', and lets go of their memory. */
  dispose(): void {
    for (const entries of [this.entries, ...this.parts.map(part => part.state.sorted)])
      release(entries)
    this.entries = new Uint32Array(0)
    this.count = 0
    for (const folder of [this.folder, ...this.parts.map(part => part.state.folder)])
      if (folder) rmSync(folder, { recursive: true, force: true })
    this.folder = null
    this.runs = []
    this.parts.length = 0
  }

  /** Every source's cursors in the order its rows were added: runs, then memory. */
  private cursors(sources: Source[]): Cursor[] {
    const opens = sources.flatMap(source => [
      ...source.runs.map(run => () => new RunCursor(run, source.rowOffset)),
      () => new ArrayCursor(source.sorted, source.rowOffset)
    ])
    if (opens.length > MAX_FAN_IN) return [new RunCursor(this.mergeAll(opens))]
    return opens.map(open => open())
  }

  /** Too many sources to merge at once: all merged into one run, MAX_FAN_IN at a time. */
  private mergeAll(opens: Array<() => Cursor>): RunFile {
    for (;;) {
      const merged: RunFile[] = []
      for (let at = 0; at < opens.length; at += MAX_FAN_IN) {
        const writer = new RunWriter(this.runPath())
        mergeCursors(
          opens.slice(at, at + MAX_FAN_IN).map(open => open()),
          (hi, lo, row) => writer.add(hi, lo, row)
        )
        merged.push(writer.finish())
      }
      if (merged.length === 1) return merged[0]
      opens = merged.map(run => () => new RunCursor(run))
    }
  }

  /** The first add allocates the array; a full one is sorted and goes to disk as a run. */
  private makeRoom(): void {
    if (this.entries.length === 0) {
      this.entries = allocate(this.maxEntries * ENTRY_WORDS)
      return
    }
    sortEntries(this.entries)
    this.spill(this.entries)
    this.count = 0
  }

  /** Entries in hash order written to disk as a run of this store's. */
  private spill(sorted: Uint32Array): void {
    const writer = new RunWriter(this.runPath())
    writer.write(sorted)
    this.runs.push(writer.finish())
    this.spilled++
  }

  private runPath(): string {
    this.folder ??= mkdtempSync(path.join(this.spillRoot, 'ml-smoke-keys-'))
    return path.join(this.folder, `${this.files++}.run`)
  }
}

interface Source {
  runs: RunFile[]
  sorted: Uint32Array
  rowOffset: number
}

/**
 * Below 32 MiB, glibc's malloc may serve an array from its heap, which zeroes every page at once and keeps
 * them after the array is freed; from 32 MiB on it maps fresh pages, resident only once written and
 * returned when freed. So a smaller array is a view of a 32 MiB buffer: the rest is never written.
 */
const MAPPED_WORDS = (32 * 1024 * 1024) / 4 + 1024

function allocate(words: number): Uint32Array {
  return words >= MAPPED_WORDS
    ? new Uint32Array(words)
    : new Uint32Array(MAPPED_WORDS).subarray(0, words)
}

/**
 * Frees an array's memory now where the runtime can (ArrayBuffer.prototype.transfer, Node 22 and later),
 * else at the next garbage collection: tens of MiB of garbage left for the collector counted in the peak.
 * The array's buffer must be the caller's alone.
 */
function release(array: Uint32Array | Int32Array): void {
  const buffer = array.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer }
  if (buffer.byteLength > 0) buffer.transfer?.(0)
}

/**
 * The candidates of entries all in memory, without sorting them all (measured hot): each entry's hash
 * picks a slot of two bits, seen and seen twice; the entries of a slot seen twice (about one in eight,
 * and every true repeat) are copied out, their rows shifted, sorted, and their groups of equal hashes
 * visited.
 */
function sieve(
  sources: Source[],
  visit: (hi: number, lo: number, row: number, first: boolean) => void
): void {
  let total = 0
  for (const source of sources) total += source.sorted.length / ENTRY_WORDS
  if (total < 2) return
  const mask = 2 ** Math.max(10, Math.ceil(Math.log2(total * SLOTS_PER_ENTRY))) - 1
  // Slot s: bit 2(s % 16) of word s / 16 is "seen", the bit above it "seen twice".
  const slots = new Int32Array((mask + 1) >>> 4)
  for (const { sorted: words } of sources)
    for (let i = 0; i < words.length; i += ENTRY_WORDS) {
      const slot = words[i + 1] & mask
      const seen = 1 << ((slot & 15) << 1)
      const word = slots[slot >>> 4]
      slots[slot >>> 4] = word | (word & seen ? seen << 1 : seen)
    }
  let picked = new Uint32Array(Math.max(64, total >>> 2) * ENTRY_WORDS)
  let at = 0
  for (const { sorted: words, rowOffset } of sources)
    for (let i = 0; i < words.length; i += ENTRY_WORDS) {
      const slot = words[i + 1] & mask
      if (!(slots[slot >>> 4] & (2 << ((slot & 15) << 1)))) continue
      const row = words[i + 2] + rowOffset
      if (row > MAX_ROW) throw new RangeError(`key store: row ${row} out of range`)
      if (at === picked.length) {
        const grown = new Uint32Array(picked.length * 2)
        grown.set(picked)
        picked = grown
      }
      picked[at] = words[i]
      picked[at + 1] = words[i + 1]
      picked[at + 2] = row
      at += ENTRY_WORDS
    }
  release(slots)
  picked = picked.subarray(0, at)
  sortEntries(picked)
  const w = ENTRY_WORDS
  for (let i = w; i < at; i += w) {
    if (picked[i] !== picked[i - w] || picked[i + 1] !== picked[i - w + 1]) continue
    const first =
      i === w || picked[i - 2 * w] !== picked[i] || picked[i - 2 * w + 1] !== picked[i + 1]
    if (first) visit(picked[i - w], picked[i - w + 1], picked[i - w + 2], true)
    visit(picked[i], picked[i + 1], picked[i + 2], false)
  }
  release(picked)
}

/** Per depth of the sort: each digit's next place and end (reused: millions of entries pass). */
const DEPTHS: Array<{ next: Uint32Array; end: Uint32Array }> = []

/**
 * Entries sorted by (hi, lo, row) in place, with no second array: an in-place radix sort (American flag
 * sort) on the top bits of hi (11, or fewer for fewer entries), then within each digit's entries on the
 * next bits, down to runs of a few entries (or of equal hi, when hashes were made to collide), which are
 * put in order by comparison.
 */
export function sortEntries(entries: Uint32Array): void {
  sortRange(entries, 0, entries.length, 0, 0)
}

/** Entries [start, stop) (in words), whose hi agree on their top `sorted` bits. */
function sortRange(
  entries: Uint32Array,
  start: number,
  stop: number,
  sorted: number,
  depth: number
): void {
  const count = (stop - start) / ENTRY_WORDS
  if (count <= 32 || sorted >= 32) {
    sortByComparison(entries, start, stop)
    return
  }
  const bits = Math.min(DIGIT_BITS, 32 - sorted, Math.ceil(Math.log2(count)) - 2)
  const shift = 32 - sorted - bits
  const mask = (1 << bits) - 1
  const levels = (DEPTHS[depth] ??= {
    next: new Uint32Array(1 << DIGIT_BITS),
    end: new Uint32Array(1 << DIGIT_BITS)
  })
  if (!permute(entries, start, stop, shift, mask, levels)) {
    sortRange(entries, start, stop, sorted + bits, depth + 1)
    return
  }
  for (let from = start; from < stop;) {
    const digit = (entries[from] >>> shift) & mask
    let to = from + ENTRY_WORDS
    while (to < stop && ((entries[to] >>> shift) & mask) === digit) to += ENTRY_WORDS
    if (to - from > ENTRY_WORDS) sortRange(entries, from, to, sorted + bits, depth + 1)
    from = to
  }
}

/**
 * One in-place radix pass over entries [start, stop) (in words) by digit (hi >>> shift) & mask: each
 * entry swapped along a cycle into its digit's next place. False when one digit holds every entry.
 */
function permute(
  e: Uint32Array,
  start: number,
  stop: number,
  shift: number,
  mask: number,
  { next, end }: { next: Uint32Array; end: Uint32Array }
): boolean {
  const digits = mask + 1
  end.fill(0, 0, digits)
  for (let i = start; i < stop; i += ENTRY_WORDS) end[(e[i] >>> shift) & mask] += ENTRY_WORDS
  let at = start
  for (let d = 0; d < digits; d++) {
    if (end[d] === stop - start) return false
    next[d] = at
    at += end[d]
    end[d] = at
  }
  for (let d = 0; d < digits; d++)
    for (let i = next[d]; i < end[d]; i = next[d]) {
      let hi = e[i]
      let digit = (hi >>> shift) & mask
      if (digit === d) {
        next[d] = i + ENTRY_WORDS
        continue
      }
      let lo = e[i + 1]
      let row = e[i + 2]
      while (digit !== d) {
        const j = next[digit]
        next[digit] = j + ENTRY_WORDS
        const swapHi = e[j]
        const swapLo = e[j + 1]
        const swapRow = e[j + 2]
        e[j] = hi
        e[j + 1] = lo
        e[j + 2] = row
        hi = swapHi
        lo = swapLo
        row = swapRow
        digit = (hi >>> shift) & mask
      }
      e[i] = hi
      e[i + 1] = lo
      e[i + 2] = row
      next[d] = i + ENTRY_WORDS
    }
  return true
}

/** Whether entry i goes after entry j: by hi, then lo, then row. */
function after(entries: Uint32Array, i: number, j: number): boolean {
  if (entries[i] !== entries[j]) return entries[i] > entries[j]
  if (entries[i + 1] !== entries[j + 1]) return entries[i + 1] > entries[j + 1]
  return entries[i + 2] > entries[j + 2]
}

/** A few entries by insertion; many (hashes made to collide) by a merge sort, never in square time. */
function sortByComparison(entries: Uint32Array, start: number, stop: number): void {
  const w = ENTRY_WORDS
  if (stop - start > w * 32) return sortLong(entries, start, stop)
  const entry = new Uint32Array(w)
  for (let i = start + w; i < stop; i += w) {
    if (!after(entries, i - w, i)) continue
    entry.set(entries.subarray(i, i + w))
    let j = i - w
    while (j >= start && after(entries, j, i)) j -= w
    entries.copyWithin(j + 2 * w, j + w, i)
    entries.set(entry, j + w)
  }
}

/** A long run: its entries' places sorted (Array.prototype.sort is stable), then copied back in order. */
function sortLong(entries: Uint32Array, start: number, stop: number): void {
  const w = ENTRY_WORDS
  const places = Array.from({ length: (stop - start) / w }, (_, k) => start + w * k)
  places.sort((a, b) => (after(entries, a, b) ? 1 : after(entries, b, a) ? -1 : 0))
  const copy = entries.slice(start, stop)
  places.forEach((place, k) =>
    entries.set(copy.subarray(place - start, place - start + w), start + w * k)
  )
}
