/** The run's report: JSON (outputs, report-file), the job summary table and plain text. Never a secret value. */
import type { Mode } from '../plan/plan.js'

export const OUTCOMES = ['rotated', 'created', 'distributed', 'not-due', 'planned', 'audited', 'failed'] as const
export type Outcome = (typeof OUTCOMES)[number]
/**
 * Ordered by how much a destination needs attention: the summaries and the shortened `report` output
 * list destinations in this order. `unknown`: the write's answer was lost and the platform could not
 * confirm it: the destination may hold the new token.
 */
export const DESTINATION_STATUSES = [
  'failed',
  'unknown',
  'not written',
  'would create',
  'would update',
  'created',
  'updated',
] as const
export type DestinationStatus = (typeof DESTINATION_STATUSES)[number]

export interface DestinationReport {
  id: string
  name: string
  status: DestinationStatus
  /** Why it failed or was not written, or what else changed. */
  detail?: string
  changes?: string[]
  /** Fingerprint (short SHA-256 prefix) of the value this destination now holds, when it was written. */
  holds?: string
  /** The rotation set this destination belongs to (`token-per: line`). */
  set?: string
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

/**
 * `empty-set`: no token in the set - a misspelled token-name, or a set never rotated; not about one token (id
 * and name are empty).
 */
export const FINDING_KINDS = [
  'empty-set',
  'unused',
  'rotation-due',
  'expired',
  'expiring-soon',
  'never-expires',
  'orphan',
  'disabled',
  'orphan-set',
] as const
export type FindingKind = (typeof FINDING_KINDS)[number]

export interface AuditReport {
  tokens: AuditToken[]
  findings: { id: string; name: string; kind: FindingKind; detail: string }[]
}

/** The token a rotation set minted (or was given): id and name are absent when it was given. */
export interface TokenReport {
  id?: string
  name?: string
  expiresAt?: string
  verifiedAs?: string
  fingerprint?: string
}

/** One rotation set of a `token-per: line` run: its line, its token and what became of it. */
export interface SetReport {
  /** The set's name: the prefix of every token it mints. */
  name: string
  /** The destination line it serves. */
  line: string
  outcome: Outcome
  token?: TokenReport
  error?: string
  revokedIds: string[]
  keptIds: string[]
  newTokenRevoked?: boolean
  mayExist?: string[]
}

export interface Report {
  outcome: Outcome
  mode: Mode
  issuer: string
  dryRun: boolean
  /** Where the run came from (repository, run URL, actor, commit), as the CI system tells it. */
  origin?: Record<string, string>
  /** id and name are absent when the token was given (distribute) rather than minted. */
  token?: TokenReport
  /** `token-per: line`: every rotation set of the run (each destination says its set). */
  sets?: SetReport[]
  destinations: DestinationReport[]
  /** Older tokens revoked because every destination now holds the new one. */
  revokedIds: string[]
  /** Tokens of the set still valid after this run besides the new one (the notes say why each was kept). */
  keptIds: string[]
  /** Set when the new token itself was revoked because it reached no destination. */
  newTokenRevoked?: boolean
  /**
   * Names of tokens a mint whose answer was lost may have made, which the run could not check: revoke them if
   * they exist.
   */
  mayExist?: string[]
  /** `audit` mode: the rotation set and its findings. */
  audit?: AuditReport
  error?: string
  notes: string[]
  /**
   * Only in the shortened `report` output: destinations left out to fit GitHub's output limit (report-file has
   * them all).
   */
  truncated?: Truncation
  startedAt: string
  finishedAt: string
  requests: { total: number; retries: number; rateLimited: number }
}

export interface Truncation {
  /** Destinations in the whole report, and how many of them each status has. */
  destinations: number
  statuses: Partial<Record<DestinationStatus, number>>
  /** Destinations left out here (those that need attention least go first). */
  omitted: number
  /** Where the whole report is, when report-file is set. */
  reportFile?: string
}

/** 1 when the run failed; bad input (2) never gets as far as a report. */
export function exitCode(report: Report): number {
  return report.outcome === 'failed' ? 1 : 0
}

/**
 * Destinations, those that need attention first (failed, unknown, not written, ...); the order within a status
 * is kept.
 */
export function byAttention(rows: readonly DestinationReport[]): DestinationReport[] {
  const rank = (d: DestinationReport) => DESTINATION_STATUSES.indexOf(d.status)
  return rows
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i)
    .map((x) => x.d)
}

/**
 * How many destinations have each status, in attention order (failures first); statuses no destination has are
 * left out.
 */
export function statusCounts(rows: readonly DestinationReport[]): Partial<Record<DestinationStatus, number>> {
  const counts: Partial<Record<DestinationStatus, number>> = {}
  for (const status of DESTINATION_STATUSES) {
    const n = rows.filter((d) => d.status === status).length
    if (n) counts[status] = n
  }
  return counts
}

/** `203 destinations: 3 failed, 200 updated` - failures first. */
export function totalsLine(rows: readonly DestinationReport[]): string {
  const parts = Object.entries(statusCounts(rows)).map(([status, n]) => `${n} ${status}`)
  return `${rows.length} destination${rows.length === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}`
}
