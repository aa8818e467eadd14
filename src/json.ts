// Python's json.dumps writes NaN, Infinity and -Infinity as bare tokens, which JSON.parse rejects.
const BARE_NON_FINITE = /(?<=[:[,]\s*)(-?Infinity|NaN)(?=\s*[,\]}])/g
const NON_FINITE: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity }
const MARK = '__ml_smoke_non_finite__:'

/** JSON.parse that also accepts the NaN / Infinity tokens Python writes, as the numbers they mean. */
export function parsePythonJson(text: string): unknown {
  if (!text.includes('NaN') && !text.includes('Infinity')) return JSON.parse(text)
  return JSON.parse(text.replace(BARE_NON_FINITE, `"${MARK}$1"`), (_key, value) =>
    typeof value === 'string' && value.startsWith(MARK)
      ? NON_FINITE[value.slice(MARK.length)]
      : value
  )
}
