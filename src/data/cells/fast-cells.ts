// The common cells of a CSV row accepted without their field object: a cell whose field casts it in place
// (integer, number, ISO date, boolean, string) and whose value passes every rule is only parsed and compared,
// and a missing value the field does not require is only counted. Anything else (a value outside a bound or
// not allowed, a required cell left empty, a rule this does not know) is left to the field's own check, which
// gives the exact verdict and message: this path only ever says "fine", and only where the field's check
// would say the same.
import type { KeyTracker } from '../key-tracker.js'
import type { TextCells } from '../table.js'
import type { CompiledField, FastCellSpec } from './field.js'
import { APPROXIMATION_MARGIN, type Bound } from './constraints.js'
import type { RangeCast } from './casts.js'
import { rangeIsOneOf, scanIsoDate, scanned, scanNumber } from './scan.js'

const FIELD = 0
const INTEGER = 1
const NUMBER = 2
const DATE = 3
const BOOLEAN = 4
const STRING = 5
/** A column no field reads (not in the schema): nothing to check. */
const UNREAD = 6
const KINDS: Record<RangeCast, number> = {
  integer: INTEGER,
  number: NUMBER,
  'iso-date': DATE,
  boolean: BOOLEAN,
  string: STRING
}

// What `accepts` says of a cell.
const FIELD_CHECKS = 0
const TAKEN = 1
const MISSING_TAKEN = 2

/**
 * Per column, the cast and the tightest bounds, held in typed arrays: one class and one loop for every
 * column, so the row loop stays monomorphic and no number is boxed on the way.
 */
export class FastCells {
  /** The kind of check of each column; FIELD: the field checks every cell. */
  private readonly kinds: Uint8Array
  private readonly low: Float64Array
  private readonly lowOpen: Uint8Array
  private readonly high: Float64Array
  private readonly highOpen: Uint8Array
  private readonly approximate: Uint8Array
  private readonly onlyEmptyMissing: Uint8Array
  private readonly specs: Array<FastCellSpec | null>
  /** The value of the last cell accepted (its number, or 1/0 for a boolean). */
  private number = 0
  /** After acceptRow: 1 for each cell the field must check. */
  readonly pending: Uint8Array
  /** Missing values accepted per column (not required) since the last takeMissing. */
  private readonly missing: Float64Array
  private readonly required: Uint8Array

  /** `fieldOnly`: columns whose every cell the field must see (the label, counted by its text). */
  constructor(columns: ReadonlyArray<CompiledField | null>, fieldOnly: ReadonlySet<number>) {
    const n = columns.length
    this.kinds = new Uint8Array(n)
    this.low = new Float64Array(n).fill(-Infinity)
    this.lowOpen = new Uint8Array(n)
    this.high = new Float64Array(n).fill(Infinity)
    this.highOpen = new Uint8Array(n)
    this.approximate = new Uint8Array(n)
    this.onlyEmptyMissing = new Uint8Array(n)
    this.pending = new Uint8Array(n)
    this.missing = new Float64Array(n)
    this.required = Uint8Array.from(columns, field => (field?.required ? 1 : 0))
    this.specs = columns.map((field, k) => (fieldOnly.has(k) ? null : (field?.fastCell() ?? null)))
    this.specs.forEach((spec, k) => {
      if (columns[k] === null) this.kinds[k] = UNREAD
      if (!spec) return
      this.kinds[k] = KINDS[spec.cast]
      this.approximate[k] = spec.approximate ? 1 : 0
      this.onlyEmptyMissing[k] =
        spec.missingValues.length === 1 && spec.missingValues[0] === '' ? 1 : 0
      for (const bound of spec.bounds) this.tighten(k, bound)
    })
  }

  /** Whether any column has a check here (else the row loop need not ask). */
  get useful(): boolean {
    return this.kinds.some(kind => kind !== FIELD && kind !== UNREAD)
  }

  /**
   * Every cell of columns [0, count) that this path accepts is fed to the keys it belongs to; `pending[k]`
   * is 1 for each cell the field must check. False when there is one (true: the common row, all done).
   */
  acceptRow(text: TextCells, count: number, keys: KeyTracker, across: number): boolean {
    const { source, starts, ends } = text
    const pending = this.pending
    let all = true
    for (let k = 0; k < count; k++) {
      // A cell with doubled quotes is checked as its text, like a JSON string.
      const escaped = text.escapedAt(k)
      const cell = escaped ?? source
      const start = escaped === undefined ? starts[k] : 0
      const end = escaped === undefined ? ends[k] : escaped.length
      const verdict = this.accepts(k, cell, start, end)
      if (verdict === TAKEN) {
        pending[k] = 0
        if (keys.feeds(k)) keys.value(k, this.value(k, cell, start, end), across)
      } else if (verdict === MISSING_TAKEN) {
        pending[k] = 0
        this.missing[k]++
      } else {
        pending[k] = 1
        all = false
      }
    }
    return all
  }

  /** The missing values accepted per column since the last call, then zero. */
  takeMissing(): Float64Array {
    const counts = this.missing.slice()
    this.missing.fill(0)
    return counts
  }

  private tighten(k: number, { limit, below, exclusive }: Bound): void {
    if (below) {
      if (limit > this.low[k] || (limit === this.low[k] && exclusive)) {
        this.low[k] = limit
        this.lowOpen[k] = exclusive ? 1 : 0
      }
    } else if (limit < this.high[k] || (limit === this.high[k] && exclusive)) {
      this.high[k] = limit
      this.highOpen[k] = exclusive ? 1 : 0
    }
  }

  /**
   * Whether cell `k`, `source[start, end)`, is fine by every rule of its field: TAKEN, or MISSING_TAKEN
   * for a missing value the field does not require. FIELD_CHECKS says nothing: the field must check it.
   * Measured hot path: one switch, no call that allocates.
   */
  private accepts(k: number, source: string, start: number, end: number): number {
    const kind = this.kinds[k]
    if (kind === UNREAD) return TAKEN
    if (kind === FIELD) return FIELD_CHECKS
    const spec = this.specs[k]!
    if (
      this.onlyEmptyMissing[k] === 1
        ? start === end
        : rangeIsOneOf(spec.missingValues, source, start, end)
    )
      return this.required[k] === 1 ? FIELD_CHECKS : MISSING_TAKEN
    if (start === end) return FIELD_CHECKS
    return this.acceptsValue(k, kind, spec, source, start, end) ? TAKEN : FIELD_CHECKS
  }

  private acceptsValue(
    k: number,
    kind: number,
    spec: FastCellSpec,
    source: string,
    start: number,
    end: number
  ): boolean {
    let number: number
    switch (kind) {
      case INTEGER: {
        number = digitsValue(source, start, end)
        if (number !== number) return false
        break
      }
      case NUMBER: {
        if (!scanNumber(source, start, end, this.approximate[k] === 1)) return false
        number = scanned[0]
        if (number !== number) return false
        break
      }
      case DATE: {
        if (!scanIsoDate(source, start, end)) return false
        number = scanned[0]
        break
      }
      case BOOLEAN: {
        if (rangeIsOneOf(spec.trueValues, source, start, end)) number = 1
        else if (rangeIsOneOf(spec.falseValues, source, start, end)) number = 0
        else return false
        break
      }
      default:
        if (spec.texts !== null && !spec.texts.has(source, start, end)) return false
        return spec.pattern === null || spec.pattern.test(source.slice(start, end))
    }
    if (!this.withinBounds(k, number)) return false
    if (spec.numbers !== null && !spec.numbers.has(number)) return false
    this.number = number
    return spec.pattern === null || spec.pattern.test(source.slice(start, end))
  }

  /** The cast value of the cell `accepts` took last, as the field would hold it (for the keys). */
  private value(k: number, source: string, start: number, end: number): unknown {
    const kind = this.kinds[k]
    return kind === STRING
      ? source.slice(start, end)
      : kind === BOOLEAN
        ? this.number === 1
        : this.number
  }

  /** Inside every bound, and for an approximate number clear of each by the approximation's margin. */
  private withinBounds(k: number, number: number): boolean {
    const low = this.low[k]
    const high = this.high[k]
    if (this.lowOpen[k] === 1 ? !(number > low) : !(number >= low)) return false
    if (this.highOpen[k] === 1 ? !(number < high) : !(number <= high)) return false
    if (this.approximate[k] === 0) return true
    const margin = APPROXIMATION_MARGIN
    return (
      (low === -Infinity || number - low > margin * (Math.abs(number) + Math.abs(low))) &&
      (high === Infinity || high - number > margin * (Math.abs(number) + Math.abs(high)))
    )
  }
}

/** [+-] and 1 to 15 digits as a number; NaN for anything else (the field then reads the cell). */
function digitsValue(source: string, start: number, end: number): number {
  const first = source.charCodeAt(start)
  let i = first === 43 || first === 45 ? start + 1 : start
  if (i >= end || end - i > 15) return NaN
  let value = 0
  for (; i < end; i++) {
    const digit = source.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return NaN
    value = value * 10 + digit
  }
  return first === 45 ? -value : value
}
