import {
  GBDT_LOSSES,
  lossName,
  MODIFIER_SUFFIXES,
  NAMED_RANK,
  normaliseKey,
  NOT_A_LOSS,
  VALIDATION_TOKENS
} from './loss-keys.js'
import type { MetricSeries } from './series.js'
import { DEFAULT_SIGNIFICANCE, fewestPoints } from './trend.js'

export type Role = 'train' | 'validation' | 'ignored'

/** A loss over all its parts: detectron2's total_loss over loss_cls, loss_box_reg …; `Tot Loss`; Ludwig's combined. */
const TOTAL_LOSS = new Set(['loss', 'total_loss', 'loss_total', 'tot_loss', 'combined_loss'])

/** The ranks of a per-epoch loss (`epoch_loss`, `train_loss_epoch`): coarser than a per-step one. */
export const EPOCH_RANKS: ReadonlySet<number> = new Set([5, 6])

export interface Candidate {
  series: MetricSeries
  role: Role
  /** Lower is preferred. */
  rank: number
  /** Why a series is not a training loss (for the report). */
  why?: string
  finite: number
}

function tokens(text: string | undefined): string[] {
  return text ? normaliseKey(text).split('_') : []
}

/** Decides whether a series is a training loss, a validation loss or something else, and how good a pick it is. */
export function classify(series: MetricSeries): Omit<Candidate, 'series' | 'finite'> {
  const key = normaliseKey(series.key)
  const keyTokens = key.split('_')
  const contextTokens = tokens(series.context)
  const isValidation = [...keyTokens, ...contextTokens].some(token => VALIDATION_TOKENS.has(token))
  // XGBoost `train-logloss` and LightGBM `training's binary_logloss`: the metric follows the set's name.
  const gbdtMetric =
    series.context !== undefined &&
    series.format === 'output' &&
    series.key.startsWith(series.context)
      ? normaliseKey(series.key.slice(series.context.length).replace(/^(?:'s |-)/, ''))
      : null

  if (NOT_A_LOSS.has(key) || keyTokens.includes('lr'))
    return { role: 'ignored', rank: 0, why: 'not a loss' }
  if (MODIFIER_SUFFIXES.has(keyTokens.at(-1)!))
    return { role: 'ignored', rank: 0, why: 'a loss modifier, not a loss' }
  if (key === 'train_train_loss')
    return { role: 'ignored', rank: 0, why: "Hugging Face's one-number run average" }

  // A GBDT's metric over a named set (CatBoost's learn and test: its log said lower is better).
  if (series.split === 'train') return { role: 'train', rank: 7 }
  if (series.split === 'validation') return { role: 'validation', rank: 107 }
  let rank: number
  if (gbdtMetric !== null) {
    if (!GBDT_LOSSES.has(gbdtMetric))
      return { role: 'ignored', rank: 0, why: 'a metric where higher is better, not a loss' }
    rank = 7
  } else if (!keyTokens.includes('loss')) {
    const named = NAMED_RANK.get(lossName(series.key))
    if (named === undefined) return { role: 'ignored', rank: 0, why: 'not a loss' }
    rank = named
  } else {
    const unsplit = keyTokens.filter(
      token => !VALIDATION_TOKENS.has(token) && token !== 'train' && token !== 'training'
    )
    // A group's name is no part of its loss: the TensorFlow Object Detection API's `Loss/total_loss`.
    const rest =
      unsplit[0] === 'loss' && unsplit.indexOf('loss', 1) > 0 ? unsplit.slice(1) : unsplit
    const joined = rest.join('_')
    if (joined === 'loss_step') rank = 0
    else if (joined === 'loss' && (keyTokens.includes('train') || keyTokens.includes('training')))
      rank = 1
    // detectron2's total_loss over its loss_cls, loss_box_reg … parts.
    else if (TOTAL_LOSS.has(joined)) rank = 2
    else if (rest.includes('batch')) rank = 4
    else if (joined === 'epoch_loss') rank = 5
    else if (rest.includes('epoch')) rank = 6
    else rank = 3
  }
  return isValidation ? { role: 'validation', rank: rank + 100 } : { role: 'train', rank }
}

/**
 * `train_loss` and `loss` name the same thing in most logs (`loss` a training loss unless a split word says
 * otherwise): between them the longer series wins, the finer one (nanoGPT's "iter N: loss" over its
 * "step N: train loss" every eval_interval; a per-batch "loss" over an epoch's "Train Loss").
 */
const tier = (rank: number): number => (rank === 1 ? 2 : rank)

export interface Choice {
  chosen?: Candidate
  /** Only a validation loss was found, and it was used. */
  usedValidation: boolean
  /** Every loss-like series that was not used, and the rest that were looked at. */
  others: Candidate[]
  /** `loss-key` named a key nobody wrote. */
  missingKey?: string
  /** `loss-key` chose the series. */
  byKey?: boolean
  /**
   * A GAN's discriminator and generator losses, when no reconstruction loss beside them could be judged instead
   * (the discriminator's is then the chosen series, checked only for a NaN).
   */
  adversarial?: { discriminator: Candidate; generator: Candidate }
}

/** The fewest points the trend test can find a fall in at its level (5: one steady fall in 5! orders). */
const FEWEST_TESTED = fewestPoints(DEFAULT_SIGNIFICANCE)

/**
 * Lightning's `train_loss_step` logged every log_every_n_steps (50 by default) can hold too few points to test
 * while its `train_loss_epoch` from the same file holds one an epoch, more: then the epochs are judged.
 */
function epochsIfStepsTooFew(chosen: Candidate, train: Candidate[]): Candidate {
  const key = normaliseKey(chosen.series.key)
  if (!key.endsWith('_step') || chosen.finite >= FEWEST_TESTED) return chosen
  const epochKey = key.replace(/_step$/, '_epoch')
  const epochs = train.find(
    c =>
      normaliseKey(c.series.key) === epochKey &&
      c.series.source === chosen.series.source &&
      c.finite > chosen.finite
  )
  return epochs ?? chosen
}

/**
 * A GAN's losses name its two networks (PyTorch's DCGAN tutorial: Loss_D, Loss_G; Coqui's VITS: loss_disc,
 * loss_gen): each rises as the other improves, so neither need fall while it learns. A reconstruction loss
 * beside them (VITS's loss_mel, pix2pix's L1, CycleGAN's cycle) falls as the generator learns.
 */
const DISCRIMINATOR = new Set(['d', 'disc', 'discriminator'])
const GENERATOR = new Set(['g', 'gen', 'generator'])
const RECONSTRUCTION = new Set([
  'mel',
  'l1',
  'l2',
  'mse',
  'rec',
  'recon',
  'reconstruction',
  'cycle',
  'pixel'
])
const namesAny = (candidate: Candidate, words: Set<string>): boolean =>
  normaliseKey(candidate.series.key)
    .split('_')
    .some(token => words.has(token))

function adversarialLosses(train: Candidate[]): Choice['adversarial'] {
  const discriminator = train.find(c => namesAny(c, DISCRIMINATOR))
  const generator = train.find(c => namesAny(c, GENERATOR))
  return discriminator && generator ? { discriminator, generator } : undefined
}

const finiteCount = (series: MetricSeries): number =>
  series.points.filter(point => Number.isFinite(point.value)).length

/**
 * Picks the finest-grained training loss (train_loss_step over train_loss and loss ... over
 * train_loss_epoch), the one with more points on a tie, files before command output. A validation loss
 * is used only when no training loss has two finite points. `lossKey` overrides the choice.
 */
export function chooseLossSeries(all: MetricSeries[], lossKey?: string): Choice {
  const candidates: Candidate[] = all.map(series => ({
    series,
    ...classify(series),
    finite: finiteCount(series)
  }))
  const order = (a: Candidate, b: Candidate): number =>
    tier(a.rank) - tier(b.rank) || b.finite - a.finite || a.rank - b.rank
  if (lossKey !== undefined) {
    const wanted = normaliseKey(lossKey)
    const matches = candidates
      .filter(c => c.series.key === lossKey || normaliseKey(c.series.key) === wanted)
      .sort(order)
    if (!matches.length) return { usedValidation: false, others: candidates, missingKey: lossKey }
    return {
      chosen: matches[0],
      byKey: true,
      usedValidation: false,
      others: candidates.filter(c => c !== matches[0])
    }
  }
  const train = candidates.filter(c => c.role === 'train').sort(order)
  const validation = candidates.filter(c => c.role === 'validation').sort(order)
  const usable = train.find(c => c.finite >= 2 || c.series.points.length > c.finite)
  const adversarial =
    usable && (namesAny(usable, DISCRIMINATOR) || namesAny(usable, GENERATOR))
      ? adversarialLosses(train)
      : undefined
  if (adversarial) {
    const reconstruction = train.find(c => c.finite >= 2 && namesAny(c, RECONSTRUCTION))
    const chosen = reconstruction ?? adversarial.discriminator
    return {
      chosen,
      usedValidation: false,
      others: candidates.filter(c => c !== chosen),
      ...(reconstruction ? {} : { adversarial })
    }
  }
  const chosen =
    (usable && epochsIfStepsTooFew(usable, train)) ??
    validation.find(c => c.finite >= 2) ??
    train[0] ??
    validation[0]
  return {
    chosen,
    usedValidation: chosen?.role === 'validation',
    others: candidates.filter(c => c !== chosen)
  }
}
