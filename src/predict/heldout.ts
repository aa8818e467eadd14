// The rows a model never trained on: drawn from the dataset past the subset's rows, seeded, and written
// for the predict command without their label.
import { asyncBufferFromFile, parquetMetadataAsync } from 'hyparquet'
import { parquetWriteFile } from 'hyparquet-writer'
import type { PredictSettings } from '../config.js'
import { compileField, MISSING, type CompiledField } from '../data/cells/field.js'
import { readDialect, withNullSequence } from '../data/dialect-file.js'
import type { TableSchema } from '../data/schema.js'
import { trainingDataset } from '../data/dataset-files.js'
import { ABSENT, type DataFormat } from '../data/table.js'
import { csvText, jsonRows } from '../data/writers.js'
import { UserError } from '../errors.js'
import { writeAtomically, writeFileAtomically } from '../file-info.js'
import { drawRowsOffThread } from '../sample/subset.js'
import type { CandidateFile, SubsetResult } from '../sample/types.js'
import type { OffThread } from '../worker/client.js'
import type { AnswerSchema } from './answer-schema.js'
import type { PredictFormat } from './types.js'

/** Held-out rows: as sent (without the label) and with their labels, in file order. */
export interface HeldOut {
  format: DataFormat
  /** The columns sent: the dataset's, without the label column. */
  columns: string[]
  /** Each row as JSON values by column (text cells cast by their field), the label left out. */
  rows: Array<Record<string, unknown>>
  /** Each row's cells as read, the label left out: what a CSV input is written from. */
  cells: unknown[][]
  /** Each row's label (cast by its field; null when empty), when the label is known. */
  labels?: unknown[]
  /** Rows the subset left to draw from. */
  available: number
  /** Each row's place among the dataset's data rows (0-based, across its files). */
  sourceRows: number[]
  /** The dataset's (first) file: a Parquet dataset's schema is the input's. */
  source: string
}

type DrawSettings = Pick<
  PredictSettings,
  'dataset' | 'splits' | 'dataFormat' | 'delimiter' | 'predictRows' | 'seed' | 'workspace' | 'cwd'
> &
  Partial<Pick<PredictSettings, 'dialect'>>

/** Each column's field, compiled to cast text cells exactly (null: a column the schema does not name). */
function castersFor(table: TableSchema, header: string[], schemaLabel: string) {
  const fields = new Map(table.fields.map((field, index) => [field.name, { field, index }]))
  return header.map(name => {
    const found = fields.get(name)
    return found
      ? compileField(found.field, found.index, table.missingValues, schemaLabel, {
          valueRead: true
        })
      : null
  })
}

/** A cell as a JSON value: text cast by its field (kept as text when it does not cast), null when empty. */
function valueOf(cell: unknown, field: CompiledField | null, text: boolean): unknown {
  if (!text || field === null || typeof cell !== 'string') return cell
  if (field.check(cell) !== null) return field.value === MISSING ? null : cell
  return field.value === MISSING ? null : field.value
}

/**
 * Draws `predict-rows` rows the subset did not take (from the training data, as the subset, or the
 * candidates a matrix's shards drew), in one pass that holds only the drawn rows and the subset's row
 * indices (a Parquet file in the data worker, as the subset is cut): stratified by the label when it
 * is a class, else uniform; seeded by `seed`, so the same run sends the same rows.
 */
export async function drawHeldOut(
  config: DrawSettings,
  subset: Pick<SubsetResult, 'rowIndices'>,
  table: TableSchema,
  answers: Pick<AnswerSchema, 'label'>,
  schemaLabel: string,
  worker?: OffThread,
  shardsDrew?: CandidateFile
): Promise<HeldOut> {
  const dataset = shardsDrew
    ? { files: [shardsDrew.file], format: shardsDrew.format }
    : await trainingDataset(config)
  const format = dataset.format
  const label = answers.label
  const stratified = label?.kind === 'classes'
  const dialect = await readDialect(config, format)
  // A cell of the dialect's nullSequence is null, as the validator reads it.
  const fields = withNullSequence(table, dialect)
  const drawn = await drawRowsOffThread(
    dataset.files,
    {
      rows: config.predictRows,
      strategy: stratified ? 'stratified' : 'random',
      seed: config.seed,
      format,
      delimiter: dialect?.delimiter ?? config.delimiter,
      dialect,
      columnNames: fields.fields.map(field => field.name),
      labelColumn: stratified ? label.column : undefined,
      minPerClass: 0,
      // An integer label of more than MAX_CLASSES values measures something: its rows are drawn uniformly.
      uniformPastClasses: true,
      ...(shardsDrew ? { candidates: shardsDrew.candidates } : {})
    },
    subset.rowIndices,
    worker
  )
  const labelIndex = label ? drawn.header.indexOf(label.column) : -1
  if (label && labelIndex === -1)
    throw new UserError(
      `the label column "${label.column}" is not a column of the dataset (columns: ${drawn.header.join(', ')})`
    )
  const text = format === 'csv' || format === 'tsv'
  const casters = castersFor(fields, drawn.header, schemaLabel)
  const keep = drawn.header.map((_, index) => index !== labelIndex)
  const columns = drawn.header.filter((_, index) => keep[index])
  const cells = drawn.items.map(item => item.cells.filter((_, index) => keep[index]))
  const values = drawn.items.map(item =>
    item.cells.map((cell, index) => valueOf(cell, casters[index], text)).filter((_, i) => keep[i])
  )
  const labels = label
    ? drawn.items.map(item =>
        labelValue(valueOf(item.cells[labelIndex], casters[labelIndex], text))
      )
    : undefined
  return {
    format,
    columns,
    rows: jsonRows(columns, values),
    cells,
    labels,
    available: drawn.sourceRows ?? drawn.items.length,
    sourceRows: drawn.items.map(item => item.index),
    source: dataset.files[0]
  }
}

/** A drawn row's label as the answers compare it: null when absent, a Parquet INT64 a number when it fits. */
function labelValue(value: unknown): unknown {
  if (value === ABSENT || value === '') return null
  if (typeof value !== 'bigint') return value
  return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString()
}

/** Parquet types by field type, so a `number` column is DOUBLE even when the drawn values are whole. */
const PARQUET_TYPES: Record<string, 'DOUBLE' | 'BOOLEAN' | 'STRING'> = {
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  string: 'STRING'
}

/** The held-out rows as Parquet: a Parquet dataset's own schema less the label, else typed by field. */
async function writeParquetInput(
  target: string,
  source: string,
  heldOut: HeldOut,
  table: TableSchema
): Promise<void> {
  const types = new Map(table.fields.map(field => [field.name, PARQUET_TYPES[field.type]]))
  const columnData = heldOut.columns.map(name => ({
    name,
    data: heldOut.rows.map(row => (row[name] === undefined ? null : row[name])),
    ...(heldOut.format === 'parquet' || !types.get(name) ? {} : { type: types.get(name)! })
  }))
  let schema: Parameters<typeof parquetWriteFile>[0]['schema']
  if (heldOut.format === 'parquet') {
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(source))
    const [root, ...elements] = metadata.schema as unknown as NonNullable<typeof schema>
    const kept = elements.filter(element => heldOut.columns.includes(element.name))
    schema = [{ ...root, num_children: kept.length }, ...kept]
  }
  try {
    await writeAtomically(target, temporary =>
      parquetWriteFile({ filename: temporary, columnData, ...(schema ? { schema } : {}) })
    )
  } catch (error) {
    if (error instanceof UserError) throw error
    throw new UserError(
      `cannot write the held-out rows as Parquet: ${(error as Error).message}; set predict-format to jsonl or csv`
    )
  }
}

/** Writes the held-out rows, without their label, to `target` as `format`. */
export async function writePredictInput(
  target: string,
  format: PredictFormat,
  heldOut: HeldOut,
  context: { source: string; table: TableSchema }
): Promise<void> {
  switch (format) {
    case 'jsonl':
      return writeFileAtomically(
        target,
        heldOut.rows.map(row => `${JSON.stringify(row)}\n`).join('')
      )
    case 'csv':
      return writeFileAtomically(target, csvText(heldOut.columns, heldOut.cells))
    case 'parquet':
      return writeParquetInput(target, context.source, heldOut, context.table)
  }
}
