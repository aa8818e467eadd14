import { open, readFile } from 'node:fs/promises'
import path from 'node:path'
import { checkOnnx } from './onnx.js'
import { judgePickle, scanPickle } from './pickle.js'
import { checkSafetensors } from './safetensors.js'
import { error, note, type FormatReport } from './types.js'
import { checkZip } from './zip.js'

export type { FormatFinding, FormatReport } from './types.js'

const HDF5_SIGNATURE = Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a])
const MAX_PICKLE = 256 * 1024 * 1024
const MAX_JSON = 256 * 1024 * 1024

async function head(file: string, length: number, position = 0): Promise<Buffer> {
  const handle = await open(file, 'r')
  try {
    const buffer = Buffer.alloc(length)
    const { bytesRead } = await handle.read(buffer, 0, length, position)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** HDF5 puts its superblock at byte 0, 512, 1024, 2048, ... */
async function isHdf5(file: string, size: number): Promise<boolean> {
  for (let at = 0; at + 8 <= size && at <= 1 << 20; at = at === 0 ? 512 : at * 2) {
    if ((await head(file, 8, at)).equals(HDF5_SIGNATURE)) return true
  }
  return false
}

function detect(name: string, magic: Buffer): string {
  const extension = path.extname(name).toLowerCase()
  const known: Record<string, string> = {
    '.safetensors': 'safetensors',
    '.onnx': 'onnx',
    '.pt': 'pytorch',
    '.pth': 'pytorch',
    '.ckpt': 'pytorch',
    '.bin': 'pytorch-or-raw',
    '.keras': 'keras',
    '.h5': 'hdf5',
    '.hdf5': 'hdf5',
    '.joblib': 'pickle',
    '.pkl': 'pickle',
    '.pickle': 'pickle',
    '.json': 'json',
    '.zip': 'zip'
  }
  if (known[extension] && known[extension] !== 'pytorch-or-raw') return known[extension]
  if (magic.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return 'pytorch'
  if (magic.subarray(0, 8).equals(HDF5_SIGNATURE)) return 'hdf5'
  if (magic[0] === 0x80 && magic[1] >= 2 && magic[1] <= 5) return 'pickle'
  if (magic.length >= 9 && magic[8] === 0x7b && magic.readUInt32LE(4) === 0) return 'safetensors'
  return 'unknown'
}

/**
 * Checks that a model file is what its name (or its first bytes) says, without Python: structure,
 * checksums, and for pickles the imports that would run when loaded.
 */
export async function checkModelFile(
  file: string,
  name: string,
  size: number,
  options: { scanTensorValues: boolean }
): Promise<FormatReport> {
  const format = detect(name, await head(file, 16))
  switch (format) {
    case 'safetensors':
      return { format, findings: await checkSafetensors(file, size, options.scanTensorValues) }
    case 'onnx':
      return { format, findings: await checkOnnx(file, size) }
    case 'pytorch':
    case 'keras':
    case 'zip': {
      const zip = await checkZip(file, size)
      try {
        const findings = [...zip.findings]
        if (findings.length) return { format, findings }
        if (format === 'keras') {
          const names = zip.entries.map(entry => entry.name)
          if (!names.includes('config.json'))
            findings.push(error('a .keras archive needs config.json'))
          else findings.push(note(`Keras archive: ${names.join(', ')}`))
          return { format, findings }
        }
        const pickles = zip.entries.filter(entry => entry.name.endsWith('data.pkl'))
        if (format === 'pytorch' && !pickles.length)
          return {
            format,
            findings: [
              error('a PyTorch zip checkpoint holds <name>/data.pkl; this archive has none')
            ]
          }
        for (const entry of pickles) {
          if (entry.size > MAX_PICKLE) findings.push(note(`${entry.name}: too large to scan`))
          else
            findings.push(
              ...judgePickle(scanPickle((await zip.read(entry.name))!), entry.name, 'torch.load')
            )
        }
        if (format === 'pytorch')
          findings.unshift(note(`${zip.entries.length} entries, CRC-32 intact`))
        return { format, findings }
      } finally {
        await zip.close()
      }
    }
    case 'hdf5':
      return (await isHdf5(file, size))
        ? { format, findings: [note('HDF5 signature present')] }
        : { format, findings: [error('no HDF5 signature: not an HDF5 file (or truncated)')] }
    case 'pickle': {
      if (size > MAX_PICKLE) return { format, findings: [note('too large to scan')] }
      const bytes = await readFile(file)
      // joblib compresses with zlib (0x78) or others; the pickle inside is not visible without inflating.
      if (bytes[0] === 0x78 || bytes.subarray(0, 4).toString('latin1') === 'ZF\x00\x00') {
        return { format, findings: [note('compressed joblib file: imports not scanned')] }
      }
      return {
        format,
        findings: judgePickle(
          scanPickle(bytes),
          path.basename(name),
          'unpickle (joblib.load, pickle.load, torch.load)'
        )
      }
    }
    case 'json': {
      if (size > MAX_JSON) return { format, findings: [note('too large to parse')] }
      try {
        JSON.parse(await readFile(file, 'utf8'))
        return { format, findings: [note('valid JSON')] }
      } catch (cause) {
        return { format, findings: [error(`not valid JSON: ${(cause as Error).message}`)] }
      }
    }
    default:
      return {
        format: 'unknown',
        findings: [note('format not recognised; only its size was checked')]
      }
  }
}
