/**
 * Failure safety as a property: seeded random runs with random faults on the issuer and on every
 * destination platform. After each run: every destination holds a token the issuer still accepts;
 * a success leaves every destination with the new token and every older one revoked; a failure
 * revoked nothing old, exits non-zero and names each failed destination with a reason.
 * PROPERTY_RUNS=N runs more; PROPERTY_SEED=S replays one run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../src/http/clock.js'
import { silentLogger } from '../src/log.js'
import { buildPlan } from '../src/plan.js'
import { exitCode } from '../src/report.js'
import { runPlan } from '../src/runner.js'
import { seededRandom, type FaultKind, type FaultRule } from './emulators/base.js'
import { CircleCIEmulator } from './emulators/circleci.js'
import { GitHubEmulator } from './emulators/github.js'
import { GitLabEmulator } from './emulators/gitlab.js'
import { RackGatewayEmulator } from './emulators/rack-gateway.js'

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300)
const ONLY = process.env.PROPERTY_SEED === undefined ? undefined : Number(process.env.PROPERTY_SEED)

let gh: GitHubEmulator
let cci: CircleCIEmulator
let gl: GitLabEmulator
let rgw: RackGatewayEmulator
let admin: string

/** Every destination the runs draw from, with how to read what it holds. */
const POOL: { line: string; read: (name: string) => string | undefined }[] = [
  { line: 'github:repo/acme/a', read: (n) => gh.secretValue({ repo: 'acme/a' }, n) },
  { line: 'github:repo/acme/b', read: (n) => gh.secretValue({ repo: 'acme/b' }, n) },
  { line: 'github:env/acme/a/prod', read: (n) => gh.secretValue({ env: 'acme/a/prod' }, n) },
  { line: 'github:org/acme?visibility=all', read: (n) => gh.orgSecret('acme', n)?.value },
  { line: 'circleci:context/gh/acme/rwx', read: (n) => cci.contextValue('gh/acme', 'rwx', n) },
  { line: 'gitlab:group/acme', read: (n) => gl.variable('group', 'acme', n)?.value },
]

const KINDS: FaultKind[] = [500, 502, 503, 'reset', 'timeout']

beforeAll(async () => {
  gh = new GitHubEmulator()
  cci = new CircleCIEmulator()
  gl = new GitLabEmulator()
  rgw = new RackGatewayEmulator()
  await Promise.all([gh, cci, gl, rgw].map((e) => e.start()))
  gh.addToken('github_pat_prop', { login: 'prop' })
  gh.addOrg('acme')
  gh.addRepo('acme', 'a', { environments: ['prod'] })
  gh.addRepo('acme', 'b')
  cci.addOrg('gh/acme')
  cci.addToken('circle-prop', { orgs: ['gh/acme'] })
  gl.addGroup('acme')
  gl.addToken('glpat-prop', { username: 'prop', access: { acme: 50 } })
  admin = rgw.addAdminToken()
})
afterAll(async () => Promise.all([gh, cci, gl, rgw].map((e) => e.close())))

function faultsFor(random: () => number): FaultRule[] {
  const rules: FaultRule[] = []
  const routes = [/^POST \/api\/v1\/api-tokens$/, /^GET \/api\/v1\/info$/, /^DELETE \/api\/v1\/api-tokens\//, /^GET \/api\/v1\/api-tokens$/, /^PUT \/repos\//, /^PUT \/orgs\//, /^GET .*public-key$/, /^PUT \/api\/v2\/context\//, /^(PUT|POST) \/api\/v4\//]
  for (const match of routes) if (random() < 0.35) rules.push({ match, rate: 0.2 + random() * 0.8, kind: KINDS[Math.floor(random() * KINDS.length)]! })
  return rules
}

async function rotate(destinations: string[], secretName: string, prefix: string, clockOffsetMs = 0) {
  const plan = buildPlan({
    issuer: 'rack-gateway',
    'issuer-url': rgw.url,
    'issuer-token': admin,
    'token-role': 'cicd',
    'token-name': prefix,
    'secret-name': secretName,
    'github-token': 'github_pat_prop',
    'github-api-url': gh.url,
    'circleci-token': 'circle-prop',
    'circleci-url': cci.url,
    'gitlab-token': 'glpat-prop',
    'gitlab-url': gl.url,
    destinations: destinations.join('\n'),
  })
  // Fast retries and short timeouts keep hundreds of runs quick; the logic under test is the same.
  // A clock a second ahead gives the second run its own token name without waiting for it.
  const clock = { now: () => Date.now() + clockOffsetMs, sleep: systemClock.sleep }
  return runPlan(plan, { log: silentLogger, context: { clock, retry: { baseDelayMs: 1, maxRetries: 3 }, timeoutMs: 50, githubBudget: { pointsPerWindow: 1e9, windowMs: 60_000 } } })
}

async function property(seed: number): Promise<string> {
  const random = seededRandom(seed)
  const picked = POOL.filter(() => random() < 0.5)
  const dests = picked.length ? picked : [POOL[Math.floor(random() * POOL.length)]!]
  // Names are reused across runs: real platforms cap a repository or context at 100 variables.
  const secretName = `PROP_${seed % 40}`
  const prefix = `prop-${seed}`
  const emulators = [gh, cci, gl, rgw]
  for (const e of emulators) e.setFaults([])
  const seeded = await rotate(dests.map((d) => d.line), secretName, prefix)
  expect(seeded.outcome, `seed ${seed}: seeding run failed: ${JSON.stringify(seeded.destinations)}`).toBe('rotated')
  const old = seeded.token!.id!
  emulators.forEach((e, i) => e.setFaults(faultsFor(random), seed * 10 + i))
  const report = await rotate(dests.map((d) => d.line), secretName, prefix, 1000)
  for (const e of emulators) e.setFaults([])
  const live = new Set(rgw.tokens().filter((t) => !t.revoked).map((t) => t.public_id))
  const why = `seed ${seed} (replay: PROPERTY_SEED=${seed}): ${JSON.stringify(report)}`

  for (const d of dests) {
    const value = d.read(secretName)
    expect(value && rgw.isValid(value), `${why}\n${d.line} holds no valid token`).toBe(true)
  }
  if (report.outcome === 'rotated') {
    expect(live.has(old), `${why}\nold token not revoked`).toBe(false)
    for (const d of dests) expect(rgw.isValid(d.read(secretName)!) && report.token, why).toBeTruthy()
    const values = new Set(dests.map((d) => d.read(secretName)))
    expect(values.size, `${why}\ndestinations hold different tokens`).toBe(1)
  } else {
    expect(report.outcome, why).toBe('failed')
    expect(exitCode(report, false), why).toBe(1)
    expect(report.error, why).toBeTruthy()
    const destinationFailed = report.destinations.some((d) => d.status === 'failed')
    if (destinationFailed) expect(live.has(old), `${why}\nold token revoked although a destination failed`).toBe(true)
    for (const d of report.destinations.filter((x) => x.status === 'failed')) expect(d.detail, `${why}\n${d.id} failed without a reason`).toBeTruthy()
    const failedIds = report.destinations.filter((x) => x.status === 'failed').map((x) => x.id)
    for (const d of dests) {
      const reported = report.destinations.find((x) => x.id === d.line.replace('?visibility=all', ''))
      // A destination not holding the new token must be reported as failed or not written.
      if (report.token && d.read(secretName) !== undefined && reported && reported.status !== 'created' && reported.status !== 'updated') {
        expect(['failed', 'not written'], why).toContain(reported.status)
      }
    }
    expect(failedIds.every((id) => report.destinations.some((x) => x.id === id)), why).toBe(true)
  }
  return report.outcome
}

describe('failure safety under random faults', () => {
  const seeds = ONLY !== undefined ? [ONLY] : Array.from({ length: RUNS }, (_, i) => i + 1)
  it(`holds for ${seeds.length} seeded runs`, async () => {
    const outcomes: Record<string, number> = {}
    for (const seed of seeds) {
      const outcome = await property(seed)
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1
    }
    // Both outcomes must actually occur, or the faults are too weak or too strong to test anything.
    if (seeds.length >= 50) expect(Object.keys(outcomes).sort()).toEqual(['failed', 'rotated'])
  }, 240_000)
})
