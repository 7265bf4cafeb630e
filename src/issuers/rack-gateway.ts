/**
 * Rack Gateway (`<gateway>/api/v1`, Bearer admin API token). Tokens are addressed by `public_id`;
 * create answers 200 (any 2xx is accepted); no expiry and no disable.
 */
import { AuthError, NotFoundError } from '../shared/errors.js'
import { ISSUER_KINDS } from './kinds.js'
import type { HttpClient } from '../transport/client.js'
import type { Identity, Issuer, MintedToken, RevokeResult, TokenInfo, TokenSpec } from '../shared/types.js'
import { checkListedToken, checkMintedIdentity, checkMintedSecret, isObject, untrusted } from './check.js'

const PUBLIC_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Rack Gateway's permission match: same number of `:` segments, each equal or `*`. */
function grants(held: string[], wanted: string): boolean {
  const want = wanted.split(':')
  return held.some((p) => {
    const have = p.split(':')
    return have.length === want.length && have.every((seg, i) => seg === '*' || seg === want[i])
  })
}

/** `rgw_` + base64url of 32 bytes (43 characters, padded with one `=`; unpadded accepted). */
export const RACK_GATEWAY_TOKEN = /^rgw_[A-Za-z0-9_-]{43}=?$/

export class RackGatewayIssuer implements Issuer {
  readonly kind = 'rack-gateway'
  readonly can = ISSUER_KINDS['rack-gateway'].can
  /** `rgw_` + base64url of 32 bytes, padded: the whole alphabet and the trailing `=`. */
  readonly sample = `rgw_${'aZ09-_'.repeat(7)}x=`

  /** `admin` uses the admin credential; `verifier(secret)` builds a client authenticated as a given token. */
  constructor(
    private readonly admin: HttpClient,
    private readonly verifier: (secret: string) => HttpClient,
  ) {}

  async create(spec: TokenSpec): Promise<MintedToken> {
    const body = spec.permissions
      ? { name: spec.name, permissions: spec.permissions }
      : { name: spec.name, role: spec.role }
    const res = await this.admin.request<unknown>('POST', '/api/v1/api-tokens', { body })
    const data = res.data
    const t = isObject(data) && isObject(data.api_token) ? data.api_token : {}
    if (!isObject(data))
      throw untrusted(
        this.kind,
        `creating token ${spec.name} answered no JSON object; the token may exist: look for ${spec.name} on the gateway`,
      )
    const minted = checkMintedIdentity(this.kind, { id: t.public_id, name: t.name }, spec.name, 'api_token.public_id')
    const secret = checkMintedSecret(this.kind, data.token, minted, {
      pattern: RACK_GATEWAY_TOKEN,
      description: 'rgw_ and 32 bytes of base64url',
    })
    const permissions =
      Array.isArray(t.permissions) && t.permissions.every((p) => typeof p === 'string')
        ? (t.permissions as string[])
        : undefined
    return {
      ...minted,
      secret,
      expiresAt: typeof t.expires_at === 'string' ? t.expires_at : undefined,
      ...(permissions ? { rights: { permissions } } : {}),
    }
  }

  async list(namePrefix: string): Promise<TokenInfo[]> {
    const res = await this.admin.get<unknown>('/api/v1/api-tokens')
    const data = res.data
    // Another shape is not "no tokens": the old token would stay valid while the run says rotated.
    const items = Array.isArray(data) ? data : isObject(data) ? (data.api_tokens ?? data.tokens) : undefined
    if (!Array.isArray(items))
      throw untrusted(
        this.kind,
        'GET /api/v1/api-tokens did not answer a token list (an array, or {api_tokens: [...]})',
      )
    return items
      .map((t) => checkListedToken(this.kind, t, { id: 'public_id' }))
      .filter((t) => t.name.startsWith(namePrefix))
      .map(({ enabled: _enabled, ...t }) => t)
  }

  /**
   * The gateway states the calling credential's own permissions (`user_permissions` of
   * `GET /api-tokens/permissions`, wildcards included): reading them proves the create and delete
   * rights without creating anything - a nameless create as a probe would mint an unnamed token on a
   * server lax enough to accept it. An answer that cannot be read proves nothing: the mint will tell.
   */
  async checkCanManage(): Promise<void> {
    let held: string[]
    try {
      const res = await this.admin.get<unknown>('/api/v1/api-tokens/permissions')
      const stated = isObject(res.data) ? res.data.user_permissions : undefined
      if (!Array.isArray(stated) || !stated.every((p) => typeof p === 'string')) return
      held = stated as string[]
    } catch (err) {
      if (err instanceof AuthError) throw err
      return
    }
    for (const right of ['create', 'delete'] as const) {
      if (!grants(held, `gateway:api_token:${right}`))
        throw new AuthError(
          `issuer-token may not ${right} tokens (its permissions lack gateway:api_token:${right}): token-action ${right === 'create' ? 'mints the replacement' : 'revokes the tokens it replaces'} with it; use a credential allowed to manage tokens (Rack Gateway: role admin)`,
          this.kind,
          403,
        )
    }
  }

  async revoke(id: string): Promise<RevokeResult> {
    // Tokens are addressed by public_id, a UUID: any other id names no token (the gateway would answer 500).
    if (!PUBLIC_ID.test(id)) return 'gone'
    try {
      await this.admin.request('DELETE', `/api/v1/api-tokens/${encodeURIComponent(id)}`)
      return 'revoked'
    } catch (err) {
      if (err instanceof NotFoundError) return 'gone'
      throw err
    }
  }

  async verify(secret: string): Promise<Identity> {
    const res = await this.verifier(secret).get<Record<string, unknown>>('/api/v1/info')
    const d = res.data ?? {}
    const who = [d.user_email, d.email, d.name, d.rack].find((v) => typeof v === 'string') as string | undefined
    return { subject: who ? `Rack Gateway (${who})` : 'Rack Gateway' }
  }
}
