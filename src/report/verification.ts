import type { Verification } from '../artifact/manifest.js'
import type { Signer } from '../attest/identity.js'
import type { AttestationCheck } from '../attest/verify.js'

/** "the SLSA provenance and the manifest attestation", by predicate type. */
function statementNames(check: AttestationCheck): string {
  const names = check.verified.map(entry =>
    entry.predicateType.startsWith('https://slsa.dev/provenance/') ? 'SLSA provenance' : 'manifest'
  )
  return names.join(' and ')
}

/** "ci.yml@refs/heads/main in octo/models, run 4242" from the certificate. */
export function signerText(signer: Signer): string {
  const run = /\/actions\/runs\/(\d+)\//.exec(signer.run ?? '')?.[1]
  return `${signer.workflow}${run ? ` (run ${run})` : ''}`
}

/** One line: what verified and who signed it; or what is left unchecked. */
export function attestationLine(check: AttestationCheck | undefined): string {
  if (!check) return 'not attested: the manifest proves integrity, not origin'
  const signer = check.verified[0]?.signer
  if (!signer || check.problems.length) return 'attestations did not verify'
  return `attested: ${statementNames(check)} verified offline against ${check.trustedRoot}, signed by ${signerText(signer)}`
}

/** The verify-only result as Markdown: what the manifest says, the attestations, and each problem found. */
export function renderVerification(
  verification: Verification,
  folder: string,
  attestation?: AttestationCheck
): string {
  const ok = verification.problems.length === 0
  const lines = [`## ml-smoke verify ${ok ? '✅ passed' : '❌ failed'}`, '']
  const manifest = verification.manifest
  if (manifest) {
    lines.push(
      `Artifact \`${manifest.artifact.name}\` in \`${folder}\`: ${verification.checked} files checked against \`ml-smoke-manifest.json\`.`,
      '',
      `Made by ml-smoke ${manifest.tool.version} at ${manifest.createdAt}${manifest.git.sha ? ` from ${manifest.git.repository}@${manifest.git.sha.slice(0, 12)} (run ${manifest.git.runId})` : ''}; loss ${manifest.loss.verdict}: ${manifest.loss.reason}.`,
      '',
      '| file | bytes | sha256 |',
      '| --- | --- | --- |',
      ...manifest.artifact.files.map(
        file => `| \`${file.path}\` | ${file.bytes} | \`${file.sha256.slice(0, 16)}…\` |`
      ),
      '',
      `${attestationLine(attestation)}.`
    )
  }
  if (attestation?.ghCommands.length)
    lines.push(
      '',
      'The same check with the GitHub CLI:',
      '',
      '```sh',
      ...attestation.ghCommands,
      '```'
    )
  if (!ok) lines.push('', 'Problems:', '', ...verification.problems.map(problem => `- ${problem}`))
  if (verification.unlisted.length)
    lines.push('', `Not in the manifest: ${verification.unlisted.map(f => `\`${f}\``).join(', ')}`)
  return `${lines.join('\n')}\n`
}

export function verificationHeadline(
  verification: Verification,
  attestation?: AttestationCheck
): string {
  if (verification.problems.length)
    return `artifact verification failed: ${verification.problems.join('; ')}`
  const files = `${verification.checked} files match ml-smoke-manifest.json`
  return `artifact verified: ${files}; ${attestationLine(attestation)}`
}
