import { UserError } from '../errors.js'
import type { Dialect } from './dialect.js'
import { filesOf, readDataset } from './readers/many.js'
import { isoTime } from './cells/dates.js'
import { INVALID } from './cells/invalid.js'
import { ABSENT, type DataFormat, type TableProblem } from './table.js'

type Candidate = 'integer' | 'number' | 'date' | 'datetime' | 'time' | 'boolean' | 'string'
const ORDER: Candidate[] = ['integer', 'number', 'date', 'datetime', 'time', 'boolean', 'string']
const MAX_ENUM = 20
/** The longest value an enum lists. */
const MAX_ENUM_CHARS = 200

// The types a column can still be, as bits of one number (a table may have 100,000 columns).
const INTEGER_BIT = 1
const NUMBER_BIT = 2
const DATE_BIT = 4
const DATETIME_BIT = 8
const BOOLEAN_BIT = 16
const TIME_BIT = 32
const BITS: Record<Candidate, number> = {
  integer: INTEGER_BIT,
  number: NUMBER_BIT,
  date: DATE_BIT,
  datetime: DATETIME_BIT,
  time: TIME_BIT,
  boolean: BOOLEAN_BIT,
  string: 0
}
const ALL_BITS = INTEGER_BIT | NUMBER_BIT | DATE_BIT | DATETIME_BIT | TIME_BIT | BOOLEAN_BIT

// The kinds of value a column holds.
const TEXT = 1
const NATIVE = 2
const OBJECT = 4
const ARRAY = 8

const INTEGER = /^[+-]?\d+$/
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/
const DATE = /^\d{4}-\d{2}-\d{2}$/
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$/
/** A bound a schema can hold: a four-digit year (toISOString writes +275760-09-13 past 9999). */
const ISO_BOUND = /^\d{4}-/
const BOOLEAN = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE'])

class ColumnStats {
  possible = ALL_BITS
  present = 0
  missing = 0
  min = Infinity
  max = -Infinity
  /** A value no range holds was seen (NaN, ±Infinity, an integer past 2^53): no bounds are written. */
  unbounded = false
  minText = ''
  maxText = ''
  /** Distinct values while there are few (made at the first value: wide tables have many columns). */
  distinct: Map<string, unknown> | null | undefined = undefined
  /** The kinds of value seen (bits of TEXT, NATIVE, OBJECT, ARRAY): a string field holds only text. */
  kinds = 0

  observe(cell: unknown): void {
    if (cell === null || cell === undefined || cell === ABSENT || cell === '') {
      this.missing++
      return
    }
    this.present++
    let text: string
    this.kinds |=
      typeof cell === 'string'
        ? TEXT
        : Array.isArray(cell)
          ? ARRAY
          : typeof cell === 'object' && !(cell instanceof Date && !Number.isNaN(cell.getTime()))
            ? OBJECT
            : NATIVE
    if (cell instanceof Date && !Number.isNaN(cell.getTime())) {
      text = cell.toISOString()
      const midnight = cell.getTime() % 86_400_000 === 0
      this.possible &= midnight ? DATE_BIT | DATETIME_BIT : DATETIME_BIT
      if (ISO_BOUND.test(text)) this.range(cell.getTime(), text)
      else this.unbounded = true
    } else if (typeof cell === 'number' || typeof cell === 'bigint') {
      const value = Number(cell)
      this.possible &= Number.isInteger(value) ? INTEGER_BIT | NUMBER_BIT : NUMBER_BIT
      text = String(cell)
      if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value)))
        this.unbounded = true
      else this.range(value, text)
    } else if (typeof cell === 'boolean') {
      this.possible &= BOOLEAN_BIT
      text = String(cell)
    } else if (typeof cell === 'string') {
      text = cell
      this.observeText(text)
    } else {
      this.possible = 0
      text = ''
      this.distinct = null
    }
    if (this.distinct === undefined) this.distinct = new Map()
    // A category is a short word: a long text (a document, a stray quote's megabytes) is no enum value.
    if (text.length > MAX_ENUM_CHARS) this.distinct = null
    if (this.distinct) {
      this.distinct.set(text, cell)
      if (this.distinct.size > MAX_ENUM) this.distinct = null
    }
  }

  private observeText(text: string): void {
    let possible = this.possible
    if (possible & INTEGER_BIT && !INTEGER.test(text)) possible &= ~INTEGER_BIT
    const special = text === 'NaN' || text === 'INF' || text === '-INF'
    if (possible & NUMBER_BIT && !DECIMAL.test(text) && !special) possible &= ~NUMBER_BIT
    if (possible & DATE_BIT && (!DATE.test(text) || Number.isNaN(Date.parse(text))))
      possible &= ~DATE_BIT
    if (possible & DATETIME_BIT && (!DATETIME.test(text) || Number.isNaN(Date.parse(text))))
      possible &= ~DATETIME_BIT
    // A time of day as validate's `time` reads it (a Parquet TIME column is read as such text).
    const time = possible & TIME_BIT ? isoTime(text) : INVALID
    if (time === INVALID) possible &= ~TIME_BIT
    if (possible & BOOLEAN_BIT && !BOOLEAN.has(text)) possible &= ~BOOLEAN_BIT
    this.possible = possible
    if (possible & (NUMBER_BIT | INTEGER_BIT)) {
      const value = Number(text)
      // Integers past 2^53 and decimals of more than 15 digits are read exactly by validate, not here.
      if (special || !Number.isFinite(value) || significantDigits(text) > 15) this.unbounded = true
      else this.range(value, text)
    } else if (possible & (DATE_BIT | DATETIME_BIT)) this.range(Date.parse(text), text)
    else if (time !== INVALID) this.range(time, text)
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
    let type: string =
      this.present === 0 ? 'string' : (ORDER.find(c => this.possible & BITS[c]) ?? 'string')
    // Values that are not text (JSON numbers and objects, Parquet dates) in a column that is not all of
    // one type: validate's string type would refuse them.
    if (type === 'string' && this.kinds & ~TEXT)
      type = this.kinds === OBJECT ? 'object' : this.kinds === ARRAY ? 'array' : 'any'
    const constraints: Record<string, unknown> = {}
    if (this.missing === 0 && this.present > 0) constraints.required = true
    const bounded = this.present > 0 && !this.unbounded && this.minText !== ''
    if ((type === 'integer' || type === 'number') && bounded) {
      constraints.minimum = this.min
      constraints.maximum = this.max
    }
    // A Parquet timestamp is kept as its ISO text: a date column (every value at midnight) shows the day.
    if ((type === 'date' || type === 'datetime') && bounded) {
      constraints.minimum = type === 'date' ? this.minText.slice(0, 10) : this.minText
      constraints.maximum = type === 'date' ? this.maxText.slice(0, 10) : this.maxText
    }
    if (type === 'time' && bounded) {
      constraints.minimum = this.minText
      constraints.maximum = this.maxText
    }
    // A handful of values in a column with many rows is a category (or a label): list them.
    const distinct = this.distinct
    if (
      distinct &&
      (type === 'string' || type === 'integer') &&
      distinct.size > 0 &&
      rows >= 2 * distinct.size &&
      rows >= 10 &&
      (type === 'string' || !this.unbounded)
    ) {
      const values = [...distinct.values()]
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

/** Digits of a decimal text without its sign, leading zeros and exponent. */
function significantDigits(text: string): number {
  return text
    .replace(/[eE].*$/, '')
    .replace(/\D/g, '')
    .replace(/^0+/, '').length
}

/**
 * The most columns infer writes a schema for. Each is a field of 100-250 bytes of YAML, which validate's
 * schema parser takes about 100 bytes of memory a byte to read: the schema of 5,000 columns (1.2 MB, with
 * enums) validates in 191 MiB, of 10,000 in 305 MiB. A table this wide is better checked by a schema of
 * the columns that matter with `fieldsMatch: subset`.
 */
export const MAX_INFER_COLUMNS = 5_000

/** Unreadable records (syntax errors, bad bytes) infer reads past before it gives up, when they outnumber rows. */
export const MAX_INFER_PROBLEMS = 1000

/** Why a header cannot name a schema's fields (a blank or repeated label), or null. */
function headerProblem(labels: string[]): string | null {
  const blank = labels.flatMap((label, i) => (label.trim() === '' ? [i + 1] : []))
  if (blank.length)
    return `column${blank.length > 1 ? 's' : ''} ${listed(blank)} ${blank.length > 1 ? 'have' : 'has'} no name`
  const first = new Map<string, number>()
  for (const [i, label] of labels.entries()) {
    const earlier = first.get(label)
    if (earlier !== undefined)
      return `columns ${earlier + 1} and ${i + 1} are both named ${JSON.stringify(label)}`
    first.set(label, i)
  }
  return null
}

function describeProblem(problem: TableProblem): string {
  return `${problem.line ? `line ${problem.line}: ` : ''}${problem.message}`
}

function listed(numbers: number[]): string {
  return numbers.length > 5 ? `${numbers.slice(0, 5).join(', ')}, …` : numbers.join(', ')
}

/**
 * A Table Schema the same file passes: types, required, observed ranges, and enums for categories. A file
 * without a header, or whose header has a blank or repeated name, is refused: no schema can name its
 * columns (validate reports the same header).
 */
export async function inferSchema(
  source: string | readonly string[],
  format: DataFormat,
  options: { delimiter?: string; dialect?: Dialect }
): Promise<{ fields: Array<Record<string, unknown>>; missingValues: string[] }> {
  const files = filesOf(source)
  const file = files.length === 1 ? files[0] : `${files[0]} and ${files.length - 1} more files`
  // The dialect's nullSequence is a missing value (validate adds it to the schema's, with the dialect).
  const nullSequence = options.dialect?.nullSequence
  let names: string[] | null = null
  let stats: ColumnStats[] = []
  let rows = 0
  let firstProblem: TableProblem | null = null
  let problems = 0
  await readDataset(
    files,
    format,
    { delimiter: options.delimiter, dialect: options.dialect },
    {
      header: labels => {
        if (labels.length > MAX_INFER_COLUMNS)
          throw new UserError(
            `cannot infer a schema from ${file}: ${labels.length.toLocaleString('en-US')} columns; infer writes a field for each of at most ${MAX_INFER_COLUMNS.toLocaleString('en-US')}`,
            {
              hint: 'write a schema with the columns that matter and fieldsMatch: subset, which lets the others through'
            }
          )
        const problem =
          labels.length === 0 ? 'its first record names no column' : headerProblem(labels)
        if (problem)
          throw new UserError(`cannot infer a schema from ${file}: ${problem}`, {
            hint: 'give every column a name of its own in the header, then infer again'
          })
        names = labels
        stats = labels.map(() => new ColumnStats())
      },
      row: cells => {
        rows++
        for (let index = 0; index < stats.length; index++)
          stats[index].observe(cells[index] === nullSequence ? '' : cells[index])
      },
      problem: problem => {
        firstProblem ??= problem
        // A file mostly unreadable is no sample of its columns: say so instead of reading it all.
        if (++problems > MAX_INFER_PROBLEMS && problems > rows)
          throw new UserError(
            `cannot infer a schema from ${file}: more than ${MAX_INFER_PROBLEMS} records cannot be read (the first: ${describeProblem(firstProblem)})`
          )
      }
    }
  )
  if (names === null) {
    const problem = firstProblem as TableProblem | null
    throw new UserError(
      `cannot infer a schema from ${file}: ${problem ? describeProblem(problem) : 'the file is empty'}`
    )
  }
  const header: string[] = names
  return {
    fields: header.map((name, index) => stats[index].field(name, rows)),
    missingValues: ['']
  }
}
