/**
 * The CircleCI and GitLab emulators answer like the real services: raw HTTP against them, checking
 * status codes, bodies, headers and the rules (pagination, name and mask rules, scopes, permissions,
 * hidden values, rate limits) that make client bugs fail tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CircleCIEmulator } from './circleci.js'
import { ACCESS, GitLabEmulator } from './gitlab.js'

interface Answer {
  status: number
  headers: Headers
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are inspected field by field
  body: any
}

async function call(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Answer> {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  const isJson = res.headers.get('content-type')?.includes('json')
  return { status: res.status, headers: res.headers, body: isJson && text ? JSON.parse(text) : text }
}

describe('CircleCI emulator', () => {
  const cci = new CircleCIEmulator({ pageSize: 5 })
  const h = { 'circle-token': 'cci-token' }
  const call$ = (method: string, path: string, body?: unknown, headers: Record<string, string> = h) =>
    call(cci.url, method, `/api/v2${path}`, headers, body)
  let acmeId: string

  beforeAll(async () => {
    await cci.start()
    acmeId = cci.addOrg('gh/acme')
    cci.addOrg('gh/other')
    cci.addToken('cci-token', { orgs: ['gh/acme'], login: 'rotator' })
    cci.addProject('gh/acme/api')
    cci.addProject('gh/other/secret')
  })
  afterAll(() => cci.close())

  it('GET /me answers the token owner, and 401 "You must log in first." without a valid token', async () => {
    expect(await call$('GET', '/me')).toMatchObject({
      status: 200,
      body: { login: 'rotator', name: 'rotator', id: expect.any(String) },
    })
    for (const headers of [{ 'circle-token': 'wrong' }, {}] as Record<string, string>[]) {
      expect(await call$('GET', '/me', undefined, headers)).toMatchObject({
        status: 401,
        body: { message: 'You must log in first.' },
      })
    }
  })

  it('lists contexts in small pages with opaque next_page_token, by owner slug or owner id', async () => {
    for (let i = 0; i < 12; i++) cci.addContext('gh/acme', `page-${String(i).padStart(2, '0')}`)
    const pages: string[][] = []
    let token: string | null = null
    do {
      const q: string = token ? `&page-token=${encodeURIComponent(token)}` : ''
      const res = await call$('GET', `/context?owner-slug=gh/acme&owner-type=organization${q}`)
      expect(res.status).toBe(200)
      expect(Object.keys(res.body.items[0]).sort()).toEqual(['created_at', 'id', 'name'])
      pages.push(res.body.items.map((c: { name: string }) => c.name))
      token = res.body.next_page_token
      if (token) expect(token).not.toMatch(/^\d+$/)
    } while (token)
    expect(pages.map((p) => p.length)).toEqual([5, 5, 2])
    expect(pages.flat()).toEqual(cci.contexts('gh/acme').map((c) => c.name))
    const byId = await call$('GET', `/context?owner-id=${acmeId}`)
    expect(byId.body.items).toHaveLength(5)
    expect(await call$('GET', '/context?owner-slug=gh/acme&page-token=%%%')).toMatchObject({ status: 400 })
  })

  it('answers 404 {message} for an unknown org and for an org the token does not belong to', async () => {
    for (const slug of ['gh/nobody', 'gh/other']) {
      const res = await call$('GET', `/context?owner-slug=${slug}`)
      expect(res.status).toBe(404)
      expect(res.body.message).toEqual(expect.any(String))
    }
    expect(
      (await call$('POST', '/context', { name: 'x', owner: { slug: 'gh/other', type: 'organization' } })).status,
    ).toBe(404)
  })

  it('POST /context creates (200), refuses a duplicate name, and stops at 500 contexts per org', async () => {
    const created = await call$('POST', '/context', { name: 'rwx', owner: { slug: 'gh/acme', type: 'organization' } })
    expect(created).toMatchObject({
      status: 200,
      body: { id: expect.any(String), name: 'rwx', created_at: expect.any(String) },
    })
    expect(cci.contexts('gh/acme').filter((c) => c.name === 'rwx')).toHaveLength(1)
    expect(await call$('POST', '/context', { name: 'rwx', owner: { id: acmeId, type: 'organization' } })).toMatchObject(
      { status: 400, body: { message: 'A context already exists with this name' } },
    )
    const full = cci.addOrg('gh/full')
    cci.addToken('cci-full', { orgs: ['gh/full'] })
    for (let i = 0; i < 500; i++) cci.addContext('gh/full', `c${i}`)
    const over = await call(
      cci.url,
      'POST',
      '/api/v2/context',
      { 'circle-token': 'cci-full' },
      { name: 'one-more', owner: { id: full, type: 'organization' } },
    )
    expect(over.status).toBe(400)
    expect(cci.contexts('gh/full')).toHaveLength(500)
  })

  it('PUT upserts a context variable (200 both times), stores the exact value, lists names only, DELETE answers {message}', async () => {
    const id = cci.addContext('gh/acme', 'vars')
    const first = await call$('PUT', `/context/${id}/environment-variable/RWX_ACCESS_TOKEN`, { value: 'rwx_abc=' })
    expect(first).toMatchObject({
      status: 200,
      body: {
        variable: 'RWX_ACCESS_TOKEN',
        context_id: id,
        created_at: expect.any(String),
        updated_at: expect.any(String),
      },
    })
    expect(first.body).not.toHaveProperty('value')
    const second = await call$('PUT', `/context/${id}/environment-variable/RWX_ACCESS_TOKEN`, {
      value: 'rwx_new-value',
    })
    expect(second.status).toBe(200)
    expect(second.body.created_at).toBe(first.body.created_at)
    expect(cci.contextValue('gh/acme', 'vars', 'RWX_ACCESS_TOKEN')).toBe('rwx_new-value')
    for (let i = 0; i < 6; i++) await call$('PUT', `/context/${id}/environment-variable/V_${i}`, { value: 'v' })
    const page1 = await call$('GET', `/context/${id}/environment-variable`)
    expect(page1.body.items).toHaveLength(5)
    expect(page1.body.items[0]).toEqual({
      variable: 'RWX_ACCESS_TOKEN',
      context_id: id,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    })
    const page2 = await call$('GET', `/context/${id}/environment-variable?page-token=${page1.body.next_page_token}`)
    expect(page2.body).toMatchObject({ items: [{ variable: 'V_4' }, { variable: 'V_5' }], next_page_token: null })
    expect(await call$('DELETE', `/context/${id}/environment-variable/V_0`)).toMatchObject({
      status: 200,
      body: { message: expect.any(String) },
    })
    expect(cci.contexts('gh/acme').find((c) => c.id === id)!.variables).not.toContain('V_0')
    expect(
      (await call$('PUT', '/context/00000000-0000-0000-0000-000000000000/environment-variable/X', { value: 'v' }))
        .status,
    ).toBe(404)
  })

  it('enforces the name rule, the 32 KB value limit and 100 variables per context', async () => {
    const id = cci.addContext('gh/acme', 'rules')
    const put = (name: string, value: unknown) =>
      call$('PUT', `/context/${id}/environment-variable/${encodeURIComponent(name)}`, { value })
    for (const bad of ['1ABC', 'A-B', 'A B', 'x'.repeat(301)]) expect((await put(bad, 'v')).status, bad).toBe(400)
    for (const good of ['_ok', 'a1', 'x'.repeat(300)]) expect((await put(good, 'v')).status, good).toBe(200)
    expect((await put('BIG', 'x'.repeat(32 * 1024 + 1))).status).toBe(400)
    expect((await put('BIG', 'x'.repeat(32 * 1024))).status).toBe(200)
    expect((await put('NO_VALUE', undefined)).status).toBe(400)
    for (let i = cci.contexts('gh/acme').find((c) => c.id === id)!.variables.length; i < 100; i++)
      expect((await put(`FILL_${i}`, 'v')).status).toBe(200)
    expect(await put('ONE_TOO_MANY', 'v')).toMatchObject({ status: 400, body: { message: expect.any(String) } })
    expect((await put('BIG', 'still updatable')).status).toBe(200)
  })

  it('project variables: 201 with the value masked as xxxx + last four, raw value kept, escaped slugs, 404 "Project not found"', async () => {
    expect(await call$('GET', '/project/gh/acme/api')).toMatchObject({
      status: 200,
      body: { slug: 'gh/acme/api', name: 'api', organization_slug: 'gh/acme', organization_id: acmeId },
    })
    expect(await call$('GET', '/project/gh%2Facme%2Fapi')).toMatchObject({ status: 200, body: { slug: 'gh/acme/api' } })
    for (const slug of ['gh/acme/nope', 'gh/other/secret'])
      expect(await call$('GET', `/project/${slug}`)).toMatchObject({
        status: 404,
        body: { message: 'Project not found' },
      })
    const created = await call$('POST', '/project/gh/acme/api/envvar', {
      name: 'RWX_ACCESS_TOKEN',
      value: 'secret-value-1234',
    })
    expect(created).toMatchObject({ status: 201, body: { name: 'RWX_ACCESS_TOKEN', value: 'xxxx1234' } })
    expect(cci.projectValue('gh/acme/api', 'RWX_ACCESS_TOKEN')).toBe('secret-value-1234')
    expect(
      (await call$('POST', '/project/gh%2Facme%2Fapi/envvar', { name: 'RWX_ACCESS_TOKEN', value: 'replaced-5678' }))
        .status,
    ).toBe(201)
    expect(cci.projectValue('gh/acme/api', 'RWX_ACCESS_TOKEN')).toBe('replaced-5678')
    expect(await call$('GET', '/project/gh/acme/api/envvar')).toMatchObject({
      status: 200,
      body: { items: [{ name: 'RWX_ACCESS_TOKEN', value: 'xxxx5678' }], next_page_token: null },
    })
    expect(await call$('GET', '/project/gh/acme/api/envvar/RWX_ACCESS_TOKEN')).toMatchObject({
      status: 200,
      body: { name: 'RWX_ACCESS_TOKEN', value: 'xxxx5678' },
    })
    expect((await call$('GET', '/project/gh/acme/api/envvar/MISSING')).status).toBe(404)
    expect((await call$('POST', '/project/gh/acme/api/envvar', { name: '9LIVES', value: 'v' })).status).toBe(400)
    expect((await call$('POST', '/project/gh/other/secret/envvar', { name: 'X', value: 'v' })).status).toBe(404)
  })

  it('answers 429 with Retry-After in whole seconds when the rate limit is on, and recovers when it is off', async () => {
    cci.setRateLimit({ limit: 2, windowMs: 60_000 })
    try {
      const statuses = []
      for (let i = 0; i < 3; i++) statuses.push(await call$('GET', '/me'))
      expect(statuses.map((r) => r.status)).toEqual([200, 200, 429])
      expect(statuses[2]!.headers.get('retry-after')).toMatch(/^[1-9]\d*$/)
      expect(Number(statuses[2]!.headers.get('retry-after'))).toBeLessThanOrEqual(60)
      expect(statuses[2]!.body).toEqual({ message: expect.any(String) })
    } finally {
      cci.setRateLimit(undefined)
    }
    expect((await call$('GET', '/me')).status).toBe(200)
  })
})

describe('GitLab emulator', () => {
  const gl = new GitLabEmulator()
  const owner = { 'private-token': 'glpat-owner' }
  const maintainer = { 'private-token': 'glpat-maint' }
  const call$ = (method: string, path: string, body?: unknown, headers: Record<string, string> = owner) =>
    call(gl.url, method, `/api/v4${path}`, headers, body)
  let apiId: number

  beforeAll(async () => {
    await gl.start()
    gl.addGroup('acme/platform')
    apiId = gl.addProject('acme/platform/api')
    gl.addGroup('elsewhere')
    gl.addToken('glpat-owner', { username: 'owner', access: { acme: ACCESS.owner } })
    gl.addToken('glpat-maint', { username: 'maint', access: { 'acme/platform': ACCESS.maintainer } })
    gl.addToken('glpat-dev', { username: 'dev', access: { 'acme/platform/api': ACCESS.developer } })
    gl.addToken('glpat-read-api', { username: 'reader', scopes: ['read_api'], access: { acme: ACCESS.owner } })
    gl.addToken('glpat-read-user', { username: 'user-only', scopes: ['read_user'], access: { acme: ACCESS.owner } })
  })
  afterAll(() => gl.close())

  it('authenticates with PRIVATE-TOKEN or Bearer; 401 "401 Unauthorized" otherwise; /personal_access_tokens/self shows scopes', async () => {
    expect(await call$('GET', '/user')).toMatchObject({
      status: 200,
      body: { username: 'owner', state: 'active', id: expect.any(Number) },
    })
    expect(await call$('GET', '/user', undefined, { authorization: 'Bearer glpat-maint' })).toMatchObject({
      status: 200,
      body: { username: 'maint' },
    })
    expect(await call$('GET', '/user', undefined, { 'private-token': 'glpat-wrong' })).toMatchObject({
      status: 401,
      body: { message: '401 Unauthorized' },
    })
    expect(
      await call$('GET', '/personal_access_tokens/self', undefined, { 'private-token': 'glpat-read-user' }),
    ).toMatchObject({ status: 200, body: { scopes: ['read_user'], active: true, revoked: false } })
  })

  it('a token without the api scope gets 403 insufficient_scope (read_api may only read)', async () => {
    expect((await call$('GET', '/user', undefined, { 'private-token': 'glpat-read-user' })).status).toBe(200)
    const denied = await call$('GET', '/groups/acme/variables', undefined, { 'private-token': 'glpat-read-user' })
    expect(denied).toMatchObject({
      status: 403,
      body: { error: 'insufficient_scope', error_description: expect.stringMatching(/higher privileges/) },
    })
    expect(
      (await call$('GET', '/groups/acme/variables', undefined, { 'private-token': 'glpat-read-api' })).status,
    ).toBe(200)
    expect(
      await call$('POST', '/groups/acme/variables', { key: 'K', value: 'v' }, { 'private-token': 'glpat-read-api' }),
    ).toMatchObject({ status: 403, body: { error: 'insufficient_scope', scope: 'api' } })
  })

  it('finds groups and projects by id or URL-encoded path; 404 texts for unknown or invisible ones', async () => {
    expect(await call$('GET', '/groups/acme%2Fplatform')).toMatchObject({
      status: 200,
      body: { full_path: 'acme/platform', parent_id: expect.any(Number) },
    })
    expect(await call$('GET', `/projects/${apiId}`)).toMatchObject({
      status: 200,
      body: { path_with_namespace: 'acme/platform/api' },
    })
    expect(await call$('GET', '/projects/ACME%2Fplatform%2Fapi')).toMatchObject({ status: 200, body: { id: apiId } })
    expect(await call$('GET', '/groups/nope')).toMatchObject({ status: 404, body: { message: '404 Group Not Found' } })
    expect(await call$('GET', '/groups/elsewhere')).toMatchObject({
      status: 404,
      body: { message: '404 Group Not Found' },
    })
    expect(await call$('GET', '/projects/acme%2Fnope')).toMatchObject({
      status: 404,
      body: { message: '404 Project Not Found' },
    })
    expect(await call$('GET', '/groups/acme/platform')).toMatchObject({ status: 404, body: { error: '404 Not Found' } })
  })

  it('POST creates (201) with the API defaults; an existing key+scope is "(KEY) has already been taken"; PUT 200; DELETE 204', async () => {
    const created = await call$('POST', '/groups/acme/variables', { key: 'PLAIN', value: 'value with spaces' })
    expect(created.status).toBe(201)
    expect(created.body).toEqual({
      variable_type: 'env_var',
      key: 'PLAIN',
      value: 'value with spaces',
      hidden: false,
      protected: false,
      masked: false,
      raw: false,
      environment_scope: '*',
      description: null,
    })
    expect(await call$('POST', '/groups/acme/variables', { key: 'PLAIN', value: 'again' })).toMatchObject({
      status: 400,
      body: { message: { key: ['(PLAIN) has already been taken'] } },
    })
    expect(
      (
        await call$('POST', '/groups/acme/variables', {
          key: 'PLAIN',
          value: 'scoped',
          environment_scope: 'production',
        })
      ).status,
    ).toBe(201)
    const updated = await call$('PUT', '/groups/acme/variables/PLAIN?filter[environment_scope]=production', {
      value: 'scoped-2',
      protected: true,
    })
    expect(updated).toMatchObject({
      status: 200,
      body: { value: 'scoped-2', protected: true, environment_scope: 'production' },
    })
    const deleted = await call$('DELETE', '/groups/acme/variables/PLAIN?filter[environment_scope]=production')
    expect(deleted).toMatchObject({ status: 204, body: '' })
    expect(gl.variable('group', 'acme', 'PLAIN', 'production')).toBeUndefined()
    expect(await call$('GET', '/groups/acme/variables/NOPE')).toMatchObject({
      status: 404,
      body: { message: '404 GroupVariable Not Found' },
    })
    expect(await call$('GET', '/projects/acme%2Fplatform%2Fapi/variables/NOPE')).toMatchObject({
      status: 404,
      body: { message: '404 Variable Not Found' },
    })
  })

  it('rejects bad keys, long values, missing parameters and unknown variable types', async () => {
    expect(await call$('POST', '/groups/acme/variables', { key: 'BAD-KEY', value: 'v' })).toMatchObject({
      status: 400,
      body: { message: { key: ["can contain only letters, digits and '_'."] } },
    })
    expect(await call$('POST', '/groups/acme/variables', { key: 'K'.repeat(256), value: 'v' })).toMatchObject({
      status: 400,
      body: { message: { key: ['is too long (maximum is 255 characters)'] } },
    })
    expect((await call$('POST', '/groups/acme/variables', { key: 'K'.repeat(255), value: 'v' })).status).toBe(201)
    expect(await call$('POST', '/groups/acme/variables', { key: 'LONG', value: 'v'.repeat(10_001) })).toMatchObject({
      status: 400,
      body: { message: { value: ['is too long (maximum is 10000 characters)'] } },
    })
    expect((await call$('POST', '/groups/acme/variables', { key: 'LONG', value: 'v'.repeat(10_000) })).status).toBe(201)
    expect(await call$('POST', '/groups/acme/variables', { key: 'NO_VALUE' })).toMatchObject({
      status: 400,
      body: { error: 'value is missing' },
    })
    expect(
      await call$('POST', '/groups/acme/variables', { key: 'T', value: 'v', variable_type: 'secret' }),
    ).toMatchObject({ status: 400, body: { error: 'variable_type does not have a valid value' } })
    expect(await call$('POST', '/groups/acme/variables', { key: 'B', value: 'v', masked: 'perhaps' })).toMatchObject({
      status: 400,
      body: { error: 'masked is invalid' },
    })
  })

  it('applies the mask rule: raw=false allows [a-zA-Z0-9_+=/@:.~-] (a trailing = too), raw=true anything but whitespace, both >= 8 chars', async () => {
    const post = (key: string, value: string, raw: boolean) =>
      call$('POST', '/groups/acme/variables', { key, value, masked: true, raw })
    expect((await post('M_EQUALS', 'rgw_abcDEF123-_=', false)).status).toBe(201)
    expect(gl.variable('group', 'acme', 'M_EQUALS')).toMatchObject({
      value: 'rgw_abcDEF123-_=',
      masked: true,
      raw: false,
    })
    expect(await post('M_BANG', 'value-with-!', false)).toMatchObject({
      status: 400,
      body: { message: { value: ['is invalid'] } },
    })
    expect((await post('M_BANG', 'value-with-!', true)).status).toBe(201)
    expect(await post('M_SHORT', 'short', true)).toMatchObject({
      status: 400,
      body: { message: { value: ['is invalid'] } },
    })
    for (const ws of ['has space', 'has\ttab0', 'line\nbreak'])
      expect(await post('M_WS', ws, true)).toMatchObject({ status: 400, body: { message: { value: ['is invalid'] } } })
    expect(await call$('PUT', '/groups/acme/variables/M_BANG', { raw: false })).toMatchObject({
      status: 400,
      body: { message: { value: ['is invalid'] } },
    })
  })

  it('a key in several scopes is 409 on GET, DELETE and project PUT unless filter[environment_scope] is given', async () => {
    const base = '/projects/acme%2Fplatform%2Fapi/variables'
    await call$('POST', base, { key: 'MULTI', value: 'all-scopes' })
    await call$('POST', base, { key: 'MULTI', value: 'prod-only', environment_scope: 'production' })
    const conflict = {
      status: 409,
      body: {
        message: "There are multiple variables with provided parameters. Please use 'filter[environment_scope]'",
      },
    }
    expect(await call$('GET', `${base}/MULTI`)).toMatchObject(conflict)
    expect(await call$('PUT', `${base}/MULTI`, { value: 'x' })).toMatchObject(conflict)
    expect(await call$('DELETE', `${base}/MULTI`)).toMatchObject(conflict)
    expect(await call$('GET', `${base}/MULTI?filter[environment_scope]=production`)).toMatchObject({
      status: 200,
      body: { value: 'prod-only' },
    })
    // The filter may travel in the JSON body as well.
    expect(await call$('PUT', `${base}/MULTI`, { value: 'new-all', filter: { environment_scope: '*' } })).toMatchObject(
      { status: 200, body: { value: 'new-all', environment_scope: '*' } },
    )
    expect(gl.variable('project', 'acme/platform/api', 'MULTI', 'production')!.value).toBe('prod-only')
    // Moving a variable onto a scope its key already holds is refused.
    expect(
      await call$('PUT', `${base}/MULTI?filter[environment_scope]=*`, { environment_scope: 'production' }),
    ).toMatchObject({ status: 400, body: { message: { key: ['(MULTI) has already been taken'] } } })
  })

  it('group PUT without a filter updates the first variable with the key, as GitLab does for compatibility', async () => {
    await call$('POST', '/groups/acme/variables', { key: 'GROUP_MULTI', value: 'star' })
    await call$('POST', '/groups/acme/variables', {
      key: 'GROUP_MULTI',
      value: 'prod',
      environment_scope: 'production',
    })
    expect((await call$('GET', '/groups/acme/variables/GROUP_MULTI')).status).toBe(409)
    expect(await call$('PUT', '/groups/acme/variables/GROUP_MULTI', { value: 'changed' })).toMatchObject({
      status: 200,
      body: { environment_scope: '*', value: 'changed' },
    })
    expect(gl.variable('group', 'acme', 'GROUP_MULTI', 'production')!.value).toBe('prod')
  })

  it('masked_and_hidden stores a masked, hidden variable whose value reads back as null and cannot be unmasked', async () => {
    const created = await call$('POST', '/groups/acme/variables', {
      key: 'HIDDEN',
      value: 'hidden-value-1',
      masked_and_hidden: true,
      masked: false,
      raw: true,
    })
    expect(created).toMatchObject({ status: 201, body: { value: null, hidden: true, masked: true } })
    expect(await call$('GET', '/groups/acme/variables/HIDDEN')).toMatchObject({
      status: 200,
      body: { value: null, hidden: true },
    })
    expect(
      (await call$('GET', '/groups/acme/variables')).body.find((v: { key: string }) => v.key === 'HIDDEN').value,
    ).toBeNull()
    expect(gl.variable('group', 'acme', 'HIDDEN')).toMatchObject({
      value: 'hidden-value-1',
      hidden: true,
      masked: true,
    })
    expect(await call$('PUT', '/groups/acme/variables/HIDDEN', { masked: false })).toMatchObject({
      status: 400,
      body: { message: { base: ['The visibility setting cannot be changed for masked and hidden variables.'] } },
    })
    expect(
      await call$('PUT', '/groups/acme/variables/HIDDEN', { value: 'hidden-value-2', masked: true }),
    ).toMatchObject({ status: 200, body: { value: null } })
    expect(gl.variable('group', 'acme', 'HIDDEN')!.value).toBe('hidden-value-2')
    // `hidden` itself is not a parameter: it is ignored on create.
    expect(
      await call$('POST', '/groups/acme/variables', { key: 'NOT_HIDDEN', value: 'visible-value', hidden: true }),
    ).toMatchObject({ status: 201, body: { hidden: false, value: 'visible-value' } })
  })

  it('group variables need Owner (a Maintainer gets 403), project variables Maintainer (a Developer gets 403)', async () => {
    expect((await call$('GET', '/groups/acme%2Fplatform', undefined, maintainer)).status).toBe(200)
    for (const [method, path] of [
      ['GET', '/groups/acme%2Fplatform/variables'],
      ['POST', '/groups/acme%2Fplatform/variables'],
      ['PUT', '/groups/acme%2Fplatform/variables/ANY'],
    ] as const) {
      expect(
        await call$(method, path, method === 'GET' ? undefined : { key: 'ANY', value: 'v' }, maintainer),
      ).toMatchObject({ status: 403, body: { message: '403 Forbidden' } })
    }
    expect(
      (
        await call$(
          'POST',
          '/projects/acme%2Fplatform%2Fapi/variables',
          { key: 'BY_MAINTAINER', value: 'v' },
          maintainer,
        )
      ).status,
    ).toBe(201)
    expect(
      await call$('GET', '/projects/acme%2Fplatform%2Fapi/variables', undefined, { 'private-token': 'glpat-dev' }),
    ).toMatchObject({ status: 403, body: { message: '403 Forbidden' } })
    expect(await call$('GET', '/groups/acme', undefined, maintainer)).toMatchObject({
      status: 404,
      body: { message: '404 Group Not Found' },
    })
  })

  it('a seeded variable keeps its flags until a PUT changes them', async () => {
    gl.seedVariable('project', 'acme/platform/api', {
      key: 'SEEDED',
      value: 'old-value-1',
      protected: true,
      masked: true,
    })
    expect(await call$('GET', `/projects/${apiId}/variables/SEEDED`)).toMatchObject({
      status: 200,
      body: { protected: true, masked: true, value: 'old-value-1' },
    })
    expect(
      (
        await call$('PUT', `/projects/${apiId}/variables/SEEDED?filter[environment_scope]=*`, {
          value: 'new-value-2',
          protected: false,
          raw: true,
        })
      ).status,
    ).toBe(200)
    expect(gl.variable('project', 'acme/platform/api', 'SEEDED')).toMatchObject({
      value: 'new-value-2',
      protected: false,
      masked: true,
      raw: true,
    })
    expect(() => gl.seedVariable('group', 'missing', { key: 'X', value: 'v' })).toThrow(/no group missing/)
  })

  it('answers 429 "Retry later" with Retry-After and RateLimit-* headers when the limit is on', async () => {
    gl.setRateLimit({ limit: 1, windowMs: 30_000 })
    try {
      expect((await call$('GET', '/user')).status).toBe(200)
      const limited = await call$('GET', '/user')
      expect(limited).toMatchObject({ status: 429, body: 'Retry later\n' })
      expect(limited.headers.get('content-type')).toMatch(/^text\/plain/)
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
      const reset = Number(limited.headers.get('ratelimit-reset'))
      expect(reset * 1000).toBeGreaterThan(Date.now())
      expect(Date.parse(limited.headers.get('ratelimit-resettime')!)).toBe(reset * 1000)
      expect(limited.headers.get('ratelimit-remaining')).toBe('0')
      expect(limited.headers.get('ratelimit-limit')).toBe('1')
    } finally {
      gl.setRateLimit(undefined)
    }
    expect((await call$('GET', '/user')).status).toBe(200)
  })
})
