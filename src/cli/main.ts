import { describeError, UserError } from '../errors.js'
import { COMMANDS, EXIT, type CliIo } from './commands.js'
import { USAGE, usageOf } from './usage.js'

export { EXIT, type CliIo } from './commands.js'

/** The CLI: `ml-smoke <command> [flags]`; returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv
  try {
    if (command === undefined || ['help', '--help', '-h'].includes(command)) {
      io.stdout(`${USAGE}\n`)
      return command === undefined ? EXIT.error : EXIT.passed
    }
    const run = COMMANDS[command]
    if (!run) throw new UserError(`unknown command "${command}"\n\n${USAGE}`)
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(`${usageOf(command)}\n`)
      return EXIT.passed
    }
    return await run(args, io)
  } catch (error) {
    io.stderr(`ml-smoke: ${describeError(error)}\n`)
    if (!(error instanceof UserError) && io.env.ML_SMOKE_DEBUG)
      io.stderr(`${(error as Error)?.stack}\n`)
    return EXIT.error
  }
}
