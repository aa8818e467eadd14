/**
 * A dataset of many files as one table: what a folder, a glob or a list names, validated file by file
 * with positions that name the file, keys across the files, and a subset drawn across them.
 */
import { copyFile, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import { resolveDataset, MAX_DATASET_FILES } from '../src/data/dataset-files.js'
import { parseTableSchema } from '../src/data/schema.js'
import { validateStage } from '../src/data/stage.js'
import { validateDataset } from '../src/data/validate-dataset.js'
import { writeSubset } from '../src/sample/subset.js'
import { parseSettings, DATA_OPTIONS } from '../src/config.js'
import { WorkerThreads, workerBundleBeside } from '../src/worker/client.js'
import { UserError } from '../src/errors.js'

const root = new URL('../', import.meta.url).pathname
const fixture = (name: string) => path.join(root, 'fixtures', name)

const SCHEMA = `
fields:
  - {name: id, type: integer}
  - {name: x, type: number, constraints: {minimum: 0}}
  - {name: label, type: string}
primaryKey: id
`

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'many-'))
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
    await writeFile(path.join(dir, name), text)
  }
  return dir
}

const resolveIn = (dir: string, entries: string[]) =>
  resolveDataset(
    entries.map(entry => path.resolve(dir, entry)),
    { workspace: dir, cwd: dir, what: 'dataset' }
  )

async function problem(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught
  )
  expect(error).toBeInstanceOf(UserError)
  return (error as Error).message
}

/** Validates through the stage, as `ml-smoke validate --dataset ...` does. */
async function validate(dir: string, dataset: string[], schema = SCHEMA) {
  await writeFile(path.join(dir, 'schema.yml'), schema)
  const config = parseSettings(DATA_OPTIONS, { dataset, schema: 'schema.yml' }, dir, n => n)
  return validateStage({ config, ports: { worker: undefined } })
}

describe('a dataset of many files', () => {
  it('takes a folder, a glob or a list; sorted, each file once, without _SUCCESS and dot files', async () => {
    const dir = await folder({
      'data/part-1.csv': 'id,x,label\n3,1,a\n',
      'data/part-0.csv': 'id,x,label\n1,1,a\n',
      'data/sub/part-2.csv': 'id,x,label\n5,1,b\n',
      'data/_SUCCESS': '',
      'data/.part-0.csv.crc': 'x',
      'data/_temporary/part-9.csv': 'id,x,label\n9,9,z\n'
    })
    const expected = ['data/part-0.csv', 'data/part-1.csv', 'data/sub/part-2.csv']
    expect((await resolveIn(dir, ['data/'])).names).toEqual(expected)
    expect((await resolveIn(dir, ['data/**/part-*.csv'])).names).toEqual(expected)
    const listed = await resolveIn(dir, [
      'data/sub/part-2.csv',
      'data/part-*.csv',
      'data/part-0.csv'
    ])
    expect(listed).toMatchObject({ names: expected, format: 'csv' })
    expect(listed.files).toEqual(expected.map(name => path.join(dir, name)))
  })

  it('refuses files of different formats, naming them', async () => {
    const dir = await folder({
      'data/a.csv': 'id,x,label\n1,1,a\n',
      'data/b.csv': 'id,x,label\n2,1,a\n',
      'data/c.jsonl': '{"id": 3, "x": 1, "label": "a"}\n'
    })
    expect(await problem(resolveIn(dir, ['data']))).toBe(
      'dataset mixes formats: csv (data/a.csv, data/b.csv); jsonl (data/c.jsonl); the files of one dataset must share one format'
    )
    // data-format names one format for all: then each file is read as it says.
    const forced = await resolveDataset([path.join(dir, 'data')], {
      workspace: dir,
      cwd: dir,
      what: 'dataset',
      dataFormat: 'csv'
    })
    expect(forced.files).toHaveLength(3)
  })

  it('fails when a pattern, a folder or a path matches no file, naming it', async () => {
    const dir = await folder({
      'empty/_SUCCESS': '',
      'data/a.csv': 'id,x,label\n1,1,a\n',
      'data/_b.csv': 'id,x,label\n2,1,a\n'
    })
    expect(await problem(resolveIn(dir, ['data/a.csv', 'data/*.parquet']))).toBe(
      'dataset "data/*.parquet" matched no files'
    )
    expect(await problem(resolveIn(dir, ['empty/']))).toBe(
      'dataset empty is a folder with no data files in it (only files under names that start with _ or ., which are skipped)'
    )
    expect(await problem(resolveIn(dir, ['data/_*.csv']))).toBe(
      'dataset "data/_*.csv" matched no files (only files under names that start with _ or ., which are skipped)'
    )
    expect((await resolveIn(dir, ['data/_b.csv'])).names).toEqual(['data/_b.csv'])
    expect(await problem(resolveIn(dir, ['nope.csv']))).toBe('dataset not found: nope.csv')
    const stage = await problem(validate(dir, ['data/*.tsv']))
    expect(stage).toBe('dataset "data/*.tsv" matched no files')
  })

  it(`reads at most ${MAX_DATASET_FILES.toLocaleString('en-US')} files`, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'many-'))
    await mkdir(path.join(dir, 'parts'))
    for (let i = 0; i <= MAX_DATASET_FILES; i++)
      await writeFile(path.join(dir, 'parts', `p${i}.csv`), '')
    expect(await problem(resolveIn(dir, ['parts']))).toBe(
      'dataset has more than 10,000 files; ml-smoke reads at most that many in one dataset: name fewer (a narrower pattern)'
    )
  })

  it('never follows a link out of the workspace from a folder or a pattern', async () => {
    const outside = await folder({ 'secret.csv': 'id,x,label\n1,1,a\n' })
    const dir = await folder({ 'data/a.csv': 'id,x,label\n2,1,a\n' })
    await symlink(path.join(outside, 'secret.csv'), path.join(dir, 'data', 'b.csv'))
    expect(await problem(resolveIn(dir, ['data']))).toMatch(
      /^dataset "data" reaches .*secret\.csv through a symbolic link, outside .*: a dataset's folders and patterns stay inside the workspace$/
    )
    expect(await problem(resolveIn(dir, ['data/*.csv']))).toMatch(/outside/)
  })

  it('validates every file, naming the file at each position, with keys unique across files', async () => {
    const dir = await folder({
      'data/a.csv': 'id,x,label\n1,0.5,a\n2,-1,b\n',
      'data/b.csv': 'id,x,label\n3,1,a\n2,2,b\n4,oops,a\n',
      'data/c.csv': ''
    })
    const result = await validate(dir, ['data/*.csv'])
    expect(result.status).toBe('failed')
    const { validation } = result.data
    expect(validation.rows).toBe(5)
    expect(
      validation.violations.map(v => [v.file, v.line, v.rowNumber, v.code, v.message])
    ).toEqual([
      ['data/a.csv', 3, 3, 'constraint-error', 'field "x": -1 is below the minimum 0'],
      ['data/b.csv', 3, 3, 'primary-key', 'primary key (id) repeats row 3 of data/a.csv'],
      ['data/b.csv', 4, 4, 'type-error', 'field "x": expected a number; got "oops"'],
      [
        'data/c.csv',
        1,
        1,
        'source-error',
        'the file is empty: expected a header or rows with id, x, label'
      ]
    ])
    expect(validation.countsByCode).toEqual({
      'constraint-error': 1,
      'primary-key': 1,
      'type-error': 1,
      'source-error': 1
    })
    expect(result.message).toBe(
      '4 violations in data/*.csv (3 files) (first, data/a.csv:3: field "x": -1 is below the minimum 0)'
    )
  })

  it('validates a folder of Parquet files in the data worker as in this thread', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'many-'))
    for (const name of ['a', 'b'])
      await copyFile(fixture('real/iris.parquet'), path.join(dir, `${name}.parquet`))
    const files = [path.join(dir, 'a.parquet'), path.join(dir, 'b.parquet')]
    const schema = parseTableSchema(
      await readFile(fixture('iris/iris.schema.yml'), 'utf8'),
      'iris.schema.yml'
    )
    const options = {
      format: 'parquet' as const,
      maxViolations: 10,
      schemaLabel: 'iris.schema.yml',
      fileNames: ['a.parquet', 'b.parquet']
    }
    const entry = workerBundleBeside(pathToFileURL(path.join(root, 'dist', 'index.js')).href)!
    const inWorker = await validateDataset(files, schema, options, new WorkerThreads(entry))
    const here = await validateDataset(files, schema, options, undefined)
    expect(inWorker).toEqual(here)
    expect(here).toMatchObject({ rows: 300, violationCount: 0 })
  })

  it('draws the subset across the files: the same rows for the same seed, stratified across them', async () => {
    const rows = (label: string, from: number) =>
      Array.from({ length: 40 }, (_, i) => `${from + i},${i},${label}`).join('\n')
    const dir = await folder({
      'a.csv': `id,x,label\n${rows('a', 0)}\n`,
      'b.csv': `id,x,label\n${rows('b', 100)}\n`,
      'c.csv': `id,x,label\n${rows('c', 200).split('\n').slice(0, 4).join('\n')}\n`
    })
    const files = ['a.csv', 'b.csv', 'c.csv'].map(name => path.join(dir, name))
    const options = {
      rows: 12,
      strategy: 'stratified' as const,
      seed: 3,
      format: 'csv' as const,
      labelColumn: 'label',
      minPerClass: 2
    }
    const first = await writeSubset(files, path.join(dir, 's1.csv'), options)
    const again = await writeSubset(files, path.join(dir, 's2.csv'), options)
    const other = await writeSubset(files, path.join(dir, 's3.csv'), { ...options, seed: 4 })
    expect(again.sha256).toBe(first.sha256)
    expect(other.sha256).not.toBe(first.sha256)
    expect(first.classes).toEqual({
      a: { available: 40, chosen: 5 },
      b: { available: 40, chosen: 5 },
      c: { available: 4, chosen: 2 }
    })
    const text = await readFile(path.join(dir, 's1.csv'), 'utf8')
    expect(text.split('\n')[0]).toBe('id,x,label')
    // Rows are numbered across the files, in their order.
    expect([...first.rowIndices].some(index => index >= 80)).toBe(true)
  })

  it('refuses to draw across files whose columns differ, naming them', async () => {
    const dir = await folder({ 'a.csv': 'id,x,label\n1,1,a\n', 'b.csv': 'id,label,x\n2,b,1\n' })
    const files = ['a.csv', 'b.csv'].map(name => path.join(dir, name))
    const options = { rows: 2, strategy: 'random' as const, seed: 0, format: 'csv' as const }
    expect(await problem(writeSubset(files, path.join(dir, 's.csv'), options))).toBe(
      'b.csv has the columns (id, label, x) but a.csv has (id, x, label): every file of a dataset needs the same columns in the same order'
    )
  })
})
