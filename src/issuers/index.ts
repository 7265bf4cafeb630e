/** Builds the issuer plugin of a kind, from its own settings and the run's transport. */
import { makeClient, type Transport } from '../transport/transport.js'
import type { IssuerKind } from './kinds.js'
import type { Issuer } from '../shared/types.js'
import { HawzuIssuer } from './hawzu.js'
import { HttpIssuer } from './http.js'
import { RackGatewayIssuer } from './rack-gateway.js'
import { RwxIssuer } from './rwx.js'
import { StaticIssuer } from './static.js'
import { withReliableRevoke } from './reliable-revoke.js'

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

export interface IssuerConfig {
  kind: IssuerKind
  url?: string
  /** The credential that mints, lists and revokes. */
  credential?: string
}

/** The issuer of a kind; its revoke retries transient failures within its own deadline (reliable-revoke.ts). */
export function createIssuer(config: IssuerConfig, transport: Transport): Issuer {
  return withReliableRevoke(buildIssuer(config, transport), transport, (own) => buildIssuer(config, own))
}

function buildIssuer(config: IssuerConfig, transport: Transport): Issuer {
  const url = config.url ?? ''
  const verifier = (secret: string) => makeClient(transport, config.kind, url, bearer(secret))
  const admin = () => makeClient(transport, config.kind, url, bearer(config.credential ?? ''))
  switch (config.kind) {
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
