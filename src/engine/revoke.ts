/**
 * Revoking tokens by id, outside a rotation: the ephemeral post step, the CLI's `revoke` and its
 * clean-up after cancellation. Loads the issuer and the transport only - no platform, no lifecycle.
 */
import { createIssuer } from '../issuers/index.js'
import type { Plan } from '../plan/plan.js'
import { listRotationSet } from '../plan/token-name.js'
import { errorMessage } from '../shared/errors.js'
import { transportFor, type RunOptions } from './transport-of.js'

/** Revokes one token by id (the ephemeral post step, and clean-up after cancellation). */
export async function revokeToken(plan: Plan, id: string, options: RunOptions): Promise<void> {
  await createIssuer(plan.issuer, transportFor(plan, options)).revoke(id)
}

/**
 * `token-action revoke --token-id ID`: revokes tokens by id. An id outside the rotation set is refused
 * unless `force` - a typo must not revoke a token some other system depends on.
 */
export async function revokeByIds(
  plan: Plan,
  ids: string[],
  force: boolean,
  options: RunOptions,
): Promise<{ revoked: string[]; outside: string[]; failed: string[] }> {
  const transport = transportFor(plan, options)
  const issuer = createIssuer(plan.issuer, transport)
  const inSet = new Set((await listRotationSet(issuer, plan.spec.namePrefix)).map((t) => t.id))
  const outside = ids.filter((id) => !inSet.has(id))
  if (outside.length && !force) return { revoked: [], outside, failed: [] }
  const revoked: string[] = []
  const failed: string[] = []
  for (const id of ids) {
    try {
      await issuer.revoke(id)
      revoked.push(id)
    } catch (err) {
      failed.push(id)
      transport.log.error(`revoking ${id} failed: ${errorMessage(err)}`)
    }
  }
  return { revoked, outside, failed }
}
