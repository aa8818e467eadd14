/**
 * Runs `work` with waits of a second or more cut a hundredfold, for a test of an in-process client that
 * paces itself (Octokit's throttling plugin spaces comment writes 3 s apart): what it sends and how it
 * fails stay the client's own. (harness/quick-retries.mjs does the same in a child process.)
 */
export async function withQuickTimers<T>(work: () => Promise<T>): Promise<T> {
  const realSetTimeout = globalThis.setTimeout
  const quick = (callback: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) =>
    realSetTimeout(
      callback,
      delay !== undefined && delay >= 1000 ? Math.ceil(delay / 100) : delay,
      ...(args as [])
    )
  globalThis.setTimeout = Object.assign(quick, realSetTimeout) as typeof setTimeout
  try {
    return await work()
  } finally {
    globalThis.setTimeout = realSetTimeout
  }
}
