/**
 * Characters of one line that are kept: the rest of a longer line is dropped as it streams (the loss
 * reader looks at a line's first 16 KiB, the failure tail at its first 2,000 characters), so a command
 * that prints gigabytes without a line break costs bounded memory.
 */
export const MAX_LINE_KEPT = 64 * 1024

/**
 * Splits streamed text into lines on \n, \r\n and lone \r (progress bars redraw with \r). Each chunk is
 * scanned once: time is linear in the output, however long its lines.
 */
export class LineSplitter {
  private pending = ''
  /** The last chunk ended with a CR: an LF that starts the next one is the other half of a CRLF. */
  private afterCR = false

  constructor(private readonly onLine: (line: string) => void) {}

  push(text: string): void {
    let start = 0
    if (this.afterCR && text.charCodeAt(0) === 10) start = 1
    this.afterCR = false
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c !== 10 && c !== 13) continue
      const line = this.pending + text.slice(start, Math.min(i, start + MAX_LINE_KEPT))
      this.pending = ''
      this.onLine(line.length > MAX_LINE_KEPT ? line.slice(0, MAX_LINE_KEPT) : line)
      if (c === 13) {
        if (i + 1 === text.length) this.afterCR = true
        else if (text.charCodeAt(i + 1) === 10) i++
      }
      start = i + 1
    }
    if (start < text.length && this.pending.length < MAX_LINE_KEPT)
      this.pending += text.slice(start, start + MAX_LINE_KEPT - this.pending.length)
  }

  finish(): void {
    if (this.pending) this.onLine(this.pending)
    this.pending = ''
    this.afterCR = false
  }
}

/** The last `size` lines, each capped, so a command that prints gigabytes costs bounded memory. */
export class TailBuffer {
  private readonly lines: string[] = []

  constructor(
    private readonly size: number,
    private readonly maxLineLength = 2000
  ) {}

  push(line: string): void {
    this.lines.push(
      line.length > this.maxLineLength ? `${line.slice(0, this.maxLineLength)}…` : line
    )
    if (this.lines.length > this.size) this.lines.shift()
  }

  toArray(): string[] {
    return [...this.lines]
  }
}
