import type { DefaultArtifactClient } from '@actions/artifact'
import { randomBytes } from 'node:crypto'
import * as core from '@actions/core'
import { commandSafe } from '../untrusted.js'
import { UserError } from '../errors.js'
import {
  ArtifactNameTaken,
  type ArtifactStore,
  type Logger,
  type UploadedArtifact,
  type UploadOptions
} from './types.js'

/**
 * The runner's log. Messages carry text from data and logs, so none of it may run as a workflow command
 * (see untrusted.ts); the user's command output, inside its group, is shown between
 * `::stop-commands::` and a random resume token, so the data a training script prints stays text too.
 */
function createActionLogger(): Logger {
  const write = (text: string): void => void process.stdout.write(text)
  let resume: string | undefined
  let atLineStart = true
  return {
    debug: message => core.debug(message),
    info: message => {
      const safe = commandSafe(message)
      write(/[\r\n]$/.test(safe) ? safe : `${safe}\n`)
    },
    warning: message => core.warning(message),
    notice: message => core.notice(message),
    startGroup: title => {
      core.startGroup(title)
      resume = randomBytes(16).toString('hex')
      write(`::stop-commands::${resume}\n`)
      atLineStart = true
    },
    endGroup: () => {
      if (resume) write(`${atLineStart ? '' : '\n'}::${resume}::\n`)
      resume = undefined
      core.endGroup()
    },
    output: text => {
      if (!text) return
      write(text)
      atLineStart = /[\r\n]$/.test(text)
    }
  }
}

export const actionLogger: Logger = createActionLogger()

/** The link actions/upload-artifact prints: it opens the artifact for signed-in users. */
export function artifactUrl(env: NodeJS.ProcessEnv, id: number): string | undefined {
  const repository = env.GITHUB_REPOSITORY
  const runId = env.GITHUB_RUN_ID
  if (!repository || !runId) return undefined
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  return `${server}/${repository}/actions/runs/${runId}/artifacts/${id}`
}

/**
 * The artifact client, loaded when first needed: it and the Azure SDK are over half the action's bundle,
 * and a run that fails before its upload, or validates a large file first, is spared their memory.
 */
async function artifactClient(): Promise<{
  client: DefaultArtifactClient
  ArtifactNotFoundError: typeof import('@actions/artifact').ArtifactNotFoundError
}> {
  const artifact = await import('@actions/artifact')
  return {
    client: new artifact.DefaultArtifactClient(),
    ArtifactNotFoundError: artifact.ArtifactNotFoundError
  }
}

/** Uploads through GitHub's artifact service with the official client (what upload-artifact v7 uses). */
export class GitHubArtifactStore implements ArtifactStore {
  constructor(private readonly env: NodeJS.ProcessEnv) {}

  async upload(
    name: string,
    files: string[],
    rootDirectory: string,
    options: UploadOptions
  ): Promise<UploadedArtifact> {
    const { client, ArtifactNotFoundError } = await artifactClient()
    if (options.overwrite) {
      // As upload-artifact does: best effort, and nothing to delete is fine.
      await client.deleteArtifact(name).catch(error => {
        if (!(error instanceof ArtifactNotFoundError)) {
          throw new UserError(
            `overwrite: deleting the existing artifact "${name}" failed: ${(error as Error).message}`
          )
        }
      })
    }
    let response
    try {
      response = await client.uploadArtifact(name, files, rootDirectory, {
        retentionDays: options.retentionDays,
        compressionLevel: options.compressionLevel
      })
    } catch (error) {
      const message = (error as Error).message ?? String(error)
      if (/\(409\)|Conflict/.test(message)) throw new ArtifactNameTaken(name)
      throw new UserError(`uploading artifact "${name}" failed: ${message}`)
    }
    if (response.id === undefined || response.digest === undefined) {
      throw new UserError(
        `uploading artifact "${name}" failed: the artifact service returned no id or digest`
      )
    }
    return {
      id: response.id,
      size: response.size ?? 0,
      digest: response.digest,
      url: artifactUrl(this.env, response.id)
    }
  }

  async exists(name: string): Promise<boolean> {
    const { client, ArtifactNotFoundError } = await artifactClient()
    try {
      await client.getArtifact(name)
      return true
    } catch (error) {
      // A service that cannot answer now is not a reason to stop: the upload will say.
      if (!(error instanceof ArtifactNotFoundError)) actionLogger.debug(String(error))
      return false
    }
  }

  async list(): Promise<string[]> {
    const { client } = await artifactClient()
    try {
      const { artifacts } = await client.listArtifacts({ latest: true })
      return artifacts.map(artifact => artifact.name)
    } catch (error) {
      throw new UserError(`listing this run's artifacts failed: ${(error as Error).message}`)
    }
  }

  /** Downloads an artifact of this workflow run and checks the digest the service recorded for it. */
  async download(name: string, target: string): Promise<void> {
    const { client, ArtifactNotFoundError } = await artifactClient()
    let artifact
    try {
      ;({ artifact } = await client.getArtifact(name))
    } catch (error) {
      if (error instanceof ArtifactNotFoundError) {
        throw new UserError(`no artifact named "${name}" in this workflow run`, {
          hint: 'verify-only runs in a later job of the same run as the upload; check artifact-name'
        })
      }
      throw new UserError(`finding artifact "${name}" failed: ${(error as Error).message}`)
    }
    const result = await client
      .downloadArtifact(artifact.id, { path: target, expectedHash: artifact.digest })
      .catch(error => {
        throw new UserError(`downloading artifact "${name}" failed: ${(error as Error).message}`)
      })
    if (result.digestMismatch) {
      throw new UserError(
        `artifact "${name}" changed after upload: its download does not match the digest ${artifact.digest ?? ''} recorded at upload`
      )
    }
  }
}
