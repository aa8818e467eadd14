/** One loss value and where it was read. */
export interface LossPoint {
  step: number
  value: number
  /** Line in the source (command output or file) it came from. */
  line: number
}

export type LossSource =
  { kind: 'output' } | { kind: 'file'; file: string; format: 'jsonl' | 'csv' }

export function describeSource(source: LossSource): string {
  return source.kind === 'output' ? 'the command output' : source.file
}
