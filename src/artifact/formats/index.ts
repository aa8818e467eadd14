import { scanModelFile } from '../scan/index.js'
import type { Finding } from '../scan/types.js'
import type { FormatFinding, FormatReport } from './types.js'

export type { FormatFinding, FormatReport } from './types.js'

const LEVEL: Record<Finding['severity'], FormatFinding['level']> = {
  unsafe: 'error',
  invalid: 'error',
  warning: 'warning',
  info: 'note'
}

/**
 * The artifact stage's check of one model file, now made by the scanner (src/artifact/scan): an unsafe
 * or invalid file is an error, so the stage fails on both (what `unsafe-models: fail` means).
 * Kept as an adapter for the pipeline; new callers use scanModelFile or scanModelFiles.
 */
export async function checkModelFile(
  file: string,
  name: string,
  _size: number,
  options: { scanTensorValues: boolean; allowGlobals?: string[] }
): Promise<FormatReport> {
  const scan = await scanModelFile({ path: file, name }, options)
  return {
    format: scan.format,
    findings: scan.findings.map(finding => ({
      level: LEVEL[finding.severity],
      message: `${finding.entry ? `${finding.entry}: ` : ''}${finding.message}${finding.offset !== undefined ? ` (byte ${finding.offset})` : ''}`
    }))
  }
}
