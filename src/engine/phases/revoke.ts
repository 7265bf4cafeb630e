/**
 * Every revocation a set makes: the leaked set before minting (revoke-first), the new token when it
 * must not stay valid, and the tokens it replaces once every destination holds the new one. Which
 * previous tokens go is one rule, shared with the dry run so it promises only what a rotation does.
 */
import { errorMessage } from '../../shared/errors.js'
import type { TokenInfo } from '../../shared/types.js'
import { nowOf, type Obtained, type SetRun } from '../set-run.js'

export interface Replaced {
  revoke: TokenInfo[]
  keep: { token: TokenInfo; why: string }[]
}

/**
 * A token minted within the overlap grace is kept: the run that minted it may still be writing it
 * (runs stop sending requests at their deadline, so an older token's run has ended). The next
 * rotation revokes it. The token just distributed is never among them.
 */
export function replacedTokens(
  previous: readonly TokenInfo[],
  now: Date,
  overlapGraceMs: number,
  newId?: string,
): Replaced {
  const out: Replaced = { revoke: [], keep: [] }
  const minutes = Math.round(overlapGraceMs / 60_000)
  for (const p of previous) {
    if (p.id === newId) continue
    const age = now.getTime() - Date.parse(p.createdAt)
    if (age >= overlapGraceMs) out.revoke.push(p)
    else
      out.keep.push({
        token: p,
        why: Number.isNaN(age)
          ? 'its creation time is unreadable'
          : `it is younger than the ${minutes}-minute overlap grace, so another run may still be writing it; the next rotation revokes it`,
      })
  }
  return out
}

/** `revoke-first` (a leaked token): the set's live tokens go before the replacement is minted. */
export async function revokeLeaked(s: SetRun, previous: TokenInfo[]): Promise<void> {
  const { ledger } = s
  for (const p of previous) {
    try {
      await s.issuer.revoke(p.id)
      ledger.revoked.push(p.id)
    } catch (err) {
      ledger.keep(
        p.id,
        `revoke-first: revoking ${p.name} (${p.id}) failed: ${errorMessage(err)}; it is still valid: revoke it by hand`,
      )
    }
  }
  if (ledger.revoked.length)
    s.log.warning(
      `revoke-first: revoked ${ledger.revoked.join(', ')}; destinations hold a dead token until the replacement is written`,
    )
}

/** Revokes the new token, which no destination holds. */
export async function revokeNew(s: SetRun, obtained: Obtained, why: string): Promise<void> {
  if (obtained.kind !== 'minted') return
  const { token } = obtained
  try {
    await s.issuer.revoke(token.id)
    s.ledger.newTokenRevoked = true
  } catch (err) {
    s.ledger.keep(
      token.id,
      `the new token ${token.name} (id ${token.id}) was not written because ${why}, but revoking it failed: ${errorMessage(err)}; revoke it by hand`,
    )
  }
}

/** Revokes the set's older tokens by the shared rule; returns the ids that could not be revoked. */
export async function revokeReplaced(s: SetRun, previous: TokenInfo[], obtained: Obtained): Promise<string[]> {
  const { ledger } = s
  const newId = obtained.kind === 'minted' ? obtained.token.id : undefined
  const { revoke, keep } = replacedTokens(previous, nowOf(s), s.options.overlapGraceMs, newId)
  for (const k of keep) ledger.keep(k.token.id, `${k.token.name} (${k.token.id}) was kept: ${k.why}`)
  const failed: string[] = []
  for (const p of revoke) {
    try {
      await s.issuer.revoke(p.id)
      ledger.revoked.push(p.id)
    } catch (err) {
      failed.push(p.id)
      ledger.keep(p.id, `revoking ${p.name} (${p.id}) failed: ${errorMessage(err)}`)
    }
  }
  return failed
}
