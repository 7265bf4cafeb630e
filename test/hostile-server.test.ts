/**
 * Issue 11, hostile or broken servers: every answer is untrusted. Each case makes one loopback
 * server (an emulator with an injected answer, or a raw server) misbehave and asserts the error,
 * that the credential went nowhere else, and that nothing was minted (or, once minting has been
 * answered, that nothing was written anywhere).
 */
import { generateKeyPairSync } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { MAX_PAGES as CIRCLECI_MAX_PAGES } from '../src/platforms/circleci/destination.js'
import { UntrustedResponseError } from '../src/shared/errors.js'
import { resolveUrl } from '../src/transport/url.js'
import { platformMessage } from '../src/transport/body.js'
import { redactingLogger } from '../src/shared/log.js'
import { buildPlan, type Inputs } from '../src/plan/plan.js'
import { Redactor } from '../src/shared/redact.js'
import { type Report } from '../src/report/report.js'
import { summaryText } from '../src/report/text.js'
import { runPlan } from '../src/engine/run.js'
import { sanitize } from '../src/shared/sanitize.js'
import { type Emulator, type EmuRequest, type EmuResponse, json, PASS } from './emulators/base.js'
import { AwsSecretsManagerEmulator } from './emulators/aws-secrets-manager.js'
import { VaultEmulator } from './emulators/vault.js'
import { runAction } from './helpers/run-dist.js'
import { ACCOUNTS, useWorld } from './helpers/world.js'

const PAT = ACCOUNTS.githubToken
const NAME = 'RACK_GATEWAY_API_TOKEN'

const world = useWorld()
const { gh, rgw, cci, gl, http: hz } = world
const vault = new VaultEmulator()
const aws = new AwsSecretsManagerEmulator()
const VAULT_TOKEN = 'hvs.hostile-000000000000000000000'
const AWS = {
  AWS_ACCESS_KEY_ID: 'AKIAHOSTILE000000000',
  AWS_SECRET_ACCESS_KEY: 'hostile-secret-key-0000000000',
  AWS_REGION: 'us-east-1',
}
let evil: RawServer
let admin: string
const emulators = () => [gh, rgw, cci, gl, hz, vault, aws]

/** A plain loopback server with its own origin (another port): the place credentials must never reach. */
interface RawServer {
  url: string
  requests: string[]
  closedEarly: number
  close(): Promise<void>
}

async function rawServer(
  handler: (req: http.IncomingMessage, res: http.ServerResponse, server: RawServer) => void,
): Promise<RawServer> {
  const server = http.createServer((req, res) => {
    raw.requests.push(
      `${req.method} ${req.url} auth=${req.headers.authorization ?? req.headers['circle-token'] ?? req.headers['private-token'] ?? ''}`,
    )
    res.on('close', () => {
      if (!res.writableFinished) raw.closedEarly++
    })
    handler(req, res, raw)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const raw: RawServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: [],
    closedEarly: 0,
    close: () => {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
  return raw
}

beforeAll(async () => {
  evil = await rawServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"total_count":0,"repositories":[]}'),
  )
  gh.addRepo('acme', 'api')
  gh.addRepo('acme', 'web')
  admin = world.admin
  await Promise.all([vault.start(), aws.start()])
  vault.addMount('secret', { version: 2 })
  vault.addMount('transit', { type: 'transit' })
  vault.addToken(VAULT_TOKEN, { 'secret/*': ['create', 'read', 'update'], 'transit/*': ['create', 'read', 'update'] })
  aws.addCredentials(AWS.AWS_ACCESS_KEY_ID, AWS.AWS_SECRET_ACCESS_KEY)
})
afterAll(async () => Promise.all([evil.close(), vault.close(), aws.close()]))

const undo: (() => void)[] = []
afterEach(() => {
  while (undo.length) undo.pop()!()
  for (const e of emulators()) e.requests.length = 0
  evil.requests.length = 0
})

/** Answers `METHOD path` (regex on `METHOD /path`) with `answer` before the emulator's own routes. */
function intercept(emu: Emulator, match: RegExp, answer: (req: EmuRequest) => EmuResponse): void {
  const guard = (req: EmuRequest) => (match.test(`${req.method} ${req.path}`) ? answer(req) : PASS)
  emu.guards.unshift(guard)
  undo.push(() => emu.guards.splice(emu.guards.indexOf(guard), 1))
}

const html = (status = 200): EmuResponse => ({
  status,
  body: '<!doctype html><html><body>Sign in to continue</body></html>',
  headers: { 'content-type': 'text/html; charset=utf-8' },
})
const text = (status: number, body: string, type = 'application/json'): EmuResponse => ({
  status,
  body,
  headers: { 'content-type': type },
})

function inputs(extra: Inputs = {}): Inputs {
  return world.inputs({
    'issuer-token': admin,
    'token-name': 'rack-gateway-api-token',
    destinations: 'github:repo/acme/api',
    ...extra,
  })
}

interface Outcome {
  report: Report
  /** Every line a person could see: log lines and the printed summary. */
  visible: string
}

async function run(extra: Inputs = {}, env: Record<string, string> = {}): Promise<Outcome> {
  const plan = buildPlan(inputs(extra), env)
  const lines: string[] = []
  const sink = {
    info: (l: string) => lines.push(l),
    warning: (l: string) => lines.push(`warning: ${l}`),
    error: (l: string) => lines.push(`error: ${l}`),
  }
  const report = await runPlan(plan, {
    log: sink,
    context: {
      retry: { maxRetries: 0, baseDelayMs: 1 },
      timeoutMs: 10_000,
      githubBudget: { pointsPerWindow: 1_000_000, windowMs: 60_000 },
    },
  })
  return { report, visible: [...lines, ...summaryText(report).map(sanitize)].join('\n') }
}

const mints = () =>
  rgw.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/api-tokens').length +
  hz.requests.filter((r) => r.method === 'POST' && r.path === '/tokens').length
const writes = () =>
  vault.requests.filter((r) => r.method !== 'GET' && !/^\/v1\/(sys|auth)\//.test(r.path)).length +
  aws.requests.filter((r) => (r.body as { SecretString?: string } | undefined)?.SecretString !== undefined).length +
  gh.requests.filter((r) => r.method === 'PUT').length +
  cci.requests.filter((r) => r.method === 'PUT' || (r.method === 'POST' && r.path.endsWith('/envvar'))).length +
  gl.requests.filter((r) => (r.method === 'POST' || r.method === 'PUT') && r.path.includes('/variables')).length

/** The run failed with `error` somewhere in what it reports, minted nothing (or nothing after the mint answer), wrote nothing. */
function expectRefused(o: Outcome, error: RegExp, opts: { minted?: boolean } = {}): void {
  expect(o.report.outcome, o.visible).toBe('failed')
  expect(o.visible).toMatch(error)
  if (!opts.minted) expect(mints(), 'nothing may be minted').toBe(0)
  expect(writes(), 'nothing may be written').toBe(0)
  expect(evil.requests, 'no request may reach another origin').toEqual([])
  expect(o.visible).not.toMatch(/^\s*::/m)
}

const listed = (created_at: unknown) => [
  {
    id: 1,
    public_id: '0b7a0d7e-3f4e-4b8e-9d5e-7c1f3c2a1b00',
    name: 'rack-gateway-api-token-20260101000000',
    created_at,
  },
]
const createAnswer = (token: unknown, extra: Record<string, unknown> = {}) =>
  json(200, {
    token,
    api_token: {
      id: 9,
      public_id: '5f0e7c1a-0000-4000-8000-000000000009',
      created_at: new Date().toISOString(),
      ...extra,
    },
  })

describe('hostile issuer answers: an unexpected list is an error before minting', () => {
  const cases: [string, () => EmuResponse, RegExp][] = [
    ['the token list is an HTML login page', () => html(), /text\/html.*not JSON/],
    ['the token list is JSON of another shape', () => json(200, { data: [] }), /did not answer a token list/],
    ['the token list is JSON null', () => json(200, null), /did not answer a token list/],
    [
      'a listed token has a created_at that is not a date',
      () => json(200, listed('yesterday')),
      /created_at "yesterday", which is not a date/,
    ],
    [
      'a listed token has no public_id',
      () => json(200, [{ name: 'x', created_at: '2026-01-01T00:00:00Z' }]),
      /has no string public_id/,
    ],
    [
      'a listed token has an id that would run in a shell or leave its path segment',
      () =>
        json(200, [
          { public_id: '$(curl evil.example)', name: 'rack-gateway-api-token-1', created_at: '2026-01-01T00:00:00Z' },
        ]),
      /public_id "\$\(curl evil.example\)", which is not an id/,
    ],
    ['the token list is invalid JSON under a JSON content type', () => text(200, '[{"public_id": '), /not valid JSON/],
    [
      'the token list has no content type at all',
      () => ({ status: 200, body: '[]', headers: { 'content-type': '' } }),
      /not JSON/,
    ],
  ]
  it.each(cases)('%s', async (_what, answer, error) => {
    intercept(rgw, /^GET \/api\/v1\/api-tokens$/, answer)
    expectRefused(await run(), error)
  })
})

describe('hostile mint answers: the token is checked before it is written anywhere', () => {
  const cases: [string, () => EmuResponse, RegExp][] = [
    ['an empty token', () => createAnswer(''), /is empty or whitespace/],
    ['a whitespace-only token', () => createAnswer('   \t '), /is empty or whitespace/],
    ['an implausibly short token', () => createAnswer('rgw_abc'), /implausibly short/],
    [
      'a token that is not rgw_ + 32 bytes of base64url',
      () => createAnswer(`ghp_${'x'.repeat(40)}`),
      /does not have the issuer's format/,
    ],
    [
      'a token with a newline and a workflow command',
      () => createAnswer(`rgw_${'A'.repeat(43)}=\n::warning::x`),
      /whitespace or control characters/,
    ],
    ['no token field at all', () => createAnswer(undefined), /missing from the answer/],
    ['invalid JSON', () => text(200, '{"token": "rgw_'), /not valid JSON/],
    ['an HTML page', () => html(), /text\/html.*not JSON/],
    ['JSON without api_token', () => json(200, { token: `rgw_${'A'.repeat(43)}=` }), /answered no api_token.public_id/],
    [
      'an id that is not an id',
      () => createAnswer(`rgw_${'A'.repeat(43)}=`, { public_id: '../../api-tokens?all=1' }),
      /answered a malformed api_token.public_id/,
    ],
  ]
  it.each(cases)('%s', async (_what, answer, error) => {
    intercept(rgw, /^POST \/api\/v1\/api-tokens$/, answer)
    const o = await run()
    expectRefused(o, error, { minted: true })
    expect(o.visible).toMatch(/could not mint/)
  })

  it('a token named otherwise than asked is refused, revoked by its id and written nowhere', async () => {
    intercept(rgw, /^POST \/api\/v1\/api-tokens$/, () =>
      createAnswer(`rgw_${'A'.repeat(43)}=`, { name: 'someone-elses-token' }),
    )
    const o = await run()
    expectRefused(o, /is named "someone-elses-token", not rack-gateway-api-token-\d{14}\S* as asked/, { minted: true })
    expect(o.visible).toMatch(/the token was revoked/)
    expect(rgw.requests.map((r) => `${r.method} ${r.path}`)).toContain(
      'DELETE /api/v1/api-tokens/5f0e7c1a-0000-4000-8000-000000000009',
    )
  })

  it('the http issuer: a list that is not {items: [...]} stops the run before minting', async () => {
    intercept(hz, /^GET \/tokens$/, () => json(200, { items: 'none' }))
    expectRefused(
      await run({
        issuer: 'http',
        'issuer-url': hz.url,
        'issuer-token': hz.addAdminToken(),
        'token-role': 'deployer',
        'secret-name': 'HZ',
      }),
      /did not answer \{items: \[\.\.\.\]\}/,
    )
  })

  it('the http issuer: a mint answer without a token is refused before any write', async () => {
    intercept(hz, /^POST \/tokens$/, (req) =>
      json(201, { id: 'tok_1', name: (req.body as { name: string }).name, token: '' }),
    )
    expectRefused(
      await run({
        issuer: 'http',
        'issuer-url': hz.url,
        'issuer-token': hz.addAdminToken(),
        'token-role': 'deployer',
        'secret-name': 'HZ',
      }),
      /is empty or whitespace/,
      { minted: true },
    )
  })
})

describe('hostile GitHub answers: credentials go only to the configured origin', () => {
  function selectedOrgSecret(url: (evilUrl: string) => string): void {
    gh.seedOrgSecret('acme', NAME, {
      value: 'old',
      visibility: 'selected',
      selectedRepositoryIds: [gh.repoId('acme', 'web')],
    })
    intercept(gh, new RegExp(`^GET /orgs/acme/actions/secrets/${NAME}$`), () =>
      json(200, {
        name: NAME,
        created_at: '2026-01-01T00:00:00Z',
        updated_at: '2026-01-01T00:00:00Z',
        visibility: 'selected',
        selected_repositories_url: url(evil.url),
      }),
    )
  }

  it('selected_repositories_url on another origin is refused, and that origin sees no request', async () => {
    selectedOrgSecret((e) => `${e}/orgs/acme/actions/secrets/${NAME}/repositories`)
    expectRefused(
      await run({ destinations: 'github:org/acme' }),
      /refusing to send the credential to http:\/\/127\.0\.0\.1:\d+: only http:\/\/127\.0\.0\.1:\d+ was configured/,
    )
  })

  it('selected_repositories_url of the form @other-host/x is not glued onto the base URL', async () => {
    selectedOrgSecret((e) => `@${e.replace('http://', '')}/steal`)
    expectRefused(
      await run({ destinations: 'github:org/acme' }),
      /refusing the relative path "@127\.0\.0\.1:\d+\/steal"/,
    )
  })

  it('selected_repositories_url that climbs out of the API base with .. is refused', async () => {
    selectedOrgSecret(() => `${gh.url}/orgs/acme/../../admin/keys`)
    expectRefused(await run({ destinations: 'github:org/acme' }), /contains a \. or \.\. segment/)
  })

  it('a redirect is never followed (the credential would go with it)', async () => {
    intercept(gh, /^GET \/repos\/acme\/api\/actions\/secrets\/public-key$/, () => ({
      status: 302,
      headers: { location: `${evil.url}/public-key` },
    }))
    expectRefused(await run(), /-> 302/)
  })

  it('a public key that is not 32 bytes is refused in preflight, before minting', async () => {
    intercept(gh, /public-key$/, () => json(200, { key_id: '1', key: Buffer.alloc(31, 7).toString('base64') }))
    expectRefused(await run(), /not 32 bytes of base64/)
  })

  it('a public key that is not base64 is refused in preflight', async () => {
    intercept(gh, /public-key$/, () => json(200, { key_id: '1', key: '!'.repeat(44) }))
    expectRefused(await run(), /not 32 bytes of base64/)
  })

  it('a public key answer without key_id is refused in preflight', async () => {
    intercept(gh, /public-key$/, () => json(200, { key: Buffer.alloc(32, 7).toString('base64') }))
    expectRefused(await run(), /without a key_id and key/)
  })

  const APP_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs1', format: 'pem' })
    .toString()
  const viaApp = { 'github-token': undefined, 'github-app-id': '4242', 'github-app-private-key': APP_KEY }

  it('a GitHub App installation id that is not a number never becomes a path', async () => {
    gh.installApp('acme', 77)
    intercept(gh, /^GET \/repos\/acme\/api\/installation$/, () => json(200, { id: '../../user' }))
    expectRefused(await run(viaApp), /installation of GitHub App 4242 on acme was answered without a numeric id/)
    expect(gh.requests.filter((r) => r.method === 'POST')).toEqual([])
  })

  it('a GitHub App installation token that is empty is refused before it is used', async () => {
    gh.installApp('acme', 77)
    intercept(gh, /^POST \/app\/installations\/77\/access_tokens$/, () =>
      json(201, { token: '', expires_at: new Date().toISOString() }),
    )
    expectRefused(await run(viaApp), /no usable installation token/)
  })

  it('a repository listing with a name like ../../user is refused (it would become a path)', async () => {
    intercept(gh, /^GET \/orgs\/acme\/repos$/, () => json(200, [{ name: '../../user', archived: false }]))
    expectRefused(
      await run({ destinations: 'github:repos/acme' }),
      /listed a repository whose name is not a GitHub repository name/,
    )
  })

  it('a repository listing that is an object, not a list, is an error, not "no repositories"', async () => {
    intercept(gh, /^GET \/orgs\/acme\/repos$/, () => json(200, { repositories: [] }))
    expectRefused(await run({ destinations: 'github:repos/acme' }), /not a list of repositories/)
  })

  it('a pagination link to another origin is never followed: pages are numbered on the configured origin', async () => {
    const names = Array.from({ length: 100 }, (_, i) => ({ name: `r${i}`, archived: false }))
    intercept(gh, /^GET \/orgs\/acme\/repos$/, (req) =>
      req.query.get('page') === '1'
        ? json(200, names, { link: `<${evil.url}/orgs/acme/repos?page=2>; rel="next"` })
        : json(200, []),
    )
    await run({ destinations: 'github:repos/acme', 'dry-run': 'true' })
    expect(evil.requests).toEqual([])
    expect(gh.requests.some((r) => r.path === '/orgs/acme/repos' && r.query.includes('page=2'))).toBe(true)
    expect(mints()).toBe(0)
  })

  it('an error body echoing the credential is redacted whole before it is cut (no prefix survives, nor its hex)', async () => {
    const echo = `${'x'.repeat(490)}${PAT}${'y'.repeat(100)} hex=${Buffer.from(PAT).toString('hex')}`
    intercept(gh, /public-key$/, () => json(422, { message: echo }))
    const o = await run()
    expectRefused(o, /-> 422/)
    expect(o.visible).not.toContain(PAT.slice(0, 12))
    expect(o.visible).not.toContain(Buffer.from(PAT).toString('hex').slice(0, 24))
    expect(JSON.stringify(o.report)).not.toContain(PAT.slice(0, 12))
  })

  it('an error body carrying workflow commands reaches the log as one sanitised line', async () => {
    intercept(gh, /public-key$/, () =>
      json(403, { message: 'denied\n::stop-commands::pwned\n::warning file=x::owned\r\n##[error]legacy' }),
    )
    const o = await run()
    // One line: the breaks are visible escapes, so no `::` starts a line; the legacy `##[` form is broken up.
    expectRefused(o, /denied\\n::stop-commands::pwned\\n::warning file=x::owned\\r\\n# #\[error\]legacy/)
    expect(o.report.destinations[0]!.detail).not.toMatch(/[\r\n]/)
  })

  it('a response larger than 8 MB (content-length) is refused without reading it', async () => {
    intercept(gh, /public-key$/, () => text(200, JSON.stringify({ key_id: '1', key: 'A'.repeat(9 * 1024 * 1024) })))
    expectRefused(await run(), /larger than 8388608 bytes/)
  })
})

describe('hostile answers without end: bodies and pagination are bounded', () => {
  it('an endless streamed body is cut off at 8 MB and its stream aborted', async () => {
    const stream = await rawServer((req, res, self) => {
      if (req.method !== 'GET') return void res.writeHead(404).end()
      res.writeHead(200, { 'content-type': 'application/json' })
      const chunk = Buffer.alloc(256 * 1024, 0x20)
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
      }
      res.on('drain', pump)
      res.write('{"items": [')
      pump()
      void self
    })
    try {
      const o = await run({
        issuer: 'http',
        'issuer-url': stream.url,
        'issuer-token': 'admin-credential-0000',
        'token-role': 'deployer',
        'secret-name': 'HZ',
      })
      expectRefused(o, /larger than 8388608 bytes/)
      expect(stream.requests.filter((r) => r.startsWith('POST'))).toEqual([])
      await expect.poll(() => stream.closedEarly).toBe(1)
    } finally {
      await stream.close()
    }
  })

  it('a CircleCI next_page_token that never ends stops at the page cap, before minting', async () => {
    let n = 0
    intercept(cci, /^GET \/api\/v2\/context$/, () => json(200, { items: [], next_page_token: `page-${++n}` }))
    expectRefused(
      await run({ destinations: 'circleci:context/gh/acme/rwx' }),
      new RegExp(`more than ${CIRCLECI_MAX_PAGES} pages`),
    )
    expect(cci.requests.filter((r) => r.path === '/api/v2/context').length).toBe(CIRCLECI_MAX_PAGES)
  })

  it('a CircleCI next_page_token repeated is a loop, refused at once', async () => {
    intercept(cci, /^GET \/api\/v2\/context$/, () => json(200, { items: [], next_page_token: 'same' }))
    expectRefused(await run({ destinations: 'circleci:context/gh/acme/rwx' }), /same next_page_token twice/)
    expect(cci.requests.filter((r) => r.path === '/api/v2/context').length).toBe(2)
  })

  it('a CircleCI context listing answered with HTML is an error, not "no contexts"', async () => {
    intercept(cci, /^GET \/api\/v2\/context$/, () => html())
    expectRefused(await run({ destinations: 'circleci:context/gh/acme/rwx' }), /not JSON/)
    expect(cci.requests.filter((r) => r.method === 'POST')).toEqual([])
  })

  it('a CircleCI context listing without items is an error', async () => {
    intercept(cci, /^GET \/api\/v2\/context$/, () => json(200, { contexts: [] }))
    expectRefused(await run({ destinations: 'circleci:context/gh/acme/rwx' }), /answered without an items list/)
  })

  it('a CircleCI context id of .. never becomes a path segment', async () => {
    intercept(cci, /^GET \/api\/v2\/context$/, () =>
      json(200, { items: [{ id: '..', name: 'rwx' }], next_page_token: null }),
    )
    expectRefused(await run({ destinations: 'circleci:context/gh/acme/rwx' }), /refusing the path segment "\.\."/)
  })

  it('a GitLab variable read answered with HTML fails preflight', async () => {
    intercept(gl, /^GET \/api\/v4\/groups\/acme\/variables\//, () => html())
    expectRefused(await run({ destinations: 'gitlab:group/acme' }), /text\/html.*not JSON/)
  })
})

describe('hostile Vault and AWS answers: stopped before minting, throttling waited out', () => {
  const toVault = (destinations: string) => run({ destinations, 'vault-url': vault.url, 'vault-token': VAULT_TOKEN })
  const toAws = (destinations: string) => run({ destinations }, { ...AWS, AWS_ENDPOINT_URL: aws.url })

  it('a Vault mount that is not KV is refused in preflight', async () => {
    expectRefused(await toVault('vault:kv/transit/keys/ci'), /transit\/ is a transit secrets engine, not KV/)
  })

  it('a Vault mount answer with a path that is not a prefix of ours (../sys/) is refused', async () => {
    intercept(vault, /^GET \/v1\/sys\/internal\/ui\/mounts\//, () =>
      json(200, { data: { path: '../sys/', type: 'kv', options: { version: '2' } } }),
    )
    expectRefused(await toVault('vault:kv/secret/ci'), /answered without a usable path/)
  })

  it('a Vault answer in HTML (a login page) fails preflight', async () => {
    intercept(vault, /^GET \/v1\/auth\/token\/lookup-self$/, () => html())
    expectRefused(await toVault('vault:kv/secret/ci'), /text\/html.*not JSON/)
  })

  it('a Vault redirect (a standby node) is not followed with the token', async () => {
    intercept(vault, /^GET \/v1\/auth\/token\/lookup-self$/, () => ({
      status: 307,
      headers: { location: `${evil.url}/v1/auth/token/lookup-self` },
    }))
    expectRefused(await toVault('vault:kv/secret/ci'), /-> 307/)
  })

  it('capabilities-self without a list of capabilities is an error, not "allowed"', async () => {
    intercept(vault, /^POST \/v1\/sys\/capabilities-self$/, () => json(200, { capabilities: 'root' }))
    expectRefused(await toVault('vault:kv/secret/ci'), /without the capabilities/)
  })

  it('a KV v2 read without a version (so no check-and-set) is refused', async () => {
    intercept(vault, /^GET \/v1\/secret\/data\/ci$/, () => json(200, { data: { data: { a: 1 } } }))
    expectRefused(await toVault('vault:kv/secret/ci'), /answered without its version/)
  })

  it('Vault throttling (429 with Retry-After) is waited out', async () => {
    vault.setRateLimit({ limit: 3, windowMs: 1000 })
    undo.push(() => vault.setRateLimit(undefined))
    const o = await toVault('vault:kv/secret/throttled')
    expect(o.report.outcome, o.visible).toBe('rotated')
    expect(vault.requests.some((r) => r.status === 429)).toBe(true)
  })

  it('AWS ThrottlingException is waited out and the write lands', async () => {
    aws.seedSecret('ci/throttled', 'old')
    aws.setThrottle({ limit: 1, windowMs: 1000 })
    undo.push(() => aws.setThrottle(undefined))
    const o = await toAws('aws:secret/ci/throttled')
    expect(o.report.outcome, o.visible).toBe('rotated')
    expect(rgw.isValid(aws.current('ci/throttled')!)).toBe(true)
    expect(aws.requests.some((r) => r.status === 400)).toBe(true)
  })

  it('an AWS answer in HTML fails preflight', async () => {
    aws.seedSecret('ci/html', 'old')
    intercept(aws, /^POST \/$/, () => html())
    expectRefused(await toAws('aws:secret/ci/html'), /text\/html.*not JSON/)
  })

  it('an AWS redirect is not followed with the signed request', async () => {
    intercept(aws, /^POST \/$/, () => ({ status: 307, headers: { location: `${evil.url}/` } }))
    expectRefused(await toAws('aws:secret/ci/redirected'), /-> 307/)
  })

  it('key= on a secret whose string is not a JSON object is refused in preflight', async () => {
    aws.seedSecret('ci/plain-text', 'not json')
    expectRefused(await toAws('aws:secret/ci/plain-text?key=TOKEN'), /must be a JSON object/)
  })

  it('a secret scheduled for deletion is refused in preflight', async () => {
    aws.seedSecret('ci/deleted', 'old', { deleted: true })
    expectRefused(await toAws('aws:secret/ci/deleted'), /scheduled for deletion/)
  })

  it('credentials AWS does not recognise fail preflight, naming the variables', async () => {
    const o = await run(
      { destinations: 'aws:secret/ci/x' },
      { ...AWS, AWS_ACCESS_KEY_ID: 'AKIAUNKNOWN000000000', AWS_ENDPOINT_URL: aws.url },
    )
    expectRefused(o, /AWS refused the credentials \(AWS_ACCESS_KEY_ID/)
  })
})

describe('central guards', () => {
  it('resolveUrl: the base origin and path only', () => {
    const base = 'https://ghe.example.com/api/v3'
    expect(resolveUrl('github', base, '/repos/a/b', { page: 2 }).href).toBe(
      'https://ghe.example.com/api/v3/repos/a/b?page=2',
    )
    expect(resolveUrl('github', base, 'https://ghe.example.com/api/v3/x?per_page=1').href).toBe(
      'https://ghe.example.com/api/v3/x?per_page=1',
    )
    for (const bad of [
      'https://evil.example.com/api/v3/x',
      'https://ghe.example.com/other',
      '/repos/../../x',
      '/repos/%2e%2e/x',
      '@evil.example.com/x',
      '//evil.example.com/x/../..',
      'https://u:p@ghe.example.com/api/v3/x',
    ]) {
      expect(() => resolveUrl('github', base, bad), bad).toThrow(UntrustedResponseError)
    }
  })

  it('platformMessage redacts the whole message before cutting it', () => {
    const r = new Redactor()
    r.add(PAT)
    const said = platformMessage({ message: `${'x'.repeat(495)}${PAT}` }, (t) => r.redact(t))
    expect(said).not.toContain(PAT.slice(0, 5))
    expect(said.length).toBeLessThanOrEqual(503)
  })

  it('the logger sanitises every line: no line break, no line starting a workflow command', () => {
    const out: string[] = []
    const log = redactingLogger(
      { info: (l) => out.push(l), warning: (l) => out.push(l), error: (l) => out.push(l) },
      new Redactor(),
    )
    log.info('::set-output name=x::y')
    log.warning('  ::add-mask::\n::stop-commands::t')
    log.error('a\u0000b\u001b[2Jc\u202e')
    expect(out).toEqual([
      ': :set-output name=x::y',
      '  : :add-mask::\\n::stop-commands::t',
      'a\\u0000b\\u001b[2Jc\\u202e',
    ])
  })
})

describe('through the Action bundle: server text never becomes a workflow command', () => {
  it('a token name and an error body carrying ::stop-commands:: and ::warning:: stay inert on stdout', async () => {
    intercept(rgw, /^POST \/api\/v1\/api-tokens$/, () =>
      createAnswer(`rgw_${'A'.repeat(43)}=`, { name: 'evil\n::stop-commands::pwned\n::warning::owned' }),
    )
    intercept(rgw, /^GET \/api\/v1\/info$/, () => json(401, { error: 'nope\n::warning::from-error-body' }))
    const run = await runAction(inputs())
    expect(run.code).toBe(1)
    const commands = run.stdout.split('\n').filter((l) => l.trimStart().startsWith('::'))
    for (const line of commands) expect(line, line).toMatch(/^::(add-mask|error|warning|debug)::/)
    expect(run.stdout).not.toMatch(/^\s*::stop-commands::/m)
    expect(run.stdout).not.toMatch(/^\s*::warning::(owned|from-error-body)/m)
    expect(run.summary).not.toMatch(/^::/m)
    expect(writes()).toBe(0)
  })
})

describe("the credential's rights are read, never probed by a create", () => {
  it('a lax gateway that would mint a nameless token is never sent a create before the real mint', async () => {
    const nameless: string[] = []
    // A lax (or newer) server: a create without a name succeeds and mints a token nobody named.
    intercept(rgw, /^POST \/api\/v1\/api-tokens$/, (req) => {
      if ((req.body as { name?: string }).name) return PASS
      nameless.push('minted')
      return createAnswer(`rgw_${'B'.repeat(43)}=`)
    })
    const o = await run()
    expect(o.report.outcome, o.visible).toBe('rotated')
    expect(nameless).toEqual([])
    const sent = rgw.requests.map((r) => `${r.method} ${r.path}`)
    expect(sent.indexOf('GET /api/v1/api-tokens/permissions')).toBeLessThan(sent.indexOf('POST /api/v1/api-tokens'))
    expect(sent.filter((r) => r === 'POST /api/v1/api-tokens')).toHaveLength(1)
  })

  it('stated permissions decide: a reader is refused before any mint', async () => {
    const reader = rgw.addTokenReader()
    expectRefused(
      await run({ 'issuer-token': reader }),
      /may not create tokens \(its permissions lack gateway:api_token:create\)/,
    )
  })

  it('a wildcard in the stated permissions grants the right', async () => {
    intercept(rgw, /^GET \/api\/v1\/api-tokens\/permissions$/, () =>
      json(200, { user_permissions: ['gateway:api_token:*'], permissions: [], roles: [] }),
    )
    expect((await run()).report.outcome).toBe('rotated')
  })

  it('create without delete is refused before any mint', async () => {
    intercept(rgw, /^GET \/api\/v1\/api-tokens\/permissions$/, () =>
      json(200, { user_permissions: ['gateway:api_token:create'], permissions: [], roles: [] }),
    )
    expectRefused(await run(), /may not delete tokens/)
  })
})
