import type { Violation } from '../data/validation-types.js'

/** "line 12", "row group 2, row 17" or "row 5", whichever the format knows. */
export function describePosition(violation: Violation): string {
  if (violation.line !== undefined) return `line ${violation.line}`
  if (violation.rowGroup !== undefined)
    return `row group ${violation.rowGroup}, row ${violation.rowInGroup}`
  return violation.rowNumber ? `row ${violation.rowNumber}` : 'the whole dataset'
}
