/**
 * Issuers whose tokens are made in a product's UI (RWX, Hawzu) or elsewhere (static): token-action
 * can only prove the given token works and distribute it. Minting, listing and revoking are refused
 * with what to do instead.
 */
import { AuthError, ConfigError } from '../shared/errors.js'
import type { HttpClient } from '../transport/client.js'
import { ISSUER_KINDS } from './kinds.js'
import type { Identity, Issuer, MintedToken, RevokeResult, TokenInfo } from '../shared/types.js'

export abstract class VerifyOnlyIssuer implements Issuer {
  abstract readonly kind: 'rwx' | 'hawzu' | 'static'
  get can() {
    return ISSUER_KINDS[this.kind].can
  }
  /** Where users make and revoke these tokens. */
  protected get ui(): string {
    return ISSUER_KINDS[this.kind].madeIn
  }

  // The plan already refuses every mode but distribute for these issuers; this guards other callers.
  private refuse(what: string): never {
    throw new ConfigError(
      'mode',
      `issuer ${this.kind} has no API to ${what} tokens: create the token in ${this.ui}, pass it as \`token\` and use mode distribute`,
    )
  }

  create(): Promise<MintedToken> {
    this.refuse('mint')
  }
  list(): Promise<TokenInfo[]> {
    this.refuse('list')
  }
  revoke(): Promise<RevokeResult> {
    this.refuse('revoke')
  }
  abstract verify(secret: string): Promise<Identity>
}

/** Verifies with a GET that must answer 200 when authenticated as the token. */
export abstract class BearerCheckIssuer extends VerifyOnlyIssuer {
  protected abstract readonly checkPath: string
  /** The product's name, for the message when it rejects the token. */
  protected abstract readonly product: string

  constructor(private readonly verifier: (secret: string) => HttpClient) {
    super()
  }

  async verify(secret: string): Promise<Identity> {
    try {
      const res = await this.verifier(secret).get<Record<string, unknown>>(this.checkPath)
      const body = res.data ?? {}
      return { subject: this.describe(body), ...(this.isPersonal(body) ? { personal: true } : {}) }
    } catch (err) {
      // 401 is the product's verdict on the token itself, not a transport problem: say so plainly.
      if (err instanceof AuthError && err.status === 401) {
        throw new AuthError(
          `the token was rejected by ${this.product} (GET ${this.checkPath} -> 401${err.platformMessage ? ` "${err.platformMessage}"` : ''}): it is wrong, expired or revoked; create a new one in ${this.ui}`,
          err.platform,
          err.status,
          err.platformMessage,
        )
      }
      throw err
    }
  }

  protected abstract describe(body: Record<string, unknown>): string

  /** Whether the token belongs to a person rather than the organization (products that say so override this). */
  protected isPersonal(_body: Record<string, unknown>): boolean {
    return false
  }
}
