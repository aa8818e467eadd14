/**
 * The shapes a loss curve can take that fail a run whatever its trend: a constant or frozen loss, a loss that
 * did not fall, and one that climbed back from its minimum. Each limit was chosen on fixtures/loss-corpus
 * (bench/loss-corpus.ts).
 */
import { percent } from '../words.js'
import type { LossPoint } from './series.js'
import {
  binned,
  endAbove,
  FALL_LEVEL,
  frozenTail,
  mannKendall,
  mean,
  movingMeans,
  windowOf
} from './trend.js'

/** Share of its fall a loss may climb back from its minimum (significantly) before the run fails. */
export const DEFAULT_MAX_REBOUND = 0.5
/** A tail of identical values this long (a share of the points, at least 3) is a frozen loss … */
export const FROZEN_SHARE = 0.2
/** … unless the loss had already fallen this much (a perfect fit printed as 0.0000 is not frozen). */
export const FROZEN_FALL = 0.5

/** A loss value as the messages show it: four significant digits, no trailing zeros. */
export function formatValue(value: number): string {
  return Number.isInteger(value)
    ? String(value)
    : value
        .toPrecision(4)
        .replace(/(\.\d*?)0+$/, '$1')
        .replace(/\.$/, '')
}

export const formatP = (p: number): string =>
  p === 0 ? '0 (below 1e-300)' : p < 1e-4 ? p.toExponential(0) : formatValue(p)

/** Why a run failed whatever its trend, and where. */
export interface ShapeFailure {
  reason: string
  frozenAt?: LossPoint
  reboundFrom?: LossPoint
}

/** The fixed part of a run's judgement: the window means and the shapes that fail it whatever the trend. */
export interface RunShape {
  points: LossPoint[]
  values: number[]
  window: number
  start: number
  end: number
  drop: number
  failure?: ShapeFailure
  /** A significant climb back from the minimum: fails the run unless it learned past the chance level. */
  rebound?: ShapeFailure
}

export interface ShapeOptions {
  /** Fraction of the points averaged at each end. */
  window: number
  maxRebound?: number
  significance: number
  /** The previous rule, measured by bench/loss-corpus.ts: a last window above the first fails outright. */
  windowRiseFails?: boolean
  /** The previous rule: a significant fall to an end above the first value fails, however noisy the points. */
  firstValueBinds?: boolean
  /** Other evidence says the model learned (SGD's weights classify): a loss that did not fall fails no run. */
  fallNotNeeded?: boolean
  /** A solver's objective: a tail of one value is where it converged, not a model that froze. */
  converges?: boolean
}

/** The window means of a run and the first shape that fails it (constant, frozen, not fallen), if any. */
export function shapeOf(
  points: LossPoint[],
  options: ShapeOptions,
  where: (p: LossPoint) => string
): RunShape {
  const values = points.map(point => point.value)
  const window = windowOf(values.length, options.window)
  const start = mean(values.slice(0, window))
  const end = mean(values.slice(-window))
  const drop = start === 0 ? (end < 0 ? 1 : end === 0 ? 0 : -1) : (start - end) / Math.abs(start)
  const shape: RunShape = { points, values, window, start, end, drop }
  if (values.length < 2) return shape
  shape.failure =
    stillShape(shape, where, options.converges) ??
    (options.fallNotNeeded ? undefined : notFallen(shape, options))
  if (!shape.failure) shape.rebound = reboundOf(shape, options, where)
  return shape
}

/** A loss that never changed, or froze at one exact value over the end of the run. */
function stillShape(
  shape: RunShape,
  where: (p: LossPoint) => string,
  converges = false
): ShapeFailure | undefined {
  const { values, points, start } = shape
  const n = values.length
  if (values.every(value => value === values[0]))
    return {
      reason: `loss did not change (${formatValue(values[0])} at all ${n} points): the model did not learn`
    }
  if (converges) return undefined
  const frozen = frozenTail(values)
  const frozenValue = values[frozen.from]
  if (
    frozen.length >= Math.max(3, Math.ceil(n * FROZEN_SHARE)) &&
    (start - frozenValue) / Math.abs(start) < FROZEN_FALL
  )
    return {
      reason: `loss froze at ${formatValue(frozenValue)} from ${where(points[frozen.from])} to the end (the last ${frozen.length} of ${n} points are identical): the model stopped learning (a dead network, a zero gradient or a constant prediction)`,
      frozenAt: points[frozen.from]
    }
  return undefined
}

/** A first window this many times the first value means the run diverged early, not a noisy first point. */
const DIVERGED_EARLY = 1.5

/**
 * A loss whose last window is not below its very first value (the untrained model's loss), named by how its
 * window means moved: a run that diverged early has a first window far above its first value. A last window
 * above the first but below the first value fell inside the first window and then climbed back: that is for
 * the rebound and the trend test to weigh (too high a learning rate whose spikes end below the untrained
 * model's loss may have learned: torch-lr-too-high-05 and -23 of fixtures/loss-corpus). So is a last window
 * below the first whose points fell at `significance` and whose end is above the first value by no more than
 * their noise (endAbove at FALL_LEVEL): the first value was one low batch (per-batch regression, bench sweeps).
 */
function notFallen(shape: RunShape, options: ShapeOptions): ShapeFailure | undefined {
  const { start, end, drop, values } = shape
  if (end >= start && (options.windowRiseFails || end >= values[0]))
    return { reason: `loss did not fall: ${end > start ? `rose ${percent(-drop)}` : 'flat'}` }
  if (end < values[0]) return undefined
  const divergedEarly = start >= DIVERGED_EARLY * values[0]
  if (!divergedEarly && !options.firstValueBinds && firstValueWithinNoise(shape, options))
    return undefined
  const why = divergedEarly
    ? 'training diverged early: its first window is far above it'
    : 'it never fell below where it started'
  return {
    reason: `loss ended above its first value: ${formatValue(values[0])} at the first point, ${formatValue(end)} at the end (${why})`
  }
}

/** A significant fall whose end is above the first value by no more than the points' noise. */
function firstValueWithinNoise(shape: RunShape, options: ShapeOptions): boolean {
  const { values, window } = shape
  return (
    mannKendall(binned(values)).pFall < options.significance &&
    endAbove(values, window, values[0]) >= FALL_LEVEL
  )
}

/** A loss that climbed back `maxRebound` or more of its fall from its minimum, with a significant rise. */
function reboundOf(
  shape: RunShape,
  options: ShapeOptions,
  where: (p: LossPoint) => string
): ShapeFailure | undefined {
  const { values, points, window, end } = shape
  const moving = movingMeans(values, window)
  let lowest = 0
  for (let i = 1; i < moving.length; i++) if (moving[i] < moving[lowest]) lowest = i
  const fall = moving[0] - moving[lowest]
  const climbed = fall > 0 ? (moving.at(-1)! - moving[lowest]) / fall : 0
  const maxRebound = options.maxRebound ?? DEFAULT_MAX_REBOUND
  if (climbed < maxRebound || lowest + window >= values.length) return undefined
  let at = lowest
  for (let i = lowest; i < lowest + window; i++) if (values[i] < values[at]) at = i
  const rise = mannKendall(binned(values.slice(at)))
  if (rise.pRise >= options.significance) return undefined
  return {
    reason: `loss climbed back: it fell to ${formatValue(values[at])} at ${where(points[at])}, then rose to ${formatValue(end)} (mean of the last ${window}), ${percent(climbed)} of its fall (limit ${percent(maxRebound)}; rise Mann–Kendall p = ${formatP(rise.pRise)}): training became unstable (learning rate too high?)`,
    reboundFrom: points[at]
  }
}
