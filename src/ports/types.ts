/** The side effects the pipeline needs, as small interfaces: GitHub, local and test versions plug in. */

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
}

export interface CommandRunner {
  /** Runs `command` in a shell; `onOutput` receives stdout and stderr text as it arrives. */
  run(
    spec: CommandSpec,
    onOutput: (text: string, stream: 'stdout' | 'stderr') => void
  ): Promise<CommandOutcome>
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
  upload(
    name: string,
    files: string[],
    rootDirectory: string,
    options: UploadOptions
  ): Promise<UploadedArtifact>
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
