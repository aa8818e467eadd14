// Where the rows' key hashes are kept while the splits are compared: only hashes (8 bytes a row), never
// the rows. Whatever repeats is re-checked exactly (leakage.ts), so a collision never becomes a report.
// The interface is all the comparison uses: another store (a hashed key store that spills to disk) can
// stand in for this one by changing `createRowKeyIndex` alone.

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

/** The hashes in one growing typed array; `repeats` sorts it in place and keeps the runs. */
class SortedHashIndex implements RowKeyIndex {
  private hashes = new Float64Array(4096)
  private length = 0

  add(_group: number, hash: RowHash): void {
    if (this.length === this.hashes.length) {
      const grown = new Float64Array(this.hashes.length * 2)
      grown.set(this.hashes)
      this.hashes = grown
    }
    this.hashes[this.length++] = hash
  }

  repeats(): RepeatedHashes {
    const sorted = this.hashes.subarray(0, this.length).sort()
    const repeated = new Set<RowHash>()
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) repeated.add(sorted[i])
    this.hashes = new Float64Array(0)
    this.length = 0
    return repeated
  }
}

/** The index the comparison of splits uses. */
export function createRowKeyIndex(): RowKeyIndex {
  return new SortedHashIndex()
}
