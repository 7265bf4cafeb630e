/**
 * HashiCorp Vault KV secrets (`vault:kv/MOUNT/PATH`). The mount and its KV version come from
 * `sys/internal/ui/mounts/<path>`, as `vault kv put` finds them, so nested mounts and KV v1 need no
 * option. A line writes one field and keeps the others: KV v2 reads, merges and writes with
 * check-and-set (a conflict - another writer changed the secret meanwhile - reads and merges again);
 * KV v1 has no versions, so it reads, merges and writes. A lost answer is read back: KV values are
 * readable. Preflight proves the token's capabilities on the exact path (`sys/capabilities-self`).
 */
import { makeClient, type Transport } from '../../transport/transport.js'
import {
  AuthError,
  ConfigError,
  errorMessage,
  NotFoundError,
  OutcomeUnknownError,
  TokenActionError,
  UntrustedResponseError,
} from '../../shared/errors.js'
import { segment } from '../../transport/url.js'
import type { HttpClient } from '../../transport/client.js'
import type { VaultTarget } from './target.js'
import type { Destination, WriteOutcome, WriteResult } from '../../shared/types.js'

/** Conflicting writers would have to change the secret this many times in a row to make a write give up. */
const MAX_CAS_ATTEMPTS = 5

type Fields = Record<string, unknown>
interface Mount {
  /** With its trailing slash, e.g. `team/kv/`. */
  path: string
  version: 1 | 2
}
interface Current {
  fields: Fields
  /** KV v2 version (0: no secret yet); cas for the next write. */
  version: number
  exists: boolean
}

const encodePath = (path: string) => path.split('/').map(segment).join('/')

/** Per-run Vault helpers shared by every line: one token check, one mount lookup per path. */
export interface VaultSettings {
  url?: string
  token?: string
  namespace?: string
  /** Log in with the job's OIDC token as this role (JWT auth at `authPath`). */
  role?: string
  authPath: string
  /**
   * Where `role` gets the job's OIDC token: GitHub Actions' token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL
   * and its bearer token), or a JWT the CI system already put in the environment (GitLab's
   * `id_tokens: VAULT_ID_TOKEN`, CircleCI's CIRCLE_OIDC_TOKEN_V2).
   */
  oidc?: { request: { url: string; token: string } } | { jwt: string }
}

export class VaultApi {
  private checked?: Promise<void>
  private readonly mounts = new Map<string, Promise<Mount>>()

  constructor(
    readonly client: HttpClient,
    /** How messages name the credential: the input, or the role it logged in as. */
    readonly credential: string,
  ) {}

  checkToken(): Promise<void> {
    this.checked ??= this.client
      .get('/auth/token/lookup-self')
      .then(() => undefined)
      .catch((err: unknown) => {
        if (err instanceof AuthError)
          throw new AuthError(
            `${this.credential} was refused by Vault (${err.status} "${err.platformMessage}"): invalid, expired, or without the default policy`,
            'vault',
            err.status,
            err.platformMessage,
          )
        throw err
      })
    return this.checked
  }

  mountOf(t: VaultTarget): Promise<Mount> {
    if (!this.mounts.has(t.path)) this.mounts.set(t.path, this.findMount(t))
    return this.mounts.get(t.path)!
  }

  private async findMount(t: VaultTarget): Promise<Mount> {
    let data: { path?: unknown; type?: unknown; options?: { version?: unknown } | null } | undefined
    try {
      data = (await this.client.get<{ data?: typeof data }>(`/sys/internal/ui/mounts/${encodePath(t.path)}`)).data?.data
    } catch (err) {
      // Vault answers 403 both for a path under no mount and for one the token may not see.
      if (err instanceof AuthError)
        throw new AuthError(
          `${t.id}: no mount found that ${this.credential} may use (${err.status} "${err.platformMessage}"): check the path and the token's policy`,
          'vault',
          err.status,
          err.platformMessage,
        )
      throw err
    }
    const path = data?.path
    if (typeof path !== 'string' || !path.endsWith('/') || !`${t.path}/`.startsWith(path) || path.length < 2)
      throw new UntrustedResponseError(`vault: the mount of ${t.path} was answered without a usable path`, 'vault')
    if (data?.type !== 'kv')
      throw new ConfigError(
        t.id,
        `${path} is a ${typeof data?.type === 'string' ? data.type.slice(0, 40) : 'unknown'} secrets engine, not KV`,
      )
    const version = data.options?.version ?? '1'
    if (version !== '1' && version !== '2')
      throw new UntrustedResponseError(`vault: ${path} reports KV version ${String(version).slice(0, 10)}`, 'vault')
    if (`${t.path}/` === path) throw new ConfigError(t.id, `${path} is the mount itself: name a secret under it`)
    return { path, version: Number(version) as 1 | 2 }
  }
}

class VaultKvDestination implements Destination {
  readonly id: string
  readonly secretName: string
  private mount?: Mount
  private current?: Current

  constructor(
    private readonly t: VaultTarget,
    private readonly api: VaultApi,
  ) {
    this.id = t.id
    this.secretName = t.field
  }

  /** The API path of the secret's data: `{mount}data/{path}` (v2) or `{mount}{path}` (v1). */
  private get dataPath(): string {
    const m = this.mount!
    const sub = this.t.path.slice(m.path.length)
    return `${m.path}${m.version === 2 ? 'data/' : ''}${sub}`
  }

  async preflight(): Promise<void> {
    await this.api.checkToken()
    this.mount = await this.api.mountOf(this.t)
    this.current = await this.read()
    await this.checkCapabilities()
  }

  private async checkCapabilities(): Promise<void> {
    const path = this.dataPath
    const res = await this.api.client.request<Record<string, unknown>>('POST', '/sys/capabilities-self', {
      body: { paths: [path] },
      idempotent: true,
    })
    const said = res.data?.[path] ?? res.data?.capabilities ?? (res.data?.data as Fields | undefined)?.[path]
    if (!Array.isArray(said) || !said.every((c) => typeof c === 'string'))
      throw new UntrustedResponseError(`vault: capabilities-self answered without the capabilities of ${path}`, 'vault')
    const has = new Set(said as string[])
    if (has.has('root')) return
    const write = this.current!.exists ? 'update' : 'create'
    const missing = ['read', write].filter((c) => !has.has(c))
    if (missing.length)
      throw new AuthError(
        `${this.id}: ${this.api.credential} lacks ${missing.map((c) => `"${c}"`).join(' and ')} on ${path} (it has: ${[...has].join(', ').slice(0, 200) || 'nothing'}); its policy needs read and ${write}`,
        'vault',
        403,
      )
  }

  async wouldWrite(): Promise<WriteResult> {
    return this.current && this.t.field in this.current.fields ? 'updated' : 'created'
  }

  checkValue(): void {}

  private async read(): Promise<Current> {
    let data: Fields | undefined
    try {
      data = (await this.api.client.get<{ data?: Fields }>(`/${encodePath(this.dataPath)}`)).data?.data
    } catch (err) {
      if (err instanceof NotFoundError) return { fields: {}, version: 0, exists: false }
      throw err
    }
    if (this.mount!.version === 1) {
      if (!isObject(data))
        throw new UntrustedResponseError(`vault: ${this.t.path} was answered without its data`, 'vault')
      return { fields: data, version: 0, exists: true }
    }
    const fields = data?.data
    const version = (data?.metadata as Fields | undefined)?.version
    if (!Number.isSafeInteger(version))
      throw new UntrustedResponseError(`vault: ${this.t.path} was answered without its version`, 'vault')
    // A deleted latest version reads as no data; its version still counts for check-and-set.
    return { fields: isObject(fields) ? fields : {}, version: version as number, exists: isObject(fields) }
  }

  async write(secret: string): Promise<WriteOutcome> {
    const created = !(this.current && this.t.field in this.current.fields)
    const changes: string[] = []
    for (let attempt = 1; ; attempt++) {
      const current = attempt === 1 && this.current ? this.current : await this.read()
      if (current.fields[this.t.field] === secret) break // a lost answer's write had landed
      const body: Fields = { ...current.fields, [this.t.field]: secret }
      try {
        if (this.mount!.version === 2) {
          await this.api.client.request('POST', `/${encodePath(this.dataPath)}`, {
            body: { data: body, options: { cas: current.version } },
          })
        } else {
          await this.api.client.request('POST', `/${encodePath(this.dataPath)}`, { body, idempotent: true })
        }
        break
      } catch (err) {
        const conflict =
          err instanceof TokenActionError && err.status === 400 && /check-and-set/i.test(err.platformMessage ?? '')
        if (!conflict && !(err instanceof OutcomeUnknownError)) throw err
        if (attempt >= MAX_CAS_ATTEMPTS) throw err
        if (conflict) changes.push('another writer changed the secret meanwhile: read and merged again')
        this.current = undefined
      }
    }
    return { result: created ? 'created' : 'updated', changes: changes.length ? changes : undefined }
  }

  async confirm(secret: string): Promise<boolean | undefined> {
    try {
      return (await this.read()).fields[this.t.field] === secret
    } catch {
      return undefined
    }
  }
}

function isObject(v: unknown): v is Fields {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * Logs in with the job's OIDC token (JWT auth, as hashicorp/vault-action does); the Vault token is revoked at
 * the end.
 */
/** The job's OIDC token: given by the CI system (GitLab, CircleCI), or requested from the GitHub Actions runner. */
async function jobJwt(oidc: NonNullable<VaultSettings['oidc']>, transport: Transport): Promise<string> {
  if ('jwt' in oidc) return oidc.jwt
  const url = new URL(oidc.request.url)
  // Like @actions/core's getIDToken: GET the runner's URL with the request token as bearer; the answer is {value}.
  const runner = makeClient(transport, 'github-oidc', url.origin, { authorization: `Bearer ${oidc.request.token}` })
  const jwt = (await runner.get<{ value?: unknown }>(url.pathname, { query: Object.fromEntries(url.searchParams) }))
    .data?.value
  if (typeof jwt !== 'string' || !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(jwt))
    throw new UntrustedResponseError('github-oidc: the runner answered without an OIDC token', 'github-oidc')
  transport.redactor.add(jwt)
  return jwt
}

async function oidcLogin(
  settings: VaultSettings,
  transport: Transport,
  headers: Record<string, string>,
): Promise<string> {
  const jwt = await jobJwt(settings.oidc!, transport)
  const login = makeClient(transport, 'vault', `${settings.url}/v1`, headers)
  let token: unknown
  try {
    token = (
      await login.request<{ auth?: { client_token?: unknown } }>(
        'POST',
        `/auth/${encodePath(settings.authPath)}/login`,
        {
          body: { role: settings.role, jwt },
        },
      )
    ).data?.auth?.client_token
  } catch (err) {
    if (err instanceof TokenActionError && err.status !== undefined && err.status < 500)
      throw new AuthError(
        `vault-role: Vault refused the login as role "${settings.role}" at auth/${settings.authPath} (${err.status} "${err.platformMessage}"): check the role's bound claims`,
        'vault',
        err.status,
        err.platformMessage,
      )
    throw err
  }
  if (typeof token !== 'string' || token.length < 8 || /\s/.test(token))
    throw new UntrustedResponseError('vault: the JWT login was answered without a client token', 'vault')
  transport.redactor.add(token)
  return token
}

/** Builds the Vault client (logging in first with `vault-role`) and one destination per line. */
export async function createVaultDestinations(
  targets: VaultTarget[],
  settings: VaultSettings,
  transport: Transport,
  /** The Vault token a role login gets is revoked when the run ends. */
  cleanups: (() => Promise<void>)[],
): Promise<Destination[]> {
  const headers: Record<string, string> = {
    'x-vault-request': 'true',
    ...(settings.namespace ? { 'x-vault-namespace': settings.namespace } : {}),
  }
  let token = settings.token
  if (settings.role) {
    token = await oidcLogin(settings, transport, headers)
    const own = makeClient(transport, 'vault', `${settings.url}/v1`, { ...headers, 'x-vault-token': token })
    cleanups.push(() =>
      own
        .request('POST', '/auth/token/revoke-self', { idempotent: true })
        .then(() => undefined)
        .catch((err: unknown) =>
          transport.log.warning(
            `could not revoke the Vault token of this run: ${errorMessage(err)} (it ends with its TTL)`,
          ),
        ),
    )
  }
  const client = makeClient(transport, 'vault', `${settings.url}/v1`, { ...headers, 'x-vault-token': token! })
  const api = new VaultApi(client, settings.role ? `the Vault token of role ${settings.role}` : 'vault-token')
  return targets.map((t) => new VaultKvDestination(t, api))
}
