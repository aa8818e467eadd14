// The tests write hundreds of temporary folders (fixtures copied, runs, artifacts) under os.tmpdir(): give this
// run one folder of its own, removed by jest-temp-teardown.mjs, so `npm test` leaves nothing behind. Workers and
// the child processes they start inherit TMPDIR, which os.tmpdir() reads.
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

export default async function setup() {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'ml-smoke-tests-'))
  process.env.ML_SMOKE_TESTS_TMPDIR = folder
  process.env.TMPDIR = folder
}
