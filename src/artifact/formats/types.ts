/** What a format check found about one model file. */
export interface FormatFinding {
  /** error: the file is broken (fails the check); warning: it loads but is risky; note: information. */
  level: 'error' | 'warning' | 'note'
  message: string
}

export interface FormatReport {
  format: string
  findings: FormatFinding[]
}

export const error = (message: string): FormatFinding => ({ level: 'error', message })
export const warning = (message: string): FormatFinding => ({ level: 'warning', message })
export const note = (message: string): FormatFinding => ({ level: 'note', message })
