/** CircleCI and GitLab destinations through the engine (in-process) against their emulators. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { silentLogger } from '../src/log.js'
import { buildPlan, type Inputs } from '../src/plan.js'
import { runPlan } from '../src/runner.js'
import { HawzuEmulator } from './emulators/bearer-verify.js'
import { CircleCIEmulator } from './emulators/circleci.js'
import { GitLabEmulator } from './emulators/gitlab.js'
import { RackGatewayEmulator } from './emulators/rack-gateway.js'

let cci: CircleCIEmulator
let gl: GitLabEmulator
let rgw: RackGatewayEmulator
let hawzu: HawzuEmulator
const CCI = 'circle-token-0000000000000000'
const GL = 'glpat-owner-000000000000000'
const GL_MAINTAINER = 'glpat-maint-000000000000000'

beforeAll(async () => {
  cci = new CircleCIEmulator()
  gl = new GitLabEmulator()
  rgw = new RackGatewayEmulator()
  hawzu = new HawzuEmulator()
  await Promise.all([cci, gl, rgw, hawzu].map((e) => e.start()))
  cci.addOrg('gh/acme')
  cci.addToken(CCI, { orgs: ['gh/acme'] })
  cci.addProject('gh/acme/api')
  // More contexts than one page, so finding `rwx` means following next_page_token.
  for (let i = 0; i < 45; i++) cci.addContext('gh/acme', `ctx-${i}`)
  gl.addGroup('acme')
  gl.addGroup('acme/platform')
  gl.addProject('acme/platform/api')
  gl.addToken(GL, { username: 'owner', access: { acme: 50 } })
  gl.addToken(GL_MAINTAINER, { username: 'maint', access: { 'acme/platform': 40 } })
})
afterAll(async () => Promise.all([cci, gl, rgw, hawzu].map((e) => e.close())))

function run(extra: Inputs) {
  const plan = buildPlan({ issuer: 'rack-gateway', 'issuer-url': rgw.url, 'issuer-token': rgw.addAdminToken(), 'token-role': 'cicd', 'circleci-token': CCI, 'circleci-url': cci.url, 'gitlab-token': GL, 'gitlab-url': gl.url, ...extra })
  return runPlan(plan, { log: silentLogger })
}

describe('circleci destinations', () => {
  it('creates a missing context (found by owner slug across pages) and writes the exact value; updates next time', async () => {
    const first = await run({ destinations: 'circleci:context/gh/acme/rwx\ncircleci:project/gh/acme/api' })
    expect(first.outcome, first.error).toBe('rotated')
    expect(first.destinations[0]).toMatchObject({ status: 'created', changes: ['context "rwx" created'] })
    const value = cci.contextValue('gh/acme', 'rwx', 'RACK_GATEWAY_API_TOKEN')!
    expect(rgw.isValid(value)).toBe(true)
    expect(value.endsWith('\n')).toBe(false)
    expect(cci.projectValue('gh/acme/api', 'RACK_GATEWAY_API_TOKEN')).toBe(value)
    const second = await run({ destinations: 'circleci:context/gh/acme/rwx\ncircleci:project/gh/acme/api' })
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
    expect(badToken.destinations[0]!.detail).toMatch(/circleci-token was rejected by CircleCI \(401 "You must log in first\."\)/)
    expect(rgw.createCount).toBe(before)
  })
})

describe('gitlab destinations', () => {
  it('creates a group variable with the RWX defaults: masked, not protected, raw, env_var, scope *', async () => {
    const report = await run({ destinations: 'gitlab:group/acme' })
    expect(report.outcome, report.error).toBe('rotated')
    const v = gl.variable('group', 'acme', 'RACK_GATEWAY_API_TOKEN')!
    expect(v).toMatchObject({ masked: true, protected: false, raw: true, variable_type: 'env_var', environment_scope: '*', hidden: false })
    expect(rgw.isValid(v.value)).toBe(true)
  })

  it("updates an existing variable to the line's flags and reports what changed", async () => {
    gl.seedVariable('project', 'acme/platform/api', { key: 'HAWZU_TOKEN', value: 'old-value-123', protected: true, masked: false, raw: false })
    gl.seedVariable('project', 'acme/platform/api', { key: 'HAWZU_TOKEN', value: 'prod-only-123', environment_scope: 'production' })
    const token = hawzu.addToken('acme')
    const plan = buildPlan({ issuer: 'hawzu', 'issuer-url': hawzu.url, token, 'secret-name': 'HAWZU_TOKEN', 'gitlab-token': GL_MAINTAINER, 'gitlab-url': gl.url, destinations: 'gitlab:project/acme/platform/api' })
    const report = await runPlan(plan, { log: silentLogger })
    expect(report.outcome, report.error).toBe('distributed')
    expect(report.destinations[0]).toMatchObject({ status: 'updated', changes: ['protected: true -> false', 'masked: false -> true', 'raw: false -> true'] })
    expect(gl.variable('project', 'acme/platform/api', 'HAWZU_TOKEN')).toMatchObject({ value: token, protected: false, masked: true, raw: true })
    // The other scope was left alone: the filter was sent.
    expect(gl.variable('project', 'acme/platform/api', 'HAWZU_TOKEN', 'production')!.value).toBe('prod-only-123')
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

  it('an unknown group is named with GitLab\'s own message', async () => {
    const report = await run({ destinations: 'gitlab:group/nope' })
    expect(report.destinations[0]!.detail).toMatch(/GitLab group nope was not found.*404 Group Not Found/)
  })

  it('the mask rule is checked before minting: raw=false passes Rack Gateway tokens, whitespace never masks', async () => {
    const before = rgw.createCount
    const ok = await run({ destinations: 'gitlab:group/acme?raw=false&name=RAW_FALSE' })
    expect(ok.outcome, ok.error).toBe('rotated')
    expect(rgw.createCount).toBe(before + 1)
    const withSpace = hawzu.addToken('acme').replace('hzw_', 'hzw ')
    const plan = buildPlan({ issuer: 'static', token: withSpace, 'secret-name': 'SPACED', 'gitlab-token': GL, 'gitlab-url': gl.url, destinations: 'gitlab:group/acme' })
    const bad = await runPlan(plan, { log: silentLogger })
    expect(bad.outcome).toBe('failed')
    expect(bad.destinations[0]!.detail).toMatch(/GitLab cannot mask this token: a masked value must not contain whitespace/)
    expect(gl.variable('group', 'acme', 'SPACED')).toBeUndefined()
  })
})
