// Where a dataset's Table Dialect comes from (the dialect option: a file, or inline), and what it changes
// beyond the reader: keys that mean nothing for the data format are refused, the delimiter option must
// agree, and the nullSequence joins the schema's missing values.
import { readFile, stat } from 'node:fs/promises'
import { parse as parseYaml } from 'yaml'
import { UserError } from '../errors.js'
import { displayPath, requireFile } from '../file-info.js'
import { parseDialect } from './dialect-schema.js'
import type { Dialect } from './dialect.js'
import { DIALECT_PROPERTIES } from './schema-keys.js'
import type { TableSchema } from './schema.js'
import type { DataFormat } from './table.js'

/** A dialect is a few keys: a larger file is not one (and is not read into memory). */
const MAX_DIALECT_BYTES = 64 * 1024

async function readDialectFile(file: string, label: string): Promise<unknown> {
  await requireFile(file, label, 'dialect file')
  if ((await stat(file)).size > MAX_DIALECT_BYTES)
    throw new UserError(
      `${label}: larger than ${MAX_DIALECT_BYTES / 1024} KiB: not a Table Dialect`
    )
  const text = await readFile(file, 'utf8')
  try {
    return parseYaml(text, { prettyErrors: true })
  } catch (error) {
    throw new UserError(
      `${label}: not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`
    )
  }
}

/** What a dataset's dialect depends on, as the options say it. */
export interface DialectSettings {
  /** A dialect file's absolute path, or the dialect itself (a config file's mapping, inline JSON). */
  dialect?: string | object
  delimiter?: string
  /** Where messages show the dialect file's path from. */
  cwd?: string
}

const FORMAT_NAMES: Record<DataFormat, string> = {
  csv: 'CSV',
  tsv: 'TSV',
  jsonl: 'JSON Lines',
  json: 'JSON',
  parquet: 'Parquet'
}

/** Refuses the keys that mean nothing for the dataset's format (all but `header: true` outside CSV/TSV). */
export function checkDialectFormat(dialect: Dialect, format: DataFormat, label: string): void {
  if (format === 'csv' || format === 'tsv') return
  const keys = DIALECT_PROPERTIES.filter(
    key =>
      dialect[key] !== undefined &&
      !(key === 'header' && dialect.header === true && format !== 'parquet')
  )
  if (!keys.length) return
  const why =
    format === 'parquet'
      ? 'a Parquet file has typed columns with names, and no text to lay out'
      : `a ${FORMAT_NAMES[format]} row is an object whose keys are the header (or an array after a header array): the rest of Table Dialect is about delimited text`
  throw new UserError(
    keys
      .map(
        key =>
          `${label}: ${key}: a Table Dialect option for CSV and TSV; the dataset is ${FORMAT_NAMES[format]} (${why})`
      )
      .join('\n'),
    { hint: 'remove these keys from the dialect, or leave the dialect option out for this dataset' }
  )
}

/**
 * The dataset's dialect from the options (undefined without one): read, checked against the data format
 * when it is given (splits check theirs one by one), and agreeing with the `delimiter` option when both name a delimiter.
 */
export async function readDialect(
  settings: DialectSettings,
  format?: DataFormat
): Promise<Dialect | undefined> {
  const source = settings.dialect
  if (source === undefined) return undefined
  const label =
    typeof source !== 'string'
      ? 'dialect'
      : settings.cwd === undefined
        ? source
        : displayPath(settings.cwd, source)
  const raw = typeof source === 'string' ? await readDialectFile(source, label) : source
  const dialect = parseDialect(raw, label)
  if (format !== undefined) checkDialectFormat(dialect, format, label)
  const { delimiter } = settings
  if (delimiter !== undefined && dialect.delimiter !== undefined && delimiter !== dialect.delimiter)
    throw new UserError(
      `the delimiter option is ${JSON.stringify(delimiter)} but ${label} says delimiter ${JSON.stringify(dialect.delimiter)}: give the delimiter in one place`
    )
  return delimiter === undefined ? dialect : { ...dialect, delimiter }
}

/** The schema with the dialect's nullSequence among every missingValues list: a cell of it is null. */
export function withNullSequence(schema: TableSchema, dialect: Dialect | undefined): TableSchema {
  const sequence = dialect?.nullSequence
  if (sequence === undefined) return schema
  const add = (values: string[]): string[] =>
    values.includes(sequence) ? values : [...values, sequence]
  return {
    ...schema,
    missingValues: add(schema.missingValues),
    fields: schema.fields.map(field =>
      field.missingValues ? { ...field, missingValues: add(field.missingValues) } : field
    )
  }
}
