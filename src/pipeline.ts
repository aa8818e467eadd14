import { mkdir, rm } from 'node:fs/promises'
import { exists } from './file-info.js'
import path from 'node:path'
import { selectArtifactFiles } from './artifact/files.js'
import { checkModelFile } from './artifact/formats/index.js'
import { buildManifest, MANIFEST_NAME } from './artifact/manifest.js'
import { stageArtifact } from './artifact/stage.js'
import type { Config } from './config.js'
import { loadTableSchema } from './data/schema.js'
import { formatOf } from './data/table.js'
import { dataWorkerBeside } from './data/off-thread.js'
import { validateDataset } from './data/validate-dataset.js'
import { describePosition } from './data/validate.js'
import { UserError, describeError } from './errors.js'
import { chooseLossSeries } from './loss/choose.js'
import { emptyFound, findSeries, USUAL_LOG_FOLDERS } from './loss/discover.js'
import { compileLossPattern, OutputMetricsReader } from './loss/output-reader.js'
import { COMMAND_OUTPUT } from './loss/series.js'
import { judgeLoss } from './loss/verdict.js'
import type { ArtifactStore, CacheStore, CommandRunner, Logger } from './ports/types.js'
import {
  STAGE_ORDER,
  STAGE_TITLES,
  type RunReport,
  type StageName,
  type StageOutcome,
  type StageStatus
} from './report/types.js'
import { cutSubset, subsetFileName, subsetOptionsFor } from './sample/subset.js'
import { defaultCacheKey } from './train/cache-key.js'
import { childEnvironment, type SmokeVariables } from './train/environment.js'
import { runTraining, trainingFailure } from './train/train.js'
import { VERSION } from './version.js'

export interface Ports {
  runner: CommandRunner
  artifacts: ArtifactStore
  cache: CacheStore
  logger: Logger
  /** The environment the user's command inherits (runner secrets are removed from it). */
  env: NodeJS.ProcessEnv
}

/** Folders for one run: the subset, the model output and the metrics file live here. */
export interface RunFolders {
  root: string
  subsetDirectory: string
  outputDirectory: string
  metricsFile: string
  /** The artifact as uploaded: links to the selected files plus the manifest. */
  artifactDirectory: string
}

export function runFolders(root: string): RunFolders {
  return {
    root,
    subsetDirectory: path.join(root, 'subset'),
    outputDirectory: path.join(root, 'output'),
    metricsFile: path.join(root, 'metrics', 'metrics.jsonl'),
    artifactDirectory: path.join(root, 'artifact')
  }
}

function relativeLabel(workspace: string, file: string): string {
  const relative = path.relative(workspace, file)
  return relative && !relative.startsWith('..') ? relative.split(path.sep).join('/') : file
}

/** A stage's verdict; `tail` is command output worth quoting when the step fails. */
type StageBody = () => Promise<{ status: StageStatus; message: string; tail?: string[] }>

/**
 * Runs the stages in order: validate → sample → train → loss → artifact. A stage that does not pass
 * stops the rest, which are reported as skipped; the report is complete either way.
 */
export async function runPipeline(
  config: Config,
  ports: Ports,
  folders: RunFolders
): Promise<RunReport> {
  const report: RunReport = {
    config,
    labels: {
      dataset: relativeLabel(config.workspace, config.dataset),
      schema: relativeLabel(config.workspace, config.schema)
    },
    stages: [],
    outcome: 'passed',
    headline: ''
  }
  const { logger } = ports

  const stage = async (name: StageName, body: StageBody): Promise<boolean> => {
    const started = Date.now()
    let outcome: { status: StageStatus; message: string; tail?: string[] }
    try {
      outcome = await body()
    } catch (error) {
      if (!(error instanceof UserError)) logger.debug((error as Error)?.stack ?? String(error))
      outcome = { status: 'error', message: describeError(error) }
    }
    const result: StageOutcome = {
      name,
      title: STAGE_TITLES[name],
      status: outcome.status,
      message: outcome.message,
      durationMs: Date.now() - started
    }
    if (outcome.tail?.length) failureTail = outcome.tail
    report.stages.push(result)
    logger.info(`${STAGE_TITLES[name]}: ${result.status} — ${result.message}`)
    return result.status === 'passed'
  }

  // The data worker's bundle beside this one: validation and sampling hand it large files.
  const dataWorker = dataWorkerBeside(import.meta.url)
  const stages: Record<StageName, StageBody> = {
    validate: async () => {
      const schema = await loadTableSchema(config.schema, config.workspace)
      const validation = await validateDataset(
        config.dataset,
        schema,
        {
          format: formatOf(config.dataset, config.dataFormat),
          delimiter: config.delimiter,
          maxViolations: config.maxViolations,
          schemaLabel: report.labels.schema
        },
        dataWorker
      ).catch(error => {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new UserError(`dataset not found: ${report.labels.dataset}`)
        }
        throw error
      })
      report.validation = validation
      if (validation.violationCount === 0) {
        return {
          status: 'passed',
          message: `${validation.rows} rows of ${report.labels.dataset} match ${report.labels.schema}`
        }
      }
      const first = validation.violations[0]
      return {
        status: 'failed',
        message: `${validation.violationCount} violation${validation.violationCount === 1 ? '' : 's'} in ${report.labels.dataset} (first, ${describePosition(first)}: ${first.message})`
      }
    },
    sample: async () => {
      const target = path.join(
        folders.subsetDirectory,
        subsetFileName(config.dataset, config.subsetFormat)
      )
      await rm(folders.subsetDirectory, { recursive: true, force: true })
      const subset = await cutSubset(config.dataset, target, subsetOptionsFor(config), dataWorker)
      report.subset = subset
      const how = {
        head: 'the first rows',
        all: 'all rows',
        random: `a random sample (seed ${subset.seed})`,
        stratified: `stratified by ${subset.labelColumn} (seed ${subset.seed})`
      }[subset.strategy]
      return { status: 'passed', message: `${subset.rows} rows, ${how}, as ${subset.format}` }
    },
    train: async () => {
      await rm(folders.outputDirectory, { recursive: true, force: true })
      await mkdir(folders.outputDirectory, { recursive: true })
      await rm(folders.metricsFile, { force: true })
      await mkdir(path.dirname(folders.metricsFile), { recursive: true })
      const env = commandEnvironment()
      const run = (command: string, title: string, onLine: (line: string, n: number) => void) =>
        runTraining(
          {
            command,
            cwd: config.workingDirectory,
            env,
            timeoutMinutes: config.timeoutMinutes,
            shell: config.shell
          },
          ports.runner,
          logger,
          onLine,
          title
        ).catch(error => {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
            throw new UserError(
              `cannot run the ${title.toLowerCase()} command: working-directory ${config.workingDirectory} or the shell (${config.shell ?? 'bash'}) does not exist`
            )
          }
          throw error
        })

      let cacheKey: string | undefined
      if (config.cache) {
        cacheKey =
          config.cache.key ?? (await defaultCacheKey(config.cache.keyFiles, config.workspace))
        const matchedKey = await ports.cache.restore(
          config.cache.paths,
          cacheKey,
          config.cache.restoreKeys
        )
        report.cache = { key: cacheKey, matchedKey, hit: matchedKey === cacheKey, saved: false }
        logger.info(
          matchedKey
            ? `cache restored from key ${matchedKey}`
            : `no cache found for key ${cacheKey}`
        )
      }
      if (config.setupCommand) {
        const setup = await run(config.setupCommand, 'Setup', () => undefined)
        report.setup = setup
        const failure = trainingFailure(setup, 'setup-command')
        if (failure) return { status: 'failed', message: failure, tail: setup.tail }
      }
      // File timestamps can be a little coarse; logs written during this run are newer than this.
      trainingStartedAt = Date.now() - 2000
      const training = await run(config.trainCommand, 'Smoke training', (line, lineNumber) =>
        outputMetrics.readLine(line, lineNumber)
      )
      report.training = training
      const failure = trainingFailure(training)
      if (failure) return { status: 'failed', message: failure, tail: training.tail }
      if (config.cache && report.cache && !report.cache.hit) {
        report.cache.saved = await ports.cache.save(config.cache.paths, cacheKey!)
      }
      return {
        status: 'passed',
        message: `exit code 0 after ${(training.durationMs / 1000).toFixed(1)} s`
      }
    },
    loss: async () => {
      const found = emptyFound()
      const searched: string[] = []
      const inWorkingDirectory = (file: string): string =>
        relativeLabel(config.workingDirectory, file)
      if (config.lossFile) {
        searched.push(inWorkingDirectory(config.lossFile))
        await findSeries(config.lossFile, inWorkingDirectory, found)
      } else {
        const inOutput = (file: string): string =>
          ['$ML_SMOKE_OUTPUT_DIR', path.relative(folders.outputDirectory, file)]
            .filter(Boolean)
            .join('/')
        searched.push(COMMAND_OUTPUT, '$ML_SMOKE_METRICS', '$ML_SMOKE_OUTPUT_DIR')
        await findSeries(folders.metricsFile, () => '$ML_SMOKE_METRICS', found)
        await findSeries(folders.outputDirectory, inOutput, found, trainingStartedAt)
        for (const folder of USUAL_LOG_FOLDERS) {
          const target = path.join(config.workingDirectory, folder)
          if (await exists(target)) {
            searched.push(`${inWorkingDirectory(target)}/`)
            await findSeries(target, inWorkingDirectory, found, trainingStartedAt)
          }
        }
      }
      // Files first: on a tie they win over numbers rounded for a progress bar.
      const choice = chooseLossSeries([...found.series, ...outputMetrics.series()], config.lossKey)
      const loss = judgeLoss(
        choice,
        {
          minDrop: config.minLossDrop,
          window: config.lossWindow,
          maxFinalLoss: config.maxFinalLoss
        },
        outputMetrics.hints,
        searched,
        found.warnings
      )
      if (config.lossFile && found.files.length === 0 && !(await exists(config.lossFile))) {
        loss.reason = `loss-file ${inWorkingDirectory(config.lossFile)} was not written by the training command`
      }
      report.loss = loss
      for (const warning of loss.warnings) logger.warning(warning)
      if (loss.usedValidation && loss.series) {
        logger.warning(
          `no training loss was found; judging the validation loss "${loss.series.key}" from ${loss.series.source} instead`
        )
      }
      if (loss.verdict === 'pass') return { status: 'passed', message: loss.reason }
      if (loss.verdict === 'fail') return { status: 'failed', message: loss.reason }
      if (config.onInconclusive === 'warn') {
        logger.warning(`loss check inconclusive: ${loss.reason}`)
        return {
          status: 'passed',
          message: `inconclusive, passed because on-inconclusive is warn: ${loss.reason}`
        }
      }
      return { status: 'inconclusive', message: loss.reason }
    },
    artifact: async () => {
      const artifact: NonNullable<RunReport['artifact']> = { name: config.artifactName }
      report.artifact = artifact
      const selection = await selectArtifactFiles(config.artifactPaths, {
        baseDirectory: config.workingDirectory,
        allowedRoots: [config.workspace, folders.outputDirectory],
        outputDirectory: folders.outputDirectory,
        ifNoFilesFound: config.ifNoFilesFound,
        includeHiddenFiles: config.includeHiddenFiles
      })
      artifact.selection = selection
      for (const warning of selection.warnings) logger.warning(warning)
      const failures = [...selection.failures]
      if (
        config.minArtifactBytes !== undefined &&
        selection.files.length &&
        selection.totalBytes < config.minArtifactBytes
      ) {
        failures.push(
          `the artifact files total ${selection.totalBytes} bytes, less than min-artifact-bytes ${config.minArtifactBytes}`
        )
      }
      if (failures.length) return { status: 'failed', message: failures.join('; ') }
      if (selection.files.length === 0)
        return { status: 'passed', message: 'no files to upload (if-no-files-found allows it)' }

      artifact.checks = []
      for (const file of selection.files) {
        const check = await checkModelFile(file.path, file.name, file.size, {
          scanTensorValues: config.scanTensorValues
        })
        artifact.checks.push({ file: file.name, ...check })
        for (const finding of check.findings)
          if (finding.level === 'warning') logger.warning(`${file.name}: ${finding.message}`)
      }
      const broken = artifact.checks.flatMap(check =>
        check.findings
          .filter(f => f.level === 'error')
          .map(f => `${check.file} (${check.format}): ${f.message}`)
      )
      if (broken.length) return { status: 'failed', message: broken.join('; ') }

      const manifest = await buildManifest({
        env: ports.env,
        version: VERSION,
        now: new Date(),
        dataset: {
          path: report.labels.dataset,
          file: config.dataset,
          rows: report.validation!.rows,
          violations: report.validation!.violationCount
        },
        schema: { path: report.labels.schema, file: config.schema },
        subset: {
          strategy: report.subset!.strategy,
          seed: report.subset!.seed,
          rows: report.subset!.rows,
          sha256: report.subset!.sha256
        },
        training: {
          command: config.trainCommand,
          exitCode: report.training!.exitCode,
          durationMs: report.training!.durationMs
        },
        loss: {
          verdict: report.loss!.verdict,
          reason: report.loss!.reason,
          source: report.loss!.series?.source ?? null,
          format: report.loss!.series?.format ?? null,
          key: report.loss!.series?.key ?? null,
          points: report.loss!.series?.points.length ?? 0,
          first: report.loss!.first ?? null,
          last: report.loss!.last ?? null,
          min: report.loss!.min ?? null,
          drop: report.loss!.drop ?? null
        },
        artifact: { name: config.artifactName, files: selection.files }
      })
      const staged = await stageArtifact(
        folders.artifactDirectory,
        selection.files,
        `${JSON.stringify(manifest, null, 2)}\n`
      )
      artifact.manifestPath = path.join(folders.artifactDirectory, MANIFEST_NAME)

      if (config.artifactVerifyCommand) {
        const env = { ...commandEnvironment(), ML_SMOKE_ARTIFACT_DIR: folders.artifactDirectory }
        const verify = await runTraining(
          {
            command: config.artifactVerifyCommand,
            cwd: config.workingDirectory,
            env,
            timeoutMinutes: config.timeoutMinutes
          },
          ports.runner,
          logger,
          () => undefined,
          'Artifact check'
        )
        artifact.verifyCommand = verify
        const failure = trainingFailure(verify, 'artifact-verify-command')
        if (failure)
          return { status: 'failed', message: `${failure}: ${verify.tail.slice(-3).join(' | ')}` }
      }

      const upload = await ports.artifacts.upload(
        config.artifactName,
        staged,
        folders.artifactDirectory,
        {
          retentionDays: config.retentionDays,
          compressionLevel: config.compressionLevel,
          overwrite: config.overwrite
        }
      )
      artifact.upload = upload
      const risky = artifact.checks.flatMap(check =>
        check.findings.filter(f => f.level === 'warning')
      )
      return {
        status: 'passed',
        message: `${selection.files.length} file${selection.files.length === 1 ? '' : 's'} (${selection.totalBytes} bytes) and the provenance manifest in artifact "${config.artifactName}"${risky.length ? `; ${risky.length} warning(s): ${risky[0].message}` : ''}`
      }
    }
  }

  /** What every user command sees: the runner's environment minus its secrets, the env input, and ours. */
  function commandEnvironment(): Record<string, string> {
    const subset = report.subset!
    const smoke: SmokeVariables = {
      ML_SMOKE_SUBSET: subset.path,
      ML_SMOKE_OUTPUT_DIR: folders.outputDirectory,
      ML_SMOKE_METRICS: folders.metricsFile,
      ML_SMOKE_SEED: String(config.seed),
      ML_SMOKE_ROWS: String(subset.rows),
      ...(config.labelColumn ? { ML_SMOKE_LABEL_COLUMN: config.labelColumn } : {}),
      ...(subset.classes ? { ML_SMOKE_CLASSES: Object.keys(subset.classes).join(',') } : {})
    }
    return childEnvironment({ ...ports.env, ...config.env }, smoke)
  }

  let failureTail: string[] | undefined
  const outputMetrics = new OutputMetricsReader(
    config.lossPattern ? compileLossPattern(config.lossPattern) : undefined
  )
  let trainingStartedAt = Date.now()
  let proceed = true
  for (const name of STAGE_ORDER) {
    if (!proceed) {
      report.stages.push({
        name,
        title: STAGE_TITLES[name],
        status: 'skipped',
        message: 'skipped: an earlier stage did not pass',
        durationMs: 0
      })
      continue
    }
    proceed = await stage(name, stages[name])
  }
  const stopped = report.stages.find(
    outcome => outcome.status !== 'passed' && outcome.status !== 'skipped'
  )
  if (stopped) {
    report.outcome = stopped.status as RunReport['outcome']
    report.headline = `${stopped.title} ${stopped.status === 'error' ? 'could not run' : stopped.status}: ${stopped.message}`
    if (failureTail)
      report.headline += `\nLast ${failureTail.length} lines of output:\n${failureTail.join('\n')}`
  } else {
    report.headline = `ml-smoke passed: ${report.stages.map(outcome => outcome.message).join('; ')}`
  }
  return report
}
