/**
 * What a dry run says about the expiry a real run would give the new token, so `30d` vs `30mo` (or a
 * defaulted lifetime) is seen before anything is minted. Pure: the plan and the clock in, one line out.
 */
import { ISSUER_KINDS } from '../issuers/kinds.js'
import { expiryDate, type Duration, type ExpirySpec } from './duration.js'
import type { Plan } from './plan.js'

/** An ephemeral token without token-expires-in lives this long (where the issuer has expiry). */
export const EPHEMERAL_EXPIRY: Duration = { amount: 1, unit: 'h', text: '1h' }

/** The expiry a mint asks for: the input's, else an ephemeral token's short default where the issuer has expiry. */
export function mintExpirySpec(plan: Plan): ExpirySpec | undefined {
  if (plan.spec.expiry) return plan.spec.expiry
  return plan.mode === 'ephemeral' && ISSUER_KINDS[plan.issuer.kind].can.expiry
    ? { kind: 'in', duration: EPHEMERAL_EXPIRY }
    : undefined
}

/**
 * The note a dry run adds; undefined when nothing minted would carry an expiry (distribute, audit, an issuer
 * without expiry).
 */
export function plannedExpiryNote(plan: Plan, now: Date): string | undefined {
  if (plan.mode === 'distribute' || plan.mode === 'audit' || !ISSUER_KINDS[plan.issuer.kind].can.expiry)
    return undefined
  const spec = mintExpirySpec(plan)
  if (!spec || spec.kind === 'never') return 'the new token would never expire (token-expires-in never)'
  const at = expiryDate(spec, now)!.toISOString()
  const why =
    spec.kind === 'at'
      ? 'token-expires-in'
      : plan.spec.expiryDefaulted
        ? `${spec.duration.text}, the bounded default; set token-expires-in to choose`
        : plan.spec.expiry
          ? `token-expires-in ${spec.duration.text}`
          : `${spec.duration.text}, the ephemeral default`
  return `the new token would expire ${at} (${why})`
}
