/**
 * Phase 7: settle. Only when every destination certainly holds the new token are the tokens it
 * replaces revoked; otherwise nothing old is, and the new token is revoked only if it certainly
 * reached no destination.
 */
import { issuerKind } from '../../issuers/kinds.js'
import type { TokenInfo } from '../../shared/types.js'
import type { Ending } from '../set-run.js'
import type { Obtained, SetRun } from '../set-run.js'
import { revokeNew, revokeReplaced } from './revoke.js'
import { stopReason } from './write.js'

const HELD: ReadonlySet<string> = new Set(['created', 'updated'])

export async function settle(s: SetRun, obtained: Obtained, previous: TokenInfo[]): Promise<Ending> {
  const { ledger, plan } = s
  const rows = ledger.rows
  const held = rows.filter((r) => HELD.has(r.status)).length
  const unknown = rows.filter((r) => r.status === 'unknown').length
  const missed = rows.length - held - unknown
  if (plan.revokeFirst)
    for (const r of rows)
      if (!HELD.has(r.status))
        r.detail = `${r.detail ?? r.status}; it may still hold a revoked token (revoke-first): fix it and write it by hand or re-run`
  if (!unknown && !missed) {
    const remaining = previous.filter((p) => !ledger.revoked.includes(p.id))
    const stillValid = plan.mode === 'rotate' ? await revokeReplaced(s, remaining, obtained) : []
    if (stillValid.length)
      return {
        outcome: 'failed',
        error: `every destination holds the new token, but revoking ${stillValid.join(', ')} failed: they are still valid. Re-run to finish.`,
      }
    if (plan.mode === 'distribute') {
      ledger.note(
        `every destination now holds the given token; revoke the token it replaced in ${issuerKind(plan.issuer.kind).madeIn}`,
      )
      return { outcome: 'distributed' }
    }
    return { outcome: plan.mode === 'rotate' ? 'rotated' : 'created' }
  }
  let newToken = ''
  if (obtained.kind === 'minted') {
    if (!held && !unknown) {
      await revokeNew(s, obtained, 'it certainly reached no destination')
      newToken = ledger.newTokenRevoked ? ' and the new token, which certainly reached no destination, was revoked' : ''
    } else {
      newToken = `; the new token ${obtained.token.id} stays valid: ${held} destination(s) hold it${unknown ? ` and ${unknown} may` : ''}`
    }
  }
  const cause = s.signal?.aborted
    ? `the run stopped (${stopReason(s.signal)})`
    : [
        missed && `${missed} of ${rows.length} destinations failed`,
        unknown && `${unknown} may or may not hold the new token (answer lost)`,
      ]
        .filter(Boolean)
        .join(' and ')
  return { outcome: 'failed', error: `${cause}; no previous token was revoked${newToken}. Re-run to converge.` }
}
