import { stat } from 'node:fs/promises'
import path from 'node:path'
import { attestorProblem } from '../artifact/attest.js'
import type { Config } from '../config.js'
import { displayPath } from '../file-info.js'
import type { Ports, TrackedFile, WorkingTree } from '../ports/types.js'
import type { StageResult } from '../stage.js'

/** Model files, by extension; `.bin` is also anything else, so only a large one counts. */
const MODEL_EXTENSIONS = new Set([
  '.pkl',
  '.pickle',
  '.joblib',
  '.pt',
  '.pth',
  '.ckpt',
  '.h5',
  '.hdf5',
  '.keras',
  '.onnx',
  '.safetensors',
  '.npz',
  '.bin'
])
/** Smaller files are test fixtures, not models; a `.bin` must be larger still. */
export const COMMITTED_MODEL_MIN_BYTES = 100 * 1024
export const COMMITTED_BIN_MIN_BYTES = 1024 * 1024

export type CommittedModel = TrackedFile

export interface PreflightFigures {
  /** Model-like files committed to the repository (LFS-stored ones marked). */
  committedModels?: CommittedModel[]
  /** The commit being tested, for the manifest; null outside a git repository. */
  workingTree?: WorkingTree | null
}

function isModelLike(file: TrackedFile): boolean {
  const extension = path.extname(file.path).toLowerCase()
  if (!MODEL_EXTENSIONS.has(extension)) return false
  return file.bytes >= (extension === '.bin' ? COMMITTED_BIN_MIN_BYTES : COMMITTED_MODEL_MIN_BYTES)
}

/** Model files committed at HEAD, each marked when Git LFS stores it; undefined outside a repository. */
async function committedModels(
  ports: Pick<Ports, 'repository'>
): Promise<CommittedModel[] | undefined> {
  const tracked = await ports.repository.trackedFiles()
  if (!tracked) return undefined
  const models = tracked.filter(isModelLike)
  const lfs = await ports.repository.lfsTracked(models.map(model => model.path))
  return models.map(model => ({ ...model, lfs: lfs.has(model.path) }))
}

function committedMessage(models: CommittedModel[]): string {
  const inGit = models.filter(model => !model.lfs)
  const listed = inGit.slice(0, 3).map(model => model.path)
  const more = inGit.length > 3 ? ` and ${inGit.length - 3} more` : ''
  return `${inGit.length} model file${inGit.length === 1 ? ' is' : 's are'} committed to git (${listed.join(', ')}${more}): models are built by CI and shipped as artifacts; git rm --cached them and add them to .gitignore, or store them with Git LFS`
}

/**
 * What can be checked before anything runs, so no training minutes are spent on a run that cannot
 * finish: the working directory exists, the artifact name is free in this run, the run can attest when
 * attest is on, and no model file is committed to the repository (committed-models). Also notes the
 * commit being tested.
 */
export async function preflightStage(context: {
  config: Config
  ports: Pick<Ports, 'artifacts' | 'repository' | 'logger' | 'attestor'>
}): Promise<StageResult<PreflightFigures>> {
  const { config, ports } = context
  const info = await stat(config.workingDirectory).catch(() => null)
  if (!info?.isDirectory())
    return {
      status: 'error',
      message: `working-directory ${displayPath(config.workspace, config.workingDirectory)} is not a folder`
    }
  const data: PreflightFigures = { workingTree: await ports.repository.head() }
  if (!config.overwrite && (await ports.artifacts.exists(config.artifactName)))
    return {
      status: 'failed',
      message: `an artifact named "${config.artifactName}" already exists in this workflow run: every job of a run needs its own artifact-name (in a matrix e.g. model-\${{ matrix.python-version }}), or set overwrite: true`,
      data
    }
  const unattestable = config.attest === 'on' && (await attestorProblem(ports))
  if (unattestable) return { status: 'failed', message: `attest: on, but ${unattestable}`, data }
  const checks: string[] = [`artifact name "${config.artifactName}" is free`]
  if (config.committedModels !== 'off') {
    data.committedModels = await committedModels(ports)
    const inGit = (data.committedModels ?? []).filter(model => !model.lfs)
    if (inGit.length) {
      const message = committedMessage(data.committedModels!)
      if (config.committedModels === 'fail') return { status: 'failed', message, data }
      ports.logger.warning(message)
      checks.push(message)
    } else checks.push(data.committedModels ? 'no model files in git' : 'not a git repository')
  }
  return { status: 'passed', message: checks.join('; '), data }
}
