import { MAX_SERIES, sameValue, seriesId, type MetricSeries } from './series.js'

// tqdm bars (Lightning, plain loops): "Epoch 0: 100%|███| 4/4 [00:00<00:00, 22.10it/s, v_num=0, train_loss_step=0.651]"
// or, with set_description, "loss: 0.5231:  40%|████| 4/10 [00:01<00:02, 3.2it/s]". The elapsed<remaining part
// never holds a comma; the rate is in the bar's unit (`3.20it/s`, `1.52s/it`, `182.19batch/s`, `?batch/s`). A frame
// may end before its "]" (another message printed into the same terminal line).
const TQDM_FRAME =
  /\|\s*(?<done>\d+)\/(?<total>\d+|\?)\s*\[[^,\]]*,\s*[^,\]]*?(?:\/s|s\/[^,\]\s]+|\?)(?:,\s*(?<postfix>[^\]]*))?(?:\]|$)/
// Ignite's ProgressBar draws tqdm with its own bar_format: "Epoch [1/5]: [50/469]  11%|█   , loss=0.312 [00:02<00:17]"
// (the step before the glyphs, the postfix after them, no rate). Both run in linear time (the linear-time table).
const IGNITE_END = /\s\[[\d:]+<[\d:?]+\]\s*$/
const IGNITE_STEP = /\[(?<done>\d+)\/(?<total>\d+|\?)\]\s+\d{1,3}%\|/
// A bar of an evaluation pass: "Validation DataLoader 0:", "Evaluating:", "Test:" …
const BAR_SPLIT =
  /^\W{0,3}(?<split>val|valid|validation|validating|eval|evaluation|evaluating|test|testing)\b/i

export interface BarFrame {
  /** The text before the bar (set_description's), its glyphs and percentage cut off. */
  description: string
  /** The text after the rate (set_postfix's `key=value, …`). */
  postfix: string
  /** Which bar: its description without numbers, and its epoch when the description names one. */
  bar: string
  /** Which time this bar is drawn: a bar drawn again after other output (an evaluation each epoch) is another. */
  pass: number
  /** The step the frame draws (`4/25`); a redraw of one step, or a tqdm.write between, keeps it. */
  step: string
  /** How many steps it has drawn (the 4 of `4/25`). */
  done: number
  /** The bar drew its last step (tqdm draws it again when it closes). */
  complete: boolean
  /** An evaluation pass's bar: its values are that split's. */
  split?: string
}

/**
 * A tqdm frame in `line` (tqdm's own format or Ignite's), or undefined. `pass` counts the other output lines so far: a bar drawn again after
 * them is a new pass, while a bar's frames, and bars nested in it, are one.
 */
export function barFrame(line: string, pass = 0): BarFrame | undefined {
  const m = TQDM_FRAME.exec(line)
  if (m)
    return frameOf(
      withoutGlyphs(line.slice(0, m.index)).trim(),
      m.groups!.postfix ?? '',
      m.groups!,
      pass
    )
  return igniteFrame(line, pass)
}

/** The last character of `line` that is not white space, without copying the line. */
function lastVisible(line: string): string | undefined {
  let end = line.length
  while (end > 0 && /\s/.test(line[end - 1])) end--
  return end > 0 ? line[end - 1] : undefined
}

/** An Ignite frame: its postfix follows the glyphs after ", " (tqdm's {postfix}). */
function igniteFrame(line: string, pass: number): BarFrame | undefined {
  if (lastVisible(line) !== ']') return undefined
  const end = IGNITE_END.exec(line)
  const step = end && IGNITE_STEP.exec(line.slice(0, end.index))
  if (!end || !step) return undefined
  const glyphsAndPostfix = line.slice(step.index + step[0].length, end.index)
  const comma = glyphsAndPostfix.indexOf(', ')
  const postfix = comma < 0 ? '' : glyphsAndPostfix.slice(comma + 2)
  return frameOf(line.slice(0, step.index).trim(), postfix, step.groups!, pass)
}

function frameOf(
  description: string,
  postfix: string,
  { done, total }: Record<string, string>,
  pass: number
): BarFrame {
  const split = BAR_SPLIT.exec(description)?.groups!.split.toLowerCase()
  // "Epoch 3" and "loss: 0.52" name the same bars as "Epoch 3" and "loss: 0.49": numbers out, the epoch kept.
  const epoch = /\bepoch\W{0,2}(\d+)/i.exec(description)?.[1] ?? ''
  return {
    description,
    postfix,
    bar: `${description.replace(/[-+]?\d[\d.eE+-]*/g, '#')}|${epoch}`,
    pass,
    step: `${done}/${total}`,
    done: Number(done),
    complete: done === total,
    split: split === undefined ? undefined : split.startsWith('t') ? 'test' : 'validation'
  }
}

/** The text before a bar less its percentage and glyphs ("Epoch 3:  40%|████"), found without a regular expression
 * (one anchored at the end retries from every space of a long run of them). */
function withoutGlyphs(text: string): string {
  const bar = text.lastIndexOf('%|')
  if (bar < 0) return text
  let start = bar
  while (
    start > bar - 3 &&
    start > 0 &&
    text.charCodeAt(start - 1) >= 48 &&
    text.charCodeAt(start - 1) <= 57
  )
    start--
  return start < bar ? text.slice(0, start) : text
}

/** What a key remembers of its last frame (not its text: a frame may be 16 KiB). */
type DrawnStep = Pick<BarFrame, 'bar' | 'pass' | 'step'>

const sameDrawn = (a: DrawnStep, b: DrawnStep): boolean =>
  a.bar === b.bar && a.pass === b.pass && a.step === b.step

interface BarKey {
  last: DrawnStep
  lastValue: number
  /** The key was drawn from the first bar of the log on: no earlier epoch's value can be shown in it. */
  fromFirstBar: boolean
  /** Points drawn in that first bar. */
  firstBarPoints: number
  /** Its value changed between two steps of one bar: a value per step. */
  perStep: boolean
  /** Its value changed at a new step drawn once: a step that shows the last value again is a repeat of it. */
  changedAtNewStep?: boolean
  /** A redraw of one step showed a new value: the script sets it between steps (tqdm's set_postfix). */
  setAtRedraw: boolean
  /** The last point repeats the value before it at a new step: update() drew the old postfix there. */
  lastStale: boolean
  /**
   * Until a redraw first shows a new value: the lines of points that repeated the value before at a new step and
   * whose step was not drawn again (a set to the same number would draw it again), and whether each was in the
   * log's first bar. Once a redraw shows a new value they are update()'s redraws of the old one (STALE_CAP).
   */
  staleCopies?: Array<{ line: number; inFirstBar: boolean; drawn: DrawnStep }>
  /** The last frame skipped as the old value shown at a new step, until the next frame. */
  skipped?: DrawnStep
}

/**
 * What `place` did with a frame's value: 'add' a point, 'replace' the last one (a redraw), or 'skip' it; and
 * `stale`, the lines of points the series is to lose (see `staleFound`).
 */
export interface Placement {
  placed: 'add' | 'replace' | 'skip'
  stale?: number[]
}

/** How many stale copies all keys remember together (BarKey.staleCopies); past it, the rest stay points. */
const STALE_CAP = 10_000

/**
 * Where each frame's values go. A redraw of the same step replaces that step's point, unless the bar's step count
 * lags (see `place`). A new step adds one, even when its value repeats the last (a loss stuck at ln 100 over 700
 * steps is 700 points, not one), unless the key only ever changed from one bar (epoch) to the next: then it is an
 * epoch's value shown through the next epoch (Lightning's `on_epoch=True` in the bar), and `collapse` drops its
 * repeats, but in the log's first bar, which no earlier epoch's value can reach (a loss stuck from the first step).
 */
export class ProgressBars {
  private readonly keys = new Map<string, BarKey>()
  /** Stale copies remembered across keys (STALE_CAP). */
  private staleKept = 0
  private firstBar?: string
  /** Each bar's last frame (its pass and step), and how many times it closed and started again. */
  private readonly drawnBars = new Map<
    string,
    { pass: number; done: number; complete: boolean; restarts: number }
  >()

  /**
   * The frame with its bar told apart from the same bar started again after it closed: a loop's bar with no
   * description (`tqdm(loader)` each epoch) draws the same text every epoch, and its first frames would
   * otherwise redraw the last epoch's. Capped like `keys`, past which new bars are no longer told apart.
   */
  restarted(frame: BarFrame): BarFrame {
    const last = this.drawnBars.get(frame.bar)
    const again = last?.pass === frame.pass && last.complete && frame.done < last.done
    const restarts = (last?.restarts ?? 0) + (again ? 1 : 0)
    if (last || this.drawnBars.size < 2 * MAX_SERIES) {
      const { pass, done, complete } = frame
      this.drawnBars.set(frame.bar, { pass, done, complete, restarts })
    }
    return restarts ? { ...frame, bar: `${frame.bar}#${restarts}` } : frame
  }

  /**
   * 'add' a point for this frame's step to series `id` (seriesId), 'replace' the last one (a redraw), or 'skip'
   * the frame: a new step that shows the last value again, of a key whose values arrive as redraws of the step
   * they were set at (set_postfix every few steps; tqdm's update() redraws the old value at the steps between),
   * unless that step is at once drawn again with the same value (set to the same number); or a bar at 0/N
   * showing the last value (no step drawn yet: Lightning's next epoch's bar carries the last one's values).
   */
  place(id: string, value: number, frame: BarFrame, line: number): Placement {
    this.firstBar ??= frame.bar
    const key = this.keys.get(id)
    // Past as many keys as a source keeps series for, frames are no longer told apart (memory stays bounded).
    if (!key && this.keys.size >= 2 * MAX_SERIES) return { placed: 'add' }
    const drawn: DrawnStep = { bar: frame.bar, pass: frame.pass, step: frame.step }
    if (!key) {
      const fromFirstBar = frame.bar === this.firstBar
      this.keys.set(id, {
        last: drawn,
        lastValue: value,
        fromFirstBar,
        firstBarPoints: fromFirstBar ? 1 : 0,
        perStep: false,
        setAtRedraw: false,
        lastStale: false
      })
      return { placed: 'add' }
    }
    const { last, skipped } = key
    key.skipped = undefined
    const sameBar = frame.bar === last.bar
    const sameStep = sameBar && frame.step === last.step
    const unchanged = sameValue(value, key.lastValue)
    // A bar that has drawn no step yet shows the value carried over (Lightning's next epoch's bar at 0/32).
    if (unchanged && frame.step.startsWith('0/')) {
      key.last = drawn
      return { placed: 'skip' }
    }
    // The skipped step drawn again at once, its value set to the same number (Lightning sets it every step);
    // not the last step, which tqdm draws again when the bar closes.
    const setSame = unchanged && !frame.complete && skipped && sameDrawn(skipped, drawn)
    if (!sameStep && sameBar && unchanged && key.setAtRedraw && !setSame) {
      key.skipped = drawn
      return { placed: 'skip' }
    }
    // A finished bar drawn again when it closes, after other output, is the same step too.
    const redraw = sameStep && (frame.pass === last.pass || (frame.complete && unchanged))
    // A new value at that step replaces its point only when the point repeated the value before (update()
    // drew the old postfix, then set_postfix the new). Else the step shown lags: tqdm draws the step it last
    // synced, so every set_postfix within its mininterval (a whole fast epoch, off a terminal) shows one step.
    const setAtStep = redraw && !unchanged && !frame.complete
    const lagging = setAtStep && !key.lastStale
    // The old value update() drew at a new step, replaced by the new: the value changes from step to step.
    if (setAtStep && key.lastStale) key.perStep = true
    // A copy whose step is drawn again stays a point: a set to the same number, or the value that replaces it.
    const copies = key.staleCopies
    if (redraw && copies?.length && sameDrawn(copies.at(-1)!.drawn, drawn)) {
      copies.pop()
      this.staleKept--
    }
    const stale = setAtStep && !key.setAtRedraw ? this.staleFound(key) : undefined
    // An unchanged redraw leaves the point what it was; a new value at the step makes it that step's own.
    const lastStale = redraw ? unchanged && key.lastStale : unchanged
    Object.assign(key, { last: drawn, lastValue: value, lastStale })
    if (setAtStep) key.setAtRedraw = true
    if (redraw && !lagging) return { placed: 'replace', stale }
    if (sameBar && !unchanged) key.perStep = key.changedAtNewStep = true
    const inFirstBar = key.fromFirstBar && frame.bar === this.firstBar
    if (inFirstBar) key.firstBarPoints++
    if (lastStale && !key.setAtRedraw && !key.changedAtNewStep && this.staleKept < STALE_CAP) {
      ;(key.staleCopies ??= []).push({ line, inFirstBar, drawn })
      this.staleKept++
    }
    return { placed: 'add', stale }
  }

  /** Whether a bar gave series `id` a frame (past the cap on keys, no longer known). */
  drew(id: string): boolean {
    return this.keys.has(id)
  }

  /**
   * The lines of the key's points to drop, found out when a redraw first showed a new value: update()'s redraws
   * of an old value (the last copy, which that value replaces, stays). None where values change at new steps:
   * they are set at each step, and a value shown again there is a repeat.
   */
  private staleFound(key: BarKey): number[] | undefined {
    const copies = key.staleCopies ?? []
    key.staleCopies = undefined
    this.staleKept -= copies.length
    if (!copies.length || key.changedAtNewStep) return undefined
    key.firstBarPoints -= copies.filter(copy => copy.inFirstBar).length
    return copies.map(copy => copy.line)
  }

  /** The series with an epoch's value repeated through the next epoch kept once (see the class). */
  collapse(series: MetricSeries): MetricSeries {
    const key = this.keys.get(seriesId(series.key, series.context))
    if (!key || key.perStep) return series
    const points = series.points.filter(
      (point, i) =>
        i === 0 || i < key.firstBarPoints || !sameValue(point.value, series.points[i - 1].value)
    )
    return points.length === series.points.length ? series : { ...series, points }
  }
}
