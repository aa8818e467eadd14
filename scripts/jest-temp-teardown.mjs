// Removes the folder jest-temp-setup.mjs gave this test run.
import { rm } from 'node:fs/promises'

export default async function teardown() {
  const folder = process.env.ML_SMOKE_TESTS_TMPDIR
  if (folder) await rm(folder, { recursive: true, force: true, maxRetries: 3 })
}
