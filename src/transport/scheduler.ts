/**
 * One scheduler per platform and credential: bounds concurrent requests, paces them to a points
 * budget (GitHub: 900 points a minute, a read costs 1, a write 5), holds every request back while
 * the server has asked us to wait, and stops at the end of the server's request quota (GitHub's
 * 5,000 an hour) until it resets, instead of drawing rate-limit answers. Pacing is even rather than
 * bursty, so the rolling window the server measures never overflows and the run still finishes as
 * fast as the budget allows.
 *
 * Servers also limit what they do not publish (GitHub: content-creating requests, ~80 a minute, and
 * secondary limits tightened without notice). With `learnWrites` (GitHub's scheduler), it learns from the first
 * limited write: the writes the server accepted in the window before it are what it allows, so for
 * the rest of the run no window holds more than 95% of that many writes (on top of the points
 * pacing, which keeps spacing them), probing upward slowly while no limit comes back. Near the
 * documented figure (GitHub: 80 a minute), until the server is seen to accept more, writes go one at
 * a time, so a limit there refuses one write rather than every write in flight. Writes sent before
 * it learned are not evidence twice: their limited answers only pause.
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
  /**
   * Learn the write rate from limited answers (needs `windowMs`; GitHub's scheduler). Called with the
   * writes a window now allows each time that changes because of a limited answer.
   */
  learnWrites?: boolean
  /**
   * A write limit the server documents without enforcing it visibly (GitHub: ~80 content-creating
   * requests a minute). Until a limit is learned or the server is seen to accept more, writes go one
   * at a time while the window nears this figure, so a limit there refuses one write, not every
   * write in flight.
   */
  expectedWritesPerWindow?: number
  onLearn?: (event: { writesPerWindow: number; acceptedInWindow: number }) => void
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
  /** Whether a result is a secondary-limit answer (not the quota's end): the scheduler learns from it. */
  limitedOf?: (result: T) => boolean
}

/** The quota is used up and resets later than the request is willing to wait. */
export class QuotaExhaustedError extends Error {
  constructor(readonly resetAt: number) {
    super(`request quota used up until ${new Date(resetAt).toISOString()}`)
  }
}

/**
 * Pace to this share of the budget: the server counts arrivals, which jitter around our send times,
 * so running at exactly 100% would trip the limit now and then. 3% is 27 points a minute: about
 * 1.8 s of arrivals bunched at once on GitHub's real minute (0.03 s in the bench's 60x scaled one,
 * where 5% had been kept before; the bench at 1,000 destinations draws no limit at 97%).
 */
export const BUDGET_SHARE = 0.97

/** After a limit, a window holds at most this share of the writes the server accepted in the window before it. */
export const LEARNED_SHARE = 0.95
/** The learned window is mirrored this much longer than the server's (2%: 1.2 s of GitHub's minute). */
export const WINDOW_MARGIN = 0.02
/** Writes go one at a time from this many below the documented write figure until the server accepts more than it. */
export const CAUTION_BAND = 1
/** Fewer accepted writes than this in the window say nothing about a per-window write limit. */
export const MIN_EVIDENCE = 4

const isWrite = (method: string): boolean => !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())

/** A write as sent: when, its send number, and what the server has answered so far. */
interface SentWrite {
  at: number
  seq: number
  /** `unknown`: the request failed without an answer (it may still count at the server). */
  answer: 'pending' | 'accepted' | 'limited' | 'unknown'
}

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
  private readonly windowMs: number
  /** Writes sent in the last two windows, oldest first (only while learning is on). */
  private readonly writes: SentWrite[] = []
  /** Writes a window allows, once a limited answer taught it; undefined until then. */
  private writeCap?: number
  /**
   * Writes sent up to this send number learn nothing new when limited: the server refused them on the same
   * evidence.
   */
  private learnedSeq = 0
  private learnings = 0
  private nextProbeAt = Infinity
  private pendingWrites = 0
  private readonly answerWaiters: (() => void)[] = []
  /** The server accepted more than the documented write figure in one window: no caution needed near it. */
  private beyondExpected = false

  constructor(private readonly options: SchedulerOptions) {
    this.clock = options.clock ?? systemClock
    this.windowMs = options.windowMs ?? 60_000
    this.msPerPoint = options.pointsPerWindow ? this.windowMs / (options.pointsPerWindow * BUDGET_SHARE) : 0
  }

  /** The writes a window is paced to since a limited answer, or undefined while nothing was learned. */
  get learnedWritesPerWindow(): number | undefined {
    return this.writeCap
  }

  /** Everyone waits until `at` (epoch ms): the server said so. */
  pauseUntil(at: number): void {
    this.resumeAt = Math.max(this.resumeAt, at)
  }

  async run<T>(method: string, fn: () => Promise<T>, options: RunOptions<T> = {}): Promise<T> {
    await this.acquire()
    try {
      const { seq, write } = await this.admit(method, options)
      let result: T
      try {
        result = await fn()
      } finally {
        if (write) this.settle(write)
      }
      this.observe(seq, options.quotaOf?.(result))
      if (write) {
        if (options.limitedOf?.(result)) this.limited(write)
        else write.answer = 'accepted'
      }
      return result
    } finally {
      this.release()
    }
  }

  /** Waits out pauses, the quota reset and the learned write window, then the request's paced slot. */
  private async admit<T>(method: string, options: RunOptions<T>): Promise<{ seq: number; write?: SentWrite }> {
    const learning = this.options.learnWrites === true && isWrite(method)
    let slot: number | undefined
    for (;;) {
      const now = this.clock.now()
      const hold = Math.max(this.holdUntil(now, options), learning ? this.windowFullUntil(now) : 0)
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
      if (learning && this.pendingWrites > 0 && this.nearExpected(now)) {
        await new Promise<void>((resolve) => this.answerWaiters.push(resolve))
        options.signal?.throwIfAborted() // cancelled meanwhile: this write is not sent
        continue
      }
      if (this.quota) this.quota.remaining--
      if (!learning) return { seq: ++this.sent }
      const write: SentWrite = { at: now, seq: ++this.sent, answer: 'pending' }
      this.pendingWrites++
      this.writes.push(write)
      // two windows: the learned one and its margin
      while (this.writes.length && this.writes[0]!.at <= now - 2 * this.windowMs) this.writes.shift()
      return { seq: write.seq, write }
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

  /** A write's answer came (or its request failed): writers held near the expected figure try again. */
  private settle(write: SentWrite): void {
    if (write.answer !== 'pending') return
    write.answer = 'unknown' // until run() reads the answer, synchronously after this
    this.pendingWrites--
    for (const wake of this.answerWaiters.splice(0)) wake()
  }

  /** Whether the window nears the documented write figure while nothing is learned or known beyond it. */
  private nearExpected(now: number): boolean {
    const expected = this.options.expectedWritesPerWindow
    if (!expected || this.writeCap !== undefined || this.beyondExpected) return false
    const inWindow = this.writes.filter((w) => w.answer !== 'limited' && w.at > now - this.windowMs)
    if (inWindow.filter((w) => w.answer === 'accepted').length > expected) {
      this.beyondExpected = true
      return false
    }
    return inWindow.length >= expected - CAUTION_BAND
  }

  /**
   * With a learned cap, a write waits while the last window already holds that many of our accepted
   * writes: the server's own sliding window, mirrored, with the margin of the learned share.
   */
  private windowFullUntil(now: number): number {
    if (this.writeCap === undefined) return 0
    this.probe(now)
    // A little longer than the server's window: its clock counts arrivals, which lag our sends unevenly.
    const window = this.windowMs * (1 + WINDOW_MARGIN)
    const inWindow = this.writes.filter((w) => w.answer !== 'limited' && w.at > now - window)
    if (inWindow.length < this.writeCap) return 0
    return inWindow[inWindow.length - this.writeCap]!.at + window
  }

  /** Takes the next slot of the points budget: the budget is spent evenly, never in bursts. */
  private reserve(method: string, now: number): number {
    let start = now
    if (this.msPerPoint) {
      const cost = (this.options.costOf ?? (() => 1))(method)
      start = Math.max(now, this.nextSlot)
      this.nextSlot = start + cost * this.msPerPoint
    }
    return start
  }

  /** A write was refused by a limit: the writes accepted in the window before it are what the server allows. */
  private limited(write: SentWrite): void {
    write.answer = 'limited'
    if (write.seq <= this.learnedSeq) return
    // Answered and accepted, sent within the window before this one (a write sent after it says nothing).
    const accepted = this.writes.filter(
      (w) => w.answer === 'accepted' && w.at > write.at - this.windowMs && w.seq < write.seq,
    ).length
    if (accepted < MIN_EVIDENCE) return
    const now = this.clock.now()
    this.writeCap = Math.max(1, Math.floor(accepted * LEARNED_SHARE))
    this.learnedSeq = this.sent
    // Each limit after the first makes probing twice as patient: a run draws few limited answers.
    this.nextProbeAt = now + this.probeIntervalMs(++this.learnings)
    this.options.onLearn?.({ writesPerWindow: this.writeCap, acceptedInWindow: accepted })
  }

  private probeIntervalMs(learnings: number): number {
    return this.windowMs * 2 ** learnings
  }

  /** After a quiet probe interval, allows a little more (1/40, at least one write a window). */
  private probe(now: number): void {
    if (this.writeCap === undefined || now < this.nextProbeAt) return
    this.writeCap += Math.max(1, Math.floor(this.writeCap / 40))
    this.nextProbeAt = now + this.probeIntervalMs(this.learnings)
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
