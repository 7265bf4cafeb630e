/**
 * One source for what each input means (src/plan/inputs.ts): action.yml says the same words, and the
 * CLI's --help shows them for every flag (secrets, which are never flags, in the help's Secrets list).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { SECRET_FILE_INPUTS, SECRET_INPUTS } from '../src/front/cli-secrets.js'
import { buildProgram } from '../src/front/cli.js'
import { COMMANDS, listedIn } from '../src/front/cli-help.js'
import { describeInput, INPUT_NAMES, inputsWhere } from '../src/plan/inputs.js'
import { ROOT, runCli } from './helpers/run-dist.js'

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string }>
}
/** Commander wraps help to the terminal width: compare with every run of whitespace as one space. */
const flat = (text: string) => text.replace(/\s+/g, ' ')
const envName = (name: string) => `TOKEN_ACTION_${name.toUpperCase().replace(/-/g, '_')}`

/** Where each input's description must show in a command's help, or why it does not. */
function expectedInHelp(command: string, name: (typeof INPUT_NAMES)[number]): string | undefined {
  const d = describeInput(name)
  // audit and revoke write nothing: they list the few inputs they use (the rest are still read).
  if (
    !listedIn(
      COMMANDS.find((c) => c.name === command)!,
      name,
    )
  )
    return undefined
  if (SECRET_INPUTS.includes(name))
    return `${envName(name)}${SECRET_FILE_INPUTS.includes(name) ? ` (or --${name}-file PATH)` : ''} ${d}`
  if (name === 'mode') return command === 'plan' ? `--mode <mode> the mode to plan: ${d}` : undefined // the command is the mode
  if (name === 'dry-run' && command === 'plan') return undefined // plan is the dry run
  const yesNo = inputsWhere('yesNo').includes(name)
  return `--${name} ${yesNo ? '[true|false]' : '<value>'} ${d}`
}

describe('input descriptions', () => {
  it('action.yml describes every input in the words of src/plan/inputs.ts', () => {
    const fromAction = Object.fromEntries(Object.entries(action.inputs).map(([name, i]) => [name, i.description]))
    expect(fromAction).toEqual(Object.fromEntries(INPUT_NAMES.map((n) => [n, describeInput(n)])))
  })

  it("every command's --help shows each input's description next to its flag (secrets: next to their variable)", () => {
    const program = buildProgram(() => {})
    expect(program.commands.length).toBeGreaterThan(0)
    for (const cmd of program.commands) {
      let help = ''
      cmd.configureOutput({ writeOut: (s) => (help += s) })
      cmd.outputHelp()
      for (const name of INPUT_NAMES) {
        const want = expectedInHelp(cmd.name(), name)
        if (want) expect(flat(help), `${cmd.name()} --help: ${name}`).toContain(flat(want))
      }
    }
  })

  it('the built CLI (dist/cli.js) shows the same descriptions', async () => {
    const help = await runCli(['plan', '--help'])
    expect(help.code).toBe(0)
    for (const name of INPUT_NAMES) {
      const want = expectedInHelp('plan', name)
      if (want) expect(flat(help.stdout), name).toContain(flat(want))
    }
  })
})
