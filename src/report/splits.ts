// The splits' comparison in words: for the terminal, the job summary and the pull-request comment.
import type { RowLimit } from '../data/split-options.js'
import type { PairLeak, RowExample, RowPlace } from '../data/leakage.js'
import type { SplitsReport } from '../data/splits.js'
import { percent, plural } from '../words.js'
import { table } from './markdown.js'

/** Where a row is: `b.csv:12`, `b.parquet, row group 0, row 7`, `b.json, row 3`. */
export function placeText(place: RowPlace): string {
  if (place.line !== undefined) return `${place.file}:${place.line}`
  if (place.rowGroup !== undefined)
    return `${place.file}, row group ${place.rowGroup}, row ${place.rowInGroup}`
  return `${place.file}, row ${place.rowNumber}`
}

/** max-leakage as the user wrote it: a count of rows or a percentage. */
export function limitWords(limit: RowLimit): string {
  return 'rows' in limit ? `${limit.rows}` : percent(limit.fraction)
}

/** "3 rows of test are in train (2.0 %)". */
export function leakWords(pair: Pick<PairLeak, 'rows' | 'split' | 'in' | 'fraction'>): string {
  const are = pair.rows === 1 ? 'is' : 'are'
  return `${plural(pair.rows, 'row')} of ${pair.split} ${are} in ${pair.in} (${percent(pair.fraction)})`
}

function shiftOf(report: SplitsReport, name: string): number | undefined {
  return report.labelShift?.bySplit[name]
}

/** The classes' shares in one cell: "setosa 40 (33.3 %), versicolor 40 (33.3 %)". */
function sharesText(classes: Record<string, number> | undefined, max = 10): string {
  if (!classes) return ''
  const total = Object.values(classes).reduce((sum, n) => sum + n, 0)
  const entries = Object.entries(classes).sort((a, b) => b[1] - a[1])
  const shown = entries
    .slice(0, max)
    .map(([label, count]) => `${label} ${count} (${percent(total ? count / total : 0)})`)
  return `${shown.join(', ')}${entries.length > max ? `, and ${entries.length - max} more` : ''}`
}

/** The verdict on one pair of splits. */
function pairVerdict(pair: PairLeak, limit: RowLimit): string {
  if (pair.rows === 0) return 'none'
  return pair.overLimit
    ? `over max-leakage ${limitWords(limit)}`
    : `within max-leakage ${limitWords(limit)}`
}

function exampleText(example: RowExample, again: string): string {
  return `${placeText(example.at)} ${again} ${placeText(example.first)} (${example.values})`
}

/** The comparison for the terminal: one line per split, per pair, and the first examples. */
export function splitsLines(report: SplitsReport): string[] {
  const { leakage, labelShift } = report
  const lines = [
    `splits${report.labelColumn ? ` (label ${report.labelColumn})` : ''}:`,
    ...report.splits.map(split => {
      const shift = shiftOf(report, split.name)
      const shares = split.tooManyClasses
        ? 'more classes than a label has'
        : sharesText(split.classes)
      return `  ${split.name}: ${plural(split.rows, 'row')} in ${plural(split.files, 'file')}, ${plural(split.violations, 'violation')}${shares ? `; ${shares}` : ''}${shift !== undefined ? `; label shift ${shift.toFixed(3)}${shift >= labelShift!.warnAt ? ' (warning)' : ''}` : ''}`
    })
  ]
  if (labelShift)
    lines.push(
      `label shift: ${labelShift.measure} from ${labelShift.reference}'s class shares; a warning from ${labelShift.warnAt}`
    )
  lines.push(
    `leakage by ${leakage.columns.join(', ')} (max-leakage ${limitWords(leakage.maxLeakage)}):`
  )
  for (const pair of leakage.pairs) {
    lines.push(
      `  ${pair.split} in ${pair.in}: ${leakWords(pair)}: ${pairVerdict(pair, leakage.maxLeakage)}`
    )
    for (const example of pair.examples) lines.push(`    ${exampleText(example, 'is')}`)
  }
  for (const repeats of leakage.duplicates.filter(d => d.rows > 0)) {
    lines.push(
      `  ${repeats.split}: ${plural(repeats.rows, 'row')} ${repeats.rows === 1 ? 'repeats' : 'repeat'} an earlier row of the split`
    )
    for (const example of repeats.examples) lines.push(`    ${exampleText(example, 'repeats')}`)
  }
  return lines
}

export interface MarkdownEscape {
  text: (text: string, max?: number) => string
  code: (text: string, max?: number) => string
}

/** One row per split: files, rows, violations, class shares, label shift. */
function splitTable(report: SplitsReport, { code, text }: MarkdownEscape): string[] {
  const { labelShift } = report
  const label = report.labelColumn ? code(report.labelColumn) : ''
  const rows = report.splits.map(split => {
    const shift = shiftOf(report, split.name)
    const warn = shift !== undefined && shift >= labelShift!.warnAt ? ' ⚠️' : ''
    const shares = split.tooManyClasses
      ? 'more than a label has'
      : text(sharesText(split.classes, 6), 300)
    return [
      code(split.name),
      split.files,
      split.rows,
      split.violations,
      ...(label ? [shares] : []),
      ...(labelShift ? [shift === undefined ? '–' : `${shift.toFixed(3)}${warn}`] : [])
    ]
  })
  const header = ['split', 'files', 'rows', 'violations']
  if (label) header.push(`${label} classes`)
  if (labelShift) header.push('label shift')
  const out = [table(header, rows), '']
  if (labelShift)
    out.push(
      `Label shift: ${labelShift.measure} from ${code(labelShift.reference)}'s class shares (0 the same, 1 nothing in common); a warning from ${labelShift.warnAt}.`,
      ''
    )
  return out
}

/** One row per pair of splits: the later split's rows found in the earlier one, and the verdict. */
function leakTable(report: SplitsReport, { code }: MarkdownEscape): string[] {
  const { columns, pairs, maxLeakage, duplicates } = report.leakage
  const names = columns.map(name => code(name, 60))
  const more = names.length > 12 ? `, and ${names.length - 12} more` : ''
  const mark = (pair: PairLeak) => (pair.rows === 0 ? '✅' : pair.overLimit ? '❌' : '⚠️')
  const out = [
    `Leakage: rows of a split whose ${names.slice(0, 12).join(', ')}${more} (as the schema reads them) are a row of an earlier split; max-leakage ${limitWords(maxLeakage)}.`,
    '',
    table(
      ['split', 'found in', 'rows', 'share', 'verdict'],
      pairs.map(pair => [
        code(pair.split),
        code(pair.in),
        pair.rows,
        percent(pair.fraction),
        `${mark(pair)} ${pairVerdict(pair, maxLeakage)}`
      ])
    ),
    ''
  ]
  const repeats = duplicates.filter(d => d.rows > 0)
  if (repeats.length)
    out.push(
      `Repeated rows within a split (same key): ${repeats.map(d => `${code(d.split)} ${d.rows}`).join(', ')}.`,
      ''
    )
  return out
}

/** The first rows found again, leaked or repeated, at file:line. */
function exampleTable(report: SplitsReport, { code, text }: MarkdownEscape): string[] {
  const { pairs, duplicates } = report.leakage
  const examples = [
    ...pairs.flatMap(pair =>
      pair.examples.map(example => [`${code(pair.split)} in ${code(pair.in)}`, example] as const)
    ),
    ...duplicates.flatMap(d =>
      d.examples.map(example => [`repeat in ${code(d.split)}`, example] as const)
    )
  ]
  if (!examples.length) return []
  return [
    table(
      ['what', 'row', 'same key as', 'key'],
      examples.map(([what, example]) => [
        what,
        code(placeText(example.at), 300),
        code(placeText(example.first), 300),
        text(example.values, 300)
      ])
    ),
    ''
  ]
}

/**
 * The comparison in Markdown: a table of the splits, a table of the pairs, and (with `examples`) the
 * first rows found again. Untrusted text (names, files, cells) goes through `escape`.
 */
export function splitsMarkdown(
  report: SplitsReport,
  escape: MarkdownEscape,
  options: { heading: string; examples: boolean }
): string[] {
  return [
    options.heading,
    '',
    ...splitTable(report, escape),
    ...leakTable(report, escape),
    ...(options.examples ? exampleTable(report, escape) : [])
  ]
}
