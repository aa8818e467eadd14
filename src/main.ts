import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import { verifyArtifact } from './artifact/verify.js'
import { installCancelHandler, undoOnCancel } from './cancel.js'
import { runSigner } from './attest/identity.js'
import { actionRequestFromInputs, type ActionRequest } from './config.js'
import { displayPath } from './file-info.js'
import { describeError, UserError } from './errors.js'
import { runPipeline } from './pipeline.js'
import { GitHubCacheStore } from './ports/cache.js'
import { GitRepository } from './ports/git.js'
import { GitHubAttestor } from './ports/attest.js'
import { actionLogger, GitHubArtifactStore } from './ports/github.js'
import { ProcessRunner } from './ports/process-runner.js'
import { systemClock, type Logger, type Ports } from './ports/types.js'
import { ANNOTATIONS_PER_LEVEL, hiddenNote, withinBudget, type Planned } from './report/budget.js'
import { afterRun, commentFromRun, pullRequestSide, type AfterRun } from './comment/action.js'
import { comparisonAnnotations, comparisonOutputs } from './compare/outputs.js'
import {
  committedModelAnnotations,
  modelAnnotations,
  pickAnnotations,
  predictAnnotations,
  splitAnnotations
} from './report/annotations.js'
import { reportOutputs } from './report/outputs.js'
import { describePosition } from './report/position.js'
import { renderSummary } from './report/summary.js'
import { failureText, type RunReport } from './report/types.js'
import { renderVerification, verificationHeadline } from './report/verification.js'
import { table } from './report/markdown.js'
import { runFolders } from './stage.js'
import { codeSpan, markdownText } from './untrusted.js'
import { downloadShardStates, planStage, uploadShardState } from './data/shards/stage.js'
import { dataWorkerBeside } from './worker/client.js'
import { holdYoungGeneration } from './worker/heap.js'

async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary.addRaw(markdown).write()
}

type AnnotationProperties = Parameters<typeof core.error>[1]

/**
 * Every annotation the report warrants, most useful first: data (the `slots` violations
 * pickAnnotations ranks highest), models, the comparison.
 */
function plannedAnnotations(
  report: RunReport,
  slots: number
): Array<Planned<AnnotationProperties>> {
  const planned: Array<Planned<AnnotationProperties>> = []
  for (const violation of pickAnnotations(report.validation?.violations ?? [], slots)) {
    const where = violation.line === undefined ? ` (${describePosition(violation)})` : ''
    planned.push({
      level: 'error',
      message: `${violation.message}${where}`,
      properties: {
        title: `ml-smoke: ${violation.code}${violation.field ? ` in "${violation.field}"` : ''}`,
        file: violation.file ?? report.labels.dataset,
        startLine: violation.line
      }
    })
  }
  for (const { level, message, ...properties } of [
    ...splitAnnotations(report),
    ...committedModelAnnotations(report),
    ...modelAnnotations(report),
    ...predictAnnotations(report),
    ...comparisonAnnotations(report)
  ])
    planned.push({ level, message, properties })
  return planned
}

/**
 * Turns the report into what GitHub shows: outputs, annotations (within GitHub's 10 errors and 10
 * warnings per step, the rest counted in the summary), the job summary.
 */
async function publish(report: RunReport, after: AfterRun = { outputs: {}, notes: [] }) {
  const outputs = { ...reportOutputs(report), ...comparisonOutputs(report), ...after.outputs }
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
  const used = { error: report.outcome === 'passed' ? 0 : 1, warning: warnings.count }
  const slots = Math.max(0, ANNOTATIONS_PER_LEVEL - used.error)
  const { shown, hidden } = withinBudget(plannedAnnotations(report, slots), used)
  // Violations past the slots were never planned: they are not annotated either.
  hidden.error += Math.max(0, (report.validation?.violationCount ?? 0) - slots)
  for (const { level, message, properties } of shown)
    if (level === 'error') core.error(message, properties)
    else core.warning(message, properties)
  const hiddenLine = hiddenNote(hidden)
  await writeSummary(renderSummary(report, [...after.notes, ...(hiddenLine ? [hiddenLine] : [])]))
}

/** The runner's log, counting the warnings it shows (each is an annotation of this step). */
const warnings = { count: 0 }
const countingLogger: Logger = {
  ...actionLogger,
  warning: message => {
    warnings.count++
    actionLogger.warning(message)
  }
}

/** The action's side effects: GitHub's artifact and cache services, child processes, the data worker. */
function actionPorts(): Ports {
  return {
    runner: new ProcessRunner(),
    artifacts: new GitHubArtifactStore(process.env),
    cache: new GitHubCacheStore(actionLogger),
    logger: countingLogger,
    clock: systemClock,
    worker: dataWorkerBeside(import.meta.url),
    repository: new GitRepository(process.env.GITHUB_WORKSPACE || process.cwd()),
    env: process.env,
    attestor: new GitHubAttestor(process.env, core.getInput('github-token'))
  }
}

type VerifyOnly = Extract<ActionRequest, { mode: 'verify-only' }>

/**
 * A later job: download the artifact into an empty folder (or take verify-local-path as it is), check
 * it against its manifest and its attestations offline, the signer being a workflow of this repository
 * (for a download: this very run).
 */
async function verifyOnly(request: VerifyOnly, workspace: string): Promise<string | null> {
  const folder = request.localPath ?? request.verifyPath
  const download = request.localPath
    ? undefined
    : { name: request.artifactName, store: new GitHubArtifactStore(process.env) }
  const { trustedRoot } = request
  const report = await verifyArtifact({
    folder,
    download,
    attestation: {
      mode: request.attest,
      expected: runSigner(process.env, download !== undefined),
      ...(trustedRoot ? { trustedRoot, trustedRootLabel: displayPath(workspace, trustedRoot) } : {})
    }
  })
  const { verification, attestation } = report
  core.setOutput('download-path', folder)
  core.setOutput('manifest-path', report.manifestPath)
  core.setOutput('verified-files', String(verification.checked))
  if (attestation?.bundlePath) core.setOutput('bundle-path', attestation.bundlePath)
  for (const file of verification.unlisted)
    core.warning(`${file} is in the artifact but not in its manifest`)
  if (!attestation && request.attest === 'auto' && verification.manifest)
    core.notice(
      `artifact "${request.artifactName}" is not attested: its files match the manifest, which proves integrity, not origin`
    )
  await writeSummary(renderVerification(verification, folder, attestation))
  const headline = verificationHeadline(verification, attestation)
  core.info(headline)
  for (const command of attestation?.ghCommands ?? []) core.info(`  ${command}`)
  return verification.problems.length ? headline : null
}

/** Plans the shards: the matrix and the plan as outputs (`fromJSON(needs.plan.outputs.matrix)`). */
async function planMode(request: Extract<ActionRequest, { mode: 'plan' }>): Promise<null> {
  const worker = dataWorkerBeside(import.meta.url)
  const { message, data } = await planStage(
    { config: request.data, ports: { worker } },
    request.shards
  )
  core.setOutput('matrix', JSON.stringify(data.matrix))
  core.setOutput('plan', JSON.stringify(data.plan))
  // File names are the user's data: logged as text, never as workflow commands.
  countingLogger.info(message)
  const rows = data.matrix.include.map(entry => [
    codeSpan(entry.shard),
    markdownText(entry.parts, 2000)
  ])
  await writeSummary(
    `## ml-smoke plan\n\n${markdownText(message, 2000)}\n\n${table(['shard', 'parts'], rows)}\n`
  )
  return null
}

/** Validates one shard and uploads its state for the merge job; the merge gives the verdict. */
async function validateShardMode(
  request: Extract<ActionRequest, { mode: 'validate-shard' }>
): Promise<null> {
  const folder = await mkdtemp(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'ml-smoke-shard-'))
  const ports = {
    worker: dataWorkerBeside(import.meta.url),
    artifacts: new GitHubArtifactStore(process.env)
  }
  const { message, data } = await uploadShardState(
    { config: request.data, ports },
    { ...request, folder }
  )
  core.setOutput('state-artifact', data.artifact)
  countingLogger.info(message)
  await writeSummary(
    `## ml-smoke shard ${codeSpan(request.shard)}\n\n${markdownText(message, 2000)}\n`
  )
  return null
}

/** Runs the whole action and returns why the step fails, or null when it passes. */
async function runAction(): Promise<string | null> {
  try {
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    const request = actionRequestFromInputs(name => core.getInput(name), workspace)
    if (request.mode === 'verify-only') return await verifyOnly(request, workspace)
    if (request.mode === 'comment') {
      const posted = await commentFromRun(request.githubToken, process.env, countingLogger)
      core.setOutput('comment-url', posted.join('\n'))
      return null
    }
    if (request.mode === 'plan') return await planMode(request)
    if (request.mode === 'validate-shard') return await validateShardMode(request)
    const root = await mkdtemp(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'ml-smoke-'))
    const ports = actionPorts()
    const shardStates =
      request.mode === 'merge'
        ? await downloadShardStates(ports.artifacts, request.stateName, path.join(root, 'states'))
        : undefined
    const side = await pullRequestSide(
      request.config,
      request.githubToken,
      process.env,
      ports.logger
    )
    const report = await undoOnCancel(
      () => rm(root, { recursive: true, force: true }),
      () =>
        runPipeline(
          request.config,
          { ...ports, baseline: side.baseline },
          runFolders(root),
          shardStates
        )
    )
    await publish(report, await afterRun(report, side, { ...ports, env: process.env }))
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
  holdYoungGeneration()
  installCancelHandler(message => core.error(message))
  const failure = await runAction()
  if (failure !== null) core.setFailed(failure)
}
