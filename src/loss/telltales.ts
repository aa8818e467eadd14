import { SPACY_SCORE } from './console-tables.js'
import { describeSource, type MetricSeries } from './series.js'
import { formatP, formatValue } from './shapes.js'
import { mannKendall } from './trend.js'

/**
 * Past this magnitude a loss is no loss any model learns under: a sum of squared errors on prices in cents
 * over a batch stays below it, while scikit-learn SGD on features not scaled ends at 1e26-1e27 and a
 * TensorFlow loop with labels and logits swapped at -3e17 (fourth survey of public logs, 08).
 */
export const LOSS_MAGNITUDE_LIMIT = 1e15
const LIMIT_TEXT = '1e15'

/**
 * A box-regression loss of a detector: `loss_bbox`, `loss_rpn_reg`, `loss_box_reg`, `train/box_loss`. Not a
 * plain `reg_loss`: a regularisation term is 0 throughout when there is none.
 */
const BOX_LOSS = /box|rpn_?reg/i
/** Evaluations after the first whose spaCy SCORE of 0 says the pipeline learned nothing its scorer counts. */
const SPACY_ZERO_SCORES = 2
/**
 * The least rise of spaCy's SCORE (0 to 1) from its first evaluation, the untrained pipeline's, to its last that
 * shows learning: the survey's runs that learned were 0.5-0.8 above it at their second evaluation, while a rise
 * of a point or two on a small dev set can be one more entity found by chance.
 */
export const SPACY_SCORE_RISE = 0.05

/**
 * Why the chosen loss shows the run learned nothing whatever its trend, or undefined: a final value beyond
 * LOSS_MAGNITUDE_LIMIT, or a detector's box-regression loss printed beside it that is exactly 0 at every
 * point (no anchor or proposal matched a ground-truth box: the classification loss then falls to 0 on
 * background alone, as in mmdetection, PaddleDetection and Caffe DetectNet runs with misread annotations), or
 * spaCy's dev score exactly 0 at every evaluation after the first (its NER loss falls on "no entity" alone).
 */
export function telltaleFailure(
  series: MetricSeries,
  trainingOthers: MetricSeries[]
): string | undefined {
  const last = series.points.at(-1)?.value
  if (last !== undefined && Math.abs(last) > LOSS_MAGNITUDE_LIMIT)
    return `final loss ${last.toPrecision(4)} is beyond ±${LIMIT_TEXT}: no model learns under a loss there (features not scaled, too high a learning rate, or an objective with no minimum, such as labels and logits swapped)`
  const box = [series, ...trainingOthers].find(
    other =>
      other.source === series.source &&
      /loss/i.test(other.key) &&
      BOX_LOSS.test(other.key) &&
      other.points.length >= 3 &&
      other.points.every(point => point.value === 0)
  )
  if (box)
    return `the box-regression loss "${box.key}" is exactly 0 at all ${box.points.length} points of ${box.source}: no anchor or proposal matched a ground-truth box, so the detector learned no boxes (annotations empty or misread: category ids, box format, image size)`
  const scores = spacyScores(series, trainingOthers)?.slice(1)
  if (scores && scores.length >= SPACY_ZERO_SCORES && scores.every(point => point.value === 0))
    return `spaCy's dev-set score (SCORE) is 0 at all ${scores.length} evaluations after the first in ${describeSource(series.source)}: the pipeline predicts nothing its scorer counts, whatever its loss did (annotations misaligned with the tokens, labels the dev set does not use, or no learning)`
  return undefined
}

/**
 * Why spaCy's dev-set score shows the pipeline learned, or undefined: it rose by the trend test at
 * `significance` and by SPACY_SCORE_RISE. Asked where the loss cannot tell (spaCy's batches grow, and its loss
 * per step with them): a score on the dev set, which the pipeline never trained on, is the stronger evidence.
 */
export function devScoreRose(
  series: MetricSeries,
  trainingOthers: MetricSeries[],
  significance: number
): string | undefined {
  const scores = spacyScores(series, trainingOthers)?.map(point => point.value)
  if (!scores || scores.length < 2) return undefined
  const first = scores[0]
  const last = scores.at(-1)!
  const trend = mannKendall(scores)
  if (trend.pRise >= significance || last - first < SPACY_SCORE_RISE) return undefined
  return `spaCy's dev-set score (SCORE) rose from ${formatValue(first)} to ${formatValue(last)} over ${scores.length} evaluations in ${describeSource(series.source)} (Mann–Kendall τ = ${formatValue(trend.tau)}, p = ${formatP(trend.pRise)}): the pipeline learned what its scorer counts`
}

/** spaCy's SCORE column printed in the same table as the loss. */
function spacyScores(series: MetricSeries, trainingOthers: MetricSeries[]) {
  return trainingOthers.find(other => other.key === SPACY_SCORE && other.source === series.source)
    ?.points
}
