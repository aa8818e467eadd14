import type { Config } from '../config.js'
import type { Ports } from '../ports/types.js'
import type { SubsetResult } from '../sample/types.js'
import type { RunFolders, StageResult } from '../stage.js'
import { defaultCacheKey } from './cache-key.js'
import { runUserCommand, type CommandContext, type CommandResult } from './command.js'

export interface CacheOutcome {
  key: string
  matchedKey?: string
  hit: boolean
  saved: boolean
}

/** What the train stage found: the cache, setup-command's run and the training run. */
export interface TrainFigures {
  cache?: CacheOutcome
  setup?: CommandResult
  training?: CommandResult
}

export interface TrainContext {
  config: Config
  ports: Ports
  folders: RunFolders
}

type CacheConfig = Pick<
  Config,
  'cachePaths' | 'cacheKey' | 'cacheKeyFiles' | 'restoreKeys' | 'workspace'
>

/** Restores `cache-paths` before anything runs; a miss or a failing service only goes without. */
async function restoreCache(
  config: CacheConfig & { cachePaths: string[] },
  ports: Pick<Ports, 'cache' | 'logger'>
): Promise<CacheOutcome> {
  const key = config.cacheKey ?? (await defaultCacheKey(config.cacheKeyFiles, config.workspace))
  const matchedKey = await ports.cache.restore(config.cachePaths, key, config.restoreKeys)
  ports.logger.info(
    matchedKey ? `cache restored from key ${matchedKey}` : `no cache found for key ${key}`
  )
  return { key, matchedKey, hit: matchedKey === key, saved: false }
}

/**
 * Restores the cache, runs setup-command and then the training command on the subset, handing each
 * line of the training output to `onLine`; saves the cache after a successful run that missed it.
 */
export async function trainStage(
  context: TrainContext,
  input: { subset: SubsetResult; onLine: (line: string, lineNumber: number) => void }
): Promise<StageResult<TrainFigures & { training: CommandResult }, TrainFigures>> {
  const { config, ports } = context
  const commands: CommandContext = { ...context, subset: input.subset }
  const cachePaths = config.cachePaths
  const cache = cachePaths ? await restoreCache({ ...config, cachePaths }, ports) : undefined
  let setup: CommandResult | undefined
  if (config.setupCommand) {
    const run = await runUserCommand(commands, {
      command: config.setupCommand,
      title: 'Setup',
      option: 'setup-command'
    })
    setup = run.result
    if (run.failure)
      return { status: 'failed', message: run.failure, data: { cache, setup }, tail: setup.tail }
  }
  const { result: training, failure } = await runUserCommand(commands, {
    command: config.trainCommand,
    title: 'Smoke training',
    option: 'the training command',
    onLine: input.onLine
  })
  const data = { cache, setup, training }
  if (failure) return { status: 'failed', message: failure, data, tail: training.tail }
  if (cachePaths && cache && !cache.hit) cache.saved = await ports.cache.save(cachePaths, cache.key)
  const seconds = (training.durationMs / 1000).toFixed(1)
  return { status: 'passed', message: `exit code 0 after ${seconds} s`, data }
}
