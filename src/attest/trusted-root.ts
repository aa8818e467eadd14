import { readFile } from 'node:fs/promises'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { UserError } from '../errors.js'
import { PUBLIC_GOOD_TRUSTED_ROOT } from './public-good-root.js'

/** The trusted roots a verification uses, and where they came from (for messages). */
export interface TrustedRoots {
  roots: TrustedRoot[]
  source: string
}

const MEDIA_TYPE = 'application/vnd.dev.sigstore.trustedroot+json'

function parseRoot(value: unknown, where: string): TrustedRoot {
  const mediaType = (value as { mediaType?: unknown } | null)?.mediaType
  if (typeof mediaType !== 'string' || !mediaType.startsWith(MEDIA_TYPE))
    throw new UserError(`${where}: not a Sigstore trusted root (mediaType ${MEDIA_TYPE})`)
  return TrustedRoot.fromJSON(value)
}

/** One trusted root (JSON), or several, one a line, as `gh attestation trusted-root` prints them. */
export function parseTrustedRoots(text: string, label: string): TrustedRoot[] {
  try {
    return [parseRoot(JSON.parse(text), label)]
  } catch (error) {
    if (error instanceof UserError) throw error
  }
  const lines = text.split(/\r?\n/).filter(line => line.trim())
  return lines.map((line, index) => {
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      throw new UserError(`${label} line ${index + 1}: not JSON`)
    }
    return parseRoot(value, `${label} line ${index + 1}`)
  })
}

/**
 * The roots in `file`, or by default Sigstore public-good's, which ml-smoke carries: public
 * repositories sign there. Private repositories sign with GitHub's own instance: `gh attestation
 * trusted-root > trusted-root.jsonl` writes both roots for `trusted-root`.
 */
export async function loadTrustedRoots(file?: string, label = file): Promise<TrustedRoots> {
  if (!file)
    return {
      roots: [TrustedRoot.fromJSON(PUBLIC_GOOD_TRUSTED_ROOT)],
      source: "Sigstore public-good's trusted root (built in)"
    }
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UserError(`trusted root not found: ${label}`)
  })
  return { roots: parseTrustedRoots(text, label ?? file), source: `the trusted root in ${label}` }
}
