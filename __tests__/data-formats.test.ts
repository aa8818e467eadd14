import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet'
import { parquetHeader } from 'hyparquet/src/column.js'
import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js'
import { parquetWriteFile } from 'hyparquet-writer'
import { stringify } from 'yaml'
import { inferSchema, MAX_INFER_COLUMNS, MAX_INFER_PROBLEMS } from '../src/data/infer.js'
import { parseTableSchema, schemaFileJsonSchema } from '../src/data/schema.js'
import { readTable } from '../src/data/readers/index.js'
import { JsonArrayElements, MAX_UNREADABLE_RECORDS } from '../src/data/readers/json.js'
import { checkThriftShape } from '../src/data/readers/thrift-shape.js'
import { MAX_RECORD_CHARS } from '../src/data/text-chunks.js'
import { MAX_JSON_DEPTH } from '../src/json.js'
import { formatOf, MAX_COLUMNS, MAX_LABEL_CHARS, type DataFormat } from '../src/data/table.js'
import { validateTable } from '../src/data/validate-file.js'
import type { UserError } from '../src/errors.js'
import { slowdown } from '../__fixtures__/linear.js'

const fixture = (name: string): string => new URL(`../fixtures/${name}`, import.meta.url).pathname

async function validate(
  file: string,
  schema: object | string,
  format?: DataFormat,
  maxViolations = 5000
) {
  const parsed = parseTableSchema(
    typeof schema === 'string' ? schema : JSON.stringify(schema),
    'schema.yml'
  )
  return validateTable(file, parsed, {
    format: format ?? formatOf(file),
    maxViolations,
    schemaLabel: 'schema.yml'
  })
}

/** Every row as the Parquet reader hands it over (copied: the reader reuses its row). */
async function readRows(file: string): Promise<unknown[][]> {
  const rows: unknown[][] = []
  await readTable(
    file,
    'parquet',
    {},
    {
      header: () => undefined,
      row: cells => void rows.push([...cells]),
      problem: problem => {
        throw new Error(problem.message)
      }
    }
  )
  return rows
}

/** The kinds of page in a Parquet file's column chunks. */
async function pageTypesOf(file: string): Promise<Set<string>> {
  const bytes = await readFile(file)
  const metadata = await parquetMetadataAsync(await asyncBufferFromFile(file))
  const types = new Set<string>()
  for (const group of metadata.row_groups) {
    for (const { meta_data: meta } of group.columns) {
      const reader = {
        view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        offset: Number(meta!.dictionary_page_offset || meta!.data_page_offset)
      }
      const end = reader.offset + Number(meta!.total_compressed_size)
      while (reader.offset < end) {
        const header = parquetHeader(reader)
        types.add(header.type)
        reader.offset += header.compressed_page_size
      }
    }
  }
  return types
}

async function temp(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'data-')), name)
  await writeFile(file, content)
  return file
}

const mixedFields = (dateType: 'date' | 'datetime') => ({
  fields: [
    { name: 'id', type: 'integer', constraints: { required: true, unique: true } },
    { name: 'age', type: 'integer', constraints: { required: true, minimum: 0 } },
    { name: 'income', type: 'number', constraints: { required: true } },
    { name: 'city', type: 'string' },
    { name: 'signup', type: 'datetime' },
    { name: 'signup_date', type: dateType },
    { name: 'is_active', type: 'boolean' },
    { name: 'label', type: 'integer', constraints: { enum: [0, 1] } },
    { name: 'note', type: 'string' }
  ],
  primaryKey: 'id'
})

describe('the same real table (pandas/pyarrow-written) in every format gives the same answers', () => {
  it.each([
    ['real/mixed.jsonl', 'datetime'],
    ['real/mixed.snappy.parquet', 'date'],
    ['real/mixed.zstd.parquet', 'date']
  ] as const)('%s: 20,000 rows, nulls exactly as MANIFEST.json says', async (name, dateType) => {
    const manifest = JSON.parse(await readFile(fixture('real/MANIFEST.json'), 'utf8'))
    const result = await validate(fixture(name), mixedFields(dateType))
    expect(result.rows).toBe(manifest.tables.mixed.rows)
    expect(result.countsByField).toEqual({
      age: manifest.tables.mixed.null_age,
      income: manifest.tables.mixed.null_income
    })
    expect(result.stats.nullCounts).toMatchObject({ age: 500, income: 300 })
    expect(new Set(result.violations.map(v => v.code))).toEqual(new Set(['constraint-error']))
  })

  it('Parquet violations carry the row group and row', async () => {
    const result = await validate(
      fixture('real/mixed.snappy.parquet'),
      mixedFields('date'),
      undefined,
      1
    )
    expect(result.violations[0]).toMatchObject({
      code: 'constraint-error',
      field: expect.any(String),
      rowGroup: expect.any(Number),
      rowInGroup: expect.any(Number)
    })
    expect(result.violations[0].line).toBeUndefined()
  })

  it('hyparquet-writer v2 data pages, many per column chunk, read a page at a time give the rows hyparquet reads whole', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pages-'))
    const n = 3000
    const scores = Array.from({ length: n }, (_, i) => (i % 97 === 0 ? null : (i % 101) / 10))
    const columnData = [
      { name: 'id', type: 'INT32' as const, data: Array.from({ length: n }, (_, i) => i) },
      { name: 'score', type: 'DOUBLE' as const, data: scores },
      {
        name: 'name',
        type: 'STRING' as const,
        data: Array.from({ length: n }, (_, i) => (i % 89 === 0 ? 'bad name!' : `name ${i}`))
      }
    ]
    const schema = {
      fields: [
        { name: 'id', type: 'integer' },
        { name: 'score', type: 'number', constraints: { maximum: 9.5 } },
        { name: 'name', constraints: { pattern: 'name \\d+' } }
      ]
    }
    // Pages of 256 bytes (columns end their pages at different rows) and one page per column chunk.
    for (const pageSize of [256, 0]) {
      const file = path.join(dir, `pages-${pageSize}.parquet`)
      parquetWriteFile({ filename: file, rowGroupSize: [2500, 500], pageSize, columnData })
      const pageTypes = await pageTypesOf(file)
      expect(pageTypes.has('DATA_PAGE_V2')).toBe(true)
      expect(await readRows(file)).toEqual(
        (await parquetReadObjects({ file: await asyncBufferFromFile(file) })).map(Object.values)
      )
      const result = await validate(file, schema)
      // (i % 101) / 10 > 9.5 for i % 101 in 96..100, unless the score is null; and every 89th name.
      const highScores = scores.filter(v => v !== null && v > 9.5).length
      expect(result.countsByField).toEqual({ score: highScores, name: Math.ceil(n / 89) })
      expect(result.violations.at(-1)).toMatchObject({ rowGroup: 1, field: expect.any(String) })
    }
  })

  describe('DuckDB-written files: every codec, format v1 and v2 encodings (fixtures/parquet/make-parquet.mjs)', () => {
    const cities = ['Oslo', 'Zürich', 'São Paulo', 'Kyiv', 'Lagos']
    const notes = [', with a comma', ' "quoted"', '\nsecond line', ' ünïcödé ✓']
    const day = Date.UTC(2024, 0, 1)
    const expected = Array.from({ length: 5000 }, (_, i) => [
      i,
      i % 7 === 0 ? null : i / 8,
      cities[i % 5],
      `note ${i}${notes[i % 4]}`,
      new Date(day + (i % 365) * 86_400_000),
      new Date(day + i * 3_600_000),
      i % 3 === 0
    ])
    const codecs = ['uncompressed', 'snappy', 'gzip', 'zstd', 'brotli', 'lz4']

    it.each(codecs.flatMap(codec => [`${codec}-format-v1`, `${codec}-format-v2`]))(
      '%s: every value, null, date and timestamp of 5,000 rows in 3 row groups',
      async name => {
        const file = fixture(`parquet/${name}.parquet`)
        const metadata = await parquetMetadataAsync(await asyncBufferFromFile(file))
        const codec = name.split('-')[0]
        expect(metadata.row_groups.map(group => group.columns[0].meta_data?.codec)).toEqual(
          Array(3).fill(codec === 'lz4' ? 'LZ4_RAW' : codec.toUpperCase())
        )
        const encodings = new Set(
          metadata.row_groups[0].columns.flatMap(column => column.meta_data?.encodings)
        )
        for (const encoding of name.endsWith('v2')
          ? [
              'DELTA_BINARY_PACKED',
              'DELTA_LENGTH_BYTE_ARRAY',
              'BYTE_STREAM_SPLIT',
              'RLE_DICTIONARY'
            ]
          : ['PLAIN', 'PLAIN_DICTIONARY'])
          expect(encodings).toContain(encoding)
        expect(await readRows(file)).toEqual(expected)
      }
    )

    it('violations carry the row group, the row in it and the Frictionless row number', async () => {
      const result = await validate(fixture('parquet/zstd-format-v2.parquet'), {
        fields: [
          { name: 'id', type: 'integer', constraints: { unique: true } },
          { name: 'score', type: 'number', constraints: { maximum: 600 } },
          { name: 'city', constraints: { enum: ['Oslo', 'Zürich', 'São Paulo', 'Lagos'] } },
          { name: 'note', constraints: { required: true } },
          {
            name: 'day',
            type: 'date',
            constraints: { minimum: '2024-01-01', maximum: '2024-12-30' }
          },
          { name: 'seen', type: 'datetime' },
          { name: 'flag', type: 'boolean' }
        ]
      })
      // score = i / 8 > 600 for i in 4801..4999 unless i % 7 = 0; Kyiv is every i % 5 = 3.
      const highScores = Array.from({ length: 199 }, (_, k) => 4801 + k).filter(i => i % 7 !== 0)
      expect(result.countsByField).toEqual({ score: highScores.length, city: 1000 })
      expect(result.violations[0]).toMatchObject({
        field: 'city',
        rowGroup: 0,
        rowInGroup: 3,
        rowNumber: 5
      })
      expect(result.violations.find(v => v.field === 'score')).toMatchObject({
        rowGroup: 2,
        rowInGroup: 4801 - 4096,
        rowNumber: 4803,
        message: 'field "score": 600.125 is above the maximum 600'
      })
    })
  })

  it('a nested column is refused by name; a damaged page names its row group and column', async () => {
    await expect(
      validate(fixture('parquet/nested.parquet'), { fields: [{ name: 'id', type: 'integer' }] })
    ).rejects.toThrow(
      /nested.parquet: columns "pair", "point" are nested \(list, struct or map\); ml-smoke validates flat columns only$/
    )
    const source = fixture('parquet/snappy-format-v1.parquet')
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(source))
    const note = metadata.row_groups[1].columns[3].meta_data!
    const bytes = await readFile(source)
    bytes.fill(0xff, Number(note.data_page_offset), Number(note.data_page_offset) + 8)
    const damaged = await temp('damaged.parquet', bytes)
    await expect(validate(damaged, { fields: [{ name: 'id', type: 'integer' }] })).rejects.toThrow(
      /damaged.parquet: row group 1, column "note": cannot decode a page: /
    )
    await expect(
      validate(await temp('cut.parquet', bytes.subarray(0, 5000)), { fields: [{ name: 'id' }] })
    ).rejects.toThrow(/cut.parquet: not a readable Parquet file/)
  })

  it('declared sizes are checked before anything is allocated (issue #13: 26-50 KB files took 1.5-2.8 GB)', async () => {
    // hyparquet (patched): an RLE run longer than its page stops at the page's end.
    const output = new Array<number>(10)
    const run = Buffer.from([0x80, 0x80, 0x80, 0x80, 0x08, 0x07]) // a run of 2^30 sevens
    const view = new DataView(run.buffer, run.byteOffset, run.length)
    // No clock needed: unpatched, the run grows the array until it throws "Invalid array length".
    readRleBitPackedHybrid({ view, offset: 0 }, 3, output, run.length)
    expect(output).toEqual(Array(10).fill(7))
    // The metadata is walked before hyparquet builds it: a list of 2^31 elements in a 40-byte footer.
    const list = Buffer.from([0x19, 0xfc, 0xff, 0xff, 0xff, 0xff, 0x07, 0x00])
    expect(() => checkThriftShape(list, 0, list.length, 1000)).toThrow(
      'a list of 2147483647 elements runs past the end'
    )
    const deep = Buffer.alloc(100, 0x1c) // a struct in a struct in a struct ...
    expect(() => checkThriftShape(deep, 0, deep.length, 1000)).toThrow('nested more than 32 deep')
    const many = Buffer.concat([Buffer.from([0x19, 0xf1, 0x80, 0x80, 0x04]), Buffer.alloc(65536)])
    expect(() => checkThriftShape(many, 0, many.length, 1000)).toThrow('more than 1,000 values')
    const footer = (metadata: Buffer) => {
      const length = Buffer.alloc(4)
      length.writeUInt32LE(metadata.length)
      return Buffer.concat([Buffer.from('PAR1'), metadata, length, Buffer.from('PAR1')])
    }
    const sink = { header: () => {}, row: () => {}, problem: () => {} }
    await expect(
      readTable(
        await temp('list.parquet', footer(Buffer.concat([list, Buffer.alloc(32)]))),
        'parquet',
        {},
        sink
      )
    ).rejects.toThrow(/list.parquet: not a readable Parquet file: a list of 2147483647 elements/)
    const length = Buffer.alloc(12)
    length.writeUInt32LE(0xfffffff0, 4)
    length.write('PAR1', 8)
    await expect(
      readTable(await temp('long.parquet', length), 'parquet', {}, sink)
    ).rejects.toThrow(/its footer says 4294967280 bytes of metadata; the file has 0 before it/)
  })

  it('a column of a type ml-smoke cannot read (INTERVAL) is named as such, not as a damaged file', async () => {
    const error = await validate(fixture('parquet/interval.parquet'), {
      fields: [{ name: 'id' }]
    }).catch((e: UserError) => e)
    expect(error).toMatchObject({
      message: expect.stringMatching(
        /interval.parquet: row group 0, column "wait": a column of type INTERVAL, which ml-smoke cannot read$/
      ),
      hint: expect.stringContaining('cast the column')
    })
  })

  it('iris as CSV, JSONL and Parquet validates clean against one schema', async () => {
    const schema = await readFile(fixture('iris/iris.schema.yml'), 'utf8')
    for (const file of ['iris/iris.csv', 'real/iris.jsonl', 'real/iris.parquet']) {
      const result = await validate(fixture(file), schema)
      expect([file, result.rows, result.violations]).toEqual([file, 150, []])
    }
  })

  it('the Frictionless JSONL, TSV and Parquet tables read the same rows', async () => {
    const schema = {
      fields: [{ name: 'id', type: 'integer' }, { name: 'name' }],
      missingValues: ['', '\\N']
    }
    for (const file of ['frictionless/table.jsonl', 'frictionless/table.parquet']) {
      const result = await validate(fixture(file), schema)
      expect([file, result.rows, result.violations]).toEqual([file, 2, []])
    }
    // The TSV has a third row whose name is \N, the MySQL/PostgreSQL null: missing when declared so.
    expect(await validate(fixture('frictionless/table.tsv'), schema)).toMatchObject({
      rows: 3,
      violations: []
    })
  })
})

describe('JSON readers', () => {
  it('stop after MAX_UNREADABLE_RECORDS records that do not parse, when they outnumber the rows, saying so', async () => {
    const fields = { fields: [{ name: 'a', type: 'integer' }] }
    const garbage = await temp('garbage.jsonl', 'x\n'.repeat(MAX_UNREADABLE_RECORDS + 500))
    const stopped = await validate(garbage, fields, undefined, 20_000)
    expect(stopped.rows).toBe(0)
    const last = stopped.violations.at(-1)!
    expect([last.code, last.line, stopped.violations.length]).toEqual([
      'json-error',
      MAX_UNREADABLE_RECORDS + 1,
      MAX_UNREADABLE_RECORDS + 2
    ])
    expect(last.message).toContain(
      'the file is probably not JSON Lines; the rest of the file is not read'
    )
    // As many broken lines as rows: every line is read and each broken one reported.
    const mixed = await temp('mixed.jsonl', '{"a": 1}\nx\n'.repeat(MAX_UNREADABLE_RECORDS + 500))
    const read = await validate(mixed, fields, undefined, 20_000)
    expect(read.rows).toBe(MAX_UNREADABLE_RECORDS + 500)
    expect(read.violations).toHaveLength(MAX_UNREADABLE_RECORDS + 500)
    // Blank lines are blank rows, each reported, and never stop the file.
    const blank = await temp(
      'blank.jsonl',
      '\n'.repeat(MAX_UNREADABLE_RECORDS + 500) + '{"a": 1}\n'
    )
    const blanks = await validate(blank, fields, undefined, 20_000)
    expect([blanks.rows, blanks.violations.length]).toEqual([1, MAX_UNREADABLE_RECORDS + 500])
    expect(new Set(blanks.violations.map(v => v.code))).toEqual(new Set(['blank-row']))
    const array = await temp('garbage.json', `[${'x,'.repeat(MAX_UNREADABLE_RECORDS + 500)}1]`)
    const arrayStopped = await validate(array, fields, undefined, 20_000)
    expect(arrayStopped.violations.at(-1)!.message).toContain(
      'the file is probably not a JSON array of rows; the rest of the file is not read'
    )
  })

  it('JSONL: a bad byte is placed by LF lines; a raw CR inside a line (JSON whitespace) ends none', async () => {
    const file = await temp(
      'cr.jsonl',
      Buffer.concat([Buffer.from('{"a":\r 1}\n{"a": "Z'), Buffer.from([0xfc]), Buffer.from('"}\n')])
    )
    const result = await validate(file, { fields: [{ name: 'a' }] })
    // The line before the bad byte, in the same chunk, is still read (its number is not a string).
    expect(result.violations.map(v => [v.code, v.line])).toEqual([
      ['type-error', 1],
      ['invalid-utf8', 2]
    ])
  })

  it('JSONL: a bad line, a non-object, an empty line, a missing and an extra key, each at its line', async () => {
    const file = await temp(
      't.jsonl',
      '{"a": 1, "b": "x"}\n{"a": 2\n[1, 2]\n\n{"a": 3}\n{"a": 4, "b": "y", "c": true}\n{"a": NaN, "b": "z"}\n'
    )
    const result = await validate(file, { fields: [{ name: 'a', type: 'integer' }, { name: 'b' }] })
    expect(result.violations.map(v => [v.line, v.code])).toEqual([
      [2, 'json-error'],
      [3, 'json-error'],
      [4, 'blank-row'],
      [5, 'missing-cell'],
      [6, 'extra-cell'],
      [7, 'type-error']
    ])
    expect(result.violations[5].message).toBe('field "a": expected an integer; got number NaN')
  })

  it('JSON array of objects, with the rows numbered as Frictionless does', async () => {
    const file = await temp('t.json', JSON.stringify([{ a: 1 }, { a: 'two' }]))
    const result = await validate(file, { fields: [{ name: 'a', type: 'integer' }] })
    expect(result.violations.map(v => [v.rowNumber, v.code])).toEqual([[3, 'type-error']])
  })

  it('JSONL: the last line without a line break is read also when the chunk before it was carried', async () => {
    // Before: a file over one chunk whose last line had no terminator lost that line silently.
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ a: i }))
    const file = await temp('last.jsonl', `${lines.join('\n')}\n{"a": "last"}`)
    const result = await validate(file, { fields: [{ name: 'a', type: 'integer' }] })
    expect(result.rows).toBe(3001)
    expect(result.violations.map(v => [v.line, v.code])).toEqual([[3001, 'type-error']])
  })

  it('JSONL: a 10 MiB line in linear time; a line over MAX_RECORD_CHARS stops reading at its line', async () => {
    const text = `{"a": 1}\n{"a": "${'x'.repeat(10 * 2 ** 20)}"}\n{"a": 3}\n`
    const long = await temp('long.jsonl', text)
    const result = await validate(long, { fields: [{ name: 'a' }] })
    expect(result.rows).toBe(3)
    // The carried line was joined again for each of its 640 chunks; lines of 1,000 characters are not.
    const line = `{"a": "${'x'.repeat(990)}"}\n`
    const short = await temp('short.jsonl', line.repeat(Math.ceil(text.length / line.length)))
    const read = (file: string) => () => validate(file, { fields: [{ name: 'a' }] })
    expect(await slowdown(read(long), read(short))).toBeLessThan(20)
    const endless = await temp('endless.jsonl', `{"a": 1}\n{"a": "${'x'.repeat(MAX_RECORD_CHARS)}`)
    const stopped = await validate(endless, { fields: [{ name: 'a', type: 'any' }] })
    expect(stopped.violations.map(v => [v.line, v.code])).toEqual([[2, 'record-too-long']])
  })

  it('JSON and JSONL: a cell nested past MAX_JSON_DEPTH is a json-error at its line, not a crash', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000)
    const jsonl = await temp('deep.jsonl', `{"a": 1}\n{"a": ${deep}}\n`)
    const result = await validate(jsonl, { fields: [{ name: 'a', type: 'string' }] })
    expect(result.violations.map(v => [v.line, v.code])).toEqual([
      [1, 'type-error'],
      [2, 'json-error']
    ])
    expect(result.violations[1].message).toContain(`nested more than ${MAX_JSON_DEPTH} levels deep`)
    const json = await temp('deep.json', `[{"a": "x"},\n{"a": ${deep}}]`)
    const fromArray = await validate(json, { fields: [{ name: 'a', type: 'string' }] })
    expect(fromArray.violations.map(v => [v.line, v.code])).toEqual([[2, 'json-error']])
    const schema = await inferSchema(jsonl, 'jsonl', {})
    expect(schema.fields.map(f => f.name)).toEqual(['a'])
  })

  it('JSON array: an array of arrays (a header, then rows), a BOM, and what is not an array', async () => {
    const arrays = await temp('arrays.json', '\uFEFF[["a", "b"], [1, "x"], [2]]')
    const fields = { fields: [{ name: 'a', type: 'integer' }, { name: 'b' }] }
    const result = await validate(arrays, fields)
    expect(result.rows).toBe(2)
    expect(result.violations.map(v => [v.rowNumber, v.code, v.field])).toEqual([
      [3, 'missing-cell', 'b']
    ])
    const cases: Array<[string, string]> = [
      ['{"a": 1}', 'expected an array of row objects; got an object'],
      ['', 'the file is empty'],
      ['[{"a": 1}] x', 'text after the array ends'],
      ['[{"a": 1} {"a": 2}]', 'expected "," or "]" after element 1'],
      ['[{"a": 1},\n{"a": ', 'element 2, which starts on line 2, is cut short'],
      ['[{"a": 1}', 'the array is never closed'],
      ['[1, 2', 'the array is never closed']
    ]
    for (const [text, message] of cases) {
      const file = await temp('bad.json', text)
      const { violations } = await validate(file, fields)
      expect(violations.map(v => v.message).join('\n')).toContain(message)
    }
  })

  it('property: a JSON array cut into any pieces gives the elements JSON.parse gives', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', '"', '\\', ',', '[', ']', '{', '}', ' ', 'é')
    })
    const { value } = fc.letrec(tie => ({
      value: fc.oneof(
        { depthSize: 'small', maxDepth: 4 },
        text,
        fc.integer(),
        fc.constantFrom(true, false, null, 1.5e300),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(text, tie('value'), { maxKeys: 3 })
      )
    }))
    const space = fc.constantFrom('', ' ', '\n', '\r\n\t')
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, space, space), { maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }),
        (items, sizes) => {
          const whole =
            '[' +
            items.map(([v, before, after]) => before + JSON.stringify(v) + after).join(',') +
            ']\n'
          const got: unknown[] = []
          const elements = new JsonArrayElements(element => got.push(JSON.parse(element)) > 0)
          for (let i = 0, k = 0; i < whole.length; k++) {
            const size = sizes[k % sizes.length]
            expect(elements.push(whole.slice(i, i + size))).toBe(true)
            i += size
          }
          expect(elements.finish()).toBe(true)
          expect(got).toEqual(items.map(([v]) => v))
        }
      ),
      { numRuns: 2000 }
    )
  })
})

describe('what is not a regular file', () => {
  it.each(['csv', 'tsv', 'jsonl', 'json', 'parquet'] as const)(
    '%s: a folder, a FIFO and /dev/zero are refused by name (no hang, no internal error)',
    async format => {
      const sink = { header: () => {}, row: () => {}, problem: () => {} }
      const folder = await mkdtemp(path.join(os.tmpdir(), 'not-a-file-'))
      await expect(readTable(folder, format, {}, sink)).rejects.toThrow(
        `${folder} is a folder; expected a regular file`
      )
      await expect(readTable('/dev/zero', format, {}, sink)).rejects.toThrow(
        '/dev/zero is a device; expected a regular file'
      )
      if (process.platform === 'win32') return
      const fifo = path.join(folder, `data.${format}`)
      execFileSync('mkfifo', [fifo])
      await expect(readTable(fifo, format, {}, sink)).rejects.toThrow(
        `${fifo} is a FIFO (named pipe); expected a regular file`
      )
      await expect(inferSchema(fifo, format, {})).rejects.toThrow('is a FIFO')
    }
  )
})

describe('names and enums of absurd length (found by the fuzzer)', () => {
  it('a header name longer than MAX_LABEL_CHARS stops reading with label-too-long (a 14 MB name took validate to 3.1 GB)', async () => {
    const long = 'x'.repeat(MAX_LABEL_CHARS + 1)
    const csv = await temp('long-name.csv', `a,${long}\n1,2\n`)
    const result = await validate(csv, { fields: [{ name: 'a' }] })
    expect(result.violations.map(v => [v.code, v.line, v.fieldNumber])).toEqual([
      ['label-too-long', 1, 2]
    ])
    expect(result.rows).toBe(0)
    const jsonl = await temp('long-key.jsonl', `{"a": 1, "${long}": 2}\n`)
    expect(
      (await validate(jsonl, { fields: [{ name: 'a' }] })).violations.map(v => v.code)
    ).toEqual(['label-too-long'])
    await expect(inferSchema(csv, 'csv', {})).rejects.toThrow(
      /column 2's name is 1,025 characters long/
    )
  })

  it('infer lists no enum with a value of more than 200 characters', async () => {
    const rows = Array.from({ length: 20 }, (_, i) =>
      i === 3 ? 'y'.repeat(201) : i % 2 ? 'cat' : 'dog'
    )
    const file = await temp('enum.csv', `pet\n${rows.join('\n')}\n`)
    const schema = await inferSchema(file, 'csv', {})
    expect(schema.fields).toEqual([
      { name: 'pet', type: 'string', constraints: { required: true } }
    ])
  })
})

describe('every Table Schema type and constraint', () => {
  const check = async (field: object, cells: string[]) => {
    const file = await temp(
      't.csv',
      ['v', ...cells.map(c => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))].join('\n') +
        '\n'
    )
    const result = await validate(file, { fields: [{ name: 'v', ...field }] })
    return result.violations.map(v => [v.rowNumber - 1, v.code])
  }

  it.each([
    [
      { type: 'datetime' },
      ['2024-01-02T03:04:05Z', '2024-01-02T03:04:05.123+02:00', '2024-01-02 03:04:05'],
      [[3, 'type-error']]
    ],
    [
      { type: 'datetime', format: '%Y-%m-%d %H:%M' },
      ['2024-01-02 03:04', '2024-01-02T03:04'],
      [[2, 'type-error']]
    ],
    [{ type: 'time' }, ['23:59:59', '24:00:00'], [[2, 'type-error']]],
    [{ type: 'year' }, ['1999', '99'], [[2, 'type-error']]],
    [{ type: 'yearmonth' }, ['2024-12', '2024-13'], [[2, 'type-error']]],
    [{ type: 'duration' }, ['P1DT2H', 'PT0.5S', '1 day'], [[3, 'type-error']]],
    [{ type: 'object' }, ['{"a": 1}', '[1]'], [[2, 'type-error']]],
    [{ type: 'array' }, ['[1, 2]', '{"a": 1}'], [[2, 'type-error']]],
    [{ type: 'geopoint' }, ['90, 45', '200, 45'], [[2, 'type-error']]],
    [{ type: 'geopoint', format: 'array' }, ['[90, 45]', '90, 45'], [[2, 'type-error']]],
    [
      { type: 'geojson' },
      ['{"type": "Point", "coordinates": [1, 2]}', '{"type": "Blob"}'],
      [[2, 'type-error']]
    ],
    [{ type: 'any' }, ['x', '1'], []],
    [
      { type: 'string', format: 'uuid' },
      ['3b241101-e2bb-4255-8caf-4136c566a962', 'nope'],
      [[2, 'type-error']]
    ],
    [{ type: 'string', format: 'binary' }, ['aGVsbG8=', '*'], [[2, 'type-error']]],
    [
      { type: 'string', constraints: { minLength: 2, maxLength: 3 } },
      ['ab', 'a', 'abcd'],
      [
        [2, 'constraint-error'],
        [3, 'constraint-error']
      ]
    ],
    [
      { type: 'number', constraints: { exclusiveMinimum: 0, exclusiveMaximum: 1 } },
      ['0.5', '0', '1'],
      [
        [2, 'constraint-error'],
        [3, 'constraint-error']
      ]
    ],
    [
      { type: 'date', constraints: { maximum: '2024-12-31' } },
      ['2024-12-31', '2025-01-01'],
      [[2, 'constraint-error']]
    ],
    [{ type: 'string', constraints: { unique: true } }, ['a', 'b', 'a'], [[3, 'unique-error']]],
    [{ type: 'integer', constraints: { unique: true } }, ['1', '01'], [[2, 'unique-error']]],
    [{ type: 'array', constraints: { maxLength: 1 } }, ['[1]', '[1, 2]'], [[2, 'constraint-error']]]
  ])('%j', async (field, cells, expected) => {
    expect(await check(field, cells)).toEqual(expected)
  })

  it('primaryKey over two fields; field-level missingValues', async () => {
    const file = await temp('pk.csv', 'a,b\n1,x\n1,y\n1,x\n-,z\n')
    const result = await validate(file, {
      fields: [{ name: 'a', type: 'integer', missingValues: ['-'] }, { name: 'b' }],
      primaryKey: ['a', 'b']
    })
    // A primary key part is required (Table Schema: its fields cannot be null).
    expect(result.violations.map(v => [v.rowNumber, v.code])).toEqual([
      [4, 'primary-key'],
      [5, 'constraint-error']
    ])
    expect(result.violations[0].message).toBe('primary key (a, b) repeats row 2')
  })

  it('a repeated primary key is found also in rows whose other cells are empty or invalid', async () => {
    const file = await temp('pk-rows.csv', 'id,note,score\n1,,x\n1,b,\n2,c,1\n2,c,oops\n')
    const result = await validate(file, {
      fields: [
        { name: 'id', type: 'integer' },
        { name: 'note' },
        { name: 'score', type: 'number' }
      ],
      primaryKey: 'id'
    })
    expect(result.violations.map(v => [v.rowNumber, v.code])).toEqual([
      [2, 'type-error'],
      [3, 'primary-key'],
      [5, 'type-error'],
      [5, 'primary-key']
    ])
  })

  it('the Frictionless unique-field files: unique and primary key', async () => {
    const schema = await readFile(fixture('frictionless/unique-field.json'), 'utf8')
    const result = await validate(fixture('frictionless/unique-field.csv'), schema)
    expect(result.violations.map(v => v.code).sort()).toEqual(['primary-key', 'unique-error'])
  })
})

describe('dataset checks for ML (mlChecks)', () => {
  const rows =
    [
      'id,label,score',
      ...Array.from(
        { length: 20 },
        (_, i) => `${i},${i < 18 ? 'cat' : 'dog'},${i % 5 === 0 ? '' : i}`
      ),
      '3,cat,3',
      '4,cat,4'
    ].join('\n') + '\n'

  it('row bounds, null fraction, required classes and class share, duplicate rows', async () => {
    const file = await temp('ml.csv', rows)
    const result = await validate(file, {
      fields: [
        { name: 'id', type: 'integer' },
        { name: 'label' },
        { name: 'score', type: 'number' },
        { name: 'weight', type: 'number' }
      ],
      fieldsMatch: 'superset',
      mlChecks: {
        rows: { min: 100 },
        maxNullFraction: { score: 0.1 },
        label: { column: 'label', classes: ['cat', 'dog', 'bird'], minShare: 0.2 },
        duplicateRows: 'error'
      }
    })
    expect(result.violations.map(v => [v.code, v.rowNumber])).toEqual([
      ['duplicate-row', 22],
      ['duplicate-row', 23],
      ['row-count', 0],
      ['null-fraction', 0],
      ['label-class-missing', 0],
      ['label-class-share', 0]
    ])
    expect(result.violations.map(v => v.message).slice(2)).toEqual([
      '22 rows; the schema asks for at least 100',
      'field "score" is empty in 4 of 22 rows (18.2 %); the schema allows 10.0 %',
      'class "bird" of "label" never appears (found: cat, dog)',
      'class "dog" of "label" is 9.1 % of the rows (2); the schema asks for at least 20.0 %'
    ])
    expect(result.stats.classCounts).toEqual({ cat: 20, dog: 2 })
  })

  it('fieldsMatch: subset lets extra columns through; exact reports the label and each cell', async () => {
    const file = await temp('cols.csv', 'a,b\n1,2\n')
    const schema = (fieldsMatch: string) => ({ fields: [{ name: 'a' }], fieldsMatch })
    expect((await validate(file, schema('subset'))).violations).toEqual([])
    expect((await validate(file, schema('exact'))).violations.map(v => v.code)).toEqual([
      'extra-label',
      'extra-cell'
    ])
    expect(() =>
      parseTableSchema(
        JSON.stringify({ fields: [{ name: 'a' }], mlChecks: { columns: 'subset' } }),
        's.yml'
      )
    ).toThrow(
      `s.yml: mlChecks.columns: replaced by Table Schema's fieldsMatch: write "fieldsMatch: superset" at the top level`
    )
  })

  it('a schema that names a field that does not exist is a bad schema, not a violation', () => {
    expect(() =>
      parseTableSchema(
        JSON.stringify({ fields: [{ name: 'a' }], mlChecks: { label: { column: 'y' } } }),
        's.yml'
      )
    ).toThrow('s.yml: mlChecks.label.column: "y" is not a field (fields: a)')
    expect(() =>
      parseTableSchema(
        JSON.stringify({ fields: [{ name: 'a' }], mlChecks: { duplicateRow: 'error' } }),
        's.yml'
      )
    ).toThrow('s.yml: mlChecks.duplicateRow: unknown ML check; did you mean "duplicateRows"?')
  })
})

describe('infer', () => {
  it.each([
    'iris/iris.csv',
    'real/mixed.csv',
    'real/mixed.jsonl',
    'real/mixed.snappy.parquet',
    'real/iris.parquet',
    // Timestamps starting at midnight: infer once bounded a datetime column by "2024-01-01".
    'parquet/snappy-format-v1.parquet',
    'parquet/gzip-format-v2.parquet',
    'parquet/times.parquet'
  ])('%s: the inferred schema validates the same file with no violations', async name => {
    const file = fixture(name)
    const schema = await inferSchema(file, formatOf(file), {})
    const result = await validate(file, stringify(schema))
    expect(result.violations).toEqual([])
  })

  it('a Parquet TIME column is a time of day: a `time` field reads it and its constraints compare it', async () => {
    const file = fixture('parquet/times.parquet')
    expect(await readRows(file)).toEqual([
      [1, '08:30:00'],
      [2, '12:34:56.789'],
      [3, null],
      [4, '23:59:59.999999']
    ])
    const fields = (constraints: object) => ({
      fields: [
        { name: 'id', type: 'integer' },
        { name: 'opened', type: 'time', constraints }
      ]
    })
    expect((await validate(file, fields({}))).violations).toEqual([])
    expect((await inferSchema(file, 'parquet', {})).fields[1]).toEqual({
      name: 'opened',
      type: 'time',
      constraints: { minimum: '08:30:00', maximum: '23:59:59.999999' }
    })
    const late = await validate(file, fields({ minimum: '09:00:00', required: true }))
    expect(late.violations.map(v => [v.rowNumber, v.code])).toEqual([
      [2, 'constraint-error'],
      [4, 'constraint-error']
    ])
  })

  it('times of day in text infer a time field with their range; HH:MM or an hour past 23 stays text', async () => {
    const file = await temp(
      'times.csv',
      'opened,short,late\n08:30:00,08:30,23:00:00\n12:34:56.5,12:34,24:00:00\n07:00:00Z,09:00,22:00:00\n'
    )
    const schema = await inferSchema(file, 'csv', {})
    expect(
      schema.fields.map(f => {
        const constraints = f.constraints as { minimum?: string; maximum?: string } | undefined
        return [f.name, f.type, constraints?.minimum, constraints?.maximum]
      })
    ).toEqual([
      ['opened', 'time', '07:00:00Z', '12:34:56.5'],
      ['short', 'string', undefined, undefined],
      ['late', 'string', undefined, undefined]
    ])
    expect((await validate(file, stringify(schema))).violations).toEqual([])
  })

  it('a time past what a JavaScript Date holds is text: a type error in validate, never an internal error', async () => {
    const file = fixture('parquet/far-times.parquet')
    const schema = await inferSchema(file, 'parquet', {})
    expect(schema.fields).toEqual([
      { name: 'id', type: 'integer', constraints: { required: true, minimum: 1, maximum: 3 } },
      // A column of Dates and text is of no one type.
      { name: 'seen', type: 'any', constraints: { required: true } },
      { name: 'day', type: 'any', constraints: { required: true } }
    ])
    expect((await validate(file, stringify(schema))).violations).toEqual([])
    const typed = await validate(file, {
      fields: [
        { name: 'id', type: 'integer' },
        { name: 'seen', type: 'datetime' },
        { name: 'day', type: 'date' }
      ]
    })
    expect(typed.violations.map(v => [v.rowNumber, v.code, v.message])).toEqual([
      [
        3,
        'type-error',
        'field "seen": expected a datetime as YYYY-MM-DDTHH:MM:SS[Z|±HH:MM]; got "+290000-01-01T12:30:00.000Z"'
      ],
      [
        3,
        'type-error',
        'field "day": expected a date as YYYY-MM-DD; got "+5000000-01-01T00:00:00.000Z"'
      ]
    ])
  })

  it('refuses a file whose header cannot name fields (blank, repeated), or that has none, saying why', async () => {
    await expect(
      inferSchema(fixture('frictionless/duplicate-headers.csv'), 'csv', {})
    ).rejects.toThrow(/duplicate-headers.csv: columns 1 and 3 are both named "id"$/)
    await expect(
      inferSchema(await temp('blank.csv', ',a,,\n1,2,3,4\n'), 'csv', {})
    ).rejects.toThrow(/blank.csv: columns 1, 3, 4 have no name$/)
    const wide = Array.from({ length: MAX_INFER_COLUMNS + 1 }, (_, i) => `c${i}`).join(',')
    await expect(inferSchema(await temp('wide.csv', `${wide}\n`), 'csv', {})).rejects.toThrow(
      /wide.csv: 5,001 columns; infer writes a field for each of at most 5,000$/
    )
    const wider = Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `c${i}`).join(',')
    await expect(inferSchema(await temp('wider.csv', `${wider}\n`), 'csv', {})).rejects.toThrow(
      /wider.csv: line 1: the record on line 1 has more than 100,000 cells, more than the columns ml-smoke reads/
    )
    const broken = await temp(
      'broken.jsonl',
      `{"a": 1}\n${'{"a": \n'.repeat(MAX_INFER_PROBLEMS + 1)}`
    )
    await expect(inferSchema(broken, 'jsonl', {})).rejects.toThrow(
      /broken.jsonl: more than 1000 records cannot be read \(the first: line 2: not valid JSON: /
    )
    await expect(inferSchema(await temp('empty.csv', ''), 'csv', {})).rejects.toThrow(
      /empty.csv: the file is empty$/
    )
    // The fuzzer's: a first record of no keys made a schema of no fields, which validate refuses.
    await expect(
      inferSchema(await temp('no-keys.jsonl', '{}\n{"a": 1}\n'), 'jsonl', {})
    ).rejects.toThrow(/no-keys.jsonl: its first record names no column$/)
    await expect(inferSchema(await temp('bad.jsonl', '{"a": \n'), 'jsonl', {})).rejects.toThrow(
      /bad.jsonl: line 1: not valid JSON: /
    )
    const unnamed = await temp('unnamed.parquet', Buffer.alloc(0))
    parquetWriteFile({
      filename: unnamed,
      columnData: [
        { name: '', data: [1, 2], type: 'INT32' },
        { name: 'b', data: [3, 4], type: 'INT32' }
      ]
    })
    await expect(inferSchema(unnamed, 'parquet', {})).rejects.toThrow(/column 1 has no name$/)
    const twice = await temp('twice.parquet', Buffer.alloc(0))
    parquetWriteFile({
      filename: twice,
      columnData: [
        { name: 'a', data: [1, 2], type: 'INT32' },
        { name: 'a', data: [3, 4], type: 'INT32' }
      ]
    })
    await expect(inferSchema(twice, 'parquet', {})).rejects.toThrow(
      /columns 1 and 2 are both named "a"$/
    )
    // validate reads both columns of that file, each its own (chunks go by position, not by name).
    const rows = await readRows(twice)
    expect(rows).toEqual([
      [1, 3],
      [2, 4]
    ])
  })

  it('writes no bound validate would refuse or the file would fail: ±Infinity, NaN, integers past 2^53, long decimals', async () => {
    const jsonl = await temp(
      'extremes.jsonl',
      [
        '{"inf": 1e999, "big": 9007199254740993, "long": "0.12345678901234567890", "nan": NaN}',
        '{"inf": 1, "big": 1, "long": "0.5", "nan": 1.5}'
      ].join('\n') + '\n'
    )
    const schema = await inferSchema(jsonl, 'jsonl', {})
    expect(schema.fields).toEqual([
      { name: 'inf', type: 'number', constraints: { required: true } },
      { name: 'big', type: 'integer', constraints: { required: true } },
      { name: 'long', type: 'number', constraints: { required: true } },
      { name: 'nan', type: 'number', constraints: { required: true } }
    ])
    expect((await validate(jsonl, stringify(schema))).violations).toEqual([])
    const mixed = await temp(
      'mixed.jsonl',
      '{"n": 1, "o": {"a": 1}, "l": [1], "m": {"a": 1}}\n{"n": "x", "o": {"b": [2]}, "l": [], "m": [1]}\n'
    )
    const kinds = await inferSchema(mixed, 'jsonl', {})
    expect(kinds.fields.map(f => f.type)).toEqual(['any', 'object', 'array', 'any'])
    expect((await validate(mixed, stringify(kinds))).violations).toEqual([])
    const csv = await temp(
      'extremes.csv',
      'big,long\n12345678901234567890,0.12345678901234567890\n1,0.5\n'
    )
    const fromCsv = await inferSchema(csv, 'csv', {})
    expect(fromCsv.fields.map(f => f.constraints)).toEqual([{ required: true }, { required: true }])
    expect((await validate(csv, stringify(fromCsv))).violations).toEqual([])
  })

  it('finds types, required, ranges and categories', async () => {
    const schema = await inferSchema(fixture('iris/iris.csv'), 'csv', {})
    expect(schema.fields).toEqual([
      {
        name: 'sepal length (cm)',
        type: 'number',
        constraints: { required: true, minimum: 4.3, maximum: 7.9 }
      },
      {
        name: 'sepal width (cm)',
        type: 'number',
        constraints: { required: true, minimum: 2, maximum: 4.4 }
      },
      {
        name: 'petal length (cm)',
        type: 'number',
        constraints: { required: true, minimum: 1, maximum: 6.9 }
      },
      {
        name: 'petal width (cm)',
        type: 'number',
        constraints: { required: true, minimum: 0.1, maximum: 2.5 }
      },
      { name: 'target', type: 'integer', constraints: { required: true, enum: [0, 1, 2] } },
      {
        name: 'species',
        type: 'string',
        constraints: { required: true, enum: ['setosa', 'versicolor', 'virginica'] }
      }
    ])
  })

  it('property: any random table written as CSV and JSONL infers a schema that passes, and both formats agree', async () => {
    const cell = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }).map(String),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String),
      fc.constantFrom('', 'x, y', 'say "hi"', 'ümlaut', 'line\nbreak', 'true')
    )
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }).chain(width =>
          fc.array(fc.array(cell, { minLength: width, maxLength: width }), {
            minLength: 1,
            maxLength: 15
          })
        ),
        async rows => {
          const width = rows[0].length
          const header = Array.from({ length: width }, (_, i) => `c${i}`)
          const quote = (text: string) =>
            /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
          const csv = await temp(
            'r.csv',
            [header, ...rows].map(row => row.map(quote).join(',')).join('\n') + '\n'
          )
          const jsonl = await temp(
            'r.jsonl',
            rows
              .map(row => JSON.stringify(Object.fromEntries(header.map((h, i) => [h, row[i]]))))
              .join('\n') + '\n'
          )
          for (const file of [csv, jsonl]) {
            const schema = await inferSchema(file, formatOf(file), {})
            const result = await validate(file, stringify(schema))
            // A row of empty cells is a blank row in CSV: the one thing inference cannot undo.
            const blank = rows.filter(row => row.every(c => c === '')).length
            expect(result.rows).toBe(rows.length)
            expect(result.violations.filter(v => v.code !== 'blank-row')).toEqual([])
            expect(result.violations.length).toBe(blank)
          }
        }
      ),
      { numRuns: 60 }
    )
  })
})

describe('infer then validate, on JSON values of every kind', () => {
  it('property: any JSON Lines table of mixed values (numbers, text, booleans, objects, NaN, nulls) passes the schema inferred from it', async () => {
    const value = fc.oneof(
      fc.integer({ min: -5, max: 5 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(n => (Object.is(n, -0) ? 0 : n)),
      fc.constantFrom('', 'x', '1', '2.5', 'true', '2024-01-01', '2024-01-01T10:00:00Z', 'NaN'),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom({ a: 1 }, [1, 2], [], {}),
      fc.constantFrom('NaN', 'Infinity', '1e999', '9007199254740993')
    )
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
        async rows => {
          // Bare NaN, Infinity and big integers as Python writes them, not as strings.
          const bare = (cell: unknown) =>
            cell === 'NaN' || cell === 'Infinity' || cell === '1e999' || cell === '9007199254740993'
              ? String(cell)
              : JSON.stringify(cell)
          const text = rows
            .map(row => `{${row.map((cell, i) => `"c${i}": ${bare(cell)}`).join(', ')}}`)
            .join('\n')
          const file = await temp('values.jsonl', `${text}\n`)
          const schema = await inferSchema(file, 'jsonl', {})
          const result = await validate(file, stringify(schema))
          // A row of nulls and empty strings is blank: the one thing inference cannot undo.
          expect(result.violations.filter(v => v.code !== 'blank-row')).toEqual([])
        }
      ),
      { numRuns: 150 }
    )
  })
})

describe('the schema file format', () => {
  it('has a JSON Schema editors can use', () => {
    const jsonSchema = schemaFileJsonSchema() as { properties: Record<string, unknown> }
    expect(Object.keys(jsonSchema.properties)).toEqual(
      expect.arrayContaining(['fields', 'missingValues', 'primaryKey', 'mlChecks'])
    )
  })
})
