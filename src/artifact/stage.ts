import type { Config } from '../config.js'
import { trainingDataset } from '../data/dataset-files.js'
import { dataLabels } from '../data/stage.js'
import type { DataProfile } from '../data/profile.js'
import type { ValidationResult } from '../data/validation-types.js'
import { UserError } from '../errors.js'
import { lossSummary } from '../loss/summary.js'
import type { LossResult } from '../loss/verdict.js'
import { ArtifactNameTaken, type UploadedArtifact, type WorkingTree } from '../ports/types.js'
import type { SubsetResult } from '../sample/types.js'
import type { StageContext, StageResult } from '../stage.js'
import { runUserCommand, type CommandResult } from '../train/command.js'
import { VERSION } from '../version.js'
import { selectArtifactFiles, type ArtifactSelection } from './files.js'
import { hashFile } from '../file-info.js'
import { attestArtifact, type AttestationReport, type StagedManifest } from './attest.js'
import { buildManifest, verifyArtifactFolder, type Manifest } from './manifest.js'
import { scanModelFiles } from './scan/index.js'
import type { FileScan } from './scan/types.js'
import { sealFiles, stageArtifact, writeManifest, writeReport } from './staging.js'
import { plural } from '../words.js'

/** What the earlier stages found: the manifest records it. */
export interface ArtifactInputs {
  /** The commit being tested (outside GitHub, the manifest's git fields come from it). */
  workingTree?: WorkingTree | null
  validation: ValidationResult
  subset: SubsetResult
  training: CommandResult
  loss: LossResult
  /** For a later comparison: the dataset's profile (in the manifest) and ml-smoke-report.json's text. */
  profile?: DataProfile
  record?: (artifact: ArtifactReport) => string
}

/** A file's scan, under the name it has in the artifact. */
export type ArtifactScan = FileScan & { file: string }

export interface ArtifactReport {
  name: string
  selection?: ArtifactSelection
  scans?: ArtifactScan[]
  verifyCommand?: CommandResult
  manifestPath?: string
  attestation?: AttestationReport
  upload?: UploadedArtifact
}

type ArtifactResult = StageResult<{ artifact: ArtifactReport }>

function failure(artifact: ArtifactReport, message: string): ArtifactResult {
  return { status: 'failed', message, data: { artifact } }
}

/** The files artifact-path names, or why they cannot be uploaded (no match, empty, too small). */
async function select(context: StageContext): Promise<ArtifactSelection> {
  const { config, folders, ports } = context
  const selection = await selectArtifactFiles(config.artifactPath, {
    baseDirectory: config.workingDirectory,
    allowedRoots: [config.workspace, folders.outputDirectory],
    outputDirectory: folders.outputDirectory,
    ifNoFilesFound: config.ifNoFilesFound,
    includeHiddenFiles: config.includeHiddenFiles
  })
  for (const warning of selection.warnings) ports.logger.warning(warning)
  const minBytes = config.minArtifactBytes
  if (minBytes !== undefined && selection.files.length && selection.totalBytes < minBytes) {
    selection.failures.push(
      `the artifact files total ${selection.totalBytes} bytes, less than min-artifact-bytes ${minBytes}`
    )
  }
  return selection
}

/** Where in the file a finding is: "data.pkl, byte 41". */
function where(finding: FileScan['findings'][number]): string {
  const at = [finding.entry, finding.offset !== undefined ? `byte ${finding.offset}` : undefined]
  return at.filter(Boolean).join(', ')
}

/** One line per unsafe or invalid finding: what is wrong, in which file, and where. */
export function scanProblems(scans: ArtifactScan[], severity: 'unsafe' | 'invalid'): string[] {
  return scans.flatMap(scan =>
    scan.findings
      .filter(finding => finding.severity === severity)
      .map(finding => {
        const at = where(finding)
        return `${scan.file} (${scan.format}${at ? `, ${at}` : ''}): ${finding.message}`
      })
  )
}

/**
 * Scans every file as its loader would read it. A broken file fails the stage; an unsafe one too, unless
 * unsafe-models is warn. Returns why the stage fails, or null.
 */
async function scan(
  context: StageContext,
  artifact: ArtifactReport,
  selection: ArtifactSelection
): Promise<string | null> {
  const { config, ports } = context
  const report = await scanModelFiles(
    selection.files.map(file => ({ path: file.path, name: file.name })),
    {
      allowGlobals: config.allowGlobals,
      scanTensorValues: config.scanTensorValues,
      limits: { maxFileBytes: config.maxScanBytes }
    }
  )
  const scans = report.files.map((file, index) => ({ ...file, file: selection.files[index].name }))
  artifact.scans = scans
  for (const file of scans)
    for (const finding of file.findings.filter(f => f.severity === 'warning'))
      ports.logger.warning(`${file.file}: ${finding.message}`)
  const invalid = scanProblems(scans, 'invalid')
  const unsafe = scanProblems(scans, 'unsafe')
  if (unsafe.length && config.unsafeModels === 'warn')
    for (const problem of unsafe) ports.logger.warning(`unsafe model file: ${problem}`)
  const failures = [...invalid, ...(config.unsafeModels === 'fail' ? unsafe : [])]
  if (!failures.length) return null
  const hint = unsafe.length && config.unsafeModels === 'fail' ? UNSAFE_HINT : ''
  return `${failures.join('; ')}${hint}`
}

const UNSAFE_HINT =
  '. Save weights only (torch.save(model.state_dict()), safetensors, ONNX), or name the classes your checkpoint needs in allow-globals'

/** The provenance manifest: the data, the subset, the training run, the loss and every file's hash. */
async function manifestOf(
  context: StageContext,
  inputs: ArtifactInputs,
  selection: ArtifactSelection,
  report?: string
): Promise<Manifest> {
  const { config, ports } = context
  const labels = dataLabels(config)
  const dataset = await trainingDataset(config)
  const { verdict, reason, source, format, key, points, first, last, min, drop } = lossSummary(
    inputs.loss
  )
  const manifest = await buildManifest({
    env: ports.env,
    workingTree: inputs.workingTree ?? null,
    version: VERSION,
    now: new Date(ports.clock.now()),
    dataset: {
      path: labels.dataset,
      file: dataset.files,
      names: dataset.names,
      rows: inputs.validation.rows,
      violations: inputs.validation.violationCount,
      profile: inputs.profile
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
    artifact: { name: config.artifactName, files: selection.files },
    report
  })
  return manifest
}

/**
 * The manifest written beside the staged files, hashed as it will be attested and uploaded; with the
 * run's report for later comparisons (ml-smoke-report.json, whose hash the manifest holds) in `beside`.
 */
async function writeStagedManifest(
  context: StageContext,
  inputs: ArtifactInputs,
  selection: ArtifactSelection,
  report?: string
): Promise<StagedManifest & { path: string; beside: string[] }> {
  const folder = context.folders.artifactDirectory
  const manifest = await manifestOf(context, inputs, selection, report)
  const text = `${JSON.stringify(manifest, null, 2)}\n`
  const manifestPath = await writeManifest(folder, text)
  const beside = report === undefined ? [] : [await writeReport(folder, report)]
  const { sha256 } = await hashFile(manifestPath)
  return { manifest, text, sha256, path: manifestPath, beside }
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

/** artifact-verify-command on the selected files, staged as the artifact will hold them; why it failed, or null. */
async function runVerifyCommand(
  context: StageContext,
  inputs: Pick<ArtifactInputs, 'subset'>,
  artifact: ArtifactReport,
  selection: ArtifactSelection
): Promise<string | null> {
  const { config, folders } = context
  await stageArtifact(folders.artifactDirectory, selection.files)
  const { result, failure } = await runUserCommand(
    { ...context, subset: inputs.subset },
    {
      command: config.artifactVerifyCommand!,
      title: 'Artifact check',
      option: 'artifact-verify-command',
      env: { ML_SMOKE_ARTIFACT_DIR: folders.artifactDirectory }
    }
  )
  artifact.verifyCommand = result
  return failure && `${failure}: ${result.tail.slice(-3).join(' | ')}`
}

function uploadedMessage(artifact: ArtifactReport, selection: ArtifactSelection): string {
  const count = selection.files.length
  const risky = (artifact.scans ?? []).filter(scan => scan.verdict !== 'ok')
  const noted = risky.length
    ? `; ${risky.map(scan => `${scan.file} ${scan.verdict}`).join(', ')}`
    : ''
  return `${plural(count, 'file')} (${selection.totalBytes} bytes) and the provenance manifest in artifact "${artifact.name}"${noted}`
}

function hasVerifyCommand(config: Config): boolean {
  return config.artifactVerifyCommand !== undefined
}

/**
 * Selects the model files, runs artifact-verify-command on them, and scans each as its loader would read
 * it: a broken or unsafe file fails here, before any later command loads it.
 */
export async function modelStage(
  context: StageContext,
  inputs: Pick<ArtifactInputs, 'subset'>
): Promise<ArtifactResult> {
  const { config } = context
  const artifact: ArtifactReport = { name: config.artifactName }
  const failed = (message: string): ArtifactResult => failure(artifact, message)
  let selection = (artifact.selection = await select(context))
  if (selection.failures.length) return failed(selection.failures.join('; '))
  if (selection.files.length && hasVerifyCommand(config)) {
    const failure = await runVerifyCommand(context, inputs, artifact, selection)
    if (failure) return failed(failure)
    selection = artifact.selection = await select(context)
    if (selection.failures.length) return failed(selection.failures.join('; '))
  }
  const unsafe = await scan(context, artifact, selection)
  if (unsafe) return failed(unsafe)
  const message = selection.files.length
    ? `${plural(selection.files.length, 'file')} (${selection.totalBytes} bytes): ${scanSummary(artifact)}`
    : 'no files to upload (if-no-files-found allows it)'
  return { status: 'passed', message, data: { artifact } }
}

function scanSummary(artifact: ArtifactReport): string {
  const flagged = (artifact.scans ?? []).filter(scan => scan.verdict !== 'ok')
  return flagged.length
    ? flagged.map(scan => `${scan.file} ${scan.verdict}`).join(', ')
    : 'every file scanned, none unsafe'
}

/**
 * The selected files copied into the artifact folder: from here on, what is scanned, hashed, attested
 * and uploaded is these copies, which no later write to the originals (a process the command left
 * running) can reach.
 */
async function copySelection(
  context: StageContext,
  selection: ArtifactSelection
): Promise<ArtifactSelection> {
  const folder = context.folders.artifactDirectory
  const copies = await stageArtifact(folder, selection.files, undefined, 'copy')
  await sealFiles(copies)
  return { ...selection, files: selection.files.map((file, i) => ({ ...file, path: copies[i] })) }
}

/** Why the staged bytes are no longer those hashed into the manifest, or null: checked right before the upload. */
async function changedSinceHashed(context: StageContext): Promise<string | null> {
  const { problems } = await verifyArtifactFolder(context.folders.artifactDirectory)
  if (!problems.length) return null
  return `the staged artifact changed after it was hashed (${problems.join('; ')}): something is still writing to it, so nothing was uploaded`
}

/**
 * After the last user command: selects the files again, copies them into the artifact folder, scans the
 * copies (a command may have changed the files), hashes them into the provenance manifest, attests
 * those digests (attest), checks the copies still match, and uploads them: nothing reaches the upload
 * unchecked, and what is uploaded is what was hashed and signed.
 */
export async function uploadStage(
  context: StageContext,
  inputs: ArtifactInputs & { artifact: ArtifactReport }
): Promise<ArtifactResult> {
  const folder = context.folders.artifactDirectory
  const artifact: ArtifactReport = { ...inputs.artifact }
  const failed = (message: string): ArtifactResult => failure(artifact, message)
  const selected = (artifact.selection = await select(context))
  if (selected.failures.length) return failed(selected.failures.join('; '))
  if (selected.files.length === 0) {
    const message = 'no files to upload (if-no-files-found allows it)'
    return { status: 'passed', message, data: { artifact } }
  }
  const selection = await copySelection(context, selected)
  const unsafe = await scan(context, artifact, selection)
  if (unsafe) return failed(unsafe)
  const record = inputs.record?.(artifact)
  const manifest = await writeStagedManifest(context, inputs, selection, record)
  artifact.manifestPath = manifest.path
  const attestation = (artifact.attestation = await attestArtifact(context, manifest, folder))
  if (attestation.status === 'failed')
    return failed(`attest: on, but attesting failed: ${attestation.reason}; nothing was uploaded`)
  const changed = await changedSinceHashed(context)
  if (changed) return failed(changed)
  const files = [...selection.files.map(file => file.path), manifest.path, ...manifest.beside]
  if (attestation.bundlePath) files.push(attestation.bundlePath)
  artifact.upload = await upload(context, files)
  return { status: 'passed', message: uploadedMessage(artifact, selection), data: { artifact } }
}
