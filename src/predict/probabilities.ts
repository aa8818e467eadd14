import type { AnswerSchema } from './answer-schema.js'

/** A problem with an answer's class probabilities, before its position is attached. */
export interface ProbabilityProblem {
  code:
    'type-error' | 'unknown-class' | 'probability-count' | 'probability-range' | 'probability-sum'
  message: string
}

/** Rounding allowed per class: float32 softmax outputs sum to 1 within about 1e-7 a class. */
const TOLERANCE_PER_CLASS = 1e-6

function classesProblem(
  value: unknown,
  classes: string[] | undefined,
  label: string
): ProbabilityProblem | null {
  if (!classes) return null
  if (Array.isArray(value))
    return value.length === classes.length
      ? null
      : {
          code: 'probability-count',
          message: `${label}: ${value.length} values for ${classes.length} classes (${classes.join(', ')})`
        }
  const unknown = Object.keys(value as object).filter(key => !classes.includes(key))
  return unknown.length
    ? {
        code: 'unknown-class',
        message: `${label}: ${unknown.map(key => JSON.stringify(key)).join(', ')} ${unknown.length === 1 ? 'is not a class' : 'are not classes'} (classes: ${classes.join(', ')})`
      }
    : null
}

/**
 * What is wrong with an answer's probabilities field (an object by class, or an array in class order):
 * values outside [0, 1], a sum other than 1 (within 1e-6 a class), classes the label does not have.
 * NaN and infinities are left to the JSON check, which names them.
 */
export function probabilityProblems(
  answer: Record<string, unknown>,
  spec: Pick<AnswerSchema, 'probabilities' | 'label'>
): ProbabilityProblem[] {
  const name = spec.probabilities
  const value = name === undefined ? undefined : answer[name]
  if (value === undefined || value === null) return []
  const label = `field "${name}"`
  if (typeof value !== 'object')
    return [
      {
        code: 'type-error',
        message: `${label}: expected an object of class → probability, or an array of probabilities; got ${typeof value}`
      }
    ]
  const problems: ProbabilityProblem[] = []
  const classes = classesProblem(value, spec.label?.classes, label)
  if (classes) problems.push(classes)
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : Object.entries(value)
  const numbers = entries.filter(([, v]) => typeof v === 'number' && Number.isFinite(v))
  const outside = entries.filter(
    ([, v]) => !(typeof v === 'number') || (Number.isFinite(v) && (v < 0 || v > 1))
  )
  if (outside.length)
    problems.push({
      code: 'probability-range',
      message: `${label}: ${outside
        .slice(0, 3)
        .map(([key, v]) => `${key} ${JSON.stringify(v)}`)
        .join(', ')} ${outside.length === 1 ? 'is' : 'are'} not a probability in [0, 1]`
    })
  const sum = numbers.reduce((total, [, v]) => total + (v as number), 0)
  if (numbers.length === entries.length && Math.abs(sum - 1) > TOLERANCE_PER_CLASS * entries.length)
    problems.push({
      code: 'probability-sum',
      message: `${label}: the probabilities sum to ${sum}, not 1`
    })
  return problems
}
