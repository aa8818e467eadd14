// Table Schema v2's keywords (and the other ones Frictionless knows), each enforced on data or refused.
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { compileField } from '../src/data/cells/field.js'
import { isGeoJson, isTopoJson, isWkt } from '../src/data/cells/geo.js'
import { loadJsonSchemaValidator, parseTableSchema } from '../src/data/schema.js'
import { formatOf } from '../src/data/table.js'
import { validateTable } from '../src/data/validate-file.js'
import type { Violation } from '../src/data/validation-types.js'
import { describeError } from '../src/errors.js'

async function validate(name: string, text: string, schema: object) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'v2-'))
  const file = path.join(dir, name)
  await writeFile(file, text)
  const parsed = parseTableSchema(JSON.stringify(schema), 's.yml')
  return validateTable(file, parsed, {
    format: formatOf(file),
    maxViolations: 1000,
    schemaLabel: 's.yml'
  })
}

const brief = (v: Violation) => [v.code, v.rowNumber, v.fieldNumber ?? null]

function errorOf(schema: object): string {
  try {
    parseTableSchema(JSON.stringify(schema), 's.yml')
  } catch (error) {
    return describeError(error)
  }
  throw new Error('expected the schema to be refused')
}

/** One cell through one field, as a schema file declares it: null when it passes, else code and message. */
function check(field: object, cell: unknown): [string, string] | null {
  const [parsed] = parseTableSchema(
    JSON.stringify({ fields: [{ name: 'f', ...field }] }),
    's.yml'
  ).fields
  const problem = compileField(parsed, 0, [''], 's.yml').check(cell)
  return problem && [problem.code, problem.message]
}

describe('fieldsMatch', () => {
  const schema = (fieldsMatch?: string) => ({
    fields: [
      { name: 'id', type: 'integer' },
      { name: 'name', type: 'string' }
    ],
    ...(fieldsMatch ? { fieldsMatch } : {})
  })

  it('exact (the default) pairs by position: a reordered header is incorrect labels and type errors', async () => {
    const result = await validate('t.csv', 'name,id\nenglish,1\n', schema())
    expect(result.violations.map(brief)).toEqual([
      ['incorrect-label', 1, 1],
      ['incorrect-label', 1, 2],
      ['type-error', 2, 1]
    ])
    expect(result.violations[0].message).toBe(
      'column 1 is "name" but the schema\'s field 1 is "id" (fieldsMatch: exact pairs them by position; fieldsMatch: equal pairs them by name)'
    )
  })

  it.each(['equal', 'subset', 'superset', 'partial'])('%s pairs by name', async mode => {
    const result = await validate('t.csv', 'name,id\nenglish,1\n', schema(mode))
    expect(result.violations).toEqual([])
  })

  it('exact: a missing column is a missing-label and a missing-cell in each row, in JSON Lines too', async () => {
    const result = await validate('t.jsonl', '{"id": 1}\n{"id": 2}\n', schema())
    expect(result.violations.map(brief)).toEqual([
      ['missing-label', 1, 2],
      ['missing-cell', 2, 2],
      ['missing-cell', 3, 2]
    ])
    const byName = await validate('t.jsonl', '{"id": 1}\n{"id": 2}\n', schema('equal'))
    expect(byName.violations.map(brief)).toEqual([['missing-label', 1, 2]])
  })
})

describe('categories and categoriesOrdered', () => {
  it('restrict a string or integer field to its values, in both forms', () => {
    expect(check({ categories: ['apple', 'orange'] }, 'apple')).toBeNull()
    expect(check({ categories: ['apple', 'orange'] }, 'kiwi')).toEqual([
      'constraint-error',
      'field "f": "kiwi" is not one of the categories apple, orange'
    ])
    const levels = {
      type: 'integer',
      categories: [{ value: 1, label: 'low' }, { value: 2 }],
      categoriesOrdered: true
    }
    expect(check(levels, '2')).toBeNull()
    expect(check(levels, 2)).toBeNull()
    expect(check(levels, '3')?.[0]).toBe('constraint-error')
  })

  it('an enum beside them must be a subset; they are for string and integer fields only', () => {
    expect(
      check({ categories: ['a', 'b', 'c'], constraints: { enum: ['a', 'b'] } }, 'c')?.[1]
    ).toBe('field "f": "c" is not one of a, b')
    expect(
      errorOf({ fields: [{ name: 'f', categories: ['a'], constraints: { enum: ['z'] } }] })
    ).toBe(
      's.yml: fields[0].constraints.enum[0]: "z" is not one of the categories a; an enum beside categories must be a subset of them'
    )
    expect(errorOf({ fields: [{ name: 'f', type: 'number', categories: [1] }] })).toBe(
      's.yml: fields[0].categories: only for string and integer fields (this field is number)'
    )
    expect(errorOf({ fields: [{ name: 'f', categoriesOrdered: true }] })).toBe(
      's.yml: fields[0].categoriesOrdered: only with categories'
    )
    expect(errorOf({ fields: [{ name: 'f', categories: ['a', 'a'] }] })).toBe(
      's.yml: fields[0].categories[1]: repeats an earlier category; got "a"'
    )
    expect(errorOf({ fields: [{ name: 'f', type: 'integer', categories: ['x'] }] })).toBe(
      's.yml: fields[0].categories[0]: expected an integer; got "x"'
    )
  })
})

describe('missingValues as v2 objects', () => {
  it('reads {value, label} entries as their values; a repeated value is refused', async () => {
    const result = await validate('m.csv', 'a\n-99\n\n', {
      fields: [{ name: 'a', type: 'integer', constraints: { required: true } }],
      missingValues: [
        { value: '', label: 'OMITTED' },
        { value: '-99', label: 'REFUSED' }
      ]
    })
    expect(result.violations.map(brief)).toEqual([
      ['constraint-error', 2, 1],
      ['blank-row', 3, null]
    ])
    expect(
      errorOf({ fields: [{ name: 'a' }], missingValues: [{ value: '-' }, { value: '-' }] })
    ).toBe('s.yml: missingValues[1].value: repeats an earlier missing value; got "-"')
  })
})

describe('keys', () => {
  it('uniqueKeys: a composite key repeating; a null part is not compared; one field is a cell error', async () => {
    const result = await validate('u.csv', 'a,b,c\n1,x,p\n1,x,q\n1,,q\n1,,r\n2,y,r\n', {
      fields: [{ name: 'a', type: 'integer' }, { name: 'b' }, { name: 'c' }],
      uniqueKeys: [['a', 'b'], ['c']]
    })
    expect(result.violations.map(brief)).toEqual([
      ['unique-error', 3, null],
      ['unique-error', 4, 3],
      ['unique-error', 6, 3]
    ])
    expect(result.violations[0].message).toBe('unique key (a, b) repeats row 2')
    expect(errorOf({ fields: [{ name: 'a' }], uniqueKeys: [['a', 'z']] })).toBe(
      's.yml: uniqueKeys[0][1]: "z" is not a field (fields: a)'
    )
  })

  it('foreignKeys into the same table are checked after the last row; another resource is refused', async () => {
    const schema = {
      fields: [{ name: 'id', type: 'integer' }, { name: 'cat', type: 'integer' }, { name: 'name' }],
      foreignKeys: [{ fields: 'cat', reference: { resource: '', fields: 'id' } }]
    }
    const result = await validate(
      'n.csv',
      'id,cat,name\n1,,England\n3,1,London\n4,2,Paris\n5,6,Rome\n2,,France\n',
      schema
    )
    expect(result.violations.map(brief)).toEqual([['foreign-key', 5, null]])
    expect(result.violations[0].message).toBe('foreign key (cat) = (6) is not the (id) of any row')
    expect(
      errorOf({
        ...schema,
        foreignKeys: [{ fields: 'cat', reference: { resource: 'cities', fields: 'id' } }]
      })
    ).toMatch(
      /^s\.yml: foreignKeys\[0\]\.reference\.resource: "cities" is another resource, which needs a Data Package/
    )
    expect(
      errorOf({
        ...schema,
        foreignKeys: [{ fields: ['cat', 'name'], reference: { fields: 'id' } }]
      })
    ).toBe('s.yml: foreignKeys[0]: 2 fields refer to 1 reference fields; they must pair up')
  })

  it('a primary key with no valid part is an error of its own, also in a blank row', async () => {
    const result = await validate('p.csv', 'id,name\nA1,x\n,\n,y\n', {
      fields: [{ name: 'id' }, { name: 'name' }],
      primaryKey: 'id'
    })
    expect(result.violations.map(brief)).toEqual([
      ['blank-row', 3, null],
      ['primary-key', 3, null],
      ['constraint-error', 4, 1],
      ['primary-key', 4, null]
    ])
  })
})

describe('constraints.jsonSchema', () => {
  beforeAll(loadJsonSchemaValidator)

  const price = {
    type: 'object',
    constraints: {
      jsonSchema: {
        type: 'object',
        properties: { value: { type: 'integer' } },
        required: ['value']
      }
    }
  }

  it('checks object and array values against a JSON Schema', () => {
    expect(check(price, '{"value": 100}')).toBeNull()
    expect(check(price, { value: 100 })).toBeNull()
    expect(check(price, '{"value": "bad"}')).toEqual([
      'constraint-error',
      'field "f": {"value":"bad"} does not match constraints.jsonSchema (/value: type, at #/properties/value/type)'
    ])
    expect(
      check(
        { type: 'array', constraints: { jsonSchema: { items: { type: 'string' }, maxItems: 2 } } },
        '["a", "b", "c"]'
      )?.[0]
    ).toBe('constraint-error')
  })

  it('refuses a schema with an unknown keyword, a keyword that cannot apply, or a remote $ref', () => {
    const bad = (jsonSchema: object, type = 'object') =>
      errorOf({ fields: [{ name: 'f', type, constraints: { jsonSchema } }] })
    expect(bad({ properties: { v: { type: 'integer', minimun: 1 } } })).toBe(
      's.yml: fields[0].constraints.jsonSchema: Keyword not supported: "minimun" at #/properties/v; did you mean "minimum"?'
    )
    expect(bad({ properties: { v: { type: 'integer', format: 'email' } } })).toMatch(
      /^s\.yml: fields\[0\]\.constraints\.jsonSchema: Unexpected rules in type "integer"/
    )
    expect(bad({ $ref: 'https://example.com/schema.json' })).toMatch(
      /^s\.yml: fields\[0\]\.constraints\.jsonSchema: failed to resolve \$ref/
    )
    expect(bad({ type: 'string' }, 'string')).toBe(
      's.yml: fields[0].constraints.jsonSchema: only for object and array fields (this field is string)'
    )
  })
})

describe('geographic types and formats', () => {
  it('geopoint: lon -180..180 and lat -90..90 in every format; the object format has lon and lat only', () => {
    expect(check({ type: 'geopoint' }, '90.50, 45.50')).toBeNull()
    expect(check({ type: 'geopoint' }, '180.1, 0')?.[0]).toBe('type-error')
    expect(check({ type: 'geopoint' }, '0, -90.5')?.[0]).toBe('type-error')
    expect(check({ type: 'geopoint', format: 'array' }, '[-180, 90]')).toBeNull()
    expect(check({ type: 'geopoint', format: 'array' }, '[181, 0]')?.[0]).toBe('type-error')
    expect(check({ type: 'geopoint', format: 'array' }, '{"lon": 1, "lat": 2}')?.[0]).toBe(
      'type-error'
    )
    expect(
      check({ type: 'geopoint', format: 'object' }, '{"lon": 151.2660, "lat": -27.1944}')
    ).toBeNull()
    expect(check({ type: 'geopoint', format: 'object' }, '{"lon": 1, "lat": 91}')?.[0]).toBe(
      'type-error'
    )
    expect(
      check({ type: 'geopoint', format: 'object' }, '{"lon": 1, "lat": 2, "alt": 3}')?.[0]
    ).toBe('type-error')
    expect(check({ type: 'geopoint', format: 'object' }, { lon: 1, lat: 2 })).toBeNull()
  })

  it('GeoJSON: geometries, features and collections with well-formed coordinates', () => {
    expect(isGeoJson({ type: 'Point', coordinates: [1, 2] })).toBe(true)
    expect(isGeoJson({ type: 'Point', coordinates: [1, 2, 3] })).toBe(true)
    expect(isGeoJson({ type: 'Point', coordinates: [1] })).toBe(false)
    expect(isGeoJson({ type: 'Point', coordinates: [[1, 2]] })).toBe(false)
    expect(isGeoJson({ type: 'Point' })).toBe(false)
    expect(isGeoJson({ type: 'LineString', coordinates: [[1, 2]] })).toBe(false)
    const ring = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0]
    ]
    expect(isGeoJson({ type: 'Polygon', coordinates: [ring] })).toBe(true)
    expect(isGeoJson({ type: 'Polygon', coordinates: [ring.slice(1)] })).toBe(false)
    expect(isGeoJson({ type: 'MultiPolygon', coordinates: [[ring], [ring]] })).toBe(true)
    const feature = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [1, 2] },
      properties: null
    }
    expect(isGeoJson(feature)).toBe(true)
    expect(isGeoJson({ ...feature, properties: undefined })).toBe(false)
    expect(
      isGeoJson({ type: 'FeatureCollection', features: [feature, { ...feature, geometry: null }] })
    ).toBe(true)
    expect(isGeoJson({ type: 'GeometryCollection', geometries: [feature] })).toBe(false)
    expect(isGeoJson({ type: 'Topology', objects: {}, arcs: [] })).toBe(false)
    expect(check({ type: 'geojson' }, '{"type": "Point", "coordinates": "1,2"}')?.[0]).toBe(
      'type-error'
    )
  })

  it('TopoJSON (format topojson): a Topology of geometries referring to arcs, or one geometry', () => {
    const topology = {
      type: 'Topology',
      transform: { scale: [1, 1], translate: [0, 0] },
      objects: {
        line: { type: 'LineString', arcs: [0] },
        area: { type: 'Polygon', arcs: [[0, 1]] },
        spot: { type: 'Point', coordinates: [4, 5] }
      },
      arcs: [
        [
          [0, 0],
          [1, 1]
        ],
        [
          [1, 1],
          [0, 0]
        ]
      ]
    }
    expect(isTopoJson(topology)).toBe(true)
    expect(isTopoJson({ ...topology, arcs: [[[0, 0]]] })).toBe(false)
    expect(
      isTopoJson({ ...topology, objects: { line: { type: 'LineString', arcs: [0.5] } } })
    ).toBe(false)
    expect(isTopoJson({ type: 'FeatureCollection', features: [] })).toBe(false)
    expect(check({ type: 'geojson', format: 'topojson' }, JSON.stringify(topology))).toBeNull()
  })

  it('WKT (string format wkt): frictionless-py test cases, and keywords in any case', () => {
    for (const text of [
      'POINT (30 10)',
      'LINESTRING (30 10, 10 30, 40 40)',
      'POLYGON ((30 10, 40 40, 20 40, 10 20, 30 10))',
      'MULTIPOINT ((10 40), (40 30), (20 20), (30 10))',
      'MULTIPOINT (10 40, 40 30)',
      'TRIANGLE((0 0, 1 0, 0.5 1, 0 0))',
      'MULTILINESTRING ((0 0, 1 1, 2 2), (3 3, 4 4, 5 5))',
      'MULTIPOLYGON (((0 0, 0 1, 1 1, 1 0, 0 0)), ((1 1, 1 2, 2 2, 2 1, 1 1)))',
      'CIRCULARSTRING (-116.4 45.2, -118.0 47.0, -120.0 49.0)',
      'TIN (((0 0 0,0 0 1,0 1 0,0 0 0)),((0 0 0,0 1 0,1 1 0,0 0 0)))',
      'CURVEPOLYGON(COMPOUNDCURVE(CIRCULARSTRING (0 0,1 1,2 0),(2 0,0 0)))',
      'POLYHEDRALSURFACE (((0 0 0,0 0 1,0 1 1,0 1 0,0 0 0)),((0 0 0,0 1 0,1 1 0,1 0 0,0 0 0)))',
      'CIRCULARSTRING EMPTY',
      'GEOMETRYCOLLECTION EMPTY',
      'GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))',
      'POINT Z (1 2 3)',
      'point zm (1 2 3 4)',
      'MULTIPOLYGON EMPTY'
    ])
      expect([text, isWkt(text)]).toEqual([text, true])
    for (const text of [
      'POLYGON ((30 10, 40 40, 20 40, 10 20, 30 10)',
      'string',
      '',
      'POINT (1)',
      'POINT Z (1 2)',
      'LINESTRING (0 0, 1 1 1)',
      'POINT (1 2) extra',
      'SQUARE (0 0)'
    ])
      expect([text, isWkt(text)]).toEqual([text, false])
    expect(check({ format: 'wkt' }, 'POINT (30 10)')).toBeNull()
    expect(check({ format: 'wkt' }, 'POINT (30)')?.[0]).toBe('type-error')
  })
})

describe('other types and formats', () => {
  it('time with Z or an offset is the same instant in UTC; bounds compare it', () => {
    expect(check({ type: 'time' }, '15:00:00Z')).toBeNull()
    expect(check({ type: 'time' }, '15:00:00+02:00')).toBeNull()
    expect(check({ type: 'time' }, '15:00:00.300-05:00')).toBeNull()
    expect(check({ type: 'time' }, '15:00:00+2')?.[0]).toBe('type-error')
    expect(
      check({ type: 'time', constraints: { maximum: '14:00:00' } }, '15:00:00+02:00')
    ).toBeNull()
    expect(check({ type: 'time', constraints: { maximum: '14:00:00' } }, '15:00:00Z')?.[0]).toBe(
      'constraint-error'
    )
  })

  it('list: items cast by the item type, split at the delimiter; lengths count items', () => {
    expect(check({ type: 'list', itemType: 'integer' }, '1,2,3')).toBeNull()
    expect(check({ type: 'list', itemType: 'integer' }, '1,x')).toEqual([
      'type-error',
      'field "f": expected a list of integer values separated by ","; got "1,x"'
    ])
    expect(
      check({ type: 'list', itemType: 'date', delimiter: ';' }, '2024-01-01;2024-02-30')?.[0]
    ).toBe('type-error')
    expect(check({ type: 'list', constraints: { maxLength: 2 } }, 'a,b,c')?.[0]).toBe(
      'constraint-error'
    )
    expect(errorOf({ fields: [{ name: 'f', type: 'list', itemType: 'geopoint' }] })).toMatch(
      /^s\.yml: fields\[0\]\.itemType: expected one of string, integer, number, boolean, date, datetime, time/
    )
  })

  it("arrayItem (frictionless-py's): every item checked as a field of its own", async () => {
    const field = {
      type: 'array',
      arrayItem: { type: 'string', constraints: { enum: ['a', 'b', 'c'] } }
    }
    expect(check(field, '["a", "b"]')).toBeNull()
    expect(check(field, '["a", "d"]')).toEqual([
      'constraint-error',
      'field "f[1]": "d" is not one of a, b, c'
    ])
    expect(check({ type: 'array', arrayItem: { type: 'integer' } }, [1, 'x'])?.[0]).toBe(
      'type-error'
    )
    expect(errorOf({ fields: [{ name: 'f', type: 'string', arrayItem: {} }] })).toBe(
      's.yml: fields[0].arrayItem: only for array fields (this field is string)'
    )
  })
})
