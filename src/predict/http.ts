// Talking to a model server with Node's own fetch (undici): a free port for it, readiness probes, and
// requests whose failures are said in words, never as a stack trace.
import net from 'node:net'

/** A port nothing listens on now, from the system (a listener on port 0), for the server to take. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.unref()
    probe.once('error', reject)
    probe.listen(0, host, () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/** What a failed request or connection means, in words: "connection refused (nothing listens there)". */
export function networkWords(error: unknown, timeoutMs?: number): string {
  const failure = error as {
    name?: string
    message?: string
    cause?: { code?: string; message?: string }
  }
  if (failure?.name === 'TimeoutError' || failure?.name === 'AbortError')
    return timeoutMs === undefined
      ? 'no answer in time'
      : `no answer within ${Math.round(timeoutMs)} ms`
  const code = failure?.cause?.code ?? (failure as { code?: string })?.code
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused (nothing listens there)'
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'EPIPE':
      return 'the connection was closed before an answer'
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return 'no answer in time'
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve'
  }
  const cause = failure?.cause?.message
  return [code, cause ?? failure?.message ?? String(error)].filter(Boolean).join(': ')
}

/** A response body as text, or null past `maxBytes` (a model has no business answering megabytes). */
export async function cappedText(response: Response, maxBytes: number): Promise<string | null> {
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined)
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** One readiness probe: a GET answered 2xx, or a port that accepts a connection; else what it said. */
export async function probe(
  target: { readyUrl?: string; host: string; port: number },
  timeoutMs: number
): Promise<{ ready: boolean; said: string }> {
  if (target.readyUrl === undefined) return connects(target.host, target.port, timeoutMs)
  try {
    const response = await fetch(target.readyUrl, {
      signal: AbortSignal.timeout(Math.max(1, Math.ceil(timeoutMs)))
    })
    const body = (await cappedText(response, 4096).catch(() => '')) ?? ''
    const excerpt = body.trim() ? `: ${body.trim().slice(0, 200)}` : ''
    const said = `GET ${target.readyUrl} answered ${response.status} ${response.statusText}${excerpt}`
    return { ready: response.ok, said }
  } catch (error) {
    return { ready: false, said: `GET ${target.readyUrl}: ${networkWords(error, timeoutMs)}` }
  }
}

function connects(host: string, port: number, timeoutMs: number) {
  return new Promise<{ ready: boolean; said: string }>(resolve => {
    const socket = net.connect({ host, port })
    const done = (ready: boolean, said: string) => {
      socket.destroy()
      resolve({ ready, said })
    }
    socket.setTimeout(timeoutMs, () => done(false, `${host}:${port}: no connection in time`))
    socket.once('connect', () => done(true, `${host}:${port} accepts connections`))
    socket.once('error', error => done(false, `${host}:${port}: ${networkWords(error)}`))
  })
}
