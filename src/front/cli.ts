/**
 * The CLI front end (`token-action`, dist/cli.js) for CircleCI, GitLab and any shell: the same inputs
 * as the Action, as `--kebab-name` flags or `TOKEN_ACTION_UPPER_SNAKE` variables. It never prints a
 * token: CircleCI and GitLab only mask values they already know, so masking cannot be relied on.
 * Exit codes: 0 success, 1 a destination or the run failed, 2 bad input.
 */
import { Command, CommanderError, Option } from 'commander'
import { addSecretFileOptions, envName, readSecretFiles, refuseSecretFlags, SECRET_INPUTS } from './cli-secrets.js'
import { cliMessage, MULTI_LINE, readInputs, unknownEnvWarnings, YES_NO } from './cli-inputs.js'
import { commandHelpAfter, COMMANDS, helpGroup, listedIn, OUTPUT_GROUP, rootHelp, type CliCommand } from './cli-help.js'
import { ConfigError, errorMessage } from '../shared/errors.js'
import { describeInput } from '../plan/inputs.js'
import { ISSUER_KINDS } from '../issuers/kinds.js'
import { buildPlan, INPUT_NAMES, type Plan } from '../plan/plan.js'
import { addMaskCommand, DEFAULT_GRACE_SECONDS, EphemeralSession, finishEphemeral } from './ephemeral.js'
import { isTokenId, sanitize } from '../shared/sanitize.js'
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

type Opts = Record<string, string | string[] | boolean | undefined>

/**
 * A run that cannot start: the message on stderr, and with --json also a JSON object on stdout
 * (`{"error": {"message", "input"?, "exitCode"}}`), so a script reading stdout never gets plain text.
 */
function refuse(json: boolean, exit: number, message: string, input?: string): number {
  stderr(`error: ${message}`)
  if (json) jsonError(exit, message, input)
  return exit
}

function jsonError(exit: number, message: string, input?: string): void {
  write(process.stdout)(JSON.stringify({ error: { message, ...(input ? { input } : {}), exitCode: exit } }))
}

async function execute(command: CliCommand, opts: Opts, cmd: Command, run: string[] = []): Promise<number> {
  // Shared with the Action: loaded lazily, so each is bundled once.
  const { checkWritableFile, writeFilePrivately } = await import('../shared/files.js')
  const json = opts.json === true
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
    if (command.mode && inputs.mode && inputs.mode !== command.mode)
      return refuse(
        json,
        2,
        `--mode (or TOKEN_ACTION_MODE) is ${inputs.mode}, but the command is \`token-action ${command.name}\`: the command chooses the mode; drop --mode / unset TOKEN_ACTION_MODE, or run \`token-action ${inputs.mode}\``,
        'mode',
      )
    if (command.mode) inputs.mode = command.mode
    if (command.dryRun) inputs['dry-run'] = 'true'
    plan = buildPlan(inputs, process.env)
    // Checked before anything is minted: a path typo must not strand a fresh token.
    if (tokenFile) checkWritableFile('token-file', tokenFile)
    if (tokenFile && plan.tokenPer === 'line')
      throw new ConfigError(
        'token-file',
        'holds one token, and token-per: line mints one per destination line: drop one of them',
      )
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
    if (err instanceof ConfigError) return refuse(json, 2, cliMessage(err, command), err.input)
    return refuse(json, 1, errorMessage(err))
  }
  if (command.revoke) return revokeCommand(plan, opts, json)
  // The engine (undici, the lifecycle) loads only for a run: --help and bad input never parse it.
  const [{ cancelOnSignals, runPlan }, { revokeToken }] = await Promise.all([
    import('../engine/run.js'),
    import('../engine/revoke.js'),
  ])
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
  const { exitCode, summaryText } = await import('../report/render.js')
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

/**
 * What `revokeByIds` answers. `notFound`: ids no live token has (already revoked, or never made),
 * told apart from `outside` (a live token of another set) by the issuer's list.
 */
export interface RevokeResult {
  revoked: string[]
  outside: string[]
  failed: string[]
  notFound: string[]
}

/**
 * The revoke command's answer: stdout lines, errors and the exit code. Revoking what is
 * already gone is done, not an error (exit 0), so a re-run after a lost answer is safe; a live token
 * of another set is refused (exit 2) unless --force.
 */
export function revokeOutcome(
  result: RevokeResult,
  set: string,
  force: boolean,
): { out: string[]; err: string[]; code: number } {
  const gone = result.notFound.map(
    (id) => `${id}: not found at the issuer - already revoked, or never made; nothing to revoke`,
  )
  if (result.outside.length && !force)
    return {
      out: [],
      err: [
        `--token-id ${result.outside.join(', ')}: another rotation set's live token, not one of ${set}; nothing was revoked (check --token-name and the id; --force revokes an id outside the set)`,
      ],
      code: 2,
    }
  return {
    out: [...result.revoked.map((id) => `revoked ${id}`), ...gone],
    err: result.failed.map((id) => `${id}: not revoked (see above)`),
    code: result.failed.length ? 1 : 0,
  }
}

async function revokeCommand(plan: Plan, opts: Opts, json: boolean): Promise<number> {
  const ids = Array.isArray(opts.tokenId) ? opts.tokenId : []
  if (!ids.length || ids.some((id) => !id.trim()))
    return refuse(
      json,
      2,
      '--token-id is required (repeatable, never empty): the id of each token to revoke',
      'token-id',
    )
  // Anything unlike an id is a paste error; it must never become part of a request path.
  const bad = ids.filter((id) => !isTokenId(id))
  if (bad.length)
    return refuse(
      json,
      2,
      `--token-id ${bad.map((id) => JSON.stringify(id)).join(', ')}: is not a token id (letters, digits and ._~:- only); nothing was revoked`,
      'token-id',
    )
  const { revokeByIds } = await import('../engine/revoke.js')
  let result: RevokeResult
  try {
    result = await revokeByIds(plan, ids, opts.force === true, { log })
  } catch (err) {
    return refuse(json, 1, errorMessage(err))
  }
  const { out, err, code } = revokeOutcome(result, plan.spec.namePrefix, opts.force === true)
  if (code === 2) return refuse(json, 2, err.join('; '), 'token-id')
  for (const line of out) write(process.stdout)(line)
  for (const line of err) log.error(line)
  return code
}

export function buildProgram(onExit: (code: number) => void): Command {
  const program = new Command('token-action')
    .description('Mint or rotate a scoped access token and write it into GitHub, CircleCI and GitLab secrets.')
    .version(pkg.version, '-V, --version', 'print the version (the npm package version)')
    // An unknown flag prints commander's error and its "Did you mean" line, then one hint - not 50 lines of help.
    .showHelpAfterError('(run token-action <command> --help for every flag)')
  for (const command of COMMANDS) {
    const cmd = program
      .command(command.name)
      .description(command.summary)
      .addHelpText('after', commandHelpAfter(command))
      // Without commander's "(env: TOKEN_ACTION_...)" on every flag: the help says once that every flag has one.
      .configureHelp({ optionDescription: (option) => option.description })
    // Commander lists help groups in the order their first option was added: the command's own go first.
    if (command.revoke) {
      const own = `Options of ${command.name}:`
      cmd.addOption(
        new Option('--token-id <id>', 'a token to revoke (repeatable)')
          .argParser((value: string, previous: string[] = []) => [...previous, value])
          .helpGroup(own),
      )
      cmd.addOption(new Option('--force', 'also revoke ids outside the rotation set').helpGroup(own))
    }
    const tokenFile = new Option(
      '--token-file <path>',
      'write the minted token to this file (mode 0600); it is never printed',
    )
      .helpGroup(command.mode === 'ephemeral' ? `Options of ${command.name}:` : OUTPUT_GROUP)
      // Nothing minted, nothing to write: audit and revoke still read it, but do not offer it.
      .hideHelp(Boolean(command.shared))
    if (command.mode === 'ephemeral') cmd.addOption(tokenFile)
    const ordered = [...command.own, ...INPUT_NAMES.filter((n) => !command.own.includes(n))]
    for (const name of ordered) {
      if (name === 'dry-run' && command.dryRun) continue
      if (name === 'mode') {
        // plan: the mode to plan. Other commands are the mode: the flag is only read to catch a contradiction.
        const mode = command.dryRun
          ? new Option('--mode <mode>', `the mode to plan: ${describeInput('mode')}`).helpGroup(
              helpGroup(command, name),
            )
          : new Option('--mode <mode>').hideHelp()
        cmd.addOption(mode.env(envName(name)))
        continue
      }
      // Yes/no inputs take an optional value: as plain boolean flags commander would read
      // TOKEN_ACTION_DRY_RUN=false as true.
      const repeatable = MULTI_LINE.includes(name) ? ' (repeatable: one value per flag)' : ''
      const description = `${describeInput(name)}${repeatable}`
      const option = YES_NO.includes(name)
        ? new Option(`--${name} [true|false]`, description)
        : new Option(`--${name} <value>`, description)
      if (MULTI_LINE.includes(name))
        option.argParser((value: string, previous?: string) => (previous ? `${previous}\n${value}` : value))
      // Still parsed (so a secret given as a flag is refused by name), never advertised.
      if (SECRET_INPUTS.includes(name) || !listedIn(command, name)) option.hideHelp()
      cmd.addOption(option.env(envName(name)).helpGroup(helpGroup(command, name)))
    }
    cmd.addOption(new Option('--json', 'print the JSON report instead of the summary').helpGroup(OUTPUT_GROUP))
    cmd.addHelpOption(new Option('-h, --help', 'display help for command').helpGroup(OUTPUT_GROUP))
    if (command.mode !== 'ephemeral') cmd.addOption(tokenFile)
    addSecretFileOptions(cmd, 'Secret files (instead of the TOKEN_ACTION_* variables):', (name) =>
      listedIn(command, name),
    )
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
  // Set after the commands are made: they keep commander's own layout, the top level gets one screen.
  program.configureHelp({ formatHelp: (cmd) => rootHelp(cmd) })
  // Usage errors are bad input: exit 2, like an invalid value.
  program.exitOverride()
  for (const cmd of program.commands) cmd.exitOverride()
  return program
}

/**
 * Usage mistakes commander would word misleadingly: flags without a command ("unknown option
 * '--issuer'") and `help` of a command that does not exist (the whole help). Undefined when fine.
 */
export function usageError(args: readonly string[]): string | undefined {
  const names = COMMANDS.map((c) => c.name)
  const list = `commands: ${names.join(', ')} (token-action --help)`
  const [first, second] = args
  if (first?.startsWith('-') && !['-h', '--help', '-V', '--version'].includes(first))
    return `a command is missing: token-action COMMAND [flags]; ${list}`
  if (first === 'help' && second !== undefined && !names.includes(second)) return `unknown command '${second}'; ${list}`
  return undefined
}

/** `token-action help revoke | head -1`: the reader left early, which is normal; anything else still fails loudly. */
function ignoreClosedPipe(err: NodeJS.ErrnoException): void {
  if (err.code !== 'EPIPE') throw err
}

export async function main(argv: string[]): Promise<void> {
  process.stdout.on('error', ignoreClosedPipe)
  process.stderr.on('error', ignoreClosedPipe)
  const args = argv.slice(2)
  const json = args.includes('--json')
  const usage = usageError(args)
  if (usage) {
    process.exitCode = refuse(json, 2, usage)
    return
  }
  const program = buildProgram((code) => {
    process.exitCode = code
  })
  try {
    await program.parseAsync(argv)
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? 0 : 2
      // Commander has said what was wrong on stderr; a --json reader gets it as an object too.
      if (err.exitCode !== 0 && json) jsonError(2, err.message.replace(/^error: /, ''))
      return
    }
    throw err
  }
}
