import { run } from './main.js'
import { holdYoungGeneration } from './worker/heap.js'

holdYoungGeneration()

await run()
