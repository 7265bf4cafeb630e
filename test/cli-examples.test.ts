/**
 * What a newcomer copies works as printed: every example of `token-action --help` (and of each
 * command's help) and every command of the README's CLI section runs in a shell against the
 * emulators; `npm run emulators` prints lines that, pasted, make `plan`, `rotate`, `audit` and
 * `distribute` work. Only the gateway's placeholder host is pointed at the emulator.
 */
import { spawn } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COMMANDS } from '../src/front/cli-help.js'
import { ROOT } from './helpers/run-dist.js'
import { checkReport } from './helpers/report-schema.js'
import { ACCOUNTS, useWorld } from './helpers/world.js'

const world = useWorld()

/**
 * Runs a bash script; `token-action` is on PATH (the built CLI), as after `npm install -g`.
 * Asynchronous: the emulators answer from this process.
 */
function shell(script: string, env: Record<string, string>, cwd: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], {
      cwd,
      env: { PATH: `${join(cwd, 'bin')}:${process.env.PATH}`, HOME: cwd, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? 1, out }))
  })
}

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'token-action-examples-'))
  mkdirSync(join(dir, 'bin'))
  writeFileSync(join(dir, 'bin', 'token-action'), `#!/bin/sh\nexec node ${join(ROOT, 'dist', 'cli.js')} "$@"\n`)
  chmodSync(join(dir, 'bin', 'token-action'), 0o755)
  return dir
}

/** The indented `Example:` block of a help text, continuation lines joined by the shell itself. */
function helpExample(help: string): string {
  const lines = help.split('\n')
  const start = lines.indexOf('Example:')
  expect(start, help).toBeGreaterThan(0)
  const end = lines.indexOf('', start)
  return lines
    .slice(start + 1, end)
    .map((l) => l.replace(/^ {2}/, ''))
    .join('\n')
}

function readmeCliExamples(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('\n## CLI\n'), readme.indexOf('\n## ', readme.indexOf('\n## CLI\n') + 1))
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!)
}

describe('examples as printed', () => {
  let dir: string
  let env: Record<string, string>
  const run = (example: string) => shell(example.replaceAll('https://gateway.example.com', world.rgw.url), env, dir)

  beforeAll(() => {
    dir = workdir()
    world.gl.addProject('acme/api')
    // Where the examples' credentials come from, as the comments above them say.
    env = {
      RACK_GATEWAY_ADMIN_TOKEN: world.admin,
      NEW_RWX_ACCESS_TOKEN: world.rwx.addToken('acme'),
      CIRCLE_TOKEN: ACCOUNTS.circleciToken,
      GITLAB_TOKEN: ACCOUNTS.gitlabToken,
      RUNNER_TEMP: dir,
      // The platforms' real URLs are the defaults: here they are the emulators'.
      TOKEN_ACTION_CIRCLECI_URL: world.cci.url,
      TOKEN_ACTION_GITLAB_URL: world.gl.url,
      TOKEN_ACTION_GITHUB_API_URL: world.gh.url,
      TOKEN_ACTION_ISSUER_URL: world.rwx.url,
    }
  })

  it('every command help has an example, and each runs as printed (exit 0, no error)', async () => {
    // In the order a user would meet them: the set exists before it is audited and revoked from.
    const order = ['plan', 'rotate', 'create', 'audit', 'distribute', 'ephemeral', 'revoke']
    expect([...order].sort()).toEqual(COMMANDS.map((c) => c.name).sort())
    for (const name of order) {
      const help = await shell(`token-action ${name} --help`, {}, dir)
      expect(help.code).toBe(0)
      const example = helpExample(help.out)
      if (name === 'revoke') {
        const token = world.rgw.tokens().find((t) => t.name.startsWith('ci-api-') && !t.revoked)
        env.TOKEN_ID = token!.public_id
      }
      const r = await run(example)
      expect(r.code, `${name}: ${example}\n${r.out}`).toBe(0)
      expect(r.out, name).not.toMatch(/^error:/m)
      if (name === 'ephemeral') expect(r.out).toContain('deployed')
      if (name === 'revoke') expect(r.out).toContain(`revoked ${env.TOKEN_ID}`)
    }
  })

  it('the top-level help fits one screen and its example runs', async () => {
    const help = await shell('token-action --help', {}, dir)
    expect(help.code).toBe(0)
    expect(help.out.split('\n').length).toBeLessThanOrEqual(40)
    for (const c of COMMANDS) expect(help.out).toMatch(new RegExp(`^ {2}${c.name} `, 'm'))
    const r = await run(helpExample(help.out))
    expect(r.code, r.out).toBe(0)
  })

  it("the README's CLI section runs as printed", async () => {
    writeFileSync(join(dir, 'deploy.sh'), '#!/bin/sh\ntest -n "$RACK_GATEWAY_API_TOKEN" && echo "deployed to $1"\n')
    chmodSync(join(dir, 'deploy.sh'), 0o755)
    const examples = readmeCliExamples()
    expect(examples.length).toBeGreaterThanOrEqual(2)
    for (const example of examples) {
      const r = await run(example)
      expect(r.code, `${example}\n${r.out}`).toBe(0)
      expect(r.out).not.toMatch(/^error:/m)
    }
    expect(readFileSync(join(dir, 'token'), 'utf8')).toMatch(/^rgw_/)
  })
})

describe('npm run emulators', () => {
  let child: ReturnType<typeof spawn> | undefined
  afterAll(() => {
    child?.kill('SIGTERM')
  })

  it('prints lines to paste; pasted, plan, rotate, audit and distribute work against it', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'emulators.ts')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let printed = ''
    await new Promise<void>((resolve, reject) => {
      child!.stdout!.on('data', (d: Buffer) => {
        printed += d.toString()
        if (/^ready$/m.test(printed)) resolve()
      })
      child!.on('exit', (code) => reject(new Error(`npm run emulators exited ${code}: ${printed}`)))
    })
    const lines = printed.split('\n')
    const paste = lines.filter((l) => /^(export |alias )/.test(l))
    // Only made-up credentials the emulators accept, every one for a variable token-action reads.
    expect(paste.filter((l) => l.startsWith('export ')).map((l) => l.split('=')[0])).toEqual([
      'export TOKEN_ACTION_ISSUER_URL',
      'export TOKEN_ACTION_ISSUER_TOKEN',
      'export TOKEN_ACTION_GITHUB_API_URL',
      'export GITHUB_TOKEN',
      'export TOKEN_ACTION_CIRCLECI_URL',
      'export CIRCLE_TOKEN',
      'export TOKEN_ACTION_GITLAB_URL',
      'export GITLAB_TOKEN',
    ])
    for (const l of paste.filter((x) => x.includes('_URL='))) expect(l).toMatch(/=http:\/\/127\.0\.0\.1:\d+$/)
    const tries = lines.filter((l) => /(^|\s)token-action (plan|rotate|audit|distribute) /.test(l))
    expect(tries.map((l) => /token-action (\w+)/.exec(l)![1])).toEqual(['plan', 'rotate', 'audit', 'distribute'])
    const dir = workdir()
    const outcomes = ['planned', 'rotated', 'audited', 'distributed']
    for (const [i, line] of tries.entries()) {
      const r = await shell(['shopt -s expand_aliases', ...paste, line].join('\n'), {}, dir)
      expect(r.code, `${line}\n${r.out}`).toBe(0)
      expect(r.out).toContain(`: ${outcomes[i]}`)
    }
  }, 60_000)
})

describe('npm run demo', () => {
  it('keeps the evidence: names a JSON report and a job summary per run, each a file a newcomer can open', async () => {
    const demo = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'demo.ts')], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let out = ''
      child.stdout.on('data', (d: Buffer) => (out += d.toString()))
      child.stderr.on('data', (d: Buffer) => (out += d.toString()))
      child.on('close', (code) => resolve({ code, out }))
    })
    expect(demo.code, demo.out).toBe(0)
    const named = demo.out
      .slice(demo.out.indexOf('What each run left behind'))
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.startsWith('/'))
    expect(named).toHaveLength(10)
    for (const file of named.filter((f) => f.endsWith('-report.json'))) checkReport(readFileSync(file, 'utf8'), file)
    for (const file of named.filter((f) => f.endsWith('-summary.md')))
      expect(readFileSync(file, 'utf8')).toMatch(/^### token-action: (planned \(dry run\)|rotated|failed)/)
  }, 60_000)
})
