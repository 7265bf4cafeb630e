/**
 * Turns raw inputs (action inputs, CLI flags or TOKEN_ACTION_* variables - all the same names) into
 * one validated Plan. Pure: no I/O. Every error names the input and the rule, so nothing is minted
 * or written when any input is bad.
 */
import { createPrivateKey } from 'node:crypto'
import { ConfigError } from '../shared/errors.js'
import type { AwsSettings } from '../platforms/aws/destination.js'
import type { VaultSettings } from '../platforms/vault/destination.js'
import { parseDuration, parseExpiry, type Duration, type ExpirySpec } from './duration.js'
import { parseTargets, type Target } from './grammar.js'
import { trimTrailingSlashes } from '../transport/url.js'
import { INPUT_NAMES, inputsWhere, MULTI_LINE_INPUTS, type InputName, type Inputs } from './inputs.js'
import { ISSUER_KINDS, ISSUERS, issuerKind, type IssuerKind } from '../issuers/kinds.js'
import { hasUnsafeChars } from '../shared/sanitize.js'
import { defaultPrefix, MAX_PREFIX } from './token-name.js'

export { ISSUERS, type IssuerKind } from '../issuers/kinds.js'
export const MODES = ['rotate', 'create', 'ephemeral', 'distribute', 'audit'] as const
export type Mode = (typeof MODES)[number]
export const TOKEN_PER = ['run', 'line'] as const
export type TokenPer = (typeof TOKEN_PER)[number]
export const RACK_GATEWAY_ROLES = ['viewer', 'ops', 'deployer', 'cicd', 'admin'] as const

export { INPUT_NAMES, type InputName, type Inputs } from './inputs.js'

export interface Plan {
  mode: Mode
  dryRun: boolean
  issuer: {
    kind: IssuerKind
    url?: string
    credential?: string
    /** An existing token to distribute instead of minting one. */
    token?: string
  }
  spec: {
    /** Prefix of minted token names. */
    namePrefix: string
    role?: string
    permissions?: string[]
    projects?: { id: string; role: string }[]
    expiry?: ExpirySpec
    /** The expiry is the bounded default, not the user's choice (the report says so). */
    expiryDefaulted?: boolean
    /** No rights were given: the rotation copies those of the newest token it replaces. */
    copyRights?: boolean
  }
  /** One token for the run, or one per destination line (each line its own rotation set). */
  tokenPer: TokenPer
  rotateIfOlderThan?: Duration
  /** A token expiring within this is due whatever its age (default 14d). */
  rotateBeforeExpiry: Duration
  /** A leaked token: revoke the set's live tokens before minting the replacement. */
  revokeFirst: boolean
  /** Audit: exit 1 when there are findings. */
  failOnFindings: boolean
  secretName: string
  /** Where the run comes from, for the report's audit trail (repository, run URL, actor, commit). */
  origin: Record<string, string>
  targets: Target[]
  github: { token?: string; apiUrl: string; appId?: string; appPrivateKey?: string }
  circleci: { token?: string; url: string }
  gitlab: { token?: string; url: string }
  vault: VaultSettings
  aws: AwsSettings
  concurrency: number
  shard?: { index: number; count: number }
  reportFile?: string
}

function get(inputs: Inputs, name: InputName): string | undefined {
  const v = inputs[name]?.trim()
  return v ? v : undefined
}

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '')
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
}

/** https only, except loopback (emulators and local gateways); a base URL, so no query, fragment or credentials. */
export function checkUrl(input: string, value: string): string {
  // URL parsing silently drops tabs and newlines: refuse them instead.
  if (hasUnsafeChars(value)) throw new ConfigError(input, 'must not contain control characters or line breaks')
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigError(input, `"${value}" is not a URL`)
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new ConfigError(
      input,
      `must use https:// (plain http is allowed only for loopback addresses), got ${url.protocol}//${url.host}`,
    )
  }
  if (url.username || url.password) throw new ConfigError(input, 'must not carry credentials in the URL')
  if (url.search || url.hash || /[?#]/.test(value))
    throw new ConfigError(input, 'is a base URL: it must not have a ?query or #fragment')
  return trimTrailingSlashes(value)
}

/**
 * Multi-line list inputs (token-permissions, token-projects): one item per line, blank lines and
 * `#` comment lines ignored. Commas do not separate items (the documented grammar is one per line,
 * like destinations); the callers refuse a comma with that hint rather than guess.
 */
function lines(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
}

/** Inputs that carry secrets: never quoted in a message. */
const SECRET_INPUTS = inputsWhere('secret')
const HEADER_CREDENTIALS = inputsWhere('header')

/** No input may smuggle control characters; multi-line inputs may hold line breaks (and tabs before a comment). */
function checkCharacters(inputs: Inputs): void {
  for (const name of INPUT_NAMES) {
    const value = get(inputs, name)
    if (value === undefined || (SECRET_INPUTS.includes(name) && !HEADER_CREDENTIALS.includes(name))) continue
    const rest = MULTI_LINE_INPUTS.includes(name) ? value.replace(/[\r\n\t]/g, '') : value
    if (hasUnsafeChars(rest)) {
      throw new ConfigError(
        name,
        HEADER_CREDENTIALS.includes(name)
          ? 'contains a line break or control character (a paste error? the value is not shown)'
          : 'must not contain control characters or line breaks',
      )
    }
  }
}

/** A GitHub App private key is checked here, before any request: an RSA private key in PEM (GitHub signs App JWTs with RS256). */
function checkAppPrivateKey(pem: string): void {
  const text = pem.replace(/\\n/g, '\n')
  let key
  try {
    key = createPrivateKey(text)
  } catch {
    const hint = /PUBLIC KEY/.test(text)
      ? ': this is a public key; the App settings page gives a private key (.pem)'
      : /-----BEGIN/.test(text)
        ? ' (or it is encrypted)'
        : ' (paste the whole .pem file the App settings page gave you, -----BEGIN RSA PRIVATE KEY----- included)'
    throw new ConfigError('github-app-private-key', `is not a PEM private key${hint}`)
  }
  if (key.asymmetricKeyType !== 'rsa')
    throw new ConfigError(
      'github-app-private-key',
      `is a ${key.asymmetricKeyType ?? 'non-RSA'} key; GitHub App keys are RSA (RS256)`,
    )
}

function parseBool(input: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback
  if (/^(true|yes|1)$/i.test(value)) return true
  if (/^(false|no|0)$/i.test(value)) return false
  throw new ConfigError(input, `must be true or false, not "${value}"`)
}

function parseShard(value: string | undefined): Plan['shard'] {
  if (value === undefined) return undefined
  const m = /^(\d+)\/(\d+)$/.exec(value)
  const index = Number(m?.[1])
  const count = Number(m?.[2])
  if (!m || count < 1 || index < 1 || index > count)
    throw new ConfigError('shard', `"${value}" must be K/N with 1 <= K <= N, e.g. 2/4`)
  return { index, count }
}

function parseConcurrency(value: string | undefined): number {
  if (value === undefined) return 8
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 100)
    throw new ConfigError('concurrency', `must be a whole number from 1 to 100, not "${value}"`)
  return n
}

function parseProjects(value: string | undefined): Plan['spec']['projects'] {
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

function parseMode(inputs: Inputs, kind: IssuerKind): Mode {
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

function parseTokenPer(value: string | undefined, mode: Mode): TokenPer {
  if (value === undefined) return 'run'
  if (!(TOKEN_PER as readonly string[]).includes(value))
    throw new ConfigError(
      'token-per',
      `"${value}" must be run (one token for every destination) or line (one per destination line)`,
    )
  if (value === 'line' && (mode === 'distribute' || mode === 'ephemeral'))
    throw new ConfigError(
      'token-per',
      `line mints one token per destination line, which ${mode} mode cannot do (${mode === 'distribute' ? 'it writes the one token it is given' : 'it mints one short-lived token for the job'}): use token-per: run, or mode rotate or create`,
    )
  return value as TokenPer
}

function parseSpec(
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
function defaultExpiry(rotateIfOlderThan: Duration | undefined): ExpirySpec {
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

export function buildPlan(inputs: Inputs, env: Record<string, string | undefined> = {}, now = new Date()): Plan {
  checkCharacters(inputs)
  const issuerName = get(inputs, 'issuer')
  if (!issuerName) throw new ConfigError('issuer', `is required: one of ${ISSUERS.join(', ')}`)
  if (!(ISSUERS as readonly string[]).includes(issuerName))
    throw new ConfigError('issuer', `"${issuerName}" is not an issuer: use ${ISSUERS.join(', ')}`)
  const kind = issuerName as IssuerKind
  const mode = parseMode(inputs, kind)
  const tokenPer = parseTokenPer(get(inputs, 'token-per'), mode)

  const urlInput =
    get(inputs, 'issuer-url') ??
    (kind === 'rwx' && env.RWX_HOST
      ? `https://${env.RWX_HOST.replace(/^https?:\/\//, '')}`
      : issuerKind(kind).defaultUrl)
  if (!urlInput && kind !== 'static') throw new ConfigError('issuer-url', `is required for issuer ${kind}`)
  const url = urlInput ? checkUrl('issuer-url', urlInput) : undefined

  const token = get(inputs, 'token')
  const credential = get(inputs, 'issuer-token')
  if (mode === 'distribute' && !token) {
    throw new ConfigError(
      'token',
      `is required in distribute mode${ISSUER_KINDS[kind].can.create ? '' : `: create the token in ${ISSUER_KINDS[kind].madeIn} and pass it as \`token\``}`,
    )
  }
  if (mode !== 'distribute' && token)
    throw new ConfigError('token', `is only used in distribute mode (mode is ${mode})`)
  const rotateIfOlderThan =
    get(inputs, 'rotate-if-older-than') === undefined
      ? undefined
      : parseDuration('rotate-if-older-than', get(inputs, 'rotate-if-older-than')!)
  if (rotateIfOlderThan && !ISSUER_KINDS[kind].can.list)
    throw new ConfigError('rotate-if-older-than', `issuer ${kind} cannot list tokens, so their age is unknown`)
  if (rotateIfOlderThan && mode === 'distribute')
    throw new ConfigError('rotate-if-older-than', 'needs a mode that mints (rotate or create)')
  const rotateBeforeExpiry = parseDuration('rotate-before-expiry', get(inputs, 'rotate-before-expiry') ?? '14d')
  const revokeFirst = parseBool('revoke-first', get(inputs, 'revoke-first'), false)
  if (revokeFirst && mode !== 'rotate')
    throw new ConfigError(
      'revoke-first',
      `revokes the rotation set before minting its replacement: use it with mode rotate, not ${mode}`,
    )
  if (revokeFirst && rotateIfOlderThan)
    throw new ConfigError('revoke-first', 'a leaked token is replaced now: drop rotate-if-older-than')
  const needsCredential = mode !== 'distribute' || rotateIfOlderThan !== undefined
  if (needsCredential && !credential)
    throw new ConfigError('issuer-token', `is required to mint, list and revoke tokens with issuer ${kind}`)

  const secretName = get(inputs, 'secret-name') ?? issuerKind(kind).defaultSecretName
  if (!secretName) throw new ConfigError('secret-name', `is required for issuer ${kind} (no conventional default)`)
  const spec = parseSpec(inputs, kind, mode, secretName, env, now)
  if (!spec.expiry && ISSUER_KINDS[kind].can.expiry && (mode === 'rotate' || mode === 'create'))
    Object.assign(spec, { expiry: defaultExpiry(rotateIfOlderThan), expiryDefaulted: true })

  const destinationsText = get(inputs, 'destinations')
  // Audit reviews the rotation set at the issuer; destinations, if given, are not touched.
  const needsDestinations = mode !== 'ephemeral' && mode !== 'audit'
  if (!destinationsText && needsDestinations)
    throw new ConfigError(
      'destinations',
      'is required (one per line, e.g. github:repo/acme/api); only ephemeral and audit modes may omit it',
    )
  // An audit touches no destination; with token-per: line its lines only name the sets to review.
  const auditsLines = mode === 'audit' && tokenPer === 'line'
  if (auditsLines && !destinationsText)
    throw new ConfigError(
      'destinations',
      'names the rotation sets of an audit with token-per: line: give the lines the rotation uses',
    )
  const targets = mode === 'audit' && !auditsLines ? [] : parseTargets(destinationsText ?? '', secretName)
  if (!targets.length && needsDestinations)
    throw new ConfigError('destinations', 'lists no destination (only comments or blank lines)')
  if (targets.length && mode === 'ephemeral') {
    throw new ConfigError(
      'destinations',
      'must be empty in ephemeral mode: the post step revokes the token, so any destination would be left holding a revoked token (use mode create to distribute)',
    )
  }

  const github = {
    token: get(inputs, 'github-token'),
    apiUrl: checkUrl('github-api-url', get(inputs, 'github-api-url') ?? env.GITHUB_API_URL ?? 'https://api.github.com'),
    appId: get(inputs, 'github-app-id'),
    appPrivateKey: get(inputs, 'github-app-private-key'),
  }
  const circleci = {
    token: get(inputs, 'circleci-token'),
    url: checkUrl('circleci-url', get(inputs, 'circleci-url') ?? 'https://circleci.com'),
  }
  const gitlab = {
    token: get(inputs, 'gitlab-token'),
    url: checkUrl('gitlab-url', get(inputs, 'gitlab-url') ?? env.CI_SERVER_URL ?? 'https://gitlab.com'),
  }
  const uses = (p: Target['platform']) => mode !== 'audit' && targets.some((t) => t.platform === p)
  if (uses('github') && !github.token && !github.appId)
    throw new ConfigError(
      'github-token',
      'is required for github: destinations (a token with Secrets write; the workflow GITHUB_TOKEN cannot write secrets), or set github-app-id and github-app-private-key',
    )
  if (Boolean(github.appId) !== Boolean(github.appPrivateKey))
    throw new ConfigError('github-app-id', 'github-app-id and github-app-private-key go together')
  if (github.appId && github.token)
    throw new ConfigError(
      'github-app-id',
      'give github-token or github-app-id with github-app-private-key, not both (which credential would write the secrets?)',
    )
  if (github.appId && !/^\d{1,15}$/.test(github.appId))
    throw new ConfigError('github-app-id', `"${github.appId}" must be the App's numeric id (App settings, "App ID")`)
  if (github.appPrivateKey) checkAppPrivateKey(github.appPrivateKey)
  if (uses('circleci') && !circleci.token)
    throw new ConfigError('circleci-token', 'is required for circleci: destinations (a personal API token)')
  if (uses('gitlab') && !gitlab.token)
    throw new ConfigError(
      'gitlab-token',
      'is required for gitlab: destinations (a token with api scope, Owner of the group or Maintainer of the project)',
    )
  const vault = parseVault(inputs, env, uses('vault'))
  const aws = parseAws(env, targets)
  const shard = parseShard(get(inputs, 'shard'))
  if (shard && mode !== 'distribute')
    throw new ConfigError(
      'shard',
      'splits destinations across jobs that write one shared token: use it with mode distribute',
    )

  return {
    mode,
    dryRun: parseBool('dry-run', get(inputs, 'dry-run'), false),
    issuer: { kind, url, credential, token },
    spec,
    tokenPer,
    rotateIfOlderThan,
    rotateBeforeExpiry,
    revokeFirst,
    failOnFindings: parseBool('fail-on-findings', get(inputs, 'fail-on-findings'), false),
    secretName,
    origin: runOrigin(env),
    targets,
    github,
    circleci,
    gitlab,
    vault,
    aws,
    concurrency: parseConcurrency(get(inputs, 'concurrency')),
    shard,
    reportFile: get(inputs, 'report-file'),
  }
}

/** The CI system's own record of this run, where it provides one. */
function runOrigin(env: Record<string, string | undefined>): Record<string, string> {
  const gh =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined
  const fields: Record<string, string | undefined> = {
    repository:
      env.GITHUB_REPOSITORY ??
      env.CI_PROJECT_PATH ??
      (env.CIRCLE_PROJECT_USERNAME && env.CIRCLE_PROJECT_REPONAME
        ? `${env.CIRCLE_PROJECT_USERNAME}/${env.CIRCLE_PROJECT_REPONAME}`
        : undefined),
    run: gh ?? env.CI_PIPELINE_URL ?? env.CIRCLE_BUILD_URL,
    actor: env.GITHUB_ACTOR ?? env.GITLAB_USER_LOGIN ?? env.CIRCLE_USERNAME,
    commit: env.GITHUB_SHA ?? env.CI_COMMIT_SHA ?? env.CIRCLE_SHA1,
  }
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => Boolean(e[1])))
}

/** Vault path parts (namespace, auth mount): never empty, `.` or `..`. */
function checkVaultPath(input: InputName, value: string): string {
  const parts = value.replace(/^\/+|\/+$/g, '').split('/')
  if (parts.some((p) => !/^[A-Za-z0-9_.@+=-]+$/.test(p) || p === '.' || p === '..'))
    throw new ConfigError(
      input,
      `"${value}" is not a Vault path (parts of letters, digits and _ . @ + = -; no . or ..)`,
    )
  return parts.join('/')
}

function parseVault(inputs: Inputs, env: Record<string, string | undefined>, used: boolean): VaultSettings {
  const role = get(inputs, 'vault-role')
  // A role means the job's OIDC token logs in: an ambient VAULT_TOKEN is not a second credential.
  const token = get(inputs, 'vault-token') ?? (role ? undefined : env.VAULT_TOKEN?.trim() || undefined)
  const urlText = get(inputs, 'vault-url') ?? (env.VAULT_ADDR?.trim() || undefined)
  const namespace = get(inputs, 'vault-namespace') ?? (env.VAULT_NAMESPACE?.trim() || undefined)
  const settings: VaultSettings = {
    url: urlText && checkUrl('vault-url', urlText),
    token,
    namespace: namespace && checkVaultPath('vault-namespace', namespace),
    role,
    authPath: checkVaultPath('vault-auth-path', get(inputs, 'vault-auth-path') ?? 'jwt'),
  }
  if (!used) return settings
  if (!settings.url) throw new ConfigError('vault-url', 'is required for vault: destinations (or set VAULT_ADDR)')
  if (role && get(inputs, 'vault-token'))
    throw new ConfigError('vault-role', 'give vault-token or vault-role, not both (which credential would write?)')
  if (!role && !token)
    throw new ConfigError(
      'vault-token',
      'is required for vault: destinations (or VAULT_TOKEN; in GitHub Actions, vault-role logs in with the job OIDC token)',
    )
  if (role) {
    if (!/^[A-Za-z0-9_.@-]{1,128}$/.test(role))
      throw new ConfigError('vault-role', `"${role}" is not a Vault role name`)
    const url = env.ACTIONS_ID_TOKEN_REQUEST_URL?.trim()
    const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN?.trim()
    const jwt = (env.VAULT_ID_TOKEN ?? env.CIRCLE_OIDC_TOKEN_V2)?.trim()
    if (url && bearer) settings.oidc = { request: { url: checkRequestUrl('vault-role', url), token: bearer } }
    else if (jwt) settings.oidc = { jwt }
    else
      throw new ConfigError(
        'vault-role',
        "logs in with the job's OIDC token, which this job does not have: in GitHub Actions grant `permissions: id-token: write`; in GitLab CI add `id_tokens: VAULT_ID_TOKEN` to the job; CircleCI provides CIRCLE_OIDC_TOKEN_V2",
      )
  }
  return settings
}

/** The runner's token endpoint carries a query (`?api-version=2.0`); otherwise the rules of checkUrl. */
function checkRequestUrl(input: string, value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigError(input, 'ACTIONS_ID_TOKEN_REQUEST_URL is not a URL')
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname)))
    throw new ConfigError(input, 'ACTIONS_ID_TOKEN_REQUEST_URL must use https://')
  return url.href
}

const AWS_REGION = /^([a-z]+-)+\d+$/

function parseAws(env: Record<string, string | undefined>, targets: Target[]): AwsSettings {
  const value = (name: string) => env[name]?.trim() || undefined
  const region = value('AWS_REGION') ?? value('AWS_DEFAULT_REGION')
  const endpointName = value('AWS_ENDPOINT_URL_SECRETS_MANAGER')
    ? 'AWS_ENDPOINT_URL_SECRETS_MANAGER'
    : 'AWS_ENDPOINT_URL'
  const endpoint = value(endpointName)
  const settings: AwsSettings = {
    accessKeyId: value('AWS_ACCESS_KEY_ID'),
    secretAccessKey: value('AWS_SECRET_ACCESS_KEY'),
    sessionToken: value('AWS_SESSION_TOKEN'),
    region,
    endpoint: endpoint && checkUrl(endpointName, endpoint),
  }
  const lines = targets.filter((t) => t.platform === 'aws')
  if (!lines.length) return settings
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'] as const)
    if (!value(name))
      throw new ConfigError(
        name,
        'is required for aws: destinations (aws-actions/configure-aws-credentials sets it from OIDC; see the README recipe)',
      )
  if (settings.accessKeyId && !/^[A-Z0-9]{16,128}$/.test(settings.accessKeyId))
    throw new ConfigError('AWS_ACCESS_KEY_ID', 'is not an AWS access key id (upper-case letters and digits)')
  if (region && !AWS_REGION.test(region))
    throw new ConfigError(value('AWS_REGION') ? 'AWS_REGION' : 'AWS_DEFAULT_REGION', `"${region}" is not an AWS region`)
  const regionless = lines.find((t) => !t.region)
  if (regionless && !region)
    throw new ConfigError(
      'AWS_REGION',
      `is required for ${regionless.id} (or give the line region=, or use the secret's ARN)`,
    )
  return settings
}

/** The secrets a plan carries, to be masked before anything is logged. */
export function planSecrets(plan: Plan): string[] {
  return [
    plan.issuer.credential,
    plan.issuer.token,
    plan.github.token,
    plan.github.appPrivateKey,
    plan.circleci.token,
    plan.gitlab.token,
    plan.vault.token,
    plan.vault.oidc && 'request' in plan.vault.oidc ? plan.vault.oidc.request.token : plan.vault.oidc?.jwt,
    plan.aws.secretAccessKey,
    plan.aws.sessionToken,
  ].filter((s): s is string => Boolean(s))
}
