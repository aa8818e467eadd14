import { DefaultArtifactClient } from '@actions/artifact'
import * as core from '@actions/core'
import { UserError } from '../errors.js'
import type { ArtifactStore, Logger, UploadedArtifact } from './types.js'

export const actionLogger: Logger = {
  debug: message => core.debug(message),
  info: message => core.info(message),
  warning: message => core.warning(message),
  startGroup: title => core.startGroup(title),
  endGroup: () => core.endGroup(),
  output: text => {
    process.stdout.write(text)
  }
}

/** The link actions/upload-artifact prints: it opens the artifact for signed-in users. */
export function artifactUrl(env: NodeJS.ProcessEnv, id: number): string | undefined {
  const repository = env.GITHUB_REPOSITORY
  const runId = env.GITHUB_RUN_ID
  if (!repository || !runId) return undefined
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  return `${server}/${repository}/actions/runs/${runId}/artifacts/${id}`
}

/** Uploads through GitHub's artifact service with the official client (what upload-artifact v7 uses). */
export class GitHubArtifactStore implements ArtifactStore {
  private readonly client = new DefaultArtifactClient()

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  async upload(
    name: string,
    files: string[],
    rootDirectory: string,
    options: { retentionDays?: number }
  ): Promise<UploadedArtifact> {
    let response
    try {
      response = await this.client.uploadArtifact(name, files, rootDirectory, {
        retentionDays: options.retentionDays
      })
    } catch (error) {
      const message = (error as Error).message ?? String(error)
      if (/\(409\)|Conflict/.test(message)) {
        throw new UserError(`an artifact named "${name}" already exists in this workflow run`, {
          hint: 'every job of a run needs its own artifact-name; in a matrix use e.g. artifact-name: model-${{ matrix.python-version }}'
        })
      }
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
}
