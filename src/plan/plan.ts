/**
 * Turns raw inputs (action inputs, CLI flags or TOKEN_ACTION_* variables - all the same names) into
 * one validated Plan. Pure: no I/O. Every error names the input and the rule, so nothing is minted
 * or written when any input is bad.
 */
import { ConfigError } from '../shared/errors.js'
import type { AwsSettings } from '../platforms/aws/destination.js'
import type { VaultSettings } from '../platforms/vault/destination.js'
import { parseDuration, type Duration, type ExpirySpec } from './duration.js'
import { runOrigin } from './origin.js'
import { defaultExpiry, parseMode, parseSpec, parseTokenPer, type Mode, type TokenPer } from './spec.js'
import { parseAws, parseVault } from './stores.js'
import {
  checkAppPrivateKey,
  checkCharacters,
  checkUrl,
  get,
  parseBool,
  parseConcurrency,
  parseShard,
} from './values.js'
import { parseTargets, type Target } from './grammar.js'
import type { Inputs } from './inputs.js'
import { ISSUER_KINDS, ISSUERS, issuerKind, type IssuerKind } from '../issuers/kinds.js'

export { ISSUERS, type IssuerKind } from '../issuers/kinds.js'
export { MODES, RACK_GATEWAY_ROLES, TOKEN_PER, type Mode, type TokenPer } from './spec.js'
export { checkUrl } from './values.js'
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
