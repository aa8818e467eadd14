/**
 * Statistics for "did the loss fall": Mann–Kendall's trend test (exact for short series), Sen's slope, a
 * one-sided Welch test between the first and last windows, and a moving-block bootstrap, plus the shapes a
 * loss curve can take (a frozen tail, a climb back from the minimum, runs restarted in one log). Pure functions
 * of the values; the verdict picks which to apply (see verdict.ts and the loss corpus that chose them).
 */
import { seededRandom } from '../sample/random.js'

/** Series longer than this are averaged into this many consecutive bins before the O(n²) tests. */
export const MAX_TEST_POINTS = 1000

/** Means of consecutive bins, so a test of n² pairs stays bounded on a very long series. */
export function binned(values: number[], bins = MAX_TEST_POINTS): number[] {
  if (values.length <= bins) return values
  const out: number[] = []
  for (let b = 0; b < bins; b++) {
    const from = Math.floor((b * values.length) / bins)
    const to = Math.floor(((b + 1) * values.length) / bins)
    let sum = 0
    for (let i = from; i < to; i++) sum += values[i]
    out.push(sum / (to - from))
  }
  return out
}

export interface MannKendall {
  /** Concordant minus discordant pairs: negative when the series falls. */
  s: number
  /** Kendall's tau-b against time, -1 (always falling) … 1. */
  tau: number
  /** One-sided p-value of "the series falls": how often a trendless series of this length falls this much. */
  pFall: number
  /** One-sided p-value of "the series rises". */
  pRise: number
  /** Variance of S under no trend (tie-corrected): what pools the test over back-to-back runs. */
  variance: number
  exact: boolean
}

const sign = (x: number): number => (x > 0 ? 1 : x < 0 ? -1 : 0)

/**
 * P(S ≤ s) for the Mann–Kendall statistic of n untied values: S = n(n-1)/2 - 2·inversions, and the number of
 * permutations with k inversions follows the Mahonian recurrence (probabilities, so nothing overflows).
 */
function exactLowerTail(n: number, s: number): number {
  const pairs = (n * (n - 1)) / 2
  let dist = [1]
  for (let m = 2; m <= n; m++) {
    const next = new Array<number>(dist.length + m - 1).fill(0)
    for (let k = 0; k < dist.length; k++) {
      const share = dist[k] / m
      for (let j = 0; j < m; j++) next[k + j] += share
    }
    dist = next
  }
  // S ≤ s  ⇔  inversions ≥ (pairs - s) / 2
  const from = Math.ceil((pairs - s) / 2)
  let p = 0
  for (let k = Math.max(0, from); k < dist.length; k++) p += dist[k]
  return Math.min(1, p)
}

/** Standard normal upper tail, Φ(-z) for z ≥ 0 (Abramowitz–Stegun 7.1.26 through erfc; |error| < 1.5e-7). */
export function normalUpper(z: number): number {
  if (z < 0) return 1 - normalUpper(-z)
  const x = z / Math.SQRT2
  const t = 1 / (1 + 0.3275911 * x)
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  return 0.5 * poly * Math.exp(-x * x)
}

const EXACT_UP_TO = 60

/** Mann–Kendall trend test against time. Exact for up to 60 untied values, else normal with tie correction. */
export function mannKendall(values: number[]): MannKendall {
  const n = values.length
  let s = 0
  for (let i = 0; i < n - 1; i++) for (let j = i + 1; j < n; j++) s += sign(values[j] - values[i])
  const counts = new Map<number, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  let tieTerm = 0
  let tiedPairs = 0
  for (const t of counts.values()) {
    tieTerm += t * (t - 1) * (2 * t + 5)
    tiedPairs += (t * (t - 1)) / 2
  }
  const pairs = (n * (n - 1)) / 2
  const tau = pairs === tiedPairs ? 0 : s / Math.sqrt(pairs * (pairs - tiedPairs))
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18
  if (n < 2) return { s, tau, pFall: 1, pRise: 1, variance: 0, exact: true }
  if (tiedPairs === 0 && n <= EXACT_UP_TO) {
    return {
      s,
      tau,
      pFall: exactLowerTail(n, s),
      pRise: exactLowerTail(n, -s),
      variance,
      exact: true
    }
  }
  if (variance <= 0) return { s, tau, pFall: 1, pRise: 1, variance: 0, exact: false }
  const sd = Math.sqrt(variance)
  return {
    s,
    tau,
    pFall: normalUpper((-s - 1) / sd),
    pRise: normalUpper((s - 1) / sd),
    variance,
    exact: false
  }
}

/**
 * Whether each of several back-to-back runs starts at its highest: the rank of each run's first value among
 * its own values (how many later values are at least as high) is uniform under no trend, so their sum has an
 * exact distribution (a convolution of discrete uniforms). One-sided p-value of a sum this small. Stronger than
 * Mann–Kendall on runs that fall at once and then wander (one-vs-rest SGD); weaker on steady falls.
 */
export function firstRankFall(runs: number[][]): number {
  let dist = [1]
  let observed = 0
  for (const values of runs.map(run => binned(run))) {
    const n = values.length
    if (n < 2) continue
    observed += values.slice(1).filter(value => value >= values[0]).length
    const next = new Array<number>(dist.length + n - 1).fill(0)
    let window = 0
    for (let k = 0; k < next.length; k++) {
      if (k < dist.length) window += dist[k]
      if (k - n >= 0) window -= dist[k - n]
      next[k] = window / n
    }
    dist = next
  }
  let p = 0
  for (let k = 0; k <= observed && k < dist.length; k++) p += dist[k]
  return Math.min(1, p)
}

/**
 * One-sided p-value that a least-squares line through the values falls, by the t-test of its slope against
 * the residuals (n - 2 degrees of freedom; exact for a line plus Gaussian noise). For series too short for
 * Mann–Kendall to reach a small p (3 or 4 points): it asks the points to lie close to a falling line. 1 for
 * fewer than 3 points; 0 for points exactly on a falling line.
 */
export function slopeFall(values: number[]): number {
  const n = values.length
  if (n < 3) return 1
  const xMean = (n - 1) / 2
  const yMean = mean(values)
  let sxy = 0
  let sxx = 0
  values.forEach((y, x) => {
    sxy += (x - xMean) * (y - yMean)
    sxx += (x - xMean) ** 2
  })
  const slope = sxy / sxx
  const residual = values.reduce((sum, y, x) => sum + (y - yMean - slope * (x - xMean)) ** 2, 0)
  const se = Math.sqrt(residual / (n - 2) / sxx)
  if (se === 0) return slope < 0 ? 0 : 1
  return studentUpper(-slope / se, n - 2)
}

/**
 * The run's noise from one point to the next: the standard deviation of the successive differences over √2,
 * which a linear trend does not inflate (it only shifts their mean), with its degrees of freedom (n - 2).
 */
export function pointNoise(values: number[]): { sd: number; df: number } {
  if (values.length < 3) return { sd: NaN, df: 0 }
  const steps = values.slice(1).map((value, i) => value - values[i])
  return { sd: Math.sqrt(variance(steps) / 2), df: steps.length - 1 }
}

/**
 * One-sided p-value that the mean of the last `window` values lies above `level`: a t-test of that mean
 * against the run's own noise (pointNoise). 1 when the noise cannot be estimated (fewer than 3 values).
 */
export function endAbove(values: number[], window: number, level: number): number {
  const noise = pointNoise(values)
  if (noise.df < 1) return 1
  const end = mean(values.slice(-window))
  if (noise.sd === 0) return end > level ? 0 : 1
  return studentUpper((end - level) / (noise.sd / Math.sqrt(window)), noise.df)
}

/**
 * One-sided p-value that the first value lies above the mean of the `window` values after it, beyond the
 * later values' own noise (pointNoise of all but the first): a t-test of one new point against a mean, so its
 * variance is the noise's times 1 + 1/window. 1 when that noise cannot be estimated.
 */
export function firstAbove(values: number[], window: number): number {
  const later = values.slice(1)
  const noise = pointNoise(later)
  if (noise.df < 1) return 1
  const level = mean(later.slice(0, window))
  if (noise.sd === 0) return values[0] > level ? 0 : 1
  return studentUpper((values[0] - level) / (noise.sd * Math.sqrt(1 + 1 / window)), noise.df)
}

/**
 * Mann–Kendall over back-to-back runs: exact for one run, else each run's S summed against their summed
 * variances (the seasonal test). One-sided p-values of a fall and of a rise.
 */
export function seasonalMannKendall(runs: number[][]): { s: number; pFall: number; pRise: number } {
  const tests = runs.map(values => mannKendall(binned(values)))
  if (tests.length === 1) return tests[0]
  const s = tests.reduce((sum, t) => sum + t.s, 0)
  const variance = tests.reduce((sum, t) => sum + t.variance, 0)
  if (!(variance > 0)) return { s, pFall: 1, pRise: 1 }
  const sd = Math.sqrt(variance)
  return { s, pFall: normalUpper((-s - 1) / sd), pRise: normalUpper((s - 1) / sd) }
}

/**
 * Whether the runs rise once a fall of `share` of each run's first-window mean is added back: a small p says
 * they fell less than that share.
 */
export function riseOnceAddedBack(
  runs: { values: number[]; start: number }[],
  share: number
): number {
  return seasonalMannKendall(runs.map(r => withFallAddedBack(r.values, share * Math.abs(r.start))))
    .pRise
}

/** The values with a fall of `total` over the run added back: a series that fell that much becomes flat. */
export function withFallAddedBack(values: number[], total: number): number[] {
  const n = values.length
  return n < 2 ? values : values.map((value, i) => value + (total * i) / (n - 1))
}

/** The trend test's level, chosen on fixtures/loss-corpus (bench/loss-corpus.ts). */
export const DEFAULT_SIGNIFICANCE = 0.01
/**
 * The lenient level of the tests that never pass a run by themselves: a fall of note once added back, a run
 * that sat at chance, an end above the first value.
 */
export const FALL_LEVEL = 0.05

/** The fewest points whose steadiest possible fall (every value below the last) reaches p < alpha. */
export function fewestPoints(alpha: number): number {
  let n = 2
  let p = 0.5
  while (p >= alpha && n < EXACT_UP_TO) p /= ++n
  return n
}

/** Sen's slope: the median of the pairwise slopes (per point). */
export function senSlope(values: number[]): number {
  const slopes: number[] = []
  for (let i = 0; i < values.length - 1; i++)
    for (let j = i + 1; j < values.length; j++) slopes.push((values[j] - values[i]) / (j - i))
  return median(slopes)
}

export function median(values: number[]): number {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** How many points `share` of `count` averages at an end: at least one. */
export const windowOf = (count: number, share: number): number =>
  Math.max(1, Math.ceil(count * share))

export const mean = (values: number[]): number =>
  values.reduce((sum, v) => sum + v, 0) / values.length

function variance(values: number[]): number {
  const m = mean(values)
  return values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1)
}

/** Regularised incomplete beta I_x(a, b), by Lentz's continued fraction. */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const lnBeta = logGamma(a) + logGamma(b) - logGamma(a + b)
  const front = Math.exp(Math.log(x) * a + Math.log(1 - x) * b - lnBeta)
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a)
  let f = 1
  let c = 1
  let d = 0
  for (let i = 0; i <= 300; i++) {
    const m = i >> 1
    const numerator =
      i === 0
        ? 1
        : i % 2 === 0
          ? (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m))
          : -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1))
    d = 1 + numerator * d
    if (Math.abs(d) < 1e-30) d = 1e-30
    d = 1 / d
    c = 1 + numerator / c
    if (Math.abs(c) < 1e-30) c = 1e-30
    const cd = c * d
    f *= cd
    if (Math.abs(1 - cd) < 1e-12) break
  }
  return (front * (f - 1)) / a
}

function logGamma(x: number): number {
  const g = [
    676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
  ]
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  x -= 1
  let a = 0.99999999999980993
  const t = x + 7.5
  for (let i = 0; i < 8; i++) a += g[i] / (x + i + 1)
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a)
}

/** P(T > t) for Student's t with df degrees of freedom. */
export function studentUpper(t: number, df: number): number {
  const p = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5)
  return t > 0 ? p : 1 - p
}

/** One-sided Welch test that the last window's mean is below the first's; NaN-free for windows of ≥ 2. */
export function welchFall(first: number[], last: number[]): number {
  if (first.length < 2 || last.length < 2) return 1
  const v1 = variance(first) / first.length
  const v2 = variance(last) / last.length
  const diff = mean(first) - mean(last)
  if (v1 + v2 === 0) return diff > 0 ? 0 : 1
  const t = diff / Math.sqrt(v1 + v2)
  const df = (v1 + v2) ** 2 / (v1 ** 2 / (first.length - 1) + v2 ** 2 / (last.length - 1))
  return studentUpper(t, df)
}

/**
 * Moving-block bootstrap of the residuals around Sen's line: how often a trendless series with the same
 * (autocorrelated) noise shows a window-mean drop as large as the one seen. One-sided p-value.
 */
export function blockBootstrapFall(values: number[], window: number, draws = 999): number {
  const n = values.length
  if (n < 4) return 1
  const slope = senSlope(values)
  const centre = median(values.map((v, i) => v - slope * i))
  const residuals = values.map((v, i) => v - centre - slope * i)
  const block = Math.max(1, Math.round(Math.cbrt(n)))
  const drop = (series: number[]): number =>
    mean(series.slice(0, window)) - mean(series.slice(n - window))
  const seen = drop(values)
  const next = seededRandom(n * 7919 + window)
  let atLeast = 0
  for (let d = 0; d < draws; d++) {
    const sample: number[] = []
    while (sample.length < n) {
      const from = Math.floor(next() * (n - block + 1))
      for (let i = 0; i < block && sample.length < n; i++) sample.push(residuals[from + i])
    }
    if (drop(sample) >= seen) atLeast++
  }
  return (atLeast + 1) / (draws + 1)
}

/** Where the values stop changing: the index from which every value equals the last, and how many. */
export function frozenTail(values: number[]): { from: number; length: number } {
  let from = values.length - 1
  while (from > 0 && values[from - 1] === values[values.length - 1]) from--
  return { from, length: values.length - from }
}

/** Means of every run of `width` consecutive values (a moving average), index = the run's first value. */
export function movingMeans(values: number[], width: number): number[] {
  const out: number[] = []
  let sum = 0
  for (let i = 0; i < values.length; i++) {
    sum += values[i]
    if (i >= width) sum -= values[i - width]
    if (i >= width - 1) out.push(sum / width)
  }
  return out
}

/**
 * Back-to-back runs in one log: a step counter that goes back to (or below) where the series started
 * begins a new run. Returns the index where each run starts. Without explicit steps there is one run.
 */
export function runStarts(steps: number[]): number[] {
  const starts = [0]
  for (let i = 1; i < steps.length; i++) {
    const runFirst = steps[starts.at(-1)!]
    if (steps[i] < steps[i - 1] && steps[i] <= runFirst) starts.push(i)
  }
  return starts
}
