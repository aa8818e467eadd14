// The comparison as Markdown, for the job summary and the pull-request comment alike. Text from data
// goes through `escape`: the summary's Markdown escaping, or the comment's, which also breaks mentions.
import { fence } from '../untrusted.js'
import { percent } from '../words.js'
import { format, type Comparison, type CountDelta } from './compare.js'
import type { ColumnDrift } from './drift.js'
import { baselineLabel, type ComparisonResult } from './stage.js'
import { table } from '../report/markdown.js'

export interface Escape {
  text(value: string, max?: number): string
  code(value: string, max?: number): string
}

/** Rows of each table of deltas; the JSON report has all. */
const ROWS = 20
const CHART_POINTS = 50

function signed(delta: number, unit: (value: number) => string = format): string {
  return `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${unit(Math.abs(delta))}`
}

function relative(base: number, head: number): string {
  if (base === head) return '±0'
  if (base === 0) return signed(head - base)
  return signed((head - base) / Math.abs(base), percent)
}

function countRows(deltas: CountDelta[], escape: Escape, shown = format): string[][] {
  return deltas
    .slice(0, ROWS)
    .map(delta => [
      escape.code(delta.key, 100),
      shown(delta.base),
      shown(delta.head),
      relative(delta.base, delta.head)
    ])
}

/** Linear interpolation of a curve at `x`. */
function at(points: Array<[number, number]>, x: number): number {
  let k = 0
  while (k < points.length - 2 && points[k + 1][0] < x) k++
  const [[x0, y0], [x1, y1]] = [points[k], points[k + 1]]
  return x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0)
}

/** Both loss curves on one Mermaid chart, over the steps both ran: grey the baseline, blue this run. */
export function comparisonChart(
  base: Array<[number, number]>,
  head: Array<[number, number]>
): string | null {
  if (base.length < 2 || head.length < 2) return null
  const start = Math.max(base[0][0], head[0][0])
  const end = Math.min(base[base.length - 1][0], head[head.length - 1][0])
  if (!(end > start)) return null
  const count = Math.min(CHART_POINTS, Math.floor(end - start) + 1)
  const steps = Array.from({ length: count }, (_, i) => start + ((end - start) * i) / (count - 1))
  const line = (points: Array<[number, number]>): string =>
    steps.map(step => Number(at(points, step).toPrecision(5))).join(', ')
  return fence(
    [
      '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#8b949e, #1f6feb"}}}}%%',
      'xychart-beta',
      '  title "loss: baseline (grey) and this run (blue)"',
      `  x-axis "step" [${steps.map(step => Number(step.toFixed(step % 1 ? 1 : 0))).join(', ')}]`,
      '  y-axis "loss"',
      `  line [${line(base)}]`,
      `  line [${line(head)}]`
    ].join('\n'),
    'mermaid'
  )
}

function lossTable(comparison: Comparison, trainingMs: CountDelta): string[] {
  const loss = comparison.loss
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`
  const rows: Array<Array<string | number>> = []
  if (loss) {
    const label = loss.measure === 'end' ? 'final loss (mean of the last window)' : 'last loss'
    rows.push([label, format(loss.base), format(loss.head), relative(loss.base, loss.head)])
    if (loss.baseDrop !== null && loss.headDrop !== null)
      rows.push([
        'drop over the run',
        percent(loss.baseDrop),
        percent(loss.headDrop),
        `${signed((loss.headDrop - loss.baseDrop) * 100, value => `${format(value)} pt`)}`
      ])
    const reached =
      loss.reachedAt === null ? 'never' : `step ${loss.reachedAt} of ${loss.headSteps ?? '?'}`
    rows.push(["reached the baseline's final loss", '–', reached, ''])
  }
  rows.push([
    'training time',
    seconds(trainingMs.base),
    seconds(trainingMs.head),
    relative(trainingMs.base, trainingMs.head)
  ])
  return [table(['', 'baseline', 'this run', 'Δ'], rows), '']
}

const LEVELS = { ok: '✅', flagged: '⚠️ flagged', drifted: '❌ drifted' }

function driftRow(column: ColumnDrift, escape: Escape): string[] {
  const p = column.p < 1e-4 ? column.p.toExponential(1) : column.p.toPrecision(2)
  const statistic = column.statistic === 'psi' ? 'PSI' : 'JS'
  const unseen = (column.unseen ?? []).map(value => escape.code(value, 40)).join(', ')
  return [
    escape.code(column.column, 100),
    column.kind,
    `${statistic} ${format(column.value)}`,
    format(column.score),
    p,
    LEVELS[column.level],
    unseen
  ]
}

function dataTables(comparison: Comparison, escape: Escape): string[] {
  const { data } = comparison
  const out = [
    table(
      ['', 'baseline', 'this run', 'Δ'],
      [data.rows, data.violations].map(delta => [
        delta.key,
        delta.base,
        delta.head,
        relative(delta.base, delta.head)
      ])
    ),
    ''
  ]
  const changedCodes = data.byCode.filter(delta => delta.base !== delta.head)
  if (changedCodes.length)
    out.push(
      table(['violations', 'baseline', 'this run', 'Δ'], countRows(changedCodes, escape)),
      ''
    )
  if (data.nulls.length)
    out.push(
      table(['empty cells', 'baseline', 'this run', 'Δ'], countRows(data.nulls, escape, percent)),
      ''
    )
  const classes = data.classes.filter(delta => delta.base !== delta.head)
  if (classes.length)
    out.push(table(['class', 'baseline', 'this run', 'Δ'], countRows(classes, escape)), '')
  return out
}

function driftTable(comparison: Comparison, escape: Escape, maxDrift: number): string[] {
  const drift = comparison.data.drift
  if (!drift) return []
  const out = [
    `Drift per column (PSI for numbers, Jensen–Shannon for categories; score on one scale, max-drift ${maxDrift}, flagged from ${format(0.4 * maxDrift)}, only when the two-sample test gives p < 0.01):`,
    ''
  ]
  if (drift.columns.length)
    out.push(
      table(
        ['column', 'kind', 'statistic', 'score', 'p', 'verdict', 'unseen categories'],
        drift.columns.slice(0, ROWS).map(column => driftRow(column, escape))
      ),
      ''
    )
  const names = (list: string[]): string => list.map(name => escape.code(name, 100)).join(', ')
  if (drift.added.length) out.push(`New columns: ${names(drift.added.slice(0, ROWS))}.`, '')
  if (drift.removed.length) out.push(`Columns gone: ${names(drift.removed.slice(0, ROWS))}.`, '')
  return out
}

function modelTable(comparison: Comparison, escape: Escape): string[] {
  const cell = (figures?: { bytes: number; verdict: string | null }): string =>
    figures ? `${figures.bytes} B${figures.verdict ? `, ${figures.verdict}` : ''}` : '–'
  const files = comparison.model.files
  if (!files.length) return []
  return [
    table(
      ['model file', 'baseline', 'this run', 'Δ size'],
      files
        .slice(0, ROWS)
        .map(file => [
          escape.code(file.path, 100),
          cell(file.base),
          cell(file.head),
          file.base && file.head ? relative(file.base.bytes, file.head.bytes) : ''
        ])
    ),
    ''
  ]
}

export interface RenderOptions {
  escape: Escape
  heading: string
  maxDrift: number
}

/** The verdict and what was compared, before the tables. */
function verdictLines(result: ComparisonResult, escape: Escape): string[] {
  const { comparison, baseline } = result
  if (!comparison || !baseline)
    return [`No baseline: ${escape.text(result.note ?? 'none', 500)}.`, '']
  const out = [`Against [${baselineLabel(baseline)}](${baseline.url}).`, '']
  for (const change of comparison.changed)
    out.push(`⚠️ Compared although ${escape.text(change, 300)}.`)
  for (const note of comparison.notes) out.push(`ℹ️ ${escape.text(note, 300)}.`)
  if (comparison.regressions.length)
    out.push(...comparison.regressions.map(line => `❌ Regression: ${escape.text(line, 500)}.`))
  else out.push('✅ No regression.')
  return [...out, '']
}

/** The whole comparison section: verdict, loss, chart, data, drift, model. */
export function comparisonMarkdown(result: ComparisonResult, options: RenderOptions): string[] {
  const { escape } = options
  const out = [options.heading, '', ...verdictLines(result, escape)]
  const comparison = result.comparison
  if (!comparison) return out
  out.push(...lossTable(comparison, comparison.trainingMs))
  const curves = comparison.loss?.curves
  const chart = curves && comparisonChart(curves.base, curves.head)
  if (chart) out.push(chart, '')
  out.push(...dataTables(comparison, escape), ...driftTable(comparison, escape, options.maxDrift))
  out.push(...modelTable(comparison, escape))
  return out
}
