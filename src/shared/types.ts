/** The two plugin interfaces (issuers and destinations) and the values that flow between them. */

export interface TokenSpec {
  name: string
  role?: string
  permissions?: string[]
  projects?: { id: string; role: string }[]
  /** ISO-8601 instant, or undefined for no expiry. */
  expiresAt?: string
}

export interface MintedToken {
  id: string
  name: string
  secret: string
  expiresAt?: string
  /** The rights the issuer says it granted, when its answer says (a role expands to permissions). */
  rights?: Rights
}

/** What a token may do: a role, explicit permissions, or a role per project. */
export interface Rights {
  role?: string
  permissions?: string[]
  projects?: { id: string; role: string }[]
}

export interface TokenInfo {
  id: string
  name: string
  createdAt: string
  expiresAt?: string
  enabled?: boolean
  /** Its rights, where the issuer's list says them (a rotation copies them). */
  rights?: Rights
  lastUsedAt?: string
  createdBy?: string
}

export interface Identity {
  /** A human description of who the token is (never the token itself). */
  subject: string
  expiresAt?: string
  /** A person's token (e.g. an RWX personal access token) rather than the organization's. */
  personal?: boolean
}

export type RevokeResult = 'revoked' | 'gone'

export interface IssuerCapabilities {
  create: boolean
  list: boolean
  revoke: boolean
  expiry: boolean
  projects: boolean
}

export interface Issuer {
  readonly kind: string
  readonly can: IssuerCapabilities
  /**
   * A value of the issuer's token format, so destinations can check value rules (GitLab's mask rule) before
   * minting.
   */
  readonly sample?: string
  create(spec: TokenSpec): Promise<MintedToken>
  /** Tokens whose name starts with `namePrefix` (the engine picks the rotation set's own from them). */
  list(namePrefix: string): Promise<TokenInfo[]>
  /** `gone` when the issuer knows no such token (404): nothing valid is left, but nothing was revoked either. */
  revoke(id: string): Promise<RevokeResult>
  /** Proves the token works; never logs it. */
  verify(secret: string): Promise<Identity>
  /**
   * Proves, without changing anything, that the issuer credential may create and revoke tokens;
   * throws an AuthError naming the missing right. Issuers that cannot tell leave it out.
   */
  checkCanManage?(): Promise<void>
}

export type WriteResult = 'created' | 'updated'

export interface WriteOutcome {
  result: WriteResult
  /** Human notes about what changed besides the value, e.g. "protected: true -> false". */
  changes?: string[]
}

export interface Destination {
  /** e.g. "github:org/acme" - shown in reports. */
  readonly id: string
  /** The secret/variable name this destination writes. */
  readonly secretName: string
  /** Auth, existence, permissions, name/value rules knowable in advance; no writes. */
  preflight(): Promise<void>
  /** What write() would do, known after preflight (for dry-run). */
  wouldWrite(): Promise<WriteResult>
  /** Checks a value against the platform's rules before any write (e.g. GitLab mask rule). */
  checkValue(secret: string): void
  write(secret: string): Promise<WriteOutcome>
  /**
   * After a write whose answer was lost: true when the destination holds `secret` (or, where values
   * cannot be read, was written at or after `since`), false when it certainly does not, undefined
   * when the platform cannot tell.
   */
  confirm(secret: string, since: Date): Promise<boolean | undefined>
}
