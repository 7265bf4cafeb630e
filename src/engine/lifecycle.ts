/**
 * The run, in phases: preflight every destination, list the rotation set, check whether rotation is
 * due, obtain the token (mint it, or take the given one), verify it, write it everywhere, then settle:
 * revoke what it replaces only when every destination certainly holds it. Each phase returns its
 * result or a `Stop`; the report is written in one place, at the end. Depends only on the Issuer and
 * Destination interfaces, so every platform plugs in the same way.
 */
import { createHash } from 'node:crypto'
import { readConcurrency, type RunContext } from '../transport/context.js'
import { addDuration, expiryDate } from '../plan/duration.js'
import {
  errorMessage,
  MintedTokenRejectedError,
  OutcomeUnknownError,
  TokenActionError,
  UntrustedResponseError,
} from '../shared/errors.js'
import type { Plan } from '../plan/plan.js'
import { reviewSet } from './audit.js'
import { issuerKind } from '../issuers/kinds.js'
import { runPool } from '../shared/pool.js'
import { totalsLine, type DestinationReport, type Outcome, type Report } from '../report/report.js'
import { listRotationSet, mintedName } from '../plan/token-name.js'
import type { Destination, Issuer, MintedToken, Rights, TokenInfo } from '../shared/types.js'

export interface BuiltDestinations {
  destinations: Destination[]
  /** Lines that could not even be expanded (e.g. listing an org's repositories failed). */
  failures: DestinationReport[]
}

export interface EngineDeps {
  issuer: Issuer
  buildDestinations(): Promise<BuiltDestinations>
  ctx: RunContext
  /** Runs right after minting, before anything else: outputs, post-step state, the CLI's token file. */
  onMinted?: (token: MintedToken) => void
}

/** The token this run distributes: minted here, or given (distribute mode) and so not ours to revoke. */
type Obtained = { kind: 'minted'; token: MintedToken } | { kind: 'given'; secret: string }

/** Why the run ended early (or how it ended): the outcome and, when it failed, the reason. */
class Stop {
  constructor(
    readonly outcome: Outcome,
    readonly error?: string,
  ) {}
}

const EXPIRY_WARNING_DAYS = 14
const EPHEMERAL_DEFAULT = { amount: 1, unit: 'h' as const, text: '1h' }
const MINT_ATTEMPTS = 3
/** More repository secrets of one org than this get the org-secret hint. */
const ORG_SECRET_HINT_AT = 20
const REPO_SECRET = /^github:repo\/([^/]+)\/([^/?]+)$/
const HELD: ReadonlySet<string> = new Set(['created', 'updated'])

function secretOf(o: Obtained): string {
  return o.kind === 'minted' ? o.token.secret : o.secret
}

function describeRights(r: Rights): string {
  if (r.projects?.length) return `projects ${r.projects.map((p) => `${p.id}=${p.role}`).join(', ')}`
  if (r.permissions?.length) return `permissions ${[...r.permissions].sort().join(', ')}`
  return `role ${r.role ?? '(none)'}`
}

function kindOf(r: Rights): 'projects' | 'permissions' | 'role' {
  return r.projects?.length ? 'projects' : r.permissions?.length ? 'permissions' : 'role'
}

function isAdmin(r: Rights): boolean {
  return (
    r.role === 'admin' ||
    Boolean(r.permissions?.some((p) => /(^|:)\*:\*$/.test(p))) ||
    Boolean(r.projects?.some((p) => p.role === 'admin'))
  )
}

/** What a destination holds, for the audit trail: a short SHA-256 prefix, never the value. */
function fingerprint(secret: string): string {
  return `sha256:${createHash('sha256').update(secret).digest('hex').slice(0, 12)}`
}

class Lifecycle {
  // What the run learned; `report()` turns it into the Report, once.
  private rows: DestinationReport[] = []
  private readonly notes: string[] = []
  private readonly revoked: string[] = []
  private readonly kept: string[] = []
  private readonly unconfirmed: string[] = []
  private previous: TokenInfo[] = []
  private token?: Report['token']
  private auditResult?: Report['audit']
  private newTokenRevoked?: boolean
  private readonly startedAt: Date

  constructor(
    private readonly plan: Plan,
    private readonly deps: EngineDeps,
  ) {
    this.startedAt = this.now()
  }

  private now(): Date {
    return new Date(this.deps.ctx.clock.now())
  }

  private get log() {
    return this.deps.ctx.log
  }

  private redact(text: string): string {
    return this.deps.ctx.redactor.redact(text)
  }

  async execute(): Promise<Report> {
    let end: Stop
    try {
      end = await this.phases()
    } catch (err) {
      end = new Stop('failed', `unexpected error: ${errorMessage(err)}`)
    }
    if (this.rows.length) this.log.info(totalsLine(this.rows))
    return this.report(end)
  }

  private async phases(): Promise<Stop> {
    const ready = await this.preflight()
    if (ready instanceof Stop) return ready
    this.suggestOrgSecrets(ready)
    const previous = await this.listSet()
    if (previous instanceof Stop) return previous
    this.previous = previous
    if (this.plan.mode === 'audit') return this.audit(previous)
    const notDue = this.dueCheck(previous, ready)
    if (notDue) return notDue
    if (this.plan.dryRun) return this.dryRun(ready, previous)
    if (this.plan.revokeFirst) await this.revokeLeaked(previous)
    const obtained = await this.obtain()
    if (obtained instanceof Stop) return obtained
    const unusable = await this.verify(obtained, ready)
    if (unusable) return unusable
    const since = this.now()
    const secret = secretOf(obtained)
    this.token = { ...this.token, fingerprint: fingerprint(secret) }
    this.rows = await this.writeAll(ready, secret, since)
    return this.settle(obtained, previous)
  }

  // Phase 1: preflight. Nothing is minted if any destination fails it.
  private async preflight(): Promise<Destination[] | Stop> {
    let built: BuiltDestinations
    try {
      built = await this.deps.buildDestinations()
    } catch (err) {
      return new Stop('failed', `preflight failed, nothing was minted or written: ${errorMessage(err)}`)
    }
    const tick = this.progress(built.destinations.length, 'preflight: checking', 'preflighted')
    const checks = await runPool(
      built.destinations,
      readConcurrency(this.plan.concurrency),
      async (d): Promise<DestinationReport | undefined> => {
        try {
          await d.preflight()
          // The real value when it is given; else a value of the issuer's format, so a rule like
          // GitLab's mask rule fails here, before anything is minted.
          const value = this.plan.issuer.token ?? this.deps.issuer.sample
          if (value) d.checkValue(value)
          return undefined
        } catch (err) {
          return {
            id: d.id,
            name: d.secretName,
            status: 'failed',
            detail: `preflight: ${this.redact(errorMessage(err))}`,
          }
        } finally {
          tick()
        }
      },
    )
    const failures = [...built.failures, ...checks.filter((c): c is DestinationReport => c !== undefined)]
    if (!failures.length) return built.destinations
    const failedIds = new Set(failures.map((f) => f.id))
    this.rows = [
      ...failures,
      ...built.destinations
        .filter((d) => !failedIds.has(d.id))
        .map((d) => this.row(d, 'not written', 'preflight of another destination failed')),
    ]
    return new Stop('failed', `preflight failed for ${failures.length} destination(s): nothing was minted or written`)
  }

  /**
   * Seeding one secret into many repositories of an org costs two requests each; one org secret with
   * `visibility=selected` costs three in all. Said, never done: a repository secret of the same name
   * shadows the org secret, so switching is the user's call.
   */
  private suggestOrgSecrets(ready: Destination[]): void {
    const byOwner = new Map<string, string[]>()
    for (const d of ready) {
      const m = REPO_SECRET.exec(d.id)
      if (!m) continue
      const key = `${m[1]}\u0000${d.secretName}`
      byOwner.set(key, [...(byOwner.get(key) ?? []), m[2]!])
    }
    for (const [key, repos] of byOwner) {
      if (repos.length <= ORG_SECRET_HINT_AT) continue
      const [owner, name] = key.split('\u0000') as [string, string]
      const shown = repos.slice(0, 5).join(',')
      this.notes.push(
        `${repos.length} repositories of ${owner} get the same ${name}: one org secret would take 3 requests instead of ${repos.length * 2} - ` +
          `github:org/${owner}?visibility=selected&repos=${shown}${repos.length > 5 ? `,... (${repos.length - 5} more)` : ''}&name=${name} ` +
          `(or visibility=all). A repository secret of the same name shadows the org secret: delete those when switching. Nothing was changed for this.`,
      )
    }
  }

  // Phase 2: the rotation set's tokens (those this prefix minted).
  private async listSet(): Promise<TokenInfo[] | Stop> {
    const { issuer } = this.deps
    if (this.plan.mode === 'distribute' || !issuer.can.list) return []
    let listed: TokenInfo[]
    try {
      listed = await listRotationSet(issuer, this.plan.spec.namePrefix)
    } catch (err) {
      return new Stop('failed', `issuer ${issuer.kind}: listing tokens failed: ${errorMessage(err)}`)
    }
    // Before anything is minted (a dry run too): a credential that could mint but not revoke would leave tokens behind.
    // An audit only reads: an auditor's read-only credential is enough.
    try {
      if (this.plan.mode !== 'audit') await issuer.checkCanManage?.()
    } catch (err) {
      return new Stop('failed', `issuer ${issuer.kind}: ${errorMessage(err)}`)
    }
    return listed
  }

  // Phase 3: due? When the newest token is older than rotate-if-older-than, or expires within rotate-before-expiry.
  private dueCheck(previous: TokenInfo[], ready: Destination[]): Stop | undefined {
    const limit = this.plan.rotateIfOlderThan
    if (!limit || !previous.length) return undefined
    const newest = previous.reduce((a, b) => (Date.parse(a.createdAt) >= Date.parse(b.createdAt) ? a : b))
    const created = new Date(newest.createdAt)
    if (Number.isNaN(created.getTime()))
      return new Stop(
        'failed',
        `issuer ${this.deps.issuer.kind}: token ${newest.name} has an unreadable created_at, so whether rotation is due is unknown`,
      )
    const now = this.now()
    const before = this.plan.rotateBeforeExpiry
    const expires = newest.expiresAt ? new Date(newest.expiresAt) : undefined
    if (expires && !Number.isNaN(expires.getTime()) && addDuration(now, before) >= expires) {
      this.notes.push(
        `rotating: newest token ${newest.name} expires ${newest.expiresAt}, within rotate-before-expiry ${before.text}`,
      )
      return undefined
    }
    const dueAt = addDuration(created, limit)
    if (dueAt <= now) return undefined
    this.notes.push(
      `newest token ${newest.name} was created ${newest.createdAt}; next rotation is due ${dueAt.toISOString()} (rotate-if-older-than ${limit.text}${expires ? `, or ${before.text} before it expires ${newest.expiresAt}` : ''})`,
    )
    if (expires && addDuration(dueAt, before) > expires)
      this.log.warning(
        `${newest.name} expires ${newest.expiresAt}, before the next rotation is due: lower rotate-if-older-than or raise token-expires-in`,
      )
    this.rows = ready.map((d) => this.row(d, 'not written', 'not due'))
    return new Stop('not-due')
  }

  /** `audit`: the rotation set as the issuer lists it, and what deserves a look. Changes nothing. */
  private audit(tokens: TokenInfo[]): Stop {
    const now = this.now()
    this.auditResult = reviewSet(tokens, now, {
      rotateIfOlderThan: this.plan.rotateIfOlderThan,
      rotateBeforeExpiry: this.plan.rotateBeforeExpiry,
      overlapGraceMs: this.deps.ctx.overlapGraceMs,
      expiryExpected: this.deps.issuer.can.expiry,
    })
    const n = this.auditResult.findings.length
    if (n && this.plan.failOnFindings)
      return new Stop(
        'failed',
        `audit: ${n} finding(s) in the rotation set ${this.plan.spec.namePrefix} (fail-on-findings)`,
      )
    return new Stop('audited')
  }

  private async dryRun(ready: Destination[], previous: TokenInfo[]): Promise<Stop> {
    const tick = this.progress(ready.length, 'dry run: planning', 'planned')
    const plans = await runPool(
      ready,
      readConcurrency(this.plan.concurrency),
      async (d): Promise<DestinationReport> => {
        try {
          return this.row(d, (await d.wouldWrite()) === 'created' ? 'would create' : 'would update')
        } catch (err) {
          return this.row(d, 'failed', this.redact(errorMessage(err)))
        } finally {
          tick()
        }
      },
    )
    this.rows = plans.filter((p): p is DestinationReport => p !== undefined)
    if (this.plan.mode === 'rotate' && previous.length)
      this.notes.push(
        `would revoke ${previous.length} previous token(s)${this.plan.revokeFirst ? ' first, before minting' : ''}: ${previous.map((p) => p.id).join(', ')}`,
      )
    if (this.rows.some((d) => d.status === 'failed'))
      return new Stop('failed', 'dry run: some destinations could not be planned')
    return new Stop('planned')
  }

  // Phase 4: obtain the token and mask it before anything else is logged.
  private async obtain(): Promise<Obtained | Stop> {
    const { plan } = this
    const { ctx, issuer } = this.deps
    if (plan.mode === 'distribute') {
      ctx.redactor.add(plan.issuer.token)
      this.token = {}
      return { kind: 'given', secret: plan.issuer.token! }
    }
    const expiry = plan.spec.expiry
    if (expiry?.kind === 'never')
      this.log.warning(
        'token-expires-in is never: the token stays valid until it is revoked; prefer a bounded lifetime',
      )
    if (plan.spec.expiryDefaulted && expiry?.kind === 'in')
      this.notes.push(
        `token-expires-in was not set: the token expires in ${expiry.duration.text} (the bounded default; set token-expires-in to choose)`,
      )
    const minted = await this.mint()
    if (minted instanceof Stop) return minted
    ctx.redactor.add(minted.secret)
    this.token = { id: minted.id, name: minted.name, expiresAt: minted.expiresAt }
    this.log.info(`minted ${minted.name} (id ${minted.id})`)
    const obtained: Obtained = { kind: 'minted', token: minted }
    try {
      this.deps.onMinted?.(minted)
    } catch (err) {
      await this.revokeNew(obtained, 'it could not be handed over')
      return new Stop(
        'failed',
        `issuer ${issuer.kind}: the token was minted but could not be handed over (${errorMessage(err)}), so it was not written anywhere${this.newTokenRevoked ? ' and was revoked' : ''}`,
      )
    }
    return obtained
  }

  /** `revoke-first` (a leaked token): the set's live tokens go before the replacement is minted. */
  private async revokeLeaked(previous: TokenInfo[]): Promise<void> {
    for (const p of previous) {
      try {
        await this.deps.issuer.revoke(p.id)
        this.revoked.push(p.id)
      } catch (err) {
        this.kept.push(p.id)
        this.notes.push(
          `revoke-first: revoking ${p.name} (${p.id}) failed: ${errorMessage(err)}; it is still valid: revoke it by hand`,
        )
      }
    }
    if (this.revoked.length)
      this.log.warning(
        `revoke-first: revoked ${this.revoked.join(', ')}; destinations hold a dead token until the replacement is written`,
      )
  }

  /** The newest token of the set whose rights the issuer's list states: the one a rotation replaces. */
  private replacedWithRights(): TokenInfo | undefined {
    return [...this.previous].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).find((t) => t.rights)
  }

  /** The rights to mint: the inputs', or (a rotation without them) those of the newest token replaced. */
  private rights(): Rights | Stop {
    const { spec } = this.plan
    const newest = this.replacedWithRights()
    if (spec.copyRights) {
      if (!newest?.rights)
        return new Stop(
          'failed',
          `token-role: no token of the set ${spec.namePrefix} states its rights, so there are none to copy: set token-role or token-permissions`,
        )
      this.notes.push(`rights copied from ${newest.name}: ${describeRights(newest.rights)}`)
      return newest.rights
    }
    return { role: spec.role, permissions: spec.permissions, projects: spec.projects }
  }

  /** Says when the new token's rights differ from those of the token it replaces (widening needs the explicit input). */
  private compareRights(minted: MintedToken, given: Rights): void {
    const replaced = this.replacedWithRights()
    const now = minted.rights ?? given
    // A role and a permission list cannot be compared unless the issuer said what the role expanded to.
    if (
      !replaced?.rights ||
      kindOf(replaced.rights) !== kindOf(now) ||
      describeRights(replaced.rights) === describeRights(now)
    )
      return
    this.notes.push(
      `rights differ from the replaced token ${replaced.name}: ${describeRights(replaced.rights)} -> ${describeRights(now)} (as the inputs say)`,
    )
  }

  /**
   * Mints, never blindly twice: a mint whose answer was lost may have made a token, so the set is
   * listed by that exact name and a token found there is kept and reported (see clearLostMint) before
   * the next attempt. Each attempt takes a new one-second name, so a name that clashes is never one
   * this run sent before: it is another run's (a re-run, a matrix sibling).
   */
  private async mint(): Promise<MintedToken | Stop> {
    const { plan } = this
    const { issuer, ctx } = this.deps
    const now = this.now()
    const expiry = plan.spec.expiry
      ? expiryDate(plan.spec.expiry, now)
      : plan.mode === 'ephemeral' && issuer.can.expiry
        ? addDuration(now, EPHEMERAL_DEFAULT)
        : undefined
    const rights = this.rights()
    if (rights instanceof Stop) return rights
    if (isAdmin(rights) && this.plan.targets.length)
      this.log.warning(
        `the new token has admin rights (${describeRights(rights)}) and goes to CI destinations: prefer the narrowest role (Rack Gateway: cicd)`,
      )
    const spec = { ...rights, expiresAt: expiry?.toISOString() }
    let name = ''
    // Names already in the set belong to other runs: a lost answer for one of them was a clash, not ours.
    const taken = new Set(this.previous.map((p) => p.name))
    for (let attempt = 1; attempt <= MINT_ATTEMPTS; attempt++) {
      if (attempt > 1 || taken.has(mintedName(plan.spec.namePrefix, this.now())))
        await ctx.clock.sleep(1000 - (ctx.clock.now() % 1000) + 5, ctx.signal)
      name = mintedName(plan.spec.namePrefix, this.now())
      try {
        const minted = await issuer.create({ ...spec, name })
        this.compareRights(minted, rights)
        return minted
      } catch (err) {
        if (err instanceof OutcomeUnknownError) {
          const cleared = await this.clearLostMint(name, taken)
          if (cleared) return cleared
          continue
        }
        // Minted, but unusable: revoke what the answer names, else look the name up; never write it.
        if (err instanceof MintedTokenRejectedError || err instanceof UntrustedResponseError)
          return this.refuseMinted(err, name, taken)
        const clash =
          err instanceof TokenActionError &&
          (err.status === 400 || err.status === 409) &&
          /already exists|taken/i.test(err.platformMessage ?? '')
        if (!clash) return new Stop('failed', `issuer ${issuer.kind}: could not mint the token: ${errorMessage(err)}`)
      }
    }
    return new Stop(
      'failed',
      `issuer ${issuer.kind}: could not mint the token after ${MINT_ATTEMPTS} attempts (last name tried: ${name})`,
    )
  }

  /**
   * After a lost mint answer: looks the name up. A token found there is kept and reported, never
   * revoked: its value was shown only once, so it is of no use, but another run of the set minting in
   * the same second would have made a token of the same name, and revoking that one would strand the
   * destinations it writes. It is older than the next rotation's grace, which revokes it. Returns a
   * Stop when the set cannot even be listed to check.
   */
  private async clearLostMint(name: string, taken: Set<string>): Promise<Stop | undefined> {
    const { issuer } = this.deps
    let listed: TokenInfo[]
    try {
      listed = await issuer.list(this.plan.spec.namePrefix)
    } catch (err) {
      this.unconfirmed.push(name)
      this.notes.push(
        `a token named ${name} may have been minted (its answer was lost) and the set could not be listed to check: revoke it at the issuer if it exists`,
      )
      return new Stop(
        'failed',
        `issuer ${issuer.kind}: the mint's answer was lost and listing to check it failed (${errorMessage(err)}); nothing was written`,
      )
    }
    // A name listed before this mint was sent is another run's: the mint clashed with it.
    for (const t of listed.filter((x) => x.name === name && !taken.has(x.name))) {
      this.kept.push(t.id)
      this.notes.push(
        `${t.name} (id ${t.id}) exists, but the answer to the mint that asked for it was lost: it is kept (another run may have made it) and the next rotation revokes it`,
      )
    }
    for (const t of listed) taken.add(t.name)
    return undefined
  }

  /** The issuer answered a mint with a token that cannot be right, or an answer that cannot be read. */
  private async refuseMinted(
    err: MintedTokenRejectedError | UntrustedResponseError,
    name: string,
    taken: Set<string>,
  ): Promise<Stop> {
    const id = err instanceof MintedTokenRejectedError ? err.minted.id : undefined
    if (id) {
      try {
        await this.deps.issuer.revoke(id)
        this.revoked.push(id)
        return new Stop('failed', `could not mint a usable token: ${errorMessage(err)}; the token was revoked`)
      } catch (revokeErr) {
        this.kept.push(id)
        return new Stop(
          'failed',
          `could not mint a usable token: ${errorMessage(err)}; revoking it failed (${errorMessage(revokeErr)}): revoke ${id} by hand`,
        )
      }
    }
    return (
      (await this.clearLostMint(name, taken)) ??
      new Stop(
        'failed',
        `issuer ${this.deps.issuer.kind}: could not mint a usable token: the answer could not be used (${errorMessage(err)}); nothing was written`,
      )
    )
  }

  // Phase 5: verify with the issuer, then check the real value against each destination's rules.
  private async verify(obtained: Obtained, ready: Destination[]): Promise<Stop | undefined> {
    const { issuer } = this.deps
    const secret = secretOf(obtained)
    try {
      const identity = await issuer.verify(secret)
      const t = (this.token ??= {})
      t.verifiedAs = identity.subject
      t.expiresAt ??= identity.expiresAt
      this.warnIfExpiringSoon(t.expiresAt)
      const orgWide = this.plan.targets.filter(
        (x) =>
          (x.platform === 'github' && (x.kind === 'org' || x.kind === 'repos')) ||
          (x.platform === 'circleci' && x.kind === 'context') ||
          (x.platform === 'gitlab' && x.kind === 'group'),
      )
      if (identity.personal && orgWide.length) {
        const note = `the token is a personal access token and goes to org-wide destinations (${orgWide.map((x) => x.id).join(', ')}): it stops working when its owner leaves; prefer an organization access token`
        this.notes.push(note)
        this.log.warning(note)
      }
    } catch (err) {
      await this.revokeNew(obtained, 'it did not verify')
      return new Stop(
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
    if (!problems.length) return undefined
    await this.revokeNew(obtained, "its value breaks a destination's rule")
    return new Stop(
      'failed',
      `the token value breaks a destination's rule, so it was not written anywhere: ${problems.join('; ')}`,
    )
  }

  private warnIfExpiringSoon(expiresAt: string | undefined): void {
    if (!expiresAt) return
    const days = (Date.parse(expiresAt) - this.now().getTime()) / 86_400_000
    if (days < EXPIRY_WARNING_DAYS) {
      const note = `the token expires ${expiresAt} (in ${Math.max(0, days).toFixed(1)} days)`
      this.notes.push(note)
      if (this.plan.mode !== 'ephemeral') this.log.warning(note)
    }
  }

  // Phase 6: write everywhere; a write whose answer was lost is confirmed where the platform allows.
  private async writeAll(destinations: Destination[], secret: string, since: Date): Promise<DestinationReport[]> {
    const { ctx } = this.deps
    const tick = this.progress(destinations.length, 'writing to', 'written')
    const results = await runPool(
      destinations,
      this.plan.concurrency,
      async (d): Promise<DestinationReport> => {
        const entry = await this.writeOne(d, secret, since)
        tick()
        return entry
      },
      ctx.signal,
    )
    return destinations.map(
      (d, i) => results[i] ?? this.row(d, 'not written', `${this.stopReason()} before this write started`),
    )
  }

  /** Over 20 destinations: a line when the phase starts, then `progress: N/M destinations <done>` about every 10%. */
  private progress(total: number, start: string, done: string): () => void {
    const step = total > 20 ? Math.ceil(total / 10) : 0
    if (step) this.log.info(`${start} ${total} destinations`)
    let finished = 0
    return () => {
      finished++
      if (step && (finished % step === 0 || finished === total))
        this.log.info(`progress: ${finished}/${total} destinations ${done}`)
    }
  }

  private stopReason(): string {
    const reason = this.deps.ctx.signal?.reason
    return reason instanceof Error && reason.message ? reason.message : 'cancelled'
  }

  private async writeOne(d: Destination, secret: string, since: Date): Promise<DestinationReport> {
    try {
      const out = await d.write(secret)
      return { ...this.row(d, out.result), changes: out.changes, holds: this.token?.fingerprint }
    } catch (err) {
      const why = this.redact(errorMessage(err))
      if (err instanceof OutcomeUnknownError) return this.resolveUnknown(d, secret, since, why)
      const stopped = this.deps.ctx.signal?.aborted && !(err instanceof TokenActionError && err.status)
      return stopped ? this.row(d, 'not written', this.stopReason()) : this.row(d, 'failed', why)
    }
  }

  private async resolveUnknown(d: Destination, secret: string, since: Date, why: string): Promise<DestinationReport> {
    const holds = await d.confirm(secret, since).catch(() => undefined)
    if (holds === true)
      return {
        ...this.row(d, 'updated', `the write's answer was lost (${why}); reading the destination back shows it landed`),
        holds: this.token?.fingerprint,
      }
    if (holds === false)
      return this.row(d, 'failed', `${why}; reading the destination back shows the write did not land`)
    return this.row(d, 'unknown', `${why}; the destination could not confirm whether it holds the new token, so it may`)
  }

  // Phase 7: revoke only when every destination certainly holds the new token.
  private async settle(obtained: Obtained, previous: TokenInfo[]): Promise<Stop> {
    const held = this.rows.filter((r) => HELD.has(r.status)).length
    const unknown = this.rows.filter((r) => r.status === 'unknown').length
    const missed = this.rows.length - held - unknown
    if (this.plan.revokeFirst)
      for (const r of this.rows)
        if (!HELD.has(r.status))
          r.detail = `${r.detail ?? r.status}; it may still hold a revoked token (revoke-first): fix it and write it by hand or re-run`
    if (!unknown && !missed) {
      const remaining = previous.filter((p) => !this.revoked.includes(p.id))
      const stillValid = this.plan.mode === 'rotate' ? await this.revokePrevious(remaining, obtained) : []
      if (stillValid.length)
        return new Stop(
          'failed',
          `every destination holds the new token, but revoking ${stillValid.join(', ')} failed: they are still valid. Re-run to finish.`,
        )
      this.distributeNotes()
      return new Stop(
        this.plan.mode === 'rotate' ? 'rotated' : this.plan.mode === 'distribute' ? 'distributed' : 'created',
      )
    }
    let newToken = ''
    if (obtained.kind === 'minted') {
      if (!held && !unknown) {
        await this.revokeNew(obtained, 'it certainly reached no destination')
        newToken = this.newTokenRevoked ? ' and the new token, which certainly reached no destination, was revoked' : ''
      } else {
        newToken = `; the new token ${obtained.token.id} stays valid: ${held} destination(s) hold it${unknown ? ` and ${unknown} may` : ''}`
      }
    }
    const cause = this.deps.ctx.signal?.aborted
      ? `the run stopped (${this.stopReason()})`
      : [
          missed && `${missed} of ${this.rows.length} destinations failed`,
          unknown && `${unknown} may or may not hold the new token (answer lost)`,
        ]
          .filter(Boolean)
          .join(' and ')
    return new Stop('failed', `${cause}; no previous token was revoked${newToken}. Re-run to converge.`)
  }

  /** Revokes the new token, which no destination holds. */
  private async revokeNew(obtained: Obtained, why: string): Promise<void> {
    if (obtained.kind !== 'minted') return
    const { token } = obtained
    try {
      await this.deps.issuer.revoke(token.id)
      this.newTokenRevoked = true
    } catch (err) {
      this.kept.push(token.id)
      this.notes.push(
        `the new token ${token.name} (id ${token.id}) was not written because ${why}, but revoking it failed: ${errorMessage(err)}; revoke it by hand`,
      )
    }
  }

  /**
   * Revokes the set's older tokens; returns the ids that could not be revoked. A token minted within
   * the overlap grace is kept: the run that minted it may still be writing it (runs stop sending
   * requests at their deadline, so an older token's run has ended). The next rotation revokes it.
   */
  private async revokePrevious(previous: TokenInfo[], obtained: Obtained): Promise<string[]> {
    const failed: string[] = []
    const { overlapGraceMs } = this.deps.ctx
    for (const p of previous) {
      if (obtained.kind === 'minted' && p.id === obtained.token.id) continue // never the token just distributed
      const age = this.now().getTime() - Date.parse(p.createdAt)
      if (!(age >= overlapGraceMs)) {
        this.kept.push(p.id)
        const minutes = Math.round(overlapGraceMs / 60_000)
        this.notes.push(
          Number.isNaN(age)
            ? `${p.name} (${p.id}) was kept: its creation time is unreadable`
            : `${p.name} (${p.id}) was kept: it is younger than the ${minutes}-minute overlap grace, so another run may still be writing it; the next rotation revokes it`,
        )
        continue
      }
      try {
        await this.deps.issuer.revoke(p.id)
        this.revoked.push(p.id)
      } catch (err) {
        failed.push(p.id)
        this.kept.push(p.id)
        this.notes.push(`revoking ${p.name} (${p.id}) failed: ${errorMessage(err)}`)
      }
    }
    return failed
  }

  private distributeNotes(): void {
    if (this.plan.mode !== 'distribute') return
    this.notes.push(
      `every destination now holds the given token; revoke the token it replaced in ${issuerKind(this.plan.issuer.kind).madeIn}`,
    )
  }

  private row(d: Destination, status: DestinationReport['status'], detail?: string): DestinationReport {
    return detail === undefined
      ? { id: d.id, name: d.secretName, status }
      : { id: d.id, name: d.secretName, status, detail }
  }

  /** The one place the report is written. */
  private report(end: Stop): Report {
    const s = this.deps.ctx.stats
    return {
      outcome: end.outcome,
      mode: this.plan.mode,
      issuer: this.plan.issuer.kind,
      dryRun: this.plan.dryRun,
      ...(Object.keys(this.plan.origin).length ? { origin: this.plan.origin } : {}),
      ...(this.token ? { token: this.token } : {}),
      destinations: this.rows,
      revokedIds: this.revoked,
      // Whatever stopped the run, every token of the set it did not revoke is still valid.
      keptIds: [...new Set([...this.previous.map((p) => p.id), ...this.kept])].filter(
        (id) => !this.revoked.includes(id),
      ),
      ...(this.newTokenRevoked ? { newTokenRevoked: true } : {}),
      ...(this.unconfirmed.length ? { mayExist: this.unconfirmed } : {}),
      ...(this.auditResult ? { audit: this.auditResult } : {}),
      ...(end.error ? { error: this.redact(end.error) } : {}),
      notes: this.notes.map((n) => this.redact(n)),
      startedAt: this.startedAt.toISOString(),
      finishedAt: this.now().toISOString(),
      requests: { total: s.requests, retries: s.retries, rateLimited: s.rateLimited },
    }
  }
}

export function execute(plan: Plan, deps: EngineDeps): Promise<Report> {
  return new Lifecycle(plan, deps).execute()
}
