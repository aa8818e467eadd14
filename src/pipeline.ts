import { modelStage, uploadStage } from './artifact/stage.js'
import { compareStage } from './compare/stage.js'
import { comparisonInputs } from './compare/prepare.js'
import type { Config } from './config.js'
import path from 'node:path'
import { shardCandidates } from './data/shards/sample.js'
import { mergeStage } from './data/shards/stage.js'
import { dataLabels, validateStage } from './data/stage.js'
import { describeError, UserError } from './errors.js'
import { lossOutputReader, lossStage, runLossSources } from './loss/stage.js'
import type { LossResult } from './loss/verdict.js'
import type { Ports } from './ports/types.js'
import {
  STAGE_ORDER,
  STAGE_TITLES,
  type RunReport,
  type StageFigures,
  type StageName,
  type StageOutcome
} from './report/types.js'
import { heldOutRowsFor, predictStage } from './predict/stage.js'
import { preflightStage } from './preflight/stage.js'
import { sampleStage } from './sample/stage.js'
import { prepareRunFolders, type HeldOutRows, type RunFolders, type StageResult } from './stage.js'
import { trainStage } from './train/stage.js'

/**
 * Runs the stages in order: pre-flight → validate → sample → train → loss → artifact → predict → upload,
 * then compare when the ports hold a baseline source (a pull request in the action). A stage that does
 * not pass stops the rest, which are reported as skipped; the report is complete either way. With
 * `shardStates` (the merge job of a matrix), validation is the merge of the shards' states.
 */
export async function runPipeline(
  config: Config,
  ports: Ports,
  folders: RunFolders,
  shardStates?: readonly string[]
): Promise<RunReport> {
  await prepareRunFolders(folders)
  const context = { config, ports, folders }
  const stages = new StageLog(ports)
  const output = lossOutputReader(config)
  const onLine = (line: string, lineNumber: number): void => output.readLine(line, lineNumber)
  const checked = await stages.run('preflight', () => preflightStage(context))
  const validated =
    checked &&
    (await stages.run('validate', () =>
      shardStates ? mergeStage(context, shardStates) : validateStage(context)
    ))
  const target = { folder: folders.subsetDirectory }
  const { labelColumn } = validated || {}
  // A file without a header row: its columns are the schema's fields, in order.
  const columnNames = validated ? validated.validation.header : undefined
  // The merge job of a matrix draws from its shards' candidates: it need not read the dataset again.
  const fromShards = (states: readonly string[]) =>
    shardCandidates(
      { ...config, labelColumn: config.labelColumn ?? labelColumn },
      states,
      path.join(folders.root, 'candidates')
    )
  const sampled =
    validated &&
    (await stages.run('sample', async () =>
      sampleStage(
        { ...context, target },
        { labelColumn, columnNames, drawn: shardStates && (await fromShards(shardStates)) }
      )
    ))
  const candidates = sampled ? sampled.candidates : undefined
  const trained =
    sampled &&
    (await stages.run('train', () => trainStage(context, { subset: sampled.subset, onLine })))
  const heldOutRows = heldOutRowsFor(config, config.labelColumn ?? labelColumn)
  const judged =
    trained &&
    (await stages.run('loss', async () => {
      const sources = await runLossSources(config, folders, output, trained.training.startedAt)
      return lossStage(context, { ...sources, labelStats: sampled.subset.labelStats, heldOutRows })
    }))
  const openLoss = judged ? leftOpen(judged.loss, heldOutRows) : undefined
  const modelled =
    judged && (await stages.run('artifact', () => modelStage(context, { subset: sampled.subset })))
  const predicted =
    modelled &&
    (await stages.run('predict', () =>
      predictStage(context, { subset: sampled.subset, labelColumn, drawn: candidates, openLoss })
    ))
  if (checked && validated && sampled && trained && judged && modelled && predicted) {
    const inputs = { ...checked, ...validated, ...sampled, ...trained, ...judged, ...modelled }
    const uploaded = await stages.run('upload', async () =>
      uploadStage(context, {
        ...inputs,
        ...(await comparisonInputs(config, ports.logger, inputs, candidates))
      })
    )
    if (uploaded && ports.baseline)
      await stages.run('compare', () => compareStage(context, uploaded))
  }
  return stages.report(config, ports.baseline ? [] : ['compare'])
}

/** The reason of an inconclusive loss check that went on to the Model API stage, which settles it. */
const leftOpen = (loss: LossResult, heldOutRows: HeldOutRows): string | undefined =>
  heldOutRows === 'settles' && loss.verdict === 'inconclusive' ? loss.reason : undefined

/** The stages' outcomes and figures as they come in, and the report they make. */
class StageLog {
  private readonly outcomes: StageOutcome[] = []
  private readonly figures: StageFigures = {}
  private failureTail: string[] | undefined

  constructor(private readonly ports: Pick<Ports, 'logger' | 'clock'>) {}

  /** Runs one stage; its figures when it passed, else undefined (and the later stages are skipped). */
  async run<Passed extends StageFigures, Partial extends StageFigures>(
    name: StageName,
    body: () => Promise<StageResult<Passed, Partial>>
  ): Promise<Passed | undefined> {
    const { clock, logger } = this.ports
    const started = clock.now()
    let result: StageResult<Passed, Partial>
    try {
      result = await body()
    } catch (error) {
      if (!(error instanceof UserError)) logger.debug((error as Error)?.stack ?? String(error))
      result = { status: 'error', message: describeError(error) }
    }
    Object.assign(this.figures, result.data)
    if ('tail' in result && result.tail?.length) this.failureTail = result.tail
    const title = STAGE_TITLES[name]
    this.outcomes.push({
      name,
      title,
      status: result.status,
      message: result.message,
      durationMs: clock.now() - started
    })
    logger.info(`${title}: ${result.status} — ${result.message}`)
    return result.status === 'passed' || result.status === 'skipped' ? result.data : undefined
  }

  /** The report; `absent` names stages this run never has (compare without a baseline source). */
  report(config: Config, absent: StageName[] = []): RunReport {
    const ran = new Set([...this.outcomes.map(outcome => outcome.name), ...absent])
    const skipped = STAGE_ORDER.filter(name => !ran.has(name)).map(name => ({
      name,
      title: STAGE_TITLES[name],
      status: 'skipped' as const,
      message: 'skipped: an earlier stage did not pass',
      durationMs: 0
    }))
    const stages = [...this.outcomes, ...skipped]
    const stopped = stages.find(stage => stage.status !== 'passed' && stage.status !== 'skipped')
    const headline = stopped
      ? `${stopped.title} ${stopped.status === 'error' ? 'could not run' : stopped.status}: ${stopped.message}`
      : `ml-smoke passed: ${stages
          .filter(stage => stage.status !== 'skipped')
          .map(stage => stage.message)
          .join('; ')}`
    const outcome = (stopped?.status ?? 'passed') as RunReport['outcome']
    const failureTail = stopped ? this.failureTail : undefined
    return {
      config,
      labels: dataLabels(config),
      ...this.figures,
      stages,
      outcome,
      headline,
      failureTail
    }
  }
}
