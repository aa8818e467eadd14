// The front doors of a dataset validated across a GitHub Actions matrix: plan the shards, validate one,
// merge them all. The action's modes and the CLI's commands are thin adapters over these.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { DataSettings } from '../../config.js'
import { UserError } from '../../errors.js'
import type { Ports } from '../../ports/types.js'
import type { StageVerdict } from '../../stage.js'
import { plural } from '../../words.js'
import { tablesVerdict, type Validated } from '../stage.js'
import { dataTables, type DataTables } from '../tables.js'
import { delimiterOf } from '../validate-dataset.js'
import { mergeShards, planWords } from './merge.js'
import { planShards, type PlanPart, type PlanReading, type ShardPlan } from './plan.js'
import { drawShardSample, type ShardSampleSettings } from './sample.js'
import { locatePlanFiles, parseShard, validateShard } from './validate-shard.js'

export interface ShardsContext {
  /** With the sample settings, a shard's job also draws the merge job's sample candidates. */
  config: DataSettings & Partial<ShardSampleSettings>
  ports: Pick<Ports, 'worker'>
}

/** One matrix entry: the shard as `i/N` (the validate-shard job's `shard` input) and what it reads. */
export interface MatrixEntry {
  shard: string
  parts: string
}

/** The plan as GitHub's `strategy.matrix` reads it through fromJSON: `{"include": [...]}`. */
export function matrixOf(plan: ShardPlan): { include: MatrixEntry[] } {
  const describe = (part: PlanPart): string => {
    const name = plan.files[part.file].name
    if (part.rowGroups)
      return `${name} row groups ${part.rowGroups.from}-${part.rowGroups.to === undefined ? 'end' : part.rowGroups.to - 1}`
    if (part.start === undefined) return name
    return `${name} from line ${part.firstLine ?? 1}${part.end === undefined ? '' : ` (bytes ${part.start}-${part.end - 1})`}`
  }
  return {
    include: plan.shards.map((parts, i) => ({
      shard: `${i + 1}/${plan.shards.length}`,
      parts: parts.map(describe).join('; ')
    }))
  }
}

/** How each table's CSV/TSV files are cut: by its delimiter and dialect. */
function readingsOf(data: DataTables): PlanReading[] {
  return data.tables.map(({ options }) => ({
    delimiter: delimiterOf(options),
    dialect: options.dialect
  }))
}

/** What the plan covers, for messages: the dataset, or its splits. */
function dataWords(data: DataTables): string {
  const [first] = data.tables
  return first.split === undefined
    ? first.dataset.label
    : `splits ${data.tables.map(table => table.split).join(', ')}`
}

/** Plans `shards` shards of the dataset (or of its splits): passes with the plan and its matrix. */
export async function planStage(
  { config }: ShardsContext,
  shards: number
): Promise<StageVerdict<{ plan: ShardPlan; matrix: { include: MatrixEntry[] } }>> {
  const data = await dataTables(config)
  const plan = await planShards(data.tables, shards, readingsOf(data))
  const fewer =
    plan.shards.length < shards ? ` (asked for ${shards}: the files cannot be cut finer)` : ''
  return {
    status: 'passed',
    message: `${dataWords(data)}: ${planWords(plan)}${fewer}, plan ${plan.id}`,
    data: { plan, matrix: matrixOf(plan) }
  }
}

/** A plan given as JSON text (an output of the plan job) or as a file holding it. */
async function readPlan(text: string, workspace: string): Promise<ShardPlan> {
  const trimmed = text.trim()
  const json = trimmed.startsWith('{')
    ? trimmed
    : await readFile(path.resolve(workspace, trimmed), 'utf8').catch(() => {
        throw new UserError(
          `plan: no such file: ${trimmed} (give the plan job's plan output, or its file)`
        )
      })
  try {
    const plan = JSON.parse(json) as ShardPlan
    if (plan.version === 1 && Array.isArray(plan.shards) && Array.isArray(plan.files)) return plan
  } catch {
    // Refused below, with what was expected.
  }
  throw new UserError(
    'plan: not a plan written by `ml-smoke plan` (expected its JSON: version, files, shards)'
  )
}

/**
 * Validates shard `i/N` and writes its state to `stateFile`: the plan given, or the plan of N shards made
 * again here (the same data gives the same plan). Passes once the state is written: the merge gives the
 * verdict on the whole dataset.
 */
export async function validateShardStage(
  { config, ports }: ShardsContext,
  request: { shard: string; plan?: string; stateFile: string }
): Promise<
  StageVerdict<{
    plan: ShardPlan
    shard: number
    violations: number
    rows: number
    stateBytes: number
    sampleBytes: number | null
  }>
> {
  const { shard, shards } = parseShard(request.shard)
  const data = await dataTables(config)
  const plan = request.plan
    ? await readPlan(request.plan, config.workspace)
    : await planShards(data.tables, shards, readingsOf(data))
  if (plan.shards.length !== shards)
    throw new UserError(
      `shard ${request.shard}: the plan has ${plural(plan.shards.length, 'shard')}, not ${shards}: give each job its entry of the plan's matrix (shard: \${{ matrix.shard }})`
    )
  const needed = new Set(plan.shards[shard - 1].map(part => part.file))
  const files = await locatePlanFiles(plan, data.tables, request.plan ? needed : undefined)
  const { state, bytes } = await validateShard(
    plan,
    shard,
    files,
    data.schema,
    data.tables.map(table => table.options),
    request.stateFile,
    ports.worker
  )
  const sampleBytes = await drawSample(config, data, { plan, shard, files }, request.stateFile)
  const rows = state.parts.reduce((sum, part) => sum + part.result.rows, 0)
  const violations = state.parts.reduce((sum, part) => sum + part.result.violationCount, 0)
  const drawn = sampleBytes === null ? '' : `, sample candidates ${sampleBytes} bytes`
  return {
    status: 'passed',
    message: `shard ${shard}/${shards} of plan ${plan.id}: ${plural(state.parts.length, 'part')}, ${rows} rows, ${plural(violations, 'violation')} (before the merge's checks of the whole table); state ${bytes} bytes${drawn}`,
    data: { plan, shard, violations, rows, stateBytes: bytes, sampleBytes }
  }
}

/** The shard's sample candidates beside its state, when the job has the sample settings (see sample.ts). */
function drawSample(
  config: ShardsContext['config'],
  data: DataTables,
  { plan, shard, files }: { plan: ShardPlan; shard: number; files: string[] },
  stateFile: string
): Promise<number | null> {
  const { seed, sampleRows, sampleStrategy, minPerClass, predictRows } = config
  if (
    seed === undefined ||
    sampleRows === undefined ||
    sampleStrategy === undefined ||
    minPerClass === undefined ||
    predictRows === undefined
  )
    return Promise.resolve(null)
  const labelColumn = config.labelColumn ?? data.schema.mlChecks?.label?.column
  const settings = { seed, sampleRows, sampleStrategy, minPerClass, predictRows, labelColumn }
  return drawShardSample(
    plan,
    shard,
    files,
    data,
    { ...settings, dataset: config.dataset },
    stateFile
  )
}

/** Merges the shards' states: the verdict one runner gives on the whole dataset (or its splits). */
export async function mergeStage(
  { config }: ShardsContext,
  stateFiles: readonly string[]
): Promise<StageVerdict<Validated>> {
  const data = await dataTables(config)
  const { validations, plan } = await mergeShards(stateFiles, data)
  const verdict = await tablesVerdict(data, validations)
  return {
    ...verdict,
    message: `${verdict.message} (merged from ${planWords(plan)} of plan ${plan.id})`
  }
}

/** The artifact a validate-shard job uploads its state in: `ml-smoke-shard-3-of-8`. */
export function stateArtifactName(prefix: string, shard: number, shards: number): string {
  return `${prefix}-${shard}-of-${shards}`
}

/**
 * Validates shard `i/N` in a fresh folder and uploads its state (and key hashes) as one artifact of
 * this run, replacing one a failed attempt of the same job left.
 */
export async function uploadShardState(
  context: ShardsContext & { ports: Pick<Ports, 'artifacts'> },
  request: { shard: string; plan?: string; stateName: string; folder: string }
): Promise<StageVerdict<{ artifact: string; stateBytes: number }>> {
  const stateFile = path.join(request.folder, 'state.json')
  const verdict = await validateShardStage(context, { ...request, stateFile })
  const { shard, plan } = verdict.data
  const artifact = stateArtifactName(request.stateName, shard, plan.shards.length)
  const files = (await readdir(request.folder)).map(name => path.join(request.folder, name))
  // Key hashes do not compress: level 0 spares the CPU.
  await context.ports.artifacts.upload(artifact, files, request.folder, {
    retentionDays: 1,
    compressionLevel: 0,
    overwrite: true
  })
  return {
    status: 'passed',
    message: `${verdict.message}; uploaded as ${artifact}`,
    data: { artifact, stateBytes: verdict.data.stateBytes }
  }
}

/**
 * Downloads every shard state artifact of this run (`<stateName>-<i>-of-<N>`) into `folder`: the
 * state files, for the merge (which checks that each shard of the plan is there exactly once).
 */
export async function downloadShardStates(
  artifacts: Pick<Ports['artifacts'], 'list' | 'download'>,
  stateName: string,
  folder: string
): Promise<string[]> {
  const pattern = new RegExp(`^${stateName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)-of-\\d+$`)
  const names = (await artifacts.list())
    .filter(name => pattern.test(name))
    .sort((a, b) => Number(pattern.exec(a)![1]) - Number(pattern.exec(b)![1]))
  if (!names.length)
    throw new UserError(
      `no artifact named ${stateArtifactName(stateName, 1, 1).replace('1-of-1', '<i>-of-<N>')} in this run: the merge job needs the validate-shard jobs (needs: [...]) with the same state-name`
    )
  const states: string[] = []
  for (const name of names) {
    await artifacts.download(name, path.join(folder, name))
    states.push(path.join(folder, name, 'state.json'))
  }
  return states
}
