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
  const wire = new BlobWire(blob)
  const externals: External[] = []
  const counts = { nodes: 0, inputs: 0, outputs: 0, initializers: 0, opsets: 0 }
  let irVersion: number | undefined
  let graph: [number, number] | undefined

  const tensor = async (start: number, end: number): Promise<void> => {
    let name = ''
    let external = false
    const entries: Array<[string, string]> = []
    await wire.fields(start, end, async (number, type, from, to, value) => {
      if (number === 8 && type === 2) name = (await wire.bytes(from, to)).toString('utf8')
      else if (number === 14 && type === 0) external = value === 1
      else if (number === 13 && type === 2) {
        let key = ''
        let text = ''
        await wire.fields(from, to, async (n, t, f, e) => {
          if (t !== 2) return
          const s = (await wire.bytes(f, e)).toString('utf8')
          if (n === 1) key = s
          else if (n === 2) text = s
        })
        entries.push([key, text])
      }
    })
    if (!external && !entries.length) return
    const get = (key: string): string | undefined => entries.find(([k]) => k === key)?.[1]
    const length = get('length')
    externals.push({
      tensor: name,
      location: get('location'),
      offset: Number(get('offset') ?? 0),
      length: length === undefined ? undefined : Number(length)
    })
  }
  const walkGraph = async (
    start: number,
    end: number,
    depth: number,
    top: boolean
  ): Promise<void> => {
    if (depth > 32) throw new WireError('graphs nested more than 32 deep')
    await wire.fields(start, end, async (number, type, from, to) => {
      if (type !== 2) return
      if (number === 1) {
        if (top) counts.nodes++
        await walkNode(from, to, depth)
      } else if (number === 5) {
        if (top) counts.initializers++
        await tensor(from, to)
      } else if (number === 15) await walkSparse(from, to)
      else if (number === 11 && top) counts.inputs++
      else if (number === 12 && top) counts.outputs++
    })
  }
  const walkSparse = async (start: number, end: number): Promise<void> =>
    wire.fields(start, end, async (number, type, from, to) => {
      if (type === 2 && (number === 1 || number === 2)) await tensor(from, to)
    })
  const walkNode = async (start: number, end: number, depth: number): Promise<void> =>
    wire.fields(start, end, async (number, type, from, to) => {
      if (number !== 5 || type !== 2) return
      await wire.fields(from, to, async (n, t, f, e) => {
        if (t !== 2) return
        if (n === 5 || n === 10) await tensor(f, e)
        else if (n === 6 || n === 11) await walkGraph(f, e, depth + 1, false)
        else if (n === 22 || n === 23) await walkSparse(f, e)
      })
    })

  try {
    await wire.fields(0, blob.size, async (number, type, from, to, value) => {
      if (number === 1 && type === 0) irVersion = value
      else if (number === 8 && type === 2) counts.opsets++
      else if (number === 7 && type === 2) graph = [from, to]
      else if (number === 25 && type === 2)
        // FunctionProto: node = 7
        await wire.fields(from, to, async (n, t, f, e) => {
          if (n === 7 && t === 2) await walkNode(f, e, 1)
        })
      else if (number === 20 && type === 2)
        // TrainingInfoProto: initialization = 1, algorithm = 2
        await wire.fields(from, to, async (n, t, f, e) => {
          if ((n === 1 || n === 2) && t === 2) await walkGraph(f, e, 1, false)
        })
    })
    if (irVersion === undefined)
      return [{ severity: 'invalid', message: 'no ir_version: not an ONNX ModelProto' }]
    if (!graph) return [{ severity: 'invalid', message: 'the model has no graph' }]
    await walkGraph(graph[0], graph[1], 0, true)
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
      message: `IR version ${irVersion}, ${counts.opsets} opset(s), ${counts.nodes} nodes, ${counts.inputs} inputs, ${counts.outputs} outputs, ${counts.initializers} initializers${externals.length ? `, ${externals.length} tensors in external data` : ''}`
    }
  ]
}

async function checkExternal(
  externals: External[],
  filePath: string | undefined
): Promise<Finding[]> {
  const findings: Finding[] = []
  const seen = new Set<string>()
  for (const external of externals) {
    const location = external.location
    const unsafe = (message: string): void => {
      if (seen.has(message)) return
      seen.add(message)
      findings.push({ severity: 'unsafe', message })
    }
    if (!location) {
      findings.push({
        severity: 'invalid',
        message: `tensor "${external.tensor}": external data without a location`
      })
      continue
    }
    if (
      path.isAbsolute(location) ||
      path.win32.isAbsolute(location) ||
      /^[A-Za-z]:/.test(location)
    ) {
      unsafe(
        `tensor "${external.tensor}": external data at the absolute path "${location}" (onnx.load reads any file)`
      )
      continue
    }
    if (location.split(/[\\/]/).includes('..')) {
      unsafe(
        `tensor "${external.tensor}": external data at "${location}" leaves the model's folder`
      )
      continue
    }
    if (!filePath) {
      findings.push({
        severity: 'warning',
        message: `tensor "${external.tensor}": external data "${location}" is outside this archive: not checked`
      })
      continue
    }
    const folder = path.dirname(filePath)
    const target = path.join(folder, location)
    const info = await lstat(target).catch(() => undefined)
    if (!info) {
      findings.push({
        severity: 'invalid',
        message: `tensor "${external.tensor}": external data "${location}" is missing`
      })
      continue
    }
    if (info.isSymbolicLink()) {
      unsafe(`tensor "${external.tensor}": external data "${location}" is a symbolic link`)
      continue
    }
    const real = await realpath(target)
    const realFolder = await realpath(folder)
    if (path.relative(realFolder, real).startsWith('..')) {
      unsafe(
        `tensor "${external.tensor}": external data "${location}" resolves outside the model's folder`
      )
      continue
    }
    const status = await stat(real)
    if (status.nlink > 1) {
      unsafe(
        `tensor "${external.tensor}": external data "${location}" is a hard link (it may be any file)`
      )
      continue
    }
    if (
      !Number.isSafeInteger(external.offset) ||
      external.offset < 0 ||
      (external.length !== undefined &&
        (!Number.isSafeInteger(external.length) || external.offset + external.length > status.size))
    )
      findings.push({
        severity: 'invalid',
        message: `tensor "${external.tensor}": bytes ${external.offset}+${external.length} lie outside "${location}" (${status.size} bytes)`
      })
  }
  return findings
}
