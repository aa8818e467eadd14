import type { Blob } from '../source.js'
import type { Finding } from '../types.js'

/**
 * Modules a Keras config may name for its objects. Keras imports the module a config names and calls
 * what it finds there (CVE-2024-3660, CVE-2025-1550): any other module, and functions outside the
 * activation, loss and metric modules, are unsafe.
 */
const KERAS_MODULES = new Set([
  'keras',
  'keras.layers',
  'keras.models',
  'keras.optimizers',
  'keras.optimizers.schedules',
  'keras.losses',
  'keras.metrics',
  'keras.initializers',
  'keras.regularizers',
  'keras.constraints',
  'keras.activations',
  'keras.dtype_policies',
  'keras.src.models.functional',
  'keras.src.models.sequential',
  'keras.src.models.model',
  'keras.src.engine.functional',
  'keras.src.engine.sequential',
  'keras.src.engine.training',
  'keras.engine.functional',
  'keras.engine.sequential',
  'keras.engine.training',
  'keras.src.dtype_policies.dtype_policy',
  'keras.src.optimizers.schedules.learning_rate_schedule'
])
const FUNCTION_MODULES = new Set([
  'keras.activations',
  'keras.losses',
  'keras.metrics',
  'keras.src.activations.activations',
  'keras.src.losses.losses',
  'keras.src.metrics.metrics'
])
/** Layers that run code the file carries or points to. */
const CODE_LAYERS: Record<string, string> = {
  Lambda: 'a Lambda layer: Keras runs the Python function the file carries',
  TFSMLayer: 'a TFSMLayer: Keras loads and runs a TensorFlow SavedModel the file points to'
}

/**
 * Walks a Keras model config (JSON) for objects that run code when the model is loaded. `allowed` takes
 * the user's exact names (allow-globals): a custom layer `mypackage.layers.MyLayer` may be named there.
 */
export function checkKerasConfig(
  config: unknown,
  entry: string | undefined,
  allowed: (module: string, name: string) => boolean = () => false
): Finding[] {
  const findings: Finding[] = []
  const seen = new Set<string>()
  const flag = (message: string): void => {
    if (seen.has(message)) return
    seen.add(message)
    findings.push({ severity: 'unsafe', message, entry })
  }
  const walk = (node: unknown, depth: number): void => {
    if (depth > 200) return flag('the Keras config is nested too deeply to check')
    if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1)
      return
    }
    if (!node || typeof node !== 'object') return
    const object = node as Record<string, unknown>
    const className = object.class_name
    if (typeof className === 'string') {
      if (className in CODE_LAYERS) flag(CODE_LAYERS[className])
      const module = object.module
      const called = className === 'function' ? String(object.config) : className
      if (typeof module === 'string' && !allowed(module, called)) {
        if (!KERAS_MODULES.has(module) && !FUNCTION_MODULES.has(module))
          flag(
            `the config names module "${module}" (${className}): Keras imports it and calls into it`
          )
        else if (
          className === 'function' ? !FUNCTION_MODULES.has(module) : !/^[A-Z]/.test(className)
        )
          flag(
            `the config calls ${module}.${className === 'function' ? String(object.config) : className}`
          )
      }
    }
    for (const value of Object.values(object)) walk(value, depth + 1)
  }
  walk(config, 0)
  return findings
}

const MAX_CONFIG_SEARCH = 64 << 20

/**
 * A legacy Keras HDF5 file keeps its model config as JSON in the root group's `model_config`
 * attribute; its bytes are stored whole, so the JSON is found by its opening and read to its end.
 */
export async function findKerasConfig(blob: Blob): Promise<unknown | undefined> {
  const length = Math.min(blob.size, MAX_CONFIG_SEARCH)
  const bytes = await blob.read(0, length)
  if (bytes.indexOf('model_config') === -1) return undefined
  for (
    let at = bytes.indexOf('{"class_name"');
    at !== -1;
    at = bytes.indexOf('{"class_name"', at + 1)
  ) {
    const end = jsonEnd(bytes, at)
    if (end === -1) continue
    try {
      return JSON.parse(bytes.toString('utf8', at, end))
    } catch {
      continue
    }
  }
  return null
}

/** Where the JSON object starting at `start` ends (string-aware brace matching), or -1. */
function jsonEnd(bytes: Buffer, start: number): number {
  let depth = 0
  let inString = false
  for (let i = start; i < bytes.length; i++) {
    const c = bytes[i]
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) depth++
    else if (c === 0x7d || c === 0x5d) {
      if (--depth === 0) return i + 1
    } else if (c === 0) return -1
  }
  return -1
}
