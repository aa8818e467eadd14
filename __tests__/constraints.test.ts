import { describe, expect, it } from '@jest/globals'
import { caster } from '../src/data/cells/casts.js'
import {
  compileRules,
  isOutside,
  lengthOf,
  TextSet,
  type Bound
} from '../src/data/cells/constraints.js'
import type { FieldDescriptor } from '../src/data/schema.js'
import { UserError } from '../src/errors.js'

function rules(field: Partial<FieldDescriptor>) {
  const descriptor = { name: 'f', type: 'string', ...field } as FieldDescriptor
  return compileRules(descriptor, caster(descriptor, 's: fields[0]'), 's: fields[0]')
}

describe('compileRules', () => {
  it('casts bounds like cells of the field: dates to epoch milliseconds, months to a count', () => {
    const [minimum, maximum] = rules({
      type: 'date',
      constraints: { minimum: '2020-01-01', exclusiveMaximum: '2021-01-01' }
    }).bounds
    expect(minimum).toMatchObject({ limit: Date.UTC(2020, 0, 1), below: true, exclusive: false })
    expect(minimum.words).toBe('is below the minimum')
    expect(maximum).toMatchObject({ limit: Date.UTC(2021, 0, 1), below: false, exclusive: true })
    expect(maximum.words).toBe('must be below')
    expect(rules({ type: 'yearmonth', constraints: { maximum: '2024-03' } }).bounds[0].limit).toBe(
      2024 * 12 + 2
    )
  })

  it('an enum of an ordered type is looked up by value, of a string field also as ranges of text', () => {
    const numeric = rules({ type: 'integer', constraints: { enum: ['01', 2] } })
    expect(numeric.numericEnum).toBe(true)
    expect([...numeric.allowed!]).toEqual([1, 2])
    expect(numeric.allowedTexts).toBeNull()
    expect(numeric.listed).toBe('01, 2')
    const text = rules({ constraints: { enum: ['a', 'b'] } })
    expect(text.numericEnum).toBe(false)
    expect(text.allowedTexts!.has('x,b,y', 2, 3)).toBe(true)
    expect(rules({ format: 'email', constraints: { enum: ['a@b.c'] } }).allowedTexts).toBeNull()
  })

  it('anchors a pattern around the whole alternation', () => {
    const { pattern } = rules({ constraints: { pattern: 'a|b' } })
    expect(pattern!.test('a')).toBe(true)
    expect(pattern!.test('ab')).toBe(false)
    expect(pattern!.test('xb')).toBe(false)
  })

  it('refuses a constraint the type cannot have, or a value of the wrong type, naming the key', () => {
    const errorOf = (field: Partial<FieldDescriptor>): string => {
      try {
        rules(field)
      } catch (error) {
        expect(error).toBeInstanceOf(UserError)
        return (error as Error).message
      }
      return 'no error'
    }
    expect(errorOf({ type: 'boolean', constraints: { minimum: 1 } })).toBe(
      's: fields[0].constraints.minimum: not allowed for type boolean'
    )
    expect(errorOf({ type: 'integer', constraints: { maxLength: 3 } })).toBe(
      's: fields[0].constraints.maxLength: not allowed for type integer'
    )
    expect(errorOf({ type: 'date', constraints: { enum: ['2024-01-01', '2024-13-01'] } })).toBe(
      's: fields[0].constraints.enum[1]: expected a date as YYYY-MM-DD; got "2024-13-01"'
    )
  })
})

describe('the constraint checks', () => {
  const bound = (below: boolean, exclusive: boolean): Bound => ({
    limit: 10,
    below,
    exclusive,
    words: '',
    shown: '10'
  })

  it('isOutside: the limit itself is inside only an inclusive bound; NaN is outside every bound', () => {
    expect([9, 10, 11].map(n => isOutside(bound(true, false), n))).toEqual([true, false, false])
    expect([9, 10, 11].map(n => isOutside(bound(true, true), n))).toEqual([true, true, false])
    expect([9, 10, 11].map(n => isOutside(bound(false, false), n))).toEqual([false, false, true])
    expect([9, 10, 11].map(n => isOutside(bound(false, true), n))).toEqual([false, true, true])
    for (const below of [true, false]) expect(isOutside(bound(below, false), NaN)).toBe(true)
  })

  it('lengthOf counts characters (not UTF-16 units), array items and object keys', () => {
    expect(lengthOf('héllo')).toBe(5)
    expect(lengthOf('😀😀')).toBe(2)
    expect(lengthOf([1, 2, 3])).toBe(3)
    expect(lengthOf({ a: 1, b: 2 })).toBe(2)
  })

  it('TextSet answers for a range of a longer text, whole words only', () => {
    const words = Array.from({ length: 500 }, (_, i) => `City${i}`)
    const set = new TextSet(words)
    for (const word of words) expect(set.has(`"${word}",`, 1, word.length + 1)).toBe(true)
    expect(set.has('City', 0, 4)).toBe(false)
    expect(set.has('City5000', 0, 8)).toBe(false)
    expect(set.has('ity12', 0, 5)).toBe(false)
    expect(set.has('', 0, 0)).toBe(false)
    expect(new TextSet(['']).has('a,,b', 2, 2)).toBe(true)
  })
})
