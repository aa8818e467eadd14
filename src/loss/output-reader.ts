import type { LossPoint } from './series.js'

/**
 * Catches `loss=0.42`, `loss: 0.42`, `'loss': 0.42`, `"loss": "0.42"`, `train_loss 0.42`, `Loss = nan`,
 * but not `val_loss`, `eval_loss` or `train_loss_epoch`: the name must not be glued to a longer word.
 */
export const DEFAULT_LOSS_PATTERN = String.raw`(?<![\w.\-/])['"]?(?:train(?:ing)?[_ ])?loss['"]?\s*[:=]?\s*['"]?(?<value>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[-+]?(?:nan|inf(?:inity)?))(?![\w.])`

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g

/** Removes colour codes and applies backspaces, as a terminal would show the line. */
export function cleanLine(line: string): string {
  let out = line.includes('\u001b') ? line.replace(ANSI, '') : line
  if (out.includes('\b')) {
    const chars: string[] = []
    for (const c of out) {
      if (c === '\b') chars.pop()
      else chars.push(c)
    }
    out = chars.join('')
  }
  return out
}

export function parseLossNumber(text: string): number {
  const lower = text.toLowerCase()
  if (lower.endsWith('nan')) return NaN
  if (lower.endsWith('inf') || lower.endsWith('infinity'))
    return lower.startsWith('-') ? -Infinity : Infinity
  return Number(text)
}

export function compileLossPattern(pattern: string): RegExp {
  return new RegExp(pattern, 'i')
}

/** Reads the loss from command output one line at a time, as the command prints it. */
export class OutputLossReader {
  readonly points: LossPoint[] = []

  constructor(private readonly pattern: RegExp) {}

  readLine(rawLine: string, lineNumber: number): void {
    const match = this.pattern.exec(cleanLine(rawLine))
    if (!match) return
    const text = match.groups?.value ?? match[1]
    if (text === undefined) return
    const value = parseLossNumber(text.trim())
    // A capture that is not a number (a user pattern that is too loose) is not a loss value.
    if (Number.isNaN(value) && !/nan/i.test(text)) return
    this.points.push({ step: this.points.length + 1, value, line: lineNumber })
  }
}
