import { CORE_SCHEMA, load, YAMLException } from 'js-yaml'
import { UserError } from './errors.js'
import { readBoundedText } from './file-info.js'

/**
 * Schema and config files are read whole: past this they are not a file someone wrote (infer writes at most
 * about 1.2 MB). js-yaml holds about 9 bytes per byte of a 16 MB file.
 */
export const MAX_YAML_FILE_BYTES = 16 * 1024 * 1024

/**
 * YAML (and so JSON) text as data, in YAML 1.2's core schema: no dates or other types made from plain
 * text, a repeated key is an error, nesting deeper than 100 is refused. js-yaml rather than the `yaml`
 * package, which ml-smoke writes with: on fuzzed schema files `yaml` took up to 26 s and 1.7 GB (a
 * 1.6 MB file of broken blocks, 3.6 GB at 16 MB), js-yaml at most 1.4 s and 150 MB; on a valid 1.5 MB
 * schema 4.4 s and 251 MiB against 0.6 s and 75 MiB.
 */
export function parseYamlText(text: string, fileLabel: string, what = 'YAML or JSON'): unknown {
  if (text.length > MAX_YAML_FILE_BYTES)
    throw new UserError(
      `${fileLabel}: ${text.length.toLocaleString('en-US')} characters, more than the ${MAX_YAML_FILE_BYTES / 2 ** 20} MiB ml-smoke reads in a schema or config file`
    )
  try {
    return load(text, { schema: CORE_SCHEMA, filename: fileLabel })
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error
    const { line, column } = error.mark ?? {}
    const at = line === undefined ? '' : `:${line + 1}`
    const where = line === undefined ? '' : ` (line ${line + 1}, column ${column + 1})`
    throw new UserError(`${fileLabel}${at}: not valid ${what}: ${error.reason}${where}`)
  }
}

/** A schema or config file's text, read only when it is a regular file within MAX_YAML_FILE_BYTES. */
export function readYamlFileText(file: string, label: string): Promise<string> {
  return readBoundedText(file, label, MAX_YAML_FILE_BYTES)
}
