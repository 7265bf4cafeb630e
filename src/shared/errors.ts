/** Typed errors: every failure carries the platform, the HTTP status and the platform's own words (secret-redacted). */
import { sanitize } from './sanitize.js'

export abstract class TokenActionError extends Error {
  readonly platformMessage?: string

  constructor(
    message: string,
    readonly platform?: string,
    readonly status?: number,
    platformMessage?: string,
  ) {
    // Messages quote servers and users: one safe line, whatever they sent.
    super(sanitize(message))
    this.platformMessage = platformMessage === undefined ? undefined : sanitize(platformMessage)
    this.name = new.target.name
  }
}

/** Bad input: names the input (or destination) and the rule it broke. Exit code 2. */
export class ConfigError extends TokenActionError {
  constructor(
    readonly input: string,
    rule: string,
  ) {
    super(`${input}: ${rule}`)
  }
}

export class AuthError extends TokenActionError {}
export class NotFoundError extends TokenActionError {}
export class RateLimitError extends TokenActionError {}
export class ApiError extends TokenActionError {}
export class NetworkError extends TokenActionError {}

/**
 * A write (or mint) was sent but its answer was lost: a 5xx, a reset or a timeout after sending. It
 * may have happened; callers decide as if it did. Status and message are those of the last attempt.
 */
export class OutcomeUnknownError extends TokenActionError {}

/**
 * A server's answer was refused before anything acted on it: too large, not JSON, not the known
 * shape, or pointing at another origin. Never retried: asking again gets the same answer.
 */
export class UntrustedResponseError extends ApiError {}

/**
 * The issuer answered a mint with a token that cannot be right (empty, whitespace, too short, not
 * the issuer's format). It was minted all the same: `minted.id` (when the answer had one) is what
 * to revoke. Nothing was written anywhere.
 */
export class MintedTokenRejectedError extends ApiError {
  constructor(
    message: string,
    platform: string,
    readonly minted: { id?: string; name?: string },
  ) {
    super(message, platform)
  }
}

/** Rethrows a 404 as what the user must check (the target's name, or the credential's reach); anything else as is. */
export function rethrowNotVisible(err: unknown, platform: string, what: string, credential: string): never {
  if (err instanceof NotFoundError) {
    throw new NotFoundError(
      `${what} was not found, or ${credential} cannot see it (404 "${err.platformMessage}")`,
      platform,
      404,
      err.platformMessage,
    )
  }
  throw err
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
