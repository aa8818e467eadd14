import { scanProblems } from '../artifact/stage.js'
import { answerPlace } from '../predict/verdict.js'
import type { Violation } from '../data/validation-types.js'
import { leakWords, limitWords, placeText } from './splits.js'
import type { RunReport } from './types.js'

/** GitHub shows at most 10 error annotations per step. */
const MAX_ANNOTATIONS = 10

/**
 * The violations worth an annotation: one of each distinct (code, field) first, so ten annotations
 * show ten different problems rather than the same bad column ten times; then the rest in file order.
 */
export function pickAnnotations(violations: Violation[], limit = MAX_ANNOTATIONS): Violation[] {
  const picked: Violation[] = []
  const kinds = new Set<string>()
  for (const violation of violations) {
    const kind = `${violation.code}\u0000${violation.field ?? ''}`
    if (kinds.has(kind)) continue
    kinds.add(kind)
    picked.push(violation)
    if (picked.length === limit) return picked
  }
  for (const violation of violations) {
    if (picked.length === limit) break
    if (!picked.includes(violation)) picked.push(violation)
  }
  const byFile = (a: Violation, b: Violation) =>
    (a.file ?? '') < (b.file ?? '') ? -1 : (a.file ?? '') > (b.file ?? '') ? 1 : 0
  return picked.sort(
    (a, b) => byFile(a, b) || (a.line ?? 0) - (b.line ?? 0) || a.rowNumber - b.rowNumber
  )
}

export interface Annotation {
  level: 'error' | 'warning'
  title: string
  message: string
}

/** One annotation per unsafe or broken model file finding: an error, or a warning with unsafe-models: warn. */
export function modelAnnotations(report: RunReport): Annotation[] {
  const scans = report.artifact?.scans ?? []
  const unsafeLevel: Annotation['level'] =
    report.config.unsafeModels === 'warn' ? 'warning' : 'error'
  return [
    ...scanProblems(scans, 'unsafe').map(message => ({
      level: unsafeLevel,
      title: 'ml-smoke: unsafe model file',
      message
    })),
    ...scanProblems(scans, 'invalid').map(message => ({
      level: 'error' as const,
      title: 'ml-smoke: invalid model file',
      message
    }))
  ].slice(0, MAX_ANNOTATIONS)
}

/** One warning (an error with committed-models: fail) per model file committed outside Git LFS. */
export function committedModelAnnotations(report: RunReport): Array<Annotation & { file: string }> {
  const level: Annotation['level'] = report.config.committedModels === 'fail' ? 'error' : 'warning'
  return (report.committedModels ?? [])
    .filter(model => !model.lfs)
    .slice(0, MAX_ANNOTATIONS)
    .map(model => ({
      level,
      title: 'ml-smoke: model file committed to git',
      file: model.path,
      message: `${model.path} (${model.bytes} bytes) is committed: build models in CI and ship them as artifacts. git rm --cached ${model.path}, add it to .gitignore, or track it with Git LFS`
    }))
}

/** The model's answers' violations, ten at most (distinct codes and fields first), as errors. */
export function predictAnnotations(report: RunReport): Annotation[] {
  const predict = report.predict
  if (!predict) return []
  return pickAnnotations(predict.violations).map(violation => ({
    level: 'error' as const,
    title: `ml-smoke: answer ${violation.code}${violation.field ? ` in "${violation.field}"` : ''}`,
    message: `${answerPlace(violation, predict.answersFrom)}: ${violation.message}`
  }))
}

/**
 * The splits' findings worth a look: rows leaked past max-leakage (errors), leaks within it and label
 * shifts past the warning (warnings), each at its first example's file and line where there is one.
 */
export function splitAnnotations(
  report: RunReport
): Array<Annotation & { file?: string; startLine?: number }> {
  const splits = report.splits
  if (!splits) return []
  const { pairs, maxLeakage } = splits.leakage
  const leaks = pairs
    .filter(pair => pair.rows > 0)
    .map(pair => {
      const at = pair.examples[0]?.at
      const first = pair.examples[0]?.first
      const where = at && first ? `; the first, ${placeText(at)}, is ${placeText(first)}` : ''
      return {
        level: pair.overLimit ? ('error' as const) : ('warning' as const),
        title: `ml-smoke: rows of ${pair.split} in ${pair.in}`,
        message: `${leakWords(pair)}${pair.overLimit ? ', over' : ', within'} max-leakage ${limitWords(maxLeakage)}${where}`,
        ...(at ? { file: at.file, ...(at.line !== undefined ? { startLine: at.line } : {}) } : {})
      }
    })
  const shift = splits.labelShift
  const shifts = Object.entries(shift?.bySplit ?? {})
    .filter(([, distance]) => distance >= shift!.warnAt)
    .map(([name, distance]) => ({
      level: 'warning' as const,
      title: `ml-smoke: label shift in ${name}`,
      message: `the classes of ${name} are ${distance.toFixed(3)} (${shift!.measure}) from ${shift!.reference}'s, at least ${shift!.warnAt}: ${name} does not measure what ${shift!.reference} teaches`
    }))
  return [...leaks, ...shifts].slice(0, MAX_ANNOTATIONS)
}
