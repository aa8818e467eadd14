/** The sticky pull-request comment: its escaping, limits, edit-in-place, and the fork hand-off. */
import { mkdtemp, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { MemoryGitHubApi } from '../__fixtures__/github.js'
import { recordingLogger } from '../__fixtures__/ports.js'
import { commentEscape, withoutNotifications } from '../src/comment/escape.js'
import { postHandOff, safeBody, writeHandOff } from '../src/comment/hand-off.js'
import { commentMarker } from '../src/comment/marker.js'
import { upsertComment } from '../src/comment/post.js'
import { publishComment, wantsComment } from '../src/comment/publish.js'
import { COMMENT_LIMIT, renderComment, withinCommentLimit } from '../src/comment/render.js'
import { buildConfig } from '../src/config.js'
import type { RunReport } from '../src/report/types.js'

const config = buildConfig(
  { dataset: 'd.csv', schema: 's.yml', 'train-command': 't', 'artifact-path': 'm' },
  '/w',
  name => name
)

function reportOf(overrides: Partial<RunReport> = {}): RunReport {
  return {
    config,
    labels: { dataset: 'd.csv', schema: 's.yml' },
    stages: [
      {
        name: 'validate',
        title: 'Data validation',
        status: 'failed',
        message: 'bad row by @octocat, see #12',
        durationMs: 5
      }
    ],
    outcome: 'failed',
    headline: 'Data validation failed: ping @org/team about GH-7 and octo/models#3',
    ...overrides
  }
}

const context = {
  marker: commentMarker('smoke', 'model'),
  job: 'smoke',
  artifactName: 'model',
  runUrl: 'https://github.com/octo/models/actions/runs/9/attempts/1'
}
const pr = {
  event: 'pull_request',
  number: 5,
  baseRef: 'main',
  headSha: 'c'.repeat(40),
  fork: false
}

describe('escaping', () => {
  it('text from data and logs mentions no one and references nothing', () => {
    const text = commentEscape.text(
      '@octocat #12 GH-7 org/repo#3 https://github.com/o/r/issues/1 <b>x</b>'
    )
    expect(text).not.toMatch(/@\w|#\d|GH-\d|https:\/\//)
    expect(text).toContain('&lt;b&gt;')
    expect(withoutNotifications('a@b.c', { urls: false })).toBe('a@\u200bb.c')
  })
})

describe('renderComment', () => {
  it('starts with the marker; stages, headline and links; no live mention or reference', () => {
    const body = renderComment(reportOf(), context)
    expect(body.split('\n')[0]).toBe('<!-- ml-smoke:comment job=smoke artifact=model -->')
    expect(body).toContain('### ml-smoke ❌ failed · `smoke` · `model`')
    expect(body).toContain('| Data validation | ❌ |')
    expect(body).toContain(`[Workflow run and its job summary](${context.runUrl})`)
    expect(body).not.toMatch(/@(?!\u200b)\w|#(?!\u200b)\d/)
  })

  it('a body over 65,536 characters is cut at a line, with a link to the summary', () => {
    const long = Array.from({ length: 5000 }, (_, i) => `line ${i} ${'x'.repeat(20)}`).join('\n')
    const cut = withinCommentLimit(long, context.runUrl)
    expect(cut.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(cut).toMatch(
      /\n\n… cut here: the whole report is in the \[job summary\]\(https:\/\/github\.com\/octo\/models\/actions\/runs\/9\/attempts\/1\)\.$/
    )
    const fenced = '```\n' + long
    expect(withinCommentLimit(fenced, context.runUrl, 1000)).not.toContain('```')
  })
})

describe('upsertComment', () => {
  it('creates once, then edits the same comment; another job keeps its own', async () => {
    const api = new MemoryGitHubApi()
    const first = await upsertComment(api, 5, `${context.marker}\nfirst`, context.runUrl)
    const second = await upsertComment(api, 5, `${context.marker}\nsecond`, context.runUrl)
    expect(first.updated).toBe(false)
    expect(second).toEqual({ url: first.url, updated: true })
    await upsertComment(api, 5, `${commentMarker('other', 'model')}\nmine`, context.runUrl)
    expect((await api.listComments(5)).map(c => c.body)).toEqual([
      `${context.marker}\nsecond`,
      '<!-- ml-smoke:comment job=other artifact=model -->\nmine'
    ])
  })

  it("a 422 (too long by GitHub's count) is answered with a shorter body", async () => {
    const api = new MemoryGitHubApi()
    const body = `${context.marker}\n${'y\n'.repeat(40_000)}`
    const posted = await upsertComment(api, 5, body, context.runUrl)
    const [comment] = await api.listComments(5)
    expect(posted.updated).toBe(false)
    expect(comment.body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(comment.body).toContain('… cut here')
  })
})

describe('publishComment', () => {
  it('auto comments on pull_request events, pass or fail; on-failure only when it fails; off never', () => {
    const passed = reportOf({ outcome: 'passed' })
    expect(wantsComment('auto', pr, passed)).toBe(true)
    expect(wantsComment('auto', { ...pr, event: 'push' }, passed)).toBe(false)
    expect(wantsComment('on-failure', pr, passed)).toBe(false)
    expect(wantsComment('on-failure', pr, reportOf())).toBe(true)
    expect(wantsComment('off', pr, reportOf())).toBe(false)
    expect(wantsComment('always', { ...pr, event: 'issue_comment' }, passed)).toBe(true)
  })

  it('posts, or hands the body off when the token is read-only (a fork; a 403)', async () => {
    const api = new MemoryGitHubApi()
    const options = {
      ...context,
      reportArtifact: 'ml-smoke-report-model',
      logger: recordingLogger()
    }
    const posted = await publishComment(reportOf(), pr, api, options)
    expect(posted.url).toMatch(/#issuecomment-/)
    expect(posted.note).toMatch(/^💬 Posted \[the pull-request comment\]/)
    const fork = await publishComment(reportOf(), { ...pr, fork: true }, api, options)
    expect(fork.handOff).toMatch(/^<!-- ml-smoke:comment/)
    expect(fork.note).toContain('comes from a fork')
    expect(fork.note).toContain('`ml-smoke-report-model`')
    api.access = 'read'
    const refused = await publishComment(reportOf(), pr, api, options)
    expect(refused.handOff).toBeDefined()
    expect(refused.note).toContain('pull-requests: write')
  })
})

describe('the hand-off to a workflow_run job', () => {
  it('posts to the pull request whose head the run tested, and refuses any other', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'handoff-'))
    const body = renderComment(reportOf(), context)
    await writeHandOff(folder, body, {
      schemaVersion: 1,
      pullRequest: 5,
      headSha: pr.headSha,
      runUrl: context.runUrl
    })
    expect(await readFile(path.join(folder, 'ml-smoke-comment.md'), 'utf8')).toBe(body)
    const api = new MemoryGitHubApi()
    api.pulls.set(5, { number: 5, headSha: pr.headSha, headRepository: 'fork/models' })
    const trusted = { runId: 9, headSha: pr.headSha, headRepository: 'fork/models' }
    const posted = await postHandOff(api, folder, trusted)
    expect(posted).toMatchObject({ pullRequest: 5, updated: false })
    expect((await api.listComments(5))[0].body).toBe(safeBody(body, context.runUrl))
    await expect(postHandOff(api, folder, { ...trusted, headSha: 'd'.repeat(40) })).rejects.toThrow(
      /not the commit dddddddd? the run tested: not posted/
    )
  })

  it('a crafted body cannot mention anyone or hide a second marker', () => {
    const crafted = `${context.marker}\n@admins please merge #1 <!-- ml-smoke:comment job=x -->`
    const safe = safeBody(crafted, context.runUrl)
    expect(safe).toBe(
      `${context.marker}\n@\u200badmins please merge #\u200b1 &lt;!-- ml-smoke:comment job=x -->`
    )
  })
})
