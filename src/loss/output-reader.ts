import { COMMAND_OUTPUT, parseMetricNumber, SeriesCollector, type MetricSeries } from './series.js'
import { cleanLine } from './text.js'

const NUM = String.raw`[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|nan|inf(?:inity)?)`

// Hugging Face Trainer prints the repr of a dict: {'loss': 0.6931, 'grad_norm': 1.2, 'epoch': 0.5}.
// Values may be quoted strings, or wrapped as np.float64(...) / tensor(...).
const HF_DICT = /^\{'[\w/.-]+': .*\}$/
const HF_PAIR = new RegExp(
  String.raw`'(?<key>[^']+)':\s*(?:np\.float\d+\(|tensor\()?'?(?<value>${NUM})'?`,
  'gi'
)
// tqdm bars (Lightning): "Epoch 0: 100%|███| 4/4 [00:00<00:00, 22.10it/s, v_num=0, train_loss_step=0.651]"
const TQDM_POSTFIX =
  /\|\s*\d+\/(?:\d+|\?)\s*\[[^\]]*?,\s*[^,\]]*?(?:it\/s|s\/it|\?)(?:,\s*(?<postfix>[^\]]*))?\]/
const KV_EQ = new RegExp(String.raw`(?<key>[A-Za-z_][\w./-]*)=(?<value>${NUM})(?=,|$)`, 'gi')
// Keras Progbar: "32/32 ━━━━ 0s 9ms/step - accuracy: 0.5000 - loss: 0.6931 - val_loss: 0.6900"
const KERAS_LINE = /^\d+\/(?:\d+|Unknown)\b/
const KERAS_PAIR = new RegExp(String.raw`\s-\s(?<key>[\w./]+):\s(?<value>${NUM})`, 'gi')
// XGBoost: "[0]\ttrain-logloss:0.66014\teval-logloss:0.67"; LightGBM: "[10]\ttraining's binary_logloss: 0.5"
const XGB_LINE = new RegExp(
  String.raw`^\[(?<iteration>\d+)\]\t(?<rest>[^\t]+-[^\t:]+:${NUM}.*)$`,
  'i'
)
const XGB_PAIR = new RegExp(
  String.raw`(?:^|\t)(?<set>[^\t:]+?)-(?<metric>[^\t:]+):(?<value>${NUM})`,
  'gi'
)
const LGB_LINE = new RegExp(
  String.raw`^\[(?<iteration>\d+)\]\t(?<rest>.*'s [^\t:]+: ${NUM}.*)$`,
  'i'
)
const LGB_PAIR = new RegExp(
  String.raw`(?:^|\t)(?<set>[^\t']+)'s (?<metric>[^\t:]+): (?<value>${NUM})`,
  'gi'
)
// scikit-learn: SGD "Norm: 6.12, NNZs: 4, Bias: -0.33, T: 150, Avg. loss: 0.378521"; MLP "Iteration 3, loss = 0.42"
const SGD_LOSS = new RegExp(String.raw`^Norm: .*, Avg\. loss: (?<value>${NUM})$`, 'i')
const MLP_LOSS = new RegExp(String.raw`^Iteration (?<iteration>\d+), loss = (?<value>${NUM})$`, 'i')
// Anything else: "loss", "train_loss", "train/loss", "Loss/train", "val loss", quoted keys; ':' '=' or a space.
const GENERIC = new RegExp(
  String.raw`(?<![\w./-])['"]?(?<key>(?:[A-Za-z][\w.-]*?[_./-])?loss(?:[_./-][\w./-]*)?|(?:train(?:ing)?|val(?:id(?:ation)?)?|test|eval|avg\.?|average)[ _]loss)['"]?\s*(?:[:=]\s*|\s+(?=[-+.\d]|nan|inf))['"]?(?<value>${NUM})(?![\w.])`,
  'gi'
)
// A line that only leads up to the loss ("Iteration 3, loss = ...") carries the step.
const LEADING_STEP = /^(?:step|iter(?:ation)?|it|epoch)\s*[:=]?\s*(?<step>\d+)\b/i

/** Hints about the framework's logging settings, noticed in passing, for the inconclusive message. */
export interface OutputHints {
  lightningLogInterval: boolean
  fastDevRun: boolean
}

/**
 * Reads metric series from command output as it streams, one line at a time. It knows the lines that
 * Hugging Face, Lightning's tqdm bar, Keras, XGBoost, LightGBM and scikit-learn print, and falls back to
 * any `<something>loss <number>` pair; a user pattern replaces all of them.
 */
export class OutputMetricsReader {
  private readonly collector = new SeriesCollector(COMMAND_OUTPUT, 'output')
  readonly hints: OutputHints = { lightningLogInterval: false, fastDevRun: false }

  constructor(private readonly userPattern?: RegExp) {}

  readLine(rawLine: string, lineNumber: number): void {
    const line = cleanLine(rawLine)
    if (line === '') return
    if (this.userPattern) return this.readUserPattern(line, lineNumber)
    if (line.includes('log_every_n_steps')) this.hints.lightningLogInterval = true
    if (line.includes('fast_dev_run')) this.hints.fastDevRun = true
    if (!this.readKnownFormats(line, lineNumber)) this.readGeneric(line, lineNumber)
  }

  series(): MetricSeries[] {
    return this.collector.series()
  }

  private add(key: string, valueText: string, line: number, step?: number, context?: string): void {
    const value = parseMetricNumber(valueText)
    if (value !== undefined) this.collector.add(key, step, value, line, context)
  }

  /** Progress bars redraw the same numbers many times; keep a value only when it changed. */
  private addFrame(key: string, valueText: string, line: number): void {
    const value = parseMetricNumber(valueText)
    if (value === undefined) return
    const last = this.collector.last(key)
    if (last === value || (Number.isNaN(last) && Number.isNaN(value))) return
    this.collector.add(key, undefined, value, line)
  }

  private readUserPattern(line: string, lineNumber: number): void {
    const match = this.userPattern!.exec(line)
    const text = match?.groups?.value ?? match?.[1]
    if (text !== undefined) this.add(match?.groups?.key ?? 'loss', text, lineNumber)
  }

  private readKnownFormats(line: string, lineNumber: number): boolean {
    if (HF_DICT.test(line)) {
      // The final summary's train_loss is one average over the run, not a point of the curve.
      if (line.includes("'train_runtime'")) return true
      for (const m of line.matchAll(HF_PAIR)) this.add(m.groups!.key, m.groups!.value, lineNumber)
      return true
    }
    const bar = TQDM_POSTFIX.exec(line)
    if (bar) {
      for (const m of (bar.groups?.postfix ?? '').matchAll(KV_EQ))
        this.addFrame(m.groups!.key, m.groups!.value, lineNumber)
      return true
    }
    if (KERAS_LINE.test(line) && KERAS_PAIR.test(line)) {
      KERAS_PAIR.lastIndex = 0
      for (const m of line.matchAll(KERAS_PAIR))
        this.addFrame(m.groups!.key, m.groups!.value, lineNumber)
      return true
    }
    const gbdt = LGB_LINE.exec(line) ?? XGB_LINE.exec(line)
    if (gbdt) {
      const lightgbm = gbdt[0].includes("'s ")
      const iteration = Number(gbdt.groups!.iteration)
      for (const m of gbdt.groups!.rest.matchAll(lightgbm ? LGB_PAIR : XGB_PAIR)) {
        const key = lightgbm
          ? `${m.groups!.set}'s ${m.groups!.metric}`
          : `${m.groups!.set}-${m.groups!.metric}`
        this.add(key, m.groups!.value, lineNumber, iteration, m.groups!.set)
      }
      return true
    }
    const sgd = SGD_LOSS.exec(line)
    if (sgd) {
      this.add('loss', sgd.groups!.value, lineNumber)
      return true
    }
    const mlp = MLP_LOSS.exec(line)
    if (mlp) {
      this.add('loss', mlp.groups!.value, lineNumber, Number(mlp.groups!.iteration))
      return true
    }
    return false
  }

  private readGeneric(line: string, lineNumber: number): void {
    const leading = LEADING_STEP.exec(line)
    const step = leading ? Number(leading.groups!.step) : undefined
    for (const m of line.matchAll(GENERIC))
      this.add(m.groups!.key, m.groups!.value, lineNumber, step)
  }
}

export function compileLossPattern(pattern: string): RegExp {
  return new RegExp(pattern, 'i')
}
