/** CircleCI and GitLab destinations through the engine (in-process) against their emulators. */
import { beforeAll, describe, expect, it } from 'vitest'
import { silentLogger } from '../src/shared/log.js'
import { buildPlan, type Inputs } from '../src/plan/plan.js'
import { runPlan } from '../src/engine/run.js'
import { ACCOUNTS, useWorld } from './helpers/world.js'

const world = useWorld()
const { cci, gl, rgw, hawzu } = world
const CCI = ACCOUNTS.circleciToken
const GL = ACCOUNTS.gitlabToken
const GL_MAINTAINER = 'glpat-maint-000000000000000'

beforeAll(() => {
  cci.addProject('gh/acme/api')
  // More contexts than one page, so finding `rwx` means following next_page_token.
  for (let i = 0; i < 45; i++) cci.addContext('gh/acme', `ctx-${i}`)
  gl.addGroup('acme/platform')
  gl.addProject('acme/platform/api')
  gl.addToken(GL_MAINTAINER, { username: 'maint', access: { 'acme/platform': 40 } })
})

let runs = 0
/** Each run mints under its own prefix unless a test shares one: same-prefix mints in one second wait for the next. */
function run(extra: Inputs) {
  const plan = buildPlan({
    issuer: 'rack-gateway',
    'issuer-url': rgw.url,
    'issuer-token': rgw.addAdminToken(),
    'token-role': 'cicd',
    'token-name': `ci-destinations-${++runs}`,
    'circleci-token': CCI,
    'circleci-url': cci.url,
    'gitlab-token': GL,
    'gitlab-url': gl.url,
    ...extra,
  })
  return runPlan(plan, { log: silentLogger })
}

describe('circleci destinations', () => {
  it('creates a missing context (found by owner slug across pages) and writes the exact value; updates next time', async () => {
    const lines = {
      destinations: 'circleci:context/gh/acme/rwx\ncircleci:project/gh/acme/api',
      'token-name': 'circleci-first',
    }
    const first = await run(lines)
    expect(first.outcome, first.error).toBe('rotated')
    expect(first.destinations[0]).toMatchObject({ status: 'created', changes: ['context "rwx" created'] })
    const value = cci.contextValue('gh/acme', 'rwx', 'RACK_GATEWAY_API_TOKEN')!
    expect(rgw.isValid(value)).toBe(true)
    expect(value.endsWith('\n')).toBe(false)
    expect(cci.projectValue('gh/acme/api', 'RACK_GATEWAY_API_TOKEN')).toBe(value)
    rgw.ageToken(first.token!.id!, 1) // a day later: past the overlap grace
    const second = await run(lines)
    expect(second.destinations.map((d) => d.status)).toEqual(['updated', 'updated'])
    expect(cci.contexts('gh/acme').filter((c) => c.name === 'rwx')).toHaveLength(1)
    expect(rgw.isValid(value)).toBe(false)
  })

  it('?create=false, an unknown org, a bad token: preflight fails, nothing is minted', async () => {
    const before = rgw.createCount
    const noCreate = await run({ destinations: 'circleci:context/gh/acme/missing?create=false' })
    expect(noCreate.destinations[0]!.detail).toMatch(/does not exist in gh\/acme and the line says \?create=false/)
    const noOrg = await run({ destinations: 'circleci:context/gh/nobody/rwx' })
    expect(noOrg.destinations[0]!.detail).toMatch(/organization gh\/nobody was not found/)
    const badToken = await run({ destinations: 'circleci:context/gh/acme/rwx', 'circleci-token': 'wrong' })
    expect(badToken.destinations[0]!.detail).toMatch(
      /circleci-token was rejected by CircleCI \(401 "You must log in first\."\)/,
    )
    expect(rgw.createCount).toBe(before)
  })

  it('lines sharing a missing context list the org once and create the context once', async () => {
    cci.addOrg('gh/shared')
    cci.addToken(CCI, { orgs: ['gh/acme', 'gh/shared'] })
    const since = cci.requests.length
    const lines = ['A_TOKEN', 'B_TOKEN', 'C_TOKEN'].map((n) => `circleci:context/gh/shared/rwx?name=${n}`).join('\n')
    const report = await run({ destinations: lines })
    expect(report.outcome, report.error).toBe('rotated')
    const sent = cci.requests.slice(since)
    expect(sent.filter((r) => r.method === 'POST' && r.path === '/api/v2/context')).toHaveLength(1)
    expect(sent.filter((r) => r.method === 'GET' && r.path === '/api/v2/context')).toHaveLength(1)
    expect(report.destinations.map((d) => d.status)).toEqual(['created', 'created', 'created'])
    expect(report.destinations.flatMap((d) => d.changes ?? [])).toEqual(['context "rwx" created'])
    const contexts = cci.contexts('gh/shared')
    expect(contexts.map((c) => [c.name, [...c.variables].sort()])).toEqual([['rwx', ['A_TOKEN', 'B_TOKEN', 'C_TOKEN']]])
  })

  it('a full context (100 variables) fails preflight for a new name, not for one it already holds', async () => {
    const id = cci.addContext('gh/acme', 'full')
    for (let i = 0; i < 100; i++) {
      const res = await fetch(`${cci.url}/api/v2/context/${id}/environment-variable/VAR_${i}`, {
        method: 'PUT',
        headers: { 'circle-token': CCI, 'content-type': 'application/json' },
        body: JSON.stringify({ value: 'x' }),
      })
      expect(res.status).toBe(200)
    }
    const before = rgw.createCount
    const full = await run({ destinations: 'circleci:context/gh/acme/full' })
    expect(full.destinations[0]!.detail).toMatch(/context "full" already holds 100 variables, CircleCI's limit/)
    expect(rgw.createCount).toBe(before)
    const existing = await run({ destinations: 'circleci:context/gh/acme/full?name=VAR_7' })
    expect(existing.outcome, existing.error).toBe('rotated')
    expect(existing.destinations[0]!.status).toBe('updated')
  })

  it('a value over 32 KB is refused before writing, naming the destination and the limit', async () => {
    const plan = buildPlan({
      issuer: 'static',
      token: 'x'.repeat(32 * 1024 + 1),
      'secret-name': 'BIG',
      'circleci-token': CCI,
      'circleci-url': cci.url,
      destinations: 'circleci:project/gh/acme/api',
    })
    const report = await runPlan(plan, { log: silentLogger })
    expect(report.outcome).toBe('failed')
    expect(report.destinations[0]!.detail).toMatch(
      /circleci:project\/gh\/acme\/api: CircleCI variable values are at most 32 KB/,
    )
    expect(cci.projectValue('gh/acme/api', 'BIG')).toBeUndefined()
  })
})

describe('gitlab destinations', () => {
  it('creates a group variable with the RWX defaults: masked, not protected, raw, env_var, scope *', async () => {
    const report = await run({ destinations: 'gitlab:group/acme' })
    expect(report.outcome, report.error).toBe('rotated')
    const v = gl.variable('group', 'acme', 'RACK_GATEWAY_API_TOKEN')!
    expect(v).toMatchObject({
      masked: true,
      protected: false,
      raw: true,
      variable_type: 'env_var',
      environment_scope: '*',
      hidden: false,
    })
    expect(rgw.isValid(v.value)).toBe(true)
  })

  it('on update keeps every flag the line does not set, applies those it sets, and reports what changed', async () => {
    gl.seedVariable('project', 'acme/platform/api', {
      key: 'HAWZU_TOKEN',
      value: 'old-value-123',
      protected: true,
      masked: false,
      raw: false,
      variable_type: 'file',
    })
    gl.seedVariable('project', 'acme/platform/api', {
      key: 'HAWZU_TOKEN',
      value: 'prod-only-123',
      environment_scope: 'production',
    })
    const token = hawzu.addToken('acme')
    const distribute = (line: string) =>
      runPlan(
        buildPlan({
          issuer: 'hawzu',
          'issuer-url': hawzu.url,
          token,
          'secret-name': 'HAWZU_TOKEN',
          'gitlab-token': GL_MAINTAINER,
          'gitlab-url': gl.url,
          destinations: line,
        }),
        { log: silentLogger },
      )
    // A hand-protected file variable stays exactly as its owner set it: only the value changes.
    const kept = await distribute('gitlab:project/acme/platform/api')
    expect(kept.outcome, kept.error).toBe('distributed')
    expect(kept.destinations[0]).toMatchObject({ status: 'updated' })
    expect(kept.destinations[0]!.changes).toBeUndefined()
    expect(gl.variable('project', 'acme/platform/api', 'HAWZU_TOKEN')).toMatchObject({
      value: token,
      protected: true,
      masked: false,
      raw: false,
      variable_type: 'file',
    })
    // Flags the line sets are applied, and the report lists each change.
    const report = await distribute('gitlab:project/acme/platform/api?protected=false&masked=true&raw=true')
    expect(report.outcome, report.error).toBe('distributed')
    expect(report.destinations[0]).toMatchObject({
      status: 'updated',
      changes: ['protected: true -> false', 'masked: false -> true', 'raw: false -> true'],
    })
    expect(gl.variable('project', 'acme/platform/api', 'HAWZU_TOKEN')).toMatchObject({
      value: token,
      protected: false,
      masked: true,
      raw: true,
      variable_type: 'file',
    })
    // The other scope was left alone: the filter was sent.
    expect(gl.variable('project', 'acme/platform/api', 'HAWZU_TOKEN', 'production')!.value).toBe('prod-only-123')
  })

  it('a hidden variable stays masked when the line says masked=false, and the report says so', async () => {
    gl.seedVariable('group', 'acme', {
      key: 'KEPT_HIDDEN',
      value: 'old-hidden-value',
      masked: true,
      hidden: true,
      raw: true,
    })
    const since = gl.requests.length
    const report = await run({ destinations: 'gitlab:group/acme?masked=false&name=KEPT_HIDDEN' })
    expect(report.outcome, report.error).toBe('rotated')
    expect(report.destinations[0]!.changes).toEqual(['masked stays true: GitLab cannot unmask a hidden variable'])
    expect(gl.requests.slice(since).find((r) => r.method === 'PUT')!.body).toMatchObject({ masked: true })
    expect(gl.variable('group', 'acme', 'KEPT_HIDDEN')).toMatchObject({ masked: true, hidden: true })
  })

  it('GitLab\'s 429 "Retry later" is waited out as its Retry-After says, and the run finishes', async () => {
    gl.setRateLimit({ limit: 3, windowMs: 1000 })
    const limitedBefore = gl.requests.filter((r) => r.status === 429).length
    try {
      const plan = buildPlan({
        issuer: 'static',
        token: 'throttled-value-0123456789',
        'secret-name': 'THROTTLED',
        'gitlab-token': GL,
        'gitlab-url': gl.url,
        destinations: 'gitlab:group/acme\ngitlab:project/acme/platform/api',
      })
      const report = await runPlan(plan, { log: silentLogger })
      expect(report.outcome, report.error).toBe('distributed')
      expect(report.requests.rateLimited).toBeGreaterThan(0)
      expect(gl.requests.filter((r) => r.status === 429).length).toBeGreaterThan(limitedBefore)
      for (const [kind, path] of [
        ['group', 'acme'],
        ['project', 'acme/platform/api'],
      ] as const)
        expect(gl.variable(kind, path, 'THROTTLED')?.value).toBe('throttled-value-0123456789')
    } finally {
      gl.setRateLimit(undefined)
    }
  })

  it('hidden=true creates a masked-and-hidden variable', async () => {
    const report = await run({ destinations: 'gitlab:group/acme/platform?hidden=true&name=HIDDEN_TOKEN' })
    expect(report.outcome, report.error).toBe('rotated')
    expect(gl.variable('group', 'acme/platform', 'HIDDEN_TOKEN')).toMatchObject({ hidden: true, masked: true })
  })

  it('a Maintainer cannot write group variables: preflight says an Owner is needed', async () => {
    const report = await run({ destinations: 'gitlab:group/acme/platform', 'gitlab-token': GL_MAINTAINER })
    expect(report.outcome).toBe('failed')
    expect(report.destinations[0]!.detail).toMatch(/must belong to an Owner of the group/)
  })

  it("an unknown group is named with GitLab's own message", async () => {
    const report = await run({ destinations: 'gitlab:group/nope' })
    expect(report.destinations[0]!.detail).toMatch(/GitLab group nope was not found.*404 Group Not Found/)
  })

  it('the mask rule is checked before minting: raw=false passes Rack Gateway tokens, whitespace never masks', async () => {
    const before = rgw.createCount
    const ok = await run({ destinations: 'gitlab:group/acme?raw=false&name=RAW_FALSE' })
    expect(ok.outcome, ok.error).toBe('rotated')
    expect(rgw.createCount).toBe(before + 1)
    const withSpace = hawzu.addToken('acme').replace('hzw_', 'hzw ')
    const plan = buildPlan({
      issuer: 'static',
      token: withSpace,
      'secret-name': 'SPACED',
      'gitlab-token': GL,
      'gitlab-url': gl.url,
      destinations: 'gitlab:group/acme',
    })
    const bad = await runPlan(plan, { log: silentLogger })
    expect(bad.outcome).toBe('failed')
    expect(bad.destinations[0]!.detail).toMatch(
      /GitLab cannot mask this token: a masked value must not contain whitespace/,
    )
    expect(gl.variable('group', 'acme', 'SPACED')).toBeUndefined()
  })
})
