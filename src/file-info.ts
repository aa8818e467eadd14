import { createHash } from 'node:crypto'
import { randomBytes } from 'node:crypto'
import { constants, type Stats } from 'node:fs'
import { open, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { isDiskFull, UserError } from './errors.js'

/** sha256 (hex) and size of a regular file, streamed (see openRegularFile). */
export async function hashFile(
  file: string,
  options: { noFollow?: boolean; label?: string } = {}
): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256')
  const handle = await openRegularFile(file, options.label ?? file, options)
  const { size } = await handle.stat()
  for await (const chunk of handle.createReadStream({ highWaterMark: 1024 * 1024 }))
    hash.update(chunk as Buffer)
  return { sha256: hash.digest('hex'), bytes: size }
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

/** A regular file's text, refused by name (and size) before it is read when it holds more than maxBytes. */
export async function readBoundedText(
  file: string,
  label: string,
  maxBytes: number
): Promise<string> {
  const handle = await openRegularFile(file, label)
  try {
    const { size } = await handle.stat()
    if (size > maxBytes)
      throw new UserError(
        `${label}: ${size.toLocaleString('en-US')} bytes, more than the ${maxBytes.toLocaleString('en-US')} ml-smoke reads in such a file`
      )
    return await handle.readFile('utf8')
  } finally {
    await handle.close()
  }
}

/** What a path that is not a regular file is, in words. */
export function kindOfEntry(info: Stats): string {
  if (info.isDirectory()) return 'a folder'
  if (info.isFIFO()) return 'a FIFO (named pipe)'
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device'
  if (info.isSocket()) return 'a socket'
  if (info.isSymbolicLink()) return 'a symbolic link'
  return 'not a regular file'
}

/** Why a file could not be opened, in words, for the codes a user can fix. */
const OPEN_ERRORS: Record<string, string> = {
  ENOENT: 'not found',
  ENOTDIR: 'not found (a part of its path is not a folder)',
  EACCES: 'cannot be read (permission denied)',
  EPERM: 'cannot be read (operation not permitted)',
  ELOOP: 'cannot be read (too many symbolic links)',
  ENAMETOOLONG: 'cannot be read (its name is too long)'
}

/**
 * Opens a file for reading, or fails with a UserError naming it when it is not a regular file: a folder,
 * a FIFO (opened without blocking, so that it cannot hang the reader), a device such as /dev/zero (which
 * never ends) or a socket. Every reader opens its input this way, whatever checked the path before.
 * `noFollow`: a symbolic link is refused too (a downloaded artifact's files).
 */
export async function openRegularFile(
  file: string,
  label = file,
  options: { noFollow?: boolean } = {}
): Promise<FileHandle> {
  let handle: FileHandle
  const noFollow = options.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | noFollow)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? ''
    if (noFollow && code === 'ELOOP')
      throw new UserError(`${label} is a symbolic link; it is not followed`)
    const reason = OPEN_ERRORS[code]
    if (reason) throw new UserError(`${label}: ${reason}`)
    throw error
  }
  const info = await handle.stat()
  if (!info.isFile()) {
    await handle.close()
    throw new UserError(`${label} is ${kindOfEntry(info)}; expected a regular file`)
  }
  return handle
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
