/**
 * Table Dialect: every option read and enforced, or refused by name. The Frictionless cases are
 * frictionless-py's own (fixtures/frictionless, fixtures/frictionless/dialect: data files and descriptors
 * copied from its data/ folder), with the rows and errors its tests expect: resources/__spec__/table/
 * test_dialect.py, resource/__spec__/test_validate_dialect.py, formats/csv/__spec__/test_parser.py.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parseSettings } from '../src/config.js'
import { readDialect } from '../src/data/dialect-file.js'
import { dialectFileJsonSchema, parseDialect } from '../src/data/dialect-schema.js'
import type { Dialect } from '../src/data/dialect.js'
import { inferSchema } from '../src/data/infer.js'
import { readTable } from '../src/data/readers/index.js'
import { parseTableSchema, schemaFileJsonSchema } from '../src/data/schema.js'
import { DIALECT_PROPERTIES } from '../src/data/schema-keys.js'
import { formatOf } from '../src/data/table.js'
import { validateTable } from '../src/data/validate-file.js'
import { UserError } from '../src/errors.js'
import { writeSubset } from '../src/sample/subset.js'
import { MAX_RECORD_CHARS } from '../src/data/text-chunks.js'
import { mlSmokeIn } from './harness/cli.js'

const fixture = (name: string): string =>
  new URL(`../fixtures/frictionless/${name}`, import.meta.url).pathname

const dialectOf = (raw: object): Dialect => parseDialect(raw, 'dialect.json')

function refusal(raw: unknown): string {
  try {
    parseDialect(raw, 'dialect.json')
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return (error as Error).message
  }
  throw new Error('expected a refusal')
}

/** The header and the rows (with their row numbers) a reader hands over, as frictionless-py's read_rows. */
async function read(file: string, dialect: object) {
  let header: string[] = []
  const rows: Array<[number | undefined, ...unknown[]]> = []
  await readTable(
    fixture(file),
    formatOf(file),
    { dialect: dialectOf(dialect) },
    {
      header: labels => void (header = labels),
      row: (cells, position) => void rows.push([position.rowNumber, ...cells]),
      problem: problem => {
        throw new Error(problem.message)
      }
    }
  )
  return { header, rows }
}

type Found = [code: string, rowNumber: number, fieldNumber: number | null, line: number | null]

async function validate(file: string, dialect: object, schema: object) {
  const result = await validateTable(
    file.startsWith('/') ? file : fixture(file),
    parseTableSchema(JSON.stringify(schema), 'schema.json'),
    {
      format: formatOf(file),
      dialect: dialectOf(dialect),
      maxViolations: 1000,
      schemaLabel: 'schema.json'
    }
  )
  return {
    rows: result.rows,
    header: result.header,
    errors: result.violations.map((v): Found => [
      v.code,
      v.rowNumber,
      v.fieldNumber ?? null,
      v.line ?? null
    ])
  }
}

const idName = { fields: [{ name: 'id', type: 'integer' }, { name: 'name' }] }
const anyFields = (...names: string[]) => ({ fields: names.map(name => ({ name, type: 'any' })) })

async function temporary(name: string, text: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'dialect-')), name)
  await writeFile(file, text)
  return file
}

describe('a dialect descriptor', () => {
  it('reads every Table Dialect v2 key; row numbers in file order; frictionless-py’s csv: form too', async () => {
    expect(
      dialectOf({
        $schema: 'https://datapackage.org/profiles/2.0/tabledialect.json',
        header: true,
        headerRows: [3, 1, 3],
        headerJoin: '/',
        commentRows: [5],
        commentChar: '#',
        delimiter: ';',
        lineTerminator: '\n',
        quoteChar: "'",
        doubleQuote: false,
        escapeChar: '\\',
        nullSequence: 'NA',
        skipInitialSpace: true,
        'x:note': 'custom keys are allowed'
      })
    ).toEqual({
      $schema: 'https://datapackage.org/profiles/2.0/tabledialect.json',
      header: true,
      headerRows: [1, 3],
      headerJoin: '/',
      commentRows: [5],
      commentChar: '#',
      delimiter: ';',
      lineTerminator: '\n',
      quoteChar: "'",
      doubleQuote: false,
      escapeChar: '\\',
      nullSequence: 'NA',
      skipInitialSpace: true
    })
    for (const file of ['dialect/dialect.json', 'dialect/dialect.yaml'])
      expect(
        await readDialect({ dialect: fixture(file), cwd: path.dirname(fixture(file)) }, 'csv')
      ).toEqual({ delimiter: ';' })
  })

  it('refuses an unknown key with a "did you mean", and says why it does not read the spec’s others', () => {
    expect(refusal({ headerRow: [2] })).toBe(
      'dialect.json: headerRow: unknown dialect property; did you mean "headerRows"?'
    )
    expect(refusal({ quotechar: "'" })).toMatch(
      /^dialect\.json: quotechar: .*did you mean "quoteChar"\?/
    )
    expect(refusal({ sheetName: 'Sheet 2' })).toBe(
      'dialect.json: sheetName: not read: ml-smoke reads no spreadsheets'
    )
    expect(refusal({ caseSensitiveHeader: false })).toMatch(
      /^dialect\.json: caseSensitiveHeader: not read: CSV Dialect v1's, removed in Table Dialect v2/
    )
  })

  it('refuses values ml-smoke cannot read and keys that contradict each other, each by name', () => {
    expect(refusal({ delimiter: '||' })).toMatch(
      /^dialect\.json: delimiter: ml-smoke reads delimiters of one character/
    )
    expect(refusal({ lineTerminator: ';' })).toMatch(
      /^dialect\.json: lineTerminator: ml-smoke ends rows at line breaks/
    )
    expect(refusal({ quoteChar: "''" })).toMatch(
      /^dialect\.json: quoteChar: expected one character/
    )
    expect(refusal({ headerRows: [0] })).toMatch(/^dialect\.json: headerRows\[0\]: expected > 0/)
    expect(refusal({ header: false, headerRows: [2] })).toBe(
      'dialect.json: headerRows: names header rows, but header is false (the file has none)'
    )
    expect(refusal({ headerRows: [1, 2], commentRows: [2] })).toBe(
      'dialect.json: commentRows: row 2 is also one of headerRows'
    )
    expect(refusal({ delimiter: ';', quoteChar: ';' })).toBe(
      'dialect.json: quoteChar: is the delimiter too'
    )
    expect(refusal({ escapeChar: '"' })).toMatch(/^dialect\.json: escapeChar: is the quoteChar too/)
    expect(refusal({ doubleQuote: false })).toMatch(
      /^dialect\.json: doubleQuote: false needs an escapeChar/
    )
  })

  it('comes from the dialect option: a file, a config file’s mapping or inline JSON, checked there', async () => {
    const describe = (name: string) => `input '${name}'`
    const parse = (dialect: unknown) =>
      parseSettings(['dialect'], { dialect }, '/work', describe).dialect
    expect(parse('d/dialect.yml')).toBe('/work/d/dialect.yml')
    expect(parse({ header: false })).toEqual({ header: false })
    expect(parse('{"commentChar": "#", "headerRows": [2]}')).toEqual({
      commentChar: '#',
      headerRows: [2]
    })
    expect(() => parse('{"headr": false}')).toThrow(
      `input 'dialect': headr: unknown dialect property; did you mean "header"?`
    )
    expect(() => parse({ quoteChar: 'ab' })).toThrow(
      `input 'dialect': quoteChar: expected one character; got "ab"`
    )
  })

  it('must agree with the delimiter option', async () => {
    const settings = { dataset: 'data.csv', cwd: '/' }
    await expect(
      readDialect({ ...settings, dialect: { delimiter: ';' }, delimiter: ',' })
    ).rejects.toThrow(
      `the delimiter option is "," but dialect says delimiter ";": give the delimiter in one place`
    )
    expect(await readDialect({ ...settings, dialect: { delimiter: ';' }, delimiter: ';' })).toEqual(
      {
        delimiter: ';'
      }
    )
    expect(await readDialect({ ...settings, dialect: { header: false }, delimiter: '|' })).toEqual({
      header: false,
      delimiter: '|'
    })
  })

  it('is refused for JSON, JSON Lines and Parquet, by key and format (header: true aside)', async () => {
    const refused = (dataset: string, dialect: object) =>
      readDialect({ dialect, cwd: '/' }, formatOf(dataset)).then(
        () => 'read',
        (error: Error) => error.message
      )
    expect(await refused('data.jsonl', { headerRows: [2], delimiter: ';' })).toBe(
      [
        'dialect: headerRows: a Table Dialect option for CSV and TSV; the dataset is JSON Lines (a JSON Lines row is an object whose keys are the header (or an array after a header array): the rest of Table Dialect is about delimited text)',
        'dialect: delimiter: a Table Dialect option for CSV and TSV; the dataset is JSON Lines (a JSON Lines row is an object whose keys are the header (or an array after a header array): the rest of Table Dialect is about delimited text)'
      ].join('\n')
    )
    expect(await refused('data.parquet', { header: true })).toMatch(
      /^dialect: header: a Table Dialect option for CSV and TSV; the dataset is Parquet \(a Parquet file has typed columns/
    )
    expect(await refused('data.json', { header: false })).toMatch(
      /^dialect: header: .*the dataset is JSON /
    )
    expect(await refused('data.json', { header: true, title: 'rows' })).toBe('read')
  })

  it('has a JSON Schema for editors that closes the set, and a schema file’s says they belong there', () => {
    const schema = dialectFileJsonSchema() as {
      properties: Record<string, unknown>
      additionalProperties: unknown
    }
    expect(schema.additionalProperties).toBe(false)
    for (const key of DIALECT_PROPERTIES) expect(schema.properties[key]).toBeDefined()
    const table = schemaFileJsonSchema() as { properties: Record<string, unknown> }
    for (const key of ['dialect', 'header', 'headerRows', 'commentChar'])
      expect(table.properties[key]).toBe(false)
  })
})

describe('Frictionless’s dialect cases read as frictionless-py reads them', () => {
  it('header: false names columns by the schema, in order; an extra cell is an error at its row', async () => {
    // test_resource_dialect_header_false, test_resource_validate_dialect_none_extra_cell
    expect(await read('dialect/without-headers.csv', { header: false })).toEqual({
      header: ['field1', 'field2'],
      rows: [
        [1, '1', 'english'],
        [2, '2', '中国人'],
        [3, '3', 'german']
      ]
    })
    expect(await validate('dialect/without-headers.csv', { header: false }, idName)).toEqual({
      rows: 3,
      header: ['id', 'name'],
      errors: []
    })
    expect(
      (await validate('dialect/without-headers-extra.csv', { header: false }, idName)).errors
    ).toEqual([['extra-cell', 3, 3, 3]])
  })

  it('issue 1478: a headerless file with a | delimiter and its schema is valid', async () => {
    const resource = JSON.parse(await readFile(fixture('dialect/issue-1478.resource.json'), 'utf8'))
    expect(resource.dialect).toEqual({ delimiter: '|', header: false })
    const result = await validate('dialect/issue-1478.csv', resource.dialect, resource.schema)
    expect(result).toMatchObject({ rows: 10, errors: [] })
  })

  it('headerRows: one row, or several joined with headerJoin; the rows before them are not data', async () => {
    // test_resource_validate_dialect_number, _list_of_numbers, _list_of_numbers_and_headers_join
    expect(await read('matrix.csv', { headerRows: [2] })).toEqual({
      header: ['11', '12', '13', '14'],
      rows: [
        [3, '21', '22', '23', '24'],
        [4, '31', '32', '33', '34'],
        [5, '41', '42', '43', '44']
      ]
    })
    expect(await read('matrix.csv', { headerRows: [2, 3, 4] })).toEqual({
      header: ['11 21 31', '12 22 32', '13 23 33', '14 24 34'],
      rows: [[5, '41', '42', '43', '44']]
    })
    expect((await read('matrix.csv', { headerRows: [2, 3, 4], headerJoin: '.' })).header).toEqual([
      '11.21.31',
      '12.22.32',
      '13.23.33',
      '14.24.34'
    ])
    const schema = anyFields('11.21.31', '12.22.32', '13.23.33', '14.24.34')
    expect(
      await validate('matrix.csv', { headerRows: [2, 3, 4], headerJoin: '.' }, schema)
    ).toMatchObject({ rows: 1, errors: [] })
    // test_resource_dialect_header_csv_multiline_headers_join and _duplicates: a repeated cell once.
    const keys = await temporary('k.csv', 'k1\nk1\nk2\nv1\nv2\n')
    expect(
      (await validate(keys, { headerRows: [1, 2, 3], headerJoin: ':' }, anyFields('k1:k2'))).errors
    ).toEqual([])
  })

  it('commentChar and commentRows skip rows, and the header is the first row that is not one', async () => {
    // test_resource_dialect_skip_rows, _skip_rows_with_headers, test_resource_validate_dialect_skip_rows
    expect(await read('dialect/skip-rows.csv', { commentChar: '#', commentRows: [5] })).toEqual({
      header: ['id', 'name'],
      rows: [[3, '1', 'english']]
    })
    expect(await read('dialect/skip-rows.csv', { commentChar: '#' })).toEqual({
      header: ['id', 'name'],
      rows: [
        [3, '1', 'english'],
        [5, '2', '中国人']
      ]
    })
    expect(await read('matrix.csv', { commentChar: '41', commentRows: [2] })).toEqual({
      header: ['f1', 'f2', 'f3', 'f4'],
      rows: [
        [3, '21', '22', '23', '24'],
        [4, '31', '32', '33', '34']
      ]
    })
    expect(
      await validate(
        'matrix.csv',
        { commentChar: '41', commentRows: [2] },
        anyFields('f1', 'f2', 'f3', 'f4')
      )
    ).toMatchObject({ rows: 2, errors: [] })
    // The console's comment_rows test: row 1 skipped, so the header is row 2.
    expect(await read('table.csv', { commentRows: [1] })).toEqual({
      header: ['1', 'english'],
      rows: [[3, '2', '中国人']]
    })
  })

  it('quoteChar, escapeChar, doubleQuote and skipInitialSpace (test_resource_dialect_from_descriptor)', async () => {
    const dialect = {
      delimiter: '|',
      quoteChar: '#',
      escapeChar: '-',
      doubleQuote: false,
      skipInitialSpace: false
    }
    expect((await read('dialect/dialect.csv', dialect)).rows).toEqual([
      [undefined, '1', 'english'],
      [undefined, '2', ' |##']
    ])
    const schema = JSON.parse(await readFile(fixture('dialect/resource-schema.json'), 'utf8'))
    expect(await validate('dialect/dialect.csv', dialect, schema)).toMatchObject({
      rows: 2,
      errors: []
    })
    // test_csv_parser_escaping reads data/escaping.csv with escape_char and the skipinitialspace its
    // sniffer finds.
    expect(
      await read('dialect/escaping.csv', { escapeChar: '\\', skipInitialSpace: true })
    ).toEqual({
      header: ['ID', 'Test'],
      rows: [
        [undefined, '1', 'Test line 1'],
        [undefined, '2', 'Test " line 2'],
        [undefined, '3', 'Test " line 3']
      ]
    })
  })

  it('delimiter and nullSequence (test_csv_parser_format_tsv: \\N is null)', async () => {
    expect(await validate('delimiter.csv', { delimiter: ';' }, idName)).toMatchObject({
      rows: 2,
      errors: []
    })
    const required = {
      fields: [
        { name: 'id', type: 'integer' },
        { name: 'name', constraints: { required: true } }
      ]
    }
    expect((await validate('table.tsv', {}, required)).errors).toEqual([])
    expect((await validate('table.tsv', { nullSequence: '\\N' }, required)).errors).toEqual([
      ['constraint-error', 4, 2, 4]
    ])
  })
})

describe('positions stay right under a dialect', () => {
  it('a cell error names its line and row past comment lines, header rows and escaped line breaks', async () => {
    const file = await temporary(
      'data.csv',
      [
        '# exported 2024-05-01',
        'group,group',
        'id,score',
        '# a note',
        '1,0.5',
        '2,"a \\" quote\\',
        'and a line"',
        '3,high'
      ].join('\n')
    )
    const schema = {
      fields: [
        { name: 'group id', type: 'integer' },
        { name: 'group score', type: 'number' }
      ]
    }
    const dialect = { commentChar: '#', headerRows: [2, 3], escapeChar: '\\' }
    expect(await validate(file, dialect, schema)).toEqual({
      rows: 3,
      header: ['group id', 'group score'],
      errors: [
        ['type-error', 6, 2, 6],
        ['type-error', 7, 2, 8]
      ]
    })
  })

  it('a header defect is at the first header row, by line and row', async () => {
    const file = await temporary('data.csv', 'title\n\nidx,name\n1,a\n')
    expect((await validate(file, { headerRows: [3] }, idName)).errors).toEqual([
      ['incorrect-label', 3, 1, 3]
    ])
  })

  it('a line break that is not the lineTerminator is reported at its line', async () => {
    const file = await temporary('data.csv', 'id,name\r\n1,a\r\n2,b\n3,c\r\n')
    expect((await validate(file, { lineTerminator: '\r\n' }, idName)).errors).toEqual([
      ['line-terminator', 3, null, 3]
    ])
    expect((await validate(file, {}, idName)).errors).toEqual([])
  })

  it('skipInitialSpace: a space after the delimiter is not part of the cell', async () => {
    const file = await temporary('data.csv', 'id, name\n1, a\n 2,b\n')
    const schema = {
      fields: [
        { name: 'id', type: 'integer' },
        { name: 'name', constraints: { enum: ['a', 'b'] } }
      ]
    }
    expect((await validate(file, {}, schema)).errors).toEqual([['constraint-error', 2, 2, 2]])
    expect((await validate(file, { skipInitialSpace: true }, schema)).errors).toEqual([])
  })

  it('a joined header name longer than the label bound stops reading, at the row that makes it so', async () => {
    const file = await temporary('data.csv', `${'a'.repeat(600)}\n${'b'.repeat(600)}\n1\n`)
    const result = await validate(file, { headerRows: [1, 2] }, anyFields('x'))
    expect(result.errors).toEqual([['label-too-long', 2, 1, 2]])
  })
})

describe('the subset keeps the dialect', () => {
  const options = { rows: 2, strategy: 'head', seed: 0, format: 'csv' } as const

  it('rows before the first data row as they are, data rows without the comments between them', async () => {
    const source = await temporary(
      'data.csv',
      "# exported\r\nid;name\r\n# units: none\r\n1;'a;b'\r\n# note\r\n2;c\r\n3;d\r\n"
    )
    const target = path.join(path.dirname(source), 'subset.csv')
    const dialect = dialectOf({ delimiter: ';', quoteChar: "'", commentChar: '#' })
    const subset = await writeSubset(source, target, { ...options, delimiter: ';', dialect })
    expect(subset.rows).toBe(2)
    expect(await readFile(target, 'utf8')).toBe(
      "# exported\r\nid;name\r\n# units: none\r\n1;'a;b'\r\n2;c\r\n"
    )
  })

  it('rows before the first data row are kept up to MAX_RECORD_CHARS, then reading stops, named', async () => {
    const comments = `# ${'c'.repeat(1022)}\n`.repeat(MAX_RECORD_CHARS / 1024 + 1)
    const source = await temporary('data.csv', `${comments}id,name\n1,a\n`)
    const target = path.join(path.dirname(source), 'subset.csv')
    await expect(
      writeSubset(source, target, { ...options, dialect: dialectOf({ commentChar: '#' }) })
    ).rejects.toThrow(
      /^data\.csv:16385: the rows before the first data row \(header, comment and skipped rows, to line 16385\) are longer than 16 MiB/
    )
  })

  it('a headerless file’s subset has no header; its columns are the schema’s for the label', async () => {
    const source = await temporary('data.csv', '1,x\n2,y\n3,x\n')
    const target = path.join(path.dirname(source), 'subset.csv')
    const subset = await writeSubset(source, target, {
      ...options,
      rows: 3,
      strategy: 'stratified',
      dialect: dialectOf({ header: false }),
      columnNames: ['id', 'label'],
      labelColumn: 'label'
    })
    expect(subset.classes).toEqual({
      x: { available: 2, chosen: 2 },
      y: { available: 1, chosen: 1 }
    })
    expect(await readFile(target, 'utf8')).toBe('1,x\n2,y\n3,x\n')
  })
})

describe('infer reads the dialect', () => {
  it('names a headerless file’s columns field1, field2, ... and reads the nullSequence as missing', async () => {
    const file = await temporary('data.csv', '# a comment\n1|NA\n2|3.5\n')
    const schema = await inferSchema(file, 'csv', {
      delimiter: '|',
      dialect: dialectOf({ header: false, commentChar: '#', nullSequence: 'NA', delimiter: '|' })
    })
    expect(schema.fields).toEqual([
      expect.objectContaining({ name: 'field1', type: 'integer' }),
      expect.objectContaining({ name: 'field2', type: 'number' })
    ])
  })
})

describe('ml-smoke with --dialect', () => {
  const root = new URL('../', import.meta.url).pathname

  const mlSmoke = (args: string[]) => mlSmokeIn(root, args)

  it('validate reads a headerless file by the schema’s names; a dialect that disagrees is exit 2', async () => {
    const args = [
      'validate',
      '--dataset',
      'fixtures/frictionless/dialect/without-headers-extra.csv',
      '--schema',
      'fixtures/frictionless/dialect/resource-schema.json'
    ]
    const extra = await mlSmoke([...args, '--dialect', '{"header": false}', '--json'])
    expect(extra.code).toBe(1)
    expect(JSON.parse(extra.stdout).violations).toEqual([
      expect.objectContaining({ code: 'extra-cell', line: 3, rowNumber: 3, fieldNumber: 3 })
    ])
    const conflict = await mlSmoke([...args, '--dialect', '{"delimiter": ";"}', '--delimiter', ','])
    expect(conflict.code).toBe(2)
    expect(conflict.stderr).toContain(`the delimiter option is "," but dialect says delimiter ";"`)
    const typo = await mlSmoke([...args, '--dialect', '{"commentchar": "#"}'])
    expect(typo.code).toBe(2)
    expect(typo.stderr).toContain(
      `--dialect: commentchar: unknown dialect property; did you mean "commentChar"?`
    )
  })

  it('schema --json-schema dialect prints the dialect files’ JSON Schema', async () => {
    const { code, stdout } = await mlSmoke(['schema', '--json-schema', 'dialect'])
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({
      additionalProperties: false,
      properties: { headerRows: { type: 'array' }, commentChar: { type: 'string' } }
    })
    expect((await mlSmoke(['schema', '--json-schema', 'dialects'])).code).toBe(2)
  })

  it('infer takes the dialect file', async () => {
    const dialect = await temporary('dialect.yml', 'header: false\n')
    const { code, stdout } = await mlSmoke([
      'infer',
      '--dataset',
      'fixtures/frictionless/dialect/without-headers.csv',
      '--dialect',
      dialect
    ])
    expect(code).toBe(0)
    expect(stdout).toContain('name: field1')
  })

  it('two threads split a file with other quotes and escapes as one thread reads it; comments stay on one', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dialect-split-'))
    const schema = path.join(dir, 'schema.json')
    await writeFile(
      schema,
      JSON.stringify({
        fields: [
          { name: 'id', type: 'integer' },
          { name: 'score', type: 'number', constraints: { maximum: 0.98 } },
          { name: 'note' }
        ]
      })
    )
    // Counted without their escapes, the quotes before every quoted line break of a row are even: a
    // split there would land inside the quotes, and the split would always fall back to one pass.
    const row = (i: number) =>
      `${i};${i % 1000 === 0 ? 'x' : ((i % 100) / 100).toString()};'note ${i}; it\\'s\n${'line\n'.repeat(20)}''quoted'' \\; \\''`
    process.env.ML_SMOKE_PARALLEL_MIN_BYTES = String(1024 * 1024)
    try {
      const data = path.join(dir, 'data.csv')
      await writeFile(
        data,
        `id;score;note\n${Array.from({ length: 40_000 }, (_, i) => row(i)).join('\n')}\n`
      )
      for (const [dialect, parts] of [
        [{ delimiter: ';', quoteChar: "'", escapeChar: '\\' }, 2],
        [{ delimiter: ';', quoteChar: "'", escapeChar: '\\', commentChar: '#' }, 1]
      ] as const) {
        const args = [
          'validate',
          '--dataset',
          data,
          '--schema',
          schema,
          '--json',
          '--max-violations',
          '100000',
          '--dialect',
          JSON.stringify(dialect)
        ]
        const one = JSON.parse((await mlSmoke([...args, '--threads', '1'])).stdout)
        const two = JSON.parse((await mlSmoke([...args, '--threads', '2'])).stdout)
        expect(two.stats.parts ?? 1).toBe(parts)
        expect({ ...two, stats: { ...two.stats, parts: undefined } }).toEqual({
          ...one,
          stats: { ...one.stats, parts: undefined }
        })
        expect(one.stats.byCode).toEqual({ 'type-error': 40, 'constraint-error': 400 })
        expect(one.violations[0]).toMatchObject({ line: 2, rowNumber: 2, fieldNumber: 2 })
      }
    } finally {
      delete process.env.ML_SMOKE_PARALLEL_MIN_BYTES
    }
  }, 120_000)
})
