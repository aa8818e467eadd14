import type { CacheStore, Logger } from './types.js'

/**
 * @actions/cache with the rule actions/cache follows: a cache service that fails or is absent is a
 * warning, never a failed step. The client is loaded when first used, as the artifact client is.
 */
export class GitHubCacheStore implements CacheStore {
  constructor(private readonly logger: Logger) {}

  async restore(paths: string[], key: string, restoreKeys: string[]): Promise<string | undefined> {
    const cache = await import('@actions/cache')
    if (!cache.isFeatureAvailable()) {
      this.logger.warning(
        'the cache service is not available on this runner: continuing without a cache'
      )
      return undefined
    }
    try {
      return await cache.restoreCache(paths, key, restoreKeys)
    } catch (error) {
      this.logger.warning(
        `restoring the cache failed, continuing without it: ${(error as Error).message}`
      )
      return undefined
    }
  }

  async save(paths: string[], key: string): Promise<boolean> {
    const cache = await import('@actions/cache')
    if (!cache.isFeatureAvailable()) return false
    try {
      return (await cache.saveCache(paths, key)) !== -1
    } catch (error) {
      this.logger.warning(`saving the cache failed: ${(error as Error).message}`)
      return false
    }
  }
}
