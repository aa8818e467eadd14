import type { PredictSettings } from '../config.js'
import { plural } from '../words.js'
import type { Collected } from './command.js'
import { floorFailure, pValue, round, scoreWords } from './score.js'
import type { StageResult } from '../stage.js'
import type { AnswerViolation, PredictReport } from './types.js'

/** The stage's result: its report whatever the verdict, none when it was skipped. */
export type PredictResult = StageResult<{ predict?: PredictReport }>

/** Where an answer's defect is, and the row it answers: "line 3 of the output (row 3)", "row 5". */
export function answerPlace(
  violation: AnswerViolation,
  answersFrom: PredictReport['answersFrom']
): string {
  const where = answerPosition(violation, answersFrom)
  return where.startsWith('row ') ? where : `${where} (row ${violation.rowNumber})`
}

/** Where an answer's defect is: "line 3 of the output", "stdout line 7", "request 4", "row 5". */
export function answerPosition(
  violation: AnswerViolation,
  answersFrom: PredictReport['answersFrom']
): string {
  if (violation.request !== undefined) return `request ${violation.request}`
  if (violation.line !== undefined)
    return answersFrom === 'stdout'
      ? `stdout line ${violation.line}`
      : `line ${violation.line} of the output`
  return `row ${violation.rowNumber}`
}

function scoreShort(predict: PredictReport): string {
  const score = predict.score
  if (!score)
    return predict.labelColumn
      ? 'not scored: no row had a label and a usable answer'
      : 'not scored: no label column'
  const metric = score.kind === 'classes' ? 'accuracy' : 'R²'
  const test = score.test
    ? ` (p = ${pValue(score.test.p)})`
    : score.kind === 'classes'
      ? ' (not tested: every held-out row has the same label)'
      : ' (not tested: every held-out label is the same)'
  return `${metric} ${round(score.score)} against ${round(score.baseline)} for the trivial predictor${test}`
}

function latencyShort(predict: PredictReport): string {
  const latency = predict.latency
  if (latency?.p95Ms !== undefined) return `; p95 ${Math.round(latency.p95Ms)} ms a row`
  return latency ? `; ${(latency.totalMs / 1000).toFixed(1)} s in all` : ''
}

function noAnswers(predict: PredictReport): string {
  return predict.mode === 'command'
    ? `predict-command wrote no answers: no file at $ML_SMOKE_PREDICT_OUTPUT and no JSON lines on stdout (one object per row, e.g. {"prediction": 1}, in the order of $ML_SMOKE_PREDICT_INPUT)`
    : 'the server answered none of the rows'
}

/**
 * The stage's verdict, most basic failure first: the command or server failed, it answered nothing,
 * an answer breaks the schema, the model does not beat the trivial predictor, it is too slow.
 */
export function predictVerdict(
  predict: PredictReport,
  collected: Pick<Collected, 'failure' | 'tail'>,
  config: Pick<PredictSettings, 'minPredictScore' | 'maxPredictP95Ms'>
): PredictResult {
  const data = { predict }
  const failed = (message: string): PredictResult => ({
    status: 'failed',
    message,
    data,
    ...(collected.tail?.length ? { tail: collected.tail } : {})
  })
  if (collected.failure) return failed(collected.failure)
  if (predict.answers === 0) return failed(noAnswers(predict))
  if (predict.violationCount) {
    const first = predict.violations[0]
    const where = answerPosition(first, predict.answersFrom)
    return failed(
      `${plural(predict.violationCount, 'violation')} in the model's answers (first, ${where}: ${first.message})`
    )
  }
  const floor = predict.score && floorFailure(predict.score, config.minPredictScore)
  if (floor) return failed(floor)
  const p95 = predict.latency?.p95Ms
  if (config.maxPredictP95Ms !== undefined && p95 !== undefined && p95 > config.maxPredictP95Ms)
    return failed(
      `the server took ${Math.round(p95)} ms a row at the 95th percentile, over max-predict-p95-ms ${config.maxPredictP95Ms}`
    )
  const message = `${predict.rows} held-out rows answered in the declared shape; ${scoreShort(predict)}${latencyShort(predict)}`
  return { status: 'passed', message, data }
}

/**
 * The stage's result when the loss check was inconclusive and left to it (`openLoss`, its reason): a pass
 * needs the held-out rows to beat the trivial predictor at the test's level. Without that test (one label on
 * every held-out row, no row scored) the run is inconclusive, as the loss check was.
 */
export function settleOpenLoss(result: PredictResult, openLoss: string): PredictResult {
  if (result.status !== 'passed') return result
  const predict = result.data.predict
  const score = predict?.score
  const test = score?.test
  if (test && test.p < test.significance)
    return {
      ...result,
      message: `${result.message}; this settles the loss check, which was inconclusive`
    }
  const why = score?.test
    ? scoreWords(score)
    : predict
      ? scoreShort(predict)
      : 'no held-out rows were scored'
  return {
    status: 'inconclusive',
    message: `the held-out rows do not settle the inconclusive loss check: ${why}. The loss check: ${openLoss}`,
    data: result.data
  }
}
