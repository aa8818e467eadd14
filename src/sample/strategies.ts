import { UserError } from '../errors.js'
import { Reservoir, seededRandom } from './random.js'

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
}

/** A label column with more distinct values than this is not a class label. */
export const MAX_CLASSES = 1000

/**
 * Splits `budget` rows over classes: first `minimum` each (or all a class has), then the rest in
 * proportion to class size by the largest-remainder method, never more than a class has. Deterministic:
 * ties go to the class seen first.
 */
export function allocate(
  counts: Map<string, number>,
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

interface Entry<T> {
  index: number
  item: T
  label?: string
}

/** Collects a subset from a stream of items, one strategy at a time; `done` says reading can stop early. */
export class Sampler<T> {
  private readonly head: Array<Entry<T>> = []
  private readonly reservoir: Reservoir<Entry<T>>
  private readonly byClass = new Map<string, Reservoir<Entry<T>>>()
  private readonly counts = new Map<string, number>()
  private readonly random: () => number
  private seen = 0

  constructor(private readonly options: SampleOptions) {
    this.random = seededRandom(options.seed)
    this.reservoir = new Reservoir(options.rows, this.random)
  }

  get done(): boolean {
    return (
      this.options.strategy === 'head' &&
      !this.options.labelled &&
      this.head.length >= this.options.rows
    )
  }

  offer(item: T, label?: string): void {
    const entry: Entry<T> = { index: this.seen++, item, label }
    const { strategy } = this.options
    if (strategy === 'stratified' && label === undefined)
      throw new Error('stratified sampling needs a label for every row')
    if (strategy === 'all' || (strategy === 'head' && this.head.length < this.options.rows))
      this.head.push(entry)
    else if (strategy === 'random') this.reservoir.offer(entry)
    if (label === undefined) return
    if (!this.counts.has(label) && this.counts.size >= MAX_CLASSES) {
      throw new UserError(
        `label-column has more than ${MAX_CLASSES} distinct values: is it a class label?`
      )
    }
    this.counts.set(label, (this.counts.get(label) ?? 0) + 1)
    if (strategy === 'stratified') {
      let classReservoir = this.byClass.get(label)
      if (!classReservoir) {
        classReservoir = new Reservoir(this.options.rows, this.random)
        this.byClass.set(label, classReservoir)
      }
      classReservoir.offer(entry)
    }
  }

  /** The subset in file order, and per-class counts (in the dataset and chosen) when there is a label. */
  result(): { items: T[]; offered: number; classes?: Record<string, ClassCount> } {
    let picked: Array<Entry<T>>
    if (this.options.strategy === 'stratified') {
      const allocation = allocate(this.counts, this.options.rows, this.options.minPerClass)
      picked = []
      for (const [label, reservoir] of this.byClass) {
        // A seeded partial shuffle takes a uniform subset of the class's uniform sample.
        const pool = reservoir.inStreamOrder()
        const take = allocation.get(label) ?? 0
        for (let i = 0; i < take; i++) {
          const j = i + Math.floor(this.random() * (pool.length - i))
          ;[pool[i], pool[j]] = [pool[j], pool[i]]
        }
        picked.push(...pool.slice(0, take))
      }
      picked.sort((a, b) => a.index - b.index)
    } else {
      picked = this.options.strategy === 'random' ? this.reservoir.inStreamOrder() : this.head
    }
    const items = picked.map(entry => entry.item)
    if (!this.counts.size) return { items, offered: this.seen }
    const chosen = new Map<string, number>()
    for (const { label } of picked)
      if (label !== undefined) chosen.set(label, (chosen.get(label) ?? 0) + 1)
    const classes = Object.fromEntries(
      [...this.counts].map(([label, available]) => [
        label,
        { available, chosen: chosen.get(label) ?? 0 }
      ])
    )
    return { items, offered: this.seen, classes }
  }
}
