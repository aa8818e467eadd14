// `ml-smoke plan`, `ml-smoke validate --shard i/N --state-out FILE` and `ml-smoke merge STATE...`: a dataset
// validated across a matrix, each step on disk, as the action's plan, validate-shard and merge modes do.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { DATA_OPTIONS, parseSettings, parseSharding, SHARD_SAMPLE_OPTIONS } from '../config.js'
import { dataLabels } from '../data/stage.js'
import { mergeStage, planStage, validateShardStage } from '../data/shards/stage.js'
import { UserError } from '../errors.js'
import type { OffThread } from '../worker/client.js'
import { parseFlags, type ParsedFlags } from './flags.js'
import { validationJson, validationText } from './print.js'
import { usageOf } from './usage.js'

/** What these commands use of the CLI's io (commands.ts's CliIo). */
interface Io {
  stdout(text: string): void
  stderr(text: string): void
  cwd: string
}

interface Printers {
  print: (text: string) => void
  printJson: (value: unknown) => void
}

const DATA_FLAGS = {
  aliases: { format: 'data-format' },
  repeatable: { split: 'splits', dataset: 'dataset', 'leakage-columns': 'leakage-columns' }
} as const

/** `ml-smoke plan --shards N`: the matrix on stdout (for $GITHUB_OUTPUT), the plan to --out. */
export async function planCommand(
  args: string[],
  io: Io,
  { printJson }: Printers
): Promise<number> {
  const flags = parseFlags(
    args,
    {
      options: DATA_OPTIONS,
      ...DATA_FLAGS,
      own: { shards: { type: 'string' }, out: { type: 'string' } }
    },
    usageOf('plan')
  )
  const config = parseSettings(DATA_OPTIONS, flags.options, io.cwd, flags.describe)
  const { shards } = parseSharding({ shards: flags.own.shards }, flags.describe)
  const result = await planStage({ config, ports: {} }, shards)
  const out = flags.own.out as string | undefined
  if (out) {
    const file = path.resolve(io.cwd, out)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, `${JSON.stringify(result.data.plan)}\n`)
  }
  io.stderr(`ml-smoke plan: ${result.message}\n`)
  printJson(result.data.matrix)
  return 0
}

/** `ml-smoke validate --shard i/N --state-out FILE [--plan FILE]`: one shard's state, for the merge. */
export async function validateShardCommand(
  flags: ParsedFlags,
  io: Io,
  worker: OffThread | undefined
): Promise<number> {
  const stateOut = flags.own['state-out'] as string | undefined
  if (!stateOut)
    throw new UserError(`validate --shard needs --state-out FILE\n\n${usageOf('validate')}`)
  const names = [...DATA_OPTIONS, ...SHARD_SAMPLE_OPTIONS]
  const config = parseSettings(names, flags.options, io.cwd, flags.describe)
  const sharding = parseSharding(
    { shard: flags.own.shard, plan: flags.own.plan },
    name => `--${name}`
  )
  const stateFile = path.resolve(io.cwd, stateOut)
  await mkdir(path.dirname(stateFile), { recursive: true })
  const result = await validateShardStage(
    { config, ports: { worker } },
    { shard: sharding.shard!, plan: sharding.plan, stateFile }
  )
  io.stderr(`ml-smoke validate: ${result.message}\n`)
  return 0
}

/** `ml-smoke merge STATE...`: the shards' states as one report, printed as `ml-smoke validate` prints. */
export async function mergeCommand(
  args: string[],
  io: Io,
  { print, printJson }: Printers
): Promise<number> {
  const flags = parseFlags(
    args,
    { options: DATA_OPTIONS, ...DATA_FLAGS, own: { json: { type: 'boolean' } }, positionals: true },
    usageOf('merge')
  )
  if (!flags.positionals.length)
    throw new UserError(`merge needs the shards' state files\n\n${usageOf('merge')}`)
  const config = parseSettings(DATA_OPTIONS, flags.options, io.cwd, flags.describe)
  const states = flags.positionals.map(file => path.resolve(io.cwd, file))
  const result = await mergeStage({ config, ports: {} }, states)
  const { validation, splits } = result.data
  if (flags.own.json)
    printJson({
      ...validationJson(validation),
      valid: result.status === 'passed',
      ...(splits ? { splits } : {})
    })
  else print(validationText(validation, dataLabels(config).dataset, splits))
  return result.status === 'passed' ? 0 : 1
}
