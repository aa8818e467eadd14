import type { Blob } from '../source.js'
import type { Finding } from '../types.js'

const DTYPE_BYTES: Record<string, number> = {
  F64: 8,
  F32: 4,
  F16: 2,
  BF16: 2,
  F8_E4M3: 1,
  F8_E5M2: 1,
  I64: 8,
  I32: 4,
  I16: 2,
  I8: 1,
  U64: 8,
  U32: 4,
  U16: 2,
  U8: 1,
  BOOL: 1
}
const MAX_HEADER = 100 * 1024 * 1024

interface TensorInfo {
  name: string
  dtype: string
  begin: number
  end: number
}

/** A float value's bits are NaN or infinite: the exponent is all ones. */
function scanNonFinite(bytes: Buffer, dtype: string): number {
  let count = 0
  if (dtype === 'F32') {
    for (let i = 0; i + 4 <= bytes.length; i += 4)
      if ((bytes.readUInt32LE(i) & 0x7f800000) === 0x7f800000) count++
  } else if (dtype === 'F64') {
    for (let i = 0; i + 8 <= bytes.length; i += 8)
      if ((bytes.readUInt32LE(i + 4) & 0x7ff00000) === 0x7ff00000) count++
  } else if (dtype === 'F16') {
    for (let i = 0; i + 2 <= bytes.length; i += 2)
      if ((bytes.readUInt16LE(i) & 0x7c00) === 0x7c00) count++
  } else if (dtype === 'BF16') {
    for (let i = 0; i + 2 <= bytes.length; i += 2)
      if ((bytes.readUInt16LE(i) & 0x7f80) === 0x7f80) count++
  }
  return count
}

const error = (message: string): Finding => ({ severity: 'invalid', message })

/**
 * safetensors: an 8-byte little-endian header length, a JSON object mapping tensor names to dtype, shape
 * and data offsets, then the data. Every tensor must lie inside the file with the size its dtype and shape
 * imply, and together they must cover the data without holes or overlaps (what the format requires).
 * The format holds no code: nothing here is unsafe, only invalid.
 */
export async function checkSafetensors(blob: Blob, scanValues: boolean): Promise<Finding[]> {
  const size = blob.size
  if (size < 8)
    return [error(`only ${size} bytes: a safetensors file starts with an 8-byte header length`)]
  const headerLength = Number((await blob.read(0, 8)).readBigUInt64LE(0))
  if (headerLength > MAX_HEADER || 8 + headerLength > size) {
    return [
      error(
        `header length ${headerLength} does not fit in the ${size}-byte file (truncated or not safetensors)`
      )
    ]
  }
  const headerBytes = await blob.read(8, headerLength)
  let header: unknown
  try {
    header = JSON.parse(headerBytes.toString('utf8'))
  } catch (cause) {
    return [error(`the header is not valid JSON: ${(cause as Error).message}`)]
  }
  if (!header || typeof header !== 'object' || Array.isArray(header))
    return [
      error(`the header is ${JSON.stringify(header)?.slice(0, 40)}, not a JSON object of tensors`)
    ]
  const dataLength = size - 8 - headerLength
  const tensors: TensorInfo[] = []
  const findings: Finding[] = []
  for (const [name, value] of Object.entries(header)) {
    if (name === '__metadata__') {
      if (
        !value ||
        typeof value !== 'object' ||
        Array.isArray(value) ||
        !Object.values(value).every(v => typeof v === 'string')
      )
        findings.push(error('__metadata__ must map strings to strings'))
      continue
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      findings.push(
        error(`tensor "${name}" is ${JSON.stringify(value)?.slice(0, 40)}, not an object`)
      )
      continue
    }
    const info = value as { dtype?: unknown; shape?: unknown; data_offsets?: unknown }
    const offsets = info.data_offsets
    const shape = info.shape
    if (typeof info.dtype !== 'string' || !(info.dtype in DTYPE_BYTES)) {
      findings.push(error(`tensor "${name}": unknown dtype ${JSON.stringify(info.dtype)}`))
      continue
    }
    if (
      !Array.isArray(shape) ||
      !shape.every(d => Number.isSafeInteger(d) && d >= 0) ||
      !Array.isArray(offsets) ||
      offsets.length !== 2
    ) {
      findings.push(error(`tensor "${name}": shape and data_offsets must be lists of integers`))
      continue
    }
    const [begin, end] = offsets as number[]
    const expected =
      (shape as number[]).reduce((product, d) => product * d, 1) * DTYPE_BYTES[info.dtype]
    if (!(
      Number.isSafeInteger(begin) &&
      Number.isSafeInteger(end) &&
      0 <= begin &&
      begin <= end &&
      end <= dataLength
    )) {
      findings.push(
        error(
          `tensor "${name}": data_offsets [${begin}, ${end}] fall outside the ${dataLength} bytes of data (file truncated?)`
        )
      )
    } else if (end - begin !== expected) {
      findings.push(
        error(
          `tensor "${name}": ${end - begin} bytes of data but ${info.dtype}${JSON.stringify(shape)} needs ${expected}`
        )
      )
    } else tensors.push({ name, dtype: info.dtype, begin, end })
  }
  if (findings.length) return findings
  tensors.sort((a, b) => a.begin - b.begin)
  let covered = 0
  for (const tensor of tensors) {
    if (tensor.begin !== covered) {
      return [
        error(
          `tensor "${tensor.name}" starts at byte ${tensor.begin} of the data, expected ${covered}: tensors overlap or leave a hole`
        )
      ]
    }
    covered = tensor.end
  }
  if (covered !== dataLength)
    return [
      error(`${dataLength - covered} bytes after the last tensor are not described by the header`)
    ]
  findings.push({
    severity: 'info',
    message: `${tensors.length} tensors, ${dataLength} bytes of data`
  })
  if (scanValues) {
    let nonFinite = 0
    const bad: string[] = []
    for (const tensor of tensors) {
      if (!['F32', 'F64', 'F16', 'BF16'].includes(tensor.dtype)) continue
      const chunkSize = 4 * 1024 * 1024
      for (let at = tensor.begin; at < tensor.end; at += chunkSize) {
        const chunk = await blob.read(8 + headerLength + at, Math.min(chunkSize, tensor.end - at))
        const count = scanNonFinite(chunk, tensor.dtype)
        if (count && !bad.includes(tensor.name)) bad.push(tensor.name)
        nonFinite += count
      }
    }
    if (nonFinite)
      findings.push(
        error(`${nonFinite} NaN or infinite values in ${bad.map(n => `"${n}"`).join(', ')}`)
      )
    else findings.push({ severity: 'info', message: 'no NaN or infinite values in float tensors' })
  }
  return findings
}
