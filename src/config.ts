import { stat } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { IF_NO_FILES_FOUND } from './artifact/files.js'
import { allowGlobalProblem } from './artifact/scan/allowlist/index.js'
import { DEFAULT_LIMITS } from './artifact/scan/types.js'
import { delimiterProblem } from './data/csv.js'
import type { Dialect } from './data/dialect.js'
import { dialectSchema } from './data/dialect-schema.js'
import { columnList, rowLimit, splitsOption } from './data/split-options.js'
import { DATA_FORMATS } from './data/table.js'
import {
  DEFAULT_PREDICT_URL,
  MAX_PREDICT_ROWS,
  PORT_PLACEHOLDER,
  PREDICT_FORMATS,
  PREDICT_REQUESTS
} from './predict/types.js'
import { SAMPLE_STRATEGIES } from './sample/strategies.js'
import { SUBSET_FORMATS } from './sample/types.js'
import { UserError } from './errors.js'
import { closest } from './suggest.js'
import { COMMENT_WHEN } from './comment/when.js'
import { parseYamlText, readYamlFileText } from './yaml-text.js'
import { formatIssues } from './zod-issues.js'

/** Action inputs and CLI flags arrive as strings, config files as YAML values; both become numbers here. */
const number = (schema: z.ZodNumber) =>
  z.preprocess(
    value =>
      typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))
        ? Number(value)
        : value,
    schema
  )

const boolean = z.preprocess(
  value =>
    value === 'true' || value === 'True' || value === 'TRUE'
      ? true
      : value === 'false' || value === 'False' || value === 'FALSE'
        ? false
        : value,
  z.boolean()
)

/** One or more lines (or a YAML list); blank lines and surrounding spaces are dropped. */
const lines = z.preprocess(
  value =>
    typeof value === 'string'
      ? value
          .split(/\r?\n/)
          .map(line => line.trim())
          .filter(Boolean)
      : value,
  z.array(z.string().min(1)).min(1)
)

const text = z.string().trim().min(1)

/** `KEY=VALUE` lines into variables; the name must be a valid environment variable name. */
const environment = lines.transform((entries, context) => {
  const env: Record<string, string> = {}
  entries.forEach((entry, index) => {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(entry)
    if (match) env[match[1]] = match[2]
    else
      context.issues.push({
        code: 'custom',
        message: `line ${index + 1} ${JSON.stringify(entry)} is not KEY=VALUE`,
        input: undefined
      })
  })
  return env
})

const lossPattern = text.refine(
  pattern => {
    try {
      return /\((?!\?[:=!<])|\(\?<[A-Za-z]/.test(pattern) && new RegExp(pattern) instanceof RegExp
    } catch {
      return false
    }
  },
  {
    message:
      'expected a regular expression with a capture group for the value, e.g. loss=(?<value>\\S+)'
  }
)

// upload-artifact refuses these characters in artifact names.
const artifactName = text.refine(name => !/["':<>|*?\\/\r\n]/.test(name), {
  message: 'must not contain any of " : < > | * ? \\ / or a line break'
})

const delimiter = z.string().superRefine((value, context) => {
  const problem = delimiterProblem(value)
  if (problem) context.addIssue({ code: 'custom', message: problem, input: value })
})

/**
 * A Table Dialect: a dialect file's path, the dialect itself (a config file's mapping), or inline JSON
 * (`{"header": false}`, as an action input can only be a string). A mapping is checked here; a file, when
 * a stage reads it (data/dialect-file.ts).
 */
const dialect = z.unknown().transform((value, context): string | Dialect => {
  if (typeof value === 'string' && !value.trim().startsWith('{')) {
    if (value.trim()) return value.trim()
    context.addIssue({
      code: 'custom',
      message: 'expected a dialect file or a dialect',
      input: value
    })
    return z.NEVER
  }
  let raw = value
  try {
    raw = typeof value === 'string' ? parseYamlText(value, 'dialect', 'JSON') : value
  } catch (error) {
    context.addIssue({
      code: 'custom',
      message: (error as Error).message.replace(/^dialect(:\d+)?: /, ''),
      input: value
    })
    return z.NEVER
  }
  const result = dialectSchema.safeParse(raw, { reportInput: true })
  if (result.success) return result.data
  for (const issue of result.error.issues) context.addIssue({ ...issue })
  return z.NEVER
})

const wholeNumber = z.number().int()

/** auto: attest where the run can, else a notice; on: the step fails unless it attests; off. */
export const ATTEST_MODES = ['auto', 'on', 'off'] as const
/** An http(s) URL, where `$ML_SMOKE_PORT` may stand for the port. */
const serverUrl = text.refine(
  url => {
    try {
      return /^https?:$/.test(new URL(url.replace(PORT_PLACEHOLDER, '1')).protocol)
    } catch {
      return false
    }
  },
  { message: 'expected an http:// URL, e.g. http://127.0.0.1:$ML_SMOKE_PORT/predict' }
)

/**
 * Every option, by the same kebab-case name in action.yml, in CLI flags and in a config file: the one
 * place that knows option names, defaults and what makes a value valid.
 */
export const optionsSchema = z.strictObject({
  // The data and its schema
  dataset: lines.optional(),
  schema: text,
  'data-format': z.enum(DATA_FORMATS).optional(),
  delimiter: delimiter.optional(),
  dialect: dialect.optional(),
  'max-violations': number(wholeNumber.positive()).default(1000),
  // Splits and leakage
  splits: splitsOption.optional(),
  'leakage-columns': columnList.optional(),
  'max-leakage': rowLimit.default({ rows: 0 }),
  // The subset
  'sample-rows': number(wholeNumber.positive()).default(256),
  'sample-strategy': z.enum(SAMPLE_STRATEGIES).default('random'),
  'label-column': text.optional(),
  'min-per-class': number(wholeNumber.nonnegative()).default(1),
  'subset-format': z.enum(SUBSET_FORMATS).default('same'),
  seed: number(wholeNumber.nonnegative().max(2 ** 32 - 1)).default(0),
  // The user's commands
  'train-command': text,
  'setup-command': text.optional(),
  shell: text.optional(),
  env: environment.default({}),
  'working-directory': text.default('.'),
  'timeout-minutes': number(z.number().positive()).default(15),
  // The cache
  'cache-paths': lines.optional(),
  'cache-key': text.optional(),
  'cache-key-files': lines.default(['**/requirements*.txt']),
  'restore-keys': lines.default([]),
  // The loss
  'loss-file': text.optional(),
  'loss-key': text.optional(),
  'loss-pattern': lossPattern.optional(),
  // Unset: DEFAULT_MIN_DROP, asked only of a fall (verdict.ts: JudgeOptions.minDropSet).
  'min-loss-drop': number(z.number().min(0).max(1)).optional(),
  'loss-window': number(z.number().positive().max(0.5)).default(0.25),
  'max-final-loss': number(z.number()).optional(),
  'on-inconclusive': z.enum(['fail', 'warn']).default('fail'),
  'baseline-loss': z
    .union([z.enum(['auto', 'off']), number(z.number().positive())])
    .default('auto'),
  'allow-unparsed-loss': boolean.default(false),
  // The pull-request report
  comment: z.enum(COMMENT_WHEN).default('auto'),
  baseline: z.union([z.enum(['auto', 'off']), number(wholeNumber.positive())]).default('auto'),
  'max-loss-regression': number(z.number().min(0)).default(0.1),
  'max-drift': number(z.number().positive()).default(0.25),
  'on-regression': z.enum(['fail', 'warn']).default('fail'),
  // The model API
  'predict-command': text.optional(),
  'serve-command': text.optional(),
  'predict-rows': number(wholeNumber.positive().max(MAX_PREDICT_ROWS)).default(32),
  'predict-format': z.enum(PREDICT_FORMATS).default('jsonl'),
  'predict-timeout-minutes': number(z.number().positive()).default(5),
  'predict-url': serverUrl.default(DEFAULT_PREDICT_URL),
  'ready-url': serverUrl.optional(),
  'serve-timeout-seconds': number(z.number().positive()).default(60),
  'predict-request': z.enum(PREDICT_REQUESTS).default('row'),
  'min-predict-score': z.union([z.enum(['auto', 'off']), number(z.number())]).default('auto'),
  'max-predict-p95-ms': number(z.number().positive()).optional(),
  // The model artifact
  'committed-models': z.enum(['warn', 'fail', 'off']).default('warn'),
  'artifact-path': lines,
  'artifact-name': artifactName.default('model'),
  'retention-days': number(wholeNumber.min(1).max(90)).optional(),
  'if-no-files-found': z.enum(IF_NO_FILES_FOUND).default('error'),
  'include-hidden-files': boolean.default(false),
  'min-artifact-bytes': number(wholeNumber.nonnegative()).optional(),
  'scan-tensor-values': boolean.default(false),
  'unsafe-models': z.enum(['fail', 'warn']).default('fail'),
  'allow-globals': z
    .preprocess(
      value => (typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : value),
      z.array(z.string().min(1))
    )
    .superRefine((entries, context) => {
      for (const entry of entries) {
        const problem = allowGlobalProblem(entry)
        if (problem) context.addIssue({ code: 'custom', message: `"${entry}": ${problem}` })
      }
    })
    .default([]),
  'max-scan-bytes': number(wholeNumber.positive()).default(DEFAULT_LIMITS.maxFileBytes),
  'artifact-verify-command': text.optional(),
  'compression-level': number(wholeNumber.min(0).max(9)).default(0),
  overwrite: boolean.default(false),
  // Provenance
  attest: z.enum(ATTEST_MODES).default('auto')
})

type OptionShape = typeof optionsSchema.shape
export type OptionName = keyof OptionShape & string
export const OPTION_NAMES = Object.keys(optionsSchema.shape) as OptionName[]

/** `sample-rows` → `sampleRows`, in types as in values. */
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S
type Camelized<T> = { [K in keyof T as K extends string ? CamelCase<K> : never]: T[K] }

/**
 * The options named `K`, parsed, with camelCase names and absolute paths; `workspace` is what relative
 * paths are relative to, `cwd` where messages show paths from (where the CLI ran; the workspace in the action).
 */
export type Settings<K extends OptionName> = Camelized<
  z.output<z.ZodObject<Pick<OptionShape, K>>>
> & { workspace: string; cwd: string }

/** The typed configuration of a whole run. Paths are absolute. */
export type Config = Settings<OptionName>

/** The options each part of the pipeline reads, which the CLI's subcommands take on their own. */
export const DATA_OPTIONS = [
  'dataset',
  'schema',
  'data-format',
  'delimiter',
  'dialect',
  'max-violations',
  'splits',
  'label-column',
  'leakage-columns',
  'max-leakage'
] as const satisfies OptionName[]
/** What a validate-shard job draws the merge job's sample candidates by (see data/shards/sample.ts). */
export const SHARD_SAMPLE_OPTIONS = [
  'sample-rows',
  'sample-strategy',
  'min-per-class',
  'seed',
  'predict-rows'
] as const satisfies OptionName[]
export const SAMPLE_OPTIONS = [
  'dataset',
  'splits',
  'data-format',
  'delimiter',
  'dialect',
  'sample-rows',
  'sample-strategy',
  'label-column',
  'min-per-class',
  'subset-format',
  'seed'
] as const satisfies OptionName[]
export const LOSS_OPTIONS = [
  'loss-key',
  'loss-pattern',
  'min-loss-drop',
  'loss-window',
  'max-final-loss',
  'baseline-loss',
  'allow-unparsed-loss'
] as const satisfies OptionName[]
export const COMPARE_OPTIONS = [
  'max-loss-regression',
  'max-drift',
  'on-regression'
] as const satisfies OptionName[]
/** What `ml-smoke predict` takes: the data, the subset it leaves out, the commands and the checks. */
export const PREDICT_OPTIONS = [
  ...SAMPLE_OPTIONS,
  'schema',
  'shell',
  'env',
  'working-directory',
  'predict-command',
  'serve-command',
  'predict-rows',
  'predict-format',
  'predict-timeout-minutes',
  'predict-url',
  'ready-url',
  'serve-timeout-seconds',
  'predict-request',
  'min-predict-score',
  'max-predict-p95-ms'
] as const satisfies OptionName[]
export const INFER_OPTIONS = [
  'dataset',
  'data-format',
  'delimiter',
  'dialect'
] as const satisfies OptionName[]
export const SCAN_OPTIONS = [
  'allow-globals',
  'max-scan-bytes',
  'scan-tensor-values'
] as const satisfies OptionName[]

export type CompareSettings = Settings<(typeof COMPARE_OPTIONS)[number]>
export type DataSettings = Settings<(typeof DATA_OPTIONS)[number]>
export type PredictSettings = Settings<(typeof PREDICT_OPTIONS)[number]>
export type SampleSettings = Settings<(typeof SAMPLE_OPTIONS)[number]>
export type LossSettings = Settings<(typeof LOSS_OPTIONS)[number]> &
  Partial<Pick<Config, 'lossFile' | 'onInconclusive'>>

/** Where an option's value came from, for messages: "input 'x'", "--x", "ml-smoke.yml: x". */
export type Describe = (name: string) => string

function camelCase(name: string): string {
  return name.replace(/-(.)/g, (_, letter: string) => letter.toUpperCase())
}

function unknownOption(key: string, known: readonly string[], describe: Describe): string {
  const near = closest(key, known)
  return `unknown option ${describe(key)}${near ? `; did you mean ${describe(near)}?` : ''}`
}

/** A failed parse as one line per problem, each naming the option the way the user wrote it. */
function optionErrors(error: z.ZodError, known: readonly string[], describe: Describe): UserError {
  const messages = error.issues.map(issue => {
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map(key => unknownOption(key, known, describe)).join('\n')
    const [name] = issue.path
    return formatIssues(
      `${describe(String(name))}: `,
      new z.ZodError([{ ...issue, path: issue.path.slice(1) }])
    )
  })
  return new UserError(messages.join('\n'))
}

/** Data and schema are relative to the workspace; what the command writes, to where it runs. */
function resolvePaths(settings: Record<string, unknown>, workspace: string): void {
  for (const name of ['schema', 'workingDirectory', 'dialect'])
    if (typeof settings[name] === 'string')
      settings[name] = path.resolve(workspace, settings[name] as string)
  const resolve = (entries: string[]) => entries.map(entry => path.resolve(workspace, entry))
  if (Array.isArray(settings.dataset)) settings.dataset = resolve(settings.dataset as string[])
  const named = settings.splits as Record<string, string[]> | undefined
  if (named)
    settings.splits = Object.fromEntries(
      Object.entries(named).map(([name, entries]) => [name, resolve(entries)])
    )
  if (typeof settings.lossFile === 'string')
    settings.lossFile = path.resolve(
      (settings.workingDirectory as string | undefined) ?? workspace,
      settings.lossFile
    )
}

/**
 * Validates raw option values (strings from inputs or flags, YAML values from a file) for the options
 * `names`. Empty strings count as unset, as GitHub passes inputs nobody set.
 */
export function parseSettings<K extends OptionName>(
  names: readonly K[],
  raw: Record<string, unknown>,
  workspace: string,
  describe: Describe,
  cwd = workspace
): Settings<K> {
  const present = Object.fromEntries(
    Object.entries(raw).filter(([, value]) => value !== undefined && value !== '')
  )
  const mask = Object.fromEntries(names.map(name => [name, true])) as { [N in OptionName]?: true }
  const options = parseWith(optionsSchema.pick(mask), present, describe)
  requireData(names, options, describe)
  const settings: Record<string, unknown> = { workspace, cwd }
  for (const [name, value] of Object.entries(options)) settings[camelCase(name)] = value
  resolvePaths(settings, workspace)
  return settings as Settings<K>
}

/**
 * The data is `dataset`, or `splits`, or both (`dataset` is then the training data, as a split named
 * train would be: naming both is refused).
 */
function requireData(
  names: readonly OptionName[],
  options: { dataset?: string[]; splits?: Record<string, string[]> },
  describe: Describe
): void {
  if (!names.includes('dataset')) return
  const takesSplits = names.includes('splits')
  if (options.dataset && options.splits?.train)
    throw new UserError(
      `${describe('dataset')} and the split named train in ${describe('splits')} both name the training data: give one of them`
    )
  if (!options.dataset && !(takesSplits && options.splits))
    throw new UserError(
      `${describe('dataset')}: is required${takesSplits ? ` (or ${describe('splits')})` : ''}`
    )
}

/** The entries that name the data a command trains on: `dataset`, else the split named train. */
export function trainingEntries(
  settings: { dataset?: string[]; splits?: Record<string, string[]> },
  describe: Describe = name => name
): string[] {
  const entries = settings.dataset ?? settings.splits?.train
  if (!entries)
    throw new UserError(
      `no training data: set ${describe('dataset')}, or name a split train in ${describe('splits')} (the splits are ${Object.keys(settings.splits ?? {}).join(', ')})`
    )
  return entries
}

function parseWith<S extends z.ZodObject>(
  schema: S,
  raw: Record<string, unknown>,
  describe: Describe
): z.output<S> {
  const result = schema.safeParse(raw, { reportInput: true })
  if (!result.success) throw optionErrors(result.error, Object.keys(schema.shape), describe)
  return result.data
}

/** Options only the CLI has: `--threads 1` keeps validation and sampling on the main thread. */
const cliOnlySchema = z.strictObject({
  threads: number(wholeNumber.min(1).max(2)).default(2)
})
export const CLI_ONLY_OPTIONS = Object.keys(cliOnlySchema.shape)

export function parseCliOptions(
  raw: Record<string, unknown>,
  describe: Describe
): z.output<typeof cliOnlySchema> {
  return parseWith(
    cliOnlySchema,
    Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined)),
    describe
  )
}

/**
 * A dataset validated across a matrix: `shards` for mode plan (`ml-smoke plan`), `shard` (i/N) and
 * `plan` for mode validate-shard (`ml-smoke validate --shard`), `state-name` for the states' artifacts.
 */
const shardingSchema = z.strictObject({
  shards: number(wholeNumber.min(1).max(256)).default(8),
  shard: text
    .regex(
      /^\s*\d+\s*\/\s*\d+\s*$/,
      'expected i/N, as the matrix gives it: shard: ${{ matrix.shard }}'
    )
    .optional(),
  plan: text.optional(),
  'state-name': artifactName.default('ml-smoke-shard')
})
export const SHARDING_OPTIONS = Object.keys(shardingSchema.shape)
export type ShardingSettings = z.output<typeof shardingSchema>

export function parseSharding(raw: Record<string, unknown>, describe: Describe): ShardingSettings {
  return parseWith(
    shardingSchema,
    Object.fromEntries(
      Object.entries(raw).filter(([, value]) => value !== undefined && value !== '')
    ),
    describe
  )
}

/** A whole run's configuration from raw option values. */
export function buildConfig(
  raw: Record<string, unknown>,
  workspace: string,
  describe: Describe,
  cwd = workspace
): Config {
  const config = parseSettings(OPTION_NAMES, raw, workspace, describe, cwd)
  trainingEntries(config, describe)
  return config
}

/**
 * Inputs only the action has: a later job uses `mode: verify-only` to check a downloaded artifact, a
 * `workflow_run` job `mode: comment` to post the comment a fork's run could not; `github-token` is
 * kept out of Config (which reports print).
 */
export const ACTION_ONLY_INPUTS = [
  'mode',
  'shards',
  'shard',
  'plan',
  'state-name',
  'verify-path',
  'github-token',
  'trusted-root',
  'verify-local-path'
] as const

const verifyOnlySchema = z.strictObject({
  'artifact-name': artifactName.default('model'),
  'verify-path': text.default('ml-smoke-artifact'),
  'verify-local-path': text.optional(),
  attest: z.enum(ATTEST_MODES).default('auto'),
  'trusted-root': text.optional()
})

export const MODES = ['run', 'verify-only', 'comment', 'plan', 'validate-shard', 'merge'] as const

export type ActionRequest =
  | { mode: 'run'; config: Config; githubToken?: string }
  | {
      mode: 'verify-only'
      artifactName: string
      /** The empty folder to download into. */
      verifyPath: string
      /** A folder to check as it is, instead of downloading. */
      localPath?: string
      attest: (typeof ATTEST_MODES)[number]
      trustedRoot?: string
    }
  | { mode: 'comment'; githubToken?: string }
  /** A dataset across a matrix: plan its shards, validate one, or merge them and go on with the run. */
  | { mode: 'plan'; data: DataSettings; shards: number }
  | {
      mode: 'validate-shard'
      data: Settings<(typeof DATA_OPTIONS)[number] | (typeof SHARD_SAMPLE_OPTIONS)[number]>
      shard: string
      plan?: string
      stateName: string
    }
  | { mode: 'merge'; config: Config; stateName: string; githubToken?: string }

/** The action's inputs, read through `getInput` (core.getInput), as a run, a verification or a comment. */
export function actionRequestFromInputs(
  getInput: (name: string) => string,
  workspace: string
): ActionRequest {
  const describe: Describe = name => `input '${name}'`
  const { mode } = parseWith(
    z.object({ mode: z.enum(MODES).default('run') }),
    { mode: getInput('mode') || undefined },
    describe
  )
  const githubToken = getInput('github-token') || undefined
  if (mode === 'comment') return { mode, githubToken }
  const inputs = (names: readonly string[]) =>
    Object.fromEntries(names.map(name => [name, getInput(name)]))
  if (mode === 'run' || mode === 'merge') {
    const config = buildConfig(inputs(OPTION_NAMES), workspace, describe)
    if (mode === 'run') return { mode, config, githubToken }
    const { 'state-name': stateName } = parseSharding(inputs(SHARDING_OPTIONS), describe)
    return { mode, config, stateName, githubToken }
  }
  if (mode === 'plan' || mode === 'validate-shard') {
    const names = [...DATA_OPTIONS, ...(mode === 'plan' ? [] : SHARD_SAMPLE_OPTIONS)]
    const data = parseSettings(names, inputs(names), workspace, describe)
    const sharding = parseSharding(inputs(SHARDING_OPTIONS), describe)
    if (mode === 'plan') return { mode, data, shards: sharding.shards }
    if (!sharding.shard)
      throw new UserError(
        `${describe('shard')}: is required in mode validate-shard (shard: \${{ matrix.shard }}, from the plan job's matrix)`
      )
    return {
      mode,
      data,
      shard: sharding.shard,
      ...(sharding.plan ? { plan: sharding.plan } : {}),
      stateName: sharding['state-name']
    }
  }
  const names = Object.keys(verifyOnlySchema.shape)
  const raw = Object.fromEntries(names.map(name => [name, getInput(name) || undefined]))
  const options = parseWith(verifyOnlySchema, raw, describe)
  const local = options['verify-local-path']
  const trustedRoot = options['trusted-root']
  return {
    mode: 'verify-only',
    artifactName: options['artifact-name'],
    verifyPath: path.resolve(workspace, options['verify-path']),
    ...(local ? { localPath: path.resolve(workspace, local) } : {}),
    attest: options.attest,
    ...(trustedRoot ? { trustedRoot: path.resolve(workspace, trustedRoot) } : {})
  }
}

/** Reads a YAML/JSON config file; its relative paths are relative to the file's own folder. */
export async function readConfigFile(file: string): Promise<Record<string, unknown>> {
  try {
    await stat(file)
  } catch {
    throw new UserError(`config file not found: ${file}`)
  }
  const raw = parseYamlText(await readYamlFileText(file, file), file, 'YAML')
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UserError(`${file}: expected a mapping of options such as "dataset: data.csv"`)
  }
  return raw as Record<string, unknown>
}
