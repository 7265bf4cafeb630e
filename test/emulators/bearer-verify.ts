/**
 * Issuers without a token API (RWX, Hawzu): tokens are made in their UIs; the API only tells whether a
 * Bearer token works. RWX: GET /api/auth/whoami -> {organization_slug, token_kind}. Hawzu: GET
 * /api/v1/workspaces -> the workspaces the token can see.
 */
import { randomBytes } from 'node:crypto'
import { credential, Emulator, json, type EmulatorOptions } from './base.js'

abstract class BearerVerifyEmulator extends Emulator {
  protected readonly valid = new Map<string, { org: string; kind: string }>()

  addToken(org: string, kind = 'organization_access_token'): string {
    const secret = `${this.prefix}${randomBytes(20).toString('hex')}`
    this.valid.set(secret, { org, kind })
    return secret
  }

  /** What a user does in the product's UI after rotating. */
  revoke(secret: string): void {
    this.valid.delete(secret)
  }

  isValid(secret: string): boolean {
    return this.valid.has(secret)
  }

  protected abstract readonly prefix: string
}

export class RwxEmulator extends BearerVerifyEmulator {
  protected readonly prefix = 'rwx_'
  constructor(options: EmulatorOptions = {}) {
    super('rwx', options)
    this.route('GET', '/api/auth/whoami', (r) => {
      const t = this.valid.get(credential(r) ?? '')
      return t ? json(200, { organization_slug: t.org, token_kind: t.kind }) : json(401, { error: 'Unauthorized' })
    })
  }
}

export class HawzuEmulator extends BearerVerifyEmulator {
  protected readonly prefix = 'hzw_'
  constructor(options: EmulatorOptions = {}) {
    super('hawzu', options)
    this.route('GET', '/api/v1/workspaces', (r) => {
      const t = this.valid.get(credential(r) ?? '')
      return t ? json(200, { data: [{ id: 'ws_1', name: t.org }] }) : json(401, { message: 'Unauthenticated.' })
    })
  }
}
