#!/usr/bin/env node
import { mkdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { verifyArtifactFolder } from './artifact/manifest.js'
import { buildConfig, OPTION_NAMES, readConfigFile } from './config.js'
import { loadTableSchema } from './data/schema.js'
import { delimiterProblem } from './data/csv.js'
import { inferSchema } from './data/infer.js'
import { dataWorkerBeside } from './data/off-thread.js'
import { validateDataset } from './data/validate-dataset.js'
import { schemaFileJsonSchema } from './data/schema.js'
import { formatOf } from './data/table.js'
import { describePosition } from './data/validate.js'
import { stringify as stringifyYaml } from 'yaml'
import { describeError, UserError } from './errors.js'
import { exists } from './file-info.js'
import { chooseLossSeries } from './loss/choose.js'
import { emptyFound, findSeries } from './loss/discover.js'
import { compileLossPattern, OutputMetricsReader } from './loss/output-reader.js'
import { judgeLoss } from './loss/verdict.js'
import { runFolders, runPipeline } from './pipeline.js'
import { cutSubset, subsetOptionsFor } from './sample/subset.js'
import { LocalArtifactStore, NoCacheStore, terminalLogger } from './ports/local.js'
import { ProcessRunner } from './ports/process-runner.js'
import { renderSummary } from './report/summary.js'
import type { RunReport } from './report/types.js'
import { verificationHeadline } from './report/verification.js'
import { LineSplitter } from './train/output.js'

/** 0 pass, 1 a check failed, 2 bad input or usage, 3 inconclusive. */
export const EXIT = { passed: 0, failed: 1, error: 2, inconclusive: 3 } as const

const USAGE = `ml-smoke: a CI gate for ML code, data and model together

Usage:
  ml-smoke run [--config FILE] [--out DIR] [--json] [--<option> VALUE ...]
      Validate, cut a subset, smoke-train, check the loss and package the model, as the action does.
      Options are the action's inputs (--dataset, --schema, --train-command, --artifact-path, ...);
      flags override the config file. The artifact zip and summary.md go to --out (default ml-smoke-out).
  ml-smoke validate --dataset FILE --schema FILE [--format csv|tsv|jsonl|json|parquet] [--delimiter C]
                    [--max-violations N] [--threads 1|2] [--json]
      --threads 2 (the default) splits a large CSV across two cores and reads Parquet in a worker with
      a small heap; 1 keeps all work in one thread.
  ml-smoke infer --dataset FILE [--out schema.yml]
      Write a schema (types, required, ranges, enums) that the same file passes.
  ml-smoke schema --json-schema
      The JSON Schema of schema files, for editors (# yaml-language-server: $schema=...).
  ml-smoke loss PATH|- [--key K] [--min-drop X] [--window F] [--max-final-loss X] [--pattern REGEX] [--json]
      PATH is a log folder (searched for TensorBoard, Lightning, Hugging Face, Keras, MLflow, DVCLive
      files), one such file, or a saved command log; - reads command output from stdin.

  ml-smoke sample --dataset FILE --rows N --out FILE [--strategy random|head|stratified|all] [--seed K]
                  [--label-column COL] [--min-per-class M] [--json]
      Cut the same reproducible subset the action trains on.
  ml-smoke verify-artifact DIR [--json]
      Recompute every file's sha256 in a downloaded artifact against its ml-smoke-manifest.json.

Exit codes: 0 passed, 1 check failed, 2 bad input or usage, 3 inconclusive.`

type Flags = Record<string, string | boolean | undefined>

function parse(
  args: string[],
  options: ParseArgsConfig['options'],
  positionals = false
): { values: Flags; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: positionals, strict: true })
    return { values: parsed.values as Flags, positionals: parsed.positionals }
  } catch (error) {
    throw new UserError(`${(error as Error).message}\n\n${USAGE}`)
  }
}

/** --delimiter, checked by the same rule as the action's input. */
function delimiterFlag(value: string | boolean | undefined): string | undefined {
  if (typeof value !== 'string') return undefined
  const problem = delimiterProblem(value)
  if (problem) throw new UserError(`--delimiter: ${problem}; got ${JSON.stringify(value)}`)
  return value
}

function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
}

const MARKS = { passed: '✓', failed: '✗', inconclusive: '?', error: '!', skipped: '-' }

function textReport(report: RunReport, summaryPath: string): string {
  const lines = [report.headline, '']
  for (const stage of report.stages)
    lines.push(`  ${MARKS[stage.status]} ${stage.title.padEnd(16)} ${stage.message}`)
  const upload = report.artifact?.upload
  if (upload?.localPath) lines.push('', `Artifact: ${upload.localPath} (sha256:${upload.digest})`)
  lines.push(`Summary:  ${summaryPath}`)
  return lines.join('\n')
}

async function runCommand(args: string[]): Promise<number> {
  const optionFlags = Object.fromEntries(
    OPTION_NAMES.map(name => [name, { type: 'string' as const }])
  )
  const { values } = parse(args, {
    ...optionFlags,
    config: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    verbose: { type: 'boolean' }
  })
  const flags = values
  let raw: Record<string, unknown> = {}
  let workspace = process.cwd()
  let describe = (name: string): string => `--${name}`
  if (typeof flags.config === 'string') {
    const configFile = path.resolve(flags.config)
    raw = await readConfigFile(configFile)
    workspace = path.dirname(configFile)
    describe = name => `${flags.config}: ${name}`
  }
  for (const name of OPTION_NAMES) {
    const value = flags[name]
    if (typeof value !== 'string') continue
    // Flags are relative to where the CLI runs, config-file values to the file's folder.
    const isPath = name === 'dataset' || name === 'schema' || name === 'working-directory'
    raw[name] = isPath ? path.resolve(value) : value
  }
  const config = buildConfig(raw, workspace, describe)
  const out = path.resolve(typeof flags.out === 'string' ? flags.out : 'ml-smoke-out')
  const report = await runPipeline(
    config,
    {
      runner: new ProcessRunner(),
      artifacts: new LocalArtifactStore(path.join(out, 'artifacts')),
      cache: new NoCacheStore(terminalLogger(flags.verbose === true)),
      logger: terminalLogger(flags.verbose === true),
      env: process.env
    },
    runFolders(path.join(out, 'run'))
  )
  await mkdir(out, { recursive: true })
  const summaryPath = path.join(out, 'summary.md')
  await writeFile(summaryPath, renderSummary(report))
  print(
    flags.json
      ? JSON.stringify(report, null, 2)
      : textReport(report, path.relative(process.cwd(), summaryPath))
  )
  return EXIT[report.outcome]
}

async function validateCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    dataset: { type: 'string' },
    schema: { type: 'string' },
    format: { type: 'string' },
    delimiter: { type: 'string' },
    'max-violations': { type: 'string' },
    threads: { type: 'string' },
    json: { type: 'boolean' }
  })
  if (typeof values.dataset !== 'string' || typeof values.schema !== 'string')
    throw new UserError(`validate needs --dataset and --schema\n\n${USAGE}`)
  const maxViolations = Number(values['max-violations'] ?? 1000)
  if (!Number.isInteger(maxViolations) || maxViolations < 1) {
    throw new UserError(
      `--max-violations: expected a whole number ≥ 1; got "${String(values['max-violations'])}"`
    )
  }
  const dataset = path.resolve(values.dataset)
  const schema = await loadTableSchema(path.resolve(values.schema), process.cwd())
  const threads = values.threads === undefined ? 2 : Number(values.threads)
  if (threads !== 1 && threads !== 2)
    throw new UserError(`--threads: expected 1 or 2; got "${String(values.threads)}"`)
  const result = await validateDataset(
    dataset,
    schema,
    {
      format: formatOf(dataset, typeof values.format === 'string' ? values.format : undefined),
      delimiter: delimiterFlag(values.delimiter),
      maxViolations,
      schemaLabel: values.schema
    },
    threads === 2 ? dataWorkerBeside(import.meta.url) : undefined
  ).catch(error => {
    throw (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? new UserError(`dataset not found: ${String(values.dataset)}`)
      : error
  })
  const valid = result.violationCount === 0
  if (values.json) {
    print(
      JSON.stringify({
        valid,
        rows: result.rows,
        violations: result.violations.map(
          ({ code, line, rowNumber, fieldNumber, field, rowGroup, rowInGroup, message }) => ({
            code,
            line: line ?? null,
            rowNumber,
            fieldNumber: fieldNumber ?? null,
            field: field ?? null,
            ...(rowGroup !== undefined ? { rowGroup, rowInGroup } : {}),
            message
          })
        ),
        truncated: result.truncated,
        stats: {
          format: result.format,
          violations: result.violationCount,
          byCode: result.countsByCode,
          byField: result.countsByField,
          ...result.stats,
          parts: result.parts ?? 1
        }
      })
    )
  } else {
    for (const v of result.violations)
      print(
        `${values.dataset}${v.line !== undefined ? `:${v.line}` : ''}: ${v.code}: ${v.message}${v.line === undefined ? ` (${describePosition(v)})` : ''}`
      )
    print(
      `${valid ? 'valid' : 'invalid'}: ${result.rows} rows, ${result.violationCount} violations${result.truncated ? ` (first ${result.violations.length} listed)` : ''}`
    )
  }
  return valid ? EXIT.passed : EXIT.failed
}

async function schemaCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { 'json-schema': { type: 'boolean' } })
  if (!values['json-schema']) throw new UserError(`schema needs --json-schema\n\n${USAGE}`)
  print(JSON.stringify(schemaFileJsonSchema(), null, 2))
  return EXIT.passed
}

async function inferCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    dataset: { type: 'string' },
    format: { type: 'string' },
    delimiter: { type: 'string' },
    out: { type: 'string' }
  })
  if (typeof values.dataset !== 'string') throw new UserError(`infer needs --dataset\n\n${USAGE}`)
  const dataset = path.resolve(values.dataset)
  const schema = await inferSchema(
    dataset,
    formatOf(dataset, typeof values.format === 'string' ? values.format : undefined),
    {
      delimiter: delimiterFlag(values.delimiter)
    }
  ).catch(error => {
    throw (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? new UserError(`dataset not found: ${values.dataset}`)
      : error
  })
  const text = `# Inferred by ml-smoke from ${values.dataset}; review the ranges and enums before relying on them.\n${stringifyYaml(schema)}`
  if (typeof values.out === 'string') {
    await writeFile(values.out, text)
    process.stderr.write(`wrote ${values.out} (${schema.fields.length} fields)\n`)
  } else print(text)
  return EXIT.passed
}

async function readLog(
  stream: NodeJS.ReadableStream,
  pattern: RegExp | undefined
): Promise<OutputMetricsReader> {
  const reader = new OutputMetricsReader(pattern)
  let lineNumber = 0
  const splitter = new LineSplitter(line => reader.readLine(line, ++lineNumber))
  stream.setEncoding('utf8')
  for await (const chunk of stream) splitter.push(chunk as string)
  splitter.finish()
  return reader
}

function numberFlag(
  value: string | boolean | undefined,
  name: string,
  fallback: number | undefined,
  min: number,
  max: number
): number | undefined {
  if (value === undefined) return fallback
  const number = Number(value)
  if (typeof value !== 'string' || value.trim() === '' || !(number >= min && number <= max)) {
    throw new UserError(
      `--${name}: expected a number from ${min} to ${max}; got "${String(value)}"`
    )
  }
  return number
}

async function lossCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      key: { type: 'string' },
      'min-drop': { type: 'string' },
      window: { type: 'string' },
      'max-final-loss': { type: 'string' },
      pattern: { type: 'string' },
      json: { type: 'boolean' }
    },
    true
  )
  if (positionals.length !== 1)
    throw new UserError(`loss needs one PATH (or - for stdin)\n\n${USAGE}`)
  const options = {
    minDrop: numberFlag(values['min-drop'], 'min-drop', 0, 0, 1)!,
    window: numberFlag(values.window, 'window', 0.25, 0.01, 0.5)!,
    maxFinalLoss: numberFlag(
      values['max-final-loss'],
      'max-final-loss',
      undefined,
      -Infinity,
      Infinity
    )
  }
  let pattern: RegExp | undefined
  try {
    pattern = typeof values.pattern === 'string' ? compileLossPattern(values.pattern) : undefined
  } catch (error) {
    throw new UserError(`--pattern: not a valid regular expression: ${(error as Error).message}`)
  }
  const [target] = positionals
  const key = typeof values.key === 'string' ? values.key : undefined
  let result
  if (target === '-') {
    const reader = await readLog(process.stdin, pattern)
    result = judgeLoss(chooseLossSeries(reader.series(), key), options, reader.hints, ['stdin'])
  } else {
    const found = emptyFound()
    const full = path.resolve(target)
    await findSeries(full, file => path.relative(process.cwd(), file) || path.basename(file), found)
    if (!found.files.length && !(await exists(full))) {
      throw new UserError(`not found: ${target}`)
    }
    const hints = { lightningLogInterval: false, fastDevRun: false }
    result = judgeLoss(
      chooseLossSeries(found.series, key),
      options,
      hints,
      [target],
      found.warnings
    )
  }
  if (values.json) {
    const {
      verdict,
      reason,
      series,
      first,
      last,
      min,
      start,
      end,
      drop,
      nonFiniteAt,
      others,
      usedValidation
    } = result
    print(
      JSON.stringify({
        verdict,
        reason,
        source: series?.source ?? null,
        format: series?.format ?? null,
        key: series?.key ?? null,
        points: series?.points.length ?? 0,
        first: first ?? null,
        last: last ?? null,
        min: min ?? null,
        start: start ?? null,
        end: end ?? null,
        drop: drop ?? null,
        nonFiniteAt: nonFiniteAt
          ? { step: nonFiniteAt.step, line: nonFiniteAt.line, value: String(nonFiniteAt.value) }
          : null,
        usedValidation,
        others
      })
    )
  } else {
    print(`${result.verdict}: ${result.reason}`)
    for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`)
  }
  return result.verdict === 'pass'
    ? EXIT.passed
    : result.verdict === 'fail'
      ? EXIT.failed
      : EXIT.inconclusive
}

async function sampleCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    dataset: { type: 'string' },
    rows: { type: 'string' },
    strategy: { type: 'string' },
    seed: { type: 'string' },
    'label-column': { type: 'string' },
    'min-per-class': { type: 'string' },
    format: { type: 'string' },
    'subset-format': { type: 'string' },
    delimiter: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' }
  })
  if (typeof values.dataset !== 'string' || typeof values.out !== 'string') {
    throw new UserError(`sample needs --dataset and --out\n\n${USAGE}`)
  }
  // The same validation as the action's inputs.
  const config = buildConfig(
    {
      dataset: values.dataset,
      schema: '-',
      'train-command': '-',
      'artifact-path': '-',
      'sample-rows': values.rows,
      'sample-strategy': values.strategy,
      seed: values.seed,
      'label-column': values['label-column'],
      'min-per-class': values['min-per-class'],
      'data-format': values.format,
      'subset-format': values['subset-format'],
      delimiter: values.delimiter
    },
    process.cwd(),
    name => `--${name.replace(/^sample-/, '').replace(/^data-/, '')}`
  )
  const subset = await cutSubset(
    config.dataset,
    path.resolve(values.out),
    subsetOptionsFor(config),
    dataWorkerBeside(import.meta.url)
  ).catch(error => {
    throw (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? new UserError(`dataset not found: ${String(values.dataset)}`)
      : error
  })
  if (values.json) print(JSON.stringify(subset))
  else {
    print(`${subset.rows} rows written to ${values.out} (sha256 ${subset.sha256})`)
    for (const [label, count] of Object.entries(subset.classes ?? {}))
      print(`  ${label}: ${count.chosen} of ${count.available}`)
  }
  return EXIT.passed
}

async function verifyArtifactCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } }, true)
  if (positionals.length !== 1)
    throw new UserError(`verify-artifact needs the artifact's folder\n\n${USAGE}`)
  const folder = path.resolve(positionals[0])
  if (
    !(await stat(folder).then(
      info => info.isDirectory(),
      () => false
    ))
  )
    throw new UserError(`not a folder: ${positionals[0]}`)
  const verification = await verifyArtifactFolder(folder)
  if (values.json) {
    const { checked, problems, unlisted, manifest } = verification
    print(
      JSON.stringify({
        valid: problems.length === 0,
        checked,
        problems,
        unlisted,
        manifest: manifest ?? null
      })
    )
  } else {
    print(verificationHeadline(verification))
    for (const file of verification.unlisted) print(`note: ${file} is not in the manifest`)
  }
  return verification.problems.length ? EXIT.failed : EXIT.passed
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv
  try {
    switch (command) {
      case 'run':
        return await runCommand(args)
      case 'validate':
        return await validateCommand(args)
      case 'loss':
        return await lossCommand(args)
      case 'sample':
        return await sampleCommand(args)
      case 'schema':
        return await schemaCommand(args)
      case 'infer':
        return await inferCommand(args)
      case 'verify-artifact':
        return await verifyArtifactCommand(args)
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        print(USAGE)
        return command === undefined ? EXIT.error : EXIT.passed
      default:
        throw new UserError(`unknown command "${command}"\n\n${USAGE}`)
    }
  } catch (error) {
    process.stderr.write(`ml-smoke: ${describeError(error)}\n`)
    if (!(error instanceof UserError) && process.env.ML_SMOKE_DEBUG)
      process.stderr.write(`${(error as Error)?.stack}\n`)
    return EXIT.error
  }
}

// `ml-smoke validate --json | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', error => {
  if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error
  process.exit(process.exitCode ?? 0)
})
process.exitCode = await main(process.argv.slice(2))
