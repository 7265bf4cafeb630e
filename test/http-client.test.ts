import { afterEach, describe, expect, it } from 'vitest'
import { ApiError, AuthError, NetworkError, NotFoundError, RateLimitError } from '../src/shared/errors.js'
import type { Clock } from '../src/transport/clock.js'
import { HttpClient } from '../src/transport/client.js'
import { platformMessage } from '../src/transport/body.js'
import { rateLimitWaitMs } from '../src/transport/rate-limit.js'
import { BUDGET_SHARE, RequestScheduler } from '../src/transport/scheduler.js'
import { githubCost } from '../src/platforms/github/pacing.js'
import { Redactor } from '../src/shared/redact.js'
import { Emulator, json } from './emulators/base.js'

/** A clock whose sleeps pass instantly but are recorded, so waits are asserted without real time. */
function fakeClock(): Clock & { slept: number[] } {
  let now = Date.parse('2026-11-24T00:00:00Z')
  const slept: number[] = []
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms)
      now += ms
    },
  }
}

let emu: Emulator
afterEach(async () => emu?.close())

async function client(setup: (e: Emulator) => void, extra: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) {
  emu = new Emulator('test')
  setup(emu)
  const url = await emu.start()
  const clock = fakeClock()
  const redactor = new Redactor()
  redactor.add('s3cr3t-token-value')
  return {
    c: new HttpClient({
      platform: 'test',
      baseUrl: url,
      headers: { authorization: 'Bearer x' },
      redactor,
      clock,
      ...extra,
    }),
    clock,
  }
}

describe('HttpClient', () => {
  it('retries 5xx with backoff and gives up after 3 retries', async () => {
    const { c, clock } = await client((e) => e.route('GET', '/flaky', () => json(502, { message: 'bad gateway' })))
    await expect(c.get('/flaky')).rejects.toBeInstanceOf(ApiError)
    expect(emu.requests).toHaveLength(4)
    expect(clock.slept).toHaveLength(3)
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBeLessThan(10_000)
  })

  it('recovers when a retry succeeds', async () => {
    let n = 0
    const { c } = await client((e) =>
      e.route('GET', '/x', () => (++n < 3 ? json(500, { message: 'oops' }) : json(200, { ok: true }))),
    )
    await expect(c.get('/x')).resolves.toMatchObject({ status: 200, data: { ok: true } })
  })

  it('retries connection resets and fails as NetworkError when they persist', async () => {
    const { c } = await client((e) => {
      e.route('GET', '/x', () => json(200, {}))
      e.setFaults([{ rate: 1, kind: 'reset' }])
    })
    await expect(c.get('/x')).rejects.toBeInstanceOf(NetworkError)
    expect(emu.requests).toHaveLength(4)
  })

  it('times out a request that never answers', async () => {
    const { c } = await client(
      (e) => {
        e.route('GET', '/x', () => json(200, {}))
        e.setFaults([{ rate: 1, kind: 'timeout' }])
      },
      { timeoutMs: 100, retry: { maxRetries: 1 } },
    )
    await expect(c.get('/x')).rejects.toThrow(/timeout/i)
  })

  it('waits as long as retry-after says on 429, then succeeds', async () => {
    let n = 0
    const { c, clock } = await client((e) =>
      e.route('PUT', '/x', () => (++n === 1 ? json(429, { message: 'slow down' }, { 'retry-after': '7' }) : json(204))),
    )
    await expect(c.request('PUT', '/x', { body: { a: 1 } })).resolves.toMatchObject({ status: 204 })
    expect(clock.slept).toContain(7000)
  })

  it("treats GitHub's 403 secondary rate limit as a wait, not a permission error", async () => {
    let n = 0
    const { c, clock } = await client((e) =>
      e.route('GET', '/x', () =>
        ++n === 1
          ? json(403, {
              message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
            })
          : json(200, {}),
      ),
    )
    await c.get('/x')
    expect(clock.slept).toContain(60_000)
  })

  it('gives up with RateLimitError when the server asks for more than the ceiling', async () => {
    const { c } = await client((e) =>
      e.route('GET', '/x', () => json(429, { message: 'Retry later' }, { 'retry-after': '3600' })),
    )
    await expect(c.get('/x')).rejects.toBeInstanceOf(RateLimitError)
  })

  it('maps 401/403/404 to typed errors carrying the platform message, secrets redacted', async () => {
    const { c } = await client((e) => {
      e.route('GET', '/401', () => json(401, { error: 'authentication failed: invalid API token: s3cr3t-token-value' }))
      e.route('GET', '/403', () => json(403, { message: 'Resource not accessible by integration' }))
      e.route('GET', '/404', () => json(404, { message: '404 Group Not Found' }))
    })
    const e401 = await c.get('/401').catch((e: unknown) => e)
    expect(e401).toBeInstanceOf(AuthError)
    expect((e401 as AuthError).status).toBe(401)
    expect((e401 as AuthError).message).toContain('authentication failed: invalid API token: ***')
    expect((e401 as AuthError).message).not.toContain('s3cr3t')
    await expect(c.get('/403')).rejects.toMatchObject({
      status: 403,
      platformMessage: 'Resource not accessible by integration',
    })
    await expect(c.get('/404')).rejects.toBeInstanceOf(NotFoundError)
  })
})

describe('rateLimitWaitMs', () => {
  const now = Date.parse('2026-11-24T00:00:00Z')
  it('reads x-ratelimit-reset only when nothing is left', () => {
    expect(
      rateLimitWaitMs(
        {
          status: 403,
          message: '',
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 90) },
        },
        now,
      ),
    ).toBe(90_000)
  })
  it('reads RateLimit-Reset as epoch seconds (GitLab) or as a delta', () => {
    expect(
      rateLimitWaitMs({ status: 429, message: '', headers: { 'ratelimit-reset': String(now / 1000 + 30) } }, now),
    ).toBe(30_000)
    expect(rateLimitWaitMs({ status: 429, message: '', headers: { 'ratelimit-reset': '12' } }, now)).toBe(12_000)
  })
})

describe('platformMessage', () => {
  it("flattens GitLab's nested validation messages", () => {
    expect(platformMessage({ message: { key: ['(RWX_ACCESS_TOKEN) has already been taken'] } })).toBe(
      'key (RWX_ACCESS_TOKEN) has already been taken',
    )
    expect(platformMessage({ error: 'insufficient_scope' })).toBe('insufficient_scope')
  })
})

describe('RequestScheduler', () => {
  it('paces requests evenly to the points budget (GET 1, PUT 5) without bursting', async () => {
    const clock = fakeClock()
    const s = new RequestScheduler({
      concurrency: 4,
      pointsPerWindow: 900,
      windowMs: 60_000,
      costOf: githubCost,
      clock,
    })
    const start = clock.now()
    const stamps: number[] = []
    for (const m of ['GET', 'PUT', 'PUT', 'GET']) await s.run(m, async () => stamps.push(clock.now() - start))
    // 1 point = 60000 / (900 * BUDGET_SHARE) ms: GET at 0, PUT after 1 point, next PUT 5 points later...
    const point = 60_000 / (900 * BUDGET_SHARE)
    expect(stamps.map((t) => Math.round(t))).toEqual([0, 1, 6, 11].map((p) => Math.round(p * point)))
  })

  it('holds everyone back after a pause', async () => {
    const clock = fakeClock()
    const s = new RequestScheduler({ concurrency: 2, clock })
    s.pauseUntil(clock.now() + 5000)
    await s.run('GET', async () => undefined)
    expect(clock.slept).toEqual([5000])
  })

  it('never runs more than `concurrency` tasks at once', async () => {
    const s = new RequestScheduler({ concurrency: 3 })
    let active = 0
    let peak = 0
    await Promise.all(
      Array.from({ length: 20 }, () =>
        s.run('GET', async () => {
          peak = Math.max(peak, ++active)
          await new Promise((r) => setTimeout(r, 2))
          active--
        }),
      ),
    )
    expect(peak).toBe(3)
  })
})
