// Measures how the Model API stage settles runs: each run of the independent corpus made with INDEP_HELDOUT
// holds a model's answers to held-out rows (gen.py's heldout_answers), scored here by the stage's own test
// (scorePredictions: exact binomial against the majority share, or signed ranks against the mean).
// Usage: node --import tsx bench/held-out-settles.ts DIR [INCONCLUSIVE_IDS]
//   DIR: INDEP_DIR=DIR INDEP_HELDOUT=32 python3 fixtures/loss-corpus/independent/gen.py [--ids FILE | --seeds A-B]
//   INCONCLUSIVE_IDS: the runs whose loss check was inconclusive (judge.py's results.tsv), one id a line;
//     the others are counted apart, as a control
import { readFile, readdir } from 'node:fs/promises'
import { scorePredictions } from '../src/predict/score.js'
import type { TaskKind } from '../src/predict/types.js'

interface HeldOutAnswers {
  kind: TaskKind
  labels: Array<number | string>
  answers: Array<number | string>
}

const [dir, idsFile] = process.argv.slice(2)
if (!dir) throw new Error('usage: bench/held-out-settles.ts DIR [INCONCLUSIVE_IDS]')
const inconclusive = new Set(
  idsFile ? (await readFile(idsFile, 'utf8')).split(/\s+/).filter(Boolean) : []
)

/** pass: beats the trivial predictor at the test's level; fail: does not; inconclusive: no test. */
function settles({ kind, labels, answers }: HeldOutAnswers): 'pass' | 'fail' | 'inconclusive' {
  const asGiven = (values: Array<number | string>) =>
    kind === 'classes' ? values.map(String) : values
  const test = scorePredictions(kind, asGiven(labels), asGiven(answers))?.test
  if (!test) return 'inconclusive'
  return test.p < test.significance ? 'pass' : 'fail'
}

const counts = new Map<string, number>()
const wrong: string[] = []
for (const file of (await readdir(`${dir}/runs`)).filter(name => name.endsWith('.json')).sort()) {
  const run = JSON.parse(
    (await readFile(`${dir}/runs/${file}`, 'utf8')).replace(/\bNaN\b/g, 'null')
  )
  if (run.status !== 'ok' || !run.config?.heldout) continue
  const verdict = settles(run.config.heldout)
  const set = inconclusive.has(run.id) ? 'inconclusive by its log' : 'decided by its log'
  const row = `| ${set} | ${run.expected === 'pass' ? 'learned' : 'did not learn'} | ${verdict} |`
  counts.set(row, (counts.get(row) ?? 0) + 1)
  if (verdict !== run.expected)
    wrong.push(`${run.id} (${set}): expected ${run.expected}, settles ${verdict}`)
}
console.log('| runs | truth | the held-out rows settle | count |\n| --- | --- | --- | --- |')
for (const [row, count] of [...counts].sort()) console.log(`${row} ${count} |`)
console.log(`\n${wrong.join('\n')}`)
