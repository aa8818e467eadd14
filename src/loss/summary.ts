import { decidingP, type LossResult } from './verdict.js'

/** A loss verdict as plain JSON: what `ml-smoke loss --json` prints and the manifest records. */
export function lossSummary(result: LossResult) {
  const { verdict, reason, series, nonFiniteAt } = result
  return {
    verdict,
    reason,
    source: series?.source ?? null,
    format: series?.format ?? null,
    key: series?.key ?? null,
    points: series?.points.length ?? 0,
    first: result.first ?? null,
    last: result.last ?? null,
    min: result.min ?? null,
    start: result.start ?? null,
    end: result.end ?? null,
    drop: result.drop ?? null,
    nonFiniteAt: nonFiniteAt
      ? { step: nonFiniteAt.step, line: nonFiniteAt.line, value: String(nonFiniteAt.value) }
      : null,
    usedValidation: result.usedValidation,
    /** The chance level as applied (the final loss weighed against it), or why it was not. */
    baseline: result.baseline ?? null,
    /** The p-value of the test that decided the fall (decidingP), when one ran. */
    trendP: decidingP(result.trend) ?? null,
    /** The least value of a validation loss that stayed at the chance level, when that failed the run. */
    validationAtChance: result.validationAtChance ?? null,
    /** The held-out score that passed a run its training loss alone left inconclusive or failed for climbing back. */
    heldOutCredit: result.heldOutCredit ?? null,
    others: result.others
  }
}

export type LossSummary = ReturnType<typeof lossSummary>
