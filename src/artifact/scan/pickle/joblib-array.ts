import { isInt, PyDict, PyGlobal, PyObject, PySeq, type Value } from './values.js'

export const JOBLIB_WRAPPER = 'joblib.numpy_pickle.NumpyArrayWrapper'

const DTYPES = new Set([
  'numpy.dtype',
  'numpy.core.multiarray.dtype',
  'numpy._core.multiarray.dtype'
])

export interface ArrayLayout {
  /** Bytes of array data after the optional alignment pad. */
  bytes: number
  /** A one-byte pad length (then that many bytes) comes first (numpy_array_alignment_bytes is set). */
  align: boolean
  /** An object array: a whole pickle follows instead of raw bytes. */
  object: boolean
}

/**
 * What joblib's NumpyArrayWrapper.read_array reads after the wrapper: from the wrapper's state (shape,
 * dtype, numpy_array_alignment_bytes) the length of the raw data, or that a nested pickle follows. A
 * string says why the layout cannot be known (the scan then cannot follow the stream).
 */
export function joblibArray(state: Value): ArrayLayout | string {
  if (!(state instanceof PyDict)) return 'the wrapper state is not a dict'
  const shape = state.get('shape')
  const dtype = state.get('dtype')
  const alignment = state.get('numpy_array_alignment_bytes')
  if (!(shape instanceof PySeq) || !shape.complete || !shape.items.every(isInt))
    return 'the array shape is not a tuple of integers'
  if (
    !(dtype instanceof PyObject) ||
    !(dtype.callee instanceof PyGlobal) ||
    !DTYPES.has(dtype.callee.qualified) ||
    !(dtype.args instanceof PySeq) ||
    typeof dtype.args.items[0] !== 'string'
  )
    return 'the array dtype is not a numpy.dtype'
  const typestr = dtype.args.items[0]
  const dstate = dtype.state instanceof PySeq ? dtype.state.items : []
  const elsize = dstate[5]
  const flags = dstate[7]
  const object = /^[<>|=]?O/.test(typestr) || (isInt(flags) && (BigInt(flags) & 1n) === 1n)
  let itemsize: number | undefined
  if (isInt(elsize) && elsize >= 0) itemsize = Number(elsize)
  else {
    const match = /^[<>|=]?([biufcmMOSUV?])(\d*)$/.exec(typestr)
    if (match) {
      const digits = match[2] ? Number(match[2]) : match[1] === '?' ? 1 : NaN
      itemsize = match[1] === 'U' ? digits * 4 : digits
    }
  }
  if (object) return { bytes: 0, align: false, object: true }
  if (itemsize === undefined || !Number.isFinite(itemsize)) return `dtype "${typestr}" has no size`
  let count = 1n
  for (const dim of shape.items as Array<number | bigint>) {
    if (dim < 0) return 'a negative array dimension'
    count *= BigInt(dim)
  }
  const bytes = count * BigInt(itemsize)
  if (bytes > BigInt(Number.MAX_SAFE_INTEGER)) return `an array of ${bytes} bytes`
  return {
    bytes: Number(bytes),
    align: alignment !== undefined && alignment !== null,
    object: false
  }
}
