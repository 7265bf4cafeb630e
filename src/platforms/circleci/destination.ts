/**
 * CircleCI contexts and project environment variables (API v2, `Circle-Token`). A context is found
 * by its owner slug (following pagination) and created when missing unless `?create=false`; values
 * are sent exactly as given - no trailing newline.
 */
import { makeClient, type Transport } from '../../transport/transport.js'
import {
  AuthError,
  ConfigError,
  NotFoundError,
  rethrowNotVisible,
  UntrustedResponseError,
} from '../../shared/errors.js'
import type { CircleCITarget } from './target.js'
import type { HttpClient } from '../../transport/client.js'
import { segment } from '../../transport/url.js'
import type { Destination, WriteOutcome, WriteResult } from '../../shared/types.js'
import { writtenSince } from '../../transport/clock.js'

const MAX_VALUE_BYTES = 32 * 1024
const MAX_CONTEXT_VARS = 100
/** Pagination bounds: a `next_page_token` that never ends is refused, not followed for ever. */
export const MAX_PAGES = 500
export const PAGINATION_DEADLINE_MS = 5 * 60_000

function untrusted(what: string): UntrustedResponseError {
  return new UntrustedResponseError(`circleci: ${what}`, 'circleci')
}

interface Page<T> {
  items: T[]
  next_page_token: string | null
}

interface Context {
  id: string
  name: string
}

/**
 * Per-run CircleCI helpers shared by every line: one token check, one context listing per org, one
 * variable listing per context and one creation per missing context, however many lines name them.
 */
class CircleCIApi {
  private me?: Promise<unknown>
  private readonly contexts = new Map<string, Promise<Context[]>>()
  private readonly variables = new Map<string, Promise<string[]>>()
  private readonly creations = new Map<string, Promise<{ id: string; created: boolean }>>()

  constructor(readonly client: HttpClient) {}

  checkToken(): Promise<unknown> {
    this.me ??= this.client.get('/me').catch((err: unknown) => {
      if (err instanceof AuthError)
        throw new AuthError(
          `circleci-token was rejected by CircleCI (${err.status} "${err.platformMessage}"): use a personal API token`,
          'circleci',
          err.status,
          err.platformMessage,
        )
      throw err
    })
    return this.me
  }

  async all<T>(path: string, query: Record<string, string> = {}): Promise<T[]> {
    const items: T[] = []
    const seen = new Set<string>()
    const deadline = Date.now() + PAGINATION_DEADLINE_MS
    let token: string | null = null
    for (let pages = 1; ; pages++) {
      const res: { data: Page<T> } = await this.client.get<Page<T>>(path, {
        query: { ...query, ...(token ? { 'page-token': token } : {}) },
      })
      const page = res.data as Partial<Page<T>> | undefined
      if (!page || !Array.isArray(page.items)) throw untrusted(`GET ${path} answered without an items list`)
      if (
        page.next_page_token !== null &&
        page.next_page_token !== undefined &&
        typeof page.next_page_token !== 'string'
      )
        throw untrusted(`GET ${path} answered a next_page_token that is not a string`)
      items.push(...page.items)
      token = page.next_page_token || null
      if (!token) return items
      if (seen.has(token))
        throw untrusted(`GET ${path}: the server returned the same next_page_token twice; refusing to loop`)
      seen.add(token)
      if (pages >= MAX_PAGES)
        throw untrusted(`GET ${path}: more than ${MAX_PAGES} pages; refusing to follow a listing that does not end`)
      if (Date.now() > deadline)
        throw untrusted(`GET ${path}: pagination took longer than ${PAGINATION_DEADLINE_MS / 1000} s`)
    }
  }

  /** The org's contexts; `fresh` lists again (after another run may have created one). */
  findContext(owner: string, name: string, fresh = false): Promise<string | undefined> {
    if (fresh || !this.contexts.has(owner)) this.contexts.set(owner, this.listContexts(owner))
    return this.contexts.get(owner)!.then((all) => {
      const id = all.find((c) => c?.name === name)?.id
      // The id becomes a path segment of every later request.
      if (id !== undefined && (typeof id !== 'string' || !id))
        throw untrusted(`context "${name}" was listed without a string id`)
      return id
    })
  }

  private async listContexts(owner: string): Promise<Context[]> {
    try {
      return await this.all<Context>('/context', { 'owner-slug': owner, 'owner-type': 'organization' })
    } catch (err) {
      rethrowNotVisible(err, 'circleci', `CircleCI organization ${owner}`, 'circleci-token')
    }
  }

  variableNames(contextId: string): Promise<string[]> {
    if (!this.variables.has(contextId))
      this.variables.set(
        contextId,
        this.all<{ variable: string }>(`/context/${segment(contextId)}/environment-variable`).then((vars) =>
          vars.map((v) => v?.variable),
        ),
      )
    return this.variables.get(contextId)!
  }

  /** Creates a missing context once; `created` is true only for the first caller, whose POST made it. */
  async ensureContext(owner: string, name: string): Promise<{ id: string; created: boolean }> {
    const key = `${owner}/${name}`
    const pending = this.creations.get(key)
    if (pending) return { id: (await pending).id, created: false }
    const creation = this.createContext(owner, name)
    this.creations.set(key, creation)
    return creation
  }

  private async createContext(owner: string, name: string): Promise<{ id: string; created: boolean }> {
    try {
      const res = await this.client.request<Context>('POST', '/context', {
        body: { name, owner: { slug: owner, type: 'organization' } },
      })
      if (typeof res.data?.id !== 'string' || !res.data.id)
        throw untrusted(`POST /context answered without a context id`)
      return { id: res.data.id, created: true }
    } catch (err) {
      // Another run created it meanwhile: use that one.
      const id = await this.findContext(owner, name, true)
      if (!id) throw err
      return { id, created: false }
    }
  }
}

function checkCircleCIValue(id: string, secret: string): void {
  if (Buffer.byteLength(secret, 'utf8') > MAX_VALUE_BYTES)
    throw new ConfigError(id, 'CircleCI variable values are at most 32 KB')
}

class ContextVariable implements Destination {
  readonly secretName: string
  private contextId?: string
  private exists = false

  constructor(
    readonly id: string,
    private readonly t: Extract<CircleCITarget, { kind: 'context' }>,
    private readonly api: CircleCIApi,
  ) {
    this.secretName = t.name
  }

  private get owner() {
    return `${this.t.vcs}/${this.t.org}`
  }

  async preflight(): Promise<void> {
    await this.api.checkToken()
    this.contextId = await this.api.findContext(this.owner, this.t.context)
    if (!this.contextId) {
      if (!this.t.create)
        throw new ConfigError(
          this.id,
          `context "${this.t.context}" does not exist in ${this.owner} and the line says ?create=false`,
        )
      return
    }
    const names = await this.api.variableNames(this.contextId)
    this.exists = names.includes(this.secretName)
    if (!this.exists && names.length >= MAX_CONTEXT_VARS)
      throw new ConfigError(
        this.id,
        `context "${this.t.context}" already holds ${MAX_CONTEXT_VARS} variables, CircleCI's limit`,
      )
  }

  async wouldWrite(): Promise<WriteResult> {
    return this.exists ? 'updated' : 'created'
  }

  checkValue(secret: string): void {
    checkCircleCIValue(this.id, secret)
  }

  async write(secret: string): Promise<WriteOutcome> {
    const context = this.contextId
      ? { id: this.contextId, created: false }
      : await this.api.ensureContext(this.owner, this.t.context)
    this.contextId = context.id
    await this.api.client.request(
      'PUT',
      `/context/${segment(context.id)}/environment-variable/${segment(this.secretName)}`,
      { body: { value: secret } },
    )
    return {
      result: this.exists ? 'updated' : 'created',
      changes: context.created ? [`context "${this.t.context}" created`] : undefined,
    }
  }

  /** Context values cannot be read back: the variable's `updated_at` says whether the write landed. */
  async confirm(_secret: string, since: Date): Promise<boolean | undefined> {
    if (!this.contextId) return undefined
    try {
      const vars = await this.api.all<{ variable: string; updated_at?: string }>(
        `/context/${this.contextId}/environment-variable`,
      )
      const v = vars.find((x) => x.variable === this.secretName)
      return v ? writtenSince(v.updated_at, since) : false
    } catch {
      return undefined
    }
  }
}

class ProjectVariable implements Destination {
  readonly secretName: string
  private exists = false
  private readonly slug: string

  constructor(
    readonly id: string,
    t: Extract<CircleCITarget, { kind: 'project' }>,
    private readonly api: CircleCIApi,
  ) {
    this.secretName = t.name
    this.slug = [t.vcs, t.org, t.repo].map(segment).join('/')
  }

  async preflight(): Promise<void> {
    await this.api.checkToken()
    try {
      const vars = await this.api.all<{ name: string }>(`/project/${this.slug}/envvar`)
      this.exists = vars.some((v) => v.name === this.secretName)
    } catch (err) {
      rethrowNotVisible(err, 'circleci', `CircleCI project ${this.slug}`, 'circleci-token')
    }
  }

  async wouldWrite(): Promise<WriteResult> {
    return this.exists ? 'updated' : 'created'
  }

  checkValue(secret: string): void {
    checkCircleCIValue(this.id, secret)
  }

  async write(secret: string): Promise<WriteOutcome> {
    // An upsert: sending it twice is harmless.
    await this.api.client.request('POST', `/project/${this.slug}/envvar`, {
      body: { name: this.secretName, value: secret },
      idempotent: true,
    })
    return { result: this.exists ? 'updated' : 'created' }
  }

  /**
   * CircleCI shows the last four characters of a project variable (`xxxx1234`): enough to tell our value from
   * another.
   */
  async confirm(secret: string): Promise<boolean | undefined> {
    try {
      const res = await this.api.client.get<{ value?: string }>(
        `/project/${this.slug}/envvar/${encodeURIComponent(this.secretName)}`,
      )
      const shown = String(res.data?.value ?? '')
      return secret.length > 4 && /^x+/.test(shown) ? shown.slice(-4) === secret.slice(-4) : undefined
    } catch (err) {
      return err instanceof NotFoundError ? false : undefined
    }
  }
}

export interface CircleCIConfig {
  token?: string
  url: string
}

export function createCircleCIDestinations(
  targets: CircleCITarget[],
  config: CircleCIConfig,
  transport: Transport,
): Destination[] {
  const api = new CircleCIApi(
    makeClient(transport, 'circleci', `${config.url}/api/v2`, { 'circle-token': config.token! }),
  )
  return targets.map((t) =>
    t.kind === 'context' ? new ContextVariable(t.id, t, api) : new ProjectVariable(t.id, t, api),
  )
}
