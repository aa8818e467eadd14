import { createHash } from 'node:crypto'
import { lstat, readdir } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { dataProfileSchema, type DataProfile } from '../data/profile.js'
import { UserError } from '../errors.js'
import { hashFile, isInside, kindOfEntry, openRegularFile } from '../file-info.js'
import type { WorkingTree } from '../ports/types.js'

export const MANIFEST_NAME = 'ml-smoke-manifest.json'
/** The Sigstore bundles of the artifact's attestations, one JSON bundle a line (`gh attestation verify --bundle` reads it). */
export const ATTESTATIONS_NAME = 'ml-smoke-attestations.jsonl'
/** 2 added dataset.profile and report (both optional); version 1 manifests still read. */
export const MANIFEST_SCHEMA_VERSION = 2
/** The run's figures for a later comparison, beside the manifest (which lists its hash). */
export const REPORT_NAME = 'ml-smoke-report.json'
/** A manifest lists a model's files: a few kilobytes. A larger file is not one ml-smoke wrote. */
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024

const fileEntry = z.object({
  path: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/)
})

/** The provenance of an uploaded model: where it came from and what each file hashes to. */
export const manifestSchema = z.object({
  schemaVersion: z.union([z.literal(1), z.literal(MANIFEST_SCHEMA_VERSION)]),
  tool: z.object({ name: z.literal('ml-smoke'), version: z.string() }),
  createdAt: z.string(),
  git: z.object({
    repository: z.string().nullable(),
    sha: z.string().nullable(),
    ref: z.string().nullable(),
    runId: z.string().nullable(),
    runAttempt: z.string().nullable(),
    workflow: z.string().nullable(),
    job: z.string().nullable(),
    /** Whether tracked files differed from the commit (absent in manifests before it was recorded). */
    dirty: z.boolean().nullable().optional()
  }),
  dataset: z.object({
    path: z.string(),
    bytes: z.number(),
    sha256: z.string(),
    rows: z.number(),
    violations: z.number(),
    /** A bounded sample's summary per column, for drift against a baseline (version 2). */
    profile: dataProfileSchema.optional(),
    /** A dataset of several files: each one (sha256 is then that of this list, as sha256sum prints it). */
    files: z.array(fileEntry).optional()
  }),
  schema: z.object({ path: z.string(), sha256: z.string() }),
  subset: z.object({
    strategy: z.string(),
    seed: z.number(),
    rows: z.number(),
    sha256: z.string()
  }),
  training: z.object({
    command: z.string(),
    exitCode: z.number().nullable(),
    durationMs: z.number()
  }),
  loss: z.object({
    verdict: z.string(),
    reason: z.string(),
    source: z.string().nullable(),
    format: z.string().nullable(),
    key: z.string().nullable(),
    points: z.number(),
    first: z.number().nullable(),
    last: z.number().nullable(),
    min: z.number().nullable(),
    drop: z.number().nullable()
  }),
  artifact: z.object({ name: z.string(), files: z.array(fileEntry) }),
  /** ml-smoke-report.json (version 2). */
  report: fileEntry.optional()
})

export type Manifest = z.infer<typeof manifestSchema>

/** Where the model came from: GitHub's run when there is one, else the local repository's commit. */
export function gitProvenance(
  env: NodeJS.ProcessEnv,
  tree: WorkingTree | null = null
): Manifest['git'] {
  const value = (name: string): string | null => env[name] || null
  return {
    repository: value('GITHUB_REPOSITORY'),
    sha: value('GITHUB_SHA') ?? tree?.commit ?? null,
    ref: value('GITHUB_REF') ?? tree?.ref ?? null,
    dirty: tree?.dirty ?? null,
    runId: value('GITHUB_RUN_ID'),
    runAttempt: value('GITHUB_RUN_ATTEMPT'),
    workflow: value('GITHUB_WORKFLOW'),
    job: value('GITHUB_JOB')
  }
}

export interface Verification {
  manifest?: Manifest
  checked: number
  /** One line per problem: a missing file, a size or hash mismatch, an unreadable manifest. */
  problems: string[]
  /** Files in the folder the manifest does not list. */
  unlisted: string[]
}

async function listFiles(root: string, relative = ''): Promise<string[]> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true })
  const files: string[] = []
  for (const entry of entries) {
    const name = relative ? `${relative}/${entry.name}` : entry.name
    if (entry.isDirectory()) files.push(...(await listFiles(root, name)))
    else files.push(name)
  }
  return files
}

/**
 * Why a listed file cannot be read as itself, or null: a symbolic link anywhere on its path below the
 * folder (a downloaded artifact holds files; a link could read anything on the machine), or something
 * that is not a regular file. Missing is for the caller to say.
 */
async function notAFile(folder: string, relative: string): Promise<string | null> {
  const parts = relative.split('/')
  for (let k = 1; k <= parts.length; k++) {
    let info
    try {
      info = await lstat(path.join(folder, ...parts.slice(0, k)))
    } catch (error) {
      // Missing is for the caller (hashFile) to say; a name the system refuses is said here.
      const code = (error as NodeJS.ErrnoException).code
      return code === 'ENOENT' || code === 'ENOTDIR' ? null : `cannot be read (${code})`
    }
    const name = parts.slice(0, k).join('/')
    if (info.isSymbolicLink())
      return k === parts.length
        ? 'is a symbolic link; it is not followed'
        : `${name} is a symbolic link; it is not followed`
    if (k === parts.length && !info.isFile()) return `is ${kindOfEntry(info)}, not a file`
  }
  return null
}

/** The manifest's text, or why there is none to read. */
async function readManifest(folder: string): Promise<{ text: string } | { problem: string }> {
  const file = path.join(folder, MANIFEST_NAME)
  const info = await lstat(file).catch(() => null)
  if (!info)
    return {
      problem: `${MANIFEST_NAME} not found in ${folder}: was this artifact uploaded by ml-smoke?`
    }
  if (info.isSymbolicLink())
    return { problem: `${MANIFEST_NAME} is a symbolic link; it is not followed` }
  try {
    const handle = await openRegularFile(file, MANIFEST_NAME, { noFollow: true })
    try {
      const { size } = await handle.stat()
      if (size > MAX_MANIFEST_BYTES)
        return {
          problem: `${MANIFEST_NAME} is ${(size / 2 ** 20).toFixed(0)} MiB; a manifest ml-smoke writes is a few kilobytes`
        }
      return { text: await handle.readFile('utf8') }
    } finally {
      await handle.close()
    }
  } catch (error) {
    if (error instanceof UserError) return { problem: error.message }
    throw error
  }
}

/**
 * Recomputes every listed file's size and sha256 in `folder` against its ml-smoke-manifest.json. Only
 * regular files below the folder are read: a symbolic link, a path outside the folder, a FIFO or a
 * device is a problem named by its path, never followed or read.
 */
export async function verifyArtifactFolder(folder: string): Promise<Verification> {
  const read = await readManifest(folder)
  if ('problem' in read) return { checked: 0, problems: [read.problem], unlisted: [] }
  let parsed: unknown
  try {
    parsed = JSON.parse(read.text)
  } catch (cause) {
    return {
      checked: 0,
      problems: [`${MANIFEST_NAME} is not valid JSON: ${(cause as Error).message}`],
      unlisted: []
    }
  }
  const result = manifestSchema.safeParse(parsed)
  if (!result.success) {
    const issue = result.error.issues[0]
    return {
      checked: 0,
      problems: [`${MANIFEST_NAME}: ${issue.path.join('.')}: ${issue.message}`],
      unlisted: []
    }
  }
  const manifest = result.data
  const problems: string[] = []
  const entries = [...manifest.artifact.files, ...(manifest.report ? [manifest.report] : [])]
  for (const entry of entries) {
    const file = path.join(folder, entry.path)
    if (!isInside(file, folder)) {
      problems.push(`${entry.path}: points outside the artifact folder`)
      continue
    }
    const refused = await notAFile(folder, path.relative(folder, file).split(path.sep).join('/'))
    if (refused) {
      problems.push(`${entry.path}: ${refused}`)
      continue
    }
    let actual
    try {
      actual = await hashFile(file, { noFollow: true, label: entry.path })
    } catch (error) {
      if (!(error instanceof UserError)) throw error
      problems.push(
        error.message.endsWith(': not found') ? `${entry.path}: missing` : error.message
      )
      continue
    }
    if (actual.bytes !== entry.bytes)
      problems.push(`${entry.path}: ${actual.bytes} bytes, the manifest says ${entry.bytes}`)
    else if (actual.sha256 !== entry.sha256)
      problems.push(
        `${entry.path}: sha256 ${actual.sha256.slice(0, 12)}…, the manifest says ${entry.sha256.slice(0, 12)}…`
      )
  }
  const listed = new Set([MANIFEST_NAME, ATTESTATIONS_NAME, ...entries.map(entry => entry.path)])
  const unlisted = (await listFiles(folder)).filter(file => !listed.has(file))
  return { manifest, checked: manifest.artifact.files.length, problems, unlisted }
}

export interface ManifestInputs {
  env: NodeJS.ProcessEnv
  workingTree?: WorkingTree | null
  dataset: {
    path: string
    rows: number
    violations: number
    /** The file, or a dataset's files (with their names as shown in `names`). */
    file: string | string[]
    names?: string[]
    profile?: DataProfile
  }
  schema: { path: string; file: string }
  subset: { strategy: string; seed: number; rows: number; sha256: string }
  training: { command: string; exitCode: number | null; durationMs: number }
  loss: Manifest['loss']
  artifact: { name: string; files: Array<{ name: string; path: string }> }
  /** ml-smoke-report.json's text, when the run writes one. */
  report?: string
  version: string
  now: Date
}

/**
 * A dataset's hash and size: a file's own, or for several files, the hash of their list as `sha256sum`
 * prints it (`<sha256>  <name>` lines, in the dataset's order), with every file listed.
 */
async function hashDataset(
  file: string | string[],
  names: string[] = []
): Promise<{ sha256: string; bytes: number; files?: Array<z.infer<typeof fileEntry>> }> {
  if (typeof file === 'string' || file.length === 1) return hashFile([file].flat()[0])
  const files = []
  for (const [index, one] of file.entries())
    files.push({ path: names[index] ?? one, ...(await hashFile(one)) })
  const listing = files.map(entry => `${entry.sha256}  ${entry.path}\n`).join('')
  return {
    sha256: createHash('sha256').update(listing).digest('hex'),
    bytes: files.reduce((sum, entry) => sum + entry.bytes, 0),
    files
  }
}

export async function buildManifest(inputs: ManifestInputs): Promise<Manifest> {
  const dataset = await hashDataset(inputs.dataset.file, inputs.dataset.names)
  const schema = await hashFile(inputs.schema.file)
  const files = []
  for (const file of inputs.artifact.files) {
    const { sha256, bytes } = await hashFile(file.path)
    files.push({ path: file.name.split(path.sep).join('/'), bytes, sha256 })
  }
  return {
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    tool: { name: 'ml-smoke', version: inputs.version },
    createdAt: inputs.now.toISOString(),
    git: gitProvenance(inputs.env, inputs.workingTree),
    dataset: {
      path: inputs.dataset.path,
      bytes: dataset.bytes,
      sha256: dataset.sha256,
      rows: inputs.dataset.rows,
      violations: inputs.dataset.violations,
      ...(inputs.dataset.profile ? { profile: inputs.dataset.profile } : {}),
      ...(dataset.files ? { files: dataset.files } : {})
    },
    schema: { path: inputs.schema.path, sha256: schema.sha256 },
    subset: inputs.subset,
    training: inputs.training,
    loss: inputs.loss,
    artifact: { name: inputs.artifact.name, files },
    ...(inputs.report === undefined ? {} : { report: textEntry(REPORT_NAME, inputs.report) })
  }
}

function textEntry(name: string, text: string): z.infer<typeof fileEntry> {
  const bytes = Buffer.from(text)
  return {
    path: name,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex')
  }
}
