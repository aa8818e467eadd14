// Where the rows' key hashes are kept while the splits are compared: only hashes, never the rows, in a
// KeyStore (keys/store.ts) that holds each split's parts as the validator handed them over (spilled runs
// on disk, and a little memory each). Its sorted merge nominates the rows whose hash another row shares,
// in one split or in two; leakage.ts re-checks those exactly, so a collision never becomes a report.
import { RowSet } from './key-recheck.js'
import { KeyStore } from './keys/store.js'
import type { RowKeyFigures } from './validation-types.js'

/** The rows to re-check, numbered across the splits (see RowKeyIndex.firstRows). */
export interface CandidateRows {
  has(row: number): boolean
  /** How many distinct hashes nominated them: about how many exact keys the re-check will hold. */
  readonly keys: number
}

/** The splits' row hashes, each split's rows numbered after the previous split's. */
export class RowKeyIndex {
  private readonly store: KeyStore
  private rows = 0
  /** Each split's first row, in the numbering across the splits. */
  readonly firstRows: number[] = []

  /** `store`: for tests (one whose hashes collide). */
  constructor(store = new KeyStore({ memoryBytes: 1 << 20 })) {
    this.store = store
  }

  /** The next split's hashes, as validateDataset returned them (its parts in row order). */
  addSplit(figures: RowKeyFigures): void {
    this.firstRows.push(this.rows)
    for (const part of figures.parts) {
      this.store.absorb(part.keys, this.rows)
      this.rows += part.rows
    }
  }

  /**
   * After the last split: the rows whose key hash another row shares, in one split or in two (a superset
   * of the rows whose keys truly repeat: the re-check decides), or null when none does. The hashes are
   * removed from memory and disk.
   */
  candidates(): CandidateRows | null {
    const rows = new RowSet()
    let keys = 0
    try {
      this.store.candidates((_hi, _lo, row, first) => {
        rows.add(row)
        if (first) keys++
      })
    } finally {
      this.store.dispose()
    }
    return keys === 0 ? null : { has: row => rows.has(row), keys }
  }

  /** Removes the hashes (after a failure; `candidates` removes them too). */
  dispose(): void {
    this.store.dispose()
  }
}
