/**
 * A dataset validated across a matrix (ml-smoke plan → validate --shard i/N → merge) reports exactly what
 * one runner reports on the whole dataset, byte for byte in --json; and a merge that lacks a shard, has
 * one twice, or mixes plans, fails naming it.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile, mkdir, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { describe, expect, it } from '@jest/globals'
import { parquetWriteFile } from 'hyparquet-writer'
import { parseSettings, SAMPLE_OPTIONS } from '../src/config.js'
import { trainingDataset } from '../src/data/dataset-files.js'
import { profileDataset } from '../src/data/profile.js'
import { loadTableSchema } from '../src/data/schema.js'
import type { ShardPlan } from '../src/data/shards/plan.js'
import { sampleFileOf, shardCandidates } from '../src/data/shards/sample.js'
import { answerSchemaOf } from '../src/predict/answer-schema.js'
import { drawHeldOut } from '../src/predict/heldout.js'
import { sampleStage } from '../src/sample/stage.js'
import type { CandidateFile } from '../src/sample/types.js'
import { mlSmokeIn } from './harness/cli.js'

const root = new URL('../', import.meta.url).pathname
const mlSmoke = mlSmokeIn

/** One matrix job: `validate --shard` writing `state`, by the plan job's `plan` (else it plans again). */
function validateShard(
  cwd: string,
  data: string[],
  shard: string,
  state: string,
  plan?: string,
  flags: string[] = []
) {
  const planned = plan === undefined ? [] : ['--plan', plan]
  return mlSmoke(cwd, [
    'validate',
    ...data,
    ...flags,
    '--shard',
    shard,
    ...planned,
    '--state-out',
    state
  ])
}

/** Plans `shards`, validates each shard (as its own matrix job would), merges; the plan and the merge's output. */
async function asMatrix(
  cwd: string,
  data: string[],
  shards: number,
  extra: string[] = [],
  shardOnly: string[] = []
) {
  const out = await mkdtemp(path.join(os.tmpdir(), 'shards-'))
  const planFile = path.join(out, 'plan.json')
  const planned = await mlSmoke(cwd, [
    'plan',
    '--shards',
    String(shards),
    ...data,
    '--out',
    planFile
  ])
  expect(planned.stderr).toMatch(/^ml-smoke plan/)
  const matrix = JSON.parse(planned.stdout) as { include: Array<{ shard: string }> }
  const states: string[] = []
  for (const { shard } of matrix.include) {
    const state = path.join(out, `state-${shard.replace('/', '-of-')}.json`)
    const job = await validateShard(cwd, data, shard, state, planFile, [...extra, ...shardOnly])
    expect(job).toMatchObject({ code: 0, stdout: '' })
    states.push(state)
  }
  const merged = await mlSmoke(cwd, ['merge', ...states, ...data, ...extra, '--json'])
  const plan = JSON.parse(await readFile(planFile, 'utf8')) as ShardPlan
  return { plan, matrix, states, merged, out }
}

async function singleRunner(cwd: string, data: string[], extra: string[] = []) {
  return mlSmoke(cwd, ['validate', ...data, ...extra, '--threads', '1', '--json'])
}

/** A tiny seeded generator (mulberry32), so the planted faults land in the same rows every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SCHEMA = {
  fields: [
    { name: 'id', type: 'integer', constraints: { required: true } },
    { name: 'email', type: 'string', constraints: { unique: true } },
    { name: 'score', type: 'number', constraints: { minimum: 0, maximum: 1 } },
    { name: 'note', type: 'string' },
    { name: 'label', type: 'string', constraints: { enum: ['cat', 'dog', 'bird'] } }
  ],
  primaryKey: ['id'],
  mlChecks: {
    label: { column: 'label', minShare: 0.05 },
    duplicateRows: 'error',
    rows: { min: 10 }
  }
}

/**
 * CSV files with every kind of fault a merge must place right: type and constraint errors, ids and
 * emails repeated within a file and across files (so across shards), whole rows repeated, blank lines,
 * quoted cells holding line breaks (a record of several lines), short and long rows, CRLF files.
 */
async function plantedCsvDataset(folder: string, files: number[], seed = 7): Promise<void> {
  const next = random(seed)
  let id = 0
  const rows: string[] = []
  for (const [f, count] of files.entries()) {
    const lines = ['id,email,score,note,label']
    for (let i = 0; i < count; i++) {
      const roll = next()
      const rowId = roll < 0.01 && id > 10 ? Math.floor(next() * id) : ++id
      const email =
        roll > 0.995 && id > 10
          ? `user${Math.floor(next() * id)}@x.org`
          : `user${rowId}.${f}.${i}@x.org`
      const score =
        roll > 0.02 && roll < 0.03
          ? 'high'
          : roll > 0.03 && roll < 0.035
            ? '1.5'
            : next().toFixed(3)
      const note =
        roll > 0.1 && roll < 0.13
          ? `"line one\nline two, with ""quotes"""`
          : roll > 0.5 && roll < 0.52
            ? ''
            : `note ${i}`
      const label =
        roll > 0.6 && roll < 0.605 ? 'fish' : ['cat', 'dog', 'bird'][Math.floor(next() * 3)]
      let line = `${rowId},${email},${score},${note},${label}`
      if (roll > 0.7 && roll < 0.703) line += ',extra'
      if (roll > 0.8 && roll < 0.803) line = `${rowId},${email},${score}`
      if (roll > 0.9 && roll < 0.905 && rows.length) line = rows[Math.floor(next() * rows.length)]
      if (roll > 0.95 && roll < 0.953) lines.push('')
      rows.push(line)
      lines.push(line)
    }
    const eol = f % 2 ? '\r\n' : '\n'
    // A file of no rows is written empty: no header either, which is a fault of its own.
    await writeFile(
      path.join(folder, `part-${String(f).padStart(3, '0')}.csv`),
      count ? `${lines.join(eol)}${eol}` : ''
    )
  }
}

async function workspace(schema: object = SCHEMA): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sharded-'))
  await mkdir(path.join(dir, 'data'))
  await writeFile(path.join(dir, 'schema.json'), JSON.stringify(schema))
  return dir
}

describe('plan, validate --shard, merge', () => {
  it("a file of the fixtures cut in three gives the single runner's --json, byte for byte", async () => {
    const data = [
      '--dataset',
      'fixtures/iris/broken.csv',
      '--schema',
      'fixtures/iris/iris.schema.yml'
    ]
    const { plan, merged } = await asMatrix(root, data, 3)
    expect(plan.shards.map(parts => parts.map(part => part.start))).toEqual([
      [0],
      [expect.any(Number)],
      [expect.any(Number)]
    ])
    const single = await singleRunner(root, data)
    expect(single.code).toBe(1)
    expect(merged.code).toBe(1)
    expect(merged.stdout).toBe(single.stdout)
  })

  it('a dataset of many CSV files with planted faults and keys repeated across shards: the same report for 1 to 16 shards', async () => {
    const dir = await workspace()
    await plantedCsvDataset(path.join(dir, 'data'), [900, 40, 1500, 0, 700, 1200, 5])
    // An empty file is a fault of its own (no header).
    const data = ['--dataset', 'data', '--schema', 'schema.json', '--max-violations', '60']
    const single = await singleRunner(dir, data)
    expect(single.stderr).toBe('')
    const report = JSON.parse(single.stdout)
    expect(single.code).toBe(1)
    // The planted faults are all there, including repeats that only a comparison across files finds.
    expect(Object.keys(report.stats.byCode)).toEqual(
      expect.arrayContaining([
        'type-error',
        'constraint-error',
        'primary-key',
        'unique-error',
        'duplicate-row',
        'blank-row',
        'extra-cell',
        'missing-cell',
        'source-error'
      ])
    )
    expect(
      report.violations.some((v: { message: string }) => / of data\/part-\d+\.csv/.test(v.message))
    ).toBe(true)
    expect(report.truncated).toBe(true)
    for (const shards of [1, 2, 5, 16]) {
      const { plan, merged, states } = await asMatrix(dir, data, shards)
      expect(plan.shards.length).toBe(shards)
      expect(merged.stdout).toBe(single.stdout)
      expect(merged.code).toBe(1)
      for (const state of states) expect((await stat(state)).size).toBeLessThan(1024 * 1024)
    }
  })

  it("Parquet files are cut between row groups and give the single runner's report", async () => {
    const dir = await workspace({
      fields: [
        { name: 'id', type: 'integer' },
        { name: 'score', type: 'number', constraints: { maximum: 9.5 } }
      ],
      primaryKey: ['id']
    })
    for (const f of [0, 1]) {
      const n = 3000
      parquetWriteFile({
        filename: path.join(dir, 'data', `part-${f}.parquet`),
        rowGroupSize: 500,
        columnData: [
          // Ids repeat across the two files (every 400th row of the second file) and so across shards.
          {
            name: 'id',
            type: 'INT32',
            data: Array.from({ length: n }, (_, i) => (f && i % 400 === 0 ? i + 7 : f * n + i))
          },
          {
            name: 'score',
            type: 'DOUBLE',
            data: Array.from({ length: n }, (_, i) => (i % 101) / 10)
          }
        ]
      })
    }
    const data = ['--dataset', 'data', '--schema', 'schema.json']
    const single = await singleRunner(dir, data)
    expect(JSON.parse(single.stdout).stats.byCode).toMatchObject({ 'primary-key': 8 })
    const { plan, merged } = await asMatrix(dir, data, 5)
    expect(plan.shards.flat().some(part => part.rowGroups && part.rowGroups.from > 0)).toBe(true)
    expect(merged.stdout).toBe(single.stdout)
  })

  it('JSON Lines files stay whole: fewer shards than asked when there are fewer files', async () => {
    const dir = await workspace({
      fields: [{ name: 'id', type: 'integer', constraints: { unique: true } }]
    })
    await writeFile(path.join(dir, 'data', 'a.jsonl'), '{"id": 1}\n{"id": 2}\n')
    await writeFile(path.join(dir, 'data', 'b.jsonl'), '{"id": 2}\n{"id": "x"}\n')
    const data = ['--dataset', 'data', '--schema', 'schema.json']
    const { plan, merged } = await asMatrix(dir, data, 4)
    expect(plan.shards).toEqual([[{ file: 0 }], [{ file: 1 }]])
    expect(merged.stdout).toBe((await singleRunner(dir, data)).stdout)
  })

  it('three splits (CSV files, a CSV, JSON Lines) with planted leaks and ids repeated across shards: the same report and splits for 1 to 9 shards', async () => {
    const dir = await workspace({
      fields: [
        { name: 'id', type: 'integer' },
        { name: 'x', type: 'number' },
        { name: 'text', type: 'string' },
        { name: 'label', type: 'string', constraints: { enum: ['a', 'b'] } }
      ],
      primaryKey: ['id'],
      mlChecks: { label: { column: 'label' } }
    })
    const next = random(11)
    const row = (id: number) => ({
      id,
      // Distinct for distinct ids: only the planted rows leak.
      x: ((id * 37) % 100_003) / 100,
      text: next() < 0.1 ? 'two\nlines, "quoted"' : `t${Math.floor(next() * 1e6)}`,
      label: next() < 0.3 ? 'a' : 'b'
    })
    const csv = (rows: Array<ReturnType<typeof row>>) =>
      `id,x,text,label\n${rows.map(r => `${r.id},${r.x},"${r.text.replace(/"/g, '""')}",${r.label}`).join('\n')}\n`
    const train = Array.from({ length: 1200 }, (_, i) => row(i + 1))
    // An id repeated in another file of train (so in another shard), and a label out of the enum.
    train[1100].id = 17
    train[600].label = 'c'
    await mkdir(path.join(dir, 'data', 'train'))
    for (const [f, slice] of [
      train.slice(0, 500),
      train.slice(500, 900),
      train.slice(900)
    ].entries())
      await writeFile(path.join(dir, 'data', 'train', `part-${f}.csv`), csv(slice))
    // Valid: 2 rows of train again under new ids (leaks by value), one written as 1.0 for 1 (the same number).
    const valid = Array.from({ length: 300 }, (_, i) => row(5000 + i))
    valid[10] = { ...train[42], id: 6000 }
    valid[200] = { ...train[1150], id: 6001 }
    await writeFile(path.join(dir, 'data', 'valid.csv'), csv(valid))
    // Test: JSON Lines, one row of valid and one of train again.
    const test = Array.from({ length: 200 }, (_, i) => row(7000 + i))
    test[5] = { ...valid[7], id: 8000 }
    test[150] = { ...train[3], id: 8001 }
    await writeFile(
      path.join(dir, 'data', 'test.jsonl'),
      test.map(r => JSON.stringify(r)).join('\n') + '\n'
    )
    const data = [
      '--split',
      'train=data/train',
      '--split',
      'valid=data/valid.csv',
      '--split',
      'test=data/test.jsonl',
      '--schema',
      'schema.json'
    ]
    const single = await singleRunner(dir, data)
    const report = JSON.parse(single.stdout)
    expect(single.code).toBe(1)
    expect(report.splits.leakage.pairs.map((p: { rows: number }) => p.rows)).toEqual([2, 1, 1])
    expect(report.stats.byCode).toMatchObject({ 'primary-key': 1, 'constraint-error': 1 })
    for (const shards of [1, 3, 9]) {
      const { plan, merged } = await asMatrix(dir, data, shards)
      expect(plan.tables.map(t => t.split)).toEqual(['train', 'valid', 'test'])
      expect(merged.stdout).toBe(single.stdout)
      expect(merged.code).toBe(1)
    }
  })

  it('foreign keys into the same table, broken and kept across files and shards: the same report for 1, 2 and 5 shards', async () => {
    const dir = await workspace({
      fields: [
        { name: 'id', type: 'integer' },
        { name: 'parent', type: 'integer' },
        { name: 'region', type: 'string' },
        { name: 'name', type: 'string' },
        { name: 'near', type: 'string' }
      ],
      primaryKey: ['id'],
      foreignKeys: [
        { fields: 'parent', reference: { resource: '', fields: 'id' } },
        { fields: ['region', 'near'], reference: { fields: ['region', 'name'] } }
      ]
    })
    const sizes = [700, 450, 900, 600]
    const total = sizes.reduce((sum, n) => sum + n, 0)
    const next = random(23)
    const pick = (from: number, to: number) => from + Math.floor(next() * (to - from))
    const regions = ['n', 's', 'e', 'w']
    const rows: Array<{ id: string; parent: string; region: string; name: string; near: string }> =
      []
    let id = 0
    for (const [f, count] of sizes.entries()) {
      const lines = ['id,parent,region,name,near']
      for (let i = 0; i < count; i++) {
        id++
        const roll = next()
        // Most rows of the first file refer only to rows of the last (so of another shard); a parent
        // written 007 is the integer 7.
        // Row 12 of each file breaks both keys.
        const parent =
          i === 10 || roll < 0.03
            ? String(total + pick(1, 50)) // no such id: broken
            : roll < 0.05
              ? ''
              : roll < 0.06
                ? '007'
                : String(f === 0 ? pick(total - 600, total + 1) : pick(1, total + 1))
        // Region x has no empty name: a row of it with an empty near is broken, (x, null).
        const region = roll > 0.92 && roll < 0.925 ? 'x' : regions[id % 4]
        // Name pK is in region K % 4; an empty one is a key (region, null), which an empty near refers to.
        const name = roll > 0.97 ? '' : `p${id % 500}`
        const near =
          i === 10 || (roll > 0.9 && roll < 0.92)
            ? `q${id}` // no row has this name: broken
            : roll > 0.92 && roll < 0.94
              ? ''
              : `p${4 * pick(0, 125) + (id % 4)}` // a name of the row's region (p5 is in s)
        // An id that is not an integer is no row's key: a parent naming it is broken.
        const shownId = roll > 0.5 && roll < 0.505 ? `${id}x` : String(id)
        rows.push({ id: shownId, parent, region, name, near })
        lines.push(`${shownId},${parent},${region},${name},${near}`)
      }
      await writeFile(path.join(dir, 'data', `part-${f}.csv`), `${lines.join('\n')}\n`)
    }
    // The broken references, as the spec counts them (an empty parent refers to nothing).
    const ids = new Set(rows.map(row => Number(row.id)))
    const names = new Set(rows.map(row => `${row.region}/${row.name}`))
    const expected =
      rows.filter(row => row.parent !== '' && !ids.has(Number(row.parent))).length +
      rows.filter(row => !names.has(`${row.region}/${row.near}`)).length
    for (const max of ['1000', '25']) {
      const data = ['--dataset', 'data', '--schema', 'schema.json', '--max-violations', max]
      const single = await singleRunner(dir, data)
      expect(single.stderr).toBe('')
      const report = JSON.parse(single.stdout)
      const broken = report.violations.filter((v: { code: string }) => v.code === 'foreign-key')
      expect(report.stats.byCode['foreign-key']).toBe(expected)
      if (max === '1000') {
        // Broken in every file, on both keys, a null part named.
        expect(new Set(broken.map((v: { file: string }) => v.file)).size).toBe(4)
        expect(broken.map((v: { message: string }) => v.message)).toEqual(
          expect.arrayContaining([
            expect.stringMatching(
              /^foreign key \(parent\) = \(\d+\) is not the \(id\) of any row$/
            ),
            expect.stringMatching(/^foreign key \(region, near\) = \([nsew], q\d+\) is not the/),
            expect.stringMatching(/^foreign key \(region, near\) = \(x, null\) is not the/)
          ])
        )
        // After every other violation (they need every row), by file and row, then by key.
        const codes = report.violations.map((v: { code: string }) => v.code)
        expect(codes.indexOf('foreign-key')).toBe(codes.length - broken.length)
        const places: number[][] = broken.map(
          (v: { file: string; rowNumber: number; message: string }) => [
            Number(v.file.replace(/\D/g, '')),
            v.rowNumber,
            v.message.includes('(parent)') ? 0 : 1
          ]
        )
        const inOrder = [...places].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2])
        expect(places).toEqual(inOrder)
        expect(places.filter(([, row]) => row === 12)).toHaveLength(8)
      } else expect(report.truncated).toBe(true)
      for (const shards of [1, 2, 5]) {
        const { plan, merged } = await asMatrix(dir, data, shards)
        expect(plan.shards.length).toBe(shards)
        expect(merged.stdout).toBe(single.stdout)
        expect(merged.code).toBe(1)
      }
    }
  })

  it('a shard job needs only the files its parts read (it may download just those)', async () => {
    const dir = await workspace()
    await plantedCsvDataset(path.join(dir, 'data'), [300, 300, 300, 300])
    const data = ['--dataset', 'data', '--schema', 'schema.json']
    const { out, plan } = await asMatrix(dir, data, 4)
    const planFile = path.join(out, 'plan.json')
    const states: string[] = []
    for (const [i, parts] of plan.shards.entries()) {
      // A job's checkout of the schema and only its part's files.
      const job = await workspace()
      for (const part of parts)
        await copyFile(
          path.join(dir, plan.files[part.file].name),
          path.join(job, plan.files[part.file].name)
        )
      const state = path.join(out, `alone-${i + 1}.json`)
      const shard = `${i + 1}/${plan.shards.length}`
      expect(await validateShard(job, data, shard, state, planFile)).toMatchObject({ code: 0 })
      states.push(state)
    }
    expect(plan.shards.length).toBe(4)
    const merged = await mlSmoke(dir, ['merge', ...states, ...data, '--json'])
    expect(merged.stdout).toBe((await singleRunner(dir, data)).stdout)
    // Without the plan, a shard makes the plan again from what it has: another plan, which the merge refuses.
    const partial = await workspace()
    await copyFile(
      path.join(dir, 'data', 'part-000.csv'),
      path.join(partial, 'data', 'part-000.csv')
    )
    const alone = path.join(out, 'replanned.json')
    const replanned = await validateShard(partial, data, '1/4', alone)
    expect(replanned.code).toBe(0)
    const mixed = await mlSmoke(dir, ['merge', alone, ...states.slice(1), ...data])
    expect(mixed.code).toBe(2)
    expect(mixed.stderr).toMatch(
      /was made by plan \w+ and .* by plan \w+: merge the states of one plan/
    )
  })

  it('the merge reads again only the files that hold a repeated key', async () => {
    const dir = await workspace({
      fields: [
        { name: 'id', type: 'integer' },
        { name: 'v', type: 'string' }
      ],
      primaryKey: ['id']
    })
    const rows = (ids: number[]) => `id,v\n${ids.map(id => `${id},v${id}`).join('\n')}\n`
    const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i)
    // Id 7 of a.csv is repeated in c.csv; b.csv's ids are its own.
    await writeFile(path.join(dir, 'data', 'a.csv'), rows(range(1, 400)))
    await writeFile(path.join(dir, 'data', 'b.csv'), rows(range(1000, 400)))
    await writeFile(path.join(dir, 'data', 'c.csv'), rows([...range(2000, 399), 7]))
    const data = ['--dataset', 'data', '--schema', 'schema.json']
    const single = await singleRunner(dir, data)
    expect(JSON.parse(single.stdout).violations).toEqual([
      expect.objectContaining({
        code: 'primary-key',
        file: 'data/c.csv',
        message: 'primary key (id) repeats row 8 of data/a.csv'
      })
    ])
    const { states } = await asMatrix(dir, data, 3)
    // b.csv is not read again: bytes of the same size that are not CSV at all change nothing.
    const b = path.join(dir, 'data', 'b.csv')
    await writeFile(b, '\u0000'.repeat((await stat(b)).size))
    const merged = await mlSmoke(dir, ['merge', ...states, ...data, '--json'])
    expect(merged.stdout).toBe(single.stdout)
    // c.csv is: the same for it is read again, and the repeat is gone with it.
    const c = path.join(dir, 'data', 'c.csv')
    await writeFile(c, (await readFile(c, 'utf8')).replace(/\n7,v7\n$/, '\n8,v7\n'))
    expect((await mlSmoke(dir, ['merge', ...states, ...data, '--json'])).stdout).not.toBe(
      single.stdout
    )
  })

  it('a missing shard, a shard twice, or states of another plan fail the merge, naming them', async () => {
    const dir = await workspace()
    await plantedCsvDataset(path.join(dir, 'data'), [300, 300, 300])
    const data = ['--dataset', 'data', '--schema', 'schema.json']
    const { states } = await asMatrix(dir, data, 3)
    expect(states).toHaveLength(3)
    const missing = await mlSmoke(dir, ['merge', states[0], states[2], ...data])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/shard 2\/3 is missing/)
    const twice = await mlSmoke(dir, ['merge', ...states, states[1], ...data])
    expect(twice.code).toBe(2)
    expect(twice.stderr).toContain(`shard 2/3 came 2 times (${states[1]}, ${states[1]})`)
    const other = await asMatrix(dir, data, 2)
    const mixed = await mlSmoke(dir, ['merge', ...states, other.states[0], ...data])
    expect(mixed.code).toBe(2)
    expect(mixed.stderr).toMatch(/was made by plan \w+ and .* by plan \w+/)
    // A state whose parts are not its shard's (edited after its job wrote it) is named.
    const edited = states[1].replace(/\.json$/, '-edited.json')
    const state = JSON.parse(await readFile(states[1], 'utf8'))
    await writeFile(edited, JSON.stringify({ ...state, parts: state.parts.slice(1) }))
    const cut = await mlSmoke(dir, ['merge', states[0], edited, states[2], ...data])
    expect(cut.code).toBe(2)
    expect(cut.stderr).toContain(`${edited} does not hold the`)
    expect(cut.stderr).toContain('of shard 2 of plan')
  })

  it('data changed after the plan, or a cut inside a quoted field, is refused with what to do', async () => {
    const dir = await workspace()
    await plantedCsvDataset(path.join(dir, 'data'), [400])
    const data = ['--dataset', 'data', '--schema', 'schema.json']
    const { out, states } = await asMatrix(dir, data, 2)
    const planFile = path.join(out, 'plan.json')
    // A cut moved into the middle of a record that spans lines (a quoted line break).
    const text = await readFile(path.join(dir, 'data', 'part-000.csv'), 'utf8')
    const inside = text.indexOf('line one\n') + 'line one\n'.length
    const plan = JSON.parse(await readFile(planFile, 'utf8')) as ShardPlan
    const line = text.slice(0, inside).split('\n').length
    plan.shards[0][0].end = inside
    plan.shards[1][0] = { ...plan.shards[1][0], start: inside, firstLine: line }
    await writeFile(planFile, JSON.stringify(plan))
    const bad = [1, 2].map(i => path.join(out, `bad-${i}.json`))
    for (const [i, state] of bad.entries())
      expect(await validateShard(dir, data, `${i + 1}/2`, state, planFile)).toMatchObject({
        code: 0
      })
    const merged = await mlSmoke(dir, ['merge', ...bad, ...data])
    expect(merged.code).toBe(2)
    expect(merged.stderr).toContain(
      `data/part-000.csv: the plan's cut at line ${line} falls inside a quoted field`
    )
    // The data grew after the plan.
    await writeFile(path.join(dir, 'data', 'part-000.csv'), `${text}1,a@b.c,0.5,x,cat\n`)
    const changed = await mlSmoke(dir, ['merge', ...states, ...data])
    expect(changed.code).toBe(2)
    expect(changed.stderr).toMatch(
      /the data is not the data planned .*data\/part-000\.csv had \d+ bytes when planned and has \d+/
    )
  })

  it('plan refuses more shards than a matrix runs, and validate --shard needs its state file', async () => {
    const data = [
      '--dataset',
      'fixtures/iris/iris.csv',
      '--schema',
      'fixtures/iris/iris.schema.yml'
    ]
    const tooMany = await mlSmoke(root, ['plan', '--shards', '300', ...data])
    expect(tooMany.code).toBe(2)
    expect(tooMany.stderr).toMatch(/--shards.*256/)
    const noState = await mlSmoke(root, ['validate', ...data, '--shard', '1/2'])
    expect(noState.code).toBe(2)
    expect(noState.stderr).toContain('validate --shard needs --state-out FILE')
    const badShard = await validateShard(root, data, '3/2', '/tmp/x.json')
    expect(badShard.code).toBe(2)
    expect(badShard.stderr).toMatch(/shard: expected "i\/N" with 1 <= i <= N/)
    // What a shard draws by is a shard's flag: a validation on one runner draws nothing.
    const drawing = await mlSmoke(root, ['validate', ...data, '--seed', '3'])
    expect(drawing.code).toBe(2)
    expect(drawing.stderr).toContain(
      "--seed is for validate --shard (what the shard draws for the merge job's subset)"
    )
  })
})

/** The sample settings of a run on `dataset` (as a config file or the action's inputs give them). */
function sampleConfig(cwd: string, dataset: string, strategy: string, label?: string) {
  return parseSettings(
    [...SAMPLE_OPTIONS, 'predict-rows', 'schema'],
    {
      dataset,
      schema: 'schema.json',
      'sample-rows': '40',
      'sample-strategy': strategy,
      seed: '5',
      'predict-rows': '8',
      ...(label ? { 'label-column': label } : {})
    },
    cwd,
    name => name
  )
}

type SampleConfig = ReturnType<typeof sampleConfig>

/** What the sample stage, the held-out draw and the profile give: from the dataset, or from `drawn`. */
async function draws(config: SampleConfig, drawn?: CandidateFile) {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'draws-'))
  const cut = await sampleStage(
    { config, ports: {}, target: { folder } },
    { labelColumn: config.labelColumn, ...(drawn ? { drawn } : {}) }
  )
  const subset = cut.data!.subset
  const table = await loadTableSchema(config.schema, config.workspace)
  const answers = answerSchemaOf(table, config.labelColumn, 'schema.json')
  const heldOut = await drawHeldOut(config, subset, table, answers, 'schema.json', undefined, drawn)
  const source = drawn
    ? { files: [drawn.file], format: drawn.format }
    : await trainingDataset(config)
  const profile = await profileDataset(source.files, {
    format: source.format,
    columnNames: table.fields.map(field => field.name),
    seed: config.seed,
    missingValues: table.missingValues,
    ...(drawn ? { candidates: drawn.candidates } : {})
  })
  const { path: file, rowIndices, ...figures } = subset
  return {
    name: path.basename(file),
    text: await readFile(file, 'utf8'),
    figures,
    rowIndices: [...rowIndices],
    heldOut: { rows: heldOut.sourceRows, labels: heldOut.labels, available: heldOut.available },
    profile
  }
}

/** The merge job's candidates from the states of a matrix, drawn by `config`. */
async function candidatesOf(config: SampleConfig, states: string[]): Promise<CandidateFile> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'candidates-'))
  const drawn = await shardCandidates(config, states, folder)
  if (!('file' in drawn)) throw new Error(`no candidates: ${drawn.reason}`)
  return drawn
}

/** CSV files of labelled rows: quoted cells of two lines, CRLF files, a rare class. */
async function labelledCsvFiles(folder: string, sizes: number[]): Promise<void> {
  const next = random(23)
  let id = 0
  for (const [f, size] of sizes.entries()) {
    const eol = f % 2 ? '\r\n' : '\n'
    const rows = Array.from({ length: size }, () => {
      const roll = next()
      const note = roll < 0.1 ? '"two\nlines, ""quoted"""' : `n${Math.floor(roll * 1e6)}`
      const label = roll > 0.98 ? 'fish' : ['cat', 'dog', 'bird'][Math.floor(next() * 3)]
      return `${++id},user${id}@x.org,${next().toFixed(3)},${note},${label}`
    })
    await writeFile(
      path.join(folder, `part-${f}.csv`),
      ['id,email,score,note,label', ...rows].join(eol) + eol
    )
  }
}

/** Parquet files of labelled rows DuckDB writes, in row groups of 2,048: int64, double, text, timestamp, bool, binary. */
async function labelledParquetFiles(folder: string, sizes: number[]): Promise<void> {
  const connection = await (await DuckDBInstance.create(':memory:')).connect()
  let first = 0
  for (const [f, size] of sizes.entries()) {
    // NaN, null and a rare class planted at fixed rows; the rest spread by a multiplicative hash.
    await connection.run(`COPY (SELECT
        CASE WHEN i % 211 = 5 THEN NULL ELSE i * 3000000000 END::BIGINT AS id,
        CASE WHEN i % 13 = 0 THEN 'NaN'::DOUBLE WHEN i % 17 = 0 THEN NULL ELSE (i * 7919 % 1009) / 7.0 END AS score,
        CASE WHEN i % 19 = 0 THEN NULL ELSE 'n' || (i * 104729 % 100003) END AS note,
        CASE WHEN i % 23 = 0 THEN NULL ELSE TIMESTAMP '2024-01-01' + INTERVAL (i * 1000003 % 86400007) MILLISECOND END AS at,
        CASE WHEN i % 29 = 0 THEN NULL ELSE i * 31 % 7 < 3 END AS flag,
        CASE WHEN i % 31 = 0 THEN NULL ELSE encode('b' || (i * 31 % 1000)) END AS bytes,
        CASE WHEN i % 97 = 0 THEN 'fish' ELSE ['cat', 'dog', 'bird'][i * 48271 % 65537 % 3 + 1] END AS label
      FROM range(${first}, ${first + size}) t(i))
      TO '${path.join(folder, `part-${f}.parquet`)}' (FORMAT parquet, ROW_GROUP_SIZE 2048)`)
    first += size
  }
  connection.closeSync()
}

const PARQUET_SCHEMA = {
  fields: [
    { name: 'id', type: 'integer' },
    { name: 'score', type: 'number' },
    { name: 'note', type: 'string' },
    { name: 'at', type: 'datetime' },
    { name: 'flag', type: 'boolean' },
    { name: 'bytes', type: 'any' },
    { name: 'label', type: 'string' }
  ],
  mlChecks: { label: { column: 'label' } }
}

describe("the merge job's draws come from the shards' candidates", () => {
  const SAMPLE_FLAGS = ['--seed', '5', '--sample-rows', '40', '--predict-rows', '8']

  /** The merge job's draws equal the single runner's for each strategy and count of shards. */
  async function sameDraws(
    dir: string,
    [dataset, schema, label]: [string, string, string],
    shards: number[],
    strategies = ['random', 'stratified', 'head']
  ) {
    for (const strategy of strategies) {
      const config = {
        ...sampleConfig(dir, dataset, strategy, label),
        schema: path.join(dir, schema)
      }
      const single = await draws(config)
      expect(single.figures.rows).toBe(40)
      const data = ['--dataset', dataset, '--schema', schema, '--label-column', label]
      const flags = [...SAMPLE_FLAGS, '--sample-strategy', strategy]
      for (const count of shards) {
        const { states, plan } = await asMatrix(dir, data, count, [], flags)
        expect(plan.shards).toHaveLength(count)
        const merged = await draws(config, await candidatesOf(config, states))
        expect({ count, strategy, ...merged }).toEqual({ count, strategy, ...single })
      }
    }
  }

  it("the subset (sha256), its class counts, the held-out rows and the profile are the single runner's, for 1, 2 and 5 shards and every strategy", async () => {
    const dir = await workspace()
    await labelledCsvFiles(path.join(dir, 'data'), [700, 30, 900, 400])
    await copyFile(path.join(root, 'fixtures/iris/iris.csv'), path.join(dir, 'iris.csv'))
    await copyFile(
      path.join(root, 'fixtures/iris/iris.schema.yml'),
      path.join(dir, 'iris.schema.yml')
    )
    await sameDraws(dir, ['data', 'schema.json', 'label'], [1, 2, 5])
    await sameDraws(dir, ['iris.csv', 'iris.schema.yml', 'species'], [1, 2, 5])
  }, 60_000)

  it('with more rows than the shards keep, the draws are the same; with the dataset gone after the validation, the merge job still cuts the subset, draws the held-out rows and profiles', async () => {
    const dir = await workspace()
    // More rows than the profile's 10,000: the candidates are not the whole dataset.
    await labelledCsvFiles(path.join(dir, 'data'), [7000, 7000])
    await sameDraws(dir, ['data', 'schema.json', 'label'], [2], ['stratified', 'head'])
    // Unlabelled, 30,000 rows: the held-out rows come from the shard's 48 of smallest priority.
    await writeFile(path.join(dir, 'plain.json'), JSON.stringify({ fields: SCHEMA.fields }))
    await labelledCsvFiles(path.join(dir, 'data'), [15000, 15000])
    const config = { ...sampleConfig(dir, 'data', 'random'), schema: path.join(dir, 'plain.json') }
    const single = await draws(config)
    const data = ['--dataset', 'data', '--schema', 'plain.json']
    const flags = [...SAMPLE_FLAGS, '--sample-strategy', 'random']
    const { states } = await asMatrix(dir, data, 1, [], flags)
    // Bounded: the profile's rows and the 48 of sample-rows and predict-rows, not all 30,000.
    const lines = (await readFile(sampleFileOf(states[0]), 'utf8')).split('\n').length - 2
    expect(lines).toBeLessThanOrEqual(10_000 + 48)
    await rm(path.join(dir, 'data'), { recursive: true })
    const merged = await draws(config, await candidatesOf(config, states))
    expect(merged).toEqual(single)
    await expect(draws(config)).rejects.toThrow('data')
  }, 90_000)

  it("a numeric target of more than 1000 values: no class counts, the single runner's draws; stratified fails alike", async () => {
    const dir = await workspace({
      fields: [
        { name: 'id', type: 'integer' },
        { name: 'target', type: 'number' }
      ]
    })
    for (const [f, size] of [700, 500, 800].entries()) {
      const rows = Array.from(
        { length: size },
        (_, i) => `${f * 1000 + i},${((f * 1000 + i) * 0.7919) % 97}`
      )
      await writeFile(
        path.join(dir, 'data', `part-${f}.csv`),
        ['id,target', ...rows, ''].join('\n')
      )
    }
    await sameDraws(dir, ['data', 'schema.json', 'target'], [1, 3], ['random', 'head'])
    const config = {
      ...sampleConfig(dir, 'data', 'stratified', 'target'),
      schema: path.join(dir, 'schema.json')
    }
    const tooMany =
      'label-column "target" has more than 1000 distinct values, too many for a class label'
    await expect(draws(config)).rejects.toThrow(tooMany)
    const data = ['--dataset', 'data', '--schema', 'schema.json', '--label-column', 'target']
    const flags = [...SAMPLE_FLAGS, '--sample-strategy', 'stratified']
    for (const count of [1, 3]) {
      const { states } = await asMatrix(dir, data, count, [], flags)
      await expect(draws(config, await candidatesOf(config, states))).rejects.toThrow(tooMany)
    }
  }, 60_000)

  it("Parquet files of row groups (int64, double with NaN and null, text, timestamp, bool, binary): the subset (sha256), class counts, held-out rows and profile are the single runner's, for 2 and 5 shards (stratified: 5), and with the dataset gone", async () => {
    const dir = await workspace(PARQUET_SCHEMA)
    await labelledParquetFiles(path.join(dir, 'data'), [3000, 1000, 1000, 1000, 1000, 900])
    await sameDraws(dir, ['data', 'schema.json', 'label'], [2, 5], ['random'])
    await sameDraws(dir, ['data', 'schema.json', 'label'], [5], ['stratified'])
    // More rows than the profile's 10,000: the candidates are not the whole dataset.
    await mkdir(path.join(dir, 'big'))
    await labelledParquetFiles(path.join(dir, 'big'), [4300, 1600, 1600, 1600, 1200])
    const config = {
      ...sampleConfig(dir, 'big', 'stratified', 'label'),
      schema: path.join(dir, 'schema.json')
    }
    const single = await draws(config)
    const data = ['--dataset', 'big', '--schema', 'schema.json']
    const flags = [...SAMPLE_FLAGS, '--sample-strategy', 'stratified', '--label-column', 'label']
    const { states, plan } = await asMatrix(dir, data, 5, [], flags)
    expect(plan.shards.flat().some(part => part.rowGroups && part.rowGroups.from > 0)).toBe(true)
    const drawn = await candidatesOf(config, states)
    expect(drawn.candidates.origins.length).toBeLessThan(10_300)
    await rm(path.join(dir, 'big'), { recursive: true })
    expect(await draws(config, drawn)).toEqual(single)
  }, 90_000)

  it('candidates drawn by other settings, or JSON and Parquet data, are not used: the merge job reads the dataset, and says why', async () => {
    const dir = await workspace()
    await labelledCsvFiles(path.join(dir, 'data'), [300])
    const config = sampleConfig(dir, 'data', 'random', 'label')
    const data = ['--dataset', 'data', '--schema', 'schema.json']
    const { states } = await asMatrix(dir, data, 2, [], ['--seed', '6'])
    const folder = await mkdtemp(path.join(os.tmpdir(), 'candidates-'))
    expect(await shardCandidates(config, states, folder)).toEqual({
      reason:
        'the shards drew with seed 6, sample-rows 256, predict-rows 32, this job has seed 5, sample-rows 40, predict-rows 8'
    })
    const all = sampleConfig(dir, 'data', 'all', 'label')
    expect(await shardCandidates(all, states, folder)).toEqual({
      reason: 'sample-strategy all takes every row'
    })
    const cut = await sampleStage(
      { config, ports: {}, target: { folder } },
      { labelColumn: 'label', drawn: await shardCandidates(config, states, folder) }
    )
    expect(cut.message).toMatch(/, from the dataset \(the shards drew with seed 6, /)
    expect(cut.data!.subset.sha256).toBe((await draws(config)).figures.sha256)
    // A candidates file changed after its job wrote it is refused, naming it.
    const good = await asMatrix(dir, data, 1, [], [...SAMPLE_FLAGS, '--sample-strategy', 'random'])
    const sample = sampleFileOf(good.states[0])
    await writeFile(sample, `${(await readFile(sample, 'utf8')).split('\n')[0]}\n[1, "two"]\n`)
    await expect(shardCandidates(config, good.states, folder)).rejects.toThrow(
      `${sample}:2: not a sample candidate of ml-smoke`
    )
    const rows = Array.from({ length: 30 }, (_, i) => ({ id: i, label: i % 3 ? 'cat' : 'dog' }))
    await writeFile(path.join(dir, 'rows.json'), JSON.stringify(rows))
    const json = await asMatrix(dir, ['--dataset', 'rows.json', '--schema', 'schema.json'], 1)
    expect(await shardCandidates(config, json.states, folder)).toEqual({
      reason:
        'a json subset is written from its source file (only CSV, TSV and JSON Lines rows travel as text, Parquet rows as Parquet)'
    })
    // Parquet files of other schemas: a subset written with the first file's is not what the candidates make.
    await mkdir(path.join(dir, 'pq'))
    for (const [f, type] of ['INT32', 'INT64'].entries())
      parquetWriteFile({
        filename: path.join(dir, 'pq', `part-${f}.parquet`),
        columnData: [
          { name: 'id', type, data: Array.from({ length: 20 }, (_, i) => (f ? BigInt(i) : i)) },
          { name: 'label', type: 'STRING', data: Array.from({ length: 20 }, () => 'cat') }
        ]
      } as Parameters<typeof parquetWriteFile>[0])
    const fields = [
      { name: 'id', type: 'integer' },
      { name: 'label', type: 'string' }
    ]
    await writeFile(path.join(dir, 'pq.json'), JSON.stringify({ fields }))
    const pq = ['--dataset', 'pq', '--schema', 'pq.json']
    const mixed = sampleConfig(dir, 'pq', 'random', 'label')
    const twoShards = await asMatrix(dir, pq, 2, [], [...SAMPLE_FLAGS, '--label-column', 'label'])
    expect(await shardCandidates(mixed, twoShards.states, folder)).toEqual({
      reason:
        "a parquet subset is written from its source file when the files' Parquet schemas differ (pq/part-0.parquet and pq/part-1.parquet)"
    })
    const oneShard = await asMatrix(dir, pq, 1, [], [...SAMPLE_FLAGS, '--label-column', 'label'])
    // One shard writes the second file's INT64 values with the first file's INT32 schema, as one runner would.
    expect(await shardCandidates(mixed, oneShard.states, folder)).toEqual({
      reason:
        'a parquet subset is written from its source file when its rows do not travel exactly as Parquet (cannot write the subset of part-0.parquet as Parquet with its schema: parquet expected integer value, got 0)'
    })
  })
})
