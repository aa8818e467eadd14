// One caster per Table Schema field type: how a cell's text, or a JSON/Parquet value, becomes the value its
// constraints compare. A caster is built once per field; the hot types also name a RangeCast, which
// Field runs on the CSV text in place.
import type { ArrayItemDescriptor, FieldDescriptor } from '../schema-shape.js'
import { DAY_MS, durationMs, isoDatetime, isoTime, strptime, yearMonth } from './dates.js'
import { isGeoJson, isTopoJson, isWkt } from './geo.js'
import { INVALID } from './invalid.js'
import { integerInRange, isoDateInRange, numberInRange, SPECIAL_NUMBERS } from './scan.js'

export type Cast = (text: string) => unknown
type NativeCast = (value: unknown) => unknown
/**
 * The casts that read a cell straight from `source[start, end)`, with no string per cell: the hot path of
 * CSV validation. A switch over these (not a closure per field) keeps the call sites monomorphic.
 */
export type RangeCast = 'integer' | 'number' | 'iso-date' | 'boolean' | 'string'

export interface Caster {
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

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

const showText = (_value: unknown, text: string): string => text
const showValue = (value: unknown): string => String(value)

/** A native cast that keeps the values `accepts` takes. */
function native(accepts: (value: unknown) => boolean): NativeCast {
  return value => (accepts(value) ? value : INVALID)
}

/** A field, or the arrayItem of one: what a caster reads. */
type Described = FieldDescriptor | ArrayItemDescriptor

/** The caster of a field, by its type (and format, and number or boolean options). */
export function caster(field: Described, where: string): Caster {
  switch (field.type) {
    case 'integer':
      return numeric(field, true)
    case 'number':
      return numeric(field, false)
    case 'boolean':
      return boolean(field)
    case 'date':
    case 'datetime':
    case 'time':
      return dateLike(field, where, field.type)
    case 'year':
      return year()
    case 'yearmonth':
      return {
        ...textOnly('a year and month as YYYY-MM', yearMonth),
        fromNative: yearMonthPair
      }
    case 'duration':
      return textOnly('an ISO 8601 duration such as P1DT2H', durationMs)
    case 'object':
    case 'array':
      return json(field.type)
    case 'list':
      return list(field, where)
    case 'geopoint':
      return geopoint(field)
    case 'geojson':
      return geojson(field)
    case 'any':
      return {
        expected: 'any value',
        fromText: text => text,
        fromNative: value => value,
        show: showText
      }
    case 'string':
      return string(field)
  }
}

/** Number options other than the defaults as a rewrite of the text to a plain number; else null. */
function numberNormaliser(field: Described): ((text: string) => string) | null {
  const plain =
    field.bareNumber !== false &&
    !field.groupChar &&
    (!field.decimalChar || field.decimalChar === '.')
  if (plain) return null
  const decimalChar = field.decimalChar && field.decimalChar !== '.' ? field.decimalChar : null
  return text => {
    let out = text
    if (field.bareNumber === false) out = out.replace(/^[^\d+\-.]+|\D+$/g, '')
    if (field.groupChar) out = out.split(field.groupChar).join('')
    if (decimalChar === null) return out
    // With another decimal character, a "." is no part of a number (as frictionless-py reads it).
    return out.includes('.') ? '' : out.replace(decimalChar, '.')
  }
}

function numeric(field: Described, integer: boolean): Caster {
  const normaliser = numberNormaliser(field)
  const normalise = normaliser ?? ((text: string): string => text)
  // The same scans as cells read in place; special words are looked up before a bare-number strip.
  // Spaces around a number are no part of it (scan.ts: paddedNumberInRange).
  const fromText: Cast = integer
    ? text => {
        const normal = normalise(text.trim())
        return integerInRange(normal, 0, normal.length)
      }
    : text => {
        const trimmed = text.trim()
        if (Object.hasOwn(SPECIAL_NUMBERS, trimmed)) return SPECIAL_NUMBERS[trimmed]
        const normal = normalise(trimmed)
        return numberInRange(normal, 0, normal.length)
      }
  return {
    expected: integer ? 'an integer' : 'a number',
    fromText,
    rangeCast: normaliser === null ? (integer ? 'integer' : 'number') : undefined,
    fromNative: value => {
      if (typeof value === 'bigint') return Number(value)
      if (typeof value === 'number') return integer && !Number.isInteger(value) ? INVALID : value
      return INVALID
    },
    show: showValue
  }
}

function boolean(field: Described): Caster {
  const trueValues = field.trueValues ?? ['true', 'True', 'TRUE', '1']
  const falseValues = field.falseValues ?? ['false', 'False', 'FALSE', '0']
  return {
    expected: `a boolean (${[...trueValues, ...falseValues].join(', ')})`,
    fromText: text =>
      trueValues.includes(text) ? true : falseValues.includes(text) ? false : INVALID,
    rangeCast: 'boolean',
    words: { trueValues, falseValues },
    fromNative: native(value => typeof value === 'boolean'),
    show: showValue
  }
}

type DateKind = 'date' | 'datetime' | 'time'

/** What a date, time or datetime cell must look like, for messages. */
function expectedDate(kind: DateKind, format: string): string {
  const noun = kind === 'date' ? 'a date' : kind === 'time' ? 'a time' : 'a datetime'
  if (format === 'any') return noun
  if (format !== 'default') return `${noun} as ${format}`
  return `${noun}${kind === 'date' ? ' as YYYY-MM-DD' : kind === 'time' ? ' as HH:MM:SS[Z|±HH:MM]' : ' as YYYY-MM-DDTHH:MM:SS[Z|±HH:MM]'}`
}

/** The text cast of a date-like field: ISO 8601 by default, Date.parse for "any", else strptime. */
function dateFromText(kind: DateKind, format: string, where: string): Cast {
  if (format === 'default')
    return kind === 'date'
      ? text => isoDateInRange(text, 0, text.length)
      : kind === 'time'
        ? isoTime
        : isoDatetime
  const parse =
    format === 'any'
      ? (text: string): number =>
          Date.parse(kind === 'time' ? `1970-01-01T${text}${ZONED.test(text) ? '' : 'Z'}` : text)
      : strptime(format.replace(/^fmt:/, ''), where)
  return text => {
    const time = parse(text)
    return typeof time !== 'number' || Number.isNaN(time) ? INVALID : ofKind(kind, time)
  }
}

/** A time with a zone: Z or an offset. */
const ZONED = /(?:Z|[+-]\d{2}:?\d{2})$/

/** An instant as the default format casts its kind: a date at midnight, a time as the time of day (UTC). */
function ofKind(kind: DateKind, time: number): number {
  if (kind === 'datetime') return time
  return kind === 'date' ? Math.floor(time / DAY_MS) * DAY_MS : ((time % DAY_MS) + DAY_MS) % DAY_MS
}

function dateLike(field: Described, where: string, kind: DateKind): Caster {
  const format = field.format ?? 'default'
  return {
    expected: expectedDate(kind, format),
    fromText: dateFromText(kind, format, where),
    rangeCast: format === 'default' && kind === 'date' ? 'iso-date' : undefined,
    fromNative: value => {
      if (!(value instanceof Date)) return INVALID
      const time = value.getTime()
      // A timestamp is a date only at midnight (frictionless-py: a datetime with a time is no date).
      if (kind === 'date' && time % DAY_MS !== 0) return INVALID
      return Number.isNaN(time) ? INVALID : ofKind(kind, time)
    },
    show: showText
  }
}

function year(): Caster {
  return {
    expected: 'a year as YYYY',
    fromText: text => (/^\d{4}$/.test(text) ? Number(text) : INVALID),
    fromNative: native(v => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 9999),
    show: showValue
  }
}

/** frictionless-py's other yearmonth: a JSON [year, month], as months since year 0; else INVALID. */
function yearMonthPair(value: unknown): unknown {
  if (!Array.isArray(value) || value.length !== 2) return INVALID
  const [year, month] = value as number[]
  return Number.isInteger(year) && Number.isInteger(month) && month >= 1 && month <= 12
    ? year * 12 + month - 1
    : INVALID
}

/** A type that only text has: no JSON or Parquet value is one. */
function textOnly(expected: string, fromText: Cast): Caster {
  return { expected, fromText, fromNative: native(() => false), show: showText }
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
  return {
    expected: kind === 'object' ? 'a JSON object' : 'a JSON array',
    fromText: jsonText(fits),
    fromNative: native(fits),
    show: showText
  }
}

/** A number, or a string of one, as a number; else NaN. */
function coordinate(value: unknown): number {
  if (typeof value === 'number') return value
  return typeof value === 'string' && DECIMAL.test(value) ? Number(value) : NaN
}

/** [lon, lat] when both are finite numbers in range (lon -180..180, lat -90..90), else INVALID. */
function lonLat(lonValue: unknown, latValue: unknown): unknown {
  const lon = coordinate(lonValue)
  const lat = coordinate(latValue)
  return Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90
    ? [lon, lat]
    : INVALID
}

/** A parsed geopoint in its format: [lon, lat] for array, an object of lon and lat only for object. */
function geopointOf(value: unknown, format: string): unknown {
  if (format !== 'object')
    return Array.isArray(value) && value.length === 2 ? lonLat(value[0], value[1]) : INVALID
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return INVALID
  const { lon, lat, ...rest } = value as { lon?: unknown; lat?: unknown }
  return Object.keys(rest).length === 0 ? lonLat(lon, lat) : INVALID
}

function geopoint(field: Described): Caster {
  const format = field.format ?? 'default'
  const fromText: Cast = text => {
    if (format === 'default') {
      const parts = text.split(',')
      return parts.length === 2 ? lonLat(parts[0].trim(), parts[1].trim()) : INVALID
    }
    try {
      return geopointOf(JSON.parse(text), format)
    } catch {
      return INVALID
    }
  }
  const shape =
    format === 'default'
      ? '"lon, lat"'
      : format === 'array'
        ? '[lon, lat]'
        : '{"lon": .., "lat": ..}'
  return {
    expected: `a geopoint as ${shape} (lon -180..180, lat -90..90)`,
    fromText,
    fromNative: value => geopointOf(value, format === 'object' ? 'object' : 'array'),
    show: showText
  }
}

function geojson(field: Described): Caster {
  const topo = field.format === 'topojson'
  const fits = topo ? isTopoJson : isGeoJson
  return {
    expected: topo
      ? 'a TopoJSON object (a Topology, or a geometry with arcs)'
      : 'a GeoJSON object (a geometry, Feature or FeatureCollection with well-formed coordinates)',
    fromText: jsonText(fits),
    fromNative: native(fits),
    show: showText
  }
}

/** A list field: text split at the delimiter, each item cast by the item type's default format. */
function list(field: Described, where: string): Caster {
  const delimiter = field.delimiter ?? ','
  const itemType = field.itemType ?? 'string'
  const item = caster({ name: field.name ?? '', type: itemType }, where)
  const items = (values: unknown[]): unknown => {
    const out: unknown[] = []
    for (const value of values) {
      const cast = typeof value === 'string' ? item.fromText(value) : item.fromNative(value)
      if (cast === INVALID) return INVALID
      out.push(cast)
    }
    return out
  }
  return {
    expected: `a list of ${itemType} values separated by "${delimiter}"`,
    fromText: text => items(text.split(delimiter)),
    fromNative: value => (Array.isArray(value) ? items(value) : INVALID),
    show: showText
  }
}

/** The test of a string format (email, uuid, uri, binary); null for "default" and formats not checked. */
function stringFormatTest(format: string): ((text: string) => boolean) | null {
  switch (format) {
    case 'email':
      return text => EMAIL.test(text)
    case 'uuid':
      return text => UUID.test(text)
    case 'uri':
      return text => URL.canParse(text)
    case 'binary':
      return text => BASE64.test(text)
    case 'wkt':
      return isWkt
    default:
      return null
  }
}

function string(field: Described): Caster {
  const format = field.format ?? 'default'
  const test = stringFormatTest(format)
  return {
    expected: test ? `a string in ${format} format` : 'a string',
    fromText: text => (test && !test(text) ? INVALID : text),
    rangeCast: test ? undefined : 'string',
    fromNative: native(() => false),
    show: showText
  }
}
