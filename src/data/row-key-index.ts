// Where the rows' key hashes are kept while the splits are compared: only hashes (8 bytes a row), never
// the rows. Whatever repeats is re-checked exactly (leakage.ts), so a collision never becomes a report.
// It stands on the same key store as unique and primary keys (keys/store.ts), which spills to disk.

import { KEY_MEMORY_BYTES, KeyStore } from './keys/store.js'

/** A row's key hash: 52 bits, exact in a double (row-keys.ts hashParts). */
export type RowHash = number

/** The hashes that repeat: the rows whose exact keys are compared. */
export interface RepeatedHashes {
  has(hash: RowHash): boolean
  readonly size: number
}

export interface RowKeyIndex {
  /** Remembers that a row of group `group` (a split) has key hash `hash`. */
  add(group: number, hash: RowHash): void
  /**
   * After the last `add`: every hash seen more than once, in one group or in two (a superset of the keys
   * that truly repeat; the re-check decides).
   */
  repeats(): RepeatedHashes
}

/** The index on the validator's key store (keys/store.ts): hashes in typed arrays, spilled to disk past its memory. */
class StoredHashIndex implements RowKeyIndex {
  private readonly store = new KeyStore({ memoryBytes: KEY_MEMORY_BYTES })
  private added = 0

  add(group: number, hash: RowHash): void {
    this.store.add(Math.floor(hash / 2 ** 32), hash >>> 0, group, this.added++)
  }

  repeats(): RepeatedHashes {
    const repeated = new Set<RowHash>()
    try {
      this.store.candidates((hi, lo, _file, _row, first) => {
        if (first) repeated.add(hi * 2 ** 32 + lo)
      })
    } finally {
      this.store.dispose()
    }
    return repeated
  }
}

/** The index the comparison of splits uses. */
export function createRowKeyIndex(): RowKeyIndex {
  return new StoredHashIndex()
}
