/**
 * The issuer clients in-process against their emulators, built the way a run builds them
 * (buildPlan -> createIssuer): the http contract (workspace and project tokens, expiry, list by
 * prefix, revoke, disable/enable, whoami), RWX and Hawzu verification, static, and the refusals of
 * issuers that cannot mint.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ApiError, AuthError, ConfigError } from '../src/shared/errors.js'
import { HttpIssuer } from '../src/issuers/http.js'
import { createIssuer } from '../src/issuers/index.js'
import { silentLogger } from '../src/shared/log.js'
import { ISSUER_KINDS } from '../src/issuers/kinds.js'
import { buildPlan, ISSUERS, type Inputs } from '../src/plan/plan.js'
import { transportFor } from '../src/engine/transport-of.js'
import { listRotationSet } from '../src/plan/token-name.js'
import type { Issuer } from '../src/shared/types.js'
import { useWorld } from './helpers/world.js'

const { http, rwx, hawzu } = useWorld()
let now = new Date('2026-11-24T12:00:00Z')
beforeAll(() => {
  http.clock = () => now
})

/** An issuer exactly as a run builds it from inputs, with fast retries. */
function issuerFor(inputs: Inputs, env: Record<string, string> = {}): Issuer {
  const plan = buildPlan(
    { 'secret-name': 'T', 'token-name': 't', 'github-token': 'g', destinations: 'github:repo/acme/api', ...inputs },
    env,
    now,
  )
  return createIssuer(
    plan.issuer,
    transportFor(plan, { log: silentLogger, context: { retry: { maxRetries: 1, baseDelayMs: 5 } } }),
  )
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (err) {
    return err as Error
  }
  throw new Error('expected a rejection')
}

describe('createIssuer', () => {
  it('builds every issuer kind with the capabilities the plan validates against', () => {
    for (const kind of ISSUERS) {
      const inputs: Inputs = ISSUER_KINDS[kind].can.create
        ? {
            issuer: kind,
            'issuer-url': 'https://issuer.example.com',
            'issuer-token': 'adm',
            'token-role': kind === 'http' ? 'viewer' : 'cicd',
          }
        : { issuer: kind, token: 'given-0123456789' }
      const issuer = issuerFor(inputs)
      expect(issuer.kind).toBe(kind)
      // The plan refuses inputs from this table before any request: it must match what the plugin can do.
      expect(issuer.can, kind).toEqual(ISSUER_KINDS[kind].can)
    }
    expect(
      issuerFor({ issuer: 'http', 'issuer-url': 'https://x.example.com', 'issuer-token': 'a', 'token-role': 'viewer' }),
    ).toBeInstanceOf(HttpIssuer)
  })
})

describe('http issuer (generic contract)', () => {
  let issuer: HttpIssuer
  let adminToken: string
  beforeEach(() => {
    now = new Date('2026-11-24T12:00:00Z')
    adminToken = http.addAdminToken()
    issuer = issuerFor({
      issuer: 'http',
      'issuer-url': http.url,
      'issuer-token': adminToken,
      'token-role': 'viewer',
    }) as HttpIssuer
  })

  it('mints a workspace token with a role and an expiry; whoami reports the expiry', async () => {
    const minted = await issuer.create({
      name: 'ws-20261124120000',
      role: 'deployer',
      expiresAt: '2026-12-01T12:00:00.000Z',
    })
    expect(minted).toMatchObject({ name: 'ws-20261124120000', expiresAt: '2026-12-01T12:00:00.000Z' })
    expect(minted.id).toMatch(/\S/)
    expect(http.isValid(minted.secret)).toBe(true)
    expect(http.tokens().find((t) => t.id === minted.id)).toMatchObject({ scope: 'workspace', role: 'deployer' })
    const identity = await issuer.verify(minted.secret)
    expect(identity).toEqual({
      subject: 'ws-20261124120000 (workspace role deployer)',
      expiresAt: '2026-12-01T12:00:00.000Z',
    })
    expect(identity.subject).not.toContain(minted.secret)
  })

  it('mints a token with explicit permissions and no expiry', async () => {
    const minted = await issuer.create({ name: 'perm-20261124120000', permissions: ['deploy:write', 'logs:read'] })
    expect(minted.expiresAt).toBeUndefined()
    expect(http.tokens().find((t) => t.id === minted.id)).toMatchObject({
      scope: 'workspace',
      permissions: ['deploy:write', 'logs:read'],
      expires_at: null,
    })
    expect((await issuer.verify(minted.secret)).expiresAt).toBeUndefined()
  })

  it('mints a project token holding several projects, each with its own role', async () => {
    const projects = [
      { id: 'proj-api', role: 'editor' },
      { id: 'proj-web', role: 'viewer' },
    ]
    const minted = await issuer.create({ name: 'proj-20261124120000', projects })
    expect(http.tokens().find((t) => t.id === minted.id)).toMatchObject({ scope: 'project', projects })
    expect((await issuer.verify(minted.secret)).subject).toBe(
      'proj-20261124120000 (projects proj-api:editor, proj-web:viewer)',
    )
  })

  it('lists by name prefix, with creation time and state, never a value; the rotation set is its own names only', async () => {
    const a = await issuer.create({ name: 'listme-20261124120000', role: 'viewer' })
    now = new Date('2026-11-24T12:00:01Z')
    const b = await issuer.create({
      name: 'listme-20261124120001',
      role: 'viewer',
      expiresAt: '2027-01-01T00:00:00.000Z',
    })
    const other = await issuer.create({ name: 'listmeplease-20261124120001', role: 'viewer' })
    expect((await issuer.list('listme')).map((t) => t.id).sort()).toEqual([a.id, b.id, other.id].sort())
    const listed = await listRotationSet(issuer, 'listme')
    expect(listed.map((t) => t.id).sort()).toEqual([a.id, b.id].sort())
    expect(listed.find((t) => t.id === b.id)).toEqual({
      id: b.id,
      name: 'listme-20261124120001',
      createdAt: '2026-11-24T12:00:01.000Z',
      expiresAt: '2027-01-01T00:00:00.000Z',
      enabled: true,
      rights: { role: 'viewer' },
    })
    expect(JSON.stringify(listed)).not.toContain(a.secret)
    await issuer.revoke(a.id)
    expect((await listRotationSet(issuer, 'listme')).map((t) => t.id)).toEqual([b.id])
  })

  it('revokes; revoking again (404) is reported as gone, not revoked', async () => {
    const minted = await issuer.create({ name: 'gone-20261124120000', role: 'viewer' })
    await expect(issuer.revoke(minted.id)).resolves.toBe('revoked')
    expect(http.isValid(minted.secret)).toBe(false)
    await expect(issuer.revoke(minted.id)).resolves.toBe('gone')
    await expect(issuer.revoke('tok_never_existed')).resolves.toBe('gone')
    const err = await rejection(issuer.verify(minted.secret))
    expect(err).toBeInstanceOf(AuthError)
  })

  it('a token disabled at the issuer is listed as disabled and fails verification until enabled', async () => {
    const minted = await issuer.create({ name: 'toggle-20261124120000', role: 'viewer' })
    // An admin toggles it in the issuer (token-action only reads the state).
    const toggle = (action: string) =>
      fetch(`${http.url}/tokens/${minted.id}/${action}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}` },
      })
    expect((await toggle('disable')).status).toBe(200)
    expect((await issuer.list('toggle'))[0]!.enabled).toBe(false)
    const err = await rejection(issuer.verify(minted.secret))
    expect(err).toBeInstanceOf(AuthError)
    expect(err.message).toMatch(/401.*disabled/)
    expect((await toggle('enable')).status).toBe(200)
    await expect(issuer.verify(minted.secret)).resolves.toMatchObject({
      subject: expect.stringContaining('toggle-20261124120000'),
    })
  })

  it('an expired token fails verification', async () => {
    const minted = await issuer.create({
      name: 'short-20261124120000',
      role: 'viewer',
      expiresAt: '2026-11-24T13:00:00.000Z',
    })
    await expect(issuer.verify(minted.secret)).resolves.toBeDefined()
    now = new Date('2026-11-24T13:00:01Z')
    const err = await rejection(issuer.verify(minted.secret))
    expect(err).toBeInstanceOf(AuthError)
    expect(err.message).toMatch(/expired/)
  })

  it("relays the issuer's own words for a refused mint, and a bad credential as an AuthError", async () => {
    await issuer.create({ name: 'twice-20261124120000', role: 'viewer' })
    const err = await rejection(issuer.create({ name: 'twice-20261124120000', role: 'viewer' }))
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).status).toBe(409)
    expect(err.message).toMatch(/409 "a token named twice-20261124120000 already exists"/)
    const stranger = issuerFor({
      issuer: 'http',
      'issuer-url': http.url,
      'issuer-token': 'hzw_not_an_admin_token',
      'token-role': 'viewer',
    })
    expect(await rejection(stranger.list('x'))).toBeInstanceOf(AuthError)
    // A token that works but may not manage tokens (not an admin): 403.
    const minted = await issuer.create({ name: 'plain-20261124120000', role: 'admin' })
    const plain = issuerFor({
      issuer: 'http',
      'issuer-url': http.url,
      'issuer-token': minted.secret,
      'token-role': 'viewer',
    })
    const denied = await rejection(plain.create({ name: 'x-20261124120000', role: 'viewer' }))
    expect(denied).toBeInstanceOf(AuthError)
    expect(denied.message).not.toContain(minted.secret)
  })

  it('sent nothing the contract does not allow', () => {
    expect(http.contractViolations).toEqual([])
  })
})

describe.each([
  {
    kind: 'rwx',
    product: 'RWX',
    ui: /RWX \(cloud\.rwx\.com, Access Tokens\)/,
    emulator: () => rwx,
    subject: /^RWX organization acme \(organization_access_token\)$/,
  },
  {
    kind: 'hawzu',
    product: 'Hawzu',
    ui: /Hawzu \(workspace settings/,
    emulator: () => hawzu,
    subject: /^Hawzu token seeing 1 workspace\(s\)$/,
  },
])('$kind (tokens made in its UI)', ({ kind, product, ui, emulator, subject }) => {
  const issuerAt = (url: string) => issuerFor({ issuer: kind, 'issuer-url': url, token: 'given-0123456789' })

  it('verifies a token the product accepts', async () => {
    const token = emulator().addToken('acme')
    const identity = await issuerAt(emulator().url).verify(token)
    expect(identity.subject).toMatch(subject)
    expect(identity.subject).not.toContain(token)
  })

  it(`a 401 says the token was rejected by ${product}`, async () => {
    const token = emulator().addToken('acme')
    emulator().revoke(token)
    const err = await rejection(issuerAt(emulator().url).verify(token))
    expect(err).toBeInstanceOf(AuthError)
    expect(err.message).toMatch(new RegExp(`^the token was rejected by ${product} \\(GET /api/\\S+ -> 401`))
    expect(err.message).toMatch(ui)
    expect(err.message).not.toContain(token)
  })

  it('other failures keep their own type (a server error is not a rejected token)', async () => {
    emulator().setFaults([{ rate: 1, kind: 503 }])
    try {
      const err = await rejection(issuerAt(emulator().url).verify(emulator().addToken('acme')))
      expect(err).toBeInstanceOf(ApiError)
      expect(err.message).not.toMatch(/rejected by/)
    } finally {
      emulator().setFaults([])
    }
  })

  it('refuses to mint, list or revoke, saying to create the token in the UI and pass it as `token`', async () => {
    const issuer = issuerAt(emulator().url)
    const calls: (() => Promise<unknown>)[] = [
      () => issuer.create({ name: 'x' }),
      () => issuer.list('x'),
      () => issuer.revoke('x'),
    ]
    for (const call of calls) {
      const err = await rejection(Promise.resolve().then(call))
      expect(err).toBeInstanceOf(ConfigError)
      expect((err as ConfigError).input).toBe('mode')
      expect(err.message).toMatch(ui)
      expect(err.message).toMatch(/pass it as `token` and use mode distribute/)
    }
  })
})

describe('rwx and hawzu default URLs', () => {
  it('rwx: https://cloud.rwx.com, or https://$RWX_HOST; hawzu: https://api.hawzu.com', () => {
    const url = (inputs: Inputs, env: Record<string, string> = {}) =>
      buildPlan(
        { token: 't', 'secret-name': 'T', 'github-token': 'g', destinations: 'github:repo/a/b', ...inputs },
        env,
      ).issuer.url
    expect(url({ issuer: 'rwx' })).toBe('https://cloud.rwx.com')
    expect(url({ issuer: 'rwx' }, { RWX_HOST: 'staging.rwx.example.com' })).toBe('https://staging.rwx.example.com')
    expect(url({ issuer: 'hawzu' })).toBe('https://api.hawzu.com')
  })
})

describe('static issuer', () => {
  it('verifies nothing (no request) and says so; cannot mint', async () => {
    const issuer = issuerFor({ issuer: 'static', token: 'given-0123456789' })
    await expect(issuer.verify('anything')).resolves.toEqual({ subject: 'unverified (static issuer)' })
    const err = await rejection(Promise.resolve().then(() => issuer.create({ name: 'x' })))
    expect(err).toBeInstanceOf(ConfigError)
    expect(err.message).toMatch(
      /issuer static has no API to mint tokens: create the token in the system that issued it, pass it as `token`/,
    )
  })
})
