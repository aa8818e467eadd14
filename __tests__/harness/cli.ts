import path from 'node:path'
import { Readable } from 'node:stream'
import { pathToFileURL } from 'node:url'
import { main } from '../../src/cli/main.js'

const root = new URL('../../', import.meta.url).pathname

/**
 * `ml-smoke ARGS` as a user runs it in `cwd`: `main` from the source, in this process, with the data
 * worker of the bundle (as the installed CLI finds it); `input` is its standard input.
 */
export async function mlSmokeIn(
  cwd: string,
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {}
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await main(args, {
    stdout: text => void (stdout += text),
    stderr: text => void (stderr += text),
    stdin: Readable.from(options.input === undefined ? [] : [options.input]),
    cwd,
    env: { ...process.env, ACTIONS_RUNTIME_TOKEN: '', ...options.env },
    bundleUrl: pathToFileURL(path.join(root, 'dist', 'cli', 'index.js')).href
  })
  return { code, stdout, stderr }
}
