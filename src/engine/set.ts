/**
 * One rotation set, start to end: its phases in order, each a function that returns its result or
 * the set's ending. What the set learns goes into its ledger, which becomes its part of the report.
 */
import { errorMessage } from '../shared/errors.js'
import type { TokenInfo } from '../shared/types.js'
import { reviewSet } from './audit.js'
import type { SetResult } from './ledger.js'
import { checkDue } from './phases/due.js'
import { dryRun } from './phases/dry-run.js'
import { listSet } from './phases/list.js'
import { obtain } from './phases/mint.js'
import { preflight } from './phases/preflight.js'
import { revokeLeaked } from './phases/revoke.js'
import { settle } from './phases/settle.js'
import { verify } from './phases/verify.js'
import { writeAll } from './phases/write.js'
import { nowOf, type Ending, type SetRun } from './set-run.js'

export async function runSet(s: SetRun): Promise<SetResult> {
  let end: Ending
  try {
    end = await phases(s)
  } catch (err) {
    end = { outcome: 'failed', error: `unexpected error: ${errorMessage(err)}` }
  }
  return s.ledger.close(s.set, end)
}

async function phases(s: SetRun): Promise<Ending> {
  const ready = await preflight(s)
  if (!ready.ok) return ready.end
  const listed = await listSet(s)
  if (!listed.ok) return listed.end
  const previous = listed.value
  if (s.plan.mode === 'audit') return audit(s, previous)
  const due = checkDue(s, previous, ready.value)
  if (!due.ok) return due.end
  if (s.plan.dryRun) return dryRun(s, ready.value, previous)
  if (s.plan.revokeFirst) await revokeLeaked(s, previous)
  const obtained = await obtain(s, previous)
  if (!obtained.ok) return obtained.end
  const usable = await verify(s, obtained.value, ready.value)
  if (!usable.ok) return usable.end
  s.ledger.rows = await writeAll(s, ready.value, obtained.value)
  return settle(s, obtained.value, previous)
}

/** `audit`: the set as the issuer lists it, and what deserves a look. Changes nothing. */
function audit(s: SetRun, tokens: TokenInfo[]): Ending {
  const review = reviewSet(tokens, nowOf(s), {
    rotateIfOlderThan: s.plan.rotateIfOlderThan,
    rotateBeforeExpiry: s.plan.rotateBeforeExpiry,
    overlapGraceMs: s.options.overlapGraceMs,
    expiryExpected: s.issuer.can.expiry,
  })
  s.ledger.audit = review
  const n = review.findings.length
  if (n && s.plan.failOnFindings)
    return { outcome: 'failed', error: `audit: ${n} finding(s) in the rotation set ${s.set.name} (fail-on-findings)` }
  return { outcome: 'audited' }
}
