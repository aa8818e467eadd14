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
  // A change below 0.000001 %: say so rather than print fifteen digits of it.
  return Math.abs(value) < 1 ? 'less than 0.000001 %' : `${value} %`
}

/** "1 file", "2 files"; `many` for the irregular ones. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

/** The text with its first letter a capital: a message's first clause may come from a list or a table. */
export function capitalise(text: string): string {
  return text[0].toUpperCase() + text.slice(1)
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 32nd, ... */
export function ordinal(n: number): string {
  const tens = n % 100
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')
  return `${n}${suffix}`
}
