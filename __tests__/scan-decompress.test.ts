import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { deflateRawSync, gzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { bunzip2 } from '../src/artifact/scan/bzip2.js'
import { decompress, type Compression } from '../src/artifact/scan/inflate.js'
import { scanModelFile } from '../src/artifact/scan/index.js'
import { unlzma, unxz } from '../src/artifact/scan/lzma.js'
import { Budget } from '../src/artifact/scan/source.js'
import { DEFAULT_LIMITS, ScanError } from '../src/artifact/scan/types.js'

/** Python's bz2 and lzma modules write the reference streams: several presets, checks, multi-stream. */
const MAKE = `
import bz2, hashlib, json, lzma, os, random, sys
random.seed(1)
out = sys.argv[1]
words = [bytes(random.choice(b'abcdefghij') for _ in range(random.randint(1, 8))) for _ in range(500)]
data = {
    'text': b' '.join(random.choice(words) for _ in range(250_000)),
    'random': random.randbytes(200_000),
    'zeros': bytes(1_500_000) + b'x' * 1000 + bytes(300),
    'empty': b'',
}
sums = {}
for name, raw in data.items():
    sums[name] = hashlib.sha256(raw).hexdigest()
    for label, blob in {
        'bz2-1': bz2.compress(raw, 1), 'bz2-9': bz2.compress(raw, 9),
        'xz-0': lzma.compress(raw, preset=0), 'xz-6': lzma.compress(raw, check=lzma.CHECK_SHA256),
        'xz-9e': lzma.compress(raw, preset=9 | lzma.PRESET_EXTREME, check=lzma.CHECK_CRC32),
        'xz-none': lzma.compress(raw, check=lzma.CHECK_NONE),
        'lzma': lzma.compress(raw, format=lzma.FORMAT_ALONE),
    }.items():
        open(os.path.join(out, name + '.' + label), 'wb').write(blob)
sums['multi'] = hashlib.sha256(b'hello world').hexdigest()
open(os.path.join(out, 'multi.bz2-1'), 'wb').write(bz2.compress(b'hello ', 1) + bz2.compress(b'world', 9))
open(os.path.join(out, 'multi.xz-0'), 'wb').write(lzma.compress(b'hello ') + bytes(8) + lzma.compress(b'world'))
print(json.dumps(sums))
`

let dir: string
let sums: Record<string, string>

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'decompress-'))
  sums = JSON.parse(
    execFileSync('python3', ['-c', MAKE, dir], { encoding: 'utf8', timeout: 180_000 })
  )
}, 200_000)

async function* pieces(data: Buffer, size = 4096): AsyncGenerator<Buffer> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size)
}

async function digest(stream: AsyncIterable<Buffer>): Promise<string> {
  const hash = createHash('sha256')
  for await (const piece of stream) hash.update(piece)
  return hash.digest('hex')
}

const decoders = {
  bz2: bunzip2,
  xz: unxz,
  lzma: unlzma
}

describe('bzip2, xz and lzma decoders (pure TypeScript) against Python', () => {
  it.each(['bz2-1', 'bz2-9', 'xz-0', 'xz-6', 'xz-9e', 'xz-none', 'lzma'])(
    '%s: text (past the window), random, long runs, empty',
    async label => {
      const decoder = decoders[label.split('-')[0] as keyof typeof decoders]
      for (const name of ['text', 'random', 'zeros', 'empty']) {
        const data = await readFile(path.join(dir, `${name}.${label}`))
        expect(`${name}: ${await digest(decoder(pieces(data)))}`).toBe(`${name}: ${sums[name]}`)
      }
    }
  )

  it('reads streams back to back (bzip2, and xz with stream padding)', async () => {
    for (const [file, decoder] of [
      ['multi.bz2-1', bunzip2],
      ['multi.xz-0', unxz]
    ] as const) {
      const data = await readFile(path.join(dir, file))
      expect(await digest(decoder(pieces(data, 7)))).toBe(sums.multi)
    }
  })

  it('a truncated or damaged stream rejects with an invalid finding, never hangs', async () => {
    for (const [file, decoder] of [
      ['text.bz2-9', bunzip2],
      ['text.xz-6', unxz],
      ['text.lzma', unlzma]
    ] as const) {
      const data = await readFile(path.join(dir, file))
      const cut = data.subarray(0, data.length >> 1)
      await expect(digest(decoder(pieces(cut)))).rejects.toMatchObject({ severity: 'invalid' })
      const damaged = Buffer.from(data)
      for (let i = 64; i < damaged.length; i += 997) damaged[i] ^= 0x5a
      await expect(digest(decoder(pieces(damaged)))).rejects.toBeInstanceOf(ScanError)
    }
  })
})

describe('zlib streams: a promise that never settles is a bug class', () => {
  const budget = () => new Budget(DEFAULT_LIMITS, 1 << 20)

  it.each<[Compression, Buffer]>([
    ['deflate', Buffer.from('this is not a deflate stream at all, just text')],
    ['deflate', deflateRawSync(Buffer.alloc(100_000, 7)).subarray(0, 50)],
    ['gzip', gzipSync(Buffer.alloc(100_000, 7)).subarray(0, 60)],
    ['zlib', Buffer.from([0x78, 0x9c, 0xff, 0xff, 0xff])]
  ])('broken %s data rejects', async (compression, data) => {
    await expect(digest(decompress(pieces(data, 16), compression, budget()))).rejects.toMatchObject(
      {
        severity: 'invalid'
      }
    )
  })

  it('an error in the source rejects too', async () => {
    async function* failing(): AsyncGenerator<Buffer> {
      yield deflateRawSync(Buffer.alloc(1000)).subarray(0, 5)
      throw new Error('disk went away')
    }
    await expect(digest(decompress(failing(), 'deflate', budget()))).rejects.toThrow(
      'disk went away'
    )
  })

  it('a decompression bomb stops at the inflation limit', async () => {
    const dir2 = await mkdtemp(path.join(os.tmpdir(), 'bomb-'))
    const file = path.join(dir2, 'zeros.joblib')
    // A pickle holding 256 MiB of bytes, in about 250 kB of gzip members: more than 100 times the
    // file once past 64 MiB. (Zeros alone would not do: the scan stops at bytes that are not a pickle.)
    const header = Buffer.from([
      0x80,
      0x04,
      0x8e,
      ...Buffer.from(new BigUint64Array([256n << 20n]).buffer)
    ])
    const zeros = gzipSync(Buffer.alloc(32 << 20))
    const members = [
      gzipSync(header),
      ...Array.from({ length: 8 }, () => zeros),
      gzipSync(Buffer.from('.'))
    ]
    await writeFile(file, Buffer.concat(members))
    const scan = await scanModelFile({ path: file, name: 'zeros.joblib' })
    expect(scan.verdict).toBe('unsafe')
    expect(scan.findings[0].message).toMatch(/decompresses to more than 100 times/)
  })
})
