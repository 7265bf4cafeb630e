/**
 * The CLI speaks CLI: plan errors name flags (and their variables) and commands, not action inputs
 * and modes; `mode` is the command (plan alone takes --mode); unknown TOKEN_ACTION_* variables are
 * warned about with the closest name; an unknown flag's "Did you mean" is not buried under the help.
 */
import { describe, expect, it } from 'vitest'
import { cliMessage, unknownEnvWarnings } from '../src/front/cli.js'
import { ConfigError } from '../src/shared/errors.js'
import { buildPlan, type Inputs } from '../src/plan/plan.js'
import { runCli } from './helpers/run-dist.js'

/** The ConfigError buildPlan throws for these inputs, as the CLI words it. */
function said(inputs: Inputs): string {
  try {
    buildPlan(inputs)
  } catch (err) {
    if (err instanceof ConfigError) return cliMessage(err)
    throw err
  }
  throw new Error('buildPlan accepted the inputs')
}

const RG = {
  issuer: 'rack-gateway',
  'issuer-url': 'https://gateway.example.com',
  'issuer-token': 't',
  'token-role': 'cicd',
  'token-name': 'cli-messages',
  destinations: 'gitlab:group/acme',
  'gitlab-token': 'g',
}

describe('cliMessage', () => {
  it('a missing input names the flag and its variable', () => {
    expect(said({})).toBe(
      '--issuer (or TOKEN_ACTION_ISSUER) is required: one of rack-gateway, http, rwx, hawzu, static',
    )
  })

  it('modes become commands, `token` becomes --token', () => {
    const m = said({ issuer: 'rwx', mode: 'rotate', destinations: 'gitlab:group/acme' })
    expect(m).toMatch(
      /^issuer rwx has no API to mint tokens, so `token-action rotate` is impossible: .*pass it with --token \(or TOKEN_ACTION_TOKEN\) and use `token-action distribute`$/,
    )
    expect(m).not.toMatch(/\bmode\b/)
    expect(said({ ...RG, mode: 'distribute' })).toBe(
      '--token (or TOKEN_ACTION_TOKEN) is required with `token-action distribute`',
    )
    expect(said({ ...RG, shard: '1/2' })).toMatch(/^--shard: .*use it with `token-action distribute`$/)
  })

  it('hyphenated input names in the rule become flags; quoted values stay as given', () => {
    expect(said({ ...RG, 'token-permissions': 'a' })).toBe(
      '--token-role: give --token-role or --token-permissions, not both',
    )
    expect(said({ ...RG, 'token-name': '-bad' })).toMatch(/^--token-name: "-bad" may contain only/)
    expect(said({ ...RG, 'issuer-url': 'http://gateway.example.com' })).toMatch(/^--issuer-url: must use https:\/\//)
  })

  it('an unknown mode (plan --mode) names the flag', () => {
    expect(said({ ...RG, mode: 'bogus' })).toBe(
      '--mode: "bogus" is not a mode: use rotate, create, ephemeral, distribute, audit',
    )
  })
})

describe('unknownEnvWarnings', () => {
  it('names the closest variable for a typo, and only for TOKEN_ACTION_* names that are no input', () => {
    expect(
      unknownEnvWarnings({
        TOKEN_ACTION_DESTINATION: 'x',
        TOKEN_ACTION_ISSUER: 'rwx',
        TOKEN_ACTION_MODE: 'rotate',
        GITLAB_TOKEN: 'g',
      }),
    ).toEqual([
      'TOKEN_ACTION_DESTINATION is not a token-action variable and is ignored; did you mean TOKEN_ACTION_DESTINATIONS?',
    ])
    expect(unknownEnvWarnings({ TOKEN_ACTION_ISUER_URL: 'x' })).toEqual([
      'TOKEN_ACTION_ISUER_URL is not a token-action variable and is ignored; did you mean TOKEN_ACTION_ISSUER_URL?',
    ])
    expect(unknownEnvWarnings({ TOKEN_ACTION_SOMETHING_ELSE: '1' })).toEqual([
      'TOKEN_ACTION_SOMETHING_ELSE is not a token-action variable and is ignored (see token-action --help)',
    ])
  })
})

describe('the built CLI', () => {
  it('an unknown flag: the error, the "Did you mean" and one hint line - no help dump; exit 2', async () => {
    const r = await runCli(['rotate', '--destination', 'gitlab:group/acme'])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim().split('\n')).toEqual([
      "error: unknown option '--destination'",
      '(Did you mean --destinations?)',
      '(run token-action <command> --help for every flag)',
    ])
  })

  it('a typo in a TOKEN_ACTION_* variable is warned about with the closest name', async () => {
    const r = await runCli(['rotate', '--issuer', 'rwx'], { env: { TOKEN_ACTION_DESTINATION: 'gitlab:group/acme' } })
    expect(r.stderr).toContain(
      'warning: TOKEN_ACTION_DESTINATION is not a token-action variable and is ignored; did you mean TOKEN_ACTION_DESTINATIONS?',
    )
  })

  it('bad input names the flag: `issuer: is required` reads `--issuer (or TOKEN_ACTION_ISSUER) is required`', async () => {
    const r = await runCli(['distribute'])
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toBe(
      'error: --issuer (or TOKEN_ACTION_ISSUER) is required: one of rack-gateway, http, rwx, hawzu, static',
    )
  })

  it('the command is the mode: TOKEN_ACTION_MODE may repeat it but not contradict it; --mode is hidden outside plan', async () => {
    const contradicts = await runCli(['rotate', '--issuer', 'rwx'], { env: { TOKEN_ACTION_MODE: 'create' } })
    expect(contradicts.code).toBe(2)
    expect(contradicts.stderr).toMatch(
      /--mode \(or TOKEN_ACTION_MODE\) is create, but the command is `token-action rotate`/,
    )
    const repeats = await runCli(['distribute', '--issuer', 'rwx'], { env: { TOKEN_ACTION_MODE: 'distribute' } })
    expect(repeats.stderr).not.toMatch(/TOKEN_ACTION_MODE/)
    expect(repeats.stderr).toMatch(/--token \(or TOKEN_ACTION_TOKEN\) is required/)
    expect((await runCli(['rotate', '--help'])).stdout).not.toContain('--mode')
  })

  it('plan takes --mode / TOKEN_ACTION_MODE: the mode to plan', async () => {
    const help = await runCli(['plan', '--help'])
    expect(help.stdout).toMatch(/--mode <mode>\s+the mode to plan/)
    const viaEnv = await runCli(['plan', '--issuer', 'rwx', '--destinations', 'gitlab:group/acme'], {
      env: { TOKEN_ACTION_MODE: 'create', TOKEN_ACTION_TOKEN: 'x' },
    })
    expect(viaEnv.code).toBe(2)
    expect(viaEnv.stderr).toMatch(/`token-action create` is impossible/)
    const bogus = await runCli(['plan', '--mode', 'bogus', '--issuer', 'rwx'])
    expect(bogus.stderr.trim()).toBe(
      'error: --mode: "bogus" is not a mode: use rotate, create, ephemeral, distribute, audit',
    )
  })
})
