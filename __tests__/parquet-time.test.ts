import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { timeText, timeTicks, timeTicksPerSecond } from '../src/data/readers/parquet-time.js'

describe('Parquet TIME values as the time of day', () => {
  it('knows the unit from the logical type, else the converted type', () => {
    expect(timeTicksPerSecond({ logical_type: { type: 'TIME', unit: 'NANOS' } })).toBe(
      1_000_000_000n
    )
    expect(timeTicksPerSecond({ converted_type: 'TIME_MILLIS' })).toBe(1000n)
    expect(timeTicksPerSecond({ converted_type: 'TIME_MICROS' })).toBe(1_000_000n)
    expect(
      timeTicksPerSecond({ logical_type: { type: 'TIMESTAMP', unit: 'MICROS' } })
    ).toBeUndefined()
    expect(timeTicksPerSecond({ type: 'INT64' })).toBeUndefined()
  })

  it.each([
    [0n, 1000n, '00:00:00'],
    [45_296_789n, 1000n, '12:34:56.789'],
    [86_399_999_999n, 1_000_000n, '23:59:59.999999'],
    [5_000_000_001n, 1_000_000_000n, '00:00:05.000000001'],
    // Counts the spec does not allow keep their hours, so a `time` field reports them.
    [90_000_000n, 1000n, '25:00:00'],
    [-1000n, 1000n, '-00:00:01']
  ])('%s ticks at %s a second: %s', (ticks, perSecond, text) => {
    expect(timeText(ticks, perSecond)).toBe(text)
    expect(timeTicks(text, perSecond)).toBe(ticks)
  })

  it('writes back every count it reads, and no other text', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.constantFrom(1000n, 1_000_000n, 1_000_000_000n),
        (ticks, perSecond) => timeTicks(timeText(ticks, perSecond), perSecond) === ticks
      )
    )
    expect(timeTicks('12:34:56.7891', 1000n)).toBeUndefined()
    expect(timeTicks('12:34', 1000n)).toBeUndefined()
    expect(timeTicks('noon', 1000n)).toBeUndefined()
  })
})
