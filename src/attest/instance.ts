import { z } from 'zod'
import { UserError } from '../errors.js'

/**
 * A Sigstore instance by its URLs, and the OIDC issuer of the run's tokens. @actions/attest only signs
 * with public-good's or GitHub's instance (fixed https URLs, chosen by the repository's visibility), so
 * ml-smoke's tests point it at mock services through ML_SMOKE_SIGSTORE (JSON of this) and a two-line
 * patch (patches/@actions+attest+*.patch) that lets `sigstore` be such an object. Unset, @actions/attest
 * chooses as it always does.
 */
const sigstoreOverride = z.object({
  fulcioURL: z.string().url(),
  rekorURL: z.string().url().optional(),
  tsaServerURL: z.string().url().optional(),
  oidcIssuer: z.string().url()
})

export type SigstoreOverride = z.infer<typeof sigstoreOverride>

export function sigstoreOverrideFrom(env: NodeJS.ProcessEnv): SigstoreOverride | undefined {
  const text = env.ML_SMOKE_SIGSTORE
  if (!text) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new UserError('ML_SMOKE_SIGSTORE is not JSON')
  }
  const result = sigstoreOverride.safeParse(parsed)
  if (!result.success) throw new UserError(`ML_SMOKE_SIGSTORE: ${result.error.issues[0].message}`)
  return result.data
}

/** github.com and GHE.com (data residency) have artifact attestations; GitHub Enterprise Server has not. */
export function hasAttestations(serverUrl: string | undefined): boolean {
  const host = new URL(serverUrl || 'https://github.com').hostname
  return host === 'github.com' || host.endsWith('.ghe.com')
}
