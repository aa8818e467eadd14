import * as core from '@actions/core'
import { jest } from '@jest/globals'

// Everything else (setSecret, isDebug, ... used by @actions/artifact) stays real.
export * from '@actions/core'

export const debug = jest.fn<typeof core.debug>()
export const info = jest.fn<typeof core.info>()
export const warning = jest.fn<typeof core.warning>()
export const error = jest.fn<typeof core.error>()
export const getInput = jest.fn<typeof core.getInput>()
export const setOutput = jest.fn<typeof core.setOutput>()
export const setFailed = jest.fn<typeof core.setFailed>()
export const startGroup = jest.fn<typeof core.startGroup>()
export const endGroup = jest.fn<typeof core.endGroup>()

const written: string[] = []
export const summary = {
  written,
  addRaw(text: string) {
    written.push(text)
    return summary
  },
  async write() {
    return summary
  }
}
