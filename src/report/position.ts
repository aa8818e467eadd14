import type { Violation } from '../data/validation-types.js'

/**
 * "line 12", "row group 2, row 17" or "row 5", whichever the format knows, after the file when the data
 * has several ("b.csv:12"); "the whole dataset" (or split) for a check of all the rows.
 */
export function describePosition(violation: Violation): string {
  const { file } = violation
  if (violation.line !== undefined)
    return file ? `${file}:${violation.line}` : `line ${violation.line}`
  const inFile = file ? `${file}, ` : ''
  if (violation.rowGroup !== undefined)
    return `${inFile}row group ${violation.rowGroup}, row ${violation.rowInGroup}`
  if (violation.rowNumber) return `${inFile}row ${violation.rowNumber}`
  return violation.split ? `the whole split ${violation.split}` : 'the whole dataset'
}
