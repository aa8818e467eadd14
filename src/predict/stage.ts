// The model API stage's front door: held-out rows through the user's own predict code or model server,
// the answers checked like data, scored against the trivial predictor, and timed.
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import type { Config, PredictSettings } from '../config.js'
import { loadTableSchema, type TableSchema } from '../data/schema.js'
import { displayPath } from '../file-info.js'
import type { Ports } from '../ports/types.js'
import type { CandidateFile, SubsetResult } from '../sample/types.js'
import type { HeldOutRows, RunFolders } from '../stage.js'
import { answerSchemaOf, type AnswerSchema } from './answer-schema.js'
import { checkAnswers, type AnswerCheck } from './check.js'
import { predictByCommand, type Collected } from './command.js'
import { drawHeldOut, writePredictInput, type HeldOut } from './heldout.js'
import { predictByServer } from './server.js'
import { scorePredictions } from './score.js'
import type { PredictReport } from './types.js'
import { predictVerdict, settleOpenLoss, type PredictResult } from './verdict.js'

/** What the stage reads: its options, the ports a command needs, the run's folders. */
export interface PredictContext {
  config: PredictSettings
  ports: Pick<Ports, 'runner' | 'logger' | 'clock' | 'env' | 'worker'>
  folders: RunFolders
}

/** Rows shown in the summary as input → prediction → label. */
const EXAMPLES = 5

/** Options that cannot go together, or need what is missing: a usage error before anything runs. */
function usageProblem(config: PredictSettings, labelColumn: string | undefined): string | null {
  if (config.predictCommand && config.serveCommand)
    return 'set predict-command or serve-command, not both: one answers from a file, the other over HTTP'
  if (config.maxPredictP95Ms !== undefined && !config.serveCommand)
    return 'max-predict-p95-ms needs serve-command: a predict-command answers every row in one run, so no per-row time is known'
  if (typeof config.minPredictScore === 'number' && labelColumn === undefined)
    return 'min-predict-score needs the label: set label-column (or mlChecks.label.column in the schema)'
  return null
}

/** Asks the model: by predict-command on a written file, or row by row over HTTP. */
async function collect(
  context: PredictContext,
  subset: SubsetResult,
  heldOut: HeldOut,
  spec: AnswerSchema,
  table: TableSchema
): Promise<Collected & Partial<Pick<PredictReport, 'url' | 'inputPath' | 'answersFrom'>>> {
  const { config, folders } = context
  const commands = {
    ...context,
    subset,
    config: { ...config, timeoutMinutes: config.predictTimeoutMinutes }
  }
  if (config.serveCommand)
    return predictByServer(commands, config.serveCommand, heldOut.rows, spec.prediction)
  const folder = path.join(folders.root, 'predict')
  await rm(folder, { recursive: true, force: true })
  await mkdir(folder, { recursive: true })
  const input = path.join(folder, `input.${config.predictFormat}`)
  await writePredictInput(input, config.predictFormat, heldOut, {
    source: heldOut.source,
    table
  })
  const files = {
    input,
    output: path.join(folder, 'output.jsonl'),
    format: config.predictFormat,
    rows: heldOut.rows.length
  }
  const collected = await predictByCommand(
    commands,
    config.predictCommand!,
    files,
    config.predictTimeoutMinutes
  )
  return { ...collected, inputPath: input }
}

function report(
  config: PredictSettings,
  heldOut: HeldOut,
  collected: Awaited<ReturnType<typeof collect>>,
  check: AnswerCheck,
  spec: AnswerSchema
): PredictReport {
  const server = config.serveCommand !== undefined
  const labels = heldOut.labels
  return {
    mode: server ? 'server' : 'command',
    command: (config.serveCommand ?? config.predictCommand)!,
    ...(server ? { url: collected.url, request: config.predictRequest } : {}),
    ...(collected.inputPath ? { inputPath: collected.inputPath } : {}),
    ...(collected.answersFrom ? { answersFrom: collected.answersFrom } : {}),
    rows: heldOut.rows.length,
    heldOutRows: heldOut.available,
    labelColumn: spec.label?.column,
    answers: collected.answers.answers.length + collected.answers.dropped,
    violationCount: check.violationCount,
    violations: check.violations,
    countsByCode: check.countsByCode,
    score:
      spec.label && labels
        ? scorePredictions(
            spec.label.kind,
            labels,
            check.byRow.map(row => row.prediction)
          )
        : undefined,
    latency: collected.latency,
    examples: heldOut.rows.slice(0, EXAMPLES).map((input, index) => ({
      row: index + 1,
      input,
      answer: check.byRow[index]?.answer,
      prediction: check.byRow[index]?.answer?.[spec.prediction],
      label: labels?.[index]
    })),
    ...(collected.tail ? { tail: collected.tail } : {})
  }
}

/**
 * The model API: draws predict-rows rows the subset did not take, sends them without their label to
 * predict-command or serve-command's server, checks every answer against the schema's `predictions`
 * (or the default the label implies), scores them against the trivial predictor and times them.
 * Skipped when neither command is set.
 */
export async function predictStage(
  context: PredictContext,
  inputs: {
    subset: SubsetResult
    labelColumn?: string
    drawn?: CandidateFile
    /** The reason of an inconclusive loss check left to this stage (heldOutRowsFor). */
    openLoss?: string
  }
): Promise<PredictResult> {
  const { config } = context
  if (!config.predictCommand && !config.serveCommand)
    return { status: 'skipped', message: 'no predict-command or serve-command', data: {} }
  const labelColumn = config.labelColumn ?? inputs.labelColumn
  const usage = usageProblem(config, labelColumn)
  if (usage) return { status: 'error', message: usage }
  const schemaLabel = displayPath(config.cwd, config.schema)
  const table = await loadTableSchema(config.schema, config.workspace)
  const spec = answerSchemaOf(table, labelColumn, schemaLabel)
  const heldOut = await drawHeldOut(
    config,
    inputs.subset,
    table,
    spec,
    schemaLabel,
    context.ports.worker,
    inputs.drawn
  )
  if (!heldOut.rows.length)
    return {
      status: 'error',
      message: `no rows left to predict: the subset took every one of the ${inputs.subset.rows} rows; lower sample-rows so some rows stay unseen`
    }
  const collected = await collect(context, inputs.subset, heldOut, spec, table)
  const check = await checkAnswers(
    collected.answers.answers,
    collected.answers,
    heldOut.rows,
    spec,
    schemaLabel
  )
  const predict = report(config, heldOut, collected, check, spec)
  const verdict = predictVerdict(predict, collected, config)
  return inputs.openLoss === undefined ? verdict : settleOpenLoss(verdict, inputs.openLoss)
}

/**
 * What this stage will do for an inconclusive loss check: `settles` it when it scores held-out rows against
 * chance (a predict or serve command, a label, min-predict-score not off) and on-inconclusive is not warn
 * (which passes such a run anyway); `absent` without a predict or serve command; else `unscored`.
 */
export function heldOutRowsFor(
  config: Pick<Config, 'predictCommand' | 'serveCommand' | 'minPredictScore' | 'onInconclusive'>,
  labelColumn: string | undefined
): HeldOutRows {
  if (!config.predictCommand && !config.serveCommand) return 'absent'
  const scored = labelColumn !== undefined && config.minPredictScore !== 'off'
  return scored && config.onInconclusive !== 'warn' ? 'settles' : 'unscored'
}
