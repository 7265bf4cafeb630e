/**
 * Minted token names are `<set>-<UTC yyyymmddHHMMss>-<run>`: sortable, they say what minted them, and
 * the run's random part makes a name certainly this run's - a token found by that exact name after a
 * lost answer was minted here, by no other run of the set.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Issuer, TokenInfo } from '../shared/types.js'

/** Rack Gateway's limit on token names. */
const ISSUER_NAME_LIMIT = 150
const STAMP_CHARS = 15 // -yyyymmddHHMMss
const RUN_CHARS = 7 // -xxxxxx
export const MAX_PREFIX = ISSUER_NAME_LIMIT - STAMP_CHARS - RUN_CHARS
const STAMP = /^-\d{14}(?:-[0-9a-f]{6})?$/

/** Where the run comes from, per CI system: the part of the default prefix that keeps workflows apart. */
function origin(env: Record<string, string | undefined>): string | undefined {
  if (env.GITHUB_REPOSITORY) return `gh.${env.GITHUB_REPOSITORY}`
  if (env.CI_PROJECT_PATH) return `gl.${env.CI_PROJECT_PATH}`
  if (env.CIRCLE_PROJECT_USERNAME && env.CIRCLE_PROJECT_REPONAME)
    return `cci.${env.CIRCLE_PROJECT_USERNAME}/${env.CIRCLE_PROJECT_REPONAME}`
  return undefined
}

const shortHash = (text: string, chars: number) => createHash('sha256').update(text).digest('hex').slice(0, chars)

/** Lowercase, `/` -> `.`, anything but `[a-z0-9_.-]` -> `-`: readable in an issuer's token list. */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/_/g, '-')
    .replace(/\//g, '.')
    .replace(/[^a-z0-9_.-]/g, '-')
}

/** Cuts `text` to `max` characters, keeping it unique: the end carries a hash of the whole. */
function fit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 9)}.${shortHash(text, 8)}`
}

/**
 * The default rotation set: where the run comes from plus the secret name, e.g.
 * `gh.acme.api.rack-gateway-api-token`, so two repositories rotating the same secret on one issuer
 * never revoke each other's tokens. Undefined outside a CI system this knows.
 */
export function defaultPrefix(secretName: string, env: Record<string, string | undefined>): string | undefined {
  const where = origin(env)
  return where === undefined ? undefined : fit(slug(`${where}/${secretName}`), MAX_PREFIX)
}

/**
 * The rotation set of one destination line (`token-per: line`): the run's set name, the line's
 * readable slug and a hash of the line's identity, e.g.
 * `ci-deploy.github.repo.acme.api.1f3a9c`. The identity is the destination and its secret name, in
 * the form duplicates are detected by, so comments, option order and line order never change it and
 * two lines the platform treats as one cannot both exist. A long line is cut; the hash keeps it distinct.
 */
export function lineSetName(base: string, readable: string, key: string): string {
  const text = slug(readable.replace(':', '/'))
  const hash = shortHash(key, 6)
  const head = MAX_PREFIX - base.length - hash.length - 2 >= 12 ? base : fit(base, MAX_PREFIX - 20)
  return `${head}.${text.slice(0, MAX_PREFIX - head.length - hash.length - 2).replace(/[.-]+$/, '')}.${hash}`
}

/** Six random hex characters, once per run: every name this run mints ends with them. */
export function newRunTag(): string {
  return randomBytes(3).toString('hex')
}

export function mintedName(prefix: string, at: Date, runTag: string): string {
  const stamp = at.toISOString().replace(/[-:T]/g, '').slice(0, 14)
  return `${prefix}-${stamp}-${runTag}`
}

/**
 * True only for names this prefix minted, so `rwx-access-token` never touches
 * `rwx-access-token-staging-...`. Names from before the run tag (`<prefix>-<stamp>`) still belong.
 */
export function isMintedWith(prefix: string, name: string): boolean {
  return name.startsWith(`${prefix}-`) && STAMP.test(name.slice(prefix.length))
}

/** The set a minted name belongs to (its name without the stamp and run tag), or undefined. */
export function setOf(name: string): string | undefined {
  const m = /^(.*)-\d{14}(?:-[0-9a-f]{6})?$/.exec(name)
  return m?.[1]
}

/** The rotation set at the issuer: the tokens this prefix minted, and no other. */
export async function listRotationSet(issuer: Pick<Issuer, 'list'>, prefix: string): Promise<TokenInfo[]> {
  return (await issuer.list(prefix)).filter((t) => isMintedWith(prefix, t.name))
}
