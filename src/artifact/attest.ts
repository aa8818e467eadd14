import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import {
  bundlesText,
  fileSubjects,
  MANIFEST_PREDICATE_V1,
  provenanceSubjects
} from '../attest/statements.js'
import { AttestationUnavailable, type Ports } from '../ports/types.js'
import type { StageContext } from '../stage.js'
import { ATTESTATIONS_NAME, type Manifest } from './manifest.js'

/** What became of `attest`: signed (with where to find it), skipped (and why), or switched off. */
export interface AttestationReport {
  status: 'attested' | 'skipped' | 'failed' | 'off'
  /** Why it was skipped or failed. */
  reason?: string
  /** The SLSA provenance attestation in the repository's attestations API. */
  id?: string
  url?: string
  /** The manifest attestation's page. */
  manifestUrl?: string
  /** The bundles, one a line, in the artifact folder. */
  bundlePath?: string
}

/** The manifest as staged: its object, its text and its sha256 (what the attestations name). */
export interface StagedManifest {
  manifest: Manifest
  text: string
  sha256: string
}

/** Why this run cannot attest, or null. */
export async function attestorProblem(ports: Pick<Ports, 'attestor'>): Promise<string | null> {
  const { attestor } = ports
  return attestor
    ? attestor.unavailable()
    : 'attesting needs the action on GitHub Actions (the CLI cannot sign)'
}

/** auto: a notice (or a warning when attesting broke) and on with the upload; on: the stage fails. */
function notAttested(context: StageContext, reason: string, expected: boolean): AttestationReport {
  const { config, ports } = context
  if (config.attest === 'on') return { status: 'failed', reason }
  if (expected) ports.logger.notice(`not attested (attest: auto): ${reason}`)
  else ports.logger.warning(`not attested (attest: auto): ${reason}`)
  return { status: 'skipped', reason }
}

/**
 * Signs the staged files' digests as the manifest holds them (the bytes that will be uploaded): SLSA
 * build provenance of every file and the manifest, and an ml-smoke manifest statement of the files.
 * The bundles are written into `folder`, beside the manifest, to be uploaded with it.
 */
export async function attestArtifact(
  context: StageContext,
  staged: StagedManifest,
  folder: string
): Promise<AttestationReport> {
  if (context.config.attest === 'off') return { status: 'off' }
  const unavailable = await attestorProblem(context.ports)
  if (unavailable) return notAttested(context, unavailable, true)
  const attestor = context.ports.attestor!
  const { manifest, text, sha256 } = staged
  try {
    const provenance = await attestor.provenance(provenanceSubjects(manifest, sha256))
    const predicate = JSON.parse(text) as Record<string, unknown>
    const statement = await attestor.statement(
      fileSubjects(manifest),
      MANIFEST_PREDICATE_V1,
      predicate
    )
    const bundlePath = path.join(folder, ATTESTATIONS_NAME)
    await writeFile(bundlePath, bundlesText([provenance.bundle, statement.bundle]))
    const { id, url } = provenance
    return { status: 'attested', id, url, manifestUrl: statement.url, bundlePath }
  } catch (error) {
    const reason = (error as Error)?.message ?? String(error)
    return notAttested(context, reason, error instanceof AttestationUnavailable)
  }
}
