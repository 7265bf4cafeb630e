/**
 * CircleCI API v2 emulator (`/api/v2`, header `Circle-Token`), per the platform facts the project builds from (the shared API notes, summarised in the README) and CircleCI's API v2
 * reference: contexts listed by owner slug or id with opaque `next_page_token` pagination (small pages,
 * so clients must follow them), created with POST, variables upserted with PUT (values never returned);
 * project variables with POST /project/{slug}/envvar (slug `/`s may be URL-escaped), read back masked
 * as "xxxx" + the last four characters. Errors are JSON `{message}`; 429 with `Retry-After` is switchable.
 *
 * Texts checked against CircleCI: 401 "You must log in first.", 404 "Project not found", duplicate
 * context "A context already exists with this name". The other error texts are not documented and
 * are this emulator's own wording.
 */
import { randomUUID } from 'node:crypto'
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

export interface CircleCIEmulatorOptions extends EmulatorOptions {
  /** Items per page of every list; small by default so clients must follow `next_page_token`. */
  pageSize?: number
  rateLimit?: RateLimit
}

export const CIRCLECI_LIMITS = {
  nameLength: 300,
  valueBytes: 32 * 1024,
  varsPerContext: 100,
  contextsPerOrg: 500,
} as const

interface User {
  id: string
  login: string
  name: string
  orgs: Set<string>
}

interface StoredVar {
  value: string
  created_at: string
  updated_at: string
}

interface Context {
  id: string
  name: string
  created_at: string
  org: string
  vars: Map<string, StoredVar>
}

interface Project {
  id: string
  slug: string
  org: string
  vars: Map<string, StoredVar>
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
const msg = (status: number, message: string) => json(status, { message })
const now = () => new Date().toISOString()

export class CircleCIEmulator extends Emulator {
  pageSize: number
  private rate?: RateWindow
  private readonly users = new Map<string, User>()
  /** Org slug -> org UUID. */
  private readonly orgs = new Map<string, string>()
  private readonly contextsById = new Map<string, Context>()
  private readonly projects = new Map<string, Project>()

  constructor(options: CircleCIEmulatorOptions = {}) {
    super('circleci', options)
    this.pageSize = options.pageSize ?? 20
    this.setRateLimit(options.rateLimit)
    this.guards.push(
      (r) => this.limit(r),
      (r) => (this.caller(r) ? PASS : msg(401, 'You must log in first.')),
    )
    this.route('GET', '/api/v2/me', (r) => {
      const { id, login, name } = this.caller(r)!
      return json(200, { id, login, name })
    })
    this.route('GET', '/api/v2/context', (r) => this.listContexts(r))
    this.route('POST', '/api/v2/context', (r) => this.createContext(r))
    this.route('GET', '/api/v2/context/:id/environment-variable', (r) =>
      this.withContext(r, (c) =>
        this.page(
          r,
          [...c.vars].map(([variable, v]) => contextVar(c, variable, v)),
        ),
      ),
    )
    this.route('PUT', '/api/v2/context/:id/environment-variable/:name', (r) =>
      this.withContext(r, (c) => this.putContextVar(r, c)),
    )
    this.route('DELETE', '/api/v2/context/:id/environment-variable/:name', (r) =>
      this.withContext(r, (c) =>
        c.vars.delete(r.params.name!)
          ? msg(200, 'Environment variable deleted.')
          : msg(404, 'Environment variable not found.'),
      ),
    )
    // One wildcard per method: the slug's own `/`s may arrive escaped (gh%2Facme%2Frepo) or not.
    this.route('GET', '/api/v2/project/*rest', (r) => this.withProject(r, (p, tail) => this.getProject(r, p, tail)))
    this.route('POST', '/api/v2/project/*rest', (r) =>
      this.withProject(r, (p, tail) =>
        tail.join('/') === 'envvar' ? this.postProjectVar(r, p) : msg(404, 'Not found.'),
      ),
    )
  }

  /** Turns 429 answers on (or off with undefined). */
  setRateLimit(limit?: RateLimit): void {
    this.rate = limit && new RateWindow(limit.limit, limit.windowMs)
  }

  /** A personal API token of a user who belongs to `orgs` (slugs such as `gh/acme`). */
  addToken(token: string, opts: { orgs: string[]; login?: string }): void {
    const login = opts.login ?? 'rotator'
    this.users.set(token, {
      id: this.users.get(token)?.id ?? randomUUID(),
      login,
      name: login,
      orgs: new Set(opts.orgs),
    })
  }

  /** Registers an organization; returns its UUID (usable as `owner-id`). */
  addOrg(slug: string, id: string = randomUUID()): string {
    this.orgs.set(slug, id)
    return id
  }

  /** Registers a project `vcs/org/repo`; its org must be added for tokens to reach it. */
  addProject(slug: string): void {
    const org = slug.split('/').slice(0, 2).join('/')
    this.projects.set(slug, { id: randomUUID(), slug, org, vars: new Map() })
  }

  /** Creates a context directly (no limits checked); returns its id. */
  addContext(orgSlug: string, name: string): string {
    const c: Context = { id: randomUUID(), name, created_at: now(), org: orgSlug, vars: new Map() }
    this.contextsById.set(c.id, c)
    return c.id
  }

  contexts(orgSlug: string): { id: string; name: string; variables: string[] }[] {
    return this.orgContexts(orgSlug).map((c) => ({ id: c.id, name: c.name, variables: [...c.vars.keys()] }))
  }

  /** The raw value exactly as received (tests check no trailing newline sneaks in). */
  /** A day (or `days`) passes: every stored variable was last written that much earlier. */
  passTime(days = 1): void {
    const shift = (iso: string) => new Date(Date.parse(iso) - days * 86_400_000).toISOString()
    for (const holder of [...this.contextsById.values(), ...this.projects.values()])
      for (const v of holder.vars.values())
        Object.assign(v, { created_at: shift(v.created_at), updated_at: shift(v.updated_at) })
  }

  contextValue(orgSlug: string, contextName: string, varName: string): string | undefined {
    return this.orgContexts(orgSlug)
      .find((c) => c.name === contextName)
      ?.vars.get(varName)?.value
  }

  /** The raw value exactly as received. */
  projectValue(slug: string, name: string): string | undefined {
    return this.projects.get(slug)?.vars.get(name)?.value
  }

  private orgContexts(orgSlug: string): Context[] {
    return [...this.contextsById.values()].filter((c) => c.org === orgSlug)
  }

  private caller(req: EmuRequest): User | undefined {
    const t = req.headers['circle-token']
    return this.users.get(Array.isArray(t) ? t[0]! : (t ?? ''))
  }

  private limit(req: EmuRequest): EmuResponse {
    const waitMs = this.rate && req.path.startsWith('/api/v2/') ? this.rate.take() : 0
    return waitMs > 0
      ? json(429, { message: 'Rate limit exceeded' }, { 'retry-after': String(Math.ceil(waitMs / 1000)) })
      : PASS
  }

  /** Slices `items` at the opaque `page-token`; the last page says `next_page_token: null`. */
  private page<T>(req: EmuRequest, items: T[]): EmuResponse {
    const token = req.query.get('page-token')
    const start = token ? Number(Buffer.from(token, 'base64url').toString()) : 0
    if (token && pageToken(start) !== token) return msg(400, 'Invalid page-token.')
    const end = start + this.pageSize
    return json(200, { items: items.slice(start, end), next_page_token: end < items.length ? pageToken(end) : null })
  }

  /** The org slug named by slug or UUID, if it exists and the caller belongs to it. */
  private orgFor(req: EmuRequest, slug?: string | null, id?: string | null): string | undefined {
    const orgSlug = slug ?? [...this.orgs].find(([, oid]) => oid === id)?.[0]
    return orgSlug && this.orgs.has(orgSlug) && this.caller(req)!.orgs.has(orgSlug) ? orgSlug : undefined
  }

  private listContexts(req: EmuRequest): EmuResponse {
    const slug = req.query.get('owner-slug')
    const id = req.query.get('owner-id')
    if (!slug && !id) return msg(400, 'Either owner-id or owner-slug is required.')
    const org = this.orgFor(req, slug, id)
    if (!org) return msg(404, 'Organization not found.')
    return this.page(
      req,
      this.orgContexts(org).map(({ id, name, created_at }) => ({ id, name, created_at })),
    )
  }

  private createContext(req: EmuRequest): EmuResponse {
    const body = req.body as { name?: unknown; owner?: { slug?: string; id?: string; type?: string } } | undefined
    if (typeof body?.name !== 'string' || !body.name || !body.owner) return msg(400, 'name and owner are required.')
    if ((body.owner.type ?? 'organization') !== 'organization') return msg(400, 'owner.type must be "organization".')
    const org = this.orgFor(req, body.owner.slug, body.owner.id)
    if (!org) return msg(404, 'Organization not found.')
    const existing = this.orgContexts(org)
    if (existing.some((c) => c.name === body.name)) return msg(400, 'A context already exists with this name')
    if (existing.length >= CIRCLECI_LIMITS.contextsPerOrg)
      return msg(400, `An organization may have at most ${CIRCLECI_LIMITS.contextsPerOrg} contexts.`)
    const c = this.contextsById.get(this.addContext(org, body.name))!
    return json(200, { id: c.id, name: c.name, created_at: c.created_at })
  }

  private withContext(req: EmuRequest, then: (c: Context) => EmuResponse): EmuResponse {
    const c = this.contextsById.get(req.params.id!)
    return c && this.caller(req)!.orgs.has(c.org) ? then(c) : msg(404, 'Context not found.')
  }

  private putContextVar(req: EmuRequest, c: Context): EmuResponse {
    const name = req.params.name!
    const value = (req.body as { value?: unknown } | undefined)?.value
    const bad = invalidVariable(name, value)
    if (bad) return bad
    if (!c.vars.has(name) && c.vars.size >= CIRCLECI_LIMITS.varsPerContext)
      return msg(400, `A context may hold at most ${CIRCLECI_LIMITS.varsPerContext} environment variables.`)
    return json(200, contextVar(c, name, upsert(c.vars, name, value as string)))
  }

  /** Resolves the project slug at the start of `*rest` and hands over the path segments after it. */
  private withProject(req: EmuRequest, then: (p: Project, tail: string[]) => EmuResponse): EmuResponse {
    const parts = req.params.rest!.split('/')
    const p = this.projects.get(parts.slice(0, 3).join('/'))
    return p && this.caller(req)!.orgs.has(p.org) ? then(p, parts.slice(3)) : msg(404, 'Project not found')
  }

  private getProject(req: EmuRequest, p: Project, tail: string[]): EmuResponse {
    const [what, name, ...more] = tail
    if (what === undefined) return json(200, this.projectView(p))
    if (what !== 'envvar' || more.length) return msg(404, 'Not found.')
    if (name === undefined)
      return this.page(
        req,
        [...p.vars].map(([n, v]) => projectVar(n, v)),
      )
    const v = p.vars.get(name)
    return v ? json(200, projectVar(name, v)) : msg(404, 'Environment variable not found.')
  }

  private projectView(p: Project) {
    const [vcs, org, repo] = p.slug.split('/')
    return {
      slug: p.slug,
      name: repo,
      id: p.id,
      organization_name: org,
      organization_slug: p.org,
      organization_id: this.orgs.get(p.org),
      vcs_info: {
        vcs_url: `https://github.com/${org}/${repo}`,
        provider: vcs === 'bb' ? 'Bitbucket' : 'GitHub',
        default_branch: 'main',
      },
    }
  }

  /** POST creates or overwrites (CircleCI has no separate update) and answers 201 with the masked value. */
  private postProjectVar(req: EmuRequest, p: Project): EmuResponse {
    const body = req.body as { name?: unknown; value?: unknown } | undefined
    const bad = invalidVariable(body?.name, body?.value)
    if (bad) return bad
    const name = body!.name as string
    return json(201, projectVar(name, upsert(p.vars, name, body!.value as string)))
  }
}

/** The name and value rules shared by context and project variables. */
function invalidVariable(name: unknown, value: unknown): EmuResponse | undefined {
  if (typeof name !== 'string' || !NAME.test(name) || name.length > CIRCLECI_LIMITS.nameLength) {
    return msg(
      400,
      `Environment variable names must match [A-Za-z_][A-Za-z0-9_]* and be at most ${CIRCLECI_LIMITS.nameLength} characters.`,
    )
  }
  if (typeof value !== 'string') return msg(400, 'value is required.')
  if (Buffer.byteLength(value) > CIRCLECI_LIMITS.valueBytes)
    return msg(400, 'Environment variable values must be at most 32 KB.')
  return undefined
}

/** Opaque to clients, so they cannot skip following `next_page_token`. */
function pageToken(offset: number): string {
  return Buffer.from(`${offset}`).toString('base64url')
}

function upsert(vars: Map<string, StoredVar>, name: string, value: string): StoredVar {
  const at = now()
  const stored = { value, created_at: vars.get(name)?.created_at ?? at, updated_at: at }
  vars.set(name, stored)
  return stored
}

function contextVar(c: Context, variable: string, v: StoredVar) {
  return { variable, context_id: c.id, created_at: v.created_at, updated_at: v.updated_at }
}

/** CircleCI shows four x's plus the last four characters; short values show only the x's. */
function projectVar(name: string, v: StoredVar) {
  return { name, value: `xxxx${v.value.length > 4 ? v.value.slice(-4) : ''}`, 'created-at': v.created_at }
}
