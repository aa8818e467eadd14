// Sorted runs of key entries (64-bit hash, row) and their merge: the parts of KeyStore that read and
// write disk. An entry is three 32-bit words on disk: hi, lo, row.
import { closeSync, openSync, readSync, writeSync } from 'node:fs'

/** Words of an entry: hi, lo, row. */
export const ENTRY_WORDS = 3
/** Entries read or written at a time: 48 KiB. */
const BLOCK = 4096

/** A run spilled to disk: its path and how many entries it holds, in hash order. */
export interface RunFile {
  path: string
  count: number
}

/** Entries in hash order, one at a time: `next` moves to the next one and is false past the last. */
export interface Cursor {
  hi: number
  lo: number
  row: number
  next(): boolean
  close(): void
}

/** Entries in memory, three words each (hi, lo, row), in hash order. */
export class ArrayCursor implements Cursor {
  hi = 0
  lo = 0
  row = 0
  private at = -ENTRY_WORDS

  constructor(
    private readonly slots: Uint32Array,
    private readonly rowOffset = 0
  ) {}

  next(): boolean {
    const slots = this.slots
    const i = (this.at += ENTRY_WORDS)
    if (i >= slots.length) return false
    this.hi = slots[i]
    this.lo = slots[i + 1]
    this.row = slots[i + 2] + this.rowOffset
    return true
  }

  close(): void {}
}

/** A run file read a block at a time. */
export class RunCursor implements Cursor {
  hi = 0
  lo = 0
  row = 0
  private readonly words = new Uint32Array(BLOCK * ENTRY_WORDS)
  private readonly bytes = new Uint8Array(this.words.buffer)
  private readonly fd: number
  private filled = 0
  private at = 0
  private position = 0
  private left: number

  constructor(
    run: RunFile,
    private readonly rowOffset = 0
  ) {
    this.fd = openSync(run.path, 'r')
    this.left = run.count
  }

  next(): boolean {
    if (this.at === this.filled) {
      if (this.left === 0) return false
      const entries = Math.min(BLOCK, this.left)
      const read = readSync(this.fd, this.bytes, 0, entries * ENTRY_WORDS * 4, this.position)
      if (read !== entries * ENTRY_WORDS * 4) throw new Error(`key run ended early (${read} bytes)`)
      this.position += read
      this.left -= entries
      this.filled = entries * ENTRY_WORDS
      this.at = 0
    }
    const words = this.words
    const at = this.at
    this.hi = words[at]
    this.lo = words[at + 1]
    this.row = words[at + 2] + this.rowOffset
    this.at = at + ENTRY_WORDS
    return true
  }

  close(): void {
    closeSync(this.fd)
  }
}

/** Writes entries in the order given (the caller's: hash order) to a new run file. */
export class RunWriter {
  private readonly words = new Uint32Array(BLOCK * ENTRY_WORDS)
  private readonly fd: number
  private at = 0
  count = 0

  constructor(readonly path: string) {
    this.fd = openSync(path, 'wx')
  }

  /** Entries already in order, three words each. */
  write(entries: Uint32Array): void {
    this.flush()
    this.writeAll(new Uint8Array(entries.buffer, entries.byteOffset, entries.byteLength))
    this.count += entries.length / ENTRY_WORDS
  }

  add(hi: number, lo: number, row: number): void {
    const words = this.words
    words[this.at] = hi
    words[this.at + 1] = lo
    words[this.at + 2] = row
    this.at += ENTRY_WORDS
    this.count++
    if (this.at === words.length) this.flush()
  }

  finish(): RunFile {
    this.flush()
    closeSync(this.fd)
    return { path: this.path, count: this.count }
  }

  private flush(): void {
    this.writeAll(new Uint8Array(this.words.buffer, 0, this.at * 4))
    this.at = 0
  }

  private writeAll(bytes: Uint8Array): void {
    for (let done = 0; done < bytes.length;)
      done += writeSync(this.fd, bytes, done, bytes.length - done)
  }
}

/** Whether cursor a's entry goes before b's: by hash, then by source (earlier sources hold earlier rows). */
function before(a: Cursor, ia: number, b: Cursor, ib: number): boolean {
  if (a.hi !== b.hi) return a.hi < b.hi
  if (a.lo !== b.lo) return a.lo < b.lo
  return ia < ib
}

/** An entry handed on by a merge; `first`: the first of a group of equal hashes (repeats only). */
export type Visit = (hi: number, lo: number, row: number, first: boolean) => void

/**
 * Every entry of `cursors` in hash order (equal hashes in the order of their sources), or with
 * `repeatsOnly` the entries whose hash occurs more than once, through a binary heap of the cursors;
 * each cursor is closed once read. Millions of entries pass here: the heap is an array of cursor
 * numbers, the top is sifted down only when its cursor's next entry is not the least, and groups are
 * found inline rather than by a callback per entry.
 */
export function mergeCursors(cursors: Cursor[], visit: Visit, repeatsOnly = false): void {
  let prevHi = -1
  let prevLo = -1
  let prevRow = 0
  let inGroup = false
  try {
    const heap = cursors.map((_, i) => i).filter(i => cursors[i].next())
    const size = heap.length
    for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(cursors, heap, i, size)
    for (let live = size; live > 0;) {
      const top = heap[0]
      const cursor = cursors[top]
      const { hi, lo, row } = cursor
      if (!repeatsOnly) visit(hi, lo, row, false)
      else if (hi === prevHi && lo === prevLo) {
        if (!inGroup) visit(prevHi, prevLo, prevRow, true)
        visit(hi, lo, row, false)
        inGroup = true
      } else {
        inGroup = false
        prevHi = hi
        prevLo = lo
        prevRow = row
      }
      if (!cursor.next()) {
        heap[0] = heap[--live]
        siftDown(cursors, heap, 0, live)
      } else if (live > 1) {
        const child =
          live > 2 && before(cursors[heap[2]], heap[2], cursors[heap[1]], heap[1]) ? 2 : 1
        if (before(cursors[heap[child]], heap[child], cursor, top)) siftDown(cursors, heap, 0, live)
      }
    }
  } finally {
    for (const cursor of cursors) cursor.close()
  }
}

function siftDown(cursors: Cursor[], heap: number[], from: number, size: number): void {
  for (let i = from; ;) {
    const left = 2 * i + 1
    if (left >= size) return
    let child = left
    if (
      left + 1 < size &&
      before(cursors[heap[left + 1]], heap[left + 1], cursors[heap[left]], heap[left])
    )
      child = left + 1
    if (!before(cursors[heap[child]], heap[child], cursors[heap[i]], heap[i])) return
    const swap = heap[i]
    heap[i] = heap[child]
    heap[child] = swap
    i = child
  }
}
