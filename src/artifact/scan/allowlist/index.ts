import {
  BOOSTING,
  IMPORT_MAPPING,
  NAME_MAPPING,
  NUMPY,
  SCIPY,
  SKLEARN,
  STDLIB,
  TORCH,
  TORCH_MODULES
} from './generated.js'

export { ALLOWLIST_VERSIONS } from './generated.js'

const lines = (text: string): string[] => text.split('\n').filter(Boolean)

/** Every name the scanner allows by default: exact `module.qualname` strings, never prefixes. */
export const DEFAULT_ALLOWLIST: ReadonlySet<string> = new Set(
  [TORCH, TORCH_MODULES, NUMPY, SKLEARN, SCIPY, BOOSTING, STDLIB].flatMap(lines)
)

/** Modules no allow-globals entry can open (torch's weights_only unpickler refuses them too). */
const NEVER = new Set(['os', 'posix', 'nt', 'sys', 'subprocess', 'builtins.eval', 'builtins.exec'])

export interface Allowlist {
  has(module: string, name: string): boolean
}

/** Why `entry` cannot be an allow-globals name, or null when it can. */
export function allowGlobalProblem(entry: string): string | null {
  const name = entry.trim()
  if (!/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)+$/.test(name))
    return 'not an exact module.name (such as mypackage.models.Net)'
  if (NEVER.has(name.split('.')[0]) || NEVER.has(name)) return 'names a module that runs commands'
  return null
}

/** The default list plus the user's exact names (checked by allowGlobalProblem when configured). */
export function buildAllowlist(extra: string[] = []): Allowlist {
  const names = new Set(DEFAULT_ALLOWLIST)
  for (const entry of extra) {
    const problem = allowGlobalProblem(entry)
    if (problem) throw new Error(`allow-globals entry "${entry}": ${problem}`)
    names.add(entry.trim())
  }
  return {
    // A dotted qualname (`module`, `a.b`) walks attributes at load time: only plain names match.
    has: (module, name) => !name.includes('.') && names.has(`${module}.${name}`)
  }
}

const nameMapping = new Map(
  lines(NAME_MAPPING).map(line => {
    const [module, name, module3, name3] = line.split(' ')
    return [`${module} ${name}`, [module3, name3] as const]
  })
)
const importMapping = new Map(
  lines(IMPORT_MAPPING).map(line => line.split(' ') as [string, string])
)

/** What pickle's find_class imports for protocols 0-2 (fix_imports): Python 2 names become Python 3 ones. */
export function python3Name(module: string, name: string): [string, string] {
  const renamed = nameMapping.get(`${module} ${name}`)
  if (renamed) return [renamed[0], renamed[1]]
  return [importMapping.get(module) ?? module, name]
}
