// The options of splits and leakage, as config.ts's one schema reads them: `splits` (NAME: PATH lines,
// a mapping, or --split flags), `leakage-columns`, `max-leakage`.
import { z } from 'zod'

/** A split's name: what reports, outputs and `--split NAME=PATH` call it. */
const SPLIT_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/
/** More splits than this is not train/validation/test: every pair is compared. */
export const MAX_SPLITS = 16

/** One `name: path` (or `name=path`) entry, or why it is not one. */
function splitEntry(entry: string): { name: string; path: string } | string {
  const match = /^\s*([^:=\s]+)\s*[:=]\s*(.+?)\s*$/s.exec(entry)
  if (!match) return `${JSON.stringify(entry)} is not NAME: PATH`
  if (!SPLIT_NAME.test(match[1]))
    return `split name ${JSON.stringify(match[1])}: expected letters, digits, _ . - (not starting with a digit)`
  return { name: match[1], path: match[2] }
}

/** The raw value as `[name, paths]` pairs, or the problems found. */
function splitPairs(value: unknown): Array<[string, unknown]> | string[] {
  if (typeof value === 'string' || Array.isArray(value)) {
    const entries = typeof value === 'string' ? value.split(/\r?\n/) : value
    const pairs: Array<[string, unknown]> = []
    const problems: string[] = []
    entries.forEach((entry, index) => {
      if (typeof entry === 'string' && entry.trim() === '') return
      const parsed = typeof entry === 'string' ? splitEntry(entry) : 'expected NAME: PATH text'
      if (typeof parsed === 'string') problems.push(`entry ${index + 1}: ${parsed}`)
      else pairs.push([parsed.name, parsed.path])
    })
    return problems.length ? problems : pairs
  }
  if (typeof value === 'object' && value !== null) return Object.entries(value)
  return [
    'expected NAME: PATH lines or a mapping such as {train: data/train/, test: data/test.csv}'
  ]
}

/**
 * Named parts of the data (`train`, `valid`, `test`, ...), each a file, folder, glob or list: a mapping
 * in a config file, `NAME: PATH` lines in an input, `--split NAME=PATH` flags. A name given twice takes
 * both paths. Names keep the order they were given in.
 */
export const splitsOption = z.unknown().transform((value, context) => {
  const pairs = splitPairs(value)
  const out: Record<string, string[]> = {}
  const problems = pairs.filter(pair => typeof pair === 'string')
  for (const pair of pairs) {
    if (typeof pair === 'string') continue
    const [name, paths] = pair
    const list = typeof paths === 'string' ? [paths] : paths
    if (!SPLIT_NAME.test(name))
      problems.push(
        `split name ${JSON.stringify(name)}: expected letters, digits, _ . - (not starting with a digit)`
      )
    else if (!Array.isArray(list) || !list.every(p => typeof p === 'string' && p.trim() !== ''))
      problems.push(`split ${name}: expected a path or a list of paths`)
    else out[name] = [...(out[name] ?? []), ...list.map(p => (p as string).trim())]
  }
  if (!problems.length && Object.keys(out).length > MAX_SPLITS)
    problems.push(`${Object.keys(out).length} splits; at most ${MAX_SPLITS}`)
  if (!problems.length && Object.keys(out).length === 0) problems.push('no split given')
  // The message quotes the entry at fault: not the whole input again.
  for (const message of problems) context.issues.push({ code: 'custom', message, input: undefined })
  return out
})

/** Column names: a YAML list, or one per line (commas separate them too). */
export const columnList = z.preprocess(
  value =>
    typeof value === 'string'
      ? value
          .split(/[\r\n,]+/)
          .map(name => name.trim())
          .filter(Boolean)
      : value,
  z.array(z.string().min(1)).min(1)
)

/** A limit as a count of rows (`3`) or a fraction of them (`0.5%`, `0.005`). */
export type RowLimit = { rows: number } | { fraction: number }
export const rowLimit = z.union([z.number(), z.string()]).transform((value, context): RowLimit => {
  const text = String(value).trim()
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text)
  const number = percent ? Number(percent[1]) / 100 : Number(text)
  if (text === '' || !Number.isFinite(number) || number < 0 || (percent && number > 1)) {
    context.issues.push({
      code: 'custom',
      message: 'expected a row count (0, 10) or a fraction (0.5%, 0.005)',
      input: value
    })
    return { rows: 0 }
  }
  if (percent || !Number.isInteger(number)) {
    if (number < 1 || (percent && number === 1)) return { fraction: number }
    context.issues.push({
      code: 'custom',
      message: 'expected a whole number of rows, or a fraction below 1 (0.5%, 0.005)',
      input: value
    })
  }
  return { rows: number }
})
