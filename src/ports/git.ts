import { getExecOutput } from '@actions/exec'
import type { Repository, TrackedFile, WorkingTree } from './types.js'

/** One git command in `cwd`, quietly; its stdout, or null when git failed (not a repository, no git). */
async function git(cwd: string, args: string[]): Promise<string | null> {
  try {
    const { exitCode, stdout } = await getExecOutput('git', args, {
      cwd,
      silent: true,
      ignoreReturnCode: true
    })
    return exitCode === 0 ? stdout : null
  } catch {
    return null
  }
}

/** The repository the workspace is in, read through git (short commands, run by @actions/exec). */
export class GitRepository implements Repository {
  constructor(private readonly cwd: string) {}

  async trackedFiles(): Promise<TrackedFile[] | null> {
    const listing = await git(this.cwd, ['ls-tree', '-r', '-l', '-z', '--full-tree', 'HEAD'])
    if (listing === null) return null
    const files: TrackedFile[] = []
    for (const record of listing.split('\0')) {
      // <mode> <type> <object> <size>\t<path>
      const match = /^\d+ blob \S+ +(\d+)\t(.*)$/s.exec(record)
      if (match) files.push({ path: match[2], bytes: Number(match[1]), lfs: false })
    }
    return files
  }

  async lfsTracked(paths: string[]): Promise<Set<string>> {
    if (!paths.length) return new Set()
    const output = await git(this.cwd, ['check-attr', '-z', 'filter', '--', ...paths])
    const lfs = new Set<string>()
    const fields = (output ?? '').split('\0')
    // <path> NUL <attribute> NUL <value> NUL, per path
    for (let i = 0; i + 2 < fields.length; i += 3) if (fields[i + 2] === 'lfs') lfs.add(fields[i])
    return lfs
  }

  async head(): Promise<WorkingTree | null> {
    const commit = (await git(this.cwd, ['rev-parse', 'HEAD']))?.trim()
    if (!commit) return null
    const branch = (await git(this.cwd, ['symbolic-ref', '-q', 'HEAD']))?.trim() || null
    const status = await git(this.cwd, ['status', '--porcelain', '--untracked-files=no'])
    return { commit, ref: branch, dirty: status === null ? null : status.trim() !== '' }
  }
}
