/**
 * `npm run bench [-- --destinations N] [--time-scale S]`: rotates one Rack Gateway token into N GitHub
 * repository secrets plus one org secret, one CircleCI context and one GitLab group, against the
 * emulators with GitHub's budget enforced (900 points a minute, GET 1 / PUT 5, 5,000 requests an hour)
 * and 20 ms latency. Time is scaled: with S = 60 a budget minute lasts one second, on both sides.
 * The last line is one JSON object; `floor_s` is the least time GitHub's published budget allows for
 * the GitHub requests made (scaled the same way).
 */
import { parseArgs } from 'node:util'
import { silentLogger } from '../src/log.js'
import { buildPlan } from '../src/plan.js'
import { runPlan } from '../src/runner.js'
import { CircleCIEmulator } from '../test/emulators/circleci.js'
import { GitHubEmulator } from '../test/emulators/github.js'
import { GitLabEmulator } from '../test/emulators/gitlab.js'
import { RackGatewayEmulator } from '../test/emulators/rack-gateway.js'

const { values } = parseArgs({ options: { destinations: { type: 'string', default: '1000' }, 'time-scale': { type: 'string' }, latency: { type: 'string', default: '20' } } })
const n = Number(values.destinations)
// Large runs are bounded by the hourly limit: scale further so they finish in minutes.
const scale = Number(values['time-scale'] ?? (n > 2000 ? 600 : 60))
const latencyMs = Number(values.latency)
const out = (line: string) => process.stdout.write(`${line}\n`)

async function main(): Promise<void> {
  const gh = new GitHubEmulator({ latencyMs, budget: { timeScale: scale } })
  const rgw = new RackGatewayEmulator({ latencyMs })
  const cci = new CircleCIEmulator({ latencyMs })
  const gl = new GitLabEmulator({ latencyMs })
  const emulators = [gh, rgw, cci, gl]
  await Promise.all(emulators.map((e) => e.start()))
  let peakRss = process.memoryUsage().rss
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)
  try {
    gh.addToken('github_pat_bench', { login: 'bench' })
    gh.addOrg('bench')
    const lines: string[] = []
    for (let i = 1; i <= n; i++) {
      const name = `r${String(i).padStart(5, '0')}`
      gh.addRepo('bench', name)
      lines.push(`github:repo/bench/${name}`)
    }
    cci.addOrg('gh/bench')
    cci.addToken('circle-bench', { orgs: ['gh/bench'] })
    gl.addGroup('bench')
    gl.addToken('glpat-bench', { username: 'bench', access: { bench: 50 } })
    lines.push('github:org/bench?visibility=all', 'circleci:context/gh/bench/rwx', 'gitlab:group/bench')
    const plan = buildPlan({
      issuer: 'rack-gateway',
      'issuer-url': rgw.url,
      'issuer-token': rgw.addAdminToken(),
      'token-role': 'cicd',
      'github-token': 'github_pat_bench',
      'github-api-url': gh.url,
      'circleci-token': 'circle-bench',
      'circleci-url': cci.url,
      'gitlab-token': 'glpat-bench',
      'gitlab-url': gl.url,
      destinations: lines.join('\n'),
    })
    const progress = { ...silentLogger, info: (l: string) => l.startsWith('progress:') && out(`  ${l}`) }
    const started = performance.now()
    const report = await runPlan(plan, { log: progress, context: { githubBudget: { pointsPerWindow: 900, windowMs: 60_000 / scale } } })
    const elapsed = (performance.now() - started) / 1000

    const ghRequests = gh.requests.filter((r) => r.status > 0)
    const points = ghRequests.reduce((sum, r) => sum + (r.method === 'GET' ? 1 : 5), 0)
    const minute = 60 / scale
    const hour = 3600 / scale
    // Points: the budget refills evenly; requests: the hourly allowance renews each hour.
    const floor = Math.max((points / 900) * minute, Math.max(0, Math.ceil(ghRequests.length / 5000) - 1) * hour)
    const repoRequests = ghRequests.filter((r) => r.path.startsWith('/repos/bench/')).length
    const failed = report.destinations.filter((d) => d.status !== 'created' && d.status !== 'updated').length
    peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024)
    const allRequests = emulators.reduce((sum, e) => sum + e.requests.length, 0)

    out('')
    out(`| destinations | outcome | GitHub requests | per repo | points | rate limited | elapsed s | floor s | ratio | peak RSS MB |`)
    out(`|---|---|---|---|---|---|---|---|---|---|`)
    out(`| ${n} + 3 | ${report.outcome} | ${ghRequests.length} | ${(repoRequests / n).toFixed(2)} | ${points} | ${gh.rateLimited} | ${elapsed.toFixed(2)} | ${floor.toFixed(2)} | ${(elapsed / floor).toFixed(3)} | ${(peakRss / 2 ** 20).toFixed(0)} |`)
    out(`time scale ${scale} (a budget minute = ${minute.toFixed(3)} s), latency ${latencyMs} ms, concurrency ${plan.concurrency}, all emulator requests ${allRequests}`)
    out(
      JSON.stringify({
        destinations: n,
        requests: allRequests,
        elapsed_s: Number(elapsed.toFixed(3)),
        floor_s: Number(floor.toFixed(3)),
        ratio: Number((elapsed / floor).toFixed(3)),
        failed,
        rate_limited: report.requests.rateLimited,
        peak_rss_mb: Number((peakRss / 2 ** 20).toFixed(1)),
      }),
    )
    if (report.outcome !== 'rotated') process.exitCode = 1
  } finally {
    clearInterval(sampler)
    await Promise.all(emulators.map((e) => e.close()))
  }
}

await main()
