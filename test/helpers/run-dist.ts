/**
 * Runs the committed bundles the way a runner does: `node dist/index.js` with INPUT_* variables
 * (hyphens kept, upper-cased), GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files, then the
 * post step with the saved state. Also runs `dist/cli.js`. Optionally under Node 24.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { checkOutputAgainstFile, checkReport } from './report-schema.js'

export const ROOT = resolve(import.meta.dirname, '..', '..')

export interface RunResult {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
  /** stdout + stderr: what a log viewer would show. */
  log: string
}

/** Parses the `name<<DELIM ... DELIM` blocks @actions/core appends to GITHUB_OUTPUT / GITHUB_STATE. */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!)
    if (m) {
      const body: string[] = []
      while (++i < lines.length && lines[i] !== m[2]) body.push(lines[i]!)
      out[m[1]!] = body.join('\n')
    } else if (lines[i]!.includes('=')) {
      const eq = lines[i]!.indexOf('=')
      out[lines[i]!.slice(0, eq)] = lines[i]!.slice(eq + 1)
    }
  }
  return out
}

export interface SpawnOptions {
  env?: Record<string, string>
  /** Path of the node binary (e.g. Node 24); defaults to the current one. */
  node?: string
  /** Kill with this signal after `killAfterMs`. */
  signal?: { name: NodeJS.Signals; afterMs: number } | { name: NodeJS.Signals; whenStdout: RegExp }
  cwd?: string
}

function baseEnv(): Record<string, string> {
  // Only what a runner would give: no INPUT_* or TOKEN_ACTION_* from the test process leaks in.
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SYSTEMROOT']
  return Object.fromEntries(keep.filter((k) => process.env[k]).map((k) => [k, process.env[k]!]))
}

export function spawnNode(
  script: string,
  args: string[],
  options: SpawnOptions = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(options.node ?? process.execPath, [join(ROOT, script), ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...baseEnv(), ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    let signalled = false
    const sig = options.signal
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString()
      if (sig && 'whenStdout' in sig && !signalled && sig.whenStdout.test(stdout + stderr)) {
        signalled = true
        child.kill(sig.name)
      }
    })
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString()
      if (sig && 'whenStdout' in sig && !signalled && sig.whenStdout.test(stdout + stderr)) {
        signalled = true
        child.kill(sig.name)
      }
    })
    if (sig && 'afterMs' in sig) setTimeout(() => child.kill(sig.name), sig.afterMs)
    child.on('error', reject)
    child.on('close', (code, signal) => resolvePromise({ code: code ?? (signal ? 128 : 1), stdout, stderr }))
  })
}

export function inputEnv(inputs: Record<string, string | undefined>): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(inputs))
    if (v !== undefined) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v
  return env
}

/**
 * Every report a run writes is checked against docs/report.schema.json: the `report` output, the
 * report-file (when this run wrote it) and the CLI's --json; an output and a file of the same run
 * must tell the same story (the output may be the shortened form). A mismatch fails the test.
 */
function checkReports(run: { output?: string; file?: string; cwd?: string; startedMs: number }): void {
  const output = run.output ? checkReport(run.output, 'the report output') : undefined
  if (!run.file) return
  const path = resolve(run.cwd ?? ROOT, run.file)
  // Only a file this run wrote (a test may point report-file at a path that cannot be written).
  if (!existsSync(path) || !statSync(path).isFile() || statSync(path).mtimeMs < run.startedMs) return
  const file = checkReport(readFileSync(path, 'utf8'), `report-file ${run.file}`)
  if (output) checkOutputAgainstFile(output, file)
}

export interface ActionRun extends RunResult {
  /** Runs the post step with the state main saved (same inputs); `extraEnv` adds to its environment. */
  post(extraEnv?: Record<string, string>): Promise<RunResult>
}

export async function runAction(
  inputs: Record<string, string | undefined>,
  options: SpawnOptions = {},
): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'token-action-run-'))
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
  }
  for (const f of Object.values(files)) writeFileSync(f, '')
  const env = {
    ...files,
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/ops',
    RUNNER_TEMP: dir,
    ...inputEnv(inputs),
    ...options.env,
  }
  const collect = (r: { code: number; stdout: string; stderr: string }): RunResult => ({
    ...r,
    outputs: parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    state: parseCommandFile(readFileSync(files.GITHUB_STATE, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    log: r.stdout + r.stderr,
  })
  const startedMs = Date.now() - 1000
  const main = collect(await spawnNode('dist/index.js', [], { ...options, env }))
  checkReports({
    output: main.outputs.report,
    file: inputs['report-file'] ?? options.env?.['INPUT_REPORT-FILE'],
    cwd: options.cwd,
    startedMs,
  })
  return {
    ...main,
    post: async (extraEnv = {}) => {
      // The runner hands saved state to the post step as STATE_<name>.
      const stateEnv = Object.fromEntries(Object.entries(main.state).map(([k, v]) => [`STATE_${k}`, v]))
      return collect(await spawnNode('dist/post.js', [], { ...options, env: { ...env, ...stateEnv, ...extraEnv } }))
    },
  }
}

export async function runCli(
  args: string[],
  options: SpawnOptions = {},
): Promise<{ code: number; stdout: string; stderr: string; log: string }> {
  const startedMs = Date.now() - 1000
  const r = await spawnNode('dist/cli.js', args, options)
  const flag = args.findIndex((a) => a === '--report-file' || a.startsWith('--report-file='))
  const file =
    flag < 0
      ? options.env?.TOKEN_ACTION_REPORT_FILE
      : args[flag]!.includes('=')
        ? args[flag]!.slice('--report-file='.length)
        : args[flag + 1]
  // A run that could not start prints `{"error": ...}` instead of a report.
  const json =
    args.includes('--json') && r.stdout.trimStart().startsWith('{') && !r.stdout.trimStart().startsWith('{"error"')
      ? r.stdout
      : undefined
  checkReports({ output: json, file, cwd: options.cwd, startedMs })
  return { ...r, log: r.stdout + r.stderr }
}

/** Every encoding of `secret` that must never appear in a log, output or report. */
export function leakedForms(secret: string, text: string): string[] {
  const forms = [
    secret,
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
    encodeURIComponent(secret),
  ]
  // `::add-mask::VALUE` is how a value gets masked: the runner never displays that line.
  const visible = text
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  return forms.filter((f) => visible.includes(f))
}

let node24: string | undefined
/**
 * The runner's Node (24), fetched from the npm registry once. Spawned directly, never through
 * `npm exec`'s shell, which drops variables like INPUT_ISSUER-URL whose names contain `-`.
 */
export function node24Path(): string {
  node24 ??= execFileSync('npm', ['exec', '--yes', '--package=node@24', '--', 'node', '-p', 'process.execPath'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim()
  return node24
}

/** The job summary's text as it reads once rendered: the backslash escapes of untrusted text removed. */
export function summaryPlain(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1')
}
