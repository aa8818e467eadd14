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

/** torch's warning that an elementwise loss (MSE, L1, smooth L1, Huber) got a target of another shape. */
const TARGET_SIZE_WARNING =
  /Using a target size \(torch\.Size\(\[(?<target>[\d, ]{0,80})\]\)\) that is different to the input size \(torch\.Size\(\[(?<input>[\d, ]{0,80})\]\)\)/

/** A loss whose target broadcast against its input across rows, as torch warned, and the warning's line. */
export interface BroadcastLoss {
  line: number
  target: number[]
  input: number[]
  broadcast: number[]
}

/**
 * torch's target-size warning on a line, when the two shapes broadcast to more elements than either holds:
 * outputs of shape [8, 1] against targets of shape [8] make [8, 8], every output against every row's label,
 * and the loss is least at the label's mean whatever the features say. A batch of one row ([1] against [1, 1])
 * broadcasts to no more and is left alone.
 */
export function broadcastLossIn(line: string, lineNumber: number): BroadcastLoss | undefined {
  const groups = TARGET_SIZE_WARNING.exec(line)?.groups
  if (!groups) return undefined
  const dims = (text: string): number[] =>
    text.split(',').flatMap(dim => (dim.trim() === '' ? [] : [Number(dim)]))
  const target = dims(groups.target)
  const input = dims(groups.input)
  const rank = Math.max(target.length, input.length)
  const broadcast: number[] = []
  for (let i = 1; i <= rank; i++) {
    const [a, b] = [target.at(-i) ?? 1, input.at(-i) ?? 1]
    if (a !== b && a !== 1 && b !== 1) return undefined
    broadcast.unshift(Math.max(a, b))
  }
  const size = (shape: number[]): number => shape.reduce((product, dim) => product * dim, 1)
  if (size(broadcast) <= Math.max(size(target), size(input))) return undefined
  return { line: lineNumber, target, input, broadcast }
}

/** Why a broadcast loss (broadcastLossIn) shows the run learned only the label's mean. */
function broadcastFailure(broadcast: BroadcastLoss): string {
  const shape = (dims: number[]): string => `[${dims.join(', ')}]`
  return `torch warned at line ${broadcast.line} that the loss's target, of shape ${shape(broadcast.target)}, differs from its input, of shape ${shape(broadcast.input)}: they broadcast to ${shape(broadcast.broadcast)}, every output against every row's label, so the loss is least when each output is the label's mean and the model learns nothing of the features, whatever the loss did. Give both one shape (output.squeeze(-1), or target.view(-1, 1))`
}

/**
 * Why the chosen loss shows the run learned nothing whatever its trend, or undefined: a final value beyond
 * LOSS_MAGNITUDE_LIMIT, or a detector's box-regression loss printed beside it that is exactly 0 at every
 * point (no anchor or proposal matched a ground-truth box: the classification loss then falls to 0 on
 * background alone, as in mmdetection, PaddleDetection and Caffe DetectNet runs with misread annotations), or
 * spaCy's dev score exactly 0 at every evaluation after the first (its NER loss falls on "no entity" alone);
 * or torch's warning that the loss's target broadcast against its input across rows (broadcastLossIn).
 */
export function telltaleFailure(
  series: MetricSeries,
  trainingOthers: MetricSeries[],
  broadcast?: BroadcastLoss
): string | undefined {
  if (broadcast) return broadcastFailure(broadcast)
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
