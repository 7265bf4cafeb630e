/**
 * An issuer implementing the generic `http` contract (docs/issuer-contract.openapi.yaml) with
 * Hawzu's rules: workspace tokens (one role) or project tokens (several projects, a role each),
 * expiry, enable/disable, the value shown once and stored as a hash. Expired, disabled and revoked
 * tokens fail /whoami, and a project token reaches nothing outside its projects.
 *
 * Every request and response is checked against the published contract file itself; what does not
 * fit is answered the way a strict issuer would (400, or 404 for a route the contract lacks) and
 * recorded in `contractViolations`, so a client bug fails tests instead of passing unnoticed.
 */
import { createHash, randomBytes } from 'node:crypto'
import { credential, Emulator, json, PASS, type EmulatorOptions, type EmuRequest, type EmuResponse } from './base.js'
import { issuerContractValidator } from './openapi-validator.js'

export type TokenScope = 'workspace' | 'project'

export interface ProjectGrant {
  id: string
  role: string
}

export interface ScopedTokenSpec {
  name: string
  scope: TokenScope
  role?: string
  projects?: ProjectGrant[]
  permissions?: string[]
  /** RFC 3339; null or omitted = never expires. */
  expires_at?: string | null
}

export interface ScopedToken {
  id: string
  name: string
  /** The first 10 characters of the value: enough to recognise it, never enough to use it. */
  prefix: string
  scope: TokenScope
  role?: string
  projects?: ProjectGrant[]
  permissions?: string[]
  created_at: string
  expires_at: string | null
  /** Set by every authenticated use of the token, as issuers record it for review. */
  last_used_at: string | null
  enabled: boolean
  revoked: boolean
  /** Issuer-side credentials allowed to manage tokens (the `issuer-token`). */
  admin: boolean
}

/** Why a token cannot authenticate right now. */
export type Refusal = 'unknown' | 'revoked' | 'disabled' | 'expired'

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

/**
 * Workspace and project tokens the Hawzu way, shared by this emulator and Hawzu's. Values are kept
 * only as SHA-256, so nothing here can show a token twice.
 */
export class ScopedTokens {
  private readonly byHash = new Map<string, ScopedToken>()

  constructor(
    private readonly valuePrefix: string,
    private readonly now: () => Date,
  ) {}

  mint(spec: ScopedTokenSpec, admin = false): { token: ScopedToken; secret: string } {
    const secret = `${this.valuePrefix}${randomBytes(24).toString('hex')}`
    const token: ScopedToken = {
      id: `tok_${randomBytes(6).toString('hex')}`,
      name: spec.name,
      prefix: secret.slice(0, 10),
      scope: spec.scope,
      role: spec.role,
      projects: spec.projects,
      permissions: spec.permissions,
      created_at: this.now().toISOString(),
      expires_at: spec.expires_at ?? null,
      enabled: true,
      last_used_at: null,
      revoked: false,
      admin,
    }
    this.byHash.set(sha256(secret), token)
    return { token, secret }
  }

  find(secret: string): ScopedToken | undefined {
    return this.byHash.get(sha256(secret))
  }

  /** A token that has not been revoked, by id. */
  get(id: string): ScopedToken | undefined {
    return this.all().find((t) => t.id === id && !t.revoked)
  }

  all(): ScopedToken[] {
    return [...this.byHash.values()]
  }

  refusal(t: ScopedToken | undefined): Refusal | undefined {
    if (!t) return 'unknown'
    if (t.revoked) return 'revoked'
    if (!t.enabled) return 'disabled'
    if (t.expires_at && Date.parse(t.expires_at) <= this.now().getTime()) return 'expired'
    return undefined
  }

  /** Project access is per project: a workspace token reaches every project, a project token only its own. */
  reaches(t: ScopedToken, projectId: string): boolean {
    return t.scope === 'workspace' || Boolean(t.projects?.some((p) => p.id === projectId))
  }

  ageToken(id: string, days: number): void {
    const t = this.all().find((s) => s.id === id)
    if (!t) throw new Error(`no token ${id}`)
    t.created_at = new Date(Date.parse(t.created_at) - days * 86_400_000).toISOString()
  }

  /** Moves a token's last use back, so a review sees it unused for that long. */
  lastUsed(id: string, daysAgo: number): void {
    const t = this.all().find((s) => s.id === id)
    if (!t) throw new Error(`no token ${id}`)
    t.last_used_at = new Date(Date.now() - daysAgo * 86_400_000).toISOString()
  }

  /** Sets when a token expires (an admin shortening it in the issuer's UI). */
  expireAt(id: string, at: Date): void {
    const t = this.all().find((s) => s.id === id)
    if (!t) throw new Error(`no token ${id}`)
    t.expires_at = at.toISOString()
  }
}

/** The roles this emulated issuer defines; the contract leaves roles to each issuer. */
export const HTTP_ISSUER_ROLES = ['viewer', 'editor', 'deployer', 'admin']

const err = (status: number, code: string, message: string) => json(status, { error: { code, message } })

const REFUSALS: Record<Refusal, EmuResponse> = {
  unknown: err(401, 'unauthenticated', 'invalid token'),
  revoked: err(401, 'unauthenticated', 'invalid token'),
  disabled: err(401, 'token_disabled', 'this token is disabled'),
  expired: err(401, 'token_expired', 'this token has expired'),
}

/** Routes outside the contract that exist only so tests can probe a token's reach. */
const PROBE = /^\/projects\//

export class HttpIssuerEmulator extends Emulator {
  readonly contractViolations: string[] = []
  /** Injectable time, so expiry can be tested. */
  clock: () => Date
  private readonly store: ScopedTokens
  private admins = 0
  private readonly managers = new Set<string>()

  constructor(options: EmulatorOptions & { clock?: () => Date; tokenPrefix?: string } = {}) {
    super('http-issuer', options)
    this.clock = options.clock ?? (() => new Date())
    this.store = new ScopedTokens(options.tokenPrefix ?? 'hzw_', () => this.clock())
    this.checkContract()
    this.route('POST', '/tokens', (r) => this.admin(r, () => this.create(r)))
    this.route('GET', '/tokens', (r) =>
      this.admin(r, () => json(200, { items: this.list(r.query.get('name_prefix') ?? '').map(info) })),
    )
    this.route('DELETE', '/tokens/:id', (r) =>
      this.admin(r, () =>
        this.managers.has(credential(r) ?? '')
          ? err(403, 'forbidden', 'token managers may not delete tokens')
          : this.withToken(r, (t) => ((t.revoked = true), { status: 204 })),
      ),
    )
    this.route('POST', '/tokens/:id/disable', (r) =>
      this.admin(r, () => this.withToken(r, (t) => ((t.enabled = false), json(200, info(t))))),
    )
    this.route('POST', '/tokens/:id/enable', (r) =>
      this.admin(r, () => this.withToken(r, (t) => ((t.enabled = true), json(200, info(t))))),
    )
    this.route('GET', '/whoami', (r) => this.usable(r, (t) => json(200, identity(t))))
    this.route('GET', '/projects/:id', (r) =>
      this.usable(r, (t) =>
        this.store.reaches(t, r.params.id!)
          ? json(200, { id: r.params.id })
          : err(403, 'forbidden', `this token has no access to project ${r.params.id}`),
      ),
    )
  }

  /** A credential allowed to manage tokens (token-action's `issuer-token`). */
  addAdminToken(): string {
    return this.store.mint({ name: `admin-${++this.admins}`, scope: 'workspace', role: 'admin' }, true).secret
  }

  /** A token manager as Hawzu-style issuers have them: may create and list tokens, not delete them. */
  addManagerToken(): string {
    const secret = this.addAdminToken()
    this.managers.add(secret)
    return secret
  }

  /** Usable = exists, not revoked, enabled and not expired: what /whoami checks. */
  isValid(secret: string): boolean {
    return this.store.refusal(this.store.find(secret)) === undefined
  }

  /** Every token minted through the API, revoked ones flagged; never a value. */
  tokens(): ScopedToken[] {
    return this.store.all().filter((t) => !t.admin)
  }

  /** Moves a token's creation time back, so rotate-if-older-than sees an old token. */
  ageToken(id: string, days: number): void {
    this.store.ageToken(id, days)
  }

  expireAt(id: string, at: Date): void {
    this.store.expireAt(id, at)
  }

  lastUsed(id: string, daysAgo: number): void {
    this.store.lastUsed(id, daysAgo)
  }

  private checkContract(): void {
    const contract = issuerContractValidator()
    this.guards.push((r) => {
      if (PROBE.test(r.path)) return PASS
      const problems = contract.request(r.method, r.path, r.query, r.body)
      if (!problems.length) return PASS
      this.contractViolations.push(...problems.map((p) => `${r.method} ${r.path}: ${p}`))
      if (problems.some((p) => p.startsWith('no such route'))) return err(404, 'not_found', `no route ${r.path}`)
      if (problems.some((p) => p.includes('is not an operation of')))
        return err(405, 'method_not_allowed', `${r.method} is not allowed on ${r.path}`)
      return err(400, 'invalid_request', problems.join('; '))
    })
    // 5xx answers are the base's injected faults, not this issuer's behaviour.
    this.observers.push((r, res) => {
      if (!PROBE.test(r.path) && res.status < 500)
        this.contractViolations.push(...contract.response(r.method, r.path, res.status, res.body))
    })
  }

  private list(namePrefix: string): ScopedToken[] {
    return this.tokens().filter((t) => !t.revoked && t.name.startsWith(namePrefix))
  }

  private usable(req: EmuRequest, then: (t: ScopedToken) => EmuResponse): EmuResponse {
    const t = this.store.find(credential(req) ?? '')
    const refusal = this.store.refusal(t)
    if (refusal) return REFUSALS[refusal]
    t!.last_used_at = new Date().toISOString()
    return then(t!)
  }

  private admin(req: EmuRequest, then: () => EmuResponse): EmuResponse {
    return this.usable(req, (t) =>
      t.admin ? then() : err(403, 'forbidden', 'only admin credentials may manage tokens'),
    )
  }

  private withToken(req: EmuRequest, then: (t: ScopedToken) => EmuResponse): EmuResponse {
    const t = this.store.get(req.params.id!)
    return t && !t.admin ? then(t) : err(404, 'not_found', `no token ${req.params.id}`)
  }

  /** The issuer's own rules, beyond the contract's shape: known roles, distinct projects, a future expiry, unique names. */
  private create(req: EmuRequest): EmuResponse {
    const spec = req.body as ScopedTokenSpec
    const roles = [spec.role, ...(spec.projects ?? []).map((p) => p.role)].filter((r): r is string => r !== undefined)
    const unknown = roles.find((r) => !HTTP_ISSUER_ROLES.includes(r))
    if (unknown) return err(422, 'invalid_role', `unknown role "${unknown}" (roles: ${HTTP_ISSUER_ROLES.join(', ')})`)
    const ids = (spec.projects ?? []).map((p) => p.id)
    const repeated = ids.find((id, i) => ids.indexOf(id) !== i)
    if (repeated) return err(422, 'duplicate_project', `project ${repeated} is listed more than once`)
    if (spec.expires_at && Date.parse(spec.expires_at) <= this.clock().getTime())
      return err(422, 'invalid_expiry', `expires_at ${spec.expires_at} is not in the future`)
    if (this.list('').some((t) => t.name === spec.name))
      return err(409, 'name_taken', `a token named ${spec.name} already exists`)
    const { token, secret } = this.store.mint(spec)
    return json(201, { id: token.id, name: token.name, token: secret, expires_at: token.expires_at })
  }
}

function info(t: ScopedToken) {
  const rights = t.projects
    ? { projects: t.projects }
    : t.permissions
      ? { permissions: t.permissions }
      : t.role
        ? { role: t.role }
        : {}
  return {
    id: t.id,
    name: t.name,
    scope: t.scope,
    created_at: t.created_at,
    expires_at: t.expires_at,
    last_used_at: t.last_used_at,
    enabled: t.enabled,
    prefix: t.prefix,
    ...rights,
  }
}

function identity(t: ScopedToken) {
  return {
    token_id: t.id,
    name: t.name,
    scope: t.scope,
    ...(t.role ? { role: t.role } : {}),
    ...(t.projects ? { projects: t.projects } : {}),
    ...(t.permissions ? { permissions: t.permissions } : {}),
    created_at: t.created_at,
    expires_at: t.expires_at,
  }
}
