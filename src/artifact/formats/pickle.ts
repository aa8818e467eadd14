import { error, note, warning, type FormatFinding } from './types.js'

/** Imports that run code when unpickled: the classic `__reduce__` payloads. */
const DANGEROUS = [
  /^(os|posix|nt|subprocess|pty|shutil|socket|sys|runpy|importlib|ctypes|webbrowser|commands|code|codeop|marshal|pickle|_pickle|dill|requests|urllib|http|ftplib|smtplib|telnetlib|tempfile|platform|multiprocessing|asyncio|signal)(\.|$)/,
  /^(builtins|__builtin__|__builtins__)\.(eval|exec|execfile|compile|open|__import__|getattr|setattr|delattr|globals|locals|vars|input|breakpoint|exit|quit)$/,
  /^(operator)\.(attrgetter|methodcaller|itemgetter)$/,
  /^torch\.(hub|load|_C\._dynamo)/
]

/** What torch.load(weights_only=True), numpy and scikit-learn pickles normally reference. */
const EXPECTED = [
  /^torch(\.|$)/,
  /^collections\.(OrderedDict|defaultdict|Counter|deque)$/,
  /^builtins\.(set|frozenset|slice|range|complex|bytearray|bytes|dict|list|tuple|int|float|bool|str|object|type)$/,
  /^_codecs\.encode$/,
  /^numpy(\._core|\.core)?(\.multiarray)?\.(_reconstruct|scalar|ndarray|dtype|_frombuffer)$/,
  /^numpy\.(dtypes\.\w+|random\.|core\.|_core\.)/,
  /^(sklearn|scipy|joblib|lightgbm|xgboost|catboost|pandas|numpy)(\.|$)/,
  /^copy_reg\._reconstructor$|^copyreg\._reconstructor$/,
  /^__main__\./
]

// Argument layout of every pickle opcode (protocols 0-5).
type Argument = 'none' | 'line' | 'lines2' | number | 'len1' | 'len4' | 'len8'
const OPCODES: Record<number, Argument> = {}
const define = (codes: string, argument: Argument): void => {
  for (const code of codes) OPCODES[code.charCodeAt(0)] = argument
}
define('(.0123NQRabde}lo]st)u', 'none')
define('FILPSVgp', 'line')
define('ci', 'lines2')
define('J', 4)
define('K', 1)
define('M', 2)
define('h', 1)
define('q', 1)
define('j', 4)
define('r', 4)
define('G', 8)
define('TXB', 'len4')
define('UC', 'len1')
Object.assign(OPCODES, {
  0x80: 1,
  0x81: 'none',
  0x82: 1,
  0x83: 2,
  0x84: 4,
  0x85: 'none',
  0x86: 'none',
  0x87: 'none',
  0x88: 'none',
  0x89: 'none',
  0x8a: 'len1',
  0x8b: 'len4',
  0x8c: 'len1',
  0x8d: 'len8',
  0x8e: 'len8',
  0x8f: 'none',
  0x90: 'none',
  0x91: 'none',
  0x92: 'none',
  0x93: 'none',
  0x94: 'none',
  0x95: 8,
  0x96: 'len8',
  0x97: 'none',
  0x98: 'none'
} satisfies Record<number, Argument>)

const STRING_OPCODES = new Set(
  ['X', 'V', 'U', 'T', 'S'].map(c => c.charCodeAt(0)).concat([0x8c, 0x8d])
)

export interface PickleScan {
  globals: string[]
  /** Byte where the scan stopped on something that is not pickle, if it did. */
  invalidAt?: number
}

/**
 * Walks pickle opcodes without executing anything and lists the globals (module.name) the pickle would
 * import: GLOBAL/INST carry them inline, STACK_GLOBAL takes the two strings pushed before it (also via
 * the memo). Stops at the first STOP.
 */
export function scanPickle(bytes: Buffer): PickleScan {
  const globals = new Set<string>()
  const strings: Array<string | null> = []
  const memo = new Map<number, string | null>()
  let memoCount = 0
  let pos = 0
  const line = (): string => {
    const end = bytes.indexOf(0x0a, pos)
    if (end === -1) throw new RangeError('unterminated line')
    const text = bytes.toString('latin1', pos, end)
    pos = end + 1
    return text
  }
  while (pos < bytes.length) {
    const at = pos
    const code = bytes[pos++]
    const argument = OPCODES[code]
    if (argument === undefined) return { globals: [...globals], invalidAt: at }
    try {
      let text: string | null = null
      if (argument === 'line') {
        const value = line()
        if (code === 0x56 /* V */ || code === 0x53 /* S */)
          text = code === 0x53 ? value.replace(/^['"]|['"]$/g, '') : value
        if (code === 0x67 /* g */) text = memo.get(Number(value)) ?? null
        if (code === 0x70 /* p */) memo.set(Number(value), strings.at(-1) ?? null)
      } else if (argument === 'lines2') {
        const module = line()
        const name = line()
        globals.add(`${module}.${name}`)
      } else if (typeof argument === 'number') {
        if (pos + argument > bytes.length) throw new RangeError('truncated')
        if (code === 0x68 /* h */) text = memo.get(bytes[pos]) ?? null
        if (code === 0x6a /* j */) text = memo.get(bytes.readUInt32LE(pos)) ?? null
        if (code === 0x71 /* q */) memo.set(bytes[pos], strings.at(-1) ?? null)
        if (code === 0x72 /* r */) memo.set(bytes.readUInt32LE(pos), strings.at(-1) ?? null)
        pos += argument
      } else if (argument !== 'none') {
        const width = argument === 'len1' ? 1 : argument === 'len4' ? 4 : 8
        if (pos + width > bytes.length) throw new RangeError('truncated')
        const length =
          width === 1
            ? bytes[pos]
            : width === 4
              ? bytes.readUInt32LE(pos)
              : Number(bytes.readBigUInt64LE(pos))
        pos += width
        if (pos + length > bytes.length) throw new RangeError('truncated')
        if (STRING_OPCODES.has(code))
          text = bytes.toString(
            code === 0x54 || code === 0x55 ? 'latin1' : 'utf8',
            pos,
            pos + length
          )
        pos += length
      }
      if (code === 0x94 /* MEMOIZE */) memo.set(memoCount++, strings.at(-1) ?? null)
      if (code === 0x93 /* STACK_GLOBAL */) {
        const name = strings.pop()
        const module = strings.pop()
        globals.add(`${module ?? '?'}.${name ?? '?'}`)
      } else if (
        text !== null ||
        STRING_OPCODES.has(code) ||
        code === 0x68 ||
        code === 0x6a ||
        code === 0x67
      ) {
        strings.push(text)
        if (strings.length > 64) strings.shift()
      }
      if (code === 0x2e /* STOP */) break
    } catch {
      return { globals: [...globals], invalidAt: at }
    }
  }
  return { globals: [...globals] }
}

/** Findings for a pickle: dangerous imports are warnings (they run code on load), unusual ones notes. */
export function judgePickle(scan: PickleScan, what: string, loader: string): FormatFinding[] {
  const findings: FormatFinding[] = []
  if (scan.invalidAt !== undefined && scan.globals.length === 0) {
    return [error(`${what} is not a valid pickle (bad opcode at byte ${scan.invalidAt})`)]
  }
  for (const name of scan.globals) {
    if (DANGEROUS.some(pattern => pattern.test(name))) {
      findings.push(
        warning(`${what} imports ${name}: unsafe to ${loader} (it runs code when loaded)`)
      )
    }
  }
  const unusual = scan.globals.filter(
    name => !DANGEROUS.some(p => p.test(name)) && !EXPECTED.some(p => p.test(name))
  )
  if (unusual.length) {
    findings.push(
      note(
        `${what} imports ${unusual.slice(0, 5).join(', ')}${unusual.length > 5 ? ', …' : ''}: loading needs that code (torch.load(weights_only=True) refuses it)`
      )
    )
  }
  if (!findings.length)
    findings.push(note(`${what}: ${scan.globals.length} imports, all from the usual allow-list`))
  return findings
}
