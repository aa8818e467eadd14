// Text from data, logs and file names is untrusted: these keep it text wherever it is shown.
import { randomBytes } from 'node:crypto'

/**
 * Whether the runner would take a line of `text` for a workflow command. It reads stdout and stderr a
 * line at a time (a lone CR ends a line too); a line is a command when it starts with `::` after leading
 * white space, or holds the legacy `##[` anywhere.
 */
export function holdsWorkflowCommand(text: string): boolean {
  return /(^|[\r\n])[^\S\r\n]*::|##\[/.test(text)
}

/**
 * `text` as the runner will show it and never run it: unchanged when no line could be a command, else
 * between `::stop-commands::` and its resume token (random, so the text cannot end the pause itself).
 */
export function commandSafe(text: string): string {
  if (!holdsWorkflowCommand(text)) return text
  const token = randomBytes(16).toString('hex')
  const end = /[\r\n]$/.test(text) ? '' : '\n'
  return `::stop-commands::${token}\n${text}${end}::${token}::\n`
}

/** JSON text whose strings cannot hold the legacy `##[` command marker (the same value, escaped). */
export function jsonCommandSafe(json: string): string {
  return json.replaceAll('##[', '#\\u0023[')
}

/** Control characters (ANSI escapes above all) as visible `\xNN`, for a terminal; line breaks and tabs stay. */
export function terminalSafe(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g,
    c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`
  )
}

/** At most `max` characters of `text`, saying how many were left out. */
export function clip(text: string, max = 200): string {
  if (text.length <= max) return text
  return `${text.slice(0, max)}… (${text.length - max} more characters)`
}

/**
 * Text for Markdown and the HTML GitHub renders it to: no tag, entity, link, emphasis or table cell
 * boundary survives, line breaks become spaces, and it is clipped to `max` characters.
 */
export function markdownText(text: string, max = 200): string {
  return clip(String(text), max)
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~#!]/g, c => `\\${c}`)
}

/** Text as an inline code span: backticks and table bars cannot end it early, HTML is not rendered. */
export function codeSpan(text: string, max = 200): string {
  const clipped = clip(String(text), max)
    .replace(/[\r\n]+/g, ' ')
    .replace(/\|/g, '\\|')
  const longest = Math.max(0, ...[...clipped.matchAll(/`+/g)].map(match => match[0].length))
  const ticks = '`'.repeat(longest + 1)
  const pad = clipped.startsWith('`') || clipped.endsWith('`') ? ' ' : ''
  return `${ticks}${pad}${clipped}${pad}${ticks}`
}

/** A fenced block that no run of backticks in `text` can close early. */
export function fence(text: string, language = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map(match => match[0].length))
  const ticks = '`'.repeat(longest + 1)
  return `${ticks}${language}\n${text}\n${ticks}`
}
