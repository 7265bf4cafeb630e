/**
 * `token-per: line` end to end through dist/: one token per destination line, each line its own
 * rotation set with its own previous tokens and its own settle (issue 18's "done when").
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { runAction, runCli } from './helpers/run-dist.js'
import { ACCOUNTS, useWorld, type ScenarioSpec } from './helpers/world.js'

const world = useWorld()
const { gh, rgw, gl, cci } = world
let admin: string
let n = 0
let name: string

beforeEach(() => {
  admin = rgw.addAdminToken()
  // Every test its own rotation set name, so sets never meet across tests.
  name = `per-line-${++n}`
})

const LINES = ['github:repo/acme/api', 'gitlab:group/acme']
/** Two lines, one token each; `spec` adds faults or changes lines and inputs. */
const inputs = (extra: Record<string, string> = {}, spec: Partial<ScenarioSpec> = {}) =>
  world.scenario({
    destinations: LINES,
    repos: { 'acme/api': {} },
    ...spec,
    inputs: { 'issuer-token': admin, 'token-name': name, 'token-per': 'line', ...extra },
  })

interface SetEntry {
  set: string
  line: string
  tokenId: string
  tokenName: string
  outcome: string
  revokedIds: string[]
}
const setsOf = (outputs: Record<string, string>) => JSON.parse(outputs.sets!) as SetEntry[]
const github = () => gh.secretValue({ repo: 'acme/api' }, 'RACK_GATEWAY_API_TOKEN')!
const gitlab = () => gl.variable('group', 'acme', 'RACK_GATEWAY_API_TOKEN')!.value!
/** Ages every token the gateway holds by a day: the next rotation is past the overlap grace. */
const nextDay = () => rgw.passTime(1)

describe('token-per: line (one token per integration)', () => {
  it('two lines get two tokens; the second rotation revokes each line its own previous token and nothing else', async () => {
    // A token of the run-wide set (token-per: run) exists already: no line's rotation touches it.
    const shared = await runAction(inputs({ 'token-per': 'run', destinations: 'github:repo/acme/api' }))
    expect(shared.code, shared.log).toBe(0)

    const first = await runAction(inputs())
    expect(first.code, first.log).toBe(0)
    expect(first.outputs.outcome).toBe('rotated')
    expect(first.outputs['token-id']).toBe('')
    const sets = setsOf(first.outputs)
    expect(sets.map((s) => s.line)).toEqual(LINES)
    expect(new Set(sets.map((s) => s.tokenId)).size).toBe(2)
    // Each set's name says which integration it serves, under the run's name.
    expect(sets[0]!.tokenName).toMatch(
      new RegExp(`^${name}\\.github\\.repo\\.acme\\.api\\.[0-9a-f]{6}-\\d{14}-[0-9a-f]{6}$`),
    )
    expect(sets[1]!.tokenName).toMatch(
      new RegExp(`^${name}\\.gitlab\\.group\\.acme\\.[0-9a-f]{6}-\\d{14}-[0-9a-f]{6}$`),
    )
    const [ghToken, glToken] = [github(), gitlab()]
    expect(ghToken).not.toBe(glToken)
    expect(rgw.isValid(ghToken) && rgw.isValid(glToken)).toBe(true)
    const report = JSON.parse(first.outputs.report!)
    // Every destination says its set, and holds that set's token (compared by fingerprint).
    for (const d of report.destinations) {
      const set = report.sets.find((s: { name: string }) => s.name === d.set)
      expect(d.holds).toBe(set.token.fingerprint)
    }

    nextDay()
    const second = await runAction(inputs())
    expect(second.code, second.log).toBe(0)
    const again = setsOf(second.outputs)
    // The same lines, written in another order with a comment, are the same sets.
    expect(again.map((s) => s.set)).toEqual(sets.map((s) => s.set))
    expect(again.map((s) => s.revokedIds)).toEqual(sets.map((s) => [s.tokenId]))
    expect(JSON.parse(second.outputs['revoked-ids']!).sort()).toEqual(sets.map((s) => s.tokenId).sort())
    expect(rgw.isValid(ghToken) || rgw.isValid(glToken)).toBe(false)
    expect(rgw.isValid(github()) && rgw.isValid(gitlab())).toBe(true)
    expect(rgw.tokens().some((t) => t.public_id === shared.outputs['token-id'])).toBe(true)

    nextDay()
    const reordered = await runAction(inputs({ destinations: `# reordered\n\n${[...LINES].reverse().join('\n')}\n` }))
    expect(reordered.code, reordered.log).toBe(0)
    expect(
      setsOf(reordered.outputs)
        .map((s) => s.set)
        .sort(),
    ).toEqual(sets.map((s) => s.set).sort())
  })

  it('a line whose destination refuses the write keeps its previous token valid while the other line rotates and revokes', async () => {
    const first = await runAction(inputs())
    expect(first.code, first.log).toBe(0)
    const [ghSet, glSet] = setsOf(first.outputs)
    const heldByGitHub = github()
    nextDay()
    const second = await runAction(
      inputs({}, { faults: { github: [{ match: /^PUT \/repos\/acme\/api\//, rate: 1, kind: 422 }] } }),
    )
    expect(second.code).toBe(1)
    expect(second.outputs.outcome).toBe('failed')
    const [ghAfter, glAfter] = setsOf(second.outputs)
    expect(ghAfter!.outcome).toBe('failed')
    expect(ghAfter!.revokedIds).toEqual([])
    expect(glAfter!.outcome).toBe('rotated')
    expect(glAfter!.revokedIds).toEqual([glSet!.tokenId])
    // The refused line still holds its previous token, and it is still valid.
    expect(github()).toBe(heldByGitHub)
    expect(rgw.isValid(heldByGitHub)).toBe(true)
    expect(rgw.tokens().some((t) => t.public_id === ghSet!.tokenId)).toBe(true)
    const report = JSON.parse(second.outputs.report!)
    expect(report.error).toMatch(/1 of 2 rotation sets failed: github:repo\/acme\/api: /)
    expect(report.destinations.find((d: { id: string }) => d.id === 'github:repo/acme/api')).toMatchObject({
      status: 'failed',
      set: ghSet!.set,
      detail: expect.stringContaining('422'),
    })
    expect(second.summary).toContain('github:repo/acme/api')
  })

  it('audit lists every set, and finds the tokens of a line that was removed', async () => {
    const first = await runAction(inputs())
    expect(first.code, first.log).toBe(0)
    const [ghSet, glSet] = setsOf(first.outputs)
    const args = [
      'audit',
      '--issuer',
      'rack-gateway',
      '--issuer-url',
      rgw.url,
      '--token-name',
      name,
      '--token-per',
      'line',
    ]
    const env = { TOKEN_ACTION_ISSUER_TOKEN: admin }
    const both = await runCli([...args, '--destinations', LINES.join('\n'), '--json'], { env })
    expect(both.code, both.log).toBe(0)
    const report = JSON.parse(both.stdout)
    expect(report.sets.map((s: { line: string }) => s.line)).toEqual(LINES)
    expect(report.audit.tokens.map((t: { id: string }) => t.id).sort()).toEqual([ghSet!.tokenId, glSet!.tokenId].sort())
    expect(report.audit.findings.filter((f: { kind: string }) => f.kind === 'orphan-set')).toEqual([])

    // The GitLab line is gone from the inputs: its token is still valid, and the audit says so.
    const one = await runCli([...args, '--destinations', LINES[0]!, '--json', '--fail-on-findings'], { env })
    expect(one.code, one.stdout).toBe(1)
    const findings = JSON.parse(one.stdout).audit.findings.filter((f: { kind: string }) => f.kind === 'orphan-set')
    expect(findings).toMatchObject([{ id: glSet!.tokenId, kind: 'orphan-set' }])
    expect(findings[0].detail).toMatch(/serves no current destination line/)
  })

  it.each([
    ['distribute', { mode: 'distribute', token: 'rgw_given_token_value_000000000000' }],
    ['ephemeral', { mode: 'ephemeral', destinations: '' }],
  ])('%s with token-per: line exits 2 naming the input, before any request', async (_mode, extra) => {
    const before = [gh, rgw, gl, cci].map((e) => e.requests.length)
    const run = await runAction(inputs(extra))
    expect(run.code).toBe(2)
    expect(run.log).toMatch(/token-per: line mints one token per destination line/)
    expect([gh, rgw, gl, cci].map((e) => e.requests.length)).toEqual(before)
  })

  it('bad token-per values are refused naming the input', async () => {
    const run = await runCli(
      ['rotate', '--issuer', 'rack-gateway', '--issuer-url', rgw.url, '--token-name', name, '--token-per', 'repo'],
      { env: { TOKEN_ACTION_ISSUER_TOKEN: admin, GITHUB_TOKEN: ACCOUNTS.githubToken } },
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/token-per.*must be run .* or line/)
  })
})
