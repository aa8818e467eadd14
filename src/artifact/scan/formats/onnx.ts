import { lstat, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Blob } from '../source.js'
import type { Finding } from '../types.js'

/** A protobuf reader over a Blob: reads small windows, so a 2 GB model is walked without loading it. */
class BlobWire {
  private cache: Buffer = Buffer.alloc(0)
  private cacheStart = 0
  constructor(private readonly blob: Blob) {}

  private async byte(at: number): Promise<number> {
    if (at < this.cacheStart || at >= this.cacheStart + this.cache.length) {
      this.cache = await this.blob.read(at, 1 << 16)
      this.cacheStart = at
    }
    const value = this.cache[at - this.cacheStart]
    if (value === undefined) throw new WireError('runs past the end')
    return value
  }

  async varint(at: number): Promise<[number, number]> {
    let result = 0
    let shift = 1
    for (let i = 0; i < 10; i++) {
      const byte = await this.byte(at++)
      result += (byte & 0x7f) * shift
      if (byte < 0x80) return [result, at]
      shift *= 128
    }
    throw new WireError('a varint longer than 10 bytes')
  }

  async bytes(start: number, end: number): Promise<Buffer> {
    return this.blob.read(start, end - start)
  }

  /** Calls `field` for each field of the message in [start, end): number, wire type, value range or varint. */
  async fields(
    start: number,
    end: number,
    field: (
      number: number,
      type: number,
      from: number,
      to: number,
      value: number
    ) => Promise<void> | void
  ): Promise<void> {
    let at = start
    while (at < end) {
      const [key, afterKey] = await this.varint(at)
      const type = key & 7
      at = afterKey
      if (type === 0) {
        const [value, next] = await this.varint(at)
        await field(key >>> 3, type, at, next, value)
        at = next
      } else if (type === 2) {
        const [length, next] = await this.varint(at)
        if (next + length > end) throw new WireError('a field runs past its message')
        await field(key >>> 3, type, next, next + length, length)
        at = next + length
      } else if (type === 1 || type === 5) {
        at += type === 1 ? 8 : 4
        if (at > end) throw new WireError('a fixed field runs past its message')
      } else throw new WireError(`unexpected wire type ${type}`)
    }
  }
}

class WireError extends Error {}

interface External {
  tensor: string
  location?: string
  offset: number
  length?: number
}

/**
 * ONNX: a protobuf ModelProto (ir_version = 1, opset_import = 8, graph = 7) whose GraphProto has nodes
 * (1), inputs (11) and outputs (12). Initializers are walked for external data (TensorProto field 13):
 * a location that leaves the model's folder (absolute, `..`, a symlink or a hard link) is unsafe, as
 * onnx.load would read any file it names.
 */
export async function checkOnnx(blob: Blob, filePath: string | undefined): Promise<Finding[]> {
  const model = new ModelWalker(new BlobWire(blob))
  try {
    const missing = await model.walk(blob.size)
    if (missing) return [{ severity: 'invalid', message: missing }]
  } catch (cause) {
    if (cause instanceof WireError)
      return [
        {
          severity: 'invalid',
          message: `not a readable ONNX protobuf: ${cause.message} (truncated?)`
        }
      ]
    throw cause
  }
  const { counts, externals } = model
  const findings: Finding[] = []
  if (counts.inputs === 0)
    findings.push({ severity: 'invalid', message: 'the graph has no inputs' })
  if (counts.outputs === 0)
    findings.push({ severity: 'invalid', message: 'the graph has no outputs' })
  findings.push(...(await checkExternal(externals, filePath)))
  if (findings.some(f => f.severity !== 'info')) return findings
  return [
    {
      severity: 'info',
      message: `IR version ${model.irVersion}, ${counts.opsets} opset(s), ${counts.nodes} nodes, ${counts.inputs} inputs, ${counts.outputs} outputs, ${counts.initializers} initializers${externals.length ? `, ${externals.length} tensors in external data` : ''}`
    }
  ]
}

/** Walks a ModelProto: counts what its main graph holds, and finds every tensor's external data. */
class ModelWalker {
  readonly externals: External[] = []
  readonly counts = { nodes: 0, inputs: 0, outputs: 0, initializers: 0, opsets: 0 }
  irVersion: number | undefined

  constructor(private readonly wire: BlobWire) {}

  /** The model's fields, then its graph; returns what is missing for a model. */
  async walk(size: number): Promise<string | undefined> {
    let graph: [number, number] | undefined
    await this.wire.fields(0, size, async (number, type, from, to, value) => {
      if (number === 1 && type === 0) this.irVersion = value
      else if (number === 8 && type === 2) this.counts.opsets++
      else if (number === 7 && type === 2) graph = [from, to]
      else if (number === 25 && type === 2)
        // FunctionProto: node = 7
        await this.wire.fields(from, to, async (n, t, f, e) => {
          if (n === 7 && t === 2) await this.node(f, e, 1)
        })
      else if (number === 20 && type === 2)
        // TrainingInfoProto: initialization = 1, algorithm = 2
        await this.wire.fields(from, to, async (n, t, f, e) => {
          if ((n === 1 || n === 2) && t === 2) await this.graph(f, e, 1, false)
        })
    })
    if (this.irVersion === undefined) return 'no ir_version: not an ONNX ModelProto'
    if (!graph) return 'the model has no graph'
    await this.graph(graph[0], graph[1], 0, true)
    return undefined
  }

  /** A GraphProto; only the model's own graph (`top`) is counted. */
  private async graph(start: number, end: number, depth: number, top: boolean): Promise<void> {
    if (depth > 32) throw new WireError('graphs nested more than 32 deep')
    await this.wire.fields(start, end, async (number, type, from, to) => {
      if (type !== 2) return
      if (number === 1) {
        if (top) this.counts.nodes++
        await this.node(from, to, depth)
      } else if (number === 5) {
        if (top) this.counts.initializers++
        await this.tensor(from, to)
      } else if (number === 15) await this.sparse(from, to)
      else if (number === 11 && top) this.counts.inputs++
      else if (number === 12 && top) this.counts.outputs++
    })
  }

  /** A SparseTensorProto: values = 1, indices = 2. */
  private async sparse(start: number, end: number): Promise<void> {
    await this.wire.fields(start, end, async (number, type, from, to) => {
      if (type === 2 && (number === 1 || number === 2)) await this.tensor(from, to)
    })
  }

  /** A NodeProto's attributes (5): tensors, graphs and sparse tensors, one or many. */
  private async node(start: number, end: number, depth: number): Promise<void> {
    await this.wire.fields(start, end, async (number, type, from, to) => {
      if (number !== 5 || type !== 2) return
      await this.wire.fields(from, to, async (n, t, f, e) => {
        if (t !== 2) return
        if (n === 5 || n === 10) await this.tensor(f, e)
        else if (n === 6 || n === 11) await this.graph(f, e, depth + 1, false)
        else if (n === 22 || n === 23) await this.sparse(f, e)
      })
    })
  }

  /** A TensorProto: name = 8, external_data = 13 (key = 1, value = 2), data_location = 14. */
  private async tensor(start: number, end: number): Promise<void> {
    const { wire } = this
    let name = ''
    let external = false
    const entries: Array<[string, string]> = []
    await wire.fields(start, end, async (number, type, from, to, value) => {
      if (number === 8 && type === 2) name = (await wire.bytes(from, to)).toString('utf8')
      else if (number === 14 && type === 0) external = value === 1
      else if (number === 13 && type === 2) entries.push(await this.keyValue(from, to))
    })
    if (!external && !entries.length) return
    const get = (key: string): string | undefined => entries.find(([k]) => k === key)?.[1]
    const length = get('length')
    this.externals.push({
      tensor: name,
      location: get('location'),
      offset: Number(get('offset') ?? 0),
      length: length === undefined ? undefined : Number(length)
    })
  }

  /** A StringStringEntryProto: key = 1, value = 2. */
  private async keyValue(start: number, end: number): Promise<[string, string]> {
    let key = ''
    let text = ''
    await this.wire.fields(start, end, async (n, t, f, e) => {
      if (t !== 2) return
      const s = (await this.wire.bytes(f, e)).toString('utf8')
      if (n === 1) key = s
      else if (n === 2) text = s
    })
    return [key, text]
  }
}

/** Each external data location judged; the same unsafe message is given once. */
async function checkExternal(
  externals: External[],
  filePath: string | undefined
): Promise<Finding[]> {
  const findings: Finding[] = []
  const seen = new Set<string>()
  for (const external of externals) {
    const finding = await judgeExternal(external, filePath)
    if (!finding) continue
    if (finding.severity === 'unsafe') {
      if (seen.has(finding.message)) continue
      seen.add(finding.message)
    }
    findings.push(finding)
  }
  return findings
}

const unsafeData = (message: string): Finding => ({ severity: 'unsafe', message })

/** Where the tensor's external data is: a path that leaves the folder is unsafe before it is read. */
async function judgeExternal(
  external: External,
  filePath: string | undefined
): Promise<Finding | undefined> {
  const { tensor, location } = external
  if (!location)
    return { severity: 'invalid', message: `tensor "${tensor}": external data without a location` }
  if (path.isAbsolute(location) || path.win32.isAbsolute(location) || /^[A-Za-z]:/.test(location))
    return unsafeData(
      `tensor "${tensor}": external data at the absolute path "${location}" (onnx.load reads any file)`
    )
  if (location.split(/[\\/]/).includes('..'))
    return unsafeData(
      `tensor "${tensor}": external data at "${location}" leaves the model's folder`
    )
  if (!filePath)
    return {
      severity: 'warning',
      message: `tensor "${tensor}": external data "${location}" is outside this archive: not checked`
    }
  return judgeExternalFile(external, location, path.dirname(filePath))
}

/** The file the location names, beside the model: it must be there, be its own, and hold the bytes. */
async function judgeExternalFile(
  external: External,
  location: string,
  folder: string
): Promise<Finding | undefined> {
  const { tensor, offset, length } = external
  const target = path.join(folder, location)
  const info = await lstat(target).catch(() => undefined)
  if (!info)
    return {
      severity: 'invalid',
      message: `tensor "${tensor}": external data "${location}" is missing`
    }
  if (info.isSymbolicLink())
    return unsafeData(`tensor "${tensor}": external data "${location}" is a symbolic link`)
  const real = await realpath(target)
  const realFolder = await realpath(folder)
  if (path.relative(realFolder, real).startsWith('..'))
    return unsafeData(
      `tensor "${tensor}": external data "${location}" resolves outside the model's folder`
    )
  const status = await stat(real)
  if (status.nlink > 1)
    return unsafeData(
      `tensor "${tensor}": external data "${location}" is a hard link (it may be any file)`
    )
  if (
    !Number.isSafeInteger(offset) ||
    offset < 0 ||
    (length !== undefined && (!Number.isSafeInteger(length) || offset + length > status.size))
  )
    return {
      severity: 'invalid',
      message: `tensor "${tensor}": bytes ${offset}+${length} lie outside "${location}" (${status.size} bytes)`
    }
  return undefined
}
