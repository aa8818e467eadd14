// A fork's run cannot comment (its token is read-only): it leaves the comment in its report artifact,
// and a `workflow_run` job of the base repository, which never checks out the fork's code, posts it.
import { readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { UserError } from '../errors.js'
import type { GitHubApi } from '../ports/types.js'
import type { WorkflowRunEvent } from './event.js'
import { withoutNotifications } from './escape.js'
import { isSmokeComment } from './marker.js'
import { upsertComment, type Posted } from './post.js'
import { withinCommentLimit } from './render.js'

export const COMMENT_BODY_NAME = 'ml-smoke-comment.md'
export const COMMENT_META_NAME = 'ml-smoke-comment.json'

const handOffSchema = z.object({
  schemaVersion: z.literal(1),
  pullRequest: z.number().int().positive(),
  headSha: z.string().regex(/^[0-9a-f]{40}$/),
  runUrl: z.string().url()
})

export type HandOff = z.infer<typeof handOffSchema>

/** Writes the comment and where it goes into `folder` (the report artifact's); returns the files. */
export async function writeHandOff(folder: string, body: string, meta: HandOff): Promise<string[]> {
  const files = [path.join(folder, COMMENT_BODY_NAME), path.join(folder, COMMENT_META_NAME)]
  await writeFile(files[0], body)
  await writeFile(files[1], `${JSON.stringify({ ...meta, schemaVersion: 1 }, null, 2)}\n`)
  return files
}

/** Whether `folder` holds a comment left for a `workflow_run` job. */
export async function holdsHandOff(folder: string): Promise<boolean> {
  return (await stat(path.join(folder, COMMENT_META_NAME)).catch(() => null)) !== null
}

export async function readHandOff(folder: string): Promise<{ body: string; meta: HandOff }> {
  const text = await readFile(path.join(folder, COMMENT_META_NAME), 'utf8')
  const meta = handOffSchema.safeParse(JSON.parse(text))
  if (!meta.success) throw new UserError(`${COMMENT_META_NAME}: ${meta.error.issues[0].message}`)
  const body = await readFile(path.join(folder, COMMENT_BODY_NAME), 'utf8')
  if (!isSmokeComment(body)) throw new UserError(`${COMMENT_BODY_NAME} is not an ml-smoke comment`)
  return { body, meta: meta.data }
}

/**
 * The body as the fork's run wrote it, made safe to post from the base repository: the marker line
 * kept, every mention and reference in the rest broken, the length within GitHub's limit.
 */
export function safeBody(body: string, runUrl: string): string {
  const newline = body.indexOf('\n')
  const rest = withoutNotifications(body.slice(newline + 1), { urls: false })
  return withinCommentLimit(
    `${body.slice(0, newline)}\n${rest.replace(/<!--/g, '&lt;!--')}`,
    runUrl
  )
}

/**
 * Posts the comment a fork's run left in `folder`, after checking it against the trusted event: the
 * pull request it names must have the head commit the triggering run tested, so an artifact cannot
 * send a comment to another pull request.
 */
export async function postHandOff(
  api: GitHubApi,
  folder: string,
  trusted: WorkflowRunEvent
): Promise<Posted & { pullRequest: number }> {
  const { body, meta } = await readHandOff(folder)
  const pr = await api.getPullRequest(meta.pullRequest)
  if (pr.headSha !== trusted.headSha || meta.headSha !== trusted.headSha)
    throw new UserError(
      `the comment names pull request #${meta.pullRequest}, whose head ${pr.headSha.slice(0, 7)} is not the commit ${trusted.headSha.slice(0, 7)} the run tested: not posted`
    )
  const posted = await upsertComment(
    api,
    meta.pullRequest,
    safeBody(body, meta.runUrl),
    meta.runUrl
  )
  return { ...posted, pullRequest: meta.pullRequest }
}
