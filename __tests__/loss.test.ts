import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { readLossFile } from '../src/loss/file-reader.js'
import {
  cleanLine,
  compileLossPattern,
  DEFAULT_LOSS_PATTERN,
  OutputLossReader
} from '../src/loss/output-reader.js'
import type { LossPoint } from '../src/loss/series.js'
import { judgeLoss } from '../src/loss/verdict.js'

const fixture = (name: string): string => new URL(`../fixtures/${name}`, import.meta.url).pathname

function readOutput(text: string, pattern = DEFAULT_LOSS_PATTERN): LossPoint[] {
  const reader = new OutputLossReader(compileLossPattern(pattern))
  text.split('\n').forEach((line, index) => reader.readLine(line, index + 1))
  return reader.points
}

const series = (...values: number[]): LossPoint[] =>
  values.map((value, i) => ({ step: i + 1, value, line: i + 1 }))

describe('reading the loss from command output', () => {
  it.each([
    ['loss=0.42', 0.42],
    ['epoch 3 loss: 0.42', 0.42],
    ["{'loss': 0.42, 'grad_norm': 1.2}", 0.42],
    ["{'loss': '0.42', 'learning_rate': '5e-05'}", 0.42],
    ['{"loss": 4.2e-1}', 0.42],
    ['train_loss 0.42', 0.42],
    ['Iteration 7, loss = 0.42', 0.42],
    ['step 10 | Loss: 0.42 | val_loss: 0.9', 0.42],
    ['\u001b[32mloss=0.42\u001b[0m', 0.42]
  ])('%j gives %d', (line, value) => {
    expect(readOutput(line).map(point => point.value)).toEqual([value])
  })

  it.each([
    'val_loss=0.42',
    'eval_loss: 0.42',
    'train_loss_epoch=0.42',
    'lossy=3',
    'loss_scale: 1024',
    'no numbers here'
  ])('ignores %j', line => {
    expect(readOutput(line)).toEqual([])
  })

  it('keeps NaN and infinity, with the line they were on', () => {
    expect(readOutput('loss=0.5\nloss=nan\nloss: -inf')).toEqual([
      { step: 1, value: 0.5, line: 1 },
      { step: 2, value: NaN, line: 2 },
      { step: 3, value: -Infinity, line: 3 }
    ])
  })

  it('reads all 25 iterations of real scikit-learn MLPClassifier(verbose=True) output', async () => {
    const points = readOutput(await readFile(fixture('logs/sklearn-mlp-console.txt'), 'utf8'))
    expect(points).toHaveLength(25)
    expect(points[0].value).toBeCloseTo(0.9918, 4)
    expect(points[24].value).toBeCloseTo(0.3461, 4)
  })

  it('takes a user pattern with a named or a first group', () => {
    expect(
      readOutput('my_obj -> 1.5', String.raw`my_obj -> (?<value>\S+)`).map(p => p.value)
    ).toEqual([1.5])
    expect(readOutput('J=2.5', String.raw`J=(\S+)`).map(p => p.value)).toEqual([2.5])
    expect(readOutput('J=abc', String.raw`J=(\S+)`)).toEqual([])
  })

  it('cleans colour codes and backspaces', () => {
    expect(cleanLine('\u001b[1mab\bc\u001b[0m')).toBe('ac')
  })
})

describe('reading loss files', () => {
  const write = async (name: string, content: string): Promise<string> => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'loss-')), name)
    await writeFile(file, content)
    return file
  }

  it('JSONL with steps, other-metric lines and the bare NaN Python writes', async () => {
    const file = await write(
      'm.jsonl',
      '{"step": 10, "loss": 0.9}\n{"step": 10, "val_loss": 1.1}\n{"step": 20, "loss": NaN}\n'
    )
    const read = await readLossFile(file, 'm.jsonl')
    expect(read?.points).toEqual([
      { step: 10, value: 0.9, line: 1 },
      { step: 20, value: NaN, line: 3 }
    ])
  })

  it('a malformed JSONL line is an error at its line, not skipped', async () => {
    const file = await write('m.jsonl', '{"loss": 0.9}\n{"loss": 0.8\n')
    await expect(readLossFile(file, 'm.jsonl')).rejects.toThrow('m.jsonl:2: not a JSON object')
  })

  it('CSV step,loss; real Lightning CSVLogger metrics.csv (sparse rows) gives its 20 train_loss_step values', async () => {
    const simple = await readLossFile(await write('l.csv', 'step,loss\n1,0.9\n2,0.7\n'), 'l.csv')
    expect(simple?.points.map(p => [p.step, p.value])).toEqual([
      [1, 0.9],
      [2, 0.7]
    ])
    const lightning = await readLossFile(fixture('logs/lightning-metrics.csv'), 'metrics.csv')
    expect(lightning?.points).toHaveLength(20)
    expect(lightning?.points[0]).toMatchObject({ step: 3 })
    expect(lightning?.points[0].value).toBeCloseTo(0.6824, 4)
    expect(lightning?.points[19]).toMatchObject({ step: 79 })
    expect(lightning?.points[19].value).toBeCloseTo(0.0642, 4)
  })

  it('returns null for a missing file and refuses unknown types', async () => {
    expect(await readLossFile('/nonexistent/loss.jsonl', 'loss.jsonl')).toBeNull()
    await expect(readLossFile(await write('loss.txt', 'x'), 'loss.txt')).rejects.toThrow(
      'unsupported loss file type ".txt"'
    )
  })
})

describe('judgeLoss', () => {
  const output = { kind: 'output' } as const

  it('passes a falling loss and reports first, last, min and the relative drop', () => {
    const result = judgeLoss(series(1, 0.6, 0.5), output, 0.2)
    expect(result).toMatchObject({ verdict: 'pass', first: 1, last: 0.5, min: 0.5, drop: 0.5 })
    expect(result.reason).toBe('loss fell 50.0 % (1 → 0.5 over 3 points)')
  })

  it('fails a rising, a flat, and a too-small drop', () => {
    expect(judgeLoss(series(0.5, 0.7), output, 0).reason).toBe(
      'loss rose by 40.0 % (0.5 → 0.7 over 2 points)'
    )
    expect(judgeLoss(series(0.7, 0.7), output, 0)).toMatchObject({
      verdict: 'fail',
      reason: 'loss did not change (0.7 → 0.7 over 2 points): the model did not learn'
    })
    expect(judgeLoss(series(1, 0.95), output, 0.1).reason).toBe(
      'loss fell only 5.0 % (1 → 0.95 over 2 points); min-loss-drop requires 10.0 %'
    )
  })

  it('fails on NaN or infinity and names the step and line', () => {
    const result = judgeLoss(
      series(1, 0.5, NaN, 0.3),
      { kind: 'file', file: 'metrics.jsonl', format: 'jsonl' },
      0
    )
    expect(result.verdict).toBe('fail')
    expect(result.reason).toBe('loss is NaN at step 3 (metrics.jsonl line 3): training diverged')
    expect(result.nonFiniteAt).toEqual({ step: 3, value: NaN, line: 3 })
  })

  it('is inconclusive with no values or only one', () => {
    expect(judgeLoss([], output, 0)).toMatchObject({ verdict: 'inconclusive' })
    expect(judgeLoss([], output, 0).reason).toContain('set loss-file or loss-pattern')
    expect(judgeLoss(series(0.5), output, 0).reason).toContain('only one loss value (0.5)')
  })
})
