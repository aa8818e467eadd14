import { readTable } from './readers/index.js'
import { ABSENT, type DataFormat } from './table.js'

type Candidate = 'integer' | 'number' | 'date' | 'datetime' | 'boolean' | 'string'
const ORDER: Candidate[] = ['integer', 'number', 'date', 'datetime', 'boolean', 'string']
const MAX_ENUM = 20

const INTEGER = /^[+-]?\d+$/
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/
const DATE = /^\d{4}-\d{2}-\d{2}$/
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$/
const BOOLEAN = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE'])

class ColumnStats {
  possible = new Set<Candidate>(ORDER)
  present = 0
  missing = 0
  min = Infinity
  max = -Infinity
  sawNaN = false
  minText = ''
  maxText = ''
  distinct: Map<string, unknown> | null = new Map()

  observe(cell: unknown): void {
    if (cell === null || cell === undefined || cell === ABSENT || cell === '') {
      this.missing++
      return
    }
    this.present++
    let text: string
    if (cell instanceof Date) {
      text = cell.toISOString()
      const midnight = cell.getTime() % 86_400_000 === 0
      this.keep(midnight ? ['date', 'datetime'] : ['datetime'])
      if (midnight) text = text.slice(0, 10)
      this.range(cell.getTime(), text)
    } else if (typeof cell === 'number' || typeof cell === 'bigint') {
      const value = Number(cell)
      this.keep(
        Number.isInteger(value) && typeof cell !== 'number'
          ? ['integer', 'number']
          : Number.isInteger(value)
            ? ['integer', 'number']
            : ['number']
      )
      text = String(cell)
      if (Number.isNaN(value)) this.sawNaN = true
      else this.range(value, text)
    } else if (typeof cell === 'boolean') {
      this.keep(['boolean'])
      text = String(cell)
    } else if (typeof cell === 'string') {
      text = cell
      if (!INTEGER.test(text)) this.possible.delete('integer')
      const special = text === 'NaN' || text === 'INF' || text === '-INF'
      if (!DECIMAL.test(text) && !special) this.possible.delete('number')
      if (!DATE.test(text) || Number.isNaN(Date.parse(text))) this.possible.delete('date')
      if (!DATETIME.test(text) || Number.isNaN(Date.parse(text))) this.possible.delete('datetime')
      if (!BOOLEAN.has(text)) this.possible.delete('boolean')
      if (text === 'NaN') this.sawNaN = true
      else if (this.possible.has('number') || this.possible.has('integer'))
        this.range(Number(text), text)
      else if (this.possible.has('date') || this.possible.has('datetime'))
        this.range(Date.parse(text), text)
    } else {
      this.possible = new Set(['string'])
      text = JSON.stringify(cell)
      this.distinct = null
    }
    if (this.distinct) {
      this.distinct.set(text, cell)
      if (this.distinct.size > MAX_ENUM) this.distinct = null
    }
  }

  private keep(types: Candidate[]): void {
    for (const type of [...this.possible])
      if (!types.includes(type) && type !== 'string') this.possible.delete(type)
  }

  private range(value: number, text: string): void {
    if (value < this.min) {
      this.min = value
      this.minText = text
    }
    if (value > this.max) {
      this.max = value
      this.maxText = text
    }
  }

  field(name: string, rows: number): Record<string, unknown> {
    const type =
      this.present === 0
        ? 'string'
        : (ORDER.find(candidate => this.possible.has(candidate)) ?? 'string')
    const constraints: Record<string, unknown> = {}
    if (this.missing === 0 && this.present > 0) constraints.required = true
    if (
      (type === 'integer' || type === 'number') &&
      this.present > 0 &&
      !this.sawNaN &&
      Number.isFinite(this.min)
    ) {
      constraints.minimum = this.min
      constraints.maximum = this.max
    }
    if ((type === 'date' || type === 'datetime') && this.minText) {
      constraints.minimum = this.minText
      constraints.maximum = this.maxText
    }
    // A handful of values in a column with many rows is a category (or a label): list them.
    if (
      this.distinct &&
      (type === 'string' || type === 'integer') &&
      this.distinct.size > 0 &&
      rows >= 2 * this.distinct.size &&
      rows >= 10
    ) {
      const values = [...this.distinct.values()]
      constraints.enum =
        type === 'integer' ? values.map(Number).sort((a, b) => a - b) : values.map(String).sort()
      if (type === 'integer') {
        delete constraints.minimum
        delete constraints.maximum
      }
    }
    return { name, type, ...(Object.keys(constraints).length ? { constraints } : {}) }
  }
}

/** A Table Schema the same file passes: types, required, observed ranges, and enums for categories. */
export async function inferSchema(
  file: string,
  format: DataFormat,
  options: { delimiter?: string }
): Promise<{ fields: Array<Record<string, unknown>>; missingValues: string[] }> {
  let names: string[] = []
  let stats: ColumnStats[] = []
  let rows = 0
  await readTable(
    file,
    format,
    { delimiter: options.delimiter },
    {
      header: labels => {
        names = labels
        stats = labels.map(() => new ColumnStats())
      },
      row: cells => {
        rows++
        cells.forEach((cell, index) => stats[index]?.observe(cell))
      },
      problem: () => undefined
    }
  )
  return { fields: names.map((name, index) => stats[index].field(name, rows)), missingValues: [''] }
}
