// After the report is complete, the action writes the pull-request comment: posted (created or edited
// in place), or, where the token cannot write (a fork), handed off to a `workflow_run` job.
import { describeError } from '../errors.js'
import { GitHubApiError, type GitHubApi, type Logger } from '../ports/types.js'
import type { RunReport } from '../report/types.js'
import type { PullRequestEvent } from './event.js'
import { upsertComment } from './post.js'
import { renderComment, type CommentContext } from './render.js'
import type { CommentWhen } from './when.js'

/** Events that `comment: auto` comments on. */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

export interface CommentOutcome {
  url?: string
  /** The body, when the token could not post it: it goes into the report artifact. */
  handOff?: string
  /** Markdown for the job summary: where the comment went, or how to post it. */
  note?: string
}

/** Whether this run writes a comment: by `comment`, the event, and how the run went. */
export function wantsComment(when: CommentWhen, pr: PullRequestEvent | null, report: RunReport) {
  if (when === 'off' || pr === null) return false
  if (when === 'always') return true
  if (!PULL_REQUEST_EVENTS.has(pr.event)) return false
  const regressed = (report.comparison?.comparison?.regressions.length ?? 0) > 0
  return when === 'auto' || report.outcome !== 'passed' || regressed
}

const HAND_OFF_NOTE =
  'To post it, add the `workflow_run` workflow in the README ("Pull requests from forks"): it downloads the report artifact and comments without checking out the fork\'s code.'

function handOff(body: string, reason: string, artifact: string): CommentOutcome {
  return {
    handOff: body,
    note: `💬 The pull-request comment was not posted: ${reason}. It is in the artifact \`${artifact}\` (ml-smoke-comment.md). ${HAND_OFF_NOTE}`
  }
}

/** Renders the comment and posts it, or hands it off; never throws (a comment is not the check). */
export async function publishComment(
  report: RunReport,
  pr: PullRequestEvent,
  api: GitHubApi | undefined,
  context: CommentContext & { reportArtifact: string; logger: Logger }
): Promise<CommentOutcome> {
  const body = renderComment(report, context)
  if (pr.fork)
    return handOff(
      body,
      'this pull request comes from a fork, whose token is read-only',
      context.reportArtifact
    )
  if (!api) return handOff(body, 'no github-token', context.reportArtifact)
  try {
    const posted = await upsertComment(api, pr.number, body, context.runUrl)
    const verb = posted.updated ? 'Updated' : 'Posted'
    return { url: posted.url, note: `💬 ${verb} [the pull-request comment](${posted.url}).` }
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 403)
      return handOff(
        body,
        'the token may not write pull-request comments (403; the job needs permissions: pull-requests: write)',
        context.reportArtifact
      )
    context.logger.warning(`the pull-request comment was not posted: ${describeError(error)}`)
    return handOff(body, describeError(error), context.reportArtifact)
  }
}
