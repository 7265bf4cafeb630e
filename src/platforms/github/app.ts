/**
 * GitHub App authentication: a JWT signed with the App's private key (RS256, node:crypto) finds the
 * installation of each owner and mints an installation token limited to the secret permissions the
 * destinations need. Each token is masked at once and revoked when the run ends.
 */
import { createPrivateKey, createSign } from 'node:crypto'
import { cleanupTransport, makeClient, type Transport } from '../../transport/transport.js'
import { ConfigError, errorMessage, NotFoundError, UntrustedResponseError } from '../../shared/errors.js'
import type { GitHubTarget } from './target.js'

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url')
}

/** An App JWT valid for 9 minutes, back-dated 60 s for clock drift (GitHub's recommendation). */
export function appJwt(appId: string, privateKeyPem: string, nowMs: number): string {
  let key
  try {
    key = createPrivateKey(privateKeyPem.replace(/\\n/g, '\n'))
  } catch {
    throw new ConfigError(
      'github-app-private-key',
      'is not a PEM private key (paste the whole .pem file the App settings page gave you)',
    )
  }
  const now = Math.floor(nowMs / 1000)
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))
  const payload = base64url(JSON.stringify({ iat: now - 60, exp: now + 540, iss: appId }))
  const unsigned = `${header}.${payload}`
  const signature = createSign('RSA-SHA256').update(unsigned).sign(key)
  return `${unsigned}.${base64url(signature)}`
}

/** Least privilege: only the secret permissions these targets need (names from GitHub's app-permissions schema). */
const PERMISSION: Record<'repo' | 'org', Record<'actions' | 'dependabot' | 'codespaces', string>> = {
  repo: { actions: 'secrets', dependabot: 'dependabot_secrets', codespaces: 'codespaces_secrets' },
  org: {
    actions: 'organization_secrets',
    dependabot: 'organization_dependabot_secrets',
    codespaces: 'organization_codespaces_secrets',
  },
}

export function permissionsFor(targets: GitHubTarget[]): Record<string, 'write' | 'read'> {
  const p: Record<string, 'write' | 'read'> = { metadata: 'read' }
  for (const t of targets) {
    if (t.kind === 'env') p.environments = 'write'
    else p[PERMISSION[t.kind === 'org' ? 'org' : 'repo'][t.app]] = 'write'
  }
  return p
}

export function ownerOf(t: GitHubTarget): string {
  return t.kind === 'repo' || t.kind === 'env' ? t.owner : t.org
}

const appHeaders = (jwt: string) => ({
  authorization: `Bearer ${jwt}`,
  accept: 'application/vnd.github+json',
  'x-github-api-version': '2022-11-28',
})

/** Mints an installation token for `owner`; the returned revoke() ends it (404/401: already gone). */
export async function installationToken(
  transport: Transport,
  apiUrl: string,
  app: { id: string; privateKey: string },
  owner: string,
  targets: GitHubTarget[],
): Promise<{ token: string; revoke(): Promise<void> }> {
  const jwt = appJwt(app.id, app.privateKey, transport.clock.now())
  transport.redactor.add(jwt)
  const client = makeClient(transport, 'github', apiUrl, appHeaders(jwt))
  const isOrg = targets.some((t) => t.kind === 'org' || t.kind === 'repos')
  const first = targets[0]!
  let installation: { id: number }
  try {
    const path =
      isOrg || first.kind === 'org' || first.kind === 'repos'
        ? `/orgs/${encodeURIComponent(owner)}/installation`
        : `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(first.repo)}/installation`
    installation = (await client.get<{ id: number }>(path)).data
  } catch (err) {
    if (err instanceof NotFoundError)
      throw new NotFoundError(
        `GitHub App ${app.id} is not installed on ${owner} (404): install it there with the secret permissions`,
        'github',
        404,
      )
    throw err
  }
  // The installation id becomes a path segment, the token a header: both are checked first.
  if (!Number.isSafeInteger(installation?.id))
    throw new UntrustedResponseError(
      `github: the installation of GitHub App ${app.id} on ${owner} was answered without a numeric id`,
      'github',
    )
  const res = await client.request<{ token: string }>('POST', `/app/installations/${installation.id}/access_tokens`, {
    body: { permissions: permissionsFor(targets) },
  })
  const token = res.data?.token
  if (typeof token !== 'string' || token.length < 16 || /\s/.test(token))
    throw new UntrustedResponseError(
      `github: GitHub App ${app.id} was given no usable installation token for ${owner}`,
      'github',
    )
  transport.redactor.add(token)
  return {
    token,
    revoke: async () => {
      // After a cancellation too: its own deadline, not the run's aborted signal.
      const own = makeClient(cleanupTransport(transport), 'github', apiUrl, appHeaders(token))
      // It expires within the hour anyway; say so rather than fail a finished run.
      await own
        .request('DELETE', '/installation/token')
        .catch((err: unknown) =>
          transport.log.warning(
            `could not revoke the GitHub App installation token for ${owner}: ${errorMessage(err)} (it expires within an hour)`,
          ),
        )
    },
  }
}
