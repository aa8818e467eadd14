import { readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { glob } from 'tinyglobby'
import { UserError } from '../errors.js'
import { isInside } from '../file-info.js'

export const IF_NO_FILES_FOUND = ['error', 'warn', 'ignore'] as const
export type IfNoFilesFound = (typeof IF_NO_FILES_FOUND)[number]

export interface ArtifactFile {
  path: string
  /** Path inside the artifact (relative to the root directory). */
  name: string
  size: number
}

export interface ArtifactSelection {
  rootDirectory: string
  files: ArtifactFile[]
  totalBytes: number
  /** Problems that fail the check: no match (with if-no-files-found: error), empty files. */
  failures: string[]
  warnings: string[]
}

export interface SelectOptions {
  /** Where relative patterns start (the working directory). */
  baseDirectory: string
  /** Files must really live (after resolving symlinks) under one of these. */
  allowedRoots: string[]
  /** Expanded when a pattern starts with $ML_SMOKE_OUTPUT_DIR or ${ML_SMOKE_OUTPUT_DIR}. */
  outputDirectory: string
  ifNoFilesFound: IfNoFilesFound
  includeHiddenFiles: boolean
}

const GLOB_CHARS = /[*?[\]{}!]/

/** Splits `a/b/*.pt` into the literal directory `a/b` and the glob `*.pt` below it. */
function splitPattern(pattern: string): { prefix: string; rest: string } {
  const parts = pattern.split('/')
  const index = parts.findIndex(part => GLOB_CHARS.test(part))
  if (index === -1) return { prefix: pattern, rest: '' }
  return { prefix: parts.slice(0, index).join('/') || '/', rest: parts.slice(index).join('/') }
}

function commonAncestor(directories: string[]): string {
  let common = directories[0].split(path.sep)
  for (const directory of directories.slice(1)) {
    const parts = directory.split(path.sep)
    let i = 0
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++
    common = common.slice(0, i)
  }
  return common.join(path.sep) || path.sep
}

async function statOrNull(file: string): Promise<Awaited<ReturnType<typeof stat>> | null> {
  try {
    return await stat(file)
  } catch {
    return null
  }
}

/** The files one `artifact-path` entry matches (a file, a folder's files, or a glob's), minus exclusions. */
async function matchEntry(
  absolute: string,
  excludes: string[],
  includeHiddenFiles: boolean
): Promise<{ matches: string[]; searchRoot: string }> {
  const { prefix, rest } = splitPattern(absolute)
  const prefixStat = await statOrNull(prefix)
  if (rest === '' && !prefixStat?.isDirectory())
    return { matches: prefixStat?.isFile() ? [prefix] : [], searchRoot: path.dirname(prefix) }
  const matches = await glob(rest || '**', {
    cwd: prefix,
    absolute: true,
    dot: includeHiddenFiles,
    onlyFiles: true,
    ignore: excludes.map(exclude => path.relative(prefix, exclude))
  })
  return { matches, searchRoot: prefix }
}

/**
 * Resolves `artifact-path` entries (one per line; `!pattern` excludes) to files, the way
 * actions/upload-artifact does: a directory means everything under it, and the archive root is the
 * deepest directory common to all entries. Every entry must match at least one file, no file may be
 * empty, and nothing may resolve outside the allowed roots.
 */
export async function selectArtifactFiles(
  patterns: string[],
  options: SelectOptions
): Promise<ArtifactSelection> {
  const resolve = (pattern: string): string =>
    path.resolve(
      options.baseDirectory,
      pattern.replace(/^\$\{?ML_SMOKE_OUTPUT_DIR\}?(?=\/|$)/, options.outputDirectory)
    )
  const excludes = patterns.filter(p => p.startsWith('!')).map(p => resolve(p.slice(1)))
  const roots = await Promise.all(
    options.allowedRoots.map(root => realpath(root).catch(() => path.resolve(root)))
  )
  const selection: ArtifactSelection = {
    rootDirectory: options.baseDirectory,
    files: [],
    totalBytes: 0,
    failures: [],
    warnings: []
  }
  const found = new Map<string, number>()
  const searchRoots: string[] = []
  for (const pattern of patterns.filter(p => !p.startsWith('!'))) {
    const entry = await matchEntry(resolve(pattern), excludes, options.includeHiddenFiles)
    const kept = entry.matches.filter(file => !excludes.includes(file))
    if (kept.length === 0) {
      const message = `artifact-path "${pattern}" matched no files${await emptyOutputHint(pattern, options)}`
      if (options.ifNoFilesFound === 'error') selection.failures.push(message)
      else if (options.ifNoFilesFound === 'warn') selection.warnings.push(message)
      continue
    }
    searchRoots.push(entry.searchRoot)
    for (const file of kept)
      found.set(file, await sizeInside(file, pattern, roots, options, selection))
  }
  if (searchRoots.length) selection.rootDirectory = commonAncestor(searchRoots)
  selection.files = [...found]
    .map(([file, size]) => ({
      path: file,
      name: path.relative(selection.rootDirectory, file),
      size
    }))
    .sort((a, b) => a.name.localeCompare(b.name))
  selection.totalBytes = selection.files.reduce((sum, file) => sum + file.size, 0)
  return selection
}

/** When the pattern points into an empty $ML_SMOKE_OUTPUT_DIR: the command saved no model there. */
async function emptyOutputHint(pattern: string, options: SelectOptions): Promise<string> {
  if (!/^\$\{?ML_SMOKE_OUTPUT_DIR\}?(\/|$)/.test(pattern)) return ''
  const entries = await readdir(options.outputDirectory).catch(() => [])
  if (entries.length) return ''
  return ': $ML_SMOKE_OUTPUT_DIR is empty, so the training command saved no model there (save it into that folder, e.g. torch.save(model.state_dict(), os.path.join(os.environ["ML_SMOKE_OUTPUT_DIR"], "model.pt")) or joblib.dump(model, os.path.join(os.environ["ML_SMOKE_OUTPUT_DIR"], "model.joblib")))'
}

/** A matched file's size, once it is known to live inside an allowed root; an empty file fails. */
async function sizeInside(
  file: string,
  pattern: string,
  roots: string[],
  options: SelectOptions,
  selection: ArtifactSelection
): Promise<number> {
  const real = await realpath(file)
  if (!roots.some(root => isInside(real, root))) {
    throw new UserError(
      `artifact-path "${pattern}" resolves to ${real}, outside the workspace (${options.allowedRoots.join(', ')}); only files inside it can be uploaded`
    )
  }
  const size = (await stat(real)).size
  if (size === 0)
    selection.failures.push(
      `${path.relative(options.baseDirectory, file)} is empty (0 bytes): the model was not written`
    )
  return size
}
