/**
 * GitHub Actions / Dependabot / Codespaces secrets for repositories, environments and orgs.
 * Public keys are fetched once per namespace per run; an org secret keeps its visibility and
 * selected repositories on update unless the destination line sets them.
 */
import {
  AuthError,
  ConfigError,
  NotFoundError,
  rethrowNotVisible,
  TokenActionError,
  UntrustedResponseError,
} from '../../shared/errors.js'
import type { GitHubTarget, OrgVisibility } from './target.js'
import type { HttpClient } from '../../transport/client.js'
import { isDotSegment, segment } from '../../transport/url.js'
import { sealForGitHub } from './sealed-box.js'
import type { Destination, WriteOutcome, WriteResult } from '../../shared/types.js'
import { writtenSince } from '../../transport/clock.js'

const MAX_VALUE_BYTES = 48 * 1024
/** Pagination bounds: 1,000 pages of 100 is 100,000 repositories; a server that never stops is refused. */
export const MAX_PAGES = 1000
export const PAGINATION_DEADLINE_MS = 10 * 60_000
const VISIBILITIES: readonly string[] = ['all', 'private', 'selected']
const REPO_NAME = /^[A-Za-z0-9_.-]{1,100}$/

function untrusted(what: string): UntrustedResponseError {
  return new UntrustedResponseError(`github: ${what}`, 'github')
}

/** A sealed box needs the namespace's 32-byte X25519 key: checked in preflight, not after minting. */
function checkPublicKey(namespace: string, data: unknown): PublicKey {
  const d = data as Partial<PublicKey> | undefined
  if (!d || typeof d !== 'object' || typeof d.key_id !== 'string' || !d.key_id || typeof d.key !== 'string')
    throw untrusted(`GET ${namespace}/public-key answered without a key_id and key`)
  const bytes = Buffer.from(d.key, 'base64')
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(d.key) || bytes.length !== 32 || bytes.toString('base64') !== d.key) {
    throw untrusted(
      `GET ${namespace}/public-key answered a key that is not 32 bytes of base64 (got ${d.key.length} characters): secrets cannot be encrypted for it`,
    )
  }
  return { key_id: d.key_id, key: d.key }
}

/** Follows numbered pages until `last(page)` says so, within MAX_PAGES and PAGINATION_DEADLINE_MS. */
async function paginate(what: string, fetchPage: (page: number) => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + PAGINATION_DEADLINE_MS
  for (let page = 1; ; page++) {
    if (page > MAX_PAGES)
      throw untrusted(`${what}: more than ${MAX_PAGES} pages; refusing to follow a listing that does not end`)
    if (Date.now() > deadline)
      throw untrusted(`${what}: pagination took longer than ${PAGINATION_DEADLINE_MS / 1000} s`)
    if (await fetchPage(page)) return
  }
}

interface PublicKey {
  key_id: string
  key: string
}

const PERMISSION_HINT: Record<'repo' | 'env' | 'org', string> = {
  repo: 'a fine-grained token or GitHub App with repository "Secrets: write" (classic PAT: repo scope)',
  env: 'a fine-grained token or GitHub App with repository "Environments: write" (classic PAT: repo scope)',
  org: 'a fine-grained token or GitHub App with organization "Secrets: write" (classic PAT: admin:org scope)',
}

/** Per-run GitHub API helpers shared by all GitHub destinations (one key fetch per namespace). */
export class GitHubSecrets {
  private readonly keys = new Map<string, Promise<PublicKey>>()

  constructor(readonly client: HttpClient) {}

  /** Drops a cached key that GitHub no longer accepts (it rotated it mid-run). */
  forgetKey(namespace: string): void {
    this.keys.delete(namespace)
  }

  publicKey(namespace: string): Promise<PublicKey> {
    let key = this.keys.get(namespace)
    if (!key) {
      key = this.client.get<unknown>(`${namespace}/public-key`).then((r) => checkPublicKey(namespace, r.data))
      // A failed lookup must not be cached: a retry of the run (or another line) asks again.
      key.catch(() => this.keys.delete(namespace))
      this.keys.set(namespace, key)
    }
    return key
  }

  async repoId(owner: string, repo: string): Promise<number> {
    const res = await this.client.get<{ id: number }>(`/repos/${enc(owner)}/${enc(repo)}`)
    if (!Number.isSafeInteger(res.data?.id))
      throw untrusted(`GET /repos/${owner}/${repo} answered without a numeric id`)
    return res.data.id
  }

  async listOrgRepos(org: string): Promise<{ name: string; archived: boolean; topics?: string[] }[]> {
    const all: { name: string; archived: boolean; topics?: string[] }[] = []
    // Pages are numbered by us, never taken from the `link` header's URL.
    await paginate(`listing the repositories of ${org}`, async (page) => {
      const res = await this.client.get<unknown>(`/orgs/${enc(org)}/repos`, {
        query: { per_page: 100, page, type: 'all' },
      })
      if (!Array.isArray(res.data))
        throw untrusted(`GET /orgs/${org}/repos answered ${typeof res.data}, not a list of repositories`)
      for (const r of res.data as { name?: unknown; archived?: unknown; topics?: unknown }[]) {
        // A repository name becomes a path segment and a report line: only GitHub's own name alphabet.
        if (typeof r?.name !== 'string' || !REPO_NAME.test(r.name) || isDotSegment(r.name))
          throw untrusted(`GET /orgs/${org}/repos listed a repository whose name is not a GitHub repository name`)
        all.push({
          name: r.name,
          archived: r.archived === true,
          topics: Array.isArray(r.topics) ? r.topics.filter((t): t is string => typeof t === 'string') : undefined,
        })
      }
      const link = String(res.headers.link ?? '')
      return res.data.length < 100 || !/rel="next"/.test(link)
    })
    return all
  }
}

/** One encoded path segment; `.`/`..` are refused (the plan refuses them already; this guards every other caller). */
function enc(value: string): string {
  return segment(value)
}

function namespaceOf(t: GitHubTarget): string {
  switch (t.kind) {
    case 'repo':
      return `/repos/${enc(t.owner)}/${enc(t.repo)}/${t.app}/secrets`
    case 'env':
      return `/repos/${enc(t.owner)}/${enc(t.repo)}/environments/${enc(t.environment)}/secrets`
    case 'org':
    case 'repos':
      return `/orgs/${enc(t.org)}/${t.app}/secrets`
  }
}

function describe(t: GitHubTarget): string {
  switch (t.kind) {
    case 'repo':
      return `repository ${t.owner}/${t.repo}`
    case 'env':
      return `environment "${t.environment}" of ${t.owner}/${t.repo}`
    default:
      return `organization ${t.org}`
  }
}

/** Rewrites GitHub's terse 401/403/404 into what the user must change. */
function explain(err: unknown, t: GitHubTarget): never {
  if (err instanceof AuthError && err.status === 401) {
    throw new AuthError(
      `github-token was rejected by GitHub (401 "${err.platformMessage}"): check that it is valid and not expired`,
      'github',
      401,
      err.platformMessage,
    )
  }
  if (err instanceof AuthError && err.status === 403) {
    const scope = t.kind === 'repos' ? 'repo' : t.kind
    const integration = /not accessible by integration/i.test(err.platformMessage ?? '')
    throw new AuthError(
      `github-token may not write secrets of ${describe(t)} (403 "${err.platformMessage}"). It needs ${PERMISSION_HINT[scope]}.` +
        (integration
          ? " The workflow's default GITHUB_TOKEN can never write secrets: pass a PAT or an App token as github-token."
          : ''),
      'github',
      403,
      err.platformMessage,
    )
  }
  rethrowNotVisible(err, 'github', describe(t), 'github-token')
}

/** A repository or environment secret; OrgSecret adds the org's access rules. */
class GitHubDestination implements Destination {
  readonly secretName: string
  protected readonly namespace: string

  constructor(
    readonly id: string,
    protected readonly target: GitHubTarget,
    protected readonly api: GitHubSecrets,
  ) {
    this.secretName = target.name
    this.namespace = namespaceOf(target)
  }

  async preflight(): Promise<void> {
    try {
      await this.api.publicKey(this.namespace)
      await this.preflightMore()
    } catch (err) {
      explain(err, this.target)
    }
  }

  protected async preflightMore(): Promise<void> {}

  /** Whether the secret existed when preflight looked (org secrets look there; others on demand). */
  protected existedAtPreflight?: boolean

  async wouldWrite(): Promise<WriteResult> {
    this.existedAtPreflight ??= Boolean(await this.existing())
    return this.existedAtPreflight ? 'updated' : 'created'
  }

  checkValue(secret: string): void {
    if (Buffer.byteLength(secret, 'utf8') > MAX_VALUE_BYTES)
      throw new ConfigError(this.id, 'GitHub secret values are at most 48 KB')
  }

  async write(secret: string): Promise<WriteOutcome> {
    try {
      return await this.put(secret)
    } catch (err) {
      // GitHub rotated the namespace's key since it was fetched: fetch it again and retry once.
      if (!(err instanceof TokenActionError && err.status === 422 && /key_id/i.test(err.platformMessage ?? '')))
        return explain(err, this.target)
      this.api.forgetKey(this.namespace)
      try {
        return await this.put(secret)
      } catch (again) {
        return explain(again, this.target)
      }
    }
  }

  private async put(secret: string): Promise<WriteOutcome> {
    const key = await this.api.publicKey(this.namespace)
    const body = {
      encrypted_value: await sealForGitHub(secret, key.key),
      key_id: key.key_id,
      ...(await this.extraBody()),
    }
    const res = await this.api.client.request('PUT', `${this.namespace}/${enc(this.secretName)}`, { body })
    return { result: res.status === 201 ? 'created' : 'updated', changes: this.changes() }
  }

  /** Secret values cannot be read back: the secret's `updated_at` says whether the write landed. */
  async confirm(_secret: string, since: Date): Promise<boolean | undefined> {
    const current = await this.existing().catch(() => null)
    if (current === null) return undefined
    return current ? writtenSince(current.updated_at, since) : false
  }

  protected async extraBody(): Promise<Record<string, unknown>> {
    return {}
  }

  protected changes(): string[] | undefined {
    return undefined
  }

  protected async existing(): Promise<Record<string, unknown> | undefined> {
    try {
      return (await this.api.client.get<Record<string, unknown>>(`${this.namespace}/${enc(this.secretName)}`)).data
    } catch (err) {
      if (err instanceof NotFoundError) return undefined
      explain(err, this.target)
    }
  }
}

interface OrgAccess {
  visibility: OrgVisibility
  selectedRepositoryIds?: number[]
}

class OrgSecret extends GitHubDestination {
  private access?: OrgAccess
  private previous?: OrgAccess

  protected override async preflightMore(): Promise<void> {
    const t = this.target as Extract<GitHubTarget, { kind: 'org' }>
    const current = await this.existing()
    this.existedAtPreflight = Boolean(current)
    if (current) this.previous = await this.readAccess(current)
    if (t.visibility) {
      const ids = t.repos ? await Promise.all(t.repos.map((r) => this.api.repoId(t.org, r))) : undefined
      this.access = { visibility: t.visibility, selectedRepositoryIds: ids }
    } else {
      // Keep what the org has; a brand-new secret gets GitHub's UI default (private repositories).
      this.access = this.previous ?? { visibility: 'private' }
    }
  }

  private async readAccess(current: Record<string, unknown>): Promise<OrgAccess> {
    const visibility = current.visibility as OrgVisibility
    if (!VISIBILITIES.includes(visibility))
      throw untrusted(`the org secret ${this.secretName} has an unknown visibility`)
    if (visibility !== 'selected') return { visibility }
    const ids: number[] = []
    // A server-supplied URL: the client follows it only on the configured origin, under the API base path.
    const url =
      typeof current.selected_repositories_url === 'string'
        ? current.selected_repositories_url
        : `${this.namespace}/${enc(this.secretName)}/repositories`
    await paginate(`listing the repositories of org secret ${this.secretName}`, async (page) => {
      const res = await this.api.client.get<{ total_count?: unknown; repositories?: unknown }>(url, {
        query: { per_page: 100, page },
      })
      const repos = res.data?.repositories
      if (!Array.isArray(repos) || repos.some((r: { id?: unknown }) => !Number.isSafeInteger(r?.id)))
        throw untrusted(`the selected repositories of org secret ${this.secretName} are not a list of repository ids`)
      ids.push(...repos.map((r: { id: number }) => r.id))
      return repos.length < 100 || ids.length >= Number(res.data.total_count)
    })
    return { visibility, selectedRepositoryIds: ids }
  }

  protected override async extraBody(): Promise<Record<string, unknown>> {
    if (!this.access) await this.preflightMore()
    const a = this.access!
    return a.visibility === 'selected'
      ? { visibility: a.visibility, selected_repository_ids: a.selectedRepositoryIds ?? [] }
      : { visibility: a.visibility }
  }

  protected override changes(): string[] | undefined {
    if (!this.previous || !this.access) return undefined
    const out: string[] = []
    if (this.previous.visibility !== this.access.visibility)
      out.push(`visibility: ${this.previous.visibility} -> ${this.access.visibility}`)
    const before = (this.previous.selectedRepositoryIds ?? []).slice().sort().join(',')
    const after = (this.access.selectedRepositoryIds ?? []).slice().sort().join(',')
    if (this.access.visibility === 'selected' && before !== after) out.push('selected repositories changed')
    return out.length ? out : undefined
  }
}

/** Expands `github:repos/ORG?...` into one repository destination per match (an API call: part of preflight). */
export async function expandRepos(
  target: Extract<GitHubTarget, { kind: 'repos' }>,
  api: GitHubSecrets,
): Promise<Extract<GitHubTarget, { kind: 'repo' }>[]> {
  let repos
  try {
    repos = await api.listOrgRepos(target.org)
  } catch (err) {
    explain(err, target)
  }
  const picked = repos.filter(
    (r) =>
      (target.archived || !r.archived) &&
      (!target.match || target.match.test(r.name)) &&
      (!target.topic || (r.topics ?? []).includes(target.topic)),
  )
  if (!picked.length) throw new ConfigError('destinations', `${target.id} matched no repository of ${target.org}`)
  return picked.map((r) => ({
    platform: 'github' as const,
    kind: 'repo' as const,
    owner: target.org,
    repo: r.name,
    app: target.app,
    name: target.name,
    id: `github:repo/${target.org}/${r.name}${target.app === 'actions' ? '' : `?app=${target.app}`}`,
  }))
}

export function githubDestination(target: Exclude<GitHubTarget, { kind: 'repos' }>, api: GitHubSecrets): Destination {
  return target.kind === 'org' ? new OrgSecret(target.id, target, api) : new GitHubDestination(target.id, target, api)
}
