// What the CLI prints: each subcommand's result as terminal text or as JSON.
import type { Verification } from '../artifact/manifest.js'
import type { FileScan } from '../artifact/scan/types.js'
import type { SplitsReport } from '../data/splits.js'
import type { ValidationResult } from '../data/validation-types.js'
import { formatValue } from '../loss/shapes.js'
import type { LossResult } from '../loss/verdict.js'
import { scoreWords } from '../predict/score.js'
import type { PredictReport } from '../predict/types.js'
import { answerPlace } from '../predict/verdict.js'
import { describePosition } from '../report/position.js'
import { leakWords, limitWords, splitsLines } from '../report/splits.js'
import { failureText, type RunReport } from '../report/types.js'
import { verificationHeadline } from '../report/verification.js'
import type { AttestationCheck } from '../attest/verify.js'
import type { SubsetResult } from '../sample/types.js'
import { plural } from '../words.js'

const MARKS = { passed: '✓', failed: '✗', inconclusive: '?', error: '!', skipped: '-' }

/** The run's result: its headline, a line per stage, and where the artifact and summary are. */
export function runText(
  report: RunReport,
  shown: (file: string) => string,
  summaryPath: string
): string {
  const lines = [failureText(report), '']
  for (const stage of report.stages)
    lines.push(`  ${MARKS[stage.status]} ${stage.title.padEnd(16)} ${stage.message}`)
  const upload = report.artifact?.upload
  if (upload?.localPath)
    lines.push('', `Artifact: ${shown(upload.localPath)} (sha256:${upload.digest})`)
  lines.push(`Summary:  ${shown(summaryPath)}`)
  return lines.join('\n')
}

export function validationJson(result: ValidationResult) {
  return {
    valid: result.violationCount === 0,
    rows: result.rows,
    violations: result.violations.map(
      ({ code, file, line, rowNumber, fieldNumber, field, rowGroup, rowInGroup, message }) => ({
        code,
        ...(file !== undefined ? { file } : {}),
        line: line ?? null,
        rowNumber,
        fieldNumber: fieldNumber ?? null,
        field: field ?? null,
        ...(rowGroup !== undefined ? { rowGroup, rowInGroup } : {}),
        message
      })
    ),
    truncated: result.truncated,
    stats: {
      format: result.format,
      violations: result.violationCount,
      byCode: result.countsByCode,
      byField: result.countsByField,
      ...result.stats,
      parts: result.parts ?? 1
    }
  }
}

/**
 * One line per violation, `file:line: code: message` as compilers print, then the count; with splits,
 * their comparison.
 */
export function validationText(
  result: ValidationResult,
  dataset: string,
  splits?: SplitsReport
): string {
  const lines = result.violations.map(v =>
    v.line !== undefined
      ? `${v.file ?? dataset}:${v.line}: ${v.code}: ${v.message}`
      : `${v.file ?? (v.split ? `split ${v.split}` : dataset)}: ${v.code}: ${v.message} (${describePosition(v)})`
  )
  const listed = result.truncated ? ` (first ${result.violations.length} listed)` : ''
  const over = splits?.leakage.pairs.filter(pair => pair.overLimit) ?? []
  const verdict = result.violationCount === 0 && !over.length ? 'valid' : 'invalid'
  if (splits) lines.push(...splitsLines(splits))
  const leaked = over.length
    ? `; ${over.map(leakWords).join('; ')}: over max-leakage ${limitWords(splits!.leakage.maxLeakage)}`
    : ''
  lines.push(
    `${verdict}: ${result.rows} rows, ${result.violationCount} violations${listed}${leaked}`
  )
  return lines.join('\n')
}

export function sampleText(subset: SubsetResult, out: string): string {
  const lines = [`${subset.rows} rows written to ${out} (sha256 ${subset.sha256})`]
  for (const [label, count] of Object.entries(subset.classes ?? {}))
    lines.push(`  ${label}: ${count.chosen} of ${count.available}`)
  return lines.join('\n')
}

/**
 * The verdict and its reason, then the chance level as applied, or why it was not (the summary says the same),
 * with `howToApply` when the label is not known.
 */
export function lossText(result: LossResult, howToApply?: string): string {
  const lines = [`${result.verdict}: ${result.reason}`]
  const chance = result.baseline
  if (chance?.applied)
    lines.push(
      `chance level: final loss ${formatValue(chance.end)}${chance.endNote ? `, ${chance.endNote},` : ''} against ${chance.description}`
    )
  else if (chance)
    lines.push(`chance level not applied: ${chance.reason}${howToApply ? `; ${howToApply}` : ''}`)
  return lines.join('\n')
}

export function verificationJson(
  { checked, problems, unlisted, manifest }: Verification,
  attestation?: AttestationCheck
) {
  return {
    valid: problems.length === 0,
    checked,
    problems,
    unlisted,
    manifest: manifest ?? null,
    attestation: attestation ?? null
  }
}

export function verificationText(
  verification: Verification,
  attestation?: AttestationCheck
): string {
  const commands = attestation?.ghCommands ?? []
  return [
    verificationHeadline(verification, attestation),
    ...verification.unlisted.map(file => `note: ${file} is not in the manifest`),
    ...(commands.length
      ? ['the same check with the GitHub CLI:', ...commands.map(c => `  ${c}`)]
      : [])
  ].join('\n')
}

/** Each file's verdict, and every finding but the notes of a file that is ok. */
export function scanText(scans: FileScan[]): string {
  const lines: string[] = []
  for (const scan of scans) {
    lines.push(`${scan.path}: ${scan.verdict} (${scan.format})`)
    for (const finding of scan.findings.filter(f => f.severity !== 'info')) {
      const at = [finding.entry, finding.offset !== undefined ? `byte ${finding.offset}` : '']
        .filter(Boolean)
        .join(', ')
      lines.push(`  ${finding.severity}: ${at ? `${at}: ` : ''}${finding.message}`)
    }
  }
  const unsafe = scans.filter(scan => scan.verdict === 'unsafe' || scan.verdict === 'invalid')
  lines.push(
    unsafe.length
      ? `${unsafe.length} of ${plural(scans.length, 'file')} unsafe or invalid`
      : `${plural(scans.length, 'file')} scanned, none unsafe or invalid`
  )
  return lines.join('\n')
}

/** The model API's verdict, its violations as `where: code: message`, the score and the latency. */
export function predictText(message: string, predict: PredictReport | undefined): string {
  if (!predict) return message
  const lines = predict.violations.map(
    v => `${answerPlace(v, predict.answersFrom)}: ${v.code}: ${v.message}`
  )
  if (predict.violationCount > predict.violations.length)
    lines.push(`… ${predict.violationCount - predict.violations.length} more violations`)
  if (predict.score) lines.push(`score: ${scoreWords(predict.score)}`)
  const latency = predict.latency
  if (latency?.p95Ms !== undefined)
    lines.push(
      `latency: first answer ${Math.round(latency.firstAnswerMs ?? 0)} ms, p50 ${Math.round(latency.p50Ms ?? 0)} ms, p95 ${Math.round(latency.p95Ms)} ms a row, ${Math.round(latency.totalMs)} ms in all`
    )
  return [...lines, message].join('\n')
}
