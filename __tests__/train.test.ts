import { mkdtemp, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { alive } from './harness/processes.js'
import { slowdown } from '../__fixtures__/linear.js'
import { ProcessRunner } from '../src/ports/process-runner.js'
import type { Logger } from '../src/ports/types.js'
import { childEnvironment } from '../src/train/environment.js'
import { LineSplitter, MAX_LINE_KEPT, TailBuffer } from '../src/train/output.js'
import { commandFailure, runCommand } from '../src/train/command.js'

function recordingLogger(): Logger & { text: string; groups: string[] } {
  const logger = {
    text: '',
    groups: [] as string[],
    debug: () => {},
    info: () => {},
    warning: () => {},
    notice: () => {},
    startGroup: (title: string) => void logger.groups.push(title),
    endGroup: () => {},
    output: (text: string) => {
      logger.text += text
    }
  }
  return logger
}

const smoke = {
  ML_SMOKE_SUBSET: '/s.csv',
  ML_SMOKE_OUTPUT_DIR: '/out',
  ML_SMOKE_METRICS: '/m.jsonl',
  ML_SMOKE_SEED: '3',
  ML_SMOKE_ROWS: '10'
}

async function train(
  command: string,
  timeoutMinutes = 1,
  env: NodeJS.ProcessEnv = process.env,
  shell?: string
) {
  const lines: string[] = []
  const logger = recordingLogger()
  const result = await runCommand(
    { command, cwd: os.tmpdir(), env: childEnvironment(env, smoke), timeoutMinutes, shell },
    new ProcessRunner(500),
    logger,
    line => void lines.push(line)
  )
  return { result, lines, logger }
}

describe('the training command', () => {
  it('cannot see the runner tokens, but gets the ML_SMOKE_* variables and the rest of the environment', async () => {
    const env = {
      ...process.env,
      ACTIONS_RUNTIME_TOKEN: 'secret-runtime',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'secret-oidc',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc',
      ACTIONS_RESULTS_URL: 'https://results',
      ACTIONS_CACHE_URL: 'https://cache',
      'INPUT_TRAIN-COMMAND': 'x',
      KEEP_ME: 'yes'
    }
    const { lines } = await train('env', 1, env)
    const seen = Object.fromEntries(
      lines.map(line => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
    )
    for (const name of [
      'ACTIONS_RUNTIME_TOKEN',
      'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
      'ACTIONS_ID_TOKEN_REQUEST_URL',
      'ACTIONS_RESULTS_URL',
      'ACTIONS_CACHE_URL',
      'INPUT_TRAIN-COMMAND'
    ]) {
      expect(seen[name]).toBeUndefined()
    }
    expect(lines.join('\n')).not.toContain('secret-')
    expect(seen).toMatchObject({ ...smoke, KEEP_ME: 'yes' })
  })

  it('streams stdout and stderr to the log and to the line reader, splitting on \\r as progress bars do', async () => {
    const { result, lines, logger } = await train(
      `printf 'epoch 1\\rloss=0.5\\n'; echo oops >&2; printf 'tail'`
    )
    expect(result.exitCode).toBe(0)
    expect(lines.sort()).toEqual(['epoch 1', 'loss=0.5', 'oops', 'tail'].sort())
    expect(logger.text).toContain('loss=0.5')
    expect(logger.groups).toEqual([expect.stringContaining('Smoke training:')])
    expect(commandFailure(result)).toBeNull()
  })

  it('a non-zero exit fails with its code and keeps the last 30 lines', async () => {
    const { result } = await train('for i in $(seq 1 100); do echo line $i; done; exit 3')
    expect(result.exitCode).toBe(3)
    expect(result.tail).toHaveLength(30)
    expect(result.tail[29]).toBe('line 100')
    expect(commandFailure(result)).toBe('the training command exited with code 3')
  })

  it('a failing command inside a pipeline fails the step, as with `run:` (pipefail)', async () => {
    const { result } = await train('false | cat')
    expect(result.exitCode).toBe(1)
  })

  it('on timeout stops the whole process group: no grandchild survives', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'orphan-'))
    const pidFile = path.join(dir, 'pid')
    const { result } = await train(
      `(trap '' TERM; sleep 1000) & echo $! > ${pidFile}; sleep 1000`,
      1.5 / 60
    )
    expect(result.timedOut).toBe(true)
    expect(commandFailure(result)).toBe(
      'the training command did not finish within timeout-minutes (0.025) and was stopped'
    )
    const grandchild = Number(await readFile(pidFile, 'utf8'))
    expect(await alive(grandchild)).toBe(false)
  }, 20000)

  it('a command that leaves a background process behind still finishes, and the process is stopped', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'orphan-'))
    const pidFile = path.join(dir, 'pid')
    const { result } = await train(`sleep 1000 & echo $! > ${pidFile}; echo done`)
    expect(result.exitCode).toBe(0)
    expect(await alive(Number(await readFile(pidFile, 'utf8')))).toBe(false)
  })

  it('killed by a signal says so; SIGKILL (or exit code 137) says it is usually memory, and how much', async () => {
    const { result } = await train('kill -TERM $$')
    expect(commandFailure(result)).toBe('the training command was killed by SIGTERM')
    const killed = await train('kill -9 $$')
    expect(commandFailure(killed.result)).toMatch(
      /^the training command was killed by SIGKILL: this usually means the runner ran out of memory/
    )
    const hungry = await train(
      `python3 -c "import os, signal, time; b = bytearray(120 * 2**20); b[::4096] = b'x' * len(b[::4096]); time.sleep(2.5); os.kill(os.getpid(), signal.SIGKILL)"`
    )
    // bash reports its child's SIGKILL as 137; the launcher passes it on as the signal itself.
    expect(hungry.result.signal).toBe('SIGKILL')
    expect(hungry.result.peakRssBytes).toBeGreaterThan(120 * 2 ** 20)
    expect(commandFailure(hungry.result)).toMatch(
      /^the training command was killed by SIGKILL: this usually means the runner ran out of memory \(its processes used up to 1[2-9]\d MiB\); use fewer sample-rows/
    )
  }, 20000)
})

describe('shells, as the shell: key of GitHub names them', () => {
  it('bash by default (with pipefail), sh, python, and a custom template with {0}', async () => {
    expect((await train('echo "$0" | grep -c command')).lines).toEqual(['1'])
    expect((await train('echo from sh', 1, process.env, 'sh')).lines).toEqual(['from sh'])
    expect(
      (
        await train(
          'import sys; print("python", sys.version_info[0])',
          1,
          process.env,
          'python3 {0}'
        )
      ).lines
    ).toEqual(['python 3'])
    expect((await train('print(6 * 7)', 1, process.env, 'python3 -u {0}')).lines).toEqual(['42'])
  })

  it('an unknown shell is a clear error', async () => {
    await expect(train('true', 1, process.env, 'zsh-please')).rejects.toThrow(
      'shell "zsh-please": expected one of bash, sh, pwsh, powershell, python, cmd, or a command with {0} for the script file'
    )
  })
})

describe('output helpers', () => {
  it('LineSplitter joins lines cut across chunks and treats CRLF as one break', () => {
    const lines: string[] = []
    const splitter = new LineSplitter(line => void lines.push(line))
    for (const chunk of ['a', 'b\r', '\nc\r', 'd\n', 'e']) splitter.push(chunk)
    splitter.finish()
    expect(lines).toEqual(['ab', 'c', 'd', 'e'])
  })

  it('LineSplitter reads a line of 25 MiB without a break in linear time and keeps its first MAX_LINE_KEPT characters', async () => {
    const split = (piece: string, onLine: (line: string) => void = () => {}) => {
      const splitter = new LineSplitter(onLine)
      for (let n = 0; n < 400; n++) splitter.push(piece)
      splitter.push('\nloss=0.5\n')
      splitter.finish()
    }
    const piece = 'x'.repeat(64 * 1024)
    const lines: string[] = []
    split(piece, line => void lines.push(line))
    expect(lines.map(line => line.length)).toEqual([MAX_LINE_KEPT, 8])
    // Scanning the unfinished line again for each chunk took over 200 times as long as the same text
    // in lines of 1,000 characters, which no chunk can make scanned again (a 100 MB line took minutes).
    const shortLines = ('x'.repeat(999) + '\n').repeat(66).slice(0, piece.length)
    expect(
      await slowdown(
        () => split(piece),
        () => split(shortLines)
      )
    ).toBeLessThan(20)
  })

  it('TailBuffer keeps the last lines, each capped', () => {
    const tail = new TailBuffer(2, 5)
    for (const line of ['1', '2', '3', '1234567']) tail.push(line)
    expect(tail.toArray()).toEqual(['3', '12345…'])
  })
})
