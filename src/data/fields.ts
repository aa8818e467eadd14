import { UserError } from '../errors.js'
import type { FieldDescriptor, FieldType, TableSchema } from './schema.js'
import type { TextCells } from './table.js'

/** What is wrong with one cell, before its position is attached. */
export interface CellProblem {
  code: 'type-error' | 'constraint-error'
  message: string
}

/** A field compiled once; it checks one cell: CSV text (in place, as a range) or a JSON/Parquet value. */
export interface CompiledField {
  name: string
  type: FieldType
  /** Null when the cell is fine; after a call, `value` holds the cast value (MISSING for a missing cell). */
  check(cell: unknown): CellProblem | null
  /** The same for cell `index` of a text row, without making the cell's string unless a check needs it. */
  checkText(cells: TextCells, index: number): CellProblem | null
  value: unknown
}

export const MISSING = Symbol('missing')
/** The value of a text cell that no check and no caller reads: its string is never made. */
const UNREAD_TEXT = Symbol('unread text')
const INVALID = Symbol('invalid')
type Cast = (text: string) => unknown
type NativeCast = (value: unknown) => unknown
/**
 * The casts that read a cell straight from `source[start, end)`, with no string per cell: the hot path of
 * CSV validation. A switch over these (not a closure per field) keeps the call sites monomorphic.
 */
type RangeCast = 'integer' | 'number' | 'iso-date' | 'boolean' | 'string'

// 10^0 .. 10^22 are exact doubles.
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k)

/**
 * An integer cell ([+-]digits) read in place, by a hand-written scan: this runs once per cell of millions
 * of rows, faster than a regex. More than 15 digits go through Number() to stay exact.
 */
function integerInRange(source: string, start: number, end: number): unknown {
  let i = start
  const first = source.charCodeAt(i)
  if (first === 43 || first === 45) i++
  if (i >= end) return INVALID
  const digitsStart = i
  let value = 0
  for (; i < end; i++) {
    const digit = source.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return INVALID
    value = value * 10 + digit
  }
  if (end - digitsStart > 15) return Number(source.slice(start, end))
  return first === 45 ? -value : value
}

/**
 * A number cell read in place. Up to 15 digits without an exponent, digits / 10^fraction is one correctly
 * rounded division of exact doubles, so it equals Number(text). Longer digit strings go through Number()
 * (about 110 ns each here), unless `approximate`: then up to 40 digits are summed in doubles, within a
 * relative 1e-14 of the exact value (see APPROXIMATION_MARGIN).
 */
function numberInRange(source: string, start: number, end: number, approximate = false): unknown {
  const length = end - start
  if (length === 0) return INVALID
  let i = start
  let c = source.charCodeAt(i)
  if (length <= 4 && (c === 78 || c === 73 || c === 43 || c === 45)) {
    const word = source.slice(start, end)
    if (Object.hasOwn(SPECIAL_NUMBERS, word)) return SPECIAL_NUMBERS[word]
  }
  const negative = c === 45
  if (c === 43 || c === 45) i++
  let mantissa = 0
  let digits = 0
  let fraction = 0
  for (; i < end; i++) {
    c = source.charCodeAt(i)
    if (c < 48 || c > 57) break
    mantissa = mantissa * 10 + (c - 48)
    digits++
  }
  if (i < end && c === 46) {
    for (i++; i < end; i++) {
      c = source.charCodeAt(i)
      if (c < 48 || c > 57) break
      mantissa = mantissa * 10 + (c - 48)
      digits++
      fraction++
    }
  }
  if (digits === 0) return INVALID
  if (i === end) {
    if (digits > 15 && !(approximate && digits <= 40 && fraction <= 22))
      return Number(source.slice(start, end))
    const value = fraction ? mantissa / POWERS_OF_TEN[fraction] : mantissa
    return negative ? -value : value
  }
  if (c !== 101 && c !== 69) return INVALID
  i++
  c = source.charCodeAt(i)
  if (i < end && (c === 43 || c === 45)) i++
  const exponentStart = i
  for (; i < end; i++) {
    c = source.charCodeAt(i)
    if (c < 48 || c > 57) return INVALID
  }
  return i > exponentStart ? Number(source.slice(start, end)) : INVALID
}

/** Two or four ASCII digits at `at` as a number, or -1. */
function digitsAt(source: string, at: number, count: number): number {
  let value = 0
  for (let k = at; k < at + count; k++) {
    const digit = source.charCodeAt(k) - 48
    if (digit < 0 || digit > 9) return -1
    value = value * 10 + digit
  }
  return value
}

/** YYYY-MM-DD, read in place. */
function isoDateInRange(source: string, start: number, end: number): unknown {
  if (
    end - start !== 10 ||
    source.charCodeAt(start + 4) !== 45 ||
    source.charCodeAt(start + 7) !== 45
  )
    return INVALID
  const year = digitsAt(source, start, 4)
  const month = digitsAt(source, start + 5, 2)
  const day = digitsAt(source, start + 8, 2)
  return year < 0 || month < 0 || day < 0 ? INVALID : utc(year, month, day)
}

/** Whether `source[start, end)` is one of `words`, with no string made. */
function rangeIsOneOf(
  words: readonly string[],
  source: string,
  start: number,
  end: number
): boolean {
  const length = end - start
  for (let k = 0; k < words.length; k++)
    if (words[k].length === length && source.startsWith(words[k], start)) return true
  return false
}

const SPECIAL_NUMBERS: Record<string, number> = {
  NaN: NaN,
  INF: Infinity,
  '+INF': Infinity,
  '-INF': -Infinity
}
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
const ISO_TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/
const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/
const YEARMONTH = /^(\d{4})-(\d{2})$/
const DURATION =
  /^P(?!$)(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/
const GEOJSON_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
  'Feature',
  'FeatureCollection'
])
const DAY_MS = 86_400_000

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil): no Date objects. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** Milliseconds since 1970 for a valid calendar date and time, else INVALID. */
function utc(
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

/** A strptime-style pattern as a caster to epoch milliseconds. */
function strptime(format: string, where: string): Cast {
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
  const regex = new RegExp(`^${source}$`)
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

interface Caster {
  expected: string
  fromText: Cast
  rangeCast?: RangeCast
  /** Boolean: the words for true and false. */
  words?: { trueValues: readonly string[]; falseValues: readonly string[] }
  /** A value that is not text (a JSON number, a Parquet date): text always goes through fromText. */
  fromNative: NativeCast
  /** How a cast value is shown in messages. */
  show: (value: unknown, text: string) => string
}

function dateLike(
  field: FieldDescriptor,
  where: string,
  kind: 'date' | 'datetime' | 'time'
): Caster {
  const format = field.format ?? 'default'
  let fromText: Cast
  if (format === 'default') {
    fromText =
      kind === 'date'
        ? text => isoDateInRange(text, 0, text.length)
        : kind === 'time'
          ? text => {
              const m = ISO_TIME.exec(text)
              return m && +m[1] < 24 && +m[2] < 60 && +m[3] < 61
                ? (+m[1] * 3600 + +m[2] * 60 + +m[3]) * 1000
                : INVALID
            }
          : text => {
              const m = ISO_DATETIME.exec(text)
              if (!m) return INVALID
              const local = utc(
                +m[1],
                +m[2],
                +m[3],
                +m[4],
                +m[5],
                +m[6],
                m[7] ? Math.round(+m[7] * 1000) : 0
              )
              if (local === INVALID) return INVALID
              const zone = m[8]
              if (!zone || zone === 'Z') return local
              const sign = zone[0] === '-' ? -1 : 1
              const digits = zone.slice(1).replace(':', '')
              return local - sign * (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60_000
            }
  } else if (format === 'any') {
    fromText = text => {
      const time = Date.parse(kind === 'time' ? `1970-01-01T${text}Z` : text)
      return Number.isNaN(time) ? INVALID : time
    }
  } else {
    fromText = strptime(format.replace(/^fmt:/, ''), where)
  }
  const expected = `${kind === 'date' ? 'a date' : kind === 'time' ? 'a time' : 'a datetime'}${format === 'default' ? (kind === 'date' ? ' as YYYY-MM-DD' : kind === 'time' ? ' as HH:MM:SS' : ' as YYYY-MM-DDTHH:MM:SS[Z]') : format === 'any' ? '' : ` as ${format}`}`
  return {
    expected,
    fromText,
    rangeCast: format === 'default' && kind === 'date' ? 'iso-date' : undefined,
    fromNative: value => {
      if (value instanceof Date) {
        const time = value.getTime()
        if (Number.isNaN(time)) return INVALID
        return kind === 'date'
          ? Math.floor(time / DAY_MS) * DAY_MS
          : kind === 'time'
            ? time % DAY_MS
            : time
      }
      return INVALID
    },
    show: (_value, text) => text
  }
}

function numeric(field: FieldDescriptor, integer: boolean): Caster {
  const plain =
    field.bareNumber !== false &&
    !field.groupChar &&
    (!field.decimalChar || field.decimalChar === '.')
  const normalise = plain
    ? (text: string): string => text
    : (text: string): string => {
        let out = text
        if (field.bareNumber === false) out = out.replace(/^[^\d+\-.]+|[^\d.]+$/g, '')
        if (field.groupChar) out = out.split(field.groupChar).join('')
        if (field.decimalChar && field.decimalChar !== '.')
          out = out.replace(field.decimalChar, '.')
        return out
      }
  // The same scans as cells read in place; special words are looked up before a bare-number strip.
  const fromText: Cast = integer
    ? text => {
        const normal = normalise(text)
        return integerInRange(normal, 0, normal.length)
      }
    : text => {
        if (Object.hasOwn(SPECIAL_NUMBERS, text)) return SPECIAL_NUMBERS[text]
        const normal = normalise(text)
        return numberInRange(normal, 0, normal.length)
      }
  return {
    expected: integer ? 'an integer' : 'a number',
    fromText,
    rangeCast: plain ? (integer ? 'integer' : 'number') : undefined,
    fromNative: value => {
      if (typeof value === 'bigint') return Number(value)
      if (typeof value === 'number') return integer && !Number.isInteger(value) ? INVALID : value
      return INVALID
    },
    show: value => String(value)
  }
}

/** Text that parses as JSON and is the right kind of value. */
function jsonText(fits: (value: unknown) => boolean): Cast {
  return text => {
    try {
      const value = JSON.parse(text)
      return fits(value) ? value : INVALID
    } catch {
      return INVALID
    }
  }
}

function json(kind: 'object' | 'array'): Caster {
  const fits = (value: unknown): boolean =>
    kind === 'array'
      ? Array.isArray(value)
      : typeof value === 'object' && value !== null && !Array.isArray(value)
  const fromText = jsonText(fits)
  return {
    expected: kind === 'object' ? 'a JSON object' : 'a JSON array',
    fromText,
    fromNative: value => (fits(value) ? value : INVALID),
    show: (_value, text) => text
  }
}

function caster(field: FieldDescriptor, where: string): Caster {
  const native =
    (accepts: (value: unknown) => boolean): NativeCast =>
    value =>
      accepts(value) ? value : INVALID
  switch (field.type) {
    case 'integer':
      return numeric(field, true)
    case 'number':
      return numeric(field, false)
    case 'boolean': {
      const trueValues = field.trueValues ?? ['true', 'True', 'TRUE', '1']
      const falseValues = field.falseValues ?? ['false', 'False', 'FALSE', '0']
      const fromText: Cast = text =>
        trueValues.includes(text) ? true : falseValues.includes(text) ? false : INVALID
      return {
        expected: `a boolean (${[...trueValues, ...falseValues].join(', ')})`,
        fromText,
        rangeCast: 'boolean',
        words: { trueValues, falseValues },
        fromNative: native(value => typeof value === 'boolean'),
        show: value => String(value)
      }
    }
    case 'date':
    case 'datetime':
    case 'time':
      return dateLike(field, where, field.type)
    case 'year': {
      const fromText: Cast = text => (/^\d{4}$/.test(text) ? Number(text) : INVALID)
      return {
        expected: 'a year as YYYY',
        fromText,
        fromNative: native(v => Number.isInteger(v)),
        show: value => String(value)
      }
    }
    case 'yearmonth': {
      const fromText: Cast = text => {
        const m = YEARMONTH.exec(text)
        return m && +m[2] >= 1 && +m[2] <= 12 ? +m[1] * 12 + +m[2] - 1 : INVALID
      }
      return {
        expected: 'a year and month as YYYY-MM',
        fromText,
        fromNative: native(() => false),
        show: (_v, text) => text
      }
    }
    case 'duration': {
      const fromText: Cast = text => {
        const m = DURATION.exec(text)
        if (!m) return INVALID
        const [y, mo, w, d, h, mi, s] = m
          .slice(1)
          .map(part => (part === undefined ? 0 : Number(part)))
        return ((((y * 365.25 + mo * 30.44 + w * 7 + d) * 24 + h) * 60 + mi) * 60 + s) * 1000
      }
      return {
        expected: 'an ISO 8601 duration such as P1DT2H',
        fromText,
        fromNative: native(() => false),
        show: (_v, text) => text
      }
    }
    case 'object':
      return json('object')
    case 'array':
      return json('array')
    case 'geopoint': {
      const format = field.format ?? 'default'
      const valid = (lon: number, lat: number): unknown =>
        Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90
          ? [lon, lat]
          : INVALID
      const fromParsed = (value: unknown): unknown =>
        Array.isArray(value) && value.length === 2
          ? valid(Number(value[0]), Number(value[1]))
          : typeof value === 'object' && value !== null && 'lon' in value && 'lat' in value
            ? valid(
                Number((value as { lon: unknown }).lon),
                Number((value as { lat: unknown }).lat)
              )
            : INVALID
      const fromText: Cast = text => {
        if (format === 'default') {
          const m = /^\s*([+-]?[\d.]+)\s*,\s*([+-]?[\d.]+)\s*$/.exec(text)
          return m ? valid(Number(m[1]), Number(m[2])) : INVALID
        }
        try {
          return fromParsed(JSON.parse(text))
        } catch {
          return INVALID
        }
      }
      return {
        expected:
          format === 'default'
            ? 'a geopoint as "lon, lat"'
            : `a geopoint as ${format === 'array' ? '[lon, lat]' : '{"lon": .., "lat": ..}'}`,
        fromText,
        fromNative: fromParsed,
        show: (_v, text) => text
      }
    }
    case 'geojson': {
      const topo = field.format === 'topojson'
      const fits = (value: unknown): boolean =>
        typeof value === 'object' &&
        value !== null &&
        (topo
          ? (value as { type?: unknown }).type === 'Topology'
          : GEOJSON_TYPES.has(String((value as { type?: unknown }).type)))
      const fromText = jsonText(fits)
      return {
        expected: topo ? 'a TopoJSON object' : 'a GeoJSON object',
        fromText,
        fromNative: value => (fits(value) ? value : INVALID),
        show: (_v, text) => text
      }
    }
    case 'any':
      return {
        expected: 'any value',
        fromText: text => text,
        fromNative: value => value,
        show: (_v, text) => text
      }
    case 'string': {
      const format = field.format ?? 'default'
      const test =
        format === 'email'
          ? (text: string) => EMAIL.test(text)
          : format === 'uuid'
            ? (text: string) => UUID.test(text)
            : format === 'uri'
              ? (text: string) => URL.canParse(text)
              : format === 'binary'
                ? (text: string) => BASE64.test(text)
                : null
      const fromText: Cast = text => (test && !test(text) ? INVALID : text)
      return {
        expected: test ? `a string in ${format} format` : 'a string',
        fromText,
        rangeCast: test ? undefined : 'string',
        fromNative: native(() => false),
        show: (_v, text) => text
      }
    }
  }
}

const ORDERED = new Set<FieldType>([
  'integer',
  'number',
  'date',
  'datetime',
  'time',
  'year',
  'yearmonth',
  'duration'
])
const SIZED = new Set<FieldType>(['string', 'array', 'object'])

function textOf(cell: unknown): string {
  if (typeof cell === 'string') return cell
  if (cell instanceof Date) return cell.toISOString()
  if (typeof cell === 'object') return JSON.stringify(cell)
  return String(cell)
}

/**
 * An approximate number within this relative distance of a bound is cast exactly before comparing: the
 * approximation is within 1e-14 (at most 40 digits, two roundings each, and one division), so outside this
 * margin it is on the same side of the bound as the exact value.
 */
const APPROXIMATION_MARGIN = 1e-12

/**
 * Compiles one field: its cast and its constraints as data, checked once per cell. `valueRead`:
 * the caller reads `value` (a primary key part), so it must be the exact cast, made even when no check
 * of the field's own needs it.
 */
export function compileField(
  field: FieldDescriptor,
  index: number,
  schemaMissingValues: readonly string[],
  schemaLabel: string,
  valueRead = false
): CompiledField {
  const where = `${schemaLabel}: fields[${index}]`
  const cast = caster(field, where)
  const missingValues = [...new Set(field.missingValues ?? schemaMissingValues)]
  const constraints = field.constraints ?? {}
  valueRead ||= constraints.unique === true
  // Only numbers read from text may be approximate; nothing but a bound check reads them.
  const approximate = cast.rangeCast === 'number' && !valueRead && constraints.enum === undefined
  const castBound = (value: unknown, key: string): unknown => {
    const out = typeof value === 'string' ? cast.fromText(value) : cast.fromNative(value)
    if (out === INVALID)
      throw new UserError(
        `${where}.constraints.${key}: expected ${cast.expected}; got ${JSON.stringify(value)}`
      )
    return out
  }

  const rules: Rules = {
    bounds: [],
    lengths: [],
    allowed: null,
    allowedTexts: null,
    numericEnum: ORDERED.has(field.type),
    listed: '',
    pattern: null,
    patternSource: constraints.pattern ?? ''
  }
  for (const key of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const) {
    const bound = constraints[key]
    if (bound === undefined) continue
    if (!ORDERED.has(field.type))
      throw new UserError(`${where}.constraints.${key}: not allowed for type ${field.type}`)
    const below = key === 'minimum' || key === 'exclusiveMinimum'
    const exclusive = key.startsWith('exclusive')
    rules.bounds.push({
      limit: castBound(bound, key) as number,
      below,
      exclusive,
      words: below
        ? exclusive
          ? 'must be above'
          : 'is below the minimum'
        : exclusive
          ? 'must be below'
          : 'is above the maximum',
      shown: String(bound)
    })
  }
  for (const key of ['minLength', 'maxLength'] as const) {
    const limit = constraints[key]
    if (limit === undefined) continue
    if (!SIZED.has(field.type))
      throw new UserError(`${where}.constraints.${key}: not allowed for type ${field.type}`)
    rules.lengths.push({ limit, min: key === 'minLength' })
  }
  if (constraints.enum) {
    const options = constraints.enum.map((option, i) => castBound(option, `enum[${i}]`))
    // Ordered types cast to numbers: look them up as numbers, with no String(number) per cell.
    rules.allowed = new Set<unknown>(rules.numericEnum ? options : options.map(canonical))
    if (cast.rangeCast === 'string') rules.allowedTexts = new TextSet(options.map(canonical))
    rules.listed = constraints.enum.map(String).join(', ')
  }
  if (constraints.pattern !== undefined) {
    try {
      rules.pattern = new RegExp(`^(?:${constraints.pattern})$`, 'u')
    } catch (error) {
      throw new UserError(
        `${where}.constraints.pattern: not a valid regular expression: ${(error as Error).message}`
      )
    }
  }
  return new Field(field.name, field.type, cast, rules, {
    missingValues,
    required: constraints.required === true,
    approximate,
    valueRead
  })
}

/** A minimum, maximum or exclusive bound, cast to the field's type. */
interface Bound {
  limit: number
  below: boolean
  exclusive: boolean
  words: string
  shown: string
}

/** A set of strings that also answers for a range of a longer text, without making its string. */
class TextSet {
  private readonly buckets = new Map<number, string[]>()

  constructor(words: readonly string[]) {
    for (const word of words) {
      const hash = TextSet.hash(word, 0, word.length)
      const bucket = this.buckets.get(hash)
      if (bucket) bucket.push(word)
      else this.buckets.set(hash, [word])
    }
  }

  private static hash(source: string, start: number, end: number): number {
    let hash = 0x811c9dc5
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193)
    return hash
  }

  has(source: string, start: number, end: number): boolean {
    const bucket = this.buckets.get(TextSet.hash(source, start, end))
    return bucket !== undefined && rangeIsOneOf(bucket, source, start, end)
  }
}

/** A field's constraints as data: checked inline, with no closure call per cell. */
interface Rules {
  bounds: Bound[]
  lengths: Array<{ limit: number; min: boolean }>
  allowed: Set<unknown> | null
  /** String fields: the allowed texts, looked up as ranges of the source. */
  allowedTexts: TextSet | null
  numericEnum: boolean
  listed: string
  pattern: RegExp | null
  patternSource: string
}

function canonical(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/** NaN compares false with everything; a bounded column must not let it through. */
function isOutside(bound: Bound, number: number): boolean {
  return (
    Number.isNaN(number) ||
    (bound.below
      ? bound.exclusive
        ? number <= bound.limit
        : number < bound.limit
      : bound.exclusive
        ? number >= bound.limit
        : number > bound.limit)
  )
}

/** A compiled field: the cast and constraint checks of one column, applied to one cell at a time. */
class Field implements CompiledField {
  value: unknown = undefined
  // The cell being checked: a value (JSON, Parquet, a CSV cell with doubled quotes) or a range of text.
  // Its text is made only when a check or a message needs it: a string per cell adds up over millions.
  private cell: unknown = undefined
  private source: string | null = null
  private start = 0
  private end = 0
  private readonly label: string
  private readonly missingValues: string[]
  private readonly onlyEmptyIsMissing: boolean
  private readonly required: boolean
  private readonly requiredProblem: CellProblem
  private readonly rangeCast: RangeCast | undefined
  private readonly approximate: boolean
  private readonly textUnread: boolean
  private readonly trueValues: readonly string[]
  private readonly falseValues: readonly string[]

  constructor(
    readonly name: string,
    readonly type: FieldType,
    private readonly cast: Caster,
    private readonly rules: Rules,
    options: {
      missingValues: string[]
      required: boolean
      approximate: boolean
      valueRead: boolean
    }
  ) {
    this.label = `field "${name}"`
    this.missingValues = options.missingValues
    this.onlyEmptyIsMissing = options.missingValues.length === 1 && options.missingValues[0] === ''
    this.required = options.required
    this.requiredProblem = {
      code: 'constraint-error',
      message: `${this.label} is required; the cell is empty`
    }
    this.rangeCast = cast.rangeCast
    this.approximate = options.approximate
    // A string field's text is made only for a check that needs the string (an enum looks up ranges).
    this.textUnread =
      !options.valueRead &&
      rules.lengths.length === 0 &&
      (rules.allowed === null || rules.allowedTexts !== null) &&
      rules.pattern === null
    this.trueValues = cast.words?.trueValues ?? []
    this.falseValues = cast.words?.falseValues ?? []
  }

  private cellText(): string {
    return this.source === null ? textOf(this.cell) : this.source.slice(this.start, this.end)
  }

  check(cell: unknown): CellProblem | null {
    // Text (a JSON string, a CSV cell with doubled quotes) is cast like a range of CSV text.
    if (typeof cell === 'string') return this.checkRange(cell, 0, cell.length)
    this.source = null
    this.cell = cell
    if (cell === null || cell === undefined) return this.missing()
    // A JSON or Parquet value that already has the field's type needs no cast.
    const fits =
      typeof cell === 'number'
        ? this.rangeCast === 'number' || (this.rangeCast === 'integer' && Number.isInteger(cell))
        : typeof cell === 'boolean' && this.rangeCast === 'boolean'
    return this.afterCast(fits ? cell : this.cast.fromNative(cell))
  }

  checkText(cells: TextCells, index: number): CellProblem | null {
    const escaped = cells.escapedAt(index)
    if (escaped !== undefined) return this.checkRange(escaped, 0, escaped.length)
    return this.checkRange(cells.source, cells.starts[index], cells.ends[index])
  }

  private checkRange(source: string, start: number, end: number): CellProblem | null {
    this.source = source
    this.start = start
    this.end = end
    if (
      this.onlyEmptyIsMissing ? start === end : rangeIsOneOf(this.missingValues, source, start, end)
    )
      return this.missing()
    let value: unknown
    switch (this.rangeCast) {
      case 'integer':
        value = integerInRange(source, start, end)
        break
      case 'number':
        value = numberInRange(source, start, end, this.approximate)
        break
      case 'iso-date':
        value = isoDateInRange(source, start, end)
        break
      case 'boolean':
        value = rangeIsOneOf(this.trueValues, source, start, end)
          ? true
          : rangeIsOneOf(this.falseValues, source, start, end)
            ? false
            : INVALID
        break
      case 'string':
        value = this.textUnread ? UNREAD_TEXT : source.slice(start, end)
        break
      default:
        value = this.cast.fromText(source.slice(start, end))
    }
    return this.afterCast(value)
  }

  private missing(): CellProblem | null {
    this.value = MISSING
    return this.required ? this.requiredProblem : null
  }

  private afterCast(value: unknown): CellProblem | null {
    this.value = value
    if (value === INVALID) {
      const shown =
        this.source !== null
          ? JSON.stringify(this.cellText())
          : `${typeof this.cell} ${textOf(this.cell)}`
      return {
        code: 'type-error',
        message: `${this.label}: expected ${this.cast.expected}; got ${shown}`
      }
    }
    const rules = this.rules
    for (let i = 0; i < rules.bounds.length; i++) {
      const problem = this.checkBound(rules.bounds[i], value as number)
      if (problem) return problem
    }
    for (let i = 0; i < rules.lengths.length; i++) {
      const { limit, min } = rules.lengths[i]
      const length =
        typeof value === 'string'
          ? [...value].length
          : Array.isArray(value)
            ? value.length
            : Object.keys(value as object).length
      if (min ? length < limit : length > limit)
        return {
          code: 'constraint-error',
          message: `${this.label}: length ${length} is ${min ? 'below the minLength' : 'above the maxLength'} ${limit}`
        }
    }
    if (
      rules.allowed !== null &&
      !(value === UNREAD_TEXT
        ? this.textIsAllowed(rules.allowedTexts!, rules.allowed)
        : rules.allowed.has(rules.numericEnum ? value : canonical(value)))
    )
      return {
        code: 'constraint-error',
        message: `${this.label}: "${this.cellText()}" is not one of ${rules.listed}`
      }
    if (rules.pattern !== null) {
      const text = typeof value === 'string' ? value : this.cellText()
      if (!rules.pattern.test(text))
        return {
          code: 'constraint-error',
          message: `${this.label}: "${text}" does not match the pattern ${rules.patternSource}`
        }
    }
    return null
  }

  /** A whole string (JSON, Parquet: often the same dictionary string, hashed once) is looked up as is. */
  private textIsAllowed(texts: TextSet, allowed: Set<unknown>): boolean {
    const source = this.source!
    return this.start === 0 && this.end === source.length
      ? allowed.has(source)
      : texts.has(source, this.start, this.end)
  }

  private checkBound(bound: Bound, value: number): CellProblem | null {
    let number = value
    let outside = isOutside(bound, number)
    // An approximate number near the bound (or outside it: the message shows it) is cast exactly.
    if (
      this.approximate &&
      this.source !== null &&
      (outside ||
        Math.abs(number - bound.limit) <=
          APPROXIMATION_MARGIN * (Math.abs(number) + Math.abs(bound.limit)))
    ) {
      number = numberInRange(this.source, this.start, this.end) as number
      outside = isOutside(bound, number)
    }
    return outside
      ? {
          code: 'constraint-error',
          message: `${this.label}: ${this.cast.show(number, this.cellText())} ${bound.words} ${bound.shown}`
        }
      : null
  }
}

/** The primary key's fields, however the schema wrote it (a name, a list, or none). */
export function primaryKeyOf(schema: Pick<TableSchema, 'primaryKey'>): string[] {
  return schema.primaryKey === undefined ? [] : [schema.primaryKey].flat()
}

export function compileSchema(schema: TableSchema, schemaLabel: string): CompiledField[] {
  const primaryKey = primaryKeyOf(schema)
  return schema.fields.map((field, index) =>
    compileField(field, index, schema.missingValues, schemaLabel, primaryKey.includes(field.name))
  )
}

/** A canonical text for a cast value, for unique and primary-key checks. */
export function uniqueKey(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string')
    return `${typeof value}:${String(value)}`
  return `json:${JSON.stringify(value)}`
}
