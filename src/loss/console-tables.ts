import { isLossKey } from './loss-keys.js'

// Console tables (skorch's epoch table, scikit-learn GradientBoosting's verbose table, fastai's, Ultralytics
// YOLO's, H2O's scoring history): a header whose names are split by two or more spaces or by tabs, an optional
// rule of dashes, then one row of numbers per epoch.
// Chainer's PrintReport names columns main/loss, validation/main/loss.
const NAME = String.raw`[A-Za-z][\w./]*(?: [A-Za-z][\w./]*)*`
const TABLE_HEADER = new RegExp(String.raw`^${NAME}(?:(?: {2,}|\t+)${NAME})+$`)
const TABLE_RULE = /^-+(?: +-+)*$/
// H2O counts a GBM's or a random forest's rounds in number_of_trees, a GLM's and a deep net's in iterations.
const TABLE_STEP = /^(?:epoch|iter|iterations?|step|number_of_trees)$/i
// A step cell: "3", YOLO's "3/20", or H2O's "3.0".
const STEP_CELL = /^(\d+)(?:\/\d+|\.0+)?$/
/** A number as logs print it, NaN and infinities too (a diverged run prints them). */
export const NUM = String.raw`[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|nan|inf(?:inity)?)`
/** A whole cell that is a number (tables, GBDT fields). */
export const NUMBER_CELL = new RegExp(`^${NUM}$`, 'i')
// YOLO draws each epoch's row as a progress bar: "1/20  10.1G  1.777 … 640: 100%|███| 298/298 [08:35<00:00]".
const BAR_TAIL = /:\s+\d{1,3}%\|.*$/
// YOLOv5 before 6.2 and YOLOv7 head their losses `box  obj  cls  total` (YOLOv8: box_loss, cls_loss, dfl_loss).
const YOLO_LOSSES: Record<string, string> = {
  box: 'box_loss',
  obj: 'obj_loss',
  cls: 'cls_loss',
  total: 'total_loss'
}

export interface Table {
  columns: string[]
  /** Where each column's name sits in the header line as printed: rows align to it. */
  spans: Array<[start: number, end: number]>
  step: number
  /**
   * Where each column's cells start and end, from the rule of dashes under the header (tabulate's "simple"
   * format, H2O's): rows with blank cells or cells of words (`1 min  0.607 sec`) are cut there.
   */
  cuts?: Array<[start: number, end: number]>
}

/** A table's header, or undefined. `shown` is the line as printed (its indent kept). */
export function tableHeader(line: string, shown: string): Table | undefined {
  if (line.length > 400 || !TABLE_HEADER.test(line)) return undefined
  let columns = line.split(/\t+| {2,}/)
  if (['box', 'obj', 'cls'].every(name => columns.includes(name)))
    columns = columns.map(name => YOLO_LOSSES[name] ?? name)
  if (!columns.some(name => isLossKey(name))) return undefined
  const spans = [...shown.matchAll(/[^\s](?:[^\t ]| (?! ))*/g)].map(
    m => [m.index, m.index + m[0].length] as [number, number]
  )
  return { columns, spans, step: columns.findIndex(name => TABLE_STEP.test(name)) }
}

export type TableRow =
  | { kind: 'rule'; cuts?: Table['cuts'] }
  | {
      kind: 'row'
      step?: number
      cells: Array<[column: string, text: string]>
      /** Drawn as a progress bar (YOLO): drawn again for the same step, it replaces that step's values. */
      bar: boolean
    }

/** A row of `table`, a rule, or undefined (the line ends the table). */
export function tableRow(table: Table, line: string, shown: string): TableRow | undefined {
  if (TABLE_RULE.test(line)) return { kind: 'rule', cuts: ruleCuts(table, shown) }
  const text = line.replace(BAR_TAIL, '')
  const named = rowCells(table, text, shown.replace(BAR_TAIL, ''))
  if (!named) return undefined
  const stepColumn = table.columns[table.step < 0 ? 0 : table.step]
  const stepCell = STEP_CELL.exec(named.find(([column]) => column === stepColumn)?.[1] ?? '')
  // A table with no step column (spaCy 2's example scripts: "LOSS  P  R  F") is rows of numbers alone.
  const numbersOnly = table.step < 0 && named.every(([, cell]) => NUMBER_CELL.test(cell))
  if (!stepCell && !numbersOnly) return undefined
  const step = table.step < 0 ? undefined : Number(stepCell![1])
  // H2O scores its model before the first tree or iteration too, and prints what it cannot score yet as nan.
  const unscored = step === 0 && H2O_COLUMNS.every(name => table.columns.includes(name))
  return {
    kind: 'row',
    bar: text !== line,
    step,
    cells: named.filter(
      ([column, cell]) =>
        (table.step < 0 || column !== table.columns[table.step]) &&
        !(unscored && /^nan$/i.test(cell))
    )
  }
}

/**
 * Each cell of a row under its column: split on spaces; else on two spaces or more (H2O's cells hold single
 * spaces: "2016-08-25 13:50:21", "0.006 sec"); else cut where the rule placed the columns (a blank cell, H2O's
 * "1 min  0.607 sec"); else, for fewer cells than columns (skorch leaves the `cp` cell blank on epochs without a
 * checkpoint), under the column each lines up with.
 */
function rowCells(table: Table, text: string, shown: string): Array<[string, string]> | undefined {
  const count = table.columns.length
  const named = (cells: string[]) =>
    cells.map((cell, i): [string, string] => [table.columns[i], cell])
  const cells = text.split(/\s+/)
  if (cells.length === count) return named(cells)
  if (cells.length === count + 1 && isIndex(table, cells[0], shown)) return named(cells.slice(1))
  const wide = text.trim().split(/\s{2,}/)
  if (wide.length === count) return named(wide)
  if (table.cuts) return cutCells(table.columns, table.cuts, shown)
  if (cells.length >= 2 && cells.length < count && table.spans.length === count)
    return alignedCells(table, shown)
  return undefined
}

/**
 * A pandas DataFrame printed whole (`print(pd.DataFrame(history))`): each row starts with its index, a whole
 * number left of the first column's name, under no name of its own.
 */
function isIndex(table: Table, cell: string, shown: string): boolean {
  const first = table.spans[0]?.[0] ?? 0
  return /^\d+$/.test(cell) && shown.indexOf(cell) + cell.length < first
}

const H2O_COLUMNS = ['timestamp', 'duration']

/**
 * Each column's cells' place, from the dash runs of a rule: the run under the column's name, up to the next (the
 * reader keeps the first rule's: H2O's `---` row between the trees it shows is no header rule).
 */
function ruleCuts(table: Table, shown: string): Table['cuts'] {
  if (table.spans.length !== table.columns.length) return undefined
  const runs = [...shown.matchAll(/-+/g)].map(m => m.index)
  const cuts: Array<[number, number]> = []
  for (const [start] of table.spans) {
    const run = runs.findLastIndex(from => from <= start)
    if (run < 0) return undefined
    cuts.push([runs[run], runs[run + 1] ?? Infinity])
  }
  return cuts
}

/** The row's text in each column's place; blank cells left out. */
function cutCells(
  columns: string[],
  cuts: NonNullable<Table['cuts']>,
  shown: string
): Array<[string, string]> {
  return cuts
    .map(([start, end], i): [string, string] => [columns[i], shown.slice(start, end).trim()])
    .filter(([, cell]) => cell !== '')
}

/** Each cell under the column whose name it starts or ends with (left- or right-aligned tables). */
function alignedCells(table: Table, shown: string): Array<[string, string]> {
  return [...shown.matchAll(/\S+/g)].map(m => {
    const [start, end] = [m.index, m.index + m[0].length]
    let best = 0
    let distance = Infinity
    table.spans.forEach(([from, to], i) => {
      const d = Math.min(Math.abs(end - to), Math.abs(start - from))
      if (d < distance) [best, distance] = [i, d]
    })
    return [table.columns[best], m[0]]
  })
}

// Ludwig's metrics after each evaluation: a box-drawn table whose rows are the splits, one an output feature
// ("│ Survived   │   loss │   accuracy │", then "│ train      │ 7.9026 │     0.3968 │", "│ vali …", "│ test …"),
// and on newer versions one for all features together ("│ combined   │   loss │").
const BOX_RULE = /^[╒╞├╘╤╪┼╧╕╡┤╛═─ ]+$/
const BOX_SPLIT = /^(?:train|training|vali|validation|test|eval|evaluation)$/

export interface SplitTable {
  /** The output feature the table is of, or "combined". */
  feature: string
  columns: string[]
}

const boxCells = (line: string): string[] | undefined =>
  line.startsWith('│') && line.endsWith('│')
    ? line
        .slice(1, -1)
        .split('│')
        .map(cell => cell.trim())
    : undefined

/** A Ludwig table's header (its feature, then metric names, a loss among them), or undefined. */
export function splitTableHeader(line: string): SplitTable | undefined {
  const [feature, ...columns] = boxCells(line) ?? []
  if (!columns.length || BOX_SPLIT.test(feature) || !columns.some(name => isLossKey(name)))
    return undefined
  return { feature, columns }
}

/**
 * A row of a Ludwig table (the split as a series' context: none for training's; then its cells), a rule, or
 * undefined (the line ends the table).
 */
export function splitTableRow(
  table: SplitTable,
  line: string
): { context?: string; cells: Array<[column: string, text: string]> } | 'rule' | undefined {
  if (BOX_RULE.test(line)) return 'rule'
  const [split, ...cells] = boxCells(line) ?? []
  if (!BOX_SPLIT.test(split) || cells.length !== table.columns.length) return undefined
  const context = split.startsWith('train') ? undefined : split === 'test' ? 'test' : 'validation'
  return { context, cells: cells.map((text, i) => [table.columns[i], text]) }
}

// spaCy's `spacy train` table: "E    #       LOSS TOK2VEC  LOSS NER  ENTS_F  ENTS_P  ENTS_R  SCORE", a rule, then
// one row per evaluation. A LOSS cell sums the component's loss over the steps since the last row (spaCy's
// training loop resets it after each evaluation), so each is divided by those steps. The "loss" of tok2vec or a
// transformer sums the squared gradients its listeners pass back: it is no loss.
const SPACY_HEADER = /^E {2,}# {2,}LOSS /
const SPACY_LOSS = /^LOSS (?!TOK2VEC$|TRANS|CURATED)/
/** The key of spaCy's SCORE column: its weighted score on the dev set at each evaluation. */
export const SPACY_SCORE = 'spaCy SCORE'

export interface SpacyTable {
  columns: string[]
  /** The step of the last row read: a row's losses are summed over the steps after it. */
  lastStep?: number
}

export function spacyHeader(line: string): SpacyTable | undefined {
  return SPACY_HEADER.test(line) ? { columns: line.split(/ {2,}/) } : undefined
}

export interface SpacyRow {
  step: number
  losses: Array<[key: string, perStep: number]>
  /** The SCORE cell, as printed. */
  score: string
}

/** A row's losses per step, a rule, or undefined (the line ends the table). */
export function spacyRow(table: SpacyTable, line: string): SpacyRow | 'rule' | undefined {
  if (TABLE_RULE.test(line)) return 'rule'
  const cells = line.trim().split(/\s+/)
  if (cells.length !== table.columns.length || !/^\d+$/.test(cells[1] ?? '')) return undefined
  const step = Number(cells[1])
  // The first evaluation comes after step 0: its sum holds step + 1 updates.
  const steps = table.lastStep === undefined ? step + 1 : step - table.lastStep
  if (steps <= 0) return undefined
  table.lastStep = step
  const losses = table.columns.flatMap((column, i): Array<[string, number]> =>
    SPACY_LOSS.test(column) ? [[`${column} per step`, Number(cells[i]) / steps]] : []
  )
  return { step, losses, score: cells.at(-1)! }
}

// Stable-Baselines3's logger (verbose=1): each dump is a box between rules of dashes, of "| rollout/ |  |"
// section lines and "|    ep_rew_mean | 28.1 |" cells; a key is section/name, as in its CSV and TensorBoard
// files, and the step is time/total_timesteps.
const SB3_RULE = /^-{20,}$/
const SB3_SECTION = /^\| (\w+)\/ +\| +\|$/
const SB3_CELL = /^\| {4}(\S+) +\| (\S+) +\|$/
/** The mean reward of the last 100 episodes: what a reinforcement-learning run is judged by. */
export const SB3_REWARD = 'rollout/ep_rew_mean'
export const SB3_STEP = 'time/total_timesteps'

export type Sb3Line =
  | { kind: 'rule' }
  | { kind: 'section'; name: string }
  | { kind: 'cell'; name: string; value: string }

export function sb3Line(line: string): Sb3Line | undefined {
  if (SB3_RULE.test(line)) return { kind: 'rule' }
  const section = SB3_SECTION.exec(line)
  if (section) return { kind: 'section', name: section[1] }
  const cell = SB3_CELL.exec(line)
  return cell ? { kind: 'cell', name: cell[1], value: cell[2] } : undefined
}

// YOLOv7 and YOLOv5 before 6.0 write runs/train/exp*/results.txt with no header, a row an epoch: "0/299",
// the GPU memory ("3.21G"), the mean box, objectness, class and total losses, the labels and image size of the
// last batch, then precision, recall, mAP@.5, mAP@.5:.95 and the validation box, objectness and class losses.
const YOLO_RESULTS_COLUMNS = [
  'box_loss',
  'obj_loss',
  'cls_loss',
  'total_loss',
  '',
  '',
  '',
  '',
  '',
  '',
  'val_box_loss',
  'val_obj_loss',
  'val_cls_loss'
]
/** How a row of YOLO's results.txt starts ("0/299  7.36G  0.06121"); `m`: a folder search tests whole files. */
export const YOLO_RESULTS_START = /^ *\d+\/\d+ +[\d.]+G +\d/m

/** A row of YOLO's results.txt: its epoch and its losses, or undefined. */
export function yoloResultsRow(
  line: string
): { epoch: number; losses: Array<[key: string, value: string]> } | undefined {
  if (!YOLO_RESULTS_START.test(line)) return undefined
  const cells = line.split(/ +/)
  const numbers = cells.slice(2)
  if (cells.length !== 2 + YOLO_RESULTS_COLUMNS.length) return undefined
  if (!numbers.every(cell => NUMBER_CELL.test(cell))) return undefined
  const losses = numbers.flatMap((cell, i): Array<[string, string]> =>
    YOLO_RESULTS_COLUMNS[i] ? [[YOLO_RESULTS_COLUMNS[i], cell]] : []
  )
  return { epoch: parseInt(cells[0], 10), losses }
}
