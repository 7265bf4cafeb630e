/**
 * What every issuer and platform is given to reach its server: one undici client per platform and
 * credential, sharing the run's redaction, clock, cancellation, HTTP knobs and request counters.
 * Nothing else: settings come in each platform's own configuration, safety policy stays in the engine.
 */
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

export interface Transport {
  redactor: Redactor
  log: Logger
  clock: Clock
  signal?: AbortSignal
  dispatcher?: Dispatcher
  retry?: HttpClientOptions['retry']
  timeoutMs?: number
  stats: HttpStats
  /** Requests one scheduler sends at once (reads; writes are bounded by the engine's concurrency). */
  readConcurrency: number
  /** How long a clean-up (a revoke, retried) may take; CLEANUP_DEADLINE_MS unless a test shortens it. */
  cleanupDeadlineMs?: number
}

/**
 * Clean-ups (revoking a token the run made and must not leave valid, a GitHub App installation token)
 * still run after SIGINT/SIGTERM cancelled the run, and a second signal does not stop them: they get
 * their own deadline instead of the run's signal. CI systems kill a cancelled job after a grace of
 * about 10 s (GitHub 7.5 s after SIGINT); a retried revoke may use up to this long when it is allowed.
 */
export const CLEANUP_DEADLINE_MS = 30_000

/** The transport for one clean-up: the same redaction, clock and counters, a fresh deadline, no cancellation. */
export function cleanupTransport(transport: Transport): Transport {
  return { ...transport, signal: AbortSignal.timeout(transport.cleanupDeadlineMs ?? CLEANUP_DEADLINE_MS) }
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

/** A client for one platform and credential; `scheduler` when the platform paces its own requests. */
export function makeClient(
  transport: Transport,
  platform: string,
  baseUrl: string,
  headers: Record<string, string>,
  scheduler?: RequestScheduler,
  extra: Pick<HttpClientOptions, 'sign' | 'rateLimitFallbackMs'> = {},
): HttpClient {
  const { stats } = transport
  return new HttpClient({
    ...extra,
    platform,
    baseUrl,
    headers,
    redactor: transport.redactor,
    clock: transport.clock,
    signal: transport.signal,
    dispatcher: transport.dispatcher,
    retry: transport.retry,
    timeoutMs: transport.timeoutMs,
    scheduler: scheduler ?? new RequestScheduler({ concurrency: transport.readConcurrency, clock: transport.clock }),
    onEvent: (e) => {
      if (e.type === 'retry') stats.retries++
      else stats.rateLimited++
    },
    onRequest: () => stats.requests++,
  })
}
