import type { ArtifactSelection } from '../artifact/files.js'
import type { FormatReport } from '../artifact/formats/index.js'
import type { Config } from '../config.js'
import type { ValidationResult } from '../data/validation-types.js'
import type { LossResult } from '../loss/verdict.js'
import type { UploadedArtifact } from '../ports/types.js'
import type { SubsetResult } from '../sample/subset.js'
import type { TrainingResult } from '../train/train.js'

export type StageName = 'validate' | 'sample' | 'train' | 'loss' | 'artifact'

/** `error` is a problem with the input (exit 2); `failed` a check that did not pass (exit 1). */
export type StageStatus = 'passed' | 'failed' | 'inconclusive' | 'error' | 'skipped'

export interface StageOutcome {
  name: StageName
  title: string
  status: StageStatus
  /** One line an engineer would accept as the reason. */
  message: string
  durationMs: number
}

export interface RunReport {
  config: Config
  /** Paths as the user wrote them, relative to the workspace. */
  labels: { dataset: string; schema: string }
  stages: StageOutcome[]
  validation?: ValidationResult
  subset?: SubsetResult
  /** setup-command's run, when there is one. */
  setup?: TrainingResult
  cache?: { key: string; matchedKey?: string; hit: boolean; saved: boolean }
  training?: TrainingResult
  loss?: LossResult
  artifact?: {
    name: string
    selection?: ArtifactSelection
    checks?: Array<FormatReport & { file: string }>
    verifyCommand?: TrainingResult
    manifestPath?: string
    upload?: UploadedArtifact
  }
  outcome: Exclude<StageStatus, 'skipped'>
  /** The first stage that did not pass, in one line (what setFailed and the CLI print). */
  headline: string
}

export const STAGE_TITLES: Record<StageName, string> = {
  validate: 'Data validation',
  sample: 'Subset',
  train: 'Smoke training',
  loss: 'Loss check',
  artifact: 'Model artifact'
}

export const STAGE_ORDER: StageName[] = ['validate', 'sample', 'train', 'loss', 'artifact']
