/**
 * Failure safety as a property: seeded random runs - one rotation set for the run, or one per
 * destination line (token-per: line) - with random faults on the issuer and on every destination
 * platform: refusals, failures before the request is handled, answers lost after it landed (writes and
 * mints), slow writes, and, in some runs, a second run of the same sets started 0-1 s after the first.
 * After each scenario:
 * - every destination holds a token the issuer accepts, of its own set;
 * - a destination a run reports `created`/`updated` holds exactly that run's token for its set (its
 *   `holds` fingerprint is the set's token's), unless the other overlapping run wrote it too;
 * - a set that succeeded revoked its (day-old) previous token; a set that failed revoked nothing old of
 *   its own and names a reason;
 * - no token valid at the issuer is unknown to the reports (nothing unnamed).
 * PROPERTY_RUNS=N runs more; PROPERTY_SEED=S replays one run.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../src/transport/clock.js'
import { silentLogger } from '../src/shared/log.js'
import { buildPlan } from '../src/plan/plan.js'
import { rotationSets } from '../src/plan/sets.js'
import { isMintedWith } from '../src/plan/token-name.js'
import { createHash } from 'node:crypto'
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

type Per = 'run' | 'line'
const inputsFor = (destinations: string[], secretName: string, prefix: string, per: Per) =>
  world.inputs({
    'token-name': prefix,
    'secret-name': secretName,
    'token-per': per,
    destinations: destinations.join('\n'),
  })

async function rotate(destinations: string[], secretName: string, prefix: string, per: Per, clockOffsetMs = 0) {
  const plan = buildPlan(inputsFor(destinations, secretName, prefix, per))
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

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

/** The token (as the gateway lists it) whose value a destination holds. */
function tokenOf(value: string | undefined) {
  const hash = value === undefined ? undefined : sha256(value)
  return rgw.tokens().find((t) => !t.revoked && rgw.hashOf(t.public_id) === hash)
}

/** Each set's token in a report: the run's one token, or each line's. */
function setTokens(report: Report, runSet: string): Map<string, { id?: string; fingerprint?: string }> {
  if (report.sets) return new Map(report.sets.map((s) => [s.name, s.token ?? {}]))
  return new Map([[runSet, report.token ?? {}]])
}

async function property(seed: number): Promise<string> {
  const random = seededRandom(seed)
  const picked = POOL.filter(() => random() < 0.5)
  const dests = picked.length ? picked : [POOL[Math.floor(random() * POOL.length)]!]
  const lines = dests.map((d) => d.line)
  const per: Per = random() < 0.5 ? 'line' : 'run'
  // Names are reused across runs: real platforms cap a repository or context at 100 variables.
  const secretName = `PROP_${seed % 40}`
  const prefix = `prop-${seed}`
  const sets = rotationSets(buildPlan(inputsFor(lines, secretName, prefix, per)))
  const setOf = (line: string) => sets.find((s) => s.targets.some((t) => line.startsWith(t.id)))!.name
  for (const e of emulators()) e.setFaults([])
  const seeded = await rotate(lines, secretName, prefix, per)
  expect(seeded.outcome, `seed ${seed}: seeding run failed: ${JSON.stringify(seeded.destinations)}`).toBe('rotated')
  const old = new Map([...setTokens(seeded, prefix)].map(([set, t]) => [set, t.id!]))
  // The rotation under test runs a day later: the seeded tokens are past the overlap grace.
  for (const e of [gh, cci, rgw]) e.passTime(1)
  emulators().forEach((e, i) => e.setFaults(faultsFor(random), seed * 10 + i))
  for (const e of emulators()) e.latencyMs = random() < 0.3 ? Math.floor(random() * 30) : 0
  const overlap = random() < 0.3
  const reports = await Promise.all([
    rotate(lines, secretName, prefix, per, 1000),
    ...(overlap
      ? [
          new Promise((r) => setTimeout(r, Math.floor(random() * 1000))).then(() =>
            rotate(lines, secretName, prefix, per, 2000),
          ),
        ]
      : []),
  ])
  for (const e of emulators()) {
    e.setFaults([])
    e.latencyMs = 0
  }
  const why = `seed ${seed} (token-per ${per}; replay: PROPERTY_SEED=${seed}): ${JSON.stringify(reports)}`
  const valid = rgw.tokens().filter((t) => !t.revoked && t.name.startsWith(prefix))

  for (const d of dests) {
    const held = tokenOf(d.read(secretName))
    expect(held, `${why}\n${d.line} holds no valid token`).toBeTruthy()
    expect(isMintedWith(setOf(d.line), held!.name), `${why}\n${d.line} holds ${held!.name}, not its set's`).toBe(true)
  }
  // Nothing unnamed: every valid token is a set's previous one, a run's new one, or one a report names.
  const known = new Set(
    reports.flatMap((r) => [
      ...[...setTokens(r, prefix).values()].map((t) => t.id),
      ...r.keptIds,
      ...(r.mayExist ?? []),
    ]),
  )
  const olds = new Set(old.values())
  for (const t of valid)
    expect(
      olds.has(t.public_id) || known.has(t.public_id) || known.has(t.name),
      `${why}\n${t.name} (${t.public_id}) is valid but no report names it`,
    ).toBe(true)
  for (const r of reports) checkReport(r, { dests, secretName, prefix, old, overlap, setOf, valid, why })
  return reports.map((r) => r.outcome).join('+')
}

interface Scenario {
  dests: typeof POOL
  secretName: string
  prefix: string
  old: Map<string, string>
  overlap: boolean
  setOf: (line: string) => string
  valid: { public_id: string }[]
  why: string
}

function checkReport(report: Report, sc: Scenario): void {
  const { dests, secretName, old, why } = sc
  const idOf = (line: string) => line.replace('?visibility=all', '')
  const outcomes = report.sets ? new Map(report.sets.map((s) => [s.name, s])) : undefined
  const setOutcome = (set: string) => outcomes?.get(set)?.outcome ?? report.outcome
  const isValid = (id: string) => sc.valid.some((t) => t.public_id === id)
  for (const [set, oldId] of old) {
    if (setOutcome(set) === 'rotated') {
      for (const d of dests.filter((x) => sc.setOf(x.line) === set))
        expect(['created', 'updated'], why).toContain(report.destinations.find((x) => x.id === idOf(d.line))?.status)
      // The set's day-old token is revoked by the run that listed it first.
      expect(isValid(oldId), `${why}\nset ${set}: old token not revoked`).toBe(false)
    } else {
      expect(setOutcome(set), why).toBe('failed')
      expect(report.revokedIds.includes(oldId), `${why}\nset ${set}: old token revoked by a failed run`).toBe(false)
    }
    // A run that listed the set names the old token if it left it valid.
    const token = setTokens(report, sc.prefix).get(set)
    if (token?.id && isValid(oldId))
      expect(report.keptIds, `${why}\nthe old token of ${set} is valid but the report does not name it`).toContain(
        oldId,
      )
  }
  if (report.outcome === 'failed') {
    expect(exitCode(report), why).toBe(1)
    expect(report.error, why).toBeTruthy()
    for (const d of report.destinations.filter((x) => x.status === 'failed' || x.status === 'unknown'))
      expect(d.detail, `${why}\n${d.id} ${d.status} without a reason`).toBeTruthy()
  }
  // A destination reported as written holds exactly that run's token of its set (unless the other run wrote it after).
  if (sc.overlap) return
  const tokens = setTokens(report, sc.prefix)
  for (const d of dests) {
    const row = report.destinations.find((x) => x.id === idOf(d.line))
    if (!row || !['created', 'updated'].includes(row.status)) continue
    const mine = tokens.get(sc.setOf(d.line))!
    expect(row.holds, `${why}\n${d.line}: holds is not its set's token's fingerprint`).toBe(mine.fingerprint)
    expect(tokenOf(d.read(secretName))?.public_id, `${why}\n${d.line} does not hold the run's token`).toBe(mine.id)
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
