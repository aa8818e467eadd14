import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'

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
