/** Issue 5's end-to-end: every issuer and every mode through dist/index.js (and dist/post.js). */
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { leakedForms, runAction, runCli, summaryPlain, type RunResult } from './helpers/run-dist.js'
import { ACCOUNTS, useWorld } from './helpers/world.js'

const world = useWorld()
const { gh, http, rgw, rwx, hawzu } = world
let github: Record<string, string>
beforeAll(() => {
  gh.addRepo('acme', 'api')
  gh.addRepo('acme', 'web')
  github = { 'github-token': ACCOUNTS.githubToken, 'github-api-url': gh.url }
})

function visible(run: RunResult): string {
  const { token: _token, ...outputs } = run.outputs
  return [run.log, run.summary, JSON.stringify(outputs)].join('\n')
}

function noLeak(run: RunResult, secret: string): void {
  expect(leakedForms(secret, visible(run))).toEqual([])
}

describe('http issuer (generic contract)', () => {
  it('durations cannot be misread: 30m is refused with both readings; plan says the expiry 30min would set', async () => {
    const admin = http.addAdminToken()
    const args = ['plan', '--issuer', 'http', '--issuer-url', http.url, '--token-name', 'durations']
    const more = ['--secret-name', 'DURATIONS', '--token-role', 'viewer', '--destinations', 'github:repo/acme/api']
    const env = {
      TOKEN_ACTION_ISSUER_TOKEN: admin,
      TOKEN_ACTION_GITHUB_TOKEN: ACCOUNTS.githubToken,
      TOKEN_ACTION_GITHUB_API_URL: gh.url,
    }
    const ambiguous = await runCli([...args, ...more, '--token-expires-in', '30m'], { env })
    expect(ambiguous.code).toBe(2)
    expect(ambiguous.stderr.trim()).toBe('error: --token-expires-in: "30m" is ambiguous: did you mean 30min or 30mo?')
    const before = Date.now()
    const planned = await runCli([...args, ...more, '--token-expires-in', '30min', '--json'], { env })
    expect(planned.code, planned.log).toBe(0)
    const note = (JSON.parse(planned.stdout) as { notes: string[] }).notes.find((n) =>
      n.startsWith('the new token would expire'),
    )
    expect(note).toMatch(/^the new token would expire \S+ \(token-expires-in 30min\)$/)
    const after = Date.now()
    // 30 minutes from the moment the run planned, which lies between before and after.
    const at = Date.parse(/expire (\S+)/.exec(note!)![1]!)
    expect(at).toBeGreaterThanOrEqual(before + 30 * 60_000)
    expect(at).toBeLessThanOrEqual(after + 30 * 60_000)
  })

  it('rotates a project token with expiry; outputs expires-at; warns when it expires within 14 days', async () => {
    const admin = http.addAdminToken()
    const inputs = {
      issuer: 'http',
      'issuer-url': http.url,
      'issuer-token': admin,
      'secret-name': 'HAWZU_TOKEN',
      'token-projects': 'proj-api=editor\nproj-web=viewer',
      'token-expires-in': '3d',
      destinations: 'github:repo/acme/api',
      ...github,
    }
    const first = await runAction(inputs)
    expect(first.code, first.log).toBe(0)
    expect(first.outputs['expires-at']).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(first.log).toMatch(/::warning::the token expires .* \(in 3\.0 days\)/)
    http.ageToken(first.outputs['token-id']!, 1) // the next rotation, a day later: past the overlap grace
    const second = await runAction(inputs)
    expect(second.outputs.outcome).toBe('rotated')
    expect(JSON.parse(second.outputs['revoked-ids']!)).toEqual([first.outputs['token-id']])
    const secret = gh.secretValue({ repo: 'acme/api' }, 'HAWZU_TOKEN')!
    expect(http.isValid(secret)).toBe(true)
    const minted = http.tokens().find((t) => t.id === second.outputs['token-id'])!
    expect(minted.projects).toEqual([
      { id: 'proj-api', role: 'editor' },
      { id: 'proj-web', role: 'viewer' },
    ])
    // A project token has no access outside its projects.
    const outside = await fetch(`${http.url}/projects/proj-billing`, { headers: { authorization: `Bearer ${secret}` } })
    expect(outside.status).toBe(403)
    noLeak(second, secret)
    expect(http.contractViolations).toEqual([])
  })

  it('rotate-if-older-than: not-due while the newest token is young, rotates once it is old', async () => {
    const admin = http.addAdminToken()
    const inputs = {
      issuer: 'http',
      'issuer-url': http.url,
      'issuer-token': admin,
      'secret-name': 'DUE_TOKEN',
      'token-role': 'deployer',
      'rotate-if-older-than': '90d',
      destinations: 'github:repo/acme/web',
      ...github,
    }
    const first = await runAction(inputs)
    expect(first.outputs.outcome).toBe('rotated')
    const notDue = await runAction(inputs)
    expect(notDue.code).toBe(0)
    expect(notDue.outputs.outcome).toBe('not-due')
    expect(JSON.parse(notDue.outputs.report!).notes[0]).toMatch(/next rotation is due/)
    http.ageToken(first.outputs['token-id']!, 91)
    const due = await runAction(inputs)
    expect(due.outputs.outcome).toBe('rotated')
    expect(JSON.parse(due.outputs['revoked-ids']!)).toEqual([first.outputs['token-id']])
  })

  it('expiry: bounded by default, and a young token expiring within rotate-before-expiry is rotated; the report keeps an audit trail', async () => {
    const admin = http.addAdminToken()
    const inputs = {
      issuer: 'http',
      'issuer-url': http.url,
      'issuer-token': admin,
      'secret-name': 'EXPIRING_TOKEN',
      'token-role': 'deployer',
      'rotate-if-older-than': '30d',
      destinations: 'github:repo/acme/web',
      ...github,
    }
    const env = {
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '4242',
      GITHUB_ACTOR: 'octocat',
      GITHUB_SHA: 'a'.repeat(40),
    }
    const first = await runAction(inputs, { env })
    expect(first.code, first.log).toBe(0)
    // No token-expires-in on an issuer with expiry: twice rotate-if-older-than, never "never".
    const days = (Date.parse(first.outputs['expires-at']!) - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(59)
    expect(days).toBeLessThan(61)
    const report = JSON.parse(first.outputs.report!)
    expect(report.notes.join('\n')).toMatch(/token-expires-in was not set: the token expires in 60d/)
    expect(report.origin).toEqual({
      repository: 'acme/ops',
      run: 'https://github.com/acme/ops/actions/runs/4242',
      actor: 'octocat',
      commit: 'a'.repeat(40),
    })
    const secret = gh.secretValue({ repo: 'acme/web' }, 'EXPIRING_TOKEN')!
    // The destination holds the token the report names; the keyed fingerprint is no plain hash of the value.
    const print = report.token.fingerprint
    expect(print).toMatch(/^hmac-sha256:[0-9a-f]{16}$/)
    expect(report.destinations[0].holds).toBe(print)
    expect(first.summary).toContain(print)
    expect(JSON.stringify(report)).not.toContain(createHash('sha256').update(secret).digest('hex').slice(0, 12))
    // A day old, far from 30d - but expiring in 3 days, within the default rotate-before-expiry (14d).
    http.ageToken(first.outputs['token-id']!, 1)
    http.expireAt(first.outputs['token-id']!, new Date(Date.now() + 3 * 86_400_000))
    const second = await runAction(inputs)
    expect(second.outputs.outcome, second.log).toBe('rotated')
    expect(JSON.parse(second.outputs.report!).notes.join('\n')).toMatch(/expires .* within rotate-before-expiry 14d/)
    expect(JSON.parse(second.outputs['revoked-ids']!)).toEqual([first.outputs['token-id']])
    // With rotate-before-expiry 1d the same situation is not due.
    http.ageToken(second.outputs['token-id']!, 1)
    http.expireAt(second.outputs['token-id']!, new Date(Date.now() + 3 * 86_400_000))
    const third = await runAction({ ...inputs, 'rotate-before-expiry': '1d' })
    expect(third.outputs.outcome, third.log).toBe('not-due')
  })

  it('a credential that may create but not delete tokens fails preflight, dry run included, naming issuer-token and the right', async () => {
    const manager = http.addManagerToken()
    const before = http.tokens().length
    const inputs = {
      issuer: 'http',
      'issuer-url': http.url,
      'issuer-token': manager,
      'secret-name': 'MANAGED',
      'token-role': 'viewer',
      destinations: 'github:repo/acme/web',
      ...github,
    }
    for (const run of [await runAction({ ...inputs, 'dry-run': 'true' }), await runAction(inputs)]) {
      expect(run.code).toBe(1)
      expect(run.outputs.outcome).toBe('failed')
      expect(run.log).toMatch(/::error::issuer http: issuer-token may not delete tokens \(403/)
    }
    expect(http.tokens().length).toBe(before)
    expect(gh.secretValue({ repo: 'acme/web' }, 'MANAGED')).toBeUndefined()
  })

  it('audit: the rotation set with age, expiry, last use and findings; changes nothing; --fail-on-findings exits 1', async () => {
    const admin = http.addAdminToken()
    const inputs = {
      issuer: 'http',
      'issuer-url': http.url,
      'issuer-token': admin,
      'token-name': 'audited',
      'secret-name': 'AUDITED',
      'token-role': 'viewer',
      destinations: 'github:repo/acme/web',
      ...github,
    }
    // An old never-expiring token, unused for four months, that a later mint did not replace...
    const old = await runAction({ ...inputs, mode: 'create', 'token-expires-in': 'never' })
    expect(old.log).toMatch(/::warning::token-expires-in is never/)
    http.ageToken(old.outputs['token-id']!, 200)
    http.lastUsed(old.outputs['token-id']!, 120)
    // ...and the newest, expiring in ten days.
    const newest = await runAction({ ...inputs, mode: 'create', 'token-expires-in': '10d' })
    expect([old.code, newest.code]).toEqual([0, 0])
    const before = http.requests.length
    const audit = await runAction({ ...inputs, mode: 'audit', 'rotate-if-older-than': '90d', destinations: '' })
    expect(audit.code, audit.log).toBe(0)
    expect(audit.outputs.outcome).toBe('audited')
    const report = JSON.parse(audit.outputs.report!)
    expect(report.audit.tokens.map((t: { id: string; newest: boolean }) => [t.id, t.newest])).toEqual([
      [newest.outputs['token-id'], true],
      [old.outputs['token-id'], false],
    ])
    expect(report.audit.tokens[1]).toMatchObject({ ageDays: 200, lastUsedAt: expect.any(String) })
    const kinds = (id: string) =>
      report.audit.findings
        .filter((f: { id: string }) => f.id === id)
        .map((f: { kind: string }) => f.kind)
        .sort()
    expect(kinds(old.outputs['token-id']!)).toEqual(['never-expires', 'orphan', 'unused'])
    expect(kinds(newest.outputs['token-id']!)).toEqual(['expiring-soon'])
    expect(audit.summary).toMatch(/\*\*orphan\*\* `audited-\d{14}-[0-9a-f]{6}`/)
    // It only read.
    expect(http.requests.slice(before).every((r) => r.method === 'GET')).toBe(true)
    expect(http.isValid(old.outputs.token!)).toBe(true)

    const cli = await runCli(
      [
        'audit',
        '--issuer',
        'http',
        '--issuer-url',
        http.url,
        '--token-name',
        'audited',
        '--secret-name',
        'AUDITED',
        '--fail-on-findings',
      ],
      { env: { TOKEN_ACTION_ISSUER_TOKEN: admin } },
    )
    expect(cli.code).toBe(1)
    expect(cli.stdout).toMatch(/finding orphan: audited-\d{14}-[0-9a-f]{6}/)
    expect(cli.stdout).toMatch(/4 finding\(s\) in the rotation set audited \(fail-on-findings\)/)
  })

  it('audit of a misspelled or empty set is a finding (empty-set): --fail-on-findings exits 1, never a green "audited"', async () => {
    const admin = http.addAdminToken()
    const args = ['audit', '--issuer', 'http', '--issuer-url', http.url, '--secret-name', 'AUDITED']
    const env = { TOKEN_ACTION_ISSUER_TOKEN: admin }
    const typo = await runCli([...args, '--token-name', 'audtied', '--fail-on-findings'], { env })
    expect(typo.code, typo.log).toBe(1)
    expect(typo.stdout).toMatch(/finding empty-set: no valid token has this name prefix: check token-name for a typo/)
    expect(typo.stdout).toMatch(/1 finding\(s\) in the rotation set audtied \(fail-on-findings\)/)
    const json = await runCli([...args, '--token-name', 'audtied', '--json'], { env })
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout).audit).toEqual({
      tokens: [],
      findings: [{ id: '', name: '', kind: 'empty-set', detail: expect.stringMatching(/typo/) }],
    })
  })

  it('ephemeral: outputs a masked short-lived token, saves state, and the post step revokes it', async () => {
    const admin = http.addAdminToken()
    const main = await runAction({
      issuer: 'http',
      'issuer-url': http.url,
      'issuer-token': admin,
      'secret-name': 'EPHEMERAL',
      'token-role': 'viewer',
      mode: 'ephemeral',
    })
    expect(main.code, main.log).toBe(0)
    const token = main.outputs.token!
    expect(main.log).toContain(`::add-mask::${token}`)
    expect(main.state['token-id']).toBe(main.outputs['token-id'])
    const expiresIn = Date.parse(main.outputs['expires-at']!) - Date.now()
    expect(expiresIn).toBeGreaterThan(0)
    expect(expiresIn).toBeLessThanOrEqual(3_600_000)
    expect(http.isValid(token)).toBe(true)
    noLeak(main, token)
    const post = await main.post()
    expect(post.code, post.log).toBe(0)
    expect(http.isValid(token)).toBe(false)
  })
})

describe('rack-gateway modes', () => {
  it('a Rack Gateway credential that may only read tokens fails the dry run before anything is minted', async () => {
    const reader = rgw.addTokenReader()
    const before = rgw.createCount
    const run = await runAction({
      issuer: 'rack-gateway',
      'issuer-url': rgw.url,
      'issuer-token': reader,
      'token-role': 'cicd',
      'secret-name': 'READER',
      'dry-run': 'true',
      destinations: 'github:repo/acme/api',
      ...github,
    })
    expect(run.code).toBe(1)
    expect(run.log).toMatch(
      /::error::issuer rack-gateway: issuer-token may not create tokens \(its permissions lack gateway:api_token:create\)/,
    )
    expect(rgw.createCount).toBe(before)
  })

  it('a rotation without token-role copies the rights of the token it replaces; a different role is reported', async () => {
    const admin = rgw.addAdminToken()
    const inputs = {
      issuer: 'rack-gateway',
      'issuer-url': rgw.url,
      'issuer-token': admin,
      'token-name': 'same-rights',
      'secret-name': 'SAME_RIGHTS',
      destinations: 'github:repo/acme/api',
      ...github,
    }
    const refused = await runAction(inputs)
    expect(refused.code).toBe(1)
    expect(refused.log).toMatch(/token-role: no token of the set same-rights states its rights/)
    const first = await runAction({ ...inputs, 'token-role': 'deployer' })
    expect(first.code, first.log).toBe(0)
    rgw.passTime(1)
    const copied = await runAction(inputs)
    expect(copied.code, copied.log).toBe(0)
    const perms = (id: string) => rgw.tokens().find((t) => t.public_id === id)!.permissions
    expect(perms(copied.outputs['token-id']!)).toEqual(perms(first.outputs['token-id']!))
    expect(JSON.parse(copied.outputs.report!).notes.join('\n')).toMatch(
      /rights copied from same-rights-\d{14}-[0-9a-f]{6}: permissions /,
    )
    rgw.passTime(1)
    const widened = await runAction({ ...inputs, 'token-role': 'admin' })
    expect(widened.code, widened.log).toBe(0)
    // The gateway answers with what the role expanded to: the comparison is permission by permission.
    expect(JSON.parse(widened.outputs.report!).notes.join('\n')).toMatch(
      /rights differ from the replaced token .* -> permissions [^\n]*\*:\* \(as the inputs say\)/,
    )
    expect(widened.log).toMatch(/::warning::the new token has admin rights/)
  })

  it('revoke-first: the leaked token is revoked before the replacement is minted; a destination left on it is named, exit 1', async () => {
    const admin = rgw.addAdminToken()
    const inputs = {
      issuer: 'rack-gateway',
      'issuer-url': rgw.url,
      'issuer-token': admin,
      'token-role': 'cicd',
      'token-name': 'leaked',
      'secret-name': 'LEAKED',
      destinations: 'github:repo/acme/api\ngithub:repo/acme/web',
      ...github,
    }
    const first = await runAction(inputs)
    expect(first.code, first.log).toBe(0)
    const leaked = gh.secretValue({ repo: 'acme/web' }, 'LEAKED')!
    gh.setFaults([{ match: /^PUT \/repos\/acme\/web\/actions\/secrets\/LEAKED$/, rate: 1, kind: 422 }])
    try {
      // Minutes after the leak: no grace, no due check - the leaked token goes now.
      const run = await runAction({ ...inputs, 'revoke-first': 'true' })
      expect(run.code).toBe(1)
      expect(rgw.isValid(leaked)).toBe(false)
      const report = JSON.parse(run.outputs.report!)
      expect(report.revokedIds).toEqual([first.outputs['token-id']])
      expect(report.destinations.find((d: { id: string }) => d.id === 'github:repo/acme/web').detail).toMatch(
        /may still hold a revoked token \(revoke-first\)/,
      )
      expect(rgw.isValid(gh.secretValue({ repo: 'acme/api' }, 'LEAKED')!)).toBe(true)
      // The revocation came first: DELETE before the mint's POST.
      const calls = rgw.requests.map((r) => `${r.method} ${r.path}`)
      expect(calls.lastIndexOf(`DELETE /api/v1/api-tokens/${first.outputs['token-id']}`)).toBeLessThan(
        calls.lastIndexOf('POST /api/v1/api-tokens'),
      )
    } finally {
      gh.setFaults([])
    }
  })

  it('create: mints and distributes, outputs the masked token, revokes nothing', async () => {
    const admin = rgw.addAdminToken()
    const inputs = {
      issuer: 'rack-gateway',
      'issuer-url': rgw.url,
      'issuer-token': admin,
      'token-role': 'viewer',
      mode: 'create',
      'secret-name': 'CREATED',
      destinations: 'github:repo/acme/api',
      ...github,
    }
    const first = await runAction(inputs)
    const second = await runAction(inputs)
    expect(second.outputs.outcome).toBe('created')
    expect(second.log).toContain(`::add-mask::${second.outputs.token}`)
    expect(gh.secretValue({ repo: 'acme/api' }, 'CREATED')).toBe(second.outputs.token)
    expect(rgw.isValid(first.outputs.token!)).toBe(true)
    expect(JSON.parse(second.outputs['revoked-ids']!)).toEqual([])
    noLeak(second, second.outputs.token!)
  })

  it('ephemeral without expiry support: the post step still revokes, even after a failed job', async () => {
    const admin = rgw.addAdminToken()
    const main = await runAction({
      issuer: 'rack-gateway',
      'issuer-url': rgw.url,
      'issuer-token': admin,
      'token-role': 'viewer',
      mode: 'ephemeral',
    })
    expect(main.code, main.log).toBe(0)
    expect(rgw.isValid(main.outputs.token!)).toBe(true)
    // The runner runs post steps whatever happened to later steps (post-if: always()).
    const post = await main.post()
    expect(post.code).toBe(0)
    expect(rgw.isValid(main.outputs.token!)).toBe(false)
    expect(rgw.revokedIds).toContain(main.outputs['token-id'])
  })

  it('dry-run: outcome planned, would create / would update, nothing minted or written', async () => {
    const admin = rgw.addAdminToken()
    gh.seedSecret({ repo: 'acme/web' }, 'PLANNED', 'present')
    const before = rgw.createCount
    const run = await runAction({
      issuer: 'rack-gateway',
      'issuer-url': rgw.url,
      'issuer-token': admin,
      'token-role': 'viewer',
      'secret-name': 'PLANNED',
      'dry-run': 'true',
      destinations: 'github:repo/acme/api\ngithub:repo/acme/web',
      ...github,
    })
    expect(run.outputs.outcome).toBe('planned')
    expect(JSON.parse(run.outputs.report!).destinations.map((d: { status: string }) => d.status)).toEqual([
      'would create',
      'would update',
    ])
    expect(rgw.createCount).toBe(before)
    expect(gh.secretValue({ repo: 'acme/api' }, 'PLANNED')).toBeUndefined()
    expect(gh.secretValue({ repo: 'acme/web' }, 'PLANNED')).toBe('present')
  })
})

describe('distribute (issuers without a mint API)', () => {
  it('rwx: verifies the given token, writes RWX_ACCESS_TOKEN, reminds to revoke the old one in the RWX UI', async () => {
    const token = rwx.addToken('acme')
    const run = await runAction({
      issuer: 'rwx',
      'issuer-url': rwx.url,
      token,
      destinations: 'github:org/acme?visibility=all',
      ...github,
    })
    expect(run.code, run.log).toBe(0)
    expect(run.outputs.outcome).toBe('distributed')
    expect(gh.orgSecret('acme', 'RWX_ACCESS_TOKEN')?.value).toBe(token)
    expect(summaryPlain(run.summary)).toMatch(/revoke the token it replaced in RWX \(cloud\.rwx\.com, Access Tokens\)/)
    noLeak(run, token)
  })

  it('rwx: a token RWX rejects is written nowhere', async () => {
    const run = await runAction({
      issuer: 'rwx',
      'issuer-url': rwx.url,
      token: 'rwx_not-a-real-token-000000',
      'secret-name': 'RWX_REJECTED',
      destinations: 'github:repo/acme/api',
      ...github,
    })
    expect(run.code).toBe(1)
    expect(run.log).toMatch(/did not verify/)
    expect(gh.secretValue({ repo: 'acme/api' }, 'RWX_REJECTED')).toBeUndefined()
  })

  it('an RWX personal access token going to org-wide destinations is written, with a warning', async () => {
    const token = rwx.addToken('acme', 'personal_access_token')
    const run = await runAction({
      issuer: 'rwx',
      'issuer-url': rwx.url,
      token,
      'secret-name': 'RWX_PERSONAL',
      destinations: 'github:org/acme?visibility=all',
      ...github,
    })
    expect(run.code, run.log).toBe(0)
    expect(run.log).toMatch(
      /::warning::the token is a personal access token and goes to org-wide destinations \(github:org\/acme\)/,
    )
    const org = await runAction({
      issuer: 'rwx',
      'issuer-url': rwx.url,
      token: rwx.addToken('acme'),
      'secret-name': 'RWX_ORG',
      destinations: 'github:org/acme?visibility=all',
      ...github,
    })
    expect(org.log).not.toMatch(/personal access token/)
  })

  it('hawzu and static distribute the given token', async () => {
    const token = hawzu.addToken('acme')
    const h = await runAction({
      issuer: 'hawzu',
      'issuer-url': hawzu.url,
      token,
      'secret-name': 'HAWZU_API_TOKEN',
      destinations: 'github:repo/acme/web',
      ...github,
    })
    expect(h.outputs.outcome, h.log).toBe('distributed')
    expect(gh.secretValue({ repo: 'acme/web' }, 'HAWZU_API_TOKEN')).toBe(token)
    const s = await runAction({
      issuer: 'static',
      token: 'static-value-0123456789',
      'secret-name': 'STATIC_TOKEN',
      destinations: 'github:repo/acme/web',
      ...github,
    })
    expect(s.outputs.outcome, s.log).toBe('distributed')
    expect(gh.secretValue({ repo: 'acme/web' }, 'STATIC_TOKEN')).toBe('static-value-0123456789')
  })

  // One spawned case per class (plan.test.ts holds every rule): what an issuer cannot do, a duration.
  it.each([
    [
      { issuer: 'rack-gateway', 'token-expires-in': '30d' },
      /token-expires-in: issuer rack-gateway has no token expiry/,
    ],
    [{ issuer: 'rwx', mode: 'rotate', token: 'x' }, /mode: issuer rwx has no API to mint tokens/],
    [
      { issuer: 'http', 'token-role': 'viewer', 'token-expires-in': '3 weeks' },
      /token-expires-in: "3 weeks" is not an expiry/,
    ],
  ])('bad input %j exits 2 naming the input, before anything is minted', async (extra, message) => {
    const before = rgw.createCount + http.tokens().length
    const run = await runAction({
      'issuer-url': extra.issuer === 'http' ? http.url : rgw.url,
      'issuer-token': 'x',
      'secret-name': 'BAD',
      destinations: 'github:repo/acme/api',
      ...github,
      ...extra,
    })
    expect(run.code, run.log).toBe(2)
    expect(run.log).toMatch(message)
    expect(rgw.createCount + http.tokens().length).toBe(before)
  })
})

describe('CLI: ephemeral wraps a command; revoke by id', () => {
  /** A child that proves it got a working token without printing it: it writes the token's SHA-256. */
  const child = (file: string, code: number, wait = 0) => [
    '--',
    process.execPath,
    '-e',
    `require('fs').writeFileSync(${JSON.stringify(file)}, require('crypto').createHash('sha256').update(process.env.DEPLOY_TOKEN || '').digest('hex')); console.log('child ready'); setTimeout(() => process.exit(${code}), ${wait})`,
  ]
  const base = () => [
    'ephemeral',
    '--issuer',
    'rack-gateway',
    '--issuer-url',
    rgw.url,
    '--token-role',
    'deployer',
    '--secret-name',
    'DEPLOY_TOKEN',
    '--token-name',
    'deploy-job',
  ]
  const minted = (hash: string) =>
    rgw.tokens().find((t) => t.name.startsWith('deploy-job-') && rgw.hashOf(t.public_id) === hash)

  it('runs CMD with the token as $SECRET_NAME, passes its exit code on, and revokes the token when it ends', async () => {
    const admin = rgw.addAdminToken()
    const file = join(mkdtempSync(join(tmpdir(), 'ephemeral-')), 'seen')
    const run = await runCli([...base(), ...child(file, 7)], { env: { TOKEN_ACTION_ISSUER_TOKEN: admin } })
    expect(run.code, run.log).toBe(7)
    const token = minted(readFileSync(file, 'utf8'))
    expect(token, 'the command saw a token the gateway minted').toBeTruthy()
    expect(token!.revoked).toBe(true)
    expect(run.log).toMatch(/revoked ephemeral token deploy-job-\d{14}/)
  })

  it('a signal to the wrapper reaches the command, and the token is still revoked', async () => {
    const admin = rgw.addAdminToken()
    const file = join(mkdtempSync(join(tmpdir(), 'ephemeral-')), 'seen')
    const run = await runCli([...base(), ...child(file, 0, 30_000)], {
      env: { TOKEN_ACTION_ISSUER_TOKEN: admin },
      signal: { name: 'SIGTERM', whenStdout: /child ready/ },
    })
    expect(run.code).toBe(143)
    const token = minted(readFileSync(file, 'utf8'))
    expect(token?.revoked).toBe(true)
  })

  it('without a command, a token that never expires is refused before it is minted', async () => {
    const admin = rgw.addAdminToken()
    const before = rgw.createCount
    const run = await runCli(base(), { env: { TOKEN_ACTION_ISSUER_TOKEN: admin } })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/tokens never expire: pass the command to run after --/)
    expect(rgw.createCount).toBe(before)
  })

  it('revoke --token-id revokes tokens of the set and refuses ids outside it unless --force', async () => {
    const admin = rgw.addAdminToken()
    const env = { TOKEN_ACTION_ISSUER_TOKEN: admin }
    const made = await runAction({
      issuer: 'rack-gateway',
      'issuer-url': rgw.url,
      'issuer-token': admin,
      'token-role': 'viewer',
      mode: 'create',
      'token-name': 'revocable',
      'secret-name': 'REVOCABLE',
      destinations: 'github:repo/acme/api',
      ...github,
    })
    const other = await runAction({
      issuer: 'rack-gateway',
      'issuer-url': rgw.url,
      'issuer-token': admin,
      'token-role': 'viewer',
      mode: 'create',
      'token-name': 'unrelated',
      'secret-name': 'UNRELATED',
      destinations: 'github:repo/acme/api',
      ...github,
    })
    const args = ['revoke', '--issuer', 'rack-gateway', '--issuer-url', rgw.url, '--token-name', 'revocable']
    const refused = await runCli(
      [...args, '--token-id', made.outputs['token-id']!, '--token-id', other.outputs['token-id']!],
      { env },
    )
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/another rotation set's live token, not one of revocable; nothing was revoked/)
    expect(rgw.isValid(made.outputs.token!)).toBe(true)
    const ok = await runCli([...args, '--token-id', made.outputs['token-id']!], { env })
    expect(ok.code, ok.log).toBe(0)
    expect(rgw.isValid(made.outputs.token!)).toBe(false)
    // --json gets a JSON error.
    const json = await runCli([...args, '--token-id', other.outputs['token-id']!, '--json'], { env })
    expect(json.code).toBe(2)
    expect(JSON.parse(json.stdout)).toEqual({
      error: {
        message: expect.stringMatching(/^--token-id .*another rotation set's live token/),
        input: 'token-id',
        exitCode: 2,
      },
    })
    const forced = await runCli([...args, '--token-id', other.outputs['token-id']!, '--force'], { env })
    expect(forced.code, forced.log).toBe(0)
    expect(rgw.isValid(other.outputs.token!)).toBe(false)
    // Wrong names are not blamed: no --token-name names `revoke`, not `audit`.
    const nameless = await runCli(['revoke', '--issuer', 'rack-gateway', '--issuer-url', rgw.url, '--token-id', 'x'], {
      env,
    })
    expect(nameless.code).toBe(2)
    expect(nameless.stderr).toMatch(
      /--token-name \(or TOKEN_ACTION_TOKEN_NAME\) is required with `token-action revoke`/,
    )
    expect(nameless.stderr).not.toMatch(/audit/)

    // An empty or malformed id is bad input: refused before any request (an empty one would DELETE the collection).
    const sent = rgw.requests.length
    for (const [id, refusal] of [
      ['', /--token-id is required \(repeatable, never empty\)/],
      [' ', /--token-id is required \(repeatable, never empty\)/],
      ['../api-tokens', /--token-id .*is not a token id .*nothing was revoked/],
    ] as const)
      expect(await runCli([...args, '--token-id', id, '--force'], { env })).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(refusal),
      })
    expect(rgw.requests.length).toBe(sent)
    // An id no live token has - revoked already (a re-run), or never made - is reported as not found,
    // never as revoked; nothing is sent for it, and the re-run is done (exit 0).
    const before = rgw.requests.filter((r) => r.method === 'DELETE').length
    for (const id of [other.outputs['token-id']!, '00000000-0000-4000-8000-00000000dead', 'not-a-uuid']) {
      const unknown = await runCli([...args, '--token-id', id, '--force'], { env })
      expect({ id, code: unknown.code, out: unknown.stdout }).toEqual({
        id,
        code: 0,
        out: `${id}: not found at the issuer - already revoked, or never made; nothing to revoke\n`,
      })
    }
    const again = await runCli([...args, '--token-id', made.outputs['token-id']!], { env })
    expect(again.code, again.log).toBe(0)
    expect(again.stdout).toMatch(/not found at the issuer - already revoked/)
    expect(rgw.requests.filter((r) => r.method === 'DELETE').length).toBe(before)
  })
})
