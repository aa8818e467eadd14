import path from 'node:path'
import { dataLabels } from '../data/stage.js'
import type { ValidationResult } from '../data/validate.js'
import { UserError } from '../errors.js'
import { lossSummary } from '../loss/summary.js'
import type { LossResult } from '../loss/verdict.js'
import { ArtifactNameTaken, type UploadedArtifact } from '../ports/types.js'
import type { SubsetResult } from '../sample/types.js'
import type { StageContext, StageResult } from '../stage.js'
import { runUserCommand, type CommandResult } from '../train/command.js'
import { VERSION } from '../version.js'
import { selectArtifactFiles, type ArtifactSelection } from './files.js'
import { checkModelFile, type FormatReport } from './formats/index.js'
import { buildManifest, MANIFEST_NAME } from './manifest.js'
import { stageArtifact } from './staging.js'

/** What the earlier stages found: the manifest records it. */
export interface ArtifactInputs {
  validation: ValidationResult
  subset: SubsetResult
  training: CommandResult
  loss: LossResult
}

export interface ArtifactReport {
  name: string
  selection?: ArtifactSelection
  checks?: Array<FormatReport & { file: string }>
  verifyCommand?: CommandResult
  manifestPath?: string
  upload?: UploadedArtifact
}

type ArtifactResult = StageResult<{ artifact: ArtifactReport }>

function select(context: StageContext): Promise<ArtifactSelection> {
  const { config, folders } = context
  return selectArtifactFiles(config.artifactPath, {
    baseDirectory: config.workingDirectory,
    allowedRoots: [config.workspace, folders.outputDirectory],
    outputDirectory: folders.outputDirectory,
    ifNoFilesFound: config.ifNoFilesFound,
    includeHiddenFiles: config.includeHiddenFiles
  })
}

/** Why the selection fails the stage: no match, an empty file, fewer bytes than min-artifact-bytes. */
function selectionFailures(selection: ArtifactSelection, minBytes: number | undefined): string[] {
  const failures = [...selection.failures]
  if (minBytes !== undefined && selection.files.length && selection.totalBytes < minBytes) {
    failures.push(
      `the artifact files total ${selection.totalBytes} bytes, less than min-artifact-bytes ${minBytes}`
    )
  }
  return failures
}

async function checkFiles(
  context: StageContext,
  selection: ArtifactSelection
): Promise<Array<FormatReport & { file: string }>> {
  const checks = []
  for (const file of selection.files) {
    const check = await checkModelFile(file.path, file.name, file.size, {
      scanTensorValues: context.config.scanTensorValues
    })
    checks.push({ file: file.name, ...check })
    for (const finding of check.findings)
      if (finding.level === 'warning')
        context.ports.logger.warning(`${file.name}: ${finding.message}`)
  }
  return checks
}

/** The provenance manifest's text: the data, the subset, the training run, the loss and every file. */
async function manifestText(
  context: StageContext,
  inputs: ArtifactInputs,
  selection: ArtifactSelection
): Promise<string> {
  const { config, ports } = context
  const labels = dataLabels(config)
  const { verdict, reason, source, format, key, points, first, last, min, drop } = lossSummary(
    inputs.loss
  )
  const manifest = await buildManifest({
    env: ports.env,
    version: VERSION,
    now: new Date(ports.clock.now()),
    dataset: {
      path: labels.dataset,
      file: config.dataset,
      rows: inputs.validation.rows,
      violations: inputs.validation.violationCount
    },
    schema: { path: labels.schema, file: config.schema },
    subset: {
      strategy: inputs.subset.strategy,
      seed: inputs.subset.seed,
      rows: inputs.subset.rows,
      sha256: inputs.subset.sha256
    },
    training: {
      command: config.trainCommand,
      exitCode: inputs.training.exitCode,
      durationMs: inputs.training.durationMs
    },
    loss: { verdict, reason, source, format, key, points, first, last, min, drop },
    artifact: { name: config.artifactName, files: selection.files }
  })
  return `${JSON.stringify(manifest, null, 2)}\n`
}

async function upload(context: StageContext, staged: string[]): Promise<UploadedArtifact> {
  const { config, folders, ports } = context
  try {
    return await ports.artifacts.upload(config.artifactName, staged, folders.artifactDirectory, {
      retentionDays: config.retentionDays,
      compressionLevel: config.compressionLevel,
      overwrite: config.overwrite
    })
  } catch (error) {
    if (!(error instanceof ArtifactNameTaken)) throw error
    throw new UserError(error.message, {
      hint: 'every job of a run needs its own artifact-name; in a matrix use e.g. artifact-name: model-${{ matrix.python-version }}, or set overwrite: true'
    })
  }
}

function uploadedMessage(artifact: ArtifactReport, selection: ArtifactSelection): string {
  const count = selection.files.length
  const risky = (artifact.checks ?? []).flatMap(check =>
    check.findings.filter(f => f.level === 'warning')
  )
  const warned = risky.length ? `; ${risky.length} warning(s): ${risky[0].message}` : ''
  return `${count} file${count === 1 ? '' : 's'} (${selection.totalBytes} bytes) and the provenance manifest in artifact "${artifact.name}"${warned}`
}

/**
 * Selects the model files, checks each one's format, writes the provenance manifest beside them, runs
 * artifact-verify-command on the staged folder, and uploads the lot.
 */
export async function artifactStage(
  context: StageContext,
  inputs: ArtifactInputs
): Promise<ArtifactResult> {
  const { config, folders } = context
  const artifact: ArtifactReport = { name: config.artifactName }
  const failed = (message: string): ArtifactResult => ({
    status: 'failed',
    message,
    data: { artifact }
  })
  const selection = (artifact.selection = await select(context))
  for (const warning of selection.warnings) context.ports.logger.warning(warning)
  const failures = selectionFailures(selection, config.minArtifactBytes)
  if (failures.length) return failed(failures.join('; '))
  if (selection.files.length === 0) {
    const message = 'no files to upload (if-no-files-found allows it)'
    return { status: 'passed', message, data: { artifact } }
  }
  artifact.checks = await checkFiles(context, selection)
  const broken = artifact.checks.flatMap(check =>
    check.findings
      .filter(f => f.level === 'error')
      .map(f => `${check.file} (${check.format}): ${f.message}`)
  )
  if (broken.length) return failed(broken.join('; '))
  const manifest = await manifestText(context, inputs, selection)
  const staged = await stageArtifact(folders.artifactDirectory, selection.files, manifest)
  artifact.manifestPath = path.join(folders.artifactDirectory, MANIFEST_NAME)
  if (config.artifactVerifyCommand) {
    const { result, failure } = await runUserCommand(
      { ...context, subset: inputs.subset },
      {
        command: config.artifactVerifyCommand,
        title: 'Artifact check',
        option: 'artifact-verify-command',
        env: { ML_SMOKE_ARTIFACT_DIR: folders.artifactDirectory }
      }
    )
    artifact.verifyCommand = result
    if (failure) return failed(`${failure}: ${result.tail.slice(-3).join(' | ')}`)
  }
  artifact.upload = await upload(context, staged)
  return { status: 'passed', message: uploadedMessage(artifact, selection), data: { artifact } }
}
