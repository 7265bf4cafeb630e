/** What every issuer and destination gets injected: redaction, time, cancellation, logging, HTTP knobs. */
import type { Dispatcher } from 'undici'
import type { Clock } from './clock.js'
import { HttpClient, type HttpClientOptions } from './client.js'
import { RequestScheduler } from './scheduler.js'
import type { Logger } from '../shared/log.js'
import type { Redactor } from '../shared/redact.js'

export interface HttpStats {
  requests: number
  retries: number
  rateLimited: number
}

export interface RunContext {
  redactor: Redactor
  log: Logger
  clock: Clock
  signal?: AbortSignal
  concurrency: number
  dispatcher?: Dispatcher
  /** GitHub's secondary-limit points budget; benchmarks shrink the window to scale time. */
  githubBudget: { pointsPerWindow: number; windowMs: number }
  retry?: HttpClientOptions['retry']
  timeoutMs?: number
  stats: HttpStats
  /** Run when the run ends, whatever happened (e.g. revoking GitHub App installation tokens). */
  cleanups: (() => Promise<void>)[]
  /** Tokens of the set younger than this are never revoked: the run that minted them may still be writing. */
  overlapGraceMs: number
  /** How long a clean-up (a revoke, retried) may take; CLEANUP_DEADLINE_MS unless a test shortens it. */
  cleanupDeadlineMs?: number
}

/**
 * A run sends no request later than this after it starts (its signal aborts), so a token older than
 * the deadline plus one request timeout cannot still be on its way to a destination. Six hours is
 * also the longest a GitHub-hosted job may run.
 */
export const RUN_DEADLINE_MS = 6 * 3_600_000
export const OVERLAP_GRACE_MS = RUN_DEADLINE_MS + 15 * 60_000

/**
 * Clean-ups (revoking a token the run made and must not leave valid, a GitHub App installation token)
 * still run after SIGINT/SIGTERM cancelled the run, and a second signal does not stop them: they get
 * their own deadline instead of the run's signal. CI systems kill a cancelled job after a grace of
 * about 10 s (GitHub 7.5 s after SIGINT); a retried revoke may use up to this long when it is allowed.
 */
export const CLEANUP_DEADLINE_MS = 30_000

/** The run's context for one clean-up: the same redaction, clock and transport, a fresh deadline, no cancellation. */
export function cleanupContext(ctx: RunContext): RunContext {
  return { ...ctx, signal: AbortSignal.timeout(ctx.cleanupDeadlineMs ?? CLEANUP_DEADLINE_MS) }
}

/**
 * Preflight only reads (1 point each on GitHub) and is bounded by latency, not budget: it runs four
 * times as many requests at once as writes do, within GitHub's cap of 100 concurrent requests.
 * `concurrency: 1` asks for one request at a time, reads included.
 */
export function readConcurrency(writeConcurrency: number): number {
  return writeConcurrency === 1 ? 1 : Math.min(100, writeConcurrency * 4)
}

export function newStats(): HttpStats {
  return { requests: 0, retries: 0, rateLimited: 0 }
}

/** Builds a platform client sharing the run's redaction, clock, cancellation and statistics. */
export function makeClient(
  ctx: RunContext,
  platform: string,
  baseUrl: string,
  headers: Record<string, string>,
  scheduler?: RequestScheduler,
): HttpClient {
  return new HttpClient({
    platform,
    baseUrl,
    headers,
    redactor: ctx.redactor,
    clock: ctx.clock,
    signal: ctx.signal,
    dispatcher: ctx.dispatcher,
    retry: ctx.retry,
    timeoutMs: ctx.timeoutMs,
    scheduler: scheduler ?? new RequestScheduler({ concurrency: readConcurrency(ctx.concurrency), clock: ctx.clock }),
    onEvent: (e) => {
      if (e.type === 'retry') ctx.stats.retries++
      else ctx.stats.rateLimited++
    },
    onRequest: () => ctx.stats.requests++,
  })
}
