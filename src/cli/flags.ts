import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { Describe, OptionName } from '../config.js'
import { UserError } from '../errors.js'
import { closest } from '../suggest.js'

/** How a subcommand reads its arguments. */
export interface FlagSpec {
  /** Options of the shared configuration this subcommand takes, by their own names. */
  options: readonly OptionName[]
  /** Shorter flags for some of them: `--rows` for sample-rows. */
  aliases?: Partial<Record<string, OptionName>>
  /** Flags of the CLI's own (--json, --out, --threads). */
  own?: ParseArgsConfig['options']
  positionals?: boolean
}

export interface ParsedFlags {
  /** Shared options by their own names, as the strings the user typed. */
  options: Record<string, string>
  /** The CLI's own flags. */
  own: Record<string, string | boolean | undefined>
  positionals: string[]
  /** Names an option by the flag the user typed, for messages: `--rows`. */
  describe: Describe
}

function unknownFlag(message: string, known: string[]): string {
  const flag = /Unknown option '--([^']+)'/.exec(message)?.[1]
  const near = flag ? closest(flag, known) : undefined
  return near ? `${message}; did you mean --${near}?` : message
}

/** Parses `args` by `spec`; a mistyped flag is a UserError that suggests the closest one. */
export function parseFlags(args: string[], spec: FlagSpec, usage: string): ParsedFlags {
  const aliases = spec.aliases ?? {}
  const flagNames = [...spec.options, ...Object.keys(aliases)]
  const config: ParseArgsConfig['options'] = {
    ...Object.fromEntries(flagNames.map(name => [name, { type: 'string' as const }])),
    ...spec.own
  }
  let parsed
  try {
    parsed = parseArgs({ args, options: config, allowPositionals: spec.positionals, strict: true })
  } catch (error) {
    const message = unknownFlag((error as Error).message, Object.keys(config))
    throw new UserError(`${message}\n\n${usage}`)
  }
  const values = parsed.values as Record<string, string | boolean | undefined>
  const options: Record<string, string> = {}
  const typed: Record<string, string> = {}
  for (const flag of flagNames) {
    const value = values[flag]
    if (typeof value !== 'string') continue
    const name = aliases[flag] ?? flag
    options[name] = value
    typed[name] = flag
  }
  const own = Object.fromEntries(Object.keys(spec.own ?? {}).map(name => [name, values[name]]))
  return {
    options,
    own,
    positionals: parsed.positionals,
    describe: name => `--${typed[name] ?? name}`
  }
}
