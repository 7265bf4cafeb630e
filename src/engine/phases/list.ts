/** Phase 2: the set's tokens at the issuer (those its name minted), and the right to replace them. */
import { errorMessage } from '../../shared/errors.js'
import type { TokenInfo } from '../../shared/types.js'
import { isMintedWith } from '../../plan/token-name.js'
import { next, stop, type SetRun, type Step } from '../set-run.js'

export async function listSet(s: SetRun): Promise<Step<TokenInfo[]>> {
  const { issuer, plan } = s
  if (plan.mode === 'distribute' || !issuer.can.list) return next([])
  let listed: TokenInfo[]
  try {
    listed = (await s.listed()).filter((t) => isMintedWith(s.set.name, t.name))
  } catch (err) {
    return stop('failed', `issuer ${issuer.kind}: listing tokens failed: ${errorMessage(err)}`)
  }
  s.ledger.previous = listed
  // Before anything is minted (a dry run too): a credential that could mint but not revoke would leave tokens behind.
  // An audit only reads: an auditor's read-only credential is enough.
  try {
    if (plan.mode !== 'audit') await s.canManage()
  } catch (err) {
    return stop('failed', `issuer ${issuer.kind}: ${errorMessage(err)}`)
  }
  return next(listed)
}
