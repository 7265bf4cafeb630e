/** RWX: access tokens are made in the RWX UI; verify with GET /api/auth/whoami. */
import { BearerCheckIssuer } from './verify-only.js'

export class RwxIssuer extends BearerCheckIssuer {
  readonly kind = 'rwx'
  protected readonly product = 'RWX'
  protected readonly checkPath = '/api/auth/whoami'

  protected override isPersonal(body: Record<string, unknown>): boolean {
    return body.token_kind === 'personal_access_token'
  }

  protected describe(body: Record<string, unknown>): string {
    return `RWX organization ${String(body.organization_slug ?? '?')} (${String(body.token_kind ?? 'token')})`
  }
}
