import { copyFile, mkdir, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { UserError } from '../errors.js'
import type { ArtifactFile } from './files.js'
import { MANIFEST_NAME, REPORT_NAME } from './manifest.js'

/**
 * Lays out the artifact in `folder`: a link to each selected file under its artifact name, plus the
 * manifest at the root (when there is one yet). Links keep large model files from being copied (both the artifact client and the
 * local zip follow them); where links are not allowed (Windows without the right), files are copied.
 */
export async function stageArtifact(
  folder: string,
  files: ArtifactFile[],
  manifestText?: string,
  reportText?: string
): Promise<string[]> {
  for (const [name, what] of [
    [MANIFEST_NAME, 'its provenance manifest'],
    [REPORT_NAME, 'its report for comparisons']
  ])
    if (files.some(file => file.name === name))
      throw new UserError(
        `an artifact file is named ${name}, the name ml-smoke gives ${what}: rename it`
      )
  await rm(folder, { recursive: true, force: true })
  const staged: string[] = []
  for (const file of files) {
    const target = path.join(folder, file.name)
    await mkdir(path.dirname(target), { recursive: true })
    const source = await realpath(file.path)
    await symlink(source, target).catch(() => copyFile(source, target))
    staged.push(target)
  }
  await mkdir(folder, { recursive: true })
  if (manifestText === undefined) return staged
  const manifestPath = path.join(folder, MANIFEST_NAME)
  await writeFile(manifestPath, manifestText)
  staged.push(manifestPath)
  if (reportText === undefined) return staged
  const reportPath = path.join(folder, REPORT_NAME)
  await writeFile(reportPath, reportText)
  staged.push(reportPath)
  return staged
}
