import { clip } from '../untrusted.js'
import type { ValidationResult, Violation } from './validation-types.js'

/** Longest message (and field name) a kept violation carries: a 10 MiB cell is not echoed whole. */
export const MAX_MESSAGE_CHARS = 1000
const MAX_FIELD_CHARS = 200

function bounded(violation: Violation): Violation {
  const { message, field } = violation
  if (message.length <= MAX_MESSAGE_CHARS && (field?.length ?? 0) <= MAX_FIELD_CHARS)
    return violation
  return {
    ...violation,
    message: clip(message, MAX_MESSAGE_CHARS),
    ...(field !== undefined ? { field: clip(field, MAX_FIELD_CHARS) } : {})
  }
}

/** Every violation counted by code and field; the first `max` kept, their text bounded. */
export class ViolationLog {
  readonly kept: Violation[]
  readonly countsByCode: Record<string, number>
  readonly countsByField: Record<string, number>
  count: number
  /** The file being read, which each kept violation names (set for data of several files). */
  file: string | undefined = undefined

  /** `from`: a log to go on with (the merged logs of a file's parts). */
  constructor(
    private readonly max: number,
    from?: Pick<
      ValidationResult,
      'violations' | 'violationCount' | 'countsByCode' | 'countsByField'
    >
  ) {
    this.kept = from ? from.violations.slice(0, max) : []
    this.count = from?.violationCount ?? 0
    this.countsByCode = { ...from?.countsByCode }
    this.countsByField = { ...from?.countsByField }
  }

  add(violation: Violation): void {
    this.count++
    this.countsByCode[violation.code] = (this.countsByCode[violation.code] ?? 0) + 1
    if (violation.field !== undefined)
      this.countsByField[violation.field] = (this.countsByField[violation.field] ?? 0) + 1
    if (this.kept.length < this.max)
      this.kept.push(
        bounded(
          this.file === undefined || violation.file !== undefined
            ? violation
            : { ...violation, file: this.file }
        )
      )
  }

  /** The log as a ValidationResult reports it. */
  summary(): Pick<
    ValidationResult,
    'violationCount' | 'violations' | 'truncated' | 'countsByCode' | 'countsByField'
  > {
    return {
      violationCount: this.count,
      violations: this.kept,
      truncated: this.count > this.kept.length,
      countsByCode: this.countsByCode,
      countsByField: this.countsByField
    }
  }
}
