/** The Action's outputs made from a report: `report` (kept under GitHub's limit) and `sets`. */
import {
  byAttention,
  statusCounts,
  type DestinationReport,
  type Outcome,
  type Report,
  type TokenReport,
  type Truncation,
} from './report.js'

/** UTF-8 size: what a summary file weighs. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/**
 * What an output weighs against GitHub's limit: GitHub counts outputs in UTF-16; UTF-8 is counted too, whichever
 * is larger.
 */
export function outputBytes(text: string): number {
  return Math.max(utf8Bytes(text), text.length * 2)
}

/** The `sets` output: every rotation set with its line, token and outcome (one entry with token-per: run). */
export function setsOutput(r: Report, runSet: string): Record<string, unknown>[] {
  const entry = (name: string, o: Outcome, t: TokenReport | undefined, revokedIds: string[], line?: string) => ({
    set: name,
    ...(line === undefined ? {} : { line }),
    tokenId: t?.id ?? '',
    tokenName: t?.name ?? '',
    expiresAt: t?.expiresAt ?? '',
    outcome: o,
    revokedIds,
  })
  return r.sets
    ? r.sets.map((s) => entry(s.name, s.outcome, s.token, s.revokedIds, s.line))
    : [entry(runSet, r.outcome, r.token, r.revokedIds)]
}

/**
 * GitHub limits a job's outputs to 1 MB in all, counted in UTF-16: the `report` output keeps to half
 * of it (bytes by `outputBytes`), leaving room for the other outputs.
 */
export const OUTPUT_REPORT_MAX_BYTES = 512 * 1024

/**
 * The report as the `report` output: whole when it fits, else shortened to fit - the destinations
 * that need attention first, as many as fit, `truncated` counting every status and what was left
 * out, and a note saying where the whole report is (report-file). Never over `maxBytes`.
 */
export function reportOutput(r: Report, reportFile: string | undefined, maxBytes = OUTPUT_REPORT_MAX_BYTES): string {
  const whole = JSON.stringify(r)
  if (outputBytes(whole) <= maxBytes) return whole
  const total = r.destinations.length
  const shortened = (kept: DestinationReport[], rest: Partial<Report> = {}): Report => {
    const omitted = total - kept.length
    const where = reportFile ? `; the whole report is in ${reportFile}` : '; set report-file for the whole report'
    const note = `report output shortened to fit GitHub's output limit: ${kept.length} of ${total} destinations listed (those that need attention first), ${omitted} omitted${where}`
    const truncated: Truncation = {
      destinations: total,
      statuses: statusCounts(r.destinations),
      omitted,
      ...(reportFile ? { reportFile } : {}),
    }
    return { ...r, ...rest, destinations: kept, notes: [...(rest.notes ?? r.notes), note], truncated }
  }
  const fitRows = (rest: Partial<Report>): string => {
    // The digits of the counts may grow by a few bytes once rows are added: keep a margin.
    let used = outputBytes(JSON.stringify(shortened([], rest))) + 64
    const kept: DestinationReport[] = []
    for (const d of byAttention(r.destinations)) {
      const size = outputBytes(JSON.stringify(d)) + 2
      if (used + size > maxBytes) break
      used += size
      kept.push(d)
    }
    return JSON.stringify(shortened(kept, rest))
  }
  const first = fitRows({})
  if (outputBytes(first) <= maxBytes) return first
  // Last resort (thousands of notes or audited tokens): only what says what happened, each list cut short.
  const cut = (text: string | undefined) => (text && text.length > 2000 ? `${text.slice(0, 2000)}...` : text)
  const few = <T>(list: T[]) => list.slice(0, 100)
  const audit = r.audit ? { tokens: few(r.audit.tokens), findings: few(r.audit.findings) } : undefined
  return fitRows({
    error: cut(r.error),
    notes: few(r.notes).map((n) => cut(n)!),
    revokedIds: few(r.revokedIds),
    keptIds: few(r.keptIds),
    ...(r.mayExist ? { mayExist: few(r.mayExist) } : {}),
    ...(audit ? { audit } : {}),
  })
}
