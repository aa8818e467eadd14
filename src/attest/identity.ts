/**
 * Who signed an attestation: the GitHub Actions identity Fulcio wrote into the signing certificate, and
 * the checks `gh attestation verify --repo/--signer-workflow` makes on it.
 */
import type { X509Certificate } from '@sigstore/core'
import { sigstoreOverrideFrom } from './instance.js'

/** Fulcio's certificate extensions (https://github.com/sigstore/fulcio/blob/main/docs/oid-info.md). */
const OID = {
  issuer: '1.3.6.1.4.1.57264.1.8',
  sourceRepositoryUri: '1.3.6.1.4.1.57264.1.12',
  sourceRepositoryRef: '1.3.6.1.4.1.57264.1.14',
  buildConfigUri: '1.3.6.1.4.1.57264.1.18',
  runInvocationUri: '1.3.6.1.4.1.57264.1.21'
} as const

/** The identity of the workflow run that signed: what the certificate says. */
export interface Signer {
  /** The signing workflow, with its ref: https://github.com/o/r/.github/workflows/ci.yml@refs/heads/main. */
  workflow: string
  issuer?: string
  repository?: string
  ref?: string
  /** The top-level workflow of the run (differs from `workflow` when that is a reusable one). */
  buildConfig?: string
  /** The run: https://github.com/o/r/actions/runs/42/attempts/1. */
  run?: string
}

/** Who may have signed, as the verifier expects it (never read from the artifact it checks). */
export interface SignerExpectation {
  /** https://github.com, or a GHE.com tenant. */
  serverUrl: string
  /** owner/repo: the repository the workflow ran in. */
  repository: string
  /** owner/repo/.github/workflows/ci.yml, optionally with @ref: the workflow that signed. */
  signerWorkflow?: string
  /** The run the artifact comes from (verify-only, a later job of the same run): its workflow and ID. */
  run?: { workflowRef: string; runId: string }
  /** The OIDC issuer the certificate must name; by default GitHub Actions' for the server. */
  issuer?: string
}

/** GitHub Actions' OIDC issuer for a server: token.actions.githubusercontent.com for github.com. */
export function actionsIssuer(serverUrl: string): string {
  const host = new URL(serverUrl).hostname
  return host === 'github.com'
    ? 'https://token.actions.githubusercontent.com'
    : `https://token.actions.${host}`
}

function extension(certificate: X509Certificate, oid: string): string | undefined {
  const value = certificate.extension(oid)?.valueObj.subs?.[0]?.value
  return value?.toString('utf8')
}

export function signerOf(certificate: X509Certificate): Signer {
  return {
    workflow: certificate.subjectAltName ?? '',
    issuer: extension(certificate, OID.issuer),
    repository: extension(certificate, OID.sourceRepositoryUri),
    ref: extension(certificate, OID.sourceRepositoryRef),
    buildConfig: extension(certificate, OID.buildConfigUri),
    run: extension(certificate, OID.runInvocationUri)
  }
}

const same = (a: string | undefined, b: string): boolean => a?.toLowerCase() === b.toLowerCase()

/** Why this signer is not the one expected, one line each; empty when it is. */
export function identityProblems(signer: Signer, expected: SignerExpectation): string[] {
  const server = expected.serverUrl.replace(/\/$/, '')
  const issuer = expected.issuer ?? actionsIssuer(server)
  const repository = `${server}/${expected.repository}`
  const problems: string[] = []
  if (signer.issuer !== issuer)
    problems.push(
      `its certificate was issued to ${signer.issuer ?? 'no OIDC issuer'}, not ${issuer}`
    )
  if (!same(signer.repository, repository))
    problems.push(
      `it was made in ${signer.repository ?? 'an unnamed repository'}, not ${repository}`
    )
  const workflow = expected.signerWorkflow
  const prefix = workflow
    ? `${server}/${workflow}${workflow.includes('@') ? '' : '@'}`
    : `${repository}/`
  const exact = workflow?.includes('@')
  const wanted = exact
    ? same(signer.workflow, prefix)
    : signer.workflow.toLowerCase().startsWith(prefix.toLowerCase())
  if (!wanted)
    problems.push(
      `it was signed by ${signer.workflow || 'no workflow'}, not ${exact ? prefix : `a workflow under ${prefix}`}`
    )
  if (expected.run) problems.push(...runProblems(signer, server, expected.repository, expected.run))
  return problems
}

/** The same run: its top-level workflow at the same ref, and its run ID (any attempt). */
function runProblems(
  signer: Signer,
  server: string,
  repository: string,
  run: NonNullable<SignerExpectation['run']>
): string[] {
  const problems: string[] = []
  const workflow = `${server}/${run.workflowRef}`
  if (!same(signer.buildConfig, workflow))
    problems.push(`it was made by workflow ${signer.buildConfig ?? 'unknown'}, not ${workflow}`)
  const runUrl = `${server}/${repository}/actions/runs/${run.runId}/attempts/`
  if (!signer.run?.toLowerCase().startsWith(runUrl.toLowerCase()))
    problems.push(
      `it was made in run ${signer.run ?? 'unknown'}, not run ${run.runId} of this workflow`
    )
  return problems
}

/**
 * Who should have signed what a job of this run checks: a workflow of its repository, and for an
 * artifact downloaded from this run, this run's workflow and ID. The issuer is GitHub Actions' (or the
 * ML_SMOKE_SIGSTORE instance's, in tests).
 */
export function runSigner(
  env: NodeJS.ProcessEnv,
  sameRun: boolean,
  repository = env.GITHUB_REPOSITORY
): SignerExpectation | undefined {
  if (!repository) return undefined
  const { GITHUB_WORKFLOW_REF: workflowRef, GITHUB_RUN_ID: runId } = env
  return {
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    repository,
    ...(sameRun && workflowRef && runId ? { run: { workflowRef, runId } } : {}),
    ...(sigstoreOverrideFrom(env) ? { issuer: sigstoreOverrideFrom(env)!.oidcIssuer } : {})
  }
}
