import { createHash } from 'node:crypto'
import { glob } from 'tinyglobby'
import { hashFile } from '../file-info.js'

/**
 * The default cache key, as `hashFiles()` would make it: OS, architecture and one sha256 over the
 * sha256 of every file matching `keyFiles` (sorted), e.g. requirements*.txt.
 */
export async function defaultCacheKey(
  keyFiles: string[],
  workspace: string,
  platform = process.platform,
  arch = process.arch
): Promise<string> {
  const files = (
    await glob(keyFiles, {
      cwd: workspace,
      absolute: true,
      onlyFiles: true,
      ignore: ['**/node_modules/**', '**/.git/**']
    })
  ).sort()
  const hash = createHash('sha256')
  for (const file of files) hash.update((await hashFile(file)).sha256)
  return `ml-smoke-${platform}-${arch}-${files.length ? hash.digest('hex').slice(0, 32) : 'nofiles'}`
}
