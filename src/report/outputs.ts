import { decidingP } from '../loss/verdict.js'
import type { RunReport } from './types.js'

/** The action's outputs that this run knows; outputs of stages that did not run are left unset. */
export function reportOutputs(report: RunReport): Record<string, string> {
  const outputs: Record<string, string> = {}
  const set = (name: string, value: string | number | undefined): void => {
    if (value !== undefined && !(typeof value === 'number' && Number.isNaN(value)))
      outputs[name] = String(value)
  }
  if (report.validation) {
    set('rows-validated', report.validation.rows)
    set('violations', report.validation.violationCount)
  }
  const splits = report.splits
  if (splits) {
    const { pairs } = splits.leakage
    outputs['split-rows'] = JSON.stringify(
      Object.fromEntries(splits.splits.map(split => [split.name, split.rows]))
    )
    set(
      'leaked-rows',
      pairs.reduce((sum, pair) => sum + pair.rows, 0)
    )
    outputs.leakage = JSON.stringify(
      pairs.map(({ split, rows, fraction, overLimit, ...pair }) => ({
        split,
        in: pair.in,
        rows,
        fraction,
        overLimit
      }))
    )
    if (splits.labelShift) outputs['label-shift'] = JSON.stringify(splits.labelShift.bySplit)
  }
  set('subset-path', report.subset?.path)
  set('subset-rows', report.subset?.rows)
  set('subset-sha256', report.subset?.sha256)
  if (report.subset?.classes) outputs['subset-classes'] = JSON.stringify(report.subset.classes)
  set('cache-key', report.cache?.key)
  if (report.cache) outputs['cache-hit'] = String(report.cache.hit)
  set('initial-loss', report.loss?.first)
  set('final-loss', report.loss?.last)
  set('loss-drop', report.loss?.drop)
  set('loss-verdict', report.loss?.verdict)
  set('loss-key', report.loss?.series?.key)
  set('loss-source', report.loss?.series?.source)
  set('loss-trend-p', decidingP(report.loss?.trend))
  if (report.loss?.baseline?.applied) set('loss-baseline', report.loss.baseline.value)
  const upload = report.artifact?.upload
  set('artifact-id', upload?.id)
  set('artifact-url', upload?.url)
  set('artifact-digest', upload?.digest)
  set('manifest-path', report.artifact?.manifestPath)
  set('predict-score', report.predict?.score?.score)
  set('predict-baseline', report.predict?.score?.baseline)
  set('predict-p95-ms', report.predict?.latency?.p95Ms)
  const attestation = report.artifact?.attestation
  set('attestation-id', attestation?.id)
  set('attestation-url', attestation?.url)
  set('bundle-path', attestation?.bundlePath)
  return outputs
}
