/** Builds the issuer plugin the plan names, with clients sharing the run's context. */
import { makeClient, type RunContext } from '../context.js'
import type { Plan } from '../plan.js'
import type { Issuer } from '../types.js'
import { RackGatewayIssuer } from './rack-gateway.js'

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

export function createIssuer(plan: Plan, ctx: RunContext): Issuer {
  const url = plan.issuer.url ?? ''
  const verifier = (secret: string) => makeClient(ctx, plan.issuer.kind, url, bearer(secret))
  const admin = () => makeClient(ctx, plan.issuer.kind, url, bearer(plan.issuer.credential ?? ''))
  switch (plan.issuer.kind) {
    case 'rack-gateway':
      return new RackGatewayIssuer(admin(), verifier)
    default:
      throw new Error(`issuer ${plan.issuer.kind} is not implemented yet`)
  }
}
