/** Typed errors: every failure carries the platform, the HTTP status and the platform's own words (secret-redacted). */
export abstract class TokenActionError extends Error {
  constructor(
    message: string,
    readonly platform?: string,
    readonly status?: number,
    readonly platformMessage?: string,
  ) {
    super(message)
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

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
