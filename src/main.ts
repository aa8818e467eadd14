import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import { verifyArtifact } from './artifact/verify.js'
import { installCancelHandler, undoOnCancel } from './cancel.js'
import { actionRequestFromInputs } from './config.js'
import { describeError, UserError } from './errors.js'
import { runPipeline } from './pipeline.js'
import { GitHubCacheStore } from './ports/cache.js'
import { GitRepository } from './ports/git.js'
import { actionLogger, GitHubArtifactStore } from './ports/github.js'
import { ProcessRunner } from './ports/process-runner.js'
import { systemClock, type Ports } from './ports/types.js'
import {
  committedModelAnnotations,
  modelAnnotations,
  pickAnnotations,
  predictAnnotations
} from './report/annotations.js'
import { reportOutputs } from './report/outputs.js'
import { describePosition } from './report/position.js'
import { renderSummary } from './report/summary.js'
import { failureText, type RunReport } from './report/types.js'
import { renderVerification, verificationHeadline } from './report/verification.js'
import { runFolders } from './stage.js'
import { dataWorkerBeside } from './worker/client.js'

async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary.addRaw(markdown).write()
}

/** Turns the report into what GitHub shows: outputs, annotations on the data file, the job summary. */
async function publish(report: RunReport): Promise<void> {
  for (const [name, value] of Object.entries(reportOutputs(report))) core.setOutput(name, value)
  for (const violation of pickAnnotations(report.validation?.violations ?? [])) {
    const where = violation.line === undefined ? ` (${describePosition(violation)})` : ''
    core.error(`${violation.message}${where}`, {
      title: `ml-smoke: ${violation.code}${violation.field ? ` in "${violation.field}"` : ''}`,
      file: report.labels.dataset,
      startLine: violation.line
    })
  }
  for (const { level, message, ...properties } of [
    ...committedModelAnnotations(report),
    ...modelAnnotations(report),
    ...predictAnnotations(report)
  ]) {
    if (level === 'error') core.error(message, properties)
    else core.warning(message, properties)
  }
  await writeSummary(renderSummary(report))
}

/** The action's side effects: GitHub's artifact and cache services, child processes, the data worker. */
function actionPorts(): Ports {
  return {
    runner: new ProcessRunner(),
    artifacts: new GitHubArtifactStore(process.env),
    cache: new GitHubCacheStore(actionLogger),
    logger: actionLogger,
    clock: systemClock,
    worker: dataWorkerBeside(import.meta.url),
    repository: new GitRepository(process.env.GITHUB_WORKSPACE || process.cwd()),
    env: process.env
  }
}

/** A later job: download the artifact (unless it is already there) and check it against its manifest. */
async function verifyOnly(artifactName: string, folder: string): Promise<string | null> {
  const store = new GitHubArtifactStore(process.env)
  const report = await verifyArtifact({ folder, download: { name: artifactName, store } })
  const { verification } = report
  core.setOutput('download-path', folder)
  core.setOutput('manifest-path', report.manifestPath)
  core.setOutput('verified-files', String(verification.checked))
  for (const file of verification.unlisted)
    core.warning(`${file} is in the artifact but not in its manifest`)
  await writeSummary(renderVerification(verification, folder))
  const headline = verificationHeadline(verification)
  core.info(headline)
  return verification.problems.length ? headline : null
}

/** Runs the whole action and returns why the step fails, or null when it passes. */
async function runAction(): Promise<string | null> {
  try {
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    const request = actionRequestFromInputs(name => core.getInput(name), workspace)
    if (request.mode === 'verify-only')
      return await verifyOnly(request.artifactName, request.verifyPath)
    const root = await mkdtemp(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'ml-smoke-'))
    const report = await undoOnCancel(
      () => rm(root, { recursive: true, force: true }),
      () => runPipeline(request.config, actionPorts(), runFolders(root))
    )
    await publish(report)
    return report.outcome === 'passed' ? null : failureText(report)
  } catch (error) {
    if (!(error instanceof UserError)) core.debug((error as Error)?.stack ?? String(error))
    const message = describeError(error)
    await writeSummary(`## ml-smoke ⛔ could not run\n\n${message}\n`).catch(() => undefined)
    return message
  }
}

/** The action's entry: the only place that fails the step. */
export async function run(): Promise<void> {
  installCancelHandler(message => core.error(message))
  const failure = await runAction()
  if (failure !== null) core.setFailed(failure)
}
