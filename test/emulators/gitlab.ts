/**
 * GitLab API v4 emulator for group and project CI/CD variables, modelled on GitLab 17.4+ (the first
 * release with `masked_and_hidden`) as its source reads: lib/api/group_variables.rb,
 * lib/api/ci/variables.rb, API::Helpers::VariablesHelpers, Ci::ChangeVariableService and the model
 * concerns Ci::HasVariable, Ci::Maskable, Ci::HidableVariable.
 *
 * - `:id` is the numeric id or the URL-encoded full path (`a%2Fb`); paths match case-insensitively.
 * - POST 201, PUT 200, DELETE 204; model errors are 400 `{"message":{attribute:[...]}}`, parameter
 *   errors 400 `{"error":"key is missing"}`.
 * - A key held in several environment scopes answers 409 on GET/DELETE (and project PUT) unless
 *   `filter[environment_scope]` is sent. Group PUT never answers 409 without a filter: GitLab keeps its
 *   pre-16.9 behaviour there and updates the first variable with the key.
 * - Mask rule: raw=false `\A[a-zA-Z0-9_+=/@:.~-]{8,}\z`, raw=true `\A\S{8,}\z`; breaking it is
 *   `{"value":["is invalid"]}` (the API's text; only the web UI explains further).
 * - `masked_and_hidden` (create only) stores hidden + masked; reads then return `value: null`, and
 *   unmasking a hidden variable is refused.
 * - Owner (50) manages group variables, Maintainer (40) project ones, else 403 "403 Forbidden"; an
 *   entity the token cannot see is 404 "404 Group Not Found" / "404 Project Not Found".
 * - Instance-level variables (`/api/v4/admin/ci/variables`, lib/api/admin/ci/variables.rb): administrators
 *   only (others 403 "403 Forbidden"); no environment scope and no hidden flag.
 * - Tokens without the `api` scope (or `read_api` for GETs) get 403 `insufficient_scope`; unknown
 *   tokens 401. A switchable limit answers 429 "Retry later" with GitLab's RateLimit-* headers.
 */
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

export type Kind = 'group' | 'project'

/** GitLab's access levels. */
export const ACCESS = { guest: 10, reporter: 20, developer: 30, maintainer: 40, owner: 50 } as const

/** A stored variable, raw value included whatever its visibility. */
export interface Variable {
  key: string
  value: string
  variable_type: 'env_var' | 'file'
  protected: boolean
  masked: boolean
  hidden: boolean
  raw: boolean
  environment_scope: string
  description: string | null
}

export interface GitLabEmulatorOptions extends EmulatorOptions {
  rateLimit?: RateLimit
}

interface Namespace {
  id: number
  path: string
  kind: Kind
  created_at: string
  vars: Variable[]
}

interface TokenInfo {
  id: number
  userId: number
  username: string
  admin: boolean
  scopes: string[]
  /** Full path of a group or project -> access level there (inherited by everything below it). */
  access: Record<string, number>
  created_at: string
}

type Errors = Record<string, string[]>

const MANAGER: Record<Kind, number> = { group: ACCESS.owner, project: ACCESS.maintainer }
const NOT_FOUND: Record<Kind, string> = { group: '404 Group Not Found', project: '404 Project Not Found' }
const VARIABLE_NOT_FOUND: Record<Kind, string> = {
  group: '404 GroupVariable Not Found',
  project: '404 Variable Not Found',
}
const MASKED = /^[a-zA-Z0-9_+=/@:.~-]{8,}$/
/** Ruby's `\S` is ASCII-only: [^ \t\r\n\f\v]. */
const MASKED_RAW = /^[^ \t\r\n\f\v]{8,}$/u
const KEY = /^[a-zA-Z0-9_]+$/
const MAX_VALUE = 10_000
const BOOL: Record<string, boolean> = {
  true: true,
  '1': true,
  t: true,
  yes: true,
  y: true,
  on: true,
  false: false,
  '0': false,
  f: false,
  no: false,
  n: false,
  off: false,
}
const CREATE_PARAMS = [
  'key',
  'value',
  'protected',
  'masked',
  'masked_and_hidden',
  'raw',
  'variable_type',
  'environment_scope',
  'description',
] as const
const UPDATE_PARAMS = [
  'value',
  'protected',
  'masked',
  'raw',
  'variable_type',
  'environment_scope',
  'description',
] as const
/** lib/api/admin/ci/variables.rb: no environment_scope, no masked_and_hidden. */
const INSTANCE_PARAMS = ['key', 'value', 'protected', 'masked', 'raw', 'variable_type', 'description'] as const
const INSTANCE_UPDATE_PARAMS = ['value', 'protected', 'masked', 'raw', 'variable_type', 'description'] as const
const BOOLEAN_PARAMS = new Set(['protected', 'masked', 'masked_and_hidden', 'raw'])

export class GitLabEmulator extends Emulator {
  private rate?: RateWindow
  private readonly tokens = new Map<string, TokenInfo>()
  private readonly namespaces: Namespace[] = []
  /** The instance's own variables (kind 'group' for the shared helpers; never listed as a group). */
  private readonly instance: Namespace = { id: 0, path: '', kind: 'group', created_at: '', vars: [] }
  private nextId = 10

  constructor(options: GitLabEmulatorOptions = {}) {
    super('gitlab', options)
    this.setRateLimit(options.rateLimit)
    this.guards.push(
      () => this.limit(),
      (r) => this.authenticate(r),
    )
    this.route('GET', '/api/v4/user', (r) => json(200, this.user(this.caller(r)!)))
    this.route('GET', '/api/v4/personal_access_tokens/self', (r) => json(200, this.tokenView(this.caller(r)!)))
    for (const kind of ['group', 'project'] as const) {
      const base = `/api/v4/${kind}s/:id`
      this.route('GET', base, (r) => this.visible(r, kind, (ns) => json(200, this.view(r, ns))))
      this.route('GET', `${base}/variables`, (r) => this.manage(r, kind, (ns) => json(200, ns.vars.map(present))))
      this.route('POST', `${base}/variables`, (r) => this.manage(r, kind, (ns) => this.create(r, ns)))
      this.route('GET', `${base}/variables/:key`, (r) =>
        this.manage(r, kind, (ns) => this.withVariable(r, ns, (v) => json(200, present(v)))),
      )
      this.route('PUT', `${base}/variables/:key`, (r) =>
        this.manage(r, kind, (ns) => this.withVariable(r, ns, (v) => this.update(r, ns, v))),
      )
      this.route('DELETE', `${base}/variables/:key`, (r) =>
        this.manage(r, kind, (ns) =>
          this.withVariable(r, ns, (v) => {
            ns.vars.splice(ns.vars.indexOf(v), 1)
            return { status: 204 }
          }),
        ),
      )
    }
    const admin = (r: EmuRequest, then: () => EmuResponse) =>
      this.caller(r)!.admin ? then() : json(403, { message: '403 Forbidden' })
    const instanceVariable = (r: EmuRequest, then: (v: Variable) => EmuResponse) => {
      const v = this.instance.vars.find((x) => x.key === r.params.key)
      return v ? then(v) : json(404, { message: '404 Variable Not Found' })
    }
    this.route('GET', '/api/v4/admin/ci/variables', (r) =>
      admin(r, () => json(200, this.instance.vars.map(presentInstance))),
    )
    this.route('POST', '/api/v4/admin/ci/variables', (r) =>
      admin(r, () => this.create(r, this.instance, INSTANCE_PARAMS)),
    )
    this.route('GET', '/api/v4/admin/ci/variables/:key', (r) =>
      admin(r, () => instanceVariable(r, (v) => json(200, presentInstance(v)))),
    )
    this.route('PUT', '/api/v4/admin/ci/variables/:key', (r) =>
      admin(r, () => instanceVariable(r, (v) => this.update(r, this.instance, v, INSTANCE_UPDATE_PARAMS))),
    )
    for (const method of ['GET', 'POST', 'PUT', 'DELETE'])
      this.route(method, '/api/v4/*rest', () => json(404, { error: '404 Not Found' }))
  }

  /** Turns 429 answers on (or off with undefined). */
  setRateLimit(limit?: RateLimit): void {
    this.rate = limit && new RateWindow(limit.limit, limit.windowMs)
  }

  /** A personal access token; `access` maps group/project full paths to access levels (see ACCESS). */
  addToken(
    token: string,
    info: { username: string; scopes?: string[]; access: Record<string, number>; admin?: boolean },
  ): void {
    const id = this.tokens.size + 1
    this.tokens.set(token, {
      id,
      userId: 100 + id,
      username: info.username,
      admin: info.admin ?? false,
      scopes: info.scopes ?? ['api'],
      access: info.access,
      created_at: new Date().toISOString(),
    })
  }

  /** Adds a group (and any missing parent groups); returns its id. */
  addGroup(path: string): number {
    return this.addNamespace(path, 'group')
  }

  /** Adds a project (and any missing parent groups); returns its id. */
  addProject(path: string): number {
    return this.addNamespace(path, 'project')
  }

  /** The stored record (a copy), raw value and flags included, hidden or not. */
  variable(kind: Kind, path: string, key: string, scope = '*'): Variable | undefined {
    const v = this.find(kind, path)?.vars.find((x) => x.key === key && x.environment_scope === scope)
    return v && { ...v }
  }

  /** An instance-level variable (a copy), raw value included. */
  instanceVariable(key: string): Variable | undefined {
    const v = this.instance.vars.find((x) => x.key === key)
    return v && { ...v }
  }

  /** Removes a variable, as someone deleting it in the UI would. */
  deleteVariable(kind: Kind, path: string, key: string, scope = '*'): void {
    const ns = this.find(kind, path)
    if (ns) ns.vars = ns.vars.filter((x) => !(x.key === key && x.environment_scope === scope))
  }

  /** Stores a variable as if made earlier, bypassing the API's rules (e.g. protected, or hidden). */
  seedVariable(kind: Kind, path: string, v: Partial<Variable> & { key: string; value: string }): void {
    const ns = this.find(kind, path)
    if (!ns) throw new Error(`seedVariable: no ${kind} ${path}`)
    ns.vars.push({
      variable_type: 'env_var',
      protected: false,
      masked: false,
      hidden: false,
      raw: false,
      environment_scope: '*',
      description: null,
      ...v,
    })
  }

  private addNamespace(path: string, kind: Kind): number {
    const parent = path.split('/').slice(0, -1).join('/')
    if (parent) this.addNamespace(parent, 'group')
    const existing = this.find(kind, path)
    if (existing) return existing.id
    const id = this.nextId++
    this.namespaces.push({ id, path, kind, created_at: new Date().toISOString(), vars: [] })
    return id
  }

  private find(kind: Kind, idOrPath: string): Namespace | undefined {
    const wanted = idOrPath.toLowerCase()
    return this.namespaces.find(
      (n) => n.kind === kind && (n.path.toLowerCase() === wanted || String(n.id) === idOrPath),
    )
  }

  private caller(req: EmuRequest): TokenInfo | undefined {
    const h = req.headers['private-token'] ?? req.headers.authorization?.replace(/^Bearer\s+/i, '')
    return this.tokens.get(Array.isArray(h) ? h[0]! : (h ?? ''))
  }

  private limit(): EmuResponse {
    const waitMs = this.rate?.take() ?? 0
    if (waitMs <= 0) return PASS
    const now = Date.now()
    const reset = Math.ceil((now + waitMs) / 1000)
    return json(429, 'Retry later\n', {
      'content-type': 'text/plain',
      'ratelimit-name': 'throttle_authenticated_api',
      'ratelimit-limit': String(this.rate!.limit),
      'ratelimit-observed': String(this.rate!.observed + 1),
      'ratelimit-remaining': '0',
      'ratelimit-reset': String(reset),
      'ratelimit-resettime': new Date(reset * 1000).toUTCString(),
      'retry-after': String(Math.ceil(waitMs / 1000)),
    })
  }

  /** 401 for unknown tokens; 403 insufficient_scope when the token's scopes do not cover the endpoint. */
  private authenticate(req: EmuRequest): EmuResponse {
    const t = this.caller(req)
    if (!t) return json(401, { message: '401 Unauthorized' })
    const path = req.path.replace(/\/+$/, '')
    if (path === '/api/v4/personal_access_tokens/self') return PASS
    const allowed = [
      'api',
      ...(req.method === 'GET' ? ['read_api'] : []),
      ...(path === '/api/v4/user' ? ['read_user'] : []),
    ]
    if (allowed.some((s) => t.scopes.includes(s))) return PASS
    return json(403, {
      error: 'insufficient_scope',
      error_description: 'The request requires higher privileges than provided by the access token.',
      scope: allowed.join(' '),
    })
  }

  /** The caller's access level on a namespace, inherited from its parent groups. */
  private level(req: EmuRequest, ns: Namespace): number {
    const path = ns.path.toLowerCase()
    let best = 0
    for (const [p, lvl] of Object.entries(this.caller(req)!.access)) {
      const q = p.toLowerCase()
      if (path === q || path.startsWith(`${q}/`)) best = Math.max(best, lvl)
    }
    return best
  }

  private visible(req: EmuRequest, kind: Kind, then: (ns: Namespace) => EmuResponse): EmuResponse {
    const ns = this.find(kind, req.params.id!)
    return ns && this.level(req, ns) > 0 ? then(ns) : json(404, { message: NOT_FOUND[kind] })
  }

  private manage(req: EmuRequest, kind: Kind, then: (ns: Namespace) => EmuResponse): EmuResponse {
    return this.visible(req, kind, (ns) =>
      this.level(req, ns) >= MANAGER[kind] ? then(ns) : json(403, { message: '403 Forbidden' }),
    )
  }

  private user(t: TokenInfo) {
    return {
      id: t.userId,
      username: t.username,
      name: t.username,
      state: 'active',
      locked: false,
      avatar_url: null,
      web_url: `${this.url}/${t.username}`,
      created_at: t.created_at,
      bot: false,
    }
  }

  private tokenView(t: TokenInfo) {
    return {
      id: t.id,
      name: 'token-action',
      revoked: false,
      created_at: t.created_at,
      description: null,
      scopes: t.scopes,
      user_id: t.userId,
      last_used_at: new Date().toISOString(),
      active: true,
      expires_at: null,
    }
  }

  private view(req: EmuRequest, ns: Namespace) {
    const name = ns.path.split('/').pop()!
    const common = {
      id: ns.id,
      name,
      path: name,
      description: '',
      visibility: 'private',
      web_url: `${this.url}/${ns.path}`,
      created_at: ns.created_at,
    }
    const parentPath = ns.path.split('/').slice(0, -1).join('/')
    const parent = parentPath ? this.find('group', parentPath) : undefined
    if (ns.kind === 'group')
      return { ...common, full_name: ns.path.split('/').join(' / '), full_path: ns.path, parent_id: parent?.id ?? null }
    const direct = this.caller(req)!.access[ns.path]
    const access = { access_level: this.level(req, ns), notification_level: 3 }
    return {
      ...common,
      name_with_namespace: ns.path.split('/').join(' / '),
      path_with_namespace: ns.path,
      default_branch: 'main',
      namespace: {
        id: parent?.id,
        name: parentPath.split('/').pop(),
        path: parentPath.split('/').pop(),
        kind: 'group',
        full_path: parentPath,
      },
      permissions: { project_access: direct ? access : null, group_access: direct ? null : access },
    }
  }

  /** Finds the variable a GET/PUT/DELETE names, the way GitLab's find_variable does. */
  private withVariable(req: EmuRequest, ns: Namespace, then: (v: Variable) => EmuResponse): EmuResponse {
    const body = req.body as { filter?: { environment_scope?: unknown } } | undefined
    const scope = req.query.get('filter[environment_scope]') ?? body?.filter?.environment_scope
    const byKey = ns.vars.filter((v) => v.key === req.params.key)
    const matches = scope === undefined ? byKey : byKey.filter((v) => v.environment_scope === scope)
    const groupUpdate = ns.kind === 'group' && req.method === 'PUT'
    if (matches.length > 1 && !(groupUpdate && scope === undefined)) {
      return json(409, {
        message: "There are multiple variables with provided parameters. Please use 'filter[environment_scope]'",
      })
    }
    // Group PUT falls back to the first variable with the key (Ci::ChangeVariableService#find_variable).
    const v = matches[0] ?? (groupUpdate ? byKey[0] : undefined)
    return v ? then(v) : json(404, { message: VARIABLE_NOT_FOUND[ns.kind] })
  }

  private create(req: EmuRequest, ns: Namespace, names: readonly string[] = CREATE_PARAMS): EmuResponse {
    const { params: p, rejected } = declared(req.body, names, ['key', 'value'])
    if (rejected) return rejected
    const hidden = p.masked_and_hidden === true
    const v: Variable = {
      key: String(p.key).trim(),
      value: p.value as string,
      variable_type: (p.variable_type as Variable['variable_type'] | undefined) ?? 'env_var',
      protected: (p.protected as boolean | undefined) ?? false,
      masked: hidden || ((p.masked as boolean | undefined) ?? false),
      hidden,
      raw: (p.raw as boolean | undefined) ?? false,
      environment_scope: (p.environment_scope as string | undefined) ?? '*',
      description: (p.description as string | undefined) ?? null,
    }
    const errors = validate(v, undefined, ns)
    if (errors) return json(400, { message: errors })
    ns.vars.push(v)
    return json(201, ns === this.instance ? presentInstance(v) : present(v))
  }

  private update(req: EmuRequest, ns: Namespace, v: Variable, names: readonly string[] = UPDATE_PARAMS): EmuResponse {
    const { params: p, rejected } = declared(req.body, names, [])
    if (rejected) return rejected
    const next: Variable = { ...v, ...(p as Partial<Variable>) }
    const errors = validate(next, v, ns)
    if (errors) return json(400, { message: errors })
    Object.assign(v, next)
    return json(200, ns === this.instance ? presentInstance(v) : present(v))
  }
}

/**
 * Grape's view of a body: only the declared parameters, booleans coerced, required ones present,
 * `variable_type` one of its values; else 400 `{"error":"key is missing, masked is invalid"}`.
 */
function declared(
  body: unknown,
  names: readonly string[],
  required: string[],
): { params: Record<string, unknown>; rejected?: EmuResponse } {
  const b = (body ?? {}) as Record<string, unknown>
  const out: Record<string, unknown> = {}
  const problems: string[] = required.filter((n) => b[n] === undefined || b[n] === null).map((n) => `${n} is missing`)
  for (const n of names) {
    const x = b[n]
    if (x === undefined || x === null) continue
    if (BOOLEAN_PARAMS.has(n)) {
      const coerced = typeof x === 'boolean' ? x : BOOL[String(x).toLowerCase()]
      if (coerced === undefined) problems.push(`${n} is invalid`)
      out[n] = coerced
    } else if (typeof x === 'object') problems.push(`${n} is invalid`)
    else out[n] = String(x)
  }
  if (out.variable_type !== undefined && out.variable_type !== 'env_var' && out.variable_type !== 'file')
    problems.push('variable_type does not have a valid value')
  return { params: out, rejected: problems.length ? json(400, { error: problems.join(', ') }) : undefined }
}

/** The model validations, in GitLab's order; undefined when the record is valid. `was` is the stored record on update. */
function validate(v: Variable, was: Variable | undefined, ns: Namespace): Errors | undefined {
  const errors: Errors = {}
  const add = (attr: string, text: string) => (errors[attr] ??= []).push(text)
  if (!v.key) add('key', "can't be blank")
  if (v.key.length > 255) add('key', 'is too long (maximum is 255 characters)')
  if (v.key && !KEY.test(v.key)) add('key', "can contain only letters, digits and '_'.")
  if ([...v.value].length > MAX_VALUE) add('value', `is too long (maximum is ${MAX_VALUE} characters)`)
  if (v.masked && !(v.raw ? MASKED_RAW : MASKED).test(v.value)) add('value', 'is invalid')
  if (was?.hidden && v.masked !== was.masked)
    add('base', 'The visibility setting cannot be changed for masked and hidden variables.')
  if (v.description !== null && v.description.length > 255)
    add('description', 'is too long (maximum is 255 characters)')
  if (ns.vars.some((x) => x !== was && x.key === v.key && x.environment_scope === v.environment_scope))
    add('key', `(${v.key}) has already been taken`)
  return Object.keys(errors).length ? errors : undefined
}

/** Entities::Ci::Variable: a hidden variable's value is never returned. */
function present(v: Variable) {
  return {
    variable_type: v.variable_type,
    key: v.key,
    value: v.hidden ? null : v.value,
    hidden: v.hidden,
    protected: v.protected,
    masked: v.masked,
    raw: v.raw,
    environment_scope: v.environment_scope,
    description: v.description,
  }
}

/** Entities::Ci::InstanceVariable: no environment scope, no hidden flag. */
function presentInstance(v: Variable) {
  const { environment_scope: _scope, hidden: _hidden, ...rest } = present(v)
  return rest
}
