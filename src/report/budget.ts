// GitHub shows at most 10 error and 10 warning annotations per step and drops the rest silently: rank
// what we would annotate, show what fits, and count the rest in the summary.

export const ANNOTATIONS_PER_LEVEL = 10

export interface Planned<P> {
  level: 'error' | 'warning'
  message: string
  properties: P
}

export interface Budgeted<P> {
  shown: Array<Planned<P>>
  hidden: { error: number; warning: number }
}

/**
 * The annotations that fit, in the order given (callers put the most useful first); `used` counts what
 * the step already spent (setFailed's error, warnings logged during the run).
 */
export function withinBudget<P>(
  planned: Array<Planned<P>>,
  used: { error: number; warning: number }
): Budgeted<P> {
  const left = {
    error: Math.max(0, ANNOTATIONS_PER_LEVEL - used.error),
    warning: Math.max(0, ANNOTATIONS_PER_LEVEL - used.warning)
  }
  const hidden = { error: 0, warning: 0 }
  const shown = planned.filter(annotation => {
    if (left[annotation.level] > 0) {
      left[annotation.level]--
      return true
    }
    hidden[annotation.level]++
    return false
  })
  return { shown, hidden }
}

/** The summary's line about annotations GitHub would not have shown, or null. */
export function hiddenNote(hidden: { error: number; warning: number }): string | null {
  const parts = [
    hidden.error ? `${hidden.error} error${hidden.error === 1 ? '' : 's'}` : '',
    hidden.warning ? `${hidden.warning} warning${hidden.warning === 1 ? '' : 's'}` : ''
  ].filter(Boolean)
  if (!parts.length) return null
  return `ℹ️ ${parts.join(' and ')} not annotated: GitHub shows ${ANNOTATIONS_PER_LEVEL} errors and ${ANNOTATIONS_PER_LEVEL} warnings per step; every one is in the tables above.`
}
