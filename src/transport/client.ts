/**
 * The one HTTP client every platform goes through (undici): base URL, auth headers, JSON,
 * timeouts, bounded retries for 5xx and network errors, rate-limit waits that follow what the
 * server says (up to a ceiling), and typed errors carrying the platform's own message with every
 * known secret redacted.
 */
import { request as undiciRequest, type Dispatcher } from 'undici'
import { JSON_TYPE, MAX_BODY_BYTES, platformMessage, readCapped } from './body.js'
import { describeNetworkError, envProxyDispatcher, mayHaveReachedServer } from './network.js'
import {
  ApiError,
  AuthError,
  errorMessage,
  NetworkError,
  NotFoundError,
  OutcomeUnknownError,
  RateLimitError,
  TokenActionError,
  UntrustedResponseError,
} from '../shared/errors.js'
import type { Redactor } from '../shared/redact.js'
import { systemClock, type Clock } from './clock.js'
import { isRateLimited, quotaUsedUp, rateLimitWaitMs, requestQuota, type ResponseMeta } from './rate-limit.js'
import { QuotaExhaustedError, RequestScheduler } from './scheduler.js'
import { resolveUrl } from './url.js'

export interface RetryPolicy {
  /** Retries after a 5xx or network failure (~3 within ~10 s). */
  maxRetries: number
  baseDelayMs: number
  /** Longest single rate-limit wait and total rate-limit waiting we accept (default 15 min). */
  maxRateLimitWaitMs: number
  /**
   * Longest wait for a used-up request quota to reset (GitHub: 5,000 requests an hour). The reset
   * is a known time within the hour, and waiting for it is how a big fan-out finishes at all.
   */
  maxQuotaWaitMs: number
}

// The quota ceiling allows a minute over the hour for clock skew between us and the server.
export const DEFAULT_RETRY: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 600,
  maxRateLimitWaitMs: 15 * 60_000,
  maxQuotaWaitMs: 61 * 60_000,
}

export interface HttpClientOptions {
  platform: string
  baseUrl: string
  headers: Record<string, string>
  redactor: Redactor
  scheduler?: RequestScheduler
  timeoutMs?: number
  retry?: Partial<RetryPolicy>
  clock?: Clock
  dispatcher?: Dispatcher
  /** Stops new requests (cancellation); in-flight ones finish. */
  signal?: AbortSignal
  /**
   * Called when a request is retried or waits for a rate limit (status 0: the quota ran out, no answer was
   * refused).
   */
  onEvent?: (event: { type: 'retry' | 'rate-limited'; waitMs: number; status: number }) => void
  /** Called for every request actually sent. */
  onRequest?: () => void
  /** Largest response body read, in bytes (default 8 MB); a larger answer is refused and its stream aborted. */
  maxBodyBytes?: number
  /**
   * Adds headers computed from the whole request, at each attempt (AWS Signature V4: a retry after a
   * long rate-limit wait needs a fresh date and signature).
   */
  sign?: (request: {
    method: string
    url: URL
    headers: Record<string, string>
    body?: string
  }) => Record<string, string>
  /** The wait after a rate-limited answer that names none (default: GitHub's rule of at least a minute). */
  rateLimitFallbackMs?: number
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>
  body?: unknown
  /**
   * Whether sending the request twice is harmless (default: every method but POST). A request that
   * is not is never retried once it may have reached the server: a lost answer to a mint must not
   * mint a second token.
   */
  idempotent?: boolean
  /** Headers for this request only (e.g. AWS's `X-Amz-Target`, which names the operation). */
  headers?: Record<string, string>
}

export interface HttpResponse<T> {
  status: number
  data: T
  headers: Record<string, string | string[] | undefined>
}

const RETRYABLE_STATUS = new Set([500, 502, 503, 504])

/** An answer as read: `json` says the content type was JSON, `invalidJson` that it did not parse. */
type Answer = ResponseMeta & { body: unknown; json?: boolean; invalidJson?: boolean }
export class HttpClient {
  readonly platform: string
  private readonly clock: Clock
  private readonly retry: RetryPolicy
  private readonly scheduler: RequestScheduler

  constructor(private readonly options: HttpClientOptions) {
    this.platform = options.platform
    this.clock = options.clock ?? systemClock
    this.retry = { ...DEFAULT_RETRY, ...options.retry }
    this.scheduler = options.scheduler ?? new RequestScheduler({ concurrency: 8, clock: this.clock })
  }

  get<T>(path: string, opts: RequestOptions = {}): Promise<HttpResponse<T>> {
    return this.request<T>('GET', path, opts)
  }

  async request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<HttpResponse<T>> {
    const url = this.url(path, opts.query)
    const where = `${method} ${this.options.redactor.redact(url.pathname)}`
    // Set once an attempt of a write may have reached the server: from then on a failure is unknown, not failed.
    const state = { sentUnanswered: false }
    try {
      return await this.attempt<T>(method, url, where, opts, state)
    } catch (err) {
      if (!state.sentUnanswered || err instanceof OutcomeUnknownError) throw err
      const e = err instanceof TokenActionError ? err : undefined
      throw new OutcomeUnknownError(
        `${e?.message ?? `${this.platform}: ${where}: stopped (${errorMessage(err)})`} (it may have been applied: an answer was lost)`,
        this.platform,
        e?.status,
        e?.platformMessage,
      )
    }
  }

  private async attempt<T>(
    method: string,
    url: URL,
    where: string,
    opts: RequestOptions,
    state: { sentUnanswered: boolean },
  ): Promise<HttpResponse<T>> {
    let failures = 0
    let rateLimitedMs = 0
    const write = method !== 'GET' && method !== 'HEAD'
    const idempotent = opts.idempotent ?? method !== 'POST'
    for (;;) {
      this.options.signal?.throwIfAborted()
      let meta: Answer
      try {
        meta = await this.scheduler.run(method, () => this.send(method, url, opts), {
          signal: this.options.signal,
          quotaOf: (m) => requestQuota(m, this.clock.now()),
          maxWaitMs: this.retry.maxQuotaWaitMs,
          onQuotaWait: (waitMs) => this.options.onEvent?.({ type: 'rate-limited', waitMs, status: 0 }),
          limitedOf: (m) => isRateLimited(m) && !quotaUsedUp(m),
        })
      } catch (err) {
        if (this.options.signal?.aborted) throw err
        if (err instanceof UntrustedResponseError) throw err
        if (err instanceof QuotaExhaustedError) {
          const wait = Math.ceil((err.resetAt - this.clock.now()) / 1000)
          throw new RateLimitError(
            `${this.platform}: ${where}: the request quota is used up until ${new Date(err.resetAt).toISOString()}; waiting ${wait} s is more than the ${Math.round(this.retry.maxQuotaWaitMs / 1000)} s limit`,
            this.platform,
          )
        }
        const maybeSent = mayHaveReachedServer(err)
        const said = this.options.redactor.redact(describeNetworkError(err))
        if (write && maybeSent) {
          state.sentUnanswered = true
          if (!idempotent)
            throw new OutcomeUnknownError(
              `${this.platform}: ${where}: the answer was lost (${said}); not retried, since sending it again could apply it twice`,
              this.platform,
            )
        }
        if (++failures > this.retry.maxRetries) {
          throw new NetworkError(
            `${this.platform}: ${where} failed: ${said} (gave up after ${failures} attempts)`,
            this.platform,
          )
        }
        await this.backoff(failures, 0)
        continue
      }
      if (meta.status < 300)
        return { status: meta.status, data: this.checkJson(meta, where) as T, headers: meta.headers }
      if (isRateLimited(meta)) {
        const wait = rateLimitWaitMs(meta, this.clock.now(), this.options.rateLimitFallbackMs)
        const quota = quotaUsedUp(meta)
        // Quota resets are checked one by one; other waits add up, so endless throttling ends.
        if (!quota) rateLimitedMs += wait
        const limit = quota ? this.retry.maxQuotaWaitMs : this.retry.maxRateLimitWaitMs
        if (wait > limit || rateLimitedMs > limit) {
          throw this.error(
            meta,
            where,
            RateLimitError,
            `rate limited; the server asked to wait ${Math.ceil(wait / 1000)} s, more than the ${Math.round(limit / 1000)} s limit`,
          )
        }
        this.options.onEvent?.({ type: 'rate-limited', waitMs: wait, status: meta.status })
        this.scheduler.pauseUntil(this.clock.now() + wait)
        continue
      }
      if (RETRYABLE_STATUS.has(meta.status)) {
        // A 5xx may come from a proxy after the origin applied the request.
        if (write) state.sentUnanswered = true
        if (write && !idempotent) throw this.toError(meta, where)
        if (++failures <= this.retry.maxRetries) {
          await this.backoff(failures, meta.status)
          continue
        }
      }
      throw this.toError(meta, where)
    }
  }

  /**
   * Same origin and under the base path only; `path` may be a server-supplied absolute URL (checked, never
   * trusted).
   */
  private url(path: string, query: RequestOptions['query']): URL {
    return resolveUrl(this.platform, this.options.baseUrl, path, query)
  }

  /** A 2xx answer the lifecycle acts on must be JSON: an HTML login page or captive portal is not "no data". */
  private checkJson(meta: Answer, where: string): unknown {
    if (meta.body === undefined) return undefined
    if (meta.invalidJson)
      throw new UntrustedResponseError(
        `${this.platform}: ${where} -> ${meta.status}: the answer is not valid JSON`,
        this.platform,
        meta.status,
      )
    if (!meta.json) {
      const type = String(meta.headers['content-type'] ?? 'no content type')
      throw new UntrustedResponseError(
        `${this.platform}: ${where} -> ${meta.status}: the answer is ${type}, not JSON (a login page, a proxy or captive portal, or a wrong base URL?)`,
        this.platform,
        meta.status,
      )
    }
    return meta.body
  }

  private async send(method: string, url: URL, opts: RequestOptions): Promise<Answer> {
    const body = opts.body
    const timeout = this.options.timeoutMs ?? 30_000
    this.options.onRequest?.()
    // A timer cleared when the answer is read, not AbortSignal.timeout: that one keeps its signal and
    // timer alive for the whole timeout after the request ended (thousands at once in a big fan-out).
    // Still a signal rather than undici's headersTimeout: its timers tick once a second, too coarse
    // for short timeouts.
    const controller = new AbortController()
    const timer = setTimeout(
      () => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
      timeout,
    )
    let res: Dispatcher.ResponseData
    let text: string
    const payload = body === undefined ? undefined : JSON.stringify(body)
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': 'token-action',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...this.options.headers,
      ...opts.headers,
    }
    try {
      res = await undiciRequest(url, {
        method: method as Dispatcher.HttpMethod,
        headers: { ...headers, ...this.options.sign?.({ method, url, headers, body: payload }) },
        body: payload,
        signal: controller.signal,
        dispatcher: this.options.dispatcher ?? envProxyDispatcher(),
      })
      text = await readCapped(this.platform, res, this.options.maxBodyBytes ?? MAX_BODY_BYTES)
    } finally {
      clearTimeout(timer)
    }
    const json = JSON_TYPE.test(String(res.headers['content-type'] ?? ''))
    let parsed: unknown = text
    let invalidJson = false
    if (text && json) {
      try {
        parsed = JSON.parse(text)
      } catch {
        parsed = text
        invalidJson = true
      }
    } else if (!text) parsed = undefined
    // Redact the whole body before anything is cut from it (then again after JSON decoding, which can un-escape
    // a secret).
    const redact = (t: string) => this.options.redactor.redact(t)
    const message =
      res.statusCode >= 300 ? platformMessage(typeof parsed === 'string' ? redact(parsed) : parsed, redact) : ''
    return { status: res.statusCode, headers: res.headers, body: parsed, json, invalidJson, message }
  }

  private async backoff(attempt: number, status: number): Promise<void> {
    // Exponential with full jitter: 0.6 s, 1.2 s, 2.4 s caps keep three retries within ~10 s.
    const cap = this.retry.baseDelayMs * 2 ** (attempt - 1)
    const wait = cap / 2 + Math.random() * (cap / 2)
    this.options.onEvent?.({ type: 'retry', waitMs: wait, status })
    await this.clock.sleep(wait, this.options.signal)
  }

  private error(
    meta: ResponseMeta,
    where: string,
    Kind: new (m: string, p?: string, s?: number, pm?: string) => TokenActionError,
    summary: string,
  ): TokenActionError {
    const said = this.options.redactor.redact(meta.message)
    return new Kind(
      `${this.platform}: ${where} -> ${meta.status}${said ? ` "${said}"` : ''}: ${summary}`,
      this.platform,
      meta.status,
      said,
    )
  }

  private toError(meta: ResponseMeta, where: string): TokenActionError {
    if (meta.status === 401) return this.error(meta, where, AuthError, 'the credential was rejected')
    if (meta.status === 403) return this.error(meta, where, AuthError, 'the credential lacks permission')
    if (meta.status === 404) return this.error(meta, where, NotFoundError, 'not found (or no access)')
    return this.error(meta, where, ApiError, 'request failed')
  }
}
