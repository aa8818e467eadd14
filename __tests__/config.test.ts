import { readFile } from 'node:fs/promises'
import { describe, expect, it } from '@jest/globals'
import { parse as parseYaml } from 'yaml'
import {
  ACTION_ONLY_INPUTS,
  actionRequestFromInputs,
  buildConfig,
  OPTION_NAMES,
  optionsSchema,
  parseSharding
} from '../src/config.js'
import { VERSION } from '../src/version.js'
import { UserError } from '../src/errors.js'

const required = {
  dataset: 'data.csv',
  schema: 'schema.yml',
  'train-command': 'python train.py',
  'artifact-path': 'model/'
}

function errorOf(raw: Record<string, unknown>): string {
  try {
    buildConfig(raw, '/ws', name => `input '${name}'`)
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return (error as Error).message
  }
  throw new Error('expected a UserError')
}

describe('config', () => {
  it('applies defaults and resolves paths: data against the workspace, outputs against working-directory', () => {
    const config = buildConfig(
      { ...required, 'working-directory': 'ml', 'loss-file': 'logs/loss.jsonl' },
      '/ws',
      n => n
    )
    expect(config).toMatchObject({
      dataset: ['/ws/data.csv'],
      schema: '/ws/schema.yml',
      workingDirectory: '/ws/ml',
      lossFile: '/ws/ml/logs/loss.jsonl',
      timeoutMinutes: 15,
      sampleRows: 256,
      sampleStrategy: 'random',
      seed: 0,
      artifactPath: ['model/'],
      artifactName: 'model',
      ifNoFilesFound: 'error',
      includeHiddenFiles: false
    })
    // Unset: min-loss-drop's default (0.03) is asked of a fall only (verdict.ts: minDropSet).
    expect(config.minLossDrop).toBeUndefined()
  })

  it('reads action inputs as strings: empty means unset, numbers and lists are parsed', () => {
    const inputs: Record<string, string> = {
      ...required,
      'sample-rows': '32',
      'min-loss-drop': '0.1',
      'artifact-path': 'model.pt\n\n  !model/*.tmp  \nconfig.json',
      'retention-days': '',
      'include-hidden-files': 'true'
    }
    const request = actionRequestFromInputs(name => inputs[name] ?? '', '/ws')
    if (request.mode !== 'run') throw new Error('expected a run')
    const { config } = request
    expect(config.sampleRows).toBe(32)
    expect(config.minLossDrop).toBe(0.1)
    expect(config.artifactPath).toEqual(['model.pt', '!model/*.tmp', 'config.json'])
    expect(config.retentionDays).toBeUndefined()
    expect(config.includeHiddenFiles).toBe(true)
  })

  it('says which input is wrong, what was expected and what it got', () => {
    expect(errorOf({ ...required, 'sample-rows': 'many' })).toBe(
      `input 'sample-rows': expected number; got "many"`
    )
    expect(errorOf({ ...required, 'sample-strategy': 'stratifed' })).toBe(
      `input 'sample-strategy': expected one of random, head, stratified, all; got "stratifed"`
    )
    expect(errorOf({ ...required, delimiter: '"' })).toBe(
      `input 'delimiter': a quote or a line break cannot separate fields; got "\\""`
    )
    expect(errorOf({ ...required, env: 'GOOD=1\nnot a pair' })).toBe(
      `input 'env': line 2 "not a pair" is not KEY=VALUE`
    )
    expect(errorOf({ ...required, 'min-loss-drop': '10' })).toBe(
      `input 'min-loss-drop': expected ≤ 1; got 10`
    )
    expect(errorOf({ dataset: 'd.csv', schema: 's.yml', 'artifact-path': 'm' })).toBe(
      `input 'train-command': is required (expected string)`
    )
    expect(errorOf({ ...required, 'artifact-name': 'a/b' })).toBe(
      `input 'artifact-name': must not contain any of " : < > | * ? \\ / or a line break; got "a/b"`
    )
    expect(errorOf({ ...required, 'loss-pattern': 'loss=\\S+' })).toMatch(
      /^input 'loss-pattern': expected a regular expression with a capture group/
    )
  })

  it('catches a misspelled option in a config file and suggests the right one', () => {
    expect(errorOf({ ...required, sample_rows: 8 })).toBe(
      `unknown option input 'sample_rows'; did you mean input 'sample-rows'?`
    )
  })

  it('matches action.yml: the same inputs, required flags and defaults', async () => {
    const action = parseYaml(await readFile(new URL('../action.yml', import.meta.url), 'utf8'))
    expect(action.runs.using).toBe('node24')
    expect(Object.keys(action.inputs).sort()).toEqual(
      [...OPTION_NAMES, ...ACTION_ONLY_INPUTS].sort()
    )
    const defaults: Record<string, unknown> = {
      ...(optionsSchema.parse(required) as Record<string, unknown>),
      ...parseSharding({}, name => name),
      mode: 'run',
      'verify-path': 'ml-smoke-artifact',
      'github-token': '${{ github.token }}'
    }
    for (const [name, input] of Object.entries(
      action.inputs as Record<
        string,
        { required?: boolean; default?: string; description?: string }
      >
    )) {
      expect(input.description).toBeTruthy()
      // No input is required by action.yml (verify-only needs none of them); the config enforces
      // what mode run needs, and the description says so.
      expect(Boolean(input.required)).toBe(false)
      expect(input.description!.startsWith('Required in mode run.')).toBe(name in required)
      if (input.default !== undefined) expect(String(defaults[name])).toBe(input.default)
    }
  })
})

describe('verify-only mode', () => {
  it('needs only the artifact name and a folder', () => {
    const inputs: Record<string, string> = { mode: 'verify-only', 'artifact-name': 'iris' }
    expect(actionRequestFromInputs(name => inputs[name] ?? '', '/ws')).toEqual({
      mode: 'verify-only',
      artifactName: 'iris',
      verifyPath: '/ws/ml-smoke-artifact',
      attest: 'auto'
    })
    const local = {
      ...inputs,
      'verify-local-path': 'models',
      attest: 'on',
      'trusted-root': 'r.jsonl'
    }
    expect(actionRequestFromInputs(name => local[name as keyof typeof local] ?? '', '/ws')).toEqual(
      {
        mode: 'verify-only',
        artifactName: 'iris',
        verifyPath: '/ws/ml-smoke-artifact',
        localPath: '/ws/models',
        attest: 'on',
        trustedRoot: '/ws/r.jsonl'
      }
    )
    expect(() => actionRequestFromInputs(name => ({ mode: 'check' })[name] ?? '', '/ws')).toThrow(
      `input 'mode': expected one of run, verify-only, comment, plan, validate-shard, merge; got "check"`
    )
  })

  it('VERSION matches package.json', async () => {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'))
    expect(VERSION).toBe(pkg.version)
  })
})
