// The pull-request side of the action: the baseline source a run compares with, and after the run the
// comment and the report artifact; `mode: comment` posts the comments a fork's run left.
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { GitHubBaseline, reportArtifactName } from '../compare/lookup.js'
import { stageReportArtifact, uploadReportArtifact } from '../compare/report-artifact.js'
import type { Config } from '../config.js'
import { describeError, UserError } from '../errors.js'
import { OctokitApi } from '../ports/github-api.js'
import type { ArtifactStore, BaselineSource, GitHubApi, Logger } from '../ports/types.js'
import type { RunReport } from '../report/types.js'
import { pullRequestEvent, workflowRunEvent, type PullRequestEvent } from './event.js'
import { holdsHandOff, postHandOff, writeHandOff } from './hand-off.js'
import { commentMarker } from './marker.js'
import { publishComment, wantsComment } from './publish.js'

export interface PullRequestSide {
  pr: PullRequestEvent | null
  api?: GitHubApi
  baseline?: BaselineSource
}

function runUrl(env: NodeJS.ProcessEnv): string {
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  const attempt = env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''
  return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${attempt}`
}

/** The API (when there is a token and a repository) and the baseline source a run compares with. */
export async function pullRequestSide(
  config: Config,
  token: string | undefined,
  env: NodeJS.ProcessEnv,
  logger: Logger
): Promise<PullRequestSide> {
  const pr = await pullRequestEvent(env)
  const repository = env.GITHUB_REPOSITORY
  const api = token && repository ? new OctokitApi(token, repository, logger) : undefined
  const pinned = typeof config.baseline === 'number' ? config.baseline : undefined
  const wanted = pinned !== undefined || (config.baseline === 'auto' && pr !== null)
  if (!wanted) return { pr, api }
  const baseline: BaselineSource = api
    ? new GitHubBaseline(api, {
        repository: repository!,
        runId: Number(env.GITHUB_RUN_ID),
        baseBranch: pr?.baseRef || null,
        artifactName: config.artifactName,
        pinnedRun: pinned
      })
    : {
        fetch: async () => ({ found: false, note: 'no github-token to look the baseline up with' })
      }
  return { pr, api, baseline }
}

export interface AfterRun {
  outputs: Record<string, string>
  /** Markdown for the end of the job summary. */
  notes: string[]
}

/** The comment (posted or handed off) and the report artifact; failures here are warnings only. */
export async function afterRun(
  report: RunReport,
  side: PullRequestSide,
  ports: { artifacts: ArtifactStore; logger: Logger; env: NodeJS.ProcessEnv }
): Promise<AfterRun> {
  const { config } = report
  const result: AfterRun = { outputs: {}, notes: [] }
  const name = reportArtifactName(config.artifactName)
  let handOff: string | undefined
  if (side.pr && wantsComment(config.comment, side.pr, report)) {
    const url = runUrl(ports.env)
    const outcome = await publishComment(report, side.pr, side.api, {
      marker: commentMarker(ports.env.GITHUB_JOB ?? 'job', config.artifactName),
      job: ports.env.GITHUB_JOB ?? 'job',
      artifactName: config.artifactName,
      runUrl: url,
      artifactUrl: report.artifact?.upload?.url,
      reportArtifact: name,
      logger: ports.logger
    })
    if (outcome.url) result.outputs['comment-url'] = outcome.url
    if (outcome.note) result.notes.push(outcome.note)
    handOff = outcome.handOff
  }
  try {
    const folder = await mkdtemp(
      path.join(ports.env.RUNNER_TEMP || os.tmpdir(), 'ml-smoke-report-')
    )
    const files = await stageReportArtifact(folder, report, async target =>
      handOff && side.pr
        ? writeHandOff(target, handOff, {
            schemaVersion: 1,
            pullRequest: side.pr.number,
            headSha: side.pr.headSha,
            runUrl: runUrl(ports.env)
          })
        : []
    )
    if (files.length)
      await uploadReportArtifact(ports.artifacts, name, folder, files, config.retentionDays)
  } catch (error) {
    ports.logger.warning(`the report artifact ${name} was not uploaded: ${describeError(error)}`)
  }
  return result
}

/**
 * `mode: comment`, in a `workflow_run` job: posts the comment each report artifact of the triggering run
 * holds. Needs actions: read (to download) and pull-requests: write; runs none of the fork's code.
 */
export async function commentFromRun(
  token: string | undefined,
  env: NodeJS.ProcessEnv,
  logger: Logger
): Promise<string[]> {
  const trusted = await workflowRunEvent(env)
  if (!trusted) throw new UserError('mode comment runs on a workflow_run event (on: workflow_run)')
  if (!token || !env.GITHUB_REPOSITORY) throw new UserError('mode comment needs github-token')
  const api = new OctokitApi(token, env.GITHUB_REPOSITORY, logger)
  const artifacts = (await api.listRunArtifacts(trusted.runId)).filter(
    artifact => artifact.name.startsWith(reportArtifactName('')) && !artifact.expired
  )
  const posted: string[] = []
  for (const artifact of artifacts) {
    const folder = await mkdtemp(path.join(env.RUNNER_TEMP || os.tmpdir(), 'ml-smoke-comment-'))
    await api.downloadRunArtifact(trusted.runId, artifact, folder)
    if (!(await holdsHandOff(folder))) continue
    const result = await postHandOff(api, folder, trusted)
    logger.info(`${result.updated ? 'updated' : 'posted'} ${result.url} (#${result.pullRequest})`)
    posted.push(result.url)
  }
  return posted
}
