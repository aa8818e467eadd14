import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { CsvTokenizer, type CsvQuoting, type CsvSyntaxProblem } from '../src/data/csv.js'
import { DialectTokenizer, needsDialectTokenizer } from '../src/data/csv-dialect.js'
import type { CsvRecord } from '../src/data/csv-record.js'
import { MAX_COLUMNS } from '../src/data/table.js'
import { CHUNK_BYTES, MAX_RECORD_CHARS } from '../src/data/text-chunks.js'

interface RecordCopy {
  fields: string[]
  comment: boolean
  line: number
  endLine: number
  /** Where each field starts (the tokenizers leave it null differently when every field is on `line`). */
  fieldLines: number[]
  raw: string
}

function copy(record: CsvRecord): RecordCopy {
  const { fields, comment, line, endLine, raw } = record
  const fieldLines = record.fieldLines ? [...record.fieldLines] : fields.map(() => line)
  return { fields, comment, line, endLine, fieldLines, raw }
}

type Problem = Pick<CsvSyntaxProblem, 'code' | 'line' | 'fieldNumber'>

function run(
  make: (
    onRecord: (record: CsvRecord) => void,
    onProblem: (problem: CsvSyntaxProblem) => void
  ) => { push(text: string): void; finish(): void },
  chunks: string[]
): { records: RecordCopy[]; problems: Problem[] } {
  const records: RecordCopy[] = []
  const problems: Problem[] = []
  const tokenizer = make(
    record => void records.push(copy(record)),
    ({ code, line, fieldNumber }) => void problems.push({ code, line, fieldNumber })
  )
  for (const chunk of chunks) tokenizer.push(chunk)
  tokenizer.finish()
  return { records, problems }
}

function dialect(chunks: string[], quoting: CsvQuoting = {}, delimiter = ',') {
  return run(
    (onRecord, onProblem) =>
      new DialectTokenizer({ delimiter, keepRaw: true, quoting }, onRecord, onProblem),
    chunks
  )
}

function rfc4180(chunks: string[]) {
  return run(
    (onRecord, onProblem) =>
      new CsvTokenizer({ delimiter: ',', keepRaw: true }, onRecord, onProblem),
    chunks
  )
}

/** The cells of each record that is not a comment. */
const fields = (text: string, quoting: CsvQuoting, delimiter = ',') =>
  dialect([text], quoting, delimiter)
    .records.filter(record => !record.comment)
    .map(record => record.fields)

/** `text` cut into chunks of the given sizes, cycled. */
function cut(text: string, sizes: number[]): string[] {
  const chunks: string[] = []
  for (let i = 0, k = 0; i < text.length; k++) {
    chunks.push(text.slice(i, i + sizes[k % sizes.length]))
    i += sizes[k % sizes.length]
  }
  return chunks
}

describe('which tokenizer reads a dialect', () => {
  it('the RFC 4180 one unless an option differs from RFC 4180', () => {
    expect(needsDialectTokenizer(undefined)).toBe(false)
    expect(
      needsDialectTokenizer({ quoteChar: '"', doubleQuote: true, skipInitialSpace: false })
    ).toBe(false)
    for (const quoting of [
      { quoteChar: "'" },
      { doubleQuote: false },
      { escapeChar: '\\' },
      { skipInitialSpace: true },
      { commentChar: '#' },
      { lineTerminator: '\n' as const }
    ])
      expect(needsDialectTokenizer(quoting)).toBe(true)
  })
})

describe('DialectTokenizer with RFC 4180 options reads as the RFC 4180 tokenizer', () => {
  it('the same records, lines, source text and problems, for any text in any chunking', () => {
    const unit = fc.constantFrom('a', ',', '"', '""', '\n', '\r', '\r\n', 'x', ' ', 'é')
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 30 }),
        (text, sizes) => {
          const expected = rfc4180([text])
          expect(dialect([text])).toEqual(expected)
          expect(dialect(cut(text, sizes))).toEqual(expected)
        }
      ),
      { numRuns: 3000 }
    )
  })
})

describe('DialectTokenizer reads as Python’s csv module with the same options', () => {
  it('quoteChar quotes, and a doubled quoteChar is one', () => {
    expect(fields("id,name\n1,'a, b'\n2,'it''s'\n", { quoteChar: "'" })).toEqual([
      ['id', 'name'],
      ['1', 'a, b'],
      ['2', "it's"]
    ])
  })

  it('escapeChar makes the next character text, quoted or not (frictionless-py’s escapechar test)', () => {
    expect(fields('header1%,header2\nvalue1%,value2\n', { escapeChar: '%' })).toEqual([
      ['header1,header2'],
      ['value1,value2']
    ])
    expect(fields('a,"x \\" y",b\\\\c\n', { escapeChar: '\\' })).toEqual([['a', 'x " y', 'b\\c']])
  })

  it('doubleQuote: false with an escapeChar: a quote closes the field, an escaped one does not', () => {
    // frictionless-py's data/dialect.csv, read with its test's dialect.
    const text = 'id|name\n1|#english#\n2| -|##\n'
    const quoting = { quoteChar: '#', escapeChar: '-', doubleQuote: false }
    expect(fields(text, quoting, '|')).toEqual([
      ['id', 'name'],
      ['1', 'english'],
      ['2', ' |##']
    ])
    const { records, problems } = dialect(['"a""b",c\n'], { doubleQuote: false, escapeChar: '\\' })
    // Python reads the rest as unquoted text; ml-smoke reads the same and says where the quoting broke.
    expect(records.map(r => r.fields)).toEqual([['a"b"', 'c']])
    expect(problems).toEqual([{ code: 'text-after-quote', line: 1, fieldNumber: 1 }])
  })

  it('skipInitialSpace skips spaces after a delimiter, so a quote after them opens the field', () => {
    const text = 'ID, Test\n1, "Test line 1"\n2, "Test "" line 2"\n'
    expect(fields(text, { skipInitialSpace: true })).toEqual([
      ['ID', 'Test'],
      ['1', 'Test line 1'],
      ['2', 'Test " line 2']
    ])
    // Without it the space is text and the quotes after it are too (RFC 4180 reads the same).
    expect(fields(text, { escapeChar: '\\' })[2]).toEqual(['2', ' "Test "" line 2"'])
  })

  it('a line that starts with commentChar is a comment record, whatever it holds', () => {
    const text =
      '# a "comment, with a quote\nid,name\n## two\n1,"#not a comment"\n  # indented: data\n'
    const { records, problems } = dialect([text], { commentChar: '#' })
    expect(problems).toEqual([])
    expect(records.map(r => [r.comment, r.line, r.raw, r.fields])).toEqual([
      [true, 1, '# a "comment, with a quote', []],
      [false, 2, 'id,name', ['id', 'name']],
      [true, 3, '## two', []],
      [false, 4, '1,"#not a comment"', ['1', '#not a comment']],
      [false, 5, '  # indented: data', ['  # indented: data']]
    ])
    // frictionless-py's test of a comment marker of two characters ("41" in data/matrix.csv).
    expect(fields('f1,f2\n11,12\n41,42\n410\n', { commentChar: '41' })).toEqual([
      ['f1', 'f2'],
      ['11', '12']
    ])
  })

  it('reads a comment marker cut across chunks, and a file that ends in part of one as data', () => {
    const text = 'a\n//x\n/y\n/'
    for (let i = 0; i <= text.length; i++) {
      const { records } = dialect([text.slice(0, i), text.slice(i)], { commentChar: '//' })
      expect(records.map(r => (r.comment ? `#${r.raw}` : r.fields.join('|')))).toEqual([
        'a',
        '#//x',
        '/y',
        '/'
      ])
    }
  })
})

describe('DialectTokenizer positions', () => {
  it('counts escaped line breaks, quoted ones and comment lines as lines, however the text is cut', () => {
    const text = 'a,b\r\n# note\r\n1,x\\\r\ny\r\n2,"p\rq"\n3,\\\nz\n4,end\n'
    const quoting = { escapeChar: '\\', commentChar: '#' }
    const whole = dialect([text], quoting)
    expect(whole.problems).toEqual([])
    expect(whole.records.map(r => [r.fields, r.line, r.endLine])).toEqual([
      [['a', 'b'], 1, 1],
      [[], 2, 2],
      [['1', 'x\r\ny'], 3, 4],
      [['2', 'p\rq'], 5, 6],
      [['3', '\nz'], 7, 8],
      [['4', 'end'], 9, 9]
    ])
    for (let i = 0; i <= text.length; i++)
      expect(dialect([text.slice(0, i), text.slice(i)], quoting)).toEqual(whole)
  })

  it('gives the same records for any text in any chunking, whatever the dialect', () => {
    const unit = fc.constantFrom('a', ';', "'", "''", '\\', '\n', '\r', '\r\n', ' ', '#', '##')
    const quoting = fc.record({
      quoteChar: fc.constantFrom("'", '"'),
      doubleQuote: fc.boolean(),
      escapeChar: fc.constantFrom('\\', undefined),
      skipInitialSpace: fc.boolean(),
      commentChar: fc.constantFrom('#', '##', undefined),
      lineTerminator: fc.constantFrom('\n' as const, '\r\n' as const, undefined)
    })
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 60 }),
        quoting,
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 30 }),
        (text, options, sizes) => {
          const settings = {
            ...options,
            doubleQuote: options.escapeChar ? options.doubleQuote : true
          }
          const whole = dialect([text], settings, ';')
          expect(dialect(cut(text, sizes), settings, ';')).toEqual(whole)
          const lines = text.split(/\r\n|\r|\n/).length
          for (const record of whole.records) expect(record.endLine).toBeLessThanOrEqual(lines)
          for (const problem of whole.problems) expect(problem.line).toBeLessThanOrEqual(lines)
        }
      ),
      { numRuns: 3000 }
    )
  })

  it('reports the first line whose break is not the lineTerminator, once', () => {
    const { records, problems } = dialect(['a\r\nb\nc\nd\r\ne'], { lineTerminator: '\r\n' })
    expect(records.map(r => r.fields[0])).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(problems).toEqual([{ code: 'line-terminator', line: 2, fieldNumber: undefined }])
    expect(dialect(['a\nb\n"c\r\nd"\n'], { lineTerminator: '\n' }).problems).toEqual([])
  })

  it('reports a quote that never closes where it opened, and text after a closing quote', () => {
    expect(dialect(["a\n'b\nc\n"], { quoteChar: "'" }).problems).toEqual([
      { code: 'unterminated-quote', line: 2, fieldNumber: 1 }
    ])
    expect(dialect(["1,'a'b,c\n"], { quoteChar: "'" })).toMatchObject({
      records: [{ fields: ['1', 'ab', 'c'] }],
      problems: [{ code: 'text-after-quote', line: 1, fieldNumber: 2 }]
    })
  })
})

describe('DialectTokenizer bounds', () => {
  it('stops a record at its first cell past MAX_COLUMNS', () => {
    const { records, problems } = dialect(
      [`a;b\n${';'.repeat(MAX_COLUMNS + 10)}\n1;2\n`],
      {
        quoteChar: "'"
      },
      ';'
    )
    expect(records.map(r => r.fields)).toEqual([['a', 'b']])
    expect(problems).toEqual([{ code: 'too-many-columns', line: 2, fieldNumber: undefined }])
  })

  it('holds a cell of millions of escaped characters in memory about its size (found reading 4 M: 600 MiB)', () => {
    const text = `a;b\n1;${'x\\;'.repeat(4_000_000)}\n`
    let cell = ''
    const tokenizer = new DialectTokenizer(
      { delimiter: ';', keepRaw: false, quoting: { escapeChar: '\\' } },
      record => void (cell = record.cell(1)),
      () => {
        throw new Error('no problem expected')
      }
    )
    const before = process.memoryUsage().heapUsed
    let peak = 0
    for (let i = 0; i < text.length; i += CHUNK_BYTES) {
      tokenizer.push(text.slice(i, i + CHUNK_BYTES))
      peak = Math.max(peak, process.memoryUsage().heapUsed - before)
    }
    tokenizer.finish()
    expect(cell).toBe('x;'.repeat(4_000_000))
    // The text itself is 12 MB (and its 8 MB cell); a string per escaped character was hundreds.
    expect(peak).toBeLessThan(150 * 2 ** 20)
  })

  it('keeps the cells of a record of megabytes as strings of their own, the same cells', () => {
    const long = "x'".repeat(1 << 20)
    const { records, problems } = dialect(
      [`a;'${long.replace(/'/g, "''")}';;b\n1;2\n`],
      { quoteChar: "'" },
      ';'
    )
    expect(problems).toEqual([])
    expect(records.map(r => r.fields)).toEqual([
      ['a', long, '', 'b'],
      ['1', '2']
    ])
  })

  it('stops at a record longer than MAX_RECORD_CHARS, at the line where it starts', () => {
    for (const opening of [
      "3,'never closed",
      '3,no line breaks at all',
      '# a comment without end'
    ]) {
      const problems: CsvSyntaxProblem[] = []
      const records: string[][] = []
      const tokenizer = new DialectTokenizer(
        { delimiter: ',', keepRaw: true, quoting: { quoteChar: "'", commentChar: '#' } },
        r => void records.push(r.fields),
        p => void problems.push(p)
      )
      tokenizer.push(`a,b\n1,2\n${opening}`)
      const piece = 'z'.repeat(CHUNK_BYTES)
      for (let n = 0; n * CHUNK_BYTES <= MAX_RECORD_CHARS + CHUNK_BYTES; n++) tokenizer.push(piece)
      tokenizer.finish()
      expect(records).toEqual([
        ['a', 'b'],
        ['1', '2']
      ])
      expect(problems).toEqual([expect.objectContaining({ code: 'record-too-long', line: 3 })])
      expect(tokenizer.isStopped).toBe(true)
    }
  })
})
