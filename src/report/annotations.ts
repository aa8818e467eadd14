import type { Violation } from '../data/validation-types.js'

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
