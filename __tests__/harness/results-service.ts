import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse
} from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  BlobSASPermissions,
  BlobServiceClient,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential
} from '@azure/storage-blob'
import type { Azurite } from './azurite.js'

const PREFIX = '/twirp/github.actions.results.api.v1.'
const CONTAINER = 'actions-results'

interface StoredArtifact {
  id: number
  runId: string
  jobId: string
  name: string
  blob: string
  size?: string
  digest?: string
  finalized: boolean
  createdAt: string
}

export interface CannedResponse {
  status: number
  body: Record<string, unknown>
}

/**
 * A small emulation of GitHub's results service (the Twirp ArtifactService the real
 * @actions/artifact client talks to), handing out SAS URLs into Azurite for the blob data.
 * `fail(method, ...)` queues canned responses to inject faults.
 */
export class ResultsService {
  readonly requests: Array<{ method: string; body: Record<string, unknown> }> = []
  private readonly artifacts: StoredArtifact[] = []
  private readonly caches: Array<{
    key: string
    version: string
    blob: string
    finalized: boolean
    id: number
  }> = []
  private readonly faults = new Map<string, CannedResponse[]>()
  private nextId = 1
  private server?: Server
  private blobProxy?: Server
  /** Blob PUTs still to cut off mid-body (the connection is destroyed after a few bytes). */
  cutUploads = 0
  private readonly credential: StorageSharedKeyCredential

  constructor(private readonly azurite: Azurite) {
    this.credential = new StorageSharedKeyCredential(azurite.account, azurite.key)
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`
  }

  async start(): Promise<void> {
    const service = new BlobServiceClient(
      `${this.azurite.endpoint}/${this.azurite.account}`,
      this.credential
    )
    await service.getContainerClient(CONTAINER).createIfNotExists()
    this.server = createServer((request, response) => void this.handle(request, response))
    await new Promise<void>(resolve => this.server!.listen(0, '127.0.0.1', resolve))
    // Signed URLs point at this pass-through in front of Azurite, so a test can cut an upload off.
    const target = new URL(this.azurite.endpoint)
    this.blobProxy = createServer((incoming, outgoing) => {
      if (incoming.method === 'PUT' && this.cutUploads > 0) {
        this.cutUploads--
        incoming.once('data', () => incoming.socket.destroy())
        return
      }
      const forward = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers
        },
        answer => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(outgoing)
        }
      )
      forward.on('error', () => outgoing.destroy())
      incoming.pipe(forward)
    })
    await new Promise<void>(resolve => this.blobProxy!.listen(0, '127.0.0.1', resolve))
  }

  async stop(): Promise<void> {
    await new Promise(resolve => this.server?.close(resolve))
    this.blobProxy?.closeAllConnections()
    await new Promise(resolve => this.blobProxy?.close(resolve))
  }

  /** Finalized artifacts of a run with this name (what a later job would see). */
  artifactsNamed(name: string): number {
    return this.artifacts.filter(a => a.finalized && a.name === name).length
  }

  /** A run's finalized artifacts, as the REST API lists them (for the cross-run emulation). */
  artifactsOfRun(
    runId: string
  ): Array<{ id: number; name: string; size: number; digest?: string }> {
    return this.artifacts
      .filter(a => a.finalized && a.runId === runId)
      .map(a => ({ id: a.id, name: a.name, size: Number(a.size ?? 0), digest: a.digest }))
  }

  /** A read URL for an artifact by id: where the REST API's /zip redirects. */
  downloadUrl(id: number): string | undefined {
    const artifact = this.artifacts.find(a => a.finalized && a.id === id)
    return artifact && this.sasUrl(artifact.blob, 'r')
  }

  fail(method: string, ...responses: CannedResponse[]): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), ...responses])
  }

  /** The canned responses of `method` not yet sent (0: the client asked as often as they were queued). */
  failuresLeft(method: string): number {
    return this.faults.get(method)?.length ?? 0
  }

  private sasUrl(blob: string, permissions: string, disposition?: string): string {
    const query = generateBlobSASQueryParameters(
      {
        containerName: CONTAINER,
        blobName: blob,
        permissions: BlobSASPermissions.parse(permissions),
        expiresOn: new Date(Date.now() + 3600_000),
        contentDisposition: disposition
      },
      this.credential
    ).toString()
    const proxy = `http://127.0.0.1:${(this.blobProxy!.address() as AddressInfo).port}`
    return `${proxy}/${this.azurite.account}/${CONTAINER}/${blob}?${query}`
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const send = (status: number, body: unknown): void => {
      response.writeHead(status, { 'Content-Type': 'application/json' })
      response.end(JSON.stringify(body))
    }
    let raw = ''
    for await (const chunk of request) raw += chunk
    if (!request.url?.startsWith(PREFIX) || request.method !== 'POST')
      return send(404, { code: 'not_found', msg: 'unknown route' })
    if (!/^Bearer \S+/.test(request.headers.authorization ?? ''))
      return send(401, { code: 'unauthenticated', msg: 'no token' })
    const method = request.url.slice(PREFIX.length)
    const body = JSON.parse(raw || '{}') as Record<string, unknown>
    this.requests.push({ method, body })
    const fault = this.faults.get(method)?.shift()
    if (fault) return send(fault.status, fault.body)
    switch (method) {
      case 'ArtifactService/CreateArtifact': {
        const runId = String(body.workflow_run_backend_id)
        const name = String(body.name)
        if (this.artifacts.some(a => a.runId === runId && a.name === name && a.finalized)) {
          return send(409, {
            code: 'already_exists',
            msg: 'Conflict: an artifact with this name already exists on the workflow run'
          })
        }
        const id = this.nextId++
        const zip = body.mime_type === undefined || body.mime_type === 'application/zip'
        const blob = `artifacts/${runId}/${id}/${name}${zip ? '.zip' : ''}`
        this.artifacts.push({
          id,
          runId,
          jobId: String(body.workflow_job_run_backend_id),
          name,
          blob,
          finalized: false,
          createdAt: new Date().toISOString()
        })
        return send(200, { ok: true, signed_upload_url: this.sasUrl(blob, 'cw') })
      }
      case 'ArtifactService/FinalizeArtifact': {
        const artifact = this.artifacts.find(
          a => a.runId === body.workflow_run_backend_id && a.name === body.name && !a.finalized
        )
        if (!artifact) return send(404, { code: 'not_found', msg: 'no artifact to finalize' })
        Object.assign(artifact, { finalized: true, size: body.size, digest: body.hash })
        return send(200, { ok: true, artifact_id: String(artifact.id) })
      }
      case 'ArtifactService/ListArtifacts': {
        const listed = this.artifacts.filter(
          a =>
            a.finalized &&
            a.runId === body.workflow_run_backend_id &&
            (body.name_filter === undefined || a.name === body.name_filter) &&
            (body.id_filter === undefined || String(a.id) === String(body.id_filter))
        )
        return send(200, {
          artifacts: listed.map(a => ({
            workflow_run_backend_id: a.runId,
            workflow_job_run_backend_id: a.jobId,
            database_id: String(a.id),
            name: a.name,
            size: a.size,
            created_at: a.createdAt,
            ...(a.digest ? { digest: a.digest } : {})
          }))
        })
      }
      case 'ArtifactService/GetSignedArtifactURL': {
        const artifact = this.artifacts.find(
          a => a.finalized && a.runId === body.workflow_run_backend_id && a.name === body.name
        )
        if (!artifact) return send(404, { code: 'not_found', msg: 'artifact not found' })
        const filename = encodeURIComponent(artifact.name)
        return send(200, {
          signed_url: this.sasUrl(
            artifact.blob,
            'r',
            `attachment; filename="${artifact.name}"; filename*=UTF-8''${filename}`
          )
        })
      }
      case 'ArtifactService/DeleteArtifact': {
        const index = this.artifacts.findIndex(
          a => a.finalized && a.runId === body.workflow_run_backend_id && a.name === body.name
        )
        if (index === -1) return send(404, { code: 'not_found', msg: 'artifact not found' })
        const [artifact] = this.artifacts.splice(index, 1)
        return send(200, { ok: true, artifact_id: String(artifact.id) })
      }
      case 'CacheService/CreateCacheEntry': {
        const key = String(body.key)
        const version = String(body.version)
        if (this.caches.some(c => c.key === key && c.version === version)) {
          return send(409, { code: 'already_exists', msg: 'cache entry already exists' })
        }
        const entry = {
          key,
          version,
          blob: `caches/${this.nextId}-${encodeURIComponent(key)}`,
          finalized: false,
          id: this.nextId++
        }
        this.caches.push(entry)
        return send(200, { ok: true, signed_upload_url: this.sasUrl(entry.blob, 'cw') })
      }
      case 'CacheService/FinalizeCacheEntryUpload': {
        const entry = this.caches.find(
          c => c.key === body.key && c.version === body.version && !c.finalized
        )
        if (!entry) return send(200, { ok: false, message: 'no cache entry to finalize' })
        entry.finalized = true
        return send(200, { ok: true, entry_id: String(entry.id) })
      }
      case 'CacheService/GetCacheEntryDownloadURL': {
        const version = String(body.version)
        const usable = this.caches.filter(c => c.finalized && c.version === version).reverse()
        const keys = [String(body.key), ...((body.restore_keys as string[] | undefined) ?? [])]
        const match =
          usable.find(c => c.key === keys[0]) ??
          keys.map(prefix => usable.find(c => c.key.startsWith(prefix))).find(Boolean)
        if (!match) return send(200, { ok: false })
        return send(200, {
          ok: true,
          signed_download_url: this.sasUrl(match.blob, 'r'),
          matched_key: match.key
        })
      }
      default:
        return send(404, { code: 'bad_route', msg: `no handler for ${method}` })
    }
  }
}

/** An unsigned runtime token with the claim the artifact client reads its backend IDs from. */
export function runtimeToken(runId: string, jobId: string): string {
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ scp: `Actions.Results:${runId}:${jobId}`, exp: Math.floor(Date.now() / 1000) + 3600 })}.sig`
}
