import type { ValidationResult, Violation } from './validation-types.js'

/** Every violation counted by code and field; the first `max` kept. */
export class ViolationLog {
  readonly kept: Violation[]
  readonly countsByCode: Record<string, number>
  readonly countsByField: Record<string, number>
  count: number

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
    if (this.kept.length < this.max) this.kept.push(violation)
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
