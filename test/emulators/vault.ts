/**
 * HashiCorp Vault emulator for the KV secrets engine (v1 and v2), as Vault 1.15's API answers:
 * - `GET /v1/sys/internal/ui/mounts/<path>` finds the mount of a path (longest prefix) with its type
 *   and `options.version` (KV v1 mounts answer `options: null`, as `vault secrets enable kv` leaves
 *   them); a path under no mount, or one the token has no capability on, is 403 "preflight
 *   capability check returned 403, please ensure client's policies grant access to path ...".
 * - KV v2 `GET|POST /v1/<mount>/data/<path>` with check-and-set (`options.cas`; a mismatch is 400
 *   "check-and-set parameter did not match the current version"); KV v1 `GET|POST|PUT /v1/<mount>/<path>`.
 *   A missing secret is 404 `{"errors":[]}`.
 * - ACL policies: capabilities per path (a trailing `*` is a prefix glob); a denial is 403
 *   `{"errors":["1 error occurred:\n\t* permission denied\n\n"]}`, an unknown token 403 "permission denied".
 * - `sys/capabilities-self`, `auth/token/lookup-self`, `auth/token/revoke-self`, and JWT login at
 *   `auth/<mount>/login` for JWTs issued by an ActionsOidcEmulator (bound to a role by repository).
 * - `X-Vault-Namespace` selects a namespace (each has its own mounts); switchable 429 rate-limit
 *   quota with `Retry-After`.
 * Every request is checked against Vault's OpenAPI description (hashicorp/vault-client-go).
 */
import { randomBytes } from 'node:crypto'
import {
  Emulator,
  json,
  PASS,
  RateWindow,
  type EmulatorOptions,
  type EmuRequest,
  type EmuResponse,
  type RateLimit,
} from './base.js'
import { vaultValidator } from './openapi-validator.js'

const DENIED = json(403, { errors: ['1 error occurred:\n\t* permission denied\n\n'] })
const BAD_TOKEN = json(403, { errors: ['permission denied'] })
type Capability = 'create' | 'read' | 'update' | 'delete' | 'list' | 'sudo' | 'deny' | 'root'

interface KvSecret {
  /** Versions oldest first (v2); v1 keeps only the last. */
  versions: { data: Record<string, unknown>; created_time: string; deleted: boolean }[]
}
interface Mount {
  path: string
  type: string
  version?: 1 | 2
  secrets: Map<string, KvSecret>
}
interface Token {
  namespace: string
  policy: Record<string, Capability[]>
  accessor: string
  role?: string
}

export class ActionsOidcEmulator extends Emulator {
  readonly issued = new Map<string, { repository: string }>()
  readonly requestToken = `oidc-request-${randomBytes(8).toString('hex')}`

  constructor(options: EmulatorOptions = {}) {
    super('actions-oidc', options)
    // The runner's ACTIONS_ID_TOKEN_REQUEST_URL answers {value} to its ACTIONS_ID_TOKEN_REQUEST_TOKEN.
    this.route('GET', '/_apis/idtoken', (r) => {
      if (r.headers.authorization !== `Bearer ${this.requestToken}`) return json(401, { message: 'unauthorized' })
      const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
      const jwt = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ sub: 'repo:acme/api:ref:refs/heads/main', aud: r.query.get('audience') ?? 'https://github.com/acme', repository: 'acme/api' })}.${randomBytes(32).toString('base64url')}`
      this.issued.set(jwt, { repository: 'acme/api' })
      return json(200, { count: 1, value: jwt })
    })
  }

  /** ACTIONS_ID_TOKEN_REQUEST_URL as a runner sets it. */
  get requestUrl(): string {
    return `${this.url}/_apis/idtoken?api-version=2.0`
  }
}

export interface VaultEmulatorOptions extends EmulatorOptions {
  rateLimit?: RateLimit
  oidc?: ActionsOidcEmulator
}

export class VaultEmulator extends Emulator {
  readonly openApiViolations: string[] = []
  /** Tokens revoked through revoke-self. */
  readonly revoked: string[] = []
  private rate?: RateWindow
  private readonly tokens = new Map<string, Token>()
  private readonly mounts = new Map<string, Mount[]>()
  private readonly roles = new Map<
    string,
    { mount: string; repository: string; policy: Record<string, Capability[]>; namespace: string }
  >()

  constructor(private readonly options: VaultEmulatorOptions = {}) {
    super('vault', options)
    this.setRateLimit(options.rateLimit)
    this.guards.push(
      (r) => this.validate(r),
      () => this.limit(),
    )
    this.route('GET', '/v1/sys/internal/ui/mounts/*path', (r) => this.authed(r, (t) => this.mountInfo(r, t)))
    this.route('POST', '/v1/sys/capabilities-self', (r) => this.authed(r, (t) => this.capabilitiesSelf(r, t)))
    this.route('GET', '/v1/auth/token/lookup-self', (r) => this.authed(r, (t, token) => this.lookupSelf(t, token)))
    this.route('POST', '/v1/auth/token/revoke-self', (r) =>
      this.authed(r, (_t, token) => {
        this.tokens.delete(token)
        this.revoked.push(token)
        return { status: 204 }
      }),
    )
    this.route('POST', '/v1/auth/*mount/login', (r) => this.login(r))
    for (const method of ['GET', 'POST', 'PUT'])
      this.route(method, '/v1/*path', (r) => this.authed(r, (t) => this.kv(r, t)))
  }

  setRateLimit(limit?: RateLimit): void {
    this.rate = limit && new RateWindow(limit.limit, limit.windowMs)
  }

  /** A KV mount (`version` 1 or 2) or another engine (`type`, e.g. `transit`), in a namespace ('' = root). */
  addMount(path: string, spec: { type?: string; version?: 1 | 2; namespace?: string }): void {
    const list = this.mounts.get(spec.namespace ?? '') ?? []
    list.push({
      path: `${path.replace(/\/+$/, '')}/`,
      type: spec.type ?? 'kv',
      version: spec.version,
      secrets: new Map(),
    })
    this.mounts.set(spec.namespace ?? '', list)
  }

  /** A token whose policy maps paths (a trailing `*` globs) to capabilities. */
  addToken(token: string, policy: Record<string, Capability[]>, namespace = ''): void {
    this.tokens.set(token, { namespace, policy, accessor: randomBytes(12).toString('hex') })
  }

  /** A JWT auth role: logins with an OIDC token of `repository` get `policy`. */
  addRole(
    name: string,
    spec: { mount?: string; repository: string; policy: Record<string, Capability[]>; namespace?: string },
  ): void {
    this.roles.set(`${spec.namespace ?? ''}|${spec.mount ?? 'jwt'}|${name}`, {
      mount: spec.mount ?? 'jwt',
      repository: spec.repository,
      policy: spec.policy,
      namespace: spec.namespace ?? '',
    })
  }

  isLive(token: string): boolean {
    return this.tokens.has(token)
  }

  /** Tokens made by JWT logins that are still valid. */
  liveLoginTokens(): string[] {
    return [...this.tokens].filter(([, t]) => t.role).map(([k]) => k)
  }

  /** The latest data of a secret (mount + path), or undefined. */
  secret(fullPath: string, namespace = ''): Record<string, unknown> | undefined {
    const found = this.locate(fullPath, namespace)
    const latest = found?.secret?.versions.at(-1)
    return latest && !latest.deleted ? { ...latest.data } : undefined
  }

  /** KV v2 version count of a secret. */
  versions(fullPath: string, namespace = ''): number {
    return this.locate(fullPath, namespace)?.secret?.versions.length ?? 0
  }

  /** Stores a secret as if written earlier (or by another writer), bypassing the API. */
  seedSecret(fullPath: string, data: Record<string, unknown>, namespace = ''): void {
    const found = this.locate(fullPath, namespace)
    if (!found) throw new Error(`seedSecret: no mount for ${fullPath}`)
    const s = found.secret ?? { versions: [] }
    if (found.mount.version !== 2) s.versions = []
    s.versions.push({ data: { ...data }, created_time: new Date().toISOString(), deleted: false })
    found.mount.secrets.set(found.sub, s)
  }

  private locate(fullPath: string, namespace: string) {
    const mount = this.mountFor(fullPath, namespace)
    if (!mount) return undefined
    const sub = fullPath.slice(mount.path.length)
    return { mount, sub, secret: mount.secrets.get(sub) }
  }

  private mountFor(path: string, namespace: string): Mount | undefined {
    return (this.mounts.get(namespace) ?? [])
      .filter((m) => `${path}/`.startsWith(m.path))
      .sort((a, b) => b.path.length - a.path.length)[0]
  }

  private validate(req: EmuRequest): EmuResponse {
    if (!req.path.startsWith('/v1/')) return json(404, { errors: [] })
    // Vault takes PUT and POST alike for writes; the description lists POST.
    const method = req.method === 'PUT' ? 'POST' : req.method
    const problems = vaultValidator().request(method, req.path.slice(3), req.query, req.body)
    if (!problems.length) return PASS
    this.openApiViolations.push(...problems.map((p) => `${req.method} ${req.path}: ${p}`))
    return json(400, { errors: problems })
  }

  private limit(): EmuResponse {
    const waitMs = this.rate?.take() ?? 0
    if (waitMs <= 0) return PASS
    return json(
      429,
      { errors: ['request path "sys": rate limit quota exceeded'] },
      {
        'retry-after': String(Math.ceil(waitMs / 1000)),
        'x-ratelimit-limit': String(this.rate!.limit),
        'x-ratelimit-remaining': '0',
      },
    )
  }

  private namespaceOf(req: EmuRequest): string {
    const h = req.headers['x-vault-namespace']
    return (Array.isArray(h) ? h[0] : h)?.replace(/^\/+|\/+$/g, '') ?? ''
  }

  private authed(req: EmuRequest, then: (t: Token, token: string) => EmuResponse): EmuResponse {
    const h = req.headers['x-vault-token']
    const token = Array.isArray(h) ? h[0] : h
    const t = token ? this.tokens.get(token) : undefined
    if (!t || t.namespace !== this.namespaceOf(req)) return BAD_TOKEN
    return then(t, token!)
  }

  /** The token's capabilities on an API path (longest matching policy path wins, as Vault's ACL does). */
  private capabilities(t: Token, path: string): Capability[] {
    let best: { len: number; caps: Capability[] } | undefined
    for (const [p, caps] of Object.entries(t.policy)) {
      const glob = p.endsWith('*')
      const ok = glob ? path.startsWith(p.slice(0, -1)) : path === p
      const len = glob ? p.length - 1 : p.length + 1
      if (ok && (!best || len > best.len)) best = { len, caps }
    }
    if (!best || best.caps.includes('deny')) return ['deny']
    return best.caps
  }

  private mountInfo(req: EmuRequest, t: Token): EmuResponse {
    const path = req.params.path!.replace(/\/+$/, '')
    const mount = this.mountFor(path, t.namespace)
    const denied = json(403, {
      errors: [
        `preflight capability check returned 403, please ensure client's policies grant access to path "${path}/"`,
      ],
    })
    if (!mount) return denied
    const reachable = Object.keys(t.policy).some(
      (p) => p.startsWith(mount.path) || mount.path.startsWith(p.replace(/\*$/, '')),
    )
    if (!reachable) return denied
    return json(200, {
      request_id: randomBytes(8).toString('hex'),
      data: {
        accessor: `${mount.type}_${randomBytes(4).toString('hex')}`,
        config: { default_lease_ttl: 0, max_lease_ttl: 0, force_no_cache: false },
        description: '',
        external_entropy_access: false,
        local: false,
        options: mount.type === 'kv' && mount.version === 2 ? { version: '2' } : null,
        path: mount.path,
        plugin_version: '',
        running_plugin_version: 'v0.16.1+builtin',
        running_sha256: '',
        seal_wrap: false,
        type: mount.type,
        uuid: randomBytes(16).toString('hex'),
      },
    })
  }

  private capabilitiesSelf(req: EmuRequest, t: Token): EmuResponse {
    const paths = (req.body as { paths?: string[] } | undefined)?.paths ?? []
    const out: Record<string, unknown> = {}
    for (const p of paths) out[p] = this.capabilities(t, p)
    if (paths.length === 1) out.capabilities = out[paths[0]!]
    return json(200, { ...out, data: { ...out } })
  }

  private lookupSelf(t: Token, token: string): EmuResponse {
    return json(200, {
      data: {
        accessor: t.accessor,
        display_name: t.role ? `jwt-${t.role}` : 'token',
        id: token,
        namespace_path: t.namespace ? `${t.namespace}/` : '',
        policies: ['default', 'token-action'],
        ttl: 3600,
        renewable: true,
      },
    })
  }

  private login(req: EmuRequest): EmuResponse {
    const body = req.body as { role?: string; jwt?: string } | undefined
    const ns = this.namespaceOf(req)
    const role = this.roles.get(`${ns}|${req.params.mount}|${body?.role ?? ''}`)
    if (!role) return json(400, { errors: [`role "${body?.role ?? ''}" could not be found`] })
    const claims = body?.jwt ? this.options.oidc?.issued.get(body.jwt) : undefined
    if (!claims) return json(400, { errors: ['error validating token: invalid signature'] })
    if (claims.repository !== role.repository)
      return json(400, {
        errors: ['error validating claims: claim "repository" does not match any associated bound claim values'],
      })
    const token = `hvs.${randomBytes(18).toString('base64url')}`
    this.tokens.set(token, {
      namespace: ns,
      policy: role.policy,
      accessor: randomBytes(12).toString('hex'),
      role: body!.role,
    })
    return json(200, {
      auth: {
        client_token: token,
        accessor: randomBytes(12).toString('hex'),
        policies: ['default'],
        lease_duration: 3600,
        renewable: true,
      },
    })
  }

  private kv(req: EmuRequest, t: Token): EmuResponse {
    const apiPath = req.params.path!
    const mount = this.mountFor(apiPath, t.namespace)
    if (!mount || mount.type !== 'kv')
      return json(404, { errors: [`no handler for route "${apiPath}". route entry not found.`] })
    let sub = apiPath.slice(mount.path.length)
    if (mount.version === 2) {
      if (!sub.startsWith('data/'))
        return json(404, { errors: [`no handler for route "${apiPath}". route entry not found.`] })
      sub = sub.slice('data/'.length)
    }
    if (!sub) return json(405, { errors: ['1 error occurred:\n\t* unsupported operation\n\n'] })
    const caps = this.capabilities(t, apiPath)
    const can = (c: Capability) => caps.includes('root') || caps.includes(c)
    const secret = mount.secrets.get(sub)
    const latest = secret?.versions.at(-1)
    if (req.method === 'GET') {
      if (!can('read')) return DENIED
      if (!latest || latest.deleted) return json(404, { errors: [] })
      if (mount.version !== 2) return json(200, { data: { ...latest.data }, lease_duration: 2764800 })
      return json(200, {
        data: {
          data: { ...latest.data },
          metadata: {
            created_time: latest.created_time,
            custom_metadata: null,
            deletion_time: '',
            destroyed: false,
            version: secret!.versions.length,
          },
        },
      })
    }
    if (!can(secret ? 'update' : 'create')) return DENIED
    if (mount.version !== 2) {
      const data = req.body as Record<string, unknown>
      mount.secrets.set(sub, {
        versions: [{ data: { ...data }, created_time: new Date().toISOString(), deleted: false }],
      })
      return { status: 204 }
    }
    const body = req.body as { data?: Record<string, unknown>; options?: { cas?: unknown } }
    if (!body?.data || typeof body.data !== 'object') return json(400, { errors: ['no data provided'] })
    const current = secret?.versions.length ?? 0
    const cas = body.options?.cas
    if (cas !== undefined && Number(cas) !== current)
      return json(400, { errors: ['check-and-set parameter did not match the current version'] })
    const s = secret ?? { versions: [] }
    const created_time = new Date().toISOString()
    s.versions.push({ data: { ...body.data }, created_time, deleted: false })
    mount.secrets.set(sub, s)
    return json(200, {
      data: { created_time, custom_metadata: null, deletion_time: '', destroyed: false, version: s.versions.length },
    })
  }
}
