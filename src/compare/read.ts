import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { z } from 'zod'
import { MANIFEST_NAME, manifestSchema, REPORT_NAME } from '../artifact/manifest.js'
import { UserError } from '../errors.js'
import type { RunSide } from './compare.js'
import { runRecordSchema } from './record.js'

/** Files over this are not read as a manifest or report (the profile is ≤ 100 KB, the report smaller). */
const MAX_BYTES = 2 * 1024 * 1024

async function readJson(file: string): Promise<unknown> {
  const info = await stat(file).catch(() => null)
  if (!info) throw new UserError(`${path.basename(file)} not found in ${path.dirname(file)}`)
  if (info.size > MAX_BYTES)
    throw new UserError(`${file}: ${info.size} bytes, more than a run's report`)
  try {
    return JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new UserError(`${file}: not valid JSON: ${(error as Error).message}`)
  }
}

function parsed<S extends z.ZodType>(schema: S, value: unknown, file: string): z.output<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const [issue] = result.error.issues
  throw new UserError(
    `${file}: ${issue.path.join('.')}: ${issue.message} (written by another ml-smoke version?)`
  )
}

/**
 * A run's manifest and report from an artifact's folder, or from the path of either file in it. A
 * manifest of version 1 has no report: the comparison then uses what the manifest holds.
 */
export async function readRunSide(target: string): Promise<RunSide> {
  const info = await stat(target).catch(() => null)
  if (!info) throw new UserError(`not found: ${target}`)
  const folder = info.isDirectory() ? target : path.dirname(target)
  const manifestFile = path.join(folder, MANIFEST_NAME)
  const manifest = parsed(manifestSchema, await readJson(manifestFile), manifestFile)
  if (!manifest.report) return { manifest }
  const reportFile = path.join(folder, REPORT_NAME)
  return { manifest, record: parsed(runRecordSchema, await readJson(reportFile), reportFile) }
}
