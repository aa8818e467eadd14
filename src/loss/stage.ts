import path from 'node:path'
import type { Config, LossSettings } from '../config.js'
import { displayPath, exists } from '../file-info.js'
import type { Logger } from '../ports/types.js'
import type { HeldOutRows, RunFolders, StageVerdict } from '../stage.js'
import { evidenceOf, resolveBaseline, type LabelStats } from './baseline.js'
import { chooseLossSeries } from './choose.js'
import { emptyFound, findSeries, USUAL_LOG_FOLDERS } from './discover.js'
import { compileLossPattern, joinHints, OutputMetricsReader } from './output-reader.js'
import { COMMAND_OUTPUT } from './series.js'
import { DEFAULT_MIN_DROP, judgeLoss, type LossResult } from './verdict.js'

/** A file or folder searched for metric series. */
export interface LossPlace {
  path: string
  /** How a file found here is named in messages. */
  label: (file: string) => string
  /** In folder searches, leave out files not written since then (logs of an earlier run). */
  since?: number
  /** The reason to give when this place does not exist and nothing else was found. */
  whenMissing?: string
}

/** Where the loss is looked for: files and folders, and the command's output as it streamed. */
export interface LossSources {
  places: LossPlace[]
  output?: OutputMetricsReader
  /** The places as the reason names them. */
  searched: string[]
  /** The training subset's label: what a model that learned nothing scores (baseline-loss: auto). */
  labelStats?: LabelStats
}

/** Reads the command's output for loss values as it streams: built-in readers, or loss-pattern. */
export function lossOutputReader(
  config: Pick<LossSettings, 'lossPattern' | 'lossKey'>
): OutputMetricsReader {
  const pattern = config.lossPattern ? compileLossPattern(config.lossPattern) : undefined
  return new OutputMetricsReader(pattern, { lossKey: config.lossKey })
}

/** File timestamps can be a little coarse: a log written during the run is newer than this. */
const MTIME_SLACK_MS = 2000

/**
 * Where a run's loss is: `loss-file` when set; else $ML_SMOKE_METRICS, $ML_SMOKE_OUTPUT_DIR, the usual
 * log folders of the working directory (files written since training started) and the command output.
 */
export async function runLossSources(
  config: Pick<Config, 'lossFile' | 'workingDirectory'>,
  folders: RunFolders,
  output: OutputMetricsReader,
  trainingStartedAt: number
): Promise<LossSources> {
  const inWorkingDirectory = (file: string): string => displayPath(config.workingDirectory, file)
  if (config.lossFile) {
    const label = inWorkingDirectory(config.lossFile)
    return {
      places: [
        {
          path: config.lossFile,
          label: inWorkingDirectory,
          whenMissing: `loss-file ${label} was not written by the training command`
        }
      ],
      searched: [label]
    }
  }
  const since = trainingStartedAt - MTIME_SLACK_MS
  const inOutput = (file: string): string =>
    ['$ML_SMOKE_OUTPUT_DIR', path.relative(folders.outputDirectory, file)].filter(Boolean).join('/')
  const sources: LossSources = {
    places: [
      { path: folders.metricsFile, label: () => '$ML_SMOKE_METRICS' },
      { path: folders.outputDirectory, label: inOutput, since }
    ],
    output,
    searched: [COMMAND_OUTPUT, '$ML_SMOKE_METRICS', '$ML_SMOKE_OUTPUT_DIR']
  }
  for (const folder of USUAL_LOG_FOLDERS) {
    const target = path.join(config.workingDirectory, folder)
    if (!(await exists(target))) continue
    sources.places.push({ path: target, label: inWorkingDirectory, since })
    sources.searched.push(`${inWorkingDirectory(target)}/`)
  }
  return sources
}

/** Finds every metric series in `sources`, chooses the training loss and judges it. */
export async function judgeLossIn(config: LossSettings, sources: LossSources): Promise<LossResult> {
  const found = emptyFound()
  const reading = {
    pattern: config.lossPattern ? compileLossPattern(config.lossPattern) : undefined,
    lossKey: config.lossKey
  }
  for (const place of sources.places)
    await findSeries(place.path, place.label, found, place.since, reading)
  // Files first: on a tie they win over numbers rounded for a progress bar.
  const series = [...found.series, ...(sources.output?.series() ?? [])]
  const choice = chooseLossSeries(series, config.lossKey)
  const chosen = choice.chosen?.series
  const hints = joinHints(sources.output?.hints, found.hints)
  const loss = judgeLoss(
    choice,
    {
      minDrop: config.minLossDrop ?? DEFAULT_MIN_DROP,
      minDropSet: config.minLossDrop !== undefined,
      window: config.lossWindow,
      maxFinalLoss: config.maxFinalLoss,
      baseline: chosen
        ? resolveBaseline(
            config.baselineLoss,
            chosen.key,
            sources.labelStats,
            evidenceOf(chosen, hints)
          )
        : undefined,
      allowUnparsedLoss: config.allowUnparsedLoss
    },
    hints,
    sources.searched,
    found.warnings
  )
  if (found.files.length === 0) {
    for (const place of sources.places)
      if (place.whenMissing && !(await exists(place.path))) loss.reason = place.whenMissing
  }
  return loss
}

/** XGBoost's (`validation_0-logloss`) and LightGBM's (`valid_0's binary_logloss`) names for eval_set entries. */
const SKLEARN_API_SETS = /^(?:validation_\d+-|valid_\d+'s )/
const SKLEARN_API_TIP =
  ". XGBoost's and LightGBM's scikit-learn API call every eval_set entry validation_N (valid_N), the training set too: pass the training set first to have its loss judged here"

/**
 * Judges the training loss: passes when it fell. An inconclusive one passes with on-inconclusive: warn, and
 * goes on when the held-out rows settle it.
 */
export async function lossStage(
  context: { config: LossSettings; ports: { logger: Logger } },
  sources: LossSources & { heldOutRows?: HeldOutRows }
): Promise<StageVerdict<{ loss: LossResult }>> {
  const { config, ports } = context
  const loss = await judgeLossIn(config, sources)
  for (const warning of loss.warnings) ports.logger.warning(warning)
  if (loss.usedValidation && loss.series) {
    ports.logger.warning(
      `no training loss was found; judging the validation loss "${loss.series.key}" from ${loss.series.source} instead${SKLEARN_API_SETS.test(loss.series.key) ? SKLEARN_API_TIP : ''}`
    )
  }
  const data = { loss }
  if (loss.verdict === 'pass') return { status: 'passed', message: loss.reason, data }
  if (loss.verdict === 'fail') return { status: 'failed', message: loss.reason, data }
  if (config.onInconclusive === 'warn') {
    ports.logger.warning(`loss check inconclusive: ${loss.reason}`)
    return {
      status: 'passed',
      message: `inconclusive, passed because on-inconclusive is warn: ${loss.reason}`,
      data
    }
  }
  if (sources.heldOutRows === 'settles')
    return {
      status: 'passed',
      message: `inconclusive, left to the held-out rows of the Model API stage: ${loss.reason}`,
      data
    }
  const tip =
    sources.heldOutRows === 'absent'
      ? '. A predict-command that answers held-out rows would settle it: the run passes if the model beats the trivial predictor on them'
      : ''
  return { status: 'inconclusive', message: `${loss.reason}${tip}`, data }
}
