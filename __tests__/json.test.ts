import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  JsonDepthError,
  JsonLimitError,
  MAX_JSON_DEPTH,
  MAX_JSON_KEYS,
  MAX_JSON_VALUES,
  parseJson,
  parsePythonJson
} from '../src/json.js'

/** JSON as Python's json.dumps writes it: NaN, Infinity and -Infinity as bare tokens. */
function pythonDumps(value: unknown): string {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN'
    if (value === Infinity) return 'Infinity'
    if (value === -Infinity) return '-Infinity'
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) return `[${value.map(pythonDumps).join(', ')}]`
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}: ${pythonDumps(item)}`)
      .join(', ')}}`
  return JSON.stringify(value)
}

describe('parsePythonJson', () => {
  it('reads the bare NaN, Infinity and -Infinity Python writes, and leaves them alone inside strings', () => {
    expect(parsePythonJson('{"loss": NaN, "a": [Infinity, -Infinity], "b": 1}')).toEqual({
      loss: NaN,
      a: [Infinity, -Infinity],
      b: 1
    })
    // Issue #13: the old rewrite reached inside strings and made this line invalid JSON.
    expect(parsePythonJson('{"text": "a, NaN, b", "loss": NaN}')).toEqual({
      text: 'a, NaN, b',
      loss: NaN
    })
    expect(parsePythonJson('["[NaN]", "\\"", NaN, "Infinity}"]')).toEqual([
      '[NaN]',
      '"',
      NaN,
      'Infinity}'
    ])
  })

  it('keeps null null in a long text (which is walked for its depth)', () => {
    const long = { a: null, b: [null, 'x'.repeat(1000)] }
    expect(parsePythonJson(JSON.stringify(long))).toEqual(long)
  })

  it('keeps JSON.parse errors about the text as given', () => {
    expect(() => parsePythonJson('{"a": NaN,}')).toThrow(SyntaxError)
    expect(() => parsePythonJson('{"a": NaNx}')).toThrow(SyntaxError)
    expect(() => parsePythonJson('{"a": xNaN}')).toThrow(SyntaxError)
  })

  it('property: any value with non-finite numbers and strings that mention them round-trips', () => {
    const text = fc.string({
      unit: fc.constantFrom(
        'NaN',
        'Infinity',
        '-',
        ', ',
        '"',
        '\\',
        ':',
        '[',
        ']',
        '{',
        '}',
        'a',
        ' '
      )
    })
    const leaf = fc.oneof(
      text,
      fc.constantFrom(NaN, Infinity, -Infinity, 0, -1.5, true, false, null),
      fc.double().map(n => (Object.is(n, -0) ? 0 : n)) // JSON has no -0
    )
    const { value } = fc.letrec(tie => ({
      value: fc.oneof(
        { depthSize: 'small', maxDepth: 5, withCrossShrink: true },
        leaf,
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(text, tie('value'), { maxKeys: 4 })
      )
    }))
    fc.assert(
      fc.property(value, v => {
        expect(parsePythonJson(pythonDumps(v))).toEqual(v)
      }),
      { numRuns: 1000 }
    )
  })

  it('refuses nesting deeper than MAX_JSON_DEPTH, with or without NaN, without running out of stack', () => {
    const nested = (depth: number, inner = '1') => '['.repeat(depth) + inner + ']'.repeat(depth)
    expect(parsePythonJson(nested(MAX_JSON_DEPTH))).toBeDefined()
    expect(() => parsePythonJson(nested(MAX_JSON_DEPTH + 1))).toThrow(JsonDepthError)
    expect(() => parsePythonJson(nested(100_000))).toThrow(JsonDepthError)
    expect(() => parsePythonJson(nested(100_000, 'NaN'))).toThrow(JsonDepthError)
    const objects = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)
    expect(() => parsePythonJson(objects)).toThrow(`nested more than ${MAX_JSON_DEPTH} levels deep`)
  })

  it('refuses more than MAX_JSON_VALUES values or MAX_JSON_KEYS keys before parsing, counting outside strings', () => {
    const numbers = `[${Array(MAX_JSON_VALUES + 1)
      .fill(1)
      .join(',')}]`
    expect(() => parsePythonJson(numbers)).toThrow(JsonLimitError)
    expect(() => parsePythonJson(numbers)).toThrow(
      'about 1,000,001 values: more than the 1,000,000'
    )
    const keys = `{${Array.from({ length: MAX_JSON_KEYS + 1 }, (_, i) => `"k${i}":1`).join(',')}}`
    expect(() => parseJson(keys)).toThrow('100,001 keys: more than the 100,000')
    // Commas and colons inside strings are text, not values.
    const text = JSON.stringify({ a: ',:'.repeat(MAX_JSON_VALUES), b: [1, 2] })
    expect(parsePythonJson(text)).toEqual({ a: ',:'.repeat(MAX_JSON_VALUES), b: [1, 2] })
    const escaped = JSON.stringify(['\\",'.repeat(MAX_JSON_VALUES)])
    expect(parsePythonJson(escaped)).toEqual(['\\",'.repeat(MAX_JSON_VALUES)])
  })

  it('counts in linear time when no comma or colon follows many strings (the fuzzer: 2 MB of quotes took 96 s)', () => {
    // Quadratic counting searched the rest of the text for a comma after every string: this never ends.
    const quotes = `[1, ${'"", '.repeat(10)}${'""'.repeat(1_100_000)}]`
    expect(() => parsePythonJson(quotes)).toThrow(SyntaxError)
    const strings = `{"a": ${'"x" '.repeat(800_000)}}`
    expect(() => parsePythonJson(strings)).toThrow(SyntaxError)
  })

  it('parseJson: strict JSON (no NaN), with the same depth bound', () => {
    expect(parseJson('{"a": [1, {"b": null}]}')).toEqual({ a: [1, { b: null }] })
    expect(() => parseJson('[NaN]')).toThrow(SyntaxError)
    expect(() => parseJson('['.repeat(20_000) + ']'.repeat(20_000))).toThrow(JsonDepthError)
  })

  it('a string key "__proto__" holding NaN is an own NaN value', () => {
    const parsed = parsePythonJson('{"__proto__": NaN, "b": 1}') as Record<string, unknown>
    expect(Object.getOwnPropertyDescriptor(parsed, '__proto__')?.value).toBeNaN()
  })
})
