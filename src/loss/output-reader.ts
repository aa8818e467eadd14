import type { LabelSmoothing } from './baseline.js'
import { CatboostDirection, parseCatboostLine, type CatboostLine } from './catboost.js'
import {
  NUM,
  NUMBER_CELL,
  SB3_STEP,
  sb3Line,
  SPACY_SCORE,
  spacyHeader,
  spacyRow,
  splitTableHeader,
  splitTableRow,
  tableHeader,
  tableRow,
  type SpacyTable,
  type SplitTable,
  type Table,
  type TableRow,
  yoloResultsRow
} from './console-tables.js'
import { isLossKey, VALIDATION_TOKENS } from './loss-keys.js'
import { AGENT_REWARDS } from './reward.js'
import { barFrame, ProgressBars, type BarFrame } from './progress-bars.js'
import {
  COMMAND_OUTPUT,
  MAX_SERIES,
  parseMetricNumber,
  sameValue,
  SeriesCollector,
  seriesId,
  SKLEARN_VALIDATION_SCORE,
  type LossHint,
  type MetricSeries
} from './series.js'
import { cleanLine } from './text.js'
import { broadcastLossIn, type BroadcastLoss } from './telltales.js'
import { SGD_NORM_KEY } from './weight-norm.js'

// Every pattern here runs in time linear in the line: no two adjacent quantifiers can match the same
// characters, so a failed match never retries a split of the same run (issue #13: a 150 KB line took 31 s in
// the old XGBoost pattern). Lines are cut at MAX_LINE characters before any pattern sees them.
/** Cells of one Stable-Baselines3 box held before it is read (its boxes hold about 20). */
const MAX_BOX_CELLS = 256
/** A `section/name = value` pair of Stable-Baselines3's keys, as a second logger prints a box on one line. */
const SB3_PAIR = /(?<![\w/])(\w+\/\w+) = /g
/** Characters of one line (one `\r` frame) that are read; a metric is never that far into a line. */
export const MAX_LINE = 16 * 1024

// torch and numpy scalars printed as themselves: tensor(1.2352, grad_fn=<NllLossBackward0>),
// tensor(0.5, device='cuda:0'), np.float64(0.5), array(0.5, dtype=float32). The wrapper is replaced by the
// number before any other pattern runs.
const SCALAR_WRAPPER = new RegExp(
  String.raw`\b(?:tensor|np\.float\d+|numpy\.float\d+|array)\((?<value>${NUM})(?:,[^()]*)?\)`,
  'gi'
)

// The tensor's grad_fn names the loss that made it: what its chance level is.
const GRAD_FN = /grad_fn=<(?<name>\w{1,60})>/
const GRAD_FN_LOSS: Record<string, LossHint> = {
  NllLossBackward0: 'cross-entropy',
  NllLoss2DBackward0: 'cross-entropy',
  BinaryCrossEntropyWithLogitsBackward0: 'cross-entropy',
  BinaryCrossEntropyBackward0: 'cross-entropy',
  MseLossBackward0: 'mse',
  L1LossBackward0: 'mae'
}

// Hugging Face Trainer prints the repr of a dict: {'loss': 0.6931, 'grad_norm': 1.2, 'epoch': 0.5}.
// Values may be quoted strings.
const HF_DICT = /^\{'[\w/.-]+': .*\}$/
// Keras's `print(history.history)`, or json.dumps of it: each metric's list of epoch values in one dict.
const HISTORY_DICT = /^\{\s*(['"])[\w/.-]+\1\s*:\s*\[/
// A list's values stop at the next bracket either way: a line of unclosed lists is read in linear time.
const HISTORY_LIST = /(['"])(?<key>[\w/.-]{1,200})\1\s*:\s*\[(?<values>[^[\]]*)\]/g
const HF_PAIR = new RegExp(String.raw`'(?<key>[^']+)':\s*'?(?<value>${NUM})'?`, 'gi')
const KV_EQ = new RegExp(
  String.raw`(?<![\w./-])(?<key>[A-Za-z_][\w./-]*)=(?<value>${NUM})(?=,|$)`,
  'gi'
)
// Keras Progbar: "32/32 ━━━━ 0s 9ms/step - accuracy: 0.5000 - loss: 0.6931 - val_loss: 0.6900", after model.fit's
// "Epoch 3/10"; evaluate() and predict() print bars of their own step counts, with no epoch line.
const KERAS_EPOCH = /^Epoch (?<epoch>\d+)\/\d+$/
const KERAS_LINE = /^\d+\/(?<total>\d+|Unknown)\b/
const KERAS_PAIR = new RegExp(String.raw`\s-\s(?<key>[\w./]+):\s(?<value>${NUM})`, 'gi')
// PaddlePaddle's Model.fit, after the same "Epoch 3/10": "step  10/938 [====>...] - loss: 0.0325 - acc: 0.99 -
// 38ms/step" every log_freq steps, each loss its step's own; evaluate() prints the same lines between
// "Eval begin..." and "Eval samples: 10000".
const PADDLE_STEP = /^step +(?<step>\d+)\/(?<total>\d+)\b/
const PADDLE_EVAL_BEGIN = /^Eval begin\.\.\.$/
const PADDLE_EVAL_END = /^Eval samples: \d+$/
// Trax's training loop, every eval_steps: "Step    100: train CrossEntropyLossWithLogSoftmax |  7.02561331", then
// the same metrics over the eval set ("Step    100: eval  CrossEntropyLossWithLogSoftmax |  5.81694698").
const TRAX_METRIC = new RegExp(
  String.raw`^Step +(?<step>\d+): (?<split>train|eval) +(?<key>[A-Za-z]\w*) +\| +(?<value>${NUM})$`
)
// verl's console logger, a line a step, after Ray's prefix of the process that printed it: "(main_task pid=2112)
// step:0 - timing/gen:21.470 - critic/vf_loss:14.947 - actor/pg_loss:-0.005 - critic/score/mean:0.004 - …".
const VERL_STEP = /^(?:\([^()]*\) )?step:(?<step>\d+) - /
// A reward on a line of its own (AGENT_REWARDS), beside an agent's losses that the generic pattern reads: Ray Tune's
// verbose result blocks of an RLlib trial ("Result for PPO_CartPole-v1_2b82d_00000:", then YAML lines such as
// "total_loss: 166.27" and "episode_reward_mean: -197.2"; before the first episode ends it prints ".nan", no value
// yet), and DeepSpeed-Chat's RLHF step ("epoch: 0|step: 0|ppo_ep: 1|act_loss: 0.2099|…", then
// "average reward score: -0.679").
const REWARD_LINE = new RegExp(String.raw`^(?<key>${AGENT_REWARDS.join('|')}): (?<value>${NUM})$`)
// AllenNLP's trainer logs its phase before each bar ("allennlp.training.trainer - Validating"): the bars after
// "Validating" draw the validation loss, in the same "loss: 3.23 ||: 100%|####| 31/31" shape as training's.
const BAR_PHASE = /^allennlp\.[\w.]+ - (?<phase>Training|Validating)$/
// XGBoost "[0]\ttrain-logloss:0.66014\teval-logloss:0.67"; LightGBM "[10]\ttraining's binary_logloss: 0.5".
// The fields are split on tabs, not matched by one pattern.
const GBDT_LINE = /^\[(?<iteration>\d+)\]\s/
// Pasted where tabs became spaces, only XGBoost's own metrics are taken ("[3]  train-logloss:0.52"): a loop's
// "[3] train-loss:0.5" is no GBDT's loss over a whole set.
const XGBOOST_METRIC =
  /^(?:[a-z]*logloss|rmsle?|mae|mape|error|merror|auc|aucpr|ndcg|map|poisson-nloglik|gamma-nloglik|cox-nloglik|tweedie-nloglik)(?:@[\d.]+)?$/
// LightGBM repeats the best iteration's line after early stopping: not a new point.
const GBDT_BEST = /best iteration is:?$/i
// scikit-learn: SGD "-- Epoch 3" then "Norm: 6.12, NNZs: 4, Bias: -0.33, T: 150, Avg. loss: 0.378521";
// MLP "Iteration 3, loss = 0.42"
const SGD_EPOCH = /^-- Epoch (?<epoch>\d+)$/
// Newer scikit-learn adds ", Objective: <the loss plus the penalty>".
const SGD_LOSS = new RegExp(
  String.raw`^Norm: (?<norm>${NUM}), .*, Avg\. loss: (?<value>${NUM})(?:, Objective: ${NUM})?$`,
  'i'
)
// scikit-learn HistGradientBoosting: "[3/20] 1 tree, 9 leaves, max depth = 5, train loss: 0.46, val loss: 0.47,
// in 0.001s", its losses only when it scores (early stopping); the generic pattern reads them.
const HGB_ROUND = /^\[\d+\/\d+\] \d+ trees?, \d+ leaves/
/** Lightning's RichProgressBar: `Epoch 5/5  ━━━━━━━━ 32/32 0:00:00 • 0:00:00 242.17it/s v_num: 0`. */
const RICH_EPOCH_BAR = /^Epoch \d+(?:\/\d+)? +[━╸╺]/
/**
 * A label smoothing factor the run prints among its settings: the Trainer's `label_smoothing_factor=0.1`, an
 * argparse Namespace's `label_smoothing=0.1`, fairseq's `--label-smoothing 0.1`, a YAML or JSON config.
 */
const LABEL_SMOOTHING = new RegExp(
  String.raw`\blabel[_ -]?smoothing(?:[_ -]?(?:factor|eps|epsilon))?['"]?(?:\s*[:=]\s*|\s+)['"]?(?<value>\d*\.?\d+(?:e-?\d+)?)(?![\w.])`,
  'i'
)
const MLP_LOSS = new RegExp(String.raw`^Iteration (?<iteration>\d+), loss = (?<value>${NUM})$`, 'i')
const MLP_SCORE = new RegExp(String.raw`^Validation score: (?<value>${NUM})$`)
// The deeplearning.ai courses' loops: "Cost after iteration 100: 0.693147".
const COST_AFTER = new RegExp(
  String.raw`^Cost after (?:iteration|epoch) (?<step>\d+): (?<value>${NUM})\s*$`,
  'i'
)
/** The series of a solver's objective (its own key, `f`, names nothing). */
const SOLVER_OBJECTIVE = 'objective'
// SciPy's L-BFGS-B (scikit-learn's lbfgs solver with verbose, printed in Fortran: "2.77259D+02"): its header's
// "N = 11" coefficients, then "At iterate    3    f=  1.41751D+02    |proj g|=  8.90899D+00".
const LBFGS_COEFFICIENTS = /^\s*N = +(?<n>\d+) +M = +\d+\s*$/
const LBFGS_ITERATE =
  /^At iterate +(?<iteration>\d+) +f= *(?<value>[-+]?\d\.\d+D[-+]\d+|NaN|[-+]?Infinity) +\|proj g\|=/
// Its summary, printed whatever the verbosity: "   N    Tit     Tnf  Tnint  Skip  Nact     Projg        F", a row
// ("    9      8      9 …": Tit the iterations), then "  F =   128.03781889098548".
const LBFGS_SUMMARY = /^\s*N\s+Tit\s+Tnf\s+Tnint\s+Skip\s+Nact\s+Projg\s+F\s*$/
const LBFGS_SUMMARY_ROW = /^\s*\d+\s+(?<iterations>\d+)\s+\d+\s/
const LBFGS_FINAL = new RegExp(String.raw`^\s*F =\s+(?<value>${NUM})\s*$`)
// liblinear's trust-region Newton (LogisticRegression(solver="liblinear", verbose=1)): "iter  2 act 1.878e+01
// pre 1.554e+01 delta 1.230e+00 f 1.618e+02 |g| 4.909e+01 CG   2", the first after "[LibLinear]".
const LIBLINEAR_ITER = new RegExp(
  String.raw`^(?:\[LibLinear\])?iter +(?<iteration>\d+) act \S+ pre \S+ delta \S+ f (?<value>${NUM}) \|g\| \S+ +CG +\d+$`
)
// Anything else: "loss", "train_loss", "train/loss", "Loss/train", "val loss", "Val. Loss", litgpt's "loss train",
// quoted keys; then ':' '=' or a space, or MindSpore's " is " ("epoch: 1 step: 125, loss is 2.5471632").
const GENERIC = new RegExp(
  String.raw`(?<![\w./-])['"]?(?<key>(?:[A-Za-z][\w.-]*?[_./-])?loss(?:[_./-][\w./-]*| (?:train|val))?|(?:train(?:ing)?|val(?:i(?:d(?:ation)?)?)?|test|eval|avg|average)\.?[ _]loss)['"]?(?:\s*[:=：]\s*|\s+is\s+|\s+(?=[-+.\d]|nan|inf))['"]?(?<value>${NUM})(?![\w.])`,
  'gi'
)
// A camelCase loss the generic pattern cannot see (no separator before it): MXNet's "RPNLogLoss=0.69".
const CAMEL_LOSS = /[A-Za-z\d]Loss(?:[A-Z\d]|$)/
// A loss named by its function: "nll=2.3", "mse: 0.41", "train_logloss=0.6", "val-bce: 0.7" (a ':' or '=').
// A held-out accuracy ("val_acc 0.52", "Val Acc: 52.34%", "Validation Accuracy = 0.5"): it says whether the
// model beat the majority class on rows it did not train on (held-out.ts). Top-k ("Acc@5") is not one.
const HELD_OUT_ACCURACY = new RegExp(
  String.raw`(?<![\w./-])(?<key>(?:val(?:id(?:ation)?)?|test|eval|dev)[ _]?acc(?:uracy)?)(?:\s*[:=]\s*|\s+)(?<value>${NUM})(?<percent> ?%)?(?![\w.])`,
  'gi'
)
// An accuracy on a line that names a held-out split first (PyTorch's MNIST example: "Test set: Average loss:
// 0.03, Accuracy: 9890/10000 (99%)"; its quickstart: "Test Error: ", then " Accuracy: 10.6%, Avg loss: 2.30").
const SPLIT_ACCURACY = new RegExp(
  String.raw`(?<![\w./-])acc(?:uracy)?(?:\s*[:=]\s*|\s+)(?:(?<correct>\d+)\s*/\s*(?<total>\d+)(?![\d.])|(?<value>${NUM})(?<percent> ?%)?(?![\w.]))`,
  'i'
)
// "time cost: 1.2 s" is no loss.
const TIME_UNIT = /^\s*(?:ms|s|secs?|seconds?|mins?|minutes?|h|hours?)\b/i
const SPLIT_BEFORE =
  /(?<![\w-])(?<word>train(?:ing)?|val(?:id(?:ation)?)?|test|eval(?:uation)?|dev)[\]:]?[ _]?$/i
const NAMED = new RegExp(
  String.raw`(?<![\w./-])['"]?(?<key>[A-Za-z][\w./-]*)['"]?\s*[:=：]\s*['"]?(?<value>${NUM})(?![\w.])`,
  'gi'
)
// A line that names its split first ("Test set: Average loss: 0.03", "[eval] loss=0.4", "Val epoch 3 …",
// "Test (EMA): [ 0/195] … Loss: 6.89", "Validate: …", luz's "Valid metrics: Loss: 0.50", Catalyst's
// "valid (1/3) accuracy: … | loss: 2.19"): its losses are that split's. TensorFlow Estimator's evaluation says
// "Saving dict for global step 1000: …, loss = 1651.5".
const SPLIT_WORD = String.raw`test|testing|val|vali|valid|validate|validation|validating|eval|evaluate|evaluation|evaluating|dev`
const LEADING_SPLIT = new RegExp(
  String.raw`^\W{0,3}(?<split>${SPLIT_WORD})(?: set| epoch| results| metrics| net output #\d+| \([\w/]+\))?(?:\W{1,3}\s|\]|:|\s+\d|(?<=\))\s)|^Saving dict for global step \d+:`,
  'i'
)
// A line that only names a split, its numbers on the next line (PyTorch's quickstart tutorial: "Test Error: ", then
// " Accuracy: 10.6%, Avg loss: 2.298595").
const SPLIT_HEADER = new RegExp(
  String.raw`^\W{0,3}(?<split>${SPLIT_WORD})(?: set| error| results| metrics)?\s*(?::|\.{3}|…)?\s*$`,
  'i'
)
// An epoch's summary after its step lines (torchvision's MetricLogger, Flair, fairseq, PaddleClas's
// "[Train][Epoch 1/20][Avg]CELoss: …"): a series of its own.
const EPOCH_SUMMARY =
  /^(?:Averaged stats:|EPOCH \d+ done:|(?:train )?\| epoch \d+ \| (?!valid on ')|\[Train\]\[Epoch \d+\/\d+\]\[Avg\])/
// fairseq's evaluation: "| epoch 010 | valid on 'valid' subset | valid_loss 1.94" and its progress lines.
const FAIRSEQ_VALID = /^\| epoch \d+ \| valid on '/
// Chinese tutorials name the split anywhere before the loss: 测试 (test, 測試), 验证 (validation, 驗證).
const CJK_SPLIT = /测试|測試|验证|驗證/
// What loggers put before the message: "INFO:root:", absl's "I0912 10:00:00.123 140 train.py:652] ",
// "2025-03-02 05:16:20,962 - INFO - ", "[2025-03-02 05:16:20] INFO ", mmengine's "11/29 10:00:00 - mmengine - INFO - ",
// fairseq's "2023-06-13 17:31:08 | INFO | " (its logger's name stays: "valid | epoch 3 | …"), PaddlePaddle's
// "[2022/04/04 17:51:12] root INFO: ".
const LOG_PREFIX =
  /^(?:(?:DEBUG|INFO|WARNING|ERROR):[\w.]*:|[IWE]\d{4} \d{2}:\d{2}:\d{2}\.\d+ +\d+ [\w.-]+:\d+\] |\[?\d{2,4}[-/]\d{2}[-/]?\d{0,2}[ T]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?\]?(?: \| (?:DEBUG|INFO|WARNING) \|| [\w.]+ (?:DEBUG|INFO|WARNING):)?(?: - [\w.]+)?(?: *(?:- *)?\[?(?:DEBUG|INFO|WARNING)\]?)?(?: [\w.-]+:\d+\])?(?: *- )?) */
/** A logger's source file (DeepSpeed's "[loss_scaler.py:188:update_scale]"): no key, though it holds "loss". */
const SOURCE_FILE = /\.(?:py|cc|cpp|h|js|ts)$/
// A step named inside the line: "Epoch=1 Step=120", TensorFlow's "loss = 0.5, step = 801".
const MID_STEP = /(?<![\w.-])(?:global[ _]?)?step\s*[:=]\s*(?<step>\d+)\b/i
// A line that only leads up to the loss ("Iteration 3, loss = ...") carries the step.
const LEADING_STEP =
  /^(?:(?:global[ _])?(?:(?<unit>step|iter(?:ation)?|it)|epoch)\s*[:=]?\s*(?<step>\d+)\b|\[(?<bracket>\d+)\])/i
// scikit-learn GradientBoosting's verbose table: "Iter  Train Loss  [OOB Improve]  Remaining Time". Without
// subsampling (no OOB Improve column) its Train Loss is the loss over the whole training set.
const GB_LOSS = 'Train Loss'
const GB_OOB = 'OOB Improve'

// A gradient norm that is NaN or infinite on a line (`'grad_norm': nan`, `gnorm inf`): the update diverged.
const GRADIENT_NOT_FINITE =
  /\b(?<key>grad(?:ient)?[ _]?norm|gnorm|total_norm)['"]?\W{0,3}(?:nan|[-+]?inf(?:inity)?)\b/i

/** Hints about the framework's logging settings, noticed in passing, for the inconclusive message. */
export interface OutputHints {
  lightningLogInterval: boolean
  fastDevRun: boolean
  /** scikit-learn's HistGradientBoosting printed its rounds without a loss (it scores only with early stopping). */
  quietBoosting?: boolean
  /** CatBoost printed a metric where higher is better (its eval_metric), not its loss. */
  catboostMetricHigher?: boolean
  /** Lightning's rich progress bar printed its last frame: off a terminal it prints no other. */
  richProgressBar?: boolean
  /** The Hugging Face Trainer's run summary (or a trainer_state.json) was found: it logs every logging_steps. */
  trainerSummary?: boolean
  /** The label smoothing factor the run printed (LABEL_SMOOTHING): a cross-entropy's chance level takes it in. */
  labelSmoothing?: LabelSmoothing
  /** torch warned that a loss's target broadcast against its input across rows (the first such warning). */
  broadcastLoss?: BroadcastLoss
}

/** No hint noticed yet. */
const noHints = (): OutputHints => ({ lightningLogInterval: false, fastDevRun: false })

/** Hints from several readers: each one any of them noticed. */
export function joinHints(...all: Array<OutputHints | undefined>): OutputHints {
  const hints = noHints()
  for (const one of all)
    for (const [name, noticed] of Object.entries(one ?? {}))
      if (noticed && !hints[name as keyof OutputHints]) Object.assign(hints, { [name]: noticed })
  return hints
}

export interface OutputReaderOptions {
  /** `loss-key`: also read `<key>: <number>`, `<key>=<number>` and `<key> <number>` for this exact key. */
  lossKey?: string
}

interface OpenTable {
  table: Table
  /** scikit-learn GradientBoosting's table: whether its Train Loss is over the whole training set. */
  gradientBoosting?: { wholeSet: boolean }
  /** Its rows are drawn as progress bars (YOLO): another bar is no row of it, and ends it. */
  barRows?: boolean
  /** A row was read. */
  read?: boolean
}

// pandas names a DataFrame's index on a line of its own under the header ("epoch" under "train_loss  val_loss").
const INDEX_NAME = /^[A-Za-z_]\w*$/

/** A split word as a series' context: `Validate`, `vali` → validation; `Testing` → test; `evaluating` → eval. */
function splitNamed(word: string | undefined): string | undefined {
  if (word === undefined) return undefined
  const lower = word.toLowerCase()
  if (CJK_SPLIT.test(word)) return /测试|測試/.test(word) ? 'test' : 'validation'
  return lower.startsWith('val')
    ? 'validation'
    : lower.startsWith('test')
      ? 'test'
      : lower.startsWith('eval')
        ? 'eval'
        : lower
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Reads metric series from command output as it streams, one line at a time. It knows the lines that
 * Hugging Face, Lightning's tqdm bar, Keras, XGBoost, LightGBM, scikit-learn (MLP, SGD, GradientBoosting)
 * and skorch print, torch tensor reprs, and falls back to any `<something>loss <number>` pair or a loss
 * named by its function (`nll`, `mse`, `logloss` …); a user pattern replaces all of them.
 */
export class OutputMetricsReader {
  private readonly collector = new SeriesCollector(COMMAND_OUTPUT, 'output')
  readonly hints = noHints()
  private readonly keyPattern?: RegExp
  private table?: OpenTable
  private spacyTable?: SpacyTable
  private splitTable?: SplitTable
  /** Stable-Baselines3's box being read: its section and the cells so far, with their lines. */
  private sb3Box?: { section: string; cells: Array<[key: string, value: string, line: number]> }
  /** The keys Stable-Baselines3's boxes printed: another logger's line of the same pairs repeats a box. */
  private readonly sb3Keys = new Set<string>()
  private sgdEpoch?: number
  /** scikit-learn's MLP's last iteration: its validation score is printed after it. */
  private mlpIteration?: number
  /** L-BFGS-B's last "N =": how many coefficients it fits. */
  private solverCoefficients?: number
  /** The L-BFGS-B run being read: its last iterate printed, and its iterations once its summary says. */
  private lbfgsRun?: { last: number; iterations?: number; summary?: boolean }
  private skipBestLine = false
  private readonly catboost = new CatboostDirection()
  private readonly bars = new ProgressBars()
  /** Series a console table gave points to: a progress bar's postfix of the same key is left out (addTableRow). */
  private readonly fromTables = new Set<string>()
  /** Lines read that were not progress bars (see barFrame). */
  private otherLines = 0
  /** The last generic line's step and losses: the same again is one record printed by another host. */
  private lastRecord = ''
  /** The split a line named alone (SPLIT_HEADER), and that line's number: the next line is that split's. */
  private splitHeader?: { split: string; line: number }
  /** The series given a point by the line being read. */
  private readonly lineAdded: Array<[key: string, context: string | undefined]> = []
  /** The epoch model.fit is in (its "Epoch k/N" line): the number, which one, and its bars' step count. */
  private kerasEpoch?: { epoch: number; block: number; steps?: string }
  private kerasBlocks = 0
  /** Between PaddlePaddle's "Eval begin..." and "Eval samples: N". */
  private paddleEvaluating = false
  /** The split of the bars that follow a phase line (BAR_PHASE). */
  private barPhase?: string
  /** The epoch block each Keras key's last point came from: a bar redrawn in that epoch replaces it. */
  private readonly kerasPointBlock = new Map<string, number>()
  /** Which loss the line being read says its values are (a tensor's grad_fn). */
  private lineHint?: LossHint

  constructor(
    private readonly userPattern?: RegExp,
    options: OutputReaderOptions = {}
  ) {
    if (options.lossKey) {
      this.keyPattern = new RegExp(
        String.raw`(?<![\w./-])['"]?(?<key>${escapeRegExp(options.lossKey)})['"]?(?:\s*[:=]\s*|\s+(?=[-+.\d]|nan|inf))['"]?(?<value>${NUM})(?![\w.])`,
        'gi'
      )
    }
  }

  readLine(rawLine: string, lineNumber: number): void {
    const printed = rawLine.length > MAX_LINE ? rawLine.slice(0, MAX_LINE) : rawLine
    let line = cleanLine(printed)
    if (line === '') return
    // What the run printed of itself, whichever way its loss is read.
    if (line.includes('moothing')) this.noteLabelSmoothing(line, lineNumber)
    if (!this.hints.broadcastLoss && line.includes('Using a target size'))
      this.hints.broadcastLoss = broadcastLossIn(line, lineNumber)
    if (this.userPattern) return this.readUserPattern(line, lineNumber)
    if (line.includes('log_every_n_steps')) this.hints.lightningLogInterval = true
    if (line.includes('fast_dev_run')) this.hints.fastDevRun = true
    if (HGB_ROUND.test(line) && !line.includes(' loss: ')) this.hints.quietBoosting = true
    if (RICH_EPOCH_BAR.test(line)) this.hints.richProgressBar = true
    if (line.includes('(')) {
      this.lineHint = GRAD_FN_LOSS[GRAD_FN.exec(line)?.groups?.name ?? '']
      line = line.replace(SCALAR_WRAPPER, '$<value>')
    }
    if (this.readSb3(line, lineNumber)) return
    if (!this.readTable(line, lineNumber, printed) && !this.readKnownFormats(line, lineNumber))
      this.readGeneric(line, lineNumber)
    this.lineHint = undefined
    this.markDivergedGradient(line)
  }

  /** The first label smoothing factor printed; another factor later makes it ambiguous. */
  private noteLabelSmoothing(line: string, lineNumber: number): void {
    const match = LABEL_SMOOTHING.exec(line)
    const factor = Number(match?.groups?.value)
    if (!match || !(factor >= 0 && factor < 1)) return
    const noted = this.hints.labelSmoothing
    if (!noted) this.hints.labelSmoothing = { factor, line: lineNumber, said: match[0] }
    else if (noted.factor !== factor) noted.ambiguous = true
  }

  /** The losses the line gave points to, when it also printed a gradient norm that is NaN or infinite. */
  private markDivergedGradient(line: string): void {
    const gradient = this.lineAdded.length ? GRADIENT_NOT_FINITE.exec(line)?.groups!.key : undefined
    if (gradient !== undefined)
      for (const [key, context] of this.lineAdded)
        if (isLossKey(key)) this.collector.gradientNotFinite(key, gradient, context)
    this.lineAdded.length = 0
  }

  series(): MetricSeries[] {
    this.closeSb3Box()
    const all = this.collector
      .series()
      .map(series => this.bars.collapse(series))
      .map(series =>
        series.lossHint === 'sklearn-lbfgs' && this.solverCoefficients
          ? { ...series, coefficients: this.solverCoefficients }
          : series
      )
    // A metric where higher is better is no loss: without its split it is judged by its key ("learn").
    return this.hints.catboostMetricHigher ? all.map(({ split: _split, ...series }) => series) : all
  }

  private add(
    key: string,
    valueText: string,
    line: number,
    step?: number,
    context?: string,
    hint = this.lineHint,
    wholeSet = false
  ): void {
    const value = parseMetricNumber(valueText)
    if (value === undefined) return
    this.collector.add(key, step, value, line, context)
    this.lineAdded.push([key, context])
    if (hint) this.collector.hint(key, hint, context)
    this.collector.wholeSet(key, wholeSet, context)
  }

  /** A tqdm frame: its postfix (`loss=0.52`) and its description (`loss: 0.52`), one point per step drawn. */
  private readBar(frame: BarFrame, lineNumber: number): void {
    const split = frame.split ?? this.barPhase
    const pairs = [...frame.postfix.matchAll(KV_EQ), ...frame.description.matchAll(GENERIC)]
    // Frames run together when a log lost its "\r"s: a key seen again on the line is the next frame's.
    const seen = new Map<string, number>()
    for (const m of pairs) {
      const { key, value: text } = m.groups!
      const value = parseMetricNumber(text)
      if (value === undefined) continue
      const again = seen.get(key) ?? 0
      seen.set(key, again + 1)
      const id = seriesId(key, split)
      if (this.fromTables.has(id)) continue
      const drawn = again ? { ...frame, step: `${frame.step}+${again}` } : frame
      const { placed, stale } = this.bars.place(id, value, drawn, lineNumber)
      if (stale) this.collector.dropLines(key, stale, split)
      if (placed === 'replace') this.collector.replaceLast(key, value, lineNumber, split)
      else if (placed === 'add') this.add(key, text, lineNumber, undefined, split)
    }
  }

  /** A history dict's lists (HISTORY_DICT), a loss among them: each value a point, stepped by its place. */
  private readHistoryDict(line: string, lineNumber: number): boolean {
    const lists = [...line.matchAll(HISTORY_LIST)].map(m => m.groups!)
    if (!lists.some(({ key }) => isLossKey(key))) return false
    for (const { key, values } of lists)
      values.split(',').forEach((text, i) => this.add(key, text.trim(), lineNumber, i + 1))
    return true
  }

  /** Keras bars outside model.fit's epochs redraw the same numbers; keep a value only when it changed. */
  private addFrame(key: string, valueText: string, line: number): void {
    const value = parseMetricNumber(valueText)
    if (value === undefined) return
    if (sameValue(this.collector.lastPoint(key)?.value, value)) return
    this.collector.add(key, undefined, value, line)
  }

  private readUserPattern(line: string, lineNumber: number): void {
    const match = this.userPattern!.exec(line)
    const text = match?.groups?.value ?? match?.[1]
    if (text !== undefined) this.add(match?.groups?.key ?? 'loss', text, lineNumber)
  }

  /** A console table: its header starts it; its rows follow; anything else ends it. */
  private readTable(line: string, lineNumber: number, printed: string): boolean {
    if (this.readSpacyTable(line, lineNumber) || this.readSplitTable(line, lineNumber)) return true
    const shown = () => cleanLine(printed, false)
    if (this.table) {
      const row = tableRow(this.table.table, line, shown())
      if (row?.kind === 'rule') {
        this.table.table.cuts ??= row.cuts
        return true
      }
      if (row) {
        this.table.barRows ||= row.bar
        this.table.read = true
        this.addTableRow(row, lineNumber)
        return true
      }
      if (!this.table.read && INDEX_NAME.test(line)) return true
      // A progress bar drawn between its rows (skorch's ProgressBar callback, each epoch) does not end it.
      if (!this.table.barRows && barFrame(line)) return false
      this.table = undefined
    }
    const table = tableHeader(line, shown())
    if (!table) return false
    this.table = { table }
    if (table.columns[0] === 'Iter' && table.columns[1] === GB_LOSS)
      this.table.gradientBoosting = { wholeSet: !table.columns.includes(GB_OOB) }
    return true
  }

  /** Ludwig's table of a feature's metrics, a row a split: each loss a point of `<feature> loss` in that split. */
  private readSplitTable(line: string, lineNumber: number): boolean {
    if (this.splitTable) {
      const row = splitTableRow(this.splitTable, line)
      if (row === 'rule') return true
      if (row) {
        for (const [column, text] of row.cells)
          if (isLossKey(column))
            this.add(
              `${this.splitTable.feature} ${column}`,
              text,
              lineNumber,
              undefined,
              row.context
            )
        return true
      }
      this.splitTable = undefined
    }
    this.splitTable = splitTableHeader(line)
    return this.splitTable !== undefined
  }

  private readSpacyTable(line: string, lineNumber: number): boolean {
    if (this.spacyTable) {
      const row = spacyRow(this.spacyTable, line)
      if (row === 'rule') return true
      if (row) {
        for (const [key, perStep] of row.losses) {
          this.add(key, String(perStep), lineNumber, row.step)
          this.collector.batchesMayGrow(key)
        }
        this.add(SPACY_SCORE, row.score, lineNumber, row.step)
        return true
      }
      this.spacyTable = undefined
    }
    this.spacyTable = spacyHeader(line)
    return this.spacyTable !== undefined
  }

  /**
   * Stable-Baselines3's logger: a rule opens or closes a box (and is left to the other readers); the box's
   * lines are its own. A line of `section/name = value` pairs naming keys a box printed is the same record
   * from a second logger (rlberry's), read once.
   */
  private readSb3(line: string, lineNumber: number): boolean {
    const read = sb3Line(line)
    if (read?.kind === 'rule') {
      if (this.sb3Box?.cells.length) this.closeSb3Box()
      else this.sb3Box = { section: '', cells: [] }
      return false
    }
    if (!this.sb3Box || !read) {
      this.closeSb3Box()
      return (
        this.sb3Keys.size > 0 &&
        line.includes(' = ') &&
        [...line.matchAll(SB3_PAIR)].some(m => this.sb3Keys.has(m[1]))
      )
    }
    if (read.kind === 'section') this.sb3Box.section = read.name
    else this.sb3Box.cells.push([`${this.sb3Box.section}/${read.name}`, read.value, lineNumber])
    // A box is a screenful; a stream of cells with no rule is read now, so it holds no more than that.
    if (this.sb3Box.cells.length >= MAX_BOX_CELLS) {
      const { section } = this.sb3Box
      this.closeSb3Box()
      this.sb3Box = { section, cells: [] }
    }
    return true
  }

  private closeSb3Box(): void {
    const cells = this.sb3Box?.cells ?? []
    this.sb3Box = undefined
    const stepCell = cells.find(([key]) => key === SB3_STEP)
    const step = stepCell && parseMetricNumber(stepCell[1])
    for (const [key, value, line] of cells) {
      if (key.startsWith('time/')) continue
      if (this.sb3Keys.size < MAX_SERIES) this.sb3Keys.add(key)
      this.add(key, value, line, step)
    }
  }

  /**
   * A row's numbers; a row drawn again for the same step (YOLO's bar) replaces that step's. A column that a
   * progress bar's postfix also shows (skorch's ProgressBar: a batch's `train_loss` whenever tqdm draws, beside
   * the epoch table's mean) is the table's alone.
   */
  private addTableRow(row: Extract<TableRow, { kind: 'row' }>, lineNumber: number): void {
    const gb = this.table!.gradientBoosting
    for (const [column, cell] of row.cells) {
      if (!NUMBER_CELL.test(cell)) continue
      const id = seriesId(column, undefined)
      if (!this.fromTables.has(id) && this.fromTables.size < MAX_SERIES) {
        this.fromTables.add(id)
        if (this.bars.drew(id)) this.collector.forget(column)
      }
      const last = this.collector.lastPoint(column)
      if (row.bar && row.step !== undefined && last?.step === row.step)
        this.collector.replaceLast(column, parseMetricNumber(cell) ?? NaN, lineNumber)
      else if (gb && column === GB_LOSS)
        this.add(GB_LOSS, cell, lineNumber, row.step, undefined, 'sklearn-gb', gb.wholeSet)
      else this.add(column, cell, lineNumber, row.step)
    }
  }

  private readKnownFormats(line: string, lineNumber: number): boolean {
    if (HISTORY_DICT.test(line) && this.readHistoryDict(line, lineNumber)) return true
    // Hugging Face prints its dict right after a progress bar's last frame, often on the same line.
    const dict = line.indexOf("{'")
    if (dict >= 0 && HF_DICT.test(dict ? line.slice(dict) : line)) {
      // The final summary's train_loss is one average over the run, not a point of the curve.
      if (line.includes("'train_runtime'")) {
        this.hints.trainerSummary = true
        return true
      }
      for (const m of line.slice(dict).matchAll(HF_PAIR))
        this.add(m.groups!.key, m.groups!.value, lineNumber)
      return true
    }
    const bar = barFrame(line, this.otherLines)
    if (bar) {
      this.readBar(this.bars.restarted(bar), lineNumber)
      return true
    }
    this.otherLines++
    const kerasEpoch = KERAS_EPOCH.exec(line)
    if (kerasEpoch) {
      this.kerasEpoch = { epoch: Number(kerasEpoch.groups!.epoch), block: ++this.kerasBlocks }
      this.paddleEvaluating = false
      return true
    }
    if (this.readPaddle(line, lineNumber)) return true
    const keras = KERAS_LINE.exec(line)
    if (keras && KERAS_PAIR.test(line)) {
      KERAS_PAIR.lastIndex = 0
      this.readKeras(line, keras.groups!.total, lineNumber)
      return true
    }
    const yolo = yoloResultsRow(line)
    if (yolo) {
      for (const [key, value] of yolo.losses) this.add(key, value, lineNumber, yolo.epoch)
      return true
    }
    const catboost = parseCatboostLine(line)
    if (catboost) {
      this.readCatboost(catboost, lineNumber)
      return true
    }
    if (this.readGbdt(line, lineNumber)) return true
    return this.readLoopLines(line, lineNumber)
  }

  /**
   * One line a record, each a format of its own: verl's steps, scikit-learn's SGD and MLP, Trax's loop, a
   * reward, deeplearning.ai's cost.
   */
  private readLoopLines(line: string, lineNumber: number): boolean {
    const verl = VERL_STEP.exec(line)
    if (verl) {
      this.readVerlFields(line.slice(verl[0].length), lineNumber, Number(verl.groups!.step))
      return true
    }
    const reward = REWARD_LINE.exec(line)?.groups
    if (reward) {
      this.add(reward.key, reward.value, lineNumber)
      return true
    }
    const trax = TRAX_METRIC.exec(line)?.groups
    if (trax) {
      const context = trax.split === 'eval' ? 'eval' : undefined
      this.add(trax.key, trax.value, lineNumber, Number(trax.step), context)
      return true
    }
    const epoch = SGD_EPOCH.exec(line)
    if (epoch) {
      this.sgdEpoch = Number(epoch.groups!.epoch)
      return true
    }
    const sgd = SGD_LOSS.exec(line)
    if (sgd) {
      this.add('loss', sgd.groups!.value, lineNumber, this.sgdEpoch, undefined, 'sklearn-sgd')
      this.add(SGD_NORM_KEY, sgd.groups!.norm, lineNumber, this.sgdEpoch)
      this.sgdEpoch = undefined
      return true
    }
    const mlp = MLP_LOSS.exec(line)
    if (mlp) {
      this.mlpIteration = Number(mlp.groups!.iteration)
      this.add('loss', mlp.groups!.value, lineNumber, this.mlpIteration, undefined, 'sklearn-mlp')
      return true
    }
    const score = this.mlpIteration === undefined ? undefined : MLP_SCORE.exec(line)?.groups
    if (score) {
      this.add(SKLEARN_VALIDATION_SCORE, score.value, lineNumber, this.mlpIteration)
      return true
    }
    const cost = COST_AFTER.exec(line)?.groups
    if (cost) {
      this.add('cost', cost.value, lineNumber, Number(cost.step))
      return true
    }
    return this.readSolver(line, lineNumber)
  }

  /** scikit-learn's solvers with verbose: L-BFGS-B's and liblinear's objective at each iteration. */
  private readSolver(line: string, lineNumber: number): boolean {
    const coefficients = LBFGS_COEFFICIENTS.exec(line)
    if (coefficients) {
      this.solverCoefficients = Number(coefficients.groups!.n)
      return true
    }
    if (this.lbfgsRun && this.readLbfgsSummary(line, lineNumber)) return true
    const lbfgs = LBFGS_ITERATE.exec(line)?.groups
    const liblinear = lbfgs ? undefined : LIBLINEAR_ITER.exec(line)?.groups
    const found = lbfgs ?? liblinear
    if (!found) return false
    const value = found.value.replace('D', 'e')
    const hint = lbfgs ? 'sklearn-lbfgs' : 'liblinear'
    this.add(SOLVER_OBJECTIVE, value, lineNumber, Number(found.iteration), undefined, hint)
    if (lbfgs) this.lbfgsRun = { last: Number(value) }
    return true
  }

  /**
   * L-BFGS-B's final objective, a point when its last iterate was not printed (verbose=1 prints every 50th:
   * the first and the final value are then all the log holds).
   */
  private readLbfgsSummary(line: string, lineNumber: number): boolean {
    const run = this.lbfgsRun!
    if (LBFGS_SUMMARY.test(line)) {
      run.summary = true
      return true
    }
    const row = run.summary && LBFGS_SUMMARY_ROW.exec(line)
    if (row) {
      run.iterations = Number(row.groups!.iterations)
      run.summary = false
      return true
    }
    const final = LBFGS_FINAL.exec(line)?.groups?.value
    if (final === undefined) return false
    this.lbfgsRun = undefined
    if (Number(Number(final).toPrecision(6)) !== run.last)
      this.add(SOLVER_OBJECTIVE, final, lineNumber, run.iterations, undefined, 'sklearn-lbfgs')
    return true
  }

  /** verl's `key:value` fields, split on ` - ` (a key may hold parentheses: `critic/lr(1e-4):0.100`). */
  private readVerlFields(fields: string, lineNumber: number, step: number): void {
    for (const field of fields.split(' - ')) {
      const colon = field.lastIndexOf(':')
      const value = field.slice(colon + 1).trim()
      if (colon > 0 && NUMBER_CELL.test(value))
        this.add(field.slice(0, colon), value, lineNumber, step)
    }
  }

  /**
   * XGBoost fields `<set>-<metric>:<value>` and LightGBM fields `<set>'s <metric>: <value>`, split on tabs.
   * A cv run's `+<std>` is dropped.
   */
  private readGbdt(line: string, lineNumber: number): boolean {
    if (GBDT_BEST.test(line)) {
      this.skipBestLine = true
      return false
    }
    const head = GBDT_LINE.exec(line)
    if (!head) return false
    const tabbed = line.includes('\t')
    const fields = line.slice(head[0].length).split(tabbed ? '\t' : /\s+/)
    const pairs: Array<[set: string, metric: string, value: string]> = []
    for (const field of fields) {
      const colon = field.lastIndexOf(':')
      if (colon < 0) continue
      const name = field.slice(0, colon)
      const value = field
        .slice(colon + 1)
        .trim()
        .replace(/ ?\+ ?\S+$/, '')
      if (!NUMBER_CELL.test(value)) continue
      const possessive = name.indexOf("'s ")
      const dash = name.indexOf('-')
      if (possessive > 0) pairs.push([name.slice(0, possessive), name.slice(possessive + 3), value])
      else if (dash > 0 && (tabbed || XGBOOST_METRIC.test(name.slice(dash + 1))))
        pairs.push([name.slice(0, dash), name.slice(dash + 1), value])
    }
    if (!pairs.length) return false
    if (this.skipBestLine) {
      this.skipBestLine = false
      return true
    }
    const iteration = Number(head.groups!.iteration)
    const lightgbm = line.includes("'s ")
    for (const [set, metric, value] of pairs)
      this.add(
        lightgbm ? `${set}'s ${metric}` : `${set}-${metric}`,
        value,
        lineNumber,
        iteration,
        set,
        undefined,
        true
      )
    return true
  }

  /**
   * A Keras bar: inside model.fit's epoch, its last frame is the epoch's loss (a frame redrawn in the same epoch
   * replaces the one before, so an epoch whose loss repeats the last one's still counts); a bar of another step
   * count there is evaluate()'s, a test loss. Outside an epoch, repeated frames are dropped.
   */
  private readKeras(line: string, steps: string, lineNumber: number): void {
    const epoch = this.kerasEpoch
    if (epoch && steps !== 'Unknown') epoch.steps ??= steps
    const evaluation = epoch !== undefined && steps !== 'Unknown' && steps !== epoch.steps
    for (const m of line.matchAll(KERAS_PAIR)) {
      const { key, value } = m.groups!
      if (!epoch) this.addFrame(key, value, lineNumber)
      else if (evaluation) this.add(key, value, lineNumber, undefined, 'evaluation')
      else if (this.kerasPointBlock.get(key) === epoch.block)
        this.collector.replaceLast(key, parseMetricNumber(value) ?? NaN, lineNumber)
      else {
        this.add(key, value, lineNumber, epoch.epoch)
        // Only for a key the collector kept (it stops taking new keys past MAX_SERIES): bounded so.
        if (this.collector.lastPoint(key)) this.kerasPointBlock.set(key, epoch.block)
      }
    }
  }

  /** PaddlePaddle's step lines: a point each, stepped on from the epochs before; evaluate()'s are its own. */
  private readPaddle(line: string, lineNumber: number): boolean {
    const begins = PADDLE_EVAL_BEGIN.test(line)
    if (begins || PADDLE_EVAL_END.test(line)) {
      this.paddleEvaluating = begins
      return true
    }
    const paddle = PADDLE_STEP.exec(line)
    if (!paddle || !line.includes(' - ')) return false
    const { step, total } = paddle.groups!
    const epochsBefore = this.kerasEpoch ? this.kerasEpoch.epoch - 1 : 0
    const context = this.paddleEvaluating ? 'evaluation' : undefined
    const at = context ? undefined : epochsBefore * Number(total) + Number(step)
    for (const m of line.matchAll(KERAS_PAIR))
      this.add(m.groups!.key, m.groups!.value, lineNumber, at, context)
    return true
  }

  /** CatBoost's `learn:` and `test:` values: the metric over each whole set, whatever metric it is. */
  private readCatboost(line: CatboostLine, lineNumber: number): void {
    this.catboost.see(line)
    this.hints.catboostMetricHigher = this.catboost.higherIsBetter()
    for (const [set, value] of line.values) {
      this.add(set, value, lineNumber, line.iteration, undefined, undefined, true)
      this.collector.split(set, set === 'learn' ? 'train' : 'validation')
    }
  }

  /**
   * A key that names several losses on one line ("Model Loss 499.3, Actor Loss 1100.1, Critic Loss 12201.2")
   * takes the word before it, so they stay apart; inside a loss's brackets, that loss's name (icefall's
   * "loss[loss=0.4561, …], tot_loss[loss=0.7076, …]": the batch's loss, then the running average).
   */
  private qualified(m: RegExpMatchArray, counts: Map<string, number>, line: string): string {
    const key = m.groups!.key
    if (counts.get(key)! < 2) return key
    // The word just before it (a bounded look back: a line may hold thousands of such keys), or a split's
    // label ("TRAIN: loss 0.5 | VALID: loss 0.6", "[train] loss: 0.5 [val] loss: 0.6").
    const lookBack = line.slice(Math.max(0, m.index! - 40), m.index)
    const before = /([A-Za-z]\w*)(\[?)\s*$/.exec(lookBack)
    if (!before) return withSplitWord(key, lookBack)
    return before[2] && isLossKey(before[1]) ? before[1] : `${before[1]} ${key}`
  }

  /** A held-out split's accuracy on its line, as `<split> accuracy` (a count of rows right is its share). */
  private readSplitAccuracy(body: string, split: string, lineNumber: number, step?: number): void {
    const m = SPLIT_ACCURACY.exec(body)
    if (!m) return
    const { correct, total, value } = m.groups!
    const text =
      value !== undefined
        ? accuracyShare(m.groups!)
        : Number(total) > 0
          ? String(Number(correct) / Number(total))
          : ''
    this.add(`${split} accuracy`, text, lineNumber, step, split)
  }

  /** The split a line names, or that it is an epoch's summary; undefined for a training step's line. */
  private contextOf(body: string): string | undefined {
    const leadingSplit = LEADING_SPLIT.exec(body)
    if (leadingSplit) return splitNamed(leadingSplit.groups!.split ?? 'eval')
    if (FAIRSEQ_VALID.test(body)) return 'validation'
    if (EPOCH_SUMMARY.test(body)) return 'epoch summary'
    return splitNamed(CJK_SPLIT.exec(body)?.[0])
  }

  private readGeneric(line: string, lineNumber: number): void {
    const body = line.replace(LOG_PREFIX, '')
    const phase = BAR_PHASE.exec(body)?.groups!.phase
    if (phase) {
      this.barPhase = phase === 'Validating' ? 'validation' : undefined
      return
    }
    const header = SPLIT_HEADER.exec(body)?.groups!.split
    if (header) {
      this.splitHeader = { split: splitNamed(header)!, line: lineNumber }
      return
    }
    const leading = LEADING_STEP.exec(body)
    const step = leading ? Number(leading.groups!.step ?? leading.groups!.bracket) : undefined
    const losses = [...line.matchAll(GENERIC)].filter(m => !SOURCE_FILE.test(m.groups!.key))
    // A step's line printed twice (TensorFlow's absl and Python loggers both print it, every host of a Flax or
    // TPU run prints it) is one point; an epoch's lines may repeat (two batches of one epoch with the same loss).
    // A step named later in the line (torch_xla's "Device=xla:0/3 Epoch=1 Step=120 Loss=…") only marks repeats:
    // it may count within the epoch, and as the point's step it would split the run at every epoch.
    const byStep = leading?.groups!.unit !== undefined || leading?.groups!.bracket !== undefined
    const stepNamed = byStep ? step : MID_STEP.exec(body)?.groups!.step
    const record =
      stepNamed !== undefined
        ? `${stepNamed} ${losses.length ? losses.map(m => m[0]).join(' ') : body}`
        : ''
    const repeated = record !== '' && record === this.lastRecord
    this.lastRecord = record
    if (repeated) return
    const split =
      this.contextOf(body) ??
      (this.splitHeader?.line === lineNumber - 1 ? this.splitHeader.split : undefined)
    const add = (m: RegExpMatchArray, key = m.groups!.key) =>
      this.add(key, m.groups!.value, lineNumber, step, split)
    const counts = new Map<string, number>()
    for (const m of losses) counts.set(m.groups!.key, (counts.get(m.groups!.key) ?? 0) + 1)
    for (const m of losses) add(m, this.qualified(m, counts, line))
    const read = new Set(losses.map(m => m.groups!.key))
    for (const m of this.keyPattern ? line.matchAll(this.keyPattern) : [])
      if (!read.has(m.groups!.key)) {
        read.add(m.groups!.key)
        add(m)
      }
    const accuracies = [...body.matchAll(HELD_OUT_ACCURACY)]
    for (const m of accuracies)
      this.add(m.groups!.key, accuracyShare(m.groups!), lineNumber, step, split)
    if (!accuracies.length && split && VALIDATION_TOKENS.has(split))
      this.readSplitAccuracy(body, split, lineNumber, step)
    if (losses.length > 0 || (!line.includes(':') && !line.includes('='))) return
    for (const m of line.matchAll(NAMED)) {
      const key = m.groups!.key
      const after = line.slice(m.index! + m[0].length, m.index! + m[0].length + 10)
      if (read.has(key) || !isLossKey(key, !CAMEL_LOSS.test(key)) || TIME_UNIT.test(after)) continue
      add(m, withSplitWord(key, line.slice(Math.max(0, m.index! - 16), m.index)))
    }
  }
}

/**
 * An accuracy's text as a share: one printed with a percent sign ("Val Acc: 0.50%") is a hundredth of its number.
 * held-out.ts reads a series with a value past 1 as percentages too, but a model at under 1 % (a stuck
 * classifier of a hundred classes) prints no such value.
 */
function accuracyShare({ value, percent }: Record<string, string | undefined>): string {
  return percent ? String(Number(value) / 100) : value!
}

/** A split word right before a loss ("Train MSE: …  Val MSE: …", "valid: loss=…") is part of its key. */
function withSplitWord(key: string, before: string): string {
  const word = SPLIT_BEFORE.exec(before)?.groups!.word
  return word ? `${word} ${key}` : key
}

export function compileLossPattern(pattern: string): RegExp {
  return new RegExp(pattern, 'i')
}
