/** The run's report: JSON (outputs, report-file), the job summary table and plain text. Never a secret value. */
import type { Mode } from './plan.js'

export type Outcome = 'rotated' | 'created' | 'distributed' | 'not-due' | 'planned' | 'audited' | 'failed'
/** `unknown`: the write's answer was lost and the platform could not confirm it: the destination may hold the new token. */
export type DestinationStatus = 'created' | 'updated' | 'unknown' | 'failed' | 'would create' | 'would update' | 'not written'

export interface DestinationReport {
  id: string
  name: string
  status: DestinationStatus
  /** Why it failed or was not written, or what else changed. */
  detail?: string
  changes?: string[]
  /** Fingerprint (short SHA-256 prefix) of the value this destination now holds, when it was written. */
  holds?: string
}

/** One token of the rotation set, as an audit lists it (never a value). */
export interface AuditToken {
  id: string
  name: string
  createdAt: string
  ageDays: number
  expiresAt?: string
  lastUsedAt?: string
  createdBy?: string
  enabled?: boolean
  /** The newest token of the set: the one destinations should hold. */
  newest: boolean
}

export interface AuditReport {
  tokens: AuditToken[]
  /** kind: unused, rotation-due, expired, expiring-soon, never-expires, orphan, disabled. */
  findings: { id: string; name: string; kind: string; detail: string }[]
}

export interface Report {
  outcome: Outcome
  mode: Mode
  issuer: string
  dryRun: boolean
  /** Where the run came from (repository, run URL, actor, commit), as the CI system tells it. */
  origin?: Record<string, string>
  /** id and name are absent when the token was given (distribute) rather than minted. */
  token?: { id?: string; name?: string; expiresAt?: string; verifiedAs?: string; fingerprint?: string }
  destinations: DestinationReport[]
  /** Older tokens revoked because every destination now holds the new one. */
  revokedIds: string[]
  /** Tokens of the set still valid after this run besides the new one (the notes say why each was kept). */
  keptIds: string[]
  /** Set when the new token itself was revoked because it reached no destination. */
  newTokenRevoked?: boolean
  /** Names of tokens a mint whose answer was lost may have made, which the run could not check: revoke them if they exist. */
  mayExist?: string[]
  /** `audit` mode: the rotation set and its findings. */
  audit?: AuditReport
  error?: string
  notes: string[]
  startedAt: string
  finishedAt: string
  requests: { total: number; retries: number; rateLimited: number }
}

/** 1 when the run failed; bad input (2) never gets as far as a report. */
export function exitCode(report: Report): number {
  return report.outcome === 'failed' ? 1 : 0
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

const ICON: Record<DestinationStatus, string> = {
  created: '✅ created',
  updated: '✅ updated',
  unknown: '❓ unknown',
  failed: '❌ failed',
  'would create': '📝 would create',
  'would update': '📝 would update',
  'not written': '⏭️ not written',
}

export function summaryMarkdown(r: Report): string {
  const out: string[] = [`### token-action: ${r.outcome}${r.dryRun ? ' (dry run)' : ''}`, '']
  if (r.token) out.push(`${r.token.name ? `Token \`${r.token.name}\` (id \`${r.token.id}\`)` : 'The given token'}${r.token.verifiedAs ? `, verified as ${r.token.verifiedAs}` : ''}${r.token.expiresAt ? `, expires ${r.token.expiresAt}` : ''}, from ${r.issuer}${r.token.fingerprint ? `; fingerprint \`${r.token.fingerprint}\`` : ''}.`, '')
  if (r.origin) out.push(`Run: ${Object.entries(r.origin).map(([k, v]) => `${k} ${escapeCell(v)}`).join(', ')}`, '')
  if (r.error) out.push(`**Error:** ${escapeCell(r.error)}`, '')
  if (r.destinations.length) {
    out.push('| destination | secret | result | detail |', '|---|---|---|---|')
    for (const d of r.destinations) {
      const detail = [d.detail, ...(d.changes ?? [])].filter(Boolean).join('; ')
      out.push(`| \`${escapeCell(d.id)}\` | \`${d.name}\` | ${ICON[d.status]} | ${escapeCell(detail)} |`)
    }
    out.push('')
  }
  if (r.revokedIds.length) out.push(`Revoked previous tokens: ${r.revokedIds.map((i) => `\`${i}\``).join(', ')}`, '')
  if (r.keptIds.length) out.push(`Still valid (not revoked): ${r.keptIds.map((i) => `\`${i}\``).join(', ')}`, '')
  if (r.mayExist?.length) out.push(`May exist (a mint's answer was lost; check and revoke): ${r.mayExist.map((n) => `\`${n}\``).join(', ')}`, '')
  if (r.audit) out.push(...auditMarkdown(r.audit))
  for (const n of r.notes) out.push(`> ${n}`, '')
  return out.join('\n')
}

function auditMarkdown(a: AuditReport): string[] {
  const out = [`**Rotation set:** ${a.tokens.length} valid token(s), ${a.findings.length} finding(s).`, '']
  if (a.tokens.length) {
    out.push('| token | id | age | expires | last used | created by |', '|---|---|---|---|---|---|')
    for (const t of a.tokens) out.push(`| \`${escapeCell(t.name)}\`${t.newest ? ' (newest)' : ''} | \`${escapeCell(t.id)}\` | ${t.ageDays} d | ${t.expiresAt ?? 'never'} | ${t.lastUsedAt ?? '-'} | ${escapeCell(t.createdBy ?? '-')} |`)
    out.push('')
  }
  for (const f of a.findings) out.push(`- **${f.kind}** \`${escapeCell(f.name)}\`: ${escapeCell(f.detail)}`)
  if (a.findings.length) out.push('')
  return out
}

export function summaryText(r: Report): string[] {
  const lines = [`token-action ${r.mode}: ${r.outcome}${r.dryRun ? ' (dry run)' : ''}`]
  if (r.token) lines.push(`  token ${r.token.name ? `${r.token.name} (id ${r.token.id})` : '(given)'}${r.token.verifiedAs ? ` verified as ${r.token.verifiedAs}` : ''}${r.token.expiresAt ? ` expires ${r.token.expiresAt}` : ''}`)
  if (r.error) lines.push(`  error: ${r.error}`)
  for (const d of r.destinations) {
    const detail = [d.detail, ...(d.changes ?? [])].filter(Boolean).join('; ')
    lines.push(`  ${d.status.padEnd(12)} ${d.id} (${d.name})${detail ? `: ${detail}` : ''}`)
  }
  if (r.revokedIds.length) lines.push(`  revoked: ${r.revokedIds.join(', ')}`)
  if (r.keptIds.length) lines.push(`  still valid: ${r.keptIds.join(', ')}`)
  if (r.mayExist?.length) lines.push(`  may exist (check and revoke): ${r.mayExist.join(', ')}`)
  for (const t of r.audit?.tokens ?? []) lines.push(`  token ${t.name} (id ${t.id})${t.newest ? ' newest' : ''}: ${t.ageDays} days old, expires ${t.expiresAt ?? 'never'}, last used ${t.lastUsedAt ?? '-'}`)
  for (const f of r.audit?.findings ?? []) lines.push(`  finding ${f.kind}: ${f.name}: ${f.detail}`)
  for (const n of r.notes) lines.push(`  note: ${n}`)
  return lines
}

/** Step outputs share a 1 MB limit per job; keep well under it. */
export const OUTPUT_REPORT_MAX_CHARS = 512 * 1024

/**
 * The report as the `report` output: whole when it fits, else with only the destinations that did
 * not succeed, their count, and where the whole report is (report-file).
 */
export function reportOutput(r: Report, reportFile: string | undefined): string {
  const whole = JSON.stringify(r)
  if (whole.length <= OUTPUT_REPORT_MAX_CHARS) return whole
  const notOk = r.destinations.filter((d) => d.status !== 'created' && d.status !== 'updated')
  const note = `report output truncated: ${r.destinations.length - notOk.length} of ${r.destinations.length} destinations succeeded and are omitted here${reportFile ? `; the whole report is in ${reportFile}` : '; set report-file for the whole report'}`
  return JSON.stringify({ ...r, destinations: notOk.slice(0, 2000), notes: [...r.notes, note] })
}
