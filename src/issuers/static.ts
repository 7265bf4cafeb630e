/** static: a token from anywhere, distributed as given. Nothing can verify it: an explicit opt-in. */
import type { Identity } from '../types.js'
import { VerifyOnlyIssuer } from './verify-only.js'

export class StaticIssuer extends VerifyOnlyIssuer {
  readonly kind = 'static'
  protected readonly ui = 'the system that issued it'

  async verify(): Promise<Identity> {
    return { subject: 'unverified (static issuer: nothing can check this token)' }
  }
}
