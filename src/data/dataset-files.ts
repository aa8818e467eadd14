// What `dataset` (or a split) names, as files: a file, a folder, a glob, or a list of them.
import { realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { glob, isDynamicPattern } from 'tinyglobby'
import { trainingEntries } from '../config.js'
import { UserError } from '../errors.js'
import { displayPath, isInside, kindOfEntry } from '../file-info.js'
import { formatOf, type DataFormat } from './table.js'

/**
 * The most files one dataset (or split) may have: each is opened, read and named in reports, and a plan
 * of shards lists them. More is a sign of a pattern that matches too much.
 */
export const MAX_DATASET_FILES = 10_000

/** A dataset as files: sorted, one format, with the names the user sees. */
export interface DatasetFiles {
  /** Absolute paths, sorted, each once. */
  files: string[]
  /** Each file as the user would name it (relative to where ml-smoke ran). */
  names: string[]
  format: DataFormat
  /** The dataset as the user named it: its entries, comma-separated. */
  label: string
}

export interface ResolveOptions {
  /** Folders and globs never yield a file outside it (after symbolic links) unless they point outside. */
  workspace: string
  /** Where names are shown from. */
  cwd: string
  dataFormat?: DataFormat
  /** What the entries are, for messages: "dataset", `split "test"`. */
  what: string
}

const GLOB_SPECIALS = /[*?[\]{}()!]/

/** `a/b/*.csv` as the literal folder `a/b` and the pattern `*.csv` below it. */
function splitPattern(pattern: string): { folder: string; rest: string } {
  const parts = pattern.split('/')
  const index = parts.findIndex(part => GLOB_SPECIALS.test(part))
  return { folder: parts.slice(0, index).join('/') || '/', rest: parts.slice(index).join('/') }
}

/**
 * Files and folders whose name starts with `_` or `.` are not data: Spark's `_SUCCESS` and
 * `_temporary/`, `.crc` files (pyarrow's datasets skip the same prefixes). A folder and a pattern skip
 * them; a file named on its own is read.
 */
function isData(relative: string): boolean {
  return !relative.split('/').some(part => part.startsWith('_') || part.startsWith('.'))
}

/**
 * The data files matching `pattern` below `folder`, as absolute paths, and how many matches were not
 * data (see isData).
 */
async function search(
  folder: string,
  pattern: string
): Promise<{ files: string[]; skipped: number }> {
  const found = await glob(pattern, {
    cwd: folder,
    onlyFiles: true,
    dot: true,
    expandDirectories: false,
    followSymbolicLinks: true
  })
  const files = found.filter(isData).map(relative => path.join(folder, relative))
  return { files, skipped: found.length - files.length }
}

/** Fails when a file a folder or glob found lies (after symbolic links) outside `root`. */
async function requireInside(files: string[], root: string, entry: string): Promise<void> {
  const realRoot = await realpath(root).catch(() => root)
  for (const file of files) {
    const real = await realpath(file)
    if (!isInside(real, realRoot))
      throw new UserError(
        `${entry} reaches ${real} through a symbolic link, outside ${realRoot}: a dataset's folders and patterns stay inside the workspace`
      )
  }
}

/** The files one entry names: itself, a folder's data files, or a glob's matches; none is an error. */
async function filesOfEntry(entry: string, options: ResolveOptions): Promise<string[]> {
  const shown = displayPath(options.cwd, entry)
  const info = await stat(entry).catch(() => null)
  if (info?.isFile()) return [entry]
  if (info && !info.isDirectory())
    throw new UserError(`${options.what} ${shown} is ${kindOfEntry(info)}; expected a file`)
  if (!info && !isDynamicPattern(entry)) throw new UserError(`${options.what} not found: ${shown}`)
  const { folder, rest } = info ? { folder: entry, rest: '**' } : splitPattern(entry)
  const { files, skipped } = await search(folder, rest)
  if (files.length === 0) {
    const only = skipped
      ? ` (only files under names that start with _ or ., which are skipped)`
      : ''
    throw new UserError(
      info
        ? `${options.what} ${shown} is a folder with no data files in it${only}`
        : `${options.what} "${shown}" matched no files${only}`
    )
  }
  const root = isInside(folder, options.workspace) ? options.workspace : folder
  await requireInside(files, root, `${options.what} "${shown}"`)
  return files
}

/** One format for every file, or an error naming the files of each. */
function formatOfFiles(files: string[], options: ResolveOptions): DataFormat {
  if (options.dataFormat) return options.dataFormat
  const byFormat = new Map<DataFormat, string[]>()
  for (const file of files) {
    const format = formatOf(file)
    byFormat.set(format, [...(byFormat.get(format) ?? []), file])
  }
  if (byFormat.size === 1) return [...byFormat.keys()][0]
  const listed = [...byFormat].map(([format, named]) => {
    const shown = named.slice(0, 3).map(file => displayPath(options.cwd, file))
    const more = named.length > 3 ? `, and ${named.length - 3} more` : ''
    return `${format} (${shown.join(', ')}${more})`
  })
  throw new UserError(
    `${options.what} mixes formats: ${listed.join('; ')}; the files of one dataset must share one format`
  )
}

/**
 * The files `entries` name (absolute paths: files, folders, globs), each once, sorted, at most
 * MAX_DATASET_FILES, all of one format. An entry that matches nothing is an error, never an empty dataset.
 */
export async function resolveDataset(
  entries: readonly string[],
  options: ResolveOptions
): Promise<DatasetFiles> {
  const found = new Set<string>()
  for (const entry of entries) {
    for (const file of await filesOfEntry(entry, options)) found.add(file)
    if (found.size > MAX_DATASET_FILES)
      throw new UserError(
        `${options.what} has more than ${MAX_DATASET_FILES.toLocaleString('en-US')} files; ml-smoke reads at most that many in one dataset: name fewer (a narrower pattern)`
      )
  }
  const files = [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return {
    files,
    names: files.map(file => displayPath(options.cwd, file)),
    format: formatOfFiles(files, options),
    label: entries.map(entry => displayPath(options.cwd, entry)).join(', ')
  }
}

/** The files a command trains on: `dataset`, else the split named train. */
export function trainingDataset(config: {
  dataset?: string[]
  splits?: Record<string, string[]>
  dataFormat?: DataFormat
  workspace: string
  cwd: string
}): Promise<DatasetFiles> {
  return resolveDataset(trainingEntries(config), {
    workspace: config.workspace,
    cwd: config.cwd,
    dataFormat: config.dataFormat,
    what: config.dataset ? 'dataset' : 'split "train"'
  })
}
