import { describe, expect, it } from '@jest/globals'
import { ViolationLog } from '../src/data/violation-log.js'

const violation = (code: string, rowNumber: number, field?: string) => ({
  code,
  rowNumber,
  field,
  message: `${code} in row ${rowNumber}`
})

describe('ViolationLog', () => {
  it('counts every violation by code and by field, and keeps the first max', () => {
    const log = new ViolationLog(2)
    log.add(violation('type-error', 2, 'age'))
    log.add(violation('type-error', 3, 'id'))
    log.add(violation('blank-row', 4))
    log.add(violation('type-error', 5, 'age'))
    expect(log.summary()).toEqual({
      violationCount: 4,
      violations: [violation('type-error', 2, 'age'), violation('type-error', 3, 'id')],
      truncated: true,
      countsByCode: { 'type-error': 3, 'blank-row': 1 },
      countsByField: { age: 2, id: 1 }
    })
    const short = new ViolationLog(5)
    short.add(violation('blank-row', 2))
    expect(short.summary().truncated).toBe(false)
  })

  it('goes on from a merged result without changing it, within its own max', () => {
    const first = new ViolationLog(3)
    for (const row of [2, 3, 4]) first.add(violation('type-error', row, 'age'))
    const merged = first.summary()
    const log = new ViolationLog(2, merged)
    log.add(violation('row-count', 0))
    expect(log.summary()).toEqual({
      violationCount: 4,
      violations: [violation('type-error', 2, 'age'), violation('type-error', 3, 'age')],
      truncated: true,
      countsByCode: { 'type-error': 3, 'row-count': 1 },
      countsByField: { age: 3 }
    })
    expect(merged.countsByCode).toEqual({ 'type-error': 3 })
    expect(merged.violations).toHaveLength(3)
  })
})

describe('echoed values are bounded', () => {
  it('a kept violation carries at most 1000 characters of message and 200 of field name', () => {
    const log = new ViolationLog(10)
    const huge = 'x'.repeat(10 * 2 ** 20)
    log.add({ code: 'type-error', rowNumber: 2, field: huge, message: `got "${huge}"` })
    const [kept] = log.summary().violations
    expect(kept.message).toHaveLength(1000 + `… (${huge.length + 6 - 1000} more characters)`.length)
    expect(kept.field?.startsWith('x'.repeat(200))).toBe(true)
    expect(kept.field!.length).toBeLessThan(300)
  })
})
