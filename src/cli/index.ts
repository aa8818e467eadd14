#!/usr/bin/env node
import { installCancelHandler } from '../cancel.js'
import { isDiskFull } from '../errors.js'
import { holdYoungGeneration } from '../worker/heap.js'
import { main } from './main.js'

holdYoungGeneration()

// `ml-smoke validate --json | head` closes the pipe early: that is the reader's choice, not an error. A
// full disk under `> file` is the user's to fix: say so, exit 2.
process.stdout.on('error', error => {
  if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(process.exitCode ?? 0)
  if (!isDiskFull(error)) throw error
  process.stderr.write('ml-smoke: disk full: the result could not be written to standard output\n')
  process.exit(2)
})

installCancelHandler(message => void process.stderr.write(`${message}\n`))

process.exitCode = await main(process.argv.slice(2), {
  stdout: text => void process.stdout.write(text),
  stderr: text => void process.stderr.write(text),
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
  bundleUrl: import.meta.url
})
