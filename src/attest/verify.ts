/**
 * An artifact's attestations checked offline: each bundle's signature against a trusted root, who
 * signed it, and that its subjects are the files (and its predicate the manifest) in the folder.
 */
import { readFile } from 'node:fs/promises'
import type { TrustedRoot } from '@sigstore/protobuf-specs'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { ATTESTATIONS_NAME, MANIFEST_NAME, type Manifest } from '../artifact/manifest.js'
import { hashFile } from '../file-info.js'
import { BundleError, verifyBundle, type VerifiedStatement } from './bundle.js'
import { identityProblems, type Signer, type SignerExpectation } from './identity.js'
import { MANIFEST_PREDICATE_V1, SLSA_PROVENANCE_V1, type Statement } from './statements.js'
import { loadTrustedRoots } from './trusted-root.js'

export type AttestMode = 'auto' | 'on' | 'off'

export interface AttestationCheckRequest {
  folder: string
  manifest: Manifest
  /** on: the artifact must be attested; auto: check the bundles when there are any. */
  mode: Exclude<AttestMode, 'off'>
  expected: SignerExpectation
  /** A trusted root file (JSON, or JSON lines); by default public-good's. */
  trustedRoot?: string
  /** How to show the trusted root file in messages and commands. */
  trustedRootLabel?: string
}

export interface AttestationCheck {
  /** The bundles' file, or undefined when the artifact has none. */
  bundlePath?: string
  /** The trusted root verified against, in words. */
  trustedRoot?: string
  /** The statements that verified, and who signed each. */
  verified: Array<{ predicateType: string; signer: Signer }>
  problems: string[]
  /** The same check with the GitHub CLI, one command per file. */
  ghCommands: string[]
}

const NAMES: Record<string, string> = {
  [SLSA_PROVENANCE_V1]: 'SLSA provenance',
  [MANIFEST_PREDICATE_V1]: 'manifest attestation'
}

const DEFAULT_ROOT_HINT =
  "only Sigstore public-good's trusted root is built in, and private repositories sign with GitHub's own instance: give trusted-root (--trusted-root) the file `gh attestation trusted-root` writes"

/** Each line's bundle verified; a line that fails is a problem naming the line. */
function verifyLines(
  text: string,
  roots: TrustedRoot[],
  expected: SignerExpectation,
  problems: string[]
): VerifiedStatement[] {
  const verified: VerifiedStatement[] = []
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return
    const where = `${ATTESTATIONS_NAME} line ${index + 1}`
    try {
      const result = verifyBundle(JSON.parse(line), roots)
      const wrong = identityProblems(result.signer, expected)
      if (wrong.length) problems.push(`${where}: ${wrong.join('; ')}`)
      else verified.push(result)
    } catch (error) {
      if (!(error instanceof BundleError || error instanceof SyntaxError)) throw error
      problems.push(`${where}: ${error.message}`)
    }
  })
  return verified
}

/** Files whose digest the statement does not name. */
function unattested(
  statement: Statement,
  files: Array<{ path: string; sha256: string }>
): string[] {
  const digests = new Set(statement.subject.map(subject => subject.digest.sha256))
  return files
    .filter(file => !digests.has(file.sha256))
    .map(file => `${file.path} (sha256 ${file.sha256.slice(0, 12)}…)`)
}

/** The provenance must cover every file and the manifest; the manifest statement, the manifest itself. */
async function coverageProblems(
  statements: VerifiedStatement[],
  request: AttestationCheckRequest
): Promise<string[]> {
  const manifestFile = path.join(request.folder, MANIFEST_NAME)
  const manifestText = await readFile(manifestFile, 'utf8')
  const { sha256 } = await hashFile(manifestFile)
  const files = request.manifest.artifact.files
  const expected: Record<string, Array<{ path: string; sha256: string }>> = {
    [SLSA_PROVENANCE_V1]: [...files, { path: MANIFEST_NAME, sha256 }],
    [MANIFEST_PREDICATE_V1]: files
  }
  const problems: string[] = []
  for (const [type, covered] of Object.entries(expected)) {
    const statement = statements.find(s => s.statement.predicateType === type)?.statement
    if (!statement) {
      problems.push(`no verified ${NAMES[type]} (${type}) in ${ATTESTATIONS_NAME}`)
      continue
    }
    const missing = unattested(statement, covered)
    if (missing.length) problems.push(`the ${NAMES[type]} does not attest ${missing.join(', ')}`)
  }
  const manifestStatement = statements.find(
    s => s.statement.predicateType === MANIFEST_PREDICATE_V1
  )
  if (
    manifestStatement &&
    !isDeepStrictEqual(manifestStatement.statement.predicate, JSON.parse(manifestText))
  )
    problems.push(`${MANIFEST_NAME} differs from the manifest its attestation signed`)
  return problems
}

/** A path as a shell word. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`
}

/** `gh attestation verify` for each file (the first three), as the user would check it by hand. */
export function ghCommands(
  request: Pick<AttestationCheckRequest, 'folder' | 'manifest' | 'expected' | 'trustedRootLabel'>,
  bundlePath: string
): string[] {
  const { expected, manifest } = request
  const flags = [
    `--bundle ${shellWord(bundlePath)}`,
    `--repo ${expected.repository}`,
    expected.signerWorkflow ? `--signer-workflow ${shellWord(expected.signerWorkflow)}` : '',
    request.trustedRootLabel ? `--custom-trusted-root ${shellWord(request.trustedRootLabel)}` : ''
  ].filter(Boolean)
  return manifest.artifact.files
    .slice(0, 3)
    .map(
      file =>
        `gh attestation verify ${shellWord(path.join(request.folder, file.path))} ${flags.join(' ')}`
    )
}

/** Checks the folder's attestations; undefined when it has none and `mode` is auto. */
export async function checkAttestations(
  request: AttestationCheckRequest
): Promise<AttestationCheck | undefined> {
  const bundlePath = path.join(request.folder, ATTESTATIONS_NAME)
  const text = await readFile(bundlePath, 'utf8').catch(() => undefined)
  if (text === undefined) {
    if (request.mode === 'auto') return undefined
    const problem = `not attested: the artifact has no ${ATTESTATIONS_NAME} (attest: on requires one)`
    return { verified: [], problems: [problem], ghCommands: [] }
  }
  const { roots, source } = await loadTrustedRoots(request.trustedRoot, request.trustedRootLabel)
  const problems: string[] = []
  const statements = verifyLines(text, roots, request.expected, problems)
  if (!request.trustedRoot && problems.some(problem => problem.includes('does not verify')))
    problems.push(DEFAULT_ROOT_HINT)
  problems.push(...(await coverageProblems(statements, request)))
  return {
    bundlePath,
    trustedRoot: source,
    verified: statements.map(s => ({ predicateType: s.statement.predicateType, signer: s.signer })),
    problems,
    ghCommands: ghCommands(request, bundlePath)
  }
}
