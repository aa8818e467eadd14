import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { stringify } from 'yaml'
import { scanModelFile } from '../src/artifact/scan/index.js'
import { MANIFEST_NAME, verifyArtifactFolder } from '../src/artifact/manifest.js'
import { compileSchema } from '../src/data/cells/field.js'
import { parseDialect } from '../src/data/dialect-schema.js'
import type { Dialect } from '../src/data/dialect.js'
import { inferSchema } from '../src/data/infer.js'
import { parseTableSchema } from '../src/data/schema.js'
import type { DataFormat } from '../src/data/table.js'
import { validateTable } from '../src/data/validate-file.js'
import { UserError } from '../src/errors.js'
import { emptyFound, findSeries } from '../src/loss/discover.js'
import { OutputMetricsReader } from '../src/loss/output-reader.js'
import { readTensorboardFile } from '../src/loss/tensorboard.js'
import { writeSubset } from '../src/sample/subset.js'
import { LineSplitter } from '../src/train/output.js'
import type { Seed } from './mutate.js'

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url))

/** What the fuzzer feeds and how: seed files, tokens worth inserting, and the code that reads an input. */
export interface Target {
  name: string
  seeds(): Promise<Seed[]>
  tokens: readonly Buffer[]
  /** Mostly mutations that keep offsets (binary formats with a footer or an index); see MutateOptions. */
  inPlace?: boolean
  /** Reads the input (written as `file`, in a folder of its own); may throw only a UserError. */
  run(file: string, folder: string): Promise<void>
}

/** Seeds are cut to this: mutations of a small file are many more inputs a second. */
const SEED_BYTES = 16 * 1024

/** Fixture files as seeds; text is cut to SEED_BYTES, binary files (`whole`) are not: a cut one has no footer. */
async function seedFiles(paths: string[], whole = false): Promise<Seed[]> {
  return Promise.all(
    paths.map(async relative => {
      const bytes = await readFile(path.join(FIXTURES, relative))
      return { name: path.basename(relative), bytes: whole ? bytes : bytes.subarray(0, SEED_BYTES) }
    })
  )
}

const text = (...tokens: string[]): Buffer[] => tokens.map(token => Buffer.from(token))

const CSV_TOKENS = text(
  '"',
  '""',
  ',',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\uFEFF',
  'é',
  '\u0000',
  ',,,,',
  'NaN',
  '1e999',
  '-0',
  '2024-02-30',
  'true'
)
const JSON_TOKENS = text(
  '"',
  '\\',
  '\\u0000',
  '\\ud800',
  '[',
  ']',
  '{',
  '}',
  '{"a":',
  ',',
  ':',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  'null',
  '\n',
  '\r\n',
  '\uFEFF',
  '"__proto__"',
  '12345678901234567890'
)
/** Thrift compact varints and field headers: huge sizes, negative sizes, lists of many elements. */
const PARQUET_TOKENS = [
  Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f]),
  Buffer.from([0xfe, 0xff, 0xff, 0xff, 0x0f]),
  Buffer.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]),
  Buffer.from([0x19, 0xfc]),
  Buffer.from([0x15, 0x00]),
  Buffer.from([0x00]),
  Buffer.from('PAR1')
]

/** For a file infer refuses: two columns that most seeds have, and any others. */
const FALLBACK_SCHEMA = parseTableSchema(
  'fields: [{name: id, type: integer}, {name: name}]\nfieldsMatch: subset',
  'fallback.yml'
)

/** Validation from end to end: infer a schema, validate the file against it, cut a subset. */
function dataTarget(
  name: string,
  format: DataFormat,
  seeds: string[],
  tokens: Buffer[],
  binary = false,
  dialect?: Dialect
): Target {
  return {
    name,
    tokens,
    inPlace: binary,
    seeds: () => seedFiles(seeds, binary),
    async run(file, folder) {
      let schema = FALLBACK_SCHEMA
      try {
        const inferred = await inferSchema(file, format, { dialect })
        try {
          schema = parseTableSchema(stringify(inferred), 'inferred.yml')
        } catch (error) {
          // A schema infer writes must be one validate reads.
          throw new Error(`validate refuses the schema infer wrote: ${(error as Error).message}`)
        }
      } catch (error) {
        // A file infer refuses (no header, a broken one) is still validated, against a loose schema.
        if (!isUserError(error)) throw error
      }
      await validateTable(file, schema, {
        format,
        dialect,
        maxViolations: 50,
        schemaLabel: 'inferred.yml'
      })
      await writeSubset(file, path.join(folder, 'subset', path.basename(file)), {
        rows: 5,
        strategy: 'random',
        // Its 5 rows hold one of parquet-date-past-275760.parquet's dates past 275760 (fixtures/fuzz).
        seed: 18,
        format,
        dialect
      })
    }
  }
}

async function corpusLogs(count: number): Promise<string[]> {
  const names = (await readdir(path.join(FIXTURES, 'loss-corpus/runs'))).sort()
  const step = Math.max(1, Math.floor(names.length / count))
  return names.filter((_, i) => i % step === 0).map(name => `loss-corpus/runs/${name}`)
}

export const TARGETS: Target[] = [
  dataTarget(
    'csv',
    'csv',
    [
      'iris/iris.csv',
      'iris/broken.csv',
      'real/mixed.csv',
      'frictionless/blank-rows.csv',
      'frictionless/capital-invalid.csv',
      'frictionless/duplicate-headers.csv',
      'frictionless/unique-field.csv'
    ],
    CSV_TOKENS
  ),
  dataTarget('tsv', 'tsv', ['frictionless/table.tsv'], CSV_TOKENS),
  // Every Table Dialect option at once: the dialect tokenizer, header rows, comments, a null sequence.
  dataTarget(
    'csv-dialect',
    'csv',
    [
      'frictionless/dialect/dialect.csv',
      'frictionless/dialect/escaping.csv',
      'frictionless/dialect/skip-rows.csv',
      'frictionless/matrix.csv',
      'iris/iris.csv'
    ],
    [...CSV_TOKENS, ...text('|', '#', '-', '\\', ' ', '##', 'NA')],
    false,
    parseDialect(
      {
        delimiter: '|',
        quoteChar: '#',
        escapeChar: '-',
        doubleQuote: false,
        skipInitialSpace: true,
        commentChar: '##',
        commentRows: [4],
        headerRows: [1, 2],
        headerJoin: '.',
        nullSequence: 'NA',
        lineTerminator: '\n'
      },
      'fuzz dialect'
    )
  ),
  dataTarget(
    'jsonl',
    'jsonl',
    ['real/iris.jsonl', 'real/mixed.jsonl', 'frictionless/table.jsonl'],
    JSON_TOKENS
  ),
  {
    ...dataTarget('json', 'json', [], JSON_TOKENS),
    // JSON arrays of rows, made from the JSON Lines fixtures: objects, and arrays under a header.
    async seeds() {
      const lines = (await seedFiles(['real/iris.jsonl', 'real/mixed.jsonl'])).map(seed =>
        seed.bytes
          .toString('utf8')
          .split('\n')
          .slice(0, 30)
          .filter(line => line.startsWith('{'))
      )
      const objects = lines.map(rows => `[\n${rows.join(',\n')}\n]\n`)
      const arrays = lines.map(rows => {
        const parsed = rows.map(row => JSON.parse(row) as Record<string, unknown>)
        const header = Object.keys(parsed[0])
        return JSON.stringify([header, ...parsed.map(row => header.map(key => row[key]))])
      })
      return [...objects, ...arrays].map((json, i) => ({
        name: `rows-${i}.json`,
        bytes: Buffer.from(json)
      }))
    }
  },
  dataTarget(
    'parquet',
    'parquet',
    [
      'real/iris.parquet',
      'frictionless/table.parquet',
      'parquet/snappy-format-v1.parquet',
      'parquet/uncompressed-format-v2.parquet',
      'parquet/gzip-format-v2.parquet',
      'parquet/brotli-format-v1.parquet',
      'parquet/lz4-format-v2.parquet',
      'parquet/nested.parquet',
      'real/mixed.zstd.parquet'
    ],
    PARQUET_TOKENS,
    true
  ),
  {
    name: 'schema',
    tokens: text(
      '\n  - name: x\n',
      'type: ',
      'datetime',
      'constraints: {minimum: ',
      '[',
      '{',
      '*a',
      '&a ',
      '!!binary ',
      ': ',
      '- ',
      '"\\u0000"',
      'pattern: "(a+)+$"',
      'enum: []',
      '1e999'
    ),
    seeds: () =>
      seedFiles([
        'iris/iris.schema.yml',
        'frictionless/schema.json',
        'frictionless/unique-field.json'
      ]),
    async run(file) {
      const schema = parseTableSchema(await readFile(file, 'utf8'), path.basename(file))
      compileSchema(schema, path.basename(file))
    }
  },
  {
    name: 'tensorboard',
    inPlace: true,
    tokens: [
      Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]),
      Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f])
    ],
    async seeds() {
      const folder = 'framework-logs/torch-tensorboard'
      const files = [`${folder}/events.out.tfevents.1795670419.vm.414.0`]
      for (const sub of await readdir(path.join(FIXTURES, folder), { withFileTypes: true }))
        if (sub.isDirectory())
          for (const name of await readdir(path.join(FIXTURES, folder, sub.name)))
            files.push(`${folder}/${sub.name}/${name}`)
      return seedFiles(files)
    },
    async run(file) {
      await readTensorboardFile(file, path.basename(file))
    }
  },
  {
    name: 'metrics',
    tokens: [...JSON_TOKENS, ...CSV_TOKENS],
    seeds: () =>
      seedFiles([
        'framework-logs/lightning-metrics.csv',
        'framework-logs/hf-trainer/trainer_state.json',
        'framework-logs/catboost-rmse/catboost_info/catboost_training.json',
        'frictionless/table.jsonl'
      ]).then(seeds => [
        ...seeds,
        {
          name: 'history.json',
          bytes: Buffer.from('{"loss": [0.9, 0.5, NaN], "val_loss": [1.0, 0.7, 0.6]}')
        },
        {
          name: 'metrics.jsonl',
          bytes: Buffer.from(
            '{"step": 1, "loss": 0.9}\n{"step": 2, "loss": NaN}\n{"step": 3, "loss": "0.4"}\n'
          )
        }
      ]),
    async run(file) {
      // Through the front door that names the reader after the file (trainer_state.json, *.jsonl, *.csv).
      const found = emptyFound()
      await findSeries(file, label => path.basename(label), found)
    }
  },
  {
    name: 'output',
    tokens: text(
      '\r',
      '\n',
      'loss',
      ' loss: ',
      'loss=',
      'nan',
      'inf',
      '|',
      '[',
      ']',
      ' - ',
      '\t',
      "{'loss': ",
      'tensor(',
      'Epoch ',
      '1e999',
      '0.5',
      '━',
      '0:\tlearn: ',
      '\tbest: ',
      '|    ',
      ' = ',
      '-----------------------------------------',
      '/299     7.36G ',
      'Eval begin...',
      ' - Validating',
      ' | INFO | valid | ',
      ', loss is ',
      '│ train      │ ',
      'tot_loss[loss=',
      'episode_reward_mean: '
    ),
    seeds: async () =>
      seedFiles([
        ...(await corpusLogs(60)),
        'framework-logs/sklearn-mlp-console.txt',
        'framework-logs/catboost-console/console-multiclass-eval.txt',
        'framework-logs/public/sb3-ppo-cartpole.txt',
        'framework-logs/public/yolov7-results.txt',
        'framework-logs/public/spacy-ner-learns.txt',
        'framework-logs/public/paddle-hapi-epoch5.txt',
        'framework-logs/public/allennlp-tagger.txt',
        'framework-logs/public/fairseq-resumed-epoch143.txt',
        'framework-logs/public/ludwig-titanic.txt',
        'framework-logs/public/icefall-yesno.txt',
        'framework-logs/gan/dcgan-digits.txt'
      ]),
    async run(file) {
      // As the train stage streams a command's output: in pieces, through the line splitter.
      const reader = new OutputMetricsReader()
      let number = 0
      const splitter = new LineSplitter(line => reader.readLine(line, ++number))
      const text = await readFile(file, 'latin1')
      for (let at = 0; at < text.length; at += 65536) splitter.push(text.slice(at, at + 65536))
      splitter.finish()
      reader.series()
    }
  },
  {
    name: 'model',
    inPlace: true,
    tokens: [
      Buffer.from('PK\u0003\u0004'),
      Buffer.from([0x80, 0x02]),
      Buffer.from([0xff, 0xff, 0xff, 0xff]),
      Buffer.from('{"__metadata__":')
    ],
    seeds: () =>
      seedFiles(
        [
          'model.safetensors',
          'model.onnx',
          'model.pt',
          'sklearn.pkl',
          'model.keras',
          'model.h5',
          'evil.pkl'
        ].map(name => `models/${name}`)
      ),
    async run(file) {
      await scanModelFile({ path: file, name: path.basename(file) }, { scanTensorValues: true })
    }
  },
  {
    name: 'manifest',
    tokens: JSON_TOKENS,
    seeds: async () => [
      { name: MANIFEST_NAME, bytes: Buffer.from(JSON.stringify(MANIFEST_SEED, null, 2)) }
    ],
    async run(file, folder) {
      // The input is the manifest, whatever its name (a saved finding has its own).
      if (path.basename(file) !== MANIFEST_NAME)
        await rename(file, path.join(path.dirname(file), MANIFEST_NAME))
      await mkdir(path.join(folder, 'model'), { recursive: true })
      await writeFile(path.join(folder, 'model', 'model.bin'), 'weights')
      const verification = await verifyArtifactFolder(path.dirname(file))
      if (!verification.manifest && verification.problems[0]?.includes('not found'))
        throw new Error(`the manifest was not read: ${verification.problems[0]}`)
    }
  }
]

/** A manifest as ml-smoke writes it, listing `model/model.bin` ("weights"). */
const MANIFEST_SEED = {
  schemaVersion: 1,
  tool: { name: 'ml-smoke', version: '0.1.0' },
  createdAt: '2024-01-01T00:00:00.000Z',
  git: {
    repository: 'o/r',
    sha: 'abc',
    ref: 'refs/heads/main',
    runId: '1',
    runAttempt: '1',
    workflow: 'ci',
    job: 'smoke'
  },
  dataset: { path: 'data.csv', bytes: 10, sha256: 'a'.repeat(64), rows: 2, violations: 0 },
  schema: { path: 'schema.yml', sha256: 'b'.repeat(64) },
  subset: { strategy: 'random', seed: 0, rows: 2, sha256: 'c'.repeat(64) },
  training: { command: 'python train.py', exitCode: 0, durationMs: 10 },
  loss: {
    verdict: 'passed',
    reason: 'fell',
    source: 'output',
    format: 'output',
    key: 'loss',
    points: 3,
    first: 1,
    last: 0.5,
    min: 0.5,
    drop: 0.5
  },
  artifact: {
    name: 'model',
    inPlace: true,
    files: [
      {
        path: 'model/model.bin',
        bytes: 7,
        sha256: createHash('sha256').update('weights').digest('hex')
      }
    ]
  }
}

/** Whether an error is one the user can be shown: the only kind a reader may throw. */
export function isUserError(error: unknown): boolean {
  return error instanceof UserError
}
