import { readTable } from '../data/readers/index.js'
import type { DataFormat, ReadOptions } from '../data/table.js'
import type { LabelStats } from '../loss/baseline.js'
import { MAX_CLASSES } from './strategies.js'

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value === 'bigint') return Number(value)
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const number = Number(value)
  return Number.isFinite(number) ? number : undefined
}

function numericStats(numbers: number[]): NonNullable<LabelStats['numeric']> {
  const count = numbers.length
  const mean = numbers.reduce((sum, x) => sum + x, 0) / count
  const sorted = [...numbers].sort((a, b) => a - b)
  const median =
    count % 2 ? sorted[(count - 1) / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2
  const average = (f: (x: number) => number): number =>
    numbers.reduce((sum, x) => sum + f(x), 0) / count
  return {
    count,
    mean,
    variance: average(x => (x - mean) ** 2),
    meanAbsoluteDeviation: average(x => Math.abs(x - mean)),
    meanAbsoluteDeviationFromMedian: average(x => Math.abs(x - median))
  }
}

/**
 * What the label column of the rows a model trained on says about chance: the count of each class (when
 * there are at most MAX_CLASSES) and, when every value is a number, its spread. Empty cells are left out.
 */
export function labelStats(values: unknown[]): LabelStats {
  // Missing cells (empty, null, a JSON row without the key) say nothing about the label.
  const present = values.filter(
    value => value !== null && value !== undefined && value !== '' && typeof value !== 'symbol'
  )
  const stats: LabelStats = {}
  const counts = new Map<string, number>()
  for (const value of present) counts.set(String(value), (counts.get(String(value)) ?? 0) + 1)
  if (counts.size <= MAX_CLASSES) stats.classCounts = Object.fromEntries(counts)
  const numbers = present.map(asNumber)
  if (numbers.length > 0 && numbers.every(n => n !== undefined))
    stats.numeric = numericStats(numbers as number[])
  return stats
}

/** The label statistics of a table file's column `column` (the subset a command trained on). */
export async function labelStatsOfFile(
  file: string,
  format: DataFormat,
  column: string,
  reading: Pick<ReadOptions, 'delimiter' | 'dialect' | 'columnNames'> = {}
): Promise<LabelStats | undefined> {
  let index = -1
  const values: unknown[] = []
  const nullSequence = reading.dialect?.nullSequence
  await readTable(file, format, reading, {
    header: labels => void (index = labels.indexOf(column)),
    row: cells => {
      if (index === -1) return false
      values.push(cells[index] === nullSequence ? '' : cells[index])
    },
    problem: () => undefined
  })
  return index === -1 ? undefined : labelStats(values)
}
