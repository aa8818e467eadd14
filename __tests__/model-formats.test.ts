import { stat } from 'node:fs/promises'
import { describe, expect, it } from '@jest/globals'
import { checkModelFile } from '../src/artifact/formats/index.js'

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
    expect(good.format).toBe('pytorch-zip')
    expect(levels(good)).toEqual(['note', 'note'])
    expect(good.findings).toContainEqual({
      level: 'note',
      message: '4 entries, CRC-32 intact, 1 pickle within the allowlist'
    })
    expect((await check('badcrc.pt')).findings).toContainEqual({
      level: 'error',
      message: 'model/data/0: CRC-32 mismatch (the data is corrupted)'
    })
  })

  // Was a warning: a pickle that imports os.system or eval is now unsafe, an error that fails the check.
  it('a pickle that imports os.system or eval is an error that names the import and its byte', async () => {
    const evil = await check('evil.pt')
    expect(evil.findings).toContainEqual({
      level: 'error',
      message:
        'model/data.pkl: imports posix.system: not on the allowlist (loading it can run code) (byte 41)'
    })
    expect((await check('evil.pkl')).findings).toContainEqual({
      level: 'error',
      message: 'imports builtins.eval: not on the allowlist (loading it can run code) (byte 29)'
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

  it('Keras .keras archive and HDF5 .h5 signatures; unknown formats pass with a note', async () => {
    expect((await check('model.keras')).findings[0].message).toBe(
      'Keras archive: metadata.json, config.json, model.weights.h5'
    )
    expect((await check('model.h5')).findings).toEqual([
      { level: 'note', message: 'HDF5 signature present' }
    ])
    expect(levels(await check('make_models.py'))).toEqual(['note'])
  })
})
