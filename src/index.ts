import { servePartitionWorker } from './data/parallel.js'
import { run } from './main.js'

// The bundle also runs as its own validation worker (see data/parallel.ts); only the main thread acts.
if (!servePartitionWorker()) await run()
