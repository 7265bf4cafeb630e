/**
 * The CLI speaks CLI: plan errors name flags (and their variables) and commands, not action inputs
 * and modes; `mode` is the command (plan alone takes --mode); unknown TOKEN_ACTION_* variables are
 * warned about with the closest name; an unknown flag's "Did you mean" is not buried under the help.
 */
import { spawn } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { envName, SECRET_INPUTS } from '../src/front/cli-secrets.js'
import { revokeOutcome, usageError } from '../src/front/cli.js'
import { cliMessage, unknownEnvWarnings } from '../src/front/cli-inputs.js'
import { INPUT_NAMES } from '../src/plan/inputs.js'
import { ConfigError } from '../src/shared/errors.js'
import { buildPlan, type Inputs } from '../src/plan/plan.js'
import { ROOT, runCli } from './helpers/run-dist.js'
import { ACCOUNTS, useWorld } from './helpers/world.js'

const world = useWorld()

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

  it('modes become commands; secrets, refused as flags, are named by their variable', () => {
    const m = said({ issuer: 'rwx', mode: 'rotate', destinations: 'gitlab:group/acme' })
    expect(m).toMatch(
      /^issuer rwx has no API to mint tokens, so `token-action rotate` is impossible: .*set TOKEN_ACTION_TOKEN and use `token-action distribute`$/,
    )
    expect(m).not.toMatch(/\bmode\b/)
    expect(said({ ...RG, mode: 'distribute' })).toBe('TOKEN_ACTION_TOKEN is required with `token-action distribute`')
    expect(said({ ...RG, 'gitlab-token': undefined })).toMatch(
      /^TOKEN_ACTION_GITLAB_TOKEN \(or --gitlab-token-file PATH\) is required for gitlab: destinations/,
    )
    expect(said({ ...RG, destinations: 'github:repo/acme/api' })).toMatch(
      /^TOKEN_ACTION_GITHUB_TOKEN \(or --github-token-file PATH\) is required .* or set --github-app-id and TOKEN_ACTION_GITHUB_APP_PRIVATE_KEY$/,
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
    expect(repeats.stderr).toMatch(/TOKEN_ACTION_TOKEN is required/)
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

describe('wrong names in errors', () => {
  it('flags without a command say a command is missing and list the commands; help of nothing is an unknown command', async () => {
    expect(usageError(['--issuer', 'rwx'])).toBe(
      'a command is missing: token-action COMMAND [flags]; commands: rotate, create, distribute, ephemeral, plan, audit, revoke (token-action --help)',
    )
    expect(usageError(['help', 'nonsense'])).toMatch(/^unknown command 'nonsense'; commands: rotate, /)
    expect(usageError(['help', 'revoke'])).toBeUndefined()
    expect(usageError(['--version'])).toBeUndefined()
    const missing = await runCli(['--issuer', 'rack-gateway', '--token-name', 'x'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/^error: a command is missing: token-action COMMAND \[flags\]; commands: rotate/)
    expect(missing.stderr).not.toMatch(/unknown option/)
    const nonsense = await runCli(['help', 'nonsense'])
    expect(nonsense.code).toBe(2)
    expect(nonsense.stderr.trim()).toMatch(/^error: unknown command 'nonsense'; commands: /)
    expect(nonsense.stdout).toBe('')
  })

  it('--json with bad input prints a JSON error object on stdout (and the message on stderr)', async () => {
    const bad = await runCli(['plan', '--json'])
    expect(bad.code).toBe(2)
    expect(JSON.parse(bad.stdout)).toEqual({
      error: {
        message: '--issuer (or TOKEN_ACTION_ISSUER) is required: one of rack-gateway, http, rwx, hawzu, static',
        input: 'issuer',
        exitCode: 2,
      },
    })
    expect(bad.stderr).toMatch(/^error: --issuer/)
    const unknown = await runCli(['plan', '--json', '--bogus'])
    expect(unknown.code).toBe(2)
    expect(JSON.parse(unknown.stdout)).toEqual({ error: { message: "unknown option '--bogus'", exitCode: 2 } })
    const commandless = await runCli(['--json', '--issuer', 'rwx'])
    expect(JSON.parse(commandless.stdout).error.message).toMatch(/^a command is missing/)
  })

  it('comma-separated destinations get a hint to use one per line', async () => {
    const r = await runCli(
      ['plan', '--issuer', 'rwx', '--destinations', 'gitlab:group/acme,circleci:context/gh/acme/rwx'],
      {
        env: { TOKEN_ACTION_TOKEN: 'rwx_x' },
      },
    )
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/holds more than one destination: put one per line .*repeat --destinations/)
  })

  it('revoking what is already gone is done (exit 0), a live token of another set is refused (exit 2)', () => {
    expect(revokeOutcome({ revoked: [], outside: [], failed: [], notFound: ['t1'] }, 'ci', false)).toEqual({
      out: ['t1: not found at the issuer - already revoked, or never made; nothing to revoke'],
      err: [],
      code: 0,
    })
    expect(revokeOutcome({ revoked: ['t2'], outside: [], failed: ['t3'], notFound: [] }, 'ci', false)).toEqual({
      out: ['revoked t2'],
      err: ['t3: not revoked (see above)'],
      code: 1,
    })
    const other = revokeOutcome({ revoked: [], outside: ['t4'], failed: [], notFound: [] }, 'ci', false)
    expect(other.code).toBe(2)
    expect(other.err[0]).toMatch(/^--token-id t4: another rotation set's live token, not one of ci/)
  })
})

describe('every hint names a form that works', () => {
  const dir = mkdtempSync(join(tmpdir(), 'token-action-hints-'))
  const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' })
  let values: Record<string, string>
  beforeAll(() => {
    world.gh.addRepo('acme', 'api')
    world.gh.installApp('acme', 42)
    values = {
      issuer: 'rack-gateway',
      'issuer-token': world.admin,
      token: world.rwx.addToken('acme'),
      'token-name': 'hints',
      'github-token': ACCOUNTS.githubToken,
      'github-app-id': '123',
      'github-app-private-key': pem.toString(),
      'circleci-token': ACCOUNTS.circleciToken,
      'gitlab-token': ACCOUNTS.gitlabToken,
    }
  })
  const urls = () => ({
    TOKEN_ACTION_GITHUB_API_URL: world.gh.url,
    TOKEN_ACTION_CIRCLECI_URL: world.cci.url,
    TOKEN_ACTION_GITLAB_URL: world.gl.url,
  })
  const rgw = () => ['--issuer', 'rack-gateway', '--issuer-url', world.rgw.url, '--token-role', 'cicd']

  /** Each hint: the command that draws it, and the forms it offers (each form alone, or together with `with`). */
  const HINTS: { what: string; args: () => string[]; env: () => Record<string, string>; forms: string[][] }[] = [
    {
      what: 'a missing token (distribute)',
      args: () => [
        'distribute',
        '--issuer',
        'rwx',
        '--issuer-url',
        world.rwx.url,
        '--destinations',
        'gitlab:group/acme',
      ],
      env: () => ({ GITLAB_TOKEN: ACCOUNTS.gitlabToken }),
      forms: [['TOKEN_ACTION_TOKEN']],
    },
    {
      what: 'a missing issuer credential',
      args: () => ['plan', ...rgw(), '--token-name', 'hints', '--destinations', 'gitlab:group/acme'],
      env: () => ({ GITLAB_TOKEN: ACCOUNTS.gitlabToken }),
      forms: [['TOKEN_ACTION_ISSUER_TOKEN'], ['--issuer-token-file PATH']],
    },
    {
      what: 'a missing GitHub credential',
      args: () => ['plan', ...rgw(), '--token-name', 'hints', '--destinations', 'github:repo/acme/api'],
      env: () => ({ TOKEN_ACTION_ISSUER_TOKEN: values['issuer-token']! }),
      forms: [
        ['TOKEN_ACTION_GITHUB_TOKEN'],
        ['--github-token-file PATH'],
        ['--github-app-id', 'TOKEN_ACTION_GITHUB_APP_PRIVATE_KEY'],
      ],
    },
    {
      what: 'a missing CircleCI token',
      args: () => ['plan', ...rgw(), '--token-name', 'hints', '--destinations', 'circleci:context/gh/acme/rwx'],
      env: () => ({ TOKEN_ACTION_ISSUER_TOKEN: values['issuer-token']! }),
      forms: [['TOKEN_ACTION_CIRCLECI_TOKEN'], ['--circleci-token-file PATH']],
    },
    {
      what: 'a missing token name outside CI',
      args: () => ['plan', ...rgw(), '--destinations', 'gitlab:group/acme'],
      env: () => ({ TOKEN_ACTION_ISSUER_TOKEN: values['issuer-token']!, GITLAB_TOKEN: ACCOUNTS.gitlabToken }),
      forms: [['--token-name'], ['TOKEN_ACTION_TOKEN_NAME']],
    },
    {
      what: 'a secret given as a flag',
      args: () => [
        'plan',
        ...rgw(),
        '--token-name',
        'hints',
        '--destinations',
        'gitlab:group/acme',
        '--gitlab-token',
        'glpat-x',
      ],
      env: () => ({ TOKEN_ACTION_ISSUER_TOKEN: values['issuer-token']! }),
      forms: [['TOKEN_ACTION_GITLAB_TOKEN'], ['--gitlab-token-file PATH']],
    },
  ]

  /** Runs `args` with the forms applied: a variable set, a file written and named, or a flag added. */
  async function apply(args: string[], env: Record<string, string>, forms: string[]) {
    // The refused secret flag (and its value) goes: the hint replaces it.
    const refused = (x: string | undefined) => SECRET_INPUTS.some((n) => x === `--${n}`)
    const a = args.filter((x, i) => !refused(x) && !refused(args[i - 1]))
    const e: Record<string, string> = { ...urls(), ...env }
    for (const form of forms) {
      const variable = INPUT_NAMES.find((n) => envName(n) === form)
      const file = /^--([a-z-]+)-file PATH$/.exec(form)?.[1]
      const flag = /^--([a-z-]+)$/.exec(form)?.[1]
      if (variable) e[form] = values[variable]!
      else if (file) {
        writeFileSync(join(dir, file), values[file]!)
        a.push(`--${file}-file`, join(dir, file))
      } else if (flag) a.push(`--${flag}`, values[flag]!)
      else throw new Error(`unknown form ${form}`)
    }
    return runCli(a, { env: e })
  }

  it.each(HINTS.map((h) => [h.what, h] as const))(
    '%s: each offered form is accepted and gets past the error',
    async (_what, hint) => {
      const before = await runCli(hint.args(), { env: { ...urls(), ...hint.env() } })
      expect(before.code, before.log).toBe(2)
      const error = before.stderr.split('\n').find((l) => l.startsWith('error: '))!
      // What the hint offers, after the subject when that is the refused flag the user typed.
      const hintText = error.replace(/^error: --[a-z-]+: a secret is never/, 'a secret is never')
      // Every input the hint names is offered in a form the CLI accepts: never a secret's refused flag.
      for (const name of SECRET_INPUTS) expect(hintText).not.toMatch(new RegExp(`--${name}(?![\\w-])`))
      const offered = [...hintText.matchAll(/TOKEN_ACTION_[A-Z_]+|--[a-z-]+-file PATH|--[a-z][a-z-]*/g)]
        .map((m) => m[0])
        .filter((f) => f.startsWith('TOKEN_ACTION_') || f.endsWith('PATH') || INPUT_NAMES.includes(f.slice(2) as never))
      expect(new Set(offered), error).toEqual(new Set(hint.forms.flat()))
      for (const forms of hint.forms) {
        const after = await apply(hint.args(), hint.env(), forms)
        expect(after.stderr, `${forms.join(' + ')}\n${after.log}`).not.toContain(error)
        expect(after.log).not.toMatch(/never a command-line flag|unknown option|is not a token-action variable/)
        expect(after.code, `${forms.join(' + ')}\n${after.log}`).toBe(0)
      }
    },
  )
})

describe('a closed pipe', () => {
  it('`token-action help revoke | head -1` exits quietly, every time', async () => {
    const once = () =>
      new Promise<{ code: number | null; stderr: string; first: string }>((resolve) => {
        // pipefail: the exit code is the CLI's, not head's.
        const child = spawn(
          'bash',
          ['-c', `set -o pipefail; node ${join(ROOT, 'dist', 'cli.js')} help revoke | head -1`],
          {
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        )
        let stdout = ''
        let stderr = ''
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
        child.on('close', (code) => resolve({ code, stderr, first: stdout }))
      })
    for (let i = 0; i < 40; i++) {
      const r = await once()
      expect(r.stderr, `run ${i}`).toBe('')
      expect(r.code, `run ${i}`).toBe(0)
      expect(r.first.trim()).toBe('Usage: token-action revoke [options]')
    }
  }, 120_000)
})
