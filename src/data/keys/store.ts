/**
 * KeyStore: which keys repeat, among millions, in bounded memory. It holds 64-bit key hashes with a row
 * reference each (a file index and a row number) and finds the hashes that occur more than once:
 * candidates, which the caller confirms by comparing the rows' exact key texts (a hash collision must
 * never be reported as a repeat). It knows nothing of tables: any key (a unique field, a primary key, a
 * whole row, the columns two splits are compared on) hashed by keys/hash.ts fits.
 *
 *   const store = new KeyStore({ memoryBytes: 32 << 20 })
 *   store.add(hi, lo, file, row)      // for each key of each row, rows in order
 *   store.absorb(other.detach(), n)   // another part's entries (a worker's), its rows shifted by n
 *   store.candidates(visit)           // after the last add: each entry whose hash repeats, by hash
 *   store.dispose()                   // removes what was spilled to disk
 *
 * Entries are appended to a typed array (four 32-bit words each: hi, lo, row, file). When it is full it
 * is radix-sorted by hash and written to a file in the store's temporary folder (a sorted run), and
 * starts empty; `candidates` sorts what is left and merges it with the runs, and with absorbed parts, so
 * repeats across runs and parts are found. Appending, not indexing: a hash table of millions of slots
 * costs a cache miss per key (measured: 2 M keys took 0.7 s into an ordered open-addressing table, 0.1 s
 * appended and sorted), and no caller can report a repeat before the exact re-check anyway.
 * Within a group of equal hashes, entries come in the order they were added (absorbed parts after).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  mergeCursors,
  RunCursor,
  RunWriter,
  ArrayCursor,
  type Cursor,
  type RunFile
} from './runs.js'

/** Bytes per entry: hi, lo, row and file, 4 bytes each. */
const ENTRY_BYTES = 16
const MIN_ENTRIES = 1 << 8
/** Runs merged at once: more are first merged into fewer (each open run holds a file and 64 KiB). */
const MAX_FAN_IN = 64
/** Radix sort digits: 11 bits, three passes over a 32-bit word. */
const DIGIT_BITS = 11

/** Memory for the hashes of a table's keys (a part on one of two threads gets half). */
export const KEY_MEMORY_BYTES = 48 * 1024 * 1024
export const MAX_FILES = 0xffff
export const MAX_ROW = 0xffffffff

/** A store's entries handed to another thread or store: a transferable typed array and run files. */
export interface KeyStoreState {
  /** Entries in hash order, four words each (hi, lo, row, file). */
  sorted: Uint32Array
  runs: RunFile[]
  folder: string | null
}

export interface KeyStoreOptions {
  /** The most bytes of entries in memory, the sort's second array included. */
  memoryBytes?: number
  /** Where the folder of spilled runs is made (default: RUNNER_TEMP, else the system's temporary folder). */
  spillRoot?: string
}

interface Part {
  state: KeyStoreState
  rowOffset: number
}

export class KeyStore {
  private entries: Uint32Array
  /** The radix sort's second array, kept from one sort to the next (a new one each time left garbage). */
  private scratch: Uint32Array = new Uint32Array(0)
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
    this.maxEntries = Math.max(MIN_ENTRIES, Math.floor(budget / (2 * ENTRY_BYTES)))
    this.spillRoot = options.spillRoot ?? process.env.RUNNER_TEMP ?? os.tmpdir()
    this.entries = new Uint32Array(Math.min(this.maxEntries, 1 << 16) * 4)
  }

  /** Runs written to disk so far (this store's own). */
  get spilledRuns(): number {
    return this.spilled
  }

  /** Adds a key's hash with the row it is in. Rows are added in order. */
  add(hi: number, lo: number, file: number, row: number): void {
    if (!(file >= 0 && file <= MAX_FILES && row >= 0 && row <= MAX_ROW))
      throw new RangeError(`key store: file ${file}, row ${row} out of range`)
    if (this.count * 4 === this.entries.length) this.makeRoom()
    const entries = this.entries
    const at = this.count++ * 4
    entries[at] = hi
    entries[at + 1] = lo
    entries[at + 2] = row
    entries[at + 3] = file
  }

  /**
   * This store's entries for another store to absorb; this store is empty afterwards. With `spillAbove`,
   * entries in memory past that many bytes go to disk as a run, and fewer are copied out of the store's
   * array: a part held until a merge then holds no more memory than its entries need.
   */
  detach(options: { spillAbove?: number } = {}): KeyStoreState {
    let sorted = this.sorted()
    if (options.spillAbove !== undefined && sorted.byteLength > options.spillAbove) {
      this.spill(sorted)
      sorted = new Uint32Array(0)
    } else if (options.spillAbove !== undefined) sorted = sorted.slice()
    const state: KeyStoreState = { sorted, runs: this.runs, folder: this.folder }
    this.runs = []
    this.folder = null
    this.entries = new Uint32Array(MIN_ENTRIES * 4)
    this.scratch = new Uint32Array(0)
    this.count = 0
    return state
  }

  /** Takes another store's entries (added after all of this one's), their rows shifted by `rowOffset`. */
  absorb(state: KeyStoreState, rowOffset = 0): void {
    this.parts.push({ state, rowOffset })
  }

  /**
   * After the last add: calls `visit` for each entry whose hash occurs more than once, in hash order, and
   * each group of equal hashes in the order the rows were added; `first` marks a group's first entry.
   */
  candidates(
    visit: (hi: number, lo: number, file: number, row: number, first: boolean) => void
  ): void {
    let prevHi = 0
    let prevLo = 0
    let prevFile = 0
    let prevRow = 0
    let inGroup = false
    let started = false
    mergeCursors(this.cursors(), (hi, lo, file, row) => {
      if (started && hi === prevHi && lo === prevLo) {
        if (!inGroup) visit(prevHi, prevLo, prevFile, prevRow, true)
        visit(hi, lo, file, row, false)
        inGroup = true
      } else inGroup = false
      started = true
      prevHi = hi
      prevLo = lo
      prevFile = file
      prevRow = row
    })
  }

  /** Removes the spilled runs, this store's and the absorbed parts', and lets go of its memory. */
  dispose(): void {
    this.entries = new Uint32Array(0)
    this.scratch = new Uint32Array(0)
    this.count = 0
    for (const folder of [this.folder, ...this.parts.map(part => part.state.folder)])
      if (folder) rmSync(folder, { recursive: true, force: true })
    this.folder = null
    this.runs = []
    this.parts.length = 0
  }

  /** Every source in the order its rows were added: runs, then memory; then each absorbed part's. */
  private cursors(): Cursor[] {
    const sources: Source[] = [
      { runs: this.runs, sorted: this.sorted(), rowOffset: 0 },
      ...this.parts.map(({ state, rowOffset }) => ({ ...state, rowOffset }))
    ]
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
          (hi, lo, file, row) => writer.add(hi, lo, file, row)
        )
        merged.push(writer.finish())
      }
      if (merged.length === 1) return merged[0]
      opens = merged.map(run => () => new RunCursor(run))
    }
  }

  /** The entries in memory, sorted (a view: the next add may overwrite it). */
  private sorted(): Uint32Array {
    if (this.scratch.length !== this.entries.length)
      this.scratch = new Uint32Array(this.entries.length)
    const sorted = sortEntries(this.entries, this.scratch, this.count)
    if (sorted !== this.entries) {
      this.scratch = this.entries
      this.entries = sorted
    }
    return this.entries.subarray(0, this.count * 4)
  }

  /** A full array doubles, or, at its largest, goes to disk as a run. */
  private makeRoom(): void {
    const entries = this.count
    if (entries < this.maxEntries) {
      const grown = new Uint32Array(
        Math.min(this.maxEntries, Math.max(MIN_ENTRIES, entries * 2)) * 4
      )
      grown.set(this.entries)
      this.entries = grown
      this.scratch = new Uint32Array(0)
      return
    }
    this.spill(this.sorted())
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

/**
 * The first `count` entries sorted by (hi, lo), equal hashes kept in order: a stable radix sort on the
 * top 22 bits of hi (two passes of 11 bits, through `scratch`, of the same size: the sorted entries are
 * in whichever of the two is returned), then each run of equal top bits put in order of (hi, lo): a run holds one entry or two
 * in millions, unless hashes were made to collide.
 */
function sortEntries(entries: Uint32Array, scratch: Uint32Array, count: number): Uint32Array {
  let from: Uint32Array = entries
  let to: Uint32Array = scratch
  const counts = new Uint32Array(1 << DIGIT_BITS)
  for (const shift of [32 - 2 * DIGIT_BITS, 32 - DIGIT_BITS]) {
    if (!countDigits(from, count, shift, counts)) continue // one digit for all: nothing would move
    scatter(from, to, count, shift, counts)
    const swap = from
    from = to
    to = swap
  }
  sortRuns(from, count, 32 - 2 * DIGIT_BITS)
  return from
}

/** Each digit's first place in the sorted order, into `counts`; false when one digit holds every entry. */
function countDigits(
  entries: Uint32Array,
  count: number,
  shift: number,
  counts: Uint32Array
): boolean {
  counts.fill(0)
  const end = count * 4
  for (let i = 0; i < end; i += 4) counts[(entries[i] >>> shift) & 0x7ff]++
  let sum = 0
  for (let d = 0; d < counts.length; d++) {
    const n = counts[d]
    if (n === count) return false
    counts[d] = sum
    sum += n
  }
  return true
}

/** One radix pass: each entry moved to its digit's next place (measured hot: a plain loop, no helpers). */
function scatter(
  from: Uint32Array,
  to: Uint32Array,
  count: number,
  shift: number,
  counts: Uint32Array
): void {
  const end = count * 4
  for (let i = 0; i < end; i += 4) {
    const hi = from[i]
    const at = counts[(hi >>> shift) & 0x7ff]++ << 2
    to[at] = hi
    to[at + 1] = from[i + 1]
    to[at + 2] = from[i + 2]
    to[at + 3] = from[i + 3]
  }
}

/** Whether entry i goes after entry j: by hi, then lo (equal ones stay in order). */
function after(entries: Uint32Array, i: number, j: number): boolean {
  return entries[i] > entries[j] || (entries[i] === entries[j] && entries[i + 1] > entries[j + 1])
}

/**
 * Each run of entries whose hi agrees above bit `shift` (in the order added) sorted by (hi, lo), stably:
 * a short run by insertion, a long one (hashes made to collide) by a merge sort, never in square time.
 */
function sortRuns(entries: Uint32Array, count: number, shift: number): void {
  const end = count * 4
  for (let start = 0; start < end;) {
    const top = entries[start] >>> shift
    let stop = start + 4
    while (stop < end && entries[stop] >>> shift === top) stop += 4
    if (stop - start > 4 * 16) sortLong(entries, start, stop)
    else if (stop - start > 4) sortShort(entries, start, stop)
    start = stop
  }
}

function sortShort(entries: Uint32Array, start: number, stop: number): void {
  const entry = new Uint32Array(4)
  for (let i = start + 4; i < stop; i += 4) {
    if (!after(entries, i - 4, i)) continue
    entry.set(entries.subarray(i, i + 4))
    let j = i - 4
    while (
      j >= start &&
      (entries[j] > entry[0] || (entries[j] === entry[0] && entries[j + 1] > entry[1]))
    )
      j -= 4
    entries.copyWithin(j + 8, j + 4, i)
    entries.set(entry, j + 4)
  }
}

/** A long run: its entries' places sorted (Array.prototype.sort is stable), then copied back in order. */
function sortLong(entries: Uint32Array, start: number, stop: number): void {
  const places = Array.from({ length: (stop - start) / 4 }, (_, k) => start + 4 * k)
  places.sort((a, b) => (after(entries, a, b) ? 1 : after(entries, b, a) ? -1 : 0))
  const copy = entries.slice(start, stop)
  places.forEach((place, k) =>
    entries.set(copy.subarray(place - start, place - start + 4), start + 4 * k)
  )
}

interface Source {
  runs: RunFile[]
  sorted: Uint32Array
  rowOffset: number
}
