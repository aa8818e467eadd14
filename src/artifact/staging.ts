import {
  chmod,
  constants,
  copyFile,
  mkdir,
  realpath,
  rm,
  symlink,
  writeFile
} from 'node:fs/promises'
import path from 'node:path'
import { UserError } from '../errors.js'
import type { ArtifactFile } from './files.js'
import { ATTESTATIONS_NAME, MANIFEST_NAME, REPORT_NAME } from './manifest.js'

/** Names ml-smoke gives its own files in the artifact; no model file may take one. */
const RESERVED_NAMES = [MANIFEST_NAME, ATTESTATIONS_NAME, REPORT_NAME]

/** How each file gets into the folder: a link (cheap, follows later writes) or a copy of its bytes now. */
export type StageMode = 'link' | 'copy'

function refuseReservedNames(files: ArtifactFile[]): void {
  const taken = files.find(file => RESERVED_NAMES.includes(file.name))
  if (taken)
    throw new UserError(
      `an artifact file is named ${taken.name}, a name ml-smoke gives its own provenance files: rename it`
    )
}

/**
 * Lays out the artifact in `folder`: each selected file under its artifact name, plus the manifest at
 * the root (when there is one yet). `link` (for artifact-verify-command) keeps large model files from
 * being copied; where links are not allowed (Windows without the right), files are copied. `copy` (for
 * the upload) takes the bytes as they are now, a copy-on-write clone where the file system can: later
 * writes to the originals cannot reach what is hashed, attested and uploaded.
 */
export async function stageArtifact(
  folder: string,
  files: ArtifactFile[],
  manifestText?: string,
  mode: StageMode = 'link'
): Promise<string[]> {
  refuseReservedNames(files)
  await rm(folder, { recursive: true, force: true })
  const staged: string[] = []
  for (const file of files) {
    const target = path.join(folder, file.name)
    await mkdir(path.dirname(target), { recursive: true })
    const source = await realpath(file.path)
    if (mode === 'copy') await copyFile(source, target, constants.COPYFILE_FICLONE)
    else await symlink(source, target).catch(() => copyFile(source, target))
    staged.push(target)
  }
  await mkdir(folder, { recursive: true })
  if (manifestText === undefined) return staged
  staged.push(await writeManifest(folder, manifestText))
  return staged
}

/** Writes the manifest at the artifact's root; returns its path. */
export async function writeManifest(folder: string, manifestText: string): Promise<string> {
  const manifestPath = path.join(folder, MANIFEST_NAME)
  await writeFile(manifestPath, manifestText)
  return manifestPath
}

/** Writes the run's report for later comparisons beside the manifest; returns its path. */
export async function writeReport(folder: string, reportText: string): Promise<string> {
  const reportPath = path.join(folder, REPORT_NAME)
  await writeFile(reportPath, reportText)
  return reportPath
}

/** Makes staged copies read-only: a stray write fails instead of changing what was hashed. */
export async function sealFiles(files: string[]): Promise<void> {
  for (const file of files) await chmod(file, 0o444)
}
