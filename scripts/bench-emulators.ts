/**
 * The benchmark's emulators, in their own process so the benchmark's RSS is token-action's, not
 * theirs. Prints one JSON line with their URLs and credentials; on a line "stats" on stdin, prints
 * what GitHub saw (requests, accepted points and writes, rate-limited answers, whether every repository holds the
 * token the run minted) and exits.
 */
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { CircleCIEmulator } from '../test/emulators/circleci.js'
import { GitHubEmulator } from '../test/emulators/github.js'
import { GitLabEmulator } from '../test/emulators/gitlab.js'
import { RackGatewayEmulator } from '../test/emulators/rack-gateway.js'

const { values } = parseArgs({
  options: {
    destinations: { type: 'string' },
    'time-scale': { type: 'string' },
    latency: { type: 'string' },
    'writes-per-minute': { type: 'string' },
    'token-per': { type: 'string', default: 'run' },
  },
})
const perLine = values['token-per'] === 'line'
const n = Number(values.destinations)
const latencyMs = Number(values.latency)
const writesPerMinute = values['writes-per-minute'] ? Number(values['writes-per-minute']) : undefined
const gh = new GitHubEmulator({
  latencyMs,
  budget: { timeScale: Number(values['time-scale']), ...(writesPerMinute ? { writesPerMinute } : {}) },
})
const rgw = new RackGatewayEmulator({ latencyMs })
const cci = new CircleCIEmulator({ latencyMs })
const gl = new GitLabEmulator({ latencyMs })
const emulators = [gh, rgw, cci, gl]
await Promise.all(emulators.map((e) => e.start()))
const repos = Array.from({ length: n }, (_, i) => `r${String(i + 1).padStart(5, '0')}`)
gh.addToken('github_pat_bench', { login: 'bench' })
gh.addOrg('bench')
for (const r of repos) gh.addRepo('bench', r)
cci.addOrg('gh/bench')
cci.addToken('circle-bench', { orgs: ['gh/bench'] })
gl.addGroup('bench')
gl.addToken('glpat-bench', { username: 'bench', access: { bench: 50 } })
process.stdout.write(
  `${JSON.stringify({ github: gh.url, rackGateway: rgw.url, circleci: cci.url, gitlab: gl.url, admin: rgw.addAdminToken(), repos })}\n`,
)

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() !== 'stats') continue
  const answered = gh.requests.filter((r) => r.status > 0)
  const org = gh.orgSecret('bench', 'RACK_GATEWAY_API_TOKEN')?.value
  const gitlab = gl.variable('group', 'bench', 'RACK_GATEWAY_API_TOKEN')?.value
  const circleci = cci.contextValue('gh/bench', 'rwx', 'RACK_GATEWAY_API_TOKEN')
  // token-per line: every line holds a valid token of its own; else every destination holds the org's.
  const values = repos.map((r) => gh.secretValue({ repo: `bench/${r}` }, 'RACK_GATEWAY_API_TOKEN'))
  const own = (v: string | undefined) =>
    v !== undefined &&
    rgw.isValid(v) &&
    (perLine ? values.indexOf(v) === values.lastIndexOf(v) && v !== org : v === org)
  const holding = values.filter(own).length
  process.stdout.write(
    `${JSON.stringify({
      githubRequests: answered.length,
      repoRequests: answered.filter((r) => r.path.startsWith('/repos/bench/')).length,
      // What the limiter accepted (a limited answer spends nothing).
      points: gh.points,
      writes: gh.acceptedWrites,
      rateLimited: gh.rateLimited,
      allRequests: emulators.reduce((sum, e) => sum + e.requests.length, 0),
      reposHoldingNewToken: holding,
      gitlabHolds: gitlab !== undefined && rgw.isValid(gitlab) && (perLine ? gitlab !== org : gitlab === org),
      circleciHolds: circleci !== undefined && rgw.isValid(circleci) && (perLine ? circleci !== org : circleci === org),
    })}\n`,
  )
  break
}
await Promise.all(emulators.map((e) => e.close()))
