import type { MetricSeries } from './series.js'

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

/**
 * Why the chosen loss shows the run learned nothing whatever its trend, or undefined: a final value beyond
 * LOSS_MAGNITUDE_LIMIT, or a detector's box-regression loss printed beside it that is exactly 0 at every
 * point (no anchor or proposal matched a ground-truth box: the classification loss then falls to 0 on
 * background alone, as in mmdetection, PaddleDetection and Caffe DetectNet runs with misread annotations).
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
  return undefined
}
