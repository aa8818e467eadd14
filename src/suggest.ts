/** Levenshtein distance, stopping early once it is certain to exceed `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      best = Math.min(best, current[j])
    }
    if (best > limit) return limit + 1
    previous = current
  }
  return previous[b.length]
}

/** The known word closest to `word` within `limit` edits (case, `_` and `-` aside), for "did you mean". */
export function closest(word: string, known: Iterable<string>, limit = 2): string | undefined {
  const plain = (text: string): string => text.toLowerCase().replace(/[-_]/g, '')
  let best: string | undefined
  let bestDistance = limit + 1
  for (const candidate of known) {
    const d = distance(plain(word), plain(candidate), limit)
    if (d < bestDistance) [best, bestDistance] = [candidate, d]
  }
  return best
}
