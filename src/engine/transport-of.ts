/** The run's transport: masking every secret of the plan first, then a deadline on every request. */
import { planSecrets, type Plan } from '../plan/plan.js'
import { redactingLogger, type Logger } from '../shared/log.js'
import { Redactor, type MaskSink } from '../shared/redact.js'
import type { MintedToken } from '../shared/types.js'
import { systemClock } from '../transport/clock.js'
import { newStats, readConcurrency, type Transport } from '../transport/transport.js'
import { RUN_DEADLINE_MS } from './options.js'

/** Overrides for benchmarks and tests (scaled clock, budget, dispatcher, overlap grace). */
export type RunOverrides = Partial<
  Pick<
    Transport,
    'redactor' | 'clock' | 'dispatcher' | 'retry' | 'timeoutMs' | 'signal' | 'stats' | 'cleanupDeadlineMs'
  >
> & {
  githubBudget?: { pointsPerWindow: number; windowMs: number }
  overlapGraceMs?: number
}

export interface RunOptions {
  log: Logger
  mask?: MaskSink
  signal?: AbortSignal
  /** Runs right after a token is minted, before anything else (outputs, post-step state, the CLI's token file). */
  onMinted?: (token: MintedToken) => void
  context?: RunOverrides
}

function withDeadline(signal: AbortSignal | undefined): AbortSignal {
  const deadline = AbortSignal.timeout(RUN_DEADLINE_MS)
  return signal ? AbortSignal.any([signal, deadline]) : deadline
}

export function transportFor(plan: Plan, options: RunOptions): Transport {
  const o = options.context ?? {}
  const redactor = o.redactor ?? new Redactor(options.mask)
  for (const s of planSecrets(plan)) redactor.add(s)
  return {
    redactor,
    log: redactingLogger(options.log, redactor),
    clock: o.clock ?? systemClock,
    signal: o.signal ?? withDeadline(options.signal),
    dispatcher: o.dispatcher,
    retry: o.retry,
    timeoutMs: o.timeoutMs,
    stats: o.stats ?? newStats(),
    cleanupDeadlineMs: o.cleanupDeadlineMs,
    readConcurrency: readConcurrency(plan.concurrency),
  }
}
