/**
 * static: a token from anywhere, distributed as given. Nothing can verify it, so choosing this
 * issuer is the explicit opt-in to writing an unchecked value; the report says it was not verified.
 */
import type { Identity } from '../shared/types.js'
import { VerifyOnlyIssuer } from './verify-only.js'

export class StaticIssuer extends VerifyOnlyIssuer {
  readonly kind = 'static'

  async verify(): Promise<Identity> {
    return { subject: 'unverified (static issuer)' }
  }
}
