import { GitHubApiError, type GitHubApi, type IssueCommentInfo } from '../ports/types.js'
import { withinCommentLimit } from './render.js'

export interface Posted {
  url: string
  /** True when an earlier comment of this job was edited, false when a new one was made. */
  updated: boolean
}

/**
 * Edits the comment that starts with `marker` (the newest such, a bot's first), or makes one. A 422
 * (GitHub counting the body longer than we do) is answered once with a body cut to half.
 */
export async function upsertComment(
  api: GitHubApi,
  issue: number,
  body: string,
  runUrl: string
): Promise<Posted> {
  const marker = body.slice(0, body.indexOf('\n'))
  const mine = (await api.listComments(issue)).filter(comment => comment.body.startsWith(marker))
  const existing = mine.find(comment => comment.authorType === 'Bot') ?? mine[0]
  const send = (text: string): Promise<IssueCommentInfo> =>
    existing ? api.updateComment(existing.id, text) : api.createComment(issue, text)
  let comment: IssueCommentInfo
  try {
    comment = await send(body)
  } catch (error) {
    if (!(error instanceof GitHubApiError && error.status === 422)) throw error
    comment = await send(withinCommentLimit(body, runUrl, Math.floor(body.length / 2)))
  }
  return { url: comment.url, updated: existing !== undefined }
}
