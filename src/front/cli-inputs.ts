/**
 * The CLI's inputs: flags and `TOKEN_ACTION_*` variables (and the CI systems' own fallbacks) read
 * into the one inputs table, and messages that name an input the way it was given on the command line.
 */
import type { CliCommand } from './cli-help.js'
import type { ConfigError } from '../shared/errors.js'
import { envFallbacks, inputsWhere } from '../plan/inputs.js'
import { INPUT_NAMES, type InputName, type Inputs } from '../plan/plan.js'
import { envName, SECRET_FILE_INPUTS, SECRET_INPUTS } from './cli-secrets.js'

/** Flags that may be repeated; their values are joined one per line. */
export const MULTI_LINE = inputsWhere('repeatable')

/** Inputs that are yes/no: a bare flag means true. */
export const YES_NO = inputsWhere('yesNo')

const HYPHENATED_INPUTS = new RegExp(
  `(?<![\\w-])(${INPUT_NAMES.filter((n) => n.includes('-')).join('|')})(?![\\w-])`,
  'g',
)

/** How the CLI user gives an input: a flag, or for a secret (refused as a flag) its variable. */
function cliForm(name: InputName): string {
  return SECRET_INPUTS.includes(name) ? envName(name) : `--${name}`
}

/**
 * Plan errors speak in action inputs (`issuer: is required`, `use mode distribute`); from the CLI they
 * name the flag (a secret: its variable, as its flag is refused), its variable and the command
 * instead. Quoted values are left as they are. `command` is the one typed: `revoke` runs in audit
 * mode, and its errors must name `revoke`.
 */
export function cliMessage(err: ConfigError, command?: CliCommand): string {
  const input = err.input as InputName
  if (!INPUT_NAMES.includes(input)) return err.message
  const rule = err.message.slice(input.length + 2)
  const named = (mode: string) => (command?.mode === mode ? command.name : mode)
  const text = rule
    .replace(/\bmode (\w+) is impossible/g, (_m, mode: string) => `\`token-action ${named(mode)}\` is impossible`)
    .replace(
      /\b(use it with|use) mode (\w+)/g,
      (_m, use: string, mode: string) => `${use} \`token-action ${named(mode)}\``,
    )
    .replace(/\bin (\w+) mode\b/g, (_m, mode: string) => `with \`token-action ${named(mode)}\``)
    .replace(/\(mode is (\w+)\)/g, (_m, mode: string) => `(the command is ${named(mode)})`)
    .replace(/pass it as `token`/g, `set ${envName('token')}`)
    .replace(/`([a-z-]+)`/g, (m, name: string) =>
      (INPUT_NAMES as readonly string[]).includes(name) ? cliForm(name as InputName) : m,
    )
    .split(/("[^"]*")/)
    .map((part, i) => (i % 2 ? part : part.replace(HYPHENATED_INPUTS, (name: string) => cliForm(name as InputName))))
    .join('')
  // Outside `plan` the mode is the command, so its errors name the command, not a flag.
  if (input === 'mode' && !/is not a mode/.test(text)) return text
  if (SECRET_INPUTS.includes(input)) {
    const file = SECRET_FILE_INPUTS.includes(input) ? ` (or --${input}-file PATH)` : ''
    return /^is\b/.test(text) ? `${envName(input)}${file} ${text}` : `${envName(input)}: ${text}`
  }
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

export function readInputs(opts: Record<string, string | boolean | undefined>, env: NodeJS.ProcessEnv): Inputs {
  const inputs: Inputs = {}
  for (const name of INPUT_NAMES) {
    const key = name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())
    const value = opts[key]
    // Empty counts as unset, as in the Action: an orb exporting TOKEN_ACTION_CIRCLECI_TOKEN="${CIRCLE_TOKEN:-}"
    // must not hide CIRCLECI_TOKEN.
    if (typeof value === 'string' && value !== '') inputs[name] = value
    else if (value === true) inputs[name] = 'true'
    // An App id means the App authenticates: an ambient GITHUB_TOKEN is not a second, conflicting credential.
    else if (!(name === 'github-token' && opts.githubAppId))
      for (const fallback of envFallbacks(name)) inputs[name] ??= env[fallback]
  }
  return inputs
}
