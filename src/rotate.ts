/**
 * The lifecycle: preflight every destination, check whether rotation is due, mint (or take) the
 * token, mask it, verify it, write it everywhere, and only then revoke what it replaces. Depends
 * only on the Issuer and Destination interfaces, so every platform plugs in the same way.
 */
import { readConcurrency, type RunContext } from './context.js'
import { addDuration, expiryDate } from './duration.js'
import { errorMessage, TokenActionError } from './errors.js'
import type { Plan } from './plan.js'
import { runPool } from './pool.js'
import type { DestinationReport, Outcome, Report } from './report.js'
import { isMintedWith, mintedName } from './token-name.js'
import type { Destination, Issuer, MintedToken, TokenInfo } from './types.js'

export interface BuiltDestinations {
  destinations: Destination[]
  /** Lines that could not even be expanded (e.g. listing an org's repositories failed). */
  failures: DestinationReport[]
}

export interface EngineDeps {
  issuer: Issuer
  buildDestinations(): Promise<BuiltDestinations>
  ctx: RunContext
  /** Runs right after minting, before anything else: outputs and post-step state. */
  onMinted?: (token: MintedToken) => void
}

const EXPIRY_WARNING_DAYS = 14
const EPHEMERAL_DEFAULT = { amount: 1, unit: 'h' as const, text: '1h' }

class Run {
  readonly report: Report
  private readonly now: () => Date

  constructor(
    private readonly plan: Plan,
    private readonly deps: EngineDeps,
  ) {
    this.now = () => new Date(deps.ctx.clock.now())
    this.report = {
      outcome: 'failed',
      mode: plan.mode,
      issuer: plan.issuer.kind,
      dryRun: plan.dryRun,
      destinations: [],
      revokedIds: [],
      keptIds: [],
      notes: [],
      startedAt: this.now().toISOString(),
      finishedAt: '',
      requests: { total: 0, retries: 0, rateLimited: 0 },
    }
  }

  private get log() {
    return this.deps.ctx.log
  }

  private fail(error: string): Report {
    this.report.outcome = 'failed'
    this.report.error = this.deps.ctx.redactor.redact(error)
    return this.report
  }

  private done(outcome: Outcome): Report {
    this.report.outcome = outcome
    return this.report
  }

  async execute(): Promise<Report> {
    try {
      return await this.lifecycle()
    } finally {
      const s = this.deps.ctx.stats
      this.report.requests = { total: s.requests, retries: s.retries, rateLimited: s.rateLimited }
      this.report.finishedAt = this.now().toISOString()
    }
  }

  private async lifecycle(): Promise<Report> {
    const { plan } = this
    const { issuer } = this.deps

    // 2. Preflight: every destination, and the issuer credential (by listing) where it can list.
    const destinations = await this.preflight()
    if (!destinations) return this.fail('preflight failed: nothing was minted or written')
    let previous: TokenInfo[] = []
    if (plan.mode !== 'distribute' && issuer.can.list) {
      try {
        previous = (await issuer.list(plan.spec.namePrefix)).filter((t) => isMintedWith(plan.spec.namePrefix, t.name))
      } catch (err) {
        return this.fail(`issuer ${issuer.kind}: listing tokens failed: ${errorMessage(err)}`)
      }
    }

    // 3. Due?
    if (plan.rotateIfOlderThan && previous.length) {
      const newest = previous.reduce((a, b) => (Date.parse(a.createdAt) >= Date.parse(b.createdAt) ? a : b))
      const dueAt = addDuration(new Date(newest.createdAt), plan.rotateIfOlderThan)
      if (dueAt > this.now()) {
        this.report.notes.push(`newest token ${newest.name} was created ${newest.createdAt}; next rotation is due ${dueAt.toISOString()} (rotate-if-older-than ${plan.rotateIfOlderThan.text})`)
        this.report.destinations = destinations.map((d) => ({ id: d.id, name: d.secretName, status: 'not written', detail: 'not due' }))
        return this.done('not-due')
      }
    }

    if (plan.dryRun) return this.dryRun(destinations, previous)

    // 4. Mint, or take the given token; mask it before anything else is logged.
    const minted = plan.mode !== 'distribute'
    let token: MintedToken
    try {
      token = await this.obtainToken()
    } catch (err) {
      return this.fail(`issuer ${issuer.kind}: could not mint the token: ${errorMessage(err)}`)
    }
    this.report.token = minted ? { id: token.id, name: token.name, expiresAt: token.expiresAt } : {}
    if (minted) this.log.info(`minted ${token.name} (id ${token.id})`)

    // 5. Verify, then check the real value against each destination's rules.
    const verified = await this.verify(token, minted)
    if (!verified) return this.report
    const valueProblems = destinations.flatMap((d) => {
      try {
        d.checkValue(token.secret)
        return []
      } catch (err) {
        return [`${d.id}: ${errorMessage(err)}`]
      }
    })
    if (valueProblems.length) {
      await this.revokeNew(token, minted)
      return this.fail(`the token value breaks a destination's rule, so it was not written anywhere: ${valueProblems.join('; ')}`)
    }

    // 6. Write everywhere.
    const results = await this.writeAll(destinations, token.secret)
    this.report.destinations.push(...results)
    const ok = results.filter((r) => r.status === 'created' || r.status === 'updated').length
    const failed = results.length - ok

    // 7. Revoke only when every destination holds the new token.
    if (failed > 0) {
      this.report.keptIds = previous.map((p) => p.id)
      if (ok === 0) await this.revokeNew(token, minted)
      const reason = this.deps.ctx.signal?.aborted ? 'the run was cancelled' : `${failed} of ${results.length} destinations failed`
      return this.fail(`${reason}; no previous token was revoked${ok === 0 && minted ? ' and the new token, which reached no destination, was revoked' : ''}. Re-run to converge.`)
    }
    if (plan.mode === 'rotate') {
      const stillValid = await this.revokePrevious(previous, token)
      if (stillValid.length) return this.fail(`every destination holds the new token, but revoking ${stillValid.join(', ')} failed: they are still valid. Re-run to finish.`)
    }
    this.distributeNotes()
    return this.done(plan.mode === 'rotate' ? 'rotated' : plan.mode === 'distribute' ? 'distributed' : 'created')
  }

  private async preflight(): Promise<Destination[] | undefined> {
    let built: BuiltDestinations
    try {
      built = await this.deps.buildDestinations()
    } catch (err) {
      this.report.error = errorMessage(err)
      return undefined
    }
    const checks = await runPool(built.destinations, readConcurrency(this.plan.concurrency), async (d): Promise<DestinationReport | undefined> => {
      try {
        await d.preflight()
        // The real value when it is given; else a value of the issuer's format, so a rule like
        // GitLab's mask rule fails here, before anything is minted.
        const value = this.plan.issuer.token ?? this.deps.issuer.sample
        if (value) d.checkValue(value)
        return undefined
      } catch (err) {
        return { id: d.id, name: d.secretName, status: 'failed', detail: `preflight: ${this.deps.ctx.redactor.redact(errorMessage(err))}` }
      }
    })
    const failures = [...built.failures, ...checks.filter((c): c is DestinationReport => c !== undefined)]
    if (!failures.length) return built.destinations
    const failedIds = new Set(failures.map((f) => f.id))
    this.report.destinations = [...failures, ...built.destinations.filter((d) => !failedIds.has(d.id)).map((d) => ({ id: d.id, name: d.secretName, status: 'not written' as const, detail: 'preflight of another destination failed' }))]
    return undefined
  }

  private async dryRun(destinations: Destination[], previous: TokenInfo[]): Promise<Report> {
    const plans = await runPool(destinations, readConcurrency(this.plan.concurrency), async (d): Promise<DestinationReport> => {
      try {
        return { id: d.id, name: d.secretName, status: (await d.wouldWrite()) === 'created' ? 'would create' : 'would update' }
      } catch (err) {
        return { id: d.id, name: d.secretName, status: 'failed', detail: errorMessage(err) }
      }
    })
    this.report.destinations = plans.filter((p): p is DestinationReport => p !== undefined)
    if (this.plan.mode === 'rotate' && previous.length) this.report.notes.push(`would revoke ${previous.length} previous token(s): ${previous.map((p) => p.id).join(', ')}`)
    if (this.report.destinations.some((d) => d.status === 'failed')) return this.fail('dry run: some destinations could not be planned')
    return this.done('planned')
  }

  private async obtainToken(): Promise<MintedToken> {
    const { plan } = this
    const { issuer, ctx } = this.deps
    if (plan.mode === 'distribute') {
      ctx.redactor.add(plan.issuer.token)
      return { id: '', name: '', secret: plan.issuer.token! }
    }
    const now = this.now()
    const expiry = plan.spec.expiry ? expiryDate(plan.spec.expiry, now) : plan.mode === 'ephemeral' && issuer.can.expiry ? addDuration(now, EPHEMERAL_DEFAULT) : undefined
    const spec = { role: plan.spec.role, permissions: plan.spec.permissions, projects: plan.spec.projects, expiresAt: expiry?.toISOString() }
    let token: MintedToken
    for (let attempt = 1; ; attempt++) {
      try {
        token = await issuer.create({ ...spec, name: mintedName(plan.spec.namePrefix, this.now()) })
        break
      } catch (err) {
        // Names carry a one-second timestamp and are unique: a run in the same second (a re-run,
        // a matrix sibling) takes the next second's name.
        const clash = err instanceof TokenActionError && (err.status === 400 || err.status === 409) && /already exists|taken/i.test(err.platformMessage ?? '')
        if (!clash || attempt >= 3) throw err
        await ctx.clock.sleep(1000 - (ctx.clock.now() % 1000) + 5, ctx.signal)
      }
    }
    ctx.redactor.add(token.secret)
    this.deps.onMinted?.(token)
    return token
  }

  private async verify(token: MintedToken, minted: boolean): Promise<boolean> {
    const { issuer } = this.deps
    try {
      const identity = await issuer.verify(token.secret)
      const t = (this.report.token ??= {})
      t.verifiedAs = identity.subject
      t.expiresAt ??= identity.expiresAt
      this.warnIfExpiringSoon(t.expiresAt)
      return true
    } catch (err) {
      await this.revokeNew(token, minted)
      this.fail(`issuer ${issuer.kind}: the token did not verify, so it was not written anywhere: ${errorMessage(err)}`)
      return false
    }
  }

  private warnIfExpiringSoon(expiresAt: string | undefined): void {
    if (!expiresAt) return
    const days = (Date.parse(expiresAt) - this.now().getTime()) / 86_400_000
    if (days < EXPIRY_WARNING_DAYS) {
      const note = `the token expires ${expiresAt} (in ${Math.max(0, days).toFixed(1)} days)`
      this.report.notes.push(note)
      if (this.plan.mode !== 'ephemeral') this.log.warning(note)
    }
  }

  private async writeAll(destinations: Destination[], secret: string): Promise<DestinationReport[]> {
    const { ctx } = this.deps
    const total = destinations.length
    const step = total > 20 ? Math.ceil(total / 10) : 0
    let finished = 0
    const results = await runPool(
      destinations,
      this.plan.concurrency,
      async (d): Promise<DestinationReport> => {
        let entry: DestinationReport
        try {
          const out = await d.write(secret)
          entry = { id: d.id, name: d.secretName, status: out.result, changes: out.changes }
        } catch (err) {
          const cancelled = ctx.signal?.aborted && !(err instanceof TokenActionError && err.status)
          entry = { id: d.id, name: d.secretName, status: cancelled ? 'not written' : 'failed', detail: cancelled ? 'cancelled' : ctx.redactor.redact(errorMessage(err)) }
        }
        finished++
        if (step && (finished % step === 0 || finished === total)) this.log.info(`progress: ${finished}/${total} destinations written`)
        return entry
      },
      ctx.signal,
    )
    return destinations.map((d, i) => results[i] ?? { id: d.id, name: d.secretName, status: 'not written', detail: 'cancelled before this write started' })
  }

  /** The new token reached nothing: revoke it so no stray credential stays alive. */
  private async revokeNew(token: MintedToken, minted: boolean): Promise<void> {
    if (!minted) return
    try {
      await this.deps.issuer.revoke(token.id)
      this.report.newTokenRevoked = true
    } catch (err) {
      this.report.notes.push(`the new token ${token.id} reached no destination but revoking it failed: ${errorMessage(err)}; revoke it by hand`)
    }
  }

  /** Returns the ids that could not be revoked. */
  private async revokePrevious(previous: TokenInfo[], token: MintedToken): Promise<string[]> {
    const failed: string[] = []
    for (const p of previous) {
      if (p.id === token.id) continue // never the token just distributed
      try {
        await this.deps.issuer.revoke(p.id)
        this.report.revokedIds.push(p.id)
      } catch (err) {
        failed.push(p.id)
        this.report.notes.push(`revoking ${p.name} (${p.id}) failed: ${errorMessage(err)}`)
      }
    }
    this.report.keptIds = failed
    return failed
  }

  private distributeNotes(): void {
    if (this.plan.mode !== 'distribute') return
    const where = this.plan.issuer.kind === 'rwx' ? 'in the RWX UI (cloud.rwx.com, Access Tokens)' : this.plan.issuer.kind === 'hawzu' ? 'in Hawzu' : 'at its issuer'
    this.report.notes.push(`every destination now holds the given token; revoke the token it replaced ${where}`)
  }
}

export function execute(plan: Plan, deps: EngineDeps): Promise<Report> {
  return new Run(plan, deps).execute()
}
