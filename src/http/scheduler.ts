/**
 * One scheduler per platform and credential: bounds concurrent requests, paces them to a points
 * budget (GitHub: 900 points a minute, a read costs 1, a write 5) and holds every request back
 * while the server has asked us to wait. Pacing is even rather than bursty, so the rolling window
 * the server measures never overflows and the run still finishes as fast as the budget allows.
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

  async run<T>(method: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire()
    try {
      await this.pace(method, signal)
      return await fn()
    } finally {
      this.release()
    }
  }

  private async pace(method: string, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.clock.now()
      const wait = this.resumeAt - now
      if (wait > 0) {
        await this.clock.sleep(wait, signal)
        continue
      }
      if (!this.msPerPoint) return
      const cost = (this.options.costOf ?? (() => 1))(method)
      const start = Math.max(now, this.nextSlot)
      this.nextSlot = start + cost * this.msPerPoint
      if (start > now) await this.clock.sleep(start - now, signal)
      return
    }
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
