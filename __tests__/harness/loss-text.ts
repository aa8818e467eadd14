/** A console log read and judged as the loss stage reads the command's output, for the loss tests. */
import { evidenceOf, resolveBaseline, type LabelStats } from '../../src/loss/baseline.js'
import { chooseLossSeries } from '../../src/loss/choose.js'
import { compileLossPattern, OutputMetricsReader } from '../../src/loss/output-reader.js'
import { judgeLoss, type JudgeOptions } from '../../src/loss/verdict.js'

/** The reader after every line of `text` (split on \r too, as the command's output is). */
export function readOutput(text: string, pattern?: string, lossKey?: string): OutputMetricsReader {
  const reader = new OutputMetricsReader(pattern ? compileLossPattern(pattern) : undefined, {
    lossKey
  })
  text.split(/\r\n|\r|\n/).forEach((line, index) => reader.readLine(line, index + 1))
  return reader
}

/**
 * The verdict on `text` with min-loss-drop 0.03, `baseline-loss: auto` for `label` and the reader's hints,
 * with the series judged and the other series beside it (otherSeries).
 */
export function judgeText(text: string, label: LabelStats, rules: Partial<JudgeOptions> = {}) {
  const reader = readOutput(text)
  const choice = chooseLossSeries(reader.series())
  const series = choice.chosen?.series
  const baseline = series && resolveBaseline('auto', series.key, label, evidenceOf(series))
  const judged = judgeLoss(
    choice,
    { minDrop: 0.03, window: 0.25, baseline, ...rules },
    reader.hints,
    ['console.log']
  )
  return { ...judged, series, otherSeries: choice.others.map(other => other.series) }
}
