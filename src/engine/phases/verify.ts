/** Phase 5: the issuer accepts the token, and its real value breaks no destination's rule. */
import { errorMessage } from '../../shared/errors.js'
import type { Destination } from '../../shared/types.js'
import { next, nowOf, secretOf, stop, type Obtained, type SetRun, type Step } from '../set-run.js'
import { revokeNew } from './revoke.js'

const EXPIRY_WARNING_DAYS = 14

/** Targets many repositories, projects or systems read: an org, group, instance or a secrets store. */
const orgWide = (s: SetRun) =>
  s.set.targets.filter(
    (x) =>
      (x.platform === 'github' && (x.kind === 'org' || x.kind === 'repos')) ||
      (x.platform === 'circleci' && x.kind === 'context') ||
      (x.platform === 'gitlab' && (x.kind === 'group' || x.kind === 'instance')) ||
      x.platform === 'vault' ||
      x.platform === 'aws',
  )

export async function verify(s: SetRun, obtained: Obtained, ready: Destination[]): Promise<Step<void>> {
  const { issuer, ledger } = s
  const secret = secretOf(obtained)
  try {
    const identity = await issuer.verify(secret)
    const t = (ledger.token ??= {})
    t.verifiedAs = identity.subject
    t.expiresAt ??= identity.expiresAt
    warnIfExpiringSoon(s, t.expiresAt)
    const wide = orgWide(s)
    if (identity.personal && wide.length) {
      const note = `the token is a personal access token and goes to org-wide destinations (${wide.map((x) => x.id).join(', ')}): it stops working when its owner leaves; prefer an organization access token`
      ledger.note(note)
      s.log.warning(note)
    }
  } catch (err) {
    await revokeNew(s, obtained, 'it did not verify')
    return stop(
      'failed',
      `issuer ${issuer.kind}: the token did not verify, so it was not written anywhere: ${errorMessage(err)}`,
    )
  }
  const problems = ready.flatMap((d) => {
    try {
      d.checkValue(secret)
      return []
    } catch (err) {
      return [`${d.id}: ${errorMessage(err)}`]
    }
  })
  if (!problems.length) return next(undefined)
  await revokeNew(s, obtained, "its value breaks a destination's rule")
  return stop(
    'failed',
    `the token value breaks a destination's rule, so it was not written anywhere: ${problems.join('; ')}`,
  )
}

function warnIfExpiringSoon(s: SetRun, expiresAt: string | undefined): void {
  if (!expiresAt) return
  const days = (Date.parse(expiresAt) - nowOf(s).getTime()) / 86_400_000
  if (days < EXPIRY_WARNING_DAYS) {
    const note = `the token expires ${expiresAt} (in ${Math.max(0, days).toFixed(1)} days)`
    s.ledger.note(note)
    if (s.plan.mode !== 'ephemeral') s.log.warning(note)
  }
}
