/** The README stays true to action.yml and to what a newcomer runs first. */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from '@jest/globals'
import * as prettier from 'prettier'
import { renderedReadme } from '../scripts/readme-tables.js'

const root = new URL('../', import.meta.url)

describe('README.md', () => {
  it('holds the Inputs and Outputs tables action.yml makes (npm run docs)', async () => {
    const options = JSON.parse(await readFile(new URL('.prettierrc.json', root), 'utf8'))
    const expected = await prettier.format(await renderedReadme(), {
      ...options,
      parser: 'markdown'
    })
    expect(await readFile(new URL('README.md', root), 'utf8')).toBe(expected)
  })

  it('starts with the two commands a newcomer runs', async () => {
    const readme = await readFile(new URL('README.md', root), 'utf8')
    const start = readme.indexOf('```sh')
    const firstBlock = readme.slice(start, readme.indexOf('```', start + 3))
    expect(firstBlock).toMatch(/npm ci && npm run demo/)
    expect(firstBlock).toMatch(/npm test/)
  })
})
