/** Builds the issuer plugin the plan names, with clients sharing the run's context. */
import { makeClient, type RunContext } from '../transport/context.js'
import type { Plan } from '../plan/plan.js'
import type { Issuer } from '../shared/types.js'
import { HawzuIssuer } from './hawzu.js'
import { HttpIssuer } from './http.js'
import { RackGatewayIssuer } from './rack-gateway.js'
import { RwxIssuer } from './rwx.js'
import { StaticIssuer } from './static.js'
import { withReliableRevoke } from './reliable-revoke.js'

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** The plan's issuer; its revoke retries transient failures within its own deadline (reliable-revoke.ts). */
export function createIssuer(plan: Plan, ctx: RunContext): Issuer {
  return withReliableRevoke(buildIssuer(plan, ctx), ctx, (own) => buildIssuer(plan, own))
}

function buildIssuer(plan: Plan, ctx: RunContext): Issuer {
  const url = plan.issuer.url ?? ''
  const verifier = (secret: string) => makeClient(ctx, plan.issuer.kind, url, bearer(secret))
  const admin = () => makeClient(ctx, plan.issuer.kind, url, bearer(plan.issuer.credential ?? ''))
  switch (plan.issuer.kind) {
    case 'rack-gateway':
      return new RackGatewayIssuer(admin(), verifier)
    case 'http':
      return new HttpIssuer(admin(), verifier)
    case 'rwx':
      return new RwxIssuer(verifier)
    case 'hawzu':
      return new HawzuIssuer(verifier)
    case 'static':
      return new StaticIssuer()
  }
}
