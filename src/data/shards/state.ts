// A shard's state on disk: what its job found (counts, the first violations, each part's numbering), in a
// JSON file, and each part's key hashes in a binary file beside it, sorted for the merge.
import { createHash } from 'node:crypto'
import { rmSync } from 'node:fs'
import { readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { UserError } from '../../errors.js'
import { discard } from '../validate-dataset.js'
import { mergeCursors, ArrayCursor, ENTRY_WORDS, RunCursor, RunWriter } from '../keys/runs.js'
import { sortEntries, type KeyStoreState } from '../keys/store.js'
import type { TableSchema } from '../schema.js'
import type { ValidationResult } from '../validation-types.js'
import type { ShardPlan } from './plan.js'

export const STATE_KIND = 'ml-smoke-shard-state'
/** A state holds counts and at most max-violations violations: more is not a state ml-smoke wrote. */
const MAX_STATE_BYTES = 16 * 1024 * 1024
/** Bytes per key entry in a keys file (hi, lo, row). */
const KEY_ENTRY_BYTES = ENTRY_WORDS * 4

/** A part's result as a state keeps it: its keys in a file beside the state. */
export type PartResult = Omit<ValidationResult, 'keys' | 'rowKeys'>

export interface ShardState {
  kind: typeof STATE_KIND
  version: 1
  plan: ShardPlan
  /** 1-based. */
  shard: number
  /** A digest of the schema the shard validated by: the merge must use the same. */
  schema: string
  parts: Array<{
    /** The part's place among all the plan's parts. */
    index: number
    result: PartResult
    /** The keys file's name (beside the state) and its entries. */
    keys: { file: string; count: number } | null
  }>
}

export function schemaDigest(schema: TableSchema): string {
  return createHash('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 16)
}

/** A part's key hashes as one sorted file at `file`; the store's spilled runs are removed. */
export function writeKeys(keys: KeyStoreState, file: string): number {
  rmSync(file, { force: true })
  const writer = new RunWriter(file)
  // A store hands over the entries it kept in memory as they were added.
  sortEntries(keys.sorted)
  mergeCursors(
    [...keys.runs.map(run => new RunCursor(run)), new ArrayCursor(keys.sorted)],
    (hi, lo, row) => writer.add(hi, lo, row)
  )
  discard(keys)
  return writer.finish().count
}

/** Writes the state as JSON to `file` (its keys files are already beside it); its size in bytes. */
export async function writeState(state: ShardState, file: string): Promise<number> {
  const text = `${JSON.stringify(state)}\n`
  await writeFile(file, text)
  return Buffer.byteLength(text)
}

/** Where a part's keys go: beside the state, named after it. */
export function keysFileName(stateFile: string, part: number): string {
  return `${path.basename(stateFile)}.part${part}.keys`
}

function isState(value: unknown): value is ShardState {
  const state = value as ShardState
  return (
    typeof state === 'object' &&
    state !== null &&
    state.kind === STATE_KIND &&
    state.version === 1 &&
    Number.isInteger(state.shard) &&
    typeof state.plan?.id === 'string' &&
    Array.isArray(state.plan.shards) &&
    Array.isArray(state.parts)
  )
}

/** A state read back, its keys files checked to be beside it and whole. */
export async function readState(file: string): Promise<ShardState & { file: string }> {
  const size = await stat(file).then(
    info => info.size,
    () => {
      throw new UserError(`shard state not found: ${file}`)
    }
  )
  if (size > MAX_STATE_BYTES)
    throw new UserError(`${file}: ${size} bytes is not a shard state (a state is under 1 MB)`)
  let value: unknown
  try {
    value = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new UserError(`${file}: not a shard state: ${(error as Error).message}`)
  }
  if (!isState(value))
    throw new UserError(
      `${file}: not a shard state of this ml-smoke version (expected "kind": "${STATE_KIND}", "version": 1)`
    )
  for (const part of value.parts) {
    if (!part.keys) continue
    const keysFile = path.join(path.dirname(file), path.basename(part.keys.file))
    const bytes = await stat(keysFile).then(
      info => info.size,
      () => -1
    )
    if (bytes !== part.keys.count * KEY_ENTRY_BYTES)
      throw new UserError(
        `${keysFile}: ${bytes < 0 ? 'missing' : `${bytes} bytes, expected ${part.keys.count * KEY_ENTRY_BYTES}`}: the shard's key hashes must be downloaded with its state`
      )
    part.keys.file = keysFile
  }
  return { ...value, file }
}
