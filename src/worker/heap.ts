import v8 from 'node:v8'
import vm from 'node:vm'

/**
 * A full garbage collection once decoded pages have left 12 MiB of garbage, or half what is live if
 * more (unique keys, say, keep the cost in proportion). Pages of 100,000 Parquet values outlive a
 * scavenge or two, so V8 promotes them and lets the old generation fill with dead pages for a long
 * while: on the benchmark's file this keeps peak RSS at about 150 MiB instead of 195 MiB (Node 20), for
 * a few milliseconds per collection with little live. Node has no API for this: `gc` is exposed by a
 * V8 flag, which changes the whole process, so only the data worker's entry calls this.
 */
export function heapCollector(): (() => void) | undefined {
  v8.setFlagsFromString('--expose-gc')
  const collect = vm.runInNewContext('gc') as (() => void) | undefined
  if (!collect) return undefined
  let liveAfterCollect = 0
  return () => {
    const garbage = v8.getHeapStatistics().used_heap_size - liveAfterCollect
    if (garbage < Math.max(12 * 2 ** 20, liveAfterCollect / 2)) return
    collect()
    liveAfterCollect = v8.getHeapStatistics().used_heap_size
  }
}

/**
 * Keeps V8's young generation at the size it has. V8 doubles it each time the bytes that survived
 * scavenges since it last grew pass its size, which over millions of rows always happens: a long
 * validation ended with 16 MiB of young generation in the worker and up to 64 MiB in the main thread
 * (Node 24), nearly all of it garbage. A scavenge costs what survives, not what died: at 20 M keyed rows
 * this took 17 to 20 MiB off peak memory for the same CPU time. A V8 flag (Node has no API for it), read
 * whenever the young generation would grow, for the whole process: the CLI's and the action's entries
 * set it before any work, so a worker's stays at V8's initial size.
 */
export function holdYoungGeneration(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1')
}
