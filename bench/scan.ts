/**
 * Is scanning a checkpoint as cheap as hashing it? Writes a torch-zip-like checkpoint (stored entries,
 * a data.pkl whose persistent ids reference every storage, as torch.save lays it out), then times
 * sha256 over the file and the scanner over it, each in a child process whose peak RSS is reported.
 *
 *   npm run bench:scan -- [megabytes=1024] [storages=256]
 */
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdtemp, open, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { crc32 } from 'node:zlib'

const [mode, file] = process.argv.slice(2)
if (mode === '--child-hash' || mode === '--child-scan') {
  const started = process.hrtime.bigint()
  let result: string
  if (mode === '--child-hash') {
    const hash = createHash('sha256')
    for await (const piece of createReadStream(file, { highWaterMark: 4 << 20 })) hash.update(piece)
    result = hash.digest('hex').slice(0, 12)
  } else {
    const { scanModelFile } = await import('../src/artifact/scan/index.js')
    const scan = await scanModelFile({ path: file, name: path.basename(file) })
    result = `${scan.verdict} ${scan.format} ${scan.findings.map(f => f.message).join('; ')}`
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  console.log(JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, result }))
  process.exit(0)
}

const megabytes = Number(process.argv[2] ?? 1024)
const storages = Number(process.argv[3] ?? 256)
const folder = await mkdtemp(path.join(os.tmpdir(), 'scan-bench-'))
const checkpoint = path.join(folder, 'model.pt')

/** A protocol-2 pickle of an OrderedDict of tensors whose storages are persistent ids, like torch.save. */
function dataPickle(count: number, numel: number): Buffer {
  const parts: Buffer[] = []
  const push = (...bytes: Array<Buffer | string | number[]>) =>
    bytes.forEach(b =>
      parts.push(typeof b === 'string' ? Buffer.from(b, 'latin1') : Buffer.from(b))
    )
  const str = (text: string) => {
    const data = Buffer.from(text)
    const length = Buffer.alloc(4)
    length.writeUInt32LE(data.length)
    push('X', length, data)
  }
  const int = (value: number) => {
    const data = Buffer.alloc(4)
    data.writeInt32LE(value)
    push('J', data)
  }
  push([0x80, 0x02], 'ccollections\nOrderedDict\nq\x00)Rq\x01(')
  for (let i = 0; i < count; i++) {
    str(`layers.${i}.weight`)
    push('ctorch._utils\n_rebuild_tensor_v2\n(')
    push('(')
    str('storage')
    push('ctorch\nFloatStorage\n')
    str(String(i))
    str('cpu')
    int(numel)
    push('tQ')
    int(0)
    int(numel)
    push([0x85])
    int(1)
    push([0x85, 0x89], 'ccollections\nOrderedDict\n)Rt', 'R')
  }
  push('u.')
  return Buffer.concat(parts)
}

/** Writes a stored zip entry by entry; returns the central directory records. */
async function writeCheckpoint(): Promise<void> {
  const handle = await open(checkpoint, 'w')
  const storageBytes = Math.floor((megabytes * 2 ** 20) / storages / 4) * 4
  const block = randomBytes(storageBytes)
  const entries: Array<[string, Buffer | undefined, number, number]> = []
  const central: Buffer[] = []
  let offset = 0
  const add = async (name: string, data: Buffer) => {
    const nameBytes = Buffer.from(name)
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    await handle.write(Buffer.concat([local, nameBytes, data]))
    const record = Buffer.alloc(46)
    record.writeUInt32LE(0x02014b50, 0)
    record.writeUInt16LE(20, 4)
    record.writeUInt16LE(20, 6)
    record.writeUInt32LE(crc, 16)
    record.writeUInt32LE(data.length, 20)
    record.writeUInt32LE(data.length, 24)
    record.writeUInt16LE(nameBytes.length, 28)
    record.writeUInt32LE(offset, 42)
    central.push(record, nameBytes)
    entries.push([name, undefined, offset, data.length])
    offset += 30 + nameBytes.length + data.length
  }
  await add('archive/data.pkl', dataPickle(storages, storageBytes / 4))
  for (let i = 0; i < storages; i++) {
    block.writeUInt32LE(i, 0) // every storage differs
    await add(`archive/data/${i}`, block)
  }
  await add('archive/version', Buffer.from('3\n'))
  const directory = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  await handle.write(Buffer.concat([directory, end]))
  await handle.close()
}

const child = (which: 'hash' | 'scan') =>
  JSON.parse(
    execFileSync(
      process.execPath,
      ['--import', 'tsx', new URL(import.meta.url).pathname, `--child-${which}`, checkpoint],
      {
        encoding: 'utf8'
      }
    )
  ) as { ms: number; maxRssMiB: number; result: string }

try {
  await writeCheckpoint()
  const size =
    (await open(checkpoint, 'r').then(async h => {
      const s = (await h.stat()).size
      await h.close()
      return s
    })) /
    2 ** 20
  console.log(
    `torch-zip-like checkpoint: ${size.toFixed(0)} MiB, ${storages} stored storages; Node ${process.version}, ${os.cpus().length} CPUs`
  )
  const rows: string[] = []
  for (let round = 1; round <= 3; round++) {
    for (const which of ['hash', 'scan'] as const) {
      const run = child(which)
      rows.push(
        `round ${round} ${which === 'hash' ? 'sha256' : 'scan  '}  ${(run.ms / 1000).toFixed(2)} s  ${(size / (run.ms / 1000)).toFixed(0)} MiB/s  peak RSS ${run.maxRssMiB.toFixed(0)} MiB  ${run.result}`
      )
    }
  }
  console.log(rows.join('\n'))
} finally {
  await rm(folder, { recursive: true, force: true })
}
