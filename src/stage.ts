// The contract between the pipeline and its stages: each stage folder has one front door that takes a
// typed context and returns a StageResult, with the figures it found and its own wording.
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import type { Config } from './config.js'
import type { Ports } from './ports/types.js'

/** `error`: the input could not be used (exit 2); `failed`: a check did not pass (exit 1). */
export type StageStatus = 'passed' | 'failed' | 'inconclusive' | 'error' | 'skipped'

/**
 * A stage's verdict in one line an engineer would accept as the reason, and its figures: all of them
 * when it passed (the next stages build on them), what it got to otherwise. `tail` is command output
 * worth quoting when the step fails. An optional stage nobody configured is `skipped`, saying why, and
 * the run goes on.
 */
export type StageResult<Passed, Partial = Passed> =
  | { status: 'passed' | 'skipped'; message: string; data: Passed }
  | {
      status: 'failed' | 'inconclusive' | 'error'
      message: string
      data?: Partial
      tail?: string[]
    }

/** The result of a stage whose figures come back whatever its verdict (validation, the loss check). */
export interface StageVerdict<Data> {
  status: Exclude<StageStatus, 'skipped'>
  message: string
  data: Data
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

/** Empties what an earlier run in the same folder left, and makes the folders the command writes to. */
export async function prepareRunFolders(folders: RunFolders): Promise<void> {
  await rm(folders.subsetDirectory, { recursive: true, force: true })
  await rm(folders.outputDirectory, { recursive: true, force: true })
  await rm(folders.metricsFile, { force: true })
  await mkdir(folders.outputDirectory, { recursive: true })
  await mkdir(path.dirname(folders.metricsFile), { recursive: true })
}

/** What every stage of a run may read: the configuration, the ports and the run's folders. */
export interface StageContext {
  config: Config
  ports: Ports
  folders: RunFolders
}

/**
 * What the Model API stage will do for an inconclusive loss check: `settles` it (it scores held-out rows
 * against chance), is `absent` (no predict-command or serve-command: the loss check says one would settle
 * it), or runs `unscored` (no label, min-predict-score off, or on-inconclusive warn).
 */
export type HeldOutRows = 'settles' | 'absent' | 'unscored'
