// GitHub's REST API through Octokit (@actions/github), with the retry and throttling plugins: a 5xx is
// retried, a rate limit waited out once (up to a minute), and every failure a GitHubApiError.
import type { getOctokit } from '@actions/github'
import {
  GitHubApiError,
  type GitHubApi,
  type IssueCommentInfo,
  type Logger,
  type PullRequestInfo,
  type RunArtifactInfo,
  type WorkflowRunInfo
} from './types.js'

type Octokit = ReturnType<typeof getOctokit>

/** Rate limits longer than this are not waited out: the step has better things to do. */
const MAX_RATE_WAIT_S = 60

/** Loaded when first needed, as the artifact client is: a run that comments nowhere is spared it. */
async function octokit(token: string, logger: Logger, baseUrl?: string): Promise<Octokit> {
  const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
    import('@actions/github'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling')
  ])
  const onLimit =
    (kind: string) => (retryAfter: number, options: unknown, _: unknown, count: number) => {
      const { method, url } = options as { method: string; url: string }
      logger.warning(`GitHub API ${kind} for ${method} ${url}: retry after ${retryAfter} s`)
      return count === 0 && retryAfter <= MAX_RATE_WAIT_S
    }
  return getOctokit(
    token,
    {
      ...(baseUrl ? { baseUrl } : {}),
      retry: { doNotRetry: [400, 401, 403, 404, 409, 422, 429] },
      throttle: {
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit')
      }
    },
    retry,
    throttling
  )
}

/** Octokit's RequestError (or anything thrown) as a GitHubApiError with the status and GitHub's message. */
function apiError(error: unknown, what: string): GitHubApiError {
  const status = (error as { status?: number }).status ?? 0
  const message = (error as Error).message ?? String(error)
  return new GitHubApiError(status, `${what}: ${status ? `${status} ` : ''}${message}`)
}

function runInfo(run: {
  id: number
  workflow_id: number
  head_branch: string | null
  head_sha: string
  event: string
  conclusion: string | null
  head_repository?: { full_name: string } | null
  html_url: string
}): WorkflowRunInfo {
  return {
    id: run.id,
    workflowId: run.workflow_id,
    headBranch: run.head_branch,
    headSha: run.head_sha,
    event: run.event,
    conclusion: run.conclusion,
    headRepository: run.head_repository?.full_name ?? null,
    url: run.html_url
  }
}

function commentInfo(comment: {
  id: number
  body?: string
  html_url: string
  user?: { type?: string } | null
}): IssueCommentInfo {
  return {
    id: comment.id,
    body: comment.body ?? '',
    url: comment.html_url,
    authorType: comment.user?.type
  }
}

/** The REST calls ml-smoke makes, for one repository. */
export class OctokitApi implements GitHubApi {
  private client?: Promise<Octokit>
  private readonly repo: { owner: string; repo: string }

  constructor(
    private readonly token: string,
    repository: string,
    private readonly logger: Logger,
    private readonly baseUrl = process.env.GITHUB_API_URL
  ) {
    const [owner, repo] = repository.split('/')
    this.repo = { owner, repo }
  }

  private async call<T>(what: string, request: (client: Octokit) => Promise<T>): Promise<T> {
    try {
      this.client ??= octokit(this.token, this.logger, this.baseUrl)
      return await request(await this.client)
    } catch (error) {
      throw apiError(error, what)
    }
  }

  getRun(runId: number): Promise<WorkflowRunInfo> {
    return this.call(`reading workflow run ${runId}`, async client => {
      const { data } = await client.rest.actions.getWorkflowRun({ ...this.repo, run_id: runId })
      return runInfo(data)
    })
  }

  listSuccessfulRuns(
    workflowId: number,
    branch: string,
    count: number
  ): Promise<WorkflowRunInfo[]> {
    return this.call(`listing the runs of workflow ${workflowId} on ${branch}`, async client => {
      const { data } = await client.rest.actions.listWorkflowRuns({
        ...this.repo,
        workflow_id: workflowId,
        branch,
        status: 'success',
        exclude_pull_requests: true,
        per_page: Math.min(count, 100)
      })
      return data.workflow_runs.map(runInfo)
    })
  }

  listRunArtifacts(runId: number): Promise<RunArtifactInfo[]> {
    return this.call(`listing the artifacts of run ${runId}`, async client => {
      const artifacts = await client.paginate(client.rest.actions.listWorkflowRunArtifacts, {
        ...this.repo,
        run_id: runId,
        per_page: 100
      })
      return artifacts.map(artifact => ({
        id: artifact.id,
        name: artifact.name,
        expired: artifact.expired,
        ...(artifact.digest ? { digest: artifact.digest } : {})
      }))
    })
  }

  /** @actions/artifact's cross-run download (the REST redirect to blob storage), digest checked. */
  downloadRunArtifact(runId: number, artifact: RunArtifactInfo, folder: string): Promise<void> {
    return this.call(`downloading artifact "${artifact.name}" of run ${runId}`, async () => {
      const { DefaultArtifactClient } = await import('@actions/artifact')
      const result = await new DefaultArtifactClient().downloadArtifact(artifact.id, {
        path: folder,
        expectedHash: artifact.digest,
        findBy: {
          token: this.token,
          workflowRunId: runId,
          repositoryOwner: this.repo.owner,
          repositoryName: this.repo.repo
        }
      })
      if (result.digestMismatch) throw new Error(`its download does not match ${artifact.digest}`)
    })
  }

  listComments(issue: number): Promise<IssueCommentInfo[]> {
    return this.call(`listing the comments of #${issue}`, async client => {
      const comments = await client.paginate(client.rest.issues.listComments, {
        ...this.repo,
        issue_number: issue,
        per_page: 100
      })
      return comments.map(commentInfo)
    })
  }

  createComment(issue: number, body: string): Promise<IssueCommentInfo> {
    return this.call(`commenting on #${issue}`, async client => {
      const { data } = await client.rest.issues.createComment({
        ...this.repo,
        issue_number: issue,
        body
      })
      return commentInfo(data)
    })
  }

  updateComment(commentId: number, body: string): Promise<IssueCommentInfo> {
    return this.call(`updating comment ${commentId}`, async client => {
      const { data } = await client.rest.issues.updateComment({
        ...this.repo,
        comment_id: commentId,
        body
      })
      return commentInfo(data)
    })
  }

  getPullRequest(number: number): Promise<PullRequestInfo> {
    return this.call(`reading pull request #${number}`, async client => {
      const { data } = await client.rest.pulls.get({ ...this.repo, pull_number: number })
      return {
        number: data.number,
        headSha: data.head.sha,
        headRepository: data.head.repo?.full_name ?? null
      }
    })
  }
}
