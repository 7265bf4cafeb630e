/**
 * Rack Gateway emulator (`/api/v1`, Bearer `rgw_...`), written from DocSpring/rack-gateway's own
 * handlers so that client mistakes fail here the way they fail there:
 * - create answers 200 (not 201) with `{token, id, name, permissions, api_token}`;
 * - tokens are addressed by `public_id`, a UUID column: an integer id finds nothing on GET and makes
 *   PUT/DELETE fail with 500, as Postgres refuses to compare it;
 * - names are trimmed and unique among existing tokens; the column is VARCHAR(150), so a longer name
 *   fails with 500 rather than a validation message;
 * - every token route needs its `gateway:api_token:<action>` permission, which among the roles
 *   only admin's `gateway:*:*` grants: others get 403 `insufficient permissions`;
 * - values are `rgw_` + padded base64url of 32 random bytes and only their SHA-256 is kept, so the
 *   emulator, like the gateway, can never hand a value back.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import {
  credential,
  Emulator,
  json,
  type EmulatorOptions,
  type EmuRequest,
  type EmuResponse,
  type Handler,
} from './base.js'

export type RackGatewayRole = 'viewer' | 'ops' | 'deployer' | 'cicd' | 'admin'

interface RoleDefinition {
  label: string
  description: string
  permissions: string[]
  parents: RackGatewayRole[]
}

// internal/gateway/rbac/roles_config.go: each role's own permissions plus those of its parents.
const ROLE_DEFINITIONS: Record<RackGatewayRole, RoleDefinition> = {
  viewer: {
    label: 'Viewer',
    description: 'Read-only access to apps, builds, processes, and rack status',
    permissions: [
      'convox:app:list',
      'convox:app:read',
      'convox:process:list',
      'convox:process:read',
      'convox:instance:list',
      'convox:instance:read',
      'convox:log:read',
      'convox:build:list',
      'convox:build:read',
      'convox:rack:read',
    ],
    parents: [],
  },
  ops: {
    label: 'Operations',
    description: 'Restart apps, manage processes, and view environments',
    permissions: [
      'convox:app:restart',
      'convox:process:start',
      'convox:process:exec',
      'convox:process:terminate',
      'convox:release:list',
      'convox:env:read',
    ],
    parents: ['viewer'],
  },
  deployer: {
    label: 'Deployer',
    description: 'Full deployment permissions including env updates',
    permissions: [
      'convox:app:restart',
      'convox:build:create',
      'convox:object:create',
      'convox:release:create',
      'convox:release:read',
      'convox:release:promote',
      'convox:env:read',
      'convox:env:set',
      'convox:app:update',
      'gateway:deploy_approval_request:create',
      'gateway:deploy_approval_request:read',
    ],
    parents: ['ops'],
  },
  cicd: {
    label: 'CI/CD',
    description: 'Recommended scope for automation tokens (not assignable to human users)',
    permissions: [
      'convox:app:list',
      'convox:app:read',
      'convox:process:list',
      'convox:process:read',
      'gateway:deploy_approval_request:create',
      'gateway:deploy_approval_request:read',
      'convox:deploy:deploy_with_approval',
      'convox:instance:list',
      'convox:instance:read',
      'convox:rack:read',
    ],
    parents: [],
  },
  admin: {
    label: 'Admin',
    description: 'Complete access to all gateway operations',
    permissions: ['convox:*:*', 'gateway:*:*'],
    parents: [],
  },
}

export const RACK_GATEWAY_ROLE_ORDER: RackGatewayRole[] = ['viewer', 'ops', 'deployer', 'cicd', 'admin']

function flatten(role: RackGatewayRole): string[] {
  const def = ROLE_DEFINITIONS[role]
  return [...new Set([...def.permissions, ...def.parents.flatMap(flatten)])].sort()
}

/** Each role's full permission list, sorted, as the gateway grants it when a token is made with `role`. */
export const ROLE_PERMISSIONS = Object.fromEntries(RACK_GATEWAY_ROLE_ORDER.map((r) => [r, flatten(r)])) as Record<
  RackGatewayRole,
  string[]
>

const isRole = (value: string): value is RackGatewayRole => value in ROLE_DEFINITIONS

/** `scope:resource:action` grants with `*` wildcards per segment. */
function grants(held: string[], wanted: string): boolean {
  const want = wanted.split(':')
  return held.some((p) => {
    const have = p.split(':')
    return have.length === want.length && have.every((seg, i) => seg === '*' || seg === want[i])
  })
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const NAME_COLUMN_LENGTH = 150
const error = (status: number, message: string) => json(status, { error: message })

/** `rgw_` + base64url (with padding, as Go's base64.URLEncoding) of 32 random bytes: always ends in `=`. */
export function rackGatewayToken(): string {
  return `rgw_${randomBytes(32).toString('base64').replace(/\+/g, '-').replace(/\//g, '_')}`
}

interface User {
  id: number
  email: string
  name: string
  roles: RackGatewayRole[]
}

interface StoredToken {
  id: number
  public_id: string
  name: string
  user_id: number
  created_by_user_id?: number
  permissions: string[]
  hash: string
  created_at: string
  last_used_at: string | null
  revoked: boolean
}

export interface RackGatewayTokenSummary {
  public_id: string
  name: string
  created_at: string
  permissions: string[]
  revoked: boolean
}

type AuthedHandler = (req: EmuRequest, caller: StoredToken) => EmuResponse

/** Go's JSON binding error for a field of the wrong type. */
function bindError(
  struct: string,
  body: Record<string, unknown>,
  fields: Record<string, 'string' | '[]string'>,
): EmuResponse | undefined {
  for (const [field, type] of Object.entries(fields)) {
    const value = body[field]
    if (value === undefined || value === null) continue
    const ok =
      type === 'string' ? typeof value === 'string' : Array.isArray(value) && value.every((v) => typeof v === 'string')
    if (!ok)
      return error(
        400,
        `json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into Go struct field ${struct}.${field} of type ${type}`,
      )
  }
  return undefined
}

export class RackGatewayEmulator extends Emulator {
  readonly revokedIds: string[] = []
  /** Tokens minted through the API (bootstrap tokens do not count). */
  createCount = 0
  /** Injectable time, so tests can make tokens look old. */
  clock: () => Date
  private readonly store: StoredToken[] = []
  private readonly users: User[] = [{ id: 1, email: 'admin@example.com', name: 'Gateway Admin', roles: ['admin'] }]
  private nextId = 1

  constructor(options: EmulatorOptions & { clock?: () => Date } = {}) {
    super('rack-gateway', options)
    this.clock = options.clock ?? (() => new Date())
    const tokenRoute = (action: string, handler: AuthedHandler) => this.authed(handler, `gateway:api_token:${action}`)
    this.route(
      'POST',
      '/api/v1/api-tokens',
      tokenRoute('create', (r, caller) => this.create(r, caller)),
    )
    this.route(
      'GET',
      '/api/v1/api-tokens',
      tokenRoute('read', () =>
        json(
          200,
          this.newestFirst().map((t) => this.view(t)),
        ),
      ),
    )
    this.route(
      'GET',
      '/api/v1/api-tokens/permissions',
      this.authed((_r, caller) => json(200, this.permissionCatalog(caller))),
    )
    this.route(
      'GET',
      '/api/v1/api-tokens/:id',
      tokenRoute('read', (r) => this.withToken(r, 404, (t) => json(200, this.view(t)))),
    )
    this.route(
      'PUT',
      '/api/v1/api-tokens/:id',
      tokenRoute('update', (r) => this.update(r)),
    )
    this.route(
      'DELETE',
      '/api/v1/api-tokens/:id',
      tokenRoute('delete', (r) => this.withToken(r, 500, (t) => this.revoke(t))),
    )
    this.route(
      'GET',
      '/api/v1/info',
      this.authed((_r, caller) => json(200, this.info(caller))),
    )
  }

  /** A bootstrap credential with role admin (what an operator makes in the gateway's UI). */
  addAdminToken(): string {
    return this.addToken('admin')
  }

  /** A credential that may read the token list but not create or delete tokens (an auditor's). */
  addTokenReader(): string {
    return this.insert(
      `bootstrap-reader-${this.nextId}`,
      ['gateway:api_token:read', ...ROLE_PERMISSIONS.viewer],
      this.users[0]!.id,
    ).secret
  }

  addToken(role: RackGatewayRole, name = `bootstrap-${role}-${this.nextId}`): string {
    return this.insert(name, ROLE_PERMISSIONS[role], this.users[0]!.id).secret
  }

  /** A gateway user that tokens can be made for (`user_email`). */
  addUser(email: string, roles: RackGatewayRole[] = ['viewer']): number {
    const id = this.users.length + 1
    this.users.push({ id, email, name: email.split('@')[0]!, roles })
    return id
  }

  isValid(secret: string): boolean {
    return this.bySecret(secret) !== undefined
  }

  /** Every token ever made, deleted ones flagged; never a value. */
  tokens(): RackGatewayTokenSummary[] {
    return this.store.map((t) => ({
      public_id: t.public_id,
      name: t.name,
      created_at: t.created_at,
      permissions: t.permissions,
      revoked: t.revoked,
    }))
  }

  /** The SHA-256 (hex) the gateway stores for a token: lets a test match a value without the gateway ever handing one back. */
  hashOf(publicId: string): string | undefined {
    return this.store.find((t) => t.public_id === publicId)?.hash
  }

  /** A day (or `days`) passes: every token was created that much earlier. */
  passTime(days = 1): void {
    for (const t of this.store) this.ageToken(t.public_id, days)
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

  private newestFirst(): StoredToken[] {
    return this.live().sort((a, b) => b.created_at.localeCompare(a.created_at))
  }

  private bySecret(secret: string): StoredToken | undefined {
    const hash = sha256(secret)
    return this.store.find((t) => t.hash === hash && !t.revoked)
  }

  private insert(
    name: string,
    permissions: string[],
    userId: number,
    createdBy?: number,
  ): { token: StoredToken; secret: string } {
    const secret = rackGatewayToken()
    const token: StoredToken = {
      id: this.nextId++,
      public_id: randomUUID(),
      name,
      user_id: userId,
      created_by_user_id: createdBy,
      permissions,
      hash: sha256(secret),
      created_at: this.clock().toISOString(),
      last_used_at: null,
      revoked: false,
    }
    this.store.push(token)
    return { token, secret }
  }

  /** Authentication as the gateway does it, then the route's permission, if it has one. */
  private authed(handler: AuthedHandler, permission?: string): Handler {
    return (req) => {
      const secret = credential(req)
      if (!secret) return error(401, 'missing authentication')
      // Bearer values without the rgw_ prefix are taken for web session tokens.
      if (!secret.startsWith('rgw_')) return error(401, 'authentication failed: session not found')
      const caller = this.bySecret(secret)
      if (!caller) return error(401, 'authentication failed: invalid API token: invalid token')
      caller.last_used_at = this.clock().toISOString()
      if (permission && !grants(caller.permissions, permission)) return error(403, 'insufficient permissions')
      return handler(req, caller)
    }
  }

  /** Looks a token up by public_id; a non-UUID id is a database error on the routes that report one. */
  private withToken(req: EmuRequest, statusForBadId: 404 | 500, then: (t: StoredToken) => EmuResponse): EmuResponse {
    const id = req.params.id!.trim()
    if (!UUID.test(id))
      return statusForBadId === 404 ? error(404, 'token not found') : error(500, 'failed to load token')
    const t = this.live().find((s) => s.public_id === id.toLowerCase())
    return t ? then(t) : error(404, 'token not found')
  }

  private nameProblem(name: string, except?: StoredToken): EmuResponse | undefined {
    if (!name) return error(400, 'token name is required')
    if (this.live().some((t) => t.name === name && t !== except)) return error(400, 'token name already exists')
    return undefined
  }

  private create(req: EmuRequest, caller: StoredToken): EmuResponse {
    const body = (req.body ?? {}) as Record<string, unknown>
    const bad = bindError('CreateAPITokenRequest', body, {
      name: 'string',
      user_email: 'string',
      role: 'string',
      permissions: '[]string',
    })
    if (bad) return bad
    if (!body.name)
      return error(
        400,
        "Key: 'CreateAPITokenRequest.Name' Error:Field validation for 'Name' failed on the 'required' tag",
      )
    const name = (body.name as string).trim()
    const role = ((body.role as string | undefined) ?? '').trim().toLowerCase()
    let permissions = (body.permissions as string[] | undefined) ?? []
    // Explicit permissions win; the role is only a shortcut and is not even checked then.
    if (role && !permissions.length) {
      if (!isRole(role)) return error(400, `invalid role: ${role} (valid roles: viewer, ops, deployer, cicd, admin)`)
      permissions = ROLE_PERMISSIONS[role]
    }
    if (!permissions.length) return error(400, 'permissions required - specify --role or --permission')
    const email = ((body.user_email as string | undefined) ?? '').trim() || this.owner(caller).email
    const user = this.users.find((u) => u.email === email)
    if (!user) return error(404, 'user not found')
    const problem = this.nameProblem(name)
    if (problem) return problem
    if (name.length > NAME_COLUMN_LENGTH) return error(500, 'failed to create token')
    this.createCount++
    const { token, secret } = this.insert(name, permissions, user.id, caller.user_id)
    return json(200, {
      token: secret,
      id: token.id,
      name: token.name,
      permissions: token.permissions,
      api_token: this.view(token),
    })
  }

  private update(req: EmuRequest): EmuResponse {
    const body = (req.body ?? {}) as Record<string, unknown>
    const bad = bindError('UpdateAPITokenRequest', body, { name: 'string', permissions: '[]string' })
    if (bad) return bad
    return this.withToken(req, 500, (t) => {
      const name = ((body.name as string | undefined) ?? '').trim()
      if (name && name !== t.name) {
        const problem = this.nameProblem(name, t)
        if (problem) return problem
        if (name.length > NAME_COLUMN_LENGTH) return error(500, 'failed to update token name')
        t.name = name
      }
      if (Array.isArray(body.permissions)) t.permissions = body.permissions as string[]
      return json(200, this.view(t))
    })
  }

  private revoke(t: StoredToken): EmuResponse {
    t.revoked = true
    this.revokedIds.push(t.public_id)
    return { status: 204 }
  }

  private owner(t: StoredToken): User {
    return this.users.find((u) => u.id === t.user_id)!
  }

  private view(t: StoredToken) {
    const creator = this.users.find((u) => u.id === t.created_by_user_id)
    return {
      id: t.id,
      public_id: t.public_id,
      name: t.name,
      user_id: t.user_id,
      ...(creator
        ? { created_by_user_id: creator.id, created_by_email: creator.email, created_by_name: creator.name }
        : {}),
      permissions: t.permissions,
      created_at: t.created_at,
      expires_at: null,
      last_used_at: t.last_used_at,
    }
  }

  /** GET /api-tokens/permissions: the catalog the gateway's token form is built from. */
  private permissionCatalog(caller: StoredToken) {
    const all = [...new Set(Object.values(ROLE_PERMISSIONS).flat())].filter((p) => p !== 'convox:*:*').sort()
    const user = this.owner(caller)
    return {
      permissions: [...all, 'convox:*:*'],
      roles: RACK_GATEWAY_ROLE_ORDER.map((name) => ({
        name,
        label: ROLE_DEFINITIONS[name].label,
        description: ROLE_DEFINITIONS[name].description,
        permissions: ROLE_PERMISSIONS[name],
      })),
      user_roles: user.roles,
      // The calling credential's own permissions: what every route checks it against.
      user_permissions: [...caller.permissions].sort(),
      default_permissions: ROLE_PERMISSIONS.cicd,
    }
  }

  /** GET /info as an API token sees it: the owner's profile (an API token carries no roles), the rack, the version. */
  private info(caller: StoredToken) {
    const user = this.owner(caller)
    return {
      user: {
        email: user.email,
        name: user.name,
        roles: [],
        mfa_enrolled: false,
        mfa_required: false,
        has_trusted_device: false,
      },
      rack: { name: 'production', alias: 'production', host: 'rack.internal.example' },
      integrations: { slack: false, github: false, circleci: false },
      version: { version: 'emulator', commit_hash: '0000000' },
    }
  }
}
