/**
 * CLI secrets come from the environment (`TOKEN_ACTION_*`) or from files, never from argv: the
 * command line of every process is readable by every user of the machine (`ps`,
 * `/proc/PID/cmdline`), and CI systems echo it. A secret given as a flag is refused (exit 2) with
 * the variable to use instead; `--NAME-file PATH` reads it from a file.
 */
import { readFileSync, statSync } from 'node:fs'
import { Option, type Command } from 'commander'
import { ConfigError } from '../shared/errors.js'
import { inputsWhere, type InputName, type Inputs } from '../plan/inputs.js'

/** Inputs that hold a secret: never accepted as a flag value. */
export const SECRET_INPUTS: readonly InputName[] = inputsWhere('secret')
/** `--NAME-file` alternatives (`--token-file` is taken: it is where a minted token is written). */
export const SECRET_FILE_INPUTS: readonly InputName[] = inputsWhere('file')
const MAX_SECRET_FILE_BYTES = 64 * 1024

export function envName(input: string): string {
  return `TOKEN_ACTION_${input.toUpperCase().replace(/-/g, '_')}`
}

function camel(flag: string): string {
  return flag.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())
}

/** Adds the `--NAME-file` options, under `heading` in the help; all are read, those `listed` are shown. */
export function addSecretFileOptions(cmd: Command, heading: string, listed: (name: InputName) => boolean): void {
  for (const name of SECRET_FILE_INPUTS)
    cmd.addOption(
      new Option(`--${name}-file <path>`, `read ${name} from this file (or set ${envName(name)})`)
        .helpGroup(heading)
        .hideHelp(!listed(name)),
    )
}

/**
 * A secret passed as a flag is refused, naming the variable (and file flag) to use instead. Only the flag's name
 * is shown, never its value.
 */
export function refuseSecretFlags(cmd: Command): void {
  for (const name of SECRET_INPUTS) {
    if (cmd.getOptionValueSource(camel(name)) !== 'cli') continue
    const file = SECRET_FILE_INPUTS.includes(name) ? ` or --${name}-file PATH` : ''
    // Named by the flag typed, not the input: the input's usual CLI form is its variable.
    throw new ConfigError(
      `--${name}`,
      `a secret is never a command-line flag: other users of the machine can read a command line (ps, /proc/PID/cmdline) and CI logs echo it; set ${envName(name)}${file} instead`,
    )
  }
}

/** Reads `--NAME-file` secrets into `inputs` (a file flag wins over the variable, as any flag does). */
export function readSecretFiles(opts: Record<string, unknown>, inputs: Inputs): void {
  for (const name of SECRET_FILE_INPUTS) {
    const path = opts[camel(`${name}-file`)]
    if (typeof path !== 'string' || !path) continue
    const input = `${name}-file`
    let text: string
    try {
      if (statSync(path).size > MAX_SECRET_FILE_BYTES)
        throw new ConfigError(input, `${path} is larger than ${MAX_SECRET_FILE_BYTES} bytes: not a token or key file`)
      text = readFileSync(path, 'utf8')
    } catch (err) {
      if (err instanceof ConfigError) throw err
      throw new ConfigError(input, `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`)
    }
    // A file usually ends with a newline; the value does not (a PEM key keeps its inner lines).
    const value = name === 'github-app-private-key' ? text : text.trim()
    if (!value.trim()) throw new ConfigError(input, `${path} is empty`)
    inputs[name] = value
  }
}
