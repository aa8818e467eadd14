/**
 * Text from data, logs and file names stays text: the action, run in this process with the real
 * @actions/core, never lets it become a workflow command, HTML in the summary, or an output.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { parseOutputFile } from './harness/runner.js'
import { workflowCommands, type ParsedCommand } from './harness/workflow-commands.js'
import {
  codeSpan,
  commandSafe,
  holdsWorkflowCommand,
  jsonCommandSafe,
  markdownText,
  terminalSafe
} from '../src/untrusted.js'

const { run } = await import('../src/main.js')

const PAYLOADS = [
  '::error file=README.md,line=1,title=FORGED::owned',
  '::add-mask::secret',
  '::set-output name=x::y',
  '::stop-commands::abc',
  '##[warning]legacy',
  '  ::warning::indented',
  '<img src=x onerror=alert(1)>',
  '</table><h1>big</h1>',
  '[link](https://evil.example)',
  '`code` | pipe',
  '&lt;entity'
]

/** Random text built from command and HTML fragments, line breaks of every kind, and noise. */
const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PAYLOADS),
      fc.constantFrom(...PAYLOADS).map(payload => `\n${payload}`),
      fc.constantFrom('\r', '\n', '\r\n', '::', ':', '<', '>', '#', '[', ']', ' '),
      fc.string({ maxLength: 6 })
    ),
    { minLength: 1, maxLength: 8 }
  )
  .map(parts => parts.join(''))

function csvCell(text: string): string {
  return `"${text.replace(/"/g, '""')}"`
}

// @actions/core keeps the summary file's path from its first write: one file for every run here.
const summary = path.join(await mkdtemp(path.join(os.tmpdir(), 'untrusted-')), 'summary.md')

/** The action, run as the runner runs it but in this process: its stdout, summary and outputs. */
async function runAction(files: Record<string, string>, inputs: Record<string, string>) {
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'untrusted-'))
  for (const [name, text] of Object.entries(files))
    await writeFile(path.join(workspace, name), text)
  const outputs = path.join(workspace, 'outputs.txt')
  await writeFile(summary, '')
  await writeFile(outputs, '')
  const saved = { ...process.env }
  Object.assign(process.env, {
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: workspace,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: outputs
  })
  for (const [name, value] of Object.entries(inputs))
    process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  const write = process.stdout.write
  let stdout = ''
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk)
    return true
  }) as typeof process.stdout.write
  try {
    await run()
  } finally {
    process.stdout.write = write
    process.env = saved
    process.exitCode = undefined
  }
  const markdown = await readFile(summary, 'utf8')
  expect(markdown).toMatch(/^## ml-smoke/)
  return {
    stdout,
    summary: markdown,
    outputs: parseOutputFile(await readFile(outputs, 'utf8'))
  }
}

/** Only what ml-smoke itself says: groups, its annotations, warnings and debug lines. */
function expectOnlyOwnCommands(commands: ParsedCommand[], dataset: string): void {
  for (const command of commands) {
    expect(['group', 'endgroup', 'error', 'warning', 'debug']).toContain(command.name)
    const { title, file } = command.properties
    if (title !== undefined) expect(title).toMatch(/^ml-smoke/)
    if (file !== undefined) expect(file).toBe(dataset)
    expect(command.data).not.toMatch(/[\r\n]/)
  }
}

/** No tag but the summary's own <details> and <summary> outside code (fenced blocks and spans, shown as text). */
function expectNoForeignHtml(markdown: string): void {
  const prose = markdown
    .replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '')
    .replace(/(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '')
    .replace(/<\/?(details|summary)( open)?>/g, '')
  expect(prose).not.toMatch(/<[a-z/!]/i)
}

const schema = JSON.stringify({
  fields: [
    { name: 'x', type: 'integer' },
    { name: 'species', constraints: { enum: ['setosa', 'versicolor'] } }
  ],
  mlChecks: { label: { column: 'species', classes: ['virginica'] } }
})

describe('hostile text in data', () => {
  it('header labels, cells and class labels never become commands, HTML or outputs', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, async (label, cell, other) => {
        const data = `x,species,${csvCell(label)}\n1,${csvCell(cell)},a\n2,${csvCell(other)},b\n`
        const result = await runAction(
          { 'data.csv': data, 'schema.json': schema },
          {
            dataset: 'data.csv',
            schema: 'schema.json',
            'train-command': 'true',
            'artifact-path': 'm'
          }
        )
        expectOnlyOwnCommands(workflowCommands(result.stdout), 'data.csv')
        expectNoForeignHtml(result.summary)
        expect(Object.keys(result.outputs).sort()).toEqual(['rows-validated', 'violations'])
      }),
      {
        numRuns: 60,
        seed: 20261129,
        examples: [['a\n::add-mask::secret', 'b\r::error title=X::y', '##[warning]z']]
      }
    )
  })

  it("the training command's output and a loss key from it stay text", async () => {
    const printed = PAYLOADS.map(payload => `'${payload.replace(/'/g, "'\\''")}'`).join(' ')
    const result = await runAction(
      {
        'data.csv': 'x,species\n1,setosa\n2,versicolor\n3,setosa\n',
        'schema.json': JSON.stringify({ fields: [{ name: 'x' }, { name: 'species' }] })
      },
      {
        dataset: 'data.csv',
        schema: 'schema.json',
        'train-command': `printf '%s\\n' ${printed}; printf 'loss=0.9\\nloss=0.5\\n<b>loss</b>=0.2\\n'; printf 'no newline ::error::x'`,
        'artifact-path': 'none',
        'if-no-files-found': 'ignore'
      }
    )
    const commands = workflowCommands(result.stdout)
    expectOnlyOwnCommands(commands, 'data.csv')
    expect(commands.map(command => command.name)).toContain('group')
    expect(result.stdout).toContain('::add-mask::secret')
    expectNoForeignHtml(result.summary)
  })
})

describe('untrusted text helpers', () => {
  it('commandSafe leaves plain text alone and pauses commands around text that holds one', () => {
    expect(commandSafe('3 rows of data.csv')).toBe('3 rows of data.csv')
    for (const payload of [...PAYLOADS.slice(0, 6), 'a\r::warning::b', 'x ##[error]y']) {
      expect(holdsWorkflowCommand(payload)).toBe(true)
      expect(workflowCommands(commandSafe(payload))).toEqual([])
    }
  })

  it('JSON keeps its value and loses the legacy marker', () => {
    const json = jsonCommandSafe(JSON.stringify({ message: 'a ##[add-mask]b' }))
    expect(workflowCommands(json)).toEqual([])
    expect(JSON.parse(json).message).toBe('a ##[add-mask]b')
  })

  it('Markdown text and code spans cannot open tags, links or cells, and are bounded', () => {
    expect(markdownText('<img src=x> [a](b) | c\nd')).toBe('&lt;img src=x&gt; \\[a\\](b) \\| c d')
    expect(codeSpan('a ` b | c')).toBe('``a ` b \\| c``')
    expect(markdownText('x'.repeat(10_000))).toHaveLength(200 + '… (9800 more characters)'.length)
  })

  it('control characters are shown, not obeyed, on a terminal', () => {
    expect(terminalSafe('red\x1b[31m\tok\n')).toBe('red\\x1b[31m\tok\n')
  })
})
