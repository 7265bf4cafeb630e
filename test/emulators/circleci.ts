/**
 * CircleCI API v2 emulator (`/api/v2`, header `Circle-Token`), per API-NOTES.md: contexts listed by
 * owner slug or id with `next_page_token` pagination, created with POST, variables upserted with PUT,
 * project variables with POST /project/{slug}/envvar; JSON `{message}` errors; switchable 429.
 */
import { randomUUID } from 'node:crypto'
import { Emulator, json, PASS, type EmulatorOptions, type EmuRequest, type EmuResponse } from './base.js'

interface Context {
  id: string
  name: string
  created_at: string
  orgSlug: string
  vars: Map<string, { value: string; created_at: string; updated_at: string }>
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
const msg = (status: number, message: string) => json(status, { message })

export class CircleCIEmulator extends Emulator {
  pageSize = 20
  private readonly tokens = new Map<string, { orgs: Set<string> }>()
  private readonly orgs = new Map<string, string>()
  private readonly contextsById = new Map<string, Context>()
  private readonly projects = new Map<string, Map<string, string>>()
  private rate?: { limit: number; windowMs: number; hits: number[] }

  constructor(options: EmulatorOptions & { rateLimit?: { limit: number; windowMs: number } } = {}) {
    super('circleci', options)
    if (options.rateLimit) this.rate = { ...options.rateLimit, hits: [] }
    this.guards.push((r) => this.limit(r), (r) => (this.caller(r) ? PASS : msg(401, 'You must log in first.')))
    this.route('GET', '/api/v2/me', () => json(200, { id: randomUUID(), login: 'rotator', name: 'Rotator' }))
    this.route('GET', '/api/v2/context', (r) => this.listContexts(r))
    this.route('POST', '/api/v2/context', (r) => this.createContext(r))
    this.route('GET', '/api/v2/context/:id/environment-variable', (r) => this.withContext(r, (c) => this.page(r, [...c.vars].map(([variable, v]) => ({ variable, context_id: c.id, created_at: v.created_at, updated_at: v.updated_at })))))
    this.route('PUT', '/api/v2/context/:id/environment-variable/:name', (r) => this.withContext(r, (c) => this.putVar(r, c)))
    this.route('DELETE', '/api/v2/context/:id/environment-variable/:name', (r) => this.withContext(r, (c) => (c.vars.delete(r.params.name!) ? msg(200, 'Environment variable deleted.') : msg(404, 'Environment variable not found.'))))
    this.route('GET', '/api/v2/project/:vcs/:org/:repo', (r) => this.withProject(r, (slug) => json(200, { slug, name: r.params.repo, organization_slug: `${r.params.vcs}/${r.params.org}` })))
    this.route('GET', '/api/v2/project/:vcs/:org/:repo/envvar', (r) => this.withProject(r, (slug) => this.page(r, [...this.projects.get(slug)!].map(([name, v]) => ({ name, value: mask(v) })))))
    this.route('POST', '/api/v2/project/:vcs/:org/:repo/envvar', (r) => this.withProject(r, (slug) => this.postProjectVar(r, slug)))
  }

  addToken(token: string, opts: { orgs: string[] }): void {
    this.tokens.set(token, { orgs: new Set(opts.orgs) })
  }

  addOrg(slug: string, id: string = randomUUID()): string {
    this.orgs.set(slug, id)
    return id
  }

  addProject(slug: string): void {
    this.projects.set(slug, new Map())
  }

  addContext(orgSlug: string, name: string): string {
    const c: Context = { id: randomUUID(), name, created_at: new Date().toISOString(), orgSlug, vars: new Map() }
    this.contextsById.set(c.id, c)
    return c.id
  }

  contexts(orgSlug: string): { id: string; name: string; variables: string[] }[] {
    return [...this.contextsById.values()].filter((c) => c.orgSlug === orgSlug).map((c) => ({ id: c.id, name: c.name, variables: [...c.vars.keys()] }))
  }

  /** The raw value exactly as received (tests check no trailing newline sneaks in). */
  contextValue(orgSlug: string, contextName: string, varName: string): string | undefined {
    return [...this.contextsById.values()].find((c) => c.orgSlug === orgSlug && c.name === contextName)?.vars.get(varName)?.value
  }

  projectValue(slug: string, name: string): string | undefined {
    return this.projects.get(slug)?.get(name)
  }

  private caller(req: EmuRequest) {
    const t = req.headers['circle-token']
    return this.tokens.get(Array.isArray(t) ? t[0]! : (t ?? ''))
  }

  private limit(req: EmuRequest): EmuResponse {
    if (!this.rate || !req.path.startsWith('/api/v2/')) return PASS
    const now = Date.now()
    this.rate.hits = this.rate.hits.filter((t) => now - t < this.rate!.windowMs)
    if (this.rate.hits.length >= this.rate.limit) {
      const wait = Math.max(0.001, (this.rate.hits[0]! + this.rate.windowMs - now) / 1000)
      return json(429, { message: 'Rate limit exceeded' }, { 'retry-after': wait.toFixed(3) })
    }
    this.rate.hits.push(now)
    return PASS
  }

  private page<T>(req: EmuRequest, items: T[]): EmuResponse {
    const start = Number(req.query.get('page-token') ?? 0)
    const next = start + this.pageSize < items.length ? String(start + this.pageSize) : null
    return json(200, { items: items.slice(start, start + this.pageSize), next_page_token: next })
  }

  private orgFor(req: EmuRequest, slug?: string, id?: string): string | undefined {
    const orgSlug = slug ?? [...this.orgs].find(([, oid]) => oid === id)?.[0]
    return orgSlug && this.orgs.has(orgSlug) && this.caller(req)!.orgs.has(orgSlug) ? orgSlug : undefined
  }

  private listContexts(req: EmuRequest): EmuResponse {
    const org = this.orgFor(req, req.query.get('owner-slug') ?? undefined, req.query.get('owner-id') ?? undefined)
    if (!org) return msg(404, 'Organization not found')
    return this.page(
      req,
      [...this.contextsById.values()].filter((c) => c.orgSlug === org).map(({ id, name, created_at }) => ({ id, name, created_at })),
    )
  }

  private createContext(req: EmuRequest): EmuResponse {
    const body = req.body as { name?: string; owner?: { slug?: string; id?: string; type?: string } }
    if (!body?.name || !body.owner) return msg(400, 'name and owner are required')
    const org = this.orgFor(req, body.owner.slug, body.owner.id)
    if (!org) return msg(404, 'Organization not found')
    const existing = [...this.contextsById.values()].filter((c) => c.orgSlug === org)
    if (existing.some((c) => c.name === body.name)) return msg(400, 'A context with this name already exists.')
    if (existing.length >= 500) return msg(400, 'Maximum number of contexts reached for this organization.')
    const id = this.addContext(org, body.name)
    const c = this.contextsById.get(id)!
    return json(200, { id, name: c.name, created_at: c.created_at })
  }

  private withContext(req: EmuRequest, then: (c: Context) => EmuResponse): EmuResponse {
    const c = this.contextsById.get(req.params.id!)
    return c && this.caller(req)!.orgs.has(c.orgSlug) ? then(c) : msg(404, 'Context not found')
  }

  private putVar(req: EmuRequest, c: Context): EmuResponse {
    const name = req.params.name!
    const value = (req.body as { value?: unknown })?.value
    if (!NAME.test(name) || name.length > 300) return msg(400, 'Invalid environment variable name.')
    if (typeof value !== 'string') return msg(400, 'value is required')
    if (Buffer.byteLength(value) > 32 * 1024) return msg(400, 'Environment variable value is too long (32 KB maximum).')
    const existing = c.vars.get(name)
    if (!existing && c.vars.size >= 100) return msg(400, 'Maximum number of environment variables reached for this context.')
    const now = new Date().toISOString()
    c.vars.set(name, { value, created_at: existing?.created_at ?? now, updated_at: now })
    return json(200, { variable: name, context_id: c.id, created_at: existing?.created_at ?? now, updated_at: now })
  }

  private withProject(req: EmuRequest, then: (slug: string) => EmuResponse): EmuResponse {
    const slug = `${req.params.vcs}/${req.params.org}/${req.params.repo}`
    const org = `${req.params.vcs}/${req.params.org}`
    return this.projects.has(slug) && this.caller(req)!.orgs.has(org) ? then(slug) : msg(404, 'Project not found')
  }

  private postProjectVar(req: EmuRequest, slug: string): EmuResponse {
    const body = req.body as { name?: string; value?: unknown }
    if (!body?.name || !NAME.test(body.name)) return msg(400, 'Invalid environment variable name.')
    if (typeof body.value !== 'string') return msg(400, 'value is required')
    this.projects.get(slug)!.set(body.name, body.value)
    return json(201, { name: body.name, value: mask(body.value) })
  }
}

function mask(value: string): string {
  return `xxxx${value.slice(-4)}`
}
