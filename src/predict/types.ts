// The model API stage's options and figures as types and constants only: the config, the report and the
// CLI import them without loading the stage.
import type { Violation } from '../data/validation-types.js'

/** How the held-out rows reach a predict-command: `$ML_SMOKE_PREDICT_INPUT` in this format. */
export const PREDICT_FORMATS = ['jsonl', 'csv', 'parquet'] as const
export type PredictFormat = (typeof PREDICT_FORMATS)[number]

/**
 * A model server's request body: `row` one JSON object per request; `instances` `{"instances": [row]}`
 * answered by `{"predictions": [answer]}` (TF Serving, KServe v1); `inputs` `{"inputs": [row]}`.
 */
export const PREDICT_REQUESTS = ['row', 'instances', 'inputs'] as const
export type PredictRequest = (typeof PREDICT_REQUESTS)[number]

/** The answers are kept in memory: a smoke check needs tens of rows, not a dataset. */
export const MAX_PREDICT_ROWS = 10_000

/** `$ML_SMOKE_PORT` (or `${ML_SMOKE_PORT}`) stands for the free port ml-smoke gives the server. */
export const PORT_PLACEHOLDER = /\$\{?ML_SMOKE_PORT\}?/g
export const DEFAULT_PREDICT_URL = 'http://127.0.0.1:$ML_SMOKE_PORT/predict'

/** A defect in the model's answers: positioned at the output line (or the request) and the input row. */
export interface AnswerViolation extends Violation {
  /** HTTP: the request (1-based) whose answer it is. */
  request?: number
}

/** `classes`: accuracy and macro-F1; `numbers`: MAE and R². */
export type TaskKind = 'classes' | 'numbers'

/** The model's score and the trivial predictor's on the same held-out rows, and the test between them. */
export interface PredictScore {
  kind: TaskKind
  /** Rows scored: those with a label and a usable answer. */
  rows: number
  /** Accuracy (classes) or R² (numbers): what min-predict-score is compared with. */
  score: number
  /** The same for the trivial predictor: the majority class of these rows, or their mean (R² 0). */
  baseline: number
  /** What the trivial predictor answers: the majority class, or the mean. */
  trivial: string | number
  /** Classes: macro-F1 of the model and of the trivial predictor. */
  macroF1?: number
  baselineMacroF1?: number
  /** Numbers: mean absolute error of the model and of the trivial predictor. */
  mae?: number
  baselineMae?: number
  /** The one-sided test that the model beats the trivial predictor (absent when it cannot be made). */
  test?: { name: string; p: number; significance: number; note?: string }
  /** Classes: the fewest correct answers of `rows` that would have beaten chance at the significance level. */
  neededCorrect?: number
}

/** How fast the answers came. Per-row times are known only for a server (one request a row). */
export interface PredictLatency {
  /** From the command's start, or the server being ready, to the first answer. */
  firstAnswerMs?: number
  p50Ms?: number
  p95Ms?: number
  /** The command's run, or every request together. */
  totalMs: number
}

/** One held-out row as sent, the model's answer and the label. */
export interface PredictExample {
  row: number
  input: Record<string, unknown>
  /** The whole answer, and its prediction field. */
  answer?: Record<string, unknown>
  prediction?: unknown
  label?: unknown
}

/** What the model API stage found. */
export interface PredictReport {
  mode: 'command' | 'server'
  /** predict-command, or serve-command. */
  command: string
  /** Server mode: the URL asked and the request convention. */
  url?: string
  request?: PredictRequest
  /** Command mode: where the rows were written, and whether the answers came from the file or stdout. */
  inputPath?: string
  answersFrom?: 'file' | 'stdout'
  /** Rows sent, and the rows the subset left to draw from. */
  rows: number
  heldOutRows: number
  labelColumn?: string
  answers: number
  violationCount: number
  violations: AnswerViolation[]
  countsByCode: Record<string, number>
  score?: PredictScore
  latency?: PredictLatency
  examples: PredictExample[]
  /** The command's or server's exit, and its last lines when it failed. */
  exitCode?: number | null
  tail?: string[]
}
