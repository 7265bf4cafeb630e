/** Shared by the Action and the CLI: plan -> issuer + destinations -> report. Front ends only adapt inputs and outputs. */
import { newStats, OVERLAP_GRACE_MS, RUN_DEADLINE_MS, type RunContext } from '../transport/context.js'
import { buildDestinations } from '../platforms/index.js'
import { systemClock } from '../transport/clock.js'
import { createIssuer } from '../issuers/index.js'
import { redactingLogger, type Logger } from '../shared/log.js'
import { planSecrets, type Plan } from '../plan/plan.js'
import { Redactor, type MaskSink } from '../shared/redact.js'
import type { Report } from '../report/report.js'
import { redactReport } from '../report/redact-report.js'
import { errorMessage } from '../shared/errors.js'
import { execute } from './lifecycle.js'
import { listRotationSet } from '../plan/token-name.js'
import type { MintedToken, RevokeResult } from '../shared/types.js'

export interface RunOptions {
  log: Logger
  mask?: MaskSink
  signal?: AbortSignal
  onMinted?: (token: MintedToken) => void
  /** Overrides for benchmarks and tests (scaled clock, budget, dispatcher). */
  context?: Partial<RunContext>
}

export function newContext(plan: Plan, options: RunOptions): RunContext {
  const redactor = options.context?.redactor ?? new Redactor(options.mask)
  for (const s of planSecrets(plan)) redactor.add(s)
  return {
    clock: systemClock,
    githubBudget: { pointsPerWindow: 900, windowMs: 60_000 },
    stats: newStats(),
    cleanups: [],
    concurrency: plan.concurrency,
    overlapGraceMs: OVERLAP_GRACE_MS,
    signal: withDeadline(options.signal),
    ...options.context,
    redactor,
    log: redactingLogger(options.log, redactor),
  }
}

function withDeadline(signal: AbortSignal | undefined): AbortSignal {
  const deadline = AbortSignal.timeout(RUN_DEADLINE_MS)
  return signal ? AbortSignal.any([signal, deadline]) : deadline
}

export async function runPlan(plan: Plan, options: RunOptions): Promise<Report> {
  const ctx = newContext(plan, options)
  const issuer = createIssuer(plan, ctx)
  try {
    const report = await execute(plan, {
      issuer,
      ctx,
      buildDestinations: () => buildDestinations(plan, ctx),
      onMinted: options.onMinted,
    })
    return redactReport(report, (text) => ctx.redactor.redact(text))
  } finally {
    for (const cleanup of ctx.cleanups) await cleanup()
  }
}

/** Revokes one token by id (the ephemeral post step, and clean-up after cancellation). */
export async function revokeToken(plan: Plan, id: string, options: RunOptions): Promise<RevokeResult> {
  const ctx = newContext(plan, options)
  return createIssuer(plan, ctx).revoke(id)
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
): Promise<{ revoked: string[]; gone: string[]; outside: string[]; failed: string[] }> {
  const ctx = newContext(plan, options)
  const issuer = createIssuer(plan, ctx)
  const inSet = new Set((await listRotationSet(issuer, plan.spec.namePrefix)).map((t) => t.id))
  const outside = ids.filter((id) => !inSet.has(id))
  if (outside.length && !force) return { revoked: [], gone: [], outside, failed: [] }
  const revoked: string[] = []
  const gone: string[] = []
  const failed: string[] = []
  for (const id of ids) {
    try {
      if ((await issuer.revoke(id)) === 'revoked') revoked.push(id)
      else gone.push(id)
    } catch (err) {
      failed.push(id)
      ctx.log.error(`revoking ${id} failed: ${errorMessage(err)}`)
    }
  }
  return { revoked, gone, outside, failed }
}

/** SIGINT/SIGTERM stop new writes; in-flight ones finish and nothing old is revoked. */
export function cancelOnSignals(log: Logger): AbortController {
  const controller = new AbortController()
  const onSignal = (sig: NodeJS.Signals) => {
    if (controller.signal.aborted) return
    log.warning(`${sig} received: finishing writes in flight, starting no new ones, revoking nothing old`)
    controller.abort(new Error(`cancelled by ${sig}`))
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  return controller
}
