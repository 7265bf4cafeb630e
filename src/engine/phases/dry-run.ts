/**
 * `dry-run`: what a rotation would do, by the rotation's own rules - each destination would be
 * created or updated, the expiry it would set, and which previous tokens it would revoke or keep (and why).
 */
import { errorMessage } from '../../shared/errors.js'
import { runPool } from '../../shared/pool.js'
import type { Destination, TokenInfo } from '../../shared/types.js'
import type { DestinationReport } from '../../report/report.js'
import { readConcurrency } from '../../transport/transport.js'
import { progress } from '../progress.js'
import { nowOf, row, type Ending, type SetRun } from '../set-run.js'
import { plannedExpiryNote } from '../../plan/planned-expiry.js'
import { replacedTokens } from './revoke.js'

export async function dryRun(s: SetRun, ready: Destination[], previous: TokenInfo[]): Promise<Ending> {
  const { ledger, plan } = s
  const tick = progress(s.log, ready.length, 'dry run: planning', 'planned')
  const plans = await runPool(ready, readConcurrency(s.options.concurrency), async (d): Promise<DestinationReport> => {
    try {
      return row(d, (await d.wouldWrite()) === 'created' ? 'would create' : 'would update')
    } catch (err) {
      return row(d, 'failed', s.redactor.redact(errorMessage(err)))
    } finally {
      tick()
    }
  })
  ledger.rows = plans.filter((p): p is DestinationReport => p !== undefined)
  if (plan.mode === 'rotate' && previous.length) {
    if (plan.revokeFirst)
      ledger.note(
        `would revoke ${previous.length} previous token(s) first, before minting: ${previous.map((p) => p.id).join(', ')}`,
      )
    else {
      // The grace is measured when the rotation would settle: now, as far as a plan can tell.
      const { revoke, keep } = replacedTokens(previous, nowOf(s), s.options.overlapGraceMs)
      if (revoke.length)
        ledger.note(
          `would revoke ${revoke.length} previous token(s) once every destination holds the new one: ${revoke.map((p) => p.id).join(', ')}`,
        )
      for (const k of keep) ledger.note(`would keep ${k.token.name} (${k.token.id}): ${k.why}`)
    }
  }
  if (ledger.rows.some((d) => d.status === 'failed'))
    return { outcome: 'failed', error: 'dry run: some destinations could not be planned' }
  if (plan.mode !== 'distribute') {
    ledger.note(`would mint ${s.set.name}-<UTC time>-<run tag>`)
    // `30mo` where `30min` was meant shows here, before anything is minted.
    const expiry = plannedExpiryNote(plan, nowOf(s))
    if (expiry) ledger.note(expiry)
  }
  return { outcome: 'planned' }
}
