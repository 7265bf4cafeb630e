/**
 * The report leaves the run through stdout, `--json`, report-file, the `report` output and the job
 * summary, and much of it quotes servers (a verified identity, names, ids, `created_by`). An issuer
 * that echoes the bearer token back in `/info` would otherwise put the token there: every string of
 * the report, keys included, goes through the run's redactor once before anything prints it.
 */
import type { Report } from './report.js'

type Redact = (text: string) => string

function deep(value: unknown, redact: Redact): unknown {
  if (typeof value === 'string') return redact(value)
  if (Array.isArray(value)) return value.map((v) => deep(v, redact))
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), deep(v, redact)]))
  return value
}

/** A copy of `report` with every string (at any depth) passed through `redact`. */
export function redactReport(report: Report, redact: Redact): Report {
  return deep(report, redact) as Report
}
