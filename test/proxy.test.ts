/**
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY, either case, for every request, on Node 20 and 24: through a
 * loopback proxy written here that records what it carried - plain http targets in absolute form,
 * https targets through CONNECT (with the issuer's certificate from an internal CA trusted via
 * NODE_EXTRA_CA_CERTS) - and NO_PROXY exempting a host.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { HttpClient } from '../src/transport/client.js'
import { Redactor } from '../src/shared/redact.js'
import { RwxEmulator } from './emulators/bearer-verify.js'
import { Emulator, json } from './emulators/base.js'
import { CircleCIEmulator } from './emulators/circleci.js'
import { GitHubEmulator } from './emulators/github.js'
import { GitLabEmulator } from './emulators/gitlab.js'
import { RackGatewayEmulator } from './emulators/rack-gateway.js'
import { LoopbackProxy } from './helpers/proxy.js'
import { node24Path, ROOT, runAction, runCli } from './helpers/run-dist.js'

const PROXY_VARS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy']
const TLS_DIR = join(ROOT, 'test', 'fixtures', 'tls')
const tls = {
  key: readFileSync(join(TLS_DIR, 'server-key.pem'), 'utf8'),
  cert: readFileSync(join(TLS_DIR, 'server.pem'), 'utf8'),
}
const CA = join(TLS_DIR, 'ca.pem')

describe('HttpClient without an injected dispatcher (in process)', () => {
  const saved = Object.fromEntries(PROXY_VARS.map((k) => [k, process.env[k]]))
  const proxy = new LoopbackProxy()
  const a = new Emulator('a').route('GET', '/ping', () => json(200, { pong: 'a' }))
  const b = new Emulator('b').route('GET', '/ping', () => json(200, { pong: 'b' }))
  beforeAll(async () => {
    await Promise.all([proxy.start(), a.start(), b.start()])
  })
  afterEach(() => {
    for (const k of PROXY_VARS) {
      if (saved[k] === undefined) delete process.env[k]
      else process.env[k] = saved[k]
    }
    proxy.seen.length = 0
  })
  afterAll(async () => Promise.all([proxy.close(), a.close(), b.close()]))

  const get = (url: string) =>
    new HttpClient({
      platform: 'test',
      baseUrl: url,
      headers: { authorization: 'Bearer x' },
      redactor: new Redactor(),
      retry: { maxRetries: 0 },
    }).get<{ pong: string }>('/ping')
  const clear = () => PROXY_VARS.forEach((k) => delete process.env[k])

  it('goes direct when no proxy is set', async () => {
    clear()
    expect((await get(a.url)).data.pong).toBe('a')
    expect(proxy.seen).toEqual([])
  })

  it.each(['HTTP_PROXY', 'http_proxy'])(
    '%s: a plain http request goes through the proxy in absolute form',
    async (name) => {
      clear()
      process.env[name] = proxy.url
      expect((await get(a.url)).data.pong).toBe('a')
      expect(proxy.seen).toEqual([{ kind: 'absolute', target: `GET ${a.url}/ping` }])
    },
  )

  it.each(['NO_PROXY', 'no_proxy'])(
    '%s=host:port exempts that host; another still goes through the proxy',
    async (name) => {
      clear()
      process.env.HTTP_PROXY = proxy.url
      process.env[name] = `example.invalid, ${new URL(a.url).host}`
      expect((await get(a.url)).data.pong).toBe('a')
      expect((await get(b.url)).data.pong).toBe('b')
      expect(proxy.hosts()).toEqual([new URL(b.url).host])
    },
  )

  it('credentials in the proxy URL become Proxy-Authorization', async () => {
    clear()
    process.env.HTTP_PROXY = proxy.url.replace('http://', 'http://rotator:s3cret@')
    await get(a.url)
    expect(proxy.seen[0]!.proxyAuthorization).toBe(`Basic ${Buffer.from('rotator:s3cret').toString('base64')}`)
    expect(a.requests.length).toBeGreaterThan(0)
  })
})

describe('the built CLI (dist/cli.js) behind a proxy: CONNECT for https, absolute form for http, NO_PROXY', () => {
  const proxy = new LoopbackProxy()
  const rwx = new RwxEmulator()
  const gl = new GitLabEmulator()
  let token: string
  beforeAll(async () => {
    // The issuer is https with a certificate from an internal CA (NODE_EXTRA_CA_CERTS); GitLab is plain http on loopback.
    await Promise.all([proxy.start(), rwx.start(tls), gl.start()])
    gl.addGroup('acme')
    gl.addToken('glpat-proxy-test-0000000000', { username: 'rotator', access: { acme: 50 } })
    token = rwx.addToken('acme')
  })
  afterEach(() => {
    proxy.seen.length = 0
  })
  afterAll(async () => Promise.all([proxy.close(), rwx.close(), gl.close()]))

  const distribute = (env: Record<string, string>, node?: string) =>
    runCli(
      [
        'distribute',
        '--issuer',
        'rwx',
        '--issuer-url',
        rwx.url,
        '--destinations',
        'gitlab:group/acme',
        '--gitlab-url',
        gl.url,
      ],
      {
        node,
        env: {
          TOKEN_ACTION_TOKEN: token,
          GITLAB_TOKEN: 'glpat-proxy-test-0000000000',
          NODE_EXTRA_CA_CERTS: CA,
          ...env,
        },
      },
    )
  const rwxHost = () => new URL(rwx.url).host
  const glHost = () => new URL(gl.url).host

  it('Node 20, HTTPS_PROXY + HTTP_PROXY: the issuer through a CONNECT tunnel, GitLab in absolute form', async () => {
    const r = await distribute({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url })
    expect(r.log).toMatch(/distributed/)
    expect(r.code).toBe(0)
    expect(new Set(proxy.hosts('connect'))).toEqual(new Set([rwxHost()]))
    expect(new Set(proxy.hosts('absolute'))).toEqual(new Set([glHost()]))
    expect(gl.variable('group', 'acme', 'RWX_ACCESS_TOKEN')).toMatchObject({ value: token })
    expect(r.log).not.toContain(token)
    expect(r.log).not.toMatch(/MaxListenersExceededWarning/)
  })

  it('lower-case https_proxy / http_proxy with no_proxy exempting GitLab: only the issuer goes through the proxy', async () => {
    const r = await distribute({ https_proxy: proxy.url, http_proxy: proxy.url, no_proxy: `localhost,${glHost()}` })
    expect(r.code).toBe(0)
    expect(new Set(proxy.hosts())).toEqual(new Set([rwxHost()]))
    expect(proxy.seen.every((s) => s.kind === 'connect')).toBe(true)
  })

  it('Node 24 (the runner version), same proxy settings: same route', async () => {
    const r = await distribute({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url }, node24Path())
    expect(r.code).toBe(0)
    expect(new Set(proxy.hosts('connect'))).toEqual(new Set([rwxHost()]))
    expect(new Set(proxy.hosts('absolute'))).toEqual(new Set([glHost()]))
  }, 120_000)
})

describe('the Action (dist/index.js) behind a proxy: every request - issuer, GitHub, CircleCI, GitLab - goes through it', () => {
  const proxy = new LoopbackProxy()
  const rgw = new RackGatewayEmulator()
  const gh = new GitHubEmulator()
  const cci = new CircleCIEmulator()
  const gl = new GitLabEmulator()
  beforeAll(async () => {
    await Promise.all([proxy.start(), rgw.start(tls), gh.start(), cci.start(), gl.start()])
    gh.addToken('github_pat_proxy_0000000000000000000', { login: 'rotator' })
    gh.addOrg('acme')
    cci.addOrg('gh/acme')
    cci.addToken('circle-token-proxy-000000000000', { orgs: ['gh/acme'] })
    gl.addGroup('acme')
    gl.addToken('glpat-proxy-action-00000000000', { username: 'owner', access: { acme: 50 } })
  })
  afterAll(async () => Promise.all([proxy.close(), rgw.close(), gh.close(), cci.close(), gl.close()]))

  it('rotates through the proxy: CONNECT to the https issuer, absolute form to the three platforms', async () => {
    const run = await runAction(
      {
        issuer: 'rack-gateway',
        'issuer-url': rgw.url,
        'issuer-token': rgw.addAdminToken(),
        'token-role': 'cicd',
        'github-token': 'github_pat_proxy_0000000000000000000',
        'github-api-url': gh.url,
        'circleci-token': 'circle-token-proxy-000000000000',
        'circleci-url': cci.url,
        'gitlab-token': 'glpat-proxy-action-00000000000',
        'gitlab-url': gl.url,
        destinations: 'github:org/acme\ncircleci:context/gh/acme/rwx\ngitlab:group/acme',
      },
      { env: { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: CA } },
    )
    expect(run.code, run.log).toBe(0)
    expect(run.outputs.outcome).toBe('rotated')
    expect(new Set(proxy.hosts('connect'))).toEqual(new Set([new URL(rgw.url).host]))
    expect(new Set(proxy.hosts('absolute'))).toEqual(new Set([gh, cci, gl].map((e) => new URL(e.url).host)))
    // Nothing reached a platform around the proxy: each one's requests all came through it.
    for (const e of [gh, cci, gl])
      expect(e.requests.length).toBe(
        proxy.seen.filter((s) => s.kind === 'absolute' && s.target.includes(new URL(e.url).host)).length,
      )
  })
})
