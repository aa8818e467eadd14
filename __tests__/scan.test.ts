import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { INVALID } from '../src/data/cells/invalid.js'
import {
  integerInRange,
  isoDateInRange,
  numberInRange,
  rangeIsOneOf
} from '../src/data/cells/scan.js'

// Digits around a cell: a scanner that read past its range would read them as part of the number.
const around = fc.string({ unit: fc.constantFrom('0', '5', '9', '.', 'e', '-'), maxLength: 4 })

describe('the in-place scanners read exactly source[start, end)', () => {
  it('integers, numbers and ISO dates read in a longer text equal the cell read alone', () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[+-]?\d{0,18}(\.\d{0,6})?([eE][+-]?\d{1,2})?$/),
      fc.date({ noInvalidDate: true }).map(date => date.toISOString().slice(0, 10)),
      fc.constantFrom('NaN', 'INF', '-INF', '+INF', '2024-02-30', '')
    )
    fc.assert(
      fc.property(around, cell, around, (before, text, after) => {
        const source = before + text + after
        const [start, end] = [before.length, before.length + text.length]
        expect(integerInRange(source, start, end)).toEqual(integerInRange(text, 0, text.length))
        expect(numberInRange(source, start, end)).toEqual(numberInRange(text, 0, text.length))
        expect(isoDateInRange(source, start, end)).toEqual(isoDateInRange(text, 0, text.length))
      }),
      { numRuns: 3000 }
    )
    expect(integerInRange('1234', 1, 3)).toBe(23)
    expect(numberInRange('9-1.5e29', 1, 7)).toBe(-1.5e2)
    expect(isoDateInRange('x2024-01-02x', 1, 11)).toBe(Date.UTC(2024, 0, 2))
  })

  it('an approximate number of up to 40 digits is within 1e-14 of Number(text)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9]\d{15,25}$/),
        fc.integer({ min: 0, max: 14 }),
        (digits, point) => {
          const text = `${digits.slice(0, digits.length - point)}.${digits.slice(digits.length - point)}`
          const exact = Number(text)
          const approximate = numberInRange(text, 0, text.length, true) as number
          expect(Math.abs(approximate - exact)).toBeLessThanOrEqual(1e-14 * exact)
          expect(numberInRange(text, 0, text.length)).toBe(exact)
        }
      ),
      { numRuns: 2000 }
    )
  })

  it('rangeIsOneOf compares whole words only', () => {
    const words = ['true', 'yes']
    expect(rangeIsOneOf(words, 'a,true,b', 2, 6)).toBe(true)
    expect(rangeIsOneOf(words, 'a,true,b', 2, 5)).toBe(false)
    expect(rangeIsOneOf(words, 'a,truer,b', 2, 7)).toBe(false)
    expect(rangeIsOneOf(words, 'yes', 0, 3)).toBe(true)
    expect(rangeIsOneOf([], 'yes', 0, 3)).toBe(false)
    expect(rangeIsOneOf([''], 'a,,b', 2, 2)).toBe(true)
  })

  it('text that is not of the type is INVALID', () => {
    for (const text of ['', '+', '-', '1.5', '1e3', ' 1', '0x10'])
      expect(integerInRange(text, 0, text.length)).toBe(INVALID)
    for (const text of ['', '.', '-', 'e5', '1e', '1e+', '1.5.5', 'inf', '1_000'])
      expect(numberInRange(text, 0, text.length)).toBe(INVALID)
    for (const text of ['2024-1-02', '2024/01/02', '2024-13-01', '2024-02-30', '20240-1-02'])
      expect(isoDateInRange(text, 0, text.length)).toBe(INVALID)
  })
})
