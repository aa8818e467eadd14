/** What ml-smoke attests, and where the signed bundles go: shared by the upload and by verification. */
import { MANIFEST_NAME, type Manifest } from '../artifact/manifest.js'
import type { AttestationSubject } from '../ports/types.js'

/** SLSA build provenance, as actions/attest-build-provenance makes it. */
export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1'

/** ml-smoke's own statement: its predicate is ml-smoke-manifest.json itself (schemaVersion 1). */
export const MANIFEST_PREDICATE_V1 = 'https://ml-smoke.dev/manifest/v1'

/** The in-toto statement inside a bundle's DSSE envelope. */
export interface Statement {
  _type: string
  subject: Array<{ name: string; digest: Record<string, string> }>
  predicateType: string
  predicate: unknown
}

/** The model files, by their path in the artifact and the sha256 the manifest holds. */
export function fileSubjects(manifest: Manifest): AttestationSubject[] {
  return manifest.artifact.files.map(file => ({ name: file.path, sha256: file.sha256 }))
}

/** The SLSA provenance covers the model files and the manifest (`gh attestation verify` works on each). */
export function provenanceSubjects(
  manifest: Manifest,
  manifestSha256: string
): AttestationSubject[] {
  return [...fileSubjects(manifest), { name: MANIFEST_NAME, sha256: manifestSha256 }]
}

/** Bundles as JSON lines. */
export function bundlesText(bundles: Array<Record<string, unknown>>): string {
  return bundles.map(bundle => `${JSON.stringify(bundle)}\n`).join('')
}
