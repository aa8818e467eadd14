import { mkdtemp, open, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  CsvTokenizer,
  readCsvFile,
  type CsvRecord,
  type CsvSyntaxProblem
} from '../src/data/csv.js'
import { MAX_COLUMNS } from '../src/data/table.js'
import {
  CHUNK_BYTES,
  fileReads,
  findInvalidUtf8,
  MAX_RECORD_CHARS,
  READ_BYTES
} from '../src/data/text-chunks.js'
import { slowdown } from '../__fixtures__/linear.js'

type RecordCopy = Pick<CsvRecord, 'fields' | 'line' | 'endLine' | 'fieldLines' | 'raw'>

/** Pushes `text` into a tokenizer CHUNK_BYTES at a time, as readCsvFile does; no problem is expected. */
function pushInChunks(text: string, onRecord: (record: CsvRecord) => void = () => {}): void {
  const tokenizer = new CsvTokenizer({ delimiter: ',', keepRaw: false }, onRecord, () => {
    throw new Error('no problem expected')
  })
  for (let i = 0; i < text.length; i += CHUNK_BYTES) tokenizer.push(text.slice(i, i + CHUNK_BYTES))
  tokenizer.finish()
}

/** A header and copies of `row`, at least `length` characters in all: input of the same size in short records. */
function rowsOfLength(row: string, length: number): string {
  return 'a,b\n' + row.repeat(Math.ceil(length / row.length))
}

function tokenize(
  chunks: string[],
  delimiter = ','
): { records: RecordCopy[]; problems: CsvSyntaxProblem[] } {
  const records: RecordCopy[] = []
  const problems: CsvSyntaxProblem[] = []
  const tokenizer = new CsvTokenizer(
    { delimiter, keepRaw: true },
    // The tokenizer reuses its record: copy what it holds inside the callback.
    ({ fields, line, endLine, fieldLines, raw }) =>
      void records.push({ fields, line, endLine, fieldLines: fieldLines && [...fieldLines], raw }),
    p => void problems.push(p)
  )
  for (const chunk of chunks) tokenizer.push(chunk)
  tokenizer.finish()
  return { records, problems }
}

/** Every way to cut `text` into two chunks gives the same result as one chunk. */
function splits(text: string): string[][] {
  return Array.from({ length: text.length + 1 }, (_, i) => [text.slice(0, i), text.slice(i)])
}

describe('CsvTokenizer', () => {
  it('reads quoted delimiters, doubled quotes and newlines inside quotes, with physical lines', () => {
    const text = 'id,note\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n4,end\n'
    const { records, problems } = tokenize([text])
    expect(problems).toEqual([])
    expect(records.map(r => r.fields)).toEqual([
      ['id', 'note'],
      ['1', 'a, b'],
      ['2', 'say "hi"'],
      ['3', 'two\nlines'],
      ['4', 'end']
    ])
    expect(records.map(r => [r.line, r.endLine])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 5],
      [6, 6]
    ])
    expect(records[3].raw).toBe('3,"two\nlines"')
  })

  it('gives the same records and lines however the text is cut into chunks', () => {
    const text = 'a,b\r\n"x\r\ny","q""z"\r\n,\r\nlast,"row"'
    const whole = tokenize([text])
    for (const chunks of splits(text)) expect(tokenize(chunks)).toEqual(whole)
  })

  it('handles CRLF, a missing final newline, empty fields and a trailing delimiter', () => {
    const { records } = tokenize(['a,b,c\r\n1,,3\r\n4,5,'])
    expect(records.map(r => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['4', '5', '']
    ])
  })

  it('reports an unterminated quote at the line where it opened and stops instead of merging lines', () => {
    const { records, problems } = tokenize(['a,b\n1,2\n3,"oops\n4,5\n6,7\n'])
    expect(records).toHaveLength(2)
    expect(problems).toEqual([
      expect.objectContaining({ code: 'unterminated-quote', line: 3, fieldNumber: 2 })
    ])
  })

  it('reports text after a closing quote and keeps reading the next rows', () => {
    const { records, problems } = tokenize(['a,b\n"x"y,2\n3,4\n'])
    expect(problems).toEqual([
      expect.objectContaining({ code: 'text-after-quote', line: 2, fieldNumber: 1 })
    ])
    expect(records.map(r => r.fields)).toEqual([
      ['a', 'b'],
      ['xy', '2'],
      ['3', '4']
    ])
  })

  it('uses another delimiter when asked', () => {
    expect(tokenize(['a\tb\n"1\t2"\t3\n'], '\t').records.map(r => r.fields)).toEqual([
      ['a', 'b'],
      ['1\t2', '3']
    ])
  })

  it('stops when the record handler says so', () => {
    const records: string[][] = []
    const tokenizer = new CsvTokenizer(
      { delimiter: ',', keepRaw: false },
      r => records.push(r.fields) < 2,
      () => {}
    )
    tokenizer.push('a\nb\nc\nd\n')
    tokenizer.finish()
    expect(records).toEqual([['a'], ['b']])
  })

  it('round-trips any table written with RFC 4180 quoting, in any chunking', () => {
    const cellText = fc.string({
      unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'é', '😀')
    })
    const table = fc.integer({ min: 1, max: 4 }).chain(width =>
      fc.array(fc.array(cellText, { minLength: width, maxLength: width }), {
        minLength: 1,
        maxLength: 6
      })
    )
    fc.assert(
      fc.property(table, fc.integer({ min: 1, max: 7 }), (rows, chunkSize) => {
        // A lone empty cell would be a blank line; always quote so every row is explicit.
        const text =
          rows.map(row => row.map(cell => `"${cell.replace(/"/g, '""')}"`).join(',')).join('\n') +
          '\n'
        const chunks: string[] = []
        for (let i = 0; i < text.length; i += chunkSize) chunks.push(text.slice(i, i + chunkSize))
        const { records, problems } = tokenize(chunks)
        expect(problems).toEqual([])
        expect(records.map(r => r.fields)).toEqual(rows)
        let line = 1
        records.forEach((record, index) => {
          expect(record.line).toBe(line)
          line += rows[index].join(',').split('\n').length
        })
      })
    )
  })

  it('never crashes or loops on random input, and every problem has a line inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', 'x') }), text => {
        const { records, problems } = tokenize([text])
        const lines = text.split(/\r\n|\r|\n/).length
        for (const problem of problems) {
          expect(problem.line).toBeGreaterThanOrEqual(1)
          expect(problem.line).toBeLessThanOrEqual(lines)
        }
        for (const record of records) expect(record.endLine).toBeLessThanOrEqual(lines)
      }),
      { numRuns: 2000 }
    )
  })
})

describe('CsvTokenizer on long records', () => {
  it('gives the same records and problems for any text in any chunking (an unfinished record is held, not parsed again)', () => {
    const unit = fc.constantFrom('a', ',', '"', '""', '\n', '\r', '\r\n', 'x', ';')
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 30 }),
        (text, sizes) => {
          const chunks: string[] = []
          for (let i = 0, k = 0; i < text.length; k++) {
            const size = sizes[k % sizes.length]
            chunks.push(text.slice(i, i + size))
            i += size
          }
          expect(tokenize(chunks)).toEqual(tokenize([text]))
          // Records come out as soon as the text so far ends them, as when the whole text so far is parsed.
          let emitted = 0
          const tokenizer = new CsvTokenizer(
            { delimiter: ',', keepRaw: false },
            () => void emitted++,
            () => {}
          )
          let sofar = ''
          for (const chunk of chunks) {
            tokenizer.push(chunk)
            sofar += chunk
            let expected = 0
            new CsvTokenizer(
              { delimiter: ',', keepRaw: false },
              () => void expected++,
              () => {}
            ).push(sofar)
            expect(emitted).toBe(expected)
          }
        }
      ),
      { numRuns: 3000 }
    )
  })

  it('reads a 10 MiB cell pushed 16 KiB at a time in linear time', async () => {
    const cell = 'x'.repeat(10 * 1024 * 1024)
    const text = `a,b\n1,"${cell}"\n2,"y"\n`
    const lengths: number[] = []
    pushInChunks(text, r => void lengths.push(r.cell(1).length))
    expect(lengths).toEqual([1, cell.length, 1])
    // Parsing it again for each of its 640 pieces took 15-34 s (over 100 times the rows below).
    const rows = rowsOfLength(`1,"${'x'.repeat(94)}"\n`, text.length)
    expect(
      await slowdown(
        () => pushInChunks(text),
        () => pushInChunks(rows)
      )
    ).toBeLessThan(20)
  })

  it('reads a cell of four million doubled quotes in one pass (found by the fuzzer)', async () => {
    const text = `a,b\n1,"x${'""'.repeat(4_000_000)}y"\n`
    const cells: string[] = []
    pushInChunks(text, r => void cells.push(r.cell(1)))
    expect(cells).toEqual(['b', `x${'"'.repeat(4_000_000)}y`])
    // The same doubled quotes in rows of 100 characters, which no piece of text can make read twice.
    const rows = rowsOfLength(`1,"x${'""'.repeat(46)}y"\n`, text.length)
    expect(
      await slowdown(
        () => pushInChunks(text),
        () => pushInChunks(rows)
      )
    ).toBeLessThan(20)
  })

  it('stops a record at its first cell past MAX_COLUMNS (found by the fuzzer: 13.7 M commas on a line took 267 MiB)', () => {
    const { records, problems } = tokenize([`a,b\n${','.repeat(10_000_000)}\n1,2\n`])
    expect(records.map(r => r.fields)).toEqual([['a', 'b']])
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'too-many-columns',
        line: 2,
        message: expect.stringContaining(`more than ${MAX_COLUMNS.toLocaleString('en-US')} cells`)
      })
    ])
  })

  it('stops at a record longer than MAX_RECORD_CHARS, at the line where it starts', () => {
    for (const opening of ['3,"never closed', '3,no line breaks at all']) {
      const problems: CsvSyntaxProblem[] = []
      const records: string[][] = []
      const tokenizer = new CsvTokenizer(
        { delimiter: ',', keepRaw: false },
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

describe('readCsvFile', () => {
  const write = async (name: string, content: string | Buffer): Promise<string> => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'csv-'))
    const file = path.join(dir, name)
    await writeFile(file, content)
    return file
  }
  /** The syntax problems of reading a whole file. */
  const problemsReading = async (file: string): Promise<CsvSyntaxProblem[]> => {
    const problems: CsvSyntaxProblem[] = []
    await readCsvFile(
      file,
      { delimiter: ',', keepRaw: false },
      () => {},
      p => void problems.push(p)
    )
    return problems
  }

  it('strips a UTF-8 BOM and reports the line ending', async () => {
    const file = await write('bom.csv', '\uFEFFid,name\r\n1,a\r\n')
    const records: string[][] = []
    const result = await readCsvFile(
      file,
      { delimiter: ',', keepRaw: false },
      r => void records.push(r.fields),
      () => {}
    )
    expect(records).toEqual([
      ['id', 'name'],
      ['1', 'a']
    ])
    expect(result.lineEnding).toBe('\r\n')
  })

  // Files are read in chunks of CHUNK bytes; an ASCII chunk skips the UTF-8 decoder.
  const CHUNK = CHUNK_BYTES

  it('keeps a U+FEFF that starts a later chunk and a character cut across chunks', async () => {
    const head = 'id,note\n1,'
    const firstChunk = `${head}${'a'.repeat(CHUNK - head.length - 3)}\n2,` // all ASCII
    const secondNote = `\uFEFFx${'b'.repeat(CHUNK - 3 - 1 - 2)}é` // "é" is cut after its first byte
    const file = await write('chunks.csv', `${firstChunk}${secondNote}\n3,c\n`)
    expect(Buffer.byteLength(firstChunk)).toBe(CHUNK)
    const notes: string[] = []
    await readCsvFile(
      file,
      { delimiter: ',', keepRaw: false },
      r => void notes.push(r.cell(1)),
      () => {
        throw new Error('no problem expected')
      }
    )
    expect(notes).toEqual(['note', 'a'.repeat(CHUNK - head.length - 3), secondNote, 'c'])
  })

  it('reports a character left unfinished at the end of a chunk when the next chunk is ASCII', async () => {
    const head = 'id,note\n1,'
    const firstChunk = Buffer.concat([
      Buffer.from(`${head}${'a'.repeat(CHUNK - head.length - 1)}`),
      Buffer.from([0xc3])
    ])
    const file = await write('cut.csv', Buffer.concat([firstChunk, Buffer.from('\n2,b\n')]))
    const problems = await problemsReading(file)
    expect(problems).toEqual([expect.objectContaining({ code: 'invalid-utf8', line: 2 })])
    expect(problems[0].message).toContain('cut off')
  })

  it('reports invalid UTF-8 (a Latin-1 file) with the line of the bad byte, after the rows before it', async () => {
    const file = await write('latin1.csv', Buffer.from('id,city\n1,Paris\n2,Z\xfcrich\n', 'latin1'))
    const problems = await problemsReading(file)
    expect(problems).toEqual([expect.objectContaining({ code: 'invalid-utf8', line: 3 })])
    expect(problems[0].message).toContain('0xFC')
    const records: string[][] = []
    await readCsvFile(
      file,
      { delimiter: ',', keepRaw: false },
      r => void records.push(r.fields),
      () => {}
    )
    // The lines before the bad byte, in the same chunk, are read; the line with it is not.
    expect(records).toEqual([
      ['id', 'city'],
      ['1', 'Paris']
    ])
  })

  it('places a bad byte after many chunks on its line also when lines end in a lone CR or CRLF', async () => {
    for (const ending of ['\r', '\r\n']) {
      // The second line's ending starts on the first chunk's last byte: a CRLF cut in two, or a lone CR
      // that only the next chunk shows is not half of a CRLF. Then 3,000 more lines, over more chunks.
      const head = `id,note${ending}1,`
      const second = `${head}${'a'.repeat(CHUNK - 1 - head.length)}${ending}`
      const rows = Array.from({ length: 3000 }, (_, i) => `${i + 2},row`).join(ending)
      const file = await write(
        'endings.csv',
        Buffer.concat([Buffer.from(`${second}${rows}${ending}3002,Z`), Buffer.from([0xfc])])
      )
      expect(await problemsReading(file)).toEqual([
        expect.objectContaining({ code: 'invalid-utf8', line: 3003 })
      ])
    }
  })

  it('reads a 10 MiB cell in linear time, and stops at a quote that never closes in a large file', async () => {
    const cell = 'x'.repeat(10 * 2 ** 20)
    const text = `a,b\n1,"${cell}"\n2,y\n`
    const file = await write('cell.csv', text)
    const lengths: number[] = []
    const read = (path: string, onRecord: (r: CsvRecord) => void = () => {}) =>
      readCsvFile(path, { delimiter: ',', keepRaw: true }, onRecord, () => {
        throw new Error('no problem expected')
      })
    await read(file, r => void lengths.push(r.cell(1).length))
    expect(lengths).toEqual([1, cell.length, 1])
    // Before: the unfinished record was parsed again, and copied, for each of its 640 chunks (15-34 s).
    const short = await write('short.csv', rowsOfLength(`1,"${'x'.repeat(94)}"\n`, text.length))
    expect(
      await slowdown(
        () => read(file),
        () => read(short)
      )
    ).toBeLessThan(20)
    const rows = '3,a row of text\n'.repeat((MAX_RECORD_CHARS / 16) * 1.2)
    const stray = await write('stray.csv', `a,b\n1,ok\n2,"oops\n${rows}`)
    expect(await problemsReading(stray)).toEqual([
      expect.objectContaining({ code: 'record-too-long', line: 3 })
    ])
  })

  it('reads a file larger than one chunk with records cut across chunks', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${i},"note ${i}, with comma\nand newline"`)
    const file = await write('big.csv', `id,note\n${rows.join('\n')}\n`)
    let count = 0
    let lastLine = 0
    await readCsvFile(
      file,
      { delimiter: ',', keepRaw: false },
      r => {
        count++
        lastLine = r.line
      },
      () => {
        throw new Error('no problem expected')
      }
    )
    expect(count).toBe(5001)
    expect(lastLine).toBe(2 + 4999 * 2)
  })
})

describe('findInvalidUtf8', () => {
  it('accepts valid text, an incomplete tail, and finds overlong or stray bytes', () => {
    expect(findInvalidUtf8(Buffer.from('héllo 😀'))).toBe(-1)
    expect(findInvalidUtf8(Buffer.from([0x61, 0xf0, 0x9f]))).toBe(-1)
    expect(findInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1)
    expect(findInvalidUtf8(Buffer.from([0x61, 0x62, 0x80]))).toBe(2)
    expect(findInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0)
  })
})

describe('fileReads', () => {
  it("gives a file's bytes from start to end in reads of at most READ_BYTES, and closes it", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'ml-smoke-reads-'))
    const file = path.join(folder, 'bytes.bin')
    const bytes = Buffer.alloc(READ_BYTES * 3 + 123)
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >>> 8)) & 0xff
    await writeFile(file, bytes)
    for (const [start, end] of [
      [0, undefined],
      [5, READ_BYTES * 2 + 7],
      [READ_BYTES, READ_BYTES],
      [READ_BYTES * 3, bytes.length + 99]
    ]) {
      const handle = await open(file)
      const reads: Buffer[] = []
      // Copied: a read is good only until the next is asked for.
      for await (const read of fileReads(handle, start, end)) {
        expect(read.length).toBeLessThanOrEqual(READ_BYTES)
        reads.push(Buffer.from(read))
      }
      expect(Buffer.concat(reads).equals(bytes.subarray(start, end))).toBe(true)
      expect(handle.fd).toBe(-1)
    }
    const handle = await open(file)
    for await (const read of fileReads(handle)) if (read.length > 0) break
    expect(handle.fd).toBe(-1)
  })
})
