/**
 * The generic `http` issuer contract (docs/issuer-contract.openapi.yaml): workspace or project
 * tokens, expiry, enable/disable, whoami. Hawzu-style in-house issuers implement it.
 */
import { NotFoundError } from '../errors.js'
import { NO_SUCH_TOKEN, probe } from './probe.js'
import type { HttpClient } from '../http/client.js'
import type { Identity, Issuer, MintedToken, Rights, TokenInfo, TokenSpec } from '../types.js'

interface ContractToken {
  id: string
  name: string
  created_at: string
  expires_at?: string | null
  enabled?: boolean
  role?: string
  permissions?: string[]
  projects?: { id: string; role: string }[]
}

/** The rights a listed token states (the contract's optional role, permissions, projects). */
function rightsOf(t: ContractToken): Rights | undefined {
  if (t.projects?.length) return { projects: t.projects }
  if (t.permissions?.length) return { permissions: t.permissions }
  return t.role ? { role: t.role } : undefined
}

export class HttpIssuer implements Issuer {
  readonly kind = 'http'
  readonly can = { create: true, list: true, revoke: true, disable: true, expiry: true, projects: true }

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
    const res = await this.admin.request<{ id: string; name: string; token: string; expires_at?: string | null }>('POST', '/tokens', { body })
    return { id: res.data.id, name: res.data.name, secret: res.data.token, expiresAt: res.data.expires_at ?? undefined }
  }

  async list(namePrefix: string): Promise<TokenInfo[]> {
    // Minted names are `<prefix>-<timestamp>`; the dash already leaves out `cia-...` at the source, and
    // the lifecycle keeps only names of exactly that shape.
    const res = await this.admin.get<{ items: ContractToken[] }>('/tokens', { query: { name_prefix: `${namePrefix}-` } })
    return res.data.items.map((t) => ({ id: t.id, name: t.name, createdAt: t.created_at, expiresAt: t.expires_at ?? undefined, enabled: t.enabled, rights: rightsOf(t) }))
  }

  /** A delete of an id that cannot exist: 404 when the credential may delete, 403 when it may not. */
  async checkCanManage(): Promise<void> {
    await probe('delete', () => this.admin.request('DELETE', `/tokens/${NO_SUCH_TOKEN}`), 404)
  }

  async revoke(id: string): Promise<void> {
    try {
      await this.admin.request('DELETE', `/tokens/${encodeURIComponent(id)}`)
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err
    }
  }

  async disable(id: string): Promise<void> {
    await this.admin.request('POST', `/tokens/${encodeURIComponent(id)}/disable`)
  }

  async enable(id: string): Promise<void> {
    await this.admin.request('POST', `/tokens/${encodeURIComponent(id)}/enable`)
  }

  async verify(secret: string): Promise<Identity> {
    const res = await this.verifier(secret).get<{ name: string; scope: string; role?: string; projects?: { id: string; role: string }[]; expires_at?: string | null }>('/whoami')
    const d = res.data
    const scope = d.scope === 'project' ? `projects ${(d.projects ?? []).map((p) => `${p.id}:${p.role}`).join(', ')}` : `workspace role ${d.role ?? 'custom'}`
    return { subject: `${d.name} (${scope})`, expiresAt: d.expires_at ?? undefined }
  }
}
