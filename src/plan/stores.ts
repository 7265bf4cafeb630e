/** Vault and AWS Secrets Manager settings, from inputs and the variables their own tools read. Pure. */
import { ConfigError } from '../shared/errors.js'
import type { AwsSettings } from '../platforms/aws/destination.js'
import type { VaultSettings } from '../platforms/vault/destination.js'
import type { Target } from './grammar.js'
import type { InputName, Inputs } from './inputs.js'
import { checkUrl, get, isLoopback } from './values.js'

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

export function parseVault(inputs: Inputs, env: Record<string, string | undefined>, used: boolean): VaultSettings {
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

export function parseAws(env: Record<string, string | undefined>, targets: Target[]): AwsSettings {
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
