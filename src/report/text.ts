/** The printed summary: what a person reads in a log or a terminal. */
import { byAttention, totalsLine, type DestinationReport, type Report } from './report.js'
import { SUMMARY_OPEN_ROWS } from './markdown.js'

/** Destination lines the printed summary shows before it counts the rest, as the job summary's open rows. */
export const TEXT_OPEN_ROWS = SUMMARY_OPEN_ROWS
/** This many `not written` rows with the same reason print as one line with a count. */
const SAME_REASON_LINES = 3

function destinationLine(status: string, what: string, detail: string | undefined): string {
  return `  ${status.padEnd(12)} ${what}${detail ? `: ${detail}` : ''}`
}

/**
 * The destination lines of the printed summary: every failed and unknown one (what needs acting
 * on), `not written` ones with a shared reason as one counted line (a failed preflight leaves
 * hundreds "not written" for one cause), then the rest up to TEXT_OPEN_ROWS lines and a count of
 * what is left out.
 */
function destinationLines(rows: readonly DestinationReport[]): string[] {
  const detailOf = (d: DestinationReport) => [d.detail, ...(d.changes ?? [])].filter(Boolean).join('; ')
  const attention = rows.filter((d) => d.status === 'failed' || d.status === 'unknown')
  const notWritten = rows.filter((d) => d.status === 'not written')
  const rest = rows.filter((d) => !attention.includes(d) && !notWritten.includes(d))
  const lines = attention.map((d) => destinationLine(d.status, `${d.id} (${d.name})`, detailOf(d)))
  const byReason = new Map<string, DestinationReport[]>()
  for (const d of notWritten) byReason.set(detailOf(d), [...(byReason.get(detailOf(d)) ?? []), d])
  for (const [reason, group] of byReason)
    if (group.length >= SAME_REASON_LINES)
      lines.push(destinationLine('not written', `${group.length} destinations`, reason))
    else for (const d of group) lines.push(destinationLine(d.status, `${d.id} (${d.name})`, reason))
  const room = Math.max(0, TEXT_OPEN_ROWS - lines.length)
  for (const d of rest.slice(0, room)) lines.push(destinationLine(d.status, `${d.id} (${d.name})`, detailOf(d)))
  const left = rest.slice(room)
  if (left.length)
    lines.push(
      `  ... ${totalsLine(left).replace(/^(\d+) destinations?/, '$1 more')} (--json or report-file lists every destination)`,
    )
  return lines
}

/**
 * The printed summary: the outcome and the counts, the error, the destinations that need attention, then the
 * rest (collapsed when many).
 */
export function summaryText(r: Report): string[] {
  const lines = [`token-action ${r.mode}: ${r.outcome}${r.dryRun ? ' (dry run)' : ''}`]
  if (r.destinations.length) lines.push(`  ${totalsLine(r.destinations)}`)
  if (r.error) lines.push(`  error: ${r.error}`)
  for (const s of r.sets ?? [])
    lines.push(
      `  set ${s.line}: ${s.outcome}${s.token?.name ? `, token ${s.token.name} (id ${s.token.id})` : ''}${s.error ? `: ${s.error}` : ''}`,
    )
  lines.push(...destinationLines(byAttention(r.destinations)))
  if (r.token)
    lines.push(
      `  token ${r.token.name ? `${r.token.name} (id ${r.token.id})` : '(given)'}${r.token.verifiedAs ? ` verified as ${r.token.verifiedAs}` : ''}${r.token.expiresAt ? ` expires ${r.token.expiresAt}` : ''}`,
    )
  if (r.revokedIds.length) lines.push(`  revoked: ${r.revokedIds.join(', ')}`)
  if (r.keptIds.length) lines.push(`  still valid: ${r.keptIds.join(', ')}`)
  if (r.mayExist?.length) lines.push(`  may exist (check and revoke): ${r.mayExist.join(', ')}`)
  for (const t of r.audit?.tokens ?? [])
    lines.push(
      `  token ${t.name} (id ${t.id})${t.newest ? ' newest' : ''}: ${t.ageDays} days old, expires ${t.expiresAt ?? 'never'}, last used ${t.lastUsedAt ?? '-'}`,
    )
  for (const f of r.audit?.findings ?? []) lines.push(`  finding ${f.kind}: ${f.name ? `${f.name}: ` : ''}${f.detail}`)
  for (const n of r.notes) lines.push(`  note: ${n}`)
  return lines
}
