/**
 * The scheduler learns an undisclosed write limit from the first limited answer (issue 14). Time is
 * an injected clock whose sleeps pass at once, so every case is deterministic; nothing here measures
 * speed (that is the bench's job: `npm run bench -- --writes-per-minute 80`).
 */
import { describe, expect, it } from 'vitest'
import type { Clock } from '../src/transport/clock.js'
import { githubCost } from '../src/platforms/github/pacing.js'
import { LEARNED_SHARE, MIN_EVIDENCE, RequestScheduler, type SchedulerOptions } from '../src/transport/scheduler.js'

const MINUTE = 60_000

function fakeClock(): Clock {
  let now = Date.parse('2026-11-30T00:00:00Z')
  return {
    now: () => now,
    sleep: async (ms) => {
      now += Math.max(0, ms)
    },
  }
}

/** A server with a sliding-window write limit it does not publish; reads always pass. */
function server(clock: Clock, writesPerMinute: number) {
  const accepted: number[] = []
  let limited = 0
  return {
    accepted,
    get limited() {
      return limited
    },
    handle(method: string): 'ok' | 'limited' {
      if (method === 'GET') return 'ok'
      const now = clock.now()
      const inWindow = accepted.filter((t) => t > now - MINUTE).length
      if (inWindow >= writesPerMinute) {
        limited++
        return 'limited'
      }
      accepted.push(now)
      return 'ok'
    },
    /** The most writes it accepted in any window. */
    peakWindow(): number {
      return Math.max(0, ...accepted.map((t) => accepted.filter((u) => u > t - MINUTE && u <= t).length))
    },
    /** Retry-after as the emulator gives it: when the oldest write in the window leaves it. */
    retryAt(): number {
      const now = clock.now()
      const inWindow = accepted.filter((t) => t > now - MINUTE)
      return (inWindow[0] ?? now) + MINUTE
    },
  }
}

function scheduler(clock: Clock, extra: Partial<SchedulerOptions> = {}) {
  const learned: { writesPerWindow: number; acceptedInWindow: number }[] = []
  const s = new RequestScheduler({
    concurrency: 1,
    pointsPerWindow: 900,
    windowMs: MINUTE,
    costOf: githubCost,
    clock,
    learnWrites: true,
    onLearn: (e) => learned.push(e),
    ...extra,
  })
  return { s, learned }
}

/** What the HTTP client does: send, and on a limited answer pause everyone until retry-after, then resend. */
async function write(s: RequestScheduler, srv: ReturnType<typeof server>, method = 'PUT'): Promise<void> {
  for (;;) {
    const answer = await s.run(method, async () => srv.handle(method), { limitedOf: (a) => a === 'limited' })
    if (answer === 'ok') return
    s.pauseUntil(srv.retryAt())
  }
}

describe('RequestScheduler: learning an undisclosed write limit', () => {
  it('learns from the first limited write and then keeps every window below what the server accepted', async () => {
    const clock = fakeClock()
    const srv = server(clock, 80)
    const { s, learned } = scheduler(clock)
    for (let i = 0; i < 400; i++) await write(s, srv)
    expect(srv.accepted).toHaveLength(400)
    // One limited answer taught it: 80 accepted in the window before it, paced to 95% of that.
    expect(srv.limited).toBe(1)
    expect(learned[0]).toEqual({ acceptedInWindow: 80, writesPerWindow: Math.floor(80 * LEARNED_SHARE) })
    expect(srv.peakWindow()).toBe(80)
  })

  it('probes upward slowly on a long run, and each limit after the first makes it twice as patient', async () => {
    const clock = fakeClock()
    const srv = server(clock, 80)
    const { s, learned } = scheduler(clock)
    // About an hour of writes at the limit.
    for (let i = 0; i < 4000; i++) await write(s, srv)
    const caps = learned.map((l) => l.writesPerWindow)
    expect(caps[0]).toBe(76)
    // Probing found the limit again a few times in an hour, never more: the intervals double.
    expect(srv.limited).toBeGreaterThan(1)
    expect(srv.limited).toBeLessThanOrEqual(5)
    expect(learned.every((l) => l.acceptedInWindow <= 80)).toBe(true)
    expect(s.learnedWritesPerWindow).toBeLessThanOrEqual(80)
  })

  it('a limited answer to a write sent before it learned is the same evidence: it only pauses', async () => {
    const clock = fakeClock()
    const srv = server(clock, 10)
    const { s, learned } = scheduler(clock, { concurrency: 4 })
    // Four writes in flight at once when the limit is reached: all four are refused on the same evidence.
    for (let i = 0; i < 10; i++) await write(s, srv)
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        s.run('PUT', async () => srv.handle('PUT'), { limitedOf: (a) => a === 'limited' }),
      ),
    )
    expect(answers).toEqual(['limited', 'limited', 'limited', 'limited'])
    expect(learned).toHaveLength(1)
    expect(learned[0]!.acceptedInWindow).toBe(10)
  })

  it('near the documented figure writes go one at a time, so a limit there refuses one write, not all in flight', async () => {
    const clock = fakeClock()
    const srv = server(clock, 80)
    const { s, learned } = scheduler(clock, { concurrency: 4, expectedWritesPerWindow: 80 })
    // Four writers at once, as a run with concurrency sends them.
    await Promise.all(
      Array.from({ length: 4 }, async (_, k) => {
        for (let i = k; i < 200; i += 4) await write(s, srv)
      }),
    )
    expect(srv.accepted).toHaveLength(200)
    expect(srv.limited).toBe(1)
    expect(learned).toHaveLength(1)
    expect(learned[0]!.acceptedInWindow).toBe(80)
  })

  it('without that caution, every write in flight at the limit is refused (and teaches nothing twice)', async () => {
    const clock = fakeClock()
    const srv = server(clock, 80)
    const { s, learned } = scheduler(clock, { concurrency: 4 })
    await Promise.all(
      Array.from({ length: 4 }, async (_, k) => {
        for (let i = k; i < 200; i += 4) await write(s, srv)
      }),
    )
    expect(srv.accepted).toHaveLength(200)
    expect(srv.limited).toBeGreaterThan(1)
    expect(learned).toHaveLength(1)
  })

  it('once the server accepts more than the documented figure in a window, writes stop going one at a time', async () => {
    const clock = fakeClock()
    const srv = server(clock, 1000)
    const { s } = scheduler(clock, { concurrency: 4, expectedWritesPerWindow: 80 })
    let peak = 0
    let inFlight = 0
    const slowWrite = () =>
      s.run('PUT', async () => {
        peak = Math.max(peak, ++inFlight)
        await new Promise((r) => setImmediate(r))
        inFlight--
        return srv.handle('PUT')
      })
    // Past the figure: four writers are in flight together again.
    for (let i = 0; i < 100; i++) await slowWrite()
    await Promise.all(Array.from({ length: 8 }, slowWrite))
    expect(srv.limited).toBe(0)
    expect(peak).toBe(4)
  })

  it(`learns nothing from fewer than ${MIN_EVIDENCE} accepted writes in the window (a pause is all it says)`, async () => {
    const clock = fakeClock()
    const srv = server(clock, MIN_EVIDENCE - 1)
    const { s, learned } = scheduler(clock)
    for (let i = 0; i < MIN_EVIDENCE + 2; i++) await write(s, srv)
    expect(srv.limited).toBeGreaterThan(0)
    expect(learned).toEqual([])
    expect(s.learnedWritesPerWindow).toBeUndefined()
  })

  it('reads are not held back by the learned write limit', async () => {
    const clock = fakeClock()
    const srv = server(clock, 10)
    const { s, learned } = scheduler(clock)
    for (let i = 0; i < 30; i++) await write(s, srv)
    expect(learned[0]!.writesPerWindow).toBe(9)
    // The window is full of writes: a read still goes at its points slot, not after the window.
    const before = clock.now()
    await s.run('GET', async () => 'ok')
    expect(clock.now() - before).toBeLessThan(MINUTE / 10)
  })

  it('learns nothing unless asked (schedulers other than GitHub only pause)', async () => {
    const clock = fakeClock()
    const srv = server(clock, 10)
    const { s, learned } = scheduler(clock, { learnWrites: false })
    for (let i = 0; i < 30; i++) await write(s, srv)
    expect(learned).toEqual([])
    expect(s.learnedWritesPerWindow).toBeUndefined()
    expect(srv.limited).toBeGreaterThan(1)
  })
})
