import { readFile } from 'node:fs/promises'

/** Running: not gone, and not a zombie waiting to be reaped, after giving a kill a moment to land. */
export async function alive(pid: number): Promise<boolean> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null)
    if (stat === null || stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return false
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  return true
}
