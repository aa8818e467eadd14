/* eslint-disable no-control-regex */
const OSC = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g
const CSI = /\u001b\[[0-?]*[ -/]*[@-~]/g
const ESC = /\u001b[@-Z\\-_]/g

/** A line as a terminal would show it: escape sequences removed, backspaces applied; trimmed unless asked. */
export function cleanLine(line: string, trim = true): string {
  let out = line.includes('\u001b') ? line.replace(OSC, '').replace(CSI, '').replace(ESC, '') : line
  if (out.includes('\b')) {
    const chars: string[] = []
    for (const c of out) {
      if (c === '\b') chars.pop()
      else chars.push(c)
    }
    out = chars.join('')
  }
  return trim ? out.trim() : out
}
