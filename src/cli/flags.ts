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
  /**
   * Flags that may be given more than once, and the list option each adds a line to: `--split` for
   * splits, `--dataset` for dataset.
   */
  repeatable?: Partial<Record<string, OptionName>>
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
  const aliases = { ...spec.aliases, ...spec.repeatable }
  const flagNames = [...new Set([...spec.options, ...Object.keys(aliases)])]
  const repeatable = new Set(Object.keys(spec.repeatable ?? {}))
  const config: ParseArgsConfig['options'] = {
    ...Object.fromEntries(
      flagNames.map(name => [name, { type: 'string' as const, multiple: repeatable.has(name) }])
    ),
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
    const given = values[flag] as string | string[] | undefined
    if (given === undefined) continue
    const value = typeof given === 'string' ? given : given.join('\n')
    const name = aliases[flag] ?? flag
    options[name] = name in options ? `${options[name]}\n${value}` : value
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
