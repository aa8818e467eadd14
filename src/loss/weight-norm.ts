import { percent } from '../words.js'
import type { MetricSeries } from './series.js'
import { formatP, formatValue as format } from './shapes.js'
import { mean, riseOnceAddedBack, runStarts, seasonalMannKendall, windowOf } from './trend.js'

/** The key scikit-learn's SGD prints its weights' norm under, on each epoch's `Avg. loss` line. */
export const SGD_NORM_KEY = 'Norm'

/**
 * scikit-learn SGD's weight norm at each point of `series`: the `Norm` printed on the same line of the same
 * source. Undefined unless every point has one, above zero.
 */
export function weightNorms(series: MetricSeries, others: MetricSeries[]): number[] | undefined {
  const norm = others.find(
    other =>
      other.key === SGD_NORM_KEY && other.source === series.source && other.format === series.format
  )
  if (!norm || norm.points.length !== series.points.length) return undefined
  const byLine = new Map(norm.points.map(point => [point.line, point.value]))
  const norms = series.points.map(point => byLine.get(point.line) ?? NaN)
  return norms.every(value => value > 0 && Number.isFinite(value)) ? norms : undefined
}

/**
 * A linear model's margin loss (hinge, modified Huber, log loss) on the rows it gets wrong grows with its
 * weights, so a model that classifies well can end far above every chance level when its weights are large:
 * SGDClassifier(loss='modified_huber') at 97 % accuracy prints 9-15 with a norm of 300-450. Its loss ÷ norm,
 * about its error rate times the typical margin per unit of weight, stays low. Of the runs that end past
 * ABSURD_SCALE, those that learned end at most 0.074 of the chance level per unit of norm in fixtures/loss-corpus
 * (0.107 in a sweep of 90 more seeds), those on features with no signal at least 0.47 (0.45). An independent
 * sweep's log-loss SGD that learned modestly (0.72-0.78 of the prior's entropy) ended at 0.21 and 0.27 of it:
 * 0.3, not 0.2 (bench/loss-corpus.ts gives the same verdicts at both).
 */
export const MARGIN_SHARE = 0.3
/**
 * The same for runs back to back (one-vs-rest: each run one class against the rest, whose chance level is
 * below the label's largest): one-vs-rest SGD on features with no signal ends at 0.3-0.35 of the label's
 * chance level per unit of norm, and 0.35 passes 2-8 of them in each set of bench/loss-corpus.ts.
 */
export const RUNS_MARGIN_SHARE = 0.2

/** How much loss ÷ norm falls in a run that learned: the run fails when the test says it fell less. */
export const WEIGHT_FALL = 0.5

export interface WeightLevels {
  significance: number
  /** WEIGHT_FALL, tested at `fallLevel`. */
  weightFall: number
  fallLevel: number
  window: number
  anyRatioFall?: boolean
}

/**
 * Why a loss that fell learned nothing, or undefined when nothing says so. A linear model's loss on features
 * that say nothing of the label grows with its weights, and SGD's default schedule shrinks them every epoch
 * (L2 decay over ever smaller steps): its `Avg. loss` then falls as steadily as the weights while loss ÷ norm
 * stays level. A model that learned separates the classes: its loss falls faster than its norm (the rule
 * changes no verdict of a run that learned in fixtures/loss-corpus or the README's sweeps). So when the
 * trend test can say the ratio fell less than `weightFall`, the run fails; else the loss alone decides.
 */
export function fallBeyondWeights(
  series: MetricSeries,
  norms: number[],
  levels: WeightLevels
): { verdict: 'fail'; reason: string } | undefined {
  const starts = runStarts(series.points.map(point => point.step))
  const runs = starts.map((from, i) => {
    const to = starts[i + 1] ?? series.points.length
    // The first epoch averages a loss over weights that grew from zero: its ratio to where they ended is not
    // comparable with the rest (perceptron-loss SGD on no signal goes 1.0, then 0.35-0.45 throughout).
    const values = series.points
      .slice(from + 1, to)
      .map((point, j) => point.value / norms[from + 1 + j])
    const window = windowOf(values.length, levels.window)
    const runNorms = norms.slice(from + 1, to)
    const shrank = mean(runNorms.slice(-window)) < mean(runNorms.slice(0, window))
    return {
      values,
      start: mean(values.slice(0, window)),
      end: mean(values.slice(-window)),
      shrank
    }
  })
  const { pFall } = seasonalMannKendall(runs.map(run => run.values))
  // Weights that grew (a regressor fitting its target) leave the ratio level however well the model learns; weights
  // that shrank must leave a fall of note, not only a significant one (no signal: 0.40 → 0.37 over 60 epochs).
  const shrank = !levels.anyRatioFall && runs.every(run => run.shrank)
  if (pFall < levels.significance && !shrank) return undefined
  const start = mean(runs.map(run => run.start))
  const end = mean(runs.map(run => run.end))
  const ratio = `loss ÷ Norm (the weights' norm scikit-learn's SGD prints beside it) went ${format(start)} → ${format(end)}, Mann–Kendall p = ${formatP(pFall)}`
  const pRise = riseOnceAddedBack(runs, levels.weightFall)
  if (pRise < levels.fallLevel)
    return {
      verdict: 'fail',
      reason: `the loss fell no faster than SGD's weights shrank: ${ratio}, and with a ${percent(levels.weightFall)} fall added back it rises at p = ${formatP(pRise)}. SGD's default schedule shrinks the weights every epoch, and a linear model's loss on features that carry no signal for the label shrinks with them: the model learned nothing`
    }
  return undefined
}
