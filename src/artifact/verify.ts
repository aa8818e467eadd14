import path from 'node:path'
import { exists } from '../file-info.js'
import type { ArtifactStore } from '../ports/types.js'
import { MANIFEST_NAME, verifyArtifactFolder, type Verification } from './manifest.js'

export interface VerifyRequest {
  /** The artifact's folder. */
  folder: string
  /** Download this artifact into the folder first, unless its manifest is already there. */
  download?: { name: string; store: Pick<ArtifactStore, 'download'> }
}

export interface VerifyReport {
  folder: string
  manifestPath: string
  downloaded: boolean
  verification: Verification
}

/** Checks every file of a downloaded artifact against its provenance manifest (a later job's check). */
export async function verifyArtifact(request: VerifyRequest): Promise<VerifyReport> {
  const { folder, download } = request
  const manifestPath = path.join(folder, MANIFEST_NAME)
  const downloaded = download !== undefined && !(await exists(manifestPath))
  if (downloaded) await download.store.download(download.name, folder)
  return { folder, manifestPath, downloaded, verification: await verifyArtifactFolder(folder) }
}
