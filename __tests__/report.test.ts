import { describe, expect, it } from '@jest/globals'
import type { Config } from '../src/config.js'
import type { Violation } from '../src/data/validation-types.js'
import { pickAnnotations } from '../src/report/annotations.js'
import { reportOutputs } from '../src/report/outputs.js'
import { lossChart, renderSummary } from '../src/report/summary.js'
import type { RunReport } from '../src/report/types.js'

const violation = (line: number, code: string, field?: string): Violation => ({
  line,
  rowNumber: line,
  code,
  field,
  message: `${code} on ${line}`
})

describe('pickAnnotations', () => {
  it('shows distinct (code, column) problems first, then fills up to ten, in line order', () => {
    const violations = [
      ...Array.from({ length: 20 }, (_, i) => violation(i + 2, 'type-error', 'age')),
      violation(30, 'constraint-error', 'city'),
      violation(40, 'missing-cell', 'note')
    ]
    const picked = pickAnnotations(violations)
    expect(picked).toHaveLength(10)
    expect(picked.map(v => v.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 30, 40])
  })
})

const report = (overrides: Partial<RunReport>): RunReport => ({
  config: {} as Config,
  labels: { dataset: 'data.csv', schema: 'schema.yml' },
  stages: [],
  outcome: 'passed',
  headline: 'ok',
  ...overrides
})

describe('renderSummary', () => {
  it('explains a failed run: stage table, grouped violations, skipped stages', () => {
    const markdown = renderSummary(
      report({
        outcome: 'failed',
        headline: 'Data validation failed: 2 violations',
        stages: [
          {
            name: 'validate',
            title: 'Data validation',
            status: 'failed',
            message: '2 violations | bad',
            durationMs: 3
          },
          { name: 'sample', title: 'Subset', status: 'skipped', message: 'skipped', durationMs: 0 }
        ],
        validation: {
          rows: 10,
          violationCount: 2,
          violations: [violation(3, 'type-error', 'age'), violation(5, 'extra-cell')],
          truncated: false,
          countsByCode: { 'type-error': 1, 'extra-cell': 1 },
          countsByField: { age: 1 },
          header: ['age'],
          format: 'csv',
          stats: { nullCounts: {}, duplicateRows: 0 }
        }
      })
    )
    expect(markdown).toContain('## ml-smoke ❌ failed')
    expect(markdown).toContain('| Data validation | ❌ failed | 0.0 s | 2 violations \\| bad |')
    expect(markdown).toContain('| Subset | ⏭️ skipped |  | skipped |')
    expect(markdown).toContain('| line 3 | 3 | `age` | `type-error` | type-error on 3 |')
    expect(markdown).toContain('| `age` | 1 |')
  })

  it('draws the loss curve as a Mermaid xychart, leaving out non-finite points and thinning long series', () => {
    const points = Array.from({ length: 1000 }, (_, i) => ({
      step: i + 1,
      value: 1 / (i + 1),
      line: i + 1
    }))
    const loss = (values: typeof points) => ({
      verdict: 'pass' as const,
      reason: '',
      series: {
        key: 'train_loss',
        source: 'command output',
        format: 'output' as const,
        points: values
      },
      usedValidation: false,
      others: [],
      searched: [],
      warnings: []
    })
    const chart = lossChart(loss(points))!
    expect(chart).toMatch(/^```mermaid\nxychart-beta\n/)
    const xs = /x-axis "step" \[([^\]]+)\]/.exec(chart)![1].split(', ')
    expect(xs.length).toBeLessThanOrEqual(101)
    expect(xs.at(-1)).toBe('1000')
    expect(chart).toContain('title "train_loss"')
    const nan = lossChart(loss([points[0], { step: 2, value: NaN, line: 2 }, points[2]]))!
    expect(nan).toContain('line [1, 0.333333]')
  })
})

describe('reportOutputs', () => {
  it('sets only what the run knows', () => {
    expect(reportOutputs(report({}))).toEqual({})
    const outputs = reportOutputs(
      report({
        loss: {
          verdict: 'pass',
          reason: '',
          series: { key: 'loss', source: 'metrics.jsonl', format: 'jsonl', points: [] },
          usedValidation: false,
          others: [],
          searched: [],
          warnings: [],
          first: 1,
          last: 0.5,
          drop: 0.5
        },
        artifact: { name: 'model', upload: { id: 7, size: 10, digest: 'ab', url: 'https://x' } }
      })
    )
    expect(outputs).toEqual({
      'initial-loss': '1',
      'final-loss': '0.5',
      'loss-drop': '0.5',
      'loss-verdict': 'pass',
      'loss-key': 'loss',
      'loss-source': 'metrics.jsonl',
      'artifact-id': '7',
      'artifact-url': 'https://x',
      'artifact-digest': 'ab'
    })
  })
})
