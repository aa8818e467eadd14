// One shard of a plan validated: each of its parts on its own, as a part of the whole table (its keys
// hashed for the merge, the checks of the whole table left to the merge).
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { UserError } from '../../errors.js'
import { plural } from '../../words.js'
import { inWorkerOrHere, type OffThread } from '../../worker/client.js'
import { PARQUET_TASK } from '../../worker/tasks.js'
import { readHeader } from '../record-boundary.js'
import type { TableSchema } from '../schema.js'
import type { FilePartition } from '../table.js'
import { delimiterOf } from '../validate-dataset.js'
import { validateTable } from '../validate-file.js'
import type { KeyStoreState } from '../keys/store.js'
import type {
  ForeignKeyHashes,
  RowKeyFigures,
  ValidateOptions,
  ValidationResult
} from '../validation-types.js'
import type { PlanPart, PlanTable, ShardPlan } from './plan.js'
import {
  keysFileName,
  schemaDigest,
  writeKeys,
  writeState,
  type KeysFile,
  type ShardState,
  type StateRowKeys
} from './state.js'

/** "3/8" as shard 3 of 8. */
export function parseShard(text: string): { shard: number; shards: number } {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  const [shard, shards] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN]
  if (!(shard >= 1 && shard <= shards))
    throw new UserError(
      `shard: expected "i/N" with 1 <= i <= N, as the plan's matrix gives it (shard: \${{ matrix.shard }}); got ${JSON.stringify(text)}`
    )
  return { shard, shards }
}

/**
 * The plan's files here, in the plan's order: each of `needed` (every file: the merge) must be in its
 * table (the dataset, or its split) under its planned name and size; a shard needs only the files its
 * parts read, so its job may download just those. The merge needs the data the plan was made of, file
 * for file.
 */
export async function locatePlanFiles(
  plan: ShardPlan,
  tables: readonly PlanTable[],
  needed?: ReadonlySet<number>
): Promise<string[]> {
  const problems: string[] = []
  const planned = (split?: string) => (split === undefined ? 'the dataset' : `split ${split}`)
  if (
    tables.length !== plan.tables.length ||
    tables.some((t, i) => t.split !== plan.tables[i].split)
  )
    problems.push(
      `the plan is of ${plan.tables.map(t => planned(t.split)).join(', ')}, not ${tables.map(t => planned(t.split)).join(', ')}`
    )
  for (const [i, { dataset }] of tables.entries()) {
    const count = plan.files.filter(file => (file.table ?? 0) === i).length
    if (!needed && dataset.files.length !== count)
      problems.push(
        `the plan has ${plural(count, 'file')} in ${planned(tables[i].split)}, not ${dataset.files.length}`
      )
    if (plan.tables[i] && dataset.format !== plan.tables[i].format)
      problems.push(
        `the plan reads ${plan.tables[i].format} files in ${planned(tables[i].split)}, not ${dataset.format}`
      )
  }
  const located = await Promise.all(
    plan.files.map(async (file, f) => {
      const dataset = tables[file.table ?? 0]?.dataset
      if ((needed && !needed.has(f)) || !dataset) return ''
      const index = dataset.names.indexOf(file.name)
      if (index === -1) {
        problems.push(`${file.name} is not in ${planned(tables[file.table ?? 0].split)}`)
        return ''
      }
      const bytes = (await stat(dataset.files[index])).size
      if (bytes !== file.bytes)
        problems.push(`${file.name} had ${file.bytes} bytes when planned and has ${bytes}`)
      return dataset.files[index]
    })
  )
  if (problems.length)
    throw new UserError(
      `the data is not the data planned (plan ${plan.id}): ${problems.slice(0, 3).join('; ')}; every job must see the same data (check out the same commit), or make the plan again`
    )
  return located
}

/** How a part is read: the bytes or row groups of its file. A whole file is a part too (keys handed on). */
export async function partitionOf(
  part: PlanPart,
  file: string,
  options: ValidateOptions
): Promise<FilePartition> {
  if (part.rowGroups) return { rowGroups: part.rowGroups }
  if (part.start === undefined) return {}
  const partition: FilePartition = { start: part.start, end: part.end, firstLine: part.firstLine }
  if (part.start === 0) return partition
  const header = await readHeader(file, delimiterOf(options), options.dialect)
  if (!header) throw new UserError(`${file}: the header is no longer one line: make the plan again`)
  return { ...partition, header }
}

/** How many files table `table` of the plan has (this job may hold fewer: only those it reads). */
function filesIn(plan: ShardPlan, table: number): number {
  return plan.files.filter(file => (file.table ?? 0) === table).length
}

/** The parts before shard `shard` (1-based): where its parts' indices start. */
function firstIndex(plan: ShardPlan, shard: number): number {
  return plan.shards.slice(0, shard - 1).reduce((sum, parts) => sum + parts.length, 0)
}

async function validatePart(
  file: string,
  schema: TableSchema,
  options: ValidateOptions,
  worker: OffThread | undefined
): Promise<ValidationResult> {
  // Parquet in the worker, for its small young generation (see validateDataset).
  if (options.format === 'parquet')
    return inWorkerOrHere(worker, { task: PARQUET_TASK, file, schema, options }, () =>
      validateTable(file, schema, options)
    )
  return validateTable(file, schema, options)
}

/** A part's row-key hashes (the comparison of splits) as files beside the state, the rest as it is. */
function rowKeysState(
  rowKeys: RowKeyFigures | undefined,
  stateFile: string,
  index: number
): StateRowKeys | undefined {
  if (!rowKeys) return undefined
  return {
    ...rowKeys,
    parts: rowKeys.parts.map(({ keys, rows }, j) => {
      const file = keysFileName(stateFile, index, `rows${j}`)
      return {
        rows,
        keys: { file, count: writeKeys(keys, path.join(path.dirname(stateFile), file)) }
      }
    })
  }
}

/** A part's foreign keys' hashes as files beside the state: `fk0.references`, `fk0.referenced`, ... */
function foreignKeysState(
  foreignKeys: ForeignKeyHashes[],
  stateFile: string,
  index: number
): Array<ForeignKeyHashes<KeysFile>> {
  const write = (keys: KeyStoreState, what: string): KeysFile => {
    const file = keysFileName(stateFile, index, what)
    return { file, count: writeKeys(keys, path.join(path.dirname(stateFile), file)) }
  }
  return foreignKeys.map((key, i) => ({
    references: write(key.references, `fk${i}.references`),
    referenced: write(key.referenced, `fk${i}.referenced`)
  }))
}

/**
 * Validates shard `shard` of `plan` and writes its state to `stateFile` (its key hashes beside it).
 * `options`: each table's (the dataset's, or each split's). The violations kept in a table stop at
 * max-violations: the merge keeps no more of its first ones.
 */
export async function validateShard(
  plan: ShardPlan,
  shard: number,
  files: readonly string[],
  schema: TableSchema,
  options: readonly ValidateOptions[],
  stateFile: string,
  worker?: OffThread
): Promise<{ state: ShardState; bytes: number }> {
  const parts: ShardState['parts'] = []
  const room = options.map(tableOptions => tableOptions.maxViolations)
  const first = firstIndex(plan, shard)
  for (const [k, part] of plan.shards[shard - 1].entries()) {
    const file = files[part.file]
    const table = plan.files[part.file].table ?? 0
    const partOptions: ValidateOptions = {
      ...options[table],
      partition: await partitionOf(part, file, options[table]),
      // The table's violations name their file (a dataset of several files, a split): so do the part's.
      ...(options[table].fileNames || filesIn(plan, table) > 1
        ? { fileNames: [plan.files[part.file].name] }
        : {})
    }
    const { keys, rowKeys, foreignKeys, ...result } = await validatePart(
      file,
      schema,
      partOptions,
      worker
    )
    const kept = Math.min(room[table], result.violations.length)
    room[table] -= kept
    result.violations = result.violations.slice(0, kept)
    result.orders = result.orders?.slice(0, kept)
    const keysFile = keysFileName(stateFile, first + k)
    const count = keys ? writeKeys(keys, path.join(path.dirname(stateFile), keysFile)) : 0
    parts.push({
      index: first + k,
      result: {
        ...result,
        ...(rowKeys ? { rowKeys: rowKeysState(rowKeys, stateFile, first + k) } : {})
      },
      keys: keys ? { file: keysFile, count } : null,
      ...(foreignKeys ? { foreignKeys: foreignKeysState(foreignKeys, stateFile, first + k) } : {})
    })
  }
  const state: ShardState = {
    kind: 'ml-smoke-shard-state',
    version: 1,
    plan,
    shard,
    schema: schemaDigest(schema),
    parts
  }
  return { state, bytes: await writeState(state, stateFile) }
}
