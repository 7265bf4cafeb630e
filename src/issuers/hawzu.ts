/** Hawzu: tokens are made in Hawzu's workspace settings; verify with GET /api/v1/workspaces. */
import { BearerCheckIssuer } from './verify-only.js'

export class HawzuIssuer extends BearerCheckIssuer {
  readonly kind = 'hawzu'
  protected readonly product = 'Hawzu'
  protected readonly checkPath = '/api/v1/workspaces'

  protected describe(body: Record<string, unknown>): string {
    const list = Array.isArray(body.data) ? body.data : Array.isArray(body) ? body : []
    return `Hawzu token seeing ${list.length} workspace(s)`
  }
}
