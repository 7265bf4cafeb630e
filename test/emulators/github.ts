/**
 * GitHub REST emulator for Actions / Dependabot / Codespaces secrets, per GitHub's REST docs and its OpenAPI description: a real X25519
 * key pair per namespace, real sealed-box decryption of every PUT, name rules, 201/204, org
 * visibility and selected repositories, 401/403/404 bodies, GitHub App installation tokens, and
 * (switchable) the primary and secondary rate limits with a time scale for benchmarks. Every request
 * is checked against GitHub's OpenAPI description; violations are collected.
 */
import { randomBytes } from 'node:crypto'
import sodium from 'libsodium-wrappers'
import { credential, Emulator, json, PASS, type EmulatorOptions, type EmuRequest, type EmuResponse } from './base.js'
import { githubValidator } from './openapi-validator.js'

await sodium.ready

const DOCS = 'https://docs.github.com/rest'
const notFound = () => json(404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
const unprocessable = (message: string) => json(422, { message, documentation_url: DOCS, status: '422' })

export type App = 'actions' | 'dependabot' | 'codespaces'
export type Namespace = { repo: string } | { env: string } | { org: string }

interface TokenInfo {
  login: string
  canWriteSecrets: boolean
  /** Installation tokens are limited to one owner. */
  owner?: string
  /** Installation tokens carry exactly the permissions asked for; each route checks its own. */
  permissions?: Record<string, string>
}

/** The App permission each secrets route needs (GitHub's "permissions required for GitHub Apps" tables). */
const ROUTE_PERMISSION: [RegExp, string][] = [
  [/^\/repos\/[^/]+\/[^/]+\/environments\/[^/]+\/secrets/, 'environments'],
  [/^\/repos\/[^/]+\/[^/]+\/actions\/secrets/, 'secrets'],
  [/^\/repos\/[^/]+\/[^/]+\/dependabot\/secrets/, 'dependabot_secrets'],
  [/^\/repos\/[^/]+\/[^/]+\/codespaces\/secrets/, 'codespaces_secrets'],
  [/^\/orgs\/[^/]+\/actions\/secrets/, 'organization_secrets'],
  [/^\/orgs\/[^/]+\/dependabot\/secrets/, 'organization_dependabot_secrets'],
  [/^\/orgs\/[^/]+\/codespaces\/secrets/, 'organization_codespaces_secrets'],
  [/^\/(repos\/[^/]+\/[^/]+|orgs\/[^/]+\/repos)$/, 'metadata'],
]

/** Why an installation token may not call this route, or undefined when its permissions allow it. */
function missingPermission(permissions: Record<string, string>, method: string, path: string): string | undefined {
  const needed = ROUTE_PERMISSION.find(([re]) => re.test(path))?.[1]
  if (!needed) return undefined
  const level = permissions[needed]
  if (level === 'write' || (level === 'read' && method === 'GET')) return undefined
  return `${needed}: ${method === 'GET' ? 'read' : 'write'}`
}

interface Repo {
  id: number
  owner: string
  name: string
  private: boolean
  archived: boolean
  topics: string[]
  environments: Set<string>
}

interface StoredSecret {
  value: string
  created_at: string
  updated_at: string
  visibility?: 'all' | 'private' | 'selected'
  selectedRepositoryIds?: number[]
}

interface KeyPair {
  key_id: string
  publicKey: Uint8Array
  privateKey: Uint8Array
}

export interface BudgetOptions {
  pointsPerMinute?: number
  maxConcurrent?: number
  requestsPerHour?: number
  /**
   * An undisclosed content-creation limit: writes (PUT, POST, PATCH, DELETE) a minute, answered
   * like the secondary limit. Off unless set (GitHub documents ~80 a minute without saying what counts).
   */
  writesPerMinute?: number
  /** 60 makes a budget minute last one second of wall time. */
  timeScale?: number
}

export interface GitHubEmulatorOptions extends EmulatorOptions {
  /** Enforce GitHub's rate limits (off by default). */
  budget?: BudgetOptions | false
}

const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
const MAX_VALUE = 48 * 1024

export class GitHubEmulator extends Emulator {
  readonly openApiViolations: string[] = []
  rateLimited = 0
  points = 0
  /** Writes (PUT, POST, PATCH, DELETE) the rate limiter let through. */
  acceptedWrites = 0
  putCount = 0
  private readonly tokens = new Map<string, TokenInfo>()
  private readonly orgs = new Set<string>()
  private readonly repos = new Map<string, Repo>()
  private readonly keys = new Map<string, KeyPair>()
  private readonly secrets = new Map<string, Map<string, StoredSecret>>()
  private readonly installations = new Map<string, number>()
  /** Requests an installation token made without the permission they need. */
  readonly permissionRefusals: string[] = []
  private nextRepoId = 1000
  private budget?: Required<BudgetOptions>
  private readonly usage = new Map<
    string,
    { window: { at: number; cost: number; write: boolean }[]; hourStart: number; hourCount: number }
  >()

  constructor(options: GitHubEmulatorOptions = {}) {
    super('github', options)
    this.setBudget(options.budget ?? false)
    this.guards.push(
      (r) => this.validate(r),
      (r) => this.authenticate(r),
      (r) => this.limit(r),
    )
    this.defineRoutes()
  }

  setBudget(budget: BudgetOptions | false): void {
    this.budget = budget
      ? {
          pointsPerMinute: 900,
          maxConcurrent: 100,
          requestsPerHour: 5000,
          writesPerMinute: Infinity,
          timeScale: 1,
          ...budget,
        }
      : undefined
    this.usage.clear()
  }

  addToken(token: string, info: { login: string; canWriteSecrets?: boolean }): void {
    this.tokens.set(token, { login: info.login, canWriteSecrets: info.canWriteSecrets ?? true })
  }

  addOrg(org: string): void {
    this.orgs.add(org)
  }

  addRepo(
    owner: string,
    name: string,
    opts: { id?: number; private?: boolean; archived?: boolean; topics?: string[]; environments?: string[] } = {},
  ): number {
    const key = `${owner}/${name}`.toLowerCase()
    const existing = this.repos.get(key)
    if (existing) return existing.id
    const repo: Repo = {
      id: opts.id ?? this.nextRepoId++,
      owner,
      name,
      private: opts.private ?? true,
      archived: opts.archived ?? false,
      topics: opts.topics ?? [],
      environments: new Set(opts.environments ?? []),
    }
    this.repos.set(key, repo)
    return repo.id
  }

  repoId(owner: string, name: string): number {
    const r = this.repos.get(`${owner}/${name}`.toLowerCase())
    if (!r) throw new Error(`no repo ${owner}/${name}`)
    return r.id
  }

  /** Installs a GitHub App on an owner; its installation tokens may write that owner's secrets. */
  installApp(owner: string, installationId: number): void {
    this.installations.set(owner.toLowerCase(), installationId)
  }

  secretValue(ns: Namespace, name: string, app: App = 'actions'): string | undefined {
    return this.secrets.get(this.nsKey(ns, app))?.get(name.toUpperCase())?.value
  }

  orgSecret(org: string, name: string, app: App = 'actions'): StoredSecret | undefined {
    return this.secrets.get(this.nsKey({ org }, app))?.get(name.toUpperCase())
  }

  seedOrgSecret(
    org: string,
    name: string,
    s: { value: string; visibility: 'all' | 'private' | 'selected'; selectedRepositoryIds?: number[] },
    app: App = 'actions',
  ): void {
    const now = new Date().toISOString()
    this.bucket(this.nsKey({ org }, app)).set(name.toUpperCase(), { ...s, created_at: now, updated_at: now })
  }

  seedSecret(ns: Namespace, name: string, value: string, app: App = 'actions'): void {
    const now = new Date().toISOString()
    this.bucket(this.nsKey(ns, app)).set(name.toUpperCase(), { value, created_at: now, updated_at: now })
  }

  private nsKey(ns: Namespace, app: App): string {
    if ('repo' in ns) return `repo:${ns.repo.toLowerCase()}:${app}`
    if ('env' in ns) return `env:${ns.env.toLowerCase()}`
    return `org:${ns.org.toLowerCase()}:${app}`
  }

  /** A day (or `days`) passes: every stored secret was last written that much earlier. */
  passTime(days = 1): void {
    const shift = (iso: string) => new Date(Date.parse(iso) - days * 86_400_000).toISOString()
    for (const b of this.secrets.values())
      for (const s of b.values()) Object.assign(s, { created_at: shift(s.created_at), updated_at: shift(s.updated_at) })
  }

  private bucket(ns: string): Map<string, StoredSecret> {
    let b = this.secrets.get(ns)
    if (!b) this.secrets.set(ns, (b = new Map()))
    return b
  }

  /** GitHub rotates a namespace's public key: writes sealed with the old key_id get 422. */
  rotatePublicKey(ns: Namespace, app: App = 'actions'): void {
    this.keys.delete(this.nsKey(ns, app))
  }

  private keyPair(ns: string): KeyPair {
    let k = this.keys.get(ns)
    if (!k) {
      const pair = sodium.crypto_box_keypair()
      k = {
        key_id: String(BigInt(`0x${randomBytes(8).toString('hex')}`)),
        publicKey: pair.publicKey,
        privateKey: pair.privateKey,
      }
      this.keys.set(ns, k)
    }
    return k
  }

  // ---- guards -------------------------------------------------------------------------------

  private validate(req: EmuRequest): EmuResponse {
    const problems = githubValidator().request(req.method, req.path, req.query, req.body)
    if (!problems.length) return PASS
    this.openApiViolations.push(...problems.map((p) => `${req.method} ${req.path}: ${p}`))
    return unprocessable(`Invalid request.\n\n${problems.join('\n')}`)
  }

  private authenticate(req: EmuRequest): EmuResponse {
    const token = credential(req)
    if (req.path.startsWith('/app/') || /\/installation$/.test(req.path)) {
      // App JWTs are checked for shape only (three base64url parts), not signature.
      if (req.method !== 'DELETE' && (!token || token.split('.').length !== 3))
        return json(401, { message: 'A JSON web token could not be decoded', documentation_url: DOCS, status: '401' })
      return PASS
    }
    if (!token || !this.tokens.has(token))
      return json(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' })
    const perms = this.tokens.get(token)!.permissions
    const missing = perms && missingPermission(perms, req.method, req.path)
    if (missing) {
      this.permissionRefusals.push(`${req.method} ${req.path} needs ${missing}`)
      return json(403, { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' })
    }
    return PASS
  }

  private limit(req: EmuRequest): EmuResponse {
    if (!this.budget) return PASS
    const b = this.budget
    const token = credential(req) ?? ''
    const now = Date.now()
    const minute = 60_000 / b.timeScale
    const hour = 3_600_000 / b.timeScale
    let u = this.usage.get(token)
    if (!u) this.usage.set(token, (u = { window: [], hourStart: now, hourCount: 0 }))
    if (now - u.hourStart >= hour) {
      u.hourStart = now
      u.hourCount = 0
    }
    const reset = Math.ceil((u.hourStart + hour) / 1000)
    const headers = {
      'x-ratelimit-limit': String(b.requestsPerHour),
      'x-ratelimit-remaining': String(Math.max(0, b.requestsPerHour - u.hourCount - 1)),
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-used': String(u.hourCount + 1),
      'x-ratelimit-resource': 'core',
    }
    if (u.hourCount >= b.requestsPerHour) {
      this.rateLimited++
      return json(
        403,
        {
          message: `API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID.`,
          documentation_url: DOCS,
          status: '403',
        },
        { ...headers, 'x-ratelimit-remaining': '0', 'x-ratelimit-used': String(u.hourCount) },
      )
    }
    while (u.window.length && now - u.window[0]!.at >= minute) u.window.shift()
    const cost = ['GET', 'HEAD', 'OPTIONS'].includes(req.method) ? 1 : 5
    const write = cost > 1
    const spent = u.window.reduce((a, w) => a + w.cost, 0)
    const writes = write && Number.isFinite(b.writesPerMinute) ? u.window.filter((w) => w.write) : []
    const tooManyWrites = write && writes.length + 1 > b.writesPerMinute
    if (spent + cost > b.pointsPerMinute || this.inFlight > b.maxConcurrent || tooManyWrites) {
      this.rateLimited++
      const oldest = (tooManyWrites ? writes[0]?.at : u.window[0]?.at) ?? now
      const retryAfter = Math.max(0.001, (oldest + minute - now) / 1000)
      return json(
        403,
        {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
          documentation_url: DOCS,
          status: '403',
        },
        { 'retry-after': b.timeScale === 1 ? String(Math.ceil(retryAfter)) : retryAfter.toFixed(3) },
      )
    }
    u.window.push({ at: now, cost, write })
    u.hourCount++
    this.points += cost
    if (write) this.acceptedWrites++
    return PASS
  }

  // ---- routes -------------------------------------------------------------------------------

  private caller(req: EmuRequest): TokenInfo {
    return this.tokens.get(credential(req) ?? '')!
  }

  private repoOf(req: EmuRequest): Repo | undefined {
    const r = this.repos.get(`${req.params.owner}/${req.params.repo}`.toLowerCase())
    const caller = this.caller(req)
    if (r && caller?.owner && caller.owner !== r.owner.toLowerCase()) return undefined
    return r
  }

  private orgOf(req: EmuRequest): string | undefined {
    const org = req.params.org!.toLowerCase()
    const caller = this.caller(req)
    if (caller?.owner && caller.owner !== org) return undefined
    return [...this.orgs].find((o) => o.toLowerCase() === org)
  }

  /** Resolves the secrets namespace of a request, or an error response. */
  private namespace(req: EmuRequest, app: App): { ns: string; org?: string } | EmuResponse {
    if (!this.caller(req).canWriteSecrets)
      return json(403, { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' })
    if (req.params.org !== undefined) {
      const org = this.orgOf(req)
      return org ? { ns: this.nsKey({ org }, app), org } : notFound()
    }
    const repo = this.repoOf(req)
    if (!repo) return notFound()
    if (req.params.env !== undefined) {
      if (!repo.environments.has(req.params.env)) return notFound()
      return { ns: this.nsKey({ env: `${repo.owner}/${repo.name}/${req.params.env}` }, 'actions') }
    }
    return { ns: this.nsKey({ repo: `${repo.owner}/${repo.name}` }, app) }
  }

  private defineRoutes(): void {
    this.route('GET', '/user', (r) => json(200, { login: this.caller(r).login, id: 1, type: 'User' }))
    this.route('GET', '/orgs/:org', (r) => (this.orgOf(r) ? json(200, { login: this.orgOf(r), id: 2 }) : notFound()))
    this.route('GET', '/repos/:owner/:repo', (r) => {
      const repo = this.repoOf(r)
      return repo ? json(200, repoView(repo)) : notFound()
    })
    this.route('GET', '/repos/:owner/:repo/environments/:env', (r) => {
      const repo = this.repoOf(r)
      return repo?.environments.has(r.params.env!)
        ? json(200, { id: 1, name: r.params.env, url: '', html_url: '' })
        : notFound()
    })
    this.route('GET', '/orgs/:org/repos', (r) => this.orgRepos(r))
    const bases: [string, App][] = [
      ['/repos/:owner/:repo/actions/secrets', 'actions'],
      ['/repos/:owner/:repo/dependabot/secrets', 'dependabot'],
      ['/repos/:owner/:repo/codespaces/secrets', 'codespaces'],
      ['/repos/:owner/:repo/environments/:env/secrets', 'actions'],
      ['/orgs/:org/actions/secrets', 'actions'],
      ['/orgs/:org/dependabot/secrets', 'dependabot'],
      ['/orgs/:org/codespaces/secrets', 'codespaces'],
    ]
    for (const [base, app] of bases) {
      this.route('GET', `${base}/public-key`, (r) => {
        const ns = this.namespace(r, app)
        if ('status' in ns) return ns
        const k = this.keyPair(ns.ns)
        return json(200, { key_id: k.key_id, key: Buffer.from(k.publicKey).toString('base64') })
      })
      this.route('GET', `${base}/:name`, (r) => this.getSecret(r, app))
      this.route('PUT', `${base}/:name`, (r) => this.putSecret(r, app))
    }
    this.route('GET', '/orgs/:org/actions/secrets/:name/repositories', (r) => {
      const ns = this.namespace(r, 'actions')
      if ('status' in ns) return ns
      const s = this.bucket(ns.ns).get(r.params.name!.toUpperCase())
      if (!s) return notFound()
      const repos = [...this.repos.values()].filter((x) => s.selectedRepositoryIds?.includes(x.id)).map(repoView)
      return json(200, { total_count: repos.length, repositories: repos })
    })
    this.route('GET', '/orgs/:org/installation', (r) => this.installation(r.params.org!))
    this.route('GET', '/repos/:owner/:repo/installation', (r) => this.installation(r.params.owner!))
    this.route('POST', '/app/installations/:id/access_tokens', (r) => {
      const owner = [...this.installations].find(([, id]) => String(id) === r.params.id)?.[0]
      if (!owner) return notFound()
      const token = `ghs_${randomBytes(18).toString('hex')}`
      const body = (r.body ?? {}) as { permissions?: Record<string, string> }
      this.tokens.set(token, {
        login: 'token-action[bot]',
        canWriteSecrets: true,
        owner,
        permissions: body.permissions ?? {},
      })
      return json(201, {
        token,
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        permissions: body.permissions ?? {},
        repository_selection: 'all',
      })
    })
    this.route('DELETE', '/installation/token', (r) => {
      const token = credential(r) ?? ''
      if (!this.tokens.get(token)?.owner)
        return json(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' })
      this.tokens.delete(token)
      return { status: 204 }
    })
  }

  private installation(owner: string): EmuResponse {
    const id = this.installations.get(owner.toLowerCase())
    return id === undefined
      ? notFound()
      : json(200, { id, account: { login: owner }, app_id: 1, target_type: 'Organization', permissions: {} })
  }

  private orgRepos(req: EmuRequest): EmuResponse {
    const org = this.orgOf(req)
    if (!org) return notFound()
    const perPage = Math.min(100, Number(req.query.get('per_page') ?? 30))
    const page = Math.max(1, Number(req.query.get('page') ?? 1))
    const all = [...this.repos.values()]
      .filter((r) => r.owner.toLowerCase() === org.toLowerCase())
      .sort((a, b) => a.id - b.id)
    const slice = all.slice((page - 1) * perPage, page * perPage)
    const headers: Record<string, string> = {}
    if (page * perPage < all.length)
      headers.link = `<${this.url}/orgs/${org}/repos?per_page=${perPage}&page=${page + 1}>; rel="next"`
    return json(200, slice.map(repoView), headers)
  }

  private getSecret(req: EmuRequest, app: App): EmuResponse {
    const ns = this.namespace(req, app)
    if ('status' in ns) return ns
    const name = req.params.name!.toUpperCase()
    const s = this.bucket(ns.ns).get(name)
    if (!s) return notFound()
    const view: Record<string, unknown> = { name, created_at: s.created_at, updated_at: s.updated_at }
    if (ns.org !== undefined) {
      view.visibility = s.visibility
      if (s.visibility === 'selected')
        view.selected_repositories_url = `${this.url}/orgs/${ns.org}/${app}/secrets/${name}/repositories`
    }
    return json(200, view)
  }

  private putSecret(req: EmuRequest, app: App): EmuResponse {
    const ns = this.namespace(req, app)
    if ('status' in ns) return ns
    const name = req.params.name!
    if (!SECRET_NAME.test(name))
      return unprocessable(
        'Secret names can only contain alphanumeric characters ([a-z], [A-Z], [0-9]) or underscores (_). Spaces are not allowed. Must start with a letter ([a-z], [A-Z]) or underscores (_).',
      )
    if (/^GITHUB_/i.test(name)) return unprocessable('Secret names must not start with the GITHUB_ prefix.')
    const body = req.body as {
      encrypted_value?: string
      key_id?: string
      visibility?: string
      selected_repository_ids?: number[]
    }
    const key = this.keyPair(ns.ns)
    if (body.key_id !== key.key_id)
      return unprocessable('Invalid key_id: the secret was not encrypted with the current public key.')
    let value: string
    try {
      const opened = sodium.crypto_box_seal_open(
        Buffer.from(body.encrypted_value ?? '', 'base64'),
        key.publicKey,
        key.privateKey,
      )
      value = Buffer.from(opened).toString('utf8')
    } catch {
      return unprocessable('Bad request: the encrypted value could not be decrypted with the namespace key.')
    }
    if (Buffer.byteLength(value) > MAX_VALUE) return unprocessable('Secret value is too large (48 KB maximum).')
    const bucket = this.bucket(ns.ns)
    const upper = name.toUpperCase()
    const existing = bucket.get(upper)
    if (!existing && bucket.size >= (ns.org !== undefined ? 1000 : 100))
      return unprocessable('Too many secrets in this namespace.')
    if (ns.org !== undefined) {
      if (!body.visibility) return unprocessable('Invalid request.\n\n"visibility" wasn\'t supplied.')
      if (body.visibility !== 'selected' && body.selected_repository_ids)
        return unprocessable('selected_repository_ids is only allowed when visibility is selected.')
    }
    const now = new Date().toISOString()
    bucket.set(upper, {
      value,
      created_at: existing?.created_at ?? now,
      updated_at: now,
      ...(ns.org !== undefined
        ? {
            visibility: body.visibility as StoredSecret['visibility'],
            selectedRepositoryIds: body.visibility === 'selected' ? (body.selected_repository_ids ?? []) : undefined,
          }
        : {}),
    })
    this.putCount++
    return { status: existing ? 204 : 201 }
  }
}

function repoView(r: Repo) {
  return {
    id: r.id,
    node_id: `R_${r.id}`,
    name: r.name,
    full_name: `${r.owner}/${r.name}`,
    owner: { login: r.owner, id: 2, type: 'Organization' },
    private: r.private,
    archived: r.archived,
    topics: r.topics,
    visibility: r.private ? 'private' : 'public',
  }
}
