/**
 * An issuer implementing the generic `http` contract (docs/issuer-contract.openapi.yaml) with Hawzu's
 * rules: workspace or project tokens, per-project roles, expiry, enable/disable, the value shown once
 * (stored as a hash), expired / disabled / revoked tokens fail /whoami, and a project token has no
 * access outside its projects. Its own traffic is validated against the contract file.
 */
import { createHash, randomBytes } from 'node:crypto'
import { credential, Emulator, json, type EmulatorOptions, type EmuRequest, type EmuResponse } from './base.js'
import { issuerContractValidator } from './openapi-validator.js'

interface Grant {
  id: string
  role: string
}

interface StoredToken {
  id: string
  name: string
  hash: string
  prefix: string
  scope: 'workspace' | 'project'
  role?: string
  projects?: Grant[]
  created_at: string
  expires_at: string | null
  enabled: boolean
  revoked: boolean
  admin: boolean
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
const err = (status: number, code: string, message: string) => json(status, { error: { code, message } })
const ROLES = ['viewer', 'editor', 'deployer', 'admin']

export class HttpIssuerEmulator extends Emulator {
  readonly contractViolations: string[] = []
  clock: () => Date
  private readonly store: StoredToken[] = []
  private n = 0

  constructor(options: EmulatorOptions & { clock?: () => Date; tokenPrefix?: string } = {}) {
    super('http-issuer', options)
    this.clock = options.clock ?? (() => new Date())
    const contract = issuerContractValidator()
    this.guards.push((r) => {
      if (r.path.startsWith('/projects/')) return { status: 0 }
      const problems = contract.request(r.method, r.path, r.query, r.body)
      this.contractViolations.push(...problems.map((p) => `${r.method} ${r.path}: ${p}`))
      return problems.length ? err(400, 'invalid_request', problems.join('; ')) : { status: 0 }
    })
    this.observers.push((r, res) => {
      if (!r.path.startsWith('/projects/')) this.contractViolations.push(...contract.response(r.method, r.path, res.status, res.body))
    })
    this.route('POST', '/tokens', (r) => this.admin(r, () => this.create(r)))
    this.route('GET', '/tokens', (r) => this.admin(r, () => json(200, { items: this.live().filter((t) => t.name.startsWith(r.query.get('name_prefix') ?? '')).map(info) })))
    this.route('DELETE', '/tokens/:id', (r) => this.admin(r, () => this.withToken(r, (t) => ((t.revoked = true), { status: 204 }))))
    this.route('POST', '/tokens/:id/disable', (r) => this.admin(r, () => this.withToken(r, (t) => ((t.enabled = false), json(200, info(t))))))
    this.route('POST', '/tokens/:id/enable', (r) => this.admin(r, () => this.withToken(r, (t) => ((t.enabled = true), json(200, info(t))))))
    this.route('GET', '/whoami', (r) => this.usable(r, (t) => json(200, identity(t))))
    // Not part of the contract: a resource guarded by project scope, to prove scoping in tests.
    this.route('GET', '/projects/:id', (r) =>
      this.usable(r, (t) => (t.scope === 'workspace' || t.projects?.some((p) => p.id === r.params.id) ? json(200, { id: r.params.id }) : err(403, 'forbidden', `token has no access to project ${r.params.id}`))),
    )
  }

  addAdminToken(): string {
    return this.insert({ name: `admin-${++this.n}`, scope: 'workspace', role: 'admin' }, true).secret
  }

  /** Valid = exists, not revoked, enabled and not expired (what /whoami checks). */
  isValid(secret: string): boolean {
    const t = this.find(secret)
    return Boolean(t && this.usableNow(t))
  }

  tokens(): Omit<StoredToken, 'hash'>[] {
    return this.store.filter((t) => !t.admin).map(({ hash: _hash, ...rest }) => rest)
  }

  ageToken(id: string, days: number): void {
    const t = this.store.find((s) => s.id === id)!
    t.created_at = new Date(Date.parse(t.created_at) - days * 86_400_000).toISOString()
  }

  private insert(body: { name: string; scope: 'workspace' | 'project'; role?: string; projects?: Grant[]; expires_at?: string | null }, admin = false) {
    const secret = `hzw_${randomBytes(24).toString('hex')}`
    const token: StoredToken = {
      id: `tok_${randomBytes(6).toString('hex')}`,
      name: body.name,
      hash: sha256(secret),
      prefix: secret.slice(0, 10),
      scope: body.scope,
      role: body.role,
      projects: body.projects,
      created_at: this.clock().toISOString(),
      expires_at: body.expires_at ?? null,
      enabled: true,
      revoked: false,
      admin,
    }
    this.store.push(token)
    return { token, secret }
  }

  private find(secret: string): StoredToken | undefined {
    const hash = sha256(secret)
    return this.store.find((t) => t.hash === hash)
  }

  private usableNow(t: StoredToken): boolean {
    return !t.revoked && t.enabled && (!t.expires_at || Date.parse(t.expires_at) > this.clock().getTime())
  }

  private live(): StoredToken[] {
    return this.store.filter((t) => !t.revoked && !t.admin)
  }

  private usable(req: EmuRequest, then: (t: StoredToken) => EmuResponse): EmuResponse {
    const t = this.find(credential(req) ?? '')
    if (!t || t.revoked) return err(401, 'unauthenticated', 'invalid token')
    if (!t.enabled) return err(401, 'token_disabled', 'this token is disabled')
    if (t.expires_at && Date.parse(t.expires_at) <= this.clock().getTime()) return err(401, 'token_expired', `this token expired at ${t.expires_at}`)
    return then(t)
  }

  private admin(req: EmuRequest, then: () => EmuResponse): EmuResponse {
    return this.usable(req, (t) => (t.admin ? then() : err(403, 'forbidden', 'only admin tokens may manage tokens')))
  }

  private withToken(req: EmuRequest, then: (t: StoredToken) => EmuResponse): EmuResponse {
    const t = this.live().find((s) => s.id === req.params.id)
    return t ? then(t) : err(404, 'not_found', `no token ${req.params.id}`)
  }

  private create(req: EmuRequest): EmuResponse {
    const body = req.body as { name: string; scope: 'workspace' | 'project'; role?: string; projects?: Grant[]; permissions?: string[]; expires_at?: string | null }
    if (this.store.some((t) => t.name === body.name && !t.revoked)) return err(409, 'name_taken', `a token named ${body.name} already exists`)
    if (body.scope === 'workspace' && !body.role && !body.permissions) return err(400, 'role_required', 'workspace tokens need a role')
    if (body.scope === 'project' && !body.projects?.length) return err(400, 'projects_required', 'project tokens need at least one project')
    if (body.scope === 'workspace' && body.projects) return err(400, 'invalid_scope', 'workspace tokens have no projects')
    for (const role of [body.role, ...(body.projects ?? []).map((p) => p.role)]) if (role && !ROLES.includes(role)) return err(400, 'invalid_role', `unknown role "${role}" (roles: ${ROLES.join(', ')})`)
    if (body.expires_at && Date.parse(body.expires_at) <= this.clock().getTime()) return err(400, 'invalid_expiry', 'expires_at is in the past')
    const { token, secret } = this.insert(body)
    return json(201, { id: token.id, name: token.name, token: secret, expires_at: token.expires_at })
  }
}

function info(t: StoredToken) {
  return { id: t.id, name: t.name, created_at: t.created_at, expires_at: t.expires_at, enabled: t.enabled, prefix: t.prefix, scope: t.scope }
}

function identity(t: StoredToken) {
  return { token_id: t.id, name: t.name, scope: t.scope, ...(t.role ? { role: t.role } : {}), ...(t.projects ? { projects: t.projects } : {}), expires_at: t.expires_at }
}
