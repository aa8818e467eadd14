import { UserError } from '../errors.js'
import { clip } from '../untrusted.js'
import { Smallest, type Ranked } from './priority.js'

export const SAMPLE_STRATEGIES = ['random', 'head', 'stratified', 'all'] as const
export type SampleStrategy = (typeof SAMPLE_STRATEGIES)[number]

export interface ClassCount {
  /** Rows of the class in the whole dataset. */
  available: number
  /** Rows of the class in the subset. */
  chosen: number
}

export interface SampleOptions {
  rows: number
  strategy: SampleStrategy
  seed: number
  /** stratified: each class gets at least this many rows (or all it has). */
  minPerClass: number
  /** Labels are offered: read the whole file so class counts are exact, even for head. */
  labelled: boolean
  /** Rows kept per class and overall (default `rows`): more, for a later draw past the subset. */
  pool?: number
  /** Keep what any strategy needs (a shard's candidates for the merge), not just `strategy`'s. */
  candidates?: boolean
  /** The label column's name, for the error of a label with too many values. */
  labelColumn?: string
  /** stratified: draw uniformly, not fail, when the label has more than MAX_CLASSES values. */
  uniformPastClasses?: boolean
}

/** A label column with more distinct values than this is not a class label. */
export const MAX_CLASSES = 1000

/**
 * Splits `budget` rows over classes: first `minimum` each (or all a class has), then the rest in
 * proportion to class size by the largest-remainder method, never more than a class has. Deterministic:
 * ties go to the class seen first.
 */
export function allocate(
  counts: ReadonlyMap<string, number>,
  budget: number,
  minimum: number
): Map<string, number> {
  const classes = [...counts.keys()]
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0)
  const allocation = new Map(classes.map(label => [label, Math.min(minimum, counts.get(label)!)]))
  const floor = [...allocation.values()].reduce((sum, n) => sum + n, 0)
  if (floor > budget) {
    throw new UserError(
      `sample-rows ${budget} cannot hold ${classes.length} classes with min-per-class ${minimum}: raise sample-rows to at least ${floor}`
    )
  }
  let remaining = Math.min(budget, total) - floor
  while (remaining > 0) {
    // Ideal share of the whole budget, minus what each class already has.
    const wants = classes
      .map((label, order) => {
        const ideal = (Math.min(budget, total) * counts.get(label)!) / total
        return {
          label,
          order,
          gap: ideal - allocation.get(label)!,
          room: counts.get(label)! - allocation.get(label)!
        }
      })
      .filter(want => want.room > 0)
    if (!wants.length) break
    const whole = wants.filter(want => want.gap >= 1)
    const pick = (whole.length ? whole : wants).sort((a, b) => b.gap - a.gap || a.order - b.order)
    const grants = whole.length
      ? pick.map(want => ({ label: want.label, n: Math.min(Math.floor(want.gap), want.room) }))
      : [{ label: pick[0].label, n: 1 }]
    for (const { label, n } of grants) {
      const granted = Math.min(n, remaining)
      allocation.set(label, allocation.get(label)! + granted)
      remaining -= granted
      if (remaining === 0) break
    }
  }
  return allocation
}

interface Entry<T> extends Ranked {
  item: T
  label?: string
}

/**
 * Class counts given from outside (a merge of shards): the rows of each class, in first-seen order; null
 * when the label has more than MAX_CLASSES values (a numeric target: no classes to count or draw by).
 */
export interface GivenCounts {
  classes: ReadonlyMap<string, number> | null
  rows: number
}

/**
 * Collects a subset from a stream of items, one strategy at a time; `done` says reading can stop early.
 * random keeps the rows of smallest priority, stratified those of each class, head the first rows: a
 * draw any cut of the rows into parts gives again when each part keeps its own and they are offered
 * again together. `pool` (default `rows`) is how many each keeps; `candidates` keeps all three kinds.
 */
export class Sampler<T> {
  private readonly head: Array<Entry<T>> = []
  private readonly smallest: Smallest<Entry<T>>
  private readonly byClass = new Map<string, Smallest<Entry<T>>>()
  /** null once the label showed more than MAX_CLASSES values (only stratified needs classes: it fails). */
  private counts: Map<string, number> | null = new Map()
  private readonly pool: number
  private seen = 0

  /** Whether the rows of smallest priority are kept: for random, a later draw, or a uniform fallback. */
  private readonly keepsSmallest: boolean

  constructor(private readonly options: SampleOptions) {
    this.pool = options.pool ?? options.rows
    this.smallest = new Smallest(this.pool)
    const { strategy, candidates, uniformPastClasses } = options
    this.keepsSmallest = strategy === 'random' || candidates === true || uniformPastClasses === true
  }

  get done(): boolean {
    return (
      this.options.strategy === 'head' &&
      !this.options.labelled &&
      !this.options.candidates &&
      this.head.length >= this.options.rows
    )
  }

  /** Offers an item; `counted` false: a candidate whose class counts are given to `result`. */
  offer(item: T, rank: Ranked, label?: string, counted = true): void {
    const entry: Entry<T> = { priority: rank.priority, index: rank.index, item, label }
    const { strategy, candidates } = this.options
    if (strategy === 'stratified' && label === undefined)
      throw new Error('stratified sampling needs a label for every row')
    if (counted) this.count(label)
    if (strategy === 'all' || (strategy === 'head' && this.head.length < this.options.rows))
      this.head.push(entry)
    if (this.keepsSmallest) this.smallest.offer(entry)
    if (label !== undefined && this.counts && (strategy === 'stratified' || candidates)) {
      let kept = this.byClass.get(label)
      if (!kept) this.byClass.set(label, (kept = new Smallest(this.pool)))
      kept.offer(entry)
    }
  }

  /** Whether an item of `rank` and `label` would be kept: the caller may skip making it when not. */
  wants({ priority, index }: Ranked, label?: string): boolean {
    const { strategy, candidates, rows } = this.options
    if (strategy === 'all' || (strategy === 'head' && this.head.length < rows)) return true
    if (this.keepsSmallest && this.smallest.wants(priority, index)) return true
    if (label === undefined || !this.counts || (strategy !== 'stratified' && !candidates))
      return false
    return this.byClass.get(label)?.wants(priority, index) ?? true
  }

  /** Counts a row offered (or passed over by `wants`) by its label. */
  count(label: string | undefined): void {
    this.seen++
    if (label === undefined || !this.counts) return
    if (!this.counts.has(label) && this.counts.size >= MAX_CLASSES) return this.dropClasses()
    this.counts.set(label, (this.counts.get(label) ?? 0) + 1)
  }

  /** A label of more than MAX_CLASSES values is no class label: stratified fails, the others forget classes. */
  private dropClasses(): void {
    const { strategy, uniformPastClasses, labelColumn } = this.options
    if (strategy === 'stratified' && !uniformPastClasses) throw tooManyClasses(labelColumn)
    this.counts = null
    this.byClass.clear()
  }

  /** The class counts of the rows offered (first-seen order), and how many were offered. */
  counted(): GivenCounts {
    return { classes: this.counts, rows: this.seen }
  }

  /** Every item kept (for any strategy), in the order of their index: what a later draw may take. */
  kept(): Array<{ item: T; index: number; label?: string }> {
    const all = new Map<number, Entry<T>>()
    for (const entry of [...this.head, ...this.smallest.ranked()]) all.set(entry.index, entry)
    for (const kept of this.byClass.values())
      for (const entry of kept.ranked()) all.set(entry.index, entry)
    return [...all.values()].sort((a, b) => a.index - b.index)
  }

  private picked(counts: ReadonlyMap<string, number> | null): Array<Entry<T>> {
    const { strategy, rows } = this.options
    if (strategy === 'head' || strategy === 'all') return this.head
    if (strategy === 'random' || !counts) return this.smallest.ranked().slice(0, rows)
    const allocation = allocate(counts, rows, this.options.minPerClass)
    const picked: Array<Entry<T>> = []
    for (const [label, kept] of this.byClass)
      picked.push(...kept.ranked().slice(0, allocation.get(label) ?? 0))
    return picked
  }

  /**
   * The subset in file order, and per-class counts (in the dataset and chosen) when there is a label.
   * `given`: the counts of the whole dataset, when the items offered are only candidates.
   */
  result(given?: GivenCounts): {
    items: T[]
    indices: number[]
    offered: number
    classes?: Record<string, ClassCount>
  } {
    const { classes: counts, rows: offered } = given ?? this.counted()
    const picked = [...this.picked(counts)].sort((a, b) => a.index - b.index)
    const items = picked.map(entry => entry.item)
    const indices = picked.map(entry => entry.index)
    if (!counts?.size) return { items, indices, offered }
    const chosen = new Map<string, number>()
    for (const { label } of picked)
      if (label !== undefined) chosen.set(label, (chosen.get(label) ?? 0) + 1)
    const classes = Object.fromEntries(
      [...counts].map(([label, available]) => [
        label,
        { available, chosen: chosen.get(label) ?? 0 }
      ])
    )
    return { items, indices, offered, classes }
  }
}

/** The error a label column of more than MAX_CLASSES values gives sample-strategy stratified. */
export function tooManyClasses(column?: string): UserError {
  const which = column === undefined ? 'label-column' : `label-column "${clip(column, 80)}"`
  return new UserError(
    `${which} has more than ${MAX_CLASSES} distinct values, too many for a class label: sample-strategy stratified draws by class; for a numeric target use sample-strategy random`
  )
}
