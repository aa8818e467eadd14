import type { Compression } from './inflate.js'

export const HDF5_SIGNATURE = Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a])

export type Kind =
  | {
      kind: 'zip' | 'tar' | 'hdf5' | 'npy' | 'safetensors' | 'onnx' | 'json' | 'pickle' | 'unknown'
    }
  | { kind: 'compressed'; compression: Compression | 'joblib-zf' }
  /** A container or compression ml-smoke cannot open. */
  | { kind: 'unscannable'; what: string }
  /** A format that holds no code: recognised, nothing more to check. */
  | { kind: 'data'; what: string }

const starts = (head: Buffer, bytes: number[] | string, at = 0): boolean => {
  const want = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes)
  return head.length >= at + want.length && head.subarray(at, at + want.length).equals(want)
}

/**
 * What a file is, from its first bytes (at least 512 of them when the file has that many) and, only
 * for formats with no signature of their own, its name.
 */
export function sniff(head: Buffer, size: number, name: string): Kind {
  const extension = name.toLowerCase().split('.').pop() ?? ''
  if (starts(head, 'PK\x03\x04') || starts(head, 'PK\x05\x06')) return { kind: 'zip' }
  if (starts(head, [...HDF5_SIGNATURE])) return { kind: 'hdf5' }
  if (starts(head, '\x93NUMPY')) return { kind: 'npy' }
  if (starts(head, [0x1f, 0x8b])) return { kind: 'compressed', compression: 'gzip' }
  if (starts(head, 'BZh') && head[3] >= 0x31 && head[3] <= 0x39)
    return { kind: 'compressed', compression: 'bz2' }
  if (starts(head, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))
    return { kind: 'compressed', compression: 'xz' }
  // joblib's own prefixes: zlib is just 0x78, lzma (FORMAT_ALONE) 0x5d 0x00, and the old 'ZF' format.
  if (head[0] === 0x78 && head.length > 1 && ((head[0] << 8) | head[1]) % 31 === 0)
    return { kind: 'compressed', compression: 'zlib' }
  if (starts(head, [0x5d, 0x00])) return { kind: 'compressed', compression: 'lzma' }
  if (starts(head, 'ZF') && /^0x[0-9a-f]+L? *$/.test(head.toString('latin1', 2, 21)))
    return { kind: 'compressed', compression: 'joblib-zf' }
  if (starts(head, [0x04, 0x22, 0x4d, 0x18]))
    return { kind: 'unscannable', what: 'lz4 compression' }
  if (starts(head, [0x28, 0xb5, 0x2f, 0xfd]))
    return { kind: 'unscannable', what: 'zstd compression' }
  if (starts(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]))
    return { kind: 'unscannable', what: 'a 7-Zip archive' }
  if (starts(head, 'Rar!\x1a\x07')) return { kind: 'unscannable', what: 'a RAR archive' }
  if (starts(head, 'ustar', 257)) return { kind: 'tar' }
  if (starts(head, [0x80]) && head[1] >= 2 && head[1] <= 5) return { kind: 'pickle' }
  if (head.length >= 9 && head[8] === 0x7b && Number(head.readBigUInt64LE(0)) + 8 <= size)
    return { kind: 'safetensors' }
  if (starts(head, 'GGUF')) return { kind: 'data', what: 'GGUF' }
  if (starts(head, 'TFL3', 4)) return { kind: 'data', what: 'TensorFlow Lite' }
  if (extension === 'safetensors') return { kind: 'safetensors' }
  if (
    extension === 'onnx' ||
    (head[0] === 0x08 && head[1] !== undefined && head[1] < 0x80 && head[2] === 0x12)
  )
    return { kind: 'onnx' }
  if (extension === 'json' && /^\s*[[{]/.test(head.toString('latin1', 0, 64)))
    return { kind: 'json' }
  if (extension === 'h5' || extension === 'hdf5' || extension === 'keras') return { kind: 'hdf5' }
  return { kind: 'unknown' }
}
