/**
 * A problem the user can fix: a bad input, a missing file, a malformed schema.
 * It carries everything needed for a clear one-line message and never a stack trace.
 */
export class UserError extends Error {
  readonly hint?: string

  constructor(message: string, options: { hint?: string } = {}) {
    super(message)
    this.name = 'UserError'
    this.hint = options.hint
  }
}

/** A write the disk (or the user's quota) had no room for: the user's to fix, not a bug. */
export function isDiskFull(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return code === 'ENOSPC' || code === 'EDQUOT'
}

export function describeError(error: unknown): string {
  if (error instanceof UserError) {
    return error.hint ? `${error.message}\nHint: ${error.hint}` : error.message
  }
  if (isDiskFull(error))
    return `disk full${error.path ? ` at ${error.path}` : ''}: free some space (or write elsewhere) and run again`
  if (error instanceof Error) return `internal error: ${error.message} (please report this)`
  return `internal error: ${String(error)}`
}
