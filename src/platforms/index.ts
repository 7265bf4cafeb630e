/**
 * Turns destination lines into Destination plugins, loading each platform's module only when a line
 * needs it. Each destination stays tied to the line it came from (a `github:repos/` line expands to
 * many), so the engine can run one rotation set per line over destinations built once, sharing one
 * scheduler per platform and credential.
 */
import { makeClient, type Transport } from '../transport/transport.js'
import { errorMessage } from '../shared/errors.js'
import type { CircleCITarget } from './circleci/target.js'
import type { CircleCIConfig } from './circleci/destination.js'
import type { GitHubTarget } from './github/target.js'
import { githubScheduler, type GitHubConfig } from './github/pacing.js'
import type { GitLabTarget } from './gitlab/target.js'
import type { GitLabConfig } from './gitlab/destination.js'
import type { Target } from './targets.js'
import type { VaultTarget } from './vault/target.js'
import type { VaultSettings } from './vault/destination.js'
import type { AwsTarget } from './aws/target.js'
import type { AwsSettings } from './aws/destination.js'
import type { Destination } from '../shared/types.js'

export interface PlatformsConfig {
  github: GitHubConfig
  circleci: CircleCIConfig
  gitlab: GitLabConfig
  vault: VaultSettings
  aws: AwsSettings
  /** `shard: K/N` keeps every N-th destination. */
  shard?: { index: number; count: number }
}

/** A destination line that could not even be expanded or given a credential. */
export interface LineFailure {
  target: Target
  id: string
  name: string
  detail: string
}

export interface BuiltDestinations {
  destinations: { target: Target; destination: Destination }[]
  failures: LineFailure[]
  /** Run when the run ends, whatever happened (e.g. revoking GitHub App installation tokens). */
  cleanups: (() => Promise<void>)[]
}

function githubHeaders(token: string): Record<string, string> {
  return {
    authorization: `Bearer ${token}`,
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
  }
}

const failure = (t: Target, err: unknown): LineFailure => ({
  target: t,
  id: t.id,
  name: t.name,
  detail: `preflight: ${errorMessage(err)}`,
})

/** One GitHub credential for the given targets: the github-token, or an App installation token per owner. */
async function githubCredentials(
  targets: GitHubTarget[],
  config: GitHubConfig,
  transport: Transport,
  out: BuiltDestinations,
): Promise<{ token: string; targets: GitHubTarget[] }[]> {
  if (config.token) return [{ token: config.token, targets }]
  const { installationToken, ownerOf } = await import('./github/app.js')
  // Map.groupBy is Node 21+; this must run on Node 20 too.
  const byOwner = new Map<string, GitHubTarget[]>()
  for (const t of targets) byOwner.set(ownerOf(t), [...(byOwner.get(ownerOf(t)) ?? []), t])
  const credentials: { token: string; targets: GitHubTarget[] }[] = []
  for (const [owner, owned] of byOwner) {
    const minted = await installationToken(
      transport,
      config.apiUrl,
      { id: config.appId!, privateKey: config.appPrivateKey! },
      owner,
      owned,
    )
    out.cleanups.push(minted.revoke)
    credentials.push({ token: minted.token, targets: owned })
  }
  return credentials
}

async function githubDestinations(
  targets: GitHubTarget[],
  config: GitHubConfig,
  transport: Transport,
  out: BuiltDestinations,
): Promise<void> {
  const github = await import('./github/destination.js')
  let credentials
  try {
    credentials = await githubCredentials(targets, config, transport, out)
  } catch (err) {
    for (const t of targets) out.failures.push(failure(t, err))
    return
  }
  for (const credential of credentials) {
    // One scheduler per credential: GitHub's points budget and concurrency cap are per user or installation.
    const scheduler = githubScheduler(config, transport)
    const api = new github.GitHubSecrets(
      makeClient(transport, 'github', config.apiUrl, githubHeaders(credential.token), scheduler),
    )
    for (const t of credential.targets) {
      if (t.kind !== 'repos') {
        out.destinations.push({ target: t, destination: github.githubDestination(t, api) })
        continue
      }
      try {
        for (const repo of await github.expandRepos(t, api))
          out.destinations.push({ target: t, destination: github.githubDestination(repo, api) })
      } catch (err) {
        out.failures.push(failure(t, err))
      }
    }
  }
}

async function circleciDestinations(targets: CircleCITarget[], config: CircleCIConfig, transport: Transport) {
  const { createCircleCIDestinations } = await import('./circleci/destination.js')
  return createCircleCIDestinations(targets, config, transport)
}

async function gitlabDestinations(targets: GitLabTarget[], config: GitLabConfig, transport: Transport) {
  const { createGitLabDestinations } = await import('./gitlab/destination.js')
  return createGitLabDestinations(targets, config, transport)
}

/** Vault logs in first with `vault-role`; a failed login fails every vault: line in preflight. */
async function vaultDestinations(
  targets: VaultTarget[],
  settings: VaultSettings,
  transport: Transport,
  out: BuiltDestinations,
): Promise<void> {
  const { createVaultDestinations } = await import('./vault/destination.js')
  try {
    const made = await createVaultDestinations(targets, settings, transport, out.cleanups)
    made.forEach((destination, i) => out.destinations.push({ target: targets[i]!, destination }))
  } catch (err) {
    for (const t of targets) out.failures.push(failure(t, err))
  }
}

async function awsDestinations(targets: AwsTarget[], settings: AwsSettings, transport: Transport) {
  const { createAwsDestinations } = await import('./aws/destination.js')
  return createAwsDestinations(targets, settings, transport)
}

/** `shard: K/N` keeps every N-th destination (sorted by id, so all jobs of a matrix agree). */
function shardOf<T extends { destination: Destination }>(entries: T[], shard: PlatformsConfig['shard']): T[] {
  if (!shard) return entries
  return [...entries]
    .sort((a, b) => a.destination.id.localeCompare(b.destination.id))
    .filter((_, i) => i % shard.count === shard.index - 1)
}

export async function buildDestinations(
  targets: Target[],
  config: PlatformsConfig,
  transport: Transport,
): Promise<BuiltDestinations> {
  const out: BuiltDestinations = { destinations: [], failures: [], cleanups: [] }
  const of = <P extends Target['platform']>(p: P) =>
    targets.filter((t): t is Extract<Target, { platform: P }> => t.platform === p)
  const tie = (made: Destination[], lines: Target[]) =>
    made.forEach((destination, i) => out.destinations.push({ target: lines[i]!, destination }))
  if (of('github').length) await githubDestinations(of('github'), config.github, transport, out)
  if (of('circleci').length) tie(await circleciDestinations(of('circleci'), config.circleci, transport), of('circleci'))
  if (of('gitlab').length) tie(await gitlabDestinations(of('gitlab'), config.gitlab, transport), of('gitlab'))
  if (of('vault').length) await vaultDestinations(of('vault'), config.vault, transport, out)
  if (of('aws').length) tie(await awsDestinations(of('aws'), config.aws, transport), of('aws'))
  const seen = new Set<string>()
  for (const { target, destination: d } of out.destinations) {
    // GitHub names are case-insensitive: github:repos/ACME's api and github:repo/acme/api are one destination.
    const key = `${d.id.startsWith('github:') ? d.id.toLowerCase() : d.id}|${d.secretName.toUpperCase()}`
    if (seen.has(key))
      out.failures.push({
        target,
        id: d.id,
        name: d.secretName,
        detail: 'preflight: this destination is listed twice (directly and through github:repos/)',
      })
    seen.add(key)
  }
  out.destinations = shardOf(out.destinations, config.shard)
  return out
}
