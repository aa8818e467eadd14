/** In-memory ports for fast unit tests of the pipeline: no processes, no services, a fixed clock. */
import { cp, mkdir, readFile, realpath, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { SLSA_PROVENANCE_V1 } from '../src/attest/statements.js'
import {
  ArtifactNameTaken,
  type ArtifactStore,
  type AttestationSubject,
  type Attestor,
  type SignedAttestation,
  type CacheStore,
  type CommandOutcome,
  type CommandRunner,
  type CommandSpec,
  type Logger,
  type Ports,
  type Repository,
  type RunningCommand,
  type TrackedFile,
  type WorkingTree,
  type UploadedArtifact,
  type UploadOptions
} from '../src/ports/types.js'

/** What a scripted command does instead of running: print lines, write files, exit with a code. */
export type Script = (
  spec: CommandSpec,
  print: (text: string) => void
) => Promise<number | Partial<CommandOutcome>> | number | Partial<CommandOutcome>

/**
 * What a scripted server does instead of starting: serve (e.g. a node:http server on
 * spec.env.ML_SMOKE_PORT) until `close`, or exit by itself when `exited` settles with a code.
 */
export type ServerScript = (
  spec: CommandSpec,
  print: (text: string) => void
) => Promise<{ close(): Promise<void>; exited?: Promise<number>; ports?: number[] }>

/** Runs each command by its script (looked up by the command text); records every spec it ran. */
export class ScriptedRunner implements CommandRunner {
  readonly ran: CommandSpec[] = []
  /** Servers started and not yet stopped. */
  running = 0

  constructor(
    private readonly scripts: Record<string, Script>,
    readonly servers: Record<string, ServerScript> = {}
  ) {}

  async start(
    spec: CommandSpec,
    onOutput: (text: string, stream: 'stdout' | 'stderr') => void
  ): Promise<RunningCommand> {
    this.ran.push(spec)
    const script = this.servers[spec.command]
    if (!script) throw new Error(`no server script for command ${JSON.stringify(spec.command)}`)
    let settle: (outcome: CommandOutcome) => void = () => undefined
    const exited = new Promise<CommandOutcome>(resolve => (settle = resolve))
    const outcome = (exitCode: number | null, signal: string | null = null): CommandOutcome => ({
      exitCode,
      signal,
      timedOut: false,
      durationMs: 1000
    })
    const server = await script(spec, text => onOutput(text, 'stderr'))
    this.running++
    let stopped = false
    const end = async (result: CommandOutcome): Promise<void> => {
      if (stopped) return
      stopped = true
      this.running--
      await server.close()
      settle(result)
    }
    void server.exited?.then(code => end(outcome(code)))
    return {
      exited,
      stop: () => end(outcome(null, 'SIGTERM')),
      listeningPorts: async () => server.ports ?? [Number(spec.env.ML_SMOKE_PORT)]
    }
  }

  async run(
    spec: CommandSpec,
    onOutput: (text: string, stream: 'stdout' | 'stderr') => void
  ): Promise<CommandOutcome> {
    this.ran.push(spec)
    const script = this.scripts[spec.command]
    if (!script) throw new Error(`no script for command ${JSON.stringify(spec.command)}`)
    const answer = await script(spec, text => onOutput(text, 'stdout'))
    const outcome = typeof answer === 'number' ? { exitCode: answer } : answer
    return { exitCode: 0, signal: null, timedOut: false, durationMs: 1500, ...outcome }
  }
}

/** Artifacts kept in memory, by name, as the artifact service of one workflow run holds them. */
export class MemoryArtifactStore implements ArtifactStore {
  readonly artifacts = new Map<string, { files: Map<string, Buffer>; options: UploadOptions }>()
  private nextId = 1

  async upload(
    name: string,
    files: string[],
    rootDirectory: string,
    options: UploadOptions
  ): Promise<UploadedArtifact> {
    if (this.artifacts.has(name) && !options.overwrite) throw new ArtifactNameTaken(name)
    const contents = new Map<string, Buffer>()
    for (const file of files)
      contents.set(path.relative(rootDirectory, file), await readFile(await realpath(file)))
    this.artifacts.set(name, { files: contents, options })
    const size = [...contents.values()].reduce((sum, bytes) => sum + bytes.length, 0)
    return { id: this.nextId++, size, digest: 'f'.repeat(64) }
  }

  async exists(name: string): Promise<boolean> {
    return this.artifacts.has(name)
  }

  async list(): Promise<string[]> {
    return [...this.artifacts.keys()]
  }

  async download(name: string, folder: string): Promise<void> {
    const artifact = this.artifacts.get(name)
    if (!artifact) throw new Error(`no artifact ${name}`)
    for (const [file, bytes] of artifact.files) {
      await mkdir(path.dirname(path.join(folder, file)), { recursive: true })
      await writeFile(path.join(folder, file), bytes)
    }
  }
}

/**
 * Attestations in memory: each statement is recorded and put into a bundle-shaped object whose DSSE
 * envelope holds it, unsigned. `onAttest` runs before each one (a test's hook into the moment between
 * hashing and upload); `failure` is thrown instead of attesting.
 */
export class MemoryAttestor implements Attestor {
  readonly made: Array<{ predicateType: string; subjects: AttestationSubject[] }> = []
  reason: string | null = null
  failure?: Error
  onAttest?: () => Promise<void> | void
  private nextId = 1

  async unavailable(): Promise<string | null> {
    return this.reason
  }

  provenance(subjects: AttestationSubject[]): Promise<SignedAttestation> {
    return this.sign(subjects, SLSA_PROVENANCE_V1, { buildDefinition: {} })
  }

  statement(
    subjects: AttestationSubject[],
    predicateType: string,
    predicate: Record<string, unknown>
  ): Promise<SignedAttestation> {
    return this.sign(subjects, predicateType, predicate)
  }

  private async sign(
    subjects: AttestationSubject[],
    predicateType: string,
    predicate: Record<string, unknown>
  ): Promise<SignedAttestation> {
    await this.onAttest?.()
    if (this.failure) throw this.failure
    this.made.push({ predicateType, subjects })
    const statement = {
      _type: 'https://in-toto.io/Statement/v1',
      subject: subjects.map(subject => ({
        name: subject.name,
        digest: { sha256: subject.sha256 }
      })),
      predicateType,
      predicate
    }
    const id = String(this.nextId++)
    return {
      bundle: {
        mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        dsseEnvelope: {
          payload: Buffer.from(JSON.stringify(statement)).toString('base64'),
          payloadType: 'application/vnd.in-toto+json',
          signatures: []
        }
      },
      id,
      url: `https://github.com/octo/models/attestations/${id}`
    }
  }
}

/** A cache service in memory: each saved key holds a copy of the paths, restored by key or prefix. */
export class MemoryCacheStore implements CacheStore {
  readonly saved: string[] = []
  private readonly entries = new Map<string, string>()

  constructor(private readonly holding: string) {}

  async restore(paths: string[], key: string, restoreKeys: string[]): Promise<string | undefined> {
    const matched = this.entries.has(key)
      ? key
      : [...this.entries.keys()].find(entry => restoreKeys.some(prefix => entry.startsWith(prefix)))
    if (matched === undefined) return undefined
    for (const target of paths)
      await cp(path.join(this.entries.get(matched)!, path.basename(target)), target, {
        recursive: true
      })
    return matched
  }

  async save(paths: string[], key: string): Promise<boolean> {
    const copy = path.join(this.holding, String(this.entries.size))
    for (const source of paths)
      await cp(source, path.join(copy, path.basename(source)), { recursive: true })
    this.entries.set(key, copy)
    this.saved.push(key)
    return true
  }
}

/** A repository as given: its committed files and its head; `null` files means "not a repository". */
export class MemoryRepository implements Repository {
  constructor(
    public files: TrackedFile[] | null = null,
    public tree: WorkingTree | null = null
  ) {}

  async trackedFiles(): Promise<TrackedFile[] | null> {
    return this.files
  }

  async lfsTracked(paths: string[]): Promise<Set<string>> {
    return new Set(paths.filter(file => this.files?.find(f => f.path === file)?.lfs))
  }

  async head(): Promise<WorkingTree | null> {
    return this.tree
  }
}

/** A logger that keeps what it is told, by kind. */
export function recordingLogger(): Logger & { lines: Record<string, string[]> } {
  const lines: Record<string, string[]> = {
    debug: [],
    info: [],
    warning: [],
    notice: [],
    output: []
  }
  return {
    lines,
    debug: message => void lines.debug.push(message),
    info: message => void lines.info.push(message),
    warning: message => void lines.warning.push(message),
    notice: message => void lines.notice.push(message),
    startGroup: () => undefined,
    endGroup: () => undefined,
    output: text => void lines.output.push(text)
  }
}

/** Ports for one run: the scripts, an empty artifact store and cache, and a clock stopped when made. */
export function memoryPorts(
  scripts: Record<string, Script>,
  cacheFolder: string,
  servers: Record<string, ServerScript> = {}
): Ports & {
  runner: ScriptedRunner
  artifacts: MemoryArtifactStore
  cache: MemoryCacheStore
  logger: ReturnType<typeof recordingLogger>
  repository: MemoryRepository
} {
  const now = Date.now()
  return {
    runner: new ScriptedRunner(scripts, servers),
    artifacts: new MemoryArtifactStore(),
    cache: new MemoryCacheStore(cacheFolder),
    logger: recordingLogger(),
    clock: { now: () => now },
    repository: new MemoryRepository(),
    env: { PATH: '/usr/bin', ACTIONS_RUNTIME_TOKEN: 'secret' }
  }
}
