import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { beforeEach, describe, expect, it } from '@jest/globals'
import { selectArtifactFiles, type SelectOptions } from '../src/artifact/files.js'

let workspace: string
let output: string
let options: SelectOptions

beforeEach(async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'artifact-'))
  workspace = path.join(root, 'ws')
  output = path.join(root, 'run', 'output')
  await mkdir(path.join(workspace, 'model', 'sub'), { recursive: true })
  await mkdir(output, { recursive: true })
  await writeFile(path.join(workspace, 'model', 'weights.bin'), 'w')
  await writeFile(path.join(workspace, 'model', 'sub', 'config.json'), '{}')
  await writeFile(path.join(workspace, 'model', '.cache'), 'hidden')
  await writeFile(path.join(workspace, 'model', 'debug.tmp'), 'tmp')
  await writeFile(path.join(output, 'model.json'), '{"w":1}')
  options = {
    baseDirectory: workspace,
    allowedRoots: [workspace, output],
    outputDirectory: output,
    ifNoFilesFound: 'error',
    includeHiddenFiles: false
  }
})

describe('selectArtifactFiles', () => {
  it('a folder means every file under it, hidden files left out, names relative to the folder', async () => {
    const selection = await selectArtifactFiles(['model/'], options)
    expect(selection.rootDirectory).toBe(path.join(workspace, 'model'))
    expect(selection.files.map(f => f.name)).toEqual([
      'debug.tmp',
      'sub/config.json',
      'weights.bin'
    ])
    expect(selection.totalBytes).toBe(1 + 2 + 3)
    expect(selection.failures).toEqual([])
  })

  it('globs, exclusions and hidden files on request', async () => {
    const selection = await selectArtifactFiles(['model/**', '!model/*.tmp'], {
      ...options,
      includeHiddenFiles: true
    })
    expect(selection.files.map(f => f.name)).toEqual(['.cache', 'sub/config.json', 'weights.bin'])
  })

  it('expands $ML_SMOKE_OUTPUT_DIR and roots several entries at their common folder', async () => {
    const selection = await selectArtifactFiles(
      ['$ML_SMOKE_OUTPUT_DIR/model.json', 'model/weights.bin'],
      options
    )
    expect(selection.files.map(f => f.name)).toEqual([
      'run/output/model.json',
      'ws/model/weights.bin'
    ])
  })

  it('an entry that matches nothing fails, warns or is ignored as if-no-files-found says', async () => {
    expect((await selectArtifactFiles(['model/*.pt'], options)).failures).toEqual([
      'artifact-path "model/*.pt" matched no files'
    ])
    const warned = await selectArtifactFiles(['model/*.pt', 'model/weights.bin'], {
      ...options,
      ifNoFilesFound: 'warn'
    })
    expect(warned.warnings).toEqual(['artifact-path "model/*.pt" matched no files'])
    expect(warned.failures).toEqual([])
    expect(
      (await selectArtifactFiles(['model/*.pt'], { ...options, ifNoFilesFound: 'ignore' })).warnings
    ).toEqual([])
  })

  it('an empty model file fails the check', async () => {
    await writeFile(path.join(output, 'empty.pt'), '')
    const selection = await selectArtifactFiles(['${ML_SMOKE_OUTPUT_DIR}/empty.pt'], options)
    expect(selection.failures).toEqual([
      expect.stringMatching(/empty\.pt is empty \(0 bytes\): the model was not written$/)
    ])
  })

  it('refuses paths that escape the workspace, through .. or through a symlink', async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), 'outside-'))
    await writeFile(path.join(outside, 'secret.txt'), 'token')
    await expect(
      selectArtifactFiles([path.relative(workspace, path.join(outside, 'secret.txt'))], options)
    ).rejects.toThrow(/outside the workspace/)
    await symlink(path.join(outside, 'secret.txt'), path.join(workspace, 'model', 'link.txt'))
    await expect(selectArtifactFiles(['model/'], options)).rejects.toThrow(
      /resolves to .*secret\.txt, outside the workspace/
    )
  })
})
