// The benchmark's engine process: plain `node`, no tsx, running the committed bundle (dist/) - or,
// with `--engine src`, the TypeScript sources under tsx. Reads one JSON line on stdin ({inputs,
// timeScale}), runs the plan with GitHub's budget window scaled, forwards progress and rate-limit
// lines to stderr, and prints one JSON line: outcome, destination statuses, elapsed time, and this
// process's RSS (after loading the engine, and its peak) and, at the end, its heap and off-heap use.
import { performance } from 'node:perf_hooks'
import { createInterface } from 'node:readline'

const fromSrc = process.argv.includes('--src')
const { engine } = await import(fromSrc ? '../src/bundle.ts' : '../dist/bundle/bundle.js')
const { buildPlan, runPlan } = await engine()

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]()
const { inputs, timeScale } = JSON.parse((await lines.next()).value)
const plan = buildPlan(inputs, {})
const baselineRss = process.memoryUsage().rss
const log = {
  info: (line) => (line.startsWith('progress:') || /rate limit/.test(line)) && process.stderr.write(`  ${line}\n`),
  warning: (line) => process.stderr.write(`  warning: ${line}\n`),
  error: (line) => process.stderr.write(`  error: ${line}\n`),
}
let peakHeap = 0
const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 100)
const started = performance.now()
const report = await runPlan(plan, {
  log,
  context: { githubBudget: { pointsPerWindow: 900, windowMs: 60_000 / timeScale } },
})
const elapsedS = (performance.now() - started) / 1000
const memory = process.memoryUsage()
clearInterval(sampler)
const statuses = {}
for (const d of report.destinations) statuses[d.status] = (statuses[d.status] ?? 0) + 1
process.stdout.write(
  `${JSON.stringify({ outcome: report.outcome, concurrency: plan.concurrency, statuses, elapsedS, baselineRss, peakRss: process.resourceUsage().maxRSS * 1024, endHeapUsed: memory.heapUsed, peakHeap, endExternal: memory.external + memory.arrayBuffers })}\n`,
)
