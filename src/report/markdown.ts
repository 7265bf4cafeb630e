/** The job summary: Markdown in which every untrusted string renders as text, capped in size. */
import { byAttention, totalsLine, type AuditReport, type DestinationStatus, type Report } from './report.js'
import { sanitize } from '../shared/sanitize.js'
import { utf8Bytes } from './output.js'

/**
 * Untrusted text as Markdown that renders as the same text: every ASCII punctuation character is
 * backslash-escaped (CommonMark allows it for all of them), so no HTML tag, link, image, emphasis,
 * table pipe or autolink (`https\://`, `www\.`, `a\@b`) can form; line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&')
}

/**
 * Untrusted text as a code span it cannot leave: fenced by more backticks than any run inside it,
 * padded when it starts or ends with a backtick; in a table a pipe is escaped (GFM reads `\|` in a
 * code span as a pipe).
 */
export function codeSpan(text: string, inTable = true): string {
  const flat = text.replace(/\r?\n/g, ' ')
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad = /^[` ]|[` ]$/.test(flat) ? ' ' : ''
  return `${fence}${pad}${inTable ? flat.replace(/\|/g, '\\|') : flat}${pad}${fence}`
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

/** GitHub drops a step summary over 1 MiB; stay at half of it, so a summary another step adds still fits. */
export const SUMMARY_MAX_BYTES = 512 * 1024
/** Destination rows shown open in the summary; the rest are collapsed under `<details>`. */
export const SUMMARY_OPEN_ROWS = 30

function kib(bytes: number): string {
  return `${Math.round(bytes / 1024)} KiB`
}

/**
 * The job summary (markdown, every line sanitised): the counts, the error, then the destinations
 * that need attention first - the first rows open, the rest collapsed - then the token, the run and
 * the notes. Never over `maxBytes` (UTF-8): rows that do not fit are counted, not shown.
 */
export function summaryMarkdown(r: Report, maxBytes = SUMMARY_MAX_BYTES): string {
  const head: string[] = [`### token-action: ${r.outcome}${r.dryRun ? ' (dry run)' : ''}`, '']
  if (r.destinations.length) head.push(`**${totalsLine(r.destinations)}**`, '')
  if (r.error) head.push(`**Error:** ${escapeMarkdown(r.error)}`, '')
  const tail: string[] = []
  // token-per: line - which token each line's destinations now hold, and what became of each set.
  if (r.sets?.length) {
    head.push('| line | set | token | id | fingerprint |', '|---|---|---|---|---|')
    for (const s of r.sets)
      head.push(
        `| ${codeSpan(s.line)} | ${s.outcome === 'failed' ? '❌' : '✅'} ${s.outcome} | ${codeSpan(s.token?.name ?? '-')} | ${codeSpan(s.token?.id ?? '-')} | ${codeSpan(s.token?.fingerprint ?? '-')} |`,
      )
    head.push('')
  }
  if (r.token)
    tail.push(
      `${r.token.name ? `Token ${codeSpan(r.token.name, false)} (id ${codeSpan(r.token.id ?? '', false)})` : 'The given token'}${r.token.verifiedAs ? `, verified as ${escapeMarkdown(r.token.verifiedAs)}` : ''}${r.token.expiresAt ? `, expires ${escapeMarkdown(r.token.expiresAt)}` : ''}, from ${r.issuer}${r.token.fingerprint ? `; fingerprint ${codeSpan(r.token.fingerprint, false)}` : ''}.`,
      '',
    )
  if (r.origin)
    tail.push(
      `Run: ${Object.entries(r.origin)
        .map(([k, v]) => `${escapeMarkdown(k)} ${escapeMarkdown(v)}`)
        .join(', ')}`,
      '',
    )
  const ids = (list: string[]) => list.map((i) => codeSpan(i, false)).join(', ')
  if (r.revokedIds.length) tail.push(`Revoked previous tokens: ${ids(r.revokedIds)}`, '')
  if (r.keptIds.length) tail.push(`Still valid (not revoked): ${ids(r.keptIds)}`, '')
  if (r.mayExist?.length) tail.push(`May exist (a mint's answer was lost; check and revoke): ${ids(r.mayExist)}`, '')
  if (r.audit) tail.push(...auditMarkdown(r.audit))
  for (const n of r.notes) tail.push(`> ${escapeMarkdown(n)}`, '')
  const safeHead = head.map((l) => sanitize(l))
  const safeTail = tail.map((l) => sanitize(l))
  const table = ['| destination | secret | result | detail |', '|---|---|---|---|']
  const sorted = byAttention(r.destinations)
  const rows = sorted.map((d) => {
    const detail = [d.detail, ...(d.changes ?? [])].filter(Boolean).join('; ')
    return sanitize(`| ${codeSpan(d.id)} | ${codeSpan(d.name)} | ${ICON[d.status]} | ${escapeMarkdown(detail)} |`)
  })
  const open = rows.slice(0, SUMMARY_OPEN_ROWS)
  const collapsed = rows.slice(SUMMARY_OPEN_ROWS)
  const more = totalsLine(sorted.slice(SUMMARY_OPEN_ROWS)).replace(
    /^\d+ destinations?/,
    (m) => `${m.split(' ')[0]} more ${m.split(' ')[1]}`,
  )
  const details = () => [`<details><summary>${more}</summary>`, '', ...table]
  // Everything but the rows, with room for the line that counts the rows left out.
  const reserve = 256
  let used = utf8Bytes([...safeHead, ...safeTail, ...table, ...details(), '</details>', ''].join('\n')) + reserve
  const fits = (line: string) => {
    const size = utf8Bytes(line) + 1
    if (used + size > maxBytes) return false
    used += size
    return true
  }
  const shownOpen: string[] = []
  for (const row of open)
    if (fits(row)) shownOpen.push(row)
    else break
  const shownCollapsed: string[] = []
  if (shownOpen.length === open.length)
    for (const row of collapsed)
      if (fits(row)) shownCollapsed.push(row)
      else break
  const out = [...safeHead]
  if (rows.length) {
    out.push(...table, ...shownOpen, '')
    if (shownCollapsed.length) out.push(...details(), ...shownCollapsed, '', '</details>', '')
    const left = rows.length - shownOpen.length - shownCollapsed.length
    if (left)
      out.push(
        `_${left} more destination${left === 1 ? '' : 's'} not shown: the summary is capped at ${kib(maxBytes)} (GitHub drops larger ones); the JSON report (report-file) lists every destination._`,
        '',
      )
  }
  out.push(...safeTail)
  return capLines(out, maxBytes)
}

/** Last resort (a huge audit or many notes): whole lines up to `maxBytes`, then one line saying so. */
function capLines(lines: string[], maxBytes: number): string {
  const text = lines.join('\n')
  if (utf8Bytes(text) <= maxBytes) return text
  const marker = `_The rest of the summary is not shown: it is capped at ${kib(maxBytes)}; the JSON report (report-file) has everything._`
  const kept: string[] = []
  let used = utf8Bytes(marker) + 32
  let openDetails = false
  for (const line of lines) {
    const size = utf8Bytes(line) + 1
    if (used + size > maxBytes) break
    used += size
    kept.push(line)
    if (line.startsWith('<details>')) openDetails = true
    if (line === '</details>') openDetails = false
  }
  return [...kept, '', ...(openDetails ? ['</details>', ''] : []), marker].join('\n')
}

function auditMarkdown(a: AuditReport): string[] {
  const out = [`**Rotation set:** ${a.tokens.length} valid token(s), ${a.findings.length} finding(s).`, '']
  if (a.tokens.length) {
    out.push('| token | id | age | expires | last used | created by |', '|---|---|---|---|---|---|')
    for (const t of a.tokens)
      out.push(
        `| ${codeSpan(t.name)}${t.newest ? ' (newest)' : ''} | ${codeSpan(t.id)} | ${t.ageDays} d | ${escapeMarkdown(t.expiresAt ?? 'never')} | ${escapeMarkdown(t.lastUsedAt ?? '-')} | ${escapeMarkdown(t.createdBy ?? '-')} |`,
      )
    out.push('')
  }
  for (const f of a.findings)
    out.push(`- **${f.kind}**${f.name ? ` ${codeSpan(f.name, false)}` : ''}: ${escapeMarkdown(f.detail)}`)
  if (a.findings.length) out.push('')
  return out
}
