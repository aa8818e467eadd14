import { afterAll, beforeAll } from '@jest/globals'
import { startAzurite, type Azurite } from './azurite.js'
import { ResultsService } from './results-service.js'
import { isolatedDist } from './runner.js'

/** What an end-to-end suite runs the bundled action against. */
export interface ArtifactBackend {
  readonly azurite: Azurite
  readonly results: ResultsService
  /** The action's bundle, copied where no node_modules can be found. */
  readonly entry: string
}

/**
 * Azurite, the results-service emulation on it and an isolated copy of the bundle, started before the
 * suite's tests and stopped after them. Read the fields inside tests (they are set by then).
 */
export function artifactBackend(): ArtifactBackend {
  const started: Partial<ArtifactBackend> = {}
  beforeAll(async () => {
    const azurite = await startAzurite()
    Object.assign(started, { azurite })
    const results = new ResultsService(azurite)
    await results.start()
    Object.assign(started, { results, entry: await isolatedDist() })
  })
  afterAll(async () => {
    await started.results?.stop()
    await started.azurite?.stop()
  })
  return {
    get azurite() {
      return started.azurite!
    },
    get results() {
      return started.results!
    },
    get entry() {
      return started.entry!
    }
  }
}
