/**
 * Which zip compression level should artifacts use? Zips typical model files with the archiver library
 * that @actions/artifact uses, at levels 0, 1, 6 (upload-artifact's default) and 9, and reports time and
 * size. Model weights are floats whose low mantissa bits are noise, so they barely compress.
 *
 *   npm run bench:compression -- [megabytes=64]
 */
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import archiver from 'archiver'

const megabytes = Number(process.argv[2] ?? 64)
const folder = await mkdtemp(path.join(os.tmpdir(), 'zip-bench-'))

// Weights as training leaves them: normal(0, 0.02) float32, seeded.
let state = 42
const uniform = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32
const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()) * 0.02
const weights = new Float32Array((megabytes * 2 ** 20) / 4)
for (let i = 0; i < weights.length; i++) weights[i] = normal()
const half = Buffer.alloc(weights.length) // float16 of the first half of the weights
for (let i = 0; i < half.length / 2; i++) {
  const f = weights[i]
  const exponent = Math.max(0, Math.min(31, Math.floor(Math.log2(Math.abs(f) || 2 ** -15)) + 15))
  half.writeUInt16LE(
    ((f < 0 ? 1 : 0) << 15) |
      (exponent << 10) |
      (Math.round((Math.abs(f) / 2 ** (exponent - 15) - 1) * 1024) & 0x3ff),
    i * 2
  )
}
const files: Record<string, Buffer> = {
  'float32 weights (.safetensors-like)': Buffer.from(weights.buffer),
  'float16 weights': half,
  'JSON model (sklearn-like coefficients)': Buffer.from(
    JSON.stringify({ coef: Array.from(weights.subarray(0, 2 ** 20)) })
  )
}

console.log(
  `zip levels on model files, Node ${process.version}; time is archiving to a local file (median of 3)`
)
for (const [label, data] of Object.entries(files)) {
  const input = path.join(folder, 'model.bin')
  await writeFile(input, data)
  const rows: string[] = []
  let baseline = 0
  for (const level of [0, 1, 6, 9]) {
    const times: number[] = []
    let size = 0
    for (let run = 0; run < 3; run++) {
      const output = path.join(folder, `out-${level}.zip`)
      const started = process.hrtime.bigint()
      const archive = archiver('zip', { zlib: { level } })
      const done = pipeline(archive, createWriteStream(output))
      archive.file(input, { name: 'model.bin' })
      await archive.finalize()
      await done
      times.push(Number(process.hrtime.bigint() - started) / 1e9)
      size = (await stat(output)).size
    }
    const time = times.sort((a, b) => a - b)[1]
    if (level === 0) baseline = time
    const uploadAt50 = size / (50 * 2 ** 20)
    rows.push(
      `  level ${level}: ${time.toFixed(2)} s (${(time / baseline).toFixed(1)}x level 0), ${(size / 2 ** 20).toFixed(1)} MiB (${((100 * size) / data.length).toFixed(1)} %), + upload at 50 MiB/s ${uploadAt50.toFixed(2)} s = ${(time + uploadAt50).toFixed(2)} s`
    )
  }
  console.log(`${label}, ${(data.length / 2 ** 20).toFixed(1)} MiB:`)
  for (const row of rows) console.log(row)
}
await rm(folder, { recursive: true, force: true })
