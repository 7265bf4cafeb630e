/**
 * Revoking tokens by id, outside a rotation: the ephemeral post step, the CLI's `revoke` and its
 * clean-up after cancellation. Loads the issuer and the transport only - no platform, no lifecycle.
 */
import { createIssuer } from '../issuers/index.js'
import type { Plan } from '../plan/plan.js'
import { isMintedWith } from '../plan/token-name.js'
import { errorMessage } from '../shared/errors.js'
import type { RevokeResult } from '../shared/types.js'
import { transportFor, type RunOptions } from './transport-of.js'

/** Revokes one token by id (the ephemeral post step, and clean-up after cancellation). */
export async function revokeToken(plan: Plan, id: string, options: RunOptions): Promise<RevokeResult> {
  return createIssuer(plan.issuer, transportFor(plan, options)).revoke(id)
}

/**
 * `token-action revoke --token-id ID`: revokes tokens by id. A live token outside the rotation set is
 * refused unless `force` - a typo must not revoke a token some other system depends on. An id no
 * live token has is `notFound`: already revoked (a re-run) or never made; nothing is sent for it.
 */
export async function revokeByIds(
  plan: Plan,
  ids: string[],
  force: boolean,
  options: RunOptions,
): Promise<{ revoked: string[]; notFound: string[]; outside: string[]; failed: string[] }> {
  const transport = transportFor(plan, options)
  const issuer = createIssuer(plan.issuer, transport)
  const live = await issuer.list('')
  const inSet = new Set(live.filter((t) => isMintedWith(plan.spec.namePrefix, t.name)).map((t) => t.id))
  const known = new Set(live.map((t) => t.id))
  const outside = ids.filter((id) => known.has(id) && !inSet.has(id))
  if (outside.length && !force) return { revoked: [], notFound: [], outside, failed: [] }
  const notFound = ids.filter((id) => !known.has(id))
  const revoked: string[] = []
  const failed: string[] = []
  for (const id of ids.filter((i) => known.has(i))) {
    try {
      if ((await issuer.revoke(id)) === 'revoked') revoked.push(id)
      else notFound.push(id)
    } catch (err) {
      failed.push(id)
      transport.log.error(`revoking ${id} failed: ${errorMessage(err)}`)
    }
  }
  return { revoked, notFound, outside, failed }
}
