/**
 * Shape checks for what issuers answer: the lifecycle decides on these answers (which tokens exist,
 * which to revoke, what to write everywhere), so an answer of another shape is an error, never
 * "no tokens" or an empty secret.
 */
import { MintedTokenRejectedError, UntrustedResponseError } from '../shared/errors.js'
import { isTokenId } from '../shared/sanitize.js'
import type { Rights, TokenInfo } from '../shared/types.js'

/** Shortest token value we accept from any issuer: real tokens carry far more entropy. */
export const MIN_TOKEN_LENGTH = 16

export function untrusted(kind: string, what: string): UntrustedResponseError {
  return new UntrustedResponseError(`issuer ${kind}: ${what}`, kind)
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * The id and name a mint answered. A missing or malformed id is an untrusted answer (the token may
 * exist under the asked name: the caller looks it up). A name other than the one asked for is a token
 * the run did not ask for: MintedTokenRejectedError, so it is revoked by its id and never written.
 */
export function checkMintedIdentity(
  kind: string,
  answer: { id: unknown; name: unknown },
  asked: string,
  idField: string,
): { id: string; name: string } {
  if (typeof answer.id !== 'string' || !isTokenId(answer.id))
    throw untrusted(
      kind,
      `creating token ${asked} answered ${answer.id ? 'a malformed' : 'no'} ${idField}; the token may exist: look for ${asked} at the issuer`,
    )
  const name: unknown = answer.name
  if (name === undefined || name === null) return { id: answer.id, name: asked }
  if (name !== asked) {
    const named = typeof name === 'string' ? JSON.stringify(name.slice(0, 200)) : 'a non-string name'
    throw new MintedTokenRejectedError(
      `issuer ${kind}: the minted token (id ${answer.id}) is named ${named}, not ${asked} as asked; it was not written anywhere`,
      kind,
      { id: answer.id, name: asked },
    )
  }
  return { id: answer.id, name: asked }
}

/**
 * A minted value must be a plausible token before it is written anywhere: a string, not blank, no
 * whitespace or control characters, at least MIN_TOKEN_LENGTH characters, and the issuer's own
 * format when it has one. Otherwise MintedTokenRejectedError carries what to revoke.
 */
export function checkMintedSecret(
  kind: string,
  secret: unknown,
  minted: { id?: string; name?: string },
  format?: { pattern: RegExp; description: string },
): string {
  const which = [minted.name, minted.id ? `(id ${minted.id})` : undefined].filter(Boolean).join(' ')
  const reject = (why: string) =>
    new MintedTokenRejectedError(
      `issuer ${kind}: the minted token ${which} ${why}; it was not written anywhere`.replace(/  +/g, ' '),
      kind,
      minted,
    )
  if (typeof secret !== 'string') throw reject('is missing from the answer (no token value)')
  if (!secret.trim()) throw reject('is empty or whitespace')
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\s\u0000-\u001f\u007f]/.test(secret)) throw reject('contains whitespace or control characters')
  if (secret.length < MIN_TOKEN_LENGTH)
    throw reject(`is implausibly short (${secret.length} characters; at least ${MIN_TOKEN_LENGTH} expected)`)
  if (format && !format.pattern.test(secret)) throw reject(`does not have the issuer's format (${format.description})`)
  return secret
}

/**
 * A listed token: string id and name, and a created_at that is a real date (else its age, and so "due", is
 * unknown).
 */
export function checkListedToken(kind: string, raw: unknown, fields: { id: string }): TokenInfo {
  if (!isObject(raw)) throw untrusted(kind, 'the token list holds an entry that is not an object')
  const id = raw[fields.id]
  const name = raw.name
  if (typeof id !== 'string' || !id) throw untrusted(kind, `a listed token has no string ${fields.id}`)
  if (!isTokenId(id))
    throw untrusted(
      kind,
      `a listed token has ${fields.id} ${JSON.stringify(id.slice(0, 80))}, which is not an id (letters, digits and ._~:- only)`,
    )
  if (typeof name !== 'string') throw untrusted(kind, `listed token ${id} has no name`)
  if (typeof raw.created_at !== 'string' || Number.isNaN(Date.parse(raw.created_at)))
    throw untrusted(
      kind,
      `listed token ${name} has created_at ${JSON.stringify(raw.created_at)}, which is not a date: its age is unknown`,
    )
  const expires = raw.expires_at
  if (expires !== undefined && expires !== null && (typeof expires !== 'string' || Number.isNaN(Date.parse(expires))))
    throw untrusted(kind, `listed token ${name} has expires_at ${JSON.stringify(expires)}, which is not a date`)
  const lastUsed =
    typeof raw.last_used_at === 'string' && !Number.isNaN(Date.parse(raw.last_used_at)) ? raw.last_used_at : undefined
  const createdBy = typeof raw.created_by_email === 'string' ? raw.created_by_email : undefined
  return {
    id,
    name,
    createdAt: raw.created_at,
    expiresAt: typeof expires === 'string' ? expires : undefined,
    enabled: typeof raw.enabled === 'boolean' ? raw.enabled : undefined,
    rights: rightsOf(raw),
    lastUsedAt: lastUsed,
    createdBy,
  }
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string')

/** The rights a listed token states, when well-formed (projects, permissions or a role): a rotation copies them. */
function rightsOf(raw: Record<string, unknown>): Rights | undefined {
  const projects = raw.projects
  if (
    Array.isArray(projects) &&
    projects.length &&
    projects.every((p) => isObject(p) && typeof p.id === 'string' && typeof p.role === 'string')
  ) {
    return { projects: projects.map((p) => ({ id: String(p.id), role: String(p.role) })) }
  }
  if (isStrings(raw.permissions) && raw.permissions.length) return { permissions: raw.permissions }
  return typeof raw.role === 'string' && raw.role ? { role: raw.role } : undefined
}
