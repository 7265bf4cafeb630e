/**
 * Rack Gateway (`<gateway>/api/v1`, Bearer admin API token). Tokens are addressed by `public_id`;
 * create answers 200 (any 2xx is accepted); no expiry and no disable.
 */
import { NotFoundError } from '../errors.js'
import { NO_SUCH_TOKEN, probe } from './probe.js'
import type { HttpClient } from '../http/client.js'
import type { Identity, Issuer, MintedToken, TokenInfo, TokenSpec } from '../types.js'

interface ApiToken {
  id: number
  public_id: string
  name: string
  created_at: string
  expires_at?: string | null
  permissions?: string[]
}

export class RackGatewayIssuer implements Issuer {
  readonly kind = 'rack-gateway'
  readonly can = { create: true, list: true, revoke: true, disable: false, expiry: false, projects: false }
  /** `rgw_` + base64url of 32 bytes, padded: the whole alphabet and the trailing `=`. */
  readonly sample = `rgw_${'aZ09-_'.repeat(7)}x=`

  /** `admin` uses the admin credential; `verifier(secret)` builds a client authenticated as a given token. */
  constructor(
    private readonly admin: HttpClient,
    private readonly verifier: (secret: string) => HttpClient,
  ) {}

  async create(spec: TokenSpec): Promise<MintedToken> {
    const body = spec.permissions ? { name: spec.name, permissions: spec.permissions } : { name: spec.name, role: spec.role }
    const res = await this.admin.request<{ token: string; api_token: ApiToken }>('POST', '/api/v1/api-tokens', { body })
    const t = res.data.api_token
    return { id: t.public_id, name: t.name, secret: res.data.token, expiresAt: t.expires_at ?? undefined }
  }

  async list(namePrefix: string): Promise<TokenInfo[]> {
    const res = await this.admin.get<ApiToken[] | { api_tokens?: ApiToken[]; tokens?: ApiToken[] }>('/api/v1/api-tokens')
    const items = Array.isArray(res.data) ? res.data : (res.data.api_tokens ?? res.data.tokens ?? [])
    return items
      .filter((t) => t.name.startsWith(`${namePrefix}-`))
      .map((t) => ({ id: t.public_id, name: t.name, createdAt: t.created_at, expiresAt: t.expires_at ?? undefined, rights: Array.isArray(t.permissions) ? { permissions: t.permissions } : undefined }))
  }

  /**
   * Token routes check the caller's `gateway:api_token:<action>` permission before anything else,
   * so requests that could never succeed tell the rights apart: a nameless create (400 with the
   * right, 403 without) and a delete of an id that cannot exist (404 with the right, 403 without).
   */
  async checkCanManage(): Promise<void> {
    await probe('create', () => this.admin.request('POST', '/api/v1/api-tokens', { body: { name: '' }, idempotent: true }), 400)
    await probe('delete', () => this.admin.request('DELETE', `/api/v1/api-tokens/${NO_SUCH_TOKEN}`), 404)
  }

  async revoke(id: string): Promise<void> {
    try {
      await this.admin.request('DELETE', `/api/v1/api-tokens/${encodeURIComponent(id)}`)
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err
    }
  }

  async verify(secret: string): Promise<Identity> {
    const res = await this.verifier(secret).get<Record<string, unknown>>('/api/v1/info')
    const d = res.data ?? {}
    const who = [d.user_email, d.email, d.name, d.rack].find((v) => typeof v === 'string') as string | undefined
    return { subject: who ? `Rack Gateway (${who})` : 'Rack Gateway' }
  }
}
