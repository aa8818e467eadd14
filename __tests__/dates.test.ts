import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  daysFromCivil,
  durationMs,
  isoDatetime,
  isoTime,
  strptime,
  utc,
  yearMonth
} from '../src/data/cells/dates.js'
import { INVALID } from '../src/data/cells/invalid.js'
import { UserError } from '../src/errors.js'

/** Epoch milliseconds by the Date object, for any year (Date.UTC maps years 0-99 to 1900-1999). */
function dateUtc(year: number, month: number, day: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(h, mi, s, ms)
  return date.getTime()
}

describe('calendar arithmetic', () => {
  it('daysFromCivil counts the days the Date object counts, BCE and far future included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5000, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (year, month, day) => {
          expect(daysFromCivil(year, month, day) * 86_400_000).toBe(dateUtc(year, month, day))
        }
      ),
      { numRuns: 2000 }
    )
  })

  it('utc takes only real calendar dates and clock times (a leap second included)', () => {
    expect(utc(2024, 2, 29)).toBe(dateUtc(2024, 2, 29))
    expect(utc(2000, 2, 29)).toBe(dateUtc(2000, 2, 29))
    expect(utc(1900, 2, 29)).toBe(INVALID)
    expect(utc(2023, 2, 29)).toBe(INVALID)
    expect(utc(2023, 4, 31)).toBe(INVALID)
    expect(utc(2023, 12, 31, 23, 59, 60)).toBe(dateUtc(2024, 1, 1))
    for (const bad of [
      [2023, 0, 1],
      [2023, 13, 1],
      [2023, 1, 0],
      [2023, 1, 1, 24],
      [2023, 1, 1, 0, 60],
      [2023, 1, 1, 0, 0, 61]
    ])
      expect(utc(...(bad as [number, number, number]))).toBe(INVALID)
  })
})

describe('ISO 8601 times and datetimes', () => {
  it('isoTime: HH:MM:SS since midnight, a fraction read and dropped', () => {
    expect(isoTime('00:00:00')).toBe(0)
    expect(isoTime('12:30:15.5')).toBe((12 * 3600 + 30 * 60 + 15) * 1000)
    expect(isoTime('23:59:60')).toBe(86_400_000)
    expect(isoTime('24:00:00')).toBe(INVALID)
    expect(isoTime('12:60:00')).toBe(INVALID)
    expect(isoTime('1:00:00')).toBe(INVALID)
  })

  it('isoDatetime: a zone offset, with or without a colon, is taken off; no zone is UTC', () => {
    const noon = dateUtc(2024, 1, 1, 12)
    expect(isoDatetime('2024-01-01T12:00:00')).toBe(noon)
    expect(isoDatetime('2024-01-01T12:00:00Z')).toBe(noon)
    expect(isoDatetime('2024-01-01T13:00:00+01:00')).toBe(noon)
    expect(isoDatetime('2024-01-01T13:00:00+0100')).toBe(noon)
    expect(isoDatetime('2024-01-01T06:30:00-05:30')).toBe(noon)
    expect(isoDatetime('2024-01-01T12:00:00.25Z')).toBe(noon + 250)
    expect(isoDatetime('2023-02-29T12:00:00Z')).toBe(INVALID)
    expect(isoDatetime('2024-01-01 12:00:00')).toBe(INVALID)
  })
})

describe('year-months and durations as numbers that bounds compare', () => {
  it('yearMonth: months since year 0, in calendar order', () => {
    expect(yearMonth('2024-01')).toBe(2024 * 12)
    expect(yearMonth('2023-12')).toBe(2024 * 12 - 1)
    expect(yearMonth('2024-00')).toBe(INVALID)
    expect(yearMonth('2024-13')).toBe(INVALID)
    expect(yearMonth('2024-1')).toBe(INVALID)
  })

  it('durationMs: every part, fractions, a year of 365.25 days and a month of 30.44', () => {
    const hour = 3_600_000
    const day = 24 * hour
    expect(durationMs('PT1H30M')).toBe(1.5 * hour)
    expect(durationMs('P1DT0.5S')).toBe(day + 500)
    expect(durationMs('P2W')).toBe(14 * day)
    expect(durationMs('P1Y')).toBe(365.25 * day)
    expect(durationMs('P1M')).toBeCloseTo(30.44 * day, 3)
    expect(durationMs('PT1M')).toBe(60_000)
    for (const bad of ['P', 'PT', 'P1H', '1D', 'P1DT', 'P-1D'])
      expect(durationMs(bad)).toBe(INVALID)
  })
})

describe('strptime', () => {
  it('reads every supported directive; parts not in the format default to 1900-01-01 00:00:00', () => {
    expect(strptime('%d/%m/%Y', 'f')('31/12/2024')).toBe(dateUtc(2024, 12, 31))
    expect(strptime('%Y-%m-%d %H:%M:%S', 'f')('2024-3-7 8:05:09')).toBe(
      dateUtc(2024, 3, 7, 8, 5, 9)
    )
    expect(strptime('%H:%M:%S.%f', 'f')('07:05:09.25')).toBe(dateUtc(1900, 1, 1, 7, 5, 9, 250))
    expect(strptime('%d %b %Y', 'f')('05 Mar 2024')).toBe(dateUtc(2024, 3, 5))
    expect(strptime('%d %b %Y', 'f')('05 mAR 2024')).toBe(dateUtc(2024, 3, 5))
    expect(strptime('%Y%%', 'f')('2024%')).toBe(dateUtc(2024, 1, 1))
  })

  it('%y is 1969-2068, as in Python', () => {
    const twoDigit = strptime('%y', 'f')
    expect(twoDigit('68')).toBe(dateUtc(2068, 1, 1))
    expect(twoDigit('69')).toBe(dateUtc(1969, 1, 1))
    expect(twoDigit('00')).toBe(dateUtc(2000, 1, 1))
  })

  it('matches the whole text, other characters literally, and only real dates', () => {
    const dotted = strptime('%Y.%m.%d', 'f')
    expect(dotted('2024.02.29')).toBe(dateUtc(2024, 2, 29))
    expect(dotted('2024x02x29')).toBe(INVALID)
    expect(dotted('2024.02.29 ')).toBe(INVALID)
    expect(dotted('x2024.02.29')).toBe(INVALID)
    expect(dotted('2023.02.29')).toBe(INVALID)
    expect(strptime('%d %b %Y', 'f')('05 Foo 2024')).toBe(INVALID)
  })

  it('refuses an unsupported directive, naming where the format is and what is supported', () => {
    expect(() => strptime('%Y-%j', 's.yml: fields[2]')).toThrow(
      new UserError(
        's.yml: fields[2].format: unsupported directive "%j" (supported: %Y %y %m %d %H %M %S %f %b %%)'
      )
    )
  })
})
