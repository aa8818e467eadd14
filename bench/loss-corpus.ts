// Measures rules for "the loss fell" on fixtures/loss-corpus: each run's console output is read as ml-smoke
// reads command output, and each rule's verdict is compared with whether the model learned (manifest.json).
// Usage: node --import tsx bench/loss-corpus.ts [--held-out | --dir DIR ...] [--runs | --kinds]
//   --held-out: the runs the rules were not chosen on (fixtures/loss-corpus/held-out: seeds 30-59 and new kinds)
//   --dir DIR: a sweep made by `fixtures/loss-corpus/generate.py --sweep A-B DIR` (seeds beyond both, not kept);
//     several are measured together
//   --runs: list the runs each rule got wrong
//   --kinds: only the rules as shipped, kind by kind
import { readFile } from 'node:fs/promises'
import {
  evidenceOf,
  resolveBaseline,
  type Baseline,
  type LabelStats
} from '../src/loss/baseline.js'
import { chooseLossSeries, type Choice } from '../src/loss/choose.js'
import { OutputMetricsReader } from '../src/loss/output-reader.js'
import { blockBootstrapFall, mannKendall, mean, welchFall, windowOf } from '../src/loss/trend.js'
import { DEFAULT_MIN_DROP, judgeLoss, type JudgeOptions } from '../src/loss/verdict.js'

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
  /** The chance level from the key alone (no hint from the log, no inference from the first value). */
  namedBaseline: Baseline
  /** The chance level inferred from the first value alone (not also the first quarter's mean). */
  firstOnlyBaseline: Baseline
}

const noHints = { lightningLogInterval: false, fastDevRun: false }
const heldOut = process.argv.includes('--held-out')
const dirs = process.argv.flatMap((arg, i) =>
  arg === '--dir' ? [`${process.argv[i + 1].replace(/\/$/, '')}/`] : []
)
const roots = dirs.length
  ? dirs
  : [new URL(`../fixtures/loss-corpus/${heldOut ? 'held-out/' : ''}`, import.meta.url).pathname]
const cases: Case[] = []
for (const root of roots) {
  const manifest = JSON.parse(await readFile(`${root}manifest.json`, 'utf8')) as Run[]
  for (const run of manifest) cases.push(await caseOf(root, run))
}

async function caseOf(root: string, run: Run): Promise<Case> {
  const reader = new OutputMetricsReader()
  ;(await readFile(root + run.log, 'utf8'))
    .split(/\r\n|\r|\n/)
    .forEach((line, i) => reader.readLine(line, i + 1))
  const choice = chooseLossSeries(reader.series())
  const series = choice.chosen!.series
  return {
    run,
    values: series.points.map(p => p.value),
    choice,
    baseline: resolveBaseline('auto', series.key, run.label, evidenceOf(series)),
    namedBaseline: resolveBaseline('auto', series.key, run.label),
    firstOnlyBaseline: resolveBaseline('auto', series.key, run.label, {
      ...evidenceOf(series),
      start: undefined
    })
  }
}

const drop = (v: number[]): number => {
  const k = windowOf(v.length, 0.25)
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
        const k = windowOf(v.length, 0.25)
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
        return blockBootstrapFall(v, windowOf(v.length, 0.25)) < a ? 'pass' : 'fail'
      }
    ])
  )
}

function judged(c: Case, o: Partial<JudgeOptions>): V {
  const options = { minDrop: DEFAULT_MIN_DROP, window: 0.25, baseline: c.baseline, ...o }
  return judgeLoss(c.choice, options, noHints, []).verdict
}

/** What a verdict is for a run: a false pass, a false fail, inconclusive, or right (''). */
function wrong(c: Case, v: V): 'FP' | 'FF' | 'inc' | '' {
  const learned = c.run.expected === 'pass'
  if (v === 'pass') return learned ? '' : 'FP'
  if (v === 'fail') return learned ? 'FF' : ''
  return 'inc'
}

function score(f: (c: Case) => V) {
  let fp = 0
  let ff = 0
  let incLearned = 0
  let incNot = 0
  const byKind: Record<string, string[]> = {}
  for (const c of cases) {
    const learned = c.run.expected === 'pass'
    const outcome = wrong(c, f(c))
    const bad = outcome === 'inc' ? `inc(${c.run.expected})` : outcome
    if (bad === 'FP') fp++
    else if (bad === 'FF') ff++
    else if (bad && learned) incLearned++
    else if (bad) incNot++
    if (bad) (byKind[c.run.kind] ??= []).push(`${bad}:${c.run.id.slice(-2)}`)
  }
  return { fp, ff, inc: `${incLearned + incNot} (${incLearned} / ${incNot})`, byKind }
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

/** The rules as shipped, kind by kind: how many runs, how many learned, and the wrong verdicts. */
function byKind(): void {
  const rows = new Map<
    string,
    { runs: number; learned: number; FP: number; FF: number; inc: number }
  >()
  for (const c of cases) {
    const row = rows.get(c.run.kind) ?? { runs: 0, learned: 0, FP: 0, FF: 0, inc: 0 }
    row.runs++
    if (c.run.expected === 'pass') row.learned++
    const outcome = wrong(c, judged(c, {}))
    if (outcome) row[outcome]++
    rows.set(c.run.kind, row)
  }
  console.log(
    '| kind | runs | learned | false passes | false fails | inconclusive |\n| --- | ---: | ---: | ---: | ---: | ---: |'
  )
  for (const [kind, r] of rows)
    console.log(`| ${kind} | ${r.runs} | ${r.learned} | ${r.FP} | ${r.FF} | ${r.inc} |`)
}
if (process.argv.includes('--kinds')) {
  byKind()
  process.exit(0)
}
console.log(
  '| rule | false passes | false fails | inconclusive (learned / did not) |\n| --- | --- | --- | --- |'
)
for (const [name, rule] of Object.entries(candidates))
  report(`${name} (trend alone)`, c => rule(c.values))
const variants: Array<[string, (c: Case) => Partial<JudgeOptions>]> = [
  ['the rules: p < 0.01, min-loss-drop 0.03', () => ({})],
  ['the rules with min-loss-drop 0.01 (the default before)', () => ({ minDrop: 0.01 })],
  ['the rules with min-loss-drop 0.05', () => ({ minDrop: 0.05 })],
  ['the rules with min-loss-drop 0', () => ({ minDrop: 0 })],
  ['the rules with p < 0.05', () => ({ significance: 0.05 })],
  ['the rules with p < 0.001', () => ({ significance: 0.001 })],
  ['chance level only from the key (no hint, no inference)', c => ({ baseline: c.namedBaseline })],
  [
    "a regression loss inferred from its first value only (not the first quarter's mean too)",
    c => ({ baseline: c.firstOnlyBaseline })
  ],
  ['no chance level', () => ({ baseline: undefined })],
  ['no pass past half the chance level', () => ({ chanceShare: 0 })],
  ['no pass at p < 0.1 ending below 90 % of the chance level', () => ({ chanceSupport: 0 })],
  ['that pass at p < 0.05 (not 0.1)', () => ({ supportedSignificance: 0.05 })],
  ['that pass at p < 0.2', () => ({ supportedSignificance: 0.2 })],
  ['that pass at p < 0.3', () => ({ supportedSignificance: 0.3 })],
  ['a fall that is not significant always fails', () => ({ fallOfNote: 0 })],
  [
    'no fail for a run with no fall ending within 20 % of its chance level',
    () => ({ chanceMargin: 0 })
  ],
  ['that fail within 10 % of the chance level', () => ({ chanceMargin: 0.1 })],
  ['that fail within 30 % of the chance level', () => ({ chanceMargin: 0.3 })],
  [
    'an unknown loss absurd only at 10,000 times the chance level (the previous rule)',
    () => ({ absurdScale: 1e4 })
  ],
  ['that is absurd at 3 times the chance level', () => ({ absurdScale: 3 })],
  [
    'a first value 1,000 times the chance level not judged (the previous rule)',
    () => ({ divergedStart: 0 })
  ],
  ['no rebound rule', () => ({ maxRebound: Infinity })],
  ['a last window above the first fails (the previous rule)', () => ({ windowRiseFails: true })],
  [
    'a significant fall ending above its first value fails, however noisy (the previous rule)',
    () => ({ firstValueBinds: true })
  ],
  [
    "no weight-norm rule (scikit-learn SGD's loss need not fall faster than its weights)",
    () => ({ weightFall: 0 })
  ],
  ['that fails when loss ÷ norm fell less than 30 % (not 50 %)', () => ({ weightFall: 0.3 })],
  [
    'a significant fall of loss ÷ norm enough though the weights shrank (the previous rule)',
    () => ({ anyRatioFall: true })
  ],
  [
    "SGD's loss ÷ norm neither excuses a loss past 10 times the chance level nor passes a run (the previous rules)",
    () => ({ marginShare: 0, runsMarginShare: 0 })
  ],
  [
    "SGD's norm explains a loss up to 0.2 (not 0.3) of the chance level per unit (the previous rule)",
    () => ({ marginShare: 0.2 })
  ],
  ['up to 0.1 of it', () => ({ marginShare: 0.1 })],
  ['up to 0.4 of it', () => ({ marginShare: 0.4 })],
  ['runs back to back up to 0.3 (not 0.2) of it', () => ({ runsMarginShare: 0.3 })],
  ['runs back to back up to 0.35 of it', () => ({ runsMarginShare: 0.35 })],
  [
    'runs back to back with no absurd-end check (the previous rule)',
    () => ({ noChanceForRuns: true })
  ],
  [
    'a pass ending near its chance level needs no stricter level (the previous rule)',
    () => ({ nearChance: 0 })
  ],
  ['the stricter level from 80 % of the chance level (not 90 %)', () => ({ nearChance: 0.8 })],
  [
    'a single run ending at 94 % of its chance level or above passes on its fall (the previous rule)',
    () => ({ nearChancePasses: true })
  ],
  ['that is inconclusive from 90 % of it (not 94 %)', () => ({ memorizedShare: 0.9 })],
  ['that is inconclusive from 92 % of it', () => ({ memorizedShare: 0.92 })],
  ['that is inconclusive from 95 % of it', () => ({ memorizedShare: 0.95 })],
  [
    'a pass past half the chance level needs min-loss-drop between window means too (the previous rule)',
    () => ({ windowDropPastChance: true })
  ],
  [
    "SGD's weights that classify do not excuse a loss that ended above its first value (the previous rule)",
    () => ({ weightsNeedFall: true })
  ],
  [
    "min-loss-drop's default asked of a pass SGD's weights give too (the previous rule)",
    () => ({ minDropSet: true })
  ],
  [
    "the chance level weighed against the last window's mean even when every point fell (the previous rule)",
    () => ({ windowEndOnly: true })
  ],
  [
    'too few points with no known loss inconclusive, however far they fell (the previous rule)',
    () => ({ noPastEveryChance: true })
  ],
  ['"sat at chance" weighs the last window, not all the points', () => ({ satShare: 0 })],
  [
    '"sat at chance" weighs the last half of the points (the previous rule)',
    () => ({ satShare: 0.5 })
  ],
  [
    'a pass that fell from above its chance level to near it need not end below it (the previous rule)',
    () => ({ priorFallPasses: true })
  ],
  [
    'a fall only from the first value to flat points after it fails like no fall (the previous rule)',
    () => ({ firstPointFallFails: true })
  ],
  [
    'a loss that reached a thousand times its chance level after its start may pass (the previous rule)',
    () => ({ divergedPeakPasses: true })
  ],
  [
    'a run that diverged before it printed passes ending below the chance level, not half it (the previous rule)',
    () => ({ divergedEndBelowLevel: true })
  ],
  [
    'a validation loss at the chance level fails no run (the previous rule; only skorch prints one here)',
    () => ({ noHeldOut: true })
  ],
  [
    'a held-out accuracy past halfway from chance passes no inconclusive run (the previous rule; only skorch prints one here)',
    () => ({ noHeldOutCredit: true })
  ],
  [
    'a loss with no known chance level needs p < 0.01 however far below every chance level of its label it ends (the previous rule)',
    () => ({ noFloorSupport: true })
  ]
]
for (const [name, options] of variants) report(name, c => judged(c, options(c)))
export {}
