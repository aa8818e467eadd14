/** A console log, or a folder of logs, read and judged as the loss stage reads them, for the loss tests. */
import path from 'node:path'
import { evidenceOf, resolveBaseline, type LabelStats } from '../../src/loss/baseline.js'
import { chooseLossSeries } from '../../src/loss/choose.js'
import { emptyFound, findSeries } from '../../src/loss/discover.js'
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
  const baseline =
    series && resolveBaseline('auto', series.key, label, evidenceOf(series, reader.hints))
  const judged = judgeLoss(
    choice,
    { minDrop: 0.03, window: 0.25, baseline, ...rules },
    reader.hints,
    ['console.log']
  )
  return { ...judged, series, otherSeries: choice.others.map(other => other.series) }
}

/**
 * A folder as `loss-file` (or the CLI's PATH) names it, judged with min-loss-drop 0.03 unless `rules` say
 * otherwise: every file in it found, its hints joined; the choice of series beside the verdict.
 */
export async function judgeFolder(
  root: string,
  rules: Partial<JudgeOptions> = {},
  lossKey?: string
) {
  const found = emptyFound()
  await findSeries(root, file => path.relative(root, file), found)
  const choice = chooseLossSeries(found.series, lossKey)
  const options = { minDrop: 0.03, window: 0.25, ...rules }
  return { ...judgeLoss(choice, options, found.hints, [root], found.warnings), choice }
}
