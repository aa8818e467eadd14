import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

export interface Azurite {
  endpoint: string
  account: string
  key: string
  stop(): Promise<void>
}

/**
 * Starts the real Azure Blob emulator (npm `azurite`) on 127.0.0.1 with a random port and account key.
 * azurite 3.35 is the last release that supports Node 20; it needs --skipApiVersionCheck because the
 * storage SDK that @actions/artifact pulls in sends a newer x-ms-version.
 */
export async function startAzurite(): Promise<Azurite> {
  const main = createRequire(import.meta.url).resolve('azurite/dist/src/blob/main.js')
  const location = await mkdtemp(path.join(os.tmpdir(), 'azurite-'))
  const account = 'mlsmoke'
  const key = randomBytes(32).toString('base64')
  const child: ChildProcess = spawn(
    process.execPath,
    [
      main,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--location',
      location,
      '--skipApiVersionCheck',
      '--disableTelemetry'
    ],
    {
      env: { ...process.env, AZURITE_ACCOUNTS: `${account}:${key}` },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise(resolve => child.once('exit', resolve))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    }
    await rm(location, { recursive: true, force: true })
  }
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      let output = ''
      const timer = setTimeout(() => reject(new Error(`azurite did not start: ${output}`)), 30000)
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        const match = /successfully listens on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
        if (match) {
          clearTimeout(timer)
          resolve(match[1])
        }
      })
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
      child.once('exit', code => reject(new Error(`azurite exited with ${code}: ${output}`)))
    })
    return { endpoint, account, key, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
