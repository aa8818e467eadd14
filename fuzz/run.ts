/**
 * Seeded fuzzers, one per reader: mutated fixtures (bit flips, truncation, duplication, splicing, tokens,
 * boundary integers, huge repeats made in memory) must be read, or refused with a UserError, within a
 * time limit per input and a memory limit. Each target runs in a child process that the parent watches:
 * an input that takes too long or makes the child's RSS pass the limit is stopped, saved and reported,
 * and the target goes on from the next input.
 *
 *   npm run fuzz -- [--targets csv,json,...] [--count 1000] [--seconds 60] [--seed 1]
 *                   [--max-rss-mb 400] [--huge-mb 16] [--out fuzz/findings]
 *   npm run fuzz -- --replay fixtures/fuzz/*      (each file through the target its name starts with)
 *
 * FUZZ_TARGETS, FUZZ_COUNT, FUZZ_SECONDS, FUZZ_SEED, FUZZ_MAX_RSS_MB and FUZZ_HUGE_MB set the same.
 * Count and seconds are per target. The same seed gives the same inputs; a finding is saved as
 * <out>/<target>-s<seed>-<index>-<kind>-<name> and can be replayed with --from <index> --count 1.
 */
import { fork } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import {
  fuzzTarget,
  inputAt,
  runInput,
  timeLimitMs,
  type Finding,
  type FuzzReport,
  type Outcome
} from './engine.js'
import { TARGETS, type Target } from './targets.js'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    child: { type: 'string' },
    file: { type: 'string' },
    replay: { type: 'boolean' },
    targets: { type: 'string', default: process.env.FUZZ_TARGETS },
    count: { type: 'string', default: process.env.FUZZ_COUNT ?? '1000' },
    seconds: { type: 'string', default: process.env.FUZZ_SECONDS ?? '60' },
    seed: { type: 'string', default: process.env.FUZZ_SEED ?? '1' },
    from: { type: 'string', default: '0' },
    'max-rss-mb': { type: 'string', default: process.env.FUZZ_MAX_RSS_MB ?? '400' },
    'huge-mb': { type: 'string', default: process.env.FUZZ_HUGE_MB ?? '16' },
    out: { type: 'string', default: 'fuzz/findings' }
  }
})

const seed = Number(values.seed)
const count = Number(values.count)
const seconds = Number(values.seconds)
const maxRssMiB = Number(values['max-rss-mb'])
const hugeBytes = Number(values['huge-mb']) * 2 ** 20

/** Resident memory of a process in MiB (Linux; 0 where /proc is absent). */
function rssMiB(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024
  } catch {
    return 0
  }
}

function targetNamed(name: string): Target {
  const target = TARGETS.find(t => t.name === name)
  if (!target)
    throw new Error(`unknown target ${name}; known: ${TARGETS.map(t => t.name).join(', ')}`)
  return target
}

type ChildMessage =
  | { type: 'input'; index: number; bytes: number }
  | { type: 'outcome'; index: number; outcome: Outcome }
  | { type: 'end'; peakMiB: number }

/** In the child: runs one target from `--from` (or on `--file`) and reports to the parent. */
async function child(name: string): Promise<void> {
  const target = targetNamed(name)
  const folder = await mkdtemp(path.join(os.tmpdir(), `fuzz-${name}-`))
  const send = (message: ChildMessage) => process.send!(message)
  try {
    if (values.file) {
      const bytes = await readFile(values.file)
      send({ type: 'input', index: 0, bytes: bytes.length })
      const outcome = await runInput(target, { name: path.basename(values.file), bytes }, folder)
      send({ type: 'outcome', index: 0, outcome })
    } else {
      await fuzzTarget(target, {
        seed,
        from: Number(values.from),
        count,
        seconds,
        hugeBytes,
        folder,
        onInput: (index, input) => send({ type: 'input', index, bytes: input.bytes.length }),
        onOutcome: (index, outcome) => send({ type: 'outcome', index, outcome })
      })
    }
    send({ type: 'end', peakMiB: rssMiB(process.pid, 'VmHWM') })
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

interface Watched {
  /** Why the child was stopped or died, about the input it was running (`index`). */
  stopped?: { kind: Finding['kind']; message: string; index: number; bytes: number }
  peakMiB: number
}

/**
 * Runs a child (`args`) and watches it: RSS over the limit, or an input running three times its time
 * limit, kills it. Messages go to `onMessage` as they come.
 */
async function watchChild(
  args: string[],
  onMessage: (message: ChildMessage) => void
): Promise<Watched> {
  const proc = fork(fileURLToPath(import.meta.url), args, {
    // Warnings (the yaml package's about odd tags in a mutated schema) would drown the table.
    execArgv: [...process.execArgv, `--max-old-space-size=${maxRssMiB}`, '--no-warnings'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc']
  })
  const watched: Watched = { peakMiB: 0 }
  let current = { index: -1, bytes: 0, since: performance.now() }
  let finished = false
  const stop = (kind: Finding['kind'], message: string) => {
    watched.stopped = { kind, message, index: current.index, bytes: current.bytes }
    proc.kill('SIGKILL')
  }
  proc.on('message', (message: ChildMessage) => {
    if (message.type === 'input')
      current = { index: message.index, bytes: message.bytes, since: performance.now() }
    else if (message.type === 'outcome') current = { index: -1, bytes: 0, since: performance.now() }
    else {
      finished = true
      watched.peakMiB = Math.max(watched.peakMiB, message.peakMiB)
    }
    onMessage(message)
  })
  const watchdog = setInterval(() => {
    if (current.index < 0 || watched.stopped) return
    const rss = rssMiB(proc.pid!)
    watched.peakMiB = Math.max(watched.peakMiB, rss)
    if (rss > maxRssMiB) stop('memory', `RSS passed ${maxRssMiB} MiB (${Math.round(rss)} MiB)`)
    // The child measures its own time; this catches an input that never returns.
    const ms = performance.now() - current.since
    if (ms > 3 * timeLimitMs(current.bytes) + 5000)
      stop('slow', `still running after ${Math.round(ms)} ms`)
  }, 20)
  const exit = await new Promise<{ code: number | null; signal: string | null }>(resolve =>
    proc.on('exit', (code, signal) => resolve({ code, signal }))
  )
  clearInterval(watchdog)
  if (!watched.stopped && !(finished && exit.code === 0))
    watched.stopped = {
      kind: 'crash',
      message: `the child exited with ${exit.code ?? exit.signal} (out of heap?)`,
      index: current.index,
      bytes: current.bytes
    }
  return watched
}

interface TargetResult {
  report: FuzzReport
  peakMiB: number
}

/** In the parent: runs a target in child processes, stopping and skipping inputs that run away. */
async function fuzzInChildren(name: string): Promise<TargetResult> {
  const report: FuzzReport = {
    target: name,
    inputs: 0,
    refused: 0,
    findings: [],
    seconds: 0,
    slowestMs: 0
  }
  let peakMiB = 0
  // Each finding is said (and its input saved) as it comes: a long run may be stopped before its table.
  const found = (finding: Finding) => {
    report.findings.push(finding)
    console.log(
      `${finding.kind} in ${finding.target}, input ${finding.index} (${finding.bytes} bytes): ${finding.message.split('\n')[0].slice(0, 200)}`
    )
    void saveInput(finding)
  }
  const deadline = performance.now() + seconds * 1000
  let from = Number(values.from)
  const end = from + count
  while (from < end && performance.now() < deadline) {
    const left = Math.max(1, (deadline - performance.now()) / 1000)
    const args = ['--child', name, '--from', String(from), '--count', String(end - from)]
    args.push(
      '--seconds',
      String(left),
      '--seed',
      String(seed),
      '--huge-mb',
      String(hugeBytes / 2 ** 20)
    )
    let bytes = 0
    const watched = await watchChild(args, message => {
      if (message.type === 'input') bytes = message.bytes
      if (message.type !== 'outcome') return
      const { outcome, index } = message
      report.inputs++
      if (outcome.refused) report.refused++
      report.slowestMs = Math.max(report.slowestMs, outcome.ms)
      if (outcome.kind)
        found({ target: name, seed, index, kind: outcome.kind, message: outcome.message!, bytes })
    })
    peakMiB = Math.max(peakMiB, watched.peakMiB)
    if (!watched.stopped) break
    const { index, ...stopped } = watched.stopped
    found({ target: name, seed, index, ...stopped })
    report.inputs++
    // Go on after the input that was stopped.
    from = index + 1
  }
  return { report, peakMiB }
}

/** Saves a finding's input as <out>/<target>-s<seed>-<index>-<kind>-<name>; returns the path. */
async function saveInput(finding: Finding): Promise<string> {
  await mkdir(values.out!, { recursive: true })
  const input = await inputAt(targetNamed(finding.target), finding.seed, finding.index, hugeBytes)
  const file = path.join(
    values.out!,
    `${finding.target}-s${finding.seed}-${finding.index}-${finding.kind}-${input.name}`
  )
  if (!existsSync(file)) await writeFile(file, input.bytes)
  return file
}

/** Findings grouped by kind, target and message (numbers and quoted text left out), with examples. */
async function printFindings(findings: Finding[]): Promise<void> {
  const groups = new Map<string, string[]>()
  for (const finding of findings) {
    const file = await saveInput(finding)
    const first = finding.message.split('\n')[0]
    const signature = `${finding.kind} in ${finding.target}: ${first.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N')}`
    let files = groups.get(signature)
    if (!files) groups.set(signature, (files = []))
    files.push(`${file} (${finding.bytes} bytes)`)
  }
  console.log(
    `\n${findings.length} findings in ${groups.size} groups, inputs saved in ${values.out}:`
  )
  for (const [signature, files] of groups)
    console.log(`\n${files.length} × ${signature}\n  ${files.slice(0, 3).join('\n  ')}`)
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, k) => Math.max(...rows.map(row => row[k].length)))
  console.log(
    `\n${rows.map(row => row.map((cell, k) => cell.padStart(widths[k])).join('  ')).join('\n')}`
  )
}

async function fuzz(): Promise<void> {
  const names = values.targets ? values.targets.split(',') : TARGETS.map(t => t.name)
  names.forEach(targetNamed)
  console.log(
    `seed ${seed}; per target: ${count} inputs or ${seconds} s; RSS limit ${maxRssMiB} MiB; huge repeats up to ${hugeBytes / 2 ** 20} MiB`
  )
  const rows = [
    ['target', 'inputs', 'refused', 'findings', 'seconds', 'inputs/s', 'slowest ms', 'peak RSS MiB']
  ]
  const findings: Finding[] = []
  for (const name of names) {
    const started = performance.now()
    const { report, peakMiB } = await fuzzInChildren(name)
    const elapsed = (performance.now() - started) / 1000
    findings.push(...report.findings)
    rows.push([
      name,
      String(report.inputs),
      String(report.refused),
      String(report.findings.length),
      elapsed.toFixed(1),
      (report.inputs / elapsed).toFixed(0),
      report.slowestMs.toFixed(0),
      peakMiB.toFixed(0)
    ])
    console.log(rows.at(-1)!.join('\t'))
  }
  printTable(rows)
  if (findings.length) {
    await printFindings(findings)
    process.exitCode = 1
  }
}

/** Each file through the target its name starts with (`parquet-…`), watched as a fuzzed input is. */
async function replay(files: string[]): Promise<void> {
  const rows = [['file', 'outcome', 'ms', 'peak RSS MiB']]
  let failed = 0
  for (const file of files) {
    const name = path.basename(file).split('-')[0]
    targetNamed(name)
    let outcome: Outcome | undefined
    const watched = await watchChild(['--child', name, '--file', file], message => {
      if (message.type === 'outcome') outcome = message.outcome
    })
    const verdict = watched.stopped
      ? `${watched.stopped.kind}: ${watched.stopped.message}`
      : outcome!.kind
        ? `${outcome!.kind}: ${outcome!.message!.split('\n')[0]}`
        : outcome!.refused
          ? 'refused (UserError)'
          : 'read'
    if (watched.stopped || outcome?.kind) failed++
    rows.push([file, verdict, (outcome?.ms ?? 0).toFixed(0), watched.peakMiB.toFixed(0)])
  }
  printTable(rows)
  if (failed) process.exitCode = 1
}

if (values.child) await child(values.child)
else if (values.replay) await replay(positionals)
else await fuzz()
