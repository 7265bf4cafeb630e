/**
 * Cancellation: SIGTERM (what the runner sends when a job is cancelled) during the fan-out stops new
 * writes, lets in-flight ones finish, revokes nothing old, and reports what was written.
 */
import { generateKeyPairSync } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { runAction } from './helpers/run-dist.js'
import { useWorld } from './helpers/world.js'

const world = useWorld()
const { gh, rgw } = world
const REPOS = Array.from({ length: 45 }, (_, i) => `svc-${String(i).padStart(2, '0')}`)

beforeAll(() => {
  // Slow enough that a signal lands in the middle of the fan-out.
  gh.latencyMs = 30
  for (const r of REPOS) gh.addRepo('acme', r)
})

describe('cancellation during fan-out', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s: stops new writes, revokes nothing old, every destination keeps a valid token',
    async (signal) => {
      const inputs = world.inputs({
        'issuer-token': rgw.addAdminToken(),
        'token-name': `cancel-${signal.toLowerCase()}`,
        'secret-name': `CANCEL_${signal}`,
        concurrency: '2',
        destinations: REPOS.map((r) => `github:repo/acme/${r}`).join('\n'),
      })
      // Every repository already holds an older token of the same prefix.
      const oldValue = rgw.addToken('cicd', `cancel-${signal.toLowerCase()}-20250101000000`)
      const old = rgw.tokens().find((t) => t.name === `cancel-${signal.toLowerCase()}-20250101000000`)!.public_id
      for (const r of REPOS) gh.seedSecret({ repo: `acme/${r}` }, `CANCEL_${signal}`, oldValue)

      const run = await runAction(inputs, {
        signal: { name: signal, whenStdout: /progress: \d+\/45 destinations written/ },
      })
      expect(run.code).toBe(1)
      expect(run.log).toMatch(new RegExp(`${signal} received: finishing writes in flight`))
      const report = JSON.parse(run.outputs.report!)
      expect(report.outcome).toBe('failed')
      expect(report.revokedIds).toEqual([])
      expect(report.keptIds).toContain(old)
      const written = report.destinations.filter((d: { status: string }) => d.status === 'updated')
      const skipped = report.destinations.filter((d: { status: string }) => d.status === 'not written')
      expect(written.length).toBeGreaterThan(0)
      expect(skipped.length).toBeGreaterThan(0)
      expect(written.length + skipped.length).toBe(REPOS.length)
      expect(rgw.isValid(oldValue)).toBe(true)
      for (const r of REPOS) expect(rgw.isValid(gh.secretValue({ repo: `acme/${r}` }, `CANCEL_${signal}`)!)).toBe(true)
    },
    90_000,
  )
})

describe('clean-ups after a cancellation', () => {
  it('SIGTERM mid fan-out: every GitHub App installation token the run minted is still revoked', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    gh.installApp('acme', 5151)
    const inputs = world.inputs({
      'issuer-token': rgw.addAdminToken(),
      'token-name': 'cancel-app',
      'secret-name': 'CANCEL_APP',
      concurrency: '2',
      'github-token': undefined,
      'github-app-id': '12345',
      'github-app-private-key': privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      destinations: REPOS.map((r) => `github:repo/acme/${r}`).join('\n'),
    })
    const before = gh.requests.length
    const run = await runAction(inputs, {
      signal: { name: 'SIGTERM', whenStdout: /progress: \d+\/45 destinations written/ },
    })
    expect(run.code).toBe(1)
    expect(run.log).toMatch(/SIGTERM received/)
    const sent = gh.requests.slice(before)
    const minted = sent.filter((r) => r.method === 'POST' && r.path === '/app/installations/5151/access_tokens')
    const revoked = sent.filter((r) => r.method === 'DELETE' && r.path === '/installation/token' && r.status === 204)
    expect(minted.length).toBeGreaterThan(0)
    expect(revoked.length).toBe(minted.length)
    expect(run.log).not.toMatch(/could not revoke the GitHub App installation token/)
  }, 90_000)
})
