import { describe, expect, it } from '@jest/globals'
import { KeyTracker, rowHash, uniqueKey } from '../src/data/key-tracker.js'
import { ABSENT } from '../src/data/table.js'

/** A cell with no value to compare (missing or invalid): the validator does not feed it. */
const NONE = Symbol('none')

/**
 * Feeds one row as the validator does. Returns the first rows reported: per unique cell that repeats,
 * `column:firstRow`, and `key:firstRow` for a repeated primary key.
 */
function feed(keys: KeyTracker, rowNumber: number, values: unknown[]): string[] {
  const found: string[] = []
  keys.startRow()
  values.forEach((value, k) => {
    if (value === NONE) return
    const first = keys.value(k, value, rowNumber)
    if (first !== undefined) found.push(`${k}:${first}`)
  })
  const first = keys.endRow(rowNumber)
  if (first !== undefined) found.push(`key:${first}`)
  return found
}

describe('KeyTracker', () => {
  it('finds a unique field repeating, per field, naming the first row', () => {
    const keys = new KeyTracker(['id', 'email'], [], false)
    keys.mapColumns(['id', 'name', 'email'])
    expect(feed(keys, 2, [1, 'a', 'a@x'])).toEqual([])
    expect(feed(keys, 3, [2, 'a', 'b@x'])).toEqual([])
    expect(feed(keys, 4, [1, 'b', 'b@x'])).toEqual(['0:2', '2:3'])
    expect(feed(keys, 5, [1, 'c', 'c@x'])).toEqual(['0:2'])
  })

  it('compares cast values by type: 1, "1" and true are three values; objects by their JSON', () => {
    const keys = new KeyTracker(['v'], [], false)
    keys.mapColumns(['v'])
    expect(feed(keys, 2, [1])).toEqual([])
    expect(feed(keys, 3, ['1'])).toEqual([])
    expect(feed(keys, 4, [true])).toEqual([])
    expect(feed(keys, 5, [[1, 2]])).toEqual([])
    expect(feed(keys, 6, [[1, 2]])).toEqual(['0:5'])
    expect(uniqueKey(1)).not.toBe(uniqueKey('1'))
  })

  it('finds a composite primary key repeating only when every part repeats', () => {
    const keys = new KeyTracker([], ['a', 'b'], false)
    keys.mapColumns(['b', 'x', 'a'])
    expect(feed(keys, 2, ['1', 'p', 'k'])).toEqual([])
    expect(feed(keys, 3, ['2', 'p', 'k'])).toEqual([])
    expect(feed(keys, 4, ['1', 'q', 'j'])).toEqual([])
    expect(feed(keys, 5, ['2', 'q', 'k'])).toEqual(['key:3'])
  })

  it('a key part missing or invalid is null and compared as such (as frictionless-py); all null is empty', () => {
    const keys = new KeyTracker([], ['a', 'b'], false)
    keys.mapColumns(['a', 'b', 'c'])
    expect(feed(keys, 2, ['1', NONE, 'x'])).toEqual([])
    expect(feed(keys, 3, ['1', NONE, 'y'])).toEqual(['key:2'])
    expect(feed(keys, 4, ['1', '2', NONE])).toEqual([])
    expect(feed(keys, 5, ['1', '2', 'z'])).toEqual(['key:4'])
    expect(keys.primaryKeyEmpty).toBe(false)
    expect(feed(keys, 6, [NONE, NONE, 'z'])).toEqual([])
    expect(keys.primaryKeyEmpty).toBe(true)
    // The parts are kept apart: ("xstring:y", "z") is not ("x", "ystring:z").
    expect(feed(keys, 7, ['xstring:y', 'z', 'z'])).toEqual([])
    expect(feed(keys, 8, ['x', 'ystring:z', 'z'])).toEqual([])
  })

  it('a key part with no column, or a row too short to reach it, is null', () => {
    const keys = new KeyTracker([], ['a', 'b'], false)
    keys.mapColumns(['a', null])
    expect(feed(keys, 2, ['1', '2'])).toEqual([])
    expect(feed(keys, 3, ['1', '2'])).toEqual(['key:2'])
    keys.mapColumns(['a', 'b'])
    expect(feed(keys, 4, ['1'])).toEqual(['key:2'])
  })

  it('unique keys skip a row with a null part (as SQL); foreign keys refer to any row, earlier or later', () => {
    const keys = new KeyTracker([], [], false, {
      uniqueKeys: [['a', 'b']],
      foreignKeys: [{ fields: ['parent'], reference: { fields: ['a'] } }]
    })
    keys.mapColumns(['a', 'b', 'parent'])
    const row = (rowNumber: number, values: unknown[]) => {
      feed(keys, rowNumber, values)
      return keys.endRowKeys(rowNumber, { line: rowNumber }).map(p => `${p.fields}:${p.first}`)
    }
    expect(keys.checksKeys).toBe(true)
    expect(row(2, [1, 'x', NONE])).toEqual([])
    expect(row(3, [1, 'x', 3])).toEqual(['a,b:2'])
    expect(row(4, [1, NONE, 9])).toEqual([])
    expect(row(5, [1, NONE, 1])).toEqual([])
    expect(row(6, [3, 'y', NONE])).toEqual([])
    expect(keys.brokenReferences()).toEqual([
      { fields: ['parent'], reference: ['a'], values: '9', where: { line: 4 }, rowNumber: 4 }
    ])
  })

  it('a unique field that is also the primary key reports both', () => {
    const keys = new KeyTracker(['id'], ['id'], false)
    keys.mapColumns(['id'])
    expect(feed(keys, 2, [7])).toEqual([])
    expect(feed(keys, 3, [7])).toEqual(['0:2', 'key:2'])
  })

  it('counts whole duplicate rows, telling cell boundaries, empty and absent cells apart', () => {
    const keys = new KeyTracker([], [], true)
    expect(keys.checksRows).toBe(true)
    expect(new KeyTracker([], [], false).checksRows).toBe(false)
    expect(keys.repeatedRow(['a', 'bc', 1], 2)).toBeUndefined()
    expect(keys.repeatedRow(['ab', 'c', 1], 3)).toBeUndefined()
    expect(keys.repeatedRow(['a', 'bc', 1], 4)).toBe(2)
    expect(keys.repeatedRow(['a', 'bc', 1], 5)).toBe(2)
    expect(keys.duplicateRows).toBe(2)
    expect(rowHash(['a', ''])).not.toBe(rowHash(['a', ABSENT]))
  })
})
