/** The side effects the pipeline needs, as small interfaces: GitHub, local and in-memory (test) versions plug in. */
import type { OffThread } from '../worker/client.js'

export interface CommandSpec {
  command: string
  cwd: string
  env: Record<string, string>
  timeoutMs: number
  /** bash, sh, pwsh, powershell, python, cmd, or a template with {0}; default bash (pwsh on Windows). */
  shell?: string
}

export interface CommandOutcome {
  exitCode: number | null
  signal: string | null
  timedOut: boolean
  durationMs: number
  /** The most memory the command's processes held together, when it could be measured. */
  peakRssBytes?: number
}

/** A command that keeps running until stopped (a model server), started by CommandRunner.start. */
export interface RunningCommand {
  /** Settles when it exits, by itself or stopped (rejects when it could not start at all). */
  readonly exited: Promise<CommandOutcome>
  /** SIGTERM to its whole process group, SIGKILL after a short grace; resolves once it has exited. */
  stop(): Promise<void>
  /** The TCP ports its processes listen on (Linux; empty elsewhere). */
  listeningPorts(): Promise<number[]>
}

export interface CommandRunner {
  /** Runs `command` in a shell; `onOutput` receives stdout and stderr text as it arrives. */
  run(
    spec: CommandSpec,
    onOutput: (text: string, stream: 'stdout' | 'stderr') => void
  ): Promise<CommandOutcome>
  /**
   * Starts `command` as run() does (own process group, `timeoutMs` as a last resort) and returns at once:
   * it runs until stop(), or until the run is cancelled.
   */
  start(
    spec: CommandSpec,
    onOutput: (text: string, stream: 'stdout' | 'stderr') => void
  ): Promise<RunningCommand>
}

export interface UploadedArtifact {
  id?: number
  size: number
  /** sha256 of the uploaded archive, bare hex (as @actions/artifact returns it). */
  digest: string
  url?: string
  /** Where a local store put it (CLI only). */
  localPath?: string
}

export interface UploadOptions {
  retentionDays?: number
  compressionLevel: number
  /** Delete an artifact of the same name in this run first. */
  overwrite: boolean
}

export interface ArtifactStore {
  /** Throws ArtifactNameTaken when this run already has an artifact of that name (and not overwrite). */
  upload(
    name: string,
    files: string[],
    rootDirectory: string,
    options: UploadOptions
  ): Promise<UploadedArtifact>
  /** Downloads this run's artifact `name` into `folder`, checking the digest recorded at upload. */
  download(name: string, folder: string): Promise<void>
  /** Whether this run already holds an artifact of that name (false when the service cannot tell). */
  exists(name: string): Promise<boolean>
  /** The names of this run's artifacts (the latest of each name). */
  list(): Promise<string[]>
}

/** The artifact service's answer when a run already holds an artifact of that name. */
export class ArtifactNameTaken extends Error {
  constructor(readonly artifactName: string) {
    super(`an artifact named "${artifactName}" already exists in this workflow run`)
    this.name = 'ArtifactNameTaken'
  }
}

export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
  /** Something worth seeing that needs no fix (a notice annotation in the action). */
  notice(message: string): void
  startGroup(title: string): void
  endGroup(): void
  /** Raw text from the user's command, passed through unchanged. */
  output(text: string): void
}

/** @actions/cache behind an interface; implementations never throw (a cache is an optimisation). */
export interface CacheStore {
  /** The key that matched (the primary key or a restore key), or undefined on a miss or failure. */
  restore(paths: string[], key: string, restoreKeys: string[]): Promise<string | undefined>
  /** True when the cache was saved. */
  save(paths: string[], key: string): Promise<boolean>
}

export interface TrackedFile {
  /** Relative to the repository's root, with `/`. */
  path: string
  bytes: number
  lfs: boolean
}

/** The checked-out commit: its hash, the branch or tag ref, and whether tracked files were changed. */
export interface WorkingTree {
  commit: string
  ref: string | null
  dirty: boolean | null
}

/** The git repository the workspace is in. */
export interface Repository {
  /** Every file committed at HEAD, with its size; null outside a git repository. */
  trackedFiles(): Promise<TrackedFile[] | null>
  /** Which of `paths` Git LFS stores (filter=lfs). */
  lfsTracked(paths: string[]): Promise<Set<string>>
  head(): Promise<WorkingTree | null>
}

/** The time, in milliseconds since 1970: durations, the manifest's createdAt and the logs' cut-off. */
export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

/** A file an attestation speaks for: its path in the artifact and its sha256 (bare hex). */
export interface AttestationSubject {
  name: string
  sha256: string
}

/** A signed attestation: its Sigstore bundle, and where the repository's attestations API keeps it. */
export interface SignedAttestation {
  /** The Sigstore bundle (JSON), as `gh attestation verify --bundle` reads it. */
  bundle: Record<string, unknown>
  id?: string
  url?: string
}

/**
 * Signs in-toto statements about files with the run's OIDC identity (Sigstore) and stores them with
 * the repository, as GitHub artifact attestations.
 */
export interface Attestor {
  /** Why this run cannot attest (no id-token permission, a fork, GitHub Enterprise Server), or null. */
  unavailable(): Promise<string | null>
  /** SLSA build provenance (https://slsa.dev/provenance/v1) of the subjects, from the run's token. */
  provenance(subjects: AttestationSubject[]): Promise<SignedAttestation>
  /** A statement of `predicate` (of type `predicateType`) about the subjects. */
  statement(
    subjects: AttestationSubject[],
    predicateType: string,
    predicate: Record<string, unknown>
  ): Promise<SignedAttestation>
}

/** The repository cannot store attestations (its plan, a missing permission): `attest: auto` skips. */
export class AttestationUnavailable extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'AttestationUnavailable'
  }
}

/** A workflow run, as the REST API describes it (only what the baseline lookup reads). */
export interface WorkflowRunInfo {
  id: number
  workflowId: number
  headBranch: string | null
  headSha: string
  event: string
  conclusion: string | null
  /** owner/name of the repository the run's commit came from (a fork's, for a fork's pull request). */
  headRepository: string | null
  url: string
}

export interface RunArtifactInfo {
  id: number
  name: string
  expired: boolean
  /** `sha256:<hex>`, when the service recorded one. */
  digest?: string
}

export interface IssueCommentInfo {
  id: number
  body: string
  url: string
  authorType?: string
}

export interface PullRequestInfo {
  number: number
  headSha: string
  headRepository: string | null
}

/**
 * What the pull-request comment and the baseline lookup need of GitHub's REST API, for one repository.
 * Failures are GitHubApiError with the HTTP status (403: the token may not, 404, 422: refused).
 */
export interface GitHubApi {
  getRun(runId: number): Promise<WorkflowRunInfo>
  /** The newest successful runs of a workflow on a branch, newest first. */
  listSuccessfulRuns(workflowId: number, branch: string, count: number): Promise<WorkflowRunInfo[]>
  listRunArtifacts(runId: number): Promise<RunArtifactInfo[]>
  /** Another run's artifact into `folder` (@actions/artifact's cross-run download), digest checked. */
  downloadRunArtifact(runId: number, artifact: RunArtifactInfo, folder: string): Promise<void>
  listComments(issue: number): Promise<IssueCommentInfo[]>
  createComment(issue: number, body: string): Promise<IssueCommentInfo>
  updateComment(commentId: number, body: string): Promise<IssueCommentInfo>
  getPullRequest(number: number): Promise<PullRequestInfo>
}

export class GitHubApiError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
    this.name = 'GitHubApiError'
  }
}

/** Where a baseline came from, when one was found. */
export interface BaselineFound {
  found: true
  runId: number
  url: string
  branch: string | null
  sha: string
}

/** Finds the run a pull request is measured against and fetches its manifest and report. */
export interface BaselineSource {
  /** Into `folder`: ml-smoke-manifest.json and ml-smoke-report.json; or why there is no baseline. */
  fetch(folder: string): Promise<BaselineFound | { found: false; note: string }>
}

/** Everything the pipeline does to the world, handed to it by the action or the CLI. */
export interface Ports {
  runner: CommandRunner
  artifacts: ArtifactStore
  cache: CacheStore
  logger: Logger
  clock: Clock
  /** The data worker, when the bundle has one: large files are validated and sampled there. */
  worker?: OffThread
  repository: Repository
  /** The environment the user's commands inherit (runner secrets are removed from it). */
  env: NodeJS.ProcessEnv
  /** Signs and stores attestations; only the action on GitHub Actions has one. */
  attestor?: Attestor
  /** What a pull request is compared with, when it is (absent: no comparison stage). */
  baseline?: BaselineSource
}
