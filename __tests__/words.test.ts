import { describe, expect, it } from '@jest/globals'
import { ordinal, percent, plural } from '../src/words.js'

describe('words', () => {
  it('ordinal: 1st, 2nd, 3rd, 4th, the teens, 21st, 32nd, 111th', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 32, 103, 111, 112].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '32nd',
      '103rd',
      '111th',
      '112th'
    ])
  })

  it('plural counts one as one', () => {
    expect([plural(1, 'file'), plural(2, 'file'), plural(0, 'class', 'classes')]).toEqual([
      '1 file',
      '2 files',
      '0 classes'
    ])
  })

  it('percent never rounds a fall to 100 % or a real change to 0 %', () => {
    expect([percent(0.9995), percent(0.0006), percent(0.00004), percent(0.5), percent(1)]).toEqual([
      '99.95 %',
      '0.1 %',
      '0.004 %',
      '50.0 %',
      '100.0 %'
    ])
    // A change in the eighth digit (a flat loss printed to full precision) is no row of digits.
    expect([percent(3.582972754053047e-9), percent(-1e-12)]).toEqual([
      'less than 0.000001 %',
      'less than 0.000001 %'
    ])
  })
})
