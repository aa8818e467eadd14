/**
 * What a cancelled run must undo: GitHub's runner sends SIGINT when a job is cancelled, then SIGTERM,
 * then kills. Whatever is running (the training command's process group, temporary folders) registers
 * here; the entries (main.ts, cli/index.ts) install the handler that undoes it all and exits.
 */
const undoers = new Set<() => Promise<void>>()

/** Runs `undo` if the run is cancelled while `work` is under way. */
export async function undoOnCancel<T>(
  undo: () => Promise<void>,
  work: () => Promise<T>
): Promise<T> {
  undoers.add(undo)
  try {
    return await work()
  } finally {
    undoers.delete(undo)
  }
}

let installed = false

/** How long the undoing may take before the process exits anyway (the runner kills at ~10 s). */
const UNDO_LIMIT_MS = 6000

/**
 * On SIGINT or SIGTERM: say so, undo what is registered (newest first), and exit with 128 + the
 * signal's number (130, 143), as a shell reports a process killed by it.
 */
export function installCancelHandler(say: (message: string) => void): void {
  if (installed) return
  installed = true
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143]
  ] as const) {
    process.once(signal, () => {
      say(`ml-smoke: cancelled by ${signal}: stopping the running command and cleaning up`)
      const undoing = Promise.allSettled([...undoers].reverse().map(undo => undo()))
      const limit = new Promise(resolve => setTimeout(resolve, UNDO_LIMIT_MS).unref())
      void Promise.race([undoing, limit]).then(() => process.exit(code))
    })
  }
}
