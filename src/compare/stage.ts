// The comparison stage's front door: after the upload, the run against its baseline (the last green
// run of the base branch), failing on a regression when on-regression is fail.
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import type { ArtifactReport } from '../artifact/stage.js'
import { describeError } from '../errors.js'
import type { BaselineFound } from '../ports/types.js'
import type { StageContext, StageResult } from '../stage.js'
import { percent } from '../words.js'
import { compareRuns, format, type Comparison } from './compare.js'
import { readRunSide } from './read.js'

export interface ComparisonResult {
  baseline?: BaselineFound
  /** Why nothing was compared: no baseline found, or one that could not be read. */
  note?: string
  comparison?: Comparison
}

type CompareResult = StageResult<{ comparison: ComparisonResult }>

/** "run 123 (main @ abc1234)" */
export function baselineLabel(baseline: BaselineFound): string {
  const branch = baseline.branch ? `${baseline.branch} @ ` : ''
  return `run ${baseline.runId} (${branch}${baseline.sha.slice(0, 7)})`
}

/** The comparison in one line: the loss delta, the drift, and what changed. */
function comparedMessage(baseline: BaselineFound, comparison: Comparison): string {
  const parts = [`against ${baselineLabel(baseline)}`]
  const loss = comparison.loss
  if (loss)
    parts.push(
      `final loss ${loss.delta >= 0 ? '+' : ''}${percent(loss.delta)} (${format(loss.base)} → ${format(loss.head)})`
    )
  const drift = comparison.data.drift
  if (drift) {
    const drifted = drift.columns.filter(column => column.level === 'drifted').length
    parts.push(
      drifted ? `${drifted} of ${drift.columns.length} columns drifted` : 'no column drifted'
    )
  }
  if (comparison.regressions.length) parts.push(`regression: ${comparison.regressions.join('; ')}`)
  return parts.join('; ')
}

/** Compares the uploaded run (its manifest and report, in the artifact folder) with the baseline. */
export async function compareStage(
  context: StageContext,
  inputs: { artifact: ArtifactReport }
): Promise<CompareResult> {
  const { config, folders, ports } = context
  if (!inputs.artifact.manifestPath) {
    const note = 'nothing was uploaded (if-no-files-found allows it)'
    return { status: 'passed', message: `not compared: ${note}`, data: { comparison: { note } } }
  }
  const head = await readRunSide(folders.artifactDirectory)
  const folder = path.join(folders.root, 'baseline')
  await rm(folder, { recursive: true, force: true })
  await mkdir(folder, { recursive: true })
  const fetched = await ports.baseline!.fetch(folder)
  if (!fetched.found) {
    const message = `not compared: ${fetched.note}`
    return { status: 'passed', message, data: { comparison: { note: fetched.note } } }
  }
  let base
  try {
    base = await readRunSide(folder)
  } catch (error) {
    const note = `the baseline ${baselineLabel(fetched)} could not be read: ${describeError(error)}`
    return { status: 'passed', message: `not compared: ${note}`, data: { comparison: { note } } }
  }
  const comparison = compareRuns(base, head, config)
  for (const change of comparison.changed)
    ports.logger.warning(`compared with the baseline although ${change}`)
  const data = { comparison: { baseline: fetched, comparison } }
  const message = comparedMessage(fetched, comparison)
  if (!comparison.regressions.length || config.onRegression === 'warn') {
    for (const regression of comparison.regressions) ports.logger.warning(regression)
    return { status: 'passed', message, data }
  }
  return { status: 'failed', message, data }
}
