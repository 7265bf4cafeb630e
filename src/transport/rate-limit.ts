/**
 * Reads how long a server wants us to wait, and how many requests it still allows, from the headers the
 * platforms use.
 */
import type { Quota } from './scheduler.js'

export interface ResponseMeta {
  status: number
  headers: Record<string, string | string[] | undefined>
  message: string
}

function header(meta: ResponseMeta, name: string): string | undefined {
  const v = meta.headers[name]
  return Array.isArray(v) ? v[0] : v
}

/** AWS JSON protocols answer throttling with 400 and the error's kind (the client puts it first in the message). */
const AWS_THROTTLING = /^(ThrottlingException|Throttling|TooManyRequestsException|RequestLimitExceeded)\b/

/** True for 429, GitHub's 403 "rate limit" answers (primary and secondary) and AWS's 400 throttling errors. */
export function isRateLimited(meta: ResponseMeta): boolean {
  if (meta.status === 429) return true
  if (meta.status === 400) return AWS_THROTTLING.test(meta.message)
  if (meta.status !== 403) return false
  return header(meta, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(meta.message)
}

/** GitHub's primary limit ran out (nothing remaining, no `retry-after`): the wait is for the quota's reset. */
export function quotaUsedUp(meta: ResponseMeta): boolean {
  return (
    header(meta, 'x-ratelimit-remaining') === '0' &&
    header(meta, 'retry-after') === undefined &&
    header(meta, 'x-ratelimit-reset') !== undefined
  )
}

/**
 * Milliseconds to wait before retrying a rate-limited request: `retry-after` (seconds or HTTP
 * date), then `x-ratelimit-reset` (epoch seconds) when nothing is left, then `RateLimit-Reset`
 * (GitLab: epoch seconds; IETF draft: delta seconds), else GitHub's rule of at least a minute.
 */
export function rateLimitWaitMs(meta: ResponseMeta, now: number, fallbackMs = 60_000): number {
  const retryAfter = header(meta, 'retry-after')
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter)
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
    const date = Date.parse(retryAfter)
    if (!Number.isNaN(date)) return Math.max(0, date - now)
  }
  const reset = header(meta, 'x-ratelimit-reset')
  if (reset !== undefined && header(meta, 'x-ratelimit-remaining') === '0' && Number.isFinite(Number(reset))) {
    return Math.max(0, Number(reset) * 1000 - now)
  }
  const rlReset = resetAt(header(meta, 'ratelimit-reset'), now)
  if (rlReset !== undefined) return Math.max(0, rlReset - now)
  return fallbackMs
}

/** `RateLimit-Reset` is epoch seconds on GitLab and delta seconds in the IETF draft; tell them apart by size. */
function resetAt(value: string | undefined, now: number): number | undefined {
  if (value === undefined || !Number.isFinite(Number(value))) return undefined
  const n = Number(value)
  return n > 1e9 ? n * 1000 : now + n * 1000
}

/**
 * The request quota a response reports: GitHub's `x-ratelimit-remaining` / `x-ratelimit-reset`
 * (5,000 an hour per user), or `RateLimit-Remaining` / `RateLimit-Reset` (GitLab).
 */
export function requestQuota(meta: ResponseMeta, now: number): Quota | undefined {
  for (const prefix of ['x-ratelimit-', 'ratelimit-']) {
    const remaining = Number(header(meta, `${prefix}remaining`) ?? NaN)
    const reset =
      prefix === 'x-ratelimit-'
        ? Number(header(meta, 'x-ratelimit-reset') ?? NaN) * 1000
        : resetAt(header(meta, 'ratelimit-reset'), now)
    if (Number.isFinite(remaining) && reset !== undefined && Number.isFinite(reset))
      return { remaining, resetAt: reset }
  }
  return undefined
}
