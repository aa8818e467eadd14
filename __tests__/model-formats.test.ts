import { describe, expect, it } from '@jest/globals'
import { scanModelFile } from '../src/artifact/scan/index.js'

const fixture = (name: string): string =>
  new URL(`../fixtures/models/${name}`, import.meta.url).pathname

function check(name: string, scanTensorValues = false) {
  return scanModelFile({ path: fixture(name), name }, { scanTensorValues })
}

const levels = (report: Awaited<ReturnType<typeof check>>) => report.findings.map(f => f.severity)

describe('model format checks (files from fixtures/models/make_models.py)', () => {
  it('safetensors: a valid file, a truncated one, and NaN found only when scanning values', async () => {
    expect(await check('model.safetensors')).toMatchObject({
      format: 'safetensors',
      verdict: 'ok',
      findings: [{ severity: 'info', message: '2 tensors, 32 bytes of data' }]
    })
    const truncated = await check('truncated.safetensors')
    expect(truncated.findings).toEqual([
      {
        severity: 'invalid',
        message:
          'tensor "linear.weight": data_offsets [0, 24] fall outside the 22 bytes of data (file truncated?)'
      },
      {
        severity: 'invalid',
        message:
          'tensor "linear.bias": data_offsets [24, 32] fall outside the 22 bytes of data (file truncated?)'
      }
    ])
    expect(levels(await check('nan.safetensors'))).toEqual(['info'])
    expect((await check('nan.safetensors', true)).findings.at(-1)).toEqual({
      severity: 'invalid',
      message: '1 NaN or infinite values in "w"'
    })
  })

  it('PyTorch zip checkpoint: CRCs intact, data.pkl imports only torch; a flipped byte is a CRC error', async () => {
    const good = await check('model.pt')
    expect(good.format).toBe('pytorch-zip')
    expect(levels(good)).toEqual(['info', 'info'])
    expect(good.findings).toContainEqual({
      severity: 'info',
      message: '4 entries, CRC-32 intact, 1 pickle within the allowlist'
    })
    expect((await check('badcrc.pt')).findings).toContainEqual(
      expect.objectContaining({
        severity: 'invalid',
        message: expect.stringMatching(/CRC-32 mismatch \(the data is corrupted\)/)
      })
    )
  })

  // Was a warning: a pickle that imports os.system or eval is now unsafe, an error that fails the check.
  it('a pickle that imports os.system or eval is an error that names the import and its byte', async () => {
    const evil = await check('evil.pt')
    expect(evil.verdict).toBe('unsafe')
    expect(evil.findings).toContainEqual({
      severity: 'unsafe',
      message: 'imports posix.system: not on the allowlist (loading it can run code)',
      global: 'posix.system',
      entry: 'model/data.pkl',
      offset: 41
    })
    expect((await check('evil.pkl')).findings).toContainEqual(
      expect.objectContaining({
        severity: 'unsafe',
        message: 'imports builtins.eval: not on the allowlist (loading it can run code)',
        offset: 29
      })
    )
    expect(levels(await check('sklearn.pkl'))).toEqual(['info'])
  })

  it('ONNX: graph with inputs and outputs; a truncated protobuf is an error', async () => {
    expect((await check('model.onnx')).findings).toEqual([
      {
        severity: 'info',
        message: 'IR version 8, 1 opset(s), 1 nodes, 1 inputs, 1 outputs, 0 initializers'
      }
    ])
    expect(levels(await check('truncated.onnx'))).toEqual(['invalid'])
  })

  it('Keras .keras archive and HDF5 .h5 signatures; unknown formats pass with a note', async () => {
    expect((await check('model.keras')).findings[0].message).toBe(
      'Keras archive: metadata.json, config.json, model.weights.h5'
    )
    expect((await check('model.h5')).findings).toEqual([
      { severity: 'info', message: 'HDF5 signature present' }
    ])
    expect(levels(await check('make_models.py'))).toEqual(['info'])
  })
})
