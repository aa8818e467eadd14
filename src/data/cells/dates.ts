import { UserError } from '../../errors.js'
import { INVALID } from './invalid.js'

export const DAY_MS = 86_400_000
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const ISO_TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/
const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/
const YEARMONTH = /^(\d{4})-(\d{2})$/
const DURATION =
  /^P(?!$)(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil): no Date objects. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** Milliseconds since 1970 for a valid calendar date and time, else INVALID. */
export function utc(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0
): number | typeof INVALID {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return INVALID
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  if (day > DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0)) return INVALID
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + ms
}

/** Minutes east of UTC of a `Z`, `±HH:MM` or `±HHMM` zone (none: 0). */
function zoneMinutes(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0
  const digits = zone.slice(1).replace(':', '')
  return (zone[0] === '-' ? -1 : 1) * (+digits.slice(0, 2) * 60 + +digits.slice(2))
}

/**
 * HH:MM:SS[.fraction][Z|±HH[:]MM] as milliseconds since midnight UTC (no zone: UTC; the fraction is not
 * kept), else INVALID. With a zone, 15:00:00+02:00 is 13:00 UTC, so bounds compare the same instant.
 */
export function isoTime(text: string): number | typeof INVALID {
  const m = ISO_TIME.exec(text)
  if (!m || +m[1] > 23 || +m[2] > 59 || +m[3] > 60) return INVALID
  const local = (+m[1] * 3600 + +m[2] * 60 + +m[3]) * 1000
  if (m[4] === undefined) return local
  return (((local - zoneMinutes(m[4]) * 60_000) % DAY_MS) + DAY_MS) % DAY_MS
}

/** YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH[:]MM] as epoch milliseconds (no zone: UTC), else INVALID. */
export function isoDatetime(text: string): number | typeof INVALID {
  const m = ISO_DATETIME.exec(text)
  if (!m) return INVALID
  const local = utc(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6], m[7] ? Math.round(+m[7] * 1000) : 0)
  if (local === INVALID) return INVALID
  return local - zoneMinutes(m[8]) * 60_000
}

/** YYYY-MM as months since year 0 (so that bounds compare), else INVALID. */
export function yearMonth(text: string): number | typeof INVALID {
  const m = YEARMONTH.exec(text)
  return m && +m[2] >= 1 && +m[2] <= 12 ? +m[1] * 12 + +m[2] - 1 : INVALID
}

/**
 * An ISO 8601 duration (PnYnMnWnDTnHnMnS) as milliseconds, a year counted as 365.25 days and a month as
 * 30.44 (so that bounds compare), else INVALID.
 */
export function durationMs(text: string): number | typeof INVALID {
  const m = DURATION.exec(text)
  if (!m) return INVALID
  const [y, mo, w, d, h, mi, s] = m.slice(1).map(part => (part === undefined ? 0 : Number(part)))
  return ((((y * 365.25 + mo * 30.44 + w * 7 + d) * 24 + h) * 60 + mi) * 60 + s) * 1000
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
/** Python strptime directives; anything else in a format is matched literally. */
const DIRECTIVES: Record<string, { pattern: string; part: string }> = {
  '%Y': { pattern: '(\\d{4})', part: 'year' },
  '%y': { pattern: '(\\d{2})', part: 'year2' },
  '%m': { pattern: '(\\d{1,2})', part: 'month' },
  '%d': { pattern: '(\\d{1,2})', part: 'day' },
  '%H': { pattern: '(\\d{1,2})', part: 'hour' },
  '%M': { pattern: '(\\d{1,2})', part: 'minute' },
  '%S': { pattern: '(\\d{1,2})', part: 'second' },
  '%f': { pattern: '(\\d{1,6})', part: 'fraction' },
  '%b': { pattern: '([A-Za-z]{3})', part: 'monthName' },
  '%%': { pattern: '%', part: '' }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A strptime format as a regular expression, and the part of the date each of its groups holds. */
function compileFormat(format: string, where: string): { regex: RegExp; parts: string[] } {
  const parts: string[] = []
  let source = ''
  for (let i = 0; i < format.length; i++) {
    const directive = DIRECTIVES[format.slice(i, i + 2)]
    if (format[i] === '%' && directive) {
      source += directive.pattern
      if (directive.part) parts.push(directive.part)
      i++
    } else if (format[i] === '%') {
      throw new UserError(
        `${where}.format: unsupported directive "${format.slice(i, i + 2)}" (supported: ${Object.keys(DIRECTIVES).join(' ')})`
      )
    } else source += escapeRegExp(format[i])
  }
  return { regex: new RegExp(`^${source}$`), parts }
}

/**
 * A strptime-style format (Python's %Y %y %m %d %H %M %S %f %b %%) as a caster from text to epoch
 * milliseconds, or INVALID. `where` names the field in the error an unsupported directive throws.
 */
export function strptime(format: string, where: string): (text: string) => unknown {
  const { regex, parts } = compileFormat(format, where)
  return text => {
    const match = regex.exec(text)
    if (!match) return INVALID
    const v: Record<string, number> = {
      year: 1900,
      month: 1,
      day: 1,
      hour: 0,
      minute: 0,
      second: 0,
      ms: 0
    }
    parts.forEach((part, index) => {
      const raw = match[index + 1]
      if (part === 'year2') v.year = +raw < 69 ? 2000 + +raw : 1900 + +raw
      else if (part === 'monthName') v.month = MONTHS.indexOf(raw.toLowerCase()) + 1
      else if (part === 'fraction') v.ms = Math.round(+`0.${raw}` * 1000)
      else v[part] = +raw
    })
    return utc(v.year, v.month, v.day, v.hour, v.minute, v.second, v.ms)
  }
}
