// The sticky pull-request comment: pass/fail per stage on one screen, the loss chart, the deltas
// against the baseline, links to the run; within GitHub's 65,536 characters.
import { comparisonMarkdown } from '../compare/render.js'
import type { RunReport, StageStatus } from '../report/types.js'
import { splitsMarkdown } from '../report/splits.js'
import { lossChart } from '../report/summary.js'
import { commentEscape as escape } from './escape.js'

/** GitHub refuses an issue comment longer than this (422 "body is too long"). */
export const COMMENT_LIMIT = 65_536

const ICONS: Record<StageStatus, string> = {
  passed: '✅',
  failed: '❌',
  inconclusive: '⚠️',
  error: '⛔',
  skipped: '⏭️'
}

export interface CommentContext {
  marker: string
  job: string
  artifactName: string
  /** The workflow run (its page holds the job summary) and the uploaded artifact. */
  runUrl: string
  artifactUrl?: string
}

function title(report: RunReport, context: CommentContext): string {
  const regressed = report.comparison?.comparison?.regressions.length
  const icon = report.outcome === 'passed' ? (regressed ? '⚠️' : '✅') : ICONS[report.outcome]
  const word = report.outcome === 'error' ? 'could not run' : report.outcome
  return `### ml-smoke ${icon} ${word} · ${escape.code(context.job, 60)} · ${escape.code(context.artifactName, 60)}`
}

function stageTable(report: RunReport): string[] {
  return [
    '| stage | result | details |',
    '| --- | --- | --- |',
    ...report.stages.map(
      stage => `| ${stage.title} | ${ICONS[stage.status]} | ${escape.text(stage.message, 200)} |`
    ),
    ''
  ]
}

function links(context: CommentContext): string {
  const artifact = context.artifactUrl ? ` · [model artifact](${context.artifactUrl})` : ''
  return `[Workflow run and its job summary](${context.runUrl})${artifact}`
}

/** The comment, before the length limit. */
function fullComment(report: RunReport, context: CommentContext): string {
  const out = [context.marker, title(report, context), '', escape.text(report.headline, 1000), '']
  out.push(...stageTable(report))
  if (report.splits)
    out.push(...splitsMarkdown(report.splits, escape, { heading: '#### Splits', examples: false }))
  const compared = report.comparison?.comparison?.loss?.curves
  const chart = !compared && report.loss ? lossChart(report.loss) : null
  if (chart) out.push(chart, '')
  if (report.comparison)
    out.push(
      ...comparisonMarkdown(report.comparison, {
        escape,
        heading: '#### Against the baseline',
        maxDrift: report.config.maxDrift
      })
    )
  out.push(links(context))
  return out.join('\n').replace(/\n{3,}/g, '\n\n')
}

/** `body` cut at a line so that it and a closing link fit in `limit` characters. */
export function withinCommentLimit(body: string, runUrl: string, limit = COMMENT_LIMIT): string {
  if (body.length <= limit) return body
  const note = `\n\n… cut here: the whole report is in the [job summary](${runUrl}).`
  const cut = body.slice(0, limit - note.length)
  let kept = cut.slice(0, Math.max(0, cut.lastIndexOf('\n')))
  // A cut inside a code fence would swallow the note: cut before the fence instead.
  const fences = [...kept.matchAll(/^`{3,}/gm)]
  if (fences.length % 2 === 1) kept = kept.slice(0, fences[fences.length - 1].index).trimEnd()
  return `${kept}${note}`
}

/** The comment's body: its marker first, at most COMMENT_LIMIT characters. */
export function renderComment(report: RunReport, context: CommentContext): string {
  return withinCommentLimit(fullComment(report, context), context.runUrl)
}
