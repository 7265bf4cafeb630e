/**
 * Every issuer's revoke, as the engine and the CLI call it: a token left valid is the failure this
 * tool exists to prevent, so a revoke that fails for a reason that may pass (5xx, reset, timeout, a
 * lost answer, a rate limit) is tried again with growing pauses until a deadline, and it runs on a
 * context of its own - a cancelled run (SIGINT/SIGTERM, even twice) still revokes what it decided
 * to revoke. A refusal (401, 403, a 4xx, an answer of the wrong shape) is final at once.
 */
import {
  ApiError,
  NetworkError,
  OutcomeUnknownError,
  RateLimitError,
  UntrustedResponseError,
} from '../shared/errors.js'
import { CLEANUP_DEADLINE_MS, cleanupTransport, type Transport } from '../transport/transport.js'
import type { Issuer, RevokeResult } from '../shared/types.js'

const FIRST_PAUSE_MS = 1_000
const MAX_PAUSE_MS = 8_000

function mayPass(err: unknown): boolean {
  if (err instanceof UntrustedResponseError) return false
  if (err instanceof NetworkError || err instanceof OutcomeUnknownError || err instanceof RateLimitError) return true
  return err instanceof ApiError && (err.status === undefined || err.status >= 500)
}

/**
 * `issuer` with a revoke that retries within the clean-up deadline; `build(transport)` makes the issuer on
 * the clean-up transport each revoke uses (its own deadline, not the run's signal).
 */
export function withReliableRevoke(
  issuer: Issuer,
  transport: Transport,
  build: (transport: Transport) => Issuer,
): Issuer {
  const revoke = async (id: string): Promise<RevokeResult> => {
    const own = cleanupTransport(transport)
    const revoker = build(own)
    const giveUpAt = transport.clock.now() + (transport.cleanupDeadlineMs ?? CLEANUP_DEADLINE_MS)
    for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, MAX_PAUSE_MS)) {
      try {
        return await revoker.revoke(id)
      } catch (err) {
        if (!mayPass(err) || transport.clock.now() + pause >= giveUpAt) throw err
        transport.log.warning(
          `revoking ${id} failed (${err instanceof Error ? err.message : String(err)}); trying again`,
        )
        await transport.clock.sleep(pause, own.signal)
      }
    }
  }
  // The issuer's own methods keep their `this`; only revoke is replaced.
  return Object.assign(Object.create(issuer) as Issuer, { revoke })
}
