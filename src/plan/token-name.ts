/** Minted token names are `<prefix>-<UTC yyyymmddHHMMss>`: unique, sortable, and say what minted them. */
import { createHash } from 'node:crypto'
import type { Issuer, TokenInfo } from '../shared/types.js'

export const MAX_PREFIX = 135

/** Where the run comes from, per CI system: the part of the default prefix that keeps workflows apart. */
function origin(env: Record<string, string | undefined>): string | undefined {
  if (env.GITHUB_REPOSITORY) return `gh.${env.GITHUB_REPOSITORY}`
  if (env.CI_PROJECT_PATH) return `gl.${env.CI_PROJECT_PATH}`
  if (env.CIRCLE_PROJECT_USERNAME && env.CIRCLE_PROJECT_REPONAME)
    return `cci.${env.CIRCLE_PROJECT_USERNAME}/${env.CIRCLE_PROJECT_REPONAME}`
  return undefined
}

/**
 * The default rotation set: where the run comes from plus the secret name, e.g.
 * `gh.acme.api.rack-gateway-api-token`, so two repositories rotating the same secret on one issuer
 * never revoke each other's tokens. Undefined outside a CI system this knows.
 */
export function defaultPrefix(secretName: string, env: Record<string, string | undefined>): string | undefined {
  const where = origin(env)
  if (!where) return undefined
  const prefix = `${where}/${secretName}`
    .toLowerCase()
    .replace(/_/g, '-')
    .replace(/\//g, '.')
    .replace(/[^a-z0-9_.-]/g, '-')
  if (prefix.length <= MAX_PREFIX) return prefix
  // Keep it unique when cut: the end carries a hash of the whole.
  return `${prefix.slice(0, MAX_PREFIX - 9)}.${createHash('sha256').update(prefix).digest('hex').slice(0, 8)}`
}

export function mintedName(prefix: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:T]/g, '').slice(0, 14)
  return `${prefix}-${stamp}`
}

/** True only for names this prefix minted, so `rwx-access-token` never touches `rwx-access-token-staging-...`. */
export function isMintedWith(prefix: string, name: string): boolean {
  return (
    name.length === prefix.length + 15 &&
    name.startsWith(`${prefix}-`) &&
    /^\d{14}$/.test(name.slice(prefix.length + 1))
  )
}

/** The rotation set at the issuer: the tokens this prefix minted, and no other. */
export async function listRotationSet(issuer: Pick<Issuer, 'list'>, prefix: string): Promise<TokenInfo[]> {
  return (await issuer.list(prefix)).filter((t) => isMintedWith(prefix, t.name))
}
