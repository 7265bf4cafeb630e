/**
 * The lifecycle's decisions, with in-memory plugins that implement the two interfaces the way a
 * platform would (an issuer that tracks which tokens are alive, destinations that hold values).
 */
import { describe, expect, it } from 'vitest'
import { newStats, type Transport } from '../src/transport/transport.js'
import { ApiError, AuthError, OutcomeUnknownError } from '../src/shared/errors.js'
import { systemClock } from '../src/transport/clock.js'
import { silentLogger } from '../src/shared/log.js'
import { buildPlan, type Inputs } from '../src/plan/plan.js'
import { Redactor } from '../src/shared/redact.js'
import { executePlan } from '../src/engine/run.js'
import { reportProblems } from './helpers/report-schema.js'
import { SUMMARY_MAX_BYTES, SUMMARY_OPEN_ROWS, summaryMarkdown } from '../src/report/markdown.js'
import { OUTPUT_REPORT_MAX_BYTES, outputBytes, reportOutput, utf8Bytes } from '../src/report/output.js'
import { type Report } from '../src/report/report.js'
import { summaryText } from '../src/report/text.js'
import type { Destination, Issuer, MintedToken, RevokeResult, TokenInfo, TokenSpec } from '../src/shared/types.js'

class MemoryIssuer implements Issuer {
  readonly kind = 'memory'
  readonly can = { create: true, list: true, revoke: true, disable: false, expiry: false, projects: false }
  readonly alive = new Map<string, TokenInfo & { secret: string }>()
  readonly revoked: string[] = []
  private n = 0
  failVerify = false
  /** The next N mints are applied but their answers are lost. */
  loseMints = 0

  seed(name: string, createdAt: string): string {
    const id = `old-${++this.n}`
    this.alive.set(id, { id, name, createdAt, secret: `secret-${id}-xxxxxxxx` })
    return id
  }
  async create(spec: TokenSpec): Promise<MintedToken> {
    const id = `new-${++this.n}`
    const secret = `secret-${id}-${'x'.repeat(24)}`
    this.alive.set(id, { id, name: spec.name, createdAt: new Date().toISOString(), secret })
    if (this.loseMints-- > 0) throw new OutcomeUnknownError('memory: POST /tokens -> 502 (answer lost)', 'memory', 502)
    return { id, name: spec.name, secret }
  }
  async list(prefix: string): Promise<TokenInfo[]> {
    return [...this.alive.values()].filter((t) => t.name.startsWith(prefix))
  }
  async revoke(id: string): Promise<RevokeResult> {
    this.revoked.push(id)
    return this.alive.delete(id) ? 'revoked' : 'gone'
  }
  async verify(secret: string) {
    if (this.failVerify || ![...this.alive.values()].some((t) => t.secret === secret))
      throw new AuthError('token rejected', 'memory', 401)
    return { subject: 'memory' }
  }
  isValid(secret: string): boolean {
    return [...this.alive.values()].some((t) => t.secret === secret)
  }
}

class MemoryDestination implements Destination {
  value?: string
  preflightError?: Error
  writeError?: Error
  writes = 0
  /** What confirm() can tell after a lost answer (undefined: nothing). */
  readable = true
  constructor(
    readonly id: string,
    readonly secretName = 'RACK_GATEWAY_API_TOKEN',
  ) {}
  async preflight() {
    if (this.preflightError) throw this.preflightError
  }
  async wouldWrite() {
    return this.value ? ('updated' as const) : ('created' as const)
  }
  checkValue() {}
  async write(secret: string) {
    this.writes++
    if (this.writeError) throw this.writeError
    const result = this.value ? ('updated' as const) : ('created' as const)
    this.value = secret
    return { result }
  }
  async confirm(secret: string) {
    return this.readable ? this.value === secret : undefined
  }
}

const base: Inputs = {
  issuer: 'rack-gateway',
  'issuer-url': 'https://gw.example.com',
  'issuer-token': 'rgw_admin',
  'token-role': 'cicd',
  'token-name': 'rack-gateway-api-token',
  'github-token': 'ghp_x',
  destinations: 'github:repo/acme/a\ngithub:repo/acme/b\ngithub:repo/acme/c',
}

interface Knobs {
  log?: Transport['log']
  overlapGraceMs?: number
  signal?: AbortSignal
  clock?: Transport['clock']
  redactor?: Redactor
}

function transport(k: Knobs): Transport {
  return {
    redactor: k.redactor ?? new Redactor(),
    log: k.log ?? silentLogger,
    clock: k.clock ?? systemClock,
    signal: k.signal,
    stats: newStats(),
    readConcurrency: 16,
  }
}

async function run(inputs: Inputs, issuer: MemoryIssuer, dests: MemoryDestination[], knobs: Knobs = {}) {
  const plan = buildPlan({ ...base, ...inputs })
  const report = await executePlan(plan, {
    issuer,
    transport: transport(knobs),
    overlapGraceMs: knobs.overlapGraceMs ?? 0,
    // Every destination of the test belongs to the run's one set: tied to its first line.
    buildDestinations: async () => ({
      destinations: dests.map((destination) => ({ target: plan.targets[0]!, destination })),
      failures: [],
      cleanups: [],
    }),
  })
  expect(reportProblems(report)).toEqual([])
  return report
}

/** A destination whose write lands but whose answer is lost. */
class LostAnswerDestination extends MemoryDestination {
  override async write(secret: string): Promise<{ result: 'created' | 'updated' }> {
    await super.write(secret)
    throw new OutcomeUnknownError(
      'github: PUT ... -> 502 (it may have been applied: an answer was lost)',
      'github',
      502,
    )
  }
}

const three = () => ['a', 'b', 'c'].map((r) => new MemoryDestination(`github:repo/acme/${r}`))

describe('rotate lifecycle', () => {
  it('writes everywhere, then revokes every older token with the prefix (and only those)', async () => {
    const issuer = new MemoryIssuer()
    const old1 = issuer.seed('rack-gateway-api-token-20250101000000', '2025-01-01T00:00:00Z')
    const old2 = issuer.seed('rack-gateway-api-token-20250601000000', '2025-06-01T00:00:00Z')
    const other = issuer.seed('rack-gateway-api-token-staging-20250101000000', '2025-01-01T00:00:00Z')
    const dests = three()
    const report = await run({}, issuer, dests)
    expect(report.outcome).toBe('rotated')
    expect(report.revokedIds.sort()).toEqual([old1, old2].sort())
    expect(issuer.alive.has(other)).toBe(true)
    for (const d of dests) expect(issuer.isValid(d.value!)).toBe(true)
    expect(new Set(dests.map((d) => d.value)).size).toBe(1)
    expect(report.token?.name).toMatch(/^rack-gateway-api-token-\d{14}-[0-9a-f]{6}$/)
  })

  it('a failed destination keeps every old token alive, fails the run and names the destination', async () => {
    const issuer = new MemoryIssuer()
    const old = issuer.seed('rack-gateway-api-token-20250101000000', '2025-01-01T00:00:00Z')
    const dests = three()
    for (const d of dests) d.value = issuer.alive.get(old)!.secret
    dests[1]!.writeError = new ApiError('github: PUT ... -> 422 "bad"', 'github', 422)
    const report = await run({}, issuer, dests)
    expect(report.outcome).toBe('failed')
    expect(issuer.revoked).toEqual([])
    expect(report.keptIds).toEqual([old])
    expect(report.destinations.find((d) => d.id === 'github:repo/acme/b')).toMatchObject({
      status: 'failed',
      detail: expect.stringContaining('422'),
    })
    // Every destination holds a working token: two the new one, one the old one.
    for (const d of dests) expect(issuer.isValid(d.value!)).toBe(true)
    expect(report.newTokenRevoked).toBeUndefined()
  })

  it('revokes the new token when it reached no destination', async () => {
    const issuer = new MemoryIssuer()
    issuer.seed('rack-gateway-api-token-20250101000000', '2025-01-01T00:00:00Z')
    const dests = three()
    for (const d of dests) d.writeError = new ApiError('down', 'github', 503)
    const report = await run({}, issuer, dests)
    expect(report.outcome).toBe('failed')
    expect(report.newTokenRevoked).toBe(true)
    expect(issuer.revoked).toEqual([report.token!.id])
  })

  it('a lost answer read back as landed counts as written; one that cannot be read is unknown and revokes nothing', async () => {
    const issuer = new MemoryIssuer()
    const old = issuer.seed('rack-gateway-api-token-20250101000000', '2025-01-01T00:00:00Z')
    const readable = [new LostAnswerDestination('github:repo/acme/a'), new MemoryDestination('github:repo/acme/b')]
    const ok = await run({}, issuer, readable)
    expect(ok.outcome).toBe('rotated')
    expect(ok.destinations[0]).toMatchObject({ status: 'updated', detail: expect.stringMatching(/shows it landed/) })
    expect(ok.revokedIds).toEqual([old])

    const lost = new LostAnswerDestination('github:repo/acme/a')
    lost.readable = false
    const report = await run({}, issuer, [lost])
    expect(report.outcome).toBe('failed')
    expect(report.destinations[0]).toMatchObject({
      status: 'unknown',
      detail: expect.stringMatching(/could not confirm/),
    })
    // The only destination may hold the new token: it stays valid, and so does the one it replaces.
    expect(issuer.isValid(lost.value!)).toBe(true)
    expect(report.newTokenRevoked).toBeUndefined()
    expect(report.keptIds).toEqual([ok.token!.id])
  })

  it("a mint whose answer was lost is found by its name, which carries this run's tag, and revoked; the next name is minted", async () => {
    const issuer = new MemoryIssuer()
    issuer.loseMints = 1
    const dests = three()
    const report = await run({}, issuer, dests)
    expect(report.outcome).toBe('rotated')
    expect(issuer.revoked).toHaveLength(1)
    expect(report.revokedIds).toEqual(issuer.revoked)
    expect(report.keptIds).toEqual([])
    // Only the token the destinations hold is still valid, and the report names it.
    expect([...issuer.alive.keys()]).toEqual([report.token!.id])
    expect(report.notes.join('\n')).toMatch(/answer was lost, so its value is unknown: it was revoked/)
  })

  it('create mode: a lost mint leaves no valid token that no destination holds', async () => {
    const issuer = new MemoryIssuer()
    issuer.loseMints = 1
    const report = await run({ mode: 'create' }, issuer, three())
    expect(report.outcome).toBe('created')
    expect([...issuer.alive.keys()]).toEqual([report.token!.id])
  })

  it('keeps a previous token younger than the overlap grace and says why', async () => {
    const issuer = new MemoryIssuer()
    const old = issuer.seed('rack-gateway-api-token-20250101000000', '2025-01-01T00:00:00Z')
    const young = issuer.seed('rack-gateway-api-token-20261130000000', new Date(Date.now() - 60_000).toISOString())
    const report = await run({}, issuer, three(), { overlapGraceMs: 3_600_000 })
    expect(report.outcome).toBe('rotated')
    expect(report.revokedIds).toEqual([old])
    expect(report.keptIds).toEqual([young])
    expect(report.notes.join('\n')).toMatch(/younger than the 60-minute overlap grace/)
  })

  it("the dry run applies the rotation's rules: it promises to revoke only what the rotation revokes, and says what it keeps and why", async () => {
    const issuer = new MemoryIssuer()
    const old = issuer.seed('rack-gateway-api-token-20250101000000', '2025-01-01T00:00:00Z')
    const young = issuer.seed('rack-gateway-api-token-20261130000000', new Date(Date.now() - 60_000).toISOString())
    const plan = await run({ 'dry-run': 'true' }, issuer, three(), { overlapGraceMs: 3_600_000 })
    expect(plan.outcome).toBe('planned')
    const notes = plan.notes.join('\n')
    expect(notes).toMatch(
      new RegExp(`would revoke 1 previous token\\(s\\) once every destination holds the new one: ${old}$`, 'm'),
    )
    expect(notes).toMatch(
      new RegExp(
        `would keep rack-gateway-api-token-20261130000000 \\(${young}\\): it is younger than the 60-minute overlap grace`,
      ),
    )
    expect(notes).toMatch(/would mint rack-gateway-api-token-<UTC time>-<run tag>$/m)
    // And the rotation does exactly that.
    const rotation = await run({}, issuer, three(), { overlapGraceMs: 3_600_000 })
    expect(rotation.revokedIds).toEqual([old])
    expect(rotation.keptIds).toEqual([young])
    // revoke-first revokes every live token first: the dry run says so.
    const leaked = await run({ 'dry-run': 'true', 'revoke-first': 'true' }, issuer, three(), {
      overlapGraceMs: 3_600_000,
    })
    expect(leaked.notes.join('\n')).toMatch(/would revoke 2 previous token\(s\) first, before minting/)
  })

  it('token-per line: a cancelled run starts no set, mints nothing, and says so per line', async () => {
    const issuer = new MemoryIssuer()
    const plan = buildPlan({ ...base, 'token-per': 'line' })
    const dests = three()
    const controller = new AbortController()
    controller.abort(new Error('cancelled by SIGTERM'))
    const report = await executePlan(plan, {
      issuer,
      transport: transport({ signal: controller.signal }),
      overlapGraceMs: 0,
      buildDestinations: async () => ({
        destinations: dests.map((destination, i) => ({ target: plan.targets[i]!, destination })),
        failures: [],
        cleanups: [],
      }),
    })
    expect(report.outcome).toBe('failed')
    expect(report.sets!.map((s) => [s.line, s.outcome, s.error])).toEqual(
      plan.targets.map((t) => [t.id, 'failed', 'the run stopped before this set started']),
    )
    expect(issuer.alive.size).toBe(0)
    expect(reportProblems(report)).toEqual([])
  })

  it('a failure to build the destinations is reported with its reason (not replaced by a generic one)', async () => {
    const plan = buildPlan(base)
    const report = await executePlan(plan, {
      issuer: new MemoryIssuer(),
      transport: transport({}),
      overlapGraceMs: 0,
      buildDestinations: async () => Promise.reject(new Error('GitHub App: private key rejected')),
    })
    expect(report.outcome).toBe('failed')
    expect(report.error).toMatch(/preflight failed.*GitHub App: private key rejected/)
  })

  it("a token that cannot be handed over after the mint (the CLI's token file) is revoked and written nowhere", async () => {
    const issuer = new MemoryIssuer()
    const dests = three()
    const plan = buildPlan(base)
    const onMinted = () => {
      throw new Error('EACCES: permission denied, open /run/token')
    }
    const report = await executePlan(plan, {
      issuer,
      transport: transport({}),
      overlapGraceMs: 0,
      buildDestinations: async () => ({
        destinations: dests.map((destination) => ({ target: plan.targets[0]!, destination })),
        failures: [],
        cleanups: [],
      }),
      onMinted,
    })
    expect(report.outcome).toBe('failed')
    expect(report.error).toMatch(/could not be handed over \(EACCES.*and was revoked/)
    expect(report.newTokenRevoked).toBe(true)
    expect(issuer.alive.size).toBe(0)
    expect(dests.every((d) => d.writes === 0)).toBe(true)
  })

  it('mints nothing when any preflight fails', async () => {
    const issuer = new MemoryIssuer()
    const dests = three()
    dests[2]!.preflightError = new AuthError('403 nope', 'github', 403)
    const report = await run({}, issuer, dests)
    expect(report.outcome).toBe('failed')
    expect(issuer.alive.size).toBe(0)
    expect(dests.every((d) => d.writes === 0)).toBe(true)
    expect(report.destinations.map((d) => d.status)).toEqual(['failed', 'not written', 'not written'])
  })

  it('a token that does not verify is revoked and written nowhere', async () => {
    const issuer = new MemoryIssuer()
    issuer.failVerify = true
    const dests = three()
    const report = await run({}, issuer, dests)
    expect(report.outcome).toBe('failed')
    expect(report.error).toMatch(/did not verify/)
    expect(issuer.alive.size).toBe(0)
    expect(dests.every((d) => d.writes === 0)).toBe(true)
  })

  it('is not due while the newest token is younger than rotate-if-older-than', async () => {
    const issuer = new MemoryIssuer()
    issuer.seed('rack-gateway-api-token-20250101000000', '2025-01-01T00:00:00Z')
    issuer.seed('rack-gateway-api-token-20990101000000', new Date(Date.now() - 10 * 86_400_000).toISOString())
    const dests = three()
    const report = await run({ 'rotate-if-older-than': '90d' }, issuer, dests)
    expect(report.outcome).toBe('not-due')
    expect(issuer.alive.size).toBe(2)
    expect(dests.every((d) => d.writes === 0)).toBe(true)
  })

  it('dry-run plans would create / would update and changes nothing', async () => {
    const issuer = new MemoryIssuer()
    issuer.seed('rack-gateway-api-token-20250101000000', '2025-01-01T00:00:00Z')
    const dests = three()
    dests[0]!.value = 'present'
    const report = await run({ 'dry-run': 'true' }, issuer, dests)
    expect(report.outcome).toBe('planned')
    expect(report.destinations.map((d) => d.status)).toEqual(['would update', 'would create', 'would create'])
    expect(issuer.alive.size).toBe(1)
    expect(dests.every((d) => d.writes === 0)).toBe(true)
  })

  it('create mode distributes and revokes nothing', async () => {
    const issuer = new MemoryIssuer()
    const old = issuer.seed('rack-gateway-api-token-20250101000000', '2025-01-01T00:00:00Z')
    const report = await run({ mode: 'create' }, issuer, three())
    expect(report.outcome).toBe('created')
    expect(issuer.alive.has(old)).toBe(true)
  })

  it('after a half-failed run, the next success revokes every older token, including the half-distributed one', async () => {
    const issuer = new MemoryIssuer()
    const old = issuer.seed('rack-gateway-api-token-20250101000000', '2025-01-01T00:00:00Z')
    const dests = three()
    dests[0]!.writeError = new ApiError('flaky', 'github', 502)
    const first = await run({}, issuer, dests)
    expect(first.outcome).toBe('failed')
    dests[0]!.writeError = undefined
    const second = await run({}, issuer, dests)
    expect(second.outcome).toBe('rotated')
    expect(second.revokedIds.sort()).toEqual([old, first.token!.id].sort())
    expect([...issuer.alive.keys()]).toEqual([second.token!.id])
  })
})

/** A repository whose token may not write secrets: GitHub's 403, in the words the GitHub destination relays. */
const forbidden = (i: number) =>
  new AuthError(
    `github-token may not write secrets of repository acme-platform/service-${i} (403 "Resource not accessible by personal access token"). It needs the fine-grained permission Secrets: write on the repository (classic PAT: repo scope).`,
    'github',
    403,
  )

describe('report output and job summary at scale', () => {
  const MiB = 1024 * 1024
  const sizes: Record<string, Record<string, number>> = {}
  const cases = [1, 1000, 10000].flatMap((n) => [
    [n, 'ok'],
    [n, 'failed'],
  ]) as [number, 'ok' | 'failed'][]

  it.each(cases)(
    '%i destinations, all %s: the report output and the summary fit GitHub limits; report-file stays whole',
    async (n, kind) => {
      const issuer = new MemoryIssuer()
      const dests = Array.from({ length: n }, (_, i) => new MemoryDestination(`github:repo/acme-platform/service-${i}`))
      if (kind === 'failed') dests.forEach((d, i) => (d.writeError = forbidden(i)))
      const report = await run({ mode: 'create' }, issuer, dests)
      expect(report.destinations).toHaveLength(n)
      const whole = JSON.stringify(report)
      const output = reportOutput(report, 'report.json')
      const uncapped = summaryMarkdown(report, Number.POSITIVE_INFINITY)
      const summary = summaryMarkdown(report)
      sizes[`${n} ${kind}`] = {
        wholeUtf16: outputBytes(whole),
        outputUtf16: outputBytes(output),
        summaryUncapped: utf8Bytes(uncapped),
        summary: utf8Bytes(summary),
      }

      expect(outputBytes(output)).toBeLessThanOrEqual(OUTPUT_REPORT_MAX_BYTES)
      expect(utf8Bytes(summary)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES)
      // The summary leads with the outcome and the counts.
      const status = kind === 'ok' ? 'created' : 'failed'
      expect(summary.split('\n').slice(0, 3)).toEqual([
        `### token-action: ${kind === 'ok' ? 'created' : 'failed'}`,
        '',
        `**${n} destination${n === 1 ? '' : 's'}: ${n} ${status}**`,
      ])
      // Beyond a few dozen rows, the rest is collapsed.
      expect(summary.includes('<details>')).toBe(n > SUMMARY_OPEN_ROWS)

      const parsed = JSON.parse(output) as Report
      expect(reportProblems(parsed)).toEqual([])
      if (outputBytes(whole) <= OUTPUT_REPORT_MAX_BYTES) {
        expect(output).toBe(whole)
        expect(uncapped).toBe(summary)
        return
      }
      // Shortened: counts for every status, as many destinations as fit, and where the whole report is.
      expect(parsed.truncated).toEqual({
        destinations: n,
        statuses: { [status]: n },
        omitted: n - parsed.destinations.length,
        reportFile: 'report.json',
      })
      expect(parsed.destinations.length).toBeGreaterThan(0)
      expect(parsed.destinations).toEqual(report.destinations.slice(0, parsed.destinations.length))
      expect(parsed.notes.at(-1)).toBe(
        `report output shortened to fit GitHub's output limit: ${parsed.destinations.length} of ${n} destinations listed (those that need attention first), ${n - parsed.destinations.length} omitted; the whole report is in report.json`,
      )
      // The report itself (what report-file gets) is left whole.
      expect(JSON.stringify(report)).toBe(whole)
      if (utf8Bytes(uncapped) > SUMMARY_MAX_BYTES)
        expect(summary).toMatch(/_\d+ more destinations not shown: the summary is capped at 512 KiB/)
    },
  )

  it('measured sizes (bytes): failures make the largest summaries; 10,000 failed would break both GitHub limits uncapped', () => {
    console.table(sizes)
    expect(Object.keys(sizes)).toHaveLength(cases.length)
    expect(sizes['10000 failed']!.summaryUncapped).toBeGreaterThan(MiB)
    expect(sizes['10000 failed']!.wholeUtf16).toBeGreaterThan(MiB)
    expect(sizes['10000 ok']!.wholeUtf16).toBeGreaterThan(MiB)
    expect(sizes['1 ok']!.outputUtf16).toBe(sizes['1 ok']!.wholeUtf16)
  })

  it('failures come first in the summary, the text summary and the shortened output, with the counts', async () => {
    const issuer = new MemoryIssuer()
    const dests = Array.from(
      { length: 6000 },
      (_, i) => new MemoryDestination(`github:repo/acme/repository-with-a-long-name-${i}`),
    )
    for (const i of [42, 4242]) dests[i]!.writeError = forbidden(i)
    const report = await run({ mode: 'create' }, issuer, dests)
    expect(outputBytes(JSON.stringify(report))).toBeGreaterThan(OUTPUT_REPORT_MAX_BYTES)
    const out = JSON.parse(reportOutput(report, undefined)) as Report
    expect(out.destinations.slice(0, 2).map((d) => [d.id, d.status])).toEqual([
      ['github:repo/acme/repository-with-a-long-name-42', 'failed'],
      ['github:repo/acme/repository-with-a-long-name-4242', 'failed'],
    ])
    expect(out.truncated).toEqual({
      destinations: 6000,
      statuses: { failed: 2, created: 5998 },
      omitted: 6000 - out.destinations.length,
    })
    expect(out.notes.at(-1)).toMatch(/; set report-file for the whole report$/)
    const md = summaryMarkdown(report).split('\n')
    expect(md[2]).toBe('**6000 destinations: 2 failed, 5998 created**')
    expect(
      md
        .filter((l) => l.startsWith('| `'))
        .slice(0, 2)
        .map((l) => l.includes('❌ failed')),
    ).toEqual([true, true])
    const text = summaryText(report)
    expect(text.slice(0, 2)).toEqual(['token-action create: failed', '  6000 destinations: 2 failed, 5998 created'])
    expect(text[3]).toMatch(/^ {2}failed {7}github:repo\/acme\/repository-with-a-long-name-42 /)
    // Small reports are passed whole.
    const small = { ...report, destinations: report.destinations.slice(0, 3) }
    expect(reportOutput(small, undefined)).toBe(JSON.stringify(small))
  })

  it('stays under the limits whatever else is large (thousands of notes), counting in bytes: non-ASCII weighs more', async () => {
    const issuer = new MemoryIssuer()
    const dests = Array.from({ length: 50 }, (_, i) => new MemoryDestination(`gitlab:project/grüße/日本語-${i}`))
    const report = await run({ mode: 'create' }, issuer, dests)
    const heavy: Report = { ...report, notes: Array.from({ length: 5000 }, (_, i) => `note ${i}: ${'é'.repeat(300)}`) }
    const output = reportOutput(heavy, 'r.json')
    expect(outputBytes(output)).toBeLessThanOrEqual(OUTPUT_REPORT_MAX_BYTES)
    expect(JSON.parse(output).truncated).toMatchObject({ destinations: 50 })
    const summary = summaryMarkdown(heavy)
    expect(utf8Bytes(summary)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES)
    expect(summary.split('\n').at(-1)).toMatch(/^_The rest of the summary is not shown: it is capped at 512 KiB/)
    // A small budget shows the counting is in bytes: 3-byte characters fill it three times faster than ASCII.
    const budget = 4096
    expect(utf8Bytes(summaryMarkdown(report, budget))).toBeLessThanOrEqual(budget)
    expect(outputBytes(reportOutput(report, undefined, budget))).toBeLessThanOrEqual(budget)
  })
})

describe('progress lines, and the totals line the summary leads with', () => {
  const capture = () => {
    const lines: string[] = []
    return {
      lines,
      log: {
        info: (l: string) => lines.push(l),
        warning: (l: string) => lines.push(`warning: ${l}`),
        error: (l: string) => lines.push(`error: ${l}`),
      },
    }
  }
  const many = (n: number) => Array.from({ length: n }, (_, i) => new MemoryDestination(`github:repo/acme/r${i}`))

  it('preflight, dry run and writes each say when they start and report about every 10%; the run ends with the totals, failures first', async () => {
    const dry = capture()
    const planned = await run({ 'dry-run': 'true' }, new MemoryIssuer(), many(45), { log: dry.log })
    expect(dry.lines[0]).toBe('preflight: checking 45 destinations')
    const tenths = [5, 10, 15, 20, 25, 30, 35, 40, 45]
    expect(dry.lines.filter((l) => l.startsWith('progress:'))).toEqual([
      ...tenths.map((n) => `progress: ${n}/45 destinations preflighted`),
      ...tenths.map((n) => `progress: ${n}/45 destinations planned`),
    ])
    expect(dry.lines).toContain('dry run: planning 45 destinations')
    expect(summaryText(planned)[1]).toBe('  45 destinations: 45 would create')

    const real = capture()
    const dests = many(203)
    for (const i of [7, 100, 202]) dests[i]!.writeError = new ApiError('github: PUT -> 422 "bad"', 'github', 422)
    const report = await run({ mode: 'create' }, new MemoryIssuer(), dests, { log: real.log })
    expect(report.outcome).toBe('failed')
    expect(real.lines).toContain('writing to 203 destinations')
    expect(real.lines.filter((l) => / destinations written$/.test(l))).toHaveLength(10)
    expect(real.lines.filter((l) => / destinations written$/.test(l)).at(-1)).toBe(
      'progress: 203/203 destinations written',
    )
    expect(summaryText(report)[1]).toBe('  203 destinations: 3 failed, 200 created')
  })

  it('small runs print no progress lines; the summary still leads with the totals', async () => {
    const small = capture()
    const report = await run({}, new MemoryIssuer(), three(), { log: small.log })
    expect(small.lines.filter((l) => /destinations/.test(l))).toEqual([])
    expect(summaryText(report)[1]).toBe('  3 destinations: 3 created')
  })
})
