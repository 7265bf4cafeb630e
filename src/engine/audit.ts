/**
 * Review of a rotation set (`mode: audit`, `token-action audit`), as the issuers' own guides ask:
 * tokens unused for 90+ days, past their rotation age, expiring soon or never, and leftovers a
 * complete rotation would have revoked. Pure: the issuer's list in, findings out.
 */
import { addDuration, type Duration } from '../plan/duration.js'
import type { AuditReport, AuditToken, FindingKind } from '../report/report.js'
import type { TokenInfo } from '../shared/types.js'

const DAY = 86_400_000
const UNUSED_DAYS = 90

export interface ReviewRules {
  rotateIfOlderThan?: Duration
  rotateBeforeExpiry: Duration
  overlapGraceMs: number
  /** The issuer has expiry, so a token without one was minted to live forever. */
  expiryExpected: boolean
}

const days = (ms: number) => Math.floor(ms / DAY)

export function reviewSet(tokens: TokenInfo[], now: Date, rules: ReviewRules): AuditReport {
  // A review of nothing must not pass: a typo in token-name would keep a weekly review green forever.
  if (!tokens.length)
    return {
      tokens: [],
      findings: [
        {
          id: '',
          name: '',
          kind: 'empty-set',
          detail:
            'no valid token has this name prefix: check token-name for a typo (a set that was never rotated is empty too)',
        },
      ],
    }
  const sorted = [...tokens].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
  const newest = sorted[0]
  const findings: AuditReport['findings'] = []
  const list: AuditToken[] = sorted.map((t) => {
    const age = now.getTime() - Date.parse(t.createdAt)
    const found = (kind: FindingKind, detail: string) => findings.push({ id: t.id, name: t.name, kind, detail })
    const lastUse = t.lastUsedAt ? Date.parse(t.lastUsedAt) : undefined
    if (lastUse !== undefined ? now.getTime() - lastUse >= UNUSED_DAYS * DAY : age >= UNUSED_DAYS * DAY) {
      found(
        'unused',
        lastUse !== undefined
          ? `last used ${t.lastUsedAt} (${days(now.getTime() - lastUse)} days ago)`
          : `no recorded use in ${days(age)} days`,
      )
    }
    if (t === newest && rules.rotateIfOlderThan && addDuration(new Date(t.createdAt), rules.rotateIfOlderThan) <= now)
      found('rotation-due', `${days(age)} days old, past rotate-if-older-than ${rules.rotateIfOlderThan.text}`)
    if (t.expiresAt) {
      const expires = new Date(t.expiresAt)
      if (expires <= now) found('expired', `expired ${t.expiresAt}: it no longer works; revoke it to tidy the set`)
      else if (addDuration(now, rules.rotateBeforeExpiry) >= expires)
        found('expiring-soon', `expires ${t.expiresAt}, within rotate-before-expiry ${rules.rotateBeforeExpiry.text}`)
    } else if (rules.expiryExpected)
      found('never-expires', 'has no expiry: prefer a bounded lifetime (token-expires-in)')
    if (t !== newest && age >= rules.overlapGraceMs)
      found(
        'orphan',
        'older than the newest token of the set and past the overlap grace: a rotation that did not finish (or a lost mint) left it valid; the next successful rotation revokes it',
      )
    if (t.enabled === false) found('disabled', 'disabled at the issuer: enable or revoke it')
    return {
      id: t.id,
      name: t.name,
      createdAt: t.createdAt,
      ageDays: days(age),
      ...(t.expiresAt ? { expiresAt: t.expiresAt } : {}),
      ...(t.lastUsedAt ? { lastUsedAt: t.lastUsedAt } : {}),
      ...(t.createdBy ? { createdBy: t.createdBy } : {}),
      ...(t.enabled === undefined ? {} : { enabled: t.enabled }),
      newest: t === newest,
    }
  })
  return { tokens: list, findings }
}
