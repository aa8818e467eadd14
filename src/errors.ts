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

export function describeError(error: unknown): string {
  if (error instanceof UserError) {
    return error.hint ? `${error.message}\nHint: ${error.hint}` : error.message
  }
  if (error instanceof Error) return `internal error: ${error.message} (please report this)`
  return `internal error: ${String(error)}`
}
