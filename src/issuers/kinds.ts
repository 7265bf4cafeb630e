/**
 * Every issuer kind in one table: what its API can do, where its tokens are made, its defaults.
 * Planning, the engine and the report read it; issuers/index.ts pairs each kind with its plugin.
 * Data only, so planning stays free of HTTP code.
 */
import type { IssuerCapabilities } from '../shared/types.js'

export interface IssuerKindInfo {
  can: IssuerCapabilities
  /** Where people make and revoke these tokens by hand. */
  madeIn: string
  defaultUrl?: string
  defaultSecretName?: string
}

const NONE: IssuerCapabilities = { create: false, list: false, revoke: false, expiry: false, projects: false }

export const ISSUER_KINDS = {
  'rack-gateway': {
    can: { create: true, list: true, revoke: true, expiry: false, projects: false },
    madeIn: 'Rack Gateway (API tokens)',
    defaultSecretName: 'RACK_GATEWAY_API_TOKEN',
  },
  http: { can: { create: true, list: true, revoke: true, expiry: true, projects: true }, madeIn: 'the issuer' },
  rwx: {
    can: NONE,
    madeIn: 'RWX (cloud.rwx.com, Access Tokens)',
    defaultUrl: 'https://cloud.rwx.com',
    defaultSecretName: 'RWX_ACCESS_TOKEN',
  },
  hawzu: { can: NONE, madeIn: 'Hawzu (workspace settings, API tokens)', defaultUrl: 'https://api.hawzu.com' },
  static: { can: NONE, madeIn: 'the system that issued it' },
} as const satisfies Record<string, IssuerKindInfo>

export type IssuerKind = keyof typeof ISSUER_KINDS
export const ISSUERS = Object.keys(ISSUER_KINDS) as IssuerKind[]

export function issuerKind(kind: IssuerKind): IssuerKindInfo {
  return ISSUER_KINDS[kind]
}
