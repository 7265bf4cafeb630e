/**
 * Issue 17 item 4: every revoke (the engine's, the CLI's, a clean-up's) survives a passing failure and
 * a cancelled run. It is retried with growing pauses within its own deadline, and it does not use the
 * run's signal: a revoke decided after SIGINT/SIGTERM still reaches the issuer.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createIssuer } from '../src/issuers/index.js'
import { transportFor, type RunOverrides } from '../src/engine/transport-of.js'
import { buildPlan } from '../src/plan/plan.js'
import { AuthError } from '../src/shared/errors.js'
import { useWorld } from './helpers/world.js'

const world = useWorld()
const { rgw } = world

afterEach(() => rgw.setFaults([]))

function issuerWith(context: RunOverrides, issuerToken?: string) {
  const plan = buildPlan(
    world.inputs({
      'token-name': 'revoke-test',
      destinations: 'github:repo/acme/api',
      'issuer-token': issuerToken ?? world.admin,
    }),
    {},
  )
  const warnings: string[] = []
  const transport = transportFor(plan, {
    log: { info: () => {}, warning: (l) => warnings.push(l), error: () => {} },
    context: { retry: { baseDelayMs: 1, maxRetries: 1 }, timeoutMs: 2_000, ...context },
  })
  return { issuer: createIssuer(plan.issuer, transport), warnings }
}

async function minted(name: string) {
  const { issuer } = issuerWith({})
  return issuer.create({ name, role: 'viewer' })
}

const DELETE = /^DELETE \/api\/v1\/api-tokens\//

describe('reliable revoke', () => {
  it('a revoke answered 503 more often than the client retries is tried again until it lands', async () => {
    const token = await minted('revoke-test-503')
    // The client retries once: five failures outlast two attempts of it.
    rgw.setFaults([{ match: DELETE, rate: 1, kind: 503, limit: 5 }])
    const { issuer, warnings } = issuerWith({})
    await expect(issuer.revoke(token.id)).resolves.toBe('revoked')
    expect(rgw.isValid(token.secret)).toBe(false)
    expect(warnings.join('\n')).toMatch(/revoking .* failed .*; trying again/)
  }, 30_000)

  it('a lost answer (the gateway revoked, then the connection dropped) is tried again and reads as gone', async () => {
    const token = await minted('revoke-test-lost')
    rgw.setFaults([{ match: DELETE, rate: 1, kind: 'lost-reset', limit: 2 }])
    const { issuer } = issuerWith({})
    await expect(issuer.revoke(token.id)).resolves.toBe('gone')
    expect(rgw.isValid(token.secret)).toBe(false)
  }, 30_000)

  it('a lasting failure gives up at the deadline and says why; a refusal is not retried', async () => {
    const token = await minted('revoke-test-down')
    rgw.setFaults([{ match: DELETE, rate: 1, kind: 503 }])
    const { issuer } = issuerWith({ cleanupDeadlineMs: 1_500 })
    await expect(issuer.revoke(token.id)).rejects.toThrow(/503/)
    expect(rgw.isValid(token.secret)).toBe(true)
    rgw.setFaults([])
    const reader = issuerWith({}, rgw.addTokenReader())
    const before = rgw.requests.filter((r) => r.method === 'DELETE').length
    await expect(reader.issuer.revoke(token.id)).rejects.toBeInstanceOf(AuthError)
    expect(rgw.requests.filter((r) => r.method === 'DELETE').length - before).toBe(1)
    expect(reader.warnings).toEqual([])
  }, 30_000)

  it("the run's signal, aborted by a cancellation, does not stop a revoke", async () => {
    const token = await minted('revoke-test-cancelled')
    const cancelled = new AbortController()
    cancelled.abort(new Error('cancelled by SIGTERM'))
    const { issuer } = issuerWith({ signal: cancelled.signal })
    await expect(issuer.list('revoke-test')).rejects.toThrow()
    await expect(issuer.revoke(token.id)).resolves.toBe('revoked')
    expect(rgw.isValid(token.secret)).toBe(false)
  })
})
