import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => core)

const { run } = await import('../src/main.js')

const fixtures = new URL('../fixtures/', import.meta.url).pathname

function withInputs(inputs: Record<string, string>): void {
  core.getInput.mockImplementation(name => inputs[name] ?? '')
}

beforeEach(async () => {
  core.summary.written.length = 0
  const temp = await mkdtemp(path.join(os.tmpdir(), 'main-'))
  process.env.GITHUB_WORKSPACE = fixtures
  process.env.RUNNER_TEMP = temp
  process.env.GITHUB_STEP_SUMMARY = path.join(temp, 'summary.md')
  await writeFile(process.env.GITHUB_STEP_SUMMARY, '')
})

describe('run()', () => {
  it('a bad input fails the step once, with the message and no stack trace', async () => {
    withInputs({
      dataset: 'iris/iris.csv',
      schema: 'iris/iris.schema.yml',
      'train-command': 'true',
      'artifact-path': 'm',
      'timeout-minutes': '-1'
    })
    await run()
    expect(core.setFailed).toHaveBeenCalledTimes(1)
    expect(core.setFailed).toHaveBeenCalledWith(`input 'timeout-minutes': expected > 0; got -1`)
    expect(core.summary.written.join('')).toContain('could not run')
  })

  it('violations become at most ten annotations, one per distinct problem first, and fail the step', async () => {
    withInputs({
      dataset: 'iris/broken.csv',
      schema: 'iris/iris.schema.yml',
      'train-command': 'true',
      'artifact-path': 'm'
    })
    await run()
    expect(core.error).toHaveBeenCalledTimes(8)
    expect(core.error).toHaveBeenCalledWith('field "target": "7" is not one of 0, 1, 2', {
      title: 'ml-smoke: constraint-error in "target"',
      file: 'iris/broken.csv',
      startLine: 6
    })
    expect(core.setOutput).toHaveBeenCalledWith('violations', '8')
    expect(core.setOutput).not.toHaveBeenCalledWith('subset-rows', expect.anything())
    expect(core.setFailed).toHaveBeenCalledTimes(1)
    expect(core.setFailed.mock.calls[0][0]).toMatch(
      /^Data validation failed: 8 violations in iris\/broken\.csv/
    )
  })

  it('more violations than GitHub shows: ten error annotations with the failure itself, the rest counted', async () => {
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'main-ws-'))
    await cp(path.join(fixtures, 'iris'), path.join(workspace, 'iris'), { recursive: true })
    const header = (await readFile(path.join(workspace, 'iris/iris.csv'), 'utf8')).split('\n')[0]
    const bad = Array.from({ length: 15 }, (_, i) => `5.1,3.5,1.4,0.2,${i + 3},setosa`)
    await writeFile(path.join(workspace, 'iris/many.csv'), [header, ...bad, ''].join('\n'))
    process.env.GITHUB_WORKSPACE = workspace
    withInputs({
      dataset: 'iris/many.csv',
      schema: 'iris/iris.schema.yml',
      'train-command': 'true',
      'artifact-path': 'm'
    })
    await run()
    // GitHub shows ten error annotations per step, and the failed step's own message is one of them.
    expect(core.setFailed).toHaveBeenCalledTimes(1)
    expect(core.error).toHaveBeenCalledTimes(9)
    expect(core.error.mock.calls.map(([, props]) => props?.startLine)).toEqual(
      Array.from({ length: 9 }, (_, i) => i + 2)
    )
    expect(core.setOutput).toHaveBeenCalledWith('violations', '15')
    expect(core.summary.written.join('')).toContain(
      '6 errors not annotated: GitHub shows 10 errors and 10 warnings per step'
    )
  })

  it('an inconclusive loss (the command printed none) fails the step and says what to print', async () => {
    withInputs({
      dataset: 'iris/iris.csv',
      schema: 'iris/iris.schema.yml',
      'train-command': 'echo trained',
      'artifact-path': 'm'
    })
    await run()
    expect(core.setOutput).toHaveBeenCalledWith('loss-verdict', 'inconclusive')
    expect(core.setFailed).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Loss check inconclusive: no training loss found in command output, \$ML_SMOKE_METRICS, \$ML_SMOKE_OUTPUT_DIR\. Print lines such as "loss=0\.42"/
      )
    )
  })
})
