/**
 * `npm run bench [-- --destinations N] [--time-scale S] [--latency MS] [--writes-per-minute W] [--token-per run|line] [--engine dist|src]`:
 * rotates one Rack Gateway token (with `--token-per line`, one per line: N + 3 tokens) into N GitHub
 * repository secrets plus one org secret, one CircleCI context and one GitLab group, against the emulators (their own process: scripts/bench-emulators.ts)
 * with GitHub's budget enforced - 900 points a minute, GET 1 / PUT 5, 5,000 requests an hour - and
 * 20 ms latency. `--writes-per-minute` adds a limit GitHub does not publish (its content-creation
 * limit, ~80 writes a minute), answered like a secondary limit. Time is scaled: with S = 60 a budget
 * minute lasts one second, on both sides. The engine runs in a third process, plain `node` on the
 * committed bundle (dist/: run `npm run build` after changing src/, or pass `--engine src`).
 *
 * The last line is one JSON object: `floor_s` is the least time the limits allow for the GitHub
 * requests the server accepted (points, the hourly quota, and the writes limit when set), scaled the
 * same way; `rate_limited` counts the limited answers GitHub gave; `peak_rss_mb` is the engine
 * process's peak RSS (Node, the bundle and the run), `rss_before_run_mb` its RSS once the engine loaded.
 */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    destinations: { type: 'string', default: '1000' },
    'time-scale': { type: 'string' },
    latency: { type: 'string', default: '20' },
    'writes-per-minute': { type: 'string' },
    engine: { type: 'string', default: 'dist' },
    'token-per': { type: 'string', default: 'run' },
  },
})
const tokenPer = values['token-per']!
if (tokenPer !== 'run' && tokenPer !== 'line') throw new Error('--token-per: run or line')
const n = Number(values.destinations)
// Large runs are bounded by the hourly limit: scale further so they finish in minutes.
const scale = Number(values['time-scale'] ?? (n > 2000 ? 600 : 60))
const wpm = values['writes-per-minute'] === undefined ? undefined : Number(values['writes-per-minute'])
if (wpm !== undefined && !(wpm > 0)) throw new Error('--writes-per-minute: a positive number')
if (values.engine !== 'dist' && values.engine !== 'src') throw new Error('--engine: dist or src')
const out = (line: string) => process.stdout.write(`${line}\n`)
const script = (name: string) => new URL(`./${name}`, import.meta.url).pathname

function jsonLines(child: ReturnType<typeof spawn>): () => Promise<unknown> {
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]()
  return async () => JSON.parse((await lines.next()).value as string)
}

const emulators = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    script('bench-emulators.ts'),
    '--destinations',
    String(n),
    '--time-scale',
    String(scale),
    '--latency',
    values.latency!,
    ...(wpm ? ['--writes-per-minute', String(wpm)] : []),
    '--token-per',
    tokenPer,
  ],
  { stdio: ['pipe', 'pipe', 'inherit'] },
)
const fromEmulators = jsonLines(emulators)
const emu = (await fromEmulators()) as {
  github: string
  rackGateway: string
  circleci: string
  gitlab: string
  admin: string
  repos: string[]
}

const inputs = {
  issuer: 'rack-gateway',
  'issuer-url': emu.rackGateway,
  'issuer-token': emu.admin,
  'token-name': 'bench',
  'token-role': 'cicd',
  'token-per': tokenPer,
  'github-token': 'github_pat_bench',
  'github-api-url': emu.github,
  'circleci-token': 'circle-bench',
  'circleci-url': emu.circleci,
  'gitlab-token': 'glpat-bench',
  'gitlab-url': emu.gitlab,
  destinations: [
    ...emu.repos.map((r) => `github:repo/bench/${r}`),
    'github:org/bench?visibility=all',
    'circleci:context/gh/bench/rwx',
    'gitlab:group/bench',
  ].join('\n'),
}
const engine = spawn(
  process.execPath,
  [
    ...(values.engine === 'src' ? ['--import', 'tsx'] : []),
    script('bench-engine.mjs'),
    ...(values.engine === 'src' ? ['--src'] : []),
  ],
  { stdio: ['pipe', 'pipe', 'inherit'] },
)
engine.stdin.end(`${JSON.stringify({ inputs, timeScale: scale })}\n`)
const run = (await jsonLines(engine)()) as {
  outcome: string
  concurrency: number
  statuses: Record<string, number>
  elapsedS: number
  baselineRss: number
  peakRss: number
  endHeapUsed: number
  peakHeap: number
  endExternal: number
}

emulators.stdin!.write('stats\n')
const seen = (await fromEmulators()) as {
  githubRequests: number
  repoRequests: number
  points: number
  writes: number
  rateLimited: number
  allRequests: number
  reposHoldingNewToken: number
  gitlabHolds: boolean
  circleciHolds: boolean
}
emulators.stdin!.end()

const minute = 60 / scale
const hour = 3600 / scale
// Points: the budget refills evenly; writes: the same, at the undisclosed rate; requests: the hourly allowance renews each hour.
const floor = Math.max(
  (seen.points / 900) * minute,
  wpm ? (seen.writes / wpm) * minute : 0,
  Math.max(0, Math.ceil(seen.githubRequests / 5000) - 1) * hour,
)
const written = (run.statuses.created ?? 0) + (run.statuses.updated ?? 0)
const failed =
  n + 3 - written + (n - seen.reposHoldingNewToken) + (seen.gitlabHolds ? 0 : 1) + (seen.circleciHolds ? 0 : 1)
const mb = (bytes: number) => Number((bytes / 2 ** 20).toFixed(1))
const elapsed = run.elapsedS

out('')
out(
  '| destinations | token-per | writes/min limit | outcome | GitHub requests | per repo | points | rate limited | elapsed s | floor s | ratio | peak RSS MB |',
)
out('|---|---|---|---|---|---|---|---|---|---|---|---|')
out(
  `| ${n} + 3 | ${tokenPer} | ${wpm ?? 'none'} | ${run.outcome} | ${seen.githubRequests} | ${(seen.repoRequests / n).toFixed(2)} | ${seen.points} | ${seen.rateLimited} | ${elapsed.toFixed(2)} | ${floor.toFixed(2)} | ${(elapsed / floor).toFixed(3)} | ${mb(run.peakRss)} |`,
)
out(
  `engine: ${values.engine === 'dist' ? 'node on dist/ (the bundle)' : 'tsx on src/'}; RSS once loaded ${mb(run.baselineRss)} MB, peak ${mb(run.peakRss)} MB; JS heap peak ${mb(run.peakHeap)} MB (sampled), at the end ${mb(run.endHeapUsed)} MB, off-heap ${mb(run.endExternal)} MB`,
)
out(
  `time scale ${scale} (a budget minute = ${minute.toFixed(3)} s), latency ${values.latency} ms, concurrency ${run.concurrency}; every repository holds the new token: ${seen.reposHoldingNewToken === n}`,
)
out(
  JSON.stringify({
    destinations: n,
    token_per: tokenPer,
    writes_per_minute: wpm ?? null,
    requests: seen.allRequests,
    elapsed_s: Number(elapsed.toFixed(3)),
    floor_s: Number(floor.toFixed(3)),
    ratio: Number((elapsed / floor).toFixed(3)),
    failed,
    rate_limited: seen.rateLimited,
    engine: values.engine,
    rss_before_run_mb: mb(run.baselineRss),
    peak_rss_mb: mb(run.peakRss),
  }),
)
if (run.outcome !== 'rotated' || failed) process.exitCode = 1
