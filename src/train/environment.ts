/**
 * Variables the runner gives the action that a user's command must never see: with them a compromised
 * training dependency could upload artifacts, poison caches or mint OIDC tokens as this workflow. The
 * repository token too (GITHUB_TOKEN, GH_TOKEN, when a workflow exports it to every step): a smoke run has
 * no business pushing or commenting; a command that needs one gets it through the `env` input.
 */
const RUNNER_SECRETS = [
  /^ACTIONS_RUNTIME_TOKEN$/,
  /^ACTIONS_RUNTIME_URL$/,
  /^ACTIONS_ID_TOKEN_REQUEST_/,
  /^ACTIONS_RESULTS_URL$/,
  /^ACTIONS_CACHE_URL$/,
  /^ACTIONS_CACHE_SERVICE_V2$/,
  /^GITHUB_TOKEN$/,
  /^GH_TOKEN$/
]

export function isRunnerSecret(name: string): boolean {
  return RUNNER_SECRETS.some(pattern => pattern.test(name.toUpperCase()))
}

export interface SmokeVariables {
  ML_SMOKE_SUBSET: string
  ML_SMOKE_OUTPUT_DIR: string
  ML_SMOKE_METRICS: string
  ML_SMOKE_SEED: string
  ML_SMOKE_ROWS: string
  ML_SMOKE_LABEL_COLUMN?: string
  ML_SMOKE_CLASSES?: string
}

/** The child's environment: the parent's, minus runner secrets and the action's own INPUT_*, plus ours. */
export function childEnvironment(
  parent: NodeJS.ProcessEnv,
  smoke: SmokeVariables
): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(parent)) {
    if (value === undefined || isRunnerSecret(name) || name.startsWith('INPUT_')) continue
    env[name] = value
  }
  for (const [name, value] of Object.entries(smoke)) if (value !== undefined) env[name] = value
  return env
}
