/**
 * `npm run bench:startup [-- --runs N] [--node PATH]`: cold start of the committed bundle against
 * `node -e 0`, on the runner's Node (24; fetched with `npm exec --package=node@24` unless --node is
 * given). Three commands, interleaved run by run so machine noise hits them alike: `node -e 0`,
 * `node dist/cli.js --help`, and the Action's input-validation path (`node dist/index.js` with a bad
 * `issuer` input: exit 2). Prints medians and the ratios to `node -e 0`, measured in this one run,
 * and a JSON line last.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '40' }, node: { type: 'string' } } })
const runs = Number(values.runs)
const root = resolve(import.meta.dirname, '..')
const node =
  values.node ??
  execFileSync('npm', ['exec', '--yes', '--package=node@24', '--', 'node', '-p', 'process.execPath'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim()
const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
// Only what a runner gives (no INPUT_* or TOKEN_ACTION_* from this shell).
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }

const commands = [
  { name: 'node -e 0', args: ['-e', '0'], env, exit: 0 },
  { name: 'node dist/cli.js --help', args: ['dist/cli.js', '--help'], env, exit: 0 },
  {
    name: 'node dist/index.js (bad input, exit 2)',
    args: ['dist/index.js'],
    env: { ...env, INPUT_ISSUER: 'bogus' },
    exit: 2,
  },
]

function once(c: (typeof commands)[number]): number {
  const started = process.hrtime.bigint()
  const r = spawnSync(node, c.args, { cwd: root, env: c.env, stdio: 'ignore' })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (r.status !== c.exit) throw new Error(`${c.name}: exit ${r.status}, expected ${c.exit}`)
  return ms
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

for (let i = 0; i < 3; i++) for (const c of commands) once(c) // warm the file cache
const times = commands.map(() => [] as number[])
for (let i = 0; i < runs; i++) commands.forEach((c, k) => times[k]!.push(once(c)))
const medians = times.map(median)
const base = medians[0]!
const out = (line: string) => process.stdout.write(`${line}\n`)
out(`Node ${version}, ${runs} runs each, interleaved; median wall time of a spawn`)
out('| command | median ms | ratio to node -e 0 |')
out('|---|---|---|')
commands.forEach((c, k) => out(`| ${c.name} | ${medians[k]!.toFixed(1)} | ${(medians[k]! / base).toFixed(2)} |`))
out(
  JSON.stringify({
    node: version,
    runs,
    node_e0_ms: Number(base.toFixed(1)),
    cli_help_ms: Number(medians[1]!.toFixed(1)),
    action_bad_input_ms: Number(medians[2]!.toFixed(1)),
    cli_help_ratio: Number((medians[1]! / base).toFixed(2)),
    action_bad_input_ratio: Number((medians[2]! / base).toFixed(2)),
  }),
)
