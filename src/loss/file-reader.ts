import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { UserError } from '../errors.js'
import { parseLossNumber } from './output-reader.js'
import type { LossPoint, LossSource } from './series.js'

// In order of preference: the finest-grained training loss first.
const LOSS_KEYS = ['loss', 'train_loss_step', 'train_loss', 'training_loss', 'train/loss']
const STEP_KEYS = ['step', 'global_step', 'iteration', 'epoch']

// Python's json.dumps writes NaN and Infinity as bare tokens, which JSON.parse rejects.
const BARE_NON_FINITE = /(:\s*)(-?Infinity|NaN)(\s*[,}\]])/g

function pickKey(keys: string[], candidates: string[]): string | undefined {
  return candidates.find(candidate => keys.includes(candidate))
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && value.trim() !== '') {
    const number = parseLossNumber(value.trim())
    return Number.isNaN(number) && !/nan/i.test(value) ? undefined : number
  }
  return undefined
}

function readJsonl(text: string, label: string): LossPoint[] {
  const points: LossPoint[] = []
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return
    let record: unknown
    try {
      record = JSON.parse(line.replace(BARE_NON_FINITE, '$1"$2"$3'))
    } catch {
      throw new UserError(`${label}:${index + 1}: not a JSON object: ${line.slice(0, 80)}`)
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new UserError(
        `${label}:${index + 1}: expected a JSON object like {"step": 1, "loss": 0.9}`
      )
    }
    const values = record as Record<string, unknown>
    const lossKey = pickKey(Object.keys(values), LOSS_KEYS)
    if (!lossKey) return // a line of other metrics (e.g. validation only)
    const value = toNumber(values[lossKey])
    if (value === undefined) {
      throw new UserError(
        `${label}:${index + 1}: "${lossKey}" is ${JSON.stringify(values[lossKey])}, not a number`
      )
    }
    const stepKey = pickKey(Object.keys(values), STEP_KEYS)
    const step = stepKey ? toNumber(values[stepKey]) : undefined
    points.push({ step: step ?? points.length + 1, value, line: index + 1 })
  })
  return points
}

function readCsv(text: string, label: string): LossPoint[] {
  const lines = text.split(/\r?\n/)
  const delimiter = lines[0].includes('\t') ? '\t' : ','
  const header = lines[0].split(delimiter).map(cell => cell.trim())
  const lossKey = pickKey(header, LOSS_KEYS)
  if (!lossKey) {
    throw new UserError(
      `${label}:1: no loss column; expected one of ${LOSS_KEYS.join(', ')} in the header (found: ${header.join(', ')})`
    )
  }
  const lossColumn = header.indexOf(lossKey)
  const stepKey = pickKey(header, STEP_KEYS)
  const stepColumn = stepKey ? header.indexOf(stepKey) : -1
  const points: LossPoint[] = []
  for (let index = 1; index < lines.length; index++) {
    if (lines[index].trim() === '') continue
    const cells = lines[index].split(delimiter)
    const cell = (cells[lossColumn] ?? '').trim()
    if (cell === '') continue // sparse logs leave the loss empty on rows of other metrics
    const value = toNumber(cell)
    if (value === undefined)
      throw new UserError(`${label}:${index + 1}: loss ${JSON.stringify(cell)} is not a number`)
    const step = stepColumn >= 0 ? toNumber(cells[stepColumn]) : undefined
    points.push({ step: step ?? points.length + 1, value, line: index + 1 })
  }
  return points
}

/** Reads a JSONL (`{"step": 1, "loss": 0.9}`) or CSV (`step,loss`) loss file. Null when it does not exist. */
export async function readLossFile(
  file: string,
  label: string
): Promise<{ points: LossPoint[]; source: LossSource } | null> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return null
  }
  const extension = path.extname(file).toLowerCase()
  if (extension === '.jsonl' || extension === '.ndjson' || extension === '.json') {
    return {
      points: readJsonl(text, label),
      source: { kind: 'file', file: label, format: 'jsonl' }
    }
  }
  if (extension === '.csv' || extension === '.tsv') {
    return { points: readCsv(text, label), source: { kind: 'file', file: label, format: 'csv' } }
  }
  throw new UserError(`${label}: unsupported loss file type "${extension}"; use .jsonl or .csv`)
}
