import { python3Name } from '../allowlist/index.js'
import {
  decodeLong,
  decodeUtf8,
  escapeDecode,
  latin1,
  parsePythonInt,
  rawUnicodeEscape
} from './decode.js'
import { joblibArray, JOBLIB_WRAPPER } from './joblib-array.js'
import {
  classOf,
  FLOAT,
  PyBytes,
  PyDict,
  PyGlobal,
  PyLongStr,
  PyObject,
  PyOpaque,
  PyPersId,
  PySeq,
  type Value
} from './values.js'

/** What the machine reports while it runs; the policy (what is allowed) lives with the listener. */
export interface MachineEvents {
  /** GLOBAL, STACK_GLOBAL or INST imported a name (after Python 2 names were mapped). */
  import(global: PyGlobal): void
  /** REDUCE, NEWOBJ, NEWOBJ_EX, INST or OBJ called `callee`. */
  call(op: string, callee: Value, args: Value, at: number): void
  /** Something unsafe that is not an import: an extension code, a computed STACK_GLOBAL, ... */
  unsafe(message: string, at: number): void
  /** A second reading of the same bytes begins (pickle.load reading joblib's array data as opcodes). */
  fork(create: (events: MachineEvents) => PickleMachine): void
  /** PERSID or BINPERSID: torch.load resolves the id to a storage. */
  persistentId?(id: Value): void
}

/** Memo entries all forks of one stream may copy together (each fork copies the memo). */
export interface ForkBudget {
  memoEntries: number
}

export interface Failure {
  message: string
  at: number
  /** unsafe when the scan gave up on a limit (Python would have gone on), invalid when Python fails too. */
  severity: 'unsafe' | 'invalid'
}

/** Strings and bytes longer than this are skipped, not kept (array data). */
const KEEP_BYTES = 1 << 20
/** A text line (protocol 0 arguments) longer than this is skipped to its newline, not kept. */
const LINE_CAP = 4 << 20
/** Frames (protocol 4) are at most this long in practice; a longer one is still read, only not trusted. */
const HIGHEST_PROTOCOL = 5

const OPCODES = new Set(
  [...'(.0123FIJKLMNPQRSTUVXabcdeghijlopqrstu}])GBC']
    .map(c => c.charCodeAt(0))
    .concat(Array.from({ length: 0x98 - 0x80 + 1 }, (_, i) => 0x80 + i))
)

/** Whether `byte` starts an opcode CPython's unpickler knows. */
export const isOpcode = (byte: number): boolean => OPCODES.has(byte)

const NEED = Symbol('need more bytes')

/** What Python's float() accepts: decimal with optional `_` between digits, exponent, inf, nan. */
const PYTHON_FLOAT =
  /^[\t\n\v\f\r ]*[+-]?(((\d(_?\d)*)?\.?\d(_?\d)*|\d(_?\d)*\.)([eE][+-]?\d(_?\d)*)?|inf(inity)?|nan)[\t\n\v\f\r ]*$/i

const IDENTIFIERS = /^[\p{L}_][\p{L}\p{N}_]*(\.[\p{L}_][\p{L}\p{N}_]*)*$/u

/**
 * A pickle virtual machine that runs every opcode the way CPython's unpickler does (stack, marks, memo,
 * protocol-dependent name mapping), except that calls and imports are recorded instead of performed.
 * It reads a stream given in pieces: `run` goes as far as the bytes allow and picks up where it left off.
 *
 * `joblib` mode also does what joblib's unpickler adds: after BUILD of a NumpyArrayWrapper, the array's
 * bytes (or a nested pickle, for object arrays) follow in the stream and are read directly; at that
 * point a `plain` copy of the machine is forked to read the same bytes as pickle.load would.
 */
export class PickleMachine {
  pos: number
  status: 'running' | 'stopped' | 'failed' = 'running'
  result: Value | undefined
  failure: Failure | undefined
  /** Imports and calls seen: a stream with none is data, not a pickle, when it fails. */
  events = 0
  /** Opcodes run. */
  opcodes = 0
  readonly start: number

  private stack: Value[] = []
  private marks: number[] = []
  private memo: Map<number, Value>
  private proto = 0
  private frameEnd = -1
  private longLine: { code: number; at: number } | undefined
  private array: { at: number; bytes: number; align: boolean; checked: boolean } | undefined
  private child: PickleMachine | undefined

  constructor(
    private readonly events_: MachineEvents,
    readonly mode: 'joblib' | 'plain',
    start: number,
    private readonly maxValues: number,
    private readonly forkBudget: ForkBudget,
    state?: { stack: Value[]; marks: number[]; memo: Map<number, Value>; proto: number }
  ) {
    this.pos = start
    this.start = start
    this.memo = state?.memo ?? new Map()
    if (state) {
      this.stack = state.stack
      this.marks = state.marks
      this.proto = state.proto
    }
  }

  private fail(
    message: string,
    at: number,
    severity: 'unsafe' | 'invalid' = 'invalid'
  ): typeof NEED {
    if (this.status === 'running') {
      this.status = 'failed'
      this.failure = { message, at, severity }
    }
    return NEED
  }

  private get fence(): number {
    return this.marks.length ? this.marks[this.marks.length - 1] : 0
  }

  private push(value: Value): void {
    this.stack.push(value)
  }

  private pop(at: number): Value | typeof NEED {
    if (this.stack.length <= this.fence) return this.fail('unpickling stack underflow', at)
    return this.stack.pop()!
  }

  private popMark(at: number): number | typeof NEED {
    if (!this.marks.length) return this.fail('could not find MARK', at)
    return this.marks.pop()!
  }

  private importName(module: string, name: string, at: number): PyGlobal {
    const [module3, name3] = this.proto < 3 ? python3Name(module, name) : [module, name]
    const global = new PyGlobal(module3, name3, at)
    // Only a module Python could import tells a pickle from other bytes (find_class imports the module
    // before it looks the name up); every name is judged either way.
    if (IDENTIFIERS.test(module3)) this.events++
    this.events_.import(global)
    return global
  }

  private call(op: string, callee: Value, args: Value, at: number): PyObject {
    this.events++
    this.events_.call(op, callee, args, at)
    return new PyObject(callee, args, at)
  }

  /** Runs as far as `buf` (the stream's bytes from absolute offset `base`) allows. */
  run(buf: Buffer, base: number, eof: boolean): void {
    while (this.status === 'running') {
      if (this.child) {
        this.child.run(buf, base, eof)
        if (this.child.status === 'running') return
        if (this.child.status === 'failed') {
          const failure = this.child.failure!
          this.fail(`the object array's pickle: ${failure.message}`, failure.at, failure.severity)
          return
        }
        this.pos = this.child.pos
        this.child = undefined
        this.stack[this.stack.length - 1] = new PyOpaque('ndarray')
        continue
      }
      if (this.array && this.stepArray(buf, base, eof) === NEED) return
      if (this.longLine) {
        if (this.skipLine(buf, base, eof) === NEED) return
        continue
      }
      if (this.pos - base >= buf.length) {
        if (eof) this.fail('pickle data was truncated (no STOP)', this.pos)
        return
      }
      if (this.step(buf, base, eof) === NEED) return
      if (this.stack.length + this.memo.size > this.maxValues)
        this.fail(
          `too complex to scan: more than ${this.maxValues} values on the stack and in the memo`,
          this.pos,
          'unsafe'
        )
    }
  }

  /** The bytes of a NumpyArrayWrapper's array: an alignment pad (its length in its first byte), then data. */
  private stepArray(buf: Buffer, base: number, eof: boolean): typeof NEED | undefined {
    const array = this.array!
    const rel = this.pos - base
    if (!array.align && array.bytes === 0) {
      this.array = undefined
      this.stack[this.stack.length - 1] = new PyOpaque('ndarray')
      return undefined
    }
    if (rel >= buf.length) {
      if (eof) return this.fail('joblib array data was truncated', array.at)
      return NEED
    }
    if (!array.checked) {
      array.checked = true
      // pickle.load (not joblib.load) reads these bytes as opcodes: follow that reading too.
      if (isOpcode(buf[rel]) && this.memo.size > this.forkBudget.memoEntries) {
        this.events++
        this.events_.unsafe(
          'too many joblib arrays to follow as pickle.load would read them',
          this.pos
        )
      } else if (isOpcode(buf[rel])) {
        this.forkBudget.memoEntries -= this.memo.size
        const state = {
          stack: this.stack.slice(),
          marks: this.marks.slice(),
          memo: new Map(this.memo),
          proto: this.proto
        }
        const { pos, maxValues, forkBudget } = this
        this.events_.fork(
          events => new PickleMachine(events, 'plain', pos, maxValues, forkBudget, state)
        )
      }
    }
    let pad = 0
    if (array.align) pad = 1 + buf[rel]
    this.pos += pad + array.bytes
    this.array = undefined
    this.stack[this.stack.length - 1] = new PyOpaque('ndarray')
    return undefined
  }

  private skipLine(buf: Buffer, base: number, eof: boolean): typeof NEED | undefined {
    const { code, at } = this.longLine!
    const rel = Math.max(0, this.pos - base)
    const end = buf.indexOf(0x0a, rel)
    if (end === -1) {
      this.pos = base + buf.length
      return eof ? this.fail('pickle data was truncated (a line with no end)', at) : NEED
    }
    this.pos = base + end + 1
    this.longLine = undefined
    const length = base + end - at - 1
    if (code === 0x53 || code === 0x56) this.push(new PyLongStr(length))
    else if (code === 0x50) this.push(new PyPersId(new PyOpaque('a long persistent id')))
    else if (code === 0x46 || code === 0x49 || code === 0x4c) this.push(FLOAT)
    else return this.fail(`a ${length}-byte argument line`, at)
    return undefined
  }

  // The opcode being read: set by step() for the helpers below (no closures per opcode).
  private buf: Buffer = Buffer.alloc(0)
  private base = 0
  private eof = false
  private at = 0
  private rel = 0
  private code = 0

  private wait(): typeof NEED {
    return this.eof ? this.fail('pickle data was truncated', this.at) : NEED
  }

  /** Where an n-byte argument starts, once it is all there. */
  private fixed(n: number): number | typeof NEED {
    return this.buf.length - this.rel < 1 + n ? this.wait() : this.rel + 1
  }

  /** A newline-terminated argument after `from`: [start, end) without the newline. */
  private line(from: number): [number, number] | typeof NEED {
    const { buf, rel } = this
    const end = buf.indexOf(0x0a, from)
    if (end !== -1) return [from, end]
    if (this.eof) return this.fail('pickle data was truncated (a line with no end)', this.at)
    if (buf.length - rel > LINE_CAP) {
      this.longLine = { code: this.code, at: this.at }
      this.pos = this.base + buf.length
    }
    return NEED
  }

  /** A length-prefixed argument: its content when short and present, or its length when skipped. */
  private counted(
    width: 1 | 4 | 8,
    signed = false
  ): { data?: Buffer; length: number } | typeof NEED {
    const { buf, rel, at } = this
    if (buf.length - rel < 1 + width) return this.wait()
    const length =
      width === 1
        ? buf[rel + 1]
        : width === 4
          ? signed
            ? buf.readInt32LE(rel + 1)
            : buf.readUInt32LE(rel + 1)
          : Number(buf.readBigUInt64LE(rel + 1))
    if (length < 0) return this.fail('negative byte count', at)
    const start = rel + 1 + width
    if (length > KEEP_BYTES) {
      this.pos = at + 1 + width + length
      return { length }
    }
    if (buf.length - start < length) return this.wait()
    this.pos = at + 1 + width + length
    return { data: buf.subarray(start, start + length), length }
  }

  private next(end: number): undefined {
    this.pos = this.base + end
    return undefined
  }

  /** One opcode. Returns NEED when the bytes end inside it (the machine then waits, or fails at EOF). */
  private step(buf: Buffer, base: number, eof: boolean): typeof NEED | undefined {
    const at = this.pos
    const rel = at - base
    const code = buf[rel]
    this.buf = buf
    this.base = base
    this.eof = eof
    this.at = at
    this.rel = rel
    this.code = code
    this.opcodes++

    switch (code) {
      case 0x28: // MARK
        this.marks.push(this.stack.length)
        return this.next(rel + 1)
      case 0x2e: {
        // STOP
        const value = this.pop(at)
        if (value === NEED) return NEED
        this.result = value
        this.status = 'stopped'
        return this.next(rel + 1)
      }
      case 0x30: // POP: the mark, when the top of the stack is a mark
        if (this.marks.length && this.fence === this.stack.length) this.marks.pop()
        else if (this.pop(at) === NEED) return NEED
        return this.next(rel + 1)
      case 0x31: {
        // POP_MARK
        const mark = this.popMark(at)
        if (mark === NEED) return NEED
        this.stack.length = mark
        return this.next(rel + 1)
      }
      case 0x32: // DUP
        if (this.stack.length <= this.fence) return this.fail('unpickling stack underflow', at)
        this.push(this.stack[this.stack.length - 1])
        return this.next(rel + 1)
      case 0x46: {
        // FLOAT
        const arg = this.line(rel + 1)
        if (arg === NEED) return NEED
        if (!PYTHON_FLOAT.test(latin1(buf.subarray(arg[0], arg[1]))))
          return this.fail('could not convert string to float', at)
        this.push(FLOAT)
        return this.next(arg[1] + 1)
      }
      case 0x49: // INT
      case 0x4c: {
        // LONG
        const arg = this.line(rel + 1)
        if (arg === NEED) return NEED
        let text = latin1(buf.subarray(arg[0], arg[1]))
        if (code === 0x49 && (text === '00' || text === '01')) this.push(text === '01')
        else {
          if (code === 0x4c && text.endsWith('L')) text = text.slice(0, -1)
          // CPython's C unpickler reads INT with strtol, which also takes leading-zero octal.
          const value =
            parsePythonInt(text, 0) ??
            (code === 0x49 && /^\s*[+-]?0[0-7]+\s*$/.test(text)
              ? BigInt(parseInt(text, 8))
              : undefined)
          if (value === undefined) return this.fail('invalid literal for int()', at)
          this.push(narrow(value))
        }
        return this.next(arg[1] + 1)
      }
      case 0x4a: {
        // BININT
        const start = this.fixed(4)
        if (start === NEED) return NEED
        this.push(buf.readInt32LE(start))
        return this.next(start + 4)
      }
      case 0x4b: {
        // BININT1
        const start = this.fixed(1)
        if (start === NEED) return NEED
        this.push(buf[start])
        return this.next(start + 1)
      }
      case 0x4d: {
        // BININT2
        const start = this.fixed(2)
        if (start === NEED) return NEED
        this.push(buf.readUInt16LE(start))
        return this.next(start + 2)
      }
      case 0x8a: // LONG1
      case 0x8b: {
        // LONG4
        const arg = this.counted(code === 0x8a ? 1 : 4, true)
        if (arg === NEED) return NEED
        this.push(arg.data ? narrow(decodeLong(arg.data)) : FLOAT)
        return undefined
      }
      case 0x4e: // NONE
        this.push(null)
        return this.next(rel + 1)
      case 0x88: // NEWTRUE
      case 0x89: // NEWFALSE
        this.push(code === 0x88)
        return this.next(rel + 1)
      case 0x47: {
        // BINFLOAT
        const start = this.fixed(8)
        if (start === NEED) return NEED
        this.push(FLOAT)
        return this.next(start + 8)
      }
      case 0x50: {
        // PERSID
        const arg = this.line(rel + 1)
        if (arg === NEED) return NEED
        const id = latin1(buf.subarray(arg[0], arg[1]))
        this.events_.persistentId?.(id)
        this.push(new PyPersId(id))
        return this.next(arg[1] + 1)
      }
      case 0x51: {
        // BINPERSID
        const id = this.pop(at)
        if (id === NEED) return NEED
        this.events_.persistentId?.(id)
        this.push(new PyPersId(id))
        return this.next(rel + 1)
      }
      case 0x52: {
        // REDUCE
        if (this.stack.length - 2 < this.fence) return this.fail('unpickling stack underflow', at)
        const args = this.stack.pop()!
        const callee = this.stack.pop()!
        this.push(this.call('REDUCE', callee, args, at))
        return this.next(rel + 1)
      }
      case 0x53: {
        // STRING: quoted, with backslash escapes
        const arg = this.line(rel + 1)
        if (arg === NEED) return NEED
        const raw = buf.subarray(arg[0], arg[1])
        if (
          raw.length < 2 ||
          raw[0] !== raw[raw.length - 1] ||
          (raw[0] !== 0x27 && raw[0] !== 0x22)
        )
          return this.fail('the STRING opcode argument must be quoted', at)
        const bytes = escapeDecode(raw.subarray(1, -1))
        if (!bytes) return this.fail('a STRING with a bad escape', at)
        this.push(bytesToStr(bytes))
        return this.next(arg[1] + 1)
      }
      case 0x54: // BINSTRING
      case 0x55: {
        // SHORT_BINSTRING
        const arg = this.counted(code === 0x55 ? 1 : 4, true)
        if (arg === NEED) return NEED
        this.push(arg.data ? bytesToStr(arg.data) : new PyLongStr(arg.length))
        return undefined
      }
      case 0x56: {
        // UNICODE: raw-unicode-escape
        const arg = this.line(rel + 1)
        if (arg === NEED) return NEED
        const text = rawUnicodeEscape(buf.subarray(arg[0], arg[1]))
        if (text === undefined) return this.fail('a UNICODE argument with a bad escape', at)
        this.push(text)
        return this.next(arg[1] + 1)
      }
      case 0x58: // BINUNICODE
      case 0x8c: // SHORT_BINUNICODE
      case 0x8d: {
        // BINUNICODE8
        const arg = this.counted(code === 0x8c ? 1 : code === 0x58 ? 4 : 8)
        if (arg === NEED) return NEED
        if (!arg.data) this.push(new PyLongStr(arg.length))
        else {
          const text = decodeUtf8(arg.data)
          // Lone surrogates (surrogatepass) decode in Python but never name a module: keep them apart.
          this.push(text ?? new PyLongStr(arg.length))
        }
        return undefined
      }
      case 0x42: // BINBYTES
      case 0x43: // SHORT_BINBYTES
      case 0x8e: // BINBYTES8
      case 0x96: {
        // BYTEARRAY8
        const arg = this.counted(code === 0x43 ? 1 : code === 0x42 ? 4 : 8)
        if (arg === NEED) return NEED
        this.push(
          new PyBytes(
            arg.length,
            arg.data && arg.length <= 4096 ? Buffer.from(arg.data) : undefined
          )
        )
        return undefined
      }
      case 0x61: {
        // APPEND
        if (this.stack.length - 1 <= this.fence) return this.fail('unpickling stack underflow', at)
        const value = this.stack.pop()!
        const list = this.stack[this.stack.length - 1]
        if (list instanceof PySeq) list.add([value])
        return this.next(rel + 1)
      }
      case 0x65: // APPENDS
      case 0x90: {
        // ADDITEMS
        const mark = this.popMark(at)
        if (mark === NEED) return NEED
        if (mark > this.stack.length || mark <= this.fence)
          return this.fail('unpickling stack underflow', at)
        const items = this.stack.splice(mark)
        const target = this.stack[mark - 1]
        if (target instanceof PySeq) target.add(items)
        return this.next(rel + 1)
      }
      case 0x62: {
        // BUILD
        if (this.stack.length - 2 < this.fence) return this.fail('unpickling stack underflow', at)
        const state = this.stack.pop()!
        const inst = this.stack[this.stack.length - 1]
        if (inst instanceof PyObject) inst.state = state
        this.pos = at + 1
        if (this.mode === 'joblib' && classOf(inst) === JOBLIB_WRAPPER)
          return this.joblibArray(state, at)
        return undefined
      }
      case 0x63: // GLOBAL
      case 0x69: {
        // INST
        // At the end of the data, joblib's (pure Python) unpickler takes an unterminated line less its
        // last byte (readline()[:-1]) and still imports the module: so does the scan, then it fails.
        const partial = (from: number): [number, number] => [
          Math.min(from, buf.length),
          Math.max(Math.min(from, buf.length), buf.length - 1)
        ]
        let first = this.line(rel + 1)
        if (first === NEED && eof && this.status === 'failed' && !this.longLine) {
          this.status = 'running'
          first = partial(rel + 1)
        }
        if (first === NEED) return NEED
        let second = this.line(first[1] + 1)
        if (second === NEED && eof && this.status === 'failed' && !this.longLine) {
          this.status = 'running'
          second = partial(first[1] + 1)
        }
        if (second === NEED) return NEED
        const truncated = second[1] === buf.length - 1 && buf[second[1]] !== 0x0a
        // GLOBAL decodes UTF-8, INST ASCII: a name that is neither cannot be imported.
        const module = decodeUtf8(buf.subarray(first[0], first[1]))
        const name = decodeUtf8(buf.subarray(second[0], second[1]))
        if (module === undefined || name === undefined)
          return this.fail('a module or name that is not UTF-8', at)
        if (truncated) {
          this.importName(module, name, at)
          this.status = 'running'
          return this.fail('pickle data was truncated (a line with no end)', at)
        }
        if (code === 0x63) {
          this.push(this.importName(module, name, at))
          return this.next(second[1] + 1)
        }
        const mark = this.popMark(at)
        if (mark === NEED) return NEED
        const args = new PySeq('tuple', this.stack.splice(mark))
        const cls = this.importName(module, name, at)
        this.push(this.call('INST', cls, args, at))
        return this.next(second[1] + 1)
      }
      case 0x64: // DICT
      case 0x75: {
        // SETITEMS
        const mark = this.popMark(at)
        if (mark === NEED) return NEED
        if ((this.stack.length - mark) % 2) return this.fail('odd number of items', at)
        if (code === 0x64) {
          const dict = new PyDict()
          const items = this.stack.splice(mark)
          for (let i = 0; i < items.length; i += 2) dict.set(items[i], items[i + 1])
          this.push(dict)
          return this.next(rel + 1)
        }
        if (mark > this.stack.length || mark <= this.fence)
          return this.fail('unpickling stack underflow', at)
        const items = this.stack.splice(mark)
        const dict = this.stack[mark - 1]
        if (dict instanceof PyDict)
          for (let i = 0; i < items.length; i += 2) dict.set(items[i], items[i + 1])
        return this.next(rel + 1)
      }
      case 0x73: {
        // SETITEM
        if (this.stack.length - 2 <= this.fence) return this.fail('unpickling stack underflow', at)
        const value = this.stack.pop()!
        const key = this.stack.pop()!
        const dict = this.stack[this.stack.length - 1]
        if (dict instanceof PyDict) dict.set(key, value)
        return this.next(rel + 1)
      }
      case 0x7d: // EMPTY_DICT
        this.push(new PyDict())
        return this.next(rel + 1)
      case 0x5d: // EMPTY_LIST
        this.push(new PySeq('list', []))
        return this.next(rel + 1)
      case 0x29: // EMPTY_TUPLE
        this.push(new PySeq('tuple', []))
        return this.next(rel + 1)
      case 0x8f: // EMPTY_SET
        this.push(new PySeq('set', []))
        return this.next(rel + 1)
      case 0x6c: // LIST
      case 0x74: // TUPLE
      case 0x91: {
        // FROZENSET
        const mark = this.popMark(at)
        if (mark === NEED) return NEED
        const kind = code === 0x6c ? 'list' : code === 0x74 ? 'tuple' : 'frozenset'
        const seq = new PySeq(kind, [])
        seq.add(this.stack.splice(mark))
        this.push(seq)
        return this.next(rel + 1)
      }
      case 0x85: // TUPLE1
      case 0x86: // TUPLE2
      case 0x87: {
        // TUPLE3
        const n = code - 0x84
        if (this.stack.length - n < this.fence) return this.fail('unpickling stack underflow', at)
        this.push(new PySeq('tuple', this.stack.splice(this.stack.length - n)))
        return this.next(rel + 1)
      }
      case 0x67: // GET
      case 0x70: {
        // PUT
        const arg = this.line(rel + 1)
        if (arg === NEED) return NEED
        const index = parsePythonInt(latin1(buf.subarray(arg[0], arg[1])), 10)
        if (index === undefined || index < 0n) return this.fail('a bad memo index', at)
        const done = this.memoOp(code === 0x67, index, at)
        if (done === NEED) return NEED
        return this.next(arg[1] + 1)
      }
      case 0x68: // BINGET
      case 0x71: // BINPUT
      case 0x6a: // LONG_BINGET
      case 0x72: {
        // LONG_BINPUT
        const width = code === 0x68 || code === 0x71 ? 1 : 4
        const start = this.fixed(width)
        if (start === NEED) return NEED
        const index = width === 1 ? buf[start] : buf.readUInt32LE(start)
        const done = this.memoOp(code === 0x68 || code === 0x6a, BigInt(index), at)
        if (done === NEED) return NEED
        return this.next(start + width)
      }
      case 0x94: // MEMOIZE
        if (this.stack.length <= this.fence) return this.fail('unpickling stack underflow', at)
        this.memo.set(this.memo.size, this.stack[this.stack.length - 1])
        return this.next(rel + 1)
      case 0x6f: {
        // OBJ: MARK class args... OBJ
        const mark = this.popMark(at)
        if (mark === NEED) return NEED
        if (this.stack.length - mark < 1) return this.fail('unpickling stack underflow', at)
        const items = this.stack.splice(mark)
        const cls = items.shift()!
        this.push(this.call('OBJ', cls, new PySeq('tuple', items), at))
        return this.next(rel + 1)
      }
      case 0x80: {
        // PROTO
        const start = this.fixed(1)
        if (start === NEED) return NEED
        if (buf[start] > HIGHEST_PROTOCOL)
          return this.fail(`unsupported pickle protocol ${buf[start]}`, at)
        this.proto = buf[start]
        return this.next(start + 1)
      }
      case 0x81: // NEWOBJ
      case 0x92: {
        // NEWOBJ_EX
        const n = code === 0x81 ? 2 : 3
        if (this.stack.length - n < this.fence) return this.fail('unpickling stack underflow', at)
        const popped = this.stack.splice(this.stack.length - n)
        this.push(this.call(code === 0x81 ? 'NEWOBJ' : 'NEWOBJ_EX', popped[0], popped[1], at))
        return this.next(rel + 1)
      }
      case 0x82: // EXT1
      case 0x83: // EXT2
      case 0x84: {
        // EXT4
        const width = code === 0x82 ? 1 : code === 0x83 ? 2 : 4
        const start = this.fixed(width)
        if (start === NEED) return NEED
        const value =
          width === 1 ? buf[start] : width === 2 ? buf.readUInt16LE(start) : buf.readInt32LE(start)
        this.events++
        this.events_.unsafe(
          `extension code ${value} (EXT${width === 4 ? 4 : width}): imports whatever copyreg's extension registry maps it to`,
          at
        )
        this.push(new PyOpaque(`extension ${value}`))
        return this.next(start + width)
      }
      case 0x93: {
        // STACK_GLOBAL
        if (this.stack.length - 2 < this.fence) return this.fail('unpickling stack underflow', at)
        const name = this.stack.pop()!
        const module = this.stack.pop()!
        if (typeof module !== 'string' || typeof name !== 'string') {
          this.events++
          this.events_.unsafe(
            'STACK_GLOBAL imports a module or name computed while loading, not a constant string',
            at
          )
          this.push(new PyOpaque('computed global'))
        } else this.push(this.importName(module, name, at))
        return this.next(rel + 1)
      }
      case 0x95: {
        // FRAME
        const start = this.fixed(8)
        if (start === NEED) return NEED
        this.frameEnd = at + 9 + Number(buf.readBigUInt64LE(start))
        return this.next(start + 8)
      }
      case 0x97: // NEXT_BUFFER: out-of-band data (pickle.load needs buffers=...)
        this.push(new PyOpaque('out-of-band buffer'))
        return this.next(rel + 1)
      case 0x98: // READONLY_BUFFER
        if (this.stack.length <= this.fence) return this.fail('unpickling stack underflow', at)
        return this.next(rel + 1)
      default:
        return this.fail(`invalid opcode 0x${code.toString(16).padStart(2, '0')}`, at)
    }
  }

  private memoOp(get: boolean, index: bigint, at: number): typeof NEED | undefined {
    const key = Number(index)
    if (get) {
      if (!this.memo.has(key)) return this.fail(`memo value not found at index ${index}`, at)
      this.push(this.memo.get(key)!)
    } else {
      if (this.stack.length <= this.fence) return this.fail('unpickling stack underflow', at)
      this.memo.set(key, this.stack[this.stack.length - 1])
    }
    return undefined
  }

  /** joblib reads the wrapped array itself, right after the BUILD that set the wrapper's state. */
  private joblibArray(state: Value, at: number): typeof NEED | undefined {
    const layout = joblibArray(state)
    if (typeof layout === 'string') {
      this.events++
      this.events_.unsafe(`cannot follow joblib's array data: ${layout}`, at)
      return this.fail(`joblib array: ${layout}`, at)
    }
    if (this.frameEnd > this.pos) {
      this.events++
      this.events_.unsafe(
        'joblib array data starts inside a pickle frame: joblib and pickle would read different bytes',
        at
      )
      return this.fail('joblib array inside a frame', at)
    }
    if (layout.object) {
      this.child = new PickleMachine(
        this.events_,
        'plain',
        this.pos,
        this.maxValues,
        this.forkBudget
      )
      return undefined
    }
    this.array = { at, bytes: layout.bytes, align: layout.align, checked: false }
    return undefined
  }
}

/** An int as a JS number when exact, else a bigint. */
function narrow(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value
}

/** Python 2 str: decoded with the unpickler's encoding (ASCII by default, UTF-8 in torch.load). */
function bytesToStr(bytes: Uint8Array): string {
  return decodeUtf8(bytes) ?? latin1(bytes)
}
