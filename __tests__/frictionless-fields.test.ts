// frictionless-py's own field type and constraint cases (frictionless/fields/__spec__/test_*.py and
// frictionless/schema/__spec__/field/test_{constraints,read}.py, as fixtures/frictionless/field-cases.json,
// written by field-cases.py) checked through ml-smoke's schema parser and compiled fields: every case gives
// frictionless-py's verdict, or is listed in `onPurpose` with the reason, and there gives the verdict listed.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { compileField, compileSchema, MISSING } from '../src/data/cells/field.js'
import { parseTableSchema } from '../src/data/schema.js'
import { UserError } from '../src/errors.js'
import { parsePythonJson } from '../src/json.js'

/** A Python value of the spec files, tagged with its kind (str, int, Decimal, date, tuple, ...). */
interface Tagged {
  kind: string
  value: unknown
}
type Verdict = 'valid' | 'invalid' | 'missing'
interface CellCase {
  at: string
  type: string
  format: string
  options: Record<string, unknown>
  source: Tagged
  expect: Verdict
  /** frictionless-py's notes on an invalid cell: "type", or the constraints that failed. */
  notes?: string[]
  value?: Tagged
}
interface ApplicabilityCase {
  at: string
  constraints: Record<string, unknown>
  type: string
  valid: boolean
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/frictionless/field-cases.json', import.meta.url), 'utf8')
) as { cells: CellCase[]; applicability: ApplicabilityCase[] }

/**
 * Python values with no cell of their own in ml-smoke: no JSON value is one, and ml-smoke's Parquet reader
 * gives none (a Parquet TIME column reaches a field as a bare count of ms or µs, its unit not kept).
 */
const notApplicable: Record<string, string> = {
  time: 'a datetime.time: JSON has no time value, and a Parquet TIME column reaches ml-smoke as a bare number',
  Duration: 'an isodate.Duration: neither JSON nor Parquet has a duration value ml-smoke reads',
  timedelta: 'a datetime.timedelta: neither JSON nor Parquet has a duration value ml-smoke reads'
}

/** Where ml-smoke's verdict differs from frictionless-py's, and why ('refused': the schema is refused). */
const ANY_FORMAT =
  "format `any` is JavaScript's Date.parse (ISO 8601 and RFC 2822 forms), not dateutil's free phrasing (README)"
const NO_DIRECTIVE =
  'a date or time format with no % directive is refused when the schema is read (it is a typo); frictionless-py takes it and fails every cell'
const onPurpose: Record<string, { mlSmoke: Verdict | 'refused'; why: string }> = {
  'frictionless/fields/__spec__/test_array.py:38': {
    mlSmoke: 'valid',
    why: 'each item is checked as an integer, as there; the cell keeps its JSON items as they are (["1", "2", "3"], not [1, 2, 3])'
  },
  'frictionless/fields/__spec__/test_date.py:23': { mlSmoke: 'invalid', why: ANY_FORMAT },
  'frictionless/fields/__spec__/test_datetime.py:30': { mlSmoke: 'invalid', why: ANY_FORMAT },
  'frictionless/fields/__spec__/test_time.py:28': { mlSmoke: 'invalid', why: ANY_FORMAT },
  'frictionless/fields/__spec__/test_date.py:34': { mlSmoke: 'refused', why: NO_DIRECTIVE },
  'frictionless/fields/__spec__/test_datetime.py:44': { mlSmoke: 'refused', why: NO_DIRECTIVE },
  'frictionless/fields/__spec__/test_time.py:41': { mlSmoke: 'refused', why: NO_DIRECTIVE },
  'frictionless/fields/__spec__/test_geojson.py:21': {
    mlSmoke: 'valid',
    why: "a GeoJSON position may hold an altitude (RFC 7946, 3.1.1); frictionless-py's profile allows two numbers only (README)"
  },
  'frictionless/schema/__spec__/field/test_read.py:61': {
    mlSmoke: 'valid',
    why: 'missing values are texts (Table Schema): the JSON number 0 is not the missing value "0" (README)'
  }
}

const DAY_MS = 86_400_000

/** The cell ml-smoke gets for a source: CSV text for a string, a JSON value, or a Parquet date/timestamp. */
function cellOf({ kind, value }: Tagged): unknown {
  switch (kind) {
    case 'str':
      return value
    case 'int':
    case 'float':
    case 'Decimal':
      // As the JSON reader parses it: a Decimal is the JSON number with its digits.
      return parsePythonJson(String(value))
    case 'date':
      // Parquet DATE: the reader makes midnight UTC of the day.
      return new Date(`${value as string}T00:00:00Z`)
    case 'datetime':
      // Parquet TIMESTAMP: an instant (a naive datetime read as UTC).
      return new Date(Date.parse(withZone(value as string)))
    default:
      // None, bool, list, tuple, dict: the JSON value.
      return value
  }
}

/** An ISO datetime or time with no zone is read as UTC, as ml-smoke reads it. */
function withZone(text: string): string {
  return /[+-]\d\d:\d\d$|Z$/.test(text) ? text : `${text}Z`
}

/** frictionless-py's cast value as ml-smoke holds it: numbers for the ordered types (dates: epoch ms). */
function expectedValue(type: string, { kind, value }: Tagged): unknown {
  switch (kind) {
    case 'int':
    case 'float':
    case 'Decimal':
      return Number(value)
    case 'date':
      return Date.parse(`${value as string}T00:00:00Z`)
    case 'datetime':
      return Date.parse(withZone(value as string))
    case 'time':
      return (Date.parse(`1970-01-01T${withZone(value as string)}`) + DAY_MS) % DAY_MS
    case 'tuple':
      // A yearmonth as months since year 0; a geopoint as [lon, lat].
      return type === 'yearmonth' ? (value as number[])[0] * 12 + (value as number[])[1] - 1 : value
    case 'Duration':
    case 'timedelta': {
      // ml-smoke counts a year as 365.25 days and a month as 30.44 (see dates.ts).
      const parts = value as Record<string, number>
      const days = (parts.years ?? 0) * 365.25 + (parts.months ?? 0) * 30.44 + (parts.days ?? 0)
      const seconds = ((days * 24 + (parts.hours ?? 0)) * 60 + (parts.minutes ?? 0)) * 60
      return (seconds + (parts.seconds ?? 0)) * 1000
    }
    default:
      return value
  }
}

/** ml-smoke's verdict on a case, the code of its problem, and the value it cast. */
function mlSmokeVerdict(c: CellCase): {
  verdict: Verdict | 'refused'
  code?: string
  value?: unknown
  message?: string
} {
  const descriptor = { name: 'name', type: c.type, format: c.format, ...c.options }
  let field, valueField
  try {
    const schema = parseTableSchema(JSON.stringify({ fields: [descriptor] }), 'schema.json')
    field = compileSchema(schema, 'schema.json')[0]
    // The field as a key part holds its exact cast value (a plain one makes no string it need not).
    const [fieldDescriptor] = schema.fields
    valueField = compileField(fieldDescriptor, 0, schema.missingValues, 'schema.json', {
      valueRead: true
    })
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    return { verdict: 'refused', message: error.message }
  }
  const problem = field.check(cellOf(c.source))
  if (problem) return { verdict: 'invalid', code: problem.code, message: problem.message }
  if (field.value === MISSING) return { verdict: 'missing' }
  expect(valueField.check(cellOf(c.source))).toBeNull()
  return { verdict: 'valid', value: valueField.value }
}

const title = (c: CellCase): string =>
  `${c.at}: ${c.type}/${c.format} ${JSON.stringify(c.options)} ${c.source.kind} ${JSON.stringify(c.source.value)}`

const applicable = fixture.cells.filter(c => !Object.hasOwn(notApplicable, c.source.kind))

describe("frictionless-py's field cases (fixtures/frictionless/field-cases.json)", () => {
  it('holds the cases of every type, and every table entry names a case that exists', () => {
    expect(new Set(fixture.cells.map(c => c.type)).size).toBe(15)
    expect(fixture.cells.length).toBeGreaterThan(400)
    const ats = new Set(fixture.cells.map(c => c.at))
    for (const at of Object.keys(onPurpose)) expect(ats).toContain(at)
    const kinds = new Set(fixture.cells.map(c => c.source.kind))
    for (const kind of Object.keys(notApplicable)) expect(kinds).toContain(kind)
  })

  it.each(applicable.map(c => [title(c), c] as const))('%s', (_title, c) => {
    const got = mlSmokeVerdict(c)
    const listed = onPurpose[c.at]
    if (listed) {
      expect({ at: c.at, verdict: got.verdict }).toEqual({ at: c.at, verdict: listed.mlSmoke })
      return
    }
    expect({ at: c.at, verdict: got.verdict, message: got.message }).toEqual({
      at: c.at,
      verdict: c.expect,
      message: got.message
    })
    if (c.expect === 'invalid' && c.notes)
      expect(got.code).toBe(c.notes.includes('type') ? 'type-error' : 'constraint-error')
    if (c.expect === 'valid' && c.value) expect(got.value).toEqual(expectedValue(c.type, c.value))
  })
})

describe("frictionless-py's constraint applicability (test_constraints.py)", () => {
  it.each(
    fixture.applicability.map(
      c => [`${c.at}: ${JSON.stringify(c.constraints)} on ${c.type}`, c] as const
    )
  )('%s', (_title, c) => {
    const [keyword] = Object.keys(c.constraints)
    const descriptor = { name: 'field', type: c.type, constraints: c.constraints }
    const parse = (): unknown =>
      parseTableSchema(JSON.stringify({ fields: [descriptor] }), 'schema.json')
    if (c.valid) expect(parse).not.toThrow()
    else {
      expect(parse).toThrow(UserError)
      expect(parse).toThrow(`fields[0].constraints.${keyword}`)
    }
  })
})
