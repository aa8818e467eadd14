/** The model API stage in the pipeline, with in-memory ports: scripted predict commands and servers. */
import { readFile, writeFile } from 'node:fs/promises'
import http from 'node:http'
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { memoryPorts, type Script, type ServerScript } from '../__fixtures__/ports.js'
import { buildConfig } from '../src/config.js'
import { runPipeline } from '../src/pipeline.js'
import { reportOutputs } from '../src/report/outputs.js'
import { predictAnnotations } from '../src/report/annotations.js'
import { renderSummary } from '../src/report/summary.js'
import { failureText } from '../src/report/types.js'
import { runFolders } from '../src/stage.js'

const fixtures = new URL('../fixtures/', import.meta.url).pathname

const trains: Script = async (spec, print) => {
  for (const [step, loss] of [0.9, 0.7, 0.5, 0.4, 0.3, 0.25].entries())
    print(`step ${step} loss=${loss}\n`)
  await writeFile(path.join(spec.env.ML_SMOKE_OUTPUT_DIR, 'model.json'), '{"rule": "petal length"}')
  return 0
}

type Row = Record<string, number | string>

/** What a model that learned iris answers: the class by petal length, with its probabilities. */
function irisAnswer(row: Row): { prediction: number; probabilities: number[] } {
  const length = Number(row['petal length (cm)'])
  const prediction = length < 2.5 ? 0 : length < 4.8 ? 1 : 2
  const probabilities = [0.1, 0.1, 0.1]
  probabilities[prediction] = 0.8
  return { prediction, probabilities }
}

async function inputRows(spec: { env: Record<string, string> }): Promise<Row[]> {
  const text = await readFile(spec.env.ML_SMOKE_PREDICT_INPUT, 'utf8')
  return text
    .split('\n')
    .filter(Boolean)
    .map(line => JSON.parse(line) as Row)
}

/** A predict command that answers each row with `answer` and writes the lines `edit` makes of them. */
function predicts(
  edit: (lines: string[]) => string[] = lines => lines,
  answer: (row: Row) => unknown = irisAnswer
): Script {
  return async spec => {
    const lines = (await inputRows(spec)).map(row => JSON.stringify(answer(row)))
    await writeFile(spec.env.ML_SMOKE_PREDICT_OUTPUT, edit(lines).join('\n') + '\n')
    return 0
  }
}

const configOf = (options: Record<string, unknown>) =>
  buildConfig(
    {
      dataset: 'iris/iris.csv',
      schema: 'iris/iris.schema.yml',
      'train-command': 'train',
      'sample-rows': 64,
      'label-column': 'target',
      'predict-command': 'predict',
      'artifact-path': '$ML_SMOKE_OUTPUT_DIR/model.json',
      ...options
    },
    fixtures,
    name => name
  )

async function run(
  options: Record<string, unknown> = {},
  scripts: Record<string, Script> = {},
  servers: Record<string, ServerScript> = {}
) {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'predict-'))
  const ports = memoryPorts(
    { train: trains, predict: predicts(), ...scripts },
    path.join(temp, 'cache'),
    servers
  )
  const report = await runPipeline(configOf(options), ports, runFolders(path.join(temp, 'run')))
  return { report, ports }
}

describe('the model API stage with predict-command', () => {
  it('sends held-out rows without the label, checks and scores the answers, then uploads', async () => {
    let input: Row[] = []
    let env: Record<string, string> = {}
    const predict: Script = async (spec, print) => {
      input = await inputRows(spec)
      env = spec.env
      print('loading model\n')
      return predicts()(spec, print)
    }
    const { report, ports } = await run({}, { predict })
    expect(report.stages.map(stage => [stage.name, stage.status])).toEqual([
      ['preflight', 'passed'],
      ['validate', 'passed'],
      ['sample', 'passed'],
      ['train', 'passed'],
      ['loss', 'passed'],
      ['artifact', 'passed'],
      ['predict', 'passed'],
      ['upload', 'passed']
    ])
    expect(ports.runner.ran.map(spec => spec.command)).toEqual(['train', 'predict'])
    expect(env).toMatchObject({
      ML_SMOKE_PREDICT_FORMAT: 'jsonl',
      ML_SMOKE_PREDICT_ROWS: '32',
      ML_SMOKE_LABEL_COLUMN: 'target'
    })
    expect(env.ML_SMOKE_OUTPUT_DIR).toBe(ports.runner.ran[0].env.ML_SMOKE_OUTPUT_DIR)
    expect(env.ACTIONS_RUNTIME_TOKEN).toBeUndefined()
    expect(input).toHaveLength(32)
    expect(input.every(row => !('target' in row))).toBe(true)
    expect(typeof input[0]['sepal length (cm)']).toBe('number')
    const found = report.predict!
    expect(found).toMatchObject({ rows: 32, heldOutRows: 86, answers: 32, violationCount: 0 })
    expect(found.score!.score).toBeGreaterThan(0.85)
    expect(found.score!.baseline).toBeLessThan(0.5)
    expect(found.score!.test!.p).toBeLessThan(1e-6)
    expect(report.stages[6].message).toMatch(
      /^32 held-out rows answered in the declared shape; accuracy 0\.9\d+ against 0\.3\d+ for the trivial predictor \(p = /
    )
    expect(reportOutputs(report)).toMatchObject({
      'predict-score': String(found.score!.score),
      'predict-baseline': String(found.score!.baseline)
    })
    expect(ports.artifacts.artifacts.get('model')).toBeDefined()
    const summary = renderSummary(report)
    expect(summary).toContain('### Model API')
    expect(summary).toContain('| accuracy | 0.9')
    expect(summary).toMatch(
      /\| 1 \| `\{"sepal length \(cm\)":[\d.]+,.*"species":"\w+"\}` \| `\d` \| `\d` \|/
    )
  })

  it('the same seed sends the same rows', async () => {
    const sent: Row[][] = []
    const predict: Script = async (spec, print) => {
      sent.push(await inputRows(spec))
      return predicts()(spec, print)
    }
    await run({}, { predict })
    await run({}, { predict })
    expect(sent[1]).toEqual(sent[0])
  })

  it('without a file, the JSON lines on stdout are the answers and the rest is log', async () => {
    const predict: Script = async (spec, print) => {
      print('loading model\nWARNING: old sklearn\n')
      for (const row of await inputRows(spec)) print(`${JSON.stringify(irisAnswer(row))}\n`)
      print('done\n')
      return 0
    }
    const { report } = await run({}, { predict })
    expect(report.predict).toMatchObject({ answersFrom: 'stdout', answers: 32, violationCount: 0 })
    expect(report.predict!.latency!.firstAnswerMs).toBeDefined()
  })

  it.each([
    [
      'writes nothing',
      async () => 0,
      /^predict-command wrote no answers: no file at \$ML_SMOKE_PREDICT_OUTPUT and no JSON lines on stdout/
    ],
    [
      'writes a line that is not JSON',
      predicts(lines => lines.map((line, i) => (i === 4 ? 'prediction: 1' : line))),
      /^1 violation in the model's answers \(first, line 5 of the output: not valid JSON: /
    ],
    [
      'answers fewer rows',
      predicts(lines => lines.slice(0, 29)),
      /^3 violations in the model's answers \(first, row 30: no answer \(29 of 32 rows were answered\)\)/
    ],
    [
      'answers more rows',
      predicts(lines => [...lines, lines[0]]),
      /^1 violation in the model's answers \(first, line 33 of the output: an answer past the last row: 32 rows were sent\)/
    ],
    [
      "writes Python's NaN",
      predicts(lines => lines.map((line, i) => (i === 1 ? '{"prediction": NaN}' : line))),
      /^1 violation .*line 2 of the output: field "prediction": holds NaN or Infinity/
    ],
    [
      'answers a class as a string',
      predicts(lines =>
        lines.map((line, i) =>
          i === 2 ? line.replace(/"prediction":(\d)/, '"prediction":"$1"') : line
        )
      ),
      /line 3 of the output: field "prediction": expected a JSON number; got the string "\d"/
    ],
    [
      'answers a class the label does not have',
      predicts(lines =>
        lines.map((line, i) => (i === 3 ? line.replace(/"prediction":\d/, '"prediction":7') : line))
      ),
      /line 4 of the output: field "prediction": "7" is not one of 0, 1, 2/
    ],
    [
      'answers probabilities that do not sum to 1',
      predicts(undefined, row => ({ ...irisAnswer(row), probabilities: [0.5, 0.4, 0.3] })),
      /^32 violations .*line 1 of the output: field "probabilities": the probabilities sum to 1\.2, not 1/
    ],
    [
      'answers in another shape',
      predicts(undefined, row => ({ label: irisAnswer(row).prediction })),
      /first, line 1 of the output: the answer has no "prediction" \(its keys: "label"\)/
    ]
  ])('a command that %s fails the stage, naming where', async (_, predict, message) => {
    const { report, ports } = await run({}, { predict })
    const stage = report.stages.find(s => s.name === 'predict')!
    expect(stage.status).toBe('failed')
    expect(stage.message).toMatch(message)
    expect(report.stages.at(-1)).toMatchObject({ name: 'upload', status: 'skipped' })
    expect(ports.artifacts.artifacts.size).toBe(0)
    // What every earlier stage found is still there.
    expect(report.validation?.rows).toBe(150)
    expect(report.loss?.verdict).toBe('pass')
    expect(report.artifact?.selection?.files).toHaveLength(1)
  })

  it('a command that crashes on a missing field: its exit code, and its last lines close the failure', async () => {
    const crash: Script = (_spec, print) => {
      print("Traceback (most recent call last):\nKeyError: 'target'\n")
      return 1
    }
    const { report } = await run({}, { predict: crash })
    expect(failureText(report)).toBe(
      "Model API failed: predict-command exited with code 1\nLast 2 lines of output:\nTraceback (most recent call last):\nKeyError: 'target'"
    )
    expect(renderSummary(report)).toContain("KeyError: 'target'")
  })

  it('violations are annotations: one per kind first, with the output line and the row', async () => {
    const edit = (lines: string[]) =>
      lines.map((line, i) => (i < 3 ? line.replace(/"prediction":\d/, '"prediction":"x"') : line))
    const { report } = await run({}, { predict: predicts(edit) })
    const annotations = predictAnnotations(report)
    expect(annotations[0]).toEqual({
      level: 'error',
      title: 'ml-smoke: answer type-error in "prediction"',
      message:
        'line 1 of the output (row 1): field "prediction": expected a JSON number; got the string "x"'
    })
    expect(annotations.filter(a => a.title.includes('type-error'))).toHaveLength(3)
  })
  it("the model's answers stay text in the summary: no HTML, link or table cell survives", async () => {
    const hostile = '</details><img src=x onerror=alert(1)> | [x](http://evil) `'
    const edit = (lines: string[]) =>
      lines.map((line, i) => (i === 0 ? JSON.stringify({ prediction: hostile }) : line))
    const { report } = await run({}, { predict: predicts(edit) })
    const summary = renderSummary(report)
    // Code spans show HTML as text; outside them every character is escaped.
    const outsideCode = summary.replace(/(`+)[\s\S]*?\1/g, '')
    expect(outsideCode).not.toMatch(/<img|<\/details><|(?<!\\)\]\(http/)
    expect(summary).toContain('&lt;img src=x onerror=alert(1)&gt; \\| \\[x\\](http://evil)')
    expect(summary).toContain('| 1 | `{')
  })
})

const oneClassPredictor = predicts(undefined, () => ({ prediction: 1 }))

describe('the quality floor', () => {
  const oneClass = oneClassPredictor

  it('auto: a model that answers one class for everything fails, with both numbers', async () => {
    const { report } = await run({}, { predict: oneClass })
    const stage = report.stages.find(s => s.name === 'predict')!
    expect(stage.message).toMatch(
      /^the model does not beat the trivial predictor by more than chance: accuracy 0\.\d+ \(\d+ of 32 held-out rows\) against 0\.\d+ for always answering \d; p = [\d.]+ \(exact binomial, one-sided\); beating chance takes \d+ correct$/
    )
    expect(report.predict!.score!.macroF1).toBeLessThan(
      report.predict!.score!.baselineMacroF1! + 0.01
    )
  })

  it('off passes it; a number is the accuracy it must reach', async () => {
    expect((await run({ 'min-predict-score': 'off' }, { predict: oneClass })).report.outcome).toBe(
      'passed'
    )
    const high = await run({ 'min-predict-score': '0.99' })
    expect(high.report.stages[6].message).toMatch(
      /^accuracy 0\.9\d+ is below min-predict-score 0\.99$/
    )
  })
})

describe('an inconclusive loss check waits for the held-out rows', () => {
  /** Four points: too few for the trend test, so the loss check alone is inconclusive. */
  const fourPoints: Script = async (spec, print) => {
    for (const [step, loss] of [0.9, 0.7, 0.8, 0.6].entries()) print(`step ${step} loss=${loss}\n`)
    await writeFile(path.join(spec.env.ML_SMOKE_OUTPUT_DIR, 'model.json'), '{}')
    return 0
  }
  const stage = (report: Awaited<ReturnType<typeof run>>['report'], name: string) =>
    report.stages.find(s => s.name === name)!

  it('a model that beats chance on them passes the run, and the summary says what settled it', async () => {
    const { report } = await run({}, { train: fourPoints })
    expect(report.loss!.verdict).toBe('inconclusive')
    expect(stage(report, 'loss')).toMatchObject({ status: 'passed' })
    expect(stage(report, 'loss').message).toMatch(
      /^inconclusive, left to the held-out rows of the Model API stage: 4 points of "loss" in the command output are too few/
    )
    expect(stage(report, 'predict').message).toMatch(
      /^32 held-out rows answered in the declared shape; accuracy 0\.9\d+ .*; this settles the loss check, which was inconclusive$/
    )
    expect(report.outcome).toBe('passed')
    expect(renderSummary(report)).toContain('this settles the loss check, which was inconclusive')
  })

  it('one that answers one class for everything fails', async () => {
    const { report } = await run({}, { train: fourPoints, predict: oneClassPredictor })
    expect(report.outcome).toBe('failed')
    expect(stage(report, 'predict').message).toMatch(
      /^the model does not beat the trivial predictor by more than chance/
    )
  })

  it('reaching a min-predict-score number without beating chance leaves the run inconclusive', async () => {
    const { report } = await run(
      { 'min-predict-score': '0.3' },
      { train: fourPoints, predict: oneClassPredictor }
    )
    expect(report.outcome).toBe('inconclusive')
    expect(stage(report, 'predict').message).toMatch(
      /^the held-out rows do not settle the inconclusive loss check: accuracy 0\.\d+ \(\d+ of 32 held-out rows\) against .*; p = [\d.]+ \(exact binomial, one-sided\).*\. The loss check: 4 points of "loss"/
    )
    expect(report.stages.find(s => s.name === 'upload')!.status).toBe('skipped')
    expect(renderSummary(report)).toContain(
      'the held-out rows do not settle the inconclusive loss check'
    )
  })

  it.each([
    ['min-predict-score off', { 'min-predict-score': 'off' }],
    ['no label column', { 'label-column': undefined }]
  ])(
    'with %s the held-out rows settle nothing: the loss check stops the run',
    async (_, options) => {
      const { report, ports } = await run(options, { train: fourPoints })
      expect(report.outcome).toBe('inconclusive')
      expect(stage(report, 'loss').status).toBe('inconclusive')
      expect(ports.runner.ran.map(spec => spec.command)).toEqual(['train'])
    }
  )

  it('without a predict-command the loss check stops the run, saying one would settle it', async () => {
    const { report } = await run({ 'predict-command': undefined }, { train: fourPoints })
    expect(report.outcome).toBe('inconclusive')
    expect(stage(report, 'loss').message).toMatch(
      /^4 points of "loss" .*\. A predict-command that answers held-out rows would settle it: the run passes if the model beats the trivial predictor on them$/
    )
    const unscored = await run({ 'min-predict-score': 'off' }, { train: fourPoints })
    expect(stage(unscored.report, 'loss').message).not.toContain('predict-command')
  })

  it('on-inconclusive warn passes the loss check as before, and the Model API stage asks no more', async () => {
    const { report } = await run(
      { 'on-inconclusive': 'warn', 'min-predict-score': '0.3' },
      { train: fourPoints, predict: oneClassPredictor }
    )
    expect(stage(report, 'loss').message).toMatch(
      /^inconclusive, passed because on-inconclusive is warn/
    )
    expect(report.outcome).toBe('passed')
  })
})

describe('usage errors are errors (exit 2), before anything is sent', () => {
  it.each([
    [{ 'serve-command': 'serve' }, /^set predict-command or serve-command, not both/],
    [{ 'max-predict-p95-ms': '50' }, /^max-predict-p95-ms needs serve-command/],
    [
      { 'label-column': undefined, 'min-predict-score': '0.5' },
      /^min-predict-score needs the label/
    ]
  ])('%j', async (options, message) => {
    const { report, ports } = await run(options)
    expect(report.outcome).toBe('error')
    expect(report.stages[6].message).toMatch(message)
    expect(ports.runner.ran.map(spec => spec.command)).toEqual(['train'])
  })

  it('no rows left: the subset took them all', async () => {
    const { report } = await run({ 'sample-rows': 150 })
    expect(report.stages[6]).toMatchObject({
      status: 'error',
      message:
        'no rows left to predict: the subset took every one of the 150 rows; lower sample-rows so some rows stay unseen'
    })
  })
})

/** A node:http server on ML_SMOKE_PORT, as serve-command would start. */
function serves(
  handle: (body: unknown, request: http.IncomingMessage) => { status?: number; body: unknown },
  options: { port?: (given: number) => number; health?: () => number } = {}
): ServerScript {
  return async (spec, print) => {
    const server = http.createServer((request, response) => {
      let text = ''
      request.on('data', chunk => (text += chunk))
      request.on('end', () => {
        if (request.method === 'GET') {
          response.writeHead(options.health?.() ?? 200).end('{"status": "loading"}')
          return
        }
        const answer = handle(JSON.parse(text), request)
        response.writeHead(answer.status ?? 200, { 'content-type': 'application/json' })
        response.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body))
      })
    })
    const given = Number(spec.env.ML_SMOKE_PORT)
    const port = options.port?.(given) ?? given
    await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve))
    print(`listening on ${port}\n`)
    return {
      close: () => new Promise<void>(resolve => server.close(() => resolve())),
      ports: [(server.address() as { port: number }).port]
    }
  }
}

describe('the model API stage with serve-command', () => {
  const serverRun = (options: Record<string, unknown>, server: ServerScript) =>
    run(
      { 'predict-command': undefined, 'serve-command': 'serve', ...options },
      {},
      { serve: server }
    )

  it.each([
    ['row', (body: unknown) => ({ body: irisAnswer(body as Row) })],
    [
      'instances',
      (body: unknown) => ({
        body: {
          predictions: (body as { instances: Row[] }).instances.map(
            row => irisAnswer(row).prediction
          )
        }
      })
    ],
    ['inputs', (body: unknown) => ({ body: (body as { inputs: Row[] }).inputs.map(irisAnswer) })]
  ])(
    '%s requests: every row asked, answered in shape, timed; the server stopped',
    async (request, handle) => {
      const { report, ports } = await serverRun({ 'predict-request': request }, serves(handle))
      expect(report.stages[6]).toMatchObject({ name: 'predict', status: 'passed' })
      expect(report.predict).toMatchObject({
        mode: 'server',
        request,
        answers: 32,
        violationCount: 0
      })
      expect(report.predict!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/predict$/)
      const latency = report.predict!.latency!
      expect(latency.p50Ms).toBeLessThanOrEqual(latency.p95Ms!)
      expect(reportOutputs(report)['predict-p95-ms']).toBe(String(latency.p95Ms))
      expect(ports.runner.running).toBe(0)
      expect(ports.artifacts.artifacts.size).toBe(1)
    }
  )

  it('a 500 for one row is a violation at its request; the others are still checked', async () => {
    let requests = 0
    const handle = (body: unknown) =>
      ++requests === 3
        ? { status: 500, body: { error: 'KeyError' } }
        : { body: irisAnswer(body as Row) }
    const { report, ports } = await serverRun({}, serves(handle))
    expect(report.stages[6].message).toBe(
      `1 violation in the model's answers (first, request 3: answered 500 Internal Server Error: {"error":"KeyError"})`
    )
    expect(report.predict!.countsByCode).toEqual({ 'http-error': 1 })
    expect(ports.runner.running).toBe(0)
  })

  it('never ready: says what the ready URL answered; another port: says which it took', async () => {
    const ready = 'http://127.0.0.1:$ML_SMOKE_PORT/health'
    const options = { 'ready-url': ready, 'serve-timeout-seconds': '1' }
    const loading = await serverRun(
      options,
      serves(() => ({ body: {} }), { health: () => 503 })
    )
    expect(loading.report.stages[6].message).toMatch(
      /^serve-command was not ready within serve-timeout-seconds \(1\): GET http:\/\/127\.0\.0\.1:\d+\/health answered 503 Service Unavailable: \{"status": "loading"\}$/
    )
    const elsewhere = await serverRun(
      options,
      serves(() => ({ body: {} }), { port: () => 0 })
    )
    expect(elsewhere.report.stages[6].message).toMatch(
      /: connection refused \(nothing listens there\); it listens on port \d+, not the port ml-smoke gave it in ML_SMOKE_PORT \(\d+\)$/
    )
    expect(loading.ports.runner.running + elsewhere.ports.runner.running).toBe(0)
  })

  it('a server that exits before it is ready: its exit code and last lines', async () => {
    const exits: ServerScript = async (_spec, print) => {
      print("ModuleNotFoundError: No module named 'torch'\n")
      return { close: async () => undefined, exited: Promise.resolve(1) }
    }
    const { report } = await serverRun({}, exits)
    expect(failureText(report)).toBe(
      "Model API failed: serve-command exited with code 1 before it was ready\nLast 1 lines of output:\nModuleNotFoundError: No module named 'torch'"
    )
  })

  it('max-predict-p95-ms fails a slow server with its time', async () => {
    const slow = serves(body => {
      const until = Date.now() + 30
      while (Date.now() < until);
      return { body: irisAnswer(body as Row) }
    })
    const options = { 'max-predict-p95-ms': '5', 'predict-rows': '4', 'min-predict-score': 'off' }
    const { report } = await serverRun(options, slow)
    expect(report.stages[6].message).toMatch(
      /^the server took \d+ ms a row at the 95th percentile, over max-predict-p95-ms 5$/
    )
  })
})
