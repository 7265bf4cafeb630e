/**
 * GitLab API v4 emulator for group and project CI/CD variables, per API-NOTES.md: ids or URL-encoded
 * full paths, POST 201 / PUT 200 / DELETE 204, "has already been taken", 409 for a key in several
 * scopes unless `filter[environment_scope]` is sent, the mask rule, masked_and_hidden on create
 * only, Owner / Maintainer access levels, api scope, 401/403/404 bodies and a switchable 429.
 */
import { Emulator, json, PASS, type EmulatorOptions, type EmuRequest, type EmuResponse } from './base.js'

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

interface Namespace {
  id: number
  path: string
  kind: 'group' | 'project'
  vars: Variable[]
}

interface TokenInfo {
  username: string
  scopes: string[]
  access: Record<string, number>
}

const OWNER = 50
const MAINTAINER = 40
const KEY = /^[A-Za-z0-9_]+$/

/** GitLab's mask rule: >= 8 chars; raw=false also limits the alphabet; whitespace never masks. */
export function maskable(value: string, raw: boolean): boolean {
  if (value.length < 8 || /\s/.test(value)) return false
  return raw || /^[a-zA-Z0-9_+=/@:.~-]+$/.test(value)
}

export class GitLabEmulator extends Emulator {
  private readonly tokens = new Map<string, TokenInfo>()
  private readonly namespaces: Namespace[] = []
  private nextId = 10
  private rate?: { limit: number; windowMs: number; hits: number[] }

  constructor(options: EmulatorOptions & { rateLimit?: { limit: number; windowMs: number } } = {}) {
    super('gitlab', options)
    if (options.rateLimit) this.rate = { ...options.rateLimit, hits: [] }
    this.guards.push((r) => this.limit(r), (r) => this.authenticate(r))
    this.route('GET', '/api/v4/user', (r) => json(200, { id: 1, username: this.caller(r).username, state: 'active' }))
    this.route('GET', '/api/v4/personal_access_tokens/self', (r) => json(200, { id: 1, name: 'token-action', scopes: this.caller(r).scopes, active: true, revoked: false }))
    for (const kind of ['group', 'project'] as const) {
      const base = `/api/v4/${kind}s/:id`
      this.route('GET', base, (r) => this.visible(r, kind, (ns) => json(200, this.view(ns, r))))
      this.route('GET', `${base}/variables`, (r) => this.manage(r, kind, (ns) => json(200, ns.vars.map(show))))
      this.route('GET', `${base}/variables/:key`, (r) => this.manage(r, kind, (ns) => this.one(r, ns, (v) => json(200, show(v)))))
      this.route('POST', `${base}/variables`, (r) => this.manage(r, kind, (ns) => this.create(r, ns)))
      this.route('PUT', `${base}/variables/:key`, (r) => this.manage(r, kind, (ns) => this.one(r, ns, (v) => this.update(r, v))))
      this.route('DELETE', `${base}/variables/:key`, (r) => this.manage(r, kind, (ns) => this.one(r, ns, (v) => (ns.vars.splice(ns.vars.indexOf(v), 1), { status: 204 }))))
    }
  }

  addToken(token: string, info: { username: string; scopes?: string[]; access: Record<string, number> }): void {
    this.tokens.set(token, { username: info.username, scopes: info.scopes ?? ['api'], access: info.access })
  }

  addGroup(path: string): number {
    return this.addNamespace(path, 'group')
  }

  addProject(path: string): number {
    return this.addNamespace(path, 'project')
  }

  variable(kind: 'group' | 'project', path: string, key: string, scope = '*'): Variable | undefined {
    return this.find(kind, path)?.vars.find((v) => v.key === key && v.environment_scope === scope)
  }

  seedVariable(kind: 'group' | 'project', path: string, v: Partial<Variable> & { key: string; value: string }): void {
    this.find(kind, path)!.vars.push({ variable_type: 'env_var', protected: false, masked: false, hidden: false, raw: false, environment_scope: '*', description: null, ...v })
  }

  private addNamespace(path: string, kind: 'group' | 'project'): number {
    const existing = this.find(kind, path)
    if (existing) return existing.id
    const id = this.nextId++
    this.namespaces.push({ id, path, kind, vars: [] })
    return id
  }

  private find(kind: 'group' | 'project', idOrPath: string): Namespace | undefined {
    return this.namespaces.find((n) => n.kind === kind && (n.path === idOrPath || String(n.id) === idOrPath))
  }

  private caller(req: EmuRequest): TokenInfo {
    const h = req.headers['private-token'] ?? req.headers.authorization?.replace(/^Bearer\s+/i, '')
    return this.tokens.get(Array.isArray(h) ? h[0]! : (h ?? ''))!
  }

  private authenticate(req: EmuRequest): EmuResponse {
    const t = this.caller(req)
    if (!t) return json(401, { message: '401 Unauthorized' })
    if (!t.scopes.includes('api') && !(req.method === 'GET' && t.scopes.includes('read_api'))) {
      return json(403, { error: 'insufficient_scope', error_description: 'The request requires higher privileges than provided by the access token.', scope: 'api' })
    }
    return PASS
  }

  private limit(_req: EmuRequest): EmuResponse {
    if (!this.rate) return PASS
    const now = Date.now()
    this.rate.hits = this.rate.hits.filter((t) => now - t < this.rate!.windowMs)
    if (this.rate.hits.length >= this.rate.limit) {
      const reset = (this.rate.hits[0]! + this.rate.windowMs) / 1000
      return json(429, 'Retry later', { 'retry-after': Math.max(0.001, reset - now / 1000).toFixed(3), 'ratelimit-reset': String(Math.ceil(reset)) })
    }
    this.rate.hits.push(now)
    return PASS
  }

  /** Access level of the caller on a namespace, inherited from parent groups. */
  private level(req: EmuRequest, ns: Namespace): number {
    const access = this.caller(req).access
    let best = 0
    for (const [path, lvl] of Object.entries(access)) if (ns.path === path || ns.path.startsWith(`${path}/`)) best = Math.max(best, lvl)
    return best
  }

  private visible(req: EmuRequest, kind: 'group' | 'project', then: (ns: Namespace) => EmuResponse): EmuResponse {
    const ns = this.find(kind, req.params.id!)
    if (!ns || this.level(req, ns) === 0) return json(404, { message: `404 ${kind === 'group' ? 'Group' : 'Project'} Not Found` })
    return then(ns)
  }

  private manage(req: EmuRequest, kind: 'group' | 'project', then: (ns: Namespace) => EmuResponse): EmuResponse {
    return this.visible(req, kind, (ns) => (this.level(req, ns) >= (kind === 'group' ? OWNER : MAINTAINER) ? then(ns) : json(403, { message: '403 Forbidden' })))
  }

  private view(ns: Namespace, req: EmuRequest) {
    const name = ns.path.split('/').pop()
    return { id: ns.id, name, path: name, full_path: ns.path, path_with_namespace: ns.path, permissions: { access_level: this.level(req, ns) } }
  }

  /** Finds the variable a GET/PUT/DELETE names, honouring filter[environment_scope]. */
  private one(req: EmuRequest, ns: Namespace, then: (v: Variable) => EmuResponse): EmuResponse {
    const scope = req.query.get('filter[environment_scope]') ?? (req.body as { filter?: { environment_scope?: string } } | undefined)?.filter?.environment_scope
    const matches = ns.vars.filter((v) => v.key === req.params.key && (scope === undefined || v.environment_scope === scope))
    if (matches.length > 1) return json(409, { message: `There are multiple variables with provided parameters. Please use 'filter[environment_scope]'` })
    if (!matches.length) return json(404, { message: '404 Variable Not Found' })
    return then(matches[0]!)
  }

  private validate(v: Variable): EmuResponse | undefined {
    if (!KEY.test(v.key) || v.key.length > 255) return json(400, { message: { key: ['can contain only letters, digits and \'_\'.'] } })
    if (v.value.length > 10_000) return json(400, { message: { value: ['is too long (maximum is 10000 characters)'] } })
    if (v.masked && !maskable(v.value, v.raw)) return json(400, { message: { value: ['is invalid'] } })
    return undefined
  }

  private create(req: EmuRequest, ns: Namespace): EmuResponse {
    const b = (req.body ?? {}) as Partial<Variable> & { masked_and_hidden?: boolean }
    if (typeof b.key !== 'string' || typeof b.value !== 'string') return json(400, { message: { key: ['is missing'] } })
    if (b.masked_and_hidden && b.masked === false) return json(400, { message: { masked: ['must be true when hidden'] } })
    const v: Variable = {
      key: b.key,
      value: b.value,
      variable_type: b.variable_type ?? 'env_var',
      protected: b.protected ?? false,
      masked: b.masked_and_hidden ? true : (b.masked ?? false),
      hidden: Boolean(b.masked_and_hidden),
      raw: b.raw ?? false,
      environment_scope: b.environment_scope ?? '*',
      description: b.description ?? null,
    }
    if (ns.vars.some((x) => x.key === v.key && x.environment_scope === v.environment_scope)) return json(400, { message: { key: [`(${v.key}) has already been taken`] } })
    const bad = this.validate(v)
    if (bad) return bad
    ns.vars.push(v)
    return json(201, show(v))
  }

  private update(req: EmuRequest, v: Variable): EmuResponse {
    const b = (req.body ?? {}) as Partial<Variable> & { masked_and_hidden?: boolean }
    const next: Variable = { ...v, ...Object.fromEntries(Object.entries(b).filter(([k]) => k in v && k !== 'key' && k !== 'hidden')) }
    if (v.hidden && b.masked === false) return json(400, { message: { masked: ['cannot be unset on a hidden variable'] } })
    const bad = this.validate(next)
    if (bad) return bad
    Object.assign(v, next)
    return json(200, show(v))
  }
}

function show(v: Variable) {
  return { ...v, value: v.hidden ? null : v.value }
}
