// The structure of geographic values: GeoJSON (RFC 7946) and TopoJSON objects, and WKT text. Structure
// only, as frictionless-py checks it: types, coordinates as nested lists of numbers with the right depth
// and counts. Geometry validity (self-intersections, ring orientation, closed rings) is not checked.

type Json = unknown

const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isNumber = (value: Json): boolean => typeof value === 'number' && Number.isFinite(value)
const listOf = (value: Json, each: (item: Json) => boolean, min = 0): boolean =>
  Array.isArray(value) && value.length >= min && value.every(each)

// GeoJSON: a position is 2 or 3 numbers (RFC 7946 3.1.1 allows an altitude).
const position = (value: Json): boolean =>
  Array.isArray(value) && (value.length === 2 || value.length === 3) && value.every(isNumber)
const lineString = (value: Json): boolean => listOf(value, position, 2)
const linearRing = (value: Json): boolean => listOf(value, position, 4)
const polygon = (value: Json): boolean => listOf(value, linearRing)

const COORDINATES: Record<string, (value: Json) => boolean> = {
  Point: position,
  MultiPoint: value => listOf(value, position),
  LineString: lineString,
  MultiLineString: value => listOf(value, lineString),
  Polygon: polygon,
  MultiPolygon: value => listOf(value, polygon)
}

/** A bbox: 2n numbers, n ≥ 2. */
const bbox = (value: Json): boolean =>
  value === undefined || (listOf(value, isNumber, 4) && (value as Json[]).length % 2 === 0)

function geometry(value: Json): boolean {
  if (!isObject(value) || !bbox(value.bbox)) return false
  if (value.type === 'GeometryCollection') return listOf(value.geometries, geometry)
  const coordinates = COORDINATES[String(value.type)]
  return coordinates !== undefined && coordinates(value.coordinates)
}

function feature(value: Json): boolean {
  return (
    isObject(value) &&
    value.type === 'Feature' &&
    bbox(value.bbox) &&
    (value.geometry === null || geometry(value.geometry)) &&
    (value.properties === null || isObject(value.properties))
  )
}

/** A GeoJSON geometry, Feature or FeatureCollection. */
export function isGeoJson(value: Json): boolean {
  if (!isObject(value)) return false
  if (value.type === 'Feature') return feature(value)
  if (value.type === 'FeatureCollection') return bbox(value.bbox) && listOf(value.features, feature)
  return geometry(value)
}

// TopoJSON: geometries refer to arcs by index; positions (in arcs and points) are 2 or more numbers.
const topoPosition = (value: Json): boolean => listOf(value, isNumber, 2)
const arcIndexes = (value: Json): boolean => listOf(value, Number.isInteger)
const TOPO_MEMBERS: Record<string, [string, (value: Json) => boolean]> = {
  Point: ['coordinates', topoPosition],
  MultiPoint: ['coordinates', value => listOf(value, topoPosition)],
  LineString: ['arcs', arcIndexes],
  MultiLineString: ['arcs', value => listOf(value, arcIndexes)],
  Polygon: ['arcs', value => listOf(value, arcIndexes)],
  MultiPolygon: ['arcs', value => listOf(value, item => listOf(item, arcIndexes))]
}

function topoGeometry(value: Json): boolean {
  if (!isObject(value)) return false
  if (value.type === null) return true
  if (value.type === 'GeometryCollection') return listOf(value.geometries, topoGeometry)
  const member = TOPO_MEMBERS[String(value.type)]
  return member !== undefined && member[1](value[member[0]])
}

const transform = (value: Json): boolean =>
  value === undefined ||
  (isObject(value) && topoPosition(value.scale) && topoPosition(value.translate))

/** A TopoJSON Topology (objects and arcs), or one TopoJSON geometry. */
export function isTopoJson(value: Json): boolean {
  if (!isObject(value) || !bbox(value.bbox)) return false
  if (value.type !== 'Topology') return topoGeometry(value)
  return (
    isObject(value.objects) &&
    Object.values(value.objects).every(topoGeometry) &&
    listOf(value.arcs, arc => listOf(arc, item => item === null || topoPosition(item), 2)) &&
    transform(value.transform)
  )
}

/**
 * A WKT geometry, by the grammar of OGC Simple Features (the one frictionless-py's parser implements):
 * POINT, LINESTRING, CIRCULARSTRING, COMPOUNDCURVE, CURVEPOLYGON, POLYGON, TRIANGLE, MULTIPOINT,
 * MULTICURVE, MULTILINESTRING, MULTISURFACE, MULTIPOLYGON, POLYHEDRALSURFACE, TIN and
 * GEOMETRYCOLLECTION, each optionally Z, M or ZM, or EMPTY. Keywords in any case.
 */
export function isWkt(text: string): boolean {
  return new WktParser(text).whole()
}

const NUMBER = /[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y
const WORD = /[A-Za-z]+/y

class WktParser {
  private at = 0
  /** Numbers per point: fixed by Z, M or ZM, else set by the first point (2 to 4). */
  private dimensions = 0

  constructor(private readonly text: string) {}

  whole(): boolean {
    return this.representation() && (this.space(), this.at === this.text.length)
  }

  private space(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at])) this.at++
  }

  private word(): string {
    this.space()
    WORD.lastIndex = this.at
    const match = WORD.exec(this.text)
    return match ? match[0].toUpperCase() : ''
  }

  /** Consumes `keyword` (any case) if it comes next. */
  private keyword(keyword: string): boolean {
    const start = this.at
    if (this.word() === keyword) {
      this.at += keyword.length
      return true
    }
    this.at = start
    return false
  }

  private char(char: string): boolean {
    this.space()
    if (this.text[this.at] !== char) return false
    this.at++
    return true
  }

  private number(): boolean {
    this.space()
    NUMBER.lastIndex = this.at
    const match = NUMBER.exec(this.text)
    if (!match) return false
    this.at += match[0].length
    return true
  }

  private point(): boolean {
    let count = 0
    while (count < 4 && this.number()) count++
    if (count < 2) return false
    if (this.dimensions === 0) this.dimensions = count
    return count === this.dimensions
  }

  /** EMPTY, or `( item {, item} )`. */
  private list(item: () => boolean): boolean {
    if (this.keyword('EMPTY')) return true
    if (!this.char('(') || !item()) return false
    while (this.char(',')) if (!item()) return false
    return this.char(')')
  }

  private pointText = (): boolean => this.list(() => this.point())
  private lineString = (): boolean => this.list(() => this.point())
  private polygon = (): boolean => this.list(this.lineString)
  /** A curve inside a compound curve, curve polygon or multicurve: a bare linestring or a tagged curve. */
  private curve = (compound: boolean): boolean => {
    if (this.keyword('CIRCULARSTRING')) return this.lineString()
    if (compound && this.keyword('COMPOUNDCURVE')) return this.list(() => this.curve(false))
    return this.lineString()
  }

  private surface = (): boolean =>
    this.keyword('CURVEPOLYGON') ? this.list(() => this.curve(true)) : this.polygon()

  private readonly bodies: Record<string, () => boolean> = {
    POINT: this.pointText,
    LINESTRING: this.lineString,
    CIRCULARSTRING: this.lineString,
    COMPOUNDCURVE: () => this.list(() => this.curve(false)),
    CURVEPOLYGON: () => this.list(() => this.curve(true)),
    POLYGON: this.polygon,
    TRIANGLE: this.polygon,
    MULTIPOINT: () => this.list(() => this.pointText() || this.point()),
    MULTICURVE: () => this.list(() => this.curve(true)),
    MULTILINESTRING: () => this.list(this.lineString),
    MULTISURFACE: () => this.list(this.surface),
    MULTIPOLYGON: () => this.list(this.polygon),
    POLYHEDRALSURFACE: () => this.list(this.polygon),
    TIN: () => this.list(this.polygon),
    GEOMETRYCOLLECTION: () => this.list(() => this.representation())
  }

  private representation(): boolean {
    const start = this.at
    const word = this.word()
    const body = this.bodies[word]
    if (!body) return false
    this.at = start
    this.keyword(word)
    const saved = this.dimensions
    const tag = this.word()
    if (tag === 'Z' || tag === 'M' || tag === 'ZM') {
      this.keyword(tag)
      this.dimensions = tag === 'ZM' ? 4 : 3
    } else if (word === 'GEOMETRYCOLLECTION') this.dimensions = 0
    const ok = body()
    if (word === 'GEOMETRYCOLLECTION') this.dimensions = saved
    return ok
  }
}
