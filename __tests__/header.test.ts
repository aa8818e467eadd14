import { describe, expect, it } from '@jest/globals'
import { compileSchema } from '../src/data/cells/field.js'
import { columnsOfHeader } from '../src/data/header.js'
import { parseTableSchema, type FieldsMatch } from '../src/data/schema.js'
import type { Violation } from '../src/data/validation-types.js'

const fields = compileSchema(
  parseTableSchema(
    'fields: [{name: id}, {name: age}, {name: city, constraints: {required: true}}]',
    's.yml'
  ),
  's.yml'
)

function map(labels: string[], fieldsMatch: FieldsMatch = 'exact') {
  const logged: Violation[] = []
  const mapped = columnsOfHeader(labels, { line: 3, rowNumber: 1 }, fields, fieldsMatch, {
    add: v => void logged.push(v)
  })
  return {
    names: mapped.map(field => field?.name ?? null),
    logged: logged.map(v => [v.code, v.fieldNumber ?? null, v.field ?? null])
  }
}

describe('columnsOfHeader, fieldsMatch: exact (the default): columns and fields pair up by position', () => {
  it('a reordered header is incorrect labels; each column is still checked by its position', () => {
    expect(map(['city', 'id', 'age'])).toEqual({
      names: ['id', 'age', 'city'],
      logged: [
        ['incorrect-label', 1, 'id'],
        ['incorrect-label', 2, 'age'],
        ['incorrect-label', 3, 'city']
      ]
    })
    // frictionless-py compares a label trimmed, with line breaks as spaces.
    expect(map([' id', 'age ', 'city']).logged).toEqual([])
  })

  it('extra labels, then missing ones, then blank and repeated labels, with the field position', () => {
    expect(map(['id', ' ', 'id', 'zip', 'x']).logged).toEqual([
      ['extra-label', 4, 'zip'],
      ['extra-label', 5, 'x'],
      ['blank-label', 2, 'age'],
      ['duplicate-label', 3, 'city']
    ])
    expect(map(['id'])).toEqual({
      names: ['id', 'age', 'city'],
      logged: [
        ['missing-label', 2, 'age'],
        ['missing-label', 3, 'city']
      ]
    })
  })
})

describe('columnsOfHeader by name (equal, subset, superset, partial)', () => {
  it('equal: any order, no extra and no missing column', () => {
    expect(map(['city', 'id', 'age'], 'equal')).toEqual({
      names: ['city', 'id', 'age'],
      logged: []
    })
    expect(map(['city', 'zip'], 'equal')).toEqual({
      names: ['city', null],
      logged: [
        ['extra-label', 2, 'zip'],
        ['missing-label', 1, 'id'],
        ['missing-label', 2, 'age']
      ]
    })
  })

  it('subset lets extra columns through; superset and partial let fields be missing unless required', () => {
    expect(map(['id', 'zip'], 'subset').logged).toEqual([
      ['missing-label', 2, 'age'],
      ['missing-label', 3, 'city']
    ])
    expect(map(['id', 'zip'], 'superset').logged).toEqual([
      ['extra-label', 2, 'zip'],
      ['missing-label', 3, 'city']
    ])
    expect(map(['id', 'zip'], 'partial').logged).toEqual([['missing-label', 3, 'city']])
  })

  it('partial needs one column of the schema; a repeated label is reported and not checked', () => {
    expect(map(['zip'], 'partial').logged).toEqual([
      ['unmatched-header', null, null],
      ['missing-label', 3, 'city']
    ])
    expect(map(['city', 'city'], 'subset')).toEqual({
      names: ['city', null],
      logged: [
        ['duplicate-label', 2, 'city'],
        ['missing-label', 1, 'id'],
        ['missing-label', 2, 'age']
      ]
    })
  })
})
