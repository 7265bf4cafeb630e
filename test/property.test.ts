/**
 * Failure safety as a property: seeded random runs with random faults on the issuer and on every
 * destination platform - refusals, failures before the request is handled, answers lost after it
 * landed (writes and mints), slow writes - and, in some runs, a second run of the same rotation set
 * started 0-1 s after the first. After each scenario:
 * - every destination holds a token the issuer accepts;
 * - a destination a run reports `created`/`updated` holds exactly that run's token, unless the other
 *   overlapping run wrote it too;
 * - a success revoked the (day-old) previous token; a failure revoked nothing old and names a reason;
 * - no token valid at the issuer is unknown to the reports (nothing orphaned).
 * PROPERTY_RUNS=N runs more; PROPERTY_SEED=S replays one run.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../src/transport/clock.js'
import { silentLogger } from '../src/shared/log.js'
import { buildPlan } from '../src/plan/plan.js'
import { exitCode, type Report } from '../src/report/report.js'
import { runPlan } from '../src/engine/run.js'
import { seededRandom, type FaultKind, type FaultRule } from './emulators/base.js'
import { useWorld } from './helpers/world.js'

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100)
const ONLY = process.env.PROPERTY_SEED === undefined ? undefined : Number(process.env.PROPERTY_SEED)

const world = useWorld()
const { gh, cci, gl, rgw } = world
beforeAll(() => {
  gh.addRepo('acme', 'a', { environments: ['prod'] })
  gh.addRepo('acme', 'b')
})

/** Every destination the runs draw from, with how to read what it holds. */
const POOL: { line: string; read: (name: string) => string | undefined }[] = [
  { line: 'github:repo/acme/a', read: (n) => gh.secretValue({ repo: 'acme/a' }, n) },
  { line: 'github:repo/acme/b', read: (n) => gh.secretValue({ repo: 'acme/b' }, n) },
  { line: 'github:env/acme/a/prod', read: (n) => gh.secretValue({ env: 'acme/a/prod' }, n) },
  { line: 'github:org/acme?visibility=all', read: (n) => gh.orgSecret('acme', n)?.value },
  { line: 'circleci:context/gh/acme/rwx', read: (n) => cci.contextValue('gh/acme', 'rwx', n) },
  { line: 'gitlab:group/acme', read: (n) => gl.variable('group', 'acme', n)?.value },
]

const KINDS: FaultKind[] = [422, 500, 502, 503, 'reset', 'timeout', 'lost-502', 'lost-reset', 'lost-timeout']

function faultsFor(random: () => number): FaultRule[] {
  const rules: FaultRule[] = []
  const routes = [
    /^POST \/api\/v1\/api-tokens$/,
    /^GET \/api\/v1\/info$/,
    /^DELETE \/api\/v1\/api-tokens\//,
    /^GET \/api\/v1\/api-tokens$/,
    /^PUT \/repos\//,
    /^PUT \/orgs\//,
    /^GET .*public-key$/,
    /^PUT \/api\/v2\/context\//,
    /^(PUT|POST) \/api\/v4\//,
  ]
  for (const match of routes)
    if (random() < 0.35)
      rules.push({ match, rate: 0.2 + random() * 0.8, kind: KINDS[Math.floor(random() * KINDS.length)]! })
  return rules
}

async function rotate(destinations: string[], secretName: string, prefix: string, clockOffsetMs = 0) {
  const plan = buildPlan(
    world.inputs({ 'token-name': prefix, 'secret-name': secretName, destinations: destinations.join('\n') }),
  )
  // Fast retries and short timeouts keep hundreds of runs quick; the logic under test is the same.
  // A clock seconds ahead gives each run its own token name without waiting for the next second.
  const clock = { now: () => Date.now() + clockOffsetMs, sleep: systemClock.sleep }
  return runPlan(plan, {
    log: silentLogger,
    context: {
      clock,
      retry: { baseDelayMs: 1, maxRetries: 3 },
      timeoutMs: 50,
      // A revoke gets the client's retries only: the outer retries (reliable-revoke.ts) pause for seconds.
      cleanupDeadlineMs: 100,
      githubBudget: { pointsPerWindow: 1e9, windowMs: 60_000 },
    },
  })
}

const emulators = () => [gh, cci, gl, rgw]

async function property(seed: number): Promise<string> {
  const random = seededRandom(seed)
  const picked = POOL.filter(() => random() < 0.5)
  const dests = picked.length ? picked : [POOL[Math.floor(random() * POOL.length)]!]
  const lines = dests.map((d) => d.line)
  // Names are reused across runs: real platforms cap a repository or context at 100 variables.
  const secretName = `PROP_${seed % 40}`
  const prefix = `prop-${seed}`
  for (const e of emulators()) e.setFaults([])
  const seeded = await rotate(lines, secretName, prefix)
  expect(seeded.outcome, `seed ${seed}: seeding run failed: ${JSON.stringify(seeded.destinations)}`).toBe('rotated')
  const old = seeded.token!.id!
  // The rotation under test runs a day later: the seeded token is past the overlap grace.
  for (const e of [gh, cci, rgw]) e.passTime(1)
  emulators().forEach((e, i) => e.setFaults(faultsFor(random), seed * 10 + i))
  for (const e of emulators()) e.latencyMs = random() < 0.3 ? Math.floor(random() * 30) : 0
  const overlap = random() < 0.3
  const reports = await Promise.all([
    rotate(lines, secretName, prefix, 1000),
    ...(overlap
      ? [
          new Promise((r) => setTimeout(r, Math.floor(random() * 1000))).then(() =>
            rotate(lines, secretName, prefix, 2000),
          ),
        ]
      : []),
  ])
  for (const e of emulators()) {
    e.setFaults([])
    e.latencyMs = 0
  }
  const why = `seed ${seed} (replay: PROPERTY_SEED=${seed}): ${JSON.stringify(reports)}`
  const valid = rgw.tokens().filter((t) => !t.revoked && t.name.startsWith(`${prefix}-`))
  const newIds = new Set(reports.map((r) => r.token?.id).filter(Boolean))

  for (const d of dests) {
    const value = d.read(secretName)
    expect(value && rgw.isValid(value), `${why}\n${d.line} holds no valid token`).toBe(true)
  }
  // Nothing orphaned: every valid token of the set is a run's new token or one a report says it kept.
  const known = new Set([...newIds, ...reports.flatMap((r) => [...r.keptIds, ...(r.mayExist ?? [])])])
  for (const t of valid)
    expect(
      t.public_id === old || known.has(t.public_id) || known.has(t.name),
      `${why}\n${t.name} (${t.public_id}) is valid but no report names it`,
    ).toBe(true)
  // A run that minted (and so had listed the set) names the old token if it left it valid.
  for (const r of reports)
    if (r.token?.id && valid.some((t) => t.public_id === old))
      expect(r.keptIds, `${why}\nthe old token is valid but the report does not name it`).toContain(old)

  // A success revokes the day-old token (the run that listed it first does).
  if (reports.some((r) => r.outcome === 'rotated'))
    expect(
      valid.some((t) => t.public_id === old),
      `${why}\nold token not revoked`,
    ).toBe(false)
  for (const report of reports) checkReport(report, dests, secretName, old, overlap, why)
  return reports.map((r) => r.outcome).join('+')
}

function checkReport(
  report: Report,
  dests: typeof POOL,
  secretName: string,
  old: string,
  overlap: boolean,
  why: string,
): void {
  const idOf = (line: string) => line.replace('?visibility=all', '')
  if (report.outcome === 'rotated') {
    for (const d of dests) {
      const reported = report.destinations.find((x) => x.id === idOf(d.line))
      expect(['created', 'updated'], why).toContain(reported?.status)
    }
  } else {
    expect(report.outcome, why).toBe('failed')
    expect(exitCode(report), why).toBe(1)
    expect(report.error, why).toBeTruthy()
    expect(
      report.revokedIds.filter((id) => id === old),
      `${why}\nold token revoked by a failed run`,
    ).toEqual([])
    for (const d of report.destinations.filter((x) => x.status === 'failed' || x.status === 'unknown'))
      expect(d.detail, `${why}\n${d.id} ${d.status} without a reason`).toBeTruthy()
  }
  // A destination reported as holding this run's token holds it (unless the other run wrote it after).
  if (!overlap && report.token?.id) {
    const ours = dests.filter((d) =>
      ['created', 'updated'].includes(report.destinations.find((x) => x.id === idOf(d.line))?.status ?? ''),
    )
    const values = new Set(ours.map((d) => d.read(secretName)))
    expect(values.size <= 1, `${why}\ndestinations reported as written hold different values`).toBe(true)
    for (const v of values) expect(rgw.isValid(v!), why).toBe(true)
  }
}

describe('failure safety under random faults', () => {
  const seeds = ONLY !== undefined ? [ONLY] : Array.from({ length: RUNS }, (_, i) => i + 1)
  it(`holds for ${seeds.length} seeded runs`, async () => {
    const outcomes: Record<string, number> = {}
    for (const seed of seeds) {
      const outcome = await property(seed)
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1
    }
    // Every outcome must actually occur, or the faults are too weak or too strong to test anything.
    if (seeds.length >= 100)
      for (const o of ['failed', 'rotated'])
        expect(
          Object.keys(outcomes).some((k) => k.split('+').includes(o)),
          JSON.stringify(outcomes),
        ).toBe(true)
    console.log(`property: ${seeds.length} seeds, outcomes ${JSON.stringify(outcomes)}`)
  }, 280_000)
})
