/**
 * unsafe: loading the file could run code ml-smoke has not vouched for (or the scanner could not tell);
 * invalid: the file is broken and would not load; warning: it loads, but something deserves a look;
 * info: what the scan saw.
 */
export type Severity = 'unsafe' | 'invalid' | 'warning' | 'info'

/** The worst severity found; `ok` when there is nothing above info. */
export type Verdict = 'ok' | 'warning' | 'unsafe' | 'invalid'

export interface Finding {
  severity: Severity
  message: string
  /** The imported name (module.qualname) the finding is about. */
  global?: string
  /** Where in the file: an archive entry, a pickle inside it, or a tar member. */
  entry?: string
  /** Byte offset of the opcode or record, counted from the start of `entry` (or of the file). */
  offset?: number
}

export interface FileScan {
  path: string
  /** What the bytes are: pickle, pytorch-zip, pytorch-legacy, joblib, numpy, safetensors, onnx, ... */
  format: string
  verdict: Verdict
  findings: Finding[]
}

export interface ScanReport {
  files: FileScan[]
  /** True when no file is unsafe or invalid. */
  passed: boolean
  counts: Record<Verdict, number>
}

export interface ScanLimits {
  /** A file larger than this is unsafe ("too large to scan"). */
  maxFileBytes: number
  /** All bytes decompressed from one file (zip entries, joblib streams) together. */
  maxInflatedBytes: number
  /** Decompressed bytes per byte of file, checked once more than `inflationFloorBytes` came out. */
  maxInflationRatio: number
  inflationFloorBytes: number
  /** Values the pickle emulator may hold (stack and memo together): bounds its memory. */
  maxPickleValues: number
  /** Archives inside archives (a zip in a tar in gzip) deeper than this are unsafe. */
  maxNesting: number
}

export interface ScanOptions {
  /** Exact names (module.qualname) allowed in pickles on top of the built-in allowlist. */
  allowGlobals?: string[]
  limits?: Partial<ScanLimits>
  /** Read every float in safetensors files and report NaN or infinite values (invalid). */
  scanTensorValues?: boolean
}

export const DEFAULT_LIMITS: ScanLimits = {
  maxFileBytes: 64 * 2 ** 30,
  maxInflatedBytes: 8 * 2 ** 30,
  maxInflationRatio: 100,
  inflationFloorBytes: 64 * 2 ** 20,
  maxPickleValues: 20_000_000,
  maxNesting: 4
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, invalid: 2, unsafe: 3 }

export function verdictOf(findings: Finding[]): Verdict {
  let worst: Severity = 'info'
  for (const finding of findings) if (RANK[finding.severity] > RANK[worst]) worst = finding.severity
  return worst === 'info' ? 'ok' : worst
}

/** A problem with the file's bytes, raised anywhere in a format reader and reported as a finding. */
export class ScanError extends Error {
  constructor(
    readonly severity: 'unsafe' | 'invalid',
    message: string,
    readonly offset?: number
  ) {
    super(message)
    this.name = 'ScanError'
  }
}

export const unsafe = (message: string, offset?: number): ScanError =>
  new ScanError('unsafe', message, offset)
export const invalid = (message: string, offset?: number): ScanError =>
  new ScanError('invalid', message, offset)
