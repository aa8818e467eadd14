import { UserError } from '../errors.js'
import { parseJsonDocument } from './file-readers.js'
import { parseMetricNumber, SeriesCollector, type MetricSeries } from './series.js'

/**
 * CatBoost writes its metrics twice: to stdout, one line per iteration that does not name the metric
 * (`0:\tlearn: 0.6451892\ttest: 0.6482121\tbest: 0.6482121 (0)\ttotal: 55.6ms\tremaining: 55.5s`), and to
 * `catboost_info/catboost_training.json` (its `train_dir`, written unless `allow_writing_files=False`), which
 * names each metric and says whether lower or higher is better. The file is preferred; `learn_error.tsv`,
 * `test_error.tsv` and the TensorBoard files beside it hold the same values.
 */
export const CATBOOST_TRAINING_FILE = 'catboost_training.json'

interface MetricMeta {
  /** The metric's name less its parameters (`Logloss`, `RMSE`, `MultiClass`). */
  key: string
  /** `Min`, `Max`, `Undefined` or a number (the docs call it `value`; files since 0.11 `best_value`). */
  best?: unknown
}

function metricsOf(value: unknown): MetricMeta[] {
  if (!Array.isArray(value)) return []
  return value.map(entry => {
    const record = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<
      string,
      unknown
    >
    return { key: String(record.name ?? '').split(':')[0], best: record.best_value ?? record.value }
  })
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : []
}

/**
 * `catboost_training.json`: `meta` names the learn and test sets and each set's metrics with their best
 * value (`Min`: a loss); `iterations` holds, per iteration, an array of values per set in that order. Only
 * metrics where lower is better become series, keyed by the metric's name less its parameters (`Logloss`,
 * `RMSE`, `MultiClass`: their chance levels are known by name), with the set as context. Every value is the
 * metric over the whole set at that iteration.
 */
export function readCatboostTraining(text: string, label: string): MetricSeries[] {
  const document = parseJsonDocument(text, label)
  const record = (typeof document === 'object' && document !== null ? document : {}) as Record<
    string,
    unknown
  >
  const meta = (record.meta ?? {}) as Record<string, unknown>
  if (!Array.isArray(record.iterations) || typeof meta !== 'object')
    throw new UserError(
      `${label}: not a CatBoost training log: expected "meta" and "iterations" as CatBoost writes them`
    )
  const sets = [
    ...stringsOf(meta.learn_sets).map(name => ({
      name,
      split: 'train' as const,
      metrics: metricsOf(meta.learn_metrics)
    })),
    ...stringsOf(meta.test_sets).map(name => ({
      name,
      split: 'validation' as const,
      metrics: metricsOf(meta.test_metrics)
    }))
  ]
  const collector = new SeriesCollector(label, 'catboost')
  // CatBoost writes one iteration per line, after "{", "meta" and "iterations": line 4 holds the first.
  ;(record.iterations as unknown[]).forEach((entry, index) => {
    if (typeof entry !== 'object' || entry === null) return
    const iteration = entry as Record<string, unknown>
    const step = typeof iteration.iteration === 'number' ? iteration.iteration : index
    for (const set of sets) {
      const values = iteration[set.name]
      if (!Array.isArray(values)) continue
      set.metrics.forEach(({ key, best }, i) => {
        if (best !== 'Min' || values[i] === undefined) return
        const raw: unknown = values[i]
        const value = typeof raw === 'number' ? raw : parseMetricNumber(String(raw))
        // A value that is no number is named in the verdict, never skipped.
        if (value === undefined) collector.unparsed(key, String(raw), index + 4, set.name)
        else collector.add(key, step, value, index + 4, set.name)
      })
    }
  })
  for (const set of sets)
    for (const { key } of set.metrics) {
      collector.split(key, set.split, set.name)
      collector.wholeSet(key, true, set.name)
    }
  return collector.series()
}

export interface CatboostLine {
  iteration: number
  /** `learn`, `test`, `test1` …, as printed. */
  values: Array<[set: string, value: string]>
  /** The best test value so far, when a test set is given. */
  best?: number
}

// Its fields: tab-separated as printed, or spaces where a log was pasted (issues show tabs as spaces).
const CATBOOST_FIELD = /(?:^|\s)(learn|test\d*|best): (\S+)/g

/** A CatBoost iteration line (`<iteration>:` then `learn: …`, `test: …`, `best: … (k)` …), or undefined. */
export function parseCatboostLine(line: string): CatboostLine | undefined {
  const head = /^(\d+):\s+learn: /.exec(line)
  if (!head) return undefined
  const result: CatboostLine = { iteration: Number(head[1]), values: [] }
  for (const [, name, value] of line.slice(head[1].length + 1).matchAll(CATBOOST_FIELD)) {
    if (name === 'best') result.best = Number(value)
    else if (parseMetricNumber(value) !== undefined) result.values.push([name, value])
  }
  return result.values.length ? result : undefined
}

/**
 * Whether the metric CatBoost prints is one where higher is better (its eval_metric: AUC, Accuracy, R2), as far
 * as its lines say. `best:` is the best test value over every iteration, printed or not (`metric_period`): for a
 * loss it is never above a printed test value, so one line where it is says higher is better. Without a test
 * set, a learn value that rose at every printed iteration (3 or more) says so too: boosting lowers its loss on
 * the set it fits. Else the metric is taken for the loss function, CatBoost's default eval_metric.
 */
export class CatboostDirection {
  private lowestTest = Infinity
  private bestAboveATest = false
  private lastLearn?: number
  private learnRose = 0
  private learnFell = 0

  see(line: CatboostLine): void {
    const value = (set: string): number | undefined => {
      const found = line.values.find(([name]) => name === set)
      return found ? Number(found[1]) : undefined
    }
    const learn = value('learn')
    if (learn !== undefined && this.lastLearn !== undefined) {
      if (learn > this.lastLearn) this.learnRose++
      else if (learn < this.lastLearn) this.learnFell++
    }
    this.lastLearn = learn
    const test = value('test')
    if (test === undefined || line.best === undefined || !Number.isFinite(line.best)) return
    this.lowestTest = Math.min(this.lowestTest, test)
    if (line.best > this.lowestTest) this.bestAboveATest = true
  }

  higherIsBetter(): boolean {
    return this.bestAboveATest || (this.learnRose >= 3 && this.learnFell === 0)
  }
}
