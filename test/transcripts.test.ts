/**
 * Request transcripts: a few sequential runs (concurrency 1) as the services saw them - `METHOD path
 * -> status` in order across every emulator - plus the summary a person reads, snapshotted. They pin
 * the request sequence, so an extra read in a dry run or a write before preflight shows up as a diff.
 * Ids, ports, timestamps and key ids are normalised; nothing else is.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { silentLogger } from '../src/shared/log.js'
import { buildPlan, type Inputs } from '../src/plan/plan.js'
import { type Report } from '../src/report/report.js'
import { summaryText } from '../src/report/text.js'
import { runPlan } from '../src/engine/run.js'
import type { Emulator } from './emulators/base.js'
import { useWorld } from './helpers/world.js'

const world = useWorld()
const { gh, rgw, cci, gl } = world
beforeAll(() => {
  gh.addRepo('acme', 'api', { environments: ['production'] })
})

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi

function normalise(text: string): string {
  return text
    .replace(UUID, '<uuid>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>')
    .replace(/-\d{14}-[0-9a-f]{6}\b/g, '-<stamp>')
    .replace(/hmac-sha256:[0-9a-f]{16}/g, 'hmac-sha256:<print>')
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>')
}

const WRITE = / (PUT|POST|PATCH|DELETE) /
/** Writes to a destination (every service but the issuer). */
const destinationWrites = (lines: string[]) => lines.filter((l) => WRITE.test(l) && !l.startsWith('rgw'))
const first = (lines: string[], re: RegExp) => lines.findIndex((l) => re.test(l))
const last = (lines: string[], re: RegExp) => lines.length - 1 - [...lines].reverse().findIndex((l) => re.test(l))

/** Runs one rotation and returns what every service saw, in order, and the summary. */
async function transcript(name: string, inputs: Inputs): Promise<{ report: Report; text: string; lines: string[] }> {
  const services: [string, Emulator][] = [
    ['rgw', rgw],
    ['github', gh],
    ['circleci', cci],
    ['gitlab', gl],
  ]
  const from = new Map(services.map(([, e]) => [e, e.requests.length]))
  const plan = buildPlan(world.inputs({ 'token-name': name, concurrency: '1', ...inputs }))
  const report = await runPlan(plan, { log: silentLogger, context: { overlapGraceMs: 0 } })
  const lines = services
    .flatMap(([label, e]) =>
      e.requests
        .slice(from.get(e))
        .map((r) => ({ seq: r.seq, line: `${label.padEnd(8)} ${r.method} ${r.path}${r.query} -> ${r.status}` })),
    )
    .sort((a, b) => a.seq - b.seq)
    .map((r) => r.line)
  return { report, lines, text: normalise([...lines, '', ...summaryText(report)].join('\n')) }
}

describe('request transcripts (concurrency 1)', () => {
  const destinations =
    'github:repo/acme/api\ngithub:env/acme/api/production\ngithub:org/acme?visibility=all\ncircleci:context/gh/acme/rwx\ngitlab:group/acme'

  it('a dry run reads what it needs once and writes nothing', async () => {
    const { text, lines } = await transcript('transcript-dry', { destinations, 'dry-run': 'true' })
    expect(destinationWrites(lines)).toEqual([])
    // At the issuer: the list and the check of the credential's rights, nothing minted or revoked.
    expect(lines.filter((l) => l.startsWith('rgw') && / -> 2\d\d$/.test(l) && WRITE.test(l))).toEqual([])
    expect(text).toMatchSnapshot()
  })

  it('a rotation: preflight, list, rights, mint, verify, write, revoke - in that order', async () => {
    await transcript('transcript-rotate', { destinations })
    const { report, text, lines } = await transcript('transcript-rotate', { destinations })
    expect(report.outcome).toBe('rotated')
    const mint = first(lines, /^rgw +POST \/api\/v1\/api-tokens -> 2\d\d$/)
    const verify = first(lines, /^rgw +GET \/api\/v1\/info -> 200$/)
    const writes = destinationWrites(lines).map((w) => lines.indexOf(w))
    const revoke = first(lines, /^rgw +DELETE .* -> 204$/)
    // Preflight reads every destination before the mint; writes follow the verify; the revoke comes last.
    expect(last(lines, /^github +GET .*public-key/)).toBeLessThan(mint)
    expect(first(lines, /^rgw +GET \/api\/v1\/api-tokens/)).toBeLessThan(mint)
    expect(mint).toBeLessThan(verify)
    expect(Math.min(...writes)).toBeGreaterThan(verify)
    expect(revoke).toBeGreaterThan(Math.max(...writes))
    expect(text).toMatchSnapshot()
  })

  it('a refused write: nothing old is revoked', async () => {
    gh.setFaults([{ match: /^PUT \/orgs\/acme\//, rate: 1, kind: 422 }])
    try {
      const { report, text, lines } = await transcript('transcript-rotate', { destinations })
      expect(report.outcome).toBe('failed')
      expect(lines.filter((l) => /^rgw +DELETE .* -> 204$/.test(l))).toEqual([])
      expect(text).toMatchSnapshot()
    } finally {
      gh.setFaults([])
    }
  })
})
