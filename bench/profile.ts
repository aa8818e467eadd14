/**
 * What the data profile costs next to the raw parse it rides on, on the bench's CSV (npm run bench
 * generates it; ML_SMOKE_BENCH_DATA=dir keeps it):
 *
 *   npm run bench:profile -- path/to/table.csv [repeats=3]
 *
 * Each repeat reads the file twice in this process: once with a sink that only counts rows (the
 * tokenizer's floor), once drawing the profile (a seeded 10,000-row reservoir, summarised). Best of
 * `repeats`, as in bench/validate.ts.
 */
import { profileDataset } from '../src/data/profile.js'
import { readTable } from '../src/data/readers/index.js'

const [file, repeatsArg = '3'] = process.argv.slice(2)
if (!file) throw new Error('usage: npm run bench:profile -- table.csv [repeats]')

async function seconds(task: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint()
  await task()
  return Number(process.hrtime.bigint() - started) / 1e9
}

const best = { raw: Infinity, profile: Infinity }
let bytes = 0
for (let i = 0; i < Number(repeatsArg); i++) {
  best.raw = Math.min(
    best.raw,
    await seconds(() =>
      readTable(file, 'csv', {}, { header() {}, textRow() {}, row() {}, problem() {} })
    )
  )
  best.profile = Math.min(
    best.profile,
    await seconds(async () => {
      bytes = JSON.stringify(await profileDataset(file, { format: 'csv', seed: 0 })).length
    })
  )
}
console.log(
  `raw parse ${best.raw.toFixed(2)} s, profile ${best.profile.toFixed(2)} s (+${(best.profile - best.raw).toFixed(2)} s), ${bytes} bytes, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`
)
