import { open, type FileHandle } from 'node:fs/promises'
import { buildAllowlist, type Allowlist } from './allowlist/index.js'
import { checkKerasConfig, findKerasConfig } from './formats/keras.js'
import { readNpyHeader } from './formats/npy.js'
import { checkOnnx } from './formats/onnx.js'
import { checkSafetensors } from './formats/safetensors.js'
import { decompress, type Compression } from './inflate.js'
import { ELEMENT_SIZE, PickleStream, type Plan } from './pickle/stream.js'
import { PyGlobal, PySeq } from './pickle/values.js'
import { HDF5_SIGNATURE, sniff } from './sniff.js'
import {
  bufferBlob,
  Budget,
  chunks,
  collect,
  fileBlob,
  prepend,
  subBlob,
  type Blob
} from './source.js'
import { readTar } from './tar.js'
import {
  DEFAULT_LIMITS,
  ScanError,
  verdictOf,
  type FileScan,
  type Finding,
  type ScanLimits,
  type ScanOptions,
  type ScanReport,
  type Verdict
} from './types.js'
import { entryData, readZip, storedBlob, type ZipEntry } from './zip.js'
import { plural } from '../../words.js'

export { ALLOWLIST_VERSIONS, DEFAULT_ALLOWLIST } from './allowlist/index.js'
export { DEFAULT_LIMITS } from './types.js'
export type {
  FileScan,
  Finding,
  ScanLimits,
  ScanOptions,
  ScanReport,
  Severity,
  Verdict
} from './types.js'

/** Members read whole into memory to be scanned (a zip inside a compressed stream, a Keras config). */
const MAX_BUFFERED = 64 << 20
const MAX_JSON = 256 << 20

interface Context {
  allowlist: Allowlist
  limits: ScanLimits
  budget: Budget
  scanTensorValues: boolean
  findings: Finding[]
  /** The file on disk (ONNX external data is found beside it). */
  path: string
  /** What the file's first bytes say it is: the format reported when a reader throws. */
  sniffed?: string
}

/** Adds a finding for an error a reader threw: ScanErrors as they say, anything else as unsafe. */
function report(ctx: Context, cause: unknown, entry: string | undefined): void {
  if (cause instanceof ScanError)
    ctx.findings.push({
      severity: cause.severity,
      message: cause.message,
      entry,
      offset: cause.offset
    })
  else
    ctx.findings.push({
      severity: 'unsafe',
      message: `the scan failed, so the file cannot be vouched for: ${cause instanceof Error ? cause.message : String(cause)}`,
      entry
    })
}

const join = (outer: string | undefined, inner: string): string =>
  outer ? `${outer}/${inner}` : inner

function checkNesting(ctx: Context, depth: number): void {
  if (depth > ctx.limits.maxNesting)
    throw new ScanError(
      'unsafe',
      `archives nested more than ${ctx.limits.maxNesting} deep: cannot scan`
    )
}

/** Findings of a format checker, about `entry`. */
function addFindings(ctx: Context, findings: Finding[], entry: string | undefined): void {
  ctx.findings.push(...findings.map(f => ({ ...f, entry })))
}

/** Scans bytes that can be read anywhere; returns the format found. */
async function scanBlob(
  blob: Blob,
  ctx: Context,
  name: string,
  entry: string | undefined,
  depth: number
): Promise<string> {
  checkNesting(ctx, depth)
  const head = await blob.read(0, 1024)
  const kind = sniff(head, blob.size, name)
  ctx.sniffed ??= kind.kind === 'compressed' ? `compressed (${kind.compression})` : kind.kind
  switch (kind.kind) {
    case 'zip':
      return scanZip(blob, ctx, entry, depth)
    case 'tar':
      return scanTarBlob(blob, ctx, entry, depth)
    case 'hdf5':
      return scanHdf5(blob, ctx, entry)
    case 'safetensors':
      addFindings(ctx, await checkSafetensors(blob, ctx.scanTensorValues), entry)
      return 'safetensors'
    case 'onnx':
      addFindings(ctx, await checkOnnx(blob, entry === undefined ? ctx.path : undefined), entry)
      return 'onnx'
    case 'json':
      await scanJson(blob, ctx, entry)
      return 'json'
    default:
      return scanStream(chunks(blob), ctx, name, entry, depth)
  }
}

async function scanJson(blob: Blob, ctx: Context, entry: string | undefined): Promise<void> {
  if (blob.size > MAX_JSON) {
    ctx.findings.push({ severity: 'info', message: 'JSON too large to parse', entry })
    return
  }
  try {
    JSON.parse((await blob.read(0, blob.size)).toString('utf8'))
    ctx.findings.push({ severity: 'info', message: 'valid JSON', entry })
  } catch (cause) {
    ctx.findings.push({
      severity: 'invalid',
      message: `not valid JSON: ${(cause as Error).message}`,
      entry
    })
  }
}

/** Scans bytes that can only be read in order (decompressed data, a deflated archive member). */
async function scanStream(
  stream: AsyncIterable<Buffer>,
  ctx: Context,
  name: string,
  entry: string | undefined,
  depth: number
): Promise<string> {
  checkNesting(ctx, depth)
  const iterator = stream[Symbol.asyncIterator]()
  const head = await readHead(iterator, 1024)
  const all = prepend(head, { [Symbol.asyncIterator]: () => iterator })
  const kind = sniff(head, Infinity, name)
  switch (kind.kind) {
    case 'compressed': {
      const inner = await scanCompressed(all, kind.compression, ctx, name, entry, depth)
      return `${inner === 'pickle' ? 'joblib' : inner} (${kind.compression})`
    }
    case 'unscannable':
      await drain(iterator)
      ctx.findings.push({ severity: 'unsafe', message: `${kind.what}: cannot scan`, entry })
      return kind.what
    case 'data':
      await drain(iterator)
      ctx.findings.push({
        severity: 'info',
        message: `${kind.what}: a format that holds no code`,
        entry
      })
      return kind.what
    case 'npy':
      return scanNpy(all, ctx, entry)
    case 'zip':
    case 'tar':
    case 'hdf5':
    case 'safetensors':
    case 'onnx':
    case 'json': {
      // These need random access: read the member into memory when it is small enough.
      const member = await collect(all, MAX_BUFFERED, `a compressed ${kind.kind} member`)
      return scanBlob(bufferBlob(member), ctx, name, entry, depth + 1)
    }
    default:
      return scanPickleStream(all, ctx, entry, kind.kind === 'pickle')
  }
}

/** The first pieces of a stream, at least `bytes` of them unless the stream is shorter. */
async function readHead(iterator: AsyncIterator<Buffer>, bytes: number): Promise<Buffer> {
  let head: Buffer = Buffer.alloc(0)
  while (head.length < bytes) {
    const next = await iterator.next()
    if (next.done) break
    head = head.length ? Buffer.concat([head, next.value]) : next.value
  }
  return head
}

/** A compressed stream's content; joblib's own zlib files start with a 21-byte header. */
async function scanCompressed(
  stream: AsyncIterable<Buffer>,
  compression: Compression | 'joblib-zf',
  ctx: Context,
  name: string,
  entry: string | undefined,
  depth: number
): Promise<string> {
  const body = compression === 'joblib-zf' ? skip(stream, 21) : stream
  const inflated = decompress(body, compression === 'joblib-zf' ? 'zlib' : compression, ctx.budget)
  return scanStream(inflated, ctx, name, entry, depth + 1)
}

async function* skip(stream: AsyncIterable<Buffer>, bytes: number): AsyncGenerator<Buffer> {
  let left = bytes
  for await (const piece of stream) {
    if (left >= piece.length) left -= piece.length
    else {
      yield piece.subarray(left)
      left = 0
    }
  }
}

async function drain(iterator: AsyncIterator<Buffer>): Promise<void> {
  await iterator.return?.()
}

/**
 * Runs the pickle emulator over a stream. When the bytes did not start like a pickle and turn out not
 * to be one (they fail before any import), the file is simply not a pickle.
 */
async function scanPickleStream(
  stream: AsyncIterable<Buffer>,
  ctx: Context,
  entry: string | undefined,
  known: boolean,
  plan?: Plan
): Promise<string> {
  const findings: Finding[] = []
  const pickle = new PickleStream({
    allowlist: ctx.allowlist,
    entry,
    findings,
    maxValues: ctx.limits.maxPickleValues,
    plan
  })
  for await (const piece of stream) {
    pickle.write(piece)
    if (pickle.finished) break
  }
  const summary = pickle.end()
  if (!known && summary.pickles === 0 && summary.failed && summary.events === 0) {
    ctx.findings.push({
      severity: 'info',
      message: 'not a recognised model format; its bytes do not read as a pickle',
      entry
    })
    return 'unknown'
  }
  ctx.findings.push(...findings)
  if (summary.legacyTorch) {
    ctx.findings.push({
      severity: 'info',
      message: `legacy torch.save format: ${summary.pickles} pickles, ${summary.storages} storages`,
      entry
    })
    return 'pytorch-legacy'
  }
  if (!findings.some(f => f.severity !== 'info'))
    ctx.findings.push({
      severity: 'info',
      message: `${summary.pickles > 1 ? `${summary.pickles} pickles back to back` : 'a pickle'}: every import on the allowlist`,
      entry
    })
  return 'pickle'
}

async function scanNpy(
  stream: AsyncIterable<Buffer>,
  ctx: Context,
  entry: string | undefined
): Promise<string> {
  const iterator = stream[Symbol.asyncIterator]()
  let head: Buffer = Buffer.alloc(0)
  let header = readNpyHeader(head)
  while (header === 'need-more') {
    const next = await iterator.next()
    if (next.done) throw new ScanError('invalid', 'the .npy header is cut short')
    head = head.length ? Buffer.concat([head, next.value]) : next.value
    header = readNpyHeader(head)
  }
  const data = prepend(head.subarray(header.dataStart), { [Symbol.asyncIterator]: () => iterator })
  if (header.object) {
    // numpy.load(allow_pickle=True) unpickles what follows the header.
    await scanPickleStream(data, ctx, entry, true)
    ctx.findings.push({
      severity: 'info',
      message: `object array (${header.descr}): its pickle was scanned`,
      entry
    })
    return 'numpy'
  }
  let length = 0
  for await (const piece of data) length += piece.length
  if (header.dataBytes === undefined)
    ctx.findings.push({
      severity: 'warning',
      message: `dtype ${header.descr} is not one ml-smoke knows`,
      entry
    })
  else if (length < header.dataBytes)
    ctx.findings.push({
      severity: 'invalid',
      message: `${length} bytes of data, the header's shape and dtype need ${header.dataBytes} (truncated?)`,
      entry
    })
  else ctx.findings.push({ severity: 'info', message: `array of ${header.descr}`, entry })
  return 'numpy'
}

async function scanHdf5(blob: Blob, ctx: Context, entry: string | undefined): Promise<string> {
  let found = false
  // HDF5 puts its superblock at byte 0, 512, 1024, 2048, ...
  for (let at = 0; at + 8 <= blob.size && at <= 1 << 20; at = at === 0 ? 512 : at * 2) {
    if ((await blob.read(at, 8)).equals(HDF5_SIGNATURE)) {
      found = true
      break
    }
  }
  if (!found) {
    ctx.findings.push({
      severity: 'invalid',
      message: 'no HDF5 signature: not an HDF5 file (or truncated)',
      entry
    })
    return 'hdf5'
  }
  const config = await findKerasConfig(blob)
  if (config === undefined) {
    ctx.findings.push({ severity: 'info', message: 'HDF5 signature present', entry })
    return 'hdf5'
  }
  if (config === null) {
    ctx.findings.push({
      severity: 'warning',
      message: 'HDF5 with a Keras model_config that could not be read: Lambda layers not checked',
      entry
    })
    return 'keras-h5'
  }
  const findings = checkKerasConfig(config, entry, ctx.allowlist.has)
  ctx.findings.push(...findings)
  if (!findings.length)
    ctx.findings.push({
      severity: 'info',
      message: 'Keras HDF5 model; its config runs no code',
      entry
    })
  return 'keras-h5'
}

/** Reads a zip member (inflating it) and returns its bytes, for small members only. */
async function readMember(blob: Blob, entry: ZipEntry, ctx: Context): Promise<Buffer> {
  return collect(entryData(blob, entry, ctx.budget), MAX_BUFFERED, `"${entry.name}"`)
}

async function drainEntry(blob: Blob, entry: ZipEntry, ctx: Context): Promise<void> {
  const data = entryData(blob, entry, ctx.budget)
  while (!(await data.next()).done);
}

async function scanZip(
  blob: Blob,
  ctx: Context,
  outer: string | undefined,
  depth: number
): Promise<string> {
  const archive = await readZip(blob)
  ctx.findings.push(
    ...archive.findings.map(f => ({ ...f, entry: join(outer, f.entry ?? '') || undefined }))
  )
  const entries = archive.entries.filter(e => !e.name.endsWith('/'))
  const { format, torch, torchScript, names } = zipLayout(entries)
  if (torchScript)
    ctx.findings.push({
      severity: 'unsafe',
      message:
        'a TorchScript archive: loading it compiles and runs the TorchScript code in its code/ folder, which ml-smoke cannot judge',
      entry: outer
    })
  if (torch && !names.some(n => n.endsWith('.pkl')))
    ctx.findings.push({
      severity: 'invalid',
      message: 'a PyTorch zip checkpoint holds <name>/data.pkl; this archive has none',
      entry: outer
    })
  if (format === 'keras') await scanKerasArchive(blob, entries, ctx, outer)
  let pickles = 0
  for (const entry of entries) {
    const label = join(outer, entry.name)
    try {
      if (format === 'keras' && entry.name === 'config.json') continue
      if (entry.name.endsWith('.pkl') && (torch || torchScript)) {
        pickles++
        await scanPickleStream(entryData(blob, entry, ctx.budget), ctx, label, true)
      } else await scanZipMember(blob, entry, format, ctx, label, depth)
    } catch (cause) {
      report(ctx, cause, label)
    }
  }
  if (format === 'pytorch-zip' && !ctx.findings.some(f => f.severity !== 'info'))
    ctx.findings.push({
      severity: 'info',
      message: `${entries.length} entries, CRC-32 intact, ${plural(pickles, 'pickle')} within the allowlist`,
      entry: outer
    })
  return format
}

/** What the member names say a zip is: TorchScript, a torch checkpoint, Keras, npz, or any zip. */
function zipLayout(entries: ZipEntry[]): {
  format: string
  torch: boolean
  torchScript: boolean
  names: string[]
} {
  const names = entries.map(e => e.name)
  const torchScript = names.some(n => /(^|\/)code\//.test(n) || n.endsWith('constants.pkl'))
  const torch = names.some(n => n === 'data.pkl' || n.endsWith('/data.pkl'))
  const keras =
    names.includes('config.json') &&
    (names.includes('metadata.json') || names.includes('model.weights.h5'))
  const npz = entries.length > 0 && names.every(n => n.endsWith('.npy'))
  const format = torchScript
    ? 'torchscript'
    : torch
      ? 'pytorch-zip'
      : keras
        ? 'keras'
        : npz
          ? 'npz'
          : 'zip'
  return { format, torch, torchScript, names }
}

/** A Keras archive's config.json: its layers are judged as an HDF5 model's are. */
async function scanKerasArchive(
  blob: Blob,
  entries: ZipEntry[],
  ctx: Context,
  outer: string | undefined
): Promise<void> {
  const label = join(outer, 'config.json')
  try {
    const config = await readMember(
      blob,
      entries.find(e => e.name === 'config.json')!,
      ctx
    )
    const findings = checkKerasConfig(JSON.parse(config.toString('utf8')), label, ctx.allowlist.has)
    ctx.findings.push(...findings)
    if (!findings.length)
      ctx.findings.push({
        severity: 'info',
        message: `Keras archive: ${entries.map(e => e.name).join(', ')}`,
        entry: outer
      })
  } catch (cause) {
    if (cause instanceof SyntaxError)
      ctx.findings.push({
        severity: 'invalid',
        message: `config.json is not valid JSON: ${cause.message}`,
        entry: label
      })
    else report(ctx, cause, label)
  }
}

/** A member other than a torch pickle: an array, any file of a plain zip, or bytes only checked. */
async function scanZipMember(
  blob: Blob,
  entry: ZipEntry,
  format: string,
  ctx: Context,
  label: string,
  depth: number
): Promise<void> {
  if (format === 'npz' || entry.name.endsWith('.npy'))
    await scanNpy(entryData(blob, entry, ctx.budget), ctx, label)
  else if (format !== 'zip') await drainEntry(blob, entry, ctx)
  else {
    const stored = storedBlob(blob, entry)
    if (stored) {
      await drainEntry(blob, entry, ctx)
      await scanBlob(stored, ctx, entry.name, label, depth + 1)
    } else await scanStream(entryData(blob, entry, ctx.budget), ctx, entry.name, label, depth + 1)
  }
}

/**
 * Legacy torch.save tar members (torch < 0.4): "storages" is a count, then per storage a (key, location,
 * StorageType) pickle and its data, then a pickle of views; "tensors" a count, then per tensor a pickle
 * and a raw header (ndim, sizes, strides, offset).
 */
const tarPlans: Record<string, () => Plan> = {
  storages: () => {
    let left = 0
    let views = false
    return (index, result) => {
      if (index === 0 && result !== null) left = typeof result === 'number' ? result : 0
      else if (result !== null && !views) {
        const type = result instanceof PySeq ? result.items[2] : undefined
        const size = type instanceof PyGlobal ? (ELEMENT_SIZE[type.name] ?? 0) : 0
        if (!size) return []
        left--
        return [{ kind: 'storage', elementSize: size }]
      } else if (views) return [{ kind: 'probe' }]
      if (left > 0) return [{ kind: 'pickle', label: ' (storage record)' }]
      views = true
      return [{ kind: 'pickle', label: ' (storage views)' }]
    }
  },
  tensors: () => {
    let left = 0
    return (index, result) => {
      if (index === 0) left = typeof result === 'number' ? result : 0
      else if (result !== null) return [{ kind: 'tensor' }]
      else left--
      return left > 0 ? [{ kind: 'pickle', label: ' (tensor record)' }] : [{ kind: 'probe' }]
    }
  }
}

async function scanTarBlob(
  blob: Blob,
  ctx: Context,
  outer: string | undefined,
  depth: number
): Promise<string> {
  const members = await readTar(blob)
  const names = members.map(m => m.name)
  const legacy = names.includes('pickle') && names.includes('storages')
  for (const member of members) {
    const label = join(outer, member.name)
    const data = subBlob(blob, member.offset, member.size)
    try {
      if (legacy && member.name in tarPlans)
        await scanPickleStream(chunks(data), ctx, label, true, tarPlans[member.name]())
      else if (legacy && (member.name === 'pickle' || member.name === 'sys_info'))
        await scanPickleStream(chunks(data), ctx, label, true)
      else await scanBlob(data, ctx, member.name, label, depth + 1)
    } catch (cause) {
      report(ctx, cause, label)
    }
  }
  if (legacy)
    ctx.findings.push({
      severity: 'info',
      message: `legacy torch.save tar: ${names.join(', ')}`,
      entry: outer
    })
  return legacy ? 'pytorch-tar' : 'tar'
}

/** Scans one file. Never throws for what the file holds: every problem is a finding. */
export async function scanModelFile(
  file: { path: string; name: string },
  options: ScanOptions = {},
  allowlist: Allowlist = buildAllowlist(options.allowGlobals)
): Promise<FileScan> {
  const findings: Finding[] = []
  const settings = {
    allowlist,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    scanTensorValues: options.scanTensorValues ?? false,
    findings,
    path: file.path
  }
  let format = 'unknown'
  try {
    const handle = await open(file.path, 'r')
    try {
      format = await scanOpenFile(handle, file.name, settings)
    } finally {
      await handle.close()
    }
  } catch (cause) {
    findings.push({
      severity: 'invalid',
      message: `cannot read the file: ${(cause as Error).message}`
    })
  }
  return { path: file.path, format, verdict: verdictOf(findings), findings }
}

/** Scans an open file unless it is empty or too large; returns its format. */
async function scanOpenFile(
  handle: FileHandle,
  name: string,
  settings: Omit<Context, 'budget'>
): Promise<string> {
  const status = await handle.stat()
  const size = status.size
  if (!status.isFile()) throw new Error('not a regular file')
  const { limits, findings } = settings
  if (size === 0)
    findings.push({
      severity: 'invalid',
      message: 'the file is empty (0 bytes): the model was not written'
    })
  else if (size > limits.maxFileBytes)
    findings.push({
      severity: 'unsafe',
      message: `${size} bytes, more than max-scan-bytes ${limits.maxFileBytes}: too large to scan, so not shown safe`
    })
  else {
    const ctx: Context = { ...settings, budget: new Budget(limits, size) }
    try {
      return await scanBlob(fileBlob(handle, size), ctx, name, undefined, 0)
    } catch (cause) {
      report(ctx, cause, undefined)
      return ctx.sniffed ?? 'unknown'
    }
  }
  return 'unknown'
}

/** Scans every file; one report, in the order given. */
export async function scanModelFiles(
  files: Array<{ path: string; name: string }>,
  options: ScanOptions = {}
): Promise<ScanReport> {
  const allowlist = buildAllowlist(options.allowGlobals)
  const scans: FileScan[] = []
  for (const file of files) scans.push(await scanModelFile(file, options, allowlist))
  const counts: Record<Verdict, number> = { ok: 0, warning: 0, unsafe: 0, invalid: 0 }
  for (const scan of scans) counts[scan.verdict]++
  return { files: scans, passed: counts.unsafe === 0 && counts.invalid === 0, counts }
}
