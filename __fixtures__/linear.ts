/**
 * How many times longer `work` takes than `reference`: the best of `runs` timings of each, taken in turn,
 * so that a loaded machine slows both alike. A guard against quadratic time without a clock bound: the
 * reference does the same kind of work on input of the same size in a way that cannot be quadratic, and
 * the test asserts a generous ratio that the quadratic code exceeds by far.
 */
export async function slowdown(
  work: () => unknown,
  reference: () => unknown,
  runs = 3
): Promise<number> {
  let bestWork = Infinity
  let bestReference = Infinity
  for (let run = 0; run < runs; run++) {
    bestReference = Math.min(bestReference, await timed(reference))
    bestWork = Math.min(bestWork, await timed(work))
  }
  return bestWork / Math.max(bestReference, 0.001)
}

async function timed(task: () => unknown): Promise<number> {
  const started = performance.now()
  await task()
  return performance.now() - started
}
