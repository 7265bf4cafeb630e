/**
 * The run's report from its sets' results: a `token-per: run` report is its one set's, as before; a
 * `token-per: line` report lists every set and says, for every destination, which set it belongs to.
 */
import type { Plan } from '../plan/plan.js'
import type { AuditReport, Outcome, Report } from '../report/report.js'
import type { HttpStats } from '../transport/transport.js'
import type { SetResult } from './ledger.js'

export interface RunFacts {
  startedAt: Date
  finishedAt: Date
  stats: HttpStats
  /** Said once for the run (hints), before the sets' notes. */
  notes: string[]
  /** Audit findings about the run's sets as a whole (sets no line names). */
  findings: AuditReport['findings']
}

/** A run of many sets ends as its most telling set did. */
const PRECEDENCE: Outcome[] = ['failed', 'rotated', 'created', 'distributed', 'planned', 'audited', 'not-due']

export function composeReport(plan: Plan, results: SetResult[], run: RunFacts): Report {
  const line = plan.tokenPer === 'line'
  const auditReports = results.flatMap((r) => (r.audit ? [r.audit] : []))
  const audit: AuditReport | undefined =
    plan.mode === 'audit'
      ? {
          tokens: auditReports.flatMap((a) => a.tokens),
          findings: [...auditReports.flatMap((a) => a.findings), ...run.findings],
        }
      : undefined
  const failed = results.filter((r) => r.outcome === 'failed')
  const runFindingsFail = plan.failOnFindings && run.findings.length > 0
  const outcome: Outcome = runFindingsFail
    ? 'failed'
    : (PRECEDENCE.find((o) => results.some((r) => r.outcome === o)) ?? 'failed')
  const errors = [
    ...failed.map((r) => (line ? `${r.set.line}: ${r.error ?? 'failed'}` : (r.error ?? 'failed'))),
    ...(runFindingsFail ? [`audit: ${run.findings.length} finding(s) about the rotation sets (fail-on-findings)`] : []),
  ]
  const error =
    errors.length === 0
      ? undefined
      : line
        ? `${failed.length} of ${results.length} rotation sets failed: ${errors.join('; ')}`
        : errors.join('; ')
  const one = results.length === 1 && !line ? results[0] : undefined
  const mayExist = results.flatMap((r) => r.mayExist ?? [])
  return {
    outcome,
    mode: plan.mode,
    issuer: plan.issuer.kind,
    dryRun: plan.dryRun,
    ...(Object.keys(plan.origin).length ? { origin: plan.origin } : {}),
    ...(one?.token ? { token: one.token } : {}),
    ...(line
      ? {
          sets: results.map((r) => ({
            name: r.set.name,
            line: r.set.line ?? '',
            outcome: r.outcome,
            ...(r.token ? { token: r.token } : {}),
            ...(r.error ? { error: r.error } : {}),
            revokedIds: r.revokedIds,
            keptIds: r.keptIds,
            ...(r.newTokenRevoked ? { newTokenRevoked: true } : {}),
            ...(r.mayExist ? { mayExist: r.mayExist } : {}),
          })),
        }
      : {}),
    destinations: results.flatMap((r) =>
      line ? r.destinations.map((d) => ({ ...d, set: r.set.name })) : r.destinations,
    ),
    revokedIds: results.flatMap((r) => r.revokedIds),
    keptIds: results.flatMap((r) => r.keptIds),
    ...(one?.newTokenRevoked ? { newTokenRevoked: true } : {}),
    ...(mayExist.length ? { mayExist } : {}),
    ...(audit ? { audit } : {}),
    ...(error ? { error } : {}),
    notes: [...run.notes, ...results.flatMap((r) => r.notes.map((n) => (line ? `${r.set.line}: ${n}` : n)))],
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt.toISOString(),
    requests: { total: run.stats.requests, retries: run.stats.retries, rateLimited: run.stats.rateLimited },
  }
}
