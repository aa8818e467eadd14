/** The model API's parts: the held-out draw, the answer schema, the answer checks and the statistics. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { readTable } from '../src/data/readers/index.js'
import { parseTableSchema } from '../src/data/schema.js'
import { drawRows, writeSubset } from '../src/sample/subset.js'
import { WorkerThreads } from '../src/worker/client.js'
import { PARQUET_DRAW_TASK } from '../src/worker/tasks.js'
import { answerSchemaOf } from '../src/predict/answer-schema.js'
import { readAnswerFile } from '../src/predict/answers.js'
import { checkAnswers } from '../src/predict/check.js'
import { drawHeldOut, writePredictInput } from '../src/predict/heldout.js'
import { floorFailure, scorePredictions } from '../src/predict/score.js'
import { binomialUpperTail, fewestSuccesses, signedRankTest } from '../src/predict/statistics.js'

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname
const temp = () => mkdtemp(path.join(os.tmpdir(), 'predict-parts-'))

const irisSchema = async () =>
  parseTableSchema(await readFile(fixture('iris/iris.schema.yml'), 'utf8'), 'iris.schema.yml')

const drawSettings = (dataset: string, predictRows: number) => ({
  dataset: [dataset],
  workspace: '/',
  cwd: '/',
  predictRows,
  seed: 0,
  dataFormat: undefined,
  delimiter: undefined
})

describe('drawHeldOut', () => {
  it('never draws a row the subset took; stratified by a class label, cast by the schema', async () => {
    const dir = await temp()
    const dataset = fixture('iris/iris.csv')
    const options = { rows: 120, strategy: 'random', seed: 4, format: 'csv' } as const
    const subset = await writeSubset(dataset, path.join(dir, 's.csv'), options)
    const table = await irisSchema()
    const spec = answerSchemaOf(table, 'target', 'iris.schema.yml')
    const heldOut = await drawHeldOut(drawSettings(dataset, 24), subset, table, spec, 's')
    expect(heldOut.available).toBe(30)
    expect(heldOut.rows).toHaveLength(24)
    const taken = new Set(subset.rowIndices)
    expect(heldOut.sourceRows.filter(row => taken.has(row))).toEqual([])
    expect(heldOut.columns).not.toContain('target')
    expect(heldOut.rows[0]['petal length (cm)']).toEqual(expect.any(Number))
    expect(new Set(heldOut.labels)).toEqual(new Set([0, 1, 2]))
    // Every class left over gets its share of the 24 rows (stratified, largest remainder).
    const left = new Map<number, number>()
    const sent = new Map<number, number>()
    let index = 0
    await readTable(
      dataset,
      'csv',
      {},
      {
        header: () => undefined,
        row: cells => {
          if (!taken.has(index++)) left.set(Number(cells[4]), (left.get(Number(cells[4])) ?? 0) + 1)
        },
        problem: () => undefined
      }
    )
    for (const label of heldOut.labels!)
      sent.set(label as number, (sent.get(label as number) ?? 0) + 1)
    for (const [label, count] of left)
      expect(Math.abs(sent.get(label)! - (count * 24) / 30)).toBeLessThan(1)
  })

  it('an integer label of more than 1000 values (a count, a price) is drawn uniformly, not refused', async () => {
    const dir = await temp()
    const dataset = path.join(dir, 'counts.csv')
    const rows = Array.from({ length: 1500 }, (_, i) => `${i},${(i * 7919) % 100_003}`)
    await writeFile(dataset, ['x,target', ...rows, ''].join('\n'))
    const table = parseTableSchema(
      JSON.stringify({
        fields: [
          { name: 'x', type: 'integer' },
          { name: 'target', type: 'integer' }
        ]
      }),
      's'
    )
    const spec = answerSchemaOf(table, 'target', 's')
    expect(spec.label?.kind).toBe('classes')
    const none = { rowIndices: new Uint32Array(0) }
    const heldOut = await drawHeldOut(drawSettings(dataset, 12), none, table, spec, 's')
    expect(heldOut.rows).toHaveLength(12)
    expect(new Set(heldOut.sourceRows).size).toBe(12)
  })

  it('reads a headerless dataset by its dialect: the schema names the columns, the nullSequence is null', async () => {
    const dir = await temp()
    const dataset = path.join(dir, 'data.csv')
    const text = (await readFile(fixture('iris/iris.csv'), 'utf8')).split('\n').slice(1).join('\n')
    await writeFile(dataset, text.replace(/^([^,]*),/, 'NA,'))
    const table = await irisSchema()
    const spec = answerSchemaOf(table, 'target', 's')
    const settings = {
      ...drawSettings(dataset, 150),
      dialect: { header: false, nullSequence: 'NA' }
    }
    const heldOut = await drawHeldOut(
      settings,
      { rowIndices: new Uint32Array(0) },
      table,
      spec,
      's'
    )
    expect(heldOut.columns).toEqual(table.fields.map(f => f.name).filter(name => name !== 'target'))
    expect(heldOut.rows).toHaveLength(150)
    const first = heldOut.sourceRows.indexOf(0)
    expect(heldOut.rows[first][table.fields[0].name]).toBeNull()
  })

  it('writes the rows as JSON Lines, CSV or Parquet, without the label', async () => {
    const dir = await temp()
    const table = await irisSchema()
    const spec = answerSchemaOf(table, 'target', 's')
    const none = { rowIndices: new Uint32Array(0) }
    for (const dataset of [fixture('iris/iris.csv'), fixture('real/iris.parquet')]) {
      const heldOut = await drawHeldOut(drawSettings(dataset, 5), none, table, spec, 's')
      for (const format of ['jsonl', 'csv', 'parquet'] as const) {
        const file = path.join(dir, `in.${format}`)
        await writePredictInput(file, format, heldOut, { source: dataset, table })
        const rows: unknown[][] = []
        let header: string[] = []
        await readTable(
          file,
          format,
          {},
          {
            header: labels => void (header = labels),
            row: cells => void rows.push([...cells]),
            problem: problem => {
              throw new Error(problem.message)
            }
          }
        )
        expect(header).toEqual(heldOut.columns)
        expect(rows).toHaveLength(5)
        expect(Number(rows[0][2])).toBe(heldOut.rows[0]['petal length (cm)'])
      }
    }
  })
})

describe('the draw of a Parquet dataset', () => {
  it('runs in the data worker bundle (dist/worker) and draws the very rows this thread draws', async () => {
    const source = fixture('parquet/zstd-format-v1.parquet')
    const options = { rows: 20, strategy: 'random', seed: 2, format: 'parquet' } as const
    const exclude = Uint32Array.from({ length: 100 }, (_, i) => i * 3)
    const worker = new URL('../dist/worker/index.js', import.meta.url).pathname
    const there = await new WorkerThreads(worker).run({
      task: PARQUET_DRAW_TASK,
      source,
      options,
      exclude
    })
    const here = await drawRows(source, options, {}, exclude)
    expect(there).toEqual(here)
    expect(here.items.filter(item => item.index % 3 === 0 && item.index < 300)).toEqual([])
  })
})

describe('answerSchemaOf', () => {
  it('by default: a prediction like the label (type and classes), and optional probabilities', async () => {
    const spec = answerSchemaOf(await irisSchema(), 'target', 's')
    expect(spec.schema.fields).toEqual([
      { name: 'prediction', type: 'integer', constraints: { required: true, enum: [0, 1, 2] } },
      { name: 'probabilities', type: 'any' }
    ])
    expect(spec).toMatchObject({ prediction: 'prediction', probabilities: 'probabilities' })
    expect(spec.label).toMatchObject({
      column: 'target',
      kind: 'classes',
      classes: ['0', '1', '2']
    })
    const unlabelled = answerSchemaOf(await irisSchema(), undefined, 's')
    expect(unlabelled.schema.fields[0]).toMatchObject({ name: 'prediction', type: 'any' })
  })

  it('a predictions section as written; what it names must be there', () => {
    const table = parseTableSchema(
      [
        'fields: [{name: id, type: integer}, {name: x, type: number}, {name: y, type: number}]',
        'predictions:',
        '  fields: [{name: id, type: integer}, {name: yhat, type: number, constraints: {required: true}}]',
        '  id: id'
      ].join('\n'),
      'schema.yml'
    )
    expect(answerSchemaOf(table, 'y', 's')).toMatchObject({
      prediction: 'yhat',
      id: 'id',
      label: { kind: 'numbers' }
    })
    const bad = (section: string) => () =>
      answerSchemaOf(
        parseTableSchema(`fields: [{name: id}, {name: y}]\npredictions: ${section}`, 'schema.yml'),
        'y',
        'schema.yml'
      )
    expect(bad('{id: key}')).toThrow(
      'schema.yml: predictions.id: "key" is not a field of the table (fields: id, y); answers echo it from their row'
    )
    expect(bad('{id: y}')).toThrow('predictions.id: "y" is the label column, which is not sent')
    expect(bad('{fields: [{name: a}, {name: b}], prediction: c}')).toThrow(
      'schema.yml: predictions.prediction: "c" is not a field of the answer (fields: a, b)'
    )
    expect(() =>
      parseTableSchema('fields: [{name: a}]\npredictions: {field: [1]}', 'schema.yml')
    ).toThrow(/schema\.yml: predictions: /)
  })
})

describe('checkAnswers', () => {
  const table = parseTableSchema(
    [
      'fields: [{name: id, type: integer}, {name: x, type: number}, {name: y, type: string, constraints: {enum: [a, b]}}]',
      'predictions: {id: id}'
    ].join('\n'),
    's'
  )
  const spec = answerSchemaOf(table, 'y', 's')
  const rows = [1, 2, 3].map(id => ({ id, x: id / 10 }))

  async function check(lines: string[]) {
    const dir = await temp()
    const file = path.join(dir, 'out.jsonl')
    await writeFile(file, lines.join('\n'))
    const read = await readAnswerFile(file, 100)
    return checkAnswers(read.answers, read, rows, spec, 's')
  }

  it('by id: answers in any order are matched to their rows', async () => {
    const result = await check([
      '{"id": 3, "prediction": "b"}',
      '{"id": 1, "prediction": "a"}',
      '{"id": 2, "prediction": "a"}'
    ])
    expect(result.violationCount).toBe(0)
    expect(result.byRow.map(row => row.prediction)).toEqual(['a', 'a', 'b'])
  })

  it('by id: unknown, repeated and missing ids, each at its line and row', async () => {
    const result = await check([
      '{"id": 3, "prediction": "b"}',
      '{"id": 9, "prediction": "a"}',
      '{"id": 3, "prediction": "a"}'
    ])
    expect(result.violations.map(v => [v.code, v.line, v.rowNumber, v.message])).toEqual([
      ['unknown-id', 2, 2, '"id" 9 is not the id of a row sent'],
      ['duplicate-answer', 3, 3, 'row 3 ("id" 3) is answered again'],
      ['missing-answer', undefined, 1, 'no answer echoes its "id" 1 (1 of 3 rows were answered)'],
      ['missing-answer', undefined, 2, 'no answer echoes its "id" 2 (1 of 3 rows were answered)']
    ])
  })

  it('a JSON array of answers is read too; a bad answer spoils only its own prediction', async () => {
    const result = await check([
      '[{"id": 1, "prediction": "a"}, {"id": 2, "prediction": "c"}, {"id": 3, "prediction": "b", "probabilities": {"a": 0.2, "b": 0.9}}]'
    ])
    expect(result.violations.map(v => [v.code, v.field])).toEqual([
      ['constraint-error', 'prediction'],
      ['probability-sum', 'probabilities']
    ])
    expect(result.byRow.map(row => row.prediction)).toEqual(['a', undefined, 'b'])
  })
})

describe('scorePredictions and the floor', () => {
  it('classes: accuracy, macro-F1 and the majority class on the same rows', () => {
    const labels = ['a', 'a', 'a', 'b', 'b', 'c']
    const score = scorePredictions('classes', labels, ['a', 'a', 'b', 'b', 'b', 'c'])!
    expect(score).toMatchObject({ rows: 6, baseline: 0.5, trivial: 'a' })
    expect(score.score).toBeCloseTo(5 / 6)
    // F1: a 0.8, b 0.8, c 1.
    expect(score.macroF1).toBeCloseTo((0.8 + 0.8 + 1) / 3)
    expect(score.baselineMacroF1).toBeCloseTo(2 / 3 / 3)
    expect(score.test!.p).toBeCloseTo(binomialUpperTail(6, 5, 0.5))
  })

  it('numbers: R² and MAE against the mean, and the signed-rank test on squared errors', () => {
    const y = Array.from({ length: 30 }, (_, i) => i)
    const good = scorePredictions(
      'numbers',
      y,
      y.map(v => v + (v % 2 ? 0.5 : -0.5))
    )!
    expect(good.score).toBeGreaterThan(0.99)
    expect(good.mae).toBeCloseTo(0.5)
    expect(good.baselineMae).toBeCloseTo(7.5)
    expect(good.test!.p).toBeLessThan(1e-6)
    expect(floorFailure(good, 'auto')).toBeNull()
    const constant = scorePredictions(
      'numbers',
      y,
      y.map(() => 14)
    )!
    expect(floorFailure(constant, 'auto')).toMatch(
      /^the model does not beat the trivial predictor by more than chance: R² -0\.00\d+, MAE 7\.50 against 7\.50 for always answering the mean 14\.5 \(30 held-out rows\); p = /
    )
  })

  it('labels or answers that are missing are not scored; nothing to score is undefined', () => {
    expect(scorePredictions('classes', [null, 'a'], ['a', undefined])).toBeUndefined()
  })
})

describe('the tests', () => {
  it('binomial tails are exact: P(X ≥ 8 | 10, ½) = 56/1024; fewest successes at 5 %', () => {
    expect(binomialUpperTail(10, 8, 0.5)).toBeCloseTo(56 / 1024, 12)
    expect(binomialUpperTail(10, 0, 0.3)).toBe(1)
    expect(binomialUpperTail(10, 11, 0.3)).toBe(0)
    expect(fewestSuccesses(10, 0.5, 0.05)).toBe(9)
    expect(fewestSuccesses(4, 0.5, 0.05)).toBeUndefined()
    // 10,000 rows: no overflow or underflow.
    expect(binomialUpperTail(10_000, 3500, 1 / 3)).toBeLessThan(1e-3)
  })

  it('signed ranks: exact for small samples, ties at mid-ranks; normal for large ones', () => {
    expect(signedRankTest([1, 2, 3, 4, 5])).toEqual({ pairs: 5, wPlus: 15, p: 1 / 32, exact: true })
    // Ranks 1.5, 1.5, 3: W+ = 4.5 of 6; P(W+ ≥ 4.5) = 3/8 (sign patterns 1.5+3, 1.5+3, 1.5+1.5+3).
    expect(signedRankTest([1, -1, 2, 0]).p).toBeCloseTo(3 / 8)
    expect(signedRankTest([2, -1, 1]).p).toBeCloseTo(3 / 8)
    const many = Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? -1 : 1) * (i + 1))
    const large = signedRankTest(many)
    expect(large.exact).toBe(false)
    expect(large.p).toBeLessThan(1e-6)
  })
})
