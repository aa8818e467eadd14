import { readdir } from 'node:fs/promises'
import path from 'node:path'
import type { SignerExpectation } from '../attest/identity.js'
import type { AttestationCheck, AttestMode } from '../attest/verify.js'
import { UserError } from '../errors.js'
import { exists } from '../file-info.js'
import type { ArtifactStore } from '../ports/types.js'
import {
  ATTESTATIONS_NAME,
  MANIFEST_NAME,
  verifyArtifactFolder,
  type Manifest,
  type Verification
} from './manifest.js'

/** How to check the attestations: whether they must be there, whom they must be from, which root. */
export interface AttestationPolicy {
  mode: AttestMode
  /** Whom the attestations must come from; required when there are attestations to check. */
  expected?: SignerExpectation
  /** A trusted root file; by default Sigstore public-good's. */
  trustedRoot?: string
  trustedRootLabel?: string
}

export interface VerifyRequest {
  /** The artifact's folder. */
  folder: string
  /** Download this artifact into the folder first; the folder must be empty or absent. */
  download?: { name: string; store: Pick<ArtifactStore, 'download'> }
  attestation?: AttestationPolicy
}

export interface VerifyReport {
  folder: string
  manifestPath: string
  downloaded: boolean
  verification: Verification
  /** The attestations' check, when there were any (or attest: on asked for them). */
  attestation?: AttestationCheck
}

/** verify-only checks what it downloads, never files that were already there. */
async function requireEmpty(folder: string): Promise<void> {
  const entries = await readdir(folder).catch(() => [])
  if (entries.length)
    throw new UserError(
      `${folder} already holds files: verify-only downloads the artifact into an empty folder, so that only what was uploaded is checked`,
      { hint: 'to check a folder as it is (files in the checkout), name it in verify-local-path' }
    )
}

/** The attestations checked offline; @sigstore/verify is loaded only when there are some to check. */
async function checkAttestationsOf(
  folder: string,
  manifest: Manifest,
  policy: AttestationPolicy
): Promise<AttestationCheck | undefined> {
  if (policy.mode === 'off') return undefined
  const present = await exists(path.join(folder, ATTESTATIONS_NAME))
  if (!present && policy.mode === 'auto') return undefined
  if (present && !policy.expected)
    throw new UserError(
      'the artifact is attested: name the repository whose workflow should have signed it (--repo OWNER/REPO, as gh attestation verify takes it), or --attest off to check only the manifest'
    )
  const { checkAttestations } = await import('../attest/verify.js')
  return checkAttestations({
    ...policy,
    folder,
    manifest,
    mode: policy.mode,
    expected: policy.expected!
  })
}

/**
 * Checks every file of an artifact against its provenance manifest, and its attestations (signature,
 * signer, subjects) offline: a later job's check.
 */
export async function verifyArtifact(request: VerifyRequest): Promise<VerifyReport> {
  const { folder, download } = request
  const manifestPath = path.join(folder, MANIFEST_NAME)
  if (download) {
    await requireEmpty(folder)
    await download.store.download(download.name, folder)
  }
  const verification = await verifyArtifactFolder(folder)
  const policy = request.attestation ?? { mode: 'off' }
  const attestation =
    verification.manifest && (await checkAttestationsOf(folder, verification.manifest, policy))
  if (attestation) verification.problems.push(...attestation.problems)
  return { folder, manifestPath, downloaded: download !== undefined, verification, attestation }
}
