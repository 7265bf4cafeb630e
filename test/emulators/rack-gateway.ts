/**
 * Rack Gateway emulator (`/api/v1`, Bearer `rgw_...`), per API-NOTES.md: create answers 200 with
 * `{token, id, name, permissions, api_token}`; tokens are addressed by `public_id`; names are unique;
 * only admins create and delete; tokens are stored as SHA-256 only, like the real gateway.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { credential, Emulator, json, type EmulatorOptions, type EmuRequest, type EmuResponse } from './base.js'

export const ROLES: Record<string, string[]> = {
  viewer: ['convox:apps:list', 'convox:ps:list', 'convox:logs:read'],
  ops: ['convox:apps:list', 'convox:ps:list', 'convox:logs:read', 'convox:ps:manage', 'convox:apps:restart'],
  deployer: ['convox:apps:list', 'convox:ps:list', 'convox:logs:read', 'convox:builds:create', 'convox:releases:promote'],
  cicd: ['convox:apps:list', 'convox:builds:create', 'convox:releases:promote', 'convox:env:read'],
  admin: ['*'],
}

interface StoredToken {
  id: number
  public_id: string
  name: string
  role?: string
  permissions: string[]
  hash: string
  created_at: string
  revoked: boolean
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

/** `rgw_` + base64url of 32 random bytes, padded - so it can end in `=`. */
export function rackGatewayToken(): string {
  const b64 = randomBytes(32).toString('base64').replace(/\+/g, '-').replace(/\//g, '_')
  return `rgw_${b64}`
}

export class RackGatewayEmulator extends Emulator {
  private readonly store: StoredToken[] = []
  private nextId = 1
  readonly revokedIds: string[] = []
  createCount = 0
  /** Injectable time, so tests can make tokens look old. */
  clock: () => Date

  constructor(options: EmulatorOptions & { clock?: () => Date } = {}) {
    super('rack-gateway', options)
    this.clock = options.clock ?? (() => new Date())
    this.route('POST', '/api/v1/api-tokens', (r) => this.admin(r, () => this.create(r)))
    this.route('GET', '/api/v1/api-tokens', (r) => this.authed(r, () => json(200, this.live().map(view))))
    this.route('GET', '/api/v1/api-tokens/permissions', (r) => this.authed(r, () => json(200, { roles: ROLES })))
    this.route('GET', '/api/v1/api-tokens/:id', (r) => this.authed(r, () => this.withToken(r, (t) => json(200, view(t)))))
    this.route('PUT', '/api/v1/api-tokens/:id', (r) => this.admin(r, () => this.withToken(r, (t) => this.rename(t, r))))
    this.route('DELETE', '/api/v1/api-tokens/:id', (r) => this.admin(r, () => this.withToken(r, (t) => this.revoke(t))))
    this.route('GET', '/api/v1/info', (r) => this.authed(r, (t) => json(200, { version: 'emulator', api_token_name: t.name, rack: 'demo' })))
  }

  /** A bootstrap credential with role admin. */
  addAdminToken(): string {
    return this.addToken('admin')
  }

  addToken(role: string, name = `bootstrap-${role}-${this.nextId}`): string {
    return this.insert(name, role, ROLES[role] ?? []).secret
  }

  isValid(secret: string): boolean {
    const hash = sha256(secret)
    return this.store.some((t) => t.hash === hash && !t.revoked)
  }

  /** Every token ever made (revoked ones flagged), without secrets. */
  tokens(): { public_id: string; name: string; created_at: string; revoked: boolean }[] {
    return this.store.map((t) => ({ public_id: t.public_id, name: t.name, created_at: t.created_at, revoked: t.revoked }))
  }

  /** Moves a token's creation time back, so rotate-if-older-than sees an old token. */
  ageToken(publicId: string, days: number): void {
    const t = this.store.find((s) => s.public_id === publicId)
    if (!t) throw new Error(`no token ${publicId}`)
    t.created_at = new Date(Date.parse(t.created_at) - days * 86_400_000).toISOString()
  }

  private live(): StoredToken[] {
    return this.store.filter((t) => !t.revoked)
  }

  private insert(name: string, role: string | undefined, permissions: string[]): { token: StoredToken; secret: string } {
    const secret = rackGatewayToken()
    const token: StoredToken = { id: this.nextId++, public_id: randomUUID(), name, role, permissions, hash: sha256(secret), created_at: this.clock().toISOString(), revoked: false }
    this.store.push(token)
    return { token, secret }
  }

  private caller(req: EmuRequest): StoredToken | undefined {
    const secret = credential(req)
    if (!secret) return undefined
    const hash = sha256(secret)
    return this.store.find((t) => t.hash === hash && !t.revoked)
  }

  private authed(req: EmuRequest, then: (caller: StoredToken) => EmuResponse): EmuResponse {
    const caller = this.caller(req)
    if (!caller) return json(401, { error: 'authentication failed: invalid API token: token not found or revoked' })
    return then(caller)
  }

  private admin(req: EmuRequest, then: () => EmuResponse): EmuResponse {
    return this.authed(req, (caller) => (caller.role === 'admin' || caller.permissions.includes('*') ? then() : json(403, { error: 'permission denied: only admins can manage API tokens' })))
  }

  private withToken(req: EmuRequest, then: (t: StoredToken) => EmuResponse): EmuResponse {
    const t = this.live().find((s) => s.public_id === req.params.id)
    return t ? then(t) : json(404, { error: 'api token not found' })
  }

  private create(req: EmuRequest): EmuResponse {
    const body = (req.body ?? {}) as { name?: unknown; role?: unknown; permissions?: unknown; user_email?: unknown }
    if (typeof body.name !== 'string' || !body.name.trim()) return json(400, { error: 'name is required' })
    if (body.name.length > 150) return json(400, { error: 'name must be 150 characters or fewer' })
    if (this.store.some((t) => t.name === body.name)) return json(400, { error: 'token name already exists' })
    let role: string | undefined
    let permissions: string[]
    if (body.role !== undefined) {
      if (typeof body.role !== 'string' || !ROLES[body.role]) return json(400, { error: `invalid role: ${String(body.role)} (valid roles: viewer, ops, deployer, cicd, admin)` })
      role = body.role
      permissions = ROLES[body.role]!
    } else if (Array.isArray(body.permissions) && body.permissions.every((p) => typeof p === 'string')) {
      permissions = body.permissions as string[]
    } else {
      return json(400, { error: 'role or permissions is required' })
    }
    this.createCount++
    const { token, secret } = this.insert(body.name, role, permissions)
    return json(200, { token: secret, id: token.id, name: token.name, permissions, api_token: view(token) })
  }

  private rename(t: StoredToken, req: EmuRequest): EmuResponse {
    const body = (req.body ?? {}) as { name?: string; permissions?: string[] }
    if (body.name) t.name = body.name
    if (body.permissions) t.permissions = body.permissions
    return json(200, view(t))
  }

  private revoke(t: StoredToken): EmuResponse {
    t.revoked = true
    this.revokedIds.push(t.public_id)
    return { status: 204 }
  }
}

function view(t: StoredToken) {
  return { id: t.id, public_id: t.public_id, name: t.name, user_id: 1, permissions: t.permissions, created_at: t.created_at, expires_at: null, last_used_at: null }
}
