/**
 * End to end, the pull-request gate: the bundled action on a base-branch push uploads its report; a
 * pull request's run finds it through the emulated REST API (driven by the real Octokit), downloads it
 * with @actions/artifact's cross-run download (REST redirect into Azurite), compares and comments; a
 * second push edits the same comment; a fork's run hands its comment to a workflow_run job.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { recordingLogger } from '../__fixtures__/ports.js'
import { upsertComment } from '../src/comment/post.js'
import { OctokitApi } from '../src/ports/github-api.js'
import { artifactBackend } from './harness/backend.js'
import { GitHubApiEmulator } from './harness/github-api.js'
import { withQuickTimers } from './harness/quick-timers.js'
import { ACTION_NODE, newJob, runAction } from './harness/runner.js'

jest.setTimeout(180_000)

const backend = artifactBackend()
let api: GitHubApiEmulator

beforeAll(async () => {
  api = new GitHubApiEmulator(backend.results)
  await api.start()
})

afterAll(async () => {
  await api?.stop()
})

const node = ACTION_NODE
const inputs = {
  dataset: 'iris/iris.csv',
  schema: 'iris/iris.schema.yml',
  'train-command': 'python3 train/logreg.py --epochs 20',
  'sample-rows': '64',
  'min-loss-drop': '0.2',
  'artifact-path': '$ML_SMOKE_OUTPUT_DIR/model.json'
}
const sha = (c: string) => c.repeat(40)

/** One workflow run of workflow 77: a job of it runs the bundled action with this event. */
async function workflowRun(
  id: number,
  event: string,
  payload: object,
  extra: { token?: string; inputs?: Record<string, string>; head?: string; repo?: string } = {}
) {
  const backendId = `backend-${id}-${Date.now()}`
  const job = await newJob(backendId, 'smoke')
  const eventPath = path.join(job.runnerTemp, 'event.json')
  await writeFile(eventPath, JSON.stringify(payload))
  const run = {
    id,
    backendId,
    workflowId: 77,
    headBranch: event === 'push' ? 'main' : 'feature',
    headSha: extra.head ?? sha('a'),
    event,
    conclusion: null as string | null,
    headRepository: extra.repo ?? 'octo/models'
  }
  api.runs.push(run)
  const result = await runAction(
    node,
    backend.entry,
    job,
    backend.results.url,
    { ...inputs, 'github-token': extra.token ?? 'write-token', ...extra.inputs },
    {
      GITHUB_API_URL: api.url,
      GITHUB_RUN_ID: String(id),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: 'smoke',
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_SHA: run.headSha
    }
  )
  run.conclusion = result.exitCode === 0 ? 'success' : 'failure'
  return result
}

const pullRequest = (number: number, head: string, repo = 'octo/models') => ({
  pull_request: {
    number,
    base: { ref: 'main' },
    head: { sha: head, repo: { full_name: repo } }
  }
})

describe('the pull-request gate', () => {
  it('a PR run compares with the last green main run and comments; the next push edits the comment', async () => {
    const base = await workflowRun(1001, 'push', {})
    expect(base.exitCode).toBe(0)
    expect(
      backend.results
        .artifactsOfRun(api.runs[0].backendId)
        .map(a => a.name)
        .sort()
    ).toEqual(['ml-smoke-report-model', 'model'])

    api.pulls.set(7, { number: 7, headSha: sha('b'), headRepository: 'octo/models' })
    const first = await workflowRun(1002, 'pull_request', pullRequest(7, sha('b')), {
      head: sha('b')
    })
    expect(first.exitCode).toBe(0)
    expect(first.outputs).toMatchObject({ 'baseline-run-id': '1001', regression: 'false' })
    expect(Number(first.outputs['loss-delta'])).toBeCloseTo(0, 6)
    expect(first.outputs['comment-url']).toMatch(/\/pull\/7#issuecomment-\d+$/)
    expect(first.summary).toContain('### Against the baseline')
    expect(first.summary).toContain('💬 Posted [the pull-request comment]')
    const [comment] = api.comments
    expect(comment.body.split('\n')[0]).toBe('<!-- ml-smoke:comment job=smoke artifact=model -->')
    expect(comment.body).toContain('#### Against the baseline')
    expect(comment.body).toContain('Against [run 1001 (main @ aaaaaaa)]')

    // A second push to the pull request: another seed (46: its subset trains to a final loss 13.9 % above
    // seed 0's) trains to a higher loss, a regression that fails
    // the step; the same comment is edited to say so, and a rate limit on the way is waited out.
    api.rateLimitOnce = true
    api.pulls.set(7, { number: 7, headSha: sha('c'), headRepository: 'octo/models' })
    const second = await workflowRun(1003, 'pull_request', pullRequest(7, sha('c')), {
      head: sha('c'),
      inputs: { seed: '46' }
    })
    expect(second.exitCode).toBe(1)
    expect(second.stdout).toMatch(
      /::error::Baseline failed: against run 1001 \(main @ aaaaaaa\); final loss \+[\d.]+ %25/
    )
    expect(second.outputs).toMatchObject({ 'baseline-run-id': '1001', regression: 'true' })
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url'])
    expect(api.comments).toHaveLength(1)
    expect(api.comments[0].body).toContain('### ml-smoke ❌ failed')
    expect(api.comments[0].body).toContain('❌ Regression: final loss')
    expect(api.comments[0].body).toContain('Compared although subset seed: 0 → 46')
    expect(second.stdout).toMatch(/::warning::GitHub API rate limit for GET/)
  })

  it("a fork's run hands its comment to a workflow_run job, which posts it without the fork's code", async () => {
    api.pulls.set(8, { number: 8, headSha: sha('d'), headRepository: 'fork/models' })
    const fork = await workflowRun(1004, 'pull_request', pullRequest(8, sha('d'), 'fork/models'), {
      token: 'read-token',
      head: sha('d'),
      repo: 'fork/models'
    })
    expect(fork.exitCode).toBe(0)
    expect(fork.outputs['baseline-run-id']).toBe('1001')
    expect(fork.outputs['comment-url']).toBeUndefined()
    expect(fork.summary).toContain('this pull request comes from a fork')
    expect(api.comments.filter(c => c.issue === 8)).toHaveLength(0)

    const job = await newJob(`backend-2001-${Date.now()}`, 'comment')
    const eventPath = path.join(job.runnerTemp, 'event.json')
    await writeFile(
      eventPath,
      JSON.stringify({
        workflow_run: {
          id: 1004,
          head_sha: sha('d'),
          head_repository: { full_name: 'fork/models' }
        }
      })
    )
    const poster = await runAction(
      node,
      backend.entry,
      job,
      backend.results.url,
      { mode: 'comment', 'github-token': 'write-token' },
      {
        GITHUB_API_URL: api.url,
        GITHUB_RUN_ID: '2001',
        GITHUB_EVENT_NAME: 'workflow_run',
        GITHUB_EVENT_PATH: eventPath
      }
    )
    expect(poster.exitCode).toBe(0)
    const [posted] = api.comments.filter(c => c.issue === 8)
    expect(posted.body).toContain('<!-- ml-smoke:comment job=smoke artifact=model -->')
    expect(poster.outputs['comment-url']).toMatch(/\/pull\/8#issuecomment-/)
  })

  it('the real Octokit client: 403 and 422 become GitHubApiError, a 422 is answered with a shorter body', () =>
    withQuickTimers(async () => {
      const logger = recordingLogger()
      const readOnly = new OctokitApi('read-token', 'octo/models', logger, api.url)
      await expect(readOnly.createComment(9, 'hi')).rejects.toMatchObject({ status: 403 })
      const writer = new OctokitApi('write-token', 'octo/models', logger, api.url)
      await expect(writer.createComment(9, 'x'.repeat(70_000))).rejects.toMatchObject({
        status: 422
      })
      // GitHub may count a body longer than we do: upsertComment retries once, cut to half.
      const body = `<!-- ml-smoke:comment job=j artifact=a -->\n${'é\n'.repeat(40_000)}`
      const posted = await upsertComment(
        writer,
        9,
        body,
        'https://github.com/octo/models/actions/runs/1'
      )
      expect(posted.updated).toBe(false)
      expect(api.comments.find(c => c.issue === 9)!.body).toContain('… cut here')
    }))
})
