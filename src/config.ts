import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { delimiterProblem } from './data/csv.js'
import { UserError } from './errors.js'
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

/**
 * Every option, by the same kebab-case name in action.yml, in CLI flags and in a config file.
 * This is the one place that knows option names, defaults and what makes a value valid.
 */
export const optionsSchema = z.strictObject({
  dataset: text,
  schema: text,
  'data-format': z.enum(['csv', 'tsv', 'jsonl', 'json', 'parquet']).optional(),
  delimiter: z
    .string()
    .superRefine((value, context) => {
      const problem = delimiterProblem(value)
      if (problem) context.addIssue({ code: 'custom', message: problem, input: value })
    })
    .optional(),
  'train-command': text,
  'setup-command': text.optional(),
  shell: text.optional(),
  env: lines.optional(),
  'working-directory': text.default('.'),
  'timeout-minutes': number(z.number().positive()).default(15),
  'sample-rows': number(z.number().int().positive()).default(256),
  'sample-strategy': z.enum(['random', 'head', 'stratified', 'all']).default('random'),
  'label-column': text.optional(),
  'min-per-class': number(z.number().int().nonnegative()).default(1),
  'subset-format': z.enum(['same', 'csv']).default('same'),
  seed: number(
    z
      .number()
      .int()
      .nonnegative()
      .max(2 ** 32 - 1)
  ).default(0),
  'max-violations': number(z.number().int().positive()).default(1000),
  'loss-file': text.optional(),
  'loss-key': text.optional(),
  'loss-pattern': lossPattern.optional(),
  'min-loss-drop': number(z.number().min(0).max(1)).default(0),
  'loss-window': number(z.number().positive().max(0.5)).default(0.25),
  'max-final-loss': number(z.number()).optional(),
  'on-inconclusive': z.enum(['fail', 'warn']).default('fail'),
  'artifact-path': lines,
  'artifact-name': artifactName.default('model'),
  'retention-days': number(z.number().int().min(1).max(90)).optional(),
  'if-no-files-found': z.enum(['error', 'warn', 'ignore']).default('error'),
  'include-hidden-files': boolean.default(false),
  'min-artifact-bytes': number(z.number().int().nonnegative()).optional(),
  'scan-tensor-values': boolean.default(false),
  'artifact-verify-command': text.optional(),
  'compression-level': number(z.number().int().min(0).max(9)).default(0),
  overwrite: boolean.default(false),
  'cache-paths': lines.optional(),
  'cache-key': text.optional(),
  'cache-key-files': lines.optional(),
  'restore-keys': lines.optional()
})

export type OptionName = keyof z.input<typeof optionsSchema>
export const OPTION_NAMES = Object.keys(optionsSchema.shape) as OptionName[]

export type Options = z.output<typeof optionsSchema>

/** The typed configuration every stage reads. Paths are absolute. */
export interface Config {
  workspace: string
  dataset: string
  /** Set when the extension does not say it. */
  dataFormat?: 'csv' | 'tsv' | 'jsonl' | 'json' | 'parquet'
  delimiter?: string
  schema: string
  trainCommand: string
  workingDirectory: string
  timeoutMinutes: number
  sampleRows: number
  sampleStrategy: 'random' | 'head' | 'stratified' | 'all'
  labelColumn?: string
  minPerClass: number
  subsetFormat: 'same' | 'csv'
  setupCommand?: string
  /** bash (pwsh on Windows) unless set: bash, sh, pwsh, powershell, python, cmd, or a template with {0}. */
  shell?: string
  /** Extra variables for the commands, from KEY=VALUE lines. */
  env: Record<string, string>
  cache?: { paths: string[]; key?: string; keyFiles: string[]; restoreKeys: string[] }
  seed: number
  maxViolations: number
  lossFile?: string
  lossKey?: string
  lossPattern?: string
  minLossDrop: number
  lossWindow: number
  maxFinalLoss?: number
  onInconclusive: 'fail' | 'warn'
  artifactPaths: string[]
  artifactName: string
  retentionDays?: number
  ifNoFilesFound: 'error' | 'warn' | 'ignore'
  includeHiddenFiles: boolean
  minArtifactBytes?: number
  scanTensorValues: boolean
  artifactVerifyCommand?: string
  compressionLevel: number
  overwrite: boolean
}

/**
 * Validates raw option values (strings from inputs or flags, YAML values from a file) into a Config.
 * `source` names where they came from in error messages ("input", "flag --", "ml-smoke.yml: ").
 */
export function buildConfig(
  raw: Record<string, unknown>,
  workspace: string,
  describe: (name: string) => string
): Config {
  const present = Object.fromEntries(
    Object.entries(raw).filter(([, value]) => value !== undefined && value !== '')
  )
  const result = optionsSchema.safeParse(present, { reportInput: true })
  if (!result.success) {
    const messages = result.error.issues.map(issue => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys
          .map(key => {
            const near = OPTION_NAMES.find(
              name => name.replace(/-/g, '') === key.replace(/[-_]/g, '').toLowerCase()
            )
            return `unknown option ${describe(key)}${near ? `; did you mean ${describe(near)}?` : ''}`
          })
          .join('\n')
      }
      const [name] = issue.path
      return formatIssues(
        `${describe(String(name))}: `,
        new z.ZodError([{ ...issue, path: issue.path.slice(1) }])
      )
    })
    throw new UserError(messages.join('\n'))
  }
  const options = result.data
  const resolve = (file: string): string => path.resolve(workspace, file)
  const workingDirectory = resolve(options['working-directory'])
  return {
    workspace,
    dataset: resolve(options.dataset),
    schema: resolve(options.schema),
    dataFormat: options['data-format'],
    delimiter: options.delimiter,
    trainCommand: options['train-command'],
    workingDirectory,
    timeoutMinutes: options['timeout-minutes'],
    sampleRows: options['sample-rows'],
    sampleStrategy: options['sample-strategy'],
    labelColumn: options['label-column'],
    minPerClass: options['min-per-class'],
    subsetFormat: options['subset-format'],
    setupCommand: options['setup-command'],
    shell: options.shell,
    env: parseEnvLines(options.env ?? [], describe('env')),
    cache: options['cache-paths']
      ? {
          paths: options['cache-paths'],
          key: options['cache-key'],
          keyFiles: options['cache-key-files'] ?? ['**/requirements*.txt'],
          restoreKeys: options['restore-keys'] ?? []
        }
      : undefined,
    seed: options.seed,
    maxViolations: options['max-violations'],
    // The command writes the loss file and the model, so their paths are relative to where it runs.
    lossFile:
      options['loss-file'] === undefined
        ? undefined
        : path.resolve(workingDirectory, options['loss-file']),
    lossKey: options['loss-key'],
    lossPattern: options['loss-pattern'],
    minLossDrop: options['min-loss-drop'],
    lossWindow: options['loss-window'],
    maxFinalLoss: options['max-final-loss'],
    onInconclusive: options['on-inconclusive'],
    artifactPaths: options['artifact-path'],
    artifactName: options['artifact-name'],
    retentionDays: options['retention-days'],
    ifNoFilesFound: options['if-no-files-found'],
    includeHiddenFiles: options['include-hidden-files'],
    minArtifactBytes: options['min-artifact-bytes'],
    scanTensorValues: options['scan-tensor-values'],
    artifactVerifyCommand: options['artifact-verify-command'],
    compressionLevel: options['compression-level'],
    overwrite: options.overwrite
  }
}

/** `KEY=VALUE` lines into variables; the name must be a valid environment variable name. */
function parseEnvLines(entries: string[], where: string): Record<string, string> {
  const env: Record<string, string> = {}
  entries.forEach((entry, index) => {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(entry)
    if (!match)
      throw new UserError(`${where}: line ${index + 1} ${JSON.stringify(entry)} is not KEY=VALUE`)
    env[match[1]] = match[2]
  })
  return env
}

/** Reads action inputs through a getInput function (core.getInput in the action). */
export function configFromInputs(getInput: (name: string) => string, workspace: string): Config {
  const raw = Object.fromEntries(OPTION_NAMES.map(name => [name, getInput(name)]))
  return buildConfig(raw, workspace, name => `input '${name}'`)
}

/** Inputs only the action has: a later job uses `mode: verify-only` to check a downloaded artifact. */
export const ACTION_ONLY_INPUTS = ['mode', 'verify-path'] as const

const verifyOnlySchema = z.object({
  'artifact-name': artifactName.default('model'),
  'verify-path': text.default('ml-smoke-artifact')
})

export type ActionRequest =
  | { mode: 'run'; config: Config }
  | { mode: 'verify-only'; artifactName: string; verifyPath: string }

export function actionRequestFromInputs(
  getInput: (name: string) => string,
  workspace: string
): ActionRequest {
  const mode = getInput('mode') || 'run'
  if (mode === 'run') return { mode, config: configFromInputs(getInput, workspace) }
  if (mode !== 'verify-only')
    throw new UserError(
      `input 'mode': expected one of run, verify-only; got ${JSON.stringify(mode)}`
    )
  const raw = {
    'artifact-name': getInput('artifact-name') || undefined,
    'verify-path': getInput('verify-path') || undefined
  }
  const result = verifyOnlySchema.safeParse(raw, { reportInput: true })
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new UserError(
      formatIssues(
        `input '${String(issue.path[0])}': `,
        new z.ZodError([{ ...issue, path: issue.path.slice(1) }])
      )
    )
  }
  return {
    mode,
    artifactName: result.data['artifact-name'],
    verifyPath: path.resolve(workspace, result.data['verify-path'])
  }
}

/** Reads a YAML/JSON config file; its relative paths are relative to the file's own folder. */
export async function readConfigFile(file: string): Promise<Record<string, unknown>> {
  let textContent: string
  try {
    textContent = await readFile(file, 'utf8')
  } catch {
    throw new UserError(`config file not found: ${file}`)
  }
  let raw: unknown
  try {
    raw = parseYaml(textContent)
  } catch (error) {
    throw new UserError(`${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`)
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UserError(`${file}: expected a mapping of options such as "dataset: data.csv"`)
  }
  return raw as Record<string, unknown>
}
