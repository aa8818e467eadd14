// The tests write hundreds of temporary folders (fixtures copied, runs, artifacts) under os.tmpdir(): give this
// run one folder of its own, removed by jest-temp-teardown.mjs, so `npm test` leaves nothing behind. Workers and
// the child processes they start inherit TMPDIR, which os.tmpdir() reads.
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, symlink } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

export default async function setup() {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'ml-smoke-tests-'))
  process.env.ML_SMOKE_TESTS_TMPDIR = folder
  process.env.TMPDIR = folder
  await skipPythonShim(folder)
}

/**
 * Where `python3` is a version manager's shim (pyenv's runs bash and pyenv, ~0.3 s of CPU, before Python), the
 * tests start the interpreter it resolves to directly: the same Python, eight processes fewer at each start.
 */
async function skipPythonShim(folder) {
  let interpreter
  try {
    interpreter = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], {
      encoding: 'utf8'
    }).trim()
  } catch {
    return
  }
  if (!path.isAbsolute(interpreter)) return
  const bin = path.join(folder, 'bin')
  await mkdir(bin)
  await symlink(interpreter, path.join(bin, 'python3'))
  process.env.PATH = `${bin}${path.delimiter}${process.env.PATH ?? ''}`
}
