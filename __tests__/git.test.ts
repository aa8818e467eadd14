/** The git port against a real repository made here with git itself. */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from '@jest/globals'
import { GitRepository } from '../src/ports/git.js'

const exec = promisify(execFile)

async function repository(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'git-'))
  const git = (...args: string[]) =>
    exec('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: folder })
  await git('init', '-q', '-b', 'main')
  await mkdir(path.join(folder, 'models'))
  await writeFile(path.join(folder, 'models', 'best.pt'), Buffer.alloc(200_000, 1))
  await writeFile(path.join(folder, 'models', 'big.onnx'), 'version https://git-lfs...\n')
  await writeFile(
    path.join(folder, '.gitattributes'),
    '*.onnx filter=lfs diff=lfs merge=lfs -text\n'
  )
  await writeFile(path.join(folder, 'train.py'), 'print("hi")\n')
  await git('add', '.')
  await git('commit', '-q', '-m', 'first')
  return folder
}

describe('GitRepository', () => {
  it('lists committed files with sizes, knows LFS ones, and the commit, branch and dirtiness', async () => {
    const folder = await repository()
    const git = new GitRepository(folder)
    const files = await git.trackedFiles()
    expect(files).toContainEqual({ path: 'models/best.pt', bytes: 200_000, lfs: false })
    expect(files?.map(file => file.path).sort()).toEqual([
      '.gitattributes',
      'models/best.pt',
      'models/big.onnx',
      'train.py'
    ])
    expect(await git.lfsTracked(['models/best.pt', 'models/big.onnx'])).toEqual(
      new Set(['models/big.onnx'])
    )
    const clean = await git.head()
    expect(clean).toMatchObject({ ref: 'refs/heads/main', dirty: false })
    expect(clean?.commit).toMatch(/^[0-9a-f]{40}$/)
    await writeFile(path.join(folder, 'train.py'), 'print("changed")\n')
    expect((await git.head())?.dirty).toBe(true)
  })

  it('outside a repository: no files and no commit, never an error', async () => {
    const git = new GitRepository(await mkdtemp(path.join(os.tmpdir(), 'nogit-')))
    expect(await git.trackedFiles()).toBeNull()
    expect(await git.head()).toBeNull()
  })
})
