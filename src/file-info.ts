import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { isDiskFull, UserError } from './errors.js'

/** sha256 (hex) and size of a file, streamed. */
export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 }))
    hash.update(chunk as Buffer)
  return { sha256: hash.digest('hex'), bytes: (await stat(file)).size }
}

/** Whether a path exists (file or folder). */
export async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false
  )
}

/**
 * Fails with "<what> not found: <label>" unless `file` is a regular file: a folder, a FIFO or a device
 * (`/dev/zero`) would hang a reader or fail it with an internal error.
 */
export async function requireFile(file: string, label: string, what: string): Promise<void> {
  const info = await stat(file).catch(() => null)
  if (!info) throw new UserError(`${what} not found: ${label}`)
  if (!info.isFile())
    throw new UserError(
      `${what} ${label} is ${info.isDirectory() ? 'a folder' : 'not a regular file'}; expected a file`
    )
}

/** Whether `child` is `parent` or below it (a file named `..model.bin` is below it; `../x` is not). */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child)
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  )
}

/** `file` as the user would write it: relative to `base` when below it, else absolute; always with `/`. */
export function displayPath(base: string, file: string): string {
  const relative = path.relative(base, file)
  return relative && isInside(file, base) ? relative.split(path.sep).join('/') : file
}

/**
 * Writes `target` through a temporary file beside it, renamed into place once whole: a write that fails
 * (a full disk above all) leaves neither a partial file nor the temporary one.
 */
export async function writeAtomically(
  target: string,
  write: (temporary: string) => Promise<unknown> | unknown
): Promise<void> {
  const temporary = `${target}.${randomBytes(4).toString('hex')}.partial`
  try {
    await write(temporary)
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true })
    if (isDiskFull(error)) throw new UserError(`disk full at ${target}: nothing was written there`)
    throw error
  }
}

export function writeFileAtomically(target: string, data: string | Uint8Array): Promise<void> {
  return writeAtomically(target, temporary => writeFile(temporary, data))
}
