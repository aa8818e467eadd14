import { scanProblems } from '../artifact/stage.js'
import { answerPlace } from '../predict/verdict.js'
import type { Violation } from '../data/validation-types.js'
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
  return picked.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || a.rowNumber - b.rowNumber)
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
