/**
 * How fast the TensorBoard reader decodes scalar events, and how much memory it needs.
 * Writes an event file of N torch-style scalar events (simple_value, as SummaryWriter.add_scalar does)
 * with a histogram every 100 steps, then reads it in a fresh process (so its peak RSS is the reader's
 * own). Baseline in the same run: a plain read of the same file in the same 1 MiB chunks.
 *
 *   npm run bench:tensorboard -- [events=2000000]
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { open, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { readTensorboardFile } from '../src/loss/tensorboard.js'
import { event, histogramValue, record, simpleValue } from '../__tests__/harness/tfevents.js'

const time = async (run: () => Promise<unknown>): Promise<number> => {
  const started = process.hrtime.bigint()
  await run()
  return Number(process.hrtime.bigint() - started) / 1e9
}

/** Peak RSS of this process image (VmHWM; getrusage's maxrss would include the parent it was forked from). */
function peakRssMiB(): number {
  const status = readFileSync('/proc/self/status', 'utf8')
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024
}

if (process.argv[2] === '--read') {
  const file = process.argv[3]
  const raw = await time(async () => {
    const handle = await open(file, 'r')
    const chunk = Buffer.alloc(1024 * 1024)
    while ((await handle.read(chunk, 0, chunk.length, null)).bytesRead > 0);
    await handle.close()
  })
  let series: Awaited<ReturnType<typeof readTensorboardFile>>['series'] = []
  const reader = await time(
    async () => void ({ series } = await readTensorboardFile(file, 'bench'))
  )
  const loss = series.find(s => s.key === 'train/loss')!
  console.log(
    JSON.stringify({
      raw,
      reader,
      read: loss.totalPoints ?? loss.points.length,
      kept: loss.points.length,
      maxRssMiB: peakRssMiB()
    })
  )
} else {
  const events = Number(process.argv[2] ?? 2_000_000)
  const file = path.join(os.tmpdir(), `bench.tfevents.${process.pid}`)
  const parts: Buffer[] = []
  for (let step = 0; step < events; step++) {
    const values = [simpleValue('train/loss', 1 / (1 + step))]
    if (step % 100 === 0) values.push(histogramValue('weights/layer1'))
    parts.push(record(event(step, values)))
  }
  const bytes = Buffer.concat(parts)
  await writeFile(file, bytes)
  const runs = []
  for (let i = 0; i < 3; i++) {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--read', file],
      { encoding: 'utf8' }
    )
    if (child.status !== 0) throw new Error(child.stderr)
    runs.push(JSON.parse(child.stdout.trim().split('\n').pop()!))
  }
  await rm(file)
  runs.sort((a, b) => a.reader - b.reader)
  const median = runs[1]
  if (median.read !== events) throw new Error(`expected ${events} points, read ${median.read}`)
  console.log(
    `TensorBoard reader, ${events.toLocaleString()} scalar events (${(bytes.length / 1e6).toFixed(0)} MB), median of 3, Node ${process.version}`
  )
  console.log(`  plain 1 MiB reads of the file (baseline): ${median.raw.toFixed(3)} s`)
  console.log(
    `  readTensorboardFile: ${median.reader.toFixed(3)} s = ${(events / median.reader / 1e6).toFixed(2)} M events/s (${(median.reader / median.raw).toFixed(0)}x the plain read)`
  )
  console.log(
    `  ${median.read.toLocaleString()} points read, ${median.kept.toLocaleString()} kept; peak RSS of the reading process ${median.maxRssMiB.toFixed(0)} MiB`
  )
}
