import type { Allowlist } from '../allowlist/index.js'
import type { Finding } from '../types.js'
import { PickleMachine, type ForkBudget, type MachineEvents } from './machine.js'
import { describe, PyGlobal, PyLongStr, PyPersId, PySeq, type Value } from './values.js'

/** The first pickle of a legacy (non-zip) torch.save file: torch.serialization.MAGIC_NUMBER. */
const TORCH_MAGIC = 0x1950a86a20f9469cfc6cn
/** Legacy torch.save writes five pickles: magic, protocol version, sys_info, the object, storage keys. */
const TORCH_LEGACY_PICKLES = 5

const ELEMENT_SIZE: Record<string, number> = {
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

export interface PickleStreamOptions {
  allowlist: Allowlist
  /** Label of the stream in findings (an archive entry); undefined for a whole file. */
  entry?: string
  findings: Finding[]
  maxValues: number
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
  /** Storages of a legacy torch file. */
  storages: number
}

interface Running {
  machine: PickleMachine
  role: 'main' | 'probe' | 'fork'
}

/**
 * Scans a byte stream that holds one pickle or several back to back (legacy torch.save), written in
 * pieces: every pickle is emulated, every import judged against the allowlist, and every call checked.
 * Findings go to `options.findings`.
 */
export class PickleStream {
  private buf: Buffer = Buffer.alloc(0)
  private base = 0
  private total = 0
  private running: Running[] = []
  private pickles = 0
  private firstFailed = false
  private firstEvents = 0
  private legacy = false
  private storageSizes = new Map<string, number>()
  private raw: { pos: number; sizes: number[]; done: number } | undefined
  private storages = 0
  private readonly seen = new Set<string>()
  private readonly forkBudget: ForkBudget

  constructor(private readonly options: PickleStreamOptions) {
    this.forkBudget = { memoEntries: options.maxValues * 2 }
    this.running.push({ machine: this.machine('joblib', 0, ''), role: 'main' })
  }

  private add(finding: Finding): void {
    const key = `${finding.severity}\0${finding.global ?? finding.message}`
    if (this.seen.has(key)) return
    this.seen.add(key)
    this.options.findings.push({ ...finding, entry: finding.entry ?? this.options.entry })
  }

  private events(where: string): MachineEvents {
    const { allowlist } = this.options
    return {
      import: global => {
        if (allowlist.has(global.module, global.name)) return
        this.add({
          severity: 'unsafe',
          message: `imports ${global.qualified}${where}: not on the allowlist (loading it can run code)`,
          global: global.qualified,
          offset: global.at
        })
      },
      call: (op, callee, args, at) => {
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
        if (callee.qualified === '_codecs.encode') {
          const items = args instanceof PySeq ? args.items : []
          const text = items[0]
          const encoding = items[1]
          if (
            !(args instanceof PySeq) ||
            args.length !== 2 ||
            !(typeof text === 'string' || text instanceof PyLongStr) ||
            typeof encoding !== 'string' ||
            !BYTE_ENCODINGS.has(encoding.toLowerCase())
          )
            this.add({
              severity: 'unsafe',
              message: `_codecs.encode is called with ${items.map(describe).join(', ')}${where}: only (str, 'latin1') makes bytes`,
              global: '_codecs.encode',
              offset: at
            })
        }
      },
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
      persistentId: id => {
        // torch's persistent ids: ('storage', StorageType, key, location, numel, ...)
        if (!this.legacy || !(id instanceof PySeq)) return
        const [, type, key] = id.items
        if (type instanceof PyGlobal && typeof key === 'string' && type.name in ELEMENT_SIZE)
          this.storageSizes.set(key, ELEMENT_SIZE[type.name])
      }
    }
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
    if (!chunk.length) return
    this.total += chunk.length
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk
    this.pump(false)
  }

  end(): PickleSummary {
    this.pump(true)
    return {
      pickles: this.pickles,
      legacyTorch: this.legacy,
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
        if (entry.role !== 'fork') progress = this.finished(entry) || progress
        else if (entry.machine.failure?.severity === 'unsafe')
          this.add({
            severity: 'unsafe',
            message: entry.machine.failure.message,
            offset: entry.machine.failure.at
          })
      }
      if (this.raw) progress = this.readStorages(eof) || progress
    }
    // Keep only the bytes some reader still needs.
    let keep = this.base + this.buf.length
    for (const { machine } of this.running) keep = Math.min(keep, Math.max(machine.pos, this.base))
    if (this.raw) keep = Math.min(keep, Math.max(this.raw.pos, this.base))
    if (keep > this.base) {
      this.buf = this.buf.subarray(keep - this.base)
      this.base = keep
    }
  }

  /** A main pickle or a probe ended: decides what the following bytes are. Returns whether a reader started. */
  private finished({ machine, role }: Running): boolean {
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
    if (index === 0 && machine.result === TORCH_MAGIC) this.legacy = true
    const next = machine.pos
    if (this.legacy && this.pickles < TORCH_LEGACY_PICKLES) {
      this.running.push({
        machine: this.machine(
          'plain',
          next,
          ` (pickle #${this.pickles + 1} of a legacy torch file)`
        ),
        role: 'main'
      })
      return true
    }
    if (this.legacy && this.pickles === TORCH_LEGACY_PICKLES) {
      const keys = machine.result
      const sizes =
        keys instanceof PySeq && keys.complete && keys.items.every(k => typeof k === 'string')
          ? (keys.items as string[]).map(key => this.storageSizes.get(key) ?? 0)
          : []
      if (!sizes.length || sizes.includes(0)) {
        this.add({
          severity: 'warning',
          message: `legacy torch file: cannot tell the size of its storages; the ${this.total - next}+ bytes after its five pickles were not read`,
          offset: next
        })
        return false
      }
      this.raw = { pos: next, sizes, done: 0 }
      return true
    }
    // After a STOP, pickle.load stops; a loader calling it again would read the next pickle.
    this.running.push({
      machine: this.machine(
        'plain',
        next,
        ` (in pickle #${this.pickles + 1}, after the first one's STOP)`
      ),
      role: 'probe'
    })
    return true
  }

  /** Legacy torch storages: for each key, an int64 element count and count × element size bytes. */
  private readStorages(eof: boolean): boolean {
    const raw = this.raw!
    while (raw.done < raw.sizes.length) {
      const rel = raw.pos - this.base
      if (rel + 8 > this.buf.length) {
        if (eof) {
          this.add({
            severity: 'invalid',
            message: `legacy torch file: storage ${raw.done + 1} of ${raw.sizes.length} is cut short`,
            offset: raw.pos
          })
          this.raw = undefined
        }
        return false
      }
      const count = this.buf.readBigInt64LE(rel)
      raw.pos += 8 + Number(count) * raw.sizes[raw.done]
      raw.done++
      this.storages++
    }
    if (raw.pos > this.total) {
      if (!eof) return false
      this.add({
        severity: 'invalid',
        message: 'legacy torch file: the last storage runs past the end of the file',
        offset: raw.pos
      })
      this.raw = undefined
      return false
    }
    this.raw = undefined
    // Nothing reads what follows the storages; it is reported as a pickle would be if it is one.
    this.running.push({
      machine: this.machine('plain', raw.pos, ' (after the storages of a legacy torch file)'),
      role: 'probe'
    })
    return true
  }
}

export { TORCH_MAGIC }
export type { Value }
