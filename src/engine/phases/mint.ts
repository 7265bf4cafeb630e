/**
 * Phase 4: obtain the token - mint it, or take the given one - and mask it before anything else is
 * logged. A mint is never sent blindly twice: a mint whose answer was lost may have made a token, so
 * the set is listed by that exact name first. Names end with the run's tag, so a token found by the
 * name is certainly this run's: its value was shown only once and is lost, so it is revoked.
 */
import { expiryDate } from '../../plan/duration.js'
import { mintExpirySpec } from '../../plan/planned-expiry.js'
import { mintedName } from '../../plan/token-name.js'
import {
  errorMessage,
  MintedTokenRejectedError,
  OutcomeUnknownError,
  TokenActionError,
  UntrustedResponseError,
} from '../../shared/errors.js'
import type { MintedToken, Rights, TokenInfo } from '../../shared/types.js'
import { tokenFingerprint } from '../../report/fingerprint.js'
import { describeRights, isAdmin, kindOf, replacedWithRights } from '../rights.js'
import { next, nowOf, stop, type Obtained, type SetRun, type Step, type Stopped } from '../set-run.js'
import { revokeNew } from './revoke.js'

const MINT_ATTEMPTS = 3

export async function obtain(s: SetRun, previous: TokenInfo[]): Promise<Step<Obtained>> {
  const { plan, ledger } = s
  const fingerprint = (secret: string) => tokenFingerprint(secret, s.options.fingerprintKey, s.set.name)
  if (plan.mode === 'distribute') {
    const secret = plan.issuer.token!
    s.redactor.add(secret)
    ledger.token = { fingerprint: fingerprint(secret) }
    return next({ kind: 'given', secret, fingerprint: fingerprint(secret) })
  }
  const expiry = plan.spec.expiry
  if (expiry?.kind === 'never')
    s.log.warning('token-expires-in is never: the token stays valid until it is revoked; prefer a bounded lifetime')
  if (plan.spec.expiryDefaulted && expiry?.kind === 'in')
    ledger.note(
      `token-expires-in was not set: the token expires in ${expiry.duration.text} (the bounded default; set token-expires-in to choose)`,
    )
  const minted = await mint(s, previous)
  if (!minted.ok) return minted
  const token = minted.value
  s.redactor.add(token.secret)
  ledger.token = { id: token.id, name: token.name, expiresAt: token.expiresAt, fingerprint: fingerprint(token.secret) }
  s.log.info(`minted ${token.name} (id ${token.id})`)
  const obtained: Obtained = { kind: 'minted', token, fingerprint: fingerprint(token.secret) }
  try {
    s.onMinted?.(token)
  } catch (err) {
    await revokeNew(s, obtained, 'it could not be handed over')
    return stop(
      'failed',
      `issuer ${s.issuer.kind}: the token was minted but could not be handed over (${errorMessage(err)}), so it was not written anywhere${ledger.newTokenRevoked ? ' and was revoked' : ''}`,
    )
  }
  return next(obtained)
}

/** The rights to mint: the inputs', or (a rotation without them) those of the newest token replaced. */
function rightsToMint(s: SetRun, previous: TokenInfo[]): Step<Rights> {
  const { spec } = s.plan
  const newest = replacedWithRights(previous)
  if (!spec.copyRights) return next({ role: spec.role, permissions: spec.permissions, projects: spec.projects })
  if (!newest?.rights)
    return stop(
      'failed',
      `token-role: no token of the set ${s.set.name} states its rights, so there are none to copy: set token-role or token-permissions`,
    )
  s.ledger.note(`rights copied from ${newest.name}: ${describeRights(newest.rights)}`)
  return next(newest.rights)
}

/** Says when the new token's rights differ from those of the token it replaces (widening needs the explicit input). */
function compareRights(s: SetRun, previous: TokenInfo[], minted: MintedToken, given: Rights): void {
  const replaced = replacedWithRights(previous)
  const now = minted.rights ?? given
  // A role and a permission list cannot be compared unless the issuer said what the role expanded to.
  if (
    !replaced?.rights ||
    kindOf(replaced.rights) !== kindOf(now) ||
    describeRights(replaced.rights) === describeRights(now)
  )
    return
  s.ledger.note(
    `rights differ from the replaced token ${replaced.name}: ${describeRights(replaced.rights)} -> ${describeRights(now)} (as the inputs say)`,
  )
}

async function mint(s: SetRun, previous: TokenInfo[]): Promise<Step<MintedToken>> {
  const { issuer, clock } = s
  const rights = rightsToMint(s, previous)
  if (!rights.ok) return rights
  if (isAdmin(rights.value) && s.set.targets.length)
    s.log.warning(
      `the new token has admin rights (${describeRights(rights.value)}) and goes to CI destinations: prefer the narrowest role (Rack Gateway: cicd)`,
    )
  const expiry = mintExpirySpec(s.plan)
  const spec = { ...rights.value, expiresAt: expiry && expiryDate(expiry, nowOf(s))?.toISOString() }
  const nameAt = () => mintedName(s.set.name, nowOf(s), s.options.runTag)
  const taken = new Set(previous.map((p) => p.name))
  let name = ''
  for (let attempt = 1; attempt <= MINT_ATTEMPTS; attempt++) {
    // Each attempt takes a new one-second name: a name is never sent twice.
    if (attempt > 1 || taken.has(nameAt())) await clock.sleep(1000 - (clock.now() % 1000) + 5, s.signal)
    name = nameAt()
    taken.add(name)
    try {
      const minted = await issuer.create({ ...spec, name })
      compareRights(s, previous, minted, rights.value)
      return next(minted)
    } catch (err) {
      if (err instanceof OutcomeUnknownError) {
        const unchecked = await revokeLostMint(s, name)
        if (unchecked) return unchecked
        continue
      }
      // Minted, but unusable: revoke what the answer names, else look the name up; never write it.
      if (err instanceof MintedTokenRejectedError || err instanceof UntrustedResponseError)
        return refuseMinted(s, err, name)
      const clash =
        err instanceof TokenActionError &&
        (err.status === 400 || err.status === 409) &&
        /already exists|taken/i.test(err.platformMessage ?? '')
      if (!clash) return stop('failed', `issuer ${issuer.kind}: could not mint the token: ${errorMessage(err)}`)
    }
  }
  return stop(
    'failed',
    `issuer ${issuer.kind}: could not mint the token after ${MINT_ATTEMPTS} attempts (last name tried: ${name})`,
  )
}

/**
 * After a lost mint answer: a token of that exact name is this run's (its run tag says so) and its
 * value is lost, so it is revoked. Returns the set's ending when the set cannot even be listed to check.
 */
async function revokeLostMint(s: SetRun, name: string): Promise<Stopped | undefined> {
  const { issuer, ledger } = s
  let listed: TokenInfo[]
  try {
    listed = await issuer.list(s.set.name)
  } catch (err) {
    ledger.mayExist.push(name)
    ledger.note(
      `a token named ${name} may have been minted (its answer was lost) and the set could not be listed to check: revoke it at the issuer if it exists`,
    )
    return stop(
      'failed',
      `issuer ${issuer.kind}: the mint's answer was lost and listing to check it failed (${errorMessage(err)}); nothing was written`,
    )
  }
  for (const t of listed.filter((x) => x.name === name)) {
    try {
      await issuer.revoke(t.id)
      ledger.revoked.push(t.id)
      ledger.note(`${t.name} (id ${t.id}) was minted but the answer was lost, so its value is unknown: it was revoked`)
    } catch (err) {
      ledger.keep(
        t.id,
        `${t.name} (id ${t.id}) was minted but the answer was lost; revoking it failed (${errorMessage(err)}): revoke it by hand`,
      )
    }
  }
  return undefined
}

/** The issuer answered a mint with a token that cannot be right, or an answer that cannot be read. */
async function refuseMinted(
  s: SetRun,
  err: MintedTokenRejectedError | UntrustedResponseError,
  name: string,
): Promise<Stopped> {
  const id = err instanceof MintedTokenRejectedError ? err.minted.id : undefined
  if (id) {
    try {
      await s.issuer.revoke(id)
      s.ledger.revoked.push(id)
      return stop('failed', `could not mint a usable token: ${errorMessage(err)}; the token was revoked`)
    } catch (revokeErr) {
      s.ledger.keep(id)
      return stop(
        'failed',
        `could not mint a usable token: ${errorMessage(err)}; revoking it failed (${errorMessage(revokeErr)}): revoke ${id} by hand`,
      )
    }
  }
  return (
    (await revokeLostMint(s, name)) ??
    stop(
      'failed',
      `issuer ${s.issuer.kind}: could not mint a usable token: the answer could not be used (${errorMessage(err)}); nothing was written`,
    )
  )
}
