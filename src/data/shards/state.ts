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
import type { ForeignKeyHashes, RowKeyFigures, ValidationResult } from '../validation-types.js'
import type { ShardPlan } from './plan.js'

export const STATE_KIND = 'ml-smoke-shard-state'
/** A state holds counts and at most max-violations violations: more is not a state ml-smoke wrote. */
const MAX_STATE_BYTES = 16 * 1024 * 1024
/** Bytes per key entry in a keys file (hi, lo, row). */
const KEY_ENTRY_BYTES = ENTRY_WORDS * 4

/** A keys file beside the state: its name there (its path, once read back) and its entries. */
export interface KeysFile {
  file: string
  count: number
}

/** A part's row-key hashes (the comparison of splits) as a state keeps them: in files beside it. */
export type StateRowKeys = Omit<RowKeyFigures, 'parts'> & {
  parts: Array<{ rows: number; keys: KeysFile }>
}

/** A part's result as a state keeps it: its keys in files beside the state. */
export type PartResult = Omit<ValidationResult, 'keys' | 'rowKeys' | 'foreignKeys'> & {
  rowKeys?: StateRowKeys
}

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
    /** The keys file of its unique fields, primary and unique keys and duplicate rows. */
    keys: KeysFile | null
    /** With foreignKeys: each one's keys files, its references and the keys referenced. */
    foreignKeys?: Array<ForeignKeyHashes<KeysFile>>
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

/** Where a part's keys go: beside the state, named after it (and `what` they are, past its keys). */
export function keysFileName(stateFile: string, part: number, what = ''): string {
  return `${path.basename(stateFile)}.part${part}${what ? `.${what}` : ''}.keys`
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

/** A keys file's path beside the state, checked to be whole. */
async function keysBeside(stateFile: string, keys: KeysFile): Promise<string> {
  const keysFile = path.join(path.dirname(stateFile), path.basename(keys.file))
  const bytes = await stat(keysFile).then(
    info => info.size,
    () => -1
  )
  if (bytes !== keys.count * KEY_ENTRY_BYTES)
    throw new UserError(
      `${keysFile}: ${bytes < 0 ? 'missing' : `${bytes} bytes, expected ${keys.count * KEY_ENTRY_BYTES}`}: the shard's key hashes must be downloaded with its state`
    )
  return keysFile
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
  for (const part of value.parts)
    for (const keys of [
      part.keys,
      ...(part.result.rowKeys?.parts ?? []).map(p => p.keys),
      ...(part.foreignKeys ?? []).flatMap(key => [key.references, key.referenced])
    ])
      if (keys) keys.file = await keysBeside(file, keys)
  return { ...value, file }
}
