// Text in a pull-request comment notifies people: `@name` mentions them, `#12`, `GH-12`, `owner/repo#12`
// and issue URLs link (and back-link) issues. Data and logs must do neither.
import { codeSpan, markdownText } from '../untrusted.js'
import type { Escape } from '../compare/render.js'

/** A zero-width space: invisible, and it stops GitHub from seeing a mention or a reference. */
const BREAK = '\u200b'

/**
 * `text` with every mention and issue reference broken by a zero-width space, and (unless `urls` is
 * false, for Markdown whose own links must work) every URL GitHub would autolink.
 */
export function withoutNotifications(text: string, { urls = true } = {}): string {
  const broken = text
    .replace(/@(?=[\w-])/g, `@${BREAK}`)
    .replace(/#(?=\d)/g, `#${BREAK}`)
    .replace(/\b(gh-)(?=\d)/gi, `$1${BREAK}`)
  return urls
    ? broken.replace(/:\/\//g, `:${BREAK}//`).replace(/\bwww\./gi, `www${BREAK}.`)
    : broken
}

/** The comment's escaping: the summary's Markdown escaping, and no notifications (code spans notify no one). */
export const commentEscape: Escape = {
  text: (value, max) => markdownText(withoutNotifications(String(value)), max),
  code: (value, max) => codeSpan(String(value), max)
}
