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

/**
 * Every violation counted by code and field; the first `max` kept, their text bounded. Each kept one has
 * an order key (row-violations.ts): violations found after the pass (repeated keys) are put in file order
 * among the others by `absorb`.
 */
export class ViolationLog {
  kept: Violation[]
  orders: number[]
  readonly countsByCode: Record<string, number>
  readonly countsByField: Record<string, number>
  count: number
  /** The file being read, which each kept violation names (set for data of several files). */
  file: string | undefined = undefined
  private lastOrder = 0

  /** `from`: a log to go on with (the merged logs of a file's parts). */
  constructor(
    private readonly max: number,
    from?: Pick<
      ValidationResult,
      'violations' | 'violationCount' | 'countsByCode' | 'countsByField' | 'orders'
    >
  ) {
    this.kept = from ? from.violations.slice(0, max) : []
    this.orders = from?.orders?.slice(0, max) ?? this.kept.map(() => 0)
    this.count = from?.violationCount ?? 0
    this.countsByCode = { ...from?.countsByCode }
    this.countsByField = { ...from?.countsByField }
  }

  /** `order`: its place in file order (default: after the last one added). */
  add(violation: Violation, order = this.lastOrder): void {
    this.count++
    this.countsByCode[violation.code] = (this.countsByCode[violation.code] ?? 0) + 1
    if (violation.field !== undefined)
      this.countsByField[violation.field] = (this.countsByField[violation.field] ?? 0) + 1
    this.lastOrder = order
    if (this.kept.length < this.max) {
      this.kept.push(
        bounded(
          this.file === undefined || violation.file !== undefined
            ? violation
            : { ...violation, file: this.file }
        )
      )
      this.orders.push(order)
    }
  }

  /** Another log's violations, counted, and the kept ones put among these in order (ties: these first). */
  absorb(other: ViolationLog): void {
    this.count += other.count
    for (const [code, n] of Object.entries(other.countsByCode))
      this.countsByCode[code] = (this.countsByCode[code] ?? 0) + n
    for (const [field, n] of Object.entries(other.countsByField))
      this.countsByField[field] = (this.countsByField[field] ?? 0) + n
    const kept: Violation[] = []
    const orders: number[] = []
    let i = 0
    let j = 0
    while (kept.length < this.max && (i < this.kept.length || j < other.kept.length)) {
      const mine =
        i < this.kept.length && (j === other.kept.length || this.orders[i] <= other.orders[j])
      kept.push(mine ? this.kept[i] : other.kept[j])
      orders.push(mine ? this.orders[i++] : other.orders[j++])
    }
    this.kept = kept
    this.orders = orders
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
