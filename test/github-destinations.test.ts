/** GitHub destination forms through the engine (in-process) against the emulator. */
import { generateKeyPairSync } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { silentLogger } from '../src/shared/log.js'
import { buildPlan, type Inputs } from '../src/plan/plan.js'
import { runPlan } from '../src/engine/run.js'
import { ACCOUNTS, useWorld } from './helpers/world.js'

const world = useWorld()
const { gh, rgw } = world
const PAT = ACCOUNTS.githubToken

beforeAll(() => {
  for (const name of ['svc-api', 'svc-web', 'svc-old', 'docs'])
    gh.addRepo('acme', name, {
      archived: name === 'svc-old',
      topics: name === 'svc-web' ? ['deploys'] : [],
      environments: name === 'docs' ? ['production'] : [],
    })
  for (let i = 0; i < 130; i++) gh.addRepo('acme', `bulk-${String(i).padStart(3, '0')}`)
})

function run(extra: Inputs) {
  const plan = buildPlan({
    issuer: 'rack-gateway',
    'issuer-url': rgw.url,
    'issuer-token': rgw.addAdminToken(),
    'token-role': 'cicd',
    'github-token': PAT,
    'github-api-url': gh.url,
    mode: 'create',
    ...extra,
  })
  return runPlan(plan, { log: silentLogger, context: FAST })
}

/** GitHub's budget with a 60x shorter minute, so 130 paced writes take a second, not 43. */
const FAST = { githubBudget: { pointsPerWindow: 900, windowMs: 1000 } }

describe('github destinations', () => {
  it('github:repos/ORG expands to every matching, non-archived repository (following pagination)', async () => {
    const report = await run({ destinations: 'github:repos/acme?match=^svc-' })
    expect(report.outcome).toBe('created')
    expect(report.destinations.map((d) => d.id).sort()).toEqual([
      'github:repo/acme/svc-api',
      'github:repo/acme/svc-web',
    ])
    const bulk = await run({ destinations: 'github:repos/acme?match=^bulk-', 'secret-name': 'BULK_TOKEN' })
    expect(bulk.destinations).toHaveLength(130)
    expect(gh.secretValue({ repo: 'acme/bulk-129' }, 'BULK_TOKEN')).toBeDefined()
  })

  it('filters by topic and can include archived repositories', async () => {
    const byTopic = await run({ destinations: 'github:repos/acme?topic=deploys', 'secret-name': 'TOPIC_TOKEN' })
    expect(byTopic.destinations.map((d) => d.id)).toEqual(['github:repo/acme/svc-web'])
    const archived = await run({
      destinations: 'github:repos/acme?match=old&archived=true',
      'secret-name': 'ARCH_TOKEN',
    })
    expect(archived.destinations.map((d) => d.id)).toEqual(['github:repo/acme/svc-old'])
  })

  it('a repos line matching nothing fails preflight and mints nothing', async () => {
    const before = rgw.createCount
    const report = await run({ destinations: 'github:repos/acme?match=^nothing' })
    expect(report.outcome).toBe('failed')
    expect(report.destinations[0]!.detail).toMatch(/matched no repository/)
    expect(rgw.createCount).toBe(before)
  })

  it('writes Dependabot and Codespaces secrets into their own namespaces, and honours ?name=', async () => {
    const report = await run({
      destinations:
        'github:repo/acme/docs?app=dependabot\ngithub:repo/acme/docs?app=codespaces&name=CS_TOKEN\ngithub:org/acme?app=dependabot&visibility=all',
    })
    expect(report.outcome).toBe('created')
    const value = gh.secretValue({ repo: 'acme/docs' }, 'RACK_GATEWAY_API_TOKEN', 'dependabot')
    expect(value && rgw.isValid(value)).toBe(true)
    expect(gh.secretValue({ repo: 'acme/docs' }, 'CS_TOKEN', 'codespaces')).toBe(value)
    expect(gh.secretValue({ repo: 'acme/docs' }, 'RACK_GATEWAY_API_TOKEN')).toBeUndefined()
    expect(gh.orgSecret('acme', 'RACK_GATEWAY_API_TOKEN', 'dependabot')).toMatchObject({ value, visibility: 'all' })
  })

  it('an org line that sets visibility=selected&repos= resolves names to ids and reports the change', async () => {
    gh.seedOrgSecret('acme', 'SEL_TOKEN', { value: 'x', visibility: 'all' })
    const report = await run({
      destinations: 'github:org/acme?visibility=selected&repos=svc-api,docs',
      'secret-name': 'SEL_TOKEN',
    })
    expect(report.outcome).toBe('created')
    const org = gh.orgSecret('acme', 'SEL_TOKEN')!
    expect(org.visibility).toBe('selected')
    expect(org.selectedRepositoryIds!.sort()).toEqual([gh.repoId('acme', 'svc-api'), gh.repoId('acme', 'docs')].sort())
    expect(report.destinations[0]!.changes).toContain('visibility: all -> selected')
  })

  it('more than 20 repositories of one org: the plan says one org secret would do, with the line and the caveat, and changes nothing', async () => {
    const plan = buildPlan(
      world.inputs({
        'token-name': 'org-hint',
        'secret-name': 'BULK_TOKEN',
        'dry-run': 'true',
        destinations: 'github:repos/acme?match=^bulk-0[0-2]',
      }),
    )
    const report = await runPlan(plan, { log: silentLogger, context: FAST })
    expect(report.outcome, report.error).toBe('planned')
    expect(report.destinations).toHaveLength(30)
    const hint = report.notes.find((n) => n.includes('org secret'))
    expect(hint).toMatch(
      /^30 repositories of acme get the same BULK_TOKEN: one org secret would take 3 requests instead of 60 - github:org\/acme\?visibility=selected&repos=bulk-000,bulk-001,bulk-002,bulk-003,bulk-004,\.\.\. \(25 more\)&name=BULK_TOKEN/,
    )
    expect(hint).toMatch(/shadows the org secret/)
    // A handful is below the threshold.
    const few = await runPlan(
      buildPlan(
        world.inputs({
          'token-name': 'org-hint',
          'secret-name': 'BULK_TOKEN',
          'dry-run': 'true',
          destinations: 'github:repos/acme?match=^bulk-00',
        }),
      ),
      { log: silentLogger, context: FAST },
    )
    expect(few.notes.some((n) => n.includes('org secret'))).toBe(false)
  })

  it('dry-run reads existing secrets to say would create / would update', async () => {
    gh.seedSecret({ repo: 'acme/svc-api' }, 'DRY_TOKEN', 'present')
    const report = await run({
      destinations: 'github:repo/acme/svc-api\ngithub:repo/acme/svc-web',
      'secret-name': 'DRY_TOKEN',
      'dry-run': 'true',
    })
    expect(report.outcome).toBe('planned')
    expect(report.destinations.map((d) => d.status)).toEqual(['would update', 'would create'])
    expect(gh.secretValue({ repo: 'acme/svc-web' }, 'DRY_TOKEN')).toBeUndefined()
  })

  it('authenticates as a GitHub App: a least-privilege installation token per owner, revoked at the end', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    gh.installApp('acme', 4242)
    const plan = buildPlan({
      issuer: 'rack-gateway',
      'issuer-url': rgw.url,
      'issuer-token': rgw.addAdminToken(),
      'token-role': 'cicd',
      'token-name': 'app-token',
      'github-app-id': '12345',
      'github-app-private-key': privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      'github-api-url': gh.url,
      'secret-name': 'APP_TOKEN',
      destinations: 'github:repo/acme/docs\ngithub:org/acme?visibility=private',
    })
    const report = await runPlan(plan, { log: silentLogger })
    expect(report.outcome, report.error).toBe('rotated')
    expect(rgw.isValid(gh.secretValue({ repo: 'acme/docs' }, 'APP_TOKEN')!)).toBe(true)
    const minted = gh.requests.find((r) => r.method === 'POST' && r.path === '/app/installations/4242/access_tokens')
    expect(minted?.body).toEqual({ permissions: { metadata: 'read', secrets: 'write', organization_secrets: 'write' } })
    expect(gh.requests.some((r) => r.method === 'DELETE' && r.path === '/installation/token' && r.status === 204)).toBe(
      true,
    )
    expect(gh.openApiViolations).toEqual([])
  })

  it('an App asks for the exact permission of each namespace, and the emulator holds it to them route by route', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    gh.installApp('acme', 4242)
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    const plan = buildPlan({
      issuer: 'static',
      token: 'app-scoped-value-0123456789',
      'secret-name': 'APP_SCOPED',
      'github-app-id': '12345',
      'github-app-private-key': pem,
      'github-api-url': gh.url,
      destinations: [
        'github:repo/acme/docs?app=codespaces',
        'github:repo/acme/docs?app=dependabot',
        'github:org/acme?app=dependabot&visibility=all',
        'github:org/acme?app=codespaces&visibility=all',
        'github:env/acme/docs/production',
      ].join('\n'),
    })
    const refusedBefore = gh.permissionRefusals.length
    const report = await runPlan(plan, { log: silentLogger, context: FAST })
    expect(report.outcome, JSON.stringify(report.destinations)).toBe('distributed')
    const minted = gh.requests
      .filter((r) => r.method === 'POST' && r.path === '/app/installations/4242/access_tokens')
      .at(-1)
    expect(minted?.body).toEqual({
      permissions: {
        metadata: 'read',
        codespaces_secrets: 'write',
        dependabot_secrets: 'write',
        organization_dependabot_secrets: 'write',
        organization_codespaces_secrets: 'write',
        environments: 'write',
      },
    })
    expect(gh.permissionRefusals.slice(refusedBefore)).toEqual([])
    expect(gh.openApiViolations).toEqual([])
  })

  it('an App not installed on the owner fails preflight naming the owner', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const plan = buildPlan({
      issuer: 'rack-gateway',
      'issuer-url': rgw.url,
      'issuer-token': rgw.addAdminToken(),
      'token-role': 'cicd',
      'token-name': 'app-missing',
      'github-app-id': '12345',
      'github-app-private-key': privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      'github-api-url': gh.url,
      destinations: 'github:repo/elsewhere/x',
    })
    const report = await runPlan(plan, { log: silentLogger })
    expect(report.outcome).toBe('failed')
    expect(report.destinations[0]!.detail).toMatch(/not installed on elsewhere/)
  })

  it('shard K/N splits a distribute fan-out so matrix jobs together cover every destination once', async () => {
    const destinations = ['svc-api', 'svc-web', 'docs', 'bulk-000', 'bulk-001']
      .map((r) => `github:repo/acme/${r}`)
      .join('\n')
    const shard = (k: number) =>
      runPlan(
        buildPlan({
          issuer: 'static',
          token: 'shared-value-123456',
          'secret-name': 'SHARDED',
          'github-token': PAT,
          'github-api-url': gh.url,
          destinations,
          shard: `${k}/2`,
        }),
        { log: silentLogger, context: FAST },
      )
    const [one, two] = await Promise.all([shard(1), shard(2)])
    const ids = [...one.destinations, ...two.destinations].map((d) => d.id)
    expect(one.destinations.length + two.destinations.length).toBe(5)
    expect(new Set(ids).size).toBe(5)
    for (const r of ['svc-api', 'svc-web', 'docs', 'bulk-000', 'bulk-001'])
      expect(gh.secretValue({ repo: `acme/${r}` }, 'SHARDED')).toBe('shared-value-123456')
  })
})
