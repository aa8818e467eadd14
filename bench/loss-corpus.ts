// Measures rules for "the loss fell" on fixtures/loss-corpus: each run's console output is read as ml-smoke
// reads command output, and each rule's verdict is compared with whether the model learned (manifest.json).
// Usage: node --import tsx bench/loss-corpus.ts [--runs]   (--runs lists the runs each rule got wrong)
import { readFile } from 'node:fs/promises'
import { resolveBaseline, type Baseline, type LabelStats } from '../src/loss/baseline.js'
import { chooseLossSeries, type Choice } from '../src/loss/choose.js'
import { OutputMetricsReader } from '../src/loss/output-reader.js'
import { blockBootstrapFall, mannKendall, mean, welchFall } from '../src/loss/trend.js'
import { judgeLoss, type JudgeOptions } from '../src/loss/verdict.js'

type V = 'pass' | 'fail' | 'inconclusive'
interface Run {
  id: string
  kind: string
  log: string
  expected: 'pass' | 'fail'
  label: LabelStats
}
interface Case {
  run: Run
  values: number[]
  choice: Choice
  baseline: Baseline
}

const noHints = { lightningLogInterval: false, fastDevRun: false }
const root = new URL('../fixtures/loss-corpus/', import.meta.url).pathname
const manifest = JSON.parse(await readFile(`${root}manifest.json`, 'utf8')) as Run[]
const cases: Case[] = []
for (const run of manifest) {
  const reader = new OutputMetricsReader()
  ;(await readFile(root + run.log, 'utf8'))
    .split(/\r\n|\r|\n/)
    .forEach((line, i) => reader.readLine(line, i + 1))
  const choice = chooseLossSeries(reader.series())
  const series = choice.chosen!.series
  cases.push({
    run,
    values: series.points.map(p => p.value),
    choice,
    baseline: resolveBaseline('auto', series.key, run.label)
  })
}

const windowOf = (n: number): number => Math.max(1, Math.ceil(n * 0.25))
const drop = (v: number[]): number => {
  const k = windowOf(v.length)
  const start = mean(v.slice(0, k))
  return (start - mean(v.slice(-k))) / Math.abs(start)
}
const nonFinite = (v: number[]): boolean => v.some(x => !Number.isFinite(x))
type Rule = (v: number[]) => V

/** Trend tests alone on the whole series (no shapes, no baseline): the candidates. */
const candidates: Record<string, Rule> = {
  'old: window means fell': v =>
    nonFinite(v) || v.every(x => x === v[0]) ? 'fail' : drop(v) > 0 ? 'pass' : 'fail',
  ...Object.fromEntries(
    [0.05, 0.01, 0.001].map(a => [
      `Mann–Kendall p < ${a}`,
      (v: number[]): V => {
        if (nonFinite(v)) return 'fail'
        if (mannKendall(v.map((_, i) => -i)).pFall >= a) return 'inconclusive'
        return mannKendall(v).pFall < a ? 'pass' : 'fail'
      }
    ])
  ),
  ...Object.fromEntries(
    [0.05, 0.01].map(a => [
      `Welch first vs last quarter p < ${a}`,
      (v: number[]): V => {
        if (nonFinite(v)) return 'fail'
        const k = windowOf(v.length)
        if (k < 2) return 'inconclusive'
        return welchFall(v.slice(0, k), v.slice(-k)) < a ? 'pass' : 'fail'
      }
    ])
  ),
  ...Object.fromEntries(
    [0.05, 0.01].map(a => [
      `block bootstrap p < ${a}`,
      (v: number[]): V => {
        if (nonFinite(v)) return 'fail'
        if (v.length < 8) return 'inconclusive'
        return blockBootstrapFall(v, windowOf(v.length)) < a ? 'pass' : 'fail'
      }
    ])
  )
}

function judged(c: Case, o: Partial<JudgeOptions>): V {
  return judgeLoss(c.choice, { minDrop: 0, window: 0.25, baseline: c.baseline, ...o }, noHints, [])
    .verdict
}

function score(f: (c: Case) => V) {
  let fp = 0
  let ff = 0
  let inc = 0
  const byKind: Record<string, string[]> = {}
  for (const c of cases) {
    const v = f(c)
    const bad =
      v === 'pass' && c.run.expected === 'fail'
        ? 'FP'
        : v === 'fail' && c.run.expected === 'pass'
          ? 'FF'
          : v === 'inconclusive'
            ? `inc(${c.run.expected})`
            : ''
    if (bad === 'FP') fp++
    else if (bad === 'FF') ff++
    else if (bad) inc++
    if (bad) (byKind[c.run.kind] ??= []).push(`${bad}:${c.run.id.slice(-2)}`)
  }
  return { fp, ff, inc, byKind }
}

const showRuns = process.argv.includes('--runs')
const report = (name: string, f: (c: Case) => V): void => {
  const s = score(f)
  console.log(`| ${name} | ${s.fp} | ${s.ff} | ${s.inc} |`)
  if (showRuns)
    for (const [k, v] of Object.entries(s.byKind)) console.log(`    ${k}: ${v.join(' ')}`)
}
const learned = cases.filter(c => c.run.expected === 'pass').length
console.log(`${cases.length} runs: ${learned} learned, ${cases.length - learned} did not\n`)
console.log('| rule | false passes | false fails | inconclusive |\n| --- | --- | --- | --- |')
for (const [name, rule] of Object.entries(candidates))
  report(`${name} (trend alone)`, c => rule(c.values))
const variants: Array<[string, Partial<JudgeOptions>]> = [
  ['judgeLoss: p < 0.01, min-loss-drop 0', {}],
  ['judgeLoss: p < 0.01, min-loss-drop 0.01', { minDrop: 0.01 }],
  ['judgeLoss: p < 0.05, min-loss-drop 0.01', { minDrop: 0.01, significance: 0.05 }],
  ['judgeLoss: p < 0.001, min-loss-drop 0.01', { minDrop: 0.01, significance: 0.001 }],
  ['judgeLoss: p < 0.01, min-loss-drop 0.01, no baseline', { minDrop: 0.01, baseline: undefined }],
  [
    'judgeLoss: p < 0.01, min-loss-drop 0.01, rebound limit 0.3',
    { minDrop: 0.01, maxRebound: 0.3 }
  ],
  [
    'judgeLoss: p < 0.01, min-loss-drop 0.01, no rebound rule',
    { minDrop: 0.01, maxRebound: Infinity }
  ]
]
for (const [name, o] of variants) report(name, c => judged(c, o))
export {}
