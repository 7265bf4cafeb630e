/**
 * `npm run bench [-- --destinations N] [--time-scale S] [--latency MS]`: rotates one Rack Gateway
 * token into N GitHub repository secrets plus one org secret, one CircleCI context and one GitLab
 * group, against the emulators (in a child process: scripts/bench-emulators.ts) with GitHub's budget
 * enforced - 900 points a minute, GET 1 / PUT 5, 5,000 requests an hour - and 20 ms latency. Time is
 * scaled: with S = 60 a budget minute lasts one second, on both sides. The last line is one JSON
 * object; `floor_s` is the least time GitHub's published budget allows for the GitHub requests made
 * (scaled the same way); `peak_rss_mb` is this process: the engine (plus the tsx loader).
 */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { silentLogger } from '../src/log.js'
import { buildPlan } from '../src/plan.js'
import { runPlan } from '../src/runner.js'

const { values } = parseArgs({ options: { destinations: { type: 'string', default: '1000' }, 'time-scale': { type: 'string' }, latency: { type: 'string', default: '20' } } })
const n = Number(values.destinations)
// Large runs are bounded by the hourly limit: scale further so they finish in minutes.
const scale = Number(values['time-scale'] ?? (n > 2000 ? 600 : 60))
const out = (line: string) => process.stdout.write(`${line}\n`)

const child = spawn(process.execPath, ['--import', 'tsx', new URL('./bench-emulators.ts', import.meta.url).pathname, '--destinations', String(n), '--time-scale', String(scale), '--latency', values.latency!], { stdio: ['pipe', 'pipe', 'inherit'] })
const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
const next = async () => JSON.parse((await lines.next()).value as string)

const emu = (await next()) as { github: string; rackGateway: string; circleci: string; gitlab: string; admin: string; repos: string[] }
const plan = buildPlan({
  issuer: 'rack-gateway',
  'issuer-url': emu.rackGateway,
  'issuer-token': emu.admin,
  'token-role': 'cicd',
  'github-token': 'github_pat_bench',
  'github-api-url': emu.github,
  'circleci-token': 'circle-bench',
  'circleci-url': emu.circleci,
  'gitlab-token': 'glpat-bench',
  'gitlab-url': emu.gitlab,
  destinations: [...emu.repos.map((r) => `github:repo/bench/${r}`), 'github:org/bench?visibility=all', 'circleci:context/gh/bench/rwx', 'gitlab:group/bench'].join('\n'),
})

let peakRss = process.memoryUsage().rss
const baselineRss = peakRss
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)
const progress = { ...silentLogger, info: (l: string) => l.startsWith('progress:') && out(`  ${l}`) }
const started = performance.now()
const report = await runPlan(plan, { log: progress, context: { githubBudget: { pointsPerWindow: 900, windowMs: 60_000 / scale } } })
const elapsed = (performance.now() - started) / 1000
clearInterval(sampler)
peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024)

child.stdin.write('stats\n')
const seen = (await next()) as { githubRequests: number; repoRequests: number; points: number; rateLimited: number; allRequests: number; reposHoldingNewToken: number; gitlabHolds: boolean; circleciHolds: boolean }
child.stdin.end()

const minute = 60 / scale
const hour = 3600 / scale
// Points: the budget refills evenly; requests: the hourly allowance renews each hour.
const floor = Math.max((seen.points / 900) * minute, Math.max(0, Math.ceil(seen.githubRequests / 5000) - 1) * hour)
const failed = report.destinations.filter((d) => d.status !== 'created' && d.status !== 'updated').length + (n - seen.reposHoldingNewToken) + (seen.gitlabHolds ? 0 : 1) + (seen.circleciHolds ? 0 : 1)
const mb = (peakRss / 2 ** 20).toFixed(1)

out('')
out('| destinations | outcome | GitHub requests | per repo | points | rate limited | elapsed s | floor s | ratio | peak RSS MB |')
out('|---|---|---|---|---|---|---|---|---|---|')
out(`| ${n} + 3 | ${report.outcome} | ${seen.githubRequests} | ${(seen.repoRequests / n).toFixed(2)} | ${seen.points} | ${seen.rateLimited} | ${elapsed.toFixed(2)} | ${floor.toFixed(2)} | ${(elapsed / floor).toFixed(3)} | ${mb} |`)
out(`RSS before the run ${(baselineRss / 2 ** 20).toFixed(1)} MB (Node, the tsx loader, the modules)`)
out(`time scale ${scale} (a budget minute = ${minute.toFixed(3)} s), latency ${values.latency} ms, concurrency ${plan.concurrency}; every repository holds the new token: ${seen.reposHoldingNewToken === n}`)
out(JSON.stringify({ destinations: n, requests: seen.allRequests, elapsed_s: Number(elapsed.toFixed(3)), floor_s: Number(floor.toFixed(3)), ratio: Number((elapsed / floor).toFixed(3)), failed, rate_limited: seen.rateLimited, peak_rss_mb: Number(mb) }))
if (report.outcome !== 'rotated' || failed) process.exitCode = 1
