import { readFile } from 'node:fs/promises'
import { describe, expect, it } from '@jest/globals'
import { chooseLossSeries } from '../src/loss/choose.js'
import { readMetricsCsv } from '../src/loss/file-readers.js'
import { judgeLoss } from '../src/loss/verdict.js'
import type { MetricSeries } from '../src/loss/series.js'
import { chiSquare99, zeroWeightsStart } from '../src/loss/solver-objective.js'
import { judgeFolder, judgeText, readOutput } from './harness/loss-text.js'

/** A console log in fixtures/framework-logs/, captured by the script beside it. */
const frameworkLog = (name: string): Promise<string> =>
  readFile(new URL(`../fixtures/framework-logs/${name}`, import.meta.url), 'utf8')
// Console logs of real GPU runs on an NVIDIA H200 (torch 2.11, Lightning 2.6.6, transformers 5.17, accelerate
// 1.15, JAX 0.11 with optax 0.2.8), written by fixtures/loss-corpus/gpu/capture.py; the class counts are those
// of the rows each model trained on (its labels.csv). And spaCy's tables from public issues (public/SOURCES.md).
const gpuLog = (name: string): Promise<string> => frameworkLog(`gpu/${name}`)
const publicLog = (name: string): Promise<string> => frameworkLog(`public/${name}`)
const noLabel = {}

/** A folder of a GPU run as `loss-file` (or the CLI's PATH) names it. */
const judgeGpuFolder = (name: string) =>
  judgeFolder(new URL(`../fixtures/framework-logs/gpu/${name}`, import.meta.url).pathname)

const twoClasses = { classCounts: { '0': 1017, '1': 1031 } }
const threeClasses = { classCounts: { '0': 864, '1': 549, '2': 635 } }

describe('Lightning 2.6 on a GPU', () => {
  it("its rich progress bar, printed once off a terminal, holds no series: the reason says to read the logger's folder", async () => {
    const text = await gpuLog('lightning-rich-bar-learns.txt')
    const judged = judgeText(text, twoClasses)
    expect(judged.verdict).toBe('inconclusive')
    expect(judged.reason).toMatch(
      /^no training loss found in console\.log\. Lightning's rich progress bar/
    )
    expect(judged.reason).toContain('lightning_logs/')
    expect(judged.reason).toContain('callbacks=[TQDMProgressBar()]')
    // The same last frame on one wide line gives one value of each metric, and the same advice.
    const wide = text.replace(/ *\n {20,}/g, ' ')
    const once = judgeText(wide, twoClasses)
    expect(once.verdict).toBe('inconclusive')
    expect(once.reason).toMatch(
      /^only one value of "train_loss_step" .*Lightning's rich progress bar/
    )
  })

  it('its tqdm bar gives one point a step; a model that learned passes against its chance level', async () => {
    const judged = judgeText(await gpuLog('lightning-tqdm-learns.txt'), twoClasses)
    expect(judged.series?.key).toBe('train_loss_step')
    // 6 epochs of 32 steps. Each step is drawn twice (update() with the last value, then set_postfix with its
    // own), and each epoch's bar opens at 0/32 with the last epoch's values.
    const values = judged.series?.points.map(point => point.value)
    expect(values).toHaveLength(6 * 32)
    // Steps 17-19: 0.485 set twice in a row is two steps.
    expect(values?.slice(0, 3)).toEqual([0.689, 0.672, 0.65])
    expect(values?.slice(16, 19)).toEqual([0.485, 0.485, 0.479])
    // Step 32, then epoch 1's first step (its bar's 0/32 and 1/32 first show 0.300 again).
    expect(values?.slice(31, 33)).toEqual([0.3, 0.342])
    expect(judged.verdict).toBe('pass')
    expect(judged.baseline).toMatchObject({ applied: true })
    expect(judged.otherSeries.map(series => series.key)).toEqual(
      expect.arrayContaining(['val_loss', 'train_loss_epoch'])
    )
  })

  it('manual optimisation that never calls opt.step() fails: it never fell below where it started, which is no divergence', async () => {
    const judged = judgeText(await gpuLog('lightning-tqdm-manual-no-step.txt'), twoClasses)
    expect(judged.series?.points).toHaveLength(6 * 32)
    expect(judged.verdict).toBe('fail')
    expect(judged.reason).toMatch(
      /^loss ended above its first value: 0\.689 at the first point, 0\.7013 at the end \(it never fell below where it started\)/
    )
  })
})

describe("each framework's defaults in a smoke run (Lightning's log_every_n_steps=50, the Trainer's logging_steps=500)", () => {
  it('Lightning: 3 points of train_loss_step in 192 steps are too few; its 6 of train_loss_epoch are judged', async () => {
    const judged = await judgeGpuFolder('lightning-default-logger')
    expect(judged.choice.chosen?.series.key).toBe('train_loss_epoch')
    expect(judged.choice.chosen?.series.points).toHaveLength(6)
    const steps = judged.choice.others.find(other => other.series.key === 'train_loss_step')
    expect(steps?.series.points).toHaveLength(3)
    expect(judged.verdict).toBe('pass')
    // Its console: the rich bar's last frame, and both tips.
    const printed = judgeText(await gpuLog('lightning-default-console.txt'), twoClasses)
    expect(printed.verdict).toBe('inconclusive')
    expect(printed.reason).toContain('Trainer(log_every_n_steps=1)')
    expect(printed.reason).toContain("Lightning's rich progress bar")
  })

  it('the Trainer: 120 steps log no loss, only its run summary; the reason names logging_steps', async () => {
    const folder = await judgeGpuFolder('hf-trainer-default-logging')
    expect(folder.verdict).toBe('inconclusive')
    expect(folder.reason).toMatch(
      /^no training loss found in .*Hugging Face logs the loss every logging_steps/
    )
    const printed = judgeText(await gpuLog('hf-trainer-default-logging.txt'), twoClasses)
    expect(printed.verdict).toBe('inconclusive')
    expect(printed.reason).toContain('set logging_steps=1')
  })
})

describe("Hugging Face Trainer 5.17's console", () => {
  it("reads its log dicts, whose numbers are quoted strings ('loss': '0.6925'), and keeps eval_loss apart", async () => {
    const judged = judgeText(await gpuLog('hf-trainer-learns.txt'), {
      classCounts: { '0': 1066, '1': 982 }
    })
    expect(judged.series?.key).toBe('loss')
    expect(judged.series?.points.map(point => point.value).slice(0, 3)).toEqual([
      0.6925, 0.6858, 0.663
    ])
    expect(judged.series?.points).toHaveLength(24)
    expect(judged.otherSeries.find(series => series.key === 'eval_loss')?.points).toHaveLength(3)
    expect(judged.verdict).toBe('pass')
  })

  it('a warmup longer than the smoke run (warmup_steps=1000, max_steps=120) fails: its loss barely moved', async () => {
    const judged = judgeText(await gpuLog('hf-trainer-warmup-longer-than-run.txt'), {
      classCounts: { '0': 1052, '1': 996 }
    })
    expect(judged.verdict).toBe('fail')
    expect(judged.reason).toMatch(/^loss fell only 1\.6 %, less than min-loss-drop 3\.0 %/)
  })
})

describe('plain loops on a GPU', () => {
  it("a CUDA tensor printed whole (tensor(0.7060, device='cuda:0', grad_fn=<NllLossBackward0>)) is read, and its grad_fn names the loss", async () => {
    const text = await gpuLog('torch-cuda-tensor-no-step.txt')
    expect(text).toContain(
      "epoch 0 loss: tensor(0.7060, device='cuda:0', grad_fn=<NllLossBackward0>)"
    )
    const judged = judgeText(text, twoClasses)
    expect(judged.series?.points.map(point => point.value).slice(0, 2)).toEqual([0.706, 0.6696])
    expect(judged.series?.points).toHaveLength(32)
    expect(judged.verdict).toBe('fail')
    expect(judged.reason).toMatch(
      /^final loss 0\.7041 is not below the chance level 0\.6931, .*its tensor's grad_fn is a cross-entropy loss/
    )
  })

  it('accelerate with zero_grad() between backward() and step() fails; its tqdm postfix is the series', async () => {
    const judged = judgeText(await gpuLog('accelerate-zero-grad-between.txt'), threeClasses)
    expect(judged.series?.key).toBe('loss')
    // A value a step, drawn once each: a step that shows the last value again (1.14 at steps 9 and 10, 1.11 at
    // 15–17) is a repeat of it, not update() drawing an old value, though a later redraw shows a new one.
    const values = judged.series?.points.map(point => point.value)
    expect(values).toHaveLength(143)
    expect(values?.slice(8, 17)).toEqual([1.14, 1.14, 1.13, 1.11, 1.1, 1.12, 1.11, 1.11, 1.11])
    expect(judged.verdict).toBe('fail')
  })

  it("JAX with optax: logging's INFO:root lines are read; a loop that drops optax's updated parameters fails", async () => {
    const learned = judgeText(await gpuLog('jax-logging-learns.txt'), threeClasses)
    expect(learned.series?.points).toHaveLength(30)
    expect(learned.series?.points[0].value).toBe(1.2289063)
    expect(learned.verdict).toBe('pass')
    const dropped = judgeText(await gpuLog('jax-updates-dropped.txt'), twoClasses)
    expect(dropped.verdict).toBe('fail')
    expect(dropped.reason).toMatch(/^loss did not fall beyond its own noise/)
  })
})

describe('plain loops with a tqdm bar over the loader (tqdm-loops.py, tqdm 4.64)', () => {
  const labels = { classCounts: { '0': 133, '1': 123 } }

  it("every set_postfix is a point, though tqdm draws them all at 0/8, and each epoch's bar draws the same text", async () => {
    const text = await frameworkLog('tqdm-loop-learns.txt')
    expect(text).toContain(
      '\r  0%|          | 0/8 [00:00<?, ?it/s, loss=0.667]\r  0%|          | 0/8 [00:00<?, ?it/s, loss=0.798]'
    )
    const judged = judgeText(text, labels)
    const values = judged.series?.points.map(point => point.value)
    // 10 epochs of 8 batches; twice a batch's value repeats the one before (0.715 0.715, 0.514 0.514), which
    // reads as a redraw of one value. The bar's 100% frame as it closes repeats its last value, and is no point.
    expect(values).toHaveLength(78)
    expect(values?.slice(0, 3)).toEqual([0.667, 0.798, 0.669])
    expect(values?.at(-1)).toBe(0.321)
    expect(judged.verdict).toBe('pass')
  })

  it('the same loop with optimizer.step() forgotten fails', async () => {
    const judged = judgeText(await frameworkLog('tqdm-loop-no-step.txt'), labels)
    expect(judged.series?.points).toHaveLength(80)
    expect(judged.verdict).toBe('fail')
    expect(judged.reason).toMatch(/^loss ended above its first value/)
  })

  it("an epoch's mean set once as its bar closes at 8/8 is a point an epoch, though every bar closes at 8/8", async () => {
    const text = await frameworkLog('tqdm-loop-epoch-mean.txt')
    expect(text).toContain('100%|██████████| 8/8 [')
    const judged = judgeText(text, labels)
    expect(judged.series?.points.map(point => point.value)).toEqual([
      0.698, 0.656, 0.619, 0.577, 0.533, 0.485, 0.44, 0.399, 0.363, 0.334
    ])
    expect(judged.verdict).toBe('pass')
  })

  it('tqdm(loader, unit="batch") with set_description and set_postfix each batch: one point a batch, exactly', async () => {
    const text = await frameworkLog('tqdm-loop-unit-batch.txt')
    // The rate is in the bar's unit; each batch is drawn three times (update() with the last batch's values,
    // set_description, set_postfix); twice a batch's loss repeats the one before (0.715, 0.514).
    expect(text).toMatch(/\| 1\/8 \[00:00<00:00, [\d.]+batch\/s, accuracy=50, loss=0\.667\]/)
    const judged = judgeText(text, labels)
    expect(judged.series?.points.map(point => point.value)).toEqual([
      0.667, 0.798, 0.669, 0.713, 0.715, 0.715, 0.684, 0.626, 0.678, 0.677, 0.696, 0.621, 0.651,
      0.668, 0.622, 0.637, 0.639, 0.585, 0.641, 0.609, 0.642, 0.62, 0.588, 0.631, 0.609, 0.607,
      0.56, 0.573, 0.579, 0.649, 0.53, 0.514, 0.578, 0.529, 0.562, 0.514, 0.514, 0.491, 0.546, 0.532
    ])
    expect(judged.verdict).toBe('pass')
  })

  it("an outer trange's set_postfix each epoch, drawn at 0/10 between an inner bar's frames, is a point an epoch", () => {
    const inner =
      '\r\n  0%|          | 0/8 [00:00<?, ?it/s]\x1b[A\r\n                                     \x1b[A'
    const losses = [0.674, 0.611, 0.552, 0.494, 0.436]
    const text =
      '\r  0%|          | 0/10 [00:00<?, ?it/s]' +
      losses.map(loss => `${inner}\r  0%|          | 0/10 [00:00<?, ?it/s, loss=${loss}]`).join('')
    expect(
      readOutput(text)
        .series()
        .find(series => series.key === 'loss')
        ?.points.map(p => p.value)
    ).toEqual(losses)
  })
})

describe("rich's progress bar (rich-progress.py, rich 13.3)", () => {
  it('its last frame, a value with no step after lines that name theirs, is the next step: no second run', async () => {
    const text = await readFile(
      new URL('../fixtures/framework-logs/rich-progress-learns.txt', import.meta.url),
      'utf8'
    )
    expect(text).toMatch(/^step 48: loss=0\.4525\nloss 0\.431 ━+ 100% 0:00:00/m)
    const judged = judgeText(text, { classCounts: { '0': 133, '1': 123 } })
    // Before, the frame's value took step 7 (its index), below the first step 8: a run of its own that
    // "fell only 0.0 %", and the run failed.
    expect(judged.series?.points.map(point => point.step)).toEqual([8, 16, 24, 32, 40, 48, 49])
    expect(judged.runs).toBeUndefined()
    expect(judged.verdict).toBe('pass')
  })
})

describe("scikit-learn's MLP with early_stopping=True: its validation score (sklearn-mlp-early-stopping.py)", () => {
  const mlpLog = (name: string): Promise<string> =>
    frameworkLog(`sklearn-mlp-early-stopping-${name}.txt`)
  const regressor = (mean: number, variance: number, meanAbsoluteDeviation: number) => ({
    numeric: { count: 256, mean, variance, meanAbsoluteDeviation }
  })

  it('a classifier on labels with no signal fails: its accuracy on the rows it held out never beat the majority class (it passed before)', async () => {
    const text = await mlpLog('classifier-no-signal')
    expect(text).toContain('Iteration 1, loss = 0.70658589\nValidation score: 0.423077\n')
    const judged = judgeText(text, { classCounts: { '0': 123, '1': 133 } })
    expect(judged.verdict).toBe('fail')
    expect(judged.reason).toMatch(
      /^scikit-learn's validation score .* never beat chance: in 12 evaluations its best was 0\.4231, at step 1 \(command output line 2\), and its last 0\.3462, against 0\.5195, the majority class's share/
    )
    // The training loss alone, at 96.8 % of the chance level, is what learning rows by heart reaches too.
    expect(judged.reason).toMatch(
      /The training loss was inconclusive: loss fell 4\.0 % .*, but it ends at 96\.8 % of its chance level 0\.6924: /
    )
    const label = { classCounts: { '0': 123, '1': 133 } }
    expect(judgeText(text, label, { noHeldOut: true }).verdict).toBe('inconclusive')
    expect(judgeText(text, label, { noHeldOut: true, nearChancePasses: true }).verdict).toBe('pass')
  })

  it('a regressor on a target with no signal fails: its R² on the rows it held out never beat 0', async () => {
    const judged = judgeText(
      await mlpLog('regressor-no-signal'),
      regressor(-0.010657, 1.025406, 0.83132)
    )
    expect(judged.verdict).toBe('fail')
    expect(judged.reason).toMatch(
      /its best was -0\.001245, at step 27 .* against 0, the R² of predicting the mean/
    )
  })

  it('the same models on predictable labels pass; without the label the score is not weighed', async () => {
    const classifier = await mlpLog('classifier-learns')
    expect(judgeText(classifier, { classCounts: { '0': 134, '1': 122 } }).verdict).toBe('pass')
    const learned = judgeText(
      await mlpLog('regressor-learns'),
      regressor(-0.086852, 3.076023, 1.407101)
    )
    expect(learned.verdict).toBe('pass')
    expect(judgeText(await mlpLog('classifier-no-signal'), {}).verdict).toBe('pass')
  })
})

describe('a cross-entropy with label smoothing (torch-label-smoothing.py)', () => {
  const smoothingLog = (name: string): Promise<string> =>
    frameworkLog(`torch-label-smoothing-${name}.txt`)
  // 400 rows of 5 classes, the largest 342: the prior's entropy is 0.612, and with label smoothing 0.3 a model
  // that classifies every row right scores 0.884.
  const label = { classCounts: { '0': 342, '1': 10, '2': 16, '3': 15, '4': 17 } }

  it("a run that learned (training accuracy 0.96) ends above the prior's entropy; its printed factor smooths the chance level and it passes", async () => {
    const text = await smoothingLog('learns')
    expect(text).toMatch(/^Namespace\(.*label_smoothing=0\.3\)$/m)
    const judged = judgeText(text, label)
    expect(judged.verdict).toBe('pass')
    expect(judged.baseline).toMatchObject({
      applied: true,
      value: expect.closeTo(1.1149, 4),
      description: expect.stringContaining('with label smoothing 0.3 (printed at line 1')
    })
    // Without the settings line the chance level is the prior's entropy: the run fails, and the reason says
    // what to do.
    const unsaid = judgeText(text.replace(/^Namespace.*\n/, ''), label)
    expect(unsaid.verdict).toBe('fail')
    expect(unsaid.reason).toMatch(/^final loss 0\.9814, .* is not below the chance level 0\.6123, /)
    expect(unsaid.reason).toContain(
      'if the loss smooths its labels, print the factor, as label_smoothing=0.1, and the chance level takes it in; or set baseline-loss'
    )
  })

  it('with optimizer.step() forgotten it still fails', async () => {
    const judged = judgeText(await smoothingLog('no-step'), label)
    expect(judged.verdict).toBe('fail')
    expect(judged.reason).toMatch(/^loss did not change \(1\.663 at all 15 points\)/)
  })
})

describe("torch's warning that MSE's target and input differ in shape (torch-mse-broadcast.py)", () => {
  const broadcastLog = (name: string): Promise<string> =>
    frameworkLog(`torch-mse-broadcast${name}.txt`)

  it('outputs [32, 1] against targets [32] broadcast to [32, 32]: the model learns only the mean, and the run fails saying so', async () => {
    const text = await broadcastLog('')
    const judged = judgeText(text, noLabel)
    expect(judged.verdict).toBe('fail')
    expect(judged.reason).toMatch(
      /^torch warned at line 1 that the loss's target, of shape \[32\], differs from its input, of shape \[32, 1\]: they broadcast to \[32, 32\], every output against every row's label, .* Give both one shape \(output\.squeeze\(-1\), or target\.view\(-1, 1\)\)$/
    )
    // Read with a loss-pattern, the warning still counts: it is the run's, not a reader's.
    const patterned = readOutput(text, String.raw`^epoch \d+ loss (?<value>[\d.]+)$`)
    expect(patterned.hints.broadcastLoss).toMatchObject({ line: 1, broadcast: [32, 32] })
    expect(patterned.series()[0].points).toHaveLength(30)
    // The same epochs without the warning fail only for falling less than min-loss-drop (0.6 %).
    const unwarned = judgeText(text.replace(/^.*UserWarning.*\n.*\n/, ''), noLabel)
    expect(unwarned.reason).toMatch(/^loss fell only 0\.6 %, less than min-loss-drop/)
  })

  it('a batch of one row ([1] against [1, 1]) broadcasts to no more: the warning is no failure, and the run that learned passes', async () => {
    const text = await broadcastLog('-one-row')
    expect(text).toContain(
      'Using a target size (torch.Size([1])) that is different to the input size (torch.Size([1, 1]))'
    )
    expect(readOutput(text).hints.broadcastLoss).toBeUndefined()
    expect(judgeText(text, noLabel).verdict).toBe('pass')
  })

  it('only shapes that broadcast across rows count', () => {
    const warning = (target: string, input: string) =>
      readOutput(
        `UserWarning: Using a target size (torch.Size([${target}])) that is different to the input size (torch.Size([${input}])).`
      ).hints.broadcastLoss?.broadcast
    expect(warning('8, 1', '8')).toEqual([8, 8])
    expect(warning('16', '16, 1')).toEqual([16, 16])
    expect(warning('4, 1, 3', '4, 3')).toEqual([4, 4, 3])
    expect(warning('1, 32', '32')).toBeUndefined()
    expect(warning('', '1')).toBeUndefined()
    expect(warning('8, 2', '8, 3')).toBeUndefined()
  })
})

describe("scikit-learn's Perceptron: it learns within its first epoch (sklearn-perceptron.py)", () => {
  const perceptronLog = (name: string): Promise<string> =>
    frameworkLog(`sklearn-perceptron-${name}.txt`)
  const label = { classCounts: { '0': 403, '1': 397 } }

  it("a model that classifies (its loss per unit of the weights' norm) passes though its epochs' loss rose 3.8 %; a min-loss-drop set asks for the fall too", async () => {
    const text = await perceptronLog('learns')
    const judged = judgeText(text, label)
    expect(judged.verdict).toBe('pass')
    expect(judged.reason).toMatch(
      /^loss ended 3\.8 % above its first window, at 1\.058 \(a linear model from zero weights at a constant step learns within its first epoch\) with the weights' norm at /
    )
    const asked = judgeText(text, label, { minDropSet: true })
    expect(asked.verdict).toBe('fail')
    expect(asked.reason).toMatch(/^loss rose 3\.8 %: it did not fall by min-loss-drop 3\.0 %/)
  })

  it("a first epoch's perceptron loss where a cross-entropy would start (0.854) is not taken for one: the weights' norm decides", async () => {
    const judged = judgeText(await perceptronLog('learns-low-start'), {
      classCounts: { '0': 401, '1': 399 }
    })
    // It failed "final loss 0.7943 is not below the chance level 0.6931 … taken for cross-entropy".
    expect(judged.verdict).toBe('pass')
    expect(judged.reason).toMatch(/^loss fell 2\.1 % to 0\.7943 with the weights' norm at 11\.2 /)
    expect(judged.baseline).toMatchObject({
      applied: false,
      reason: expect.stringMatching(
        /^scikit-learn's SGD family prints its average loss without saying which loss it is/
      )
    })
  })

  it('on labels shuffled apart from the features it fails', async () => {
    const judged = judgeText(await perceptronLog('no-signal'), label)
    expect(judged.verdict).toBe('fail')
    expect(judged.reason).toMatch(/^loss did not fall beyond its own noise/)
  })
})

describe('a held-out accuracy printed beside the training loss (torch-val-accuracy.py)', () => {
  const accuracyLog = (name: string): Promise<string> =>
    frameworkLog(`torch-val-accuracy-${name}.txt`)

  it('a loop that learned its training rows by heart fails: its val_acc never beat the majority class (it passed before)', async () => {
    const text = await accuracyLog('no-signal')
    expect(text).toMatch(/^epoch 1 loss 0\.\d{4} val_acc 0\.\d{4}$/m)
    const judged = judgeText(text, { classCounts: { '0': 141, '1': 115 } })
    expect(judged.verdict).toBe('fail')
    expect(judged.reason).toMatch(
      /^the held-out accuracy "val_acc" never beat chance: in 20 evaluations its best was 0\.5, .* against 0\.5508, the majority class's share/
    )
    expect(judged.reason).toMatch(/The training loss passed: loss fell 30\.2 %/)
    // Evaluated only before training (the untrained model's): not weighed.
    const before = `val_acc 0.4500\n${text.replace(/ val_acc [\d.]+/g, '')}`
    expect(judgeText(before, { classCounts: { '0': 141, '1': 115 } }).verdict).toBe('pass')
  })

  it('"Val Acc: 52.34%" is a share in percent; a loop that learned passes', async () => {
    const text = await accuracyLog('learns')
    const accuracy = readOutput(text)
      .series()
      .find(series => series.key === 'Val Acc')
    expect(accuracy?.points).toHaveLength(20)
    const printed = [...text.matchAll(/Val Acc: ([\d.]+)%/g)].map(m => Number(m[1]) / 100)
    expect(accuracy!.points.map(point => point.value)).toEqual(printed)
    expect(judgeText(text, { classCounts: { '0': 92, '1': 75, '2': 89 } }).verdict).toBe('pass')
    // The same run with its accuracy below the majority share at every epoch: it never beat it.
    const never = text.replace(/Val Acc: [\d.]+%/g, 'Val Acc: 30.00%')
    expect(judgeText(never, { classCounts: { '0': 92, '1': 75, '2': 89 } }).reason).toMatch(
      /held-out accuracy "Val Acc" never beat chance: in 20 evaluations its best was 0\.3,/
    )
    // Under 1 % at every epoch (no value past 1 to tell a percentage by): the sign says it, 0.0088 is not 0.88.
    let epoch = 0
    const stuck = text.replace(
      /Val Acc: [\d.]+%/g,
      () => `Val Acc: ${(0.5 + 0.02 * epoch++).toFixed(2)}%`
    )
    expect(judgeText(stuck, { classCounts: { '0': 92, '1': 75, '2': 89 } }).reason).toMatch(
      /held-out accuracy "Val Acc" never beat chance: in 20 evaluations its best was 0\.0088,/
    )
  })
})

describe('PyTorch\'s MNIST example: "Test set: Average loss: …, Accuracy: 9890/10000 (99%)"', () => {
  const classCounts = { '0': 320, '1': 300 }
  /** Its train() and test() prints, three epochs; the training loss falls at every print. */
  const mnistLog = (correct: number[]): string =>
    correct
      .flatMap((right, epoch) => [
        ...Array.from(
          { length: 5 },
          (_, i) =>
            `Train Epoch: ${epoch + 1} [${i * 128}/620 (${Math.round((i * 128 * 100) / 620)}%)]\tLoss: ${(0.69 - 0.02 * (epoch * 5 + i)).toFixed(6)}`
        ),
        '',
        `Test set: Average loss: ${(0.64 + 0.005 * epoch).toFixed(4)}, Accuracy: ${right}/620 (${Math.round((right * 100) / 620)}%)`,
        ''
      ])
      .join('\n')

  it('its accuracy is a count of the rows right: a run whose test accuracy never beat the majority class fails', () => {
    const judged = judgeText(mnistLog([300, 310, 305]), { classCounts })
    expect(judged.verdict).toBe('fail')
    expect(judged.reason).toMatch(
      /^the held-out accuracy "test accuracy" never beat chance: in 3 evaluations its best was 0\.5, .* and its last 0\.4919, against 0\.5161, the majority class's share/
    )
    expect(judged.reason).toMatch(/The training loss passed: loss fell/)
    expect(judgeText(mnistLog([540, 560, 575]), { classCounts }).verdict).toBe('pass')
  })
})

describe("scikit-learn solvers' objectives, printed with verbose (sklearn-solvers.py, scikit-learn 1.2)", () => {
  const solverLog = (name: string): Promise<string> => frameworkLog(`sklearn-${name}.txt`)
  const predictable = { classCounts: { '0': 133, '1': 123 } }

  it("LogisticRegression's L-BFGS-B objective passes below what labels with no signal reach (a likelihood-ratio test), though it converges to one value", async () => {
    const text = await solverLog('lbfgs-learns')
    expect(text).toContain('At iterate    0    f=  1.77446D+02    |proj g|=  6.33100D+01')
    const judged = judgeText(text, predictable)
    const values = judged.series?.points.map(point => point.value)
    expect(judged.series?.key).toBe('objective')
    expect(values).toEqual([
      177.446, 134.452, 129.2, 128.109, 128.045, 128.038, 128.038, 128.038, 128.038
    ])
    expect(judged.verdict).toBe('pass')
    // 256 rows of 8 features from zero weights: 256 ln 2; no signal ends below 256 (H − χ²₈(0.99)(1 + 8/256)/512).
    const entropy = -((133 / 256) * Math.log(133 / 256) + (123 / 256) * Math.log(123 / 256))
    expect(judged.baseline?.applied && judged.baseline.value).toBeCloseTo(
      (177.446 / Math.LN2) * (entropy - (20.09 * (1 + 8 / 256)) / 512),
      0
    )
    expect(judged.reason).toMatch(
      /^"objective" in the command output is L-BFGS-B's objective from zero weights/
    )
    expect(judged.reason).toMatch(
      /it ended at 128, below 166\.9, which a fit to such labels ends below in at most 1 fit of 100/
    )
  })

  it('the same on labels with no signal fails, though its objective fell at every iteration (before, no loss was found)', async () => {
    const judged = judgeText(await solverLog('lbfgs-no-signal'), {
      classCounts: { '0': 156, '1': 100 }
    })
    expect(judged.series?.points.map(point => point.value).at(-1)).toBe(167.527)
    expect(judged.verdict).toBe('fail')
    expect(judged.reason).toMatch(
      /^final loss 167\.5 is not below the chance level 160\.9, which a fit to 256 rows/
    )
    expect(judged.reason).toContain(
      "χ² with 8 degrees of freedom (L-BFGS-B's N = 9 coefficients less the intercept), times 1 + 8/256"
    )
  })

  it('without the label, or from liblinear (which does not print its coefficients), a fall alone is inconclusive', async () => {
    const unlabelled = judgeText(await solverLog('lbfgs-learns'), noLabel)
    expect(unlabelled.verdict).toBe('inconclusive')
    expect(unlabelled.reason).toMatch(
      /its fall alone shows nothing learned, and what such labels reach could not be weighed: the label's classes are not known/
    )
    const liblinear = judgeText(await solverLog('liblinear-learns'), predictable)
    expect(liblinear.series?.points.map(point => point.value)).toEqual([
      177.4, 132.1, 128.2, 128, 128
    ])
    expect(liblinear.verdict).toBe('inconclusive')
    expect(liblinear.reason).toContain('liblinear does not print how many coefficients it fits')
  })

  it("an MLP's L-BFGS-B objective starts from random weights: it is judged as a loss, its chance level inferred", async () => {
    const judged = judgeText(await solverLog('mlp-lbfgs-learns'), predictable)
    expect(judged.series?.points).toHaveLength(41)
    expect(judged.series?.points[0].value).toBe(0.722214)
    expect(judged.verdict).toBe('pass')
    expect(judged.baseline?.applied && judged.baseline.description).toMatch(
      /"objective" was taken for cross-entropy/
    )
  })

  it("verbose=1 prints L-BFGS-B's first iterate and, in its summary, the final objective: the two are judged", async () => {
    const judged = judgeText(await solverLog('lbfgs-verbose-1'), predictable)
    expect(judged.series?.points.map(point => [point.step, point.value])).toEqual([
      [0, 177.446],
      [8, 128.03781889098548]
    ])
    expect(judged.verdict).toBe('pass')
    const firstOnly = 'At iterate    0    f=  1.77446D+02    |proj g|=  6.33100D+01\n'
    expect(judgeText(firstOnly, predictable).reason).toMatch(
      /^only one value of "objective" .*verbose=2 prints each$/
    )
  })

  it('a NaN objective fails; a value printed in another precision is not taken for zero weights', () => {
    expect(
      judgeText(
        'At iterate    0    f=  1.77446D+02    |proj g|=  1.8D+02\nAt iterate    1    f=        NaN    |proj g|=  1.8D+02\n',
        predictable
      ).verdict
    ).toBe('fail')
    expect(zeroWeightsStart(177.446)).toEqual({ rows: 256, classes: 2 })
    expect(zeroWeightsStart(Math.log(3))).toEqual({ rows: 1, classes: 3 })
    expect(zeroWeightsStart(177.5)).toBeUndefined()
    expect(zeroWeightsStart(0.722214)).toBeUndefined()
  })

  it("χ²'s 99th percentile is within 1 % of the table's", () => {
    for (const [df, quantile] of [
      [1, 6.635],
      [2, 9.21],
      [8, 20.09],
      [30, 50.89],
      [100, 135.81]
    ])
      expect(Math.abs(chiSquare99(df) / quantile - 1)).toBeLessThan(0.01)
  })
})

describe("Ignite's ProgressBar: the step before the glyphs, the postfix after them (ignite-progress-bar.py, tqdm 4.64)", () => {
  const igniteLog = (name: string): Promise<string> =>
    frameworkLog(`ignite-progress-bar-${name}.txt`)
  const labels = { classCounts: { '0': 261, '1': 251 } }

  it('a point a step, though set_description and set_postfix draw each value at the step before', async () => {
    const text = await igniteLog('learns')
    expect(text).toContain('\rEpoch [1/6]: [2/16]  12%|█▎        , loss=0.724 [00:00<00:00]')
    const judged = judgeText(text, labels)
    const values = judged.series?.points.map(point => point.value)
    // The 96 running averages the script set, in order (6 epochs of 16 batches); read by its lines, 186.
    expect(values).toHaveLength(96)
    expect(values?.slice(0, 4)).toEqual([0.725, 0.724, 0.723, 0.722])
    expect(values?.slice(-2)).toEqual([0.476, 0.473])
    expect(judged.verdict).toBe('pass')
  })

  it('the same loop with optimizer.step() forgotten fails at chance (before, read by its lines, it "climbed back")', async () => {
    const judged = judgeText(await igniteLog('no-step'), labels)
    expect(judged.verdict).toBe('fail')
    expect(judged.reason).toMatch(/^final loss 0\.72\d+ is not below the chance level 0\.693/)
  })

  it('with persist=True the frame drawn again as the bar closes is no point', () => {
    const frame = (step: number, loss: number): string =>
      `\rEpoch [1/2]: [${step}/3] ${Math.round((step / 3) * 100)}%|███ , loss=${loss} [00:01<00:02]`
    const text = `${frame(1, 0.7)}${frame(2, 0.6)}${frame(3, 0.5)}${frame(3, 0.5)}\n`
    expect(
      readOutput(text)
        .series()[0]
        ?.points.map(point => point.value)
    ).toEqual([0.7, 0.6, 0.5])
  })
})

describe('skorch 0.12 with its ProgressBar callback (skorch-progress-bar.py)', () => {
  it("the bar drawn between the epoch table's rows does not end the table; the table's train_loss wins over the bar's", async () => {
    const text = await readFile(
      new URL('../fixtures/framework-logs/skorch-progress-bar.txt', import.meta.url),
      'utf8'
    )
    // Each epoch's bar shows one batch's train_loss (and valid_loss) when tqdm draws, then is cleared.
    expect(text).toMatch(/\| \d\/9 \[00:00<00:00, [\d.]+it\/s, train_loss=0\.\d+\]/)
    const judged = judgeText(text, { classCounts: { '0': 136, '1': 120 } })
    expect(judged.series?.key).toBe('train_loss')
    expect(judged.series?.points.map(point => point.value)).toEqual([
      0.7125, 0.6185, 0.5527, 0.4912, 0.4308, 0.3741, 0.3233, 0.2797, 0.243, 0.2124
    ])
    expect(
      judged.otherSeries.find(series => series.key === 'valid_loss')?.points.map(p => p.value)
    ).toEqual([0.6633, 0.6148, 0.5682, 0.5237, 0.4845, 0.4508, 0.4222, 0.398, 0.378, 0.3618])
    expect(judged.verdict).toBe('pass')
  })
})

describe('a history printed as a pandas DataFrame (pandas-history.py, pandas 1.5)', () => {
  it('print(pd.DataFrame(history)): each row is read under its column, its index left out', async () => {
    const text = await readFile(
      new URL('../fixtures/framework-logs/pandas-history.txt', import.meta.url),
      'utf8'
    )
    expect(text).toMatch(/^ {4}epoch {2}train_loss {2}val_loss {3}val_acc\n0 {7}1 {4}0\.643111/)
    const judged = judgeText(text, { classCounts: { '0': 134, '1': 122 } })
    expect(judged.series?.key).toBe('train_loss')
    expect(judged.series?.points.map(point => [point.step, point.value]).slice(0, 2)).toEqual([
      [1, 0.643111],
      [2, 0.599399]
    ])
    expect(judged.series?.points).toHaveLength(12)
    expect(judged.otherSeries.find(series => series.key === 'val_loss')?.points).toHaveLength(12)
    expect(judged.verdict).toBe('pass')
  })

  it('an index named on its own line (set_index("epoch")), or no step column (Keras\'s history.history)', () => {
    // pandas 1.5's layout of the same kind of frame, written out.
    const named = [
      '       train_loss  val_loss',
      'epoch                      ',
      '1          0.7500    0.8300',
      '2          0.5952    0.6940',
      '3          0.4746    0.5827'
    ].join('\n')
    const valuesOf = (text: string, key: string) =>
      readOutput(text)
        .series()
        .find(series => series.key === key)
        ?.points.map(point => point.value)
    expect(valuesOf(named, 'train_loss')).toEqual([0.75, 0.5952, 0.4746])
    const keras = [
      '       loss  accuracy  val_loss',
      '0  0.750000      0.50  0.830000',
      '1  0.595161      0.53  0.694048',
      '2  0.474571      0.56  0.582740'
    ].join('\n')
    expect(valuesOf(keras, 'loss')).toEqual([0.75, 0.595161, 0.474571])
  })
})

describe("PyTorch's quickstart tutorial, its train() and test() as published (torch-quickstart.py)", () => {
  const quickstartLog = (name: string): Promise<string> =>
    frameworkLog(`torch-quickstart-${name}.txt`)

  it('"Test Error: " alone on its line makes the next line\'s "Avg loss" a test loss; a run that learned passes', async () => {
    const text = await quickstartLog('learns')
    expect(text).toContain('Test Error: \n Accuracy: 77.7%, Avg loss: 1.001389 \n')
    const judged = judgeText(text, { classCounts: { '0': 120, '1': 127, '2': 119, '3': 146 } })
    expect(judged.series?.key).toBe('loss')
    expect(judged.series?.points).toHaveLength(48)
    const test = judged.otherSeries.find(series => series.key === 'Avg loss')
    expect(test?.context).toBe('test')
    expect(test?.points).toHaveLength(12)
    expect(judged.verdict).toBe('pass')
  })

  it('on labels drawn apart from the features its training loss falls, its test loss stays at chance: it fails', async () => {
    const judged = judgeText(await quickstartLog('random-labels'), {
      classCounts: { '0': 124, '1': 101, '2': 144, '3': 143 }
    })
    expect(judged.verdict).toBe('fail')
    expect(judged.reason).toMatch(
      /^the validation loss "Avg loss" stayed at the chance level: in 12 evaluations its least was 1\.396 \(101\.4 % of it\), at step 1 \(command output line 9\), and its last 1\.632/
    )
    expect(judged.reason).toContain('The training loss passed: loss fell 37.9 %')
  })
})

describe("spaCy's training table", () => {
  it('divides each LOSS cell by the steps since the last row (spaCy sums it over them) and leaves out tok2vec', async () => {
    // github.com/explosion/spaCy/issues/7083: spaCy 3.0.1, tok2vec + ner, evaluated every 200 steps.
    const judged = judgeText(await publicLog('spacy-ner-learns.txt'), noLabel)
    expect(judged.series?.key).toBe('LOSS NER per step')
    // 40.00 after step 0 alone, then 2163.45 / 200, 1182.04 / 200 …
    expect(judged.series?.points.map(point => point.value)).toEqual(
      [40, 2163.45, 1182.04, 1150.09, 1087.27, 1343.08].map((sum, i) => (i ? sum / 200 : sum))
    )
    expect(judged.series?.points.map(point => point.step)).toEqual([0, 200, 400, 600, 800, 1000])
    expect(judged.otherSeries.map(series => series.key)).not.toContain('LOSS TOK2VEC per step')
    // The loss per step fell 40 → 5.4 and rose again to 6.7; the dev score climbed at every evaluation.
    expect(judged.verdict).toBe('pass')
    expect(judged.reason).toMatch(
      /^spaCy's dev-set score \(SCORE\) rose from 0\.1 to 0\.93 over 6 evaluations in the command output \(Mann–Kendall τ = 1, p = 0\.001389\): the pipeline learned what its scorer counts\. By the loss alone: /
    )
  })

  it('a rise of the loss per step is no failure (its batch size grows, and the sums with it); a dev score that rose passes the run', async () => {
    // github.com/explosion/spaCy/issues/6233: per step 26 → 45 while ENTS_F climbs 56 → 70.
    const log = await publicLog('spacy-ner-compounding-batches.txt')
    const judged = judgeText(log, noLabel)
    expect(judged.series?.points).toHaveLength(7)
    expect(judged.verdict).toBe('pass')
    expect(judged.reason).toMatch(
      /^spaCy's dev-set score \(SCORE\) rose from 0\.04 to 0\.7 over 7 evaluations .*\. By the loss alone: loss climbed back: .*\. spaCy sums each component's loss over the words/
    )
    // The same table with a dev score that peaked at its second evaluation and then fell: nothing decides it.
    const scores = ['0.04', '0.60', '0.58', '0.57', '0.55', '0.54', '0.52']
    let row = 0
    const peaked = log.replace(/ {5}0\.\d\d$/gm, () => `     ${scores[row++]}`)
    expect(row).toBe(7)
    const undecided = judgeText(peaked, noLabel)
    expect(undecided.verdict).toBe('inconclusive')
    expect(undecided.reason).toMatch(/^loss climbed back: .*\. spaCy sums each component's loss/)
  })

  it('a dev score that rose by less than 0.05, or over too few evaluations to be significant, does not pass', async () => {
    const log = await publicLog('spacy-ner-compounding-batches.txt')
    const scores = ['0.04', '0.05', '0.05', '0.06', '0.07', '0.08', '0.08']
    let row = 0
    const crawled = judgeText(
      log.replace(/ {5}0\.\d\d$/gm, () => `     ${scores[row++]}`),
      noLabel
    )
    expect(crawled.verdict).toBe('inconclusive')
    const firstThree = log
      .split('\n')
      .filter((line, i, lines) => i < lines.findIndex(l => /^ {2}0 {6}600 /.test(l)))
    expect(judgeText(firstThree.join('\n'), noLabel).verdict).toBe('inconclusive')
  })

  it('a dev score of 0 at every evaluation after the first fails, though the loss fell', async () => {
    // github.com/explosion/spaCy/issues/12299: spancat, SCORE 0.00 at 4 evaluations after step 0.
    const spancat = judgeText(await publicLog('spacy-spancat-score-zero.txt'), noLabel)
    expect(spancat.series?.key).toBe('LOSS SPANCAT per step')
    expect(spancat.verdict).toBe('fail')
    expect(spancat.reason).toMatch(
      /^spaCy's dev-set score \(SCORE\) is 0 at all 4 evaluations after the first/
    )
    // github.com/explosion/spaCy/issues/11519: transformer + ner, "score stays 0.0".
    const judged = judgeText(await publicLog('spacy-transformer-ner-score-zero.txt'), noLabel)
    expect(judged.series?.points.map(point => +point.value.toFixed(2))).toEqual([
      273.93, 86.6, 76.08
    ])
    expect(judged.verdict).toBe('fail')
    expect(judged.reason).toMatch(
      /^spaCy's dev-set score \(SCORE\) is 0 at all 2 evaluations after the first in the command output:/
    )
  })
})

describe('a console table with no step column', () => {
  it("is read row by row when its rows are numbers alone: spaCy 2's textcat example stuck at 184.500 fails", async () => {
    // github.com/explosion/spaCy/issues/3087: "LOSS      P       R       F", then 20 rows.
    const judged = judgeText(await publicLog('spacy2-textcat-constant.txt'), noLabel)
    expect(judged.series?.key).toBe('LOSS')
    expect(judged.series?.points).toHaveLength(20)
    expect(judged.verdict).toBe('fail')
    expect(judged.reason).toMatch(/^loss did not change \(184\.5 at all 20 points\)/)
  })
})

describe("Stable-Baselines3's logger: a reinforcement-learning run is judged by its reward", () => {
  it('reads each box (section/name keys, time/total_timesteps as the step) and passes on a reward that rose while train/loss rose', async () => {
    // rlberry's user guide: PPO on CartPole, 5 dumps; rlberry's own logger repeats the second as one line.
    const judged = judgeText(await publicLog('sb3-ppo-cartpole.txt'), noLabel)
    expect(judged.series?.key).toBe('train/loss')
    expect(judged.series?.points.map(point => [point.step, point.value])).toEqual([
      [4096, 8.42],
      [6144, 16],
      [8192, 29.6],
      [10240, 31.1]
    ])
    const reward = judged.otherSeries.find(series => series.key === 'rollout/ep_rew_mean')
    expect(reward?.points.map(point => point.value)).toEqual([22, 28.1, 40, 50.2, 66])
    expect(judged.otherSeries.map(series => series.key)).not.toContain('time/fps')
    expect(judged.verdict).toBe('pass')
    expect(judged.reason).toBe(
      'mean episode reward rose from 22 to 66 over 5 values of "rollout/ep_rew_mean" in the command output (Mann–Kendall τ = 1, p = 0.008333): the agent learned. A reinforcement-learning run is judged by its reward: an agent\'s losses need not fall while it learns, since it trains on what its changing policy collects'
    )
  })

  it('a reward that did not rise is inconclusive, whatever the losses did; too few dumps are too', async () => {
    const log = await publicLog('sb3-ppo-cartpole.txt')
    const rewards = ['22', '23.5', '21.9', '22.8', '22.1']
    let dump = 0
    const flat = log.replace(
      /(\| {4}ep_rew_mean +\| )\S+/g,
      (_, cell: string) => cell + rewards[dump++]
    )
    expect(dump).toBe(5)
    const judged = judgeText(flat, noLabel)
    expect(judged.verdict).toBe('inconclusive')
    expect(judged.reason).toMatch(
      /^mean episode reward shows no rise to tell from noise, from 22 to 22\.1 over 5 values .*Run more timesteps, or name a loss to judge with loss-key$/
    )
    // A rise the test finds, but of less than a fifth of the first value (a random policy's average drifting).
    const drift = ['22', '22.5', '23', '23.5', '24']
    dump = 0
    const drifted = judgeText(
      log.replace(/(\| {4}ep_rew_mean +\| )\S+/g, (_, cell: string) => cell + drift[dump++]),
      noLabel
    )
    expect(drifted.verdict).toBe('inconclusive')
    const firstThree = log.slice(0, log.indexOf('[INFO]'))
    expect(judgeText(firstThree, noLabel).reason).toMatch(
      /^3 values of "rollout\/ep_rew_mean" in the command output are too few to tell a rise from noise \(the trend test needs 5 at p < 0\.01\)/
    )
  })

  it('without a Monitor it logs no reward: inconclusive, saying so, though its train/loss rose', async () => {
    const log = await publicLog('sb3-ppo-cartpole.txt')
    const unmonitored = log
      .split('\n')
      .filter(line => !/^\| (rollout\/| {4}ep_)/.test(line) && !line.startsWith('[INFO]'))
      .join('\n')
    const judged = judgeText(unmonitored, noLabel)
    expect(judged.series?.key).toBe('train/loss')
    expect(judged.verdict).toBe('inconclusive')
    expect(judged.reason).toMatch(
      /^Stable-Baselines3 logged no mean episode reward \(rollout\/ep_rew_mean\) in the command output: it logs one only for an environment wrapped in a Monitor/
    )
  })

  it('its progress.csv (the csv logger, a blank train/ cell before the first update) is judged the same way', () => {
    const rows = [
      [22, 2048, ''],
      [28.1, 4096, 8.42],
      [40, 6144, 16],
      [50.2, 8192, 29.6],
      [66, 10240, 31.1]
    ]
    const csv = [
      'rollout/ep_len_mean,rollout/ep_rew_mean,time/fps,time/total_timesteps,train/loss\n',
      ...rows.map(([reward, steps, loss]) => `${reward},${reward},1800,${steps},${loss}\n`)
    ].join('')
    const judged = judgeLoss(
      chooseLossSeries(readMetricsCsv(csv, 'logs/progress.csv')),
      { minDrop: 0.03, window: 0.25 },
      { lightningLogInterval: false, fastDevRun: false },
      ['logs']
    )
    expect(judged.verdict).toBe('pass')
    expect(judged.reason).toMatch(
      /^mean episode reward rose from 22 to 66 over 5 values of "rollout\/ep_rew_mean" in logs\/progress\.csv/
    )
  })

  it('a box that never closes is still read whole, a bounded number of cells at a time', () => {
    const cells = Array.from({ length: 300 }, (_, i) => `|    loss_${i} | ${i} |`)
    const series = readOutput(['-'.repeat(41), '| train/ |  |', ...cells].join('\n')).series()
    expect(series).toHaveLength(300)
    expect(series.at(-1)).toMatchObject({ key: 'train/loss_299', points: [{ value: 299 }] })
  })

  it('loss-key naming one of its losses has that loss judged as a loss', async () => {
    const reader = readOutput(await publicLog('sb3-ppo-cartpole.txt'))
    const judged = judgeLoss(
      chooseLossSeries(reader.series(), 'train/value_loss'),
      { minDrop: 0.03, window: 0.25 },
      reader.hints,
      ['console.log']
    )
    expect(judged.verdict).toBe('fail')
    expect(judged.reason).toMatch(/^loss did not fall: rose 40\.4 % \(51\.5 → 72\.3;/)
  })
})

describe('more frameworks, from public logs (public/SOURCES.md)', () => {
  const keyed = (series: MetricSeries[]) =>
    series
      .filter(s => /loss/i.test(s.key) && !/nll|scale|_\d$/.test(s.key))
      .map(s => [s.key, s.context, s.points.length, s.points[0].value, s.points.at(-1)!.value])

  it("fairseq's timestamped log: train_inner is the series; its valid and per-epoch train lines stay apart", async () => {
    const text = await publicLog('fairseq-resumed-epoch143.txt')
    expect(keyed(readOutput(text).series())).toEqual([
      ['loss', undefined, 17, 3.147, 3.136],
      ['loss', 'validation', 5, 12.677, 12.605],
      ['loss', 'epoch summary', 5, 3.14, 3.127]
    ])
    // Resumed at epoch 143, its loss no longer falls: a valid loss of 12 read as training's hid that.
    const judged = judgeText(text, noLabel)
    expect(judged.verdict).toBe('fail')
    expect(judged.reason).toMatch(/^loss did not fall beyond its own noise/)
  })

  it("fairseq-hydra-train's JSON records (quoted numbers): train_inner's loss over the epochs' train_loss", async () => {
    const judged = judgeText(await publicLog('fairseq-hydra-json.txt'), noLabel)
    expect([judged.series?.key, judged.series?.points.length]).toEqual(['loss', 23])
    expect([judged.first, judged.last]).toEqual([9.276, 3.922])
    expect(judged.otherSeries.map(s => [s.key, s.points.length])).toEqual(
      expect.arrayContaining([
        ['valid_loss', 10],
        ['train_loss', 10]
      ])
    )
    expect(judged.verdict).toBe('pass')
  })

  it("fairseq 2018: each step's own loss (not the running average beside it); its valid progress lines are validation", async () => {
    const series = readOutput(await publicLog('fairseq-2018-running-average.txt')).series()
    expect(keyed(series)).toEqual([
      ['loss', 'validation', 2, 3.24, 2.72],
      ['valid loss', 'validation', 2, 3.69, 3.13],
      ['loss', undefined, 9, 2.17, 1.97],
      ['train loss', 'epoch summary', 1, 2.92, 2.92]
    ])
  })

  it("MindSpore's LossMonitor: 'epoch: 1 step: 125, loss is 2.5471632', one point an epoch", async () => {
    const judged = judgeText(await publicLog('mindspore-loss-monitor.txt'), noLabel)
    expect(judged.series?.points.map(p => p.step)).toEqual([...Array(15).keys()].map(i => i + 1))
    expect([judged.first, judged.last]).toEqual([2.5471632, 0.13220823])
    expect(judged.verdict).toBe('pass')
  })

  it("PaddlePaddle's Model.fit: step lines stepped on from the epochs before; evaluate()'s lines are its own", async () => {
    const series = readOutput(await publicLog('paddle-hapi-epoch5.txt')).series()
    const train = series.find(s => s.key === 'loss' && s.context === undefined)!
    // "Epoch 5/5" and 938 steps an epoch: its step 10 is the run's 3762nd.
    expect(train.points.slice(0, 2).map(p => [p.step, p.value])).toEqual([
      [3762, 0.0325],
      [3772, 0.005]
    ])
    expect(train.points).toHaveLength(94)
    expect(train.points.some(p => p.value === 6.9384e-4)).toBe(true)
    const evaluation = series.find(s => s.key === 'loss' && s.context === 'evaluation')!
    expect([evaluation.points.length, evaluation.points[0].value]).toEqual([16, 0.2273])
  })

  it("PaddleClas: '[2022/04/04 17:51:12] root INFO: [Train][Epoch 1/20][Iter: 0/8]…', its [Avg] and [Eval] lines apart", async () => {
    const text = await publicLog('paddleclas-flowers.txt')
    expect(keyed(readOutput(text).series())).toEqual([
      ['loss', undefined, 20, 4.64081, 0.16348],
      ['loss', 'epoch summary', 20, 4.64772, 0.2071],
      ['loss', 'eval', 8, 3.10458, 0.4026]
    ])
    expect(judgeText(text, noLabel).verdict).toBe('pass')
  })

  it("AllenNLP: the bars after its 'Validating' line are the validation loss, in the same shape as training's", async () => {
    const text = await publicLog('allennlp-tagger.txt')
    expect(keyed(readOutput(text).series())).toEqual([
      ['loss', undefined, 6, 3.5716, 0.7537],
      ['loss', 'validation', 6, 3.2306, 0.7693]
    ])
    // Without the phase line, the validation bars would have been read as training's.
    const unmarked = readOutput(text.replace(/ - Validating$/gm, ' - Evaluation done')).series()
    expect(keyed(unmarked)).toEqual([['loss', undefined, 12, 3.5716, 0.7693]])
    // Only AllenNLP's trainer sets the phase: another script's bare "Validating" line does not.
    const bar = 'loss: 0.52 ||: 100%|##########| 31/31 [00:02<00:00, 14.47it/s]'
    expect(keyed(readOutput(`Validating\n${bar}`).series())).toEqual([
      ['loss', undefined, 1, 0.52, 0.52]
    ])
  })

  it("Trax's training loop: 'Step    100: train CrossEntropyLossWithLogSoftmax |  7.02561331', its eval lines apart", async () => {
    const text = await publicLog('trax-nmt.txt')
    const series = readOutput(text).series()
    expect(keyed(series)).toEqual([
      ['CrossEntropyLossWithLogSoftmax', undefined, 51, 9.85205269, 1.74079084],
      ['CrossEntropyLossWithLogSoftmax', 'eval', 51, 9.71523285, 1.76899207]
    ])
    expect(series[0].points.slice(0, 3).map(p => p.step)).toEqual([1, 100, 200])
    expect(judgeText(text, noLabel).verdict).toBe('pass')
  })

  it("icefall: 'loss[loss=0.4561, …], tot_loss[loss=0.7076, …]' is the batch's loss and the running average, apart", async () => {
    const text = await publicLog('icefall-yesno.txt')
    const series = readOutput(text).series()
    expect(keyed(series).filter(([key]) => !String(key).startsWith('best'))).toEqual([
      ['loss', undefined, 15, 1.065, 0.01169],
      ['tot_loss', undefined, 15, 1.065, 0.01054],
      ['validation loss', undefined, 10, 0.9002, 0.01073]
    ])
    const judged = judgeText(text, noLabel)
    expect([judged.series?.key, judged.verdict]).toEqual(['loss', 'pass'])
  })

  it('SpeechBrain: its tqdm postfix and its epoch line carry the same train loss; valid and test losses apart', async () => {
    const text = await publicLog('speechbrain-classification.txt')
    expect(keyed(readOutput(text).series())).toEqual([
      ['train_loss', undefined, 15, 1.73, 0.0986],
      ['train loss', undefined, 15, 1.73, 0.0986],
      ['valid loss', undefined, 15, 1.01, 0.00367],
      ['test loss', undefined, 1, 0.00736, 0.00736]
    ])
    expect(judgeText(text, noLabel).verdict).toBe('pass')
  })

  it("RLlib's results in Ray Tune's console: judged by episode_reward_mean, not by its total_loss", async () => {
    const text = await publicLog('rllib-ppo-tune-results.txt')
    const judged = judgeText(text, noLabel)
    expect(judged.series?.key).toBe('total_loss')
    expect(judged.verdict).toBe('pass')
    expect(judged.reason).toMatch(
      /^mean episode reward rose from -197\.2 to -35\.46 over 13 values of "episode_reward_mean"/
    )
    // Before its first episode ends, YAML prints the reward as .nan: no value, and no failure.
    const early = text.replace(
      'episode_reward_mean: -197.16972293866527',
      'episode_reward_mean: .nan'
    )
    const values = readOutput(early)
      .series()
      .find(s => s.key === 'episode_reward_mean')!.points
    expect([values.length, values[0].value]).toEqual([12, -156.0066308067777])
    // Rewards that wander are inconclusive, whatever total_loss did.
    let n = 0
    const flat = text.replace(
      /episode_reward_mean: \S+/g,
      () => `episode_reward_mean: ${n++ % 2 ? -150 : -151}`
    )
    expect(judgeText(flat, noLabel).verdict).toBe('inconclusive')
  })

  it("Ludwig: a table a split each epoch ('│ train      │ 7.9026 │'), its vali and test rows apart", async () => {
    const text = await publicLog('ludwig-titanic.txt')
    expect(keyed(readOutput(text).series())).toEqual([
      ['Survived loss', undefined, 12, 7.9026, 5.721],
      ['Survived loss', 'validation', 12, 7.5711, 5.4165],
      ['Survived loss', 'test', 12, 8.8524, 6.4013]
    ])
    expect(judgeText(text, noLabel).verdict).toBe('pass')
    // Newer versions add a table of all features together: its loss is the run's.
    const combined = [
      '│ combined   │   loss │',
      '╞════════════╪════════╡',
      '│ train      │ 0.6932 │',
      '│ validation │ 0.7001 │',
      '╘════════════╧════════╛'
    ].join('\n')
    const both = readOutput(`${text.split('\n').slice(0, 30).join('\n')}\n${combined}`).series()
    expect(chooseLossSeries(both).chosen?.series.key).toBe('combined loss')
  })

  it("Catalyst: its 'valid (1/3) … | loss: 2.19' lines are validation, not a second point of each epoch", async () => {
    const judged = judgeText(await publicLog('catalyst-xla.txt'), noLabel)
    expect(judged.series?.points.map(p => p.value)).toEqual([
      2.6043901133060454, 2.1500546091318133, 2.0018269671440123
    ])
    expect(judged.otherSeries.find(s => s.key === 'loss')?.context).toBe('validation')
  })

  it("litgpt: 'loss train: 1.646, val: n/a' is the training loss; 'n/a' is no value", async () => {
    const text = await publicLog('litgpt-lora-phi2.txt')
    const judged = judgeText(text, noLabel)
    expect([judged.series?.key, judged.series?.points.length, judged.first, judged.last]).toEqual([
      'loss train',
      10,
      1.646,
      1.524
    ])
    expect(judged.series?.unparsed).toBeUndefined()
    // Ten noisy points of a LoRA run that barely moved (its last value alone is low).
    expect(judged.verdict).toBe('fail')
    expect(judged.reason).toMatch(/^loss ended above its first value: 1\.646 at the first point/)
  })

  it("a logger's source file is no loss key: DeepSpeed's '[loss_scaler.py:188:update_scale] … OVERFLOW!'", () => {
    const overflow =
      '[2023-04-18 08:48:01,543] [INFO] [loss_scaler.py:188:update_scale] [deepspeed] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 65536, but hysteresis is 2. Reducing hysteresis to 1'
    expect(readOutput(`${overflow}\n${overflow}`).series()).toEqual([])
  })

  it("DeepSpeed-Chat's RLHF step: judged by its 'average reward score', not its actor's loss", async () => {
    const text = await publicLog('deepspeed-chat-rlhf.txt')
    const judged = judgeText(text, noLabel)
    expect(judged.series?.key).toBe('act_loss')
    expect(judged.verdict).toBe('pass')
    expect(judged.reason).toMatch(
      /^mean reward score rose from -0\.6792 to 2\.568 over 81 values of "average reward score"/
    )
    // DeepSpeed's own lines between hold no loss ("Attempted loss scale: 65536", "[loss_scaler.py:188:…]").
    expect(judged.otherSeries.map(s => s.key).sort()).toEqual([
      'average reward score',
      'cri_loss',
      'unsuper_loss'
    ])
  })
})

describe('LLM reinforcement learning (TRL GRPO, Unsloth, ms-swift, verl): judged by its reward, not its loss', () => {
  it("a GRPO run whose loss stays about 0 passes on its reward's rise (it failed on that loss before)", async () => {
    const judged = judgeText(await publicLog('grpo-unsloth-recall-learns.txt'), noLabel)
    expect(judged.verdict).toBe('pass')
    expect(judged.reason).toMatch(
      /^mean reward of the policy's completions rose from -0\.335 to 1\.72 over 90 values of "reward" in the command output \(Mann–Kendall τ = [\d.]+, p = [\de.-]+\): the policy learned\. A GRPO or RLOO run is judged by its reward: its loss is about 0 whether the policy learns or not/
    )
    // loss-key naming its loss judges that loss, as every run was judged before: it "rose 6789 %", about 0 to 0.003.
    const byKey = judgeLoss(
      chooseLossSeries(
        readOutput(await publicLog('grpo-unsloth-recall-learns.txt')).series(),
        'loss'
      ),
      { minDrop: 0.03, window: 0.25 },
      { lightningLogInterval: false, fastDevRun: false },
      []
    )
    expect(byKey.verdict).toBe('fail')
    expect(byKey.reason).toMatch(/^loss did not fall: rose 6788\.9 %/)
  })

  it("a reward_std of 0 over the end fails: every completion scored alike, so GRPO's advantages were all 0", async () => {
    // KL exploded, every completion hit the token cap, and the reward fell to 0; the loss (mostly β·KL) fell
    // 1083 → 0.004, which passed as a loss fall before.
    const explosion = judgeText(await publicLog('grpo-unsloth-kl-explosion.txt'), noLabel)
    expect(explosion.verdict).toBe('fail')
    expect(explosion.reason).toMatch(
      /^"reward_std" in the command output is 0 at the last 39 of 40 logged steps, from step 2 \(line 168\): every completion of a prompt scored as the others of its group, so every advantage was 0/
    )
    // ms-swift's dicts: reward, reward_std, loss, grad_norm and kl all 0 for 6 steps.
    const swift = judgeText(await publicLog('grpo-msswift-reward-zero.txt'), noLabel)
    expect(swift.verdict).toBe('fail')
    expect(swift.reason).toMatch(
      /^"reward_std" in the command output is 0 at the last 6 of 6 logged steps/
    )
  })

  it('a reward that barely moved is inconclusive, whatever its loss did (β·KL rising 0 → 0.03 failed it before)', async () => {
    const judged = judgeText(await publicLog('grpo-trl-hotpotqa-kl-drift.txt'), noLabel)
    expect(judged.verdict).toBe('inconclusive')
    expect(judged.reason).toMatch(
      /^mean reward of the policy's completions shows no rise to tell from noise, from 0\.6555 to 0\.7035 over 30 values of "reward"/
    )
    expect(judged.reason).toContain('Run more steps (or log every step: logging_steps=1)')
  })

  it("verl's step lines (Ray's prefix or none) are read, and its PPO and GRPO runs judged by critic/score/mean", async () => {
    // Read by no pattern before ("no training loss found"); read as losses, the critic's vf_loss would be judged.
    const ppo = judgeText(await publicLog('verl-ppo-qwen05b-gsm8k.txt'), noLabel)
    expect(ppo.verdict).toBe('pass')
    expect(ppo.reason).toMatch(
      /^mean score of the policy's responses rose from 0\.012 to 0\.426 over 29 values of "critic\/score\/mean"/
    )
    // The loss the choice ranks first is the critic's; the run is judged by its score instead.
    expect(ppo.series?.key).toBe('critic/vf_loss')
    expect(ppo.otherSeries.map(series => series.key)).toEqual(
      expect.arrayContaining(['actor/pg_loss', 'critic/score/mean', 'critic/lr(1e-4)'])
    )
    const grpo = judgeText(await publicLog('verl-grpo-deepseek7b-gsm8k.txt'), noLabel)
    expect(grpo.verdict).toBe('pass')
    expect(grpo.reason).toMatch(
      /^mean score of the policy's responses rose from 0\.255 to 0\.816 over 27 values/
    )
    // Its validation score, in every tenth step line, is a series of its own.
    const validation = grpo.otherSeries.find(series => series.key === 'val/test_score/openai/gsm8k')
    expect(validation?.points.map(point => point.step)).toEqual([10, 20])
  })

  it('a bare reward key is no agent; reward_std beside it makes a GRPO run, and TRL PPO is judged by objective/rlhf_reward', () => {
    // Written here in the Trainer's dict layout (no real PPO log of 5 steps or more was found; its keys are TRL's
    // documented ones).
    const lines = (keys: (step: number) => string) =>
      Array.from(
        { length: 8 },
        (_, i) => `{'loss': ${(0.9 - i * 0.1).toFixed(2)}, ${keys(i)}, 'epoch': ${i}}`
      ).join('\n')
    // A supervised script logging a metric it calls reward: judged by its loss.
    const supervised = judgeText(
      lines(i => `'reward': ${(0.5 - i * 0.01).toFixed(2)}`),
      noLabel
    )
    expect(supervised.reason).toMatch(/^loss fell/)
    // TRL's PPO (its documented keys): the RLHF reward, the score less the KL penalty.
    const ppo = judgeText(
      lines(
        i =>
          `'objective/rlhf_reward': ${(i * 0.3 - 1).toFixed(2)}, 'objective/scores': ${(i * 0.3).toFixed(2)}, 'loss/policy_avg': -0.01`
      ),
      noLabel
    )
    expect(ppo.verdict).toBe('pass')
    expect(ppo.reason).toMatch(
      /^RLHF reward \(the score less the KL penalty\) rose from -1 to 1\.1 over 8 values/
    )
  })
})

describe("a GAN's losses", () => {
  const ganLog = (name: string): Promise<string> => frameworkLog(`gan/${name}`)

  it("Loss_D and Loss_G alone (PyTorch's DCGAN tutorial) are inconclusive, whichever way they went; a NaN in either fails", async () => {
    // fixtures/framework-logs/gan/dcgan.py on torch 1.13: Loss_D fell to 1.165 and climbed back to 1.30.
    const text = await ganLog('dcgan-digits.txt')
    const judged = judgeText(text, noLabel)
    expect(judged.verdict).toBe('inconclusive')
    expect(judged.reason).toMatch(
      /^Loss_D and Loss_G are a GAN's discriminator and generator losses: each rises as the other improves/
    )
    // Line 21's value of one loss printed as nan.
    const line21 = text.split('\n')[20]
    const nanAt = (key: string) =>
      text.replace(line21, line21.replace(new RegExp(`${key}: [\\d.]+`), `${key}: nan`))
    for (const key of ['Loss_D', 'Loss_G']) {
      const broken = judgeText(nanAt(key), noLabel)
      expect([broken.verdict, broken.reason]).toEqual([
        'fail',
        `${key} is NaN at step 20 (command output line 21): training diverged`
      ])
    }
  })

  it('loss-key naming one of them judges it as a loss', async () => {
    const text = await ganLog('dcgan-digits.txt')
    const reader = readOutput(text)
    const choice = chooseLossSeries(reader.series(), 'Loss_D')
    const judged = judgeLoss(choice, { minDrop: 0.03, window: 0.25 }, reader.hints, [])
    expect(judged.verdict).toBe('fail')
    expect(judged.reason).toMatch(/^loss climbed back/)
  })

  it("a reconstruction loss beside them is judged: Coqui's VITS by loss_mel, not its discriminator's loss", async () => {
    const judged = judgeText(await publicLog('coqui-vits-finetune.txt'), noLabel)
    expect([judged.series?.key, judged.series?.points.length]).toEqual(['loss_mel', 18])
    expect([judged.first, judged.last]).toEqual([19.08429, 16.12044])
    expect(judged.verdict).toBe('pass')
  })

  it('a discriminator needs a generator beside it to make a GAN', () => {
    const judged = judgeText(
      [0.9, 0.8, 0.7, 0.6, 0.5, 0.45, 0.4, 0.35].map((v, i) => `step ${i} loss_d=${v}`).join('\n'),
      noLabel
    )
    expect([judged.series?.key, judged.verdict]).toEqual(['loss_d', 'pass'])
  })
})
