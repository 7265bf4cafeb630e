/** Turns the plan's targets into Destination plugins, loading each platform's module only when a line needs it. */
import { makeClient, readConcurrency, type RunContext } from '../transport/context.js'
import { errorMessage } from '../shared/errors.js'
import type { AwsTarget, CircleCITarget, GitHubTarget, GitLabTarget, Target, VaultTarget } from '../plan/grammar.js'
import { githubCost, RequestScheduler } from '../transport/scheduler.js'
import type { Plan } from '../plan/plan.js'
import type { BuiltDestinations } from '../engine/lifecycle.js'
import type { Destination } from '../shared/types.js'

/** GitHub documents ~80 content-creating requests a minute (and 500 an hour) without saying which count. */
const GITHUB_CONTENT_WRITES_PER_MINUTE = 80

function githubHeaders(token: string): Record<string, string> {
  return {
    authorization: `Bearer ${token}`,
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
  }
}

/** One GitHub credential for the given targets: the github-token, or an App installation token per owner. */
async function githubCredentials(
  targets: GitHubTarget[],
  plan: Plan,
  ctx: RunContext,
): Promise<{ token: string; targets: GitHubTarget[] }[]> {
  if (plan.github.token) return [{ token: plan.github.token, targets }]
  const { installationToken, ownerOf } = await import('./github/app.js')
  // Map.groupBy is Node 21+; this must run on Node 20 too.
  const byOwner = new Map<string, GitHubTarget[]>()
  for (const t of targets) byOwner.set(ownerOf(t), [...(byOwner.get(ownerOf(t)) ?? []), t])
  const out: { token: string; targets: GitHubTarget[] }[] = []
  for (const [owner, owned] of byOwner) {
    const minted = await installationToken(
      ctx,
      plan.github.apiUrl,
      { id: plan.github.appId!, privateKey: plan.github.appPrivateKey! },
      owner,
      owned,
    )
    ctx.cleanups.push(minted.revoke)
    out.push({ token: minted.token, targets: owned })
  }
  return out
}

async function githubDestinations(
  targets: GitHubTarget[],
  plan: Plan,
  ctx: RunContext,
  out: BuiltDestinations,
): Promise<void> {
  const github = await import('./github/destination.js')
  let credentials
  try {
    credentials = await githubCredentials(targets, plan, ctx)
  } catch (err) {
    for (const t of targets)
      out.failures.push({ id: t.id, name: t.name, status: 'failed', detail: `preflight: ${errorMessage(err)}` })
    return
  }
  for (const credential of credentials) {
    // One scheduler per credential: GitHub's points budget and concurrency cap are per user or installation.
    // It also learns GitHub's unpublished write limits from the first secondary-limit answer.
    const scheduler = new RequestScheduler({
      concurrency: readConcurrency(ctx.concurrency),
      pointsPerWindow: ctx.githubBudget.pointsPerWindow,
      windowMs: ctx.githubBudget.windowMs,
      costOf: githubCost,
      clock: ctx.clock,
      learnWrites: true,
      expectedWritesPerWindow: GITHUB_CONTENT_WRITES_PER_MINUTE,
      onLearn: ({ writesPerWindow, acceptedInWindow }) =>
        ctx.log.info(
          `github: a secondary rate limit after ${acceptedInWindow} writes in the last ${perWindow(ctx.githubBudget.windowMs)}: pacing writes to ${writesPerWindow} a ${perWindow(ctx.githubBudget.windowMs)} from now on`,
        ),
    })
    const api = new github.GitHubSecrets(
      makeClient(ctx, 'github', plan.github.apiUrl, githubHeaders(credential.token), scheduler),
    )
    for (const t of credential.targets) {
      if (t.kind !== 'repos') {
        out.destinations.push(github.githubDestination(t, api))
        continue
      }
      try {
        for (const repo of await github.expandRepos(t, api)) out.destinations.push(github.githubDestination(repo, api))
      } catch (err) {
        out.failures.push({ id: t.id, name: t.name, status: 'failed', detail: `preflight: ${errorMessage(err)}` })
      }
    }
  }
}

async function circleciDestinations(targets: CircleCITarget[], plan: Plan, ctx: RunContext): Promise<Destination[]> {
  const { createCircleCIDestinations } = await import('./circleci/destination.js')
  return createCircleCIDestinations(targets, plan, ctx)
}

async function gitlabDestinations(targets: GitLabTarget[], plan: Plan, ctx: RunContext): Promise<Destination[]> {
  const { createGitLabDestinations } = await import('./gitlab/destination.js')
  return createGitLabDestinations(targets, plan, ctx)
}

/** Vault logs in first with `vault-role`; a failed login fails every vault: line in preflight. */
async function vaultDestinations(targets: VaultTarget[], plan: Plan, ctx: RunContext, out: BuiltDestinations) {
  const { createVaultDestinations } = await import('./vault/destination.js')
  try {
    out.destinations.push(...(await createVaultDestinations(targets, plan.vault, ctx)))
  } catch (err) {
    for (const t of targets)
      out.failures.push({ id: t.id, name: t.name, status: 'failed', detail: `preflight: ${errorMessage(err)}` })
  }
}

async function awsDestinations(targets: AwsTarget[], plan: Plan, ctx: RunContext): Promise<Destination[]> {
  const { createAwsDestinations } = await import('./aws/destination.js')
  return createAwsDestinations(targets, plan.aws, ctx)
}

/** `shard: K/N` keeps every N-th destination (sorted by id, so all jobs of a matrix agree). */
function shardOf(destinations: Destination[], shard: Plan['shard']): Destination[] {
  if (!shard) return destinations
  return [...destinations]
    .sort((a, b) => a.id.localeCompare(b.id))
    .filter((_, i) => i % shard.count === shard.index - 1)
}

export async function buildDestinations(plan: Plan, ctx: RunContext): Promise<BuiltDestinations> {
  const out: BuiltDestinations = { destinations: [], failures: [] }
  const of = <P extends Target['platform']>(p: P) =>
    plan.targets.filter((t): t is Extract<Target, { platform: P }> => t.platform === p)
  if (of('github').length) await githubDestinations(of('github'), plan, ctx, out)
  if (of('circleci').length) out.destinations.push(...(await circleciDestinations(of('circleci'), plan, ctx)))
  if (of('gitlab').length) out.destinations.push(...(await gitlabDestinations(of('gitlab'), plan, ctx)))
  if (of('vault').length) await vaultDestinations(of('vault'), plan, ctx, out)
  if (of('aws').length) out.destinations.push(...(await awsDestinations(of('aws'), plan, ctx)))
  const seen = new Set<string>()
  for (const d of out.destinations) {
    // GitHub names are case-insensitive: github:repos/ACME's api and github:repo/acme/api are one destination.
    const key = `${d.id.startsWith('github:') ? d.id.toLowerCase() : d.id}|${d.secretName.toUpperCase()}`
    if (seen.has(key))
      out.failures.push({
        id: d.id,
        name: d.secretName,
        status: 'failed',
        detail: 'preflight: this destination is listed twice (directly and through github:repos/)',
      })
    seen.add(key)
  }
  out.destinations = shardOf(out.destinations, plan.shard)
  return out
}

/** GitHub's window is a minute; benchmarks scale it. */
function perWindow(windowMs: number): string {
  return windowMs === 60_000 ? 'minute' : `${windowMs / 1000} s window`
}
