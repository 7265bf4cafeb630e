/**
 * The generic `http` issuer contract (docs/issuer-contract.openapi.yaml): workspace or project
 * tokens, expiry, whoami. Hawzu-style in-house issuers implement it (enable/disable too, which
 * token-action reads from the list but never calls).
 */
import { NotFoundError } from '../shared/errors.js'
import { ISSUER_KINDS } from './kinds.js'
import { NO_SUCH_TOKEN, probeDelete } from './probe.js'
import type { HttpClient } from '../transport/client.js'
import type { Identity, Issuer, MintedToken, RevokeResult, TokenInfo, TokenSpec } from '../shared/types.js'
import { checkListedToken, checkMintedIdentity, checkMintedSecret, isObject, untrusted } from './check.js'

export class HttpIssuer implements Issuer {
  readonly kind = 'http'
  readonly can = ISSUER_KINDS.http.can

  constructor(
    private readonly admin: HttpClient,
    private readonly verifier: (secret: string) => HttpClient,
  ) {}

  async create(spec: TokenSpec): Promise<MintedToken> {
    const body = {
      name: spec.name,
      scope: spec.projects ? 'project' : 'workspace',
      ...(spec.role ? { role: spec.role } : {}),
      ...(spec.permissions ? { permissions: spec.permissions } : {}),
      ...(spec.projects ? { projects: spec.projects } : {}),
      ...(spec.expiresAt ? { expires_at: spec.expiresAt } : {}),
    }
    const res = await this.admin.request<unknown>('POST', '/tokens', { body })
    const d = res.data
    if (!isObject(d))
      throw untrusted(
        this.kind,
        `creating token ${spec.name} answered no JSON object; the token may exist: look for ${spec.name} at the issuer`,
      )
    const minted = checkMintedIdentity(this.kind, { id: d.id, name: d.name }, spec.name, 'id')
    const secret = checkMintedSecret(this.kind, d.token, minted)
    return { ...minted, secret, expiresAt: typeof d.expires_at === 'string' ? d.expires_at : undefined }
  }

  async list(namePrefix: string): Promise<TokenInfo[]> {
    // Minted names are `<prefix>-<timestamp>`; the dash already leaves out `cia-...` at the source, and
    // the lifecycle keeps only names of exactly that shape.
    const res = await this.admin.get<unknown>('/tokens', { query: { name_prefix: namePrefix } })
    const items = isObject(res.data) ? res.data.items : undefined
    if (!Array.isArray(items)) throw untrusted(this.kind, 'GET /tokens did not answer {items: [...]}')
    return items.map((t) => checkListedToken(this.kind, t, { id: 'id' }))
  }

  /** A delete of an id that cannot exist: 404 when the credential may delete, 403 when it may not. */
  async checkCanManage(): Promise<void> {
    await probeDelete(() => this.admin.request('DELETE', `/tokens/${NO_SUCH_TOKEN}`), 404)
  }

  async revoke(id: string): Promise<RevokeResult> {
    try {
      await this.admin.request('DELETE', `/tokens/${encodeURIComponent(id)}`)
      return 'revoked'
    } catch (err) {
      if (err instanceof NotFoundError) return 'gone'
      throw err
    }
  }

  async verify(secret: string): Promise<Identity> {
    const res = await this.verifier(secret).get<{
      name: string
      scope: string
      role?: string
      projects?: { id: string; role: string }[]
      expires_at?: string | null
    }>('/whoami')
    const d = res.data
    const scope =
      d.scope === 'project'
        ? `projects ${(d.projects ?? []).map((p) => `${p.id}:${p.role}`).join(', ')}`
        : `workspace role ${d.role ?? 'custom'}`
    return { subject: `${d.name} (${scope})`, expiresAt: d.expires_at ?? undefined }
  }
}
