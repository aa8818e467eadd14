// The quality floor: the model's answers on held-out rows against the trivial predictor's on the same
// rows (the majority class, or the mean), and a one-sided test of whether the difference is more than
// chance. See the README's "The model API" for why these tests.
import { canonical } from './check.js'
import { fewestSuccesses, binomialUpperTail, signedRankTest } from './statistics.js'
import type { PredictScore, TaskKind } from './types.js'

/** The quality floor's significance level: the model must beat the trivial predictor at 95 %. */
export const SIGNIFICANCE = 0.05

/** Macro-F1 over every class that is a label or a prediction. */
function macroF1(labels: string[], predictions: string[]): number {
  const classes = new Set([...labels, ...predictions])
  let total = 0
  for (const c of classes) {
    let [tp, fp, fn] = [0, 0, 0]
    labels.forEach((label, i) => {
      if (predictions[i] === c && label === c) tp++
      else if (predictions[i] === c) fp++
      else if (label === c) fn++
    })
    total += tp + fp + fn === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)
  }
  return total / classes.size
}

/** The most frequent label (the first seen among equals): the best constant answer on these rows. */
function majority(labels: string[]): { label: string; count: number } {
  const counts = new Map<string, number>()
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1)
  let best = { label: labels[0], count: 0 }
  for (const [label, count] of counts) if (count > best.count) best = { label, count }
  return best
}

function scoreClasses(pairs: Array<[unknown, unknown]>): PredictScore {
  const labels = pairs.map(([label]) => canonical(label))
  const predictions = pairs.map(([, prediction]) => canonical(prediction))
  const n = pairs.length
  const correct = labels.filter((label, i) => label === predictions[i]).length
  const trivial = majority(labels)
  const baseline = trivial.count / n
  const score: PredictScore = {
    kind: 'classes',
    rows: n,
    score: correct / n,
    baseline,
    trivial: pairs[labels.indexOf(trivial.label)][0] as string | number,
    macroF1: macroF1(labels, predictions),
    baselineMacroF1: macroF1(
      labels,
      labels.map(() => trivial.label)
    )
  }
  if (baseline >= 1) return score
  const p = binomialUpperTail(n, correct, baseline)
  const needed = fewestSuccesses(n, baseline, SIGNIFICANCE)
  return {
    ...score,
    test: { name: 'exact binomial, one-sided', p, significance: SIGNIFICANCE },
    ...(needed !== undefined ? { neededCorrect: needed } : {})
  }
}

function scoreNumbers(pairs: Array<[unknown, unknown]>): PredictScore {
  const y = pairs.map(([label]) => Number(label))
  const yhat = pairs.map(([, prediction]) => Number(prediction))
  const n = pairs.length
  const mean = y.reduce((sum, v) => sum + v, 0) / n
  const sse = y.reduce((sum, v, i) => sum + (v - yhat[i]) ** 2, 0)
  const sst = y.reduce((sum, v) => sum + (v - mean) ** 2, 0)
  const score: PredictScore = {
    kind: 'numbers',
    rows: n,
    score: sst === 0 ? (sse === 0 ? 1 : 0) : 1 - sse / sst,
    baseline: 0,
    trivial: mean,
    mae: y.reduce((sum, v, i) => sum + Math.abs(v - yhat[i]), 0) / n,
    baselineMae: y.reduce((sum, v) => sum + Math.abs(v - mean), 0) / n
  }
  if (sst === 0) return score
  // Paired by row: how much smaller the model's squared error is than the mean's.
  const test = signedRankTest(y.map((v, i) => (v - mean) ** 2 - (v - yhat[i]) ** 2))
  const note = test.exact ? undefined : 'normal approximation'
  return {
    ...score,
    test: {
      name: 'Wilcoxon signed-rank on squared errors, one-sided',
      p: test.p,
      significance: SIGNIFICANCE,
      ...(note ? { note } : {})
    }
  }
}

/**
 * Scores the rows that have a label and a usable prediction: accuracy and macro-F1 for classes, R²
 * and MAE for numbers, each against the trivial predictor on the same rows. Undefined without rows.
 */
export function scorePredictions(
  kind: TaskKind,
  labels: unknown[],
  predictions: unknown[]
): PredictScore | undefined {
  const pairs: Array<[unknown, unknown]> = []
  labels.forEach((label, i) => {
    const prediction = predictions[i]
    if (label === null || label === undefined || prediction === undefined || prediction === null)
      return
    if (
      kind === 'numbers' &&
      !(Number.isFinite(Number(label)) && Number.isFinite(Number(prediction)))
    )
      return
    pairs.push([label, prediction])
  })
  if (!pairs.length) return undefined
  return kind === 'classes' ? scoreClasses(pairs) : scoreNumbers(pairs)
}

/** Why the floor fails, or null: auto needs the test passed, a number needs the score reached. */
export function floorFailure(score: PredictScore, floor: 'auto' | 'off' | number): string | null {
  if (floor === 'off') return null
  const metric = score.kind === 'classes' ? 'accuracy' : 'R²'
  if (typeof floor === 'number')
    return score.score < floor
      ? `${metric} ${round(score.score)} is below min-predict-score ${floor}`
      : null
  if (!score.test || score.test.p < score.test.significance) return null
  return `the model does not beat the trivial predictor by more than chance: ${scoreWords(score)}`
}

/** "accuracy 0.34 (11 of 32) against 0.34 for always answering 0; p = 0.57 (exact binomial, one-sided)" */
export function scoreWords(score: PredictScore): string {
  const what =
    score.kind === 'classes'
      ? `accuracy ${round(score.score)} (${Math.round(score.score * score.rows)} of ${score.rows} held-out rows) against ${round(score.baseline)} for always answering ${JSON.stringify(score.trivial)}`
      : `R² ${round(score.score)}, MAE ${round(score.mae!)} against ${round(score.baselineMae!)} for always answering the mean ${round(score.trivial as number)} (${score.rows} held-out rows)`
  if (!score.test) return what
  const needed =
    score.kind !== 'classes'
      ? ''
      : score.neededCorrect !== undefined
        ? `; beating chance takes ${score.neededCorrect} correct`
        : `; with ${score.rows} rows not even all correct would beat chance: raise predict-rows`
  return `${what}; p = ${pValue(score.test.p)} (${score.test.name})${needed}`
}

export function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(3)
}

export function pValue(p: number): string {
  return p < 1e-4 ? p.toExponential(1) : p.toPrecision(2)
}
