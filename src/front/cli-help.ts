/**
 * What `token-action --help` and `token-action COMMAND --help` say. The top-level help fits one
 * screen (commands, the flags most runs need, where secrets go); a command's help shows its own
 * flags first, then the shared ones grouped by what they configure, so `revoke --help` leads with
 * --token-id rather than 30 destination flags. Every example here runs in test/cli-examples.test.ts.
 */
import type { Command } from 'commander'
import { describeInput, type InputName } from '../plan/inputs.js'
import type { Mode } from '../plan/plan.js'
import { envName, SECRET_FILE_INPUTS, SECRET_INPUTS } from './cli-secrets.js'

export interface CliCommand {
  name: string
  mode?: Mode
  dryRun?: boolean
  revoke?: boolean
  summary: string
  /** Inputs that are this command's own business: shown first in its help. */
  own: readonly InputName[]
  /**
   * Commands that write nothing list only these shared inputs (the rest are still read, so a shared
   * environment file works, but would only bury the few that matter).
   */
  shared?: readonly InputName[]
}

export const COMMANDS: readonly CliCommand[] = [
  {
    name: 'rotate',
    mode: 'rotate',
    summary: 'mint a token, write it everywhere, then revoke the tokens it replaces',
    own: ['rotate-if-older-than', 'rotate-before-expiry', 'revoke-first'],
  },
  { name: 'create', mode: 'create', summary: 'mint a token and write it everywhere; revoke nothing', own: [] },
  {
    name: 'distribute',
    mode: 'distribute',
    summary: 'verify a given token (TOKEN_ACTION_TOKEN) and write it everywhere (rwx, hawzu, static)',
    own: ['shard'],
  },
  {
    name: 'ephemeral',
    mode: 'ephemeral',
    summary:
      'mint a token for one command: `ephemeral [flags] -- CMD ARGS` runs CMD with it as $SECRET_NAME, then revokes it',
    own: [],
  },
  {
    name: 'plan',
    dryRun: true,
    summary: 'dry run: preflight and due check; say what would be created or updated',
    own: ['mode'],
  },
  {
    name: 'audit',
    mode: 'audit',
    summary: 'review the rotation set: age, expiry, last use, and findings (--fail-on-findings exits 1)',
    own: ['fail-on-findings'],
    shared: [
      'issuer',
      'issuer-url',
      'issuer-token',
      'token-name',
      'secret-name',
      'rotate-if-older-than',
      'rotate-before-expiry',
      'report-file',
    ],
  },
  {
    name: 'revoke',
    mode: 'audit',
    revoke: true,
    summary: 'revoke tokens of the rotation set by id (--token-id, repeatable; --force for ids outside the set)',
    own: [],
    shared: ['issuer', 'issuer-url', 'issuer-token', 'token-name', 'secret-name'],
  },
]

/** Shared inputs by what they configure, in the order a reader looks for them. */
const GROUPS: readonly { heading: string; inputs: readonly InputName[] }[] = [
  { heading: 'Issuer', inputs: ['issuer', 'issuer-url'] },
  {
    heading: 'Token',
    inputs: ['token-name', 'token-role', 'token-permissions', 'token-projects', 'token-expires-in', 'secret-name'],
  },
  {
    heading: 'Rotation',
    inputs: ['rotate-if-older-than', 'rotate-before-expiry', 'revoke-first', 'fail-on-findings', 'mode'],
  },
  { heading: 'Destinations', inputs: ['destinations', 'shard', 'concurrency'] },
  { heading: 'GitHub', inputs: ['github-api-url', 'github-app-id'] },
  { heading: 'CircleCI', inputs: ['circleci-url'] },
  { heading: 'GitLab', inputs: ['gitlab-url'] },
  { heading: 'Output', inputs: ['dry-run', 'report-file'] },
]

/** Whether `command`'s help lists the input (it is read either way). */
export function listedIn(command: CliCommand, input: InputName): boolean {
  return !command.shared || command.own.includes(input) || command.shared.includes(input)
}

/** The help heading of an input's flag in `command`'s help: its own flags first, then the groups. */
export function helpGroup(command: CliCommand, input: InputName): string {
  if (command.own.includes(input)) return `Options of ${command.name}:`
  const group = GROUPS.find((g) => g.inputs.includes(input))
  return `${group?.heading ?? 'Other'} options:`
}

/** Heading for the CLI-only flags (--json, --token-file, --NAME-file): output, or the command's own. */
export const OUTPUT_GROUP = 'Output options:'

/** Examples per command, as a user types them; each runs against the emulators in the tests. */
const EXAMPLES: Record<string, string> = {
  distribute: `  # Seed an RWX token into a CircleCI context and a GitLab group (credentials from CIRCLE_TOKEN / GITLAB_TOKEN)
  TOKEN_ACTION_TOKEN="$NEW_RWX_ACCESS_TOKEN" token-action distribute --issuer rwx \\
    --destinations circleci:context/gh/acme/rwx --destinations gitlab:group/acme`,
  rotate: `  # Rotate a Rack Gateway token when it is older than 6 months
  TOKEN_ACTION_ISSUER_TOKEN="$RACK_GATEWAY_ADMIN_TOKEN" token-action rotate --issuer rack-gateway \\
    --issuer-url https://gateway.example.com --token-name ci-api --token-role cicd \\
    --rotate-if-older-than 6mo --destinations gitlab:project/acme/api --report-file report.json`,
  create: `  # Mint a token and write it; nothing is revoked
  TOKEN_ACTION_ISSUER_TOKEN="$RACK_GATEWAY_ADMIN_TOKEN" token-action create --issuer rack-gateway \\
    --issuer-url https://gateway.example.com --token-name ci-api --token-role cicd \\
    --destinations gitlab:project/acme/api`,
  plan: `  # What a rotation would do, changing nothing
  TOKEN_ACTION_ISSUER_TOKEN="$RACK_GATEWAY_ADMIN_TOKEN" token-action plan --issuer rack-gateway \\
    --issuer-url https://gateway.example.com --token-name ci-api --token-role cicd \\
    --destinations gitlab:project/acme/api`,
  audit: `  # Review a rotation set; exit 1 when something deserves a look (an empty set too: a typo in --token-name)
  TOKEN_ACTION_ISSUER_TOKEN="$RACK_GATEWAY_ADMIN_TOKEN" token-action audit --issuer rack-gateway \\
    --issuer-url https://gateway.example.com --token-name ci-api --fail-on-findings`,
  ephemeral: `  # A token that lives exactly as long as one command
  TOKEN_ACTION_ISSUER_TOKEN="$RACK_GATEWAY_ADMIN_TOKEN" token-action ephemeral --issuer rack-gateway \\
    --issuer-url https://gateway.example.com --token-role deployer --token-name ci-deploy \\
    -- sh -c 'test -n "$RACK_GATEWAY_API_TOKEN" && echo deployed'`,
  revoke: `  # Revoke one token of a rotation set by id (the audit lists the ids)
  TOKEN_ACTION_ISSUER_TOKEN="$RACK_GATEWAY_ADMIN_TOKEN" token-action revoke --issuer rack-gateway \\
    --issuer-url https://gateway.example.com --token-name ci-api --token-id "$TOKEN_ID"`,
}
/** The example of one command (every command has one). */
export function exampleOf(command: string): string {
  return EXAMPLES[command]!
}

/** Where `command`'s secrets go: never flags (a command line is visible to every user of the machine). */
function secretsText(command: CliCommand): string {
  return `Secrets are never flags (a command line is visible to every user): set them in the environment
or use the --NAME-file PATH flags:
${SECRET_INPUTS.filter((name) => listedIn(command, name))
  .map(
    (name) =>
      `  ${envName(name)}${SECRET_FILE_INPUTS.includes(name) ? ` (or --${name}-file PATH)` : ''}\n      ${describeInput(name)}`,
  )
  .join('\n')}`
}

const EXIT_CODES = 'Exit codes: 0 success, 1 a destination or the run failed, 2 bad input.'

/** What follows a command's flags: its example, where secrets go, exit codes. */
export function commandHelpAfter(command: CliCommand): string {
  return `
Example:
${exampleOf(command.name)}

Every flag can also be set as TOKEN_ACTION_<NAME> (e.g. TOKEN_ACTION_DESTINATIONS, one per line).
${secretsText(command)}
${EXIT_CODES}`
}

/** The flags most runs need, with a short gist each (the full words are in each command's help). */
const MOST_USED: readonly [string, string][] = [
  ['--issuer <kind>', 'rack-gateway, http, rwx, hawzu or static'],
  ['--issuer-url <url>', 'the issuer; https only, loopback excepted'],
  ['--token-name <name>', 'the rotation set (required outside CI for rotate, audit, revoke)'],
  ['--token-role <role>', 'e.g. cicd (Rack Gateway), or --token-permissions'],
  ['--destinations <dest>', 'repeatable: github:repo/O/R, circleci:context/gh/ORG/CTX, gitlab:group/PATH, ...'],
  ['--rotate-if-older-than <d>', 'rotate only when due, e.g. 90d, 6mo (durations: min h d w mo y)'],
  ['--report-file <path>', 'the JSON report; --json prints it instead of the summary'],
]

/** `token-action --help`: one screen. */
export function rootHelp(program: Command): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2
  const flagWidth = Math.max(...MOST_USED.map(([f]) => f.length)) + 2
  return `Usage: token-action <command> [flags]

${program.description()}

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n')}
  ${'help'.padEnd(width)}help COMMAND (or COMMAND --help): every flag of a command

Most used flags:
${MOST_USED.map(([flag, gist]) => `  ${flag.padEnd(flagWidth)}${gist}`).join('\n')}

Credentials come from the environment, never from flags: TOKEN_ACTION_ISSUER_TOKEN,
TOKEN_ACTION_TOKEN, GITHUB_TOKEN, CIRCLE_TOKEN, GITLAB_TOKEN (or TOKEN_ACTION_<NAME>), or
--NAME-file PATH. Every flag is also a TOKEN_ACTION_<NAME> variable.

Example:
${exampleOf('plan')}

  -V, --version  print the version        -h, --help  this help
${EXIT_CODES}
`
}
