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
