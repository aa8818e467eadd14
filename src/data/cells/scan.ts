// In-place scanners: each reads one cell as `source[start, end)` of a longer text, with no string made per
// cell. They run once per cell of millions of rows: hand-written loops over char codes, faster than a regex.
import { utc } from './dates.js'
import { INVALID } from './invalid.js'

// 10^0 .. 10^22 are exact doubles.
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k)

/** The number words of Table Schema, looked up before any scan. */
export const SPECIAL_NUMBERS: Record<string, number> = {
  NaN: NaN,
  INF: Infinity,
  '+INF': Infinity,
  '-INF': -Infinity
}

/** An integer cell ([+-]digits). More than 15 digits go through Number() to stay exact. */
export function integerInRange(source: string, start: number, end: number): unknown {
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
 * Where scanNumber and scanIsoDate put the value of a cell they read: a typed slot, so that the hot path
 * that only compares it never boxes a double (a number returned as `unknown` is a heap object).
 */
export const scanned = new Float64Array(1)

/**
 * A number cell into `scanned[0]`; false when it is not a number. Up to 15 digits without an exponent,
 * digits / 10^fraction is one correctly rounded division of exact doubles, so it equals Number(text).
 * Longer digit strings go through Number() (about 110 ns each here), unless `approximate`: then up to 40
 * digits are summed in doubles, within a relative 1e-14 of the exact value (see APPROXIMATION_MARGIN in
 * constraints.ts).
 */
export function scanNumber(
  source: string,
  start: number,
  end: number,
  approximate = false
): boolean {
  const length = end - start
  if (length === 0) return false
  let i = start
  let c = source.charCodeAt(i)
  if (length <= 4 && (c === 78 || c === 73 || c === 43 || c === 45)) {
    const word = source.slice(start, end)
    if (Object.hasOwn(SPECIAL_NUMBERS, word)) {
      scanned[0] = SPECIAL_NUMBERS[word]
      return true
    }
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
  if (digits === 0) return false
  if (i === end) {
    if (digits > 15 && !(approximate && digits <= 40 && fraction <= 22)) {
      scanned[0] = Number(source.slice(start, end))
      return true
    }
    const value = fraction ? mantissa / POWERS_OF_TEN[fraction] : mantissa
    scanned[0] = negative ? -value : value
    return true
  }
  if (c !== 101 && c !== 69) return false
  i++
  c = source.charCodeAt(i)
  if (i < end && (c === 43 || c === 45)) i++
  const exponentStart = i
  for (; i < end; i++) {
    c = source.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  if (i === exponentStart) return false
  scanned[0] = Number(source.slice(start, end))
  return true
}

/** A number cell as its value, or INVALID (see scanNumber). */
export function numberInRange(
  source: string,
  start: number,
  end: number,
  approximate = false
): unknown {
  return scanNumber(source, start, end, approximate) ? scanned[0] : INVALID
}

/**
 * An integer or number with spaces around it (`" 01 "`), read as frictionless-py and pandas read it (Python's
 * int() and Decimal() strip whitespace; XML Schema's numbers collapse it); INVALID without such spaces. Asked
 * only of a cell the plain scan refused, so a number cell pays nothing for it.
 */
export function paddedNumberInRange(
  source: string,
  start: number,
  end: number,
  integer: boolean,
  approximate = false
): unknown {
  let from = start
  let to = end
  while (from < to && WHITESPACE.test(source[from])) from++
  while (to > from && WHITESPACE.test(source[to - 1])) to--
  if ((from === start && to === end) || from === to) return INVALID
  return integer ? integerInRange(source, from, to) : numberInRange(source, from, to, approximate)
}
const WHITESPACE = /\s/

/** `count` ASCII digits at `at` as a number, or -1. */
function digitsAt(source: string, at: number, count: number): number {
  let value = 0
  for (let k = at; k < at + count; k++) {
    const digit = source.charCodeAt(k) - 48
    if (digit < 0 || digit > 9) return -1
    value = value * 10 + digit
  }
  return value
}

/** A YYYY-MM-DD cell as epoch milliseconds into `scanned[0]`; false when it is not a valid date. */
export function scanIsoDate(source: string, start: number, end: number): boolean {
  if (
    end - start !== 10 ||
    source.charCodeAt(start + 4) !== 45 ||
    source.charCodeAt(start + 7) !== 45
  )
    return false
  const year = digitsAt(source, start, 4)
  const month = digitsAt(source, start + 5, 2)
  const day = digitsAt(source, start + 8, 2)
  if (year < 0 || month < 0 || day < 0) return false
  const time = utc(year, month, day)
  if (time === INVALID) return false
  scanned[0] = time
  return true
}

/** A YYYY-MM-DD cell as epoch milliseconds, or INVALID. */
export function isoDateInRange(source: string, start: number, end: number): unknown {
  return scanIsoDate(source, start, end) ? scanned[0] : INVALID
}

/** Whether the cell is one of `words`. */
export function rangeIsOneOf(
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
