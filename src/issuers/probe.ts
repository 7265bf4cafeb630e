/**
 * Side-effect-free checks of what the issuer credential may do, by requests that cannot succeed: a
 * delete of an id no issuer has issued. Never a create: on a lax server a create probe would mint.
 */
import { AuthError, TokenActionError } from '../shared/errors.js'

/** A well-formed id no issuer has issued: deleting it answers 404 when allowed, 403 when not. */
export const NO_SUCH_TOKEN = '00000000-0000-4000-8000-000000000000'

/** Runs a delete that must fail; `allowed` is the status that proves the right, 401/403 that it is missing. */
export async function probeDelete(request: () => Promise<unknown>, allowed: number): Promise<void> {
  try {
    await request()
  } catch (err) {
    if (!(err instanceof TokenActionError) || err.status === allowed) return
    if (err.status === 401 || err.status === 403) {
      throw new AuthError(
        `issuer-token may not delete tokens (${err.status} "${err.platformMessage ?? ''}"): token-action revokes the tokens it replaces with it; use a credential allowed to manage tokens (Rack Gateway: role admin)`,
        err.platform,
        err.status,
        err.platformMessage,
      )
    }
    // Anything else (a 5xx, a lost answer) proves nothing either way: the real call will tell.
  }
}
