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
import { OP, type OpcodeName } from './opcodes.js'
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
/** The highest protocol CPython's unpickler reads. */
const HIGHEST_PROTOCOL = 5

const OPCODES = new Set(
  [...'(.0123FIJKLMNPQRSTUVXabcdeghijlopqrstu}])GBC']
    .map(c => c.charCodeAt(0))
    .concat(Array.from({ length: 0x98 - 0x80 + 1 }, (_, i) => 0x80 + i))
)

/** Whether `byte` starts an opcode CPython's unpickler knows. */
export const isOpcode = (byte: number): boolean => OPCODES.has(byte)

const NEED = Symbol('need more bytes')
type Outcome = typeof NEED | undefined
/** Runs the opcode at the machine's position (the opcode's fields are set). */
type Handler = (machine: PickleMachine) => Outcome

/** Handlers by opcode byte, from handlers by opcode name. */
function handlerTable(byName: Record<OpcodeName, Handler>): Array<Handler | undefined> {
  const table = new Array<Handler | undefined>(256).fill(undefined)
  for (const [name, handler] of Object.entries(byName)) table[OP[name as OpcodeName]] = handler
  return table
}

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
  private stepArray(buf: Buffer, base: number, eof: boolean): Outcome {
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

  private skipLine(buf: Buffer, base: number, eof: boolean): Outcome {
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
    if (code === OP.STRING || code === OP.UNICODE) this.push(new PyLongStr(length))
    else if (code === OP.PERSID) this.push(new PyPersId(new PyOpaque('a long persistent id')))
    else if (code === OP.FLOAT || code === OP.INT || code === OP.LONG) this.push(FLOAT)
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
  private step(buf: Buffer, base: number, eof: boolean): Outcome {
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
    const handler = PickleMachine.handlers[code]
    if (handler) return handler(this)
    return this.fail(`invalid opcode 0x${code.toString(16).padStart(2, '0')}`, at)
  }

  /** Each opcode's handler, by family; a table by opcode byte for `step`. */
  private static readonly handlers = handlerTable({
    // stack and marks
    MARK: m => m.mark(),
    STOP: m => m.stop(),
    POP: m => m.popTop(),
    POP_MARK: m => m.popToMark(),
    DUP: m => m.dup(),
    // constants
    NONE: m => m.pushConstant(null),
    NEWTRUE: m => m.pushConstant(true),
    NEWFALSE: m => m.pushConstant(false),
    INT: m => m.intLine(),
    LONG: m => m.intLine(),
    BININT: m => m.binInt(4),
    BININT1: m => m.binInt(1),
    BININT2: m => m.binInt(2),
    LONG1: m => m.binLong(1),
    LONG4: m => m.binLong(4),
    FLOAT: m => m.floatLine(),
    BINFLOAT: m => m.binFloat(),
    // strings and bytes
    STRING: m => m.quotedString(),
    BINSTRING: m => m.binString(4),
    SHORT_BINSTRING: m => m.binString(1),
    UNICODE: m => m.unicodeLine(),
    SHORT_BINUNICODE: m => m.binUnicode(1),
    BINUNICODE: m => m.binUnicode(4),
    BINUNICODE8: m => m.binUnicode(8),
    SHORT_BINBYTES: m => m.binBytes(1),
    BINBYTES: m => m.binBytes(4),
    BINBYTES8: m => m.binBytes(8),
    BYTEARRAY8: m => m.binBytes(8),
    // containers
    EMPTY_DICT: m => m.pushConstant(new PyDict()),
    EMPTY_LIST: m => m.pushConstant(new PySeq('list', [])),
    EMPTY_TUPLE: m => m.pushConstant(new PySeq('tuple', [])),
    EMPTY_SET: m => m.pushConstant(new PySeq('set', [])),
    LIST: m => m.sequenceFromMark('list'),
    TUPLE: m => m.sequenceFromMark('tuple'),
    FROZENSET: m => m.sequenceFromMark('frozenset'),
    TUPLE1: m => m.tupleOf(1),
    TUPLE2: m => m.tupleOf(2),
    TUPLE3: m => m.tupleOf(3),
    APPEND: m => m.append(),
    APPENDS: m => m.appendFromMark(),
    ADDITEMS: m => m.appendFromMark(),
    DICT: m => m.dictFromMark(),
    SETITEMS: m => m.setItemsFromMark(),
    SETITEM: m => m.setItem(),
    // memo
    GET: m => m.memoLine(true),
    PUT: m => m.memoLine(false),
    BINGET: m => m.memoIndex(true, 1),
    BINPUT: m => m.memoIndex(false, 1),
    LONG_BINGET: m => m.memoIndex(true, 4),
    LONG_BINPUT: m => m.memoIndex(false, 4),
    MEMOIZE: m => m.memoize(),
    // globals, calls and persistent ids
    GLOBAL: m => m.global(),
    INST: m => m.inst(),
    STACK_GLOBAL: m => m.stackGlobal(),
    EXT1: m => m.extension(1),
    EXT2: m => m.extension(2),
    EXT4: m => m.extension(4),
    REDUCE: m => m.reduce(),
    NEWOBJ: m => m.newObject('NEWOBJ', 2),
    NEWOBJ_EX: m => m.newObject('NEWOBJ_EX', 3),
    OBJ: m => m.obj(),
    BUILD: m => m.build(),
    PERSID: m => m.persIdLine(),
    BINPERSID: m => m.binPersId(),
    // protocol, frames and out-of-band buffers
    PROTO: m => m.setProtocol(),
    FRAME: m => m.frame(),
    NEXT_BUFFER: m => m.pushConstant(new PyOpaque('out-of-band buffer')),
    READONLY_BUFFER: m => (m.lacks(1) ? m.underflow() : m.nextOpcode())
  })

  // -- Helpers of the handlers.

  /** Past an opcode that has no argument. */
  private nextOpcode(): undefined {
    return this.next(this.rel + 1)
  }

  /** Whether fewer than `n` values lie above the innermost mark. */
  private lacks(n: number): boolean {
    return this.stack.length - n < this.fence
  }

  private underflow(): typeof NEED {
    return this.fail('unpickling stack underflow', this.at)
  }

  /** An argument line decoded as latin-1 (INT, LONG, FLOAT, PERSID, GET, PUT), and where it ends. */
  private textLine(): { text: string; end: number } | typeof NEED {
    const arg = this.line(this.rel + 1)
    if (arg === NEED) return NEED
    return { text: latin1(this.buf.subarray(arg[0], arg[1])), end: arg[1] + 1 }
  }

  /** A little-endian unsigned int of `width` bytes at `start` (1, 2 or 4). */
  private uint(start: number, width: 1 | 2 | 4): number {
    const { buf } = this
    return width === 1
      ? buf[start]
      : width === 2
        ? buf.readUInt16LE(start)
        : buf.readUInt32LE(start)
  }

  // -- Stack and marks.

  private mark(): Outcome {
    this.marks.push(this.stack.length)
    return this.nextOpcode()
  }

  private stop(): Outcome {
    const value = this.pop(this.at)
    if (value === NEED) return NEED
    this.result = value
    this.status = 'stopped'
    return this.nextOpcode()
  }

  /** POP: the mark, when the top of the stack is a mark. */
  private popTop(): Outcome {
    if (this.marks.length && this.fence === this.stack.length) this.marks.pop()
    else if (this.pop(this.at) === NEED) return NEED
    return this.nextOpcode()
  }

  private popToMark(): Outcome {
    const mark = this.popMark(this.at)
    if (mark === NEED) return NEED
    this.stack.length = mark
    return this.nextOpcode()
  }

  private dup(): Outcome {
    if (this.lacks(1)) return this.underflow()
    this.push(this.stack[this.stack.length - 1])
    return this.nextOpcode()
  }

  // -- Constants.

  private pushConstant(value: Value): Outcome {
    this.push(value)
    return this.nextOpcode()
  }

  /** INT and LONG: decimal text; INT's 00 and 01 are False and True. */
  private intLine(): Outcome {
    const arg = this.textLine()
    if (arg === NEED) return NEED
    const isInt = this.code === OP.INT
    let text = arg.text
    if (isInt && (text === '00' || text === '01')) this.push(text === '01')
    else {
      if (!isInt && text.endsWith('L')) text = text.slice(0, -1)
      // CPython's C unpickler reads INT with strtol, which also takes leading-zero octal.
      const value =
        parsePythonInt(text, 0) ??
        (isInt && /^\s*[+-]?0[0-7]+\s*$/.test(text) ? BigInt(parseInt(text, 8)) : undefined)
      if (value === undefined) return this.fail('invalid literal for int()', this.at)
      this.push(narrow(value))
    }
    return this.next(arg.end)
  }

  /** BININT1 and BININT2 are unsigned, BININT signed. */
  private binInt(width: 1 | 2 | 4): Outcome {
    const start = this.fixed(width)
    if (start === NEED) return NEED
    this.push(width === 4 ? this.buf.readInt32LE(start) : this.uint(start, width))
    return this.next(start + width)
  }

  private binLong(width: 1 | 4): Outcome {
    const arg = this.counted(width, true)
    if (arg === NEED) return NEED
    this.push(arg.data ? narrow(decodeLong(arg.data)) : FLOAT)
    return undefined
  }

  private floatLine(): Outcome {
    const arg = this.textLine()
    if (arg === NEED) return NEED
    if (!PYTHON_FLOAT.test(arg.text)) return this.fail('could not convert string to float', this.at)
    this.push(FLOAT)
    return this.next(arg.end)
  }

  private binFloat(): Outcome {
    const start = this.fixed(8)
    if (start === NEED) return NEED
    this.push(FLOAT)
    return this.next(start + 8)
  }

  // -- Strings and bytes.

  /** STRING: quoted, with backslash escapes. */
  private quotedString(): Outcome {
    const arg = this.line(this.rel + 1)
    if (arg === NEED) return NEED
    const raw = this.buf.subarray(arg[0], arg[1])
    const quote = raw[0]
    if (raw.length < 2 || quote !== raw[raw.length - 1] || (quote !== 0x27 && quote !== 0x22))
      return this.fail('the STRING opcode argument must be quoted', this.at)
    const bytes = escapeDecode(raw.subarray(1, -1))
    if (!bytes) return this.fail('a STRING with a bad escape', this.at)
    this.push(bytesToStr(bytes))
    return this.next(arg[1] + 1)
  }

  private binString(width: 1 | 4): Outcome {
    const arg = this.counted(width, true)
    if (arg === NEED) return NEED
    this.push(arg.data ? bytesToStr(arg.data) : new PyLongStr(arg.length))
    return undefined
  }

  /** UNICODE: raw-unicode-escape. */
  private unicodeLine(): Outcome {
    const arg = this.line(this.rel + 1)
    if (arg === NEED) return NEED
    const text = rawUnicodeEscape(this.buf.subarray(arg[0], arg[1]))
    if (text === undefined) return this.fail('a UNICODE argument with a bad escape', this.at)
    this.push(text)
    return this.next(arg[1] + 1)
  }

  private binUnicode(width: 1 | 4 | 8): Outcome {
    const arg = this.counted(width)
    if (arg === NEED) return NEED
    // Lone surrogates (surrogatepass) decode in Python but never name a module: keep them apart.
    const text = arg.data ? decodeUtf8(arg.data) : undefined
    this.push(text ?? new PyLongStr(arg.length))
    return undefined
  }

  private binBytes(width: 1 | 4 | 8): Outcome {
    const arg = this.counted(width)
    if (arg === NEED) return NEED
    const kept = arg.data && arg.length <= 4096 ? Buffer.from(arg.data) : undefined
    this.push(new PyBytes(arg.length, kept))
    return undefined
  }

  // -- Containers.

  private sequenceFromMark(kind: 'list' | 'tuple' | 'frozenset'): Outcome {
    const mark = this.popMark(this.at)
    if (mark === NEED) return NEED
    const seq = new PySeq(kind, [])
    seq.add(this.stack.splice(mark))
    this.push(seq)
    return this.nextOpcode()
  }

  private tupleOf(n: 1 | 2 | 3): Outcome {
    if (this.lacks(n)) return this.underflow()
    this.push(new PySeq('tuple', this.stack.splice(this.stack.length - n)))
    return this.nextOpcode()
  }

  private append(): Outcome {
    if (this.lacks(2)) return this.underflow()
    const value = this.stack.pop()!
    const list = this.stack[this.stack.length - 1]
    if (list instanceof PySeq) list.add([value])
    return this.nextOpcode()
  }

  /** APPENDS and ADDITEMS: the values since the mark go into the list or set below it. */
  private appendFromMark(): Outcome {
    const mark = this.popMark(this.at)
    if (mark === NEED) return NEED
    if (mark > this.stack.length || mark <= this.fence) return this.underflow()
    const items = this.stack.splice(mark)
    const target = this.stack[mark - 1]
    if (target instanceof PySeq) target.add(items)
    return this.nextOpcode()
  }

  /** The mark of DICT or SETITEMS, once the values since it pair up as keys and values. */
  private pairsMark(): number | typeof NEED {
    const mark = this.popMark(this.at)
    if (mark === NEED) return NEED
    if ((this.stack.length - mark) % 2) return this.fail('odd number of items', this.at)
    return mark
  }

  private dictFromMark(): Outcome {
    const mark = this.pairsMark()
    if (mark === NEED) return NEED
    this.push(setPairs(new PyDict(), this.stack.splice(mark)))
    return this.nextOpcode()
  }

  private setItemsFromMark(): Outcome {
    const mark = this.pairsMark()
    if (mark === NEED) return NEED
    if (mark > this.stack.length || mark <= this.fence) return this.underflow()
    const items = this.stack.splice(mark)
    const dict = this.stack[mark - 1]
    if (dict instanceof PyDict) setPairs(dict, items)
    return this.nextOpcode()
  }

  private setItem(): Outcome {
    if (this.lacks(3)) return this.underflow()
    const value = this.stack.pop()!
    const key = this.stack.pop()!
    const dict = this.stack[this.stack.length - 1]
    if (dict instanceof PyDict) dict.set(key, value)
    return this.nextOpcode()
  }

  // -- Memo.

  /** GET and PUT: a decimal index. */
  private memoLine(get: boolean): Outcome {
    const arg = this.textLine()
    if (arg === NEED) return NEED
    const index = parsePythonInt(arg.text, 10)
    if (index === undefined || index < 0n) return this.fail('a bad memo index', this.at)
    if (this.memoOp(get, index, this.at) === NEED) return NEED
    return this.next(arg.end)
  }

  private memoIndex(get: boolean, width: 1 | 4): Outcome {
    const start = this.fixed(width)
    if (start === NEED) return NEED
    if (this.memoOp(get, BigInt(this.uint(start, width)), this.at) === NEED) return NEED
    return this.next(start + width)
  }

  private memoize(): Outcome {
    if (this.lacks(1)) return this.underflow()
    this.memo.set(this.memo.size, this.stack[this.stack.length - 1])
    return this.nextOpcode()
  }

  // -- Globals, calls and persistent ids.

  private global(): Outcome {
    const global = this.moduleAndName()
    if (global === NEED) return NEED
    this.push(this.importName(global.module, global.name, this.at))
    return this.next(global.end)
  }

  /** INST: MARK args... INST module name. */
  private inst(): Outcome {
    const global = this.moduleAndName()
    if (global === NEED) return NEED
    const mark = this.popMark(this.at)
    if (mark === NEED) return NEED
    const args = new PySeq('tuple', this.stack.splice(mark))
    const cls = this.importName(global.module, global.name, this.at)
    this.push(this.call('INST', cls, args, this.at))
    return this.next(global.end)
  }

  /** The module and name lines of GLOBAL and INST; `end` is past the second line. */
  private moduleAndName(): { module: string; name: string; end: number } | typeof NEED {
    const first = this.lineOrRest(this.rel + 1)
    if (first === NEED) return NEED
    const second = this.lineOrRest(first[1] + 1)
    if (second === NEED) return NEED
    const { buf, at } = this
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
    return { module, name, end: second[1] + 1 }
  }

  /**
   * A line, or at the end of the data the rest of it: joblib's (pure Python) unpickler takes an
   * unterminated line less its last byte (readline()[:-1]) and still imports the module; so does the
   * scan, then it fails.
   */
  private lineOrRest(from: number): [number, number] | typeof NEED {
    const line = this.line(from)
    if (line !== NEED || !this.eof || this.status !== 'failed' || this.longLine) return line
    this.status = 'running'
    const start = Math.min(from, this.buf.length)
    return [start, Math.max(start, this.buf.length - 1)]
  }

  private stackGlobal(): Outcome {
    if (this.lacks(2)) return this.underflow()
    const name = this.stack.pop()!
    const module = this.stack.pop()!
    if (typeof module !== 'string' || typeof name !== 'string') {
      this.events++
      this.events_.unsafe(
        'STACK_GLOBAL imports a module or name computed while loading, not a constant string',
        this.at
      )
      this.push(new PyOpaque('computed global'))
    } else this.push(this.importName(module, name, this.at))
    return this.nextOpcode()
  }

  /** EXT1, EXT2 and EXT4: a code in copyreg's extension registry. */
  private extension(width: 1 | 2 | 4): Outcome {
    const start = this.fixed(width)
    if (start === NEED) return NEED
    const value = width === 4 ? this.buf.readInt32LE(start) : this.uint(start, width)
    this.events++
    this.events_.unsafe(
      `extension code ${value} (EXT${width}): imports whatever copyreg's extension registry maps it to`,
      this.at
    )
    this.push(new PyOpaque(`extension ${value}`))
    return this.next(start + width)
  }

  private reduce(): Outcome {
    if (this.lacks(2)) return this.underflow()
    const args = this.stack.pop()!
    const callee = this.stack.pop()!
    this.push(this.call('REDUCE', callee, args, this.at))
    return this.nextOpcode()
  }

  /** NEWOBJ: class, args; NEWOBJ_EX: class, args, kwargs. */
  private newObject(op: 'NEWOBJ' | 'NEWOBJ_EX', n: 2 | 3): Outcome {
    if (this.lacks(n)) return this.underflow()
    const popped = this.stack.splice(this.stack.length - n)
    this.push(this.call(op, popped[0], popped[1], this.at))
    return this.nextOpcode()
  }

  /** OBJ: MARK class args... OBJ */
  private obj(): Outcome {
    const mark = this.popMark(this.at)
    if (mark === NEED) return NEED
    if (this.stack.length - mark < 1) return this.underflow()
    const items = this.stack.splice(mark)
    const cls = items.shift()!
    this.push(this.call('OBJ', cls, new PySeq('tuple', items), this.at))
    return this.nextOpcode()
  }

  private build(): Outcome {
    if (this.lacks(2)) return this.underflow()
    const state = this.stack.pop()!
    const inst = this.stack[this.stack.length - 1]
    if (inst instanceof PyObject) inst.state = state
    this.pos = this.at + 1
    if (this.mode === 'joblib' && classOf(inst) === JOBLIB_WRAPPER)
      return this.joblibArray(state, this.at)
    return undefined
  }

  private persIdLine(): Outcome {
    const arg = this.textLine()
    if (arg === NEED) return NEED
    this.persistentId(arg.text)
    return this.next(arg.end)
  }

  private binPersId(): Outcome {
    const id = this.pop(this.at)
    if (id === NEED) return NEED
    this.persistentId(id)
    return this.nextOpcode()
  }

  private persistentId(id: Value): void {
    this.events_.persistentId?.(id)
    this.push(new PyPersId(id))
  }

  // -- Protocol and frames.

  private setProtocol(): Outcome {
    const start = this.fixed(1)
    if (start === NEED) return NEED
    const protocol = this.buf[start]
    if (protocol > HIGHEST_PROTOCOL)
      return this.fail(`unsupported pickle protocol ${protocol}`, this.at)
    this.proto = protocol
    return this.next(start + 1)
  }

  private frame(): Outcome {
    const start = this.fixed(8)
    if (start === NEED) return NEED
    this.frameEnd = this.at + 9 + Number(this.buf.readBigUInt64LE(start))
    return this.next(start + 8)
  }

  private memoOp(get: boolean, index: bigint, at: number): Outcome {
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
  private joblibArray(state: Value, at: number): Outcome {
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

/** DICT and SETITEMS: keys and values, alternating. */
function setPairs(dict: PyDict, items: Value[]): PyDict {
  for (let i = 0; i < items.length; i += 2) dict.set(items[i], items[i + 1])
  return dict
}
