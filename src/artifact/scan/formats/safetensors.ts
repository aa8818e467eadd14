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
  const header = await readHeader(blob)
  if (typeof header === 'string') return [error(header)]
  const dataStart = 8 + header.length
  const dataLength = blob.size - dataStart
  const tensors: TensorInfo[] = []
  const findings: Finding[] = []
  for (const [name, value] of Object.entries(header.json)) {
    if (name === '__metadata__') {
      if (!isStringMap(value)) findings.push(error('__metadata__ must map strings to strings'))
      continue
    }
    const tensor = readTensor(name, value, dataLength)
    if (typeof tensor === 'string') findings.push(error(tensor))
    else tensors.push(tensor)
  }
  if (findings.length) return findings
  const gap = coverageProblem(tensors, dataLength)
  if (gap) return [error(gap)]
  findings.push({
    severity: 'info',
    message: `${tensors.length} tensors, ${dataLength} bytes of data`
  })
  if (scanValues) findings.push(await scanFloatValues(blob, dataStart, tensors))
  return findings
}

/** The header's JSON object and its length, or what is wrong with it. */
async function readHeader(
  blob: Blob
): Promise<{ json: Record<string, unknown>; length: number } | string> {
  const size = blob.size
  if (size < 8) return `only ${size} bytes: a safetensors file starts with an 8-byte header length`
  const length = Number((await blob.read(0, 8)).readBigUInt64LE(0))
  if (length > MAX_HEADER || 8 + length > size)
    return `header length ${length} does not fit in the ${size}-byte file (truncated or not safetensors)`
  const bytes = await blob.read(8, length)
  let json: unknown
  try {
    json = JSON.parse(bytes.toString('utf8'))
  } catch (cause) {
    return `the header is not valid JSON: ${(cause as Error).message}`
  }
  if (!isObject(json))
    return `the header is ${JSON.stringify(json)?.slice(0, 40)}, not a JSON object of tensors`
  return { json, length }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value)

const isStringMap = (value: unknown): boolean =>
  isObject(value) && Object.values(value).every(v => typeof v === 'string')

/** A tensor's entry, when its dtype, shape and offsets fit the data; else what is wrong. */
function readTensor(name: string, value: unknown, dataLength: number): TensorInfo | string {
  if (!isObject(value))
    return `tensor "${name}" is ${JSON.stringify(value)?.slice(0, 40)}, not an object`
  const { dtype, shape, data_offsets: offsets } = value
  if (typeof dtype !== 'string' || !(dtype in DTYPE_BYTES))
    return `tensor "${name}": unknown dtype ${JSON.stringify(dtype)}`
  if (
    !Array.isArray(shape) ||
    !shape.every(d => Number.isSafeInteger(d) && d >= 0) ||
    !Array.isArray(offsets) ||
    offsets.length !== 2
  )
    return `tensor "${name}": shape and data_offsets must be lists of integers`
  const [begin, end] = offsets as number[]
  const expected = (shape as number[]).reduce((product, d) => product * d, 1) * DTYPE_BYTES[dtype]
  if (!(
    Number.isSafeInteger(begin) &&
    Number.isSafeInteger(end) &&
    0 <= begin &&
    begin <= end &&
    end <= dataLength
  ))
    return `tensor "${name}": data_offsets [${begin}, ${end}] fall outside the ${dataLength} bytes of data (file truncated?)`
  if (end - begin !== expected)
    return `tensor "${name}": ${end - begin} bytes of data but ${dtype}${JSON.stringify(shape)} needs ${expected}`
  return { name, dtype, begin, end }
}

/** Tensors must cover the data from its first byte to its last, without holes or overlaps. */
function coverageProblem(tensors: TensorInfo[], dataLength: number): string | undefined {
  tensors.sort((a, b) => a.begin - b.begin)
  let covered = 0
  for (const tensor of tensors) {
    if (tensor.begin !== covered)
      return `tensor "${tensor.name}" starts at byte ${tensor.begin} of the data, expected ${covered}: tensors overlap or leave a hole`
    covered = tensor.end
  }
  if (covered !== dataLength)
    return `${dataLength - covered} bytes after the last tensor are not described by the header`
  return undefined
}

const FLOAT_DTYPES = ['F32', 'F64', 'F16', 'BF16']

/** Reads every float tensor, counting NaN and infinite values. */
async function scanFloatValues(
  blob: Blob,
  dataStart: number,
  tensors: TensorInfo[]
): Promise<Finding> {
  let nonFinite = 0
  const bad: string[] = []
  for (const tensor of tensors) {
    if (!FLOAT_DTYPES.includes(tensor.dtype)) continue
    const chunkSize = 4 * 1024 * 1024
    for (let at = tensor.begin; at < tensor.end; at += chunkSize) {
      const chunk = await blob.read(dataStart + at, Math.min(chunkSize, tensor.end - at))
      const count = scanNonFinite(chunk, tensor.dtype)
      if (count && !bad.includes(tensor.name)) bad.push(tensor.name)
      nonFinite += count
    }
  }
  if (nonFinite)
    return error(`${nonFinite} NaN or infinite values in ${bad.map(n => `"${n}"`).join(', ')}`)
  return { severity: 'info', message: 'no NaN or infinite values in float tensors' }
}
