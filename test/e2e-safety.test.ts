/**
 * The safety invariant through the committed dist/, in the five ways it used to break: after any
 * run, every destination holds a token the issuer accepts, no token is left valid that the report
 * does not name, and the report says honestly what is `unknown`, `kept` and `revoked`.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { runAction, runCli } from './helpers/run-dist.js'
import { ACCOUNTS, useWorld } from './helpers/world.js'

const world = useWorld()
const { gh, gl, rgw } = world
beforeEach(() => {
  for (const e of [gh, gl, rgw]) {
    e.setFaults([])
    e.latencyMs = 0
  }
})

let sets = 0
/** Each test its own rotation set and secret name, over repositories a, b and c of acme. */
function inputs(destinations: string, extra: Record<string, string> = {}): Record<string, string> {
  ++sets
  return world.scenario({
    destinations: destinations.split('\n'),
    repos: { 'acme/a': {}, 'acme/b': {}, 'acme/c': {} },
    inputs: { 'token-name': `safety-${sets}`, 'secret-name': `SAFETY_${sets}`, ...extra },
  })
}

/** Valid tokens of a rotation set at the issuer. */
const liveIn = (prefix: string) => rgw.tokens().filter((t) => !t.revoked && t.name.startsWith(`${prefix}-`))

/** A first rotation, then a day passes: its token is the "previous" one of the next run. */
async function seeded(destinations: string) {
  const base = inputs(destinations)
  const first = await runAction(base)
  expect(first.code, first.log).toBe(0)
  rgw.passTime(1)
  gh.passTime(1)
  return { base, old: first.outputs['token-id']! }
}

describe('the safety invariant through dist/', () => {
  it('a write whose answer was lost is read back (GitLab) and counts as written', async () => {
    const { base, old } = await seeded('gitlab:group/acme')
    const name = base['secret-name']!
    gl.deleteVariable('group', 'acme', name)
    const posts = () =>
      gl.requests.filter((r) => r.method === 'POST' && r.path === '/api/v4/groups/acme/variables').length
    const postsBefore = posts()
    // The create lands, then a proxy answers 502: the value is there, the answer is lost.
    gl.setFaults([{ match: /^POST \/api\/v4\/groups\/acme\/variables$/, rate: 1, kind: 'lost-502', limit: 1 }])
    const run = await runAction(base)
    expect(run.code, run.log).toBe(0)
    const report = JSON.parse(run.outputs.report!)
    expect(report.destinations[0]).toMatchObject({
      id: 'gitlab:group/acme',
      status: 'updated',
      detail: expect.stringMatching(/answer was lost .*reading the destination back shows it landed/),
    })
    expect(rgw.isValid(gl.variable('group', 'acme', name)!.value)).toBe(true)
    expect(report.revokedIds).toEqual([old])
    // Sent once: a create is never retried blindly.
    expect(posts() - postsBefore).toBe(1)
  })

  it('a write that stays unknown keeps both the new and the old token valid and says so', async () => {
    const { base, old } = await seeded('github:repo/acme/a\ngithub:repo/acme/b')
    const name = base['secret-name']!
    // Repository b: every PUT lands but its answer is lost, and the secret cannot be read back.
    gh.setFaults([
      { match: /^PUT \/repos\/acme\/b\/actions\/secrets\/SAFETY/, rate: 1, kind: 'lost-502' },
      { match: /^GET \/repos\/acme\/b\/actions\/secrets\/SAFETY/, rate: 1, kind: 503 },
    ])
    const run = await runAction(base)
    expect(run.code).toBe(1)
    const report = JSON.parse(run.outputs.report!)
    expect(report.destinations).toEqual([
      expect.objectContaining({ id: 'github:repo/acme/a', status: 'updated' }),
      expect.objectContaining({
        id: 'github:repo/acme/b',
        status: 'unknown',
        detail: expect.stringMatching(/may have been applied.*could not confirm/),
      }),
    ])
    expect(report.error).toMatch(
      /1 may or may not hold the new token .*no previous token was revoked; the new token .* stays valid/,
    )
    expect(report.keptIds).toEqual([old])
    expect(report.newTokenRevoked).toBeUndefined()
    expect(run.summary).toContain('❓ unknown')
    for (const r of ['a', 'b']) expect(rgw.isValid(gh.secretValue({ repo: `acme/${r}` }, name)!), r).toBe(true)
    expect(
      liveIn(base['token-name']!)
        .map((t) => t.public_id)
        .sort(),
    ).toEqual([old, report.token.id].sort())
  })

  it("a mint whose answer was lost is found by its name, which carries the run's tag, and revoked: no valid token goes unnamed", async () => {
    const { base, old } = await seeded('github:repo/acme/c')
    rgw.setFaults([{ match: /^POST \/api\/v1\/api-tokens$/, rate: 1, kind: 'lost-502', limit: 1 }])
    const run = await runAction(base)
    expect(run.code, run.log).toBe(0)
    const report = JSON.parse(run.outputs.report!)
    expect(report.notes.join('\n')).toMatch(/minted but the answer was lost, so its value is unknown: it was revoked/)
    // The old token and the lost mint are revoked; only the token every destination holds is valid.
    expect(report.revokedIds).toHaveLength(2)
    expect(report.revokedIds).toContain(old)
    expect(report.keptIds).toEqual([])
    expect(liveIn(base['token-name']!).map((t) => t.public_id)).toEqual([report.token.id])
    expect(rgw.isValid(gh.secretValue({ repo: 'acme/c' }, base['secret-name']!)!)).toBe(true)
  })

  it('two runs of one set started apart with slow writes leave every destination on a valid token', async () => {
    const { base, old } = await seeded('github:repo/acme/a\ngithub:repo/acme/b\ngithub:repo/acme/c')
    gh.latencyMs = 150
    const overlapping = { ...base, concurrency: '1' }
    const [first, second] = await Promise.all([
      runAction(overlapping),
      new Promise((r) => setTimeout(r, 400)).then(() => runAction(overlapping)),
    ])
    for (const run of [first, second]) expect(run.code, run.log).toBe(0)
    for (const r of ['a', 'b', 'c'])
      expect(rgw.isValid(gh.secretValue({ repo: `acme/${r}` }, base['secret-name']!)!), r).toBe(true)
    expect(
      rgw.isValid(first.outputs.token ?? '') ||
        liveIn(base['token-name']!).some((t) => t.public_id === first.outputs['token-id']),
    ).toBe(true)
    expect(liveIn(base['token-name']!).some((t) => t.public_id === old)).toBe(false)
    // Neither run revoked the other's token: the younger one is kept within the overlap grace.
    const kept = [first, second].flatMap((r) => JSON.parse(r.outputs.report!).keptIds as string[])
    for (const t of liveIn(base['token-name']!))
      expect([first.outputs['token-id'], second.outputs['token-id']]).toContain(t.public_id)
    expect(kept).toContain(first.outputs['token-id'])
  })

  it('the default rotation set keeps two repositories rotating one secret name apart', async () => {
    const shared = { ...inputs('github:repo/acme/a'), 'token-name': '', 'secret-name': 'SHARED_GATEWAY_TOKEN' }
    const one = await runAction(shared, { env: { GITHUB_REPOSITORY: 'acme/one' } })
    const two = await runAction(
      { ...shared, destinations: 'github:repo/acme/b' },
      { env: { GITHUB_REPOSITORY: 'acme/two' } },
    )
    expect([one.code, two.code]).toEqual([0, 0])
    expect(one.outputs['token-name']).toMatch(/^gh\.acme\.one\.shared-gateway-token-\d{14}-[0-9a-f]{6}$/)
    expect(two.outputs['token-name']).toMatch(/^gh\.acme\.two\.shared-gateway-token-\d{14}-[0-9a-f]{6}$/)
    rgw.passTime(1)
    const again = await runAction(
      { ...shared, destinations: 'github:repo/acme/b' },
      { env: { GITHUB_REPOSITORY: 'acme/two' } },
    )
    expect(again.code, again.log).toBe(0)
    expect(JSON.parse(again.outputs['revoked-ids']!)).toEqual([two.outputs['token-id']])
    expect(rgw.isValid(gh.secretValue({ repo: 'acme/a' }, 'SHARED_GATEWAY_TOKEN')!)).toBe(true)
  })

  it('CLI: a --token-file that cannot be written is refused before anything is minted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'token-action-handover-'))
    const prefix = `handover-${Date.now()}`
    const run = await runCli(
      [
        'create',
        '--issuer',
        'rack-gateway',
        '--issuer-url',
        rgw.url,
        '--token-role',
        'cicd',
        '--token-name',
        prefix,
        '--destinations',
        'gitlab:group/acme?name=HANDOVER',
        '--gitlab-url',
        gl.url,
        '--token-file',
        join(dir, 'missing', 'token'),
      ],
      {
        env: { TOKEN_ACTION_ISSUER_TOKEN: world.admin, GITLAB_TOKEN: ACCOUNTS.gitlabToken },
      },
    )
    expect(run.code).toBe(2)
    expect(run.log).toMatch(/token-file.*does not exist/)
    expect(rgw.tokens().filter((t) => t.name.startsWith(`${prefix}-`))).toEqual([])
    expect(gl.variable('group', 'acme', 'HANDOVER')).toBeUndefined()
  })
})
