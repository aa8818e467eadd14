import { describe, expect, it } from '@jest/globals'
import { compileSchema } from '../src/data/cells/field.js'
import { columnsOfHeader } from '../src/data/header.js'
import { parseTableSchema } from '../src/data/schema.js'
import type { Violation } from '../src/data/validation-types.js'

const fields = compileSchema(
  parseTableSchema('fields: [{name: id}, {name: age}, {name: city}]', 's.yml'),
  's.yml'
)

function map(labels: string[], columns: 'exact' | 'subset' | 'superset' = 'exact') {
  const logged: Violation[] = []
  const mapped = columnsOfHeader(labels, 3, fields, columns, { add: v => void logged.push(v) })
  return {
    names: mapped.map(field => field?.name ?? null),
    logged: logged.map(v => [v.code, v.fieldNumber ?? null, v.field ?? null, v.line, v.rowNumber])
  }
}

describe('columnsOfHeader', () => {
  it('maps each column to its field in any order', () => {
    expect(map(['city', 'id', 'age'])).toEqual({ names: ['city', 'id', 'age'], logged: [] })
  })

  it('a blank or repeated label maps to no field; a repeat is reported once per repeat', () => {
    expect(map(['id', ' ', 'age', 'id', 'city', 'id'])).toEqual({
      names: ['id', null, 'age', null, 'city', null],
      logged: [
        ['blank-label', 2, null, 3, 1],
        ['duplicate-label', 4, 'id', 3, 1],
        ['duplicate-label', 6, 'id', 3, 1]
      ]
    })
  })

  it('exact: extra and missing columns are both reported; the extra column maps to no field', () => {
    expect(map(['id', 'zip'])).toEqual({
      names: ['id', null],
      logged: [
        ['extra-label', 2, 'zip', 3, 1],
        ['missing-label', null, 'age', 3, 1],
        ['missing-label', null, 'city', 3, 1]
      ]
    })
  })

  it('subset lets columns be missing; superset lets extra columns through', () => {
    expect(map(['id', 'zip'], 'subset').logged).toEqual([['extra-label', 2, 'zip', 3, 1]])
    expect(map(['id', 'zip'], 'superset').logged).toEqual([
      ['missing-label', null, 'age', 3, 1],
      ['missing-label', null, 'city', 3, 1]
    ])
  })
})
