/**
 * The README's Inputs and Outputs tables, made from action.yml so they cannot drift from it.
 *
 *   npm run docs            rewrites the tables between their markers in README.md
 *   __tests__/readme.test.ts checks that README.md holds exactly these tables
 */
import { readFile, writeFile } from 'node:fs/promises'
import { parse as parseYaml } from 'yaml'

interface ActionFile {
  inputs: Record<string, { description: string; default?: string }>
  outputs: Record<string, { description: string }>
}

const root = new URL('../', import.meta.url)

export async function readAction(): Promise<ActionFile> {
  return parseYaml(await readFile(new URL('action.yml', root), 'utf8')) as ActionFile
}

function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim()
}

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map(row => `| ${row.join(' | ')} |`)
  ].join('\n')
}

export function inputsTable(action: ActionFile): string {
  return table(
    ['input', 'default', 'what it does'],
    Object.entries(action.inputs).map(([name, input]) => [
      `\`${name}\``,
      input.default === undefined ? '–' : `\`${cell(input.default)}\``,
      cell(input.description)
    ])
  )
}

export function outputsTable(action: ActionFile): string {
  return table(
    ['output', 'what it holds'],
    Object.entries(action.outputs).map(([name, output]) => [
      `\`${name}\``,
      cell(output.description)
    ])
  )
}

/** README text with the part between `<!-- NAME:start -->` and `<!-- NAME:end -->` replaced. */
export function replaceBetween(readme: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const from = readme.indexOf(start)
  const to = readme.indexOf(end)
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} markers`)
  return `${readme.slice(0, from + start.length)}\n\n${content}\n\n${readme.slice(to)}`
}

export async function renderedReadme(): Promise<string> {
  const action = await readAction()
  const readme = await readFile(new URL('README.md', root), 'utf8')
  return replaceBetween(
    replaceBetween(readme, 'inputs', inputsTable(action)),
    'outputs',
    outputsTable(action)
  )
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  await writeFile(new URL('README.md', root), await renderedReadme())
}
