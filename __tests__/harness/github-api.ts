import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ResultsService } from './results-service.js'

export interface EmulatedRun {
  id: number
  /** The results service's run backend ID the run's artifacts were uploaded under. */
  backendId: string
  workflowId: number
  headBranch: string
  headSha: string
  event: string
  conclusion: string | null
  headRepository: string
}

export interface EmulatedComment {
  id: number
  issue: number
  body: string
  user: { login: string; type: string }
}

/**
 * GitHub's REST API on 127.0.0.1, as much of it as ml-smoke and @actions/artifact's cross-run download
 * use: workflow runs, run artifacts (from the results service) with the /zip redirect to blob storage,
 * issue comments (list, create, update), pull requests. Tokens: `write-token` may comment, `read-token`
 * (a fork's) gets 403 on writes. A body over 65,536 characters gets 422. Every answer carries the
 * rate-limit headers; `rateLimitOnce` answers the next request with an exhausted primary limit.
 */
export class GitHubApiEmulator {
  readonly runs: EmulatedRun[] = []
  readonly comments: EmulatedComment[] = []
  readonly pulls = new Map<number, { number: number; headSha: string; headRepository: string }>()
  readonly requests: string[] = []
  rateLimitOnce = false
  private nextComment = 9000
  private server?: Server

  constructor(
    private readonly results: ResultsService,
    private readonly repository = 'octo/models'
  ) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.handle(request, response))
    await new Promise<void>(resolve => this.server!.listen(0, '127.0.0.1', resolve))
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise(resolve => this.server?.close(resolve))
  }

  private runJson(run: EmulatedRun) {
    return {
      id: run.id,
      workflow_id: run.workflowId,
      head_branch: run.headBranch,
      head_sha: run.headSha,
      event: run.event,
      status: 'completed',
      conclusion: run.conclusion,
      head_repository: { full_name: run.headRepository },
      html_url: `https://github.com/${this.repository}/actions/runs/${run.id}`
    }
  }

  private commentJson(comment: EmulatedComment) {
    return {
      id: comment.id,
      body: comment.body,
      user: comment.user,
      html_url: `https://github.com/${this.repository}/pull/${comment.issue}#issuecomment-${comment.id}`
    }
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let raw = ''
    for await (const chunk of request) raw += chunk
    const url = new URL(request.url ?? '/', 'http://localhost')
    const route = `${request.method} ${url.pathname}`
    this.requests.push(route)
    const headers = {
      'content-type': 'application/json',
      'x-ratelimit-limit': '1000',
      'x-ratelimit-remaining': this.rateLimitOnce ? '0' : '999',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1),
      'x-ratelimit-resource': 'core'
    }
    const send = (status: number, body: unknown, extra: Record<string, string> = {}): void => {
      response.writeHead(status, { ...headers, ...extra })
      response.end(body === undefined ? '' : JSON.stringify(body))
    }
    if (this.rateLimitOnce) {
      this.rateLimitOnce = false
      return send(403, { message: 'API rate limit exceeded for installation.' })
    }
    const token = /^(?:token|bearer) (\S+)$/i.exec(request.headers.authorization ?? '')?.[1]
    if (!token) return send(401, { message: 'Bad credentials' })
    const prefix = `/repos/${this.repository}`
    if (!url.pathname.startsWith(prefix)) return send(404, { message: 'Not Found' })
    const path = url.pathname.slice(prefix.length)
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {}
    return this.route(request.method ?? 'GET', path, url.searchParams, body, token, send)
  }

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: Record<string, unknown>,
    token: string,
    send: (status: number, body: unknown, extra?: Record<string, string>) => void
  ): void {
    let match: RegExpExecArray | null
    if (method === 'GET' && (match = /^\/actions\/runs\/(\d+)$/.exec(path))) {
      const run = this.runs.find(r => r.id === Number(match![1]))
      return run ? send(200, this.runJson(run)) : send(404, { message: 'Not Found' })
    }
    if (method === 'GET' && (match = /^\/actions\/workflows\/(\d+)\/runs$/.exec(path))) {
      const runs = this.runs
        .filter(
          r =>
            r.workflowId === Number(match![1]) &&
            (!query.get('branch') || r.headBranch === query.get('branch')) &&
            (query.get('status') !== 'success' || r.conclusion === 'success')
        )
        .sort((a, b) => b.id - a.id)
      return send(200, { total_count: runs.length, workflow_runs: runs.map(r => this.runJson(r)) })
    }
    if (method === 'GET' && (match = /^\/actions\/runs\/(\d+)\/artifacts$/.exec(path))) {
      const run = this.runs.find(r => r.id === Number(match![1]))
      const artifacts = run ? this.results.artifactsOfRun(run.backendId) : []
      return send(200, {
        total_count: artifacts.length,
        artifacts: artifacts.map(a => ({
          id: a.id,
          name: a.name,
          size_in_bytes: a.size,
          expired: false,
          ...(a.digest ? { digest: a.digest } : {})
        }))
      })
    }
    if (method === 'GET' && (match = /^\/actions\/artifacts\/(\d+)\/zip$/.exec(path))) {
      const location = this.results.downloadUrl(Number(match[1]))
      return location ? send(302, undefined, { location }) : send(404, { message: 'Not Found' })
    }
    if (method === 'GET' && (match = /^\/pulls\/(\d+)$/.exec(path))) {
      const pr = this.pulls.get(Number(match[1]))
      if (!pr) return send(404, { message: 'Not Found' })
      return send(200, {
        number: pr.number,
        head: { sha: pr.headSha, repo: { full_name: pr.headRepository } }
      })
    }
    return this.routeComments(method, path, body, token, send)
  }

  private routeComments(
    method: string,
    path: string,
    body: Record<string, unknown>,
    token: string,
    send: (status: number, body: unknown) => void
  ): void {
    const write = (): boolean => {
      if (token === 'read-token') {
        send(403, { message: 'Resource not accessible by integration' })
        return false
      }
      if (String(body.body ?? '').length > 65_536) {
        send(422, {
          message: 'Validation Failed',
          errors: [
            {
              resource: 'IssueComment',
              code: 'custom',
              field: 'body',
              message: 'body is too long (maximum is 65536 characters)'
            }
          ]
        })
        return false
      }
      return true
    }
    let match: RegExpExecArray | null
    if ((match = /^\/issues\/(\d+)\/comments$/.exec(path))) {
      const issue = Number(match[1])
      if (method === 'GET')
        return send(
          200,
          this.comments.filter(c => c.issue === issue).map(c => this.commentJson(c))
        )
      if (method === 'POST' && write()) {
        const comment = {
          id: this.nextComment++,
          issue,
          body: String(body.body),
          user: { login: 'github-actions[bot]', type: 'Bot' }
        }
        this.comments.push(comment)
        return send(201, this.commentJson(comment))
      }
      return
    }
    if (method === 'PATCH' && (match = /^\/issues\/comments\/(\d+)$/.exec(path))) {
      const comment = this.comments.find(c => c.id === Number(match![1]))
      if (!comment) return send(404, { message: 'Not Found' })
      if (!write()) return
      comment.body = String(body.body)
      return send(200, this.commentJson(comment))
    }
    send(404, { message: `no route for ${method} ${path}` })
  }
}
