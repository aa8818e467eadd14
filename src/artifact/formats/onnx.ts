import { readFile } from 'node:fs/promises'
import { ProtoError, Wire } from '../../protobuf.js'
import { error, note, type FormatFinding } from './types.js'

const MAX_BYTES = 256 * 1024 * 1024

/**
 * ONNX: a protobuf ModelProto (ir_version = 1, opset_import = 8, graph = 7) whose GraphProto has nodes (1),
 * inputs (11) and outputs (12). Initializers (the weights) are skipped, not decoded.
 */
export async function checkOnnx(file: string, size: number): Promise<FormatFinding[]> {
  if (size > MAX_BYTES)
    return [note(`larger than ${MAX_BYTES / 2 ** 20} MiB: structure not checked`)]
  const buf = await readFile(file)
  try {
    const model = new Wire(buf, 0, buf.length)
    let irVersion: number | undefined
    let opsets = 0
    let graph: [number, number] | undefined
    while (model.pos < buf.length) {
      const key = model.varint()
      const field = key >>> 3
      const type = key & 7
      if (field === 1 && type === 0) irVersion = model.varint()
      else if (field === 8 && type === 2) {
        model.span()
        opsets++
      } else if (field === 7 && type === 2) graph = model.span()
      else model.skip(type)
    }
    if (irVersion === undefined) return [error('no ir_version: not an ONNX ModelProto')]
    if (!graph) return [error('the model has no graph')]
    const counts = { nodes: 0, inputs: 0, outputs: 0, initializers: 0 }
    const wire = new Wire(buf, graph[0], graph[1])
    while (wire.pos < graph[1]) {
      const key = wire.varint()
      const field = key >>> 3
      if ((key & 7) === 2 && [1, 5, 11, 12].includes(field)) {
        wire.span()
        if (field === 1) counts.nodes++
        else if (field === 5) counts.initializers++
        else if (field === 11) counts.inputs++
        else counts.outputs++
      } else wire.skip(key & 7)
    }
    const findings: FormatFinding[] = []
    if (counts.inputs === 0) findings.push(error('the graph has no inputs'))
    if (counts.outputs === 0) findings.push(error('the graph has no outputs'))
    if (findings.length) return findings
    return [
      note(
        `IR version ${irVersion}, ${opsets} opset(s), ${counts.nodes} nodes, ${counts.inputs} inputs, ${counts.outputs} outputs, ${counts.initializers} initializers`
      )
    ]
  } catch (cause) {
    if (cause instanceof ProtoError)
      return [error(`not a readable ONNX protobuf: ${cause.message} (truncated?)`)]
    throw cause
  }
}
