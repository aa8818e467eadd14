import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { stringify as stringifyYaml } from 'yaml'
import { scanModelFiles } from '../artifact/scan/index.js'
import { verifyArtifact, type AttestationPolicy } from '../artifact/verify.js'
import { runSigner } from '../attest/identity.js'
import { undoOnCancel } from '../cancel.js'
import {
  buildConfig,
  DATA_OPTIONS,
  INFER_OPTIONS,
  LOSS_OPTIONS,
  OPTION_NAMES,
  parseCliOptions,
  parseSettings,
  PREDICT_OPTIONS,
  readConfigFile,
  SAMPLE_OPTIONS,
  SCAN_OPTIONS,
  SHARD_SAMPLE_OPTIONS,
  type Describe
} from '../config.js'
import { readDialect } from '../data/dialect-file.js'
import type { Dialect } from '../data/dialect.js'
import { dialectFileJsonSchema } from '../data/dialect-schema.js'
import { inferSchema } from '../data/infer.js'
import { loadTableSchema, schemaFileJsonSchema } from '../data/schema.js'
import { resolveDataset } from '../data/dataset-files.js'
import { dataLabels, validateStage } from '../data/stage.js'
import { formatOf } from '../data/table.js'
import { UserError } from '../errors.js'
import { displayPath, exists, requireFile, writeFileAtomically } from '../file-info.js'
import { lossOutputReader, lossStage, type LossSources } from '../loss/stage.js'
import type { LabelStats } from '../loss/baseline.js'
import { lossSummary } from '../loss/summary.js'
import { runPipeline } from '../pipeline.js'
import { predictStage } from '../predict/stage.js'
import { GitRepository } from '../ports/git.js'
import { LocalArtifactStore, NoCacheStore, shownText, terminalLogger } from '../ports/local.js'
import { ProcessRunner } from '../ports/process-runner.js'
import { systemClock, type Logger } from '../ports/types.js'
import { renderSummary } from '../report/summary.js'
import { labelStatsOfFile } from '../sample/label-stats.js'
import { sampleStage } from '../sample/stage.js'
import { runFolders } from '../stage.js'
import { LineSplitter } from '../train/output.js'
import { jsonCommandSafe } from '../untrusted.js'
import { dataWorkerBeside } from '../worker/client.js'
import { commentCommand, compareCommand } from './compare.js'
import { mergeCommand, planCommand, validateShardCommand } from './shards.js'
import { parseFlags, type ParsedFlags } from './flags.js'
import {
  lossText,
  predictText,
  runText,
  sampleText,
  scanText,
  validationJson,
  validationText,
  verificationJson,
  verificationText
} from './print.js'
import { usageOf } from './usage.js'

/** 0 pass, 1 a check failed, 2 bad input or usage, 3 inconclusive. */
export const EXIT = { passed: 0, failed: 1, error: 2, inconclusive: 3 } as const

/** What a subcommand reads and writes: the process's, or a test's. */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  stdin: NodeJS.ReadableStream
  cwd: string
  env: NodeJS.ProcessEnv
  /** The running bundle's URL: the data worker's bundle is found beside it. */
  bundleUrl: string
}

type Command = (args: string[], io: CliIo) => Promise<number>

function underActions(io: CliIo): boolean {
  return io.env.GITHUB_ACTIONS === 'true'
}

/** A result for the terminal: data in it stays text (see ports/local.ts). */
function print(io: CliIo, text: string): void {
  const shown = shownText(text, underActions(io))
  io.stdout(shown.endsWith('\n') ? shown : `${shown}\n`)
}

/** Typed arrays (a subset's row indices) are bookkeeping, not results: JSON output leaves them out. */
function withoutTypedArrays(_key: string, value: unknown): unknown {
  return ArrayBuffer.isView(value) ? undefined : value
}

/** A result as JSON: strings escaped so that no reader can take them for anything but data. */
function printJson(io: CliIo, value: unknown, indent?: number): void {
  io.stdout(`${jsonCommandSafe(JSON.stringify(value, withoutTypedArrays, indent))}\n`)
}

function logger(io: CliIo, verbose = false): Logger {
  return terminalLogger(verbose, io.stderr, underActions(io))
}

/** Where a config-file value or a flag came from, so an error blames the right one. */
function runSources(file: string | undefined, flags: Record<string, string>, flag: Describe) {
  return (name: string) => (name in flags || !file ? flag(name) : `${file}: ${name}`)
}

/** Flags given once per entry: `--split NAME=PATH`, `--dataset PATH`, `--leakage-columns NAME`. */
const REPEATABLE = {
  split: 'splits',
  dataset: 'dataset',
  'leakage-columns': 'leakage-columns'
} as const

/** The data flags (dataset, splits) with their paths made absolute from where the CLI runs. */
function dataFromFlags(flags: ParsedFlags, cwd: string): Record<string, unknown> {
  const names = (['dataset', 'splits'] as const).filter(name => name in flags.options)
  if (!names.length) return {}
  const raw = Object.fromEntries(names.map(name => [name, flags.options[name]]))
  const located = parseSettings(names, raw, cwd, flags.describe)
  return Object.fromEntries(names.map(name => [name, located[name]]))
}

const run: Command = async (args, io) => {
  const own = {
    config: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    verbose: { type: 'boolean' }
  } as const
  const flags = parseFlags(
    args,
    { options: OPTION_NAMES, own, repeatable: REPEATABLE },
    usageOf('run')
  )
  const implicit = path.join(io.cwd, 'ml-smoke.yml')
  const configArg = flags.own.config as string | undefined
  const configFile = configArg ?? ((await exists(implicit)) ? 'ml-smoke.yml' : undefined)
  const fromFile = configFile ? await readConfigFile(path.resolve(io.cwd, configFile)) : {}
  // Config-file paths are relative to the file's folder, flags to where the CLI runs.
  const workspace = configFile ? path.dirname(path.resolve(io.cwd, configFile)) : io.cwd
  const fromFlags = { ...flags.options, ...dataFromFlags(flags, io.cwd) }
  for (const name of ['schema', 'working-directory'])
    if (name in fromFlags) fromFlags[name] = path.resolve(io.cwd, fromFlags[name] as string)
  const describe = runSources(configFile, flags.options, flags.describe)
  const config = buildConfig({ ...fromFile, ...fromFlags }, workspace, describe, io.cwd)
  const out = path.resolve(io.cwd, (flags.own.out as string | undefined) ?? 'ml-smoke-out')
  const log = logger(io, flags.own.verbose === true)
  const folders = runFolders(path.join(out, 'run'))
  const report = await undoOnCancel(
    () => rm(folders.root, { recursive: true, force: true }),
    () =>
      runPipeline(
        config,
        {
          runner: new ProcessRunner(),
          artifacts: new LocalArtifactStore(path.join(out, 'artifacts')),
          cache: new NoCacheStore(log),
          logger: log,
          clock: systemClock,
          worker: dataWorkerBeside(io.bundleUrl),
          repository: new GitRepository(workspace),
          env: io.env
        },
        folders
      )
  )
  await mkdir(out, { recursive: true })
  const summaryPath = path.join(out, 'summary.md')
  await writeFileAtomically(summaryPath, renderSummary(report))
  if (flags.own.json) printJson(io, report, 2)
  else
    print(
      io,
      runText(report, (file: string) => displayPath(io.cwd, file), summaryPath)
    )
  return EXIT[report.outcome]
}

const validate: Command = async (args, io) => {
  const flags = parseFlags(
    args,
    {
      options: [...DATA_OPTIONS, ...SHARD_SAMPLE_OPTIONS],
      aliases: { format: 'data-format' },
      repeatable: REPEATABLE,
      own: {
        threads: { type: 'string' },
        json: { type: 'boolean' },
        shard: { type: 'string' },
        'state-out': { type: 'string' },
        plan: { type: 'string' }
      }
    },
    usageOf('validate')
  )
  const { threads } = parseCliOptions({ threads: flags.own.threads }, flags.describe)
  const worker = threads === 2 ? dataWorkerBeside(io.bundleUrl) : undefined
  if (flags.own.shard !== undefined) return validateShardCommand(flags, io, worker)
  const drawing = SHARD_SAMPLE_OPTIONS.find(name => name in flags.options)
  if (drawing)
    throw new UserError(
      `--${drawing} is for validate --shard (what the shard draws for the merge job's subset)\n\n${usageOf('validate')}`
    )
  const config = parseSettings(DATA_OPTIONS, flags.options, io.cwd, flags.describe)
  const result = await validateStage({ config, ports: { worker } })
  const { validation, splits } = result.data
  const label = dataLabels(config).dataset
  if (flags.own.json)
    printJson(io, {
      ...validationJson(validation),
      valid: result.status === 'passed',
      ...(splits ? { splits } : {})
    })
  else print(io, validationText(validation, label, splits))
  return EXIT[result.status]
}

const sample: Command = async (args, io) => {
  const flags = parseFlags(
    args,
    {
      options: SAMPLE_OPTIONS,
      aliases: { rows: 'sample-rows', strategy: 'sample-strategy', format: 'data-format' },
      repeatable: REPEATABLE,
      own: { out: { type: 'string' }, json: { type: 'boolean' } }
    },
    usageOf('sample')
  )
  if (typeof flags.own.out !== 'string')
    throw new UserError(`sample needs --out FILE\n\n${usageOf('sample')}`)
  const config = parseSettings(SAMPLE_OPTIONS, flags.options, io.cwd, flags.describe)
  const target = path.resolve(io.cwd, flags.own.out)
  const worker = dataWorkerBeside(io.bundleUrl)
  const result = await sampleStage({ config, ports: { worker }, target })
  const subset = result.data.subset
  if (flags.own.json) printJson(io, subset)
  else print(io, sampleText(subset, flags.own.out))
  return EXIT[result.status]
}

/** Command output read from a stream, as the pipeline reads the training command's. */
async function readOutput(stream: NodeJS.ReadableStream, sources: LossSources): Promise<void> {
  const output = sources.output!
  let lineNumber = 0
  const splitter = new LineSplitter(line => output.readLine(line, ++lineNumber))
  stream.setEncoding('utf8')
  for await (const chunk of stream) splitter.push(chunk as string)
  splitter.finish()
}

/** The label statistics of `--subset FILE --label-column COL`, for `--baseline auto`. */
async function subsetLabelStats(
  io: CliIo,
  subset: string | undefined,
  settings: { labelColumn?: string; delimiter?: string; dialect?: string | Dialect }
): Promise<LabelStats | undefined> {
  const column = settings.labelColumn
  if (subset === undefined || column === undefined) return undefined
  const file = path.resolve(io.cwd, subset)
  await requireFile(file, subset, 'subset')
  const format = formatOf(file)
  // A subset keeps its dataset's Table Dialect: read it by the same one.
  const dialect = await readDialect({ ...settings, cwd: io.cwd }, format)
  const delimiter = dialect?.delimiter ?? settings.delimiter
  const stats = await labelStatsOfFile(file, format, column, { delimiter, dialect })
  if (!stats)
    throw new UserError(
      `--label-column: "${column}" is not a column of ${subset}${dialect?.header === false ? ' (its dialect has no header row: its columns are field1, field2, ...)' : ''}`
    )
  return stats
}

const loss: Command = async (args, io) => {
  const flags = parseFlags(
    args,
    {
      options: [...LOSS_OPTIONS, 'label-column', 'dialect', 'delimiter'],
      aliases: {
        key: 'loss-key',
        'min-drop': 'min-loss-drop',
        window: 'loss-window',
        pattern: 'loss-pattern',
        baseline: 'baseline-loss'
      },
      own: { json: { type: 'boolean' }, subset: { type: 'string' } },
      positionals: true
    },
    usageOf('loss')
  )
  if (flags.positionals.length !== 1)
    throw new UserError(`loss needs one PATH (or - for stdin)\n\n${usageOf('loss')}`)
  const config = parseSettings(
    [...LOSS_OPTIONS, 'label-column', 'dialect', 'delimiter'],
    flags.options,
    io.cwd,
    flags.describe
  )
  const labelStats = await subsetLabelStats(io, flags.own.subset as string | undefined, config)
  const [target] = flags.positionals
  let sources: LossSources
  if (target === '-') {
    sources = { places: [], output: lossOutputReader(config), searched: ['stdin'], labelStats }
    await readOutput(io.stdin, sources)
  } else {
    const full = path.resolve(io.cwd, target)
    if (!(await exists(full))) throw new UserError(`not found: ${target}`)
    const label = (file: string): string => displayPath(io.cwd, file) || path.basename(file)
    sources = { places: [{ path: full, label }], searched: [target], labelStats }
  }
  const result = await lossStage({ config, ports: { logger: logger(io) } }, sources)
  const judged = result.data.loss
  if (flags.own.json) printJson(io, lossSummary(judged))
  else
    print(
      io,
      lossText(
        judged,
        labelStats || config.baselineLoss !== 'auto'
          ? undefined
          : 'give --subset FILE --label-column COL to weigh it'
      )
    )
  return EXIT[result.status]
}

const infer: Command = async (args, io) => {
  const flags = parseFlags(
    args,
    {
      options: INFER_OPTIONS,
      aliases: { format: 'data-format' },
      repeatable: { dataset: 'dataset' },
      own: { out: { type: 'string' } }
    },
    usageOf('infer')
  )
  const config = parseSettings(INFER_OPTIONS, flags.options, io.cwd, flags.describe)
  const dataset = await resolveDataset(config.dataset!, { ...config, what: 'dataset' })
  const label = dataset.label
  const dialect = await readDialect(config, dataset.format)
  const schema = await inferSchema(dataset.files, dataset.format, {
    delimiter: dialect?.delimiter ?? config.delimiter,
    dialect
  })
  const text = `# Inferred by ml-smoke from ${label}; review the ranges and enums before relying on them.\n${stringifyYaml(schema)}`
  const out = flags.own.out as string | undefined
  if (out === undefined) print(io, text)
  else {
    await writeFileAtomically(path.resolve(io.cwd, out), text)
    io.stderr(`wrote ${out} (${schema.fields.length} fields)\n`)
  }
  return EXIT.passed
}

/** The files `ml-smoke schema --json-schema` describes: Table Schema files, or Table Dialect files. */
const JSON_SCHEMAS: Record<string, () => object> = {
  table: schemaFileJsonSchema,
  dialect: dialectFileJsonSchema
}

const schema: Command = async (args, io) => {
  const flags = parseFlags(
    args,
    { options: [], own: { 'json-schema': { type: 'boolean' } }, positionals: true },
    usageOf('schema')
  )
  const [kind = 'table', ...more] = flags.positionals
  if (!flags.own['json-schema'] || more.length || !JSON_SCHEMAS[kind])
    throw new UserError(
      `schema needs --json-schema, then table (the default) or dialect\n\n${usageOf('schema')}`
    )
  printJson(io, JSON_SCHEMAS[kind](), 2)
  return EXIT.passed
}

const verifyFlags = {
  json: { type: 'boolean' },
  repo: { type: 'string' },
  'signer-workflow': { type: 'string' },
  'trusted-root': { type: 'string' }
} as const

/** How verify-artifact checks attestations: --attest, whom from (--repo, --signer-workflow), which root. */
function attestationPolicy(io: CliIo, flags: ReturnType<typeof parseFlags>): AttestationPolicy {
  const { attest } = parseSettings(['attest'], flags.options, io.cwd, flags.describe)
  const repo = (flags.own.repo as string | undefined) ?? (io.env.GITHUB_REPOSITORY || undefined)
  if (repo !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(repo))
    throw new UserError(`--repo: expected OWNER/REPO; got "${repo}"`)
  const expected = runSigner(io.env, false, repo)
  const workflow = flags.own['signer-workflow'] as string | undefined
  const root = flags.own['trusted-root'] as string | undefined
  return {
    mode: attest,
    expected: expected && { ...expected, ...(workflow ? { signerWorkflow: workflow } : {}) },
    ...(root ? { trustedRoot: path.resolve(io.cwd, root), trustedRootLabel: root } : {})
  }
}

const verify: Command = async (args, io) => {
  const flags = parseFlags(
    args,
    { options: ['attest'], own: verifyFlags, positionals: true },
    usageOf('verify-artifact')
  )
  if (flags.positionals.length !== 1)
    throw new UserError(
      `verify-artifact needs the artifact's folder\n\n${usageOf('verify-artifact')}`
    )
  const folder = path.resolve(io.cwd, flags.positionals[0])
  const info = await stat(folder).catch(() => null)
  if (!info?.isDirectory()) throw new UserError(`not a folder: ${flags.positionals[0]}`)
  const attestation = attestationPolicy(io, flags)
  const report = await verifyArtifact({ folder, attestation })
  const { verification } = report
  if (flags.own.json) printJson(io, verificationJson(verification, report.attestation))
  else print(io, verificationText(verification, report.attestation))
  return verification.problems.length ? EXIT.failed : EXIT.passed
}

const PREDICT_FLAGS = {
  options: PREDICT_OPTIONS,
  repeatable: REPEATABLE,
  aliases: {
    command: 'predict-command',
    serve: 'serve-command',
    rows: 'predict-rows',
    url: 'predict-url',
    request: 'predict-request',
    'min-score': 'min-predict-score',
    format: 'data-format'
  },
  own: { model: { type: 'string' }, json: { type: 'boolean' }, verbose: { type: 'boolean' } }
} as const

/** The model folder `--model` names, which the command or server finds in $ML_SMOKE_OUTPUT_DIR. */
async function modelFolder(io: CliIo, model: unknown): Promise<string> {
  if (typeof model !== 'string')
    throw new UserError(
      `predict needs --model DIR: the folder the model is in\n\n${usageOf('predict')}`
    )
  const folder = path.resolve(io.cwd, model)
  if (!(await stat(folder).catch(() => null))?.isDirectory())
    throw new UserError(`--model: not a folder: ${model}`)
  return folder
}

const predict: Command = async (args, io) => {
  const flags = parseFlags(args, PREDICT_FLAGS, usageOf('predict'))
  const outputDirectory = await modelFolder(io, flags.own.model)
  if (!flags.options['predict-command'] && !flags.options['serve-command'])
    throw new UserError(`predict needs --command C or --serve C\n\n${usageOf('predict')}`)
  const config = parseSettings(PREDICT_OPTIONS, flags.options, io.cwd, flags.describe)
  const labelColumn = (await loadTableSchema(config.schema, config.workspace)).mlChecks?.label
    ?.column
  const root = await mkdtemp(path.join(os.tmpdir(), 'ml-smoke-predict-'))
  const folders = { ...runFolders(root), outputDirectory }
  const worker = dataWorkerBeside(io.bundleUrl)
  const ports = {
    runner: new ProcessRunner(),
    logger: logger(io, flags.own.verbose === true),
    clock: systemClock,
    env: io.env,
    worker
  }
  const result = await undoOnCancel(
    () => rm(root, { recursive: true, force: true }),
    async () => {
      const target = { folder: folders.subsetDirectory }
      const { subset } = (await sampleStage({ config, ports: { worker }, target }, { labelColumn }))
        .data
      return predictStage({ config, ports, folders }, { subset, labelColumn })
    }
  ).finally(() => rm(root, { recursive: true, force: true }))
  const report = result.data?.predict
  if (flags.own.json)
    printJson(io, { status: result.status, message: result.message, predict: report }, 2)
  else print(io, predictText(result.message, report))
  return result.status === 'skipped' ? EXIT.error : EXIT[result.status]
}

/** The files under `target` (itself when it is a file), named relative to where the CLI runs. */
async function filesUnder(
  io: CliIo,
  target: string
): Promise<Array<{ path: string; name: string }>> {
  const full = path.resolve(io.cwd, target)
  const info = await stat(full).catch(() => null)
  if (!info) throw new UserError(`not found: ${target}`)
  if (!info.isDirectory()) return [{ path: full, name: displayPath(io.cwd, full) }]
  const entries = await readdir(full, { recursive: true, withFileTypes: true })
  return entries
    .filter(entry => entry.isFile())
    .map(entry => path.join(entry.parentPath, entry.name))
    .sort()
    .map(file => ({ path: file, name: displayPath(io.cwd, file) }))
}

const scan: Command = async (args, io) => {
  const flags = parseFlags(
    args,
    { options: SCAN_OPTIONS, own: { json: { type: 'boolean' } }, positionals: true },
    usageOf('scan')
  )
  if (flags.positionals.length === 0)
    throw new UserError(`scan needs one or more files or folders\n\n${usageOf('scan')}`)
  const config = parseSettings(SCAN_OPTIONS, flags.options, io.cwd, flags.describe)
  const files = (await Promise.all(flags.positionals.map(target => filesUnder(io, target)))).flat()
  const report = await scanModelFiles(files, {
    allowGlobals: config.allowGlobals,
    scanTensorValues: config.scanTensorValues,
    limits: { maxFileBytes: config.maxScanBytes }
  })
  const scans = report.files.map((file, index) => ({ ...file, path: files[index].name }))
  if (flags.own.json) printJson(io, { ...report, files: scans })
  else print(io, scanText(scans))
  return report.passed ? EXIT.passed : EXIT.failed
}

export const COMMANDS: Record<string, Command> = {
  scan,
  run,
  validate,
  infer,
  schema,
  loss,
  sample,
  predict,
  'verify-artifact': verify,
  compare: (args, io) =>
    compareCommand(
      args,
      io,
      text => print(io, text),
      value => printJson(io, value)
    ),
  comment: commentCommand,
  plan: (args, io) => planCommand(args, io, printers(io)),
  merge: (args, io) => mergeCommand(args, io, printers(io))
}

function printers(io: CliIo) {
  return {
    print: (text: string) => print(io, text),
    printJson: (value: unknown) => printJson(io, value)
  }
}
