/**
 * Issue 17 item 2, through dist/cli.js: `ephemeral -- CMD` hands CMD the one token and nothing else,
 * masks it in GitHub Actions, and revokes it whatever signal arrives and when: between the mint and
 * CMD's start, twice while the revoke is retrying, to a CMD that ignores it, or to the whole process
 * group (one Ctrl-C reaches CMD once).
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { json, PASS } from './emulators/base.js'
import { credentialVariables } from '../src/front/ephemeral.js'
import { ROOT } from './helpers/run-dist.js'
import { useWorld } from './helpers/world.js'

const world = useWorld()
const { rgw, http } = world

afterEach(() => {
  rgw.guards.length = 0
  rgw.observers.length = 0
  rgw.setFaults([])
})

interface Spawned {
  pid: number
  done: Promise<{ code: number; out: string }>
}

/**
 * The CLI in a process group of its own (as a shell starts a job), so a test can signal the group.
 * `on(output, pid)` runs after each chunk of output, e.g. to send a signal when CMD is ready.
 */
function cli(args: string[], env: Record<string, string>, on?: (out: string, pid: number) => void): Spawned {
  const child = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let out = ''
  const seen = (d: Buffer) => {
    out += d.toString()
    on?.(out, child.pid!)
  }
  child.stdout.on('data', seen)
  child.stderr.on('data', seen)
  const done = new Promise<{ code: number; out: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? -1 : 1), out })),
  )
  return { pid: child.pid!, done }
}

/** Sends `signal` once, when `pattern` first shows in the output. */
function when(pattern: RegExp, send: (pid: number) => void) {
  let sent = false
  return (out: string, pid: number) => {
    if (!sent && pattern.test(out)) {
      sent = true
      send(pid)
    }
  }
}

const node = (script: string) => ['--', process.execPath, '-e', script]
const sha = (s: string) => createHash('sha256').update(s).digest('hex')

const rackArgs = (name: string) => [
  'ephemeral',
  '--issuer',
  'rack-gateway',
  '--issuer-url',
  rgw.url,
  '--token-role',
  'deployer',
  '--secret-name',
  'DEPLOY_TOKEN',
  '--token-name',
  name,
]
const liveIn = (name: string) => rgw.tokens().filter((t) => t.name.startsWith(`${name}-`) && !t.revoked)
const mintedIn = (name: string) => rgw.tokens().filter((t) => t.name.startsWith(`${name}-`))

describe('ephemeral: the command gets the one token', () => {
  it("no credential of token-action's reaches the command unless --keep-env names it; the token is masked first in Actions; it expires in 1 h", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ephemeral-env-'))
    const credentials = {
      TOKEN_ACTION_ISSUER_TOKEN: http.addAdminToken(),
      TOKEN_ACTION_GITHUB_TOKEN: 'ghp_tokenaction0000000000000000000000000',
      GITHUB_TOKEN: 'ghs_ambient00000000000000000000000000000',
      CIRCLE_TOKEN: 'circle-token-000000000000000000000000000',
      CIRCLECI_TOKEN: 'circleci-token-0000000000000000000000000',
      GITLAB_TOKEN: 'glpat-00000000000000000000',
      TOKEN_ACTION_GITLAB_TOKEN: 'glpat-11111111111111111111',
      TOKEN_ACTION_CIRCLECI_TOKEN: 'circle-token-111111111111111111111111111',
    }
    // The child reports which variables it can see (names only) and a hash of the token it was given.
    const names = [...Object.keys(credentials), 'TOKEN_ACTION_ISSUER_URL', 'UNRELATED', 'PREVIEW_TOKEN']
    const script = `const fs = require('fs'); fs.writeFileSync(${JSON.stringify(join(dir, 'seen.json'))}, JSON.stringify({ names: ${JSON.stringify(names)}.filter((n) => n in process.env), token: require('crypto').createHash('sha256').update(process.env.PREVIEW_TOKEN).digest('hex') })); console.log('child ready')`
    const run = cli(
      [
        'ephemeral',
        '--issuer',
        'http',
        '--token-role',
        'deployer',
        '--secret-name',
        'PREVIEW_TOKEN',
        '--token-name',
        'preview',
        '--keep-env',
        'GITLAB_TOKEN',
        ...node(script),
      ],
      { ...credentials, TOKEN_ACTION_ISSUER_URL: http.url, UNRELATED: 'x', GITHUB_ACTIONS: 'true' },
    )
    const { code, out } = await run.done
    expect(code, out).toBe(0)
    const seen = JSON.parse(readFileSync(join(dir, 'seen.json'), 'utf8')) as { names: string[]; token: string }
    expect(seen.names.sort()).toEqual(['GITLAB_TOKEN', 'PREVIEW_TOKEN', 'UNRELATED'])
    // The runner was told to mask the token (as @actions/core does) before the command's first line.
    const masks = out
      .split('\n')
      .filter((l) => l.startsWith('::add-mask::'))
      .map((l) => l.slice('::add-mask::'.length))
    const maskLine = out.split('\n').findIndex((l) => l.startsWith('::add-mask::') && sha(l.slice(12)) === seen.token)
    expect(maskLine).toBeGreaterThanOrEqual(0)
    expect(maskLine).toBeLessThan(out.split('\n').indexOf('child ready'))
    expect(masks).toContain(credentials.TOKEN_ACTION_ISSUER_TOKEN)
    const token = http.tokens().find((t) => t.name.startsWith('preview-'))!
    expect(token.revoked).toBe(true)
    // Short-lived by default: one hour, so a token-action killed outright (SIGKILL) leaves little behind.
    expect(Date.parse(token.expires_at!) - Date.parse(token.created_at)).toBeGreaterThan(55 * 60_000)
    expect(Date.parse(token.expires_at!) - Date.parse(token.created_at)).toBeLessThanOrEqual(60 * 60_000 + 5_000)
  })

  it('credentialVariables covers every secret input, its file variable and its fallbacks', () => {
    expect(credentialVariables()).toEqual(
      expect.arrayContaining([
        'TOKEN_ACTION_ISSUER_TOKEN',
        'TOKEN_ACTION_ISSUER_TOKEN_FILE',
        'TOKEN_ACTION_TOKEN',
        'TOKEN_ACTION_GITHUB_APP_PRIVATE_KEY',
        'GITHUB_TOKEN',
        'CIRCLE_TOKEN',
        'CIRCLECI_TOKEN',
        'GITLAB_TOKEN',
      ]),
    )
  })
})

describe('ephemeral: signals never leave the token valid', () => {
  it('SIGHUP right after the mint: the command never starts and the token is revoked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ephemeral-hup-'))
    let pid = 0
    // The signal leaves as the mint's answer does: it lands between the mint and the command's start.
    rgw.observers.push((req) => {
      if (req.method === 'POST' && req.path === '/api/v1/api-tokens') process.kill(pid, 'SIGHUP')
    })
    const run = cli(
      [...rackArgs('hup-job'), ...node(`require('fs').writeFileSync(${JSON.stringify(join(dir, 'ran'))}, 'yes')`)],
      { TOKEN_ACTION_ISSUER_TOKEN: rgw.addAdminToken() },
    )
    pid = run.pid
    const { code, out } = await run.done
    expect(code, out).not.toBe(0)
    expect(out).toMatch(/SIGHUP received/)
    expect(existsSync(join(dir, 'ran'))).toBe(false)
    expect(mintedIn('hup-job')).toHaveLength(1)
    expect(liveIn('hup-job')).toEqual([])
  })

  it('a second SIGTERM while the revoke is being retried does not abandon it', async () => {
    let pid = 0
    let deletes = 0
    rgw.guards.push((req) => {
      if (req.method !== 'DELETE') return PASS
      // The first revoke attempt fails, and a second SIGTERM arrives while it is retried.
      if (deletes++ === 0) {
        process.kill(pid, 'SIGTERM')
        return json(503, { error: 'service unavailable' })
      }
      return PASS
    })
    const run = cli(
      [...rackArgs('twice-job'), ...node(`console.log('child ready'); setTimeout(() => {}, 30000)`)],
      { TOKEN_ACTION_ISSUER_TOKEN: rgw.addAdminToken() },
      when(/child ready/, (p) => process.kill(p, 'SIGTERM')),
    )
    pid = run.pid
    const { code, out } = await run.done
    expect(code, out).toBe(143)
    expect(out).toMatch(/SIGTERM received again: revoking the token first/)
    expect(out).toMatch(/revoked ephemeral token twice-job-/)
    expect(deletes).toBeGreaterThan(1)
    expect(mintedIn('twice-job')).toHaveLength(1)
    expect(liveIn('twice-job')).toEqual([])
  }, 60_000)

  it('a command that ignores SIGTERM is killed after the grace period, then the token is revoked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ephemeral-stubborn-'))
    const pidFile = join(dir, 'pid')
    const run = cli(
      [
        ...rackArgs('stubborn-job'),
        '--grace',
        '1',
        ...node(
          `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); process.on('SIGTERM', () => console.log('ignoring SIGTERM')); console.log('child ready'); setInterval(() => {}, 1000)`,
        ),
      ],
      { TOKEN_ACTION_ISSUER_TOKEN: rgw.addAdminToken() },
      when(/child ready/, (p) => process.kill(p, 'SIGTERM')),
    )
    const { code, out } = await run.done
    expect(out).toMatch(/ignoring SIGTERM/)
    expect(out).toMatch(/the command did not end within 1 s of SIGTERM: killing it/)
    expect(code, out).toBe(137)
    expect(() => process.kill(Number(readFileSync(pidFile, 'utf8')), 0)).toThrow()
    expect(liveIn('stubborn-job')).toEqual([])
  }, 60_000)

  it('one Ctrl-C to the process group reaches the command once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ephemeral-int-'))
    const count = join(dir, 'count')
    const run = cli(
      [
        ...rackArgs('ctrl-c-job'),
        ...node(
          `let n = 0; process.on('SIGINT', () => { require('fs').writeFileSync(${JSON.stringify(count)}, String(++n)); setTimeout(() => process.exit(130), 500) }); console.log('child ready'); setInterval(() => {}, 1000)`,
        ),
      ],
      { TOKEN_ACTION_ISSUER_TOKEN: rgw.addAdminToken() },
      when(/child ready/, (p) => process.kill(-p, 'SIGINT')),
    )
    const { code, out } = await run.done
    expect(code, out).toBe(130)
    expect(readFileSync(count, 'utf8')).toBe('1')
    expect(liveIn('ctrl-c-job')).toEqual([])
  }, 60_000)
})
