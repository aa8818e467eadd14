import { lossName } from './choose.js'

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
  | { value: number; description: string; skipped?: undefined; scale?: undefined }
  | {
      skipped: string
      value?: undefined
      description?: undefined
      /**
       * Set when the label is known but the loss is not: the largest chance level of any known loss for
       * this label. A final loss far above it (ABSURD_SCALE times) fails: no model that learned ends there.
       */
      scale?: number
    }

/** `baseline-loss`: `auto` (from the key and the label), `off`, or a number. */
export type BaselineSetting = 'auto' | 'off' | number

type Family = 'cross-entropy' | 'mse' | 'rmse' | 'mae'

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
  if (!family) {
    const levels = (['cross-entropy', 'mse', 'rmse', 'mae'] as const)
      .map(f => levelOf(f, label))
      .filter((level): level is number => level !== undefined)
    return {
      skipped: `"${lossKey}" does not name a loss function whose chance level is known (${['nll', 'bce', 'logloss', 'mse', 'rmse', 'mae'].join(', ')} …); set baseline-loss to a number to compare against one`,
      ...(levels.length ? { scale: Math.max(...levels) } : {})
    }
  }
  if (family === 'cross-entropy') {
    const counts = Object.values(label.classCounts ?? {}).filter(count => count > 0)
    if (counts.length < 2) {
      return {
        skipped: label.numeric
          ? `"${lossKey}" is a classification loss but the label is numeric`
          : 'the label column and its classes are not known'
      }
    }
    const total = counts.reduce((sum, count) => sum + count, 0)
    const entropy = -counts.reduce(
      (sum, count) => sum + (count / total) * Math.log(count / total),
      0
    )
    return {
      value: entropy,
      description: `${format(entropy)}, the entropy of the ${counts.length} classes' prior (what predicting the class frequencies scores)`
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
  if (family === 'mse')
    return {
      value: numeric.variance,
      description: `${format(numeric.variance)}, the label's variance (the MSE of predicting the mean)`
    }
  if (family === 'rmse') {
    const sd = Math.sqrt(numeric.variance)
    return {
      value: sd,
      description: `${format(sd)}, the label's standard deviation (the RMSE of predicting the mean)`
    }
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

function levelOf(family: Family, label: LabelStats): number | undefined {
  const baseline = chanceBaseline(family === 'cross-entropy' ? 'logloss' : family, label)
  return baseline.value
}

/** The baseline a `baseline-loss` setting gives for a key: a number as is, `off`, or chanceBaseline. */
export function resolveBaseline(
  setting: BaselineSetting,
  lossKey: string,
  label: LabelStats | undefined
): Baseline {
  if (setting === 'off') return { skipped: 'baseline-loss is off' }
  if (typeof setting === 'number')
    return { value: setting, description: `${format(setting)}, the baseline-loss setting` }
  if (!label) return { skipped: 'the label column is not known (no label statistics)' }
  return chanceBaseline(lossKey, label)
}
