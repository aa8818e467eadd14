// ml-smoke-report.json: what a later comparison needs of a run (the loss curve, the counts, the model
// files), bounded in size, written beside the manifest in the artifact.
import { z } from 'zod'
import type { ArtifactReport } from '../artifact/stage.js'
import type { ValidationResult } from '../data/validation-types.js'
import type { LossResult } from '../loss/verdict.js'
import type { SubsetResult } from '../sample/types.js'
import type { CommandResult } from '../train/command.js'
import { VERSION } from '../version.js'

export const RUN_RECORD_VERSION = 1
/** Loss points kept (evenly thinned, the last always kept). */
export const RECORD_LOSS_POINTS = 500
/** Keys kept in each map of counts (by code, by column, by class) and files listed. */
export const RECORD_MAX_KEYS = 200
const MAX_KEY_LENGTH = 200

const counts = z.record(z.string().max(MAX_KEY_LENGTH), z.number())

export const runRecordSchema = z.object({
  schemaVersion: z.literal(RUN_RECORD_VERSION),
  tool: z.object({ name: z.literal('ml-smoke'), version: z.string() }),
  data: z.object({
    rows: z.number(),
    violations: z.number(),
    byCode: counts,
    nulls: counts,
    classes: counts.optional(),
    columns: z.array(z.string()).max(10_000)
  }),
  subset: z.object({ strategy: z.string(), seed: z.number(), rows: z.number() }),
  training: z.object({ durationMs: z.number(), exitCode: z.number().nullable() }),
  loss: z.object({
    verdict: z.string(),
    key: z.string().nullable(),
    last: z.number().nullable(),
    end: z.number().nullable(),
    drop: z.number().nullable(),
    points: z.array(z.tuple([z.number(), z.number()])).max(RECORD_LOSS_POINTS)
  }),
  model: z.object({
    files: z
      .array(
        z.object({
          path: z.string(),
          bytes: z.number(),
          format: z.string().nullable(),
          verdict: z.string().nullable()
        })
      )
      .max(RECORD_MAX_KEYS)
  })
})

export type RunRecord = z.infer<typeof runRecordSchema>

/** The first RECORD_MAX_KEYS entries, keys clipped. */
function bounded(map: Record<string, number> | undefined): Record<string, number> {
  return Object.fromEntries(
    Object.entries(map ?? {})
      .slice(0, RECORD_MAX_KEYS)
      .map(([key, value]) => [key.slice(0, MAX_KEY_LENGTH), value])
  )
}

/** At most `max` finite points, evenly spaced, the last kept. */
export function thinned(loss: LossResult, max = RECORD_LOSS_POINTS): Array<[number, number]> {
  const points = (loss.series?.points ?? []).filter(point => Number.isFinite(point.value))
  const stride = Math.ceil(points.length / max)
  const kept = points.filter((_, index) => index % stride === 0 || index === points.length - 1)
  if (kept.length > max) kept.splice(max - 1, kept.length - max)
  return kept.map(point => [point.step, Number(point.value.toPrecision(7))])
}

export interface RecordInputs {
  validation: ValidationResult
  subset: SubsetResult
  training: CommandResult
  loss: LossResult
  artifact: ArtifactReport
}

/** The run as a later comparison reads it. */
export function buildRunRecord(inputs: RecordInputs): RunRecord {
  const { validation, subset, training, loss, artifact } = inputs
  const scans = new Map((artifact.scans ?? []).map(scan => [scan.file, scan]))
  return {
    schemaVersion: RUN_RECORD_VERSION,
    tool: { name: 'ml-smoke', version: VERSION },
    data: {
      rows: validation.rows,
      violations: validation.violationCount,
      byCode: bounded(validation.countsByCode),
      nulls: bounded(validation.stats.nullCounts),
      ...(validation.stats.classCounts ? { classes: bounded(validation.stats.classCounts) } : {}),
      columns: validation.header.slice(0, 10_000)
    },
    subset: { strategy: subset.strategy, seed: subset.seed, rows: subset.rows },
    training: { durationMs: training.durationMs, exitCode: training.exitCode },
    loss: {
      verdict: loss.verdict,
      key: loss.series?.key ?? null,
      last: loss.last ?? null,
      end: loss.end ?? null,
      drop: loss.drop ?? null,
      points: thinned(loss)
    },
    model: {
      files: (artifact.selection?.files ?? []).slice(0, RECORD_MAX_KEYS).map(file => ({
        path: file.name.split('\\').join('/'),
        bytes: file.size,
        format: scans.get(file.name)?.format ?? null,
        verdict: scans.get(file.name)?.verdict ?? null
      }))
    }
  }
}
