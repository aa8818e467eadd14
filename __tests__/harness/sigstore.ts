/**
 * Sigstore and GitHub's attestation services, offline: @sigstore/mock's Fulcio (with a CT log), Rekor and
 * timestamp authority behind a real HTTP server on 127.0.0.1, a GitHub Actions OIDC issuer (token
 * endpoint, discovery document, JWKS) and the REST endpoint `POST /repos/{owner}/{repo}/attestations`.
 * `trustedRoot` is the trusted root a verifier needs for these services, as `gh attestation
 * trusted-root` prints one.
 */
import { createHash, generateKeyPairSync } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  fulcioHandler,
  initializeCA,
  initializeCTLog,
  initializeTLog,
  initializeTSA,
  rekorHandler,
  tsaHandler,
  type HandlerFn
} from '@sigstore/mock'
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose'

/** The run the OIDC token speaks for: what GitHub puts in a workflow job's token. */
export interface TokenRun {
  repository: string
  workflowRef: string
  jobWorkflowRef?: string
  ref: string
  sha: string
  runId: string
  runAttempt: string
  eventName: string
}

export const DEFAULT_RUN: TokenRun = {
  repository: 'octo/models',
  workflowRef: 'octo/models/.github/workflows/ci.yml@refs/heads/main',
  ref: 'refs/heads/main',
  sha: 'a'.repeat(40),
  runId: '4242',
  runAttempt: '1',
  eventName: 'push'
}

/** Which signing services an attestation uses: public-good's (Fulcio + Rekor) or GitHub's (Fulcio + TSA). */
export type InstanceShape = 'public-good' | 'github'

const keyPair = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
const base64 = (bytes: ArrayBufferView | Buffer): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
const LONG_AGO = { start: '2020-01-01T00:00:00Z' }

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export class MockSigstore {
  /** What the attestations endpoint received, by repository. */
  readonly stored: Array<{ repository: string; bundle: Record<string, unknown> }> = []
  /** Requests by path, in order, for tests that count them. */
  readonly requests: string[] = []
  /** The next answers of the attestations endpoint, instead of 201 (e.g. 404: no attestations here). */
  readonly storeFaults: Array<{ status: number; message: string }> = []
  run: TokenRun = DEFAULT_RUN
  trustedRoot: Record<string, unknown> = {}
  private server?: Server
  private handlers = new Map<string, HandlerFn>()
  private signingKey?: KeyLike
  private jwk?: Record<string, unknown>
  private nextId = 100

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`
  }

  get issuer(): string {
    return `${this.url}/oidc`
  }

  /** The URLs `@actions/attest` signs with, shaped as public-good's or GitHub's instance. */
  endpoints(shape: InstanceShape): { fulcioURL: string; rekorURL?: string; tsaServerURL?: string } {
    return shape === 'public-good'
      ? { fulcioURL: `${this.url}/fulcio`, rekorURL: `${this.url}/rekor` }
      : { fulcioURL: `${this.url}/fulcio`, tsaServerURL: `${this.url}/tsa` }
  }

  /** The variables a job with `id-token: write` and the GitHub API has, pointing here. */
  jobEnvironment(shape: InstanceShape = 'public-good'): Record<string, string> {
    return {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${this.url}/oidc/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-secret',
      GITHUB_API_URL: `${this.url}/api`,
      ML_SMOKE_SIGSTORE: JSON.stringify({ ...this.endpoints(shape), oidcIssuer: this.issuer })
    }
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.handle(request, response))
    await new Promise<void>(resolve => this.server!.listen(0, '127.0.0.1', resolve))
    const ctlog = await initializeCTLog(keyPair())
    // The mock TSA writes a time's milliseconds without trailing zeros (".12Z"), which @sigstore/core
    // refuses as an "invalid time" one time in ten: its times are whole seconds, a little after the
    // roots were made; the CA's leaf certificates are valid from a minute before to nine minutes after.
    const second = Math.floor(Date.now() / 1000) * 1000
    const ca = await initializeCA(keyPair(), ctlog, new Date(second - 60_000))
    const tlog = await initializeTLog(`${this.url}/rekor`, keyPair())
    const tsa = await initializeTSA(keyPair(), new Date(second + 2000))
    this.handlers.set('/fulcio/api/v2/signingCert', fulcioHandler(ca, { subjectClaim: 'san' }).fn)
    const rekor = rekorHandler(tlog).fn
    this.handlers.set('/rekor/api/v1/log/entries', request => rekor(canonicalDsse(request)))
    this.handlers.set('/tsa/api/v1/timestamp', tsaHandler(tsa).fn)
    const { privateKey, publicKey } = await generateKeyPair('ES256')
    this.signingKey = privateKey
    this.jwk = { ...(await exportJWK(publicKey)), kid: 'mock', alg: 'ES256', use: 'sig' }
    this.trustedRoot = {
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      tlogs: [log(`${this.url}/rekor`, tlog.publicKey)],
      certificateAuthorities: [authority(`${this.url}/fulcio`, [ca.rootCertificate])],
      ctlogs: [
        { ...log(`${this.url}/ctlog`, ctlog.publicKey), logId: { keyId: base64(ctlog.logID) } }
      ],
      timestampAuthorities: [
        authority(`${this.url}/tsa`, [tsa.intCertificate, tsa.rootCertificate])
      ]
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>(resolve =>
      this.server ? this.server.close(() => resolve()) : resolve()
    )
  }

  private async token(audience: string): Promise<string> {
    const run = this.run
    const jobWorkflowRef = run.jobWorkflowRef ?? run.workflowRef
    const [owner] = run.repository.split('/')
    return new SignJWT({
      sub: `repo:${run.repository}:ref:${run.ref}`,
      // What Fulcio makes the certificate's subject alternative name for a GitHub Actions token.
      san: `https://github.com/${jobWorkflowRef}`,
      ref: run.ref,
      sha: run.sha,
      repository: run.repository,
      repository_owner: owner,
      repository_id: '1',
      repository_owner_id: '2',
      repository_visibility: 'public',
      event_name: run.eventName,
      workflow: 'ci',
      workflow_ref: run.workflowRef,
      workflow_sha: run.sha,
      job_workflow_ref: jobWorkflowRef,
      job_workflow_sha: run.sha,
      runner_environment: 'github-hosted',
      run_id: run.runId,
      run_attempt: run.runAttempt
    })
      .setProtectedHeader({ alg: 'ES256', kid: 'mock' })
      .setIssuer(this.issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(this.signingKey!)
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url)
    this.requests.push(url.pathname)
    const reply = (status: number, value: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(JSON.stringify(value))
    }
    const handler = this.handlers.get(url.pathname)
    if (handler && request.method === 'POST') {
      const answer = await handler(await body(request))
      response.writeHead(answer.statusCode, { 'content-type': answer.contentType ?? 'text/plain' })
      response.end(answer.response)
      return
    }
    if (url.pathname === '/oidc/token') {
      if (request.headers.authorization !== 'Bearer oidc-request-secret') return reply(401, {})
      return reply(200, { value: await this.token(url.searchParams.get('audience') ?? '') })
    }
    if (url.pathname === '/oidc/.well-known/openid-configuration')
      return reply(200, { issuer: this.issuer, jwks_uri: `${this.issuer}/jwks` })
    if (url.pathname === '/oidc/jwks') return reply(200, { keys: [this.jwk] })
    const store = /^\/api\/repos\/([^/]+\/[^/]+)\/attestations$/.exec(url.pathname)
    if (store && request.method === 'POST') {
      const fault = this.storeFaults.shift()
      if (fault) return reply(fault.status, { message: fault.message })
      const { bundle } = JSON.parse(await body(request)) as { bundle: Record<string, unknown> }
      this.stored.push({ repository: store[1], bundle })
      return reply(201, { id: this.nextId++ })
    }
    reply(404, { message: `no mock for ${request.method} ${url.pathname}` })
  }
}

/**
 * Rekor stores a proposed `dsse` entry as its hashes and signatures, which verifiers compare with the
 * bundle; the mock would store the proposal as it came.
 */
function canonicalDsse(request: string): string {
  const entry = JSON.parse(request)
  if (entry.kind !== 'dsse' || !entry.spec?.proposedContent) return request
  const { envelope, verifiers } = entry.spec.proposedContent as {
    envelope: string
    verifiers: string[]
  }
  const parsed = JSON.parse(envelope) as { payload: string; signatures: Array<{ sig: string }> }
  const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex')
  return JSON.stringify({
    apiVersion: '0.0.1',
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256(envelope) },
      payloadHash: { algorithm: 'sha256', value: sha256(Buffer.from(parsed.payload, 'base64')) },
      signatures: parsed.signatures.map(({ sig }) => ({ signature: sig, verifier: verifiers[0] }))
    }
  })
}

function log(baseUrl: string, publicKey: Buffer) {
  return {
    baseUrl,
    hashAlgorithm: 'SHA2_256',
    publicKey: {
      rawBytes: base64(publicKey),
      keyDetails: 'PKIX_ECDSA_P256_SHA_256',
      validFor: LONG_AGO
    },
    logId: { keyId: createHash('sha256').update(publicKey).digest('base64') }
  }
}

function authority(uri: string, chain: ArrayBufferView[]) {
  return {
    subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
    uri,
    certChain: { certificates: chain.map(certificate => ({ rawBytes: base64(certificate) })) },
    validFor: LONG_AGO
  }
}
