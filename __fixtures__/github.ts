/** GitHub's REST API in memory, for one repository: runs, their artifacts (folders), comments, pulls. */
import { cp } from 'node:fs/promises'
import {
  GitHubApiError,
  type GitHubApi,
  type IssueCommentInfo,
  type PullRequestInfo,
  type RunArtifactInfo,
  type WorkflowRunInfo
} from '../src/ports/types.js'

export class MemoryGitHubApi implements GitHubApi {
  readonly runs: WorkflowRunInfo[] = []
  /** Artifacts by run id: their info and the folder holding their files. */
  readonly artifacts = new Map<number, Array<RunArtifactInfo & { folder: string }>>()
  readonly comments = new Map<number, IssueCommentInfo[]>()
  readonly pulls = new Map<number, PullRequestInfo>()
  readonly calls: string[] = []
  /** The token's rights: `read` answers 403 to a comment, as a fork's token does. */
  access: 'read' | 'write' = 'write'
  private nextId = 100

  addRun(run: Partial<WorkflowRunInfo> & { id: number }): WorkflowRunInfo {
    const full: WorkflowRunInfo = {
      workflowId: 7,
      headBranch: 'main',
      headSha: 'a'.repeat(40),
      event: 'push',
      conclusion: 'success',
      headRepository: 'octo/models',
      url: `https://github.com/octo/models/actions/runs/${run.id}`,
      ...run
    }
    this.runs.push(full)
    return full
  }

  addArtifact(runId: number, name: string, folder: string, expired = false): void {
    const list = this.artifacts.get(runId) ?? []
    list.push({ id: this.nextId++, name, expired, folder })
    this.artifacts.set(runId, list)
  }

  async getRun(runId: number): Promise<WorkflowRunInfo> {
    this.calls.push(`getRun ${runId}`)
    const run = this.runs.find(r => r.id === runId)
    if (!run) throw new GitHubApiError(404, `reading workflow run ${runId}: 404 Not Found`)
    return run
  }

  async listSuccessfulRuns(workflowId: number, branch: string, count: number) {
    this.calls.push(`listSuccessfulRuns ${workflowId} ${branch}`)
    return this.runs
      .filter(
        r => r.workflowId === workflowId && r.headBranch === branch && r.conclusion === 'success'
      )
      .sort((a, b) => b.id - a.id)
      .slice(0, count)
  }

  async listRunArtifacts(runId: number): Promise<RunArtifactInfo[]> {
    this.calls.push(`listRunArtifacts ${runId}`)
    return (this.artifacts.get(runId) ?? []).map(({ id, name, expired }) => ({ id, name, expired }))
  }

  async downloadRunArtifact(runId: number, artifact: RunArtifactInfo, folder: string) {
    this.calls.push(`download ${runId} ${artifact.name}`)
    const stored = this.artifacts.get(runId)?.find(a => a.id === artifact.id)
    if (!stored) throw new GitHubApiError(404, 'artifact not found')
    await cp(stored.folder, folder, { recursive: true })
  }

  async listComments(issue: number): Promise<IssueCommentInfo[]> {
    return [...(this.comments.get(issue) ?? [])]
  }

  private write(body: string): void {
    if (this.access === 'read')
      throw new GitHubApiError(403, 'commenting: 403 Resource not accessible by integration')
    if (body.length > 65_536)
      throw new GitHubApiError(422, 'commenting: 422 Validation Failed: body is too long')
  }

  async createComment(issue: number, body: string): Promise<IssueCommentInfo> {
    this.write(body)
    const id = this.nextId++
    const comment = {
      id,
      body,
      url: `https://github.com/octo/models/pull/${issue}#issuecomment-${id}`,
      authorType: 'Bot'
    }
    this.comments.set(issue, [...(this.comments.get(issue) ?? []), comment])
    return comment
  }

  async updateComment(commentId: number, body: string): Promise<IssueCommentInfo> {
    this.write(body)
    for (const list of this.comments.values()) {
      const comment = list.find(c => c.id === commentId)
      if (comment) {
        comment.body = body
        return comment
      }
    }
    throw new GitHubApiError(404, 'comment not found')
  }

  async getPullRequest(number: number): Promise<PullRequestInfo> {
    const pr = this.pulls.get(number)
    if (!pr) throw new GitHubApiError(404, `pull request #${number}: 404 Not Found`)
    return pr
  }
}
