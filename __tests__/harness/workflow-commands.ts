/**
 * The workflow commands GitHub's runner would run from a step's output, parsed the way the runner
 * parses them (actions/runner ActionCommandManager and ActionCommand): one line at a time, a line ending
 * at LF, CRLF or a lone CR; `::name props::data` after leading white space; the legacy `##[name ...]`
 * anywhere in a line; and nothing but the resume token while `::stop-commands::TOKEN` is in force.
 */
export interface ParsedCommand {
  name: string
  properties: Record<string, string>
  data: string
  line: string
}

function parseProperties(text: string): Record<string, string> {
  const properties: Record<string, string> = {}
  for (const pair of text.split(',')) {
    const at = pair.indexOf('=')
    if (at > 0) properties[pair.slice(0, at)] = pair.slice(at + 1)
  }
  return properties
}

function parseLine(line: string): ParsedCommand | null {
  const message = line.trimStart()
  if (message.startsWith('::')) {
    const end = message.indexOf('::', 2)
    if (end < 0) return null
    const info = message.slice(2, end)
    const space = info.indexOf(' ')
    const name = space < 0 ? info : info.slice(0, space)
    const properties = space < 0 ? {} : parseProperties(info.slice(space + 1))
    return { name, properties, data: message.slice(end + 2), line }
  }
  const legacy = line.indexOf('##[')
  if (legacy >= 0 && line.indexOf(']', legacy) > 0) {
    const info = line.slice(legacy + 3, line.indexOf(']', legacy))
    return { name: info.split(' ')[0], properties: {}, data: '', line }
  }
  return null
}

/** Every command the runner would run from `output`, in order. */
export function workflowCommands(output: string): ParsedCommand[] {
  const commands: ParsedCommand[] = []
  let stopToken: string | null = null
  for (const line of output.split(/\r\n|\r|\n/)) {
    const command = parseLine(line)
    if (!command) continue
    if (stopToken !== null) {
      if (command.name === stopToken) stopToken = null
      continue
    }
    if (command.name === 'stop-commands') stopToken = command.data
    else commands.push(command)
  }
  return commands
}
