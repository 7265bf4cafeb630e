/**
 * Node 20 printed `MaxListenersExceededWarning ... 11 abort listeners` on any run with more than 10
 * paced requests: every sleep added an abort listener to the run's one signal. Sleeps now share one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { systemClock } from '../src/transport/clock.js'
import { RequestScheduler } from '../src/transport/scheduler.js'

let warnings: Error[] = []
const onWarning = (w: Error) => warnings.push(w)
beforeEach(() => {
  warnings = []
  process.on('warning', onWarning)
})
afterEach(() => {
  process.off('warning', onWarning)
})

/** Warnings are emitted on the next tick: let them arrive before asserting. */
const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('systemClock.sleep', () => {
  it('many concurrent and sequential sleeps on one signal emit no MaxListenersExceededWarning', async () => {
    const controller = new AbortController()
    await Promise.all(Array.from({ length: 50 }, () => systemClock.sleep(2, controller.signal)))
    for (let i = 0; i < 30; i++) await systemClock.sleep(0, controller.signal)
    await settle()
    expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning')
  })

  it('abort still rejects every pending sleep with the reason, and later sleeps at once', async () => {
    const controller = new AbortController()
    const pending = Array.from({ length: 20 }, () => systemClock.sleep(60_000, controller.signal))
    const reason = new Error('cancelled by SIGTERM')
    controller.abort(reason)
    const results = await Promise.allSettled(pending)
    expect(results.every((r) => r.status === 'rejected' && r.reason === reason)).toBe(true)
    await expect(systemClock.sleep(60_000, controller.signal)).rejects.toBe(reason)
    await settle()
    expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning')
  })
})

describe('paced requests (the real path: scheduler -> clock)', () => {
  it('40 requests paced to a points budget, 32 at once, on one run signal: no warning', async () => {
    const controller = new AbortController()
    // 1,000 points a 1 s window: every request after the first waits for its slot.
    const scheduler = new RequestScheduler({ concurrency: 32, pointsPerWindow: 1000, windowMs: 1000 })
    let sent = 0
    await Promise.all(
      Array.from({ length: 40 }, () => scheduler.run('GET', async () => ++sent, { signal: controller.signal })),
    )
    expect(sent).toBe(40)
    await settle()
    expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning')
  })
})
