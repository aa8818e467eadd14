/** What a format check found about one model file. */
export interface FormatFinding {
  /** error: the file is unsafe or broken (fails the check); warning: worth a look; note: information. */
  level: 'error' | 'warning' | 'note'
  message: string
}

export interface FormatReport {
  format: string
  findings: FormatFinding[]
}
