/** Typed errors: every failure carries the platform, the HTTP status and the platform's own words (secret-redacted). */
export type ErrorKind = 'config' | 'auth' | 'not-found' | 'rate-limit' | 'api' | 'network' | 'cancelled'

export abstract class TokenActionError extends Error {
  abstract readonly kind: ErrorKind
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
  readonly kind = 'config' as const
  constructor(
    readonly input: string,
    rule: string,
  ) {
    super(`${input}: ${rule}`)
  }
}

export class AuthError extends TokenActionError {
  readonly kind = 'auth' as const
}
export class NotFoundError extends TokenActionError {
  readonly kind = 'not-found' as const
}
export class RateLimitError extends TokenActionError {
  readonly kind = 'rate-limit' as const
}
export class ApiError extends TokenActionError {
  readonly kind = 'api' as const
}
export class NetworkError extends TokenActionError {
  readonly kind = 'network' as const
}
export class CancelledError extends TokenActionError {
  readonly kind = 'cancelled' as const
  constructor() {
    super('cancelled before this step started')
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
