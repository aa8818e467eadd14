/** Which metric keys name a loss, and which loss: normalised keys, the words of a split, losses named by their function. */

export function normaliseKey(key: string): string {
  return (
    key
      // camelCase and acronyms apart: valLoss → val_loss, RPNLogLoss → rpn_log_loss, BCELoss → bce_loss.
      .replace(/([a-z\d])(?=[A-Z][a-z])|([A-Z])(?=[A-Z][a-z])/g, '$1$2_')
      .toLowerCase()
      .replace(/'s /g, '_')
      .replace(/[\s/.\-']+/g, '_')
      .replace(/^_+|_+$/g, '')
  )
}

export const VALIDATION_TOKENS = new Set([
  'val',
  'vali',
  'valid',
  'validation',
  'eval',
  'evaluation',
  'test',
  'dev',
  'holdout'
])
export const NOT_A_LOSS = new Set([
  'hp_metric',
  'epoch',
  'step',
  'grad_norm',
  'learning_rate',
  'lr',
  'v_num',
  'it_s',
  'accuracy',
  'acc'
])
/** Last words of a key that name something about a loss, not the loss (`loss_scale`, a config's `FOCAL_LOSS_ALPHA`). */
export const MODIFIER_SUFFIXES = new Set([
  'scale',
  'scaler',
  'weight',
  'std',
  'min',
  'max',
  'count',
  'alpha',
  'beta',
  'gamma',
  'lambda',
  'coef',
  'coeff',
  'factor',
  'power',
  'eps',
  'epsilon',
  'margin',
  'temperature',
  'classes',
  'type'
])
/** Gradient-boosting metrics where lower is better; AUC, NDCG and the like are not losses. */
export const GBDT_LOSSES = new Set([
  'logloss',
  'mlogloss',
  'binary_logloss',
  'multi_logloss',
  'rmse',
  'rmsle',
  'mae',
  'mse',
  'mape',
  'l1',
  'l2',
  'error',
  'merror',
  'binary_error',
  'multi_error',
  'huber',
  'quantile',
  'poisson',
  'gamma',
  'tweedie',
  'cross_entropy',
  'xentropy'
])

/**
 * Losses named by their function, best first: a series with one of these names (after its split words,
 * `train_`, `val_` …) is a loss even without the word "loss".
 */
export const NAMED_LOSSES = [
  'nll',
  'ce',
  'xent',
  'cross_entropy',
  'crossentropy',
  'bce',
  'logloss',
  'log_loss',
  'binary_logloss',
  'multi_logloss',
  'mlogloss',
  'mse',
  'rmse',
  'mae',
  'l1',
  'l2',
  'huber',
  'objective',
  'cost'
]
export const NAMED_RANK = new Map(NAMED_LOSSES.map((name, index) => [name, 3 + index / 100]))
const SPLIT_TOKENS = new Set([...VALIDATION_TOKENS, 'train', 'training', 'trn'])

/** The key less its split words: `train_nll` → `nll`, `Loss/val` → `loss`. */
export function lossName(key: string): string {
  return normaliseKey(key)
    .split('_')
    .filter(token => !SPLIT_TOKENS.has(token))
    .join('_')
}

/**
 * Whether a key names a loss: it has the word "loss" or is a loss named by its function (`nll`, `val_mse`).
 * With `namedOnly`, only the second (the output reader finds "loss" keys with its own pattern).
 */
export function isLossKey(key: string, namedOnly = false): boolean {
  const normalised = normaliseKey(key)
  if (NOT_A_LOSS.has(normalised)) return false
  if (!namedOnly && normalised.split('_').includes('loss')) return true
  return NAMED_RANK.has(lossName(key))
}

/** A gradient norm's keys (Hugging Face's `grad_norm`, fairseq's `gnorm`): not a loss, but NaN in it is divergence. */
export function isGradientNorm(key: string): boolean {
  return /^(?:grad(?:ient)?_?norm|gnorm|total_norm)$/.test(normaliseKey(key))
}
