import type { Candidate } from './choose.js'
import type { ScoreChance } from './baseline.js'
import { lossName, normaliseKey, VALIDATION_TOKENS } from './loss-keys.js'
import { SKLEARN_VALIDATION_SCORE, where, type LossPoint, type MetricSeries } from './series.js'
import { formatValue as format } from './shapes.js'
import { percent } from '../words.js'

/**
 * A validation loss's least value at this share of the chance level or above, with its last value at the chance
 * level or above, is a model that never beat chance on rows it did not train on. Below 1: the validation rows'
 * classes are a sample of the label's, so a model that learned nothing can score a little under the label's
 * chance level by luck (skorch on random labels: 0.6783 against 0.688 at its first epoch,
 * fixtures/framework-logs/skorch-random-labels.txt). In the 433 runs that learned and printed a validation loss
 * (skorch in fixtures/loss-corpus's two sets and five sweeps; torch and XGBoost in the independent corpus), its
 * least was at most 0.86 of the chance level and its last below it.
 */
export const HELD_OUT_FLOOR = 0.95

/**
 * How far above the chance level a validation loss's least value may sit and still be taken for the same loss on
 * the same scale as the training loss. Above it the validation loss may be summed over its batches rather than
 * averaged (`val_loss += loss.item()`), and then its values say nothing against the chance level. The runs of the
 * independent corpus that this rule fails had their least at 0.97–1.44 times the chance level.
 */
export const HELD_OUT_SCALE = 1.5

/** A validation loss as the held-out rules weigh it: its least and last values, and how many it had. */
export interface ValidationLoss {
  series: MetricSeries
  least: LossPoint
  last: LossPoint
  evaluations: number
}

/**
 * A key's loss without its split, its grain and its averaging: `train_loss_epoch`, `val_loss`, `Avg loss` and
 * `loss` are one loss.
 */
const sameLoss = (key: string): string =>
  lossName(key)
    .replace(/_(?:step|epoch|batch)$/, '')
    .replace(/^(?:avg|average|mean)_/, '')

const SPLIT_FOLDER = /^(?:train(?:ing)?|val(?:id(?:ation)?)?|eval(?:uation)?|test)$/i

/**
 * The run a series was written by, where one run writes several files: an MLflow run's folder (a file per
 * metric), a DVCLive folder (a TSV per metric), a TensorBoard log folder whose `train/` and `validation/` hold
 * one event file each (Keras's TensorBoard callback). Else the file (or the command output) itself.
 */
function runOf(series: MetricSeries): string {
  const parts = series.source.split(/[\\/]/)
  const within = (folder: string): string => parts.slice(0, parts.lastIndexOf(folder)).join('/')
  if (series.format === 'mlflow') return within('metrics')
  if (series.format === 'dvclive') return within('plots')
  if (series.format !== 'tensorboard') return series.source
  const folders = parts.slice(0, -1)
  if (SPLIT_FOLDER.test(folders.at(-1) ?? '')) folders.pop()
  return folders.join('/')
}

/** The series beside `training`, written by its run, with a finite value, that `fits`. */
function ofRun(training: MetricSeries, others: Candidate[], fits: (other: Candidate) => boolean) {
  const run = runOf(training)
  return others.filter(other => other.finite >= 1 && runOf(other.series) === run && fits(other))
}

const finitePoints = (series: MetricSeries): LossPoint[] =>
  series.points.filter(point => Number.isFinite(point.value))

/**
 * Whether `evaluation` was written after the last point of `training`, or with it: by line in one file, by step
 * across the files of one run.
 */
function afterTraining(
  evaluation: LossPoint,
  training: MetricSeries,
  other: MetricSeries
): boolean {
  const end = training.points.at(-1)!
  return other.source === training.source
    ? evaluation.line >= end.line
    : evaluation.step >= end.step
}

/**
 * The validation loss written beside `training` (the same loss, by the same run): its least and last values,
 * when its last was written with or after the last training loss. One written only before it may be the
 * model's before it trained (eval_on_start).
 */
function validationLoss(training: MetricSeries, others: Candidate[]): ValidationLoss | undefined {
  const validation = ofRun(
    training,
    others,
    other => other.role === 'validation' && sameLoss(other.series.key) === sameLoss(training.key)
  ).sort((a, b) => a.rank - b.rank || b.finite - a.finite)[0]
  if (!validation) return undefined
  const finite = finitePoints(validation.series)
  const least = finite.reduce((low, point) => (point.value < low.value ? point : low))
  const last = finite.at(-1)!
  if (!afterTraining(last, training, validation.series)) return undefined
  return { series: validation.series, least, last, evaluations: finite.length }
}

/**
 * The validation loss beside `training` when it never went below HELD_OUT_FLOOR of `chance` and its last value,
 * written with or after the last training loss, is at `chance` or above: a model that learned beats chance on
 * rows it did not train on; one that learned its training rows by heart (labels shuffled from their rows, or
 * features that do not predict them) does not, however far its training loss fell.
 */
export function heldOutAtChance(
  training: MetricSeries,
  others: Candidate[],
  chance: number
): ValidationLoss | undefined {
  const validation = validationLoss(training, others)
  if (!validation || validation.last.value < chance) return undefined
  const least = validation.least.value
  if (least < HELD_OUT_FLOOR * chance || least > HELD_OUT_SCALE * chance) return undefined
  return validation
}

/**
 * The least value of the validation loss beside `training` when it beat `chance` beyond luck (below
 * HELD_OUT_FLOOR of it) and the loss was written after training too: the model beat chance on rows it did not
 * train on, which a model that learned its training rows by heart does not.
 */
export function heldOutLossBeatChance(
  training: MetricSeries,
  others: Candidate[],
  chance: number
): LossPoint | undefined {
  const validation = validationLoss(training, others)
  return validation && validation.least.value < HELD_OUT_FLOOR * chance
    ? validation.least
    : undefined
}

/** Why a run whose validation loss stayed at the chance level fails. */
export function atChanceReason(
  miss: ValidationLoss,
  chance: { value: number; description: string },
  training: string
): string {
  const { series, least, last, evaluations } = miss
  const share = (point: LossPoint): string =>
    `${format(point.value)} (${percent(point.value / chance.value)} of it), at ${where(point, series)}`
  const values =
    evaluations === 1
      ? `its one evaluation, after training, was ${share(last)}`
      : `in ${evaluations} evaluations its least was ${share(least)}, and its last ${format(last.value)}`
  return `the validation loss "${series.key}" stayed at the chance level: ${values}, against ${chance.description}. A model that learned beats chance on rows it did not train on; this one did not (labels shuffled from their rows, features that do not predict them, or training rows learned by heart); a run too short to generalise looks the same: give it more steps, or set baseline-loss to off. The training loss ${training}`
}

/** A held-out score that never beat chance: its best and last values, and how many it had. */
export interface ScoreMiss {
  series: MetricSeries
  best: LossPoint
  last: LossPoint
  evaluations: number
}

/**
 * A held-out accuracy's key: a split of held-out rows and `acc` or `accuracy` alone (`val_acc`,
 * `eval_accuracy`, `Test Accuracy`), or scikit-learn's MLP `Validation score`, which is a regressor's R² too.
 */
function heldOutScore(key: string, score: ScoreChance['score']): boolean {
  if (key === SKLEARN_VALIDATION_SCORE) return true
  const tokens = normaliseKey(key).split('_')
  return (
    score === 'accuracy' &&
    tokens.length === 2 &&
    VALIDATION_TOKENS.has(tokens[0]) &&
    (tokens[1] === 'acc' || tokens[1] === 'accuracy')
  )
}

/**
 * The held-out score of the training loss's run (higher is better): its first, best and last values as shares
 * (an accuracy printed in percent, a value past 1, is read as one), when its last was written with or after the
 * last training loss: scores written only before training ended may be the untrained model's.
 */
function heldOutScores(
  training: MetricSeries,
  others: Candidate[],
  chance: ScoreChance
): (ScoreMiss & { first: LossPoint }) | undefined {
  const series = ofRun(training, others, other =>
    heldOutScore(other.series.key, chance.score)
  ).sort((a, b) => b.finite - a.finite)[0]?.series
  if (!series) return undefined
  const finite = finitePoints(series)
  const percent = chance.score === 'accuracy' && finite.some(point => point.value > 1)
  const points = percent ? finite.map(point => ({ ...point, value: point.value / 100 })) : finite
  const last = points.at(-1)!
  if (!afterTraining(last, training, series)) return undefined
  const best = points.reduce((high, point) => (point.value > high.value ? point : high))
  return { series, first: points[0], best, last, evaluations: points.length }
}

/**
 * A held-out score of the training loss's run when neither its best nor its last value beat `chance`: the best
 * model it saw does no better than the majority class (or, for a regressor, the mean) on rows it did not train
 * on.
 */
export function heldOutScoreAtChance(
  training: MetricSeries,
  others: Candidate[],
  chance: ScoreChance
): ScoreMiss | undefined {
  const scores = heldOutScores(training, others, chance)
  if (!scores || scores.best.value > chance.value || scores.last.value > chance.value)
    return undefined
  return scores
}

/**
 * How far from chance toward a perfect score (1) a held-out score must end to credit a fall the training loss
 * could not show (HeldOutCredit): halfway. A model that learned nothing scores the majority class's share on
 * rows it did not train on, give or take their sampling: halfway above a majority of 0.5, 0.75, is 3.5
 * standard deviations above it on 50 rows.
 */
export const HELD_OUT_CREDIT = 0.5

/** A held-out score that ended past HELD_OUT_CREDIT: its first and last values, and how many it had. */
export interface HeldOutCredit {
  series: MetricSeries
  first: LossPoint
  last: LossPoint
  evaluations: number
  /** The score it had to reach. */
  bar: number
}

/** The held-out score of the training loss's run when its last value ended past HELD_OUT_CREDIT. */
export function heldOutScoreBeatsChance(
  training: MetricSeries,
  others: Candidate[],
  chance: ScoreChance
): HeldOutCredit | undefined {
  const scores = heldOutScores(training, others, chance)
  const bar = chance.value + HELD_OUT_CREDIT * (1 - chance.value)
  return scores && scores.last.value >= bar ? { ...scores, bar } : undefined
}

/** A held-out score's name in a reason. */
const scoreName = (series: MetricSeries): string =>
  series.key === SKLEARN_VALIDATION_SCORE
    ? "scikit-learn's validation score (early_stopping=True: its accuracy, or R², on the rows it holds out)"
    : `the held-out accuracy "${series.key}"`

/** Why a run whose held-out score never beat chance fails. */
export function scoreAtChanceReason(
  miss: ScoreMiss,
  chance: { description: string },
  training: string
): string {
  const { series, best, last, evaluations } = miss
  return `${scoreName(series)} never beat chance: in ${evaluations} evaluations its best was ${format(best.value)}, at ${where(best, series)}, and its last ${format(last.value)}, against ${chance.description}. A model that learned beats chance on rows it did not train on; this one did not (labels shuffled from their rows, features that do not predict them, or training rows learned by heart); a run too short to generalise looks the same: give it more steps, or set baseline-loss to off. The training loss ${training}`
}

/**
 * Why a run the training loss left inconclusive, or failed for climbing back, passes on its held-out score;
 * `moved` says how training moved the model there, `training` what the training loss said.
 */
export function scoreBeatsChanceReason(
  credit: HeldOutCredit,
  chance: { description: string },
  moved: string,
  training: string
): string {
  const { series, last, bar } = credit
  return `${scoreName(series)} ended at ${format(last.value)}, at ${where(last, series)}, past ${format(bar)}, halfway from ${chance.description} to a perfect score, and ${moved}: a model that learned nothing scores near chance on rows it did not train on. The training loss alone ${training}`
}
