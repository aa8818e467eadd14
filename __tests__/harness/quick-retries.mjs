// Preloaded (NODE_OPTIONS=--import) into an action run whose test waits out the real @actions/artifact
// client's retries: it sleeps 3 s, 4.5 s, 6.75 s and 10.1 s between its five attempts. Waits of a second or
// more are cut a hundredfold; the client's own logic (which statuses it retries, how many times) runs as is.
import { promisify } from 'node:util'

const realSetTimeout = globalThis.setTimeout
function quickSetTimeout(callback, delay, ...args) {
  return realSetTimeout(callback, delay >= 1000 ? Math.ceil(delay / 100) : delay, ...args)
}
quickSetTimeout[promisify.custom] = realSetTimeout[promisify.custom]
globalThis.setTimeout = quickSetTimeout
