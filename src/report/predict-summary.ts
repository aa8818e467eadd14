// The model API stage in the job summary: how the model was asked, its score against the trivial
// predictor, how fast it answered, the first rows as input → prediction → label, and every violation.
// All that comes from the data or the model's answers is escaped (src/untrusted.ts).
import { answerPosition } from '../predict/verdict.js'
import { pValue, round } from '../predict/score.js'
import type { PredictLatency, PredictReport, PredictScore } from '../predict/types.js'
import { table } from './markdown.js'
import { clip, codeSpan as code, fence, markdownText as md } from '../untrusted.js'
import { plural } from '../words.js'

/** Rows of the violation table; the counts per code are complete. */
const VIOLATION_ROWS = 50

/** A value from the data or the model as one line of JSON in a code span. */
function json(value: unknown, max = 120): string {
  if (value === undefined) return '–'
  return code(JSON.stringify(value) ?? String(value), max)
}

function howAsked(predict: PredictReport): string {
  const rows = `${plural(predict.rows, 'held-out row')} (of ${predict.heldOutRows} the subset left)`
  if (predict.mode === 'server')
    return `${rows} posted one by one to ${code(predict.url ?? '')} as ${code(predict.request ?? 'row')} requests.`
  const from =
    predict.answersFrom === 'stdout' ? 'JSON lines on stdout' : '`$ML_SMOKE_PREDICT_OUTPUT`'
  return `${rows} written to ${code(predict.inputPath ?? '', 1000)}; answers read from ${from}.`
}

function scoreTable(score: PredictScore): string[] {
  const trivial = `trivial predictor (always ${json(score.trivial, 60)})`
  const rows =
    score.kind === 'classes'
      ? [
          ['accuracy', round(score.score), round(score.baseline)],
          ['macro-F1', round(score.macroF1!), round(score.baselineMacroF1!)]
        ]
      : [
          ['R²', round(score.score), '0'],
          ['MAE', round(score.mae!), round(score.baselineMae!)]
        ]
  const test = score.test
  const verdict = test
    ? `${test.name}: p = ${pValue(test.p)}, ${test.p < test.significance ? 'beats' : 'does not beat'} the trivial predictor at ${test.significance}${test.note ? ` (${test.note})` : ''}${score.neededCorrect !== undefined ? `; beating it takes ${score.neededCorrect} of ${score.rows} correct` : ''}.`
    : 'No test: every held-out label is the same, so no answer can beat always giving it.'
  return [
    `On ${plural(score.rows, 'held-out row')} with a label and a usable answer:`,
    '',
    table(['metric', 'model', trivial], rows),
    '',
    verdict,
    ''
  ]
}

function latencyTable(latency: PredictLatency): string[] {
  const ms = (value: number | undefined) => (value === undefined ? '–' : `${Math.round(value)} ms`)
  return [
    table(
      ['first answer', 'p50 a row', 'p95 a row', 'total'],
      [[ms(latency.firstAnswerMs), ms(latency.p50Ms), ms(latency.p95Ms), ms(latency.totalMs)]]
    ),
    ''
  ]
}

function examplesTable(predict: PredictReport): string[] {
  if (!predict.examples.length) return []
  const rows = predict.examples.map(example => [
    example.row,
    json(example.input),
    json(example.prediction, 80),
    predict.labelColumn ? json(example.label, 40) : ''
  ])
  const label = predict.labelColumn ? code(predict.labelColumn) : 'label'
  return [
    `First ${plural(rows.length, 'row')}, as sent, answered and labelled:`,
    '',
    table(['row', 'input', 'prediction', label], rows),
    ''
  ]
}

function violationTables(predict: PredictReport): string[] {
  if (!predict.violationCount) return []
  const shown = predict.violations.slice(0, VIOLATION_ROWS)
  return [
    `**${plural(predict.violationCount, 'violation')}** in the answers:`,
    '',
    table(
      ['code', 'count'],
      Object.entries(predict.countsByCode).map(([name, count]) => [code(name), count])
    ),
    '',
    table(
      ['where', 'row', 'field', 'code', 'message'],
      shown.map(v => [
        answerPosition(v, predict.answersFrom),
        v.rowNumber,
        v.field !== undefined ? code(v.field) : '',
        code(v.code),
        md(v.message, 500)
      ])
    ),
    ''
  ]
}

/** The model API section: what was asked, the score, the latency, the first rows, the violations. */
export function predictSection(predict: PredictReport): string[] {
  const out = [
    '### Model API',
    fence(predict.command, 'sh'),
    howAsked(predict),
    '',
    ...(predict.score ? scoreTable(predict.score) : []),
    ...(predict.latency ? latencyTable(predict.latency) : []),
    ...examplesTable(predict),
    ...violationTables(predict)
  ]
  if (predict.tail?.length)
    out.push(
      `<details open><summary>Last ${predict.tail.length} lines of output</summary>`,
      '',
      fence(predict.tail.map(line => clip(line, 500)).join('\n')),
      '',
      '</details>',
      ''
    )
  return out
}
