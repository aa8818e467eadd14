import type { Attestation, SigstoreInstance, Subject } from '@actions/attest'
import { readFile } from 'node:fs/promises'
import { hasAttestations, sigstoreOverrideFrom, type SigstoreOverride } from '../attest/instance.js'
import { UserError } from '../errors.js'
import {
  AttestationUnavailable,
  type AttestationSubject,
  type Attestor,
  type SignedAttestation
} from './types.js'

/** Whether this run is a pull request from a fork (which gets no OIDC token). */
async function fromFork(env: NodeJS.ProcessEnv): Promise<boolean> {
  if (!env.GITHUB_EVENT_NAME?.startsWith('pull_request') || !env.GITHUB_EVENT_PATH) return false
  const event = await readFile(env.GITHUB_EVENT_PATH, 'utf8')
    .then(
      text => JSON.parse(text) as { pull_request?: { head?: { repo?: { full_name?: string } } } }
    )
    .catch(() => null)
  const head = event?.pull_request?.head?.repo?.full_name
  return head !== undefined && head !== env.GITHUB_REPOSITORY
}

/** @actions/attest, loaded when first needed: it and the Sigstore client are only for runs that attest. */
const attestLibrary = () => import('@actions/attest')

/** Attests through @actions/attest: Sigstore signing, then the repository's attestations API. */
export class GitHubAttestor implements Attestor {
  private readonly override?: SigstoreOverride

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly token: string
  ) {
    this.override = sigstoreOverrideFrom(env)
  }

  async unavailable(): Promise<string | null> {
    const env = this.env
    if (!this.override && !hasAttestations(env.GITHUB_SERVER_URL))
      return `${env.GITHUB_SERVER_URL} is GitHub Enterprise Server, which has no artifact attestations`
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
      return (await fromFork(env))
        ? 'a pull request from a fork gets no OIDC token to sign with'
        : 'the job has no OIDC token: give it `permissions: id-token: write` and `attestations: write`'
    if (!this.token) return 'no github-token to store the attestation with'
    return null
  }

  async provenance(subjects: AttestationSubject[]): Promise<SignedAttestation> {
    const { attestProvenance } = await attestLibrary()
    return this.signed(() =>
      attestProvenance({
        subjects: toSubjects(subjects),
        token: this.token,
        sigstore: this.instance(),
        issuer: this.override?.oidcIssuer
      })
    )
  }

  async statement(
    subjects: AttestationSubject[],
    predicateType: string,
    predicate: Record<string, unknown>
  ): Promise<SignedAttestation> {
    const { attest } = await attestLibrary()
    return this.signed(() =>
      attest({
        subjects: toSubjects(subjects),
        predicateType,
        predicate,
        token: this.token,
        sigstore: this.instance()
      })
    )
  }

  /** The patched @actions/attest takes an instance's URLs where its type says a name. */
  private instance(): SigstoreInstance | undefined {
    const { fulcioURL, rekorURL, tsaServerURL } = this.override ?? {}
    if (!fulcioURL) return undefined
    return { fulcioURL, rekorURL, tsaServerURL } as unknown as SigstoreInstance
  }

  private async signed(make: () => Promise<Attestation>): Promise<SignedAttestation> {
    let attestation: Attestation
    try {
      attestation = await make()
    } catch (error) {
      throw attestFailure(error)
    }
    // The API answers a number, whatever @actions/attest's type says.
    const id =
      attestation.attestationID === undefined ? undefined : String(attestation.attestationID)
    return {
      bundle: attestation.bundle as unknown as Record<string, unknown>,
      id,
      url: id === undefined ? undefined : this.attestationUrl(id)
    }
  }

  /** The attestation's page, as actions/attest links it. */
  private attestationUrl(id: string): string | undefined {
    const { GITHUB_SERVER_URL: server = 'https://github.com', GITHUB_REPOSITORY: repo } = this.env
    return repo ? `${server}/${repo}/attestations/${id}` : undefined
  }
}

function toSubjects(subjects: AttestationSubject[]): Subject[] {
  return subjects.map(subject => ({ name: subject.name, digest: { sha256: subject.sha256 } }))
}

/** The API refusing to store it (plan, permission) is "unavailable"; anything else is a failure. */
function attestFailure(error: unknown): Error {
  const message = (error as Error)?.message ?? String(error)
  if (
    /^Failed to persist attestation/.test(message) &&
    /not found|forbidden|not (available|enabled)|not accessible/i.test(message)
  )
    return new AttestationUnavailable(
      `the repository's attestations API refused it (${message}): attestations need a public repository or GitHub Enterprise Cloud, and \`permissions: attestations: write\``
    )
  return new UserError(`attesting failed: ${message}`)
}
