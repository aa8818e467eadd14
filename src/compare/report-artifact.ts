// The small artifact a later pull request compares with: the manifest and ml-smoke-report.json (not the
// model), the comparison, and a fork's comment when it could not be posted.
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { MANIFEST_NAME, REPORT_NAME } from '../artifact/manifest.js'
import { exists } from '../file-info.js'
import type { ArtifactStore } from '../ports/types.js'
import type { RunReport } from '../report/types.js'

export const COMPARISON_NAME = 'ml-smoke-comparison.json'

/** Lays out the report artifact in `folder`; returns its files (none when there is nothing to keep). */
export async function stageReportArtifact(
  folder: string,
  report: RunReport,
  extra: (folder: string) => Promise<string[]>
): Promise<string[]> {
  await rm(folder, { recursive: true, force: true })
  await mkdir(folder, { recursive: true })
  const files: string[] = []
  const manifest = report.artifact?.manifestPath
  if (manifest)
    for (const name of [MANIFEST_NAME, REPORT_NAME]) {
      const source = path.join(path.dirname(manifest), name)
      if (!(await exists(source))) continue
      await copyFile(source, path.join(folder, name))
      files.push(path.join(folder, name))
    }
  if (report.comparison) {
    const file = path.join(folder, COMPARISON_NAME)
    await writeFile(file, `${JSON.stringify(report.comparison, null, 2)}\n`)
    files.push(file)
  }
  const added = await extra(folder)
  // The comparison alone is not worth an artifact: only a manifest or a comment is.
  return manifest || added.length ? [...files, ...added] : []
}

/** Uploads the report artifact (replacing one of the same name in this run, as a re-run makes). */
export async function uploadReportArtifact(
  store: ArtifactStore,
  name: string,
  folder: string,
  files: string[],
  retentionDays?: number
): Promise<number | undefined> {
  const uploaded = await store.upload(name, files, folder, {
    retentionDays,
    compressionLevel: 6,
    overwrite: true
  })
  return uploaded.id
}
