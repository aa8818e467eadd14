// `ml-smoke compare` and `ml-smoke comment --from-artifact`: the pull-request gate's two CLI commands.
import path from 'node:path'
import { commentEscape } from '../comment/escape.js'
import { workflowRunEvent } from '../comment/event.js'
import { postHandOff, readHandOff, safeBody } from '../comment/hand-off.js'
import { compareRuns } from '../compare/compare.js'
import { readRunSide } from '../compare/read.js'
import { comparisonMarkdown } from '../compare/render.js'
import { COMPARE_OPTIONS, parseSettings } from '../config.js'
import { UserError } from '../errors.js'
import { OctokitApi } from '../ports/github-api.js'
import { terminalLogger } from '../ports/local.js'
import { parseFlags } from './flags.js'
import { usageOf } from './usage.js'

/** What these commands use of the CLI's io (commands.ts's CliIo). */
interface Io {
  stdout(text: string): void
  stderr(text: string): void
  cwd: string
  env: NodeJS.ProcessEnv
}

/** 0 no regression, 1 a regression (on-regression fail). */
export async function compareCommand(
  args: string[],
  io: Io,
  print: (text: string) => void,
  printJson: (value: unknown) => void
): Promise<number> {
  const flags = parseFlags(
    args,
    { options: COMPARE_OPTIONS, own: { json: { type: 'boolean' } }, positionals: true },
    usageOf('compare')
  )
  if (flags.positionals.length !== 2)
    throw new UserError(`compare needs a baseline and a run to compare\n\n${usageOf('compare')}`)
  const settings = parseSettings(COMPARE_OPTIONS, flags.options, io.cwd, flags.describe)
  const [base, head] = await Promise.all(
    flags.positionals.map(target => readRunSide(path.resolve(io.cwd, target)))
  )
  const comparison = compareRuns(base, head, settings)
  const git = base.manifest.git
  const baseline = {
    found: true as const,
    runId: Number(git.runId ?? 0),
    url:
      git.repository && git.runId
        ? `https://github.com/${git.repository}/actions/runs/${git.runId}`
        : flags.positionals[0],
    branch: git.ref,
    sha: git.sha ?? '0000000'
  }
  if (flags.own.json) printJson({ baseline, comparison })
  else
    print(
      comparisonMarkdown(
        { baseline, comparison },
        { escape: commentEscape, heading: '## ml-smoke compare', maxDrift: settings.maxDrift }
      ).join('\n')
    )
  return comparison.regressions.length && settings.onRegression === 'fail' ? 1 : 0
}

/** Posts (or with --dry-run prints) the comment a fork's run left in a downloaded report artifact. */
export async function commentCommand(args: string[], io: Io): Promise<number> {
  const own = {
    'from-artifact': { type: 'string' },
    'head-sha': { type: 'string' },
    'dry-run': { type: 'boolean' }
  } as const
  const flags = parseFlags(args, { options: [], own }, usageOf('comment'))
  const from = flags.own['from-artifact']
  if (typeof from !== 'string')
    throw new UserError(`comment needs --from-artifact DIR\n\n${usageOf('comment')}`)
  const folder = path.resolve(io.cwd, from)
  if (flags.own['dry-run']) {
    const { body, meta } = await readHandOff(folder)
    io.stdout(`${safeBody(body, meta.runUrl)}\n`)
    return 0
  }
  const event = await workflowRunEvent(io.env)
  const headSha = (flags.own['head-sha'] as string | undefined) ?? event?.headSha
  if (!headSha) throw new UserError('comment needs --head-sha, or to run on a workflow_run event')
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN
  const repository = io.env.GITHUB_REPOSITORY
  if (!token || !repository) throw new UserError('comment needs GITHUB_TOKEN and GITHUB_REPOSITORY')
  const api = new OctokitApi(token, repository, terminalLogger(false, io.stderr))
  const posted = await postHandOff(api, folder, {
    runId: event?.runId ?? 0,
    headSha,
    headRepository: null
  })
  io.stdout(`${posted.updated ? 'updated' : 'posted'} ${posted.url}\n`)
  return 0
}
