/**
 * Splits: each validated, compared (rows, class shares, label shift), and rows leaked between them
 * found by their values as the schema reads them, counted per pair and placed at file:line; max-leakage
 * decides. Through the stage, the CLI's --split, the action's `splits` input and the whole pipeline.
 */
import { readdirSync } from 'node:fs'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import { memoryPorts } from '../__fixtures__/ports.js'
import { renderComment } from '../src/comment/render.js'
import { actionRequestFromInputs, buildConfig, DATA_OPTIONS, parseSettings } from '../src/config.js'
import { resolveDataset } from '../src/data/dataset-files.js'
import { findLeakage } from '../src/data/leakage.js'
import { KeyStore } from '../src/data/keys/store.js'
import { RowKeyIndex } from '../src/data/row-key-index.js'
import { parseTableSchema } from '../src/data/schema.js'
import { totalVariation } from '../src/data/splits.js'
import { validateDataset } from '../src/data/validate-dataset.js'
import { validateStage } from '../src/data/stage.js'
import { UserError } from '../src/errors.js'
import { runPipeline } from '../src/pipeline.js'
import { reportOutputs } from '../src/report/outputs.js'
import { renderSummary } from '../src/report/summary.js'
import { runFolders } from '../src/stage.js'
import { WorkerThreads, workerBundleBeside } from '../src/worker/client.js'
import { mlSmokeIn } from './harness/cli.js'

const root = new URL('../', import.meta.url).pathname

/** `x` is a number: 1.0 and 1 are one value. `word` is a string: "1.0" and "1" are two. */
const SCHEMA = `
fields:
  - {name: id, type: integer, constraints: {unique: true}}
  - {name: x, type: number}
  - {name: word, type: string}
  - {name: label, type: string}
mlChecks:
  label: {column: label}
`

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'splits-'))
  await writeFile(path.join(dir, 'schema.yml'), SCHEMA)
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
    await writeFile(path.join(dir, name), text)
  }
  return dir
}

/** Rows `id,x,word,label` from `from` on: x and word differ row by row; labels cycle through `labels`. */
function rows(from: number, count: number, labels = ['a', 'b']): string {
  return Array.from(
    { length: count },
    (_, i) => `${from + i},${(from + i) / 4},w${from + i},${labels[i % labels.length]}\n`
  ).join('')
}

const HEADER = 'id,x,word,label\n'

/** train in two files, valid, test; test holds train's row 3 again (as `1.0`), under a new id. */
function planted(): Record<string, string> {
  return {
    'data/train/part-0.csv': HEADER + rows(0, 10),
    'data/train/part-1.csv': HEADER + rows(10, 10),
    'data/valid.csv': HEADER + rows(100, 8),
    // Row 3 of part-0 is "3,0.75,w3,b"; row 4 is "4,1,w4,a": here as 1.0 (a number field) under id 901.
    'data/test.csv': HEADER + rows(200, 6) + '900,0.75,w3,b\n' + '901,1.0,w4,a\n'
  }
}

async function validate(dir: string, raw: Record<string, unknown>) {
  const config = parseSettings(DATA_OPTIONS, { schema: 'schema.yml', ...raw }, dir, n => n)
  return validateStage({ config, ports: { worker: undefined } })
}

const SPLITS = {
  train: 'data/train/',
  valid: 'data/valid.csv',
  test: 'data/test.csv'
}

describe('splits', () => {
  it('validates each split and compares rows, class shares and the label shift', async () => {
    const dir = await folder(planted())
    const result = await validate(dir, { splits: SPLITS, 'max-leakage': '5' })
    const { splits } = result.data
    expect(splits!.splits).toEqual([
      {
        name: 'train',
        label: 'data/train',
        files: 2,
        rows: 20,
        violations: 0,
        classes: { a: 10, b: 10 }
      },
      {
        name: 'valid',
        label: 'data/valid.csv',
        files: 1,
        rows: 8,
        violations: 0,
        classes: { a: 4, b: 4 }
      },
      {
        name: 'test',
        label: 'data/test.csv',
        files: 1,
        rows: 8,
        violations: 0,
        classes: { a: 4, b: 4 }
      }
    ])
    expect(splits!.labelColumn).toBe('label')
    expect(splits!.labelShift).toEqual({
      measure: 'total variation distance',
      reference: 'train',
      warnAt: 0.1,
      bySplit: { valid: 0, test: 0 }
    })
    expect(result.data.validation.rows).toBe(36)
  })

  it('measures label shift as the total variation distance of the class shares', () => {
    expect(totalVariation({ a: 50, b: 50 }, { a: 5, b: 5 })).toBe(0)
    expect(totalVariation({ a: 50, b: 50 }, { a: 8, b: 2 })).toBeCloseTo(0.3)
    expect(totalVariation({ a: 10 }, { b: 3 })).toBe(1)
  })

  it('finds the planted leaks by value as the schema reads it, with counts and file:line', async () => {
    const dir = await folder(planted())
    const result = await validate(dir, { splits: SPLITS })
    const { pairs, columns, duplicates } = result.data.splits!.leakage
    // By default the key leaves out the label and the declared ids (id is unique).
    expect(columns).toEqual(['x', 'word'])
    expect(pairs.map(pair => [pair.split, pair.in, pair.rows, pair.overLimit])).toEqual([
      ['valid', 'train', 0, false],
      ['test', 'train', 2, true],
      ['test', 'valid', 0, false]
    ])
    const test = pairs[1]
    expect(test.fraction).toBe(0.25)
    expect(test.examples).toEqual([
      {
        at: { file: 'data/test.csv', line: 8, rowNumber: 8 },
        first: { file: 'data/train/part-0.csv', line: 5, rowNumber: 5 },
        values: 'x=0.75, word=w3'
      },
      {
        at: { file: 'data/test.csv', line: 9, rowNumber: 9 },
        first: { file: 'data/train/part-0.csv', line: 6, rowNumber: 6 },
        values: 'x=1, word=w4'
      }
    ])
    expect(duplicates.every(split => split.rows === 0)).toBe(true)
    expect(result.status).toBe('failed')
    expect(result.message).toBe(
      'splits train 20, valid 8, test 8 rows: 2 rows of test are in train (25.0 %): over max-leakage 0'
    )
  })

  it('compares a string field as text: "1.0" and "1" differ there, not in a number field', async () => {
    const dir = await folder({
      'train.csv': 'id,x,word,label\n1,1,1,a\n',
      'number.csv': 'id,x,word,label\n2,1.0,1,a\n',
      'string.csv': 'id,x,word,label\n3,1,1.0,a\n'
    })
    const result = await validate(dir, {
      splits: { train: 'train.csv', number: 'number.csv', string: 'string.csv' }
    })
    const found = result.data.splits!.leakage.pairs.map(pair => [pair.split, pair.in, pair.rows])
    expect(found).toEqual([
      ['number', 'train', 1],
      ['string', 'train', 0],
      ['string', 'number', 0]
    ])
  })

  it('finds the same rows whatever the format wrote: CSV text, JSON numbers, Parquet doubles and INT64', async () => {
    const splits = {
      train: 'fixtures/iris/iris.csv',
      json: 'fixtures/real/iris.jsonl',
      parquet: 'fixtures/real/iris.parquet'
    }
    const raw = { schema: 'fixtures/iris/iris.schema.yml', splits, 'max-leakage': '100%' }
    const config = parseSettings(DATA_OPTIONS, raw, root, n => n)
    const result = await validateStage({ config, ports: { worker: undefined } })
    const { pairs, duplicates } = result.data.splits!.leakage
    expect(pairs.map(pair => [pair.split, pair.in, pair.rows])).toEqual([
      ['json', 'train', 150],
      ['parquet', 'train', 150],
      ['parquet', 'json', 150]
    ])
    // Iris repeats one row (143 is 102): in every format.
    expect(duplicates.map(split => split.rows)).toEqual([1, 1, 1])
    expect(duplicates[2].examples[0]).toMatchObject({
      at: { file: 'fixtures/real/iris.parquet', rowGroup: 0, rowInGroup: 142 },
      first: { file: 'fixtures/real/iris.parquet', rowGroup: 0, rowInGroup: 101 }
    })
    expect(result.status).toBe('passed')
  })

  it('compares by leakage-columns when given, and refuses a column the schema does not have', async () => {
    const dir = await folder(planted())
    // By word alone, test's row "w3" leaks; so does valid's nothing. By id, nothing leaks (ids differ).
    const byWord = await validate(dir, { splits: SPLITS, 'leakage-columns': 'word' })
    expect(byWord.data.splits!.leakage.pairs[1]).toMatchObject({ split: 'test', rows: 2 })
    const byId = await validate(dir, { splits: SPLITS, 'leakage-columns': 'id' })
    expect(byId.data.splits!.leakage.pairs.map(pair => pair.rows)).toEqual([0, 0, 0])
    expect(byId.status).toBe('passed')
    await expect(
      validate(dir, { splits: SPLITS, 'leakage-columns': ['word', 'colour'] })
    ).rejects.toThrow(
      'leakage-columns: "colour" is not a field of the schema (fields: id, x, word, label)'
    )
  })

  it('fails past max-leakage, warns within it (a count or a fraction)', async () => {
    const dir = await folder(planted())
    const cases: Array<[string, string]> = [
      ['0', 'failed'],
      ['1', 'failed'],
      ['2', 'passed'],
      ['20%', 'failed'],
      ['25%', 'passed'],
      ['0.3', 'passed']
    ]
    for (const [limit, status] of cases) {
      const result = await validate(dir, { splits: SPLITS, 'max-leakage': limit })
      expect([limit, result.status]).toEqual([limit, status])
    }
    const within = await validate(dir, { splits: SPLITS, 'max-leakage': '2' })
    expect(within.message).toBe(
      'splits train 20, valid 8, test 8 rows match schema.yml; within max-leakage 2: 2 rows of test are in train (25.0 %)'
    )
    expect(() =>
      parseSettings(
        DATA_OPTIONS,
        { dataset: 'd.csv', schema: 's', 'max-leakage': '1.5' },
        dir,
        n => n
      )
    ).toThrow('max-leakage: expected a whole number of rows, or a fraction below 1 (0.5%, 0.005)')
  })

  it('counts rows repeated within a split, with the machinery of leaks', async () => {
    const dir = await folder({
      'train.csv': HEADER + rows(0, 4) + '50,0.25,w1,b\n' + '51,0.25,w1,b\n',
      'test.csv': HEADER + rows(100, 2)
    })
    const result = await validate(dir, { splits: { train: 'train.csv', test: 'test.csv' } })
    const { duplicates } = result.data.splits!.leakage
    expect(duplicates[0]).toEqual({
      split: 'train',
      rows: 2,
      examples: [
        {
          at: { file: 'train.csv', line: 6, rowNumber: 6 },
          first: { file: 'train.csv', line: 3, rowNumber: 3 },
          values: 'x=0.25, word=w1'
        }
      ]
    })
    // Repeats within a split are shown, not failed: the schema's mlChecks.duplicateRows does that.
    expect(result.status).toBe('passed')
  })

  it('names the split and file of each violation', async () => {
    const dir = await folder({ ...planted(), 'data/valid.csv': HEADER + '1,x,w,a\n' })
    const result = await validate(dir, { splits: SPLITS, 'max-leakage': '10' })
    expect(result.status).toBe('failed')
    const [violation] = result.data.validation.violations
    expect(violation).toMatchObject({ split: 'valid', file: 'data/valid.csv', line: 2 })
    expect(result.message).toMatch(
      /^splits train 20, valid 1, test 8 rows: 1 violation \(first, split valid data\/valid\.csv:2: field "x": expected a number; got "x"\)/
    )
  })
})

function mlSmoke(args: string[], cwd: string) {
  return mlSmokeIn(cwd, args)
}

describe('the leakage machinery', () => {
  /** A part of a split as the validator hands it over: its rows' hashes (hi, lo), rows from 0. */
  function part(hashes: Array<[number, number]>, spillRoot?: string) {
    const store = new KeyStore({ spillRoot })
    hashes.forEach(([hi, lo], row) => store.add(hi, lo, row))
    return { keys: store.detach({ spillAbove: 16 }), rows: hashes.length }
  }

  it('nominates the rows whose hashes repeat, within a split or across splits and parts', () => {
    const index = new RowKeyIndex()
    index.addSplit({
      parts: [
        part([
          [0, 1],
          [0, 2]
        ])
      ]
    })
    // A split validated in two parts: the second's rows follow the first's.
    index.addSplit({
      parts: [
        part([
          [0, 2],
          [0, 3]
        ]),
        part([
          [0, 3],
          [7, 4]
        ])
      ]
    })
    index.addSplit({ parts: [part([[0, 4]])] })
    expect(index.firstRows).toEqual([0, 2, 6])
    const candidates = index.candidates()!
    expect(candidates.keys).toBe(2)
    expect([0, 1, 2, 3, 4, 5, 6].filter(row => candidates.has(row))).toEqual([1, 2, 3, 4])
  })

  it('nominates nothing when no hash repeats, and leaves nothing on disk', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'spill-'))
    const index = new RowKeyIndex()
    index.addSplit({
      parts: [
        part(
          [
            [0, 1],
            [0, 2]
          ],
          root
        )
      ]
    })
    index.addSplit({ parts: [part([[1, 1]], root)] })
    // The first part was spilled (past 16 bytes), the second kept in memory.
    expect(readdirSync(root)).toHaveLength(1)
    expect(index.candidates()).toBeNull()
    expect(readdirSync(root)).toEqual([])
  })

  it('re-checks candidates exactly: with every hash taken for a repeat, the counts are the same', async () => {
    const dir = await folder(planted())
    const schema = parseTableSchema(SCHEMA, 'schema.yml')
    const sources = []
    for (const [name, entry] of Object.entries(SPLITS)) {
      const options = { workspace: dir, cwd: dir, what: name }
      const dataset = await resolveDataset([path.join(dir, entry)], options)
      const rows = name === 'train' ? 20 : 8
      const firstRow: number = sources.reduce((sum, source) => sum + source.rows, 0)
      sources.push({ name, dataset, rows, firstRow })
    }
    // Every row's hash taken to collide with another's: every row is a candidate.
    const collidingAll = { has: () => true, keys: 1 }
    const keys = { columns: ['x', 'word'] }
    const options = { schema, keys, schemaLabel: 'schema.yml', maxLeakage: { rows: 0 } }
    const figures = await findLeakage(sources, collidingAll, options)
    expect(figures.pairs.map(pair => pair.rows)).toEqual([0, 2, 0])
    expect(figures.duplicates.map(split => split.rows)).toEqual([0, 0, 0])
    // Every distinct key was read again: 36 rows, two of them keys of train.
    expect(figures.candidates).toBe(34)
    // With room for a few keys only, they are compared a share at a time: the same answer.
    const shared = await findLeakage(sources, collidingAll, { ...options, memoryBytes: 2000 })
    expect(shared).toEqual(figures)
    // Only the rows nominated are compared: test's last two (34 and 35 across the splits) alone.
    const two = await findLeakage(sources, { has: row => row >= 34, keys: 2 }, options)
    expect(two.candidates).toBe(2)
    expect(two.pairs.map(pair => pair.rows)).toEqual([0, 0, 0])
  })

  it('gives the same answer when a large CSV split is validated on two threads', async () => {
    const noIds = SCHEMA.replace(', constraints: {unique: true}', '')
    const dir = await folder({
      'train.csv': HEADER + rows(0, 3000),
      'test.csv': HEADER + rows(5000, 10) + '9999,2.5,w10,a\n'
    })
    await writeFile(path.join(dir, 'schema.yml'), noIds)
    const raw = {
      splits: { train: 'train.csv', test: 'test.csv' },
      'leakage-columns': 'x, word',
      schema: 'schema.yml'
    }
    const config = parseSettings(DATA_OPTIONS, raw, dir, n => n)
    const entry = workerBundleBeside(pathToFileURL(path.join(root, 'dist', 'index.js')).href)!
    const before = process.env.ML_SMOKE_PARALLEL_MIN_BYTES
    process.env.ML_SMOKE_PARALLEL_MIN_BYTES = '1024'
    try {
      const two = await validateStage({ config, ports: { worker: new WorkerThreads(entry) } })
      const one = await validateStage({ config, ports: { worker: undefined } })
      // The train split was validated in two parts, whose row hashes together are the one pass's.
      const schema = parseTableSchema(noIds, 'schema.yml')
      const options = {
        format: 'csv' as const,
        maxViolations: 10,
        schemaLabel: 'schema.yml',
        rowKeys: { columns: ['x', 'word'], labelColumn: 'label' }
      }
      const train = path.join(dir, 'train.csv')
      const parts = await validateDataset(train, schema, options, new WorkerThreads(entry))
      const whole = await validateDataset(train, schema, options, undefined)
      expect(parts.parts).toBe(2)
      // Each row's hash of the parts (their rows numbered on from part to part) is the whole's, at its row.
      const store = new KeyStore()
      let rowsHashed = 0
      for (const { keys, rows } of parts.rowKeys!.parts) {
        store.absorb(keys, rowsHashed)
        rowsHashed += rows
      }
      for (const { keys } of whole.rowKeys!.parts) store.absorb(keys, 10_000)
      const pairs: number[][] = []
      store.candidates((_hi, _lo, row, first) =>
        first ? pairs.push([row]) : pairs[pairs.length - 1].push(row)
      )
      store.dispose()
      expect(rowsHashed).toBe(3000)
      expect(pairs).toHaveLength(3000)
      expect(pairs.filter(([a, b, more]) => b !== a + 10_000 || more !== undefined)).toEqual([])
      expect(parts.rowKeys!.classes).toEqual(whole.rowKeys!.classes)
      expect(two.data.splits).toEqual(one.data.splits)
      expect(two.data.splits!.leakage.pairs[0]).toMatchObject({ rows: 1 })
      expect(two.data.splits!.splits[0].classes).toEqual({ a: 1500, b: 1500 })
    } finally {
      if (before === undefined) delete process.env.ML_SMOKE_PARALLEL_MIN_BYTES
      else process.env.ML_SMOKE_PARALLEL_MIN_BYTES = before
    }
  })
})

describe('ml-smoke validate --split', () => {
  it('validates and compares the splits: exit 1 on a leak past max-leakage, 0 within', async () => {
    const dir = await folder(planted())
    const args = [
      'validate',
      '--schema',
      'schema.yml',
      '--split',
      'train=data/train/',
      '--split',
      'valid=data/valid.csv',
      '--split',
      'test=data/test.csv'
    ]
    const failed = await mlSmoke(args, dir)
    expect(failed.code).toBe(1)
    expect(failed.stdout).toContain(
      '  test in train: 2 rows of test are in train (25.0 %): over max-leakage 0\n' +
        '    data/test.csv:8 is data/train/part-0.csv:5 (x=0.75, word=w3)\n'
    )
    expect(failed.stdout).toMatch(/\ninvalid: 36 rows, 0 violations; 2 rows of test are in train/)
    const json = JSON.parse((await mlSmoke([...args, '--max-leakage', '2', '--json'], dir)).stdout)
    expect(json.valid).toBe(true)
    expect(json.splits.leakage.pairs[1]).toMatchObject({ split: 'test', in: 'train', rows: 2 })
    const bad = await mlSmoke(
      ['validate', '--schema', 'schema.yml', '--split', 'data/test.csv'],
      dir
    )
    expect(bad).toMatchObject({
      code: 2,
      stderr: 'ml-smoke: --split: entry 1: "data/test.csv" is not NAME: PATH\n'
    })
  })
})

describe('the action with splits', () => {
  const inputs = (extra: Record<string, string>) => ({
    schema: 'schema.yml',
    'train-command': 'python train.py',
    'artifact-path': 'model/',
    ...extra
  })
  const request = (values: Record<string, string>) =>
    actionRequestFromInputs(name => values[name] ?? '', '/ws')

  it('reads `splits` as NAME: PATH lines, with the train split as the training data', () => {
    const got = request(
      inputs({
        splits:
          'train: data/train/\n  valid: data/valid.csv\n\ntest: data/test-*.parquet\ntest: extra.parquet',
        'max-leakage': '0.5%',
        'leakage-columns': 'x, word'
      })
    )
    if (got.mode !== 'run') throw new Error('expected a run')
    expect(got.config.splits).toEqual({
      train: ['/ws/data/train'],
      valid: ['/ws/data/valid.csv'],
      test: ['/ws/data/test-*.parquet', '/ws/extra.parquet']
    })
    expect(got.config.dataset).toBeUndefined()
    expect(got.config.maxLeakage).toEqual({ fraction: 0.005 })
    expect(got.config.leakageColumns).toEqual(['x', 'word'])
  })

  it('refuses bad lines, two names for the training data, and no training data', () => {
    const problem = (values: Record<string, string>) => {
      try {
        request(values)
      } catch (error) {
        expect(error).toBeInstanceOf(UserError)
        return (error as Error).message
      }
      throw new Error('expected a UserError')
    }
    expect(problem(inputs({ splits: 'train: a.csv\n9lives: b.csv' }))).toBe(
      `input 'splits': entry 2: split name "9lives": expected letters, digits, _ . - (not starting with a digit)`
    )
    expect(problem(inputs({ dataset: 'a.csv', splits: 'train: b.csv' }))).toBe(
      `input 'dataset' and the split named train in input 'splits' both name the training data: give one of them`
    )
    expect(problem(inputs({ splits: 'valid: b.csv\ntest: c.csv' }))).toBe(
      `no training data: set input 'dataset', or name a split train in input 'splits' (the splits are valid, test)`
    )
    expect(problem(inputs({}))).toBe(`input 'dataset': is required (or input 'splits')`)
  })
})

describe('a run with splits', () => {
  it('trains on the train split; the report, summary, outputs and comment show the splits', async () => {
    const dir = await folder(planted())
    const config = buildConfig(
      {
        splits: SPLITS,
        schema: 'schema.yml',
        'train-command': 'train',
        'sample-rows': 30,
        'max-leakage': '25%',
        'artifact-path': '$ML_SMOKE_OUTPUT_DIR/model.json'
      },
      dir,
      n => n
    )
    const ports = memoryPorts(
      {
        train: async (spec, print) => {
          for (const [step, loss] of [0.9, 0.7, 0.5, 0.4, 0.3, 0.25].entries())
            print(`step ${step} loss=${loss}\n`)
          await writeFile(path.join(spec.env.ML_SMOKE_OUTPUT_DIR, 'model.json'), '{}')
          return 0
        }
      },
      path.join(dir, 'cache')
    )
    const report = await runPipeline(config, ports, runFolders(path.join(dir, 'run')))
    expect(report.outcome).toBe('passed')
    // All 20 rows of train, from both its files; none of valid or test.
    expect(report.subset).toMatchObject({ rows: 20, sourceRows: 20 })
    expect(path.basename(report.subset!.path)).toBe('subset.csv')
    expect(report.stages[1].message).toBe(
      'splits train 20, valid 8, test 8 rows match schema.yml; within max-leakage 25.0 %: 2 rows of test are in train (25.0 %)'
    )
    expect(report.splits!.leakage.pairs[1].rows).toBe(2)
    const summary = renderSummary(report)
    expect(summary).toContain('### Splits')
    expect(summary).toContain('| `test` | `train` | 2 | 25.0 % | ⚠️ within max-leakage 25.0 % |')
    expect(summary).toContain(
      '| `test` in `train` | `data/test.csv:8` | `data/train/part-0.csv:5` | x=0.75, word=w3 |'
    )
    expect(reportOutputs(report)).toMatchObject({
      'split-rows': '{"train":20,"valid":8,"test":8}',
      'leaked-rows': '2',
      'label-shift': '{"valid":0,"test":0}'
    })
    const comment = renderComment(report, {
      marker: '<!-- m -->',
      job: 'smoke',
      artifactName: 'model',
      runUrl: 'https://example.invalid/run'
    })
    expect(comment).toContain('#### Splits')
    expect(comment).toContain('| `test` | `train` | 2 | 25.0 % |')
  })
})
