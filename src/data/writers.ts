import path from 'node:path'
import { asyncBufferFromFile, parquetMetadataAsync } from 'hyparquet'
import { parquetWriteFile } from 'hyparquet-writer'
import { UserError } from '../errors.js'
import { timeTicks, timeTicksPerSecond } from './readers/parquet-time.js'
import { ABSENT } from './table.js'

/** A cell as CSV text: missing is empty, dates ISO, objects JSON; quoted when it holds a delimiter, quote or newline. */
export function csvCell(cell: unknown, delimiter = ','): string {
  let text: string
  if (cell === null || cell === undefined || cell === ABSENT) text = ''
  else if (typeof cell === 'string') text = cell
  else if (cell instanceof Date)
    text = cell.getTime() % 86_400_000 === 0 ? cell.toISOString().slice(0, 10) : cell.toISOString()
  else if (typeof cell === 'object') text = JSON.stringify(cell)
  else text = String(cell)
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvText(
  header: string[],
  rows: unknown[][],
  lineEnding = '\n',
  delimiter = ','
): string {
  return (
    [header, ...rows]
      .map(row => row.map(cell => csvCell(cell, delimiter)).join(delimiter))
      .join(lineEnding) + lineEnding
  )
}

/** JSON values for a row object; BigInt (Parquet INT64) becomes a number when it fits exactly, else a string. */
function jsonValue(cell: unknown): unknown {
  if (typeof cell === 'bigint')
    return Number.isSafeInteger(Number(cell)) ? Number(cell) : cell.toString()
  return cell
}

export function jsonRows(header: string[], rows: unknown[][]): Array<Record<string, unknown>> {
  return rows.map(row => {
    const record: Record<string, unknown> = {}
    header.forEach((name, i) => {
      if (row[i] !== ABSENT) record[name] = jsonValue(row[i])
    })
    return record
  })
}

/**
 * A Parquet subset with the source's exact schema (types, logical types), so readers see the same columns.
 * A value the schema cannot hold (a date past the year 275760, read as text) is the user's to see, not a
 * crash: the writer's complaint becomes a UserError that suggests a CSV subset.
 */
export async function writeParquetLike(
  source: string,
  target: string,
  header: string[],
  rows: unknown[][]
): Promise<void> {
  const metadata = await parquetMetadataAsync(await asyncBufferFromFile(source))
  try {
    parquetWriteFile({
      filename: target,
      // hyparquet-writer pins its own hyparquet; the schema elements are the same shape.
      schema: metadata.schema as unknown as NonNullable<
        Parameters<typeof parquetWriteFile>[0]['schema']
      >,
      columnData: header.map((name, i) => ({
        name,
        data: storedTimes(metadata.schema[i + 1], rows, i, name) ?? rows.map(row => row[i])
      }))
    })
  } catch (error) {
    throw new UserError(
      `cannot write the subset of ${path.basename(source)} as Parquet with its schema: ${(error as Error).message}`,
      { hint: 'write the subset as CSV (subset-format: csv), or rewrite the dataset' }
    )
  }
}

/** A TIME column's cells, read as the time of day (parquet-time.ts), as the counts its schema stores. */
function storedTimes(
  element: Parameters<typeof timeTicksPerSecond>[0] | undefined,
  rows: unknown[][],
  column: number,
  name: string
): unknown[] | undefined {
  const perSecond = element && timeTicksPerSecond(element)
  if (perSecond === undefined) return undefined
  const int32 = element!.type === 'INT32'
  return rows.map(row => {
    const cell = row[column]
    if (typeof cell !== 'string') return cell
    const ticks = timeTicks(cell, perSecond)
    if (ticks === undefined) throw new Error(`column "${name}": "${cell}" is not a time of day`)
    return int32 ? Number(ticks) : ticks
  })
}

/** Whether two cells read from Parquet are the same value: NaN is NaN, dates by time, bytes by byte. */
export function sameCell(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (a instanceof Date && b instanceof Date) return Object.is(a.getTime(), b.getTime())
  if (a instanceof Uint8Array && b instanceof Uint8Array)
    return a.length === b.length && a.every((byte, i) => byte === b[i])
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((cell, i) => sameCell(cell, b[i]))
  if (!isPlainObject(a) || !isPlainObject(b)) return false
  const [keysA, keysB] = [Object.keys(a), Object.keys(b)]
  return (
    keysA.length === keysB.length &&
    keysA.every((key, i) => keysB[i] === key && sameCell(a[key], b[key]))
  )
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
  )
}

/** A Parquet file's schema as text (what writeParquetLike writes a subset with). */
export async function parquetSchemaText(file: string): Promise<string> {
  const metadata = await parquetMetadataAsync(await asyncBufferFromFile(file))
  return JSON.stringify(metadata.schema, (_key, value: unknown) =>
    typeof value === 'bigint' ? `${value}n` : value
  )
}
