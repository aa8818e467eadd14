import type { ArtifactReport } from '../artifact/stage.js'
import type { ComparisonResult } from '../compare/stage.js'
import type { Config } from '../config.js'
import type { SplitsReport } from '../data/splits.js'
import type { ValidationResult } from '../data/validation-types.js'
import type { LossResult } from '../loss/verdict.js'
import type { PredictReport } from '../predict/types.js'
import type { PreflightFigures } from '../preflight/stage.js'
import type { SubsetResult } from '../sample/types.js'
import type { StageStatus } from '../stage.js'
import type { CommandResult } from '../train/command.js'
import type { CacheOutcome } from '../train/stage.js'

export type { StageStatus } from '../stage.js'

export const STAGE_ORDER = [
  'preflight',
  'validate',
  'sample',
  'train',
  'loss',
  'artifact',
  'predict',
  'upload',
  'compare'
] as const
export type StageName = (typeof STAGE_ORDER)[number]

export const STAGE_TITLES: Record<StageName, string> = {
  preflight: 'Pre-flight',
  validate: 'Data validation',
  sample: 'Subset',
  train: 'Smoke training',
  loss: 'Loss check',
  artifact: 'Model artifact',
  predict: 'Model API',
  upload: 'Upload',
  compare: 'Baseline'
}

export interface StageOutcome {
  name: StageName
  title: string
  status: StageStatus
  /** One line an engineer would accept as the reason. */
  message: string
  durationMs: number
}

/** What the stages found, each filled by the stage that found it. */
export interface StageFigures extends PreflightFigures {
  validation?: ValidationResult
  /** The splits compared (rows, class shares, label shift, leakage), when the data has splits. */
  splits?: SplitsReport
  /** The schema's label column (mlChecks.label.column), when it names one. */
  labelColumn?: string
  subset?: SubsetResult
  cache?: CacheOutcome
  /** setup-command's run, when there is one. */
  setup?: CommandResult
  training?: CommandResult
  loss?: LossResult
  artifact?: ArtifactReport
  /** The pull request against its baseline, when the compare stage ran. */
  comparison?: ComparisonResult
  /** What the model API stage found: the answers' violations, the score, the latency. */
  predict?: PredictReport
}

export interface RunReport extends StageFigures {
  config: Config
  /** The dataset and schema as the user named them, relative to the workspace. */
  labels: { dataset: string; schema: string }
  stages: StageOutcome[]
  outcome: Exclude<StageStatus, 'skipped'>
  /** The first stage that did not pass, in one line; or what every stage found. */
  headline: string
  /** The last lines of output of the command that failed, when one did. */
  failureTail?: string[]
}

/** Why the run failed, as setFailed and the CLI say it: the headline and the failed command's last lines. */
export function failureText(report: Pick<RunReport, 'headline' | 'failureTail'>): string {
  const tail = report.failureTail
  return tail?.length
    ? `${report.headline}\nLast ${tail.length} lines of output:\n${tail.join('\n')}`
    : report.headline
}
