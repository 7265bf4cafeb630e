/**
 * The emulators themselves behave like the real services: raw HTTP against them, checking status
 * codes, bodies and the validation that makes client bugs fail tests.
 */
import sodium from 'libsodium-wrappers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpIssuerEmulator } from './emulators/http-issuer.js'
import { CircleCIEmulator } from './emulators/circleci.js'
import { GitHubEmulator } from './emulators/github.js'
import { GitLabEmulator } from './emulators/gitlab.js'
import { RackGatewayEmulator } from './emulators/rack-gateway.js'

async function call(base: string, method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined }
}

describe('GitHub emulator', () => {
  const gh = new GitHubEmulator()
  const auth = { authorization: 'Bearer pat' }
  beforeAll(async () => {
    await gh.start()
    await sodium.ready
    gh.addToken('pat', { login: 'me' })
    gh.addRepo('acme', 'api')
  })
  afterAll(() => gh.close())

  async function sealedPut(name: string, extra: Record<string, unknown> = {}) {
    const key = (await call(gh.url, 'GET', '/repos/acme/api/actions/secrets/public-key', auth)).body as {
      key: string
      key_id: string
    }
    const box = sodium.crypto_box_seal(
      sodium.from_string('value'),
      sodium.from_base64(key.key, sodium.base64_variants.ORIGINAL),
    )
    return call(gh.url, 'PUT', `/repos/acme/api/actions/secrets/${name}`, auth, {
      encrypted_value: sodium.to_base64(box, sodium.base64_variants.ORIGINAL),
      key_id: key.key_id,
      ...extra,
    })
  }

  it('decrypts a real sealed box; 201 then 204', async () => {
    expect((await sealedPut('FRESH')).status).toBe(201)
    expect((await sealedPut('FRESH')).status).toBe(204)
    expect(gh.secretValue({ repo: 'acme/api' }, 'fresh')).toBe('value')
  })

  it("records OpenAPI violations: a typo'd field, an unknown route", async () => {
    const before = gh.openApiViolations.length
    expect(
      (await call(gh.url, 'PUT', '/repos/acme/api/actions/secrets/X', auth, { encrypted_values: 'aGk=', key_id: '1' }))
        .status,
    ).toBe(422)
    expect((await call(gh.url, 'GET', '/repos/acme/api/secrets', auth)).status).toBe(422)
    const added = gh.openApiViolations.slice(before)
    expect(added.join('\n')).toMatch(/must have required property 'encrypted_value'/)
    expect(added.join('\n')).toMatch(/no such route/)
    gh.openApiViolations.splice(before)
  })

  it('answers 401 Bad credentials, 404 Not Found, 422 for a stale key id', async () => {
    expect(await call(gh.url, 'GET', '/repos/acme/api', { authorization: 'Bearer nope' })).toMatchObject({
      status: 401,
      body: { message: 'Bad credentials' },
    })
    expect(await call(gh.url, 'GET', '/repos/acme/nope', auth)).toMatchObject({
      status: 404,
      body: { message: 'Not Found' },
    })
    expect(
      (
        await call(gh.url, 'PUT', '/repos/acme/api/actions/secrets/X', auth, {
          encrypted_value: 'aGk=',
          key_id: 'stale',
        })
      ).status,
    ).toBe(422)
  })

  it('enforces the secondary limit with retry-after when the budget is on', async () => {
    gh.setBudget({ pointsPerMinute: 10, timeScale: 60 })
    const statuses: number[] = []
    let retryAfter: string | null = null
    for (let i = 0; i < 3; i++) {
      const r = await sealedPut('LIMITED')
      statuses.push(r.status)
      retryAfter ??= r.headers.get('retry-after')
    }
    gh.setBudget(false)
    expect(statuses).toContain(403)
    expect(Number(retryAfter)).toBeGreaterThan(0)
    expect(gh.rateLimited).toBeGreaterThan(0)
  })

  it('enforces an undisclosed writes-per-minute limit on writes only, when set', async () => {
    gh.setBudget({ writesPerMinute: 2, timeScale: 1 })
    const writes: number[] = []
    for (let i = 0; i < 3; i++) writes.push((await sealedPut('WRITE_LIMITED')).status)
    const read = await call(gh.url, 'GET', '/repos/acme/api/actions/secrets/public-key', auth)
    gh.setBudget(false)
    expect(writes.slice(0, 2).every((s) => s === 201 || s === 204)).toBe(true)
    expect(writes[2]).toBe(403)
    // Reads still pass: the limit counts content-creating requests only.
    expect(read.status).toBe(200)
  })
})

describe('Rack Gateway emulator', () => {
  const rgw = new RackGatewayEmulator()
  beforeAll(() => rgw.start())
  afterAll(() => rgw.close())

  it('creates with 200 (not 201), a padded rgw_ token, public_id addressing; rejects duplicates, bad roles, non-admins', async () => {
    const admin = { authorization: `Bearer ${rgw.addAdminToken()}` }
    const created = await call(rgw.url, 'POST', '/api/v1/api-tokens', admin, { name: 'ci-1', role: 'cicd' })
    expect(created.status).toBe(200)
    expect(created.body.token).toMatch(/^rgw_[A-Za-z0-9_-]{43}=$/)
    expect(created.body.api_token.public_id).toMatch(/^[0-9a-f-]{36}$/)
    expect(await call(rgw.url, 'POST', '/api/v1/api-tokens', admin, { name: 'ci-1', role: 'cicd' })).toMatchObject({
      status: 400,
      body: { error: 'token name already exists' },
    })
    expect(await call(rgw.url, 'POST', '/api/v1/api-tokens', admin, { name: 'ci-2', role: 'root' })).toMatchObject({
      status: 400,
      body: { error: 'invalid role: root (valid roles: viewer, ops, deployer, cicd, admin)' },
    })
    const viewer = { authorization: `Bearer ${created.body.token}` }
    expect((await call(rgw.url, 'POST', '/api/v1/api-tokens', viewer, { name: 'ci-3', role: 'cicd' })).status).toBe(403)
    expect((await call(rgw.url, 'GET', '/api/v1/info', viewer)).status).toBe(200)
    expect(
      (await call(rgw.url, 'DELETE', `/api/v1/api-tokens/${created.body.api_token.public_id}`, admin)).status,
    ).toBe(204)
    expect(await call(rgw.url, 'GET', '/api/v1/info', viewer)).toMatchObject({
      status: 401,
      body: { error: expect.stringMatching(/^authentication failed: invalid API token/) },
    })
  })
})

describe('http issuer emulator (contract)', () => {
  const http = new HttpIssuerEmulator()
  beforeAll(() => http.start())
  afterAll(() => http.close())

  it('expired and disabled tokens fail whoami; the contract flags a bad body', async () => {
    const admin = { authorization: `Bearer ${http.addAdminToken()}` }
    const soon = new Date(Date.now() + 60_000).toISOString()
    const t = await call(http.url, 'POST', '/tokens', admin, {
      name: 'x',
      scope: 'workspace',
      role: 'viewer',
      expires_at: soon,
    })
    expect(t.status).toBe(201)
    const bearer = { authorization: `Bearer ${t.body.token}` }
    expect((await call(http.url, 'GET', '/whoami', bearer)).status).toBe(200)
    await call(http.url, 'POST', `/tokens/${t.body.id}/disable`, admin)
    expect(await call(http.url, 'GET', '/whoami', bearer)).toMatchObject({
      status: 401,
      body: { error: { code: 'token_disabled' } },
    })
    await call(http.url, 'POST', `/tokens/${t.body.id}/enable`, admin)
    http.clock = () => new Date(Date.now() + 120_000)
    expect(await call(http.url, 'GET', '/whoami', bearer)).toMatchObject({
      status: 401,
      body: { error: { code: 'token_expired' } },
    })
    http.clock = () => new Date()
    expect(http.contractViolations).toEqual([])
    expect(
      (await call(http.url, 'POST', '/tokens', admin, { name: 'y', scope: 'workspace', role: 'viewer', expiry: '1d' }))
        .status,
    ).toBe(400)
    expect(http.contractViolations.join('\n')).toMatch(/must NOT have additional properties/)
  })
})

describe('CircleCI and GitLab emulators', () => {
  const cci = new CircleCIEmulator({ rateLimit: { limit: 2, windowMs: 1000 } })
  const gl = new GitLabEmulator()
  beforeAll(async () => {
    await Promise.all([cci.start(), gl.start()])
    cci.addOrg('gh/acme')
    cci.addToken('cc', { orgs: ['gh/acme'] })
    gl.addGroup('acme')
    gl.addToken('gl', { username: 'o', access: { acme: 50 } })
  })
  afterAll(() => Promise.all([cci.close(), gl.close()]))

  it('CircleCI: 401 text and 429 with Retry-After', async () => {
    expect(await call(cci.url, 'GET', '/api/v2/me', { 'circle-token': 'bad' })).toMatchObject({
      status: 401,
      body: { message: 'You must log in first.' },
    })
    const statuses = []
    for (let i = 0; i < 3; i++)
      statuses.push((await call(cci.url, 'GET', '/api/v2/me', { 'circle-token': 'cc' })).status)
    expect(statuses).toContain(429)
  })

  it('GitLab: taken keys, the mask rule, 409 across scopes unless filtered, hidden values read as null', async () => {
    const h = { 'private-token': 'gl' }
    expect(
      (await call(gl.url, 'POST', '/api/v4/groups/acme/variables', h, { key: 'K', value: 'value-1234', masked: true }))
        .status,
    ).toBe(201)
    expect(
      await call(gl.url, 'POST', '/api/v4/groups/acme/variables', h, { key: 'K', value: 'value-1234' }),
    ).toMatchObject({ status: 400, body: { message: { key: ['(K) has already been taken'] } } })
    expect(
      await call(gl.url, 'POST', '/api/v4/groups/acme/variables', h, {
        key: 'M',
        value: 'has space in it',
        masked: true,
        raw: true,
      }),
    ).toMatchObject({ status: 400, body: { message: { value: ['is invalid'] } } })
    expect(
      (
        await call(gl.url, 'POST', '/api/v4/groups/acme/variables', h, {
          key: 'M',
          value: 'ends-with-equals=',
          masked: true,
          raw: false,
        })
      ).status,
    ).toBe(201)
    await call(gl.url, 'POST', '/api/v4/groups/acme/variables', h, {
      key: 'K',
      value: 'value-5678',
      environment_scope: 'prod',
    })
    expect((await call(gl.url, 'GET', '/api/v4/groups/acme/variables/K', h)).status).toBe(409)
    expect(
      (await call(gl.url, 'GET', '/api/v4/groups/acme/variables/K?filter[environment_scope]=prod', h)).body.value,
    ).toBe('value-5678')
    await call(gl.url, 'POST', '/api/v4/groups/acme/variables', h, {
      key: 'H',
      value: 'hidden-value',
      masked_and_hidden: true,
      masked: true,
    })
    expect((await call(gl.url, 'GET', '/api/v4/groups/acme/variables/H', h)).body).toMatchObject({
      value: null,
      hidden: true,
    })
    expect(await call(gl.url, 'GET', '/api/v4/groups/nope', h)).toMatchObject({
      status: 404,
      body: { message: '404 Group Not Found' },
    })
  })
})
