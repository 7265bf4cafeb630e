/**
 * Issue 3's end-to-end: the committed dist/index.js run as a runner runs it, rotating a Rack Gateway
 * token into repository, environment and org secrets of the GitHub emulator.
 */
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { leakedForms, node24Path, runAction } from './helpers/run-dist.js'
import { useWorld, type ScenarioSpec } from './helpers/world.js'

const world = useWorld()
const { gh, rgw } = world
let admin: string

beforeEach(() => {
  admin = rgw.addAdminToken()
})

/** A repository, one of its environments and the org; `spec` changes the lines or adds faults. */
function inputs(extra: Record<string, string> = {}, spec: Partial<ScenarioSpec> = {}): Record<string, string> {
  return world.scenario({
    destinations: ['github:repo/acme/api', 'github:env/acme/api/team/staging', 'github:org/acme'],
    repos: { 'acme/api': { environments: ['production', 'team/staging'] }, 'acme/web': {}, 'acme/docs': {} },
    ...spec,
    inputs: { 'issuer-token': admin, ...extra },
  })
}

/** Everything a person could see: logs, summary, outputs except the masked `token`. */
function visible(run: { log: string; summary: string; outputs: Record<string, string> }): string {
  const { token: _token, ...outputs } = run.outputs
  return [run.log, run.summary, JSON.stringify(outputs)].join('\n')
}

describe('action: rotate a Rack Gateway token into GitHub secrets', () => {
  it('rotates: writes decryptable secrets, keeps org visibility, revokes the previous token, leaks nothing', async () => {
    const rotation = inputs()
    const repoIds = ['web', 'docs'].map((r) => gh.repoId('acme', r))
    gh.seedOrgSecret('acme', 'RACK_GATEWAY_API_TOKEN', {
      value: 'old-value',
      visibility: 'selected',
      selectedRepositoryIds: repoIds,
    })
    const first = await runAction(rotation)
    expect(first.code, first.log).toBe(0)
    expect(first.outputs.outcome).toBe('rotated')
    const firstSecret = gh.secretValue({ repo: 'acme/api' }, 'RACK_GATEWAY_API_TOKEN')!
    expect(rgw.isValid(firstSecret)).toBe(true)

    rgw.ageToken(first.outputs['token-id']!, 1) // the next rotation, a day later: past the overlap grace
    const reportFile = join(tmpdir(), `token-action-report-${process.pid}-${Date.now()}.json`)
    const second = await runAction(inputs({ 'report-file': reportFile }))
    expect(second.code, second.log).toBe(0)
    expect(second.outputs.outcome).toBe('rotated')
    expect(JSON.parse(second.outputs['revoked-ids']!)).toEqual([first.outputs['token-id']])
    expect(second.outputs['token-id']).toMatch(/^[0-9a-f-]{36}$/)
    // The default rotation set: where the run comes from (GITHUB_REPOSITORY) plus the secret name.
    expect(second.outputs['token-name']).toMatch(/^gh\.acme\.ops\.rack-gateway-api-token-\d{14}-[0-9a-f]{6}$/)

    const secret = gh.secretValue({ repo: 'acme/api' }, 'RACK_GATEWAY_API_TOKEN')!
    expect(secret).not.toBe(firstSecret)
    expect(rgw.isValid(secret)).toBe(true)
    expect(rgw.isValid(firstSecret)).toBe(false)
    expect(gh.secretValue({ env: 'acme/api/team/staging' }, 'RACK_GATEWAY_API_TOKEN')).toBe(secret)
    const org = gh.orgSecret('acme', 'RACK_GATEWAY_API_TOKEN')!
    expect(org.value).toBe(secret)
    expect(org.visibility).toBe('selected')
    expect([...org.selectedRepositoryIds!].sort()).toEqual([...repoIds].sort())

    expect(second.log).toContain(`::add-mask::${secret}`)
    expect(leakedForms(secret, visible(second))).toEqual([])
    expect(second.summary).toContain('| `github:org/acme` | `RACK_GATEWAY_API_TOKEN` | ✅ updated |')
    const reportText = readFileSync(reportFile, 'utf8')
    expect(JSON.parse(reportText)).toMatchObject({ outcome: 'rotated', revokedIds: [first.outputs['token-id']] })
    expect(leakedForms(secret, reportText)).toEqual([])
    expect(gh.openApiViolations).toEqual([])
  })

  it('one failing destination: old token stays valid, new one not revoked, exit non-zero, report names it', async () => {
    const lines = { destinations: ['github:repo/acme/api', 'github:repo/acme/web'] }
    const first = await runAction(inputs({}, lines))
    expect(first.code, first.log).toBe(0)
    const oldSecret = gh.secretValue({ repo: 'acme/api' }, 'RACK_GATEWAY_API_TOKEN')!
    // A definite refusal: a 5xx would be an unknown outcome, not a failure.
    const refused = { github: [{ match: /^PUT \/repos\/acme\/web\//, rate: 1, kind: 422 as const }] }
    const second = await runAction(inputs({}, { ...lines, faults: refused }))
    expect(second.code).not.toBe(0)
    expect(second.outputs.outcome).toBe('failed')
    const report = JSON.parse(second.outputs.report!)
    expect(report.destinations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'github:repo/acme/web',
          status: 'failed',
          detail: expect.stringContaining('422'),
        }),
        expect.objectContaining({ id: 'github:repo/acme/api', status: 'updated' }),
      ]),
    )
    expect(JSON.parse(second.outputs['revoked-ids']!)).toEqual([])
    expect(rgw.isValid(oldSecret)).toBe(true)
    const newSecret = gh.secretValue({ repo: 'acme/api' }, 'RACK_GATEWAY_API_TOKEN')!
    expect(newSecret).not.toBe(oldSecret)
    expect(rgw.isValid(newSecret)).toBe(true)
    expect(gh.secretValue({ repo: 'acme/web' }, 'RACK_GATEWAY_API_TOKEN')).toBe(oldSecret)
    expect(second.log).toMatch(/::error::.*1 of 2 destinations failed/)
    expect(second.summary).toContain('❌ failed')
    expect(leakedForms(newSecret, visible(second))).toEqual([])
  })

  it('a public key GitHub rotated mid-run is fetched again and the write retried once', async () => {
    // Right after preflight reads the key, GitHub rotates it: the write sealed with it gets 422.
    let rotated = false
    gh.observers.push((req) => {
      if (!rotated && req.method === 'GET' && req.path === '/repos/acme/docs/actions/secrets/public-key') {
        rotated = true
        gh.rotatePublicKey({ repo: 'acme/docs' })
      }
    })
    const before = gh.requests.length
    const run = await runAction(inputs({ 'token-name': 'stale-key' }, { destinations: ['github:repo/acme/docs'] }))
    expect(run.code, run.log).toBe(0)
    const puts = gh.requests
      .slice(before)
      .filter((r) => r.method === 'PUT' && r.path.startsWith('/repos/acme/docs/actions/secrets/'))
    expect(puts.map((r) => r.status)).toEqual([422, 201])
    expect(rgw.isValid(gh.secretValue({ repo: 'acme/docs' }, 'RACK_GATEWAY_API_TOKEN')!)).toBe(true)
  })

  it("explains the workflow GITHUB_TOKEN's 403 and mints nothing", async () => {
    gh.addToken('ghs_defaultworkflowtoken000000000', { login: 'github-actions[bot]', canWriteSecrets: false })
    const before = rgw.tokens().length
    const run = await runAction(
      inputs({ 'github-token': 'ghs_defaultworkflowtoken000000000' }, { destinations: ['github:repo/acme/api'] }),
    )
    expect(run.code).not.toBe(0)
    expect(run.log).toMatch(/default GITHUB_TOKEN can never write secrets/)
    expect(run.log).toMatch(/Secrets: write/)
    expect(rgw.tokens().length).toBe(before)
  })

  // One spawned case per class of bad input (plan.test.ts and hostile-input.test.ts hold every rule):
  // an unknown value, a URL rule, the destination grammar, a platform's name rule.
  it.each([
    [{ issuer: 'vault' }, /issuer: "vault" is not an issuer/],
    [{ 'issuer-url': 'http://gateway.example.com' }, /issuer-url: must use https/],
    [{ destinations: 'gitlab/acme' }, /destinations: "gitlab\/acme": expected PLATFORM:KIND\/PATH/],
    [{ 'secret-name': '1TOKEN' }, /must not start with a digit/],
  ])('bad input %j exits 2 naming the input, before anything is minted', async (extra, message) => {
    const before = rgw.tokens().length
    const run = await runAction(inputs(extra as Record<string, string>))
    expect(run.code).toBe(2)
    expect(run.log).toMatch(message)
    expect(rgw.tokens().length).toBe(before)
  })

  it('runs the same rotation under Node 24, the runner version', async () => {
    const run = await runAction(inputs({}, { destinations: ['github:repo/acme/docs'] }), { node: node24Path() })
    expect(run.code, run.log).toBe(0)
    expect(run.outputs.outcome).toBe('rotated')
    expect(rgw.isValid(gh.secretValue({ repo: 'acme/docs' }, 'RACK_GATEWAY_API_TOKEN')!)).toBe(true)
  }, 120_000)
})
