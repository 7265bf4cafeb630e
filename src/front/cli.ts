/**
 * The CLI front end (`token-action`, dist/cli.js) for CircleCI, GitLab and any shell: the same inputs
 * as the Action, as `--kebab-name` flags or `TOKEN_ACTION_UPPER_SNAKE` variables. It never prints a
 * token: CircleCI and GitLab only mask values they already know, so masking cannot be relied on.
 * Exit codes: 0 success, 1 a destination or the run failed, 2 bad input.
 */
import { Command, CommanderError, Option } from 'commander'
import { addSecretFileOptions, readSecretFiles, refuseSecretFlags, SECRET_INPUTS } from './cli-secrets.js'
import { ConfigError, errorMessage } from '../shared/errors.js'
import { checkWritableFile, writeFilePrivately } from '../shared/files.js'
import { describeInput, envFallbacks, inputsWhere } from '../plan/inputs.js'
import { ISSUER_KINDS } from '../issuers/kinds.js'
import { isTokenId } from '../issuers/check.js'
import { buildPlan, INPUT_NAMES, type InputName, type Inputs, type Mode, type Plan } from '../plan/plan.js'
import { exitCode, summaryText } from '../report/report.js'
import { addMaskCommand, DEFAULT_GRACE_SECONDS, EphemeralSession, finishEphemeral } from './ephemeral.js'
import { sanitize } from '../shared/sanitize.js'
import type { MintedToken } from '../shared/types.js'
// Bundled into dist at build time: `--version` needs no package.json next to the bundle.
import pkg from '../../package.json' with { type: 'json' }

const write = (stream: NodeJS.WriteStream) => (line: string) => stream.write(`${line}\n`)
const stderr = write(process.stderr)
const log = {
  info: stderr,
  warning: (l: string) => stderr(`warning: ${l}`),
  error: (l: string) => stderr(`error: ${l}`),
}

/** Flags that may be repeated; their values are joined one per line. */
const MULTI_LINE = inputsWhere('repeatable')

/** Inputs that are yes/no: a bare flag means true. */
const YES_NO = inputsWhere('yesNo')

const COMMANDS: { name: string; mode?: Mode; dryRun?: boolean; summary: string; revoke?: boolean }[] = [
  { name: 'rotate', mode: 'rotate', summary: 'mint a token, write it everywhere, then revoke the tokens it replaces' },
  { name: 'create', mode: 'create', summary: 'mint a token and write it everywhere; revoke nothing' },
  {
    name: 'distribute',
    mode: 'distribute',
    summary: 'verify a given --token and write it everywhere (rwx, hawzu, static)',
  },
  {
    name: 'ephemeral',
    mode: 'ephemeral',
    summary:
      'mint a token for one command: `ephemeral [flags] -- CMD ARGS` runs CMD with it as $SECRET_NAME, then revokes it',
  },
  { name: 'plan', dryRun: true, summary: 'dry run: preflight and due check; say what would be created or updated' },
  {
    name: 'audit',
    mode: 'audit',
    summary: 'review the rotation set: age, expiry, last use, and findings (--fail-on-findings exits 1)',
  },
  {
    name: 'revoke',
    mode: 'audit',
    revoke: true,
    summary: 'revoke tokens of the rotation set by id (--token-id, repeatable; --force for ids outside the set)',
  },
]

const EXAMPLES = `
Examples:
  # Seed an RWX token into a CircleCI context and a GitLab group (tokens from CIRCLE_TOKEN / GITLAB_TOKEN)
  TOKEN_ACTION_TOKEN="$NEW_RWX_ACCESS_TOKEN" token-action distribute --issuer rwx \\
    --destinations circleci:context/gh/acme/rwx --destinations gitlab:group/acme

  # Rotate a Rack Gateway token when it is older than 6 months
  TOKEN_ACTION_ISSUER_TOKEN=... token-action rotate --issuer rack-gateway \\
    --issuer-url https://gateway.example.com --token-role cicd --rotate-if-older-than 6m \\
    --destinations gitlab:project/acme/api --report-file report.json

Every flag can also be set as TOKEN_ACTION_<NAME> (e.g. TOKEN_ACTION_DESTINATIONS, one per line).
Secrets are never flags (a command line is visible to every user): set them in the environment
or use the --NAME-file PATH flags:
${SECRET_INPUTS.map((name) => `  ${envName(name)}\n      ${describeInput(name)}`).join('\n')}
Exit codes: 0 success, 1 a destination or the run failed, 2 bad input.`

function envName(input: string): string {
  return `TOKEN_ACTION_${input.toUpperCase().replace(/-/g, '_')}`
}

const HYPHENATED_INPUTS = new RegExp(
  `(?<![\\w-])(${INPUT_NAMES.filter((n) => n.includes('-')).join('|')})(?![\\w-])`,
  'g',
)

/**
 * Plan errors speak in action inputs (`issuer: is required`, `use mode distribute`); from the CLI they
 * name the flag, its variable and the command instead. Quoted values are left as they are.
 */
export function cliMessage(err: ConfigError): string {
  const input = err.input as InputName
  if (!INPUT_NAMES.includes(input)) return err.message
  const rule = err.message.slice(input.length + 2)
  const text = rule
    .replace(/\bmode (\w+) is impossible/g, '`token-action $1` is impossible')
    .replace(/\b(use it with|use) mode (\w+)/g, '$1 `token-action $2`')
    .replace(/\bin (\w+) mode\b/g, 'with `token-action $1`')
    .replace(/\(mode is (\w+)\)/g, '(the command is $1)')
    .replace(/pass it as `token`/g, 'pass it with --token (or TOKEN_ACTION_TOKEN)')
    .replace(/`([a-z-]+)`/g, (m, name: string) => ((INPUT_NAMES as readonly string[]).includes(name) ? `--${name}` : m))
    .split(/("[^"]*")/)
    .map((part, i) => (i % 2 ? part : part.replace(HYPHENATED_INPUTS, '--$1')))
    .join('')
  // Outside `plan` the mode is the command, so its errors name the command, not a flag.
  if (input === 'mode' && !/is not a mode/.test(text)) return text
  return /^is\b/.test(text) ? `--${input} (or ${envName(input)}) ${text}` : `--${input}: ${text}`
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_v, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    row = next
  }
  return row[b.length]!
}

/** TOKEN_ACTION_* variables that name no input: a typo would otherwise be silently ignored. */
export function unknownEnvWarnings(env: NodeJS.ProcessEnv): string[] {
  const known = INPUT_NAMES.map(envName)
  return Object.keys(env)
    .filter((name) => name.startsWith('TOKEN_ACTION_') && !known.includes(name))
    .sort()
    .map((name) => {
      const [closest] = known.map((k) => ({ k, d: editDistance(name, k) })).sort((x, y) => x.d - y.d)
      const near = closest && closest.d <= Math.max(2, Math.floor((name.length - 'TOKEN_ACTION_'.length) / 3))
      return `${name} is not a token-action variable and is ignored${near ? `; did you mean ${closest.k}?` : ' (see token-action --help)'}`
    })
}

function readInputs(opts: Record<string, string | boolean | undefined>, env: NodeJS.ProcessEnv): Inputs {
  const inputs: Inputs = {}
  for (const name of INPUT_NAMES) {
    const key = name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())
    const value = opts[key]
    // Empty counts as unset, as in the Action: an orb exporting TOKEN_ACTION_CIRCLECI_TOKEN="${CIRCLE_TOKEN:-}" must not hide CIRCLECI_TOKEN.
    if (typeof value === 'string' && value !== '') inputs[name] = value
    else if (value === true) inputs[name] = 'true'
    // An App id means the App authenticates: an ambient GITHUB_TOKEN is not a second, conflicting credential.
    else if (!(name === 'github-token' && opts.githubAppId))
      for (const fallback of envFallbacks(name)) inputs[name] ??= env[fallback]
  }
  return inputs
}

type Opts = Record<string, string | string[] | boolean | undefined>

async function execute(
  command: (typeof COMMANDS)[number],
  opts: Opts,
  cmd: Command,
  run: string[] = [],
): Promise<number> {
  for (const warning of unknownEnvWarnings(process.env)) log.warning(warning)
  const tokenFile = typeof opts.tokenFile === 'string' ? opts.tokenFile : undefined
  let plan
  let grace = DEFAULT_GRACE_SECONDS
  try {
    if (typeof opts.grace === 'string') {
      if (!/^\d{1,4}$/.test(opts.grace) || Number(opts.grace) > 3600)
        throw new ConfigError('--grace', `"${opts.grace}" is not a number of seconds from 0 to 3600`)
      grace = Number(opts.grace)
    }
    refuseSecretFlags(cmd)
    const inputs = readInputs(opts as Record<string, string | boolean | undefined>, process.env)
    readSecretFiles(opts, inputs)
    // The command is the mode; only `plan` takes --mode / TOKEN_ACTION_MODE (the mode to plan). Elsewhere
    // they may repeat the command (a shared env file) but never contradict it.
    if (command.mode && inputs.mode && inputs.mode !== command.mode) {
      stderr(
        `error: --mode (or TOKEN_ACTION_MODE) is ${inputs.mode}, but the command is \`token-action ${command.name}\`: the command chooses the mode; drop --mode / unset TOKEN_ACTION_MODE, or run \`token-action ${inputs.mode}\``,
      )
      return 2
    }
    if (command.mode) inputs.mode = command.mode
    if (command.dryRun) inputs['dry-run'] = 'true'
    plan = buildPlan(inputs, process.env)
    // Checked before anything is minted: a path typo must not strand a fresh token.
    if (tokenFile) checkWritableFile('token-file', tokenFile)
    if (plan.reportFile) checkWritableFile('report-file', plan.reportFile)
    // Nothing would revoke it: a token that never expires must not outlive a command that was never run.
    if (command.mode === 'ephemeral' && !run.length && !ISSUER_KINDS[plan.issuer.kind].can.expiry) {
      throw new ConfigError(
        'ephemeral',
        `issuer ${plan.issuer.kind} tokens never expire: pass the command to run after -- so the token is revoked when it ends`,
      )
    }
    if (command.mode === 'ephemeral' && !run.length && !tokenFile)
      throw new ConfigError(
        'ephemeral',
        'needs a command to run with the token (`token-action ephemeral [flags] -- CMD ARGS`) or --token-file',
      )
  } catch (err) {
    stderr(`error: ${err instanceof ConfigError ? cliMessage(err) : errorMessage(err)}`)
    return err instanceof ConfigError ? 2 : 1
  }
  if (command.revoke) return revokeCommand(plan, opts)
  // The engine (undici, the lifecycle) loads only for a run: --help and bad input never parse it.
  const { cancelOnSignals, revokeToken, runPlan } = await import('../engine/run.js')
  // With a command, signals are handled from before the mint until the token is revoked.
  const session = run.length ? new EphemeralSession(log, grace * 1000) : undefined
  const controller = session?.controller ?? cancelOnSignals(log)
  let minted: MintedToken | undefined
  const report = await runPlan(plan, {
    log,
    signal: controller.signal,
    // In a GitHub Actions step the runner masks what it is told to, before any other line shows it.
    mask: process.env.GITHUB_ACTIONS === 'true' ? (value) => write(process.stdout)(addMaskCommand(value)) : undefined,
    onMinted: (token) => {
      minted = token
      // 0600 even over an existing file; a symlink at the path is replaced, never followed.
      if (tokenFile) writeFilePrivately(tokenFile, token.secret, 0o600)
    },
  })
  if (session)
    return finishEphemeral({
      session,
      plan,
      report,
      minted,
      command: run,
      keepEnv: Array.isArray(opts.keepEnv) ? opts.keepEnv : [],
      log,
      revoke: (id) => revokeToken(plan, id, { log }),
    })
  const out = write(process.stdout)
  if (opts.json) out(JSON.stringify(report, null, 2))
  else for (const line of summaryText(report)) out(sanitize(line))
  if (plan.reportFile) {
    try {
      writeFilePrivately(plan.reportFile, `${JSON.stringify(report, null, 2)}\n`, 0o644)
    } catch (err) {
      log.warning(`report-file: could not write ${plan.reportFile}: ${errorMessage(err)}`)
    }
  }
  return exitCode(report)
}

async function revokeCommand(plan: Plan, opts: Opts): Promise<number> {
  const ids = Array.isArray(opts.tokenId) ? opts.tokenId : []
  if (!ids.length) {
    stderr('error: --token-id is required (repeatable): the id of each token to revoke')
    return 2
  }
  // An empty id would address the token collection itself; anything unlike an id is a paste error.
  const bad = ids.filter((id) => !isTokenId(id))
  if (bad.length) {
    stderr(
      `error: --token-id ${bad.map((id) => JSON.stringify(id)).join(', ')}: is not a token id (letters, digits and ._~:- only, not empty); nothing was revoked`,
    )
    return 2
  }
  const { revokeByIds } = await import('../engine/run.js')
  let result
  try {
    result = await revokeByIds(plan, ids, opts.force === true, { log })
  } catch (err) {
    stderr(`error: ${errorMessage(err)}`)
    return 1
  }
  if (result.outside.length && !opts.force) {
    stderr(
      `error: --token-id ${result.outside.join(', ')}: not in the rotation set ${plan.spec.namePrefix}; nothing was revoked (check --token-name, or pass --force)`,
    )
    return 2
  }
  for (const id of result.revoked) write(process.stdout)(`revoked ${id}`)
  // The issuer knows no such token: nothing is left valid by it, but a typo may have missed the one meant.
  for (const id of result.gone)
    write(process.stdout)(`not found ${id} (the issuer has no such token; nothing was revoked)`)
  return result.failed.length || result.gone.length ? 1 : 0
}

export function buildProgram(onExit: (code: number) => void): Command {
  const program = new Command('token-action')
    .description('Mint or rotate a scoped access token and write it into GitHub, CircleCI and GitLab secrets.')
    .version(pkg.version, '-V, --version', 'print the version (the npm package version)')
    // An unknown flag prints commander's error and its "Did you mean" line, then one hint - not 50 lines of help.
    .showHelpAfterError('(run token-action <command> --help for every flag)')
    .addHelpText('after', EXAMPLES)
  for (const command of COMMANDS) {
    const cmd = program.command(command.name).description(command.summary).addHelpText('after', EXAMPLES)
    for (const name of INPUT_NAMES) {
      if (name === 'dry-run' && command.dryRun) continue
      if (name === 'mode') {
        // plan: the mode to plan. Other commands are the mode: the flag is only read to catch a contradiction.
        const mode = command.dryRun
          ? new Option('--mode <mode>', `the mode to plan: ${describeInput('mode')}`)
          : new Option('--mode <mode>').hideHelp()
        cmd.addOption(mode.env(envName(name)))
        continue
      }
      // Yes/no inputs take an optional value: as plain boolean flags commander would read TOKEN_ACTION_DRY_RUN=false as true.
      const description = `${describeInput(name)}${MULTI_LINE.includes(name) ? ' (repeatable: one value per flag)' : ''}`
      const option = YES_NO.includes(name)
        ? new Option(`--${name} [true|false]`, description)
        : new Option(`--${name} <value>`, description)
      if (MULTI_LINE.includes(name))
        option.argParser((value: string, previous?: string) => (previous ? `${previous}\n${value}` : value))
      // Still parsed (so a secret given as a flag is refused by name), never advertised.
      if (SECRET_INPUTS.includes(name)) option.hideHelp()
      cmd.addOption(option.env(envName(name)))
    }
    cmd.option('--json', 'print the JSON report instead of the summary')
    cmd.option('--token-file <path>', 'write the minted token to this file (mode 0600); it is never printed')
    addSecretFileOptions(cmd)
    if (command.revoke) {
      cmd.option('--token-id <id>', 'a token to revoke (repeatable)', (value: string, previous: string[] = []) => [
        ...previous,
        value,
      ])
      cmd.option('--force', 'also revoke ids outside the rotation set')
    }
    if (command.mode === 'ephemeral') {
      cmd.option(
        '--keep-env <name>',
        "pass this variable on to the command although it holds one of token-action's credentials (repeatable)",
        (value: string, previous: string[] = []) => [...previous, value],
      )
      cmd.option(
        '--grace <seconds>',
        `after a signal is passed on, the command has this long to end before it is killed (default ${DEFAULT_GRACE_SECONDS})`,
      )
      cmd.argument('[command...]', 'the command to run with the token in $SECRET_NAME (after --)')
      cmd.action(async (run: string[], opts: Opts, self: Command) => onExit(await execute(command, opts, self, run)))
    } else cmd.action(async (opts: Opts, self: Command) => onExit(await execute(command, opts, self)))
  }
  // Usage errors are bad input: exit 2, like an invalid value.
  program.exitOverride()
  for (const cmd of program.commands) cmd.exitOverride()
  return program
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram((code) => {
    process.exitCode = code
  })
  try {
    await program.parseAsync(argv)
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? 0 : 2
      return
    }
    throw err
  }
}
