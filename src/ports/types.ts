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
}
