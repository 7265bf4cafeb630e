/** Reads how long a server wants us to wait, from the headers the three platforms use. */
export interface ResponseMeta {
  status: number
  headers: Record<string, string | string[] | undefined>
  message: string
}

function header(meta: ResponseMeta, name: string): string | undefined {
  const v = meta.headers[name]
  return Array.isArray(v) ? v[0] : v
}

/** True for 429 and for GitHub's 403 "rate limit" answers (primary and secondary). */
export function isRateLimited(meta: ResponseMeta): boolean {
  if (meta.status === 429) return true
  if (meta.status !== 403) return false
  return header(meta, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(meta.message)
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
  const rlReset = header(meta, 'ratelimit-reset')
  if (rlReset !== undefined && Number.isFinite(Number(rlReset))) {
    const n = Number(rlReset)
    return Math.max(0, n > 1e9 ? n * 1000 - now : n * 1000)
  }
  return fallbackMs
}
