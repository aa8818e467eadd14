import type { Verification } from '../artifact/manifest.js'

/** The verify-only result as Markdown: what the manifest says, and each problem found. */
export function renderVerification(verification: Verification, folder: string): string {
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
      )
    )
  }
  if (!ok) lines.push('', 'Problems:', '', ...verification.problems.map(problem => `- ${problem}`))
  if (verification.unlisted.length)
    lines.push('', `Not in the manifest: ${verification.unlisted.map(f => `\`${f}\``).join(', ')}`)
  return `${lines.join('\n')}\n`
}

export function verificationHeadline(verification: Verification): string {
  return verification.problems.length
    ? `artifact verification failed: ${verification.problems.join('; ')}`
    : `artifact verified: ${verification.checked} files match ml-smoke-manifest.json`
}
