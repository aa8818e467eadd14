import { stat } from 'node:fs/promises'
import { describe, expect, it } from '@jest/globals'
import { checkModelFile } from '../src/artifact/formats/index.js'
import { scanPickle } from '../src/artifact/formats/pickle.js'

const fixture = (name: string): string =>
  new URL(`../fixtures/models/${name}`, import.meta.url).pathname

async function check(name: string, scanTensorValues = false) {
  const file = fixture(name)
  return checkModelFile(file, name, (await stat(file)).size, { scanTensorValues })
}

const levels = (report: Awaited<ReturnType<typeof check>>) => report.findings.map(f => f.level)

describe('model format checks (files from fixtures/models/make_models.py)', () => {
  it('safetensors: a valid file, a truncated one, and NaN found only when scanning values', async () => {
    expect(await check('model.safetensors')).toEqual({
      format: 'safetensors',
      findings: [{ level: 'note', message: '2 tensors, 32 bytes of data' }]
    })
    const truncated = await check('truncated.safetensors')
    expect(truncated.findings).toEqual([
      {
        level: 'error',
        message:
          'tensor "linear.weight": data_offsets [0, 24] fall outside the 22 bytes of data (file truncated?)'
      },
      {
        level: 'error',
        message:
          'tensor "linear.bias": data_offsets [24, 32] fall outside the 22 bytes of data (file truncated?)'
      }
    ])
    expect(levels(await check('nan.safetensors'))).toEqual(['note'])
    expect((await check('nan.safetensors', true)).findings.at(-1)).toEqual({
      level: 'error',
      message: '1 NaN or infinite values in "w"'
    })
  })

  it('PyTorch zip checkpoint: CRCs intact, data.pkl imports only torch; a flipped byte is a CRC error', async () => {
    const good = await check('model.pt')
    expect(good.format).toBe('pytorch')
    expect(levels(good)).toEqual(['note', 'note'])
    expect(good.findings[1].message).toBe(
      'model/data.pkl: 2 imports, all from the usual allow-list'
    )
    expect((await check('badcrc.pt')).findings).toEqual([
      { level: 'error', message: '"model/data/0": CRC-32 mismatch (the data is corrupted)' }
    ])
  })

  it('a pickle that imports os.system or eval is a warning that names the import', async () => {
    const evil = await check('evil.pt')
    expect(evil.findings).toContainEqual({
      level: 'warning',
      message:
        'model/data.pkl imports posix.system: unsafe to torch.load (it runs code when loaded)'
    })
    expect((await check('evil.pkl')).findings).toContainEqual({
      level: 'warning',
      message:
        'evil.pkl imports builtins.eval: unsafe to unpickle (joblib.load, pickle.load, torch.load) (it runs code when loaded)'
    })
    expect(levels(await check('sklearn.pkl'))).toEqual(['note'])
  })

  it('ONNX: graph with inputs and outputs; a truncated protobuf is an error', async () => {
    expect((await check('model.onnx')).findings).toEqual([
      {
        level: 'note',
        message: 'IR version 8, 1 opset(s), 1 nodes, 1 inputs, 1 outputs, 0 initializers'
      }
    ])
    expect(levels(await check('truncated.onnx'))).toEqual(['error'])
  })

  it('Keras .keras archive and HDF5 .h5 signatures; JSON parses; unknown formats pass with a note', async () => {
    expect((await check('model.keras')).findings[0].message).toBe(
      'Keras archive: metadata.json, config.json, model.weights.h5'
    )
    expect((await check('model.h5')).findings).toEqual([
      { level: 'note', message: 'HDF5 signature present' }
    ])
    expect(levels(await check('make_models.py'))).toEqual(['note'])
  })

  it('the pickle scanner resolves STACK_GLOBAL through the memo and rejects non-pickles', () => {
    // protocol 4: SHORT_BINUNICODE 'os', MEMOIZE, SHORT_BINUNICODE 'system', MEMOIZE, BINGET 0, BINGET 1, STACK_GLOBAL, STOP
    const bytes = Buffer.from([
      0x80,
      4,
      0x8c,
      2,
      ...Buffer.from('os'),
      0x94,
      0x8c,
      6,
      ...Buffer.from('system'),
      0x94,
      0x68,
      0,
      0x68,
      1,
      0x93,
      0x2e
    ])
    expect(scanPickle(bytes)).toEqual({ globals: ['os.system'] })
    expect(scanPickle(Buffer.from('hello world')).invalidAt).toBeDefined()
    expect(scanPickle(Buffer.from('hello world')).globals).toEqual([])
  })
})
