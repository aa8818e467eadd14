// The shards' states put back together as the one result a single runner gives on the whole dataset.
import path from 'node:path'
import { UserError } from '../../errors.js'
import { plural } from '../../words.js'
import type { KeyStoreState } from '../keys/store.js'
import { mergeParts, type PlacedPart } from '../merge-parts.js'
import type { TableSchema } from '../schema.js'
import type { ValidationResult } from '../validation-types.js'
import type { DataTables } from '../tables.js'
import type { ShardPlan } from './plan.js'
import { readState, schemaDigest, type KeysFile, type ShardState } from './state.js'
import { locatePlanFiles } from './validate-shard.js'

type ReadState = ShardState & { file: string }

/** Every shard of the plan exactly once, all made by one plan and one schema. */
function checkCoverage(states: ReadState[], schema: TableSchema): ShardPlan {
  const plan = states[0].plan
  const shards = plan.shards.length
  const other = states.find(state => state.plan.id !== plan.id)
  if (other)
    throw new UserError(
      `${other.file} was made by plan ${other.plan.id} and ${states[0].file} by plan ${plan.id}: merge the states of one plan (one workflow run)`
    )
  const byShard = new Map<number, string[]>()
  for (const state of states)
    byShard.set(state.shard, [...(byShard.get(state.shard) ?? []), state.file])
  const missing = plan.shards.map((_, i) => i + 1).filter(shard => !byShard.has(shard))
  const repeated = [...byShard].filter(([, files]) => files.length > 1)
  const stray = [...byShard.keys()].filter(shard => shard < 1 || shard > shards)
  const problems = [
    ...missing.map(
      shard => `shard ${shard}/${shards} is missing (its job failed or did not upload its state)`
    ),
    ...repeated.map(
      ([shard, files]) =>
        `shard ${shard}/${shards} came ${files.length} times (${files.join(', ')})`
    ),
    ...stray.map(shard => `shard ${shard} is not in the plan of ${shards}`)
  ]
  if (problems.length)
    throw new UserError(
      `cannot merge plan ${plan.id}: ${problems.join('; ')}: every part must be counted exactly once`
    )
  const digest = schemaDigest(schema)
  const otherSchema = states.find(state => state.schema !== digest)
  if (otherSchema)
    throw new UserError(
      `${otherSchema.file} was validated by another schema than the one given here: the shards and the merge need the same schema file`
    )
  return plan
}

/** Each state (in shard order) holds its shard's parts, numbered as the plan numbers them. */
function checkShardParts(ordered: readonly ReadState[], plan: ShardPlan): void {
  let firstPart = 0
  for (const state of ordered) {
    const count = plan.shards[state.shard - 1].length
    if (state.parts.length !== count || state.parts.some((part, k) => part.index !== firstPart + k))
      throw new UserError(
        `${state.file} does not hold the ${plural(count, 'part')} of shard ${state.shard} of plan ${plan.id}: it was changed after its job wrote it; run that shard's job again`
      )
    firstPart += count
  }
}

/** The states' parts in the plan's order, each exactly where the plan put it. */
function placedParts(states: ReadState[], plan: ShardPlan): PlacedPart[] {
  const ordered = [...states].sort((a, b) => a.shard - b.shard)
  checkShardParts(ordered, plan)
  const parts = ordered.flatMap(state => state.parts)
  const planned = plan.shards.flat()
  return parts.map((part, i) => {
    // A part cut inside a quoted field (the quotes before the cut do not pair up) is not the table's.
    const next = planned[i + 1]
    if (next?.file === planned[i].file && part.result.endedBetweenRecords === false)
      throw new UserError(
        `${plan.files[planned[i].file].name}: the plan's cut at line ${next.firstLine} falls inside a quoted field (a quote before it is not closed): validate this file on one runner to find it, or fix its quoting`
      )
    const { rowKeys, ...result } = part.result
    return {
      file: planned[i].file,
      result: {
        ...result,
        keys: part.keys && keysFrom(part.keys),
        ...(part.foreignKeys
          ? {
              foreignKeys: part.foreignKeys.map(key => ({
                references: keysFrom(key.references),
                referenced: keysFrom(key.referenced)
              }))
            }
          : {}),
        ...(rowKeys
          ? {
              rowKeys: {
                ...rowKeys,
                parts: rowKeys.parts.map(p => ({ ...p, keys: keysFrom(p.keys) }))
              }
            }
          : {})
      }
    }
  })
}

/** A keys file a shard wrote, as a sorted run for a KeyStore to merge (the merge never removes it). */
function keysFrom(keys: KeysFile): KeyStoreState {
  return {
    sorted: new Uint32Array(0),
    runs: [{ path: keys.file, count: keys.count }],
    folder: null
  }
}

/**
 * Merges the states of every shard of one plan: checks that each shard came once, by the plan and schema
 * given, on the data planned; then each table's parts as one table (repeated keys across shards are read
 * again and compared exactly). Each table's result is what one runner's pass over it gives.
 */
export async function mergeShards(
  stateFiles: readonly string[],
  data: DataTables
): Promise<{ validations: ValidationResult[]; plan: ShardPlan }> {
  if (!stateFiles.length) throw new UserError("merge needs the shards' states: none was given")
  const states = await Promise.all(stateFiles.map(file => readState(path.resolve(file))))
  const plan = checkCoverage(states, data.schema)
  const files = await locatePlanFiles(plan, data.tables)
  const placed = placedParts(states, plan)
  const tableOf = (file: number) => plan.files[file].table ?? 0
  const validations: ValidationResult[] = []
  for (const [t, { options }] of data.tables.entries())
    validations.push(
      await mergeParts(
        placed.filter(part => tableOf(part.file) === t),
        files.filter((_, f) => tableOf(f) === t),
        data.schema,
        options
      )
    )
  return { validations, plan }
}

/** "3 shards (7 parts)" for messages. */
export function planWords(plan: ShardPlan): string {
  return `${plural(plan.shards.length, 'shard')} (${plural(plan.shards.flat().length, 'part')})`
}
