/**
 * GitLab CI/CD variables of groups and projects (API v4, `PRIVATE-TOKEN`). New variables get the RWX
 * guide's defaults: masked, not protected, raw (no expansion), type variable, scope `*`. Updates keep
 * every flag the line does not set (a hand-protected variable stays protected) and always send
 * `filter[environment_scope]`; the report lists any flag the line changed.
 */
import { makeClient, type Transport } from '../../transport/transport.js'
import { AuthError, ConfigError, NotFoundError, rethrowNotVisible, TokenActionError } from '../../shared/errors.js'
import type { GitLabTarget } from './target.js'
import type { HttpClient } from '../../transport/client.js'
import type { Destination, WriteOutcome, WriteResult } from '../../shared/types.js'

const MAX_VALUE_CHARS = 10_000

interface GitLabVariable {
  key: string
  protected: boolean
  masked: boolean
  raw: boolean
  hidden?: boolean
  variable_type: string
}

/** GitLab's mask rule: the broken part, or undefined when the value can be masked. */
export function maskRuleViolation(value: string, raw: boolean): string | undefined {
  if (value.length < 8) return 'a masked value must be at least 8 characters'
  if (/\s/.test(value)) return 'a masked value must not contain whitespace'
  if (!raw && !/^[a-zA-Z0-9_+=/@:.~-]+$/.test(value))
    return 'with raw=false a masked value may contain only letters, digits and _ + = / @ : . ~ - (set raw=true)'
  return undefined
}

/** Per-run GitLab helpers shared by every line: one token check, one lookup per group or project. */
class GitLabApi {
  private checked?: Promise<void>
  private readonly namespaces = new Map<string, Promise<unknown>>()

  constructor(readonly client: HttpClient) {}

  /** The token works and has the api scope (when GitLab can tell: personal, group and project tokens). */
  checkToken(): Promise<void> {
    this.checked ??= (async () => {
      try {
        await this.client.get('/user')
      } catch (err) {
        if (err instanceof AuthError && err.status === 401)
          throw new AuthError(
            `gitlab-token was rejected by GitLab (401 "${err.platformMessage}")`,
            'gitlab',
            401,
            err.platformMessage,
          )
        if (err instanceof AuthError)
          throw new AuthError(
            `gitlab-token needs the api scope (403 "${err.platformMessage}")`,
            'gitlab',
            403,
            err.platformMessage,
          )
        throw err
      }
      const self = await this.client.get<{ scopes?: string[] }>('/personal_access_tokens/self').catch(() => undefined)
      if (self?.data.scopes && !self.data.scopes.includes('api'))
        throw new AuthError(`gitlab-token has scopes ${self.data.scopes.join(', ')} but needs api`, 'gitlab', 403)
    })()
    return this.checked
  }

  findNamespace(t: GitLabTarget, base: string): Promise<unknown> {
    if (!this.namespaces.has(base))
      this.namespaces.set(
        base,
        this.client
          .get(base)
          .catch((err: unknown) => rethrowNotVisible(err, 'gitlab', `GitLab ${t.kind} ${t.path}`, 'gitlab-token')),
      )
    return this.namespaces.get(base)!
  }
}

class GitLabVariableDestination implements Destination {
  readonly secretName: string
  private readonly base: string
  private existing?: GitLabVariable

  constructor(
    readonly id: string,
    private readonly t: GitLabTarget,
    private readonly api: GitLabApi,
  ) {
    this.secretName = t.name
    // Instance-level variables live under the admin API and have no environment scope.
    this.base = t.kind === 'instance' ? '/admin/ci' : `/${t.kind}s/${encodeURIComponent(t.path)}`
  }

  private get role(): string {
    return { group: 'Owner of the group', project: 'Maintainer of the project', instance: 'administrator' }[this.t.kind]
  }

  private get scopeQuery(): Record<string, string> | undefined {
    return this.t.kind === 'instance' ? undefined : { 'filter[environment_scope]': this.t.scope }
  }

  async preflight(): Promise<void> {
    await this.api.checkToken()
    if (this.t.kind !== 'instance') await this.api.findNamespace(this.t, this.base)
    try {
      this.existing = (
        await this.api.client.get<GitLabVariable>(`${this.base}/variables/${encodeURIComponent(this.secretName)}`, {
          query: this.scopeQuery,
        })
      ).data
    } catch (err) {
      if (err instanceof NotFoundError) this.existing = undefined
      else if (err instanceof AuthError && err.status === 403)
        throw new AuthError(
          `gitlab-token may not manage ${this.t.kind === 'instance' ? 'instance-level CI/CD variables' : `CI/CD variables of ${this.t.kind} ${this.t.path}`} (403 "${err.platformMessage}"): it must belong to an ${this.role}`,
          'gitlab',
          403,
          err.platformMessage,
        )
      else throw err
    }
  }

  async wouldWrite(): Promise<WriteResult> {
    return this.existing ? 'updated' : 'created'
  }

  /**
   * A new variable gets the line's flags (the RWX-guide defaults); an existing one keeps those the line does not
   * set.
   */
  private flag(name: 'protected' | 'masked' | 'raw'): boolean {
    return this.existing && !this.t.explicit.includes(name) ? this.existing[name] : this.t[name]
  }

  /** A hidden variable stays masked whatever the line says: GitLab cannot unmask it. */
  private get masked(): boolean {
    return this.flag('masked') || Boolean(this.existing?.hidden)
  }

  checkValue(secret: string): void {
    if (secret.length > MAX_VALUE_CHARS)
      throw new ConfigError(this.id, `GitLab variable values are at most ${MAX_VALUE_CHARS} characters`)
    if (!this.masked) return
    const broken = maskRuleViolation(secret, this.flag('raw'))
    if (broken) throw new ConfigError(this.id, `GitLab cannot mask this token: ${broken}`)
  }

  private flags() {
    return {
      variable_type: this.existing?.variable_type ?? 'env_var',
      protected: this.flag('protected'),
      masked: this.masked,
      raw: this.flag('raw'),
    }
  }

  private changes(): string[] | undefined {
    const e = this.existing
    if (!e) return undefined
    const sent = this.flags()
    const out: string[] = []
    for (const flag of ['protected', 'masked', 'raw', 'variable_type'] as const)
      if (e[flag] !== sent[flag]) out.push(`${flag}: ${e[flag]} -> ${sent[flag]}`)
    if (this.t.hidden && !e.hidden)
      out.push('hidden applies only when a variable is created: this one stays visible in the UI')
    if (!this.flag('masked') && e.hidden) out.push('masked stays true: GitLab cannot unmask a hidden variable')
    return out.length ? out : undefined
  }

  private get path(): string {
    return `${this.base}/variables/${encodeURIComponent(this.secretName)}`
  }

  private update(secret: string): Promise<unknown> {
    return this.api.client.request('PUT', this.path, {
      query: this.scopeQuery,
      body: { value: secret, ...this.flags() },
    })
  }

  async write(secret: string): Promise<WriteOutcome> {
    this.checkValue(secret)
    if (this.existing) {
      await this.update(secret)
      return { result: 'updated', changes: this.changes() }
    }
    const { masked, ...rest } = this.flags()
    const visibility = this.t.hidden ? { masked_and_hidden: true, masked: true } : { masked }
    try {
      await this.api.client.request('POST', `${this.base}/variables`, {
        body: {
          key: this.secretName,
          value: secret,
          ...(this.t.kind === 'instance' ? {} : { environment_scope: this.t.scope }),
          ...rest,
          ...visibility,
        },
      })
    } catch (err) {
      // Created meanwhile (by an attempt whose answer was lost, or another run): continue as an update.
      if (!(
        err instanceof TokenActionError &&
        err.status === 400 &&
        /already been taken/i.test(err.platformMessage ?? '')
      ))
        throw err
      await this.update(secret)
      return { result: 'updated', changes: ['the variable appeared after preflight; updated instead of created'] }
    }
    return { result: 'created' }
  }

  /** Reads the value back; a hidden variable's value reads as null, so GitLab cannot tell then. */
  async confirm(secret: string): Promise<boolean | undefined> {
    try {
      const res = await this.api.client.get<{ value: string | null }>(this.path, { query: this.scopeQuery })
      return typeof res.data?.value === 'string' ? res.data.value === secret : undefined
    } catch (err) {
      return err instanceof NotFoundError ? false : undefined
    }
  }
}

export interface GitLabConfig {
  token?: string
  url: string
}

export function createGitLabDestinations(
  targets: GitLabTarget[],
  config: GitLabConfig,
  transport: Transport,
): Destination[] {
  const api = new GitLabApi(makeClient(transport, 'gitlab', `${config.url}/api/v4`, { 'private-token': config.token! }))
  return targets.map((t) => new GitLabVariableDestination(t.id, t, api))
}
