/** Phase 3: due when the newest token is older than rotate-if-older-than, or expires within rotate-before-expiry. */
import { addDuration } from '../../plan/duration.js'
import type { Destination, TokenInfo } from '../../shared/types.js'
import { next, nowOf, row, stop, type SetRun, type Step } from '../set-run.js'

export function checkDue(s: SetRun, previous: TokenInfo[], ready: Destination[]): Step<void> {
  const limit = s.plan.rotateIfOlderThan
  if (!limit || !previous.length) return next(undefined)
  const newest = previous.reduce((a, b) => (Date.parse(a.createdAt) >= Date.parse(b.createdAt) ? a : b))
  const created = new Date(newest.createdAt)
  if (Number.isNaN(created.getTime()))
    return stop(
      'failed',
      `issuer ${s.issuer.kind}: token ${newest.name} has an unreadable created_at, so whether rotation is due is unknown`,
    )
  const now = nowOf(s)
  const before = s.plan.rotateBeforeExpiry
  const expires = newest.expiresAt ? new Date(newest.expiresAt) : undefined
  if (expires && !Number.isNaN(expires.getTime()) && addDuration(now, before) >= expires) {
    s.ledger.note(
      `rotating: newest token ${newest.name} expires ${newest.expiresAt}, within rotate-before-expiry ${before.text}`,
    )
    return next(undefined)
  }
  const dueAt = addDuration(created, limit)
  if (dueAt <= now) return next(undefined)
  s.ledger.note(
    `newest token ${newest.name} was created ${newest.createdAt}; next rotation is due ${dueAt.toISOString()} (rotate-if-older-than ${limit.text}${expires ? `, or ${before.text} before it expires ${newest.expiresAt}` : ''})`,
  )
  if (expires && addDuration(dueAt, before) > expires)
    s.log.warning(
      `${newest.name} expires ${newest.expiresAt}, before the next rotation is due: lower rotate-if-older-than or raise token-expires-in`,
    )
  s.ledger.rows = ready.map((d) => row(d, 'not written', 'not due'))
  return stop('not-due')
}
