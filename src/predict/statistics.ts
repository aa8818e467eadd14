// The two one-sided tests of the quality floor: an exact binomial test for accuracy, and the Wilcoxon
// signed-rank test for paired errors. Both are exact at the sizes a smoke check uses.
import { normalUpper } from '../loss/trend.js'

/** ln(k!) for k = 0..n, summed once: binomial terms in logs, so n = 10,000 neither overflows nor underflows. */
function logFactorials(n: number): Float64Array {
  const table = new Float64Array(n + 1)
  for (let k = 2; k <= n; k++) table[k] = table[k - 1] + Math.log(k)
  return table
}

/** P(X ≥ k) for X ~ Binomial(n, p), for every k from 0 to n + 1, summed from the top. */
function binomialTails(n: number, p: number): Float64Array {
  const tails = new Float64Array(n + 2)
  if (p <= 0 || p >= 1) {
    tails.fill(p >= 1 ? 1 : 0, 1, n + 1)
    tails[0] = 1
    return tails
  }
  const lf = logFactorials(n)
  const [lp, lq] = [Math.log(p), Math.log1p(-p)]
  for (let k = n; k >= 0; k--)
    tails[k] = tails[k + 1] + Math.exp(lf[n] - lf[k] - lf[n - k] + k * lp + (n - k) * lq)
  return tails.map(tail => Math.min(1, tail))
}

/** P(X ≥ k) for X ~ Binomial(n, p). */
export function binomialUpperTail(n: number, k: number, p: number): number {
  if (k <= 0) return 1
  if (k > n) return 0
  return binomialTails(n, p)[k]
}

/** The fewest successes of n that a one-sided binomial test at `alpha` takes as beating rate p. */
export function fewestSuccesses(n: number, p: number, alpha: number): number | undefined {
  const tails = binomialTails(n, p)
  for (let k = 0; k <= n; k++) if (tails[k] < alpha) return k
  return undefined
}

/** Pairs up to this many (after dropping zero differences) get the exact distribution. */
const EXACT_PAIRS = 300

/** Ranks of `values` from 1, ties sharing their mean rank. */
function midranks(values: number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value)
  const ranks = new Array<number>(values.length)
  for (let start = 0; start < order.length;) {
    let end = start
    while (end + 1 < order.length && order[end + 1].value === order[start].value) end++
    for (let i = start; i <= end; i++) ranks[order[i].index] = (start + end) / 2 + 1
    start = end + 1
  }
  return ranks
}

export interface SignedRank {
  /** Pairs with a non-zero difference. */
  pairs: number
  /** The sum of the ranks of positive differences. */
  wPlus: number
  /** One-sided p-value that the differences tend to be positive. */
  p: number
  exact: boolean
}

/** P(W+ ≥ w) under the null, by counting sign patterns over the (doubled, so whole) ranks. */
function exactUpper(doubled: number[], wDoubled: number): number {
  const total = doubled.reduce((sum, r) => sum + r, 0)
  let dist = new Float64Array(total + 1)
  dist[0] = 1
  let reach = 0
  for (const rank of doubled) {
    const next = new Float64Array(total + 1)
    for (let s = 0; s <= reach; s++) {
      if (dist[s] === 0) continue
      next[s] += dist[s] / 2
      next[s + rank] += dist[s] / 2
    }
    reach += rank
    dist = next
  }
  let p = 0
  for (let s = Math.ceil(wDoubled - 1e-9); s <= total; s++) p += dist[s]
  return Math.min(1, p)
}

/**
 * The Wilcoxon signed-rank test that `differences` tend to be positive: exact (ties at mid-ranks)
 * for up to 300 non-zero pairs, else the normal approximation with tie and continuity corrections.
 */
export function signedRankTest(differences: number[]): SignedRank {
  const nonZero = differences.filter(d => d !== 0 && Number.isFinite(d))
  const n = nonZero.length
  if (n === 0) return { pairs: 0, wPlus: 0, p: 1, exact: true }
  const ranks = midranks(nonZero.map(Math.abs))
  const wPlus = ranks.reduce((sum, rank, i) => sum + (nonZero[i] > 0 ? rank : 0), 0)
  if (n <= EXACT_PAIRS) {
    const p = exactUpper(
      ranks.map(rank => Math.round(rank * 2)),
      wPlus * 2
    )
    return { pairs: n, wPlus, p, exact: true }
  }
  const ties = new Map<number, number>()
  for (const rank of ranks) ties.set(rank, (ties.get(rank) ?? 0) + 1)
  const tieTerm = [...ties.values()].reduce((sum, t) => sum + t ** 3 - t, 0) / 48
  const mean = (n * (n + 1)) / 4
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieTerm
  const z = (wPlus - mean - 0.5) / Math.sqrt(variance)
  return { pairs: n, wPlus, p: normalUpper(z), exact: false }
}
