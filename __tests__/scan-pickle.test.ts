import { execFileSync } from 'node:child_process'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { buildAllowlist, type Allowlist } from '../src/artifact/scan/allowlist/index.js'
import {
  decodeLong,
  escapeDecode,
  parsePythonInt,
  rawUnicodeEscape
} from '../src/artifact/scan/pickle/decode.js'
import { PickleStream } from '../src/artifact/scan/pickle/stream.js'
import type { Finding } from '../src/artifact/scan/types.js'

const here = path.dirname(new URL(import.meta.url).pathname)
const real = path.join(here, '..', 'fixtures', 'models', 'real')
const NOTHING: Allowlist = { has: () => false }

/** Every name a stream imports, in order of first import, with nothing allowed. */
function imports(data: Buffer, chunk = data.length || 1, allowlist = NOTHING): string[] {
  const findings: Finding[] = []
  const stream = new PickleStream({ allowlist, findings, maxValues: 1e7 })
  for (let at = 0; at < data.length && !stream.finished; at += chunk)
    stream.write(data.subarray(at, at + chunk))
  stream.end()
  return [...new Set(findings.filter(f => f.global).map(f => f.global!))]
}

describe('decoding as CPython does', () => {
  const python = (code: string): unknown =>
    JSON.parse(execFileSync('python3', ['-c', code], { encoding: 'utf8' }))

  it('STRING escapes (codecs.escape_decode) and UNICODE escapes (raw-unicode-escape)', () => {
    const strings = [
      'o\\x73',
      '\\157s',
      "a\\'b",
      '\\n\\t\\\\',
      '\\q',
      '\\x4',
      'tail\\',
      '\\0\\1234'
    ]
    const expected = python(
      `import codecs, json; out = []\nfor s in ${JSON.stringify(strings)}:\n    try: out.append(list(codecs.escape_decode(s.encode())[0]))\n    except Exception: out.append(None)\nprint(json.dumps(out))`
    )
    expect(
      strings.map(s => escapeDecode(Buffer.from(s, 'latin1')) ?? null).map(b => (b ? [...b] : null))
    ).toEqual(expected)
    const unicode = ['o\\u0073', '\\\\u0073', '\\U0001F600x', '\\u12', 'plain\\x']
    const decoded = python(
      `import json; out = []\nfor s in ${JSON.stringify(unicode)}:\n    try: out.append(str(s.encode('latin1'), 'raw-unicode-escape'))\n    except Exception: out.append(None)\nprint(json.dumps(out))`
    )
    expect(unicode.map(s => rawUnicodeEscape(Buffer.from(s, 'latin1')) ?? null)).toEqual(decoded)
  })

  it('int() for INT, LONG and memo keys: underscores, signs, prefixes, whitespace', () => {
    const texts = [
      '1_0',
      ' 12 ',
      '+5',
      '-0x1f',
      '0o17',
      '0b101',
      '010',
      '0_0',
      '1__0',
      '_1',
      '0x',
      '1.0',
      ''
    ]
    const expected = python(
      `import json; out = []\nfor base in (0, 10):\n    for s in ${JSON.stringify(texts)}:\n        try: out.append(str(int(s, base)))\n        except Exception: out.append(None)\nprint(json.dumps(out))`
    )
    const ours = ([0, 10] as const).flatMap(base =>
      texts.map(t => parsePythonInt(t, base)?.toString() ?? null)
    )
    expect(ours).toEqual(expected)
    expect(decodeLong(Buffer.from([0xff, 0x00]))).toBe(255n)
    expect(decodeLong(Buffer.from([0x00, 0x80]))).toBe(-32768n)
  })
})

describe('the emulator imports what Python imports', () => {
  let corpus: string
  beforeAll(async () => {
    corpus = await mkdtemp(path.join(os.tmpdir(), 'hostile-'))
    execFileSync('python3', [path.join(here, 'scan-corpus', 'hostile.py'), corpus], {
      timeout: 180_000
    })
  }, 200_000)

  /** Python's own unpickler, its find_class recording names and returning stand-ins. */
  const RECORD = `
import _compat_pickle, io, json, pickle, sys
class Stub:
    def __new__(cls, *a, **k): return object.__new__(cls)
    def __init__(self, *a, **k): pass
    def __call__(self, *a, **k): return Stub()
    def __setstate__(self, state): pass
REAL = {('_codecs', 'encode')}
result = {}
for path in sys.argv[1:]:
    names = []
    class U(pickle._Unpickler):
        def find_class(self, module, name):
            if self.proto < 3:
                if (module, name) in _compat_pickle.NAME_MAPPING: module, name = _compat_pickle.NAME_MAPPING[(module, name)]
                elif module in _compat_pickle.IMPORT_MAPPING: module = _compat_pickle.IMPORT_MAPPING[module]
            names.append(module + '.' + name)
            if (module, name) in REAL: return super().find_class(module, name)
            return type(name.replace('.', '_'), (Stub,), {})
        def persistent_load(self, pid): return Stub()
    f = open(path, 'rb')
    while True:
        try:
            U(f).load()
        except Exception:
            break
    result[path] = list(dict.fromkeys(names))
print(json.dumps(result))
`

  it('for every hostile and benign plain pickle, read whole and in 1- and 7-byte pieces', async () => {
    const hostile = (await readdir(corpus)).filter(n =>
      /\.(pkl|bin|model|sav|ckpt|txt|dat)$/.test(n)
    )
    const files = [
      ...hostile.map(n => path.join(corpus, n)),
      ...['sklearn_p0.pkl', 'sklearn_p2.pkl', 'sklearn_p5.pkl', 'xgboost.pkl'].map(n =>
        path.join(real, n)
      )
    ]
    const python = JSON.parse(
      execFileSync('python3', ['-c', RECORD, ...files], { encoding: 'utf8', timeout: 60_000 })
    ) as Record<string, string[]>
    const differ: string[] = []
    for (const file of files) {
      const data = await readFile(file)
      for (const chunk of [data.length, 1, 7]) {
        const ours = imports(data, chunk)
        // A module name computed while loading (_codecs.encode('bf', 'rot13') is 'os') is unsafe in the
        // scan without a name; Python, running it, imports os.system.
        const theirs =
          path.basename(file) === 'codecs_rot13_module.pkl' ? ['_codecs.encode'] : python[file]
        if (JSON.stringify(ours) !== JSON.stringify(theirs))
          differ.push(
            `${path.basename(file)} (${chunk}): ours ${JSON.stringify(ours)}, Python ${JSON.stringify(theirs)}`
          )
      }
    }
    expect(differ).toEqual([])
    expect(files.length).toBeGreaterThanOrEqual(60)
  })
})

describe('chunk boundaries change nothing', () => {
  it('every real joblib, pickle and legacy torch file gives the same findings in pieces of any size', async () => {
    const allowlist = buildAllowlist()
    const names = (await readdir(real)).filter(
      n => /\.(joblib|pkl|bin|pt)$/.test(n) && !n.includes('.'.repeat(2))
    )
    for (const name of names) {
      const data = await readFile(path.join(real, name))
      if (data[0] !== 0x80) continue
      const whole = imports(data, data.length, allowlist)
      for (const chunk of [1, 3, 64, 1000]) expect(imports(data, chunk, allowlist)).toEqual(whole)
    }
  })
})
