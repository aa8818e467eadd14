import type { Allowlist } from '../allowlist/index.js'
import type { Finding } from '../types.js'
import { PickleMachine, type ForkBudget, type MachineEvents } from './machine.js'
import { describe, PyGlobal, PyLongStr, PyPersId, PySeq, type Value } from './values.js'

/** The first pickle of a legacy (non-zip) torch.save file: torch.serialization.MAGIC_NUMBER. */
const TORCH_MAGIC = 0x1950a86a20f9469cfc6cn
/** Legacy torch.save writes five pickles: magic, protocol version, sys_info, the object, storage keys. */
const TORCH_LEGACY_PICKLES = 5

export const ELEMENT_SIZE: Record<string, number> = {
  DoubleStorage: 8,
  FloatStorage: 4,
  HalfStorage: 2,
  BFloat16Storage: 2,
  LongStorage: 8,
  IntStorage: 4,
  ShortStorage: 2,
  CharStorage: 1,
  ByteStorage: 1,
  BoolStorage: 1,
  ComplexDoubleStorage: 16,
  ComplexFloatStorage: 8,
  QUInt8Storage: 1,
  QInt8Storage: 1,
  QInt32Storage: 4,
  QUInt4x2Storage: 1,
  QUInt2x4Storage: 1,
  UntypedStorage: 1
}

/** Encodings `_codecs.encode(str, encoding)` uses for bytes in protocol 2 pickles (torch, numpy). */
const BYTE_ENCODINGS = new Set(['latin1', 'latin-1', 'latin_1', 'iso-8859-1', 'iso8859-1'])

/**
 * What a loader reads after a pickle: another pickle, a raw record whose length its first bytes give, or
 * nothing it cares about (a probe then checks whether the rest is a pickle some other loader could read).
 */
export type Step =
  | { kind: 'pickle'; label: string }
  /** An int64 element count, then count × elementSize bytes (a torch storage). */
  | { kind: 'storage'; elementSize: number }
  /** Legacy torch tar "tensors": int32 ndim, 4 bytes, ndim int64 sizes and strides, int64 offset. */
  | { kind: 'tensor' }
  | { kind: 'probe' }

/** Decides, after pickle `index` returned `result`, what follows it. */
export type Plan = (index: number, result: Value, stream: PickleStream) => Step[]

export interface PickleStreamOptions {
  allowlist: Allowlist
  /** Label of the stream in findings (an archive entry); undefined for a whole file. */
  entry?: string
  findings: Finding[]
  maxValues: number
  /** What follows each pickle; by default a legacy torch file's layout is recognised, else a probe. */
  plan?: Plan
}

export interface PickleSummary {
  /** Complete pickles read (STOP reached). */
  pickles: number
  legacyTorch: boolean
  /** Bytes the stream had. */
  bytes: number
  /** The first pickle failed before its STOP (it is broken, or not a pickle). */
  failed: boolean
  /** Imports and calls the first pickle made: with none and a failure, the bytes were not a pickle. */
  events: number
  /** Raw records (torch storages) read between pickles. */
  storages: number
}

interface Running {
  machine: PickleMachine
  role: 'main' | 'probe' | 'fork'
}

/** A legacy torch.save file: magic number, protocol version, sys_info, the object, storage keys, storages. */
export const torchFilePlan: Plan = (index, result, stream) => {
  if (index === 0 && result === TORCH_MAGIC) stream.legacyTorch = true
  if (!stream.legacyTorch) return [{ kind: 'probe' }]
  if (index < TORCH_LEGACY_PICKLES - 1)
    return [{ kind: 'pickle', label: ` (pickle #${index + 2} of a legacy torch file)` }]
  if (index > TORCH_LEGACY_PICKLES - 1) return [{ kind: 'probe' }]
  const sizes =
    result instanceof PySeq && result.complete && result.items.every(k => typeof k === 'string')
      ? (result.items as string[]).map(key => stream.storageSizes.get(key) ?? 0)
      : [0]
  if (sizes.includes(0)) {
    stream.warn(
      'legacy torch file: cannot tell the size of its storages; what follows its five pickles was not read'
    )
    return []
  }
  return [
    ...sizes.map(elementSize => ({ kind: 'storage' as const, elementSize })),
    { kind: 'probe' }
  ]
}

/** Whether `_codecs.encode` is called as protocol 2 pickles make bytes: (str, 'latin1'). */
function encodesBytes(args: Value): boolean {
  if (!(args instanceof PySeq) || args.length !== 2) return false
  const [text, encoding] = args.items
  return (
    (typeof text === 'string' || text instanceof PyLongStr) &&
    typeof encoding === 'string' &&
    BYTE_ENCODINGS.has(encoding.toLowerCase())
  )
}

/**
 * Scans a byte stream that holds one pickle or several back to back (legacy torch.save), written in
 * pieces: every pickle is emulated, every import judged against the allowlist, and every call checked.
 * Findings go to `options.findings`.
 */
export class PickleStream {
  legacyTorch = false
  /** Element sizes of the storages persistent ids named (torch), by storage key. */
  readonly storageSizes = new Map<string, number>()
  private buf: Buffer = Buffer.alloc(0)
  private base = 0
  private total = 0
  private running: Running[] = []
  private steps: Step[] = []
  /** Position of a raw record being read, when the next step is one. */
  private rawPos: number | undefined
  private pickles = 0
  private storages = 0
  private firstFailed = false
  private firstEvents = 0
  private stopped = false
  private readonly seen = new Set<string>()
  private readonly forkBudget: ForkBudget
  private readonly plan: Plan

  constructor(private readonly options: PickleStreamOptions) {
    this.forkBudget = { memoEntries: options.maxValues * 2 }
    this.plan = options.plan ?? torchFilePlan
    this.running.push({ machine: this.machine('joblib', 0, ''), role: 'main' })
  }

  /** Nothing more will be read: the rest of the stream need not be written. */
  get finished(): boolean {
    return this.stopped
  }

  warn(message: string, offset?: number): void {
    this.add({ severity: 'warning', message, offset })
  }

  private add(finding: Finding): void {
    const key = `${finding.severity}\0${finding.global ?? finding.message}`
    if (this.seen.has(key)) return
    this.seen.add(key)
    this.options.findings.push({ ...finding, entry: finding.entry ?? this.options.entry })
  }

  /** The machine's events for a reader; `where` ends every finding's message. */
  private events(where: string): MachineEvents {
    return {
      import: global => this.judgeImport(global, where),
      call: (op, callee, args, at) => this.judgeCall(op, callee, args, at, where),
      unsafe: (message, at) =>
        this.add({ severity: 'unsafe', message: message + where, offset: at }),
      fork: create =>
        this.running.push({
          machine: create(
            this.events(
              ' when pickle.load reads joblib array data as opcodes (joblib.load skips it)'
            )
          ),
          role: 'fork'
        }),
      persistentId: id => this.noteStorage(id)
    }
  }

  private judgeImport(global: PyGlobal, where: string): void {
    if (this.options.allowlist.has(global.module, global.name)) return
    this.add({
      severity: 'unsafe',
      message: `imports ${global.qualified}${where}: not on the allowlist (loading it can run code)`,
      global: global.qualified,
      offset: global.at
    })
  }

  private judgeCall(op: string, callee: Value, args: Value, at: number, where: string): void {
    // Legacy torch.save pickles a module class as ('module', Class, file, source): torch.load's
    // persistent_load returns Class, itself imported (and judged) inside the id.
    if (callee instanceof PyPersId && callee.id instanceof PySeq) {
      const [kind, cls] = callee.id.items
      if (kind === 'module' && cls instanceof PyGlobal) callee = cls
    }
    if (!(callee instanceof PyGlobal)) {
      this.add({
        severity: 'unsafe',
        message: `${op} calls ${describe(callee)}${where}, a value made while loading rather than an allowed name`,
        offset: at
      })
      return
    }
    if (callee.qualified === '_codecs.encode' && !encodesBytes(args)) {
      const items = args instanceof PySeq ? args.items : []
      this.add({
        severity: 'unsafe',
        message: `_codecs.encode is called with ${items.map(describe).join(', ')}${where}: only (str, 'latin1') makes bytes`,
        global: '_codecs.encode',
        offset: at
      })
    }
  }

  /** torch's persistent ids: ('storage', StorageType, key, location, numel, ...) */
  private noteStorage(id: Value): void {
    if (!(id instanceof PySeq)) return
    const [, type, key] = id.items
    if (type instanceof PyGlobal && typeof key === 'string' && type.name in ELEMENT_SIZE)
      this.storageSizes.set(key, ELEMENT_SIZE[type.name])
  }

  private machine(mode: 'joblib' | 'plain', start: number, where: string): PickleMachine {
    return new PickleMachine(
      this.events(where),
      mode,
      start,
      this.options.maxValues,
      this.forkBudget
    )
  }

  write(chunk: Buffer): void {
    if (!chunk.length || this.stopped) {
      this.total += chunk.length
      return
    }
    this.total += chunk.length
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk
    this.pump(false)
  }

  end(): PickleSummary {
    if (!this.stopped) this.pump(true)
    return {
      pickles: this.pickles,
      legacyTorch: this.legacyTorch,
      bytes: this.total,
      failed: this.firstFailed,
      events: this.firstEvents,
      storages: this.storages
    }
  }

  private pump(eof: boolean): void {
    for (let progress = true; progress;) {
      progress = false
      for (const entry of [...this.running]) {
        entry.machine.run(this.buf, this.base, eof)
        if (entry.machine.status === 'running') continue
        this.running.splice(this.running.indexOf(entry), 1)
        if (entry.role !== 'fork') progress = this.finished_(entry) || progress
        else if (entry.machine.failure?.severity === 'unsafe')
          this.add({
            severity: 'unsafe',
            message: entry.machine.failure.message,
            offset: entry.machine.failure.at
          })
      }
      if (this.rawPos !== undefined) progress = this.readRaw(eof) || progress
    }
    if (!this.running.length && this.rawPos === undefined) this.stopped = true
    // Keep only the bytes some reader still needs.
    let keep = this.base + this.buf.length
    for (const { machine } of this.running) keep = Math.min(keep, Math.max(machine.pos, this.base))
    if (this.rawPos !== undefined) keep = Math.min(keep, Math.max(this.rawPos, this.base))
    if (keep > this.base) {
      this.buf = this.buf.subarray(Math.min(keep - this.base, this.buf.length))
      this.base = keep
    }
  }

  /** A main pickle or a probe ended. Returns whether another reader started. */
  private finished_({ machine, role }: Running): boolean {
    const index = this.pickles
    if (role === 'main' && index === 0) this.firstEvents = machine.events
    if (machine.status === 'failed') {
      const failure = machine.failure!
      if (role === 'main') {
        if (index === 0) this.firstFailed = true
        this.add({
          severity: failure.severity,
          message:
            failure.severity === 'unsafe'
              ? failure.message
              : `${index ? `pickle #${index + 1}` : 'the pickle'} is broken at byte ${failure.at}: ${failure.message}`,
          offset: failure.at
        })
      } else if (failure.severity === 'unsafe') {
        this.add({ severity: 'unsafe', message: failure.message, offset: failure.at })
      } else if (machine.events === 0 && machine.start < this.total) {
        this.add({
          severity: 'info',
          message: `${this.total - machine.start} bytes after the last pickle are not a pickle (pickle.load stops before them)`,
          offset: machine.start
        })
      }
      return false
    }
    this.pickles++
    if (!this.steps.length) this.steps = this.plan(index, machine.result!, this)
    return this.next(machine.pos)
  }

  /** Starts the next step at `pos`. */
  private next(pos: number): boolean {
    const step = this.steps.shift()
    if (!step) return false
    if (step.kind === 'pickle')
      this.running.push({ machine: this.machine('plain', pos, step.label), role: 'main' })
    else if (step.kind === 'probe')
      this.running.push({
        machine: this.machine(
          'plain',
          pos,
          ` (in pickle #${this.pickles + 1}, after the STOP of #${this.pickles})`
        ),
        role: 'probe'
      })
    else {
      this.steps.unshift(step)
      this.rawPos = pos
    }
    return true
  }

  /** Raw records between pickles (storages, tensor headers): their length is in their first bytes. */
  private readRaw(eof: boolean): boolean {
    const step = this.steps[0]
    const pos = this.rawPos!
    const width = step.kind === 'storage' ? 8 : 4
    const rel = pos - this.base
    if (rel + width > this.buf.length) {
      if (eof) {
        this.add({
          severity: 'invalid',
          message: 'a storage record is cut short (truncated file)',
          offset: pos
        })
        this.rawPos = undefined
      }
      return false
    }
    let end: number
    if (step.kind === 'storage') {
      end = pos + 8 + Number(this.buf.readBigInt64LE(rel)) * step.elementSize
      this.storages++
    } else end = pos + 8 + 16 * this.buf.readInt32LE(rel) + 8
    if (end < pos || end > (eof ? this.total : Infinity)) {
      this.add({
        severity: 'invalid',
        message: 'a storage record runs past the end of the data',
        offset: pos
      })
      this.rawPos = undefined
      return false
    }
    this.steps.shift()
    this.rawPos = undefined
    const index = this.pickles
    if (!this.steps.length) this.steps = this.plan(index, null, this)
    return this.next(end)
  }
}

export { TORCH_MAGIC }
export type { Value }
