/**
 * One scheduler per platform and credential: bounds concurrent requests, paces them to a points
 * budget (GitHub: 900 points a minute, a read costs 1, a write 5), holds every request back while
 * the server has asked us to wait, and stops at the end of the server's request quota (GitHub's
 * 5,000 an hour) until it resets, instead of drawing rate-limit answers. Pacing is even rather than
 * bursty, so the rolling window the server measures never overflows and the run still finishes as
 * fast as the budget allows.
 */
import { systemClock, type Clock } from './clock.js'

export interface SchedulerOptions {
  concurrency: number
  /** Points a window allows; omit for no points budget. */
  pointsPerWindow?: number
  /** Length of the points window (60,000 ms on GitHub; scaled in benchmarks). */
  windowMs?: number
  costOf?: (method: string) => number
  clock?: Clock
}

/** Requests the server still allows until `resetAt` (epoch ms), as its headers said. */
export interface Quota {
  remaining: number
  resetAt: number
}

export interface RunOptions<T> {
  signal?: AbortSignal
  /** Reads the server's quota from a result, so the scheduler can stop at zero. */
  quotaOf?: (result: T) => Quota | undefined
  /** Longest wait for the quota to reset that this request accepts (default: any). */
  maxWaitMs?: number
  /** Called when this request finds the quota used up and starts everyone's wait for the reset. */
  onQuotaWait?: (waitMs: number) => void
}

/** The quota is used up and resets later than the request is willing to wait. */
export class QuotaExhaustedError extends Error {
  constructor(readonly resetAt: number) {
    super(`request quota used up until ${new Date(resetAt).toISOString()}`)
  }
}

/**
 * Pace to this share of the budget: the server counts arrivals, which jitter around our send times,
 * so running at exactly 100% would trip the limit now and then.
 */
export const BUDGET_SHARE = 0.95

export const githubCost = (method: string): number => (['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase()) ? 1 : 5)

export class RequestScheduler {
  private active = 0
  private readonly waiting: (() => void)[] = []
  private nextSlot = 0
  private resumeAt = 0
  /** Requests sent so far: a response's quota is corrected by those sent after it. */
  private sent = 0
  private quota?: Quota
  private readonly clock: Clock
  private readonly msPerPoint: number

  constructor(private readonly options: SchedulerOptions) {
    this.clock = options.clock ?? systemClock
    this.msPerPoint = options.pointsPerWindow ? (options.windowMs ?? 60_000) / (options.pointsPerWindow * BUDGET_SHARE) : 0
  }

  /** Everyone waits until `at` (epoch ms): the server said so. */
  pauseUntil(at: number): void {
    this.resumeAt = Math.max(this.resumeAt, at)
  }

  async run<T>(method: string, fn: () => Promise<T>, options: RunOptions<T> = {}): Promise<T> {
    await this.acquire()
    try {
      const seq = await this.admit(method, options)
      const result = await fn()
      this.observe(seq, options.quotaOf?.(result))
      return result
    } finally {
      this.release()
    }
  }

  /** Waits out pauses and the quota reset, then the request's paced slot; returns its send number. */
  private async admit<T>(method: string, options: RunOptions<T>): Promise<number> {
    let slot: number | undefined
    for (;;) {
      const now = this.clock.now()
      const hold = this.holdUntil(now, options)
      if (hold > now) {
        await this.clock.sleep(hold - now, options.signal)
        // The slot taken before the pause has passed: take a fresh one, or every held request
        // would go at once when the pause ends.
        slot = undefined
        continue
      }
      slot ??= this.reserve(method, now)
      if (slot > now) {
        await this.clock.sleep(slot - now, options.signal)
        continue // a pause may have begun meanwhile
      }
      if (this.quota) this.quota.remaining--
      return ++this.sent
    }
  }

  private holdUntil<T>(now: number, options: RunOptions<T>): number {
    if (this.quota && now >= this.quota.resetAt) this.quota = undefined
    if (this.quota && this.quota.remaining <= 0 && this.resumeAt < this.quota.resetAt) {
      const wait = this.quota.resetAt - now
      if (wait > (options.maxWaitMs ?? Infinity)) throw new QuotaExhaustedError(this.quota.resetAt)
      options.onQuotaWait?.(wait)
      this.pauseUntil(this.quota.resetAt)
    }
    return this.resumeAt
  }

  /** Takes the next slot of the points budget: the budget is spent evenly, never in bursts. */
  private reserve(method: string, now: number): number {
    if (!this.msPerPoint) return now
    const cost = (this.options.costOf ?? (() => 1))(method)
    const start = Math.max(now, this.nextSlot)
    this.nextSlot = start + cost * this.msPerPoint
    return start
  }

  private observe(seq: number, reported: Quota | undefined): void {
    if (!reported) return
    // Answers from a window that has already reset say nothing about the current one.
    if (this.quota && reported.resetAt < this.quota.resetAt) return
    this.quota = { remaining: reported.remaining - (this.sent - seq), resetAt: reported.resetAt }
  }

  private acquire(): Promise<void> {
    if (this.active < this.options.concurrency) {
      this.active++
      return Promise.resolve()
    }
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  private release(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.active--
  }
}
