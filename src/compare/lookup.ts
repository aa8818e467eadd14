// The baseline of a pull request: the last successful run of the same workflow on the base branch that
// uploaded the report artifact of the same artifact name, found through the REST API.
import path from 'node:path'
import { MANIFEST_NAME } from '../artifact/manifest.js'
import { exists } from '../file-info.js'
import {
  GitHubApiError,
  type BaselineFound,
  type BaselineSource,
  type GitHubApi,
  type WorkflowRunInfo
} from '../ports/types.js'

/** The small artifact beside the model that a later run compares with (and a fork's comment travels in). */
export function reportArtifactName(artifactName: string): string {
  return `ml-smoke-report-${artifactName}`
}

/** Successful runs looked through, newest first. */
export const BASELINE_RUNS = 20

/** Events whose runs test a branch of this repository (a pull request's run tests someone's branch). */
const BRANCH_EVENTS = new Set(['push', 'schedule', 'workflow_dispatch', 'merge_group'])

export interface BaselineRequest {
  repository: string
  /** The run asking: its workflow is the one searched. */
  runId: number
  baseBranch: string | null
  artifactName: string
  /** `baseline: <run id>`: that run, whatever its branch. */
  pinnedRun?: number
}

function found(run: WorkflowRunInfo): BaselineFound {
  return { found: true, runId: run.id, url: run.url, branch: run.headBranch, sha: run.headSha }
}

export class GitHubBaseline implements BaselineSource {
  constructor(
    private readonly api: GitHubApi,
    private readonly request: BaselineRequest
  ) {}

  async fetch(folder: string): Promise<BaselineFound | { found: false; note: string }> {
    try {
      return await this.lookUp(folder)
    } catch (error) {
      const hint =
        (error as GitHubApiError).status === 403 ? ' (the token needs actions: read)' : ''
      return {
        found: false,
        note: `the baseline lookup failed: ${(error as Error).message}${hint}`
      }
    }
  }

  /** The runs to look through: the pinned one, or this workflow's green runs of the base branch. */
  private async candidates(): Promise<WorkflowRunInfo[] | string> {
    const { api, request } = this
    if (request.pinnedRun !== undefined) return [await api.getRun(request.pinnedRun)]
    if (!request.baseBranch) return 'not a pull request, and no baseline run ID given'
    const current = await api.getRun(request.runId)
    const runs = await api.listSuccessfulRuns(current.workflowId, request.baseBranch, BASELINE_RUNS)
    // A fork's branch may share the base branch's name: only this repository's own branch runs count.
    return runs.filter(
      run =>
        run.id !== request.runId &&
        BRANCH_EVENTS.has(run.event) &&
        run.headRepository === request.repository
    )
  }

  private async lookUp(folder: string): Promise<BaselineFound | { found: false; note: string }> {
    const name = reportArtifactName(this.request.artifactName)
    const runs = await this.candidates()
    if (typeof runs === 'string') return { found: false, note: runs }
    let expired = 0
    for (const run of runs) {
      const artifact = (await this.api.listRunArtifacts(run.id)).find(a => a.name === name)
      if (!artifact) continue
      if (artifact.expired) {
        expired++
        continue
      }
      await this.api.downloadRunArtifact(run.id, artifact, folder)
      if (await exists(path.join(folder, MANIFEST_NAME))) return found(run)
    }
    return { found: false, note: this.noneFound(runs.length, expired, name) }
  }

  private noneFound(runs: number, expired: number, name: string): string {
    const where = this.request.pinnedRun
      ? `run ${this.request.pinnedRun}`
      : `the last ${runs} successful runs of this workflow on ${this.request.baseBranch}`
    if (!runs) return `no successful run of this workflow on ${this.request.baseBranch} yet`
    if (expired) return `${name} of ${where} has expired`
    return `none of ${where} uploaded ${name} (the first run with this version of ml-smoke becomes the baseline)`
  }
}
