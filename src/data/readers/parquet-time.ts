/**
 * Parquet TIME columns hold a count of milliseconds, microseconds or nanoseconds since midnight, which
 * hyparquet hands out as a bare number. The reader makes it the time of day as text (`12:34:56.789`), which a
 * `time` field reads and a CSV or JSON subset prints; a Parquet subset writes it back as the same count.
 */

interface TimeElement {
  type?: string
  converted_type?: string
  logical_type?: { type: string; unit?: string }
}

/** Ticks per second of a TIME column (from its logical type, else its converted type); undefined otherwise. */
export function timeTicksPerSecond(element: TimeElement): bigint | undefined {
  const logical = element.logical_type
  const unit =
    logical?.type === 'TIME'
      ? logical.unit
      : element.converted_type === 'TIME_MILLIS'
        ? 'MILLIS'
        : element.converted_type === 'TIME_MICROS'
          ? 'MICROS'
          : undefined
  if (unit === 'MILLIS') return 1000n
  if (unit === 'MICROS') return 1_000_000n
  if (unit === 'NANOS') return 1_000_000_000n
  return undefined
}

const digitsOf = (perSecond: bigint): number => String(perSecond).length - 1

/**
 * `HH:MM:SS` and the fraction the unit holds, trailing zeros cut. A count the spec does not allow (negative,
 * a day or more) keeps its hours (`25:00:00`, `-00:00:01`): a `time` field reports it, and it writes back.
 */
export function timeText(ticks: bigint, perSecond: bigint): string {
  const sign = ticks < 0n ? '-' : ''
  const magnitude = ticks < 0n ? -ticks : ticks
  const seconds = magnitude / perSecond
  const fraction = String(magnitude % perSecond)
    .padStart(digitsOf(perSecond), '0')
    .replace(/0+$/, '')
  const two = (n: bigint) => String(n).padStart(2, '0')
  const clock = `${two(seconds / 3600n)}:${two((seconds / 60n) % 60n)}:${two(seconds % 60n)}`
  return `${sign}${clock}${fraction ? `.${fraction}` : ''}`
}

const TIME_TEXT = /^(-?)(\d{2,}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/

/** The count `timeText` made `text` from; undefined for any other text. */
export function timeTicks(text: string, perSecond: bigint): bigint | undefined {
  const m = TIME_TEXT.exec(text)
  const digits = digitsOf(perSecond)
  if (!m || (m[5] ?? '').length > digits) return undefined
  const seconds = BigInt(m[2]) * 3600n + BigInt(m[3]) * 60n + BigInt(m[4])
  const ticks = seconds * perSecond + BigInt((m[5] ?? '').padEnd(digits, '0') || '0')
  return m[1] ? -ticks : ticks
}
