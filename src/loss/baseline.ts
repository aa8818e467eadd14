import { lossName } from './loss-keys.js'
import { freeCoefficients, noSignalGain, zeroWeightsStart } from './solver-objective.js'
import type { LossHint, MetricSeries } from './series.js'
import { mean, windowOf } from './trend.js'

/** What the sample stage knows of the training subset's label column. */
export interface LabelStats {
  /** A categorical label: how many rows of each class. */
  classCounts?: Record<string, number>
  /** A numeric label. */
  numeric?: {
    count: number
    mean: number
    /** Population variance (divided by count): the MSE of predicting the mean. */
    variance: number
    /** Mean absolute deviation from the mean. */
    meanAbsoluteDeviation: number
    /**
     * Mean absolute deviation from the median: the MAE of the best constant. When given it is used for
     * MAE; without it the deviation from the mean stands in, which is never below it (see chanceBaseline).
     */
    meanAbsoluteDeviationFromMedian?: number
  }
}

/** The loss of a model that learned nothing but the label's distribution, or why there is none. */
export type Baseline =
  | {
      value: number
      description: string
      /**
       * Set when the loss was inferred and more than one loss fits: the lowest of their chance levels
       * (`value` is the highest, which a final loss must be below).
       */
      lowest?: number
      skipped?: undefined
      scale?: undefined
      floor?: undefined
      /** Set when the label is one of classes: a linear model's loss may be a margin loss. */
      classLabel?: boolean
      heldOutScore?: ScoreChance
      /** The label smoothing factor the chance level took in (smoothedLabel). */
      labelSmoothing?: number
    }
  | {
      skipped: string
      value?: undefined
      description?: undefined
      lowest?: undefined
      /**
       * Set when the label is known but the loss is not: the largest chance level of any known loss for
       * this label. A final loss far above it (ABSURD_SCALE times) fails: no model that learned ends there.
       */
      scale?: number
      /**
       * Set with `scale`: the lowest chance level of any known loss for this label, and what it is. A loss
       * that fell at every point to half of it and half its first value learned, whichever loss it is.
       */
      floor?: { value: number; description: string }
      /** As above, with `scale`. */
      classLabel?: boolean
      heldOutScore?: ScoreChance
      labelSmoothing?: undefined
    }

/** What a held-out score (higher is better) reaches by chance for this label (heldOutScoreChance). */
export interface ScoreChance {
  value: number
  description: string
  /** Which score has this chance level: a classifier's accuracy, or a regressor's R². */
  score: 'accuracy' | 'r2'
  /** Whether a score that never beat this level fails the run: not past SCORED_MAJORITY. */
  missFails: boolean
}

/** `baseline-loss`: `auto` (from the key and the label), `off`, or a number. */
export type BaselineSetting = 'auto' | 'off' | number

type Family = 'cross-entropy' | 'deviance' | 'mse' | 'half-mse' | 'rmse' | 'mae'

/** Loss names (after their split words: `train-logloss` → `logloss`) whose chance level is known. */
const FAMILIES: Record<string, Family> = {
  nll: 'cross-entropy',
  nll_loss: 'cross-entropy',
  ce: 'cross-entropy',
  ce_loss: 'cross-entropy',
  xent: 'cross-entropy',
  cross_entropy: 'cross-entropy',
  crossentropy: 'cross-entropy',
  cross_entropy_loss: 'cross-entropy',
  bce: 'cross-entropy',
  bce_loss: 'cross-entropy',
  logloss: 'cross-entropy',
  log_loss: 'cross-entropy',
  binary_logloss: 'cross-entropy',
  multi_logloss: 'cross-entropy',
  mlogloss: 'cross-entropy',
  multiclass: 'cross-entropy',
  mse: 'mse',
  mse_loss: 'mse',
  l2: 'mse',
  rmse: 'rmse',
  mae: 'mae',
  l1: 'mae',
  l1_loss: 'mae'
}

export const KNOWN_LOSS_NAMES = Object.keys(FAMILIES)

function format(value: number): string {
  return Number(value.toPrecision(4)).toString()
}

/**
 * The loss a model scores by predicting the label's distribution and nothing else: the class prior's entropy
 * in nats for cross-entropy, log loss, NLL and BCE (the mean log loss of always predicting the class
 * frequencies); the variance for MSE, its square root for RMSE, and for MAE the mean absolute deviation.
 * MAE's best constant is the median; the deviation from the median is used when the stats carry it, else
 * the deviation from the mean, which is at least as large: then a model that only learned the median may
 * still sit below the baseline (a fall to the mean's level is caught, a fall to the median's is not).
 */
export function chanceBaseline(lossKey: string, label: LabelStats): Baseline {
  const family = FAMILIES[lossName(lossKey)]
  if (family) return levelOf(family, label, lossKey)
  const levels = (['cross-entropy', 'mse', 'rmse', 'mae'] as const)
    .map(f => levelOf(f, label, f))
    .filter((level): level is Baseline & { value: number } => level.value !== undefined)
    .sort((a, b) => a.value - b.value)
  return {
    skipped: `"${lossKey}" does not name a loss function whose chance level is known (${['nll', 'bce', 'logloss', 'mse', 'rmse', 'mae'].join(', ')} …), the log does not say which loss it is, and its first value is not where an untrained model of this label starts; set baseline-loss to a number to compare against one`,
    ...(levels.length
      ? {
          scale: levels.at(-1)!.value,
          floor: { value: levels[0].value, description: levels[0].description }
        }
      : {})
  }
}

function classEntropy(label: LabelStats): { entropy: number; classes: number } | undefined {
  if (!isClassLabel(label)) return undefined
  const counts = Object.values(label.classCounts ?? {}).filter(count => count > 0)
  if (counts.length < 2) return undefined
  const total = counts.reduce((sum, count) => sum + count, 0)
  const entropy = -counts.reduce((sum, count) => sum + (count / total) * Math.log(count / total), 0)
  return { entropy, classes: counts.length }
}

/** One family's chance level for this label, or why it has none. */
function levelOf(family: Family, label: LabelStats, lossKey: string): Baseline {
  if (family === 'deviance') {
    const level = levelOf('cross-entropy', label, lossKey)
    return level.value === undefined
      ? level
      : {
          value: 2 * level.value,
          description: `${format(2 * level.value)}, twice the entropy of the 2 classes' prior (the binomial deviance of predicting the class frequencies)`
        }
  }
  if (family === 'cross-entropy') {
    const prior = classEntropy(label)
    if (!prior) {
      return {
        skipped: label.numeric
          ? `"${lossKey}" is a classification loss but the label is numeric`
          : 'the label column and its classes are not known'
      }
    }
    return {
      value: prior.entropy,
      description: `${format(prior.entropy)}, the entropy of the ${prior.classes} classes' prior (what predicting the class frequencies scores)`
    }
  }
  const numeric = label.numeric
  if (!numeric || numeric.count < 2) {
    return {
      skipped: label.classCounts
        ? `"${lossKey}" is a regression loss but the label is categorical`
        : 'the label column and its values are not known'
    }
  }
  const variance = numeric.variance
  if (family === 'mse')
    return {
      value: variance,
      description: `${format(variance)}, the label's variance (the MSE of predicting the mean)`
    }
  if (family === 'half-mse')
    return {
      value: variance / 2,
      description: `${format(variance / 2)}, half the label's variance (half the MSE of predicting the mean)`
    }
  if (family === 'rmse')
    return {
      value: Math.sqrt(variance),
      description: `${format(Math.sqrt(variance))}, the label's standard deviation (the RMSE of predicting the mean)`
    }
  const fromMedian = numeric.meanAbsoluteDeviationFromMedian
  return fromMedian !== undefined
    ? {
        value: fromMedian,
        description: `${format(fromMedian)}, the label's mean absolute deviation from its median (the MAE of the best constant)`
      }
    : {
        value: numeric.meanAbsoluteDeviation,
        description: `${format(numeric.meanAbsoluteDeviation)}, the label's mean absolute deviation from its mean (the MAE of predicting the mean)`
      }
}

/** A label smoothing factor a run printed among its settings (`label_smoothing=0.1`), and where. */
export interface LabelSmoothing {
  factor: number
  line: number
  /** The words that stated it. */
  said: string
  /** Another line stated another factor: which one the loss used is not known. */
  ambiguous?: boolean
}

/** What the log shows of a loss whose key names no function: what it says it is, and where it starts. */
export interface LossEvidence {
  /** The label smoothing the run printed: a cross-entropy's targets are smoothed, and so is its chance level. */
  labelSmoothing?: LabelSmoothing
  hint?: LossHint
  first?: number
  /** A solver's coefficients (MetricSeries.coefficients). */
  coefficients?: number
  /** The mean of the first START_SHARE of the points, and how many that is. */
  start?: { mean: number; points: number }
}

/**
 * The share of the points whose mean also names a regression loss (inferredBaseline). A per-batch regression
 * loss's first value is one batch's mean square of the label, which varies from batch to batch (for a
 * standardised label and batches of 32, about 1 ± 0.25; fixtures/loss-corpus has first values 0.54–1.63 for a
 * chance level of 1), while the first quarter's mean (the default loss-window) averages several batches before
 * the model has moved far. A class label needs no such mean: an untrained classifier's near-zero logits score
 * about ln K on every batch.
 */
export const START_SHARE = 0.25

/**
 * A series' evidence of which loss it is: its hint, its first value and the mean of its first points; and the
 * label smoothing its log printed (the readers' hints).
 */
export function evidenceOf(
  series: MetricSeries,
  printed: { labelSmoothing?: LabelSmoothing } = {}
): LossEvidence {
  const values = series.points.map(point => point.value)
  const points = windowOf(values.length, START_SHARE)
  return {
    labelSmoothing: printed.labelSmoothing,
    hint: series.lossHint,
    first: values[0],
    coefficients: series.coefficients,
    ...(values.length ? { start: { mean: mean(values.slice(0, points)), points } } : {})
  }
}

/**
 * Whether the label is a class label, as scikit-learn's type_of_target decides: values that are not numbers,
 * or numbers that are all integers (0/1, 0–9), are classes; one number with a fraction makes it a numeric
 * target. The sample stage counts the values of both (up to MAX_CLASSES), so the counts alone cannot tell.
 */
function isClassLabel(label: LabelStats): boolean {
  const keys = Object.keys(label.classCounts ?? {})
  return (
    keys.length >= 2 &&
    keys.every(key => {
      const number = Number(key)
      return key.trim() === '' || Number.isNaN(number) || Number.isInteger(number)
    })
  )
}

/**
 * The loss the log says a series is (a torch grad_fn, scikit-learn's MLP line), at its chance level. The MLP
 * prints the log loss for a classifier and half the squared error for a regressor.
 */
function hintedBaseline(
  lossKey: string,
  hint: LossHint,
  label: LabelStats,
  first: number | undefined
): Baseline | undefined {
  if (hint === 'sklearn-gb') return gradientBoostingBaseline(lossKey, label, first)
  if (hint === 'liblinear' || hint === 'sklearn-lbfgs' || hint === 'sklearn-sgd') return undefined
  const family: Family =
    hint === 'sklearn-mlp' ? (isClassLabel(label) ? 'cross-entropy' : 'half-mse') : hint
  const level = levelOf(family, label, lossKey)
  if (level.value === undefined) return undefined
  const said =
    hint === 'sklearn-mlp'
      ? `scikit-learn's MLP prints ${family === 'half-mse' ? 'half the squared error' : 'the log loss'}`
      : `its tensor's grad_fn is a ${FAMILY_NAMES[family]} loss`
  return {
    ...level,
    description: `${level.description}; "${lossKey}" is ${FAMILY_NAMES[family]}: ${said}`
  }
}

const LIBLINEAR_SKIPPED =
  'liblinear does not print how many coefficients it fits, so what a fit to labels with no signal reaches is not known (LogisticRegression(solver="lbfgs", verbose=2) prints them)'

/**
 * A LogisticRegression's L-BFGS-B objective from zero weights: the level a fit to labels with no signal
 * stays above in 99 fits of 100 (solver-objective.ts), in the objective's own units. An objective that does
 * not start there (an MLP's, from random weights) is left to inferredBaseline, as any unnamed loss.
 */
function lbfgsBaseline(
  label: LabelStats,
  first: number | undefined,
  coefficients: number | undefined
): Baseline | undefined {
  const prior = classEntropy(label)
  const start = first === undefined ? undefined : zeroWeightsStart(first, prior?.classes)
  if (!start || first === undefined) return undefined
  if (!prior)
    return { skipped: "the label's classes are not known (a LogisticRegression fits classes)" }
  if (!coefficients)
    return {
      skipped:
        "L-BFGS-B's header (N = …) was not printed: how many coefficients it fits is not known"
    }
  const counted = Object.values(label.classCounts!).reduce((sum, count) => sum + count, 0)
  // Summed (up to scikit-learn 1.3) the first value counts the rows fitted, times C: a split of the subset.
  const rows = start.rows >= 2 ? Math.min(counted, start.rows) : counted
  const df = freeCoefficients(coefficients, prior.classes)
  const perRow = prior.entropy - noSignalGain(df, rows)
  const unit = first / Math.log(prior.classes)
  return {
    value: unit * perRow,
    description: `${format(unit * perRow)}, which a fit to ${rows} rows whose labels carry no signal ends below in at most 1 fit of 100: the class prior's entropy ${format(prior.entropy)} less half the 99th percentile of χ² with ${df} degrees of freedom (L-BFGS-B's N = ${coefficients} coefficients less ${prior.classes > 2 ? "the intercepts and one class's, which the others fix" : 'the intercept'}), times 1 + ${df}/${rows}, per row: ${format(perRow)}, in the objective's units (from zero weights every row scores ln ${prior.classes}, and it started at ${format(first)}): a likelihood-ratio test against predicting the class prior`
  }
}

/**
 * scikit-learn GradientBoosting's `Train Loss` for a class label: the log loss, or for two classes in
 * scikit-learn 1.2 and before the binomial deviance, twice the log loss (`BinomialDeviance` returns
 * -2 × the mean log-likelihood; the multinomial one does not double). Its first value (the prior plus one
 * shrunken tree) says which. A numeric label is left to inferredBaseline.
 */
function gradientBoostingBaseline(
  lossKey: string,
  label: LabelStats,
  first: number | undefined
): Baseline | undefined {
  const classes = Object.values(label.classCounts ?? {}).filter(count => count > 0).length
  if (!isClassLabel(label) || first === undefined || !Number.isFinite(first)) return undefined
  const families: Family[] = classes === 2 ? ['cross-entropy', 'deviance'] : ['cross-entropy']
  const fit = fitting(families, [first], label, lossKey)
  if (!fit) return undefined
  return {
    ...fit,
    description: `${fit.description}; "${lossKey}" is ${fit.names}: scikit-learn's GradientBoosting prints the log loss, and for two classes up to version 1.2 the binomial deviance (twice it), and its first value ${format(first)} is where one shrunken tree on the prior starts`
  }
}

const FAMILY_NAMES: Record<Family, string> = {
  'cross-entropy': 'cross-entropy',
  deviance: 'the binomial deviance (twice the cross-entropy)',
  mse: 'MSE',
  'half-mse': 'half the MSE',
  rmse: 'RMSE',
  mae: 'MAE'
}

/**
 * How far outside the range where an untrained model's loss starts (untrainedRange) a first value may lie
 * and still name the loss (from 1 - this times its low end to 1 + this times its high end): the torch and
 * scikit-learn runs of fixtures/loss-corpus start within 0.8–1.25 of it.
 */
export const INFER_TOLERANCE = 0.25
/**
 * How far above the label's mean square (and its root, and its mean absolute value) a regression loss may start
 * and still be taken for MSE (RMSE, MAE): an untrained regressor predicts a near-constant that its output bias
 * may set well off the mean (a dead ReLU network whose output bias starts at 2.4 on a standardised label
 * starts at 6.9 and falls toward the variance). Ten times, not more: a loss summed over a batch of 16 or more
 * starts beyond it.
 */
export const REGRESSION_START_SCALE = 10

/**
 * Where a model that has not learned yet starts, per loss: from the chance level (it predicts the label's
 * distribution) to what predicting nothing scores (a uniform distribution over the classes: ln K; an output
 * of zero: the mean square, root mean square or mean absolute value of the label).
 */
function untrainedRange(family: Family, label: LabelStats): [number, number] | undefined {
  const prior = classEntropy(label)
  if (family === 'cross-entropy') return prior && [prior.entropy, Math.log(prior.classes)]
  if (family === 'deviance') return prior && [2 * prior.entropy, 2 * Math.log(prior.classes)]
  const numeric = label.numeric
  if (!numeric || numeric.count < 2) return undefined
  const square = numeric.variance + numeric.mean ** 2
  if (family === 'mse') return [numeric.variance, square]
  if (family === 'half-mse') return [numeric.variance / 2, square / 2]
  if (family === 'rmse') return [Math.sqrt(numeric.variance), Math.sqrt(square)]
  const best = numeric.meanAbsoluteDeviationFromMedian ?? numeric.meanAbsoluteDeviation
  return [best, numeric.meanAbsoluteDeviation + Math.abs(numeric.mean)]
}

/**
 * A loss named by no key and no log line, read from where it starts: the losses whose untrained range holds its
 * first value or the mean of its first START_SHARE of points (within INFER_TOLERANCE), cross-entropy for a class
 * label, MSE, RMSE and MAE for a numeric one. One batch's loss can lie outside it while the model is untrained:
 * a regressor's mean square of the batch's labels, a random linear layer's logits on standardised features. When several fit
 * (a standardised label: MSE and RMSE both start near 1), the final loss must be below the highest of their
 * chance levels, and `lowest` keeps the lowest.
 */
function inferredBaseline(
  lossKey: string,
  evidence: LossEvidence,
  label: LabelStats
): Baseline | undefined {
  const { first, start } = evidence
  const classes = isClassLabel(label)
  const candidates: Family[] = classes
    ? ['cross-entropy']
    : label.numeric
      ? ['mse', 'rmse', 'mae']
      : []
  const starts = [first, start?.mean].filter(
    (value): value is number => value !== undefined && Number.isFinite(value)
  )
  const fit = fitting(candidates, starts, label, lossKey)
  if (!fit) return undefined
  const byFirst = fitting(candidates, [first!], label, lossKey)
  const model = `where an untrained ${classes ? 'classifier' : 'regressor'} starts on this label`
  const average = start && `the mean of its first ${start.points} values, ${format(start.mean)}`
  const where =
    byFirst?.names === fit.names || !average
      ? `its first value ${format(first!)} is ${model}`
      : byFirst
        ? `its first value ${format(first!)} and ${average} are ${model}`
        : `${average}, is ${model} (its first value ${format(first!)}, one batch's loss, is not)`
  return {
    ...fit,
    description: `${fit.description}; "${lossKey}" was taken for ${fit.names}: ${where}`
  }
}

/**
 * The chance levels of the losses among `families` whose untrained range holds one of `starts` (within
 * INFER_TOLERANCE): the highest as the value, the lowest kept, and the losses' names.
 */
function fitting(
  families: Family[],
  starts: number[],
  label: LabelStats,
  lossKey: string
): { value: number; lowest: number; description: string; names: string } | undefined {
  const fits = (family: Family): boolean => {
    const range = untrainedRange(family, label)
    const above =
      family === 'cross-entropy' || family === 'deviance'
        ? 1 + INFER_TOLERANCE
        : REGRESSION_START_SCALE
    return (
      range !== undefined &&
      starts.some(start => start >= range[0] * (1 - INFER_TOLERANCE) && start <= range[1] * above)
    )
  }
  const levels = families
    .filter(fits)
    .map(family => ({ family, level: levelOf(family, label, lossKey) }))
    .filter(({ level }) => level.value !== undefined)
    .sort((a, b) => b.level.value! - a.level.value!)
  if (!levels.length) return undefined
  const [highest] = levels
  return {
    value: highest.level.value!,
    lowest: levels.at(-1)!.level.value!,
    description: highest.level.description!,
    names: levels.map(({ family }) => FAMILY_NAMES[family]).join(' or ')
  }
}

/** The baseline a `baseline-loss` setting gives for a key: a number as is, `off`, or chanceBaseline. */
export function resolveBaseline(
  setting: BaselineSetting,
  lossKey: string,
  label: LabelStats | undefined,
  evidence: LossEvidence = {}
): Baseline {
  if (setting === 'off') return { skipped: 'baseline-loss is off' }
  if (typeof setting === 'number')
    return { value: setting, description: `${format(setting)}, the baseline-loss setting` }
  if (!label) return { skipped: 'the label column is not known (no label statistics)' }
  const score = heldOutScoreChance(label)
  const level = labelBaseline(lossKey, label, evidence)
  return score ? { ...level, heldOutScore: score } : level
}

/**
 * With label smoothing ε a cross-entropy's target for a row of class y is (1 − ε) on y and ε/K on each of the
 * K classes, so predicting the class prior no longer scores the prior's entropy: the best constant is the
 * smoothed prior (1 − ε)π + ε/K, and its entropy is the chance level. A skewed label's prior entropy can lie
 * below what any model scores: with 5 classes, the largest 85.5 %, and ε = 0.3, a model that classifies every
 * row right scores 0.884 and the prior's entropy is 0.612. The smoothed prior as class counts, which every
 * level below reads.
 */
function smoothedLabel(label: LabelStats, smoothing: LabelSmoothing): LabelStats {
  const counts = Object.entries(label.classCounts!).filter(([, count]) => count > 0)
  const total = counts.reduce((sum, [, count]) => sum + count, 0)
  const even = (smoothing.factor * total) / counts.length
  return {
    classCounts: Object.fromEntries(
      counts.map(([name, count]) => [name, (1 - smoothing.factor) * count + even])
    )
  }
}

/** The loss's chance level for a known label, smoothed when the run printed its label smoothing. */
function labelBaseline(lossKey: string, label: LabelStats, evidence: LossEvidence): Baseline {
  const smoothing = evidence.labelSmoothing
  if (!smoothing?.factor || smoothing.ambiguous || !isClassLabel(label))
    return unsmoothedBaseline(lossKey, label, evidence)
  const level = unsmoothedBaseline(lossKey, smoothedLabel(label, smoothing), evidence)
  if (level.value === undefined) return level
  return {
    ...level,
    labelSmoothing: smoothing.factor,
    description: `${level.description}; with label smoothing ${smoothing.factor} (printed at line ${smoothing.line}: "${smoothing.said}") the prior is smoothed as the targets are, (1 − ${smoothing.factor}) × its shares + ${smoothing.factor}/${classEntropy(label)!.classes}`
  }
}

/** The loss's chance level for a known label (resolveBaseline with `auto`). */
function unsmoothedBaseline(lossKey: string, label: LabelStats, evidence: LossEvidence): Baseline {
  const solver =
    evidence.hint === 'liblinear'
      ? { skipped: LIBLINEAR_SKIPPED }
      : evidence.hint === 'sklearn-lbfgs'
        ? lbfgsBaseline(label, evidence.first, evidence.coefficients)
        : undefined
  if (solver) return solver
  const named = chanceBaseline(lossKey, label)
  const classLabel = isClassLabel(label) ? { classLabel: true } : {}
  if (named.scale === undefined)
    return named.value === undefined ? named : { ...named, ...classLabel }
  // scikit-learn's SGD family (SGDClassifier, Perceptron, PassiveAggressive) prints a class label's loss
  // without naming it: the log loss, or a margin loss (hinge, perceptron, modified Huber) whose first epoch
  // can start where a cross-entropy would. Its weights' norm weighs it instead (weight-norm.ts).
  if (evidence.hint === 'sklearn-sgd' && classLabel.classLabel)
    return { ...named, skipped: SGD_LOSS_UNNAMED, ...classLabel }
  const hinted = evidence.hint && hintedBaseline(lossKey, evidence.hint, label, evidence.first)
  const inferred =
    evidence.first !== undefined && Number.isFinite(evidence.first)
      ? inferredBaseline(lossKey, evidence, label)
      : undefined
  return { ...(hinted ?? inferred ?? named), ...classLabel }
}

const SGD_LOSS_UNNAMED =
  "scikit-learn's SGD family prints its average loss without saying which loss it is (log loss, hinge, perceptron, modified Huber: their chance levels differ); set baseline-loss to a number to compare against one"

/**
 * The largest majority share whose accuracy a held-out score is weighed against. Past it a model that learned
 * can still predict the majority class for every row: on labels of 70 % and 30 %, 5 of 25 MLPs that learned
 * (by held-out log loss) never scored above 0.7 on the rows they held out.
 */
const SCORED_MAJORITY = 0.6

/**
 * What a held-out score reaches by chance (scikit-learn's MLP `Validation score` with early_stopping: the
 * accuracy of a classifier, the R² of a regressor): the majority class's share, or 0.
 */
function heldOutScoreChance(label: LabelStats): ScoreChance | undefined {
  if (isClassLabel(label)) {
    const counts = Object.values(label.classCounts!)
    const share = Math.max(...counts) / counts.reduce((sum, count) => sum + count, 0)
    return {
      value: share,
      description: `${format(share)}, the majority class's share (the accuracy of always predicting it)`,
      score: 'accuracy',
      missFails: share <= SCORED_MAJORITY
    }
  }
  if (label.numeric)
    return {
      value: 0,
      description: '0, the R² of predicting the mean',
      score: 'r2',
      missFails: true
    }
  return undefined
}
