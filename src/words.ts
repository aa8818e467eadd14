/** Small wording helpers shared by every message. */

/**
 * A fraction as a percentage with one decimal, or more where one would mislead: 0.06 % is not shown as
 * "0.0 %", nor 99.95 % as "100.0 %".
 */
export function percent(fraction: number): string {
  const value = fraction * 100
  for (let digits = 1; digits <= 6; digits++) {
    const shown = Number(value.toFixed(digits))
    const misleads =
      (shown === 0) !== (value === 0) || (Math.abs(shown) === 100) !== (Math.abs(value) === 100)
    if (!misleads) return `${value.toFixed(digits)} %`
  }
  return `${value} %`
}

/** "1 file", "2 files"; `many` for the irregular ones. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}
