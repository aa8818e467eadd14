import type { z } from 'zod'

/** `fields[2].type` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (typeof value === 'string') return JSON.stringify(value)
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'null'
  if (typeof value === 'object') return 'a mapping'
  return String(value)
}

/** One issue as "expected …; got …", the way an engineer reads a config error. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const got = describeValue((issue as { input?: unknown }).input)
  switch (issue.code) {
    case 'invalid_value':
      return `expected one of ${issue.values.map(v => String(v)).join(', ')}; got ${got}`
    case 'invalid_type':
      if ((issue as { input?: unknown }).input === undefined)
        return `is required (expected ${issue.expected})`
      return `expected ${issue.expected}; got ${got}`
    case 'too_small':
      return `expected ${issue.origin === 'array' ? 'at least' : issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''}; got ${got}`
    case 'too_big':
      return `expected ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}; got ${got}`
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map(k => JSON.stringify(k)).join(', ')}`
    default:
      return `${issue.message}${got !== 'nothing' ? `; got ${got}` : ''}`
  }
}

/** All issues of a failed parse, one per line, each prefixed with where it is. */
export function formatIssues(prefix: string, error: z.ZodError): string {
  return error.issues
    .map(issue => {
      const where = formatPath(issue.path)
      return `${prefix}${where ? `${where}: ` : ''}${describeIssue(issue)}`
    })
    .join('\n')
}
