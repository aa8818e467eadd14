/** Splits streamed text into lines on \n, \r\n and lone \r (progress bars redraw with \r). */
export class LineSplitter {
  private pending = ''

  constructor(private readonly onLine: (line: string) => void) {}

  push(text: string): void {
    const data = this.pending + text
    let start = 0
    for (let i = 0; i < data.length; i++) {
      const c = data.charCodeAt(i)
      if (c !== 10 && c !== 13) continue
      // A CR at the end may be half of a CRLF: wait for the next chunk.
      if (c === 13 && i + 1 === data.length) break
      this.onLine(data.slice(start, i))
      if (c === 13 && data.charCodeAt(i + 1) === 10) i++
      start = i + 1
    }
    this.pending = data.slice(start)
  }

  finish(): void {
    const rest = this.pending.endsWith('\r') ? this.pending.slice(0, -1) : this.pending
    if (rest) this.onLine(rest)
    this.pending = ''
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
