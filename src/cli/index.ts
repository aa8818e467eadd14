#!/usr/bin/env node
import { installCancelHandler } from '../cancel.js'
import { main } from './main.js'

// `ml-smoke validate --json | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', error => {
  if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error
  process.exit(process.exitCode ?? 0)
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
