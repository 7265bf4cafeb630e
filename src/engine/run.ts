/**
 * Shared by the Action and the CLI: plan -> issuer, destinations and rotation sets -> report. The
 * destinations are built once, so the sets share one scheduler per platform and credential; each set
 * runs on its own (a set that fails stops no other) and the run composes their reports.
 */
import { createIssuer } from '../issuers/index.js'
import type { Plan } from '../plan/plan.js'
import { rotationSets, type RotationSet } from '../plan/sets.js'
import { newRunTag } from '../plan/token-name.js'
import { buildDestinations, type BuiltDestinations } from '../platforms/index.js'
import { GITHUB_BUDGET } from '../platforms/github/pacing.js'
import type { AuditReport, Report } from '../report/report.js'
import { newFingerprintKey } from '../report/fingerprint.js'
import { redactReport } from '../report/redact-report.js'
import { errorMessage } from '../shared/errors.js'
import type { Logger } from '../shared/log.js'
import { runPool } from '../shared/pool.js'
import type { Issuer, TokenInfo } from '../shared/types.js'
import type { Transport } from '../transport/transport.js'
import { composeReport } from './compose.js'
import { suggestOrgSecrets } from './hints.js'
import { Ledger, type SetResult } from './ledger.js'
import { OVERLAP_GRACE_MS, type EngineOptions } from './options.js'
import { orphanSetFindings } from './orphan-sets.js'
import { progress } from './progress.js'
import { runSet } from './set.js'
import { transportFor, type RunOptions } from './transport-of.js'

export type { RunOptions } from './transport-of.js'

const MAX_SETS_AT_ONCE = 100

export async function runPlan(plan: Plan, options: RunOptions): Promise<Report> {
  const transport = transportFor(plan, options)
  const platforms = {
    github: { ...plan.github, budget: options.context?.githubBudget ?? GITHUB_BUDGET },
    circleci: plan.circleci,
    gitlab: plan.gitlab,
    vault: plan.vault,
    aws: plan.aws,
    shard: plan.shard,
  }
  return executePlan(plan, {
    transport,
    issuer: createIssuer(plan.issuer, transport),
    buildDestinations: () => buildDestinations(plan.targets, platforms, transport),
    overlapGraceMs: options.context?.overlapGraceMs ?? OVERLAP_GRACE_MS,
    onMinted: options.onMinted,
  })
}

/** What a run is given: the transport, the issuer and how to build the destinations (tests inject their own). */
export interface ExecuteDeps {
  transport: Transport
  issuer: Issuer
  buildDestinations(): Promise<BuiltDestinations>
  overlapGraceMs: number
  onMinted?: RunOptions['onMinted']
}

export async function executePlan(plan: Plan, deps: ExecuteDeps): Promise<Report> {
  const { transport, issuer } = deps
  const startedAt = new Date(transport.clock.now())
  const engine: EngineOptions = {
    concurrency: plan.concurrency,
    overlapGraceMs: deps.overlapGraceMs,
    runTag: newRunTag(),
    fingerprintKey: newFingerprintKey(),
  }
  const sets = rotationSets(plan)
  const notes: string[] = []
  let built: BuiltDestinations | undefined
  try {
    try {
      // An audit reads the issuer only: its lines (token-per: line) just name the sets.
      built = plan.mode === 'audit' ? { destinations: [], failures: [], cleanups: [] } : await deps.buildDestinations()
    } catch (err) {
      const error = `preflight failed, nothing was minted or written: ${errorMessage(err)}`
      return finish(sets.map((set) => new Ledger().close(set, { outcome: 'failed', error })))
    }
    if (plan.tokenPer === 'run') notes.push(...suggestOrgSecrets(built.destinations.map((e) => e.destination)))
    // Every set's tokens are under the run's name: listed once, however many sets.
    const listed = once(() => issuer.list(plan.spec.namePrefix))
    const results = await runSets(sets, built, { plan, issuer, transport, engine, onMinted: deps.onMinted, listed })
    const findings =
      plan.mode === 'audit' && plan.tokenPer === 'line' ? await unnamedSets(plan, listed, sets, notes) : []
    return finish(results, findings)
  } finally {
    for (const cleanup of built?.cleanups ?? []) await cleanup()
  }

  function finish(results: SetResult[], findings: AuditReport['findings'] = []): Report {
    const facts = { startedAt, finishedAt: new Date(transport.clock.now()), stats: transport.stats, notes, findings }
    // Every string that leaves the run - identities, names, ids, audit fields - is redacted once, here.
    return redactReport(composeReport(plan, results, facts), (text) => transport.redactor.redact(text))
  }
}

interface Shared {
  plan: Plan
  issuer: Issuer
  transport: Transport
  engine: EngineOptions
  onMinted?: RunOptions['onMinted']
  listed(): Promise<TokenInfo[]>
}

/** One call however many ask, and its answer (or error) for all of them. */
function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined
  return () => (result ??= fn())
}

/** Runs every set over its own destinations; many sets run at once, within the schedulers' bounds. */
async function runSets(sets: RotationSet[], built: BuiltDestinations, shared: Shared): Promise<SetResult[]> {
  const { plan, transport } = shared
  const tick = progress(transport.log, sets.length, 'rotating', 'done', 'sets')
  const canManage = once(async () => shared.issuer.checkCanManage?.())
  // Sets wait mostly on the schedulers (GitHub's write pacing above all), which bound the requests
  // themselves: enough sets run at once that the next write is always queued while others mint.
  const results = await runPool(
    sets,
    Math.min(sets.length, MAX_SETS_AT_ONCE),
    async (set) => {
      const mine = new Set(set.targets)
      const result = await runSet({
        set,
        plan,
        issuer: shared.issuer,
        options: shared.engine,
        log: transport.log,
        clock: transport.clock,
        signal: transport.signal,
        redactor: transport.redactor,
        ledger: new Ledger(),
        listed: shared.listed,
        canManage,
        destinations: built.destinations.filter((e) => mine.has(e.target)).map((e) => e.destination),
        lineFailures: built.failures
          .filter((f) => mine.has(f.target))
          .map((f) => ({ id: f.id, name: f.name, status: 'failed' as const, detail: f.detail })),
        onMinted: shared.onMinted,
      })
      tick()
      return result
    },
    // A cancelled run starts no further set; those are reported as not started.
    transport.signal,
  )
  // Sets never started are holes in `results`: map over the sets, not the results.
  return sets.map(
    (set, i) =>
      results[i] ?? new Ledger().close(set, { outcome: 'failed', error: 'the run stopped before this set started' }),
  )
}

/** Tokens under the run's name whose set no current line names (audit with token-per: line). */
async function unnamedSets(plan: Plan, listed: () => Promise<TokenInfo[]>, sets: RotationSet[], notes: string[]) {
  try {
    return orphanSetFindings(plan.spec.namePrefix, new Set(sets.map((s) => s.name)), await listed())
  } catch (err) {
    notes.push(`could not list ${plan.spec.namePrefix} to look for sets no line names: ${errorMessage(err)}`)
    return []
  }
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
