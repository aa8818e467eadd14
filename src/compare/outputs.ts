import type { Annotation } from '../report/annotations.js'
import type { RunReport } from '../report/types.js'

/** The comparison's outputs: baseline-run-id, loss-delta, drift, drifted-columns, regression. */
export function comparisonOutputs(report: RunReport): Record<string, string> {
  const { baseline, comparison } = report.comparison ?? {}
  if (!baseline || !comparison) return {}
  const outputs: Record<string, string> = { 'baseline-run-id': String(baseline.runId) }
  if (comparison.loss) outputs['loss-delta'] = String(comparison.loss.delta)
  const drift = comparison.data.drift
  if (drift) {
    outputs.drift = String(drift.columns[0]?.score ?? 0)
    const drifted = drift.columns.filter(column => column.level === 'drifted')
    outputs['drifted-columns'] = JSON.stringify(drifted.map(column => column.column))
  }
  outputs.regression = String(comparison.regressions.length > 0)
  return outputs
}

/** A regression is an error (a warning with on-regression: warn); a flagged column a warning. */
export function comparisonAnnotations(report: RunReport): Annotation[] {
  const comparison = report.comparison?.comparison
  if (!comparison) return []
  const level: Annotation['level'] = report.config.onRegression === 'fail' ? 'error' : 'warning'
  const flagged = (comparison.data.drift?.columns ?? []).filter(
    column => column.level === 'flagged'
  )
  return [
    ...comparison.regressions.map(message => ({
      level,
      title: 'ml-smoke: regression against the baseline',
      message
    })),
    ...flagged.map(column => ({
      level: 'warning' as const,
      title: 'ml-smoke: drift',
      message: `column "${column.column}" shifted (score ${column.score.toPrecision(3)}, below max-drift ${report.config.maxDrift})`
    }))
  ]
}
