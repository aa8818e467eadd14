import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { randomBytes } from 'node:crypto'
import { UserError } from '../errors.js'
import { writeAtomically } from '../file-info.js'
import { commandSafe, terminalSafe } from '../untrusted.js'
import type { ArtifactStore, CacheStore, Logger, UploadedArtifact, UploadOptions } from './types.js'

/** Outside GitHub: the artifact becomes `<folder>/<name>.zip`, the same archive the service would hold. */
export class LocalArtifactStore implements ArtifactStore {
  constructor(private readonly folder: string) {}

  async upload(
    name: string,
    files: string[],
    rootDirectory: string,
    options: UploadOptions
  ): Promise<UploadedArtifact> {
    await mkdir(this.folder, { recursive: true })
    const target = path.join(this.folder, `${name}.zip`)
    // Loaded here: only a local run that gets this far needs a zip writer.
    const { default: archiver } = await import('archiver')
    await writeAtomically(target, async temporary => {
      const archive = archiver('zip', { zlib: { level: options.compressionLevel } })
      const written = pipeline(archive, createWriteStream(temporary))
      for (const file of [...files].sort()) {
        // Staged files are links: store what they point to, as the artifact client does.
        archive.file(await realpath(file), {
          name: path.relative(rootDirectory, file).split(path.sep).join('/'),
          date: new Date('2000-01-01T00:00:00Z')
        })
      }
      await archive.finalize()
      await written
    })
    const hash = createHash('sha256')
    await pipeline(createReadStream(target), hash)
    return { size: (await stat(target)).size, digest: hash.digest('hex'), localPath: target }
  }

  /** A local run writes its zip anew: no name is ever taken. */
  async exists(): Promise<boolean> {
    return false
  }

  /** A local run has no run's artifacts to list: `ml-smoke merge` takes the states' files. */
  async list(): Promise<string[]> {
    throw new UserError(
      'there is no artifact service outside GitHub Actions to list artifacts from',
      {
        hint: "run ml-smoke merge with the shards' state files"
      }
    )
  }

  async download(name: string): Promise<void> {
    throw new UserError(
      `there is no artifact service outside GitHub Actions to download "${name}" from`,
      {
        hint: `unzip ${path.join(this.folder, `${name}.zip`)} and run ml-smoke verify-artifact on the folder`
      }
    )
  }
}

/**
 * Text from data and logs, made safe to show: control characters (ANSI escapes) visible, and, inside a
 * GitHub Actions step, no line the runner would take for a workflow command.
 */
export function shownText(text: string, underActions: boolean): string {
  const visible = terminalSafe(text)
  return underActions ? commandSafe(visible) : visible
}

/**
 * Logs for a terminal: everything goes to stderr so stdout stays free for the result (and --json). The
 * user's command output passes through as it is, except that inside a GitHub Actions step it is shown
 * between `::stop-commands::` and a random resume token, as the action shows it.
 */
export function terminalLogger(
  verbose: boolean,
  write: (text: string) => void = text => void process.stderr.write(text),
  underActions = false
): Logger {
  const line = (text: string): void =>
    write(`${shownText(text, underActions).replace(/\n$/, '')}\n`)
  let resume: string | undefined
  return {
    debug: message => verbose && line(`debug: ${message}`),
    info: message => line(message),
    warning: message => line(`warning: ${message}`),
    notice: message => line(`notice: ${message}`),
    startGroup: title => {
      line(`▶ ${title}`)
      if (!underActions) return
      resume = randomBytes(16).toString('hex')
      write(`::stop-commands::${resume}\n`)
    },
    endGroup: () => {
      if (resume) write(`\n::${resume}::\n`)
      resume = undefined
      write('◀\n')
    },
    output: write
  }
}

/** Outside GitHub there is no cache service: say so once and do nothing. */
export class NoCacheStore implements CacheStore {
  constructor(private readonly logger: Logger) {}

  async restore(): Promise<string | undefined> {
    this.logger.info('cache-paths is ignored outside GitHub Actions')
    return undefined
  }

  async save(): Promise<boolean> {
    return false
  }
}
