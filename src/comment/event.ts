import { readFile } from 'node:fs/promises'

/** The pull request a run is for, from the event payload GitHub writes to GITHUB_EVENT_PATH. */
export interface PullRequestEvent {
  event: string
  number: number
  baseRef: string
  headSha: string
  /** The head branch lives in another repository: the token cannot write to this one. */
  fork: boolean
}

/** The triggering run of a `workflow_run` event: the comment job's trusted facts. */
export interface WorkflowRunEvent {
  runId: number
  headSha: string
  headRepository: string | null
}

/** The parts of an event payload read here; any of them may be missing. */
interface Payload {
  pull_request?: {
    number?: unknown
    base?: { ref?: string }
    head?: { sha?: string; repo?: { full_name?: string } | null }
  }
  workflow_run?: {
    id?: unknown
    head_sha?: string
    head_repository?: { full_name?: string } | null
  }
}

async function payload(env: NodeJS.ProcessEnv): Promise<Payload> {
  if (!env.GITHUB_EVENT_PATH) return {}
  try {
    return JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as Payload
  } catch {
    return {}
  }
}

/** The pull request of this run's event, when it has one. */
export async function pullRequestEvent(env: NodeJS.ProcessEnv): Promise<PullRequestEvent | null> {
  const pr = (await payload(env)).pull_request
  if (!pr || typeof pr.number !== 'number') return null
  const headRepo = pr.head?.repo?.full_name ?? null
  return {
    event: env.GITHUB_EVENT_NAME ?? '',
    number: pr.number,
    baseRef: pr.base?.ref ?? env.GITHUB_BASE_REF ?? '',
    headSha: pr.head?.sha ?? '',
    fork: headRepo !== null && headRepo !== env.GITHUB_REPOSITORY
  }
}

export async function workflowRunEvent(env: NodeJS.ProcessEnv): Promise<WorkflowRunEvent | null> {
  const run = (await payload(env)).workflow_run
  if (!run || typeof run.id !== 'number') return null
  return {
    runId: run.id,
    headSha: String(run.head_sha ?? ''),
    headRepository: run.head_repository?.full_name ?? null
  }
}
