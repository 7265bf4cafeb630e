/** What a run mints: its mode, one token or one per line, and the token's name, rights and expiry. Pure. */
import { ConfigError } from '../shared/errors.js'
import { ISSUER_KINDS, type IssuerKind } from '../issuers/kinds.js'
import type { Duration, ExpirySpec } from './duration.js'
import { parseExpiry } from './duration.js'
import type { Inputs } from './inputs.js'
import type { Plan } from './plan.js'
import { defaultPrefix, MAX_PREFIX } from './token-name.js'
import { get, lines } from './values.js'

export const MODES = ['rotate', 'create', 'ephemeral', 'distribute', 'audit'] as const
export type Mode = (typeof MODES)[number]
export const TOKEN_PER = ['run', 'line'] as const
export type TokenPer = (typeof TOKEN_PER)[number]
export const RACK_GATEWAY_ROLES = ['viewer', 'ops', 'deployer', 'cicd', 'admin'] as const

export function parseProjects(value: string | undefined): Plan['spec']['projects'] {
  if (value === undefined) return undefined
  const projects = lines(value).map((line) => {
    if (line.includes(','))
      throw new ConfigError('token-projects', `"${line}": one PROJECT_ID=ROLE per line (commas do not separate)`)
    const m = /^([^=\s]+)\s*=\s*([A-Za-z0-9_-]+)$/.exec(line)
    if (!m) throw new ConfigError('token-projects', `"${line}" must be PROJECT_ID=ROLE`)
    return { id: m[1]!, role: m[2]! }
  })
  // One role per project: a second line would be an ambiguous (or escalating) grant.
  const twice = projects.find((p, i) => projects.findIndex((q) => q.id === p.id) !== i)
  if (twice) throw new ConfigError('token-projects', `project ${twice.id} is listed twice (one role per project)`)
  return projects
}

export function parseMode(inputs: Inputs, kind: IssuerKind): Mode {
  const mode = get(inputs, 'mode')
  const canMint = ISSUER_KINDS[kind].can.create
  if (mode === undefined) return canMint ? 'rotate' : 'distribute'
  if (!(MODES as readonly string[]).includes(mode))
    throw new ConfigError('mode', `"${mode}" is not a mode: use ${MODES.join(', ')}`)
  if (!canMint && mode !== 'distribute') {
    throw new ConfigError(
      'mode',
      `issuer ${kind} has no API to mint tokens, so mode ${mode} is impossible: create the token in ${ISSUER_KINDS[kind].madeIn}, pass it as \`token\` and use mode distribute`,
    )
  }
  return mode as Mode
}

export function parseTokenPer(value: string | undefined, mode: Mode): TokenPer {
  if (value === undefined) return 'run'
  if (!(TOKEN_PER as readonly string[]).includes(value))
    throw new ConfigError(
      'token-per',
      `"${value}" must be run (one token for every destination) or line (one per destination line)`,
    )
  if (value === 'line' && (mode === 'distribute' || mode === 'ephemeral'))
    throw new ConfigError(
      'token-per',
      `line mints one token per destination line, which ${mode} mode cannot do (${mode === 'distribute' ? 'it writes the one token it is given' : 'it mints one short-lived token for the job'}): leave token-per out (one token for every destination), or mint with mode rotate or mode create`,
    )
  return value as TokenPer
}

export function parseSpec(
  inputs: Inputs,
  kind: IssuerKind,
  mode: Mode,
  secretName: string,
  env: Record<string, string | undefined>,
  now: Date,
): Plan['spec'] {
  const can = ISSUER_KINDS[kind].can
  const role = get(inputs, 'token-role')
  const permissions =
    get(inputs, 'token-permissions') === undefined ? undefined : lines(get(inputs, 'token-permissions'))
  const comma = permissions?.find((p) => p.includes(','))
  if (comma) throw new ConfigError('token-permissions', `"${comma}": one permission per line (commas do not separate)`)
  const projects = parseProjects(get(inputs, 'token-projects'))
  const expiresIn = get(inputs, 'token-expires-in')
  const mints = mode !== 'distribute' && mode !== 'audit'
  if (role && permissions) throw new ConfigError('token-role', 'give token-role or token-permissions, not both')
  if (projects && !can.projects) throw new ConfigError('token-projects', `issuer ${kind} has no project-scoped tokens`)
  if (projects && (role || permissions))
    throw new ConfigError(
      'token-projects',
      'project tokens carry a role per project: drop token-role / token-permissions',
    )
  if (expiresIn !== undefined && !can.expiry)
    throw new ConfigError('token-expires-in', `issuer ${kind} has no token expiry: remove token-expires-in`)
  if (kind === 'rack-gateway' && role && !(RACK_GATEWAY_ROLES as readonly string[]).includes(role)) {
    throw new ConfigError(
      'token-role',
      `"${role}" is not a Rack Gateway role (valid roles: ${RACK_GATEWAY_ROLES.join(', ')})`,
    )
  }
  // A rotation without rights copies those of the token it replaces; other mints must say them.
  const copyRights = mode === 'rotate' && !role && !permissions && !projects
  if (mints && !copyRights && kind === 'rack-gateway' && !role && !permissions) {
    throw new ConfigError(
      'token-role',
      `Rack Gateway tokens need a role (${RACK_GATEWAY_ROLES.join(', ')}) or token-permissions (a rotation may leave both out to copy the replaced token's rights)`,
    )
  }
  if (mints && !copyRights && kind === 'http' && !role && !permissions && !projects) {
    throw new ConfigError(
      'token-role',
      "http issuer tokens need token-role (workspace token) or token-projects (project token); a rotation may leave them out to copy the replaced token's rights",
    )
  }
  const namePrefix =
    get(inputs, 'token-name') ??
    defaultPrefix(secretName, env) ??
    (mode === 'rotate' || mode === 'audit' ? undefined : secretName.toLowerCase().replace(/_/g, '-'))
  if (namePrefix === undefined) {
    throw new ConfigError(
      'token-name',
      `is required in ${mode} mode outside GitHub Actions, GitLab CI and CircleCI: it names the rotation set, the tokens a successful rotation revokes (e.g. --token-name ci-deploy-rack-gateway)`,
    )
  }
  // Rack Gateway names are <= 150 chars and we append -yyyymmddHHMMss (15 chars).
  if (namePrefix.length > MAX_PREFIX)
    throw new ConfigError(
      'token-name',
      `must be at most ${MAX_PREFIX} characters (a timestamp and a run tag, 22 characters, are appended)`,
    )
  // Names are what the issuer accepts (Hawzu's own example is "CI Runner"): printable text starting
  // with a letter or digit (inputs are trimmed, as issuers trim names).
  if (!/^[\p{L}\p{N}][\p{L}\p{N}\p{P}\p{S} ]*$/u.test(namePrefix)) {
    throw new ConfigError(
      'token-name',
      `"${namePrefix}" may contain only letters, digits, punctuation and spaces, and must start with a letter or digit`,
    )
  }
  return {
    namePrefix,
    role,
    permissions,
    projects,
    copyRights: copyRights && mints,
    expiry: expiresIn === undefined ? undefined : parseExpiry('token-expires-in', expiresIn, now),
  }
}

/**
 * On an issuer with expiry, leaving `token-expires-in` out never mints a token that lives forever:
 * twice `rotate-if-older-than` (so a missed rotation still leaves time), else 90 days.
 */
export function defaultExpiry(rotateIfOlderThan: Duration | undefined): ExpirySpec {
  return {
    kind: 'in',
    duration: rotateIfOlderThan
      ? {
          ...rotateIfOlderThan,
          amount: rotateIfOlderThan.amount * 2,
          text: `${rotateIfOlderThan.amount * 2}${rotateIfOlderThan.unit}`,
        }
      : { amount: 90, unit: 'd', text: '90d' },
  }
}
