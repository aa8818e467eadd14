import { execFileSync } from 'node:child_process'
import { mkdtemp, open, readdir, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { scanModelFile, scanModelFiles, type FileScan } from '../src/artifact/scan/index.js'

interface Hostile {
  name: string
  class: string
  verify: string | null
}

const here = path.dirname(new URL(import.meta.url).pathname)
const real = path.join(here, '..', 'fixtures', 'models', 'real')
/** Files that attack the scanner itself rather than run code: they must fail (unsafe or invalid). */
const FAILS_ONLY = new Set(['fake_deflate.pt'])

/** A legacy torch.save tar as torch < 0.4 wrote it (legacy_load reads it still), stand-ins for torch. */
const LEGACY_TAR = `
import io, pickle, struct, sys, tarfile, types
from collections import OrderedDict
torch = types.ModuleType('torch'); sys.modules['torch'] = torch
class FloatStorage: pass
class FloatTensor: pass
for cls in (FloatStorage, FloatTensor):
    cls.__module__ = 'torch'; setattr(torch, cls.__name__, cls)
def dumps(obj, persistent=False):
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=2)
    if persistent:
        pickler.persistent_id = lambda o: o[1] if isinstance(o, tuple) and o and o[0] == 'ref' else None
    pickler.dump(obj)
    return buffer.getvalue()
storages = dumps(1) + dumps(('0', 'cpu', FloatStorage)) + struct.pack('<q', 2) + struct.pack('<2f', 1, 2) + dumps([])
tensors = dumps(1) + dumps(('t0', '0', FloatTensor)) + struct.pack('<ii', 1, 0) + struct.pack('<qqq', 2, 1, 0)
members = {'sys_info': dumps({'protocol_version': 1001}), 'pickle': dumps(OrderedDict(w=('ref', 't0')), True), 'storages': storages, 'tensors': tensors}
with tarfile.open(sys.argv[1], 'w', format=tarfile.PAX_FORMAT) as tar:
    for name, data in members.items():
        info = tarfile.TarInfo(name); info.size = len(data); tar.addfile(info, io.BytesIO(data))
`

let dir: string
let hostile: Hostile[]
let verified: { verified: number; failed: string[] }

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hostile-'))
  const out = execFileSync(
    'python3',
    [path.join(here, 'scan-corpus', 'hostile.py'), dir, '--verify'],
    {
      encoding: 'utf8',
      timeout: 180_000
    }
  )
  verified = JSON.parse(out.trim().split('\n').at(-1)!)
  hostile = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'))
}, 200_000)

/** Scans with a deadline: a scan that never settles fails the test instead of hanging it. */
async function scanWithin(file: string, ms: number): Promise<FileScan | 'timed out'> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<'timed out'>(
    resolve => (timer = setTimeout(() => resolve('timed out'), ms))
  )
  try {
    return await Promise.race([scanModelFile({ path: file, name: path.basename(file) }), deadline])
  } finally {
    clearTimeout(timer)
  }
}

describe('hostile corpus (__tests__/scan-corpus/hostile.py)', () => {
  it('is live: every payload the standard library can load ran when loaded', () => {
    expect(verified.failed).toEqual([])
    expect(verified.verified).toBeGreaterThanOrEqual(40)
  })

  it('every file that runs code is unsafe, and a verdict comes back for each within 20 s', async () => {
    const missed: string[] = []
    const byClass = new Map<string, number>()
    for (const item of hostile) {
      const scan = await scanWithin(path.join(dir, item.name), 20_000)
      const expected = FAILS_ONLY.has(item.name) ? ['unsafe', 'invalid'] : ['unsafe']
      if (scan === 'timed out' || !expected.includes(scan.verdict))
        missed.push(
          `${item.name} (${item.class}): ${scan === 'timed out' ? scan : JSON.stringify(scan.findings)}`
        )
      byClass.set(item.class, (byClass.get(item.class) ?? 0) + 1)
    }
    expect(missed).toEqual([])
    expect(hostile.length).toBeGreaterThanOrEqual(100)
    expect(byClass.size).toBeGreaterThanOrEqual(60)
  }, 120_000)

  it('a pickle over 256 MiB is read to its end (its bytes streamed, not held): the payload after them is found', async () => {
    const file = path.join(dir, 'large.pkl')
    const size = 300 << 20
    const header = Buffer.from([
      0x80,
      0x04,
      0x8e,
      ...Buffer.from(new BigUint64Array([BigInt(size)]).buffer)
    ])
    // BINBYTES8 of 300 MiB (a sparse file: zeros cost no disk), POP, then os.system('true')
    const payload = Buffer.from('0cos\nsystem\n\x8c\x04true\x85R.', 'latin1')
    const handle = await open(file, 'w')
    await handle.write(header, 0, header.length, 0)
    await handle.write(payload, 0, payload.length, header.length + size)
    await handle.close()
    const scan = await scanModelFile({ path: file, name: 'large.pkl' })
    expect(scan.findings).toEqual([
      expect.objectContaining({
        severity: 'unsafe',
        global: 'os.system',
        offset: header.length + size + 1
      })
    ])
  }, 60_000)

  it('names the import and where it is: entry and byte offset', async () => {
    const zip = await scanModelFile({
      path: path.join(dir, 'torch_zip_other_pkl.pt'),
      name: 'x.pt'
    })
    expect(zip.findings).toContainEqual({
      severity: 'unsafe',
      message: 'imports os.system: not on the allowlist (loading it can run code)',
      global: 'os.system',
      entry: 'archive/extra.pkl',
      offset: 2
    })
    const second = await scanModelFile({ path: path.join(dir, 'second_pickle.bin'), name: 'x.bin' })
    expect(second.findings[0]).toMatchObject({ global: 'os.system', offset: 46 })
    expect(second.findings[0].message).toContain('in pickle #2, after the STOP of #1')
  })

  it('allow-globals lets an exact name through, never a module or a prefix', async () => {
    const file = { path: path.join(dir, 'main_class.pkl'), name: 'main_class.pkl' }
    expect((await scanModelFile(file)).verdict).toBe('unsafe')
    expect((await scanModelFile(file, { allowGlobals: ['__main__.Net'] })).verdict).toBe('ok')
    expect((await scanModelFile(file, { allowGlobals: ['__main__.Other'] })).verdict).toBe('unsafe')
    await expect(scanModelFiles([file], { allowGlobals: ['__main__'] })).rejects.toThrow(
      /not an exact module.name/
    )
    await expect(scanModelFiles([file], { allowGlobals: ['os.system'] })).rejects.toThrow(
      /runs commands/
    )
  })

  it('allow-globals also admits a Keras custom layer by its exact module and class', async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'keras-')), 'custom.keras')
    const config = JSON.stringify({
      module: 'keras',
      class_name: 'Sequential',
      config: { layers: [{ module: 'mypkg.layers', class_name: 'MyLayer', config: {} }] }
    })
    execFileSync('python3', [
      '-c',
      'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w") as z:\n    z.writestr("metadata.json", "{}")\n    z.writestr("config.json", sys.argv[2])',
      file,
      config
    ])
    const scan = await scanModelFile({ path: file, name: 'custom.keras' })
    expect(scan.findings[0].message).toBe(
      'the config names module "mypkg.layers" (MyLayer): Keras imports it and calls into it'
    )
    const allowed = await scanModelFile(
      { path: file, name: 'custom.keras' },
      { allowGlobals: ['mypkg.layers.MyLayer'] }
    )
    expect(allowed.verdict).toBe('ok')
  })

  it('limits are options: a smaller value budget makes a big pickle unsafe, not skipped', async () => {
    const scan = await scanModelFile(
      { path: path.join(real, 'sklearn_p0.pkl'), name: 'sklearn_p0.pkl' },
      { limits: { maxPickleValues: 50 } }
    )
    expect(scan.verdict).toBe('unsafe')
    expect(scan.findings[0].message).toMatch(/too complex to scan: more than 50 values/)
    const big = await scanModelFile(
      { path: path.join(real, 'sklearn.joblib'), name: 'sklearn.joblib' },
      { limits: { maxFileBytes: 1000 } }
    )
    expect(big.findings).toEqual([
      {
        severity: 'unsafe',
        message: `${big.findings[0].message.split(' ')[0]} bytes, more than max-scan-bytes 1000: too large to scan, so not shown safe`
      }
    ])
  })
})

describe('benign real files (fixtures/models/real/make_real_models.py)', () => {
  it('none is unsafe or invalid: torch, legacy torch, ONNX, scikit-learn and xgboost in every joblib compression, numpy, Keras HDF5', async () => {
    const names = (await readdir(real)).filter(name => !name.endsWith('.py')).sort()
    const report = await scanModelFiles(names.map(name => ({ path: path.join(real, name), name })))
    const flagged = report.files.filter(file => file.verdict !== 'ok')
    expect(flagged).toEqual([])
    expect(report.passed).toBe(true)
    const formats = Object.fromEntries(
      report.files.map(file => [path.basename(file.path), file.format])
    )
    expect(formats).toMatchObject({
      'torch_state_dict.pt': 'pytorch-zip',
      'torch_module.pt': 'pytorch-zip',
      'torch_legacy_state_dict.pt': 'pytorch-legacy',
      'torch_legacy_module.bin': 'pytorch-legacy',
      'sklearn.joblib': 'pickle',
      'sklearn.zlib.joblib': 'joblib (zlib)',
      'sklearn.gzip.joblib': 'joblib (gzip)',
      'sklearn.bz2.joblib': 'joblib (bz2)',
      'sklearn.xz.joblib': 'joblib (xz)',
      'sklearn.lzma.joblib': 'joblib (lzma)',
      'objects.npy': 'numpy',
      'arrays.npz': 'npz',
      'model_real.onnx': 'onnx',
      'model_external.onnx': 'onnx',
      'keras_legacy.h5': 'keras-h5'
    })
    expect(report.files.length).toBeGreaterThanOrEqual(30)
  })

  it('a legacy torch tar (torch < 0.4) is read member by member: storages, tensors, pickle', async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'tar-')), 'legacy.pt')
    execFileSync('python3', ['-c', LEGACY_TAR, file])
    const scan = await scanModelFile({ path: file, name: 'legacy.pt' })
    expect(scan.format).toBe('pytorch-tar')
    expect(scan.verdict).toBe('ok')
  })

  it('safetensors whose header is not an object is invalid, not an internal error', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'st-'))
    for (const header of ['null', '1', '[]', '{"w": null}']) {
      const file = path.join(folder, 'model.safetensors')
      const text = Buffer.from(header)
      const length = Buffer.alloc(8)
      length.writeBigUInt64LE(BigInt(text.length))
      await writeFile(file, Buffer.concat([length, text]))
      const scan = await scanModelFile({ path: file, name: 'model.safetensors' })
      expect({ header, verdict: scan.verdict }).toEqual({ header, verdict: 'invalid' })
    }
  })

  it('a legacy torch file is read to the end of its storages, not past it', async () => {
    const scan = await scanModelFile({
      path: path.join(real, 'torch_legacy_state_dict.pt'),
      name: 'torch_legacy_state_dict.pt'
    })
    expect(scan.findings).toEqual([
      { severity: 'info', message: 'legacy torch.save format: 5 pickles, 9 storages' }
    ])
  })
})
