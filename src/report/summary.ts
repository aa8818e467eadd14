import { describePosition } from './position.js'
import { predictSection } from './predict-summary.js'
import type { ArtifactSelection } from '../artifact/files.js'
import type { AttestationReport } from '../artifact/attest.js'
import type { ArtifactReport, ArtifactScan } from '../artifact/stage.js'
import type { LossResult, TrendTest } from '../loss/verdict.js'
import type { SubsetResult } from '../sample/types.js'
import type { CommandResult } from '../train/command.js'
import type { CacheOutcome } from '../train/stage.js'
import { comparisonMarkdown } from '../compare/render.js'
import { describeSubset } from '../sample/types.js'
import { table } from './markdown.js'
import { splitsMarkdown } from './splits.js'
import { clip, codeSpan as code, fence, markdownText as md } from '../untrusted.js'
import { percent, plural } from '../words.js'
import type { RunReport, StageStatus } from './types.js'

const ICONS: Record<StageStatus, string> = {
  passed: '✅ passed',
  failed: '❌ failed',
  inconclusive: '⚠️ inconclusive',
  error: '⛔ could not run',
  skipped: '⏭️ skipped'
}

/** Rows of the violation table in the summary; the exact counts per code and column are always complete. */
export const SUMMARY_VIOLATION_ROWS = 50
const CHART_POINTS = 100

function number(value: number | undefined): string {
  if (value === undefined) return '–'
  return Number.isInteger(value) ? String(value) : value.toPrecision(4)
}

function bytes(size: number): string {
  if (size < 1024) return `${size} B`
  if (size < 1024 ** 2) return `${(size / 1024).toFixed(1)} KiB`
  return `${(size / 1024 ** 2).toFixed(1)} MiB`
}

/** A Mermaid xychart-beta line of the finite loss values (GitHub renders it), thinned to 100 points. */
export function lossChart(loss: LossResult): string | null {
  const points = (loss.series?.points ?? []).filter(point => Number.isFinite(point.value))
  if (points.length < 2) return null
  const stride = Math.ceil(points.length / CHART_POINTS)
  const shown = points.filter((_, index) => index % stride === 0 || index === points.length - 1)
  return fence(
    [
      'xychart-beta',
      `  title "${(loss.series?.key ?? 'loss').replace(/[^\w ./:-]/g, '_').slice(0, 80)}"`,
      `  x-axis "step" [${shown.map(point => point.step).join(', ')}]`,
      '  y-axis "loss"',
      `  line [${shown.map(point => Number(point.value.toPrecision(6))).join(', ')}]`
    ].join('\n'),
    'mermaid'
  )
}

/** Model files committed to git, when there are any. */
function committedSection(report: RunReport): string[] {
  const models = report.committedModels ?? []
  if (!models.length) return []
  return [
    '### Model files in git',
    'Models are built by CI and shipped as artifacts: `git rm --cached` these files and add them to `.gitignore`, or store them with Git LFS.',
    '',
    table(
      ['file', 'size', 'stored'],
      models
        .slice(0, 50)
        .map(model => [
          code(model.path),
          bytes(model.bytes),
          model.lfs ? 'Git LFS (fine)' : 'in git'
        ])
    ),
    ''
  ]
}

function validationSection(report: RunReport): string[] {
  const validation = report.validation
  if (!validation) return []
  const out = [
    '### Data validation',
    `${code(report.labels.dataset)} against ${code(report.labels.schema)}: **${validation.rows}** rows, **${validation.violationCount}** violations.`
  ]
  if (validation.violationCount === 0) return out
  out.push(
    '',
    'Violations by type:',
    '',
    table(
      ['code', 'count'],
      Object.entries(validation.countsByCode).map(([name, count]) => [code(name), count])
    ),
    '',
    'Violations by column:',
    '',
    table(
      ['column', 'count'],
      Object.entries(validation.countsByField)
        .slice(0, SUMMARY_VIOLATION_ROWS)
        .map(([field, count]) => [code(field), count])
    ),
    ''
  )
  const shown = validation.violations.slice(0, SUMMARY_VIOLATION_ROWS)
  out.push(
    `First ${shown.length} of ${validation.violationCount}${validation.truncated ? ` (only the first ${validation.violations.length} were kept: max-violations)` : ''}:`,
    '',
    table(
      ['where', 'row', 'field', 'code', 'message'],
      shown.map(v => [
        md(describePosition(v), 300),
        v.rowNumber,
        v.field !== undefined ? code(v.field) : v.fieldNumber ? `#${v.fieldNumber}` : '',
        code(v.code),
        md(v.message)
      ])
    )
  )
  return out
}

function significant(trend: TrendTest): string {
  const shown = (p: number) => (p < 1e-4 ? p.toExponential(1) : p.toPrecision(2))
  const verdict = (p: number) =>
    p < trend.significance ? 'a significant fall' : 'not a significant fall'
  const mannKendall = `Mann–Kendall over ${trend.points} points: τ ${trend.tau.toFixed(2)}, p ${shown(trend.p)}${trend.exact ? ' (exact)' : ''}`
  if (trend.slopeP !== undefined)
    return `Trend (least-squares slope, as ${trend.points} points are too few for Mann–Kendall: ${mannKendall}): p ${shown(trend.slopeP)}: ${verdict(trend.slopeP)} at ${trend.significance}.`
  if (trend.noiseFree)
    return `Trend: a loss over one whole data set that never rose (no sampling noise to weigh: ${mannKendall}): a fall.`
  return `Trend (${mannKendall}): ${verdict(trend.p)} at ${trend.significance}.`
}

/** What the verdict weighed besides the drop: the trend test, the chance level, the shape, the runs. */
function lossChecks(loss: LossResult): string[] {
  const items: string[] = []
  if (loss.trend) items.push(significant(loss.trend))
  const baseline = loss.baseline
  if (baseline?.applied)
    items.push(
      `Chance level: final loss ${number(baseline.end)}${baseline.endNote ? `, ${md(baseline.endNote, 300)},` : ''} against ${md(baseline.description, 300)}.`
    )
  else if (baseline) items.push(`Chance level not applied: ${md(baseline.reason, 300)}.`)
  if (loss.frozenAt) items.push(`Frozen at one value from step ${loss.frozenAt.step} to the end.`)
  if (loss.reboundFrom)
    items.push(`Climbed back from its minimum at step ${loss.reboundFrom.step}.`)
  if (loss.validationAtChance)
    items.push(
      `Validation loss ${code(loss.validationAtChance.key)} stayed at the chance level: its least ${number(loss.validationAtChance.value)} at step ${loss.validationAtChance.step}.`
    )
  if (loss.heldOutCredit)
    items.push(
      `Passed on the held-out score ${code(loss.heldOutCredit.key)}: ${number(loss.heldOutCredit.value)} at step ${loss.heldOutCredit.step}, halfway from chance to perfect or more.`
    )
  for (const value of (loss.unparsed ?? []).slice(0, 10))
    items.push(
      `Not a number: ${code(value.text, 60)} for ${code(value.key)} at ${md(value.source)} line ${value.line}.`
    )
  const out = items.map(item => `- ${item}`)
  if (loss.runs?.length) {
    out.push(
      '',
      `${loss.runs.length} runs back to back (a step counter that restarts), each judged:`,
      '',
      table(
        ['run', 'steps', 'points', 'verdict', 'why'],
        loss.runs.map(run => [
          run.index,
          `${run.firstStep}–${run.lastStep}`,
          run.points,
          run.verdict,
          md(run.reason, 300)
        ])
      )
    )
  }
  return out
}

function lossSection(loss: LossResult): string[] {
  const out = ['### Loss check', `**${loss.verdict}**: ${md(loss.reason, 2000)}`, '']
  const series = loss.series
  if (series) {
    out.push(
      table(
        [
          'source',
          'format',
          'key',
          'points',
          'first',
          'last',
          'min',
          'start → end (window means)',
          'drop'
        ],
        [
          [
            series.source === 'command output' ? 'command output' : code(series.source),
            series.format,
            code(series.key),
            series.points.length,
            number(loss.first),
            number(loss.last),
            number(loss.min),
            loss.start === undefined ? '–' : `${number(loss.start)} → ${number(loss.end)}`,
            loss.drop === undefined ? '–' : percent(loss.drop)
          ]
        ]
      )
    )
    const chart = lossChart(loss)
    if (chart) out.push('', chart)
    out.push('', ...lossChecks(loss))
  }
  if (loss.others.length) {
    const shown = loss.others.slice(0, 20)
    out.push(
      '',
      `<details><summary>Also found, not used (${loss.others.length})</summary>`,
      '',
      table(
        ['key', 'source', 'points', 'why not'],
        shown.map(o => [code(o.key), md(o.source), o.points, md(o.note)])
      ),
      '',
      '</details>'
    )
  }
  out.push('', `Searched: ${loss.searched.map(place => code(place)).join(', ')}.`)
  for (const warning of loss.warnings) out.push('', `⚠️ ${md(warning, 1000)}`)
  return out
}

function subsetSection(subset: SubsetResult): string[] {
  const of = subset.sourceRows !== null ? ` of ${subset.sourceRows}` : ''
  const how = describeSubset(subset, code)
  const out = [
    '### Subset',
    `${subset.rows} rows${of}: ${how}; sha256 ${code(`${subset.sha256.slice(0, 16)}…`)}, written to ${code(subset.path, 1000)}.`,
    ''
  ]
  if (subset.classes) {
    const classes = Object.entries(subset.classes)
    out.push(
      table(
        [code(subset.labelColumn ?? ''), 'in subset', 'in dataset'],
        classes.slice(0, 50).map(([label, count]) => [code(label), count.chosen, count.available])
      ),
      classes.length > 50 ? `\n… and ${classes.length - 50} more classes.` : '',
      ''
    )
  }
  return out
}

function cacheSection(cache: CacheOutcome): string[] {
  const found = cache.hit
    ? 'restored (exact hit)'
    : cache.matchedKey
      ? `restored from ${code(cache.matchedKey)}`
      : 'not found'
  return [
    '### Cache',
    `Key ${code(cache.key)}: ${found}${cache.saved ? '; saved after the run' : ''}.`,
    ''
  ]
}

/** A user command's section: the command, how it ended, and its last lines when it did not pass. */
function commandSection(title: string, run: CommandResult, failed: boolean): string[] {
  const signal = run.signal ? `, signal ${run.signal}` : ''
  const timedOut = run.timedOut ? ', timed out' : ''
  const lines = title === 'Setup' ? '' : `, ${run.outputLines} lines of output`
  const out = [
    `### ${title}`,
    fence(run.command, 'sh'),
    `Exit code ${run.exitCode ?? '–'}${signal}${timedOut}, ${(run.durationMs / 1000).toFixed(1)} s${lines}.`
  ]
  if (failed && run.tail.length) {
    out.push(
      '',
      `<details open><summary>Last ${run.tail.length} lines of output</summary>`,
      '',
      fence(run.tail.map(line => clip(line, 500)).join('\n')),
      '',
      '</details>'
    )
  }
  return [...out, '']
}

const VERDICTS = { ok: '✅ ok', warning: '⚠️ warning', unsafe: '⛔ unsafe', invalid: '❌ invalid' }

function findingText(finding: ArtifactScan['findings'][number]): string {
  const at = [finding.entry, finding.offset !== undefined ? `byte ${finding.offset}` : undefined]
    .filter(Boolean)
    .join(', ')
  return `${at ? `${md(at)}: ` : ''}${md(finding.message, 500)}`
}

function artifactFilesTable(artifact: ArtifactReport, selection: ArtifactSelection): string[] {
  const scans = new Map((artifact.scans ?? []).map(scan => [scan.file, scan]))
  const rows = selection.files.map(file => {
    const scan = scans.get(file.name)
    // Only what needs a look; an ok file's notes are in the JSON report.
    const findings = (scan?.findings ?? []).filter(f => f.severity !== 'info').slice(0, 5)
    return [
      code(file.name),
      bytes(file.size),
      scan ? md(scan.format) : '–',
      scan ? VERDICTS[scan.verdict] : '–',
      findings.map(findingText).join('; ')
    ]
  })
  return [
    table(['file', 'size', 'format', 'scan', 'findings'], rows),
    '',
    `Total ${bytes(selection.totalBytes)} in ${plural(selection.files.length, 'file')}.`,
    ''
  ]
}

/** Where the attestations are, or why there are none. */
function attestationText(attestation: AttestationReport): string {
  if (attestation.status === 'off') return 'Not attested (`attest: off`).'
  if (attestation.status !== 'attested')
    return `Not attested: ${md(attestation.reason ?? '', 500)}.`
  const link = (label: string, url?: string) => (url ? `[${label}](${url})` : label)
  return `Attested: ${link('SLSA build provenance', attestation.url)} of every file and the manifest, and ${link('the manifest', attestation.manifestUrl)}; Sigstore bundles in \`ml-smoke-attestations.jsonl\` inside it.`
}

function artifactSection(artifact: ArtifactReport, selection: ArtifactSelection): string[] {
  const out = ['### Model artifact']
  const upload = artifact.upload
  if (upload) {
    const name = upload.url ? `[${md(artifact.name)}](${upload.url})` : code(artifact.name)
    const saved = upload.localPath ? `, saved at ${code(upload.localPath, 1000)}` : ''
    out.push(
      `${name}: ${bytes(upload.size)} archive, digest \`sha256:${upload.digest}\`${saved}; provenance in \`ml-smoke-manifest.json\` inside it.`,
      ''
    )
  }
  if (artifact.attestation) out.push(attestationText(artifact.attestation), '')
  if (selection.files.length) out.push(...artifactFilesTable(artifact, selection))
  const verify = artifact.verifyCommand
  if (verify) {
    const timedOut = verify.timedOut ? ' (timed out)' : ''
    out.push(`\`artifact-verify-command\` exited with code ${verify.exitCode ?? '–'}${timedOut}.`)
    if (verify.exitCode !== 0 && verify.tail.length)
      out.push('', fence(verify.tail.map(line => clip(line, 500)).join('\n')))
    out.push('')
  }
  return out
}

/**
 * The job summary: an overview table, then one section per stage that ran; `notes` (Markdown of our
 * own: the comment's fate, annotations GitHub would not show) close it.
 */
export function renderSummary(report: RunReport, notes: string[] = []): string {
  const trainPassed = report.stages.find(stage => stage.name === 'train')?.status === 'passed'
  const out: string[] = [
    `## ml-smoke ${ICONS[report.outcome === 'passed' ? 'passed' : report.outcome]}`,
    '',
    md(report.headline, 2000),
    '',
    table(
      ['stage', 'result', 'time', 'details'],
      report.stages.map(stage => [
        stage.title,
        ICONS[stage.status],
        stage.status === 'skipped' ? '' : `${(stage.durationMs / 1000).toFixed(1)} s`,
        md(stage.message, 500)
      ])
    ),
    '',
    ...committedSection(report),
    ...validationSection(report),
    '',
    ...(report.splits
      ? splitsMarkdown(report.splits, { text: md, code }, { heading: '### Splits', examples: true })
      : [])
  ]
  if (report.subset) out.push(...subsetSection(report.subset))
  if (report.cache) out.push(...cacheSection(report.cache))
  if (report.setup) out.push(...commandSection('Setup', report.setup, report.setup.exitCode !== 0))
  if (report.training) out.push(...commandSection('Smoke training', report.training, !trainPassed))
  if (report.loss) out.push(...lossSection(report.loss), '')
  if (report.artifact?.selection)
    out.push(...artifactSection(report.artifact, report.artifact.selection))
  if (report.predict) out.push(...predictSection(report.predict))
  if (report.comparison)
    out.push(
      ...comparisonMarkdown(report.comparison, {
        escape: { text: md, code },
        heading: '### Against the baseline',
        maxDrift: report.config.maxDrift
      })
    )
  out.push(...notes.flatMap(note => ['', note]))
  return withinSummaryLimit(
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  )
}

/** GitHub refuses a step summary over 1 MiB, and then shows none of it. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024

/** The summary cut at a line before GitHub's limit, saying so, when it would not fit. */
export function withinSummaryLimit(markdown: string, limit = SUMMARY_LIMIT_BYTES): string {
  const size = Buffer.byteLength(markdown)
  if (size <= limit) return markdown
  const note = `\n\n… the summary was cut here: it would have been ${size} bytes, over GitHub's limit of ${limit}.\n`
  let cut = markdown.slice(0, limit - Buffer.byteLength(note))
  while (Buffer.byteLength(cut) > limit - Buffer.byteLength(note)) cut = cut.slice(0, -1024)
  return `${cut.slice(0, cut.lastIndexOf('\n'))}${note}`
}
