/**
 * The objective a scikit-learn solver prints (L-BFGS-B's `f`, liblinear's `f`) is a descent method's: it
 * falls at every iteration, on labels with no signal too, so its fall shows nothing. A LogisticRegression
 * starts from zero weights, where every row scores ln K, and its objective is then a likelihood that can be
 * tested against the class prior's: labels with no signal let a fit of d free coefficients gain about
 * χ²(d)/2 nats over the prior in all (Wilks), and no more than the 99th percentile of that in 99 fits of 100.
 */

/** Class counts tried when the label is not known (LogisticRegression on up to this many classes). */
const MAX_CLASSES_TRIED = 20
/** L-BFGS-B prints 6 significant digits: a value off by less than this share is the same number. */
const PRINTED_PRECISION = 5e-6
/** The standard normal's 99th percentile (the level a fall is tested at, DEFAULT_SIGNIFICANCE). */
const Z_99 = 2.326348

/**
 * Whether a first objective is what zero weights score: m × ln K, m the rows (times C; scikit-learn up to
 * 1.3 sums the log loss) or 1 (later versions average it). Returns m and K, or undefined.
 */
export function zeroWeightsStart(
  first: number,
  classes?: number
): { rows: number; classes: number } | undefined {
  const tried = classes ? [classes] : Array.from({ length: MAX_CLASSES_TRIED - 1 }, (_, i) => i + 2)
  for (const k of tried) {
    const rows = first / Math.log(k)
    if (rows >= 0.5 && Math.abs(rows - Math.round(rows)) <= PRINTED_PRECISION * rows)
      return { rows: Math.round(rows), classes: k }
  }
  return undefined
}

/**
 * The coefficients beyond the intercept-only model's: binary LogisticRegression fits N = features + 1,
 * multinomial N = K × (features + 1), of which one class's are redundant.
 */
export function freeCoefficients(coefficients: number, classes: number): number {
  if (classes > 2 && coefficients % classes === 0)
    return (classes - 1) * (coefficients / classes - 1)
  return Math.max(1, coefficients - (classes - 1))
}

/** χ²'s 99th percentile with `df` degrees of freedom (Wilson–Hilferty; within 1 % from df = 1 up). */
export function chiSquare99(df: number): number {
  const c = 2 / (9 * df)
  return df * (1 - c + Z_99 * Math.sqrt(c)) ** 3
}

/**
 * What a fit of `df` free coefficients to `rows` rows whose labels carry no signal gains over the prior, per
 * row, in 99 fits of 100 or more. Wilks's χ² grows with the coefficients per row (Sur and Candès, 2019): at
 * 0.1–0.3 of them per row, 1.6–3.7 % of no-signal fits passed its 99th percentile. Times (1 + df / rows),
 * 0–1.2 % of 1,000 fits in each of 7 shapes (rows 100–1,000, 8–120 coefficients, 2–5 classes; README).
 */
export function noSignalGain(df: number, rows: number): number {
  return (chiSquare99(df) * (1 + df / rows)) / (2 * rows)
}
