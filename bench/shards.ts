/**
 * A dataset validated across a matrix, measured on this machine: the bench's CSV (npm run bench makes it)
 * with `primaryKey: id`, planned into N shards, each shard validated by the bundled CLI in its own
 * process as a matrix job would (one at a time here, so each is measured alone; with the default sample
 * settings, so each also draws its sample candidates), then merged; the merged
 * --json is compared byte for byte with one runner's. From the per-shard throughput it prints what 10 GB
 * and 100 GB take over 8, 32 and 256 shards. It asserts nothing.
 *
 *   ML_SMOKE_BENCH_DATA=dir npm run bench:shards -- [shards=8]   (dir holds table.csv and schema.json)
 */
import { existsSync, readdirSync, statSync, writeFileSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { timedCli } from './timed-cli.js'

const folder = process.env.ML_SMOKE_BENCH_DATA
if (!folder || !existsSync(path.join(folder, 'table.csv'))) {
  console.error(
    'set ML_SMOKE_BENCH_DATA to a folder holding table.csv and schema.json (npm run bench makes them)'
  )
  process.exit(2)
}
const shards = Number(process.argv[2] ?? 8)
const table = path.join(folder, 'table.csv')
const work = await mkdtemp(path.join(os.tmpdir(), 'ml-smoke-bench-shards-'))
try {
  const schema = path.join(work, 'schema.json')
  writeFileSync(
    schema,
    JSON.stringify({
      ...JSON.parse(readFileSync(path.join(folder, 'schema.json'), 'utf8')),
      primaryKey: 'id'
    })
  )
  const data = ['--dataset', table, '--schema', schema]
  const bytes = statSync(table).size
  // A job's fixed cost here (Node, the bundle, the schema): a shard's throughput is measured without it.
  const tiny = path.join(work, 'tiny.csv')
  writeFileSync(
    tiny,
    readFileSync(table, 'utf8')
      .slice(0, 4096)
      .replace(/\n[^\n]*$/, '\n')
  )
  const startup = Math.min(
    ...[1, 2, 3].map(
      () => timedCli(['validate', '--dataset', tiny, '--schema', schema, '--threads', '1']).seconds
    )
  )
  const single = timedCli(['validate', ...data, '--threads', '1', '--json'])
  const rows = JSON.parse(single.stdout).rows as number
  const plan = path.join(work, 'plan.json')
  const planned = timedCli(['plan', '--shards', String(shards), ...data, '--out', plan])
  const matrix = JSON.parse(planned.stdout) as { include: Array<{ shard: string }> }
  console.log(
    `CSV ${(bytes / 1e6).toFixed(0)} MB, ${rows.toLocaleString('en-US')} rows, primaryKey: id; ${os.cpus().length} cores; Node ${process.version}`
  )
  console.log(
    `one runner, one thread: ${single.seconds.toFixed(1)} s, ${single.peakRssMiB.toFixed(0)} MiB; a CLI run on a 4 KB file: ${startup.toFixed(2)} s`
  )
  console.log(
    `plan of ${matrix.include.length} shards: ${planned.seconds.toFixed(2)} s, ${planned.peakRssMiB.toFixed(0)} MiB\n`
  )
  console.log(
    '| shard | s | MB/s | peak RSS MiB | state KB | key hashes MB | sample candidates KB |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |'
  )
  const states: string[] = []
  const planJson = JSON.parse(readFileSync(plan, 'utf8')) as {
    shards: Array<Array<{ start?: number; end?: number }>>
  }
  let working = 0
  let totalKeyBytes = 0
  for (const [i, { shard }] of matrix.include.entries()) {
    const dir = path.join(work, `shard-${i + 1}`)
    const state = path.join(dir, 'state.json')
    const run = timedCli([
      'validate',
      ...data,
      '--threads',
      '1',
      '--shard',
      shard,
      '--plan',
      plan,
      '--state-out',
      state
    ])
    if (!existsSync(state)) throw new Error(`shard ${shard} failed: ${run.stderr}`)
    const shardBytes = planJson.shards[i].reduce(
      (sum, part) => sum + ((part.end ?? bytes) - (part.start ?? 0)),
      0
    )
    const keyBytes = readdirSync(dir)
      .filter(name => name.endsWith('.keys'))
      .reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0)
    totalKeyBytes += keyBytes
    const throughput = shardBytes / 1e6 / (run.seconds - startup)
    working += run.seconds - startup
    console.log(
      `| ${shard} | ${run.seconds.toFixed(2)} | ${throughput.toFixed(1)} | ${run.peakRssMiB.toFixed(0)} | ${(statSync(state).size / 1024).toFixed(1)} | ${(keyBytes / 1e6).toFixed(1)} | ${(statSync(`${state}.sample.jsonl`).size / 1024).toFixed(0)} |`
    )
    states.push(state)
  }
  const merged = timedCli(['merge', ...states, ...data, '--json'])
  const identical = merged.stdout === single.stdout
  console.log(
    `\nmerge: ${merged.seconds.toFixed(1)} s, ${merged.peakRssMiB.toFixed(0)} MiB; merged --json ${identical ? 'is' : 'is NOT'} byte-identical to one runner's`
  )
  const throughput = bytes / 1e6 / working
  const mergeRate = totalKeyBytes / 1e6 / (merged.seconds - startup)
  const keyBytesPerByte = totalKeyBytes / bytes
  console.log(
    `\nSizing from the shards' throughput (${throughput.toFixed(1)} MB/s a shard on one thread, past the ${startup.toFixed(2)} s every CLI run takes here) and the merge's (${mergeRate.toFixed(0)} MB of key hashes/s), before runner start-up, checkout and data download:\n`
  )
  console.log(
    '| dataset | shards | data a shard | validate a shard | key hashes a shard | merge |\n| --- | ---: | ---: | ---: | ---: | ---: |'
  )
  for (const size of [10e9, 100e9])
    for (const count of [8, 32, 256]) {
      const per = size / count
      const minutes = (seconds: number) =>
        seconds < 90 ? `${seconds.toFixed(0)} s` : `${(seconds / 60).toFixed(1)} min`
      console.log(
        `| ${size / 1e9} GB | ${count} | ${(per / 1e9).toFixed(2)} GB | ${minutes(per / 1e6 / throughput)} | ${((per * keyBytesPerByte) / 1e6).toFixed(0)} MB | ${minutes((size * keyBytesPerByte) / 1e6 / mergeRate)} |`
      )
    }
  if (!identical) process.exitCode = 1
} finally {
  await rm(work, { recursive: true, force: true })
}
