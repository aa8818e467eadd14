/** What the emulator knows about the objects a pickle builds; it never builds them. */

/** A name GLOBAL, STACK_GLOBAL or INST imported. */
export class PyGlobal {
  constructor(
    readonly module: string,
    readonly name: string,
    readonly at: number
  ) {}
  get qualified(): string {
    return `${this.module}.${this.name}`
  }
}

/** The result of calling something (REDUCE, NEWOBJ, NEWOBJ_EX, INST, OBJ), with BUILD's last state. */
export class PyObject {
  state: Value | undefined
  constructor(
    readonly callee: Value,
    readonly args: Value,
    readonly at: number
  ) {}
}

/** Containers keep their first items (enough to read shapes, dtypes and storage keys) and a count. */
export const KEPT_ITEMS = 1 << 16

export class PySeq {
  constructor(
    readonly kind: 'tuple' | 'list' | 'set' | 'frozenset',
    readonly items: Value[],
    public length = items.length
  ) {}
  add(values: Value[]): void {
    const room = KEPT_ITEMS - this.items.length
    if (room > 0) for (let i = 0; i < Math.min(room, values.length); i++) this.items.push(values[i])
    this.length += values.length
  }
  get complete(): boolean {
    return this.items.length === this.length
  }
}

export class PyDict {
  readonly entries: Array<[Value, Value]> = []
  length = 0
  set(key: Value, value: Value): void {
    if (this.entries.length < KEPT_ITEMS) this.entries.push([key, value])
    this.length++
  }
  get(key: string): Value | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--)
      if (this.entries[i][0] === key) return this.entries[i][1]
    return undefined
  }
}

/** bytes or bytearray; the content is kept only when short. */
export class PyBytes {
  constructor(
    readonly length: number,
    readonly data?: Buffer
  ) {}
}

/** A str too long to keep (array data pickled as text): never a usable module or name. */
export class PyLongStr {
  constructor(readonly length: number) {}
}

/** Something the scan does not model further: a float, an out-of-band buffer, a persistent id's object. */
export class PyOpaque {
  constructor(readonly what: string) {}
}

export class PyPersId {
  constructor(readonly id: Value) {}
}

export type Value =
  | null
  | boolean
  | number
  | bigint
  | string
  | PyGlobal
  | PyObject
  | PySeq
  | PyDict
  | PyBytes
  | PyLongStr
  | PyOpaque
  | PyPersId

export const FLOAT = new PyOpaque('float')

/** The class an object was made from: NEWOBJ's class, or the first argument of copyreg's reconstructors. */
export function classOf(value: Value): string | undefined {
  if (!(value instanceof PyObject) || !(value.callee instanceof PyGlobal)) return undefined
  const callee = value.callee.qualified
  if (
    callee === 'copyreg._reconstructor' ||
    callee === 'copyreg.__newobj__' ||
    callee === 'copyreg.__newobj_ex__'
  ) {
    const first = value.args instanceof PySeq ? value.args.items[0] : undefined
    return first instanceof PyGlobal ? first.qualified : undefined
  }
  return callee
}

export const isInt = (value: Value | undefined): value is number | bigint =>
  (typeof value === 'number' || typeof value === 'bigint') && typeof value !== 'boolean'

export function describe(value: Value): string {
  if (value === null) return 'None'
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)
  if (typeof value !== 'object') return String(value)
  if (value instanceof PyGlobal) return value.qualified
  if (value instanceof PyObject) return `${describe(value.callee)}(…)`
  if (value instanceof PySeq) return value.kind
  if (value instanceof PyDict) return 'dict'
  if (value instanceof PyBytes) return `${value.length} bytes`
  if (value instanceof PyLongStr) return `a ${value.length}-character str`
  if (value instanceof PyPersId) return 'a persistent id'
  return value.what
}
